package printer

// Token ring's source-routing fields (tcpdump's print-token.c), indexed by
// the routing control field's broadcast, direction and largest-frame bits.
var (
	trBroadcast = [8]string{"Non-Broadcast", "Non-Broadcast", "Non-Broadcast", "Non-Broadcast",
		"All-routes", "All-routes", "Single-route", "Single-route"}
	trDirection    = [2]string{"Forward", "Backward"}
	trLargestFrame = [8]string{"516", "1500", "2052", "4472", "8144", "11407", "17800", "??"}
)

// token prints an IEEE 802.5 token ring frame (DLT_IEEE802): access and
// frame control, destination and source addresses, a routing information
// field when the source address's top bit says so, then, for an LLC
// frame, the LLC frame.
func (p *Printer) token(b []byte, length int) int {
	const hdrLen = 14
	r := p.reader("token-ring", b)
	if !r.has(0, hdrLen) {
		r.trunc()
		return hdrLen
	}
	dst := b[2:8]
	src := [6]byte(b[8:14])
	routed := src[0]&0x80 != 0
	src[0] &= 0x7f
	hdr := func(length int) {
		if !p.o.Quiet {
			p.printf("%02x %02x ", b[0], b[1])
		}
		p.printf("%s > %s, length %d: ", p.etherAddr(src[:]), p.etherAddr(dst), length)
	}
	if p.o.LinkHeader {
		hdr(length)
	}
	n := hdrLen
	if routed {
		if !r.has(0, hdrLen+2) {
			r.trunc()
			return n
		}
		rcf := r.be16(14)
		rif := int(rcf&0x1f00) >> 8
		n += rif
		if !r.has(0, n) {
			r.trunc()
			return n
		}
		segs := (rif - 2) / 2
		if p.o.Verbose > 0 {
			p.printf("%s %s", trBroadcast[rcf>>13], trDirection[rcf>>7&1])
			for i := 0; i < segs; i++ {
				v := r.be16(16 + 2*i)
				p.printf(" [%d:%d]", v>>4, v&0xf)
			}
		} else {
			p.printf("rt = %x", rcf)
			for i := 0; i < segs; i++ {
				p.print(sprintf(":%x", r.be16(16+2*i)))
			}
		}
		p.printf(" (%s) ", trLargestFrame[rcf>>4&7])
	}
	payload := b[n:]
	if b[1]>>6 == 1 {
		k := p.llc(payload, length-n, src[:], dst)
		if k < 0 {
			p.defaultPrint(payload)
			k = -k
		}
		return n + k
	}
	if !p.o.LinkHeader {
		hdr(length)
	}
	p.defaultPrint(payload)
	return n
}
