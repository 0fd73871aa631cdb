package printer

import "fmt"

var ripCmds = map[uint8]string{1: "Request", 2: "Response", 3: "Trace on", 4: "Trace off", 5: "Poll",
	6: "Poll Entry"}

var bsdAFs = map[uint16]string{2: "IPv4", 6: "NS", 7: "ISO", 16: "Appletalk", 23: "IPX", 24: "IPv6",
	28: "IPv6", 30: "IPv6"}

// mask2plen returns the prefix length of a contiguous netmask, or -1.
func mask2plen(m uint32) int {
	for l := 32; l >= 0; l-- {
		if uint32(0xffffffff)<<(32-l) == m || (l == 0 && m == 0) {
			return l
		}
	}
	return -1
}

// rip prints a RIP v1 or v2 message (UDP port 520).
func (p *Printer) rip(b []byte, length int) {
	r := p.reader("rip", b)
	avail := min(len(b), length)
	if avail < 4 {
		r.trunc()
		return
	}
	avail -= 4
	vers, cmd := b[1], b[0]
	if p.o.Verbose > 0 {
		p.print("\n\t")
	}
	p.printf("RIPv%d", vers)
	cs, ok := ripCmds[cmd]
	if !ok {
		cs = fmt.Sprintf("unknown command (%d)", cmd)
	}
	p.printf(", %s, length: %d", cs, length)
	if p.o.Verbose == 0 {
		return
	}
	switch cmd {
	case 1, 2:
		switch vers {
		case 1, 2:
			if vers == 1 {
				p.printf(", routes: %d", length/20)
			} else {
				p.printf(", routes: %d or less", length/20)
			}
			off := 4
			for avail != 0 {
				var n int
				if vers == 1 {
					n = p.ripEntryV1(b, off, avail)
				} else {
					n = p.ripEntryV2(b, off, avail)
				}
				if n == 0 {
					r.trunc()
					break
				}
				if avail < n {
					p.printf(" [remaining entries length %d < %d] (invalid)", avail, n)
					break
				}
				off += n
				avail -= n
			}
		default:
			p.print(", unknown version")
		}
	case 4, 5, 6:
	default:
		if p.o.Verbose <= 1 {
			r.need(0, length)
			p.hexLinesPlain(b[:length], "\n\t")
		}
	}
	if p.o.Verbose > 1 {
		r.need(0, length)
		p.hexLinesPlain(b[:length], "\n\t")
	}
}

func afName(m map[uint16]string, af uint16, def string) string {
	if s, ok := m[af]; ok {
		return s
	}
	return def
}

func (p *Printer) ripEntryV1(b []byte, off, rem int) int {
	if rem < 20 || off+20 > len(b) {
		return 0
	}
	e := b[off : off+20]
	fam := be16(e, 0)
	if fam != 2 && fam != 0 {
		p.printf("\n\t AFI %s, ", afName(bsdAFs, fam, fmt.Sprintf("Unknown (%d)", fam)))
		p.hexLinesPlain(e[4:], "\n\t  ")
		return 20
	}
	if be16(e, 2) != 0 || be32(e, 8) != 0 || be32(e, 12) != 0 {
		p.hexLinesPlain(e, "\n\t  ")
		return 20
	}
	if fam == 0 {
		p.printf("\n\t  AFI 0, %s, metric: %d", p.host(addr4(e[4:])), be32(e, 16))
		return 20
	}
	p.printf("\n\t  %s, metric: %d", p.host(addr4(e[4:])), be32(e, 16))
	return 20
}

func (p *Printer) ripEntryV2(b []byte, off, rem int) int {
	if rem < 4 || off+4 > len(b) {
		return 0
	}
	fam := be16(b, off)
	switch {
	case fam == 0xffff:
		at := be16(b, off+2)
		off += 4
		rem -= 4
		switch at {
		case 2:
			p.print("\n\t  Simple Text Authentication data: ")
			need(b, off+16)
			p.printZeroPadded(b[off:], 16)
		case 3:
			if off+16 > len(b) {
				return 0
			}
			if rem < 16 {
				return 0
			}
			p.printf("\n\t  Auth header: Packet Len %d, Key-ID %d, Auth Data Len %d, SeqNo %d, MBZ %d, MBZ %d",
				be16(b, off), b[off+2], b[off+3], be32(b, off+4), be32(b, off+8), be32(b, off+12))
		case 1:
			p.print("\n\t  Auth trailer:")
			need(b, off+rem)
			p.hexLinesPlain(b[off:off+rem], "\n\t  ")
			return 4 + rem
		default:
			p.printf("\n\t  Unknown (%d) Authentication data:", at)
			need(b, off+rem)
			p.hexLinesPlain(b[off:off+rem], "\n\t  ")
			return 4 + rem
		}
	case fam != 2 && fam != 0:
		p.printf("\n\t  AFI %s", afName(bsdAFs, fam, fmt.Sprintf("Unknown (%d)", fam)))
		need(b, off+20)
		p.hexLinesPlain(b[off+4:off+20], "\n\t  ")
	default:
		if off+20 > len(b) || rem < 20 {
			return 0
		}
		e := b[off : off+20]
		p.printf("\n\t  AFI %s, %15s/%-2d, tag 0x%04x, metric: %d, next-hop: ",
			afName(bsdAFs, fam, fmt.Sprint(fam)), p.host(addr4(e[4:])), mask2plen(be32(e, 8)), be16(e, 2), be32(e, 16))
		if be32(e, 12) != 0 {
			p.print(p.host(addr4(e[12:])))
		} else {
			p.print("self")
		}
	}
	return 20
}
