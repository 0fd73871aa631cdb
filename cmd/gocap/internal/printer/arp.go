package printer

import "encoding/binary"

var arpHrdNames = map[uint16]string{
	1: "Ethernet", 6: "TokenRing", 7: "ArcNet", 15: "FrameRelay", 19: "ATM", 23: "Strip",
	24: "IEEE 1394", 32: "InfiniBand",
}

var arpOpNames = map[uint16]string{
	1: "Request", 2: "Reply", 3: "Reverse Request", 4: "Reverse Reply",
	8: "Inverse Request", 9: "Inverse Reply", 10: "NACK Reply",
}

// arp prints an ARP or RARP packet.
func (p *Printer) arp(b []byte, length int) {
	r := p.reader("arp", b)
	r.need(0, 8)
	hrd := binary.BigEndian.Uint16(b)
	if hrd == 19 {
		p.atmARP(r, length)
		return
	}
	pro := binary.BigEndian.Uint16(b[2:])
	hln, pln := int(b[4]), int(b[5])
	op := binary.BigEndian.Uint16(b[6:])
	sha := 8
	spa := sha + hln
	tha := spa + pln
	tpa := tha + hln
	if tpa+pln > len(b) {
		endPacket()
	}
	if !p.o.LinkHeader {
		p.print("ARP, ")
	}
	isIP := pro == etIPv4 || pro == 0x1000
	if !isIP || pln != 4 || hln == 0 || p.o.Verbose > 0 {
		hn, ok := arpHrdNames[hrd]
		if !ok {
			hn = sprintf("Unknown Hardware (%d)", hrd)
		}
		pn, ok := ethertypeNames[pro]
		if !ok {
			pn = sprintf("Unknown Protocol (0x%04x)", pro)
		}
		p.print(hn)
		p.print(" (len ")
		p.dec(uint64(hln))
		p.print("), ")
		p.print(pn)
		p.print(" (len ")
		p.dec(uint64(pln))
		p.print(")")
		if p.o.Verbose == 0 {
			p.print(", length ")
			p.decInt(length)
			return
		}
	}
	if p.o.Verbose > 0 {
		p.print(", ")
	}
	on, ok := arpOpNames[op]
	if !ok {
		on = sprintf("Unknown (%d)", op)
	}
	p.print(on)
	p.print(" ")
	paddr := func(off int) {
		switch {
		case !isIP:
			p.print("<wrong proto type>")
		case pln != 4:
			p.print("<wrong len>")
		default:
			p.hostAddr(addr4(b[off:]))
		}
	}
	hw := func(off int) {
		if hrd == arpHrdFrameRelay && hln > 0 {
			// A Frame Relay hardware address is a Q.922 address, read
			// up to the end of the captured data but no further than
			// its length.
			p.print(q922AddrString(b[off:], hln))
			return
		}
		p.linkAddrTo(b[off : off+hln])
	}
	switch op {
	case 1:
		p.print("who-has ")
		paddr(tpa)
		if nonzero(b[tha : tha+hln]) {
			p.print(" (")
			hw(tha)
			p.print(")")
		}
		p.print(" tell ")
		paddr(spa)
	case 2:
		paddr(spa)
		p.print(" is-at ")
		hw(sha)
	case 3, 8:
		p.print("who-is ")
		hw(tha)
		p.print(" tell ")
		hw(sha)
	case 4:
		hw(tha)
		p.print(" at ")
		paddr(tpa)
	case 9:
		hw(sha)
		p.print(" at ")
		paddr(spa)
	default:
		// tcpdump dumps unknown operations even with -x.
		p.hexASCII(b)
		return
	}
	p.print(", length ")
	p.decInt(length)
}

// arpHrdFrameRelay is the ARP hardware type of Frame Relay, whose
// hardware addresses are Q.922 addresses (DLCIs).
const arpHrdFrameRelay = 15

// q922AddrString is a Q.922 address as an ARP packet's hardware address
// prints: its DLCI, or what stopped its reading; b runs to the end of the
// captured data and n is the address's length.
func q922AddrString(b []byte, n int) string {
	q, st := parseQ922(b, n)
	switch st {
	case q922OK:
		return sprintf("DLCI %d", q.dlci)
	case q922Invalid:
		return "<Invalid DLCI>"
	}
	return "<Truncated>"
}

func nonzero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return true
		}
	}
	return false
}

// atmARP prints an ATM ARP packet (RFC 2225): a 12-byte header giving
// the lengths of the six address fields that follow it.
func (p *Printer) atmARP(r reader, length int) {
	r.need(0, 12)
	pro, op := r.be16(2), r.be16(6)
	shl, ssl, spl := int(r.u8(4)&0x3f), int(r.u8(5)&0x3f), int(r.u8(8))
	thl, tsl, tpl := int(r.u8(9)&0x3f), int(r.u8(10)&0x3f), int(r.u8(11))
	sha := 12
	ssa := sha + shl
	spa := ssa + ssl
	tha := spa + spl
	tsa := tha + thl
	tpa := tsa + tsl
	r.need(tpa, tpl)
	if !p.o.LinkHeader {
		p.print("ARP, ")
	}
	isIP := pro == etIPv4 || pro == 0x1000
	if !isIP || spl != 4 || tpl != 4 || p.o.Verbose > 0 {
		pn, ok := ethertypeNames[pro]
		if !ok {
			pn = sprintf("Unknown Protocol (0x%04x)", pro)
		}
		p.printf("ATM, %s (len %d/%d)", pn, spl, tpl)
		if p.o.Verbose == 0 {
			p.printf(", length %d", length)
			return
		}
	}
	on, ok := arpOpNames[op]
	if !ok {
		on = sprintf("Unknown (%d)", op)
	}
	if p.o.Verbose > 0 {
		p.print(", ")
	}
	p.printf("%s ", on)
	// proto prints the sender's or target's protocol address, or what
	// is wrong with it.
	proto := func(off, n int, wrong string) {
		switch {
		case !isIP:
			p.print("<wrong proto type>")
		case n != 4:
			p.print(wrong)
		default:
			p.print(p.host(addr4(r.bytes(off, 4))))
		}
	}
	// atm prints an ATM number and its subaddress.
	atm := func(off, n, soff, sn int) {
		if n == 0 {
			p.print("<No address>")
			return
		}
		p.print(linkAddr(r.bytes(off, n)))
		if sn != 0 {
			p.printf(",%s", linkAddr(r.bytes(soff, sn)))
		}
	}
	switch op {
	case 1:
		p.print("who-has ")
		proto(tpa, tpl, "<wrong tplen>")
		if thl != 0 {
			p.print(" (")
			atm(tha, thl, tsa, tsl)
			p.print(")")
		}
		p.print(" tell ")
		proto(spa, spl, "<wrong splen>")
	case 2:
		proto(spa, spl, "<wrong splen>")
		p.print(" is-at ")
		atm(sha, shl, ssa, ssl)
	case 8:
		p.print("who-is ")
		atm(tha, thl, tsa, tsl)
		p.print(" tell ")
		atm(sha, shl, ssa, ssl)
	case 9:
		atm(sha, shl, ssa, ssl)
		p.print("at ")
		proto(spa, spl, "<wrong splen>")
	case 10:
		p.print("for ")
		proto(spa, spl, "<wrong splen>")
	default:
		p.hexASCII(r.b)
		return
	}
	p.printf(", length %d", length)
}
