package printer

import "fmt"

var geneveFlagBits = []bitTok{{0x80, "O"}, {0x40, "C"}, {0x20, "R1"}, {0x10, "R2"},
	{0x08, "R3"}, {0x04, "R4"}, {0x02, "R5"}, {0x01, "R6"}}

// geneveOptClass names a Geneve option class.
func geneveOptClass(c uint16) string {
	switch c {
	case 0x0100:
		return "Linux"
	case 0x0101:
		return "Open vSwitch"
	case 0x0102:
		return "Open Virtual Networking (OVN)"
	case 0x0103:
		return "In-band Network Telemetry (INT)"
	case 0x0104:
		return "VMware"
	}
	if c <= 0x00ff {
		return "Standard"
	}
	if c >= 0xfff0 {
		return "Experimental"
	}
	return "Unknown"
}

// geneve prints a Geneve header (RFC 8926) and the frame it carries.
func (p *Printer) geneve(b []byte, length int) {
	r := p.reader("geneve", b)
	p.print("Geneve")
	if length < 8 {
		p.printf(" [length %d < 8] (invalid)", length)
		return
	}
	if !r.has(0, 8) {
		r.trunc()
		return
	}
	ver := b[0] >> 6
	if ver != 0 {
		p.printf(" ERROR: unknown-version %d", ver)
		return
	}
	optLen := int(b[0]&0x3f) * 4
	prot := r.be16(2)
	vni := be24(b, 4)
	p.printf(", Flags [%s]", bitTokNoSep(geneveFlagBits, "none", uint32(b[1])))
	p.printf(", vni 0x%x", vni)
	if b[7] != 0 {
		p.printf(", rsvd 0x%x", b[7])
	}
	if p.o.LinkHeader {
		p.printf(", proto %s (0x%04x)", ethertypeName(prot, "unknown"), prot)
	}
	b = b[8:]
	length -= 8
	if length < optLen {
		p.printf(" truncated-geneve - %d bytes missing", optLen-length)
		return
	}
	if !r.has(8, optLen) {
		r.trunc()
		return
	}
	if optLen > 0 {
		p.print(", options")
		if p.o.Verbose > 0 {
			p.geneveOpts(b[:optLen])
		} else {
			p.printf(" [%d bytes]", optLen)
		}
	}
	b = b[optLen:]
	length -= optLen
	if p.o.Verbose == 0 {
		p.print(": ")
	} else {
		p.print("\n\t")
	}
	if !p.ethertype(prot, b, length) {
		if prot == etTEB {
			p.ether(b, length)
		} else {
			p.printf("geneve-proto-0x%x", prot)
		}
	}
}

// geneveOpts prints Geneve options (with -v; data words with -vv).
func (p *Printer) geneveOpts(b []byte) {
	p.print(" [")
	for len(b) > 0 {
		need(b, 4)
		class := be16(b, 0)
		typ := b[2]
		l := 4 + int(b[3]&0x1f)*4
		crit := ""
		if typ&0x80 != 0 {
			crit = "(C)"
		}
		p.printf("class %s (0x%x) type 0x%x%s len %d", geneveOptClass(class), class, typ, crit, l)
		if l > len(b) {
			p.print(" [bad length]]") // and the list's closing bracket
			return
		}
		if p.o.Verbose > 1 && l > 4 {
			p.print(" data")
			for i := 4; i < l; i += 4 {
				p.printf(" %08x", be32(b, i))
			}
		}
		b = b[l:]
		if len(b) > 0 {
			p.print(", ")
		}
	}
	p.print("]")
}

var _ = fmt.Sprint
