package printer

// mplsReservedLabels names the reserved MPLS labels 0-15, printed with -v.
var mplsReservedLabels = [16]string{
	"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL", "implicit NULL", "rsvd",
	"rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd",
}

// mpls prints an MPLS label stack and guesses its payload's protocol, as
// tcpdump does: from the last label (explicit and implicit NULL), else from
// the payload's first byte.
func (p *Printer) mpls(b []byte, length int) {
	r := p.reader("mpls", b)
	p.print("MPLS")
	var e uint32
	for depth := 0; ; depth++ {
		if length < 4 {
			p.print(" (invalid)")
			r.need(0, length)
			return
		}
		e = r.be32(0)
		if depth > 0 && p.o.Verbose > 0 {
			p.print("\n\t")
		} else {
			p.print(" ")
		}
		label := e >> 12
		p.printf("(label %d", label)
		if p.o.Verbose > 0 && label < 16 {
			p.printf(" (%s)", mplsReservedLabels[label])
		}
		p.printf(", tc %d", e>>9&7)
		if e&0x100 != 0 {
			p.print(", [S]")
		}
		p.printf(", ttl %d)", e&0xff)
		r = r.from(4)
		b = r.b
		length -= 4
		if e&0x100 != 0 {
			break
		}
	}
	const (
		unknown = iota
		v4
		v6
		osi
	)
	pt := unknown
	switch e >> 12 {
	case 0, 3:
		pt = v4
	case 2:
		pt = v6
	default:
		if length < 1 {
			return
		}
		switch c := u8(b, 0); {
		case c >= 0x45 && c <= 0x4f:
			pt = v4
		case c >= 0x60 && c <= 0x6f:
			pt = v6
		case c >= 0x81 && c <= 0x83:
			pt = osi
		}
	}
	if pt == unknown {
		if !p.o.Quiet { // -q suppresses tcpdump's default printer
			p.defaultPrintLen(b, length)
		}
		return
	}
	if p.o.Verbose > 0 {
		p.print("\n\t")
	} else {
		p.print(" ")
	}
	switch pt {
	case v4:
		p.ip(b, length)
	case v6:
		p.ip6(b, length)
	default:
		p.isoclns(b, length)
	}
}

// defaultPrintLen is tcpdump's default printer for a payload of length
// bytes of which b holds the captured part: the hex and ASCII dump of what
// was captured, ending the packet if some is missing (defaultPrintAll);
// nothing where tcpdump suppresses it (-x, -X, -q, but not -A).
func (p *Printer) defaultPrintLen(b []byte, length int) {
	if p.suppressDefault() {
		return
	}
	p.defaultPrintAll(b, length)
}

var nlpidNames = map[uint8]string{
	0x00: "NULL", 0x08: "Q.933", 0x09: "LMI", 0x80: "SNAP", 0x81: "CLNP", 0x82: "ES-IS",
	0x83: "IS-IS", 0x84: "CONS", 0x85: "IDRP", 0xc1: "ISIS_SPB", 0xb1: "FRF.15", 0xcc: "IPv4",
	0xcf: "PPP", 0x8a: "X25 ES-IS", 0x8e: "IPv6",
}
