package printer

var ospfOptions = []bitTok{{0x01, "MultiTopology"}, {0x02, "External"}, {0x04, "Multicast"},
	{0x08, "NSSA"}, {0x10, "LLS"}, {0x20, "Demand Circuit"}, {0x40, "Opaque"}, {0x80, "Up/Down"}}

var ospfRLAFlags = []bitTok{{0x01, "ABR"}, {0x02, "ASBR"}, {0x04, "Virtual"}, {0x08, "Wildcard"},
	{0x10, "Nt"}, {0x80, "Host"}}

var ospfDDFlags = []bitTok{{0x04, "Init"}, {0x02, "More"}, {0x01, "Master"}, {0x08, "OOBResync"}}

var ospfTypes = map[uint8]string{1: "Hello", 2: "Database Description", 3: "LS-Request",
	4: "LS-Update", 5: "LS-Ack"}

var ospfLSATypes = map[uint32]string{1: "Router", 2: "Network", 3: "Summary", 4: "ASBR Summary",
	5: "External", 6: "Multicast Group", 7: "NSSA", 9: "Link Local Opaque",
	10: "Area Local Opaque", 11: "Domain Wide Opaque"}

var ospfOpaqueTypes = map[uint8]string{1: "Traffic Engineering", 3: "Graceful restart",
	4: "Router Information"}

var ospfTopologies = map[uint32]string{0: "default", 1: "multicast", 2: "management"}

func nameOr(m map[uint32]string, v uint32, def string) string {
	if s, ok := m[v]; ok {
		return s
	}
	return def
}

// ospf prints an OSPFv2 packet (IP protocol 89 over IPv4).
func (p *Printer) ospf(b []byte, length int) {
	r := p.reader("ospf2", b)
	authType := r.be16(14)
	if authType == 2 { // tcpdump strips the MD5 trailer from length and capture
		length -= 16
		b = b[:max(0, len(b)-16)]
	}
	typ := u8(b, 1)
	name, known := ospfTypes[typ]
	if !known {
		name = sprintf("unknown LS-type %d", typ)
	}
	p.printf("OSPFv%d, %s, length %d", u8(b, 0), name, length)
	if !known || p.o.Verbose == 0 {
		return
	}
	olen := int(be16(b, 2))
	if length != olen {
		p.printf(" [len %d]", olen)
	}
	end := min(length, olen)
	p.printf("\n\tRouter-ID %s", p.addr4At(b, 4))
	need(b, 12)
	if be32(b, 8) != 0 {
		p.printf(", Area %s", p.host(addr4(b[8:])))
	} else {
		p.print(", Backbone Area")
	}
	need(b, 24)
	an := map[uint16]string{0: "none", 1: "simple", 2: "MD5"}[authType]
	if an == "" {
		an = "unknown"
	}
	p.printf(", Authentication Type: %s (%d)", an, authType)
	switch authType {
	case 0:
	case 1:
		p.print("\n\tSimple text password: ")
		p.printZeroPadded(b[16:24], 8)
	case 2:
		p.printf("\n\tKey-ID: %d, Auth-Length: %d, Crypto Sequence Number: 0x%08x", b[18], b[19], be32(b, 20))
	default:
		return
	}
	if u8(b, 0) != 2 {
		p.printf(" ospf [version %d]", b[0])
		return
	}
	p.ospfV2(b, end, typ)
	if length > olen {
		p.ospfLLS(b, length, typ)
	}
}

func (p *Printer) ospfV2(b []byte, end int, typ uint8) {
	const hdr = 24
	switch typ {
	case 1: // Hello
		p.printf("\n\tOptions [%s]", bitTokString(ospfOptions, "none", uint32(u8(b, hdr+6))))
		p.printf("\n\t  Hello Timer %ds, Dead Timer %ds, Mask %s, Priority %d",
			be16(b, hdr+4), be32(b, hdr+8), p.host(addr4(b[hdr:])), u8(b, hdr+7))
		if be32(b, hdr+12) != 0 {
			p.printf("\n\t  Designated Router %s", p.host(addr4(b[hdr+12:])))
		}
		if be32(b, hdr+16) != 0 {
			p.printf(", Backup Designated Router %s", p.host(addr4(b[hdr+16:])))
		}
		off := hdr + 20
		if off < end {
			p.print("\n\t  Neighbor List:")
		}
		for ; off < end; off += 4 {
			be32(b, off)
			p.printf("\n\t    %s", p.host(addr4(b[off:])))
		}
	case 2: // Database Description
		p.printf("\n\tOptions [%s]", bitTokString(ospfOptions, "none", uint32(u8(b, hdr+2))))
		p.printf(", DD Flags [%s]", bitTokString(ospfDDFlags, "none", uint32(u8(b, hdr+3))))
		if mtu := be16(b, hdr); mtu != 0 {
			p.printf(", MTU: %d", mtu)
		}
		p.printf(", Sequence: 0x%08x", be32(b, hdr+4))
		for off := hdr + 8; off < end; off += 20 {
			if p.ospfLSHdr(b, off) < 0 {
				break
			}
		}
	case 3: // LS-Request
		for off := hdr; off < end; off += 12 {
			need(b, off+12)
			lt := be32(b, off)
			p.printf("\n\t  Advertising Router: %s, %s LSA (%d)", p.host(addr4(b[off+8:])), nameOr(ospfLSATypes, lt, "unknown"), lt)
			if lt >= 9 && lt <= 11 {
				ot := b[off+4]
				p.printf(", Opaque-Type: %s LSA (%d), Opaque-ID: %d", nameOr8(ospfOpaqueTypes, ot), ot,
					uint32(b[off+5])<<16|uint32(b[off+6])<<8|uint32(b[off+7]))
			} else {
				p.printf(", LSA-ID: %s", p.host(addr4(b[off+4:])))
			}
		}
	case 4: // LS-Update
		n := be32(b, hdr)
		s := "s"
		if n == 1 {
			s = ""
		}
		p.printf(", %d LSA%s", n, s)
		off := hdr + 4
		for i := uint32(1); i <= n; i++ {
			p.printf("\n\t  LSA #%d", i)
			off = p.ospfLSA(b, off)
			if off < 0 {
				endPacket()
			}
		}
	case 5: // LS-Ack
		// tcpdump 4.99 reads headers until one is bogus or the capture
		// ends (then " [|ospf2]"), ignoring the OSPF length.
		for off := hdr; p.ospfLSHdr(b, off) >= 0; off += 20 {
		}
	}
}

func nameOr8(m map[uint8]string, v uint8) string {
	if s, ok := m[v]; ok {
		return s
	}
	return "unknown"
}

// ospfLSHdr prints an LSA header at off and returns the LSA's length,
// or -1 if the length is shorter than the header.
func (p *Printer) ospfLSHdr(b []byte, off int) int {
	l := int(be16(b, off+18))
	if l < 20 {
		p.printf("\n\t    Bogus length %d < header (20)", l)
		return -1
	}
	p.printf("\n\t  Advertising Router %s, seq 0x%08x, age %ds, length %d",
		p.host(addr4(b[off+8:])), be32(b, off+12), be16(b, off), l-20)
	lt := uint32(u8(b, off+3))
	if lt >= 9 && lt <= 11 {
		ot := u8(b, off+4)
		p.printf("\n\t    %s LSA (%d), Opaque-Type %s LSA (%d), Opaque-ID %d", nameOr(ospfLSATypes, lt, "unknown"), lt,
			nameOr8(ospfOpaqueTypes, ot), ot, uint32(b[off+5])<<16|uint32(b[off+6])<<8|uint32(u8(b, off+7)))
	} else {
		be32(b, off+4)
		p.printf("\n\t    %s LSA (%d), LSA-ID: %s", nameOr(ospfLSATypes, lt, "unknown"), lt, p.host(addr4(b[off+4:])))
	}
	p.printf("\n\t    Options: [%s]", bitTokString(ospfOptions, "none", uint32(u8(b, off+2))))
	return l
}

// ospfLSA prints one LSA at off and returns the offset after it, or -1
// when tcpdump gives up on the packet.
func (p *Printer) ospfLSA(b []byte, off int) int {
	l := p.ospfLSHdr(b, off)
	if l < 0 {
		return -1
	}
	end := off + l
	body := off + 20
	r := reader{p: p, b: b, proto: "ospf2"}
	switch u8(b, off+3) {
	case 1: // Router
		p.printf("\n\t    Router LSA Options: [%s]", bitTokString(ospfRLAFlags, "none", uint32(u8(b, body))))
		n := int(be16(b, body+2))
		link := body + 4
		need(b, link+12)
		for ; n > 0; n-- {
			need(b, link+12)
			id, data := p.host(addr4(b[link:])), p.host(addr4(b[link+4:]))
			switch t := b[link+8]; t {
			case 4:
				p.printf("\n\t      Virtual Link: Neighbor Router-ID: %s, Interface Address: %s", id, data)
			case 1:
				p.printf("\n\t      Neighbor Router-ID: %s, Interface Address: %s", id, data)
			case 2:
				p.printf("\n\t      Neighbor Network-ID: %s, Interface Address: %s", id, data)
			case 3:
				p.printf("\n\t      Stub Network: %s, Mask: %s", id, data)
			default:
				p.printf("\n\t      Unknown Router Link Type (%d)", t)
				return end
			}
			count := int(b[link+9])
			for i := 0; i <= count; i++ {
				m := link + 8 + 4*i
				topo := uint32(0)
				if i > 0 {
					topo = uint32(u8(b, m))
				}
				p.printf("\n\t\ttopology %s (%d), metric %d", nameOr(ospfTopologies, topo, "Unknown"), topo, be16(b, m+2))
			}
			link += 12 + 4*count
		}
	case 2: // Network
		p.printf("\n\t    Mask %s\n\t    Connected Routers:", p.addr4At(b, body))
		for a := body + 4; a < end; a += 4 {
			p.printf("\n\t      %s", p.addr4At(b, a))
		}
	case 3, 4: // Summary, ASBR summary
		if b[off+3] == 3 {
			p.printf("\n\t    Mask %s", p.addr4At(b, body))
		}
		need(b, body+8)
		for m := body + 4; m < end; m += 4 {
			ul := be32(b, m)
			topo := (ul & 0x7f000000) >> 24
			p.printf("\n\t\ttopology %s (%d) metric %d", nameOr(ospfTopologies, topo, "Unknown"), topo, ul&0xffffff)
		}
	case 5, 7: // External, NSSA
		p.printf("\n\t    Mask %s", p.addr4At(b, body))
		need(b, body+8)
		for m := body + 4; m < end; m += 12 {
			ul := be32(b, m)
			topo := (ul & 0x7f000000) >> 24
			t := 1
			if ul&0x80000000 != 0 {
				t = 2
			}
			p.printf("\n\t\ttopology %s (%d), type %d, metric", nameOr(ospfTopologies, topo, "Unknown"), topo, t)
			if ul&0xffffff == 0xffffff {
				p.print(" infinite")
			} else {
				p.printf(" %d", ul&0xffffff)
			}
			if be32(b, m+4) != 0 {
				p.printf(", forward %s", p.host(addr4(b[m+4:])))
			}
			if be32(b, m+8) != 0 {
				p.printf(", tag %s", p.host(addr4(b[m+8:])))
			}
		}
	case 6: // Multicast group
		for m := body; m < end; m += 8 {
			switch vt := be32(b, m); vt {
			case 1:
				p.printf("\n\t    Router Router-ID %s", p.addr4At(b, m+4))
			case 2:
				p.printf("\n\t    Network Designated Router %s", p.addr4At(b, m+4))
			default:
				p.printf("\n\t    unknown VertexType (%d)", vt)
			}
		}
	case 9, 10, 11:
		if !p.ospfOpaque(r, b[off+4], body, l-20) {
			return end
		}
	}
	if p.o.Verbose > 1 && !p.unknownAt(r, body, l-20, "\n\t    ") {
		return end
	}
	return end
}

// ospfRICaps are the router capability bits of a router information
// LSA, as tcpdump names them.
var ospfRICaps = []bitTok{{1, "Reserved"}, {2, "Reserved"}, {4, "Reserved"}, {8, "Reserved"},
	{16, "graceful restart capable"}, {32, "graceful restart helper"}, {64, "Stub router support"},
	{128, "Traffic engineering"}, {256, "p2p over LAN"}, {512, "path computation server"}}

// ospfOpaque prints the body of an opaque LSA of the opaque type, the n
// bytes at off; false where tcpdump stops printing the LSA (skipping the
// -vv dump of its body). A router information TLV cut short ends the
// packet; grace and TE TLVs cut short only end the LSA.
func (p *Printer) ospfOpaque(r reader, typ byte, off, n int) bool {
	switch typ {
	case 4: // Router Information
		for n != 0 {
			r.need(off, 4)
			if n < 4 {
				p.printf("\n\t    Remaining LS length %d < 4", n)
				return false
			}
			t, l := r.be16(off), int(r.be16(off+2))
			off += 4
			n -= 4
			name := "unknown"
			if t == 1 {
				name = "Router Capabilities"
			}
			p.printf("\n\t    %s TLV (%d), length: %d, value: ", name, t, l)
			if l > n {
				p.printf("\n\t    Bogus length %d > remaining LS length %d", l, n)
				return false
			}
			r.need(off, l)
			if t == 1 {
				if l != 4 {
					p.printf("\n\t    Bogus length %d != 4", l)
					return false
				}
				p.printf("Capabilities: %s", bitTokString(ospfRICaps, "Unknown", r.be32(off)))
			} else if p.o.Verbose <= 1 && !p.unknownAt(r, off, l, "\n\t      ") {
				return false
			}
			off += l
			n -= l
		}
		return true
	case 3:
		return p.ospfGrace(r, off, n)
	case 1:
		return p.ospfTE(r, off, n)
	}
	return p.o.Verbose > 1 || p.unknownAt(r, off, n, "\n\t    ")
}

func (p *Printer) addr4At(b []byte, off int) string {
	need(b, off+4)
	return p.host(addr4(b[off:]))
}

// hexLinesPlain is tcpdump's print_unknown_data (hex_print_with_offset):
// 16 bytes a line, "0x0000:  0102 0304 ...".
func (p *Printer) hexLinesPlain(b []byte, prefix string) {
	for i := 0; i < len(b); i += 16 {
		p.printf("%s0x%04x: ", prefix, i)
		end := min(i+16, len(b))
		for j := i; j < end; j++ {
			if (j-i)%2 == 0 {
				p.print(" ")
			}
			p.printf("%02x", b[j])
		}
	}
}

// ospfLLS prints the link-local signalling block that follows a Hello or
// DD packet when the IP payload is longer than the OSPF length.
func (p *Printer) ospfLLS(b []byte, length int, typ uint8) {
	const hdr = 24
	switch typ {
	case 1:
		if u8(b, hdr+6)&0x10 == 0 {
			return
		}
	case 2:
		if u8(b, hdr+2)&0x10 == 0 {
			return
		}
	default:
		return
	}
	l2 := int(be16(b, 2))
	d := l2
	if be16(b, 14) == 2 {
		d += int(u8(b, 19))
		l2 += int(b[19])
	}
	if l2 >= length {
		p.print("\n\t[LLS truncated]")
		return
	}
	p.printf("\n\t  LLS: checksum: 0x%04x", be16(b, d))
	d += 2
	p.printf(", length: %d", be16(b, d))
	d += 2
	for d < length {
		t := be16(b, d)
		tn := map[uint16]string{1: "Extended Options", 2: "MD5 Authentication"}[t]
		if tn == "" {
			tn = "Unknown TLV"
		}
		p.printf("\n\t    %s (%d)", tn, t)
		d += 2
		l := int(be16(b, d))
		p.printf(", length: %d", l)
		d += 2
		switch t {
		case 1:
			if l != 4 {
				p.print(" [should be 4]")
				l = 4
			}
			f := be32(b, d)
			p.printf("\n\t      Options: 0x%08x [%s]", f, bitTokString([]bitTok{{1, "LSDB resync"}, {2, "Restart"}}, "?", f))
		case 2:
			if l != 20 {
				p.print(" [should be 20]")
				l = 20
			}
			p.printf("\n\t      Sequence number: 0x%08x", be32(b, d))
		}
		d += l
	}
}
