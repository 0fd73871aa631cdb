package printer

import "bytes"

// cip prints a packet of Linux classical IP over ATM (DLT_ATM_CLIP,
// tcpdump's print-cip.c): an LLC/SNAP frame when it starts with the
// RFC 1483 LLC header for an EtherType, bare IP otherwise.
func (p *Printer) cip(b []byte, length int) int {
	r := p.reader("cip", b)
	if p.o.LinkHeader {
		p.printf("%d: ", length)
	}
	llcSNAP := []byte{0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00}
	if !bytes.Equal(r.bytes(0, len(llcSNAP)), llcSNAP) {
		p.ip(b, length)
		return 0
	}
	n := p.llc(b, length, nil, nil)
	if n < 0 {
		p.defaultPrint(b)
		n = -n
	}
	return n
}

// ipoib prints a packet of IP over InfiniBand (DLT_IPOIB, tcpdump's
// print-ipoib.c): a 44-byte header with an EtherType at offset 40, then
// the packet that type says.
func (p *Printer) ipoib(b []byte, length int) int {
	const hdrLen = 44
	r := p.reader("ipoib", b)
	if !r.has(0, hdrLen) {
		r.trunc()
		return len(b)
	}
	if length < hdrLen {
		r.trunc()
		return length
	}
	t := r.be16(40)
	hdr := func() {
		if p.o.Quiet {
			p.printf(", ethertype %s", ethertypeName(t, "Unknown"))
		} else {
			p.printf(", ethertype %s (0x%04x)", ethertypeName(t, "Unknown"), t)
		}
		p.printf(", length %d: ", length)
	}
	if p.o.LinkHeader {
		p.print("IPOIB")
		hdr()
	}
	if !p.ethertype(t, b[hdrLen:], length-hdrLen) {
		if !p.o.LinkHeader {
			hdr()
		}
		p.defaultPrint(b[hdrLen:])
	}
	return hdrLen
}
