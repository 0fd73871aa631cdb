package printer

// esp prints an IPsec ESP header; without keys tcpdump cannot look
// further, so the packet ends here.
func (p *Printer) esp(b []byte, length int) {
	p.proto = "esp"
	p.printf("ESP(spi=0x%08x", be32(b, 0))
	p.printf(",seq=0x%x), length %d", be32(b, 4), length)
}

// ah prints an IPsec AH header and returns its length, after which the
// next header's payload follows.
func (p *Printer) ah(b []byte) int {
	p.proto = "ah"
	p.print("AH(")
	l := int(u8(b, 1))
	hl := (l + 2) * 4
	if p.o.Verbose > 0 {
		p.printf("length=%d(%d-bytes),", l, hl)
	}
	if r := be16(b, 2); r != 0 {
		p.printf("reserved=0x%x[MustBeZero],", r)
	}
	p.printf("spi=0x%08x,seq=0x%x,icv=0x", be32(b, 4), be32(b, 8))
	for i := 12; i < hl; i++ {
		p.printf("%02x", u8(b, i))
	}
	p.print("): ")
	return hl
}
