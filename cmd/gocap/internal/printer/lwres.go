package printer

// BIND's lightweight resolver protocol (lwres, UDP port 921), as
// tcpdump's print-lwres.c prints it. Its length checks end the packet
// when the bytes were not captured.

// lwresOpcodes names the opcodes.
var lwresOpcodes = map[uint32]string{0: "noop", 0x10001: "getaddrsbyname",
	0x10002: "getnamebyaddr", 0x10003: "getrdatabyname"}

// lwres prints a lightweight resolver packet.
func (p *Printer) lwres(b []byte, length int) {
	r := p.reader("lwres", b)
	r.need(26, 2)
	p.print(" lwres")
	v := r.be16(4)
	if p.o.Verbose > 0 || v != 0 {
		p.printf(" v%d", v)
	}
	s := 0
	unsupported := false
	if v != 0 {
		s = int(r.be32(0))
	} else {
		flags := r.be16(6)
		response := flags&1 != 0
		op := r.be32(12)
		name, ok := lwresOpcodes[op]
		if !ok {
			name = sprintf("#0x%x", op)
		}
		q := "?"
		if response {
			q = ""
		}
		p.printf(" %s%s", name, q)
		if flags&^1 != 0 {
			p.printf("[0x%x]", flags)
		}
		if p.o.Verbose > 1 {
			p.print(" (")
			p.printf("serial:0x%x", r.be32(8))
			p.printf(" result:0x%x", r.be32(16))
			p.printf(" recvlen:%d", r.be32(20))
			if p.o.Verbose > 2 {
				p.printf(" authtype:0x%x", r.be16(24))
				p.printf(" authlen:%d", r.be16(26))
			}
			p.print(")")
		}
		var ok2 bool
		if response {
			s, unsupported, ok2 = p.lwresResponse(r, op)
		} else {
			s, unsupported, ok2 = p.lwresQuery(r, op)
		}
		if !ok2 {
			p.print(" (invalid)")
			return
		}
	}
	if l := r.be32(0); l != uint32(length) {
		p.printf(" [len: %d != %d]", l, uint32(length))
	}
	if !unsupported && uint32(s) < r.be32(0) {
		p.print("[extra]")
	}
}

// lwresFlags prints a body's flags with -vvv.
func (p *Printer) lwresFlags(r reader, off int) {
	if p.o.Verbose > 2 {
		p.printf(" flags:0x%x", r.be32(off))
	}
}

// lwresTypeClass prints a record type, and the class unless it is IN.
func (p *Printer) lwresTypeClass(r reader, off int) {
	p.printf(" %s", dnsType(r.be16(off+2)))
	if c := r.be16(off); c != 1 {
		if s, ok := dnsClasses[c]; ok {
			p.printf(" %s", s)
		} else {
			p.printf(" Class%d", c)
		}
	}
}

// lwresQuery prints a query's body; it returns where it ended, whether
// the opcode is unknown, and false for an address it cannot print.
func (p *Printer) lwresQuery(r reader, op uint32) (int, bool, bool) {
	const b = 28
	switch op {
	case 0:
		return b, false, true
	case 0x10001:
		r.need(b+8, 2)
		p.lwresFlags(r, b)
		v := r.be32(b + 4)
		switch v & 3 {
		case 1:
			p.print(" IPv4")
		case 2:
			p.print(" IPv6")
		case 3:
			p.print(" IPv4/6")
		}
		if v&^3 != 0 {
			p.printf("[0x%x]", v)
		}
		s := b + 10
		return s + p.lwresName(r, int(r.be16(b+8)), s), false, true
	case 0x10002:
		r.need(b, 4)
		p.lwresFlags(r, b)
		n := p.lwresAddr(r, b+4)
		if n < 0 {
			return 0, false, false
		}
		return b + 4 + n, false, true
	case 0x10003:
		r.need(b+8, 2)
		p.lwresFlags(r, b)
		p.lwresTypeClass(r, b+4)
		s := b + 10
		return s + p.lwresName(r, int(r.be16(b+8)), s), false, true
	}
	return b, true, true
}

// lwresResponse prints a response's body, returning as lwresQuery does.
func (p *Printer) lwresResponse(r reader, op uint32) (int, bool, bool) {
	const b = 28
	switch op {
	case 0:
		return b, false, true
	case 0x10001:
		r.need(b+8, 2)
		p.lwresFlags(r, b)
		p.printf(" %d/%d", r.be16(b+4), r.be16(b+6))
		s := b + 10
		s += p.lwresName(r, int(r.be16(b+8)), s)
		for i := 0; i < int(r.be16(b+4)); i++ {
			s += p.lwresNameLen(r, s)
		}
		for i := 0; i < int(r.be16(b+6)); i++ {
			n := p.lwresAddr(r, s)
			if n < 0 {
				return 0, false, false
			}
			s += n
		}
		return s, false, true
	case 0x10002:
		r.need(b+6, 2)
		p.lwresFlags(r, b)
		p.printf(" %d", r.be16(b+4))
		s := b + 8
		s += p.lwresName(r, int(r.be16(b+6)), s)
		for i := 0; i < int(r.be16(b+4)); i++ {
			s += p.lwresNameLen(r, s)
		}
		return s, false, true
	case 0x10003:
		r.need(b+14, 2)
		p.lwresFlags(r, b)
		p.lwresTypeClass(r, b+4)
		p.print(" TTL ")
		p.print(relTime(r.be32(b + 8)))
		p.printf(" %d/%d", r.be16(b+12), r.be16(b+14))
		s := b + 16
		s += p.lwresNameLen(r, s)
		for i := 0; i < int(r.be16(b+12)); i++ {
			s += p.lwresBinLen(r, s)
		}
		for i := 0; i < int(r.be16(b+14)); i++ {
			s += p.lwresBinLen(r, s)
		}
		return s, false, true
	}
	return b, true, true
}

// lwresName prints a name of l bytes at off and the complaint when no NUL
// follows it; it returns l+1.
func (p *Printer) lwresName(r reader, l, off int) int {
	p.print(" ")
	for i := 0; i < l; i++ {
		p.printChar(r.u8(off + i))
	}
	if r.u8(off+l) != 0 {
		p.print(" (not NUL-terminated!)")
	}
	return l + 1
}

// lwresNameLen prints a name preceded by its 16-bit length.
func (p *Printer) lwresNameLen(r reader, off int) int {
	return 2 + p.lwresName(r, int(r.be16(off)), off+2)
}

// lwresBinLen prints data preceded by its 16-bit length, in hex.
func (p *Printer) lwresBinLen(r reader, off int) int {
	l := int(r.be16(off))
	for i := 0; i < l; i++ {
		p.printf("%02x", r.u8(off+2+i))
	}
	return 2 + l
}

// lwresAddr prints an address (family, length, bytes) and returns the
// bytes it took, or -1 for an address shorter than its family's.
func (p *Printer) lwresAddr(r reader, off int) int {
	l := int(r.be16(off + 4))
	a := off + 6
	r.need(a, l)
	switch fam := r.be32(off); fam {
	case 1:
		if l < 4 {
			return -1
		}
		p.printf(" %s", p.host(addr4(r.bytes(a, 4))))
		a += 4
	case 2:
		if l < 16 {
			return -1
		}
		p.printf(" %s", p.host(addr16(r.bytes(a, 16))))
		a += 16
	default:
		p.printf(" %d/", fam)
		for i := 0; i < l; i++ {
			p.printf("%02x", r.u8(a))
			a++
		}
	}
	return a - off
}
