package printer

import "net/netip"

// ICMPv6 router renumbering (RFC 2894) and node information queries
// (RFC 4620).

// rrenum prints a router renumbering message. It reports false where
// tcpdump's icmp6_rrenum_print goes to its trunc label (the caller then
// prints the marker and goes on).
func (p *Printer) rrenum(b []byte) bool {
	r := reader{p: p, b: b, proto: p.proto}
	if !r.has(12, 4) {
		return false
	}
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
		return true
	}
	if !r.has(16, 24) {
		return false
	}
	m := b[16:]
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
	p.printf(",%s/%d)", addrString(addr16(m[8:])), m[3]) // numeric even without -n, as tcpdump prints it
	n := int(m[1]) - 3
	if n%4 != 0 {
		return false
	}
	for off := 40; n > 0; n -= 4 {
		if !r.has(off, 32) {
			return false
		}
		u := b[off:]
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
		p.printf("%s/%d/%d)", addrString(addr16(u[16:])), u[0], u[1])
		off += 32
	}
	return true
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

// nodeInfo prints a node information query (type 139) or reply (140);
// b is what was captured of the message. It reports false where
// tcpdump's icmp6_nodeinfo_print goes to its trunc label.
func (p *Printer) nodeInfo(b []byte, length int) bool {
	siz := len(b)
	r := reader{p: p, b: b, proto: p.proto}
	qtypeName := func(qtype, flags uint16, reply bool) {
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
			if flags != 0 && !reply {
				p.printf(" [%s]", nodeAddrFlags(flags, false))
			}
		default:
			p.print("unknown")
		}
	}
	if r.u8(0) == 139 {
		if siz == 12 {
			p.print(" who-are-you request")
			return true
		}
		p.print(" node information query")
		if !r.has(0, 16) {
			return false
		}
		p.print(" (")
		qtype, flags := be16(b, 4), be16(b, 6)
		qtypeName(qtype, flags, false)
		if qtype == 0 || qtype == 1 {
			if siz != 16 && p.o.Verbose > 0 {
				p.print(", invalid len")
			}
			p.print(")")
			return true
		}
		if siz == 16 {
			p.print(", 03 draft)")
			return true
		}
		switch b[1] {
		case 0, 2: // an IPv6 or an IPv4 address
			alen := 16
			if b[1] == 2 {
				alen = 4
			}
			if siz < 16+alen {
				break
			}
			if siz != 16+alen {
				if p.o.Verbose > 0 {
					p.print(", invalid subject len")
				}
				break
			}
			a, _ := netip.AddrFromSlice(b[16 : 16+alen])
			p.printf(", subject=%s", p.host(a))
		case 1:
			p.print(", subject=DNS name")
			p.nodeInfoName(r, 16)
		default:
			p.print(", unknown subject")
		}
		p.print(")")
		return true
	}
	if length > siz || !r.has(0, 16) {
		return false
	}
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
		return true
	}
	if comma {
		p.print(", ")
	}
	qtype, flags := be16(b, 4), be16(b, 6)
	qtypeName(qtype, flags, true)
	switch qtype {
	case 0:
		if siz != 16 && p.o.Verbose > 0 {
			p.print(", invalid length")
		}
	case 2:
		p.nodeInfoName(r, 20)
		if flags&1 != 0 {
			p.printf(" [TTL=%d]", r.be32(16))
		}
	case 3:
		for i := 16; i+20 <= siz; i += 20 {
			p.printf(" %s(%d)", p.host(addr16(b[i+4:])), be32(b, i))
		}
		if flags != 0 {
			p.printf(" [%s]", nodeAddrFlags(flags, true))
		}
	}
	p.print(")")
	return true
}

// nodeInfoName prints the DNS name at off that runs to the end of the
// captured message: a length-prefixed string as the -03 draft has it, or
// uncompressed labels (tcpdump's dnsname_print).
func (p *Printer) nodeInfoName(r reader, off int) {
	end := len(r.b)
	if int(r.u8(off)) == end-off-1 {
		if p.o.Verbose > 0 {
			p.print(", 03 draft")
		}
		p.printf(", \"%s\"", printableN(r.b[off+1:]))
		return
	}
	p.print(", \"")
labels:
	for cp := off; cp < end; {
		n := int(r.b[cp])
		cp++
		if n == 0 {
			switch {
			case cp == end:
				p.print(".")
			case cp+1 == end && r.b[cp] == 0:
			default:
				p.print("???")
			}
			break labels
		}
		if n > end-cp {
			p.print("???")
			break
		}
		p.print(printableN(r.b[cp : cp+n]))
		cp += n
		if cp+1 < end && r.b[cp] != 0 {
			p.print(".")
		}
	}
	p.print("\"")
}

// Neighbor discovery (RFC 4861) message details printed with -v.

var raFlags = []bitTok{{0x80, "managed"}, {0x40, "other stateful"}, {0x20, "home agent"}, {0x02, "ipv6 only"}}

var routerPrefs = [4]string{"medium", "high", "rsv", "low"}

// routerPref names the router preference bits of an RA or route option.
func routerPref(f uint8) string { return routerPrefs[f>>3&3] }

var ndOptionNames = map[uint8]string{
	1: "source link-address", 2: "destination link-address", 3: "prefix info",
	4: "redirected header", 5: "mtu", 25: "rdnss", 31: "dnssl", 7: "advertisement interval",
	8: "homeagent information", 24: "route info",
}

var prefixFlags = []bitTok{{0x80, "onlink"}, {0x40, "auto"}, {0x20, "router"}}

func ndLifetime(t uint32) string {
	if t == 0xffffffff {
		return "infinity"
	}
	return sprintf("%ds", t)
}

// ndOptions prints neighbor discovery options; resid is what the ICMPv6
// length leaves for them. It reports false where tcpdump's
// icmp6_opt_print gives up on a truncated option (its caller then prints
// the " [|icmp6]" marker); reads past the capture inside an option end the
// packet, as tcpdump's checked getters do. An option's fields are read
// from the packet, not from the option, as tcpdump reads them.
func (p *Printer) ndOptions(b []byte, resid int) bool {
	r := reader{p: p, b: b, proto: p.proto}
	cp := 0
	for cp < len(b) {
		if !r.has(cp, 2) {
			return false
		}
		if resid <= 0 {
			return true
		}
		typ, n := b[cp], int(b[cp+1])
		l := n * 8
		if n == 0 || cp+l > len(b) {
			return false
		}
		o := r.from(cp)
		p.printf("\n\t  %s option (%d), length %d (%d): ", mapName(ndOptionNames, typ, "unknown"), typ, l, n)
		switch typ {
		case 1, 2:
			for i, c := range b[cp+2 : cp+l] {
				if i > 0 {
					p.print(":")
				}
				p.printf("%02x", c)
			}
		case 3:
			o.need(0, 32)
			bad := ""
			if n != 4 {
				bad = "badlen"
			}
			p.printf("%s/%d%s, Flags [%s], valid time %s", p.host(addr16(o.b[16:])), o.u8(2), bad,
				bitTokString(prefixFlags, "none", uint32(o.u8(3))), ndLifetime(o.be32(4)))
			p.printf(", pref. time %s", ndLifetime(o.be32(8)))
		case 4:
			p.unknownData(b, "\n\t    ", l)
		case 5:
			bad := ""
			if n != 1 {
				bad = "bad option length"
			}
			p.printf(" %d%s", o.be32(4), bad)
		case 25:
			p.printf(" lifetime %ds,", o.be32(4))
			for i := 0; i < (n-1)/2; i++ {
				o.need(0, 8+16*(i+1))
				p.printf(" addr: %s", p.host(addr16(o.b[8+16*i:])))
			}
		case 31:
			p.printf(" lifetime %ds, domain(s):", o.be32(4))
			for d := cp + 8; d < cp+l && r.u8(d) != 0; {
				p.print(" ")
				next, ok := p.fqdnAt(r, d, 0)
				if !ok {
					return false
				}
				d = next
			}
		case 7:
			p.printf(" %dms", o.be32(4))
		case 8:
			p.printf(" preference %d, lifetime %d", o.be16(4), o.be16(6))
		case 24:
			var a [16]byte
			switch n {
			case 1:
			case 2:
				copy(a[:], o.bytes(8, 8))
			case 3:
				copy(a[:], o.bytes(8, 16))
			default:
				return false
			}
			p.printf(" %s/%d, pref=%s, lifetime=%s", p.host(netip.AddrFrom16(a)), o.u8(2), routerPref(o.u8(3)), ndLifetime(o.be32(4)))
		default:
			if p.o.Verbose <= 1 {
				p.unknownData(b[cp+2:], "\n\t  ", l-2)
				return true
			}
		}
		if p.o.Verbose > 1 {
			p.unknownData(b[cp+2:], "\n\t    ", l-2)
		}
		cp += l
		resid -= l
	}
	return true
}
