package printer

// SLIP link types (tcpdump's print-sl.c): DLT_SLIP carries a 16-byte
// pseudo-header, a direction byte and the first bytes of the (possibly
// Van Jacobson compressed) header, before the IP packet; DLT_SLIP_BSDOS has
// the same length of header and prints only the IP packet.

const slipHdrLen = 16

// Van Jacobson header compression (RFC 1144): the packet type in the high
// bits of the first byte and the change mask of a compressed header.
const (
	slipTypeIP       = 0x40
	slipTypeUncompTC = 0x70
	slipTypeCompTCP  = 0x80

	vjNewC = 0x40
	vjNewI = 0x20
	vjNewS = 0x08
	vjNewA = 0x04
	vjNewW = 0x02
	vjNewU = 0x01

	vjSpecialI    = vjNewS | vjNewW | vjNewU
	vjSpecialD    = vjNewS | vjNewA | vjNewW | vjNewU
	vjSpecialMask = vjNewS | vjNewA | vjNewW | vjNewU
)

// slipState is what the SLIP printer remembers, as tcpdump does in static
// variables: the last connection number seen and the data length of the
// last packet of each connection in each direction.
type slipState struct {
	lastLen  [2][256]uint32
	lastConn uint8
	connSeen bool // lastConn was set; before that it is 255
}

func (s *slipState) conn() uint8 {
	if !s.connSeen {
		return 255
	}
	return s.lastConn
}

func (s *slipState) setConn(c uint8) { s.lastConn, s.connSeen = c, true }

// slip prints a DLT_SLIP packet.
func (p *Printer) slip(b []byte, length int) int {
	r := p.reader("slip", b)
	r.need(0, slipHdrLen)
	length -= slipHdrLen
	if p.o.LinkHeader {
		p.slipLink(r, length)
	}
	ip := b[slipHdrLen:]
	switch r.u8(slipHdrLen) >> 4 {
	case 4:
		p.ip(ip, length)
	case 6:
		p.ip6(ip, length)
	default:
		p.printf("ip v%d", b[slipHdrLen]>>4)
	}
	return slipHdrLen
}

// slipBSDOS prints a DLT_SLIP_BSDOS packet: its header is skipped.
func (p *Printer) slipBSDOS(b []byte, length int) int {
	r := p.reader("slip_bsdos", b)
	r.need(0, slipHdrLen)
	p.ip(b[slipHdrLen:], length-slipHdrLen)
	return slipHdrLen
}

// slipTCPDataLen is the data length of a packet whose IP and TCP headers
// follow the SLIP header, as the unsigned difference tcpdump keeps.
func slipTCPDataLen(r reader, length int) uint32 {
	r.need(slipHdrLen, 20)
	hl := int(r.u8(slipHdrLen) & 0x0f)
	r.need(slipHdrLen+4*hl, 20)
	hl += int(r.u8(slipHdrLen+4*hl+12) >> 4)
	return uint32(length - hl<<2)
}

// slipLink prints the -e form of the SLIP pseudo-header.
func (p *Printer) slipLink(r reader, length int) {
	st := &p.state.slip
	dir := -1
	switch d := r.u8(0); d {
	case 0:
		p.print("I ")
		dir = 0
	case 1:
		p.print("O ")
		dir = 1
	default:
		p.printf("Invalid direction %d ", d)
	}
	chdr := r.u8(1)
	switch chdr & 0xf0 {
	case slipTypeIP:
		p.printf("ip %d: ", length+slipHdrLen)
	case slipTypeUncompTC:
		// The connection number is where the IP header's protocol field
		// would be, counting from the compressed-header byte.
		c := r.u8(1 + 9)
		st.setConn(c)
		p.printf("utcp %d: ", c)
		if dir < 0 {
			return
		}
		st.lastLen[dir][c] = slipTCPDataLen(r, length)
	default:
		if dir < 0 {
			return
		}
		if chdr&slipTypeCompTCP != 0 {
			p.vjCompressed(r, length, dir)
			p.print(": ")
		} else {
			p.printf("slip-%d!: ", chdr)
		}
	}
}

// vjCompressed prints a Van Jacobson compressed TCP header, which starts
// at the second byte of the SLIP header.
func (p *Printer) vjCompressed(r reader, length, dir int) {
	st := &p.state.slip
	off := 1
	flags := r.u8(off)
	off++
	if flags&vjNewC != 0 {
		st.setConn(r.u8(off))
		off++
		p.printf("ctcp %d", st.conn())
	} else {
		p.print("ctcp *")
	}
	off += 2 // the TCP checksum
	// A change is one byte, or a zero and two bytes. tcpdump steps over
	// the second form only, so after a one-byte change it reads the next
	// one from the same byte; the printer does the same.
	change := func(label string) {
		v := int(r.u8(off))
		if v == 0 {
			v = int(r.be16(off + 1))
			off += 3
		}
		p.printf(" %s%d", label, v)
	}
	switch flags & vjSpecialMask {
	case vjSpecialI:
		p.printf(" *SA+%d", st.lastLen[dir][st.conn()])
	case vjSpecialD:
		p.printf(" *S+%d", st.lastLen[dir][st.conn()])
	default:
		if flags&vjNewU != 0 {
			change("U=")
		}
		if flags&vjNewW != 0 {
			v := int16(r.u8(off))
			if v == 0 {
				v = int16(r.be16(off + 1))
				off += 3
			}
			if v >= 0 {
				p.printf(" W+%d", v)
			} else {
				p.printf(" W%d", v)
			}
		}
		if flags&vjNewA != 0 {
			change("A+")
		}
		if flags&vjNewS != 0 {
			change("S+")
		}
	}
	if flags&vjNewI != 0 {
		change("I+")
	}
	n := slipTCPDataLen(r, length)
	st.lastLen[dir][st.conn()] = n
	p.printf(" %d (%d)", n, off-1)
}
