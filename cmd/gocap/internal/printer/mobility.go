package printer

// The IPv6 mobility header (RFC 6275), next header 135 (and the old 62),
// as tcpdump's print-mobility.c prints it.

var mobilityTypes = []string{"BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"}

// mobilityHdrLen is the least header length of each message type.
var mobilityHdrLen = []int{8, 16, 16, 24, 24, 12, 12, 24}

// mobilityBUBits are the flags of a Binding Update, in the high nibble
// of their byte (shifted down).
var mobilityBUBits = []bitTok{{8, "A"}, {4, "H"}, {2, "L"}, {1, "K"}}

// mobility prints a mobility header (mobility_print). tcpdump prints
// nothing of what follows it.
func (p *Printer) mobility(b []byte) {
	r := p.reader("mobility", b)
	if !r.has(1, 1) {
		r.trunc()
		return
	}
	mhlen := (int(b[1]) + 1) << 3
	typ := r.u8(2)
	if int(typ) < len(mobilityHdrLen) && mhlen < mobilityHdrLen[typ] {
		p.printf("(header length %d is too small for type %d)", mhlen, typ)
		r.trunc()
		return
	}
	if int(typ) < len(mobilityTypes) {
		p.printf("mobility: %s", mobilityTypes[typ])
	} else {
		p.printf("mobility: type-#%d", typ)
	}
	v := p.o.Verbose > 0
	hlen := 8
	switch typ {
	case 0:
	case 1, 2:
		if v {
			which := "Home"
			if typ == 2 {
				which = "Care-of"
			}
			p.printf(" %s Init Cookie=%08x:%08x", which, r.be32(8), r.be32(12))
		}
		hlen = 16
	case 3, 4:
		p.printf(" nonce id=0x%x", r.be16(6))
		which := "Home"
		if typ == 4 {
			which = "Care-of"
		}
		if v {
			p.printf(" %s Init Cookie=%08x:%08x", which, r.be32(8), r.be32(12))
			p.printf(" %s Keygen Token=%08x:%08x", which, r.be32(16), r.be32(20))
		}
		hlen = 24
	case 5:
		p.printf(" seq#=%d", r.be16(6))
		if !r.has(8, 2) {
			r.trunc()
			return
		}
		if bits := b[8] >> 4; bits != 0 {
			p.print(" " + bitTokNoSep(mobilityBUBits, "", uint32(bits)))
		}
		p.printf(" lifetime=%d", uint32(r.be16(10))<<2)
		hlen = 12
	case 6:
		p.printf(" status=%d", r.u8(6))
		if r.u8(7)&0x80 != 0 {
			p.print(" K")
		}
		p.printf(" seq#=%d", r.be16(8))
		p.printf(" lifetime=%d", uint32(r.be16(10))<<2)
		hlen = 12
	case 7:
		p.printf(" status=%d", r.u8(6))
		p.printf(" homeaddr %s", p.host(addr16(r.bytes(8, 16))))
		hlen = 24
	default:
		p.printf(" len=%d", r.u8(1))
		return
	}
	if v && !p.mobilityOpts(r, hlen, mhlen-hlen) {
		r.trunc()
	}
}

// mobilityOpts prints the options, n bytes at off; false where tcpdump
// gives up on them.
func (p *Printer) mobilityOpts(r reader, off, n int) bool {
	for i, ol := 0, 0; i < n; i += ol {
		t := r.u8(off + i)
		if t == 0 {
			ol = 1
		} else {
			if i+1 >= n {
				return false
			}
			ol = int(r.u8(off+i+1)) + 2
		}
		// tcpdump checks that the byte after the option was captured.
		if i+ol > n || !r.has(off+i+ol, 1) {
			return false
		}
		o := off + i
		left := n - i
		tooShort := func(min int, what string) bool {
			if left < min {
				p.print(what)
				return true
			}
			return false
		}
		switch t {
		case 0:
			p.print("(pad1)")
		case 1:
			if tooShort(2, "(padn: trunc)") {
				return false
			}
			p.print("(padn)")
		case 2:
			if tooShort(4, "(refresh: trunc)") {
				return false
			}
			p.printf("(refresh: %d)", uint32(r.be16(o+2))<<2)
		case 3:
			if tooShort(18, "(altcoa: trunc)") {
				return false
			}
			p.printf("(alt-CoA: %s)", p.host(addr16(r.bytes(o+2, 16))))
		case 4:
			if tooShort(6, "(ni: trunc)") {
				return false
			}
			p.printf("(ni: ho=0x%04x co=0x%04x)", r.be16(o+2), r.be16(o+4))
		case 5:
			if tooShort(12, "(auth: trunc)") {
				return false
			}
			p.print("(auth)")
		default:
			if left < 2 {
				p.printf("(sopt_type %d: trunc)", t)
				return false
			}
			p.printf("(type-0x%02x: len=%d)", t, r.u8(o+1))
		}
	}
	return true
}
