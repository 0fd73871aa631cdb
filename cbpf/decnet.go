package cbpf

import "github.com/gocap/gocap/parser"

// This file generates "decnet [src|dst] host AREA.NODE".
//
// A DECnet routing header may be preceded by one byte of padding, and data
// packets come with a short or a long header. Only those four cases of
// data packets are recognised. The first byte of the routing layer (after
// the 2-byte length) is the flags byte; its low three bits say which
// header format follows. With padding, the pad byte has the high bit set
// and the flags byte follows it.
//
// DECnet addresses are little-endian on the wire; libpcap compares them as
// a byte-swapped 16-bit value, which this reproduces.

// Offsets of the addresses after the flags byte.
const (
	dnShortDst = 1  // flags, dst
	dnShortSrc = 3  // flags, dst, src
	dnLongDst  = 7  // flags, darea, dsubarea, HIORD, dst
	dnLongSrc  = 15 // ... did, sarea, ssubarea, HIORD, src
)

func swap16(v uint32) uint32 { return (v>>8)&0xff | (v&0xff)<<8 }

// dnHost tests a DECnet address (AREA<<10 | NODE) for a direction: the
// EtherType check once, then the address checks (generated in that order,
// as libpcap does, so that the offset registers are allocated in the same
// order).
func (c *compiler) dnHost(addr uint32, dir parser.Dir) *block {
	b0 := c.linktypeCheck(etherTypeDN)
	var b1 *block
	switch dir {
	case parser.DirSrc, parser.DirDst:
		b1 = c.dnHostOp(addr, dir)
	case parser.DirAnd:
		b0 := c.dnHostOp(addr, parser.DirSrc)
		b1 = c.dnHostOp(addr, parser.DirDst)
		genAnd(b0, b1)
	case parser.DirDefault, parser.DirOr:
		b0 := c.dnHostOp(addr, parser.DirSrc)
		b1 = c.dnHostOp(addr, parser.DirDst)
		genOr(b0, b1)
	default:
		// addr1..addr4, ra and ta
		c.fail("'%s' is valid for 802.11 syntax only", dir)
	}
	genAnd(b0, b1)
	return b1
}

// dnHostOp checks the source or the destination address in the four
// header layouts.
func (c *compiler) dnHostOp(addr uint32, dir parser.Dir) *block {
	offShort, offLong := uint32(dnShortSrc), uint32(dnLongSrc)
	if dir == parser.DirDst {
		offShort, offLong = dnShortDst, dnLongDst
	}
	a := swap16(addr & 0xffff)

	// Padding, long header: pad byte with the high bit set, then flags
	// of a long data packet.
	tmp := c.mcmp(orLinkPL, 2, SizeH, swap16(0x0681), swap16(0x07ff))
	b1 := c.cmp(orLinkPL, 2+1+offLong, SizeH, a)
	genAnd(tmp, b1)
	// No padding, long header.
	tmp = c.mcmp(orLinkPL, 2, SizeB, 0x06, 0x07)
	b2 := c.cmp(orLinkPL, 2+offLong, SizeH, a)
	genAnd(tmp, b2)
	genOr(b2, b1)
	// Padding, short header. For the destination, the flags and the
	// address are adjacent to the pad byte and fit in one word.
	if offShort == dnShortDst {
		b2 = c.mcmp(orLinkPL, 2, SizeW, swap16(0x0281)<<16|a, 0xff07ffff)
	} else {
		tmp = c.mcmp(orLinkPL, 2, SizeH, swap16(0x0281), swap16(0x07ff))
		b2 = c.cmp(orLinkPL, 2+1+offShort, SizeH, a)
		genAnd(tmp, b2)
	}
	genOr(b2, b1)
	// No padding, short header.
	if offShort == dnShortDst {
		b2 = c.mcmp(orLinkPL, 2, SizeW, 0x02<<24|a<<8, 0x07ffff00)
	} else {
		tmp = c.mcmp(orLinkPL, 2, SizeB, 0x02, 0x07)
		b2 = c.cmp(orLinkPL, 2+offShort, SizeH, a)
		genAnd(tmp, b2)
	}
	genOr(b2, b1)
	return b1
}
