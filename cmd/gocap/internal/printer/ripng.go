package printer

import "net/netip"

// ripng prints a RIPng message (RFC 2080, UDP port 521): a request or a
// response and its route entries of 20 bytes each.
func (p *Printer) ripng(b []byte, length int) {
	r := p.reader("ripng", b)
	r.label(func() { p.ripngBody(r, length) })
}

// ripngBody prints the message; a malformed one returns to ripng's label
// with " (invalid)".
func (p *Printer) ripngBody(r reader, length int) {
	if v := r.u8(1); v != 1 {
		p.printf(" [vers %d]", v)
		invalid()
	}
	cmd := r.u8(0)
	if cmd != 1 && cmd != 2 {
		p.printf(" ripng-%d ?? %d", cmd, length)
		invalid()
	}
	if length < 4 {
		invalid()
	}
	left := length - 4
	n := left / 20
	name := "req"
	if cmd == 2 {
		name = "resp"
	} else if n == 1 && r.u8(4+19) == 16 && [16]byte(r.b[4:20]) == [16]byte{} {
		p.print(" ripng-req dump")
		return
	}
	if n*20 != left {
		p.printf(" ripng-%s %d[%d]:", name, n, length)
	} else {
		p.printf(" ripng-%s %d:", name, n)
	}
	for off := 4; left >= 20; off, left = off+20, left-20 {
		if p.o.Verbose > 1 {
			p.print("\n\t")
		} else {
			p.print(" ")
		}
		p.printf("%s/%d", p.host(netip.AddrFrom16([16]byte(r.bytes(off, 16)))), r.u8(off+18))
		if tag := r.be16(off + 16); tag != 0 {
			p.printf(" [%d]", tag)
		}
		if m := r.u8(off + 19); m != 0 && cmd == 2 {
			p.printf(" (%d)", m)
		}
	}
	if left != 0 {
		invalid()
	}
}
