package printer

// ap1394 prints a packet of Apple's IP over IEEE 1394
// (DLT_APPLE_IP_OVER_IEEE1394, tcpdump's print-ap1394.c): destination and
// source EUI-64s and an EtherType, then the packet that type says.
func (p *Printer) ap1394(b []byte, length int) int {
	const hdrLen = 18
	r := p.reader("ap1394", b)
	r.need(0, hdrLen)
	t := r.be16(16)
	hdr := func(length int) {
		p.printf("%s > %s", linkAddr(b[8:16]), linkAddr(b[0:8]))
		if p.o.Quiet {
			p.printf(", %s", ethertypeName(t, sprintf("Unknown Ethertype (0x%04x)", t)))
		} else {
			p.printf(", ethertype %s (0x%04x)", ethertypeName(t, "Unknown"), t)
		}
		p.printf(", length %d: ", length)
	}
	if p.o.LinkHeader {
		hdr(length)
	}
	if !p.ethertypeFrom(t, b[hdrLen:], length-hdrLen, b[8:16], b[0:8]) {
		if !p.o.LinkHeader {
			hdr(length)
		}
		p.defaultPrint(b[hdrLen:])
	}
	return hdrLen
}

// netAnalyzer prints a Hilscher netANALYZER capture (DLT_NETANALYZER, and
// DLT_NETANALYZER_TRANSPARENT with the preamble and start of frame kept,
// tcpdump's print-ether.c): a 4-byte pseudo-header (and 8 bytes more), then
// an Ethernet frame.
func (p *Printer) netAnalyzer(b []byte, length int, transparent bool) int {
	proto, n := "netanalyzer", 4
	if transparent {
		proto, n = "netanalyzer_transparent", 12
	}
	p.reader(proto, b).need(0, n)
	return n + p.ether(b[n:], length-n)
}
