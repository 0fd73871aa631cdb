package printer

import "encoding/binary"

// The Microsoft Network Load Balancing heartbeat (EtherType 0x886f).

// msnlb prints a heartbeat's host priority and the cluster and host
// addresses.
func (p *Printer) msnlb(b []byte) {
	r := p.reader("msnlb", b)
	p.print("MS NLB heartbeat")
	r.need(8, 4)
	p.printf(", host priority: %d", binary.LittleEndian.Uint32(b[8:]))
	r.need(12, 4)
	p.printf(", cluster IP: %s", p.host(addr4(b[12:])))
	r.need(16, 4)
	p.printf(", host IP: %s", p.host(addr4(b[16:])))
}
