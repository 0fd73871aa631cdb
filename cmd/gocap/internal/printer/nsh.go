package printer

// NSH, the Network Service Header (RFC 8300), ethertype 0x894f or after
// a VXLAN-GPE header, as tcpdump's print-nsh.c prints it.

var nshMDTypes = map[uint32]string{0: "reserved", 1: "1", 2: "2", 0xf: "experimental"}

var nshNextProtos = map[uint32]string{1: "IPv4", 2: "IPv6", 3: "Ethernet", 4: "NSH", 5: "MPLS",
	0xfe: "Experiment 1", 0xff: "Experiment 2"}

// nsh prints a Network Service Header and the packet it carries
// (nsh_print).
func (p *Printer) nsh(b []byte, length int) {
	r := p.reader("nsh", b)
	if length < 8 {
		p.printf(" (packet length %d < 8) (invalid)", length)
		return
	}
	base := r.be32(0)
	ver, words := base>>30, int(base>>16&0x3f)
	md, next := base>>8&0xf, base&0xff
	p.print("NSH, ")
	if p.o.Verbose > 1 {
		p.printf("ver %d, ", ver)
	}
	if ver != 0 {
		return
	}
	flags := "none"
	if base>>28&2 != 0 {
		flags = "O"
	}
	p.printf("flags [%s], ", flags)
	if p.o.Verbose > 2 {
		p.printf("TTL %d, length %d, md type %s, ", base>>22&0x3f, words, nameOr(nshMDTypes, md, sprintf("unknown (0x%02x)", md)))
	}
	if p.o.Verbose > 1 {
		p.printf("next-protocol %s, ", nameOr(nshNextProtos, next, sprintf("unknown (0x%02x)", next)))
	}
	if length < words*4 {
		p.printf(" (too many headers for packet length %d) (invalid)", length)
		return
	}
	p.printf("service-path-id 0x%06x, ", r.be24(4))
	p.printf("service-index 0x%x", r.u8(7))
	if words < 2 {
		p.print(" (less than two headers) (invalid)")
		return
	}
	off := 8
	switch {
	case p.o.Verbose > 2 && md == 1:
		if words != 6 {
			p.print(" (invalid length for the MD type) (invalid)")
			return
		}
		for n := 0; n < words-2; n++ {
			p.printf("\n        Context[%02d]: 0x%08x", n, r.be32(off))
			off += 4
		}
	case p.o.Verbose > 2 && md == 2:
		for n := 0; n < words-2; {
			class, typ, l := r.be16(off), r.u8(off+2), int(r.u8(off+3)&0x7f)
			off += 4
			padded := (l + 3) &^ 3
			p.printf("\n        TLV Class %d, Type %d, Len %d", class, typ, l)
			n++
			if words-2 < n+padded/4 {
				p.print(" (length too big) (invalid)")
				return
			}
			if l == 0 {
				continue
			}
			p.print("\n            Value: ")
			sep := "0x"
			for i := 0; i < l; i++ {
				p.printf("%s%02x", sep, r.u8(off))
				off++
				sep = ":"
			}
			r.need(off, padded-l)
			off += padded - l
			n += padded / 4
		}
	default:
		r.need(off, (words-2)*4)
		off += (words - 2) * 4
	}
	p.nextLineOrColon()
	rest, n := r.b[off:], length-words*4
	switch next {
	case 1:
		p.ip(rest, n)
	case 2:
		p.ip6(rest, n)
	case 3:
		p.ether(rest, n)
	default:
		p.print("ERROR: unknown-next-protocol")
	}
}
