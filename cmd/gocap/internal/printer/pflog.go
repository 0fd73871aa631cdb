package printer

// pf's reasons, actions and directions as tcpdump 4.99.3 built for Linux
// names them (print-pflog.c). Its reason table gives 4 the name meant for
// 3, so 3 has none.
var (
	pfReasons = map[uint8]string{0: "0(match)", 1: "1(bad-offset)", 2: "2(fragment)", 4: "3(short)",
		5: "5(memory)", 6: "6(bad-timestamp)", 7: "7(congestion)", 8: "8(ip-option)", 9: "9(proto-cksum)",
		10: "10(state-mismatch)", 11: "11(state-insert)", 12: "12(state-limit)", 13: "13(src-limit)", 14: "14(synproxy)"}
	pfActions = map[uint8]string{0: "pass", 1: "block", 2: "scrub", 4: "nat", 5: "nonat", 6: "binat",
		7: "nobinat", 8: "rdr", 9: "nordr", 10: "synproxy-drop"}
	pfDirections = map[uint8]string{0: "in/out", 1: "in", 2: "out"}
)

// pflog prints a packet of OpenBSD's pflog interface (DLT_PFLOG): a header
// of its own length (at least 45 bytes, padded to 4) saying which rule
// logged the packet, then the IP packet.
func (p *Printer) pflog(b []byte, length int) int {
	const minLen, hdrSize = 45, 64 // hdrSize: the header's size on Linux
	r := p.reader("pflog", b)
	if len(b) < 1 {
		r.trunc()
		return 0
	}
	if b[0] < minLen {
		p.print("[pflog: invalid header length!]")
		return int(b[0])
	}
	hdrLen := (int(b[0]) + 3) &^ 3
	if len(b) < hdrLen || len(b) < hdrSize {
		r.trunc()
		return hdrLen
	}
	hdr := func() {
		rule, sub := r.be32(36), r.be32(40)
		if sub == 0xffffffff {
			p.printf("rule %d/", rule)
		} else {
			p.printf("rule %d.", rule)
			p.printNUL(b[20:36])
			p.printf(".%d/", sub)
		}
		p.printf("%s: %s %s on ", tokStr(pfReasons, "unkn(%d)", b[3]), tokStr(pfActions, "unkn(%d)", b[2]),
			tokStr(pfDirections, "unkn(%d)", b[60]))
		p.printNUL(b[4:20])
		p.print(": ")
	}
	if p.o.LinkHeader {
		hdr()
	}
	payload := b[hdrLen:]
	switch b[1] {
	case 2:
		p.ip(payload, length-hdrLen)
	case 24, 28, 30:
		p.ip6(payload, length-hdrLen)
	default:
		if !p.o.LinkHeader {
			hdr()
		}
		p.defaultPrint(payload)
	}
	return hdrLen
}

// printNUL prints the bytes of b up to the first NUL, as tcpdump's
// nd_printjnp does.
func (p *Printer) printNUL(b []byte) {
	for _, c := range b {
		if c == 0 {
			return
		}
		p.printChar(c)
	}
}
