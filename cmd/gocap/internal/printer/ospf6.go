package printer

// OSPFv3 (RFC 5340), IPv6 next header 89, as tcpdump's print-ospf6.c
// prints it.

var ospf6Options = []bitTok{{0x01, "V6"}, {0x02, "External"}, {0x04, "Deprecated"}, {0x08, "NSSA"},
	{0x10, "Router"}, {0x20, "Demand Circuit"}, {0x100, "AFs Support"}, {0x200, "LLS"},
	{0x400, "Authentication Trailer"}}

var ospf6RLAFlags = []bitTok{{0x01, "ABR"}, {0x02, "External"}, {0x04, "Virtual-Link Endpoint"},
	{0x08, "Deprecated"}, {0x10, "NSSA Translator"}}

var ospf6ASLAFlags = []bitTok{{0x80000000, "External Type 2"}, {0x02000000, "Forwarding"},
	{0x01000000, "Tag"}}

var ospf6DDFlags = []bitTok{{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x10, "IPv6 MTU"}}

var ospf6PrefixOptions = []bitTok{{0x01, "No Unicast"}, {0x02, "Local address"}, {0x04, "Deprecated"},
	{0x08, "Propagate"}, {0x10, "Down"}, {0x20, "N-bit"}}

var ospf6LSATypes = map[uint32]string{1: "Router", 2: "Network", 3: "Inter-Area Prefix",
	4: "Inter-Area Router", 5: "External", 6: "Deprecated", 7: "NSSA", 8: "Link",
	9: "Intra-Area Prefix", 10: "Intra-Area TE", 11: "Grace", 12: "Router Information",
	13: "Inter-AS-TE", 14: "Layer 1 VPN"}

var ospf6Scopes = map[uint32]string{0: "Link Local", 0x2000: "Area Local", 0x4000: "Domain Wide"}

var ospfGraceTLVs = map[uint32]string{1: "Grace Period", 2: "Graceful restart Reason",
	3: "IPv4 interface address"}

var ospfGraceReasons = map[uint32]string{0: "Unknown", 1: "Software Restart",
	2: "Software Reload/Upgrade", 3: "Control Processor Switch"}

// ospf6Dec is one OSPFv3 packet being printed: its reader and the end of
// the OSPF data its length field gives (anything after is the trailer).
type ospf6Dec struct {
	p   *Printer
	r   reader
	end int
}

// ip4 is the IPv4-style identifier (router ID, LSA ID) at off.
func (d *ospf6Dec) ip4(off int) string { return d.p.host(addr4(d.r.bytes(off, 4))) }

// ospf6 prints an OSPFv3 packet (ospf6_print).
func (p *Printer) ospf6(b []byte, length int) {
	r := p.reader("ospf3", b)
	typ := r.u8(1)
	name, known := ospfTypes[typ]
	if !known {
		name = sprintf("unknown packet type (%d)", typ)
	}
	p.printf("OSPFv%d, %s, length %d", r.u8(0), name, length)
	if !known || p.o.Verbose == 0 {
		return
	}
	dl := int(r.be16(2))
	if dl > length {
		p.printf(" [len %d]", dl)
		return
	}
	d := &ospf6Dec{p: p, r: r, end: dl}
	p.printf("\n\tRouter-ID %s", d.ip4(4))
	if r.be32(8) != 0 {
		p.printf(", Area %s", d.ip4(8))
	} else {
		p.print(", Backbone Area")
	}
	if i := r.u8(14); i != 0 {
		p.printf(", Instance %d", i)
	}
	if r.u8(0) != 3 {
		return
	}
	if !d.body(typ) || !d.trailer(typ, length-dl) {
		r.trunc()
	}
}

// lsType prints an LS type and its LSA ID at off (ospf6_print_ls_type).
func (d *ospf6Dec) lsType(t uint16, off int) {
	u := ""
	if t&0x8000 != 0 {
		u = ", transitive"
	}
	d.p.printf("\n\t    %s LSA (%d), %s Scope%s, LSA-ID %s",
		nameOr(ospf6LSATypes, uint32(t&0x1fff), "Unknown"), t&0x1fff,
		nameOr(ospf6Scopes, uint32(t&0x6000), "Unknown"), u, d.ip4(off))
}

// lsHdr prints the LSA header at off; false means it runs past the end
// of the OSPF data.
func (d *ospf6Dec) lsHdr(off int) bool {
	if off+20 > d.end {
		return false
	}
	r := d.r
	d.p.printf("\n\t  Advertising Router %s, seq 0x%08x, age %ds, length %d",
		d.ip4(off+8), r.be32(off+12), r.be16(off), uint64(int64(r.be16(off+18))-20))
	d.lsType(r.be16(off+2), off+4)
	return true
}

// body prints the packet after the common header; false means tcpdump
// jumps to its trunc label.
func (d *ospf6Dec) body(typ uint8) bool {
	p, r := d.p, d.r
	const h = 16
	switch typ {
	case 1: // Hello
		p.printf("\n\tOptions [%s]", bitTokString(ospf6Options, "none", r.be32(h+4)))
		p.printf("\n\t  Hello Timer %ds, Dead Timer %ds, Interface-ID %s, Priority %d",
			r.be16(h+8), r.be16(h+10), d.ip4(h), r.u8(h+4))
		if r.be32(h+12) != 0 {
			p.printf("\n\t  Designated Router %s", d.ip4(h+12))
		}
		if r.be32(h+16) != 0 {
			p.printf(", Backup Designated Router %s", d.ip4(h+16))
		}
		if p.o.Verbose > 1 {
			p.print("\n\t  Neighbor List:")
			for off := h + 20; off < d.end; off += 4 {
				p.printf("\n\t    %s", d.ip4(off))
			}
		}
	case 2: // Database Description
		p.printf("\n\tOptions [%s]", bitTokString(ospf6Options, "none", r.be32(h)))
		p.printf(", DD Flags [%s]", bitTokString(ospf6DDFlags, "none", uint32(r.u8(h+7))))
		p.printf(", MTU %d, DD-Sequence 0x%08x", r.be16(h+4), r.be32(h+8))
		if p.o.Verbose > 1 {
			for off := h + 12; off < d.end; off += 20 {
				if !d.lsHdr(off) {
					return false
				}
			}
		}
	case 3: // LS-Request
		if p.o.Verbose > 1 {
			for off := h; off < d.end; off += 12 {
				if !r.has(off, 12) {
					return false
				}
				p.printf("\n\t  Advertising Router %s", d.ip4(off+8))
				d.lsType(r.be16(off+2), off+4)
			}
		}
	case 4: // LS-Update
		if p.o.Verbose > 1 {
			n := int32(r.be32(h))
			for off := h + 4; off < d.end && n != 0; n-- {
				if !d.lsa(off) {
					return false
				}
				off += int(r.be16(off + 18))
			}
		}
	case 5: // LS-Ack
		if p.o.Verbose > 1 {
			for off := h; off < d.end; off += 20 {
				if !d.lsHdr(off) {
					return false
				}
			}
		}
	}
	return true
}

// prefix prints the address prefix at off, of the n bytes left of its
// LSA, and returns its length, or -1 where tcpdump gives up.
func (d *ospf6Dec) prefix(off, n int) int {
	p, r := d.p, d.r
	if n < 4 || !r.has(off, 4) {
		return -1
	}
	n -= 4
	pl := r.u8(off)
	words := (int(pl) + 31) / 32
	if words*4 > 16 {
		p.printf(" bogus prefixlen /%d", pl)
		return -1
	}
	if n < words*4 {
		return -1
	}
	var a [16]byte
	copy(a[:], r.bytes(off+4, words*4))
	p.printf("\n\t\t%s/%d", p.host(addr16(a[:])), pl)
	if o := r.u8(off + 1); o != 0 {
		p.printf(", Options [%s]", bitTokString(ospf6PrefixOptions, "none", uint32(o)))
	}
	p.printf(", metric %d", r.be16(off+2))
	return 4 + words*4
}

// prefixes prints count prefixes from off (all of those in the n bytes
// when count is negative); false where tcpdump gives up.
func (d *ospf6Dec) prefixes(off, n, count int) bool {
	for (count < 0 && n != 0) || count > 0 {
		l := d.prefix(off, n)
		if l < 0 {
			return false
		}
		n -= l
		off += l
		count--
	}
	return true
}

// lsa prints the LSA at off (ospf6_print_lsa); false where tcpdump
// gives up on the packet.
func (d *ospf6Dec) lsa(off int) bool {
	p, r := d.p, d.r
	if !d.lsHdr(off) {
		return false
	}
	l := int(r.be16(off + 18))
	if l < 20 || off+l > d.end {
		return false
	}
	n := l - 20
	t := off + 20
	switch r.be16(off + 2) {
	case 0x2001: // Router
		if n < 4 {
			return false
		}
		n -= 4
		p.printf("\n\t      Options [%s]", bitTokString(ospf6Options, "none", r.be32(t)))
		p.printf(", RLA-Flags [%s]", bitTokString(ospf6RLAFlags, "none", uint32(r.u8(t))))
		for k := t + 4; n != 0; k += 16 {
			if n < 16 || !r.has(k, 16) {
				return false
			}
			n -= 16
			switch lt := r.u8(k); lt {
			case 4:
				p.printf("\n\t      Virtual Link: Neighbor Router-ID %s\n\t      Neighbor Interface-ID %s, Interface %s",
					d.ip4(k+12), d.ip4(k+8), d.ip4(k+4))
			case 1:
				p.printf("\n\t      Neighbor Router-ID %s\n\t      Neighbor Interface-ID %s, Interface %s",
					d.ip4(k+12), d.ip4(k+8), d.ip4(k+4))
			case 2:
				p.printf("\n\t      Neighbor Network-ID %s\n\t      Neighbor Interface-ID %s, Interface %s",
					d.ip4(k+12), d.ip4(k+8), d.ip4(k+4))
			default:
				p.printf("\n\t      Unknown Router Links Type 0x%02x", lt)
				return true
			}
			p.printf(", metric %d", r.be16(k+2))
		}
	case 0x2002: // Network
		if n < 4 {
			return false
		}
		n -= 4
		p.printf("\n\t      Options [%s]", bitTokString(ospf6Options, "none", r.be32(t)))
		p.print("\n\t      Connected Routers:")
		for k := t + 4; n != 0; k += 4 {
			if n < 4 {
				return false
			}
			n -= 4
			p.printf("\n\t\t%s", d.ip4(k))
		}
	case 0x2003: // Inter-Area Prefix
		if n < 4 {
			return false
		}
		p.printf(", metric %d", r.be32(t)&0xffffff)
		return d.prefixes(t+4, n-4, -1)
	case 0x4005: // AS-External
		if n < 4 {
			return false
		}
		n -= 4
		f := r.be32(t)
		p.printf("\n\t     Flags [%s]", bitTokString(ospf6ASLAFlags, "none", f))
		p.printf(" metric %d", f&0xffffff)
		pf := t + 4
		pl := d.prefix(pf, n)
		if pl < 0 {
			return false
		}
		n -= pl
		k := pf + pl
		if f&0x02000000 != 0 {
			if n < 16 {
				return false
			}
			n -= 16
			p.printf(" forward %s", p.host(addr16(r.bytes(k, 16))))
			k += 16
		}
		if f&0x01000000 != 0 {
			if n < 4 {
				return false
			}
			n -= 4
			p.printf(" tag %s", d.ip4(k))
			k += 4
		}
		if r.u8(pf+2) != 0 {
			if n < 4 {
				return false
			}
			p.printf(" RefLSID: %s", d.ip4(k))
		}
	case 0x0008: // Link
		if n < 4 || !r.has(t, 4) {
			return false
		}
		n -= 4
		p.printf("\n\t      Options [%s]", bitTokString(ospf6Options, "none", r.be32(t)))
		if n < 20 {
			return false
		}
		n -= 20
		c := r.be32(t + 20)
		p.printf("\n\t      Priority %d, Link-local address %s, Prefixes %d:",
			r.u8(t), p.host(addr16(r.bytes(t+4, 16))), c)
		return d.prefixes(t+24, n, int(c))
	case 0x2009: // Intra-Area Prefix
		if n < 4 || !r.has(t+8, 4) {
			return false
		}
		n -= 4
		d.lsType(r.be16(t+2), t+4)
		if n < 2 {
			return false
		}
		n -= 2
		c := r.be16(t)
		p.printf("\n\t      Prefixes %d:", c)
		return d.prefixes(t+12, n, int(c))
	case 0x000b: // Grace
		return p.ospfGrace(r, t, n)
	case 0x000a: // Intra-Area TE
		return p.ospfTE(r, t, n)
	default:
		p.unknownAt(r, t, n, "\n\t      ")
	}
	return true
}

// unknownAt is tcpdump's print_unknown_data: a hex dump of the n bytes
// at off, or of those captured.
func (p *Printer) unknownAt(r reader, off, n int, indent string) bool {
	if off > len(r.b) {
		p.printf("%sDissector error: print_unknown_data called with pointer past end of packet", indent)
		return false
	}
	p.hexLinesPlain(r.b[off:min(off+n, len(r.b))], indent)
	return true
}

// ospfTLVHead reads and prints, with format (given the name from names,
// the type and the length), the head of a TLV at off in the n bytes left
// of an LSA (grace and TE LSAs). It returns false where tcpdump gives up:
// a head not captured or not fitting, a length past n (both with
// tcpdump's complaint), or a type or length of 0.
func (p *Printer) ospfTLVHead(r reader, off, n int, names map[uint32]string, format string) (t uint32, l int, ok bool) {
	if !r.has(off, 4) {
		return 0, 0, false
	}
	if n < 4 {
		p.printf("\n\t    Remaining LS length %d < 4", n)
		return 0, 0, false
	}
	t, l = uint32(r.be16(off)), int(r.be16(off+2))
	p.printf(format, nameOr(names, t, "unknown"), t, l)
	if l > n-4 {
		p.printf("\n\t    Bogus length %d > %d", l, n-4)
		return t, l, false
	}
	return t, l, t != 0 && l != 0
}

// ospfGrace prints the TLVs of a grace LSA (ospf_grace_lsa_print); false
// where tcpdump gives up.
func (p *Printer) ospfGrace(r reader, off, n int) bool {
	for n > 0 {
		t, l, ok := p.ospfTLVHead(r, off, n, ospfGraceTLVs, "\n\t    %s TLV (%d), length %d, value: ")
		if !ok || !r.has(off+4, l) {
			return false
		}
		off += 4
		n -= 4
		switch t {
		case 1:
			if l != 4 {
				p.printf("\n\t    Bogus length %d != 4", l)
				return false
			}
			p.printf("%ds", r.be32(off))
		case 2:
			if l != 1 {
				p.printf("\n\t    Bogus length %d != 1", l)
				return false
			}
			v := uint32(r.u8(off))
			p.printf("%s (%d)", nameOr(ospfGraceReasons, v, "Unknown"), v)
		case 3:
			if l != 4 {
				p.printf("\n\t    Bogus length %d != 4", l)
				return false
			}
			p.print(p.host(addr4(r.bytes(off, 4))))
		default:
			if p.o.Verbose <= 1 && !p.unknownAt(r, off, l, "\n\t      ") {
				return false
			}
		}
		l = (l + 3) &^ 3
		// tcpdump's unsigned count wraps when the padding runs past
		// the LSA, and the TLVs go on being read from what follows.
		n = (n - l) & 0xffffffff
		off += l
	}
	return true
}

// ospf6Trailer prints the LLS block and authentication trailer after
// the OSPF data (ospf6_decode_v3_trailer); false where tcpdump jumps to
// its trunc label.
func (d *ospf6Dec) trailer(typ uint8, n int) bool {
	p, r := d.p, d.r
	lls := false
	switch typ {
	case 1:
		lls = r.be32(20)&0x200 != 0
	case 2:
		lls = r.be32(16)&0x200 != 0
	}
	off := d.end
	if lls && n != 0 {
		if n < 4 {
			return false
		}
		p.printf("\n\tLLS Checksum 0x%04x", r.be16(off))
		dl := int(r.be16(off + 2))
		p.printf(", Data Length %d", dl)
		if dl < 4 || dl > n || !r.has(off+4, dl-4) {
			return false
		}
		off += dl
		n -= dl
	}
	if n == 0 {
		return true
	}
	if n < 16 {
		return false
	}
	at := uint32(r.be16(off))
	if at == 1 {
		p.print("\n\tAuthentication Type HMAC")
	} else {
		p.printf("\n\tAuthentication Type unknown (0x%04x)", at)
	}
	al := int(r.be16(off + 2))
	p.printf(", Length %d", al)
	if al < 16 || al > n {
		return false
	}
	p.printf(", SAID %d", r.be16(off+6))
	p.printf(", CSN 0x%08x", r.be32(off+8))
	p.printf(":%08x", r.be32(off+12))
	if !r.has(off+16, al-16) {
		return false
	}
	if p.o.Verbose > 1 {
		p.unknownAt(r, off+16, al-16, "\n\tAuthentication Data ")
	}
	return true
}
