package printer

// esp prints an IPsec ESP header; with a key from -E for it, the
// decrypted payload follows (espsecret.go), otherwise the packet ends
// here. h is the IP header ESP came in.
func (p *Printer) esp(b []byte, length int, h *ipHdr) {
	r := p.reader("esp", b)
	// tcpdump wants more than the 8-byte header captured.
	if !r.has(0, 9) {
		r.trunc()
		return
	}
	p.printf("ESP(spi=0x%08x", r.be32(0))
	p.printf(",seq=0x%x), length %d", r.be32(4), length)
	p.espDecrypt(b, h)
}

// ah prints an IPsec AH header and returns its length, after which the
// next header's payload follows. Nothing captured of it is only a
// truncation (tcpdump's demultiplexer tests that before calling ah_print).
func (p *Printer) ah(b []byte) int {
	rd := p.reader("ah", b)
	if !rd.has(0, 1) {
		rd.trunc()
		return -1
	}
	p.print("AH")
	l := int(rd.u8(1))
	hl := (l + 2) * 4
	p.print("(")
	if p.o.Verbose > 0 {
		p.printf("length=%d(%d-bytes),", l, hl)
	}
	if r := rd.be16(2); r != 0 {
		p.printf("reserved=0x%x[MustBeZero],", r)
	}
	p.printf("spi=0x%08x,", rd.be32(4))
	p.printf("seq=0x%x,icv=0x", rd.be32(8))
	for i := 12; i < hl; i++ {
		p.printf("%02x", rd.u8(i))
	}
	p.print("): ")
	return hl
}
