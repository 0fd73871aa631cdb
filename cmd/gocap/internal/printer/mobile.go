package printer

// Mobile IP encapsulation (IP protocol 55, RFC 2004) and IPComp (IP
// protocol 108), as tcpdump's print-mobile.c and print-ipcomp.c print
// them.

// mobileIP prints a minimal encapsulation header (mobile_print).
func (p *Printer) mobileIP(b []byte, length int) {
	r := p.reader("mobile", b)
	// tcpdump wants all 12 bytes of the header captured, the old
	// source too, though 8 may do.
	if length < 8 || !r.has(0, 12) {
		r.trunc()
		return
	}
	p.print("mobile: ")
	proto, sum := r.be16(0), r.be16(2)
	n := 8
	if proto&0x80 != 0 {
		n = 12
		p.print("[S] ")
		if p.o.Verbose > 0 {
			p.printf("%s ", p.host(addr4(r.bytes(8, 4))))
		}
	} else {
		p.print("[] ")
	}
	if p.o.Verbose > 0 {
		p.printf("> %s ", p.host(addr4(r.b[4:])))
		p.printf("(oproto=%d)", proto>>8)
	}
	if checksum(r.b[:n], 0) != 0 {
		p.printf(" (bad checksum %d)", sum)
	}
}

// ipcomp prints an IPComp header; the compressed payload is not decoded
// (ipcomp_print).
func (p *Printer) ipcomp(b []byte) {
	r := p.reader("ipcomp", b)
	p.printf("IPComp(cpi=0x%04x)", r.be16(2))
}
