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
	if vers == 0 {
		// RFC 1058 says to ignore these: tcpdump dumps them.
		p.unknownData(b, "\n\t", length)
		return
	}
	cs, ok := ripCmds[cmd]
	if !ok {
		cs = sprintf("unknown command (%d)", cmd)
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
					n = p.ripEntryV1(r, off, avail)
				} else {
					n = p.ripEntryV2(r, off, avail)
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
			p.unknownData(b, "\n\t", length)
		}
	}
	if p.o.Verbose > 1 {
		p.unknownData(b, "\n\t", length)
	}
}

func afName(m map[uint16]string, af uint16, def string) string {
	if s, ok := m[af]; ok {
		return s
	}
	return def
}

// ripEntryV1 prints the RFC 1058 route entry at off, of the rem bytes
// left of the message, and returns its size, or 0 when rem or the
// capture is shorter than an entry.
func (p *Printer) ripEntryV1(r reader, off, rem int) int {
	if rem < 20 || !r.has(off, 20) {
		return 0
	}
	e := r.b[off : off+20]
	fam := be16(e, 0)
	if fam != 2 && fam != 0 {
		p.printf("\n\t AFI %s, ", afName(bsdAFs, fam, sprintf("Unknown (%d)", fam)))
		p.unknownData(e[4:], "\n\t  ", 16)
		return 20
	}
	if be16(e, 2) != 0 || be32(e, 8) != 0 || be32(e, 12) != 0 {
		p.unknownData(e, "\n\t  ", 20)
		return 20
	}
	if fam == 0 {
		p.printf("\n\t  AFI 0, %s, metric: %d", p.host(addr4(e[4:])), be32(e, 16))
		return 20
	}
	p.printf("\n\t  %s, metric: %d", p.host(addr4(e[4:])), be32(e, 16))
	return 20
}

// ripEntryV2 prints the RFC 2453 entry at off (a route or an
// authentication entry), of the rem bytes left of the message, and
// returns its size, or 0 when rem or the capture is too short for it.
func (p *Printer) ripEntryV2(r reader, off, rem int) int {
	if rem < 4 || !r.has(off, 4) {
		return 0
	}
	b := r.b
	fam := be16(b, off)
	switch {
	case fam == 0xffff:
		at := be16(b, off+2)
		off += 4
		rem -= 4
		switch at {
		case 2:
			p.print("\n\t  Simple Text Authentication data: ")
			for i := 0; i < 16; i++ {
				c := r.u8(off + i)
				if c == 0 {
					break
				}
				p.printChar(c)
			}
		case 3:
			if !r.has(off, 16) || rem < 16 {
				return 0
			}
			p.printf("\n\t  Auth header: Packet Len %d, Key-ID %d, Auth Data Len %d, SeqNo %d, MBZ %d, MBZ %d",
				be16(b, off), b[off+2], b[off+3], be32(b, off+4), be32(b, off+8), be32(b, off+12))
		case 1:
			p.print("\n\t  Auth trailer:")
			p.unknownData(b[off:], "\n\t  ", rem)
			return 4 + rem
		default:
			p.printf("\n\t  Unknown (%d) Authentication data:", at)
			p.unknownData(b[off:], "\n\t  ", rem)
			return 4 + rem
		}
	case fam != 2 && fam != 0:
		p.printf("\n\t  AFI %s", afName(bsdAFs, fam, sprintf("Unknown (%d)", fam)))
		p.unknownData(b[off+4:], "\n\t  ", 16)
	default:
		if !r.has(off, 20) || rem < 20 {
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
