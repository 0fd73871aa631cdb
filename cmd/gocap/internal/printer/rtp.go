package printer

// The real-time media printers tcpdump's UDP printer keeps for -T vat,
// -T rtp and -T rtcp: vat/vt audio, RTP (version 1 and RFC 3550's
// version 2) and RTCP. No port selects them.

// vat prints a vat or vt audio datagram of the given length.
func (p *Printer) vat(b []byte, length int) {
	r := p.reader("vat", b)
	if length < 2 {
		p.printf("udp/va/vat, length %d < 2", length)
		return
	}
	ts := r.be16(0)
	if ts&0xf060 != 0 {
		// Bits vat keeps clear: vt.
		p.printf("udp/vt %d %d / %d", length, ts&0x3ff, ts>>10)
		return
	}
	if length < 8 {
		p.printf("udp/vat, length %d < 8", length)
		return
	}
	w0, w1 := r.be32(0), r.be32(4)
	p.printf("udp/vat %d c%d %d", length-8, w0&0xffff, w1)
	if w0&0x800000 != 0 {
		p.print("*")
	}
	if f := (w0 >> 16) & 0x1f; f != 0 {
		p.printf(" f%d", f)
	}
	if s := (w0 >> 24) & 0x3f; s != 0 {
		p.printf(" s%d", s)
	}
}

// rtp prints an RTP datagram of the given length: the payload type,
// markers, sequence number and timestamp, and with -v the source, after
// skipping version 1 options or a version 2 header extension, an H.261
// header's first half.
func (p *Printer) rtp(b []byte, length int) {
	r := p.reader("rtp", b)
	if length < 8 {
		p.printf("udp/rtp, length %d < 8", length)
		return
	}
	w0, w1 := r.be32(0), r.be32(4)
	data := length - 8
	words := length/4 - 2 // 32-bit words after the fixed part
	next := 8             // offset of the word after the fixed part
	var opts, ext, marker bool
	var pt uint32
	name := "rtp"
	if w0>>30 == 1 {
		opts = w0&0x800000 != 0
		marker = w0&0x400000 != 0
		pt = (w0 >> 16) & 0x3f
		name = "rtpv1"
	} else {
		if data < 4 {
			p.printf("udp/rtp, length %d < 12", length)
			return
		}
		ext = w0&0x10000000 != 0
		marker = w0&0x800000 != 0
		pt = (w0 >> 16) & 0x7f
		data -= 4
		next += 4
		words--
	}
	plus, star := "", ""
	if opts || ext {
		plus = "+"
	}
	if marker {
		star = "*"
	}
	p.printf("udp/%s %d c%d %s%s %d %d", name, data, pt, plus, star, w0&0xffff, w1)
	if p.o.Verbose == 0 {
		return
	}
	p.printf(" %d", r.be32(8))
	if opts {
		for {
			w := r.be32(next)
			n := int(w>>16) & 0xff
			if n == 0 || n > words {
				p.print(" !opt")
				return
			}
			next += 4 * n
			words -= n
			if int32(w) < 0 {
				break
			}
		}
	}
	if ext {
		n := int(r.be32(next)&0xffff) + 1
		if n > words {
			p.print(" !ext")
			return
		}
		next += 4 * n
	}
	if pt == 0x1f {
		p.printf(" 0x%04x", r.be32(next)>>16)
	}
}

// RTCP packet types.
const (
	rtcpSR   = 200
	rtcpRR   = 201
	rtcpSDES = 202
	rtcpBye  = 203
)

// rtcp prints the RTCP packet at off in b and returns the offset of the
// next one, which may lie past b; a packet cut short ends with
// " [|rtcp]" and returns len(b).
func (p *Printer) rtcp(b []byte, off int) int {
	r := p.reader("rtcp", b)
	const hdr, sr, rr = 8, 20, 24 // sizes of the header, sender info, report block
	if off+hdr > len(b) {
		r.trunc()
		return len(b)
	}
	n := (int(r.be16(off+2)) + 1) * 4
	flags := r.be16(off)
	cnt := int(flags>>8) & 0x1f
	ssrc := func() {
		if p.o.Verbose > 0 {
			p.printf(" %d", r.be32(off+4))
		}
	}
	block := off + hdr
	switch typ := flags & 0xff; typ {
	case rtcpSR:
		p.print(" sr")
		if n != cnt*rr+sr+hdr {
			p.printf(" [%d]", n)
		}
		ssrc()
		if off+hdr+sr > len(b) {
			r.trunc()
			return len(b)
		}
		ts := float64(r.be32(off+8)) + float64(r.be32(off+12))/4294967296.0
		p.printf(" @%.2f %d %dp %db", ts, r.be32(off+16), r.be32(off+20), r.be32(off+24))
		block += sr
	case rtcpRR:
		p.print(" rr")
		if n != cnt*rr+hdr {
			p.printf(" [%d]", n)
		}
		ssrc()
	case rtcpSDES, rtcpBye:
		if typ == rtcpSDES {
			p.printf(" sdes %d", n)
		} else {
			p.printf(" bye %d", n)
		}
		ssrc()
		cnt = 0
	default:
		p.printf(" type-0x%x %d", typ, n)
		cnt = 0
	}
	if cnt > 1 {
		p.printf(" c%d", cnt)
	}
	for ; cnt > 0; cnt-- {
		if block+rr > len(b) {
			r.trunc()
			return len(b)
		}
		if p.o.Verbose > 0 {
			p.printf(" %d", r.be32(block))
		}
		lsr := float64(r.be32(block+16)) / 65536
		dlsr := float64(r.be32(block+20)) / 65536
		p.printf(" %dl %ds %dj @%.2f+%.2f", r.be32(block+4)&0xffffff, r.be32(block+8), r.be32(block+12), lsr, dlsr)
		// tcpdump prints the first report block cnt times: it never
		// moves on to the next.
	}
	return off + n
}
