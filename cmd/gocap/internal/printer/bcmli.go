package printer

// BCM-LI, the shim Broadcom's switch SDK puts before lawfully
// intercepted packets, UDP source port 49152.

const bcmLIPort = 49152

var bcmLIDirections = map[uint32]string{1: "unused", 2: "egress", 3: "ingress"}

var bcmLITypes = map[uint32]string{4: "undecided", 5: "ipv4", 6: "ipv6", 7: "ethernet"}

var bcmLISubtypes = map[uint32]string{1: "single VLAN tag", 2: "double VLAN tag", 3: "untagged"}

// bcmLI prints the 4-byte shim and, with -v, the packet it carries.
func (p *Printer) bcmLI(b []byte, length int) {
	r := p.reader("bcm_li", b)
	if length < 4 {
		p.printf(" (length %d < 4) (invalid)", length)
		return
	}
	shim := r.be32(0)
	typ := shim >> 25 & 0xf
	nl := ""
	if p.o.Verbose > 0 {
		nl = "\n    "
	}
	p.printf("%sBCM-LI-SHIM: direction %s, pkt-type %s, pkt-subtype %s, li-id %d%s", nl,
		mapName(bcmLIDirections, shim>>29&7, "unknown"), mapName(bcmLITypes, typ, "unknown"),
		mapName(bcmLISubtypes, shim>>22&7, "unknown"), shim&0x3fffff, nl)
	b, length = b[4:], length-4
	if p.o.Verbose == 0 {
		r.need(4, length)
		return
	}
	switch typ {
	case 7:
		p.ether(b, length)
	case 5:
		p.ip(b, length)
	case 6:
		p.ip6(b, length)
	case 4:
		switch r.u8(4) >> 4 {
		case 4:
			p.ip(b, length)
		case 6:
			p.ip6(b, length)
		default:
			p.print("unknown payload")
		}
	default:
		p.print(" (invalid)")
	}
}
