package printer

// ZMTP/1.0, ZeroMQ's first transport protocol: a sequence of frames, each
// a length (one byte, or 0xff and eight bytes), a flags byte and a body.
// tcpdump decodes it in TCP only with -T zmtp1.

// zmtp1Body is how much of a frame's body one -v dumps.
const zmtp1Body = 128

// zmtp1 prints the ZMTP/1.0 frames in a TCP payload of the given length.
func (p *Printer) zmtp1(b []byte, length int) {
	p.announce("zmtp1")
	p.print(": ZMTP/1.0")
	end := min(len(b), max(length, 0))
	for off := 0; off < end; {
		off = p.zmtp1Frame(b, off, end)
	}
}

// zmtp1Frame prints the frame at off in b and returns the offset of the
// next one. The frames end at end, where the payload or the capture does;
// as in tcpdump, reads are checked against the capture alone.
func (p *Printer) zmtp1Frame(b []byte, off, end int) int {
	r := p.reader("zmtp1", b)
	p.print("\n\t")
	var declared uint64
	hlen := 1
	if n := r.u8(off); n != 0xff {
		declared = uint64(n)
		p.printf(" frame flags+body  (8-bit) length %d", declared)
	} else {
		hlen = 9
		p.print(" frame flags+body (64-bit) length")
		r.need(off, hlen)
		declared = be64(b, off+1)
		p.printf(" %d", declared)
	}
	if declared == 0 {
		return off + hlen
	}
	r.need(off, hlen+1)
	flags := b[off+hlen]
	captured := uint64(int64(end - off - hlen)) // wraps as tcpdump's does
	if declared > captured {
		p.printf(" (%d captured)", captured)
	}
	p.printf(", flags 0x%02x", flags)
	if p.o.Verbose > 0 {
		p.print(" (")
		for bit := byte(0x80); bit > 1; bit >>= 1 {
			if flags&bit != 0 {
				p.print("MBZ|")
			} else {
				p.print("-|")
			}
		}
		if flags&1 != 0 {
			p.print("MORE)")
		} else {
			p.print("-)")
		}
		show := min(captured, declared)
		if p.o.Verbose == 1 {
			show = min(show, zmtp1Body+1)
		}
		if show > 1 {
			p.printf(", first %d byte(s) of body:", show-1)
			body := b[off+hlen+1:]
			n := show - 1
			if n > uint64(len(body)) {
				p.hexASCIIIdent(body, "\n\t ")
				endPacket()
			}
			p.hexASCIIIdent(body[:n], "\n\t ")
		}
	}
	off += hlen
	if declared > uint64(len(b)-off) {
		endPacket()
	}
	return off + int(declared)
}

// zmtp1Datagram prints the ZeroMQ datagram at off in b, the data of a PGM
// ODATA or RDATA packet of the given length (-T pgm_zmtp1): the offset of
// the first message's first frame, the frame parts before it, then the
// frames.
func (p *Printer) zmtp1Datagram(b []byte, off, length int) {
	r := p.reader("zmtp1", b)
	end := min(len(b), off+length)
	fo := uint32(r.be16(off))
	p.printf("\n\t frame offset 0x%04x", fo)
	off += 2
	left := uint32(max(len(b)-off, 0))
	if fo == 0xffff {
		fo = uint32(length) - 2 // wraps as tcpdump's does
	} else if 2+int(fo) > length {
		p.print(" (exceeds datagram declared length)")
		endPacket()
	}
	if fo != 0 {
		p.printf("\n\t frame intermediate part, %d bytes", fo)
		if fo > left {
			p.printf(" (%d captured)", left)
		}
		if p.o.Verbose > 0 {
			show := min(fo, left)
			if p.o.Verbose == 1 {
				show = min(show, zmtp1Body)
			}
			if show > 1 {
				p.printf(", first %d byte(s):", show)
				p.hexASCIIIdent(b[off:off+int(show)], "\n\t ")
			}
		}
	}
	for off += int(fo); off < end; {
		off = p.zmtp1Frame(b, off, end)
	}
}
