package printer

// LISP control messages on UDP port 4342 (print-lisp.c). tcpdump decodes
// only Map-Register and Map-Notify; of the others it names the type.

var lispTypes = map[uint8]string{0: "LISP-Reserved", 1: "LISP-Map-Request", 2: "LISP-Map-Reply",
	3: "LISP-Map-Register", 4: "LISP-Map-Notify", 8: "LISP-Encapsulated-Contol-Message"}

var (
	lispRegisterFlags = []bitTok{{0x08000000, "P-Proxy-Map-Reply"}, {0x04000000, "S-LISP-SEC-Capable"},
		{0x02000000, "I-xTR-ID-Present"}, {0x01000000, "R-Build-For-RTR"}, {0x00000100, "M-Want-Map-Notify"}}
	lispNotifyFlags = []bitTok{{0x08000000, "I-xTR-ID-Present"}, {0x04000000, "R-Build-For-RTR"}}
	lispLocFlags    = []bitTok{{0x0004, "Local-Locator"}, {0x0002, "RLoc-Probed"}, {0x0001, "Reachable"}}
	lispAuthTypes   = map[uint16]string{0: "None", 1: "SHA1", 2: "SHA256"}
	lispActions     = map[uint8]string{0: "No-Action", 1: "Natively-Forward", 2: "Send-Map-Request", 3: "Drop"}
)

// lispHex is tcpdump's hex_print: n bytes from off in lines of 16, each
// starting with ident and the offset; what was captured of them is
// printed, and if that was not all the packet ends there.
func (p *Printer) lispHex(r reader, ident string, off, n int) {
	avail := max(len(r.b)-off, 0)
	if n <= avail {
		p.hexLinesPlain(r.b[off:off+n], ident)
		return
	}
	p.hexLinesPlain(r.b[min(off, len(r.b)):], ident)
	endPacket()
}

func (p *Printer) lisp(b []byte, length int) {
	r := p.reader("lisp", b)
	if !r.has(0, 16) {
		r.trunc()
		return
	}
	tf := r.u8(0)
	typ := tf >> 4
	name, ok := lispTypes[typ]
	if !ok {
		name = sprintf("unknown-type-%d", typ)
	}
	p.printf("%s,", name)
	if p.o.Verbose > 0 {
		switch typ {
		case 3:
			p.printf(" flags [%s],", bitTokString(lispRegisterFlags, "none", r.be32(0)))
		case 4:
			p.printf(" flags [%s],", bitTokString(lispNotifyFlags, "none", r.be32(0)))
		}
	}
	if typ != 3 && typ != 4 {
		return
	}
	xtr := (typ == 3 && tf&2 != 0) || (typ == 4 && tf&8 != 0)
	authLen := r.be16(14)
	off := uint16(16) // tcpdump's packet_offset, an unsigned short
	records := r.u8(3)
	if p.o.Verbose > 0 {
		p.printf("\n    %d record(s), ", records)
		p.printf("Authentication %s,", mapName(lispAuthTypes, r.be16(12), "unknown-type"))
		p.lispHex(r, "\n    Authentication-Data: ", int(off), int(authLen))
	} else {
		p.printf(" %d record(s),", records)
	}
	off += authLen
	if records == 0 {
		p.print(" (invalid)")
		return
	}
	for length > int(off) && records != 0 {
		records--
		if !r.has(int(off), 12) {
			r.trunc()
			return
		}
		p.print("\n")
		e := int(off)
		off += 12
		mask, afi, locs := r.u8(e+5), r.be16(e+10), r.u8(e+4)
		if p.o.Verbose > 0 {
			p.printf("      Record TTL %d,", r.be32(e))
			a := r.u8(e + 6)
			if a>>4&1 != 0 {
				p.print(" Authoritative,")
			} else {
				p.print(" Non-Authoritative,")
			}
			p.printf(" %s,", mapName(lispActions, a>>5, "unknown"))
			p.printf(" Map Version: %d,", r.be16(e+8)&0x0fff)
		}
		switch afi {
		case 1:
			p.printf(" EID %s/%d,", p.host(addr4(r.bytes(int(off), 4))), mask)
			off += 4
		case 2:
			p.printf(" EID %s/%d,", p.host(addr16(r.bytes(int(off), 16))), mask)
			off += 16
		default:
			return
		}
		p.printf(" %d locator(s)", locs)
		for ; locs != 0; locs-- {
			if !r.has(int(off), 8) {
				r.trunc()
				return
			}
			l := int(off)
			off += 8
			lafi := r.be16(l + 6)
			if p.o.Verbose > 0 {
				p.print("\n       ")
			}
			switch lafi {
			case 1:
				if !r.has(int(off), 4) {
					r.trunc()
					return
				}
				p.printf(" LOC %s", p.host(addr4(r.bytes(l+8, 4))))
				off += 4
			case 2:
				if !r.has(int(off), 16) {
					r.trunc()
					return
				}
				p.printf(" LOC %s", p.host(addr16(r.bytes(l+8, 16))))
				off += 16
			}
			if p.o.Verbose > 0 {
				p.printf("\n          Priority/Weight %d/%d, Multicast Priority/Weight %d/%d,",
					r.u8(l), r.u8(l+1), r.u8(l+2), r.u8(l+3))
				p.printf(" flags [%s],", bitTokString(lispLocFlags, "none", uint32(r.be16(l+4))))
			}
		}
	}
	o := int(off)
	if xtr {
		if !r.has(o, 24) {
			p.print(" (invalid)")
			return
		}
		p.lispHex(r, "\n    xTR-ID: ", o, 16)
		p.printf("\n    SITE-ID: %d", uint64(r.be32(o+16))<<32|uint64(r.be32(o+20)))
	} else if o < len(b) {
		p.lispHex(r, "\n    Data: ", o, len(b)-o)
	}
}
