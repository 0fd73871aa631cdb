package printer

// carp prints a CARP advertisement (OpenBSD's Common Address Redundancy
// Protocol), which shares IP protocol 112 with VRRP: tcpdump decodes it
// only with -T carp. ttl is the IP TTL or hop limit, which must be 255.
func (p *Printer) carp(b []byte, length int, ttl uint8) {
	r := p.reader("carp", b)
	ver, typ := r.u8(0)>>4, r.u8(0)&0x0f
	name := "unknown"
	if typ == 1 {
		name = "advertise"
	}
	p.printf("CARPv%d-%s %d: ", ver, name, length)
	if ttl != 255 {
		p.printf("[ttl=%d!] ", ttl)
	}
	if ver != 2 || typ != 1 {
		return
	}
	p.printf("vhid=%d advbase=%d advskew=%d authlen=%d ", r.u8(1), r.u8(5), r.u8(2), r.u8(3))
	if p.o.Verbose > 0 && r.has(0, length) && checksum(b[:length], 0) != 0 {
		p.printf(" (bad carp cksum %x!)", r.be16(6))
	}
	r.need(8, 8)
	p.printf("counter=%d", be64(b, 8))
}
