package printer

// DVMRP, IGMP type 0x13, as tcpdump's print-dvmrp.c prints it.

var dvmrpTypes = map[uint8]string{1: "Probe", 2: "Report", 3: "Ask-neighbors(old)", 4: "Neighbors(old)",
	5: "Ask-neighbors2", 6: "Neighbors2", 7: "Prune", 8: "Graft", 9: "Graft-ACK"}

// dvmrp prints a DVMRP message after its IGMP header (dvmrp_print).
func (p *Printer) dvmrp(b []byte, length int) {
	r := p.reader("dvmrp", b)
	r.label(func() { p.dvmrpMessage(r, length) })
}

// dvmrpMessage prints the message for dvmrp, whose label its "invalid:"
// jumps return to.
func (p *Printer) dvmrpMessage(r reader, length int) {
	p.dvmrpAtLeast(length, 8)
	typ := r.u8(1)
	p.printf(" %s", mapName(dvmrpTypes, typ, sprintf("[type %d]", typ)))
	body := r.from(8)
	length -= 8
	ip := func(off int) string { return p.host(addr4(body.bytes(off, 4))) }
	switch typ {
	case 1:
		if p.o.Verbose > 0 {
			p.dvmrpProbe(body, length, ip)
		}
	case 2:
		if p.o.Verbose > 1 {
			p.dvmrpReport(body, length)
		}
	case 4:
		p.dvmrpNeighbors(body, length, ip)
	case 6:
		p.dvmrpNeighbors2(body, length, r.u8(7), r.u8(6), ip)
	case 7, 8, 9:
		src, grp := ip(0), ip(4)
		p.printf(" src %s grp %s", src, grp)
		if typ == 7 {
			p.print(" timer ")
			p.print(relTime(body.be32(8)))
		}
	}
}

// dvmrpProbe prints a Probe's generation ID and at -vv its neighbours.
func (p *Printer) dvmrpProbe(r reader, length int, ip func(int) string) {
	if length < 4 {
		p.printf(" [full length %d < 4]", length)
		invalid()
	}
	if p.o.Verbose > 1 {
		p.print("\n\t")
	} else {
		p.print(" ")
	}
	p.printf("genid %d", r.be32(0))
	if p.o.Verbose < 2 {
		return
	}
	for off := 4; length-off > 0; off += 4 {
		if length-off < 4 {
			p.printf("[remaining length %d < 4]", length-off)
			invalid()
		}
		p.printf("\n\tneighbor %s", ip(off))
	}
}

// dvmrpReport prints a Report's routes, grouped by mask.
func (p *Printer) dvmrpReport(r reader, length int) {
	off := 0
	for length > 0 {
		p.dvmrpAtLeast(length, 3)
		m0, m1, m2 := r.u8(off), r.u8(off+1), r.u8(off+2)
		width := 1
		if m0 != 0 {
			width = 2
		}
		if m1 != 0 {
			width = 3
		}
		if m2 != 0 {
			width = 4
		}
		p.printf("\n\tMask 255.%d.%d.%d", m0, m1, m2)
		off += 3
		length -= 3
		for done := false; !done; {
			if length < width+1 {
				p.print("\n\t  [Truncated Report]")
				invalid()
			}
			var origin [4]byte
			for i := 0; i < width; i++ {
				origin[i] = r.u8(off)
				off++
			}
			metric := r.u8(off)
			off++
			done = metric&0x80 != 0
			p.printf("\n\t  %d.%d.%d.%d metric %d", origin[0], origin[1], origin[2], origin[3], metric&0x7f)
			length -= width + 1
		}
	}
}

// dvmrpAtLeast goes to the DVMRP label, after tcpdump's " [length L <
// n]", unless at least n bytes are left.
func (p *Printer) dvmrpAtLeast(length, n int) {
	if length < n {
		p.printf(" [length %d < %d]", length, n)
		invalid()
	}
}

// dvmrpNeighbors prints an old-style Neighbors reply.
func (p *Printer) dvmrpNeighbors(r reader, length int, ip func(int) string) {
	off := 0
	for length > 0 {
		p.dvmrpAtLeast(length, 7)
		laddr := off
		metric, thresh, n := r.u8(off+4), r.u8(off+5), int(r.u8(off+6))
		off += 7
		length -= 7
		for ; n > 0; n-- {
			p.dvmrpAtLeast(length, 4)
			p.printf(" [%s ->", ip(laddr))
			p.printf(" %s, (%d/%d)]", ip(off), metric, thresh)
			off += 4
			length -= 4
		}
	}
}

// dvmrpNeighborFlags are a Neighbors2 neighbor's flags, in tcpdump's
// order.
var dvmrpNeighborFlags = []bitTok{{0x01, "/tunnel"}, {0x02, "/srcrt"}, {0x40, "/querier"}, {0x20, "/disabled"}, {0x10, "/down"}}

// dvmrpNeighbors2 prints a Neighbors2 reply of the version given.
func (p *Printer) dvmrpNeighbors2(r reader, length int, major, minor uint8, ip func(int) string) {
	p.printf(" (v %d.%d):", major, minor)
	off := 0
	for length > 0 {
		p.dvmrpAtLeast(length, 8)
		laddr := off
		metric, thresh, flags, n := r.u8(off+4), r.u8(off+5), r.u8(off+6), int(r.u8(off+7))
		off += 8
		length -= 8
		for ; n > 0 && length > 0; n-- {
			p.dvmrpAtLeast(length, 4)
			p.printf(" [%s -> ", ip(laddr))
			p.printf("%s (%d/%d", ip(off), metric, thresh)
			p.print(bitTokNoSep(dvmrpNeighborFlags, "", uint32(flags)))
			p.print(")]")
			off += 4
			length -= 4
		}
		if n != 0 {
			p.print(" [invalid ncount]")
			invalid()
		}
	}
}
