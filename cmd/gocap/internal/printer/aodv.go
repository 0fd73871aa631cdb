package printer

// AODV, UDP port 654, over IPv4 and IPv6 (and the IPv6 draft's message
// types), as tcpdump's print-aodv.c prints it.

// aodv prints an AODV message; v6 says it came over IPv6 (aodv_print).
func (p *Printer) aodv(b []byte, length int, v6 bool) {
	r := p.reader("aodv", b)
	typ := r.u8(0)
	p.print(" aodv")
	r.label(func() {
		switch {
		case typ == 1 && !v6:
			p.aodvRequest(r, length, 4, false)
		case typ == 1:
			p.aodvRequest(r, length, 16, false)
		case typ == 16:
			p.aodvRequest(r, length, 16, true)
		case typ == 2 && !v6:
			p.aodvReply(r, length, 4, false)
		case typ == 2:
			p.aodvReply(r, length, 16, false)
		case typ == 17:
			p.aodvReply(r, length, 16, true)
		case typ == 3 && !v6:
			p.aodvError(r, length, 4)
		case typ == 3, typ == 18:
			p.aodvError(r, length, 16)
		case typ == 4, typ == 19:
			p.printf(" rrep-ack %d", length)
		default:
			p.printf(" type %d %d", typ, length)
		}
	})
}

// aodvAddr is the address of alen bytes at off.
func (p *Printer) aodvAddr(r reader, off, alen int) string {
	if alen == 4 {
		return p.host(addr4(r.b[off:]))
	}
	return p.host(addr16(r.b[off:]))
}

// aodvHave jumps to the "trunc:" label unless the n bytes of the fixed
// part were captured and the message is that long.
func aodvHave(r reader, length, n int) {
	r.check(0, n)
	if length < n {
		gotoTrunc()
	}
}

// aodvRequestFlagBits are the request flags aodvFlags names before U.
var aodvRequestFlagBits = []bitTok{{0x80, "[J]"}, {0x40, "[R]"}, {0x20, "[G]"}, {0x10, "[D]"}}

// aodvFlags are tcpdump's request flags, which it takes from the type
// byte.
func aodvFlags(t byte) string {
	s := bitTokNoSep(aodvRequestFlagBits, "", uint32(t))
	if t&0x08 != 0 {
		return s + "[U] "
	}
	return s + " "
}

// aodvRequest prints a Route Request with addresses of alen bytes; the
// IPv6 draft puts both sequence numbers before the addresses.
func (p *Printer) aodvRequest(r reader, length, alen int, draft bool) {
	n := 16 + 2*alen
	aodvHave(r, length, n)
	da, ds, oa, os := 8, 8+alen, 12+alen, 12+2*alen
	if draft {
		ds, os, da, oa = 8, 12, 16, 16+alen
	}
	v6 := ""
	if alen == 16 && !draft {
		v6 = " v6"
	}
	t := r.u8(0)
	p.printf("%s rreq %d %shops %d id 0x%08x\n\tdst %s seq %d src %s seq %d", v6, length, aodvFlags(t), r.u8(3),
		r.be32(4), p.aodvAddr(r, da, alen), r.be32(ds), p.aodvAddr(r, oa, alen), r.be32(os))
	p.aodvExtension(r, n, length-n)
}

// aodvReply prints a Route Reply with addresses of alen bytes; the IPv6
// draft puts the sequence number first.
func (p *Printer) aodvReply(r reader, length, alen int, draft bool) {
	n := 12 + 2*alen
	aodvHave(r, length, n)
	da, ds, oa := 4, 4+alen, 8+alen
	if draft {
		ds, da, oa = 4, 8, 8+alen
	}
	t := r.u8(0)
	rep, ack := "", " "
	if t&0x80 != 0 {
		rep = "[R]"
	}
	if t&0x40 != 0 {
		ack = "[A] "
	}
	p.printf(" rrep %d %s%sprefix %d hops %d\n\tdst %s dseq %d src %s %d ms", length, rep, ack, r.u8(2)&0x1f, r.u8(3),
		p.aodvAddr(r, da, alen), r.be32(ds), p.aodvAddr(r, oa, alen), r.be32(8+2*alen))
	p.aodvExtension(r, n, length-n)
}

// aodvError prints a Route Error's unreachable destinations.
func (p *Printer) aodvError(r reader, length, alen int) {
	aodvHave(r, length, 4)
	d := ""
	if r.u8(1)&0x80 != 0 {
		d = "[D]"
	}
	dc := int(r.u8(3))
	p.printf(" rerr %s [items %d] [%d]:", d, dc, length)
	off, left := 4, length-4
	for ; dc > 0; dc-- {
		r.check(off, alen+4)
		if left < alen+4 {
			gotoTrunc()
		}
		p.printf(" {%s}(%d)", p.aodvAddr(r, off, alen), r.be32(off+alen))
		off += alen + 4
		left -= alen + 4
	}
}

// aodvExtension prints the extension at off, n bytes of the message
// left, if there is room for one.
func (p *Printer) aodvExtension(r reader, off, n int) {
	if n < 2 {
		return
	}
	r.check(off, 2)
	typ, l := r.u8(off), r.u8(off+1)
	if typ != 1 {
		p.printf("\n\text %d %d", typ, l)
		return
	}
	r.check(off, 6)
	if n < 6 {
		gotoTrunc()
	}
	if l < 4 {
		p.printf("\n\text HELLO - bad length %d", l)
		return
	}
	p.printf("\n\text HELLO %d ms", r.be32(off+2))
}
