package printer

// symantec prints a packet of a Symantec Enterprise Firewall capture
// (DLT_SYMANTEC_FIREWALL, tcpdump's print-symantec.c): a 44-byte header
// with an EtherType at offset 6, then the packet that type says.
func (p *Printer) symantec(b []byte, length int) int {
	const hdrLen = 44
	r := p.reader("symantec", b)
	r.need(0, hdrLen)
	t := r.be16(6)
	hdr := func(length int) {
		switch {
		case t <= 1500:
			p.printf("invalid ethertype %d", t)
		case p.o.Quiet:
			p.print(ethertypeName(t, sprintf("Unknown Ethertype (0x%04x)", t)))
		default:
			p.printf("ethertype %s (0x%04x)", ethertypeName(t, "Unknown"), t)
		}
		p.printf(", length %d: ", length)
	}
	if p.o.LinkHeader {
		hdr(length)
	}
	if t <= 1500 || !p.ethertype(t, b[hdrLen:], length-hdrLen) {
		if !p.o.LinkHeader {
			hdr(length)
		}
		p.defaultPrint(b[hdrLen:])
	}
	return hdrLen
}
