package printer

import "encoding/binary"

var vrrpAuthTypes = map[byte]string{0: "none", 1: "simple", 2: "ah"}

// vrrp prints a VRRP v2 or v3 advertisement; v6 says the addresses are
// IPv6 ones.
func (p *Printer) vrrp(b []byte, length int, h *ipHdr) {
	r := p.reader("vrrp", b)
	p.print("VRRP")
	vt := r.u8(0)
	ver, typ := vt>>4, vt&0xf
	tn := "Advertisement"
	if typ != 1 {
		tn = sprintf("unknown type (%d)", typ)
	}
	p.printf("v%d, %s", ver, tn)
	if h.ttl != 255 {
		p.printf(", (ttl %d)", h.ttl)
	}
	if ver < 2 || ver > 3 || typ != 1 {
		return
	}
	p.printf(", vrid %d, prio %d", r.u8(1), r.u8(2))
	auth := byte(0)
	if ver == 2 {
		auth = r.u8(4)
		p.printf(", authtype %s", mapName(vrrpAuthTypes, auth, sprintf("#%d", auth)))
		p.printf(", intvl %ds, length %d", r.u8(5), length)
	} else {
		p.printf(", intvl %dcs, length %d", r.be16(4)&0xfff, length)
	}
	if p.o.Verbose > 0 {
		n := int(r.u8(3))
		if r.has(0, length) {
			// Version 3 sums a pseudo-header too.
			var pseudo uint32
			if ver == 3 {
				pseudo = pseudoSum(h, 112, length)
			}
			if checksum(b[:length], pseudo) != 0 {
				p.printf(", (bad vrrp cksum %x)", r.be16(6))
			}
		}
		p.print(", addrs")
		if n > 1 {
			p.printf("(%d)", n)
		}
		p.print(":")
		c := " "
		off := 8
		for i := 0; i < n; i++ {
			if h.v6 {
				r.need(0, off+16)
				p.printf("%s%s", c, p.host(addr16(b[off:])))
				off += 16
			} else {
				r.need(0, off+4)
				p.printf("%s%s", c, p.host(addr4(b[off:])))
				off += 4
			}
			c = ","
		}
		if ver == 2 && auth == 1 {
			p.print(" auth \"")
			for i := range 8 {
				ch := r.u8(off + i)
				if ch == 0 {
					break
				}
				p.printChar(ch)
			}
			p.print("\"")
		}
	}
}

// igmp prints an IGMP message.
func (p *Printer) igmp(b []byte, length int) {
	r := p.reader("igmp", b)
	if p.o.Quiet {
		p.print("igmp")
		return
	}
	typ := r.u8(0)
	switch typ {
	case 0x11:
		p.print("igmp query")
		if length >= 12 {
			p.igmpv3Query(b, length)
		} else {
			mrc := r.u8(1)
			if mrc != 0 {
				p.print(" v2")
				if mrc != 100 {
					p.printf(" [max resp time %d]", mrc)
				}
			} else {
				p.print(" v1")
			}
			if r.be32(4) != 0 {
				p.printf(" [gaddr %s]", p.host(addr4(b[4:])))
			}
			if length != 8 {
				p.printf(" [len %d]", length)
			}
		}
	case 0x12, 0x16, 0x17:
		w := map[byte]string{0x12: "igmp v1 report", 0x16: "igmp v2 report", 0x17: "igmp leave"}[typ]
		r.need(0, 8)
		p.printf("%s %s", w, p.host(addr4(b[4:])))
		// Only a v1 report gets its length checked.
		if typ == 0x12 && length != 8 {
			p.printf(" [len %d]", length)
		}
	case 0x13:
		p.print("igmp dvmrp")
		if length < 8 {
			p.printf(" [len %d]", length)
		} else {
			p.dvmrp(b, length)
		}
	case 0x14:
		p.print("igmp pimv1")
		p.pimv1(b, length)
	case 0x1e, 0x1f:
		p.mtrace(r, length)
	case 0x22:
		p.print("igmp v3 report")
		p.igmpv3Report(b, length)
	default:
		p.printf("igmp-%d", typ)
	}
	if p.o.Verbose > 0 && length >= 4 && r.has(0, length) {
		if checksum(b[:length], 0) != 0 {
			p.printf(" bad igmp cksum %x!", binary.BigEndian.Uint16(b[2:]))
		}
	}
}

// mtrace prints a multicast traceroute query or response (IGMP types
// 0x1f and 0x1e), as tcpdump's print_mtrace does.
func (p *Printer) mtrace(r reader, length int) {
	if length < 24 {
		p.printf(" [invalid len %d]", length)
		return
	}
	name := "mtrace"
	if r.u8(0) == 0x1e {
		name = "mresp"
	}
	ip := func(off int) string { return p.host(addr4(r.bytes(off, 4))) }
	qid := uint32(r.u8(21))<<16 | uint32(r.be16(22))
	src, dst, raddr := ip(8), ip(12), ip(16)
	p.printf("%s %d: %s to %s reply-to %s", name, qid, src, dst, raddr)
	if r.be32(16)&0xf0000000 == 0xe0000000 {
		p.printf(" with-ttl %d", r.u8(20))
	}
}

func (p *Printer) igmpv3Query(b []byte, length int) {
	p.print(" v3")
	if length < 12 || length&3 != 0 {
		p.printf(" [invalid len %d]", length)
		return
	}
	mrc := int(u8(b, 1))
	mrt := mrc
	if mrc >= 128 {
		mrt = ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3)
	}
	if mrc != 100 {
		p.print(" [max resp time ")
		if mrt < 600 {
			p.printf("%.1fs", float64(mrt)*0.1)
		} else {
			p.print(relTime(uint32(mrt / 10)))
		}
		p.print("]")
	}
	if be32(b, 4) == 0 {
		return
	}
	p.printf(" [gaddr %s", p.host(addr4(b[4:])))
	n := int(be16(b, 10))
	if n > 0 {
		if length < 12+n*4 {
			p.print(" [invalid number of sources]")
		} else if p.o.Verbose > 1 {
			p.print(" {")
			for i := 0; i < n; i++ {
				need(b, 16+4*i)
				p.printf(" %s", p.host(addr4(b[12+4*i:])))
			}
			p.print(" }")
		} else {
			p.printf(", %d source(s)", n)
		}
	}
	p.print("]")
}

var igmpv3RecordTypes = map[uint8]string{1: "is_in", 2: "is_ex", 3: "to_in", 4: "to_ex", 5: "allow", 6: "block"}

// igmpv3Report prints the group records of an IGMPv3 report.
func (p *Printer) igmpv3Report(b []byte, length int) {
	if length < 16 || length&3 != 0 {
		p.printf(" [invalid len %d]", length)
		return
	}
	p.groupRecords(b, length, 4, "v3")
}

// groupRecords prints the group records of an IGMPv3 report (addresses of
// 4 bytes) or an MLDv2 report (16 bytes) after their 8-byte header:
// the count, and with -v each group's address and record type, with -vv
// its sources. unknown names the report in the text of an unknown record
// type, as tcpdump does ("v3" for IGMP, "v2" for MLD).
func (p *Printer) groupRecords(b []byte, length, alen int, unknown string) {
	addr := func(off int) string {
		if alen == 4 {
			return p.host(addr4(b[off:]))
		}
		return p.host(addr16(b[off:]))
	}
	n := int(be16(b, 6))
	p.printf(", %d group record(s)", n)
	if p.o.Verbose == 0 {
		return
	}
	rec := 4 + alen // type, aux length, source count, group
	g := 8
	for i := 0; i < n; i++ {
		if length < g+rec {
			p.print(" [invalid number of groups]")
			return
		}
		need(b, g+rec)
		p.printf(" [gaddr %s", addr(g+4))
		p.printf(" %s", mapName(igmpv3RecordTypes, b[g], sprintf(" [%s-report-#%d]", unknown, b[g])))
		ns := int(be16(b, g+2))
		if length < g+rec+ns*alen {
			p.printf(" [invalid number of sources %d]", ns)
			return
		}
		if p.o.Verbose == 1 {
			p.printf(", %d source(s)", ns)
		} else {
			p.print(" {")
			for j := 0; j < ns; j++ {
				need(b, g+rec+alen*(j+1))
				p.printf(" %s", addr(g+rec+alen*j))
			}
			p.print(" }")
		}
		g += rec + ns*alen
		p.print("]")
	}
}
