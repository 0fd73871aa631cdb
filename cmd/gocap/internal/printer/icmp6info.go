package printer

// ICMPv6 router renumbering (RFC 2894) and node information queries
// (RFC 4620).

// rrenum prints a router renumbering message.
func (p *Printer) rrenum(b []byte) {
	need(b, 16)
	switch b[1] {
	case 0:
		p.print(", command")
	case 1:
		p.print(", result")
	case 255:
		p.print(", sequence number reset")
	default:
		p.printf(", code-#%d", b[1])
	}
	p.printf(", seq=%d", be32(b, 4))
	if p.o.Verbose > 0 {
		f := b[9]
		p.print("[")
		if f != 0 {
			p.printf("%s%s%s%s%s,", pick(f&0x80 != 0, "T"), pick(f&0x40 != 0, "R"),
				pick(f&0x20 != 0, "A"), pick(f&0x10 != 0, "S"), pick(f&0x08 != 0, "P"))
		}
		p.printf("seg=%d,", b[8])
		p.printf("maxdelay=%d", be16(b, 10))
		if r := be32(b, 12); r != 0 {
			p.printf("rsvd=0x%x", r)
		}
		p.print("]")
	}
	if b[1] != 0 {
		return
	}
	m := b[16:]
	need(m, 24)
	p.rrSep()
	p.print("match(")
	switch m[0] {
	case 1:
		p.print("add")
	case 2:
		p.print("change")
	case 3:
		p.print("setglobal")
	default:
		p.printf("#%d", m[0])
	}
	if p.o.Verbose > 0 {
		p.printf(",ord=%d,min=%d,max=%d", m[2], m[4], m[5])
	}
	p.printf(",%s/%d)", addr16(m[8:]), m[3])
	n := int(m[1]) - 3
	if n%4 != 0 {
		p.print(" [|icmp6]")
		return
	}
	u := m[24:]
	for n /= 4; n > 0; n-- {
		need(u, 32)
		p.rrSep()
		p.print("use(")
		if f := u[12]; f != 0 {
			p.printf("%s%s,", pick(f&0x80 != 0, "V"), pick(f&0x40 != 0, "P"))
		}
		if p.o.Verbose > 0 {
			p.printf("mask=0x%x,raflags=0x%x,", u[2], u[3])
			for i, name := range []string{"vltime", "pltime"} {
				if t := be32(u, 4+4*i); t == 0xffffffff {
					p.printf("%s=infty,", name)
				} else {
					p.printf("%s=%d,", name, t)
				}
			}
		}
		p.printf("%s/%d/%d)", addr16(u[16:]), u[0], u[1])
		u = u[32:]
	}
}

func (p *Printer) rrSep() {
	if p.o.Verbose > 1 {
		p.print("\n\t")
	} else {
		p.print(" ")
	}
}

func pick(c bool, s string) string {
	if c {
		return s
	}
	return ""
}

// nodeAddrFlags formats the flags of a node-addresses query or reply.
func nodeAddrFlags(f uint16, reply bool) string {
	s := pick(f&0x40 != 0, "a") + pick(f&0x20 != 0, "G") + pick(f&0x10 != 0, "S") +
		pick(f&0x08 != 0, "L") + pick(f&0x04 != 0, "C") + pick(f&0x02 != 0, "A")
	if reply {
		s += pick(f&0x01 != 0, "T")
	}
	return s
}

// nodeInfo prints a node information query (type 139) or reply (140).
func (p *Printer) nodeInfo(b []byte, length int) {
	siz := len(b)
	if b[0] == 139 {
		if siz == 12 {
			p.print(" who-are-you request")
			return
		}
		p.print(" node information query")
		need(b, 16)
		p.print(" (")
		qtype, flags := be16(b, 4), be16(b, 6)
		switch qtype {
		case 0:
			p.print("noop")
		case 1:
			p.print("supported qtypes")
			if flags != 0 {
				p.printf(" [%s]", pick(flags&1 != 0, "C"))
			}
		case 2:
			p.print("DNS name")
		case 3:
			p.print("node addresses")
			if flags != 0 {
				p.printf(" [%s]", nodeAddrFlags(flags, false))
			}
		default:
			p.print("unknown")
		}
		if qtype == 0 || qtype == 1 {
			if siz != 16 && p.o.Verbose > 0 {
				p.print(", invalid len")
			}
			p.print(")")
			return
		}
		if siz == 16 {
			p.print(", 03 draft)")
			return
		}
		switch b[1] {
		case 0:
			if siz < 32 {
				break
			}
			if siz != 32 {
				if p.o.Verbose > 0 {
					p.print(", invalid subject len")
				}
				break
			}
			p.printf(", subject=%s", addr16(b[16:]))
		case 1:
			p.print(", subject=DNS name")
		case 2:
			if siz < 20 {
				break
			}
			if siz != 20 {
				if p.o.Verbose > 0 {
					p.print(", invalid subject len")
				}
				break
			}
			p.printf(", subject=%s", addr4(b[16:]))
		default:
			p.print(", unknown subject")
		}
		p.print(")")
		return
	}
	if length > siz {
		panic(truncated{})
	}
	need(b, 16)
	p.print(" node information reply (")
	comma := false
	switch b[1] {
	case 0:
		if p.o.Verbose > 0 {
			p.print("success")
			comma = true
		}
	case 1, 2:
		p.print(map[byte]string{1: "refused", 2: "unknown"}[b[1]])
		comma = true
		if siz != 16 && p.o.Verbose > 0 {
			p.print(", invalid length")
		}
	}
	if b[1] != 0 {
		p.print(")")
		return
	}
	if comma {
		p.print(", ")
	}
	qtype, flags := be16(b, 4), be16(b, 6)
	switch qtype {
	case 0:
		p.print("noop")
		if siz != 16 && p.o.Verbose > 0 {
			p.print(", invalid length")
		}
	case 1:
		p.print("supported qtypes")
		if flags != 0 {
			p.printf(" [%s]", pick(flags&1 != 0, "C"))
		}
	case 3:
		p.print("node addresses")
		for i := 16; i+20 <= siz; i += 20 {
			p.printf(" %s(%d)", addr16(b[i+4:]), be32(b, i))
		}
		if flags != 0 {
			p.printf(" [%s]", nodeAddrFlags(flags, true))
		}
	default:
		p.print("unknown")
	}
	p.print(")")
}
