package printer

var ipnetFamilies = map[uint8]string{2: "IPv4", 26: "IPv6"}

// ipnet prints a packet of Solaris's ipnet devices (DLT_IPNET, tcpdump's
// print-ipnet.c): a 24-byte header (version, address family, hardware
// type, packet length, interface indexes, source and destination zones),
// then the IP packet.
func (p *Printer) ipnet(b []byte, length int) int {
	const hdrLen = 24
	r := p.reader("ipnet", b)
	r.need(0, hdrLen)
	fam := r.u8(1)
	hdr := func(length int) {
		p.printf("%d > %d", r.be32(16), r.be32(20))
		name := ipnetFamilies[fam]
		switch {
		case !p.o.Quiet:
			if name == "" {
				name = "Unknown"
			}
			p.printf(", family %s (%d)", name, fam)
		default:
			if name == "" {
				name = sprintf("Unknown Ethertype (0x%04x)", fam)
			}
			p.printf(", %s", name)
		}
		p.printf(", length %d: ", length)
	}
	if p.o.LinkHeader {
		hdr(length)
	}
	switch fam {
	case 2:
		p.ip(b[hdrLen:], length-hdrLen)
	case 26:
		p.ip6(b[hdrLen:], length-hdrLen)
	default:
		if !p.o.LinkHeader {
			hdr(length)
		}
		p.defaultPrint(b[hdrLen:])
	}
	return hdrLen
}
