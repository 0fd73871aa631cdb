package printer

// PGM (RFC 3208), IP protocol 113, as tcpdump's print-pgm.c prints it.

// pgmFixedOpts are the options of one fixed length: their name in
// tcpdump's complaint, the length, and what they print.
var pgmFixedOpts = map[uint8]struct {
	name string
	len  int
}{
	0x01: {"OPT_FRAGMENT", 16}, 0x03: {"OPT_JOIN", 8}, 0x04: {"OPT_NAK_BO_IVL", 12},
	0x05: {"OPT_NAK_BO_RNG", 12}, 0x08: {"OPT_PARITY_PRM", 8}, 0x09: {"OPT_PARITY_GRP", 8},
	0x0a: {"OPT_CURR_TGSIZE", 8}, 0x0b: {"OPT_NBR_UNREACH", 4}, 0x0d: {"OPT_SYN", 4},
	0x0e: {"OPT_FIN", 4}, 0x0f: {"OPT_RST", 4}, 0x11: {"OPT_CRQST", 4},
}

// pgmNLA reads a network-layer address of the address family at afiOff
// and the address at addrOff; ok is false for a family other than IPv4
// and IPv6 or an address not captured (tcpdump's "goto trunc").
func (p *Printer) pgmNLA(r reader, afiOff, addrOff int) (s string, n int, ok bool) {
	switch r.be16(afiOff) {
	case 1:
		if !r.has(addrOff, 4) {
			return "", 0, false
		}
		return addr4(r.b[addrOff:]).String(), 4, true
	case 2:
		if !r.has(addrOff, 16) {
			return "", 0, false
		}
		return addrString(addr16(r.b[addrOff:])), 16, true
	}
	return "", 0, false
}

// pgm prints a PGM packet (pgm_print).
func (p *Printer) pgm(b []byte, length int, h *ipHdr) {
	r := p.reader("pgm", b)
	if !r.has(2, 2) {
		p.printf("%s > %s:", p.host(h.src), p.host(h.dst))
		r.trunc()
		return
	}
	sport, dport := r.be16(0), r.be16(2)
	if h.nh == 113 {
		p.printf("%s.%s > %s.%s: ", p.host(h.src), p.tcpPort(sport), p.host(h.dst), p.tcpPort(dport))
	} else {
		p.printf("%s > %s: ", p.tcpPort(sport), p.tcpPort(dport))
	}
	if !r.has(0, 16) {
		r.trunc()
		return
	}
	p.printf("PGM, length %d", r.be16(14))
	if p.o.Verbose == 0 {
		return
	}
	typ := b[4]
	p.printf(" 0x%x ", b[8:14])
	off, ok := p.pgmBody(r, typ)
	if !ok {
		r.trunc()
		return
	}
	if b[5]&0x01 != 0 {
		if off, ok = p.pgmOptions(r, off); !ok {
			return
		}
	}
	p.printf(" [%d]", length)
	if p.o.PacketType == PacketPGMZMTP1 && (typ == 4 || typ == 5) {
		// ODATA and RDATA carry ZeroMQ datagrams with -T pgm_zmtp1.
		p.zmtp1Datagram(b, off, int(r.be16(14)))
	}
}

// pgmBody prints the packet after the common header and returns where
// its options start; false where tcpdump jumps to its trunc label.
func (p *Printer) pgmBody(r reader, typ uint8) (int, bool) {
	const h = 16
	switch typ {
	case 0: // SPM
		if !r.has(h, 16) {
			return 0, false
		}
		nla, n, ok := p.pgmNLA(r, h+12, h+16)
		if !ok {
			return 0, false
		}
		p.printf("SPM seq %d trail %d lead %d nla %s", r.be32(h), r.be32(h+4), r.be32(h+8), nla)
		return h + 16 + n, true
	case 1: // POLL
		if !r.has(h, 12) {
			return 0, false
		}
		nla, n, ok := p.pgmNLA(r, h+8, h+12)
		if !ok {
			return 0, false
		}
		k := h + 12 + n
		ivl, rnd, mask := r.be32(k), r.be32(k+4), r.be32(k+8)
		p.printf("POLL seq %d round %d nla %s ivl %d rnd 0x%08x mask 0x%08x", r.be32(h), r.be16(h+4), nla, ivl, rnd, mask)
		return k + 12, true
	case 2: // POLR
		if !r.has(h, 8) {
			return 0, false
		}
		p.printf("POLR seq %d round %d", r.be32(h), r.be16(h+4))
		return h + 8, true
	case 4, 5: // ODATA, RDATA
		if !r.has(h, 8) {
			return 0, false
		}
		name := "ODATA"
		if typ == 5 {
			name = "RDATA"
		}
		p.printf("%s trail %d seq %d", name, r.be32(h+4), r.be32(h))
		return h + 8, true
	case 8, 9, 10: // NAK, NULLNAK, NCF
		if !r.has(h, 8) {
			return 0, false
		}
		src, n, ok := p.pgmNLA(r, h+4, h+8)
		if !ok {
			return 0, false
		}
		// tcpdump skips the group's family and takes the address's
		// first bytes for it.
		k := h + 8 + n + 4
		grp, n2, ok := p.pgmNLA(r, k, k)
		if !ok {
			return 0, false
		}
		p.print([]string{8: "NAK ", 9: "NNAK ", 10: "NCF "}[typ])
		p.printf("(%s -> %s), seq %d", src, grp, r.be32(h))
		return k + n2, true
	case 11: // ACK
		if !r.has(h, 8) {
			return 0, false
		}
		p.printf("ACK seq %d", r.be32(h))
		return h + 8, true
	case 12:
		p.print("SPMR")
	default:
		p.printf("UNKNOWN type 0x%02x", typ)
	}
	// tcpdump's pointer has not moved past the PGM header for these:
	// it reads their options from the header's first bytes.
	return 0, true
}

// pgmOptions prints the options at off and returns where they end;
// false where tcpdump returns without the final length.
func (p *Printer) pgmOptions(r reader, off int) (int, bool) {
	if !r.has(off, 4) {
		r.trunc()
		return 0, false
	}
	if t := r.u8(off) & 0x7f; t != 0 {
		p.printf("[First option bad, should be PGM_OPT_LENGTH, is %d]", t)
		return 0, false
	}
	if l := r.u8(off + 1); l != 4 {
		p.printf("[Bad OPT_LENGTH option, length %d != 4]", l)
		return 0, false
	}
	total := int(r.be16(off + 2))
	if total < 4 {
		p.printf("[Bad total option length %d < 4]", total)
		return 0, false
	}
	p.printf(" OPTS LEN %d", total)
	total -= 4
	k := off + 4
	for total != 0 {
		if total < 4 {
			p.print("[Total option length leaves no room for final option]")
			return 0, false
		}
		t, l := r.u8(k), int(r.u8(k+1))
		k += 2
		if l < 4 {
			p.printf("[Bad option, length %d < 4]", l)
			break
		}
		if total < l {
			p.print("[Total option length leaves no room for final option]")
			return 0, false
		}
		if !r.has(k, l-2) {
			r.trunc()
			return 0, false
		}
		switch c := t & 0x7f; c {
		case 0x00:
			if l != 4 {
				p.printf("[Bad OPT_LENGTH option, length %d != 4]", l)
				return 0, false
			}
			p.printf(" OPTS LEN (extra?) %d", r.be16(k))
			k += 2
			total -= 4
		case 0x02:
			k += 2
			l -= 4
			p.print(" NAK LIST")
			for l != 0 {
				if l < 4 {
					p.print("[Option length not a multiple of 4]")
					return 0, false
				}
				p.printf(" %d", r.be32(k))
				k += 4
				l -= 4
				total -= 4
			}
		case 0x07, 0x12, 0x13:
			fixed, name, what := 8, "OPT_REDIRECT", " REDIRECT"
			switch c {
			case 0x12:
				fixed, name, what = 12, "OPT_PGMCC_DATA", " PGMCC DATA"
			case 0x13:
				fixed, name, what = 12, "OPT_PGMCC_FEEDBACK", " PGMCC FEEDBACK"
			}
			if l < fixed {
				if c == 0x13 {
					name = "PGM_OPT_PGMCC_FEEDBACK"
				}
				p.printf("[Bad %s option, length %d < %d]", name, l, fixed)
				return 0, false
			}
			k += 2
			var tsi uint32
			if c != 0x07 {
				tsi = r.be32(k)
				k += 4
			}
			afi := r.be16(k)
			k += 4
			alen := 0
			switch afi {
			case 1:
				alen = 4
			case 2:
				alen = 16
			default:
				r.trunc()
				return 0, false
			}
			if l != fixed+alen {
				p.printf("[Bad %s option, length %d != %d + address size]", name, l, fixed)
				return 0, false
			}
			nla, _, ok := p.pgmNLA(r, k-4, k)
			if !ok {
				r.trunc()
				return 0, false
			}
			k += alen
			total -= fixed + alen
			if c == 0x07 {
				p.printf("%s %s", what, nla)
			} else {
				p.printf("%s %d %s", what, tsi, nla)
			}
		case 0x0c:
			p.printf(" PATH_NLA [%d]", l)
			k += l
			total -= l
		case 0x10:
			p.print(" CR")
			k += l
			total -= l
		default:
			f, ok := pgmFixedOpts[c]
			if !ok {
				p.printf(" OPT_%02X [%d] ", t, l)
				k += l
				total -= l
				break
			}
			if l != f.len {
				p.printf("[Bad %s option, length %d != %d]", f.name, l, f.len)
				return 0, false
			}
			k += 2
			switch c {
			case 0x01:
				p.printf(" FRAG seq %d off %d len %d", r.be32(k), r.be32(k+4), r.be32(k+8))
			case 0x03:
				p.printf(" JOIN %d", r.be32(k))
			case 0x04:
				p.printf(" BACKOFF ivl %d ivlseq %d", r.be32(k), r.be32(k+4))
			case 0x05:
				p.printf(" BACKOFF max %d min %d", r.be32(k), r.be32(k+4))
			case 0x08:
				p.printf(" PARITY MAXTGS %d", r.be32(k))
			case 0x09:
				p.printf(" PARITY GROUP %d", r.be32(k))
			case 0x0a:
				p.printf(" PARITY ATGS %d", r.be32(k))
			case 0x0b:
				p.print(" NBR_UNREACH")
			case 0x0d:
				p.print(" SYN")
			case 0x0e:
				p.print(" FIN")
			case 0x0f:
				p.print(" RST")
			case 0x11:
				p.print(" CRQST")
			}
			k += f.len - 4
			total -= f.len
		}
		if t&0x80 != 0 {
			break
		}
	}
	return k, true
}
