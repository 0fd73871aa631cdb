package printer

// wb, LBL's distributed whiteboard, over UDP: tcpdump decodes it only
// with -T wb. A packet is a 12-byte header (source, timestamp, version,
// type, flags) and a body by type; pages are named by a session address
// and a number, drawing operations by sequence numbers.

// wbDrawOps names the drawing operation types.
var wbDrawOps = map[byte]string{2: "RECT", 3: "LINE", 4: "ML", 5: "DEL", 6: "XFORM", 7: "ELL",
	8: "CHAR", 9: "STR", 10: "NOP", 11: "PSCODE", 12: "PSCOMP", 13: "REF", 14: "SKIP", 15: "HOLE"}

// wb prints a whiteboard packet of the given length.
func (p *Printer) wb(b []byte, length int) {
	r := p.reader("wb", b)
	const hdr = 12
	if length < hdr {
		p.print(" (invalid)")
		return
	}
	r.need(0, hdr)
	length -= hdr
	if r.u8(11) != 0 {
		p.print("*")
	}
	body := r.from(hdr)
	ok := false
	switch typ := r.u8(10); typ {
	case 4:
		p.print(" wb-kill")
		return
	case 1:
		ok = p.wbID(body, length)
	case 2:
		ok = p.wbRepairRequest(body, length)
	case 3:
		ok = p.wbRepairReply(body, length)
	case 0:
		ok = p.wbDrawOp(body, length)
	case 5:
		ok = p.wbPageRequest(body, length)
	case 7:
		ok = p.wbPageReply(body, length)
	default:
		p.printf(" wb-%d!", typ)
	}
	if !ok {
		p.print(" (invalid)")
	}
}

// wbAddr is the IPv4 address at off as a host name or number, ending the
// packet if it was not captured.
func (p *Printer) wbAddr(r reader, off int) string {
	r.need(off, 4)
	return p.host(addr4(r.b[off:]))
}

// wbPage is a page ID at off: "session:number".
func (p *Printer) wbPage(r reader, off int) string {
	sid := p.wbAddr(r, off)
	return sprintf("%s:%d", sid, r.be32(off+4))
}

// wbIDs prints n (site, offset) pairs at off as "<a:1,b:2", returning the
// offset after them.
func (p *Printer) wbIDs(r reader, off, n int) int {
	c := "<"
	for range n {
		id := p.wbAddr(r, off)
		p.printf("%s%s:%d", c, id, r.be32(off+4))
		c = ","
		off += 8
	}
	return off
}

// wbID prints an announcement: the sender's page state, the highest one,
// the sites it has heard from and its name.
func (p *Printer) wbID(r reader, length int) bool {
	p.print(" wb-id:")
	const size = 28
	if length < size {
		return false
	}
	length -= size
	slot, page := r.be32(12), p.wbPage(r, 16)
	mslot, mpage := r.be32(0), p.wbPage(r, 4)
	p.printf(" %d/%s (max %d/%s) ", slot, page, mslot, mpage)
	r.need(0, size)
	nid := int(r.be16(24))
	if length < 8*nid {
		return false
	}
	length -= 8 * nid
	off := p.wbIDs(r, size, nid)
	p.print("> \"")
	p.printJNP(r, off, length)
	p.print("\"")
	return true
}

// wbRepairRequest prints a request to repair a page's operations.
func (p *Printer) wbRepairRequest(r reader, length int) bool {
	p.print(" wb-rreq:")
	if length < 20 {
		return false
	}
	id, page := p.wbAddr(r, 0), p.wbPage(r, 4)
	p.printf(" please repair %s %s<%d:%d>", id, page, r.be32(12), r.be32(16))
	return true
}

// wbPageRequest prints a request for a page's state.
func (p *Printer) wbPageRequest(r reader, length int) bool {
	p.print(" wb-preq:")
	if length < 16 {
		return false
	}
	low, page := r.be32(8), p.wbPage(r, 0)
	p.printf(" need %d/%s", low, page)
	r.need(0, 16)
	return true
}

// wbPageReply prints page states, each with the sites heard from.
func (p *Printer) wbPageReply(r reader, length int) bool {
	p.print(" wb-prep:")
	if length < 4 {
		return false
	}
	off := 4
	for n := r.be32(0); n != 0; n-- {
		slot, page := r.be32(off), p.wbPage(r, off+4)
		p.printf(" %d/%s", slot, page)
		r.need(off, 16)
		// tcpdump reads the count as one byte: the high one of the
		// two-byte field.
		off = p.wbIDs(r, off+16, int(r.u8(off+12)))
		p.print(">")
	}
	return true
}

// wbRepairReply prints a reply to a repair request and, with -v, its
// drawing operations.
func (p *Printer) wbRepairReply(r reader, length int) bool {
	p.print(" wb-rrep:")
	if length < 20 {
		return false
	}
	id := p.wbAddr(r, 0)
	page := p.wbPage(r, 4)
	ss, es := r.be32(12), r.be32(16)
	p.printf(" for %s %s<%d:%d>", id, page, ss, es)
	if p.o.Verbose > 0 {
		p.wbDrawOps(r.from(4), ss, es)
	}
	return true
}

// wbDrawOp prints drawing operations and, with -v, their types.
func (p *Printer) wbDrawOp(r reader, length int) bool {
	p.print(" wb-dop:")
	if length < 16 {
		return false
	}
	page := p.wbPage(r, 0)
	ss, es := r.be32(8), r.be32(12)
	p.printf(" %s<%d:%d>", page, ss, es)
	if p.o.Verbose > 0 {
		p.wbDrawOps(r, ss, es)
	}
	return true
}

// wbDrawOps prints the types of the drawing operations numbered ss to es
// after the 16-byte operations header r starts with; a skip or hole
// operation stands for several.
func (p *Printer) wbDrawOps(r reader, ss, es uint32) {
	p.print(" <")
	off := 16
	for ; ss <= es; ss++ {
		t := r.u8(off + 7)
		if s, ok := wbDrawOps[t]; ok {
			p.printf(" %s", s)
		} else {
			p.printf(" dop-%d!", t)
		}
		if t == 14 || t == 15 {
			ts := r.be32(off)
			p.printf("%d", ts-ss+1)
			if ss > ts || ts > es {
				p.print("[|]")
				if ts < ss {
					return
				}
			}
			ss = ts
		}
		off += (int(r.be16(off+4)) + 8 + 3) &^ 3
	}
	p.print(" >")
}
