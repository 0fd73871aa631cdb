package printer

// fddiFrameControls names the frame control values tcpdump names whole
// (print-fddi.c); fddiFrameClasses the class, length and format bits of
// the others, followed by the control bits.
var (
	fddiFrameControls = map[uint8]string{0x40: "void", 0x80: "nrt", 0xc0: "rt", 0x41: "info",
		0x4f: "nsa", 0xc2: "beacon", 0xc3: "claim"}
	fddiFrameClasses = map[uint8]string{0xc0: "mac", 0x40: "smt", 0x50: "async", 0xd0: "sync",
		0x60: "imp_async", 0xe0: "imp_sync"}
)

// fddi prints an FDDI frame (DLT_FDDI): frame control, destination and
// source addresses (in canonical order, as Linux captures them), then an
// LLC frame for the asynchronous LLC class.
func (p *Printer) fddi(b []byte, length int) int {
	const hdrLen = 13
	r := p.reader("fddi", b)
	if !r.has(0, hdrLen) {
		r.trunc()
		return len(b)
	}
	fc := b[0]
	dst, src := b[1:7], b[7:13]
	hdr := func(length int) {
		if !p.o.Quiet {
			if s, ok := fddiFrameControls[fc]; ok {
				p.print(s + " ")
			} else if s, ok := fddiFrameClasses[fc&0xf0]; ok {
				p.printf("%s%x ", s, fc&0x0f)
			} else {
				p.printf("%02x ", fc)
			}
		}
		p.printf("%s > %s, length %d: ", p.etherAddr(src), p.etherAddr(dst), length)
	}
	if p.o.LinkHeader {
		hdr(length)
	}
	payload := b[hdrLen:]
	switch fc & 0xf0 {
	case 0x50:
		n := p.llc(payload, length-hdrLen, src, dst)
		if n < 0 {
			p.defaultPrint(payload)
			n = -n
		}
		return hdrLen + n
	case 0x40:
		p.print("<SMT printer not yet implemented>")
	default:
		if !p.o.LinkHeader {
			hdr(length)
		}
		p.defaultPrint(payload)
	}
	return hdrLen
}
