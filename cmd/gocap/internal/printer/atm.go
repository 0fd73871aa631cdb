package printer

// atm prints a packet of LLC-encapsulated ATM (DLT_ATM_RFC1483, tcpdump's
// atm_if_print): an OSI packet after a lone UI control byte (CNLPID), an
// LLC frame when it starts with a UI header for SNAP, OSI or IP, and
// otherwise an LLC frame after 20 bytes of an unknown header.
func (p *Printer) atm(b []byte, length int) int {
	r := p.reader("atm", b)
	if r.u8(0) == 0x03 {
		if p.o.LinkHeader {
			p.print("CNLPID ")
		}
		p.isoclns(b[1:], length-1)
		return 1
	}
	n := 0
	switch uint32(r.u8(0))<<16 | uint32(r.be16(1)) {
	case 0xaaaa03, 0xfefe03, 0x060603:
	default:
		if p.o.LinkHeader {
			p.printf("%08x%08x %08x%08x ", r.be32(0), r.be32(4), r.be32(8), r.be32(12))
		}
		r.need(0, 20)
		n = 20
	}
	k := p.llc(b[n:], length-n, nil, nil)
	if k < 0 {
		p.defaultPrint(b[n:])
		k = -k
	}
	return n + k
}
