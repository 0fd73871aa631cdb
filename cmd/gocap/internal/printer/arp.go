package printer

import (
	"encoding/binary"
	"fmt"
)

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
		// ATM ARP (RFC 2225) has its own layout: a 12-byte header giving
		// the lengths of six address fields. Only its truncation is
		// reported like tcpdump so far.
		r.need(0, 12)
		end := 12
		for _, i := range []int{4, 5, 8, 9, 10, 11} {
			n := int(b[i])
			if i != 8 && i != 11 {
				n &= 0x3f
			}
			end += n
		}
		r.need(0, end)
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
			hn = fmt.Sprintf("Unknown Hardware (%d)", hrd)
		}
		pn, ok := ethertypeNames[pro]
		if !ok {
			pn = fmt.Sprintf("Unknown Protocol (0x%04x)", pro)
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
		on = fmt.Sprintf("Unknown (%d)", op)
	}
	p.print(on)
	p.print(" ")
	paddr := func(off int) string {
		if !isIP {
			return "<wrong proto type>"
		}
		if pln != 4 {
			return "<wrong len>"
		}
		return p.host(addr4(b[off:]))
	}
	switch op {
	case 1:
		p.print("who-has ")
		p.print(paddr(tpa))
		if nonzero(b[tha : tha+hln]) {
			p.print(" (")
			p.print(p.linkAddrName(b[tha : tha+hln]))
			p.print(")")
		}
		p.print(" tell ")
		p.print(paddr(spa))
	case 2:
		p.print(paddr(spa))
		p.print(" is-at ")
		p.print(p.linkAddrName(b[sha : sha+hln]))
	case 3:
		p.printf("who-is %s tell %s", p.linkAddrName(b[tha:tha+hln]), p.linkAddrName(b[sha:sha+hln]))
	case 4:
		p.printf("%s at %s", p.linkAddrName(b[tha:tha+hln]), paddr(tpa))
	case 8:
		p.printf("who-is %s tell %s", p.linkAddrName(b[tha:tha+hln]), p.linkAddrName(b[sha:sha+hln]))
	case 9:
		p.printf("%s at %s", p.linkAddrName(b[sha:sha+hln]), paddr(spa))
	default:
		// tcpdump dumps unknown operations even with -x.
		p.hexASCII(b)
		return
	}
	p.print(", length ")
	p.decInt(length)
}

func nonzero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return true
		}
	}
	return false
}
