package printer

// IGRP, IP protocol 9, as tcpdump's print-igrp.c prints it.

// igrp prints an IGRP message: the header and each route, interior,
// system and exterior (igrp_print).
func (p *Printer) igrp(b []byte, length int) {
	r := p.reader("igrp", b)
	p.print("igrp:")
	nint, nsys, next := int(r.be16(4)), int(r.be16(6)), int(r.be16(8))
	vop := r.u8(0)
	op := sprintf("op-#%d", vop&0xf)
	switch vop & 0xf {
	case 1:
		op = "update"
	case 2:
		op = "request"
	}
	p.printf(" %s V%d edit=%d AS=%d (%d/%d/%d)", op, vop>>4, r.u8(1), r.be16(2), nint, nsys, next)
	sum := r.be16(10)
	if p.o.Verbose > 0 {
		p.printf(" checksum=0x%04x", sum)
	}
	// Unsigned, as tcpdump's: a length under the header's wraps and
	// the routes run to the end of the captured bytes.
	left := uint32(length) - 12
	for off := 12; left >= 14; off, left = off+14, left-14 {
		n0, n1, n2 := r.u8(off), r.u8(off+1), r.u8(off+2)
		switch {
		case nint > 0:
			p.printf(" *.%d.%d.%d", n0, n1, n2)
			nint--
		case nsys > 0:
			p.printf(" %d.%d.%d.0", n0, n1, n2)
			nsys--
		case next > 0:
			p.printf(" X%d.%d.%d.0", n0, n1, n2)
			next--
		default:
			p.printf(" [extra bytes %d]", left)
			p.print(" (invalid)")
			return
		}
		dly := uint32(r.u8(off+3))<<16 | uint32(r.be16(off+4))
		bw := uint32(r.u8(off+6))<<16 | uint32(r.be16(off+7))
		mtu := r.be16(off + 9)
		var kbps uint32
		if bw != 0 {
			kbps = 10000000 / bw
		}
		p.printf(" d=%d b=%d r=%d l=%d M=%d mtu=%d in %d hops", 10*dly, kbps, r.u8(off+11), r.u8(off+12),
			min(bw+dly, 0xffffff), mtu, r.u8(off+13))
	}
	if nint != 0 || nsys != 0 || next != 0 || left != 0 {
		p.print(" (invalid)")
	}
}
