package printer

// ipfc prints a packet of IP over Fibre Channel (DLT_IP_OVER_FC, RFC 2625,
// tcpdump's print-ipfc.c): 8-byte destination and source network
// addresses, whose low 48 bits are MAC addresses, then an LLC frame.
func (p *Printer) ipfc(b []byte, length int) int {
	const hdrLen = 16
	r := p.reader("ipfc", b)
	r.need(0, hdrLen)
	dst, src := b[2:8], b[10:16]
	if p.o.LinkHeader {
		p.printf("%s > %s, length %d: ", p.etherAddr(src), p.etherAddr(dst), length)
	}
	n := p.llc(b[hdrLen:], length-hdrLen, src, dst)
	if n < 0 {
		p.defaultPrint(b[hdrLen:])
		n = -n
	}
	return hdrLen + n
}
