package printer

import "encoding/binary"

// loopback prints an Ethernet configuration-testing (loopback, ethertype
// 0x9000) frame: the skip count, then the function at that offset. Its
// fields are little-endian.
func (p *Printer) loopback(b []byte, length int) {
	r := p.reader("loopback", b)
	p.print("Loopback")
	if length < 2 {
		p.print(" (invalid)")
		r.need(0, length)
		return
	}
	r.need(0, 2)
	skip := int(binary.LittleEndian.Uint16(b))
	p.printf(", skipCount %d", skip)
	if skip%8 != 0 {
		p.print(" (bogus)")
	}
	if skip > length-2 {
		p.print(" (invalid)")
		r.need(0, length)
		return
	}
	r.need(0, 2+skip) // the skipped bytes must have been captured
	m := b[2+skip:]
	l := length - 2 - skip
	// short reports whether the message is shorter than n bytes, after
	// " (invalid)" and checking what there is was captured; else it
	// checks the n bytes were.
	short := func(n int) bool {
		if l < n {
			p.print(" (invalid)")
			need(m, l)
			return true
		}
		need(m, n)
		return false
	}
	if short(2) {
		return
	}
	fn := binary.LittleEndian.Uint16(m)
	switch fn {
	case 1:
		p.print(", Reply")
		if short(4) {
			return
		}
		p.printf(", receipt number %d", binary.LittleEndian.Uint16(m[2:]))
		p.printf(", data (%d octets)", l-4)
	case 2:
		p.print(", Forward Data")
		if short(8) {
			return
		}
		p.printf(", forwarding address %s", p.etherAddr(m[2:8]))
		p.printf(", data (%d octets)", l-8)
	default:
		p.printf(",  invalid (%d)", fn)
	}
	need(m, l)
}
