package cbpf

import "github.com/gocap/gocap/parser"

// This file generates the SS7 primitives: "fisu", "lssu", "msu" (and the
// "h" forms for high-speed links with 12-bit sequence numbers), which
// test the length indicator of an MTP2 signal unit, and the MTP3 routing
// label fields "sio", "opc", "dpc", "sls" (and "hsio" ... "hsls").
//
// The high-speed forms read the same fields 3 bytes further on, behind
// the longer MTP2 header.

// ss7Layout gives the offsets of the MTP2 length indicator (li, and
// liHSL for the 9-bit indicator of high-speed links) and of the MTP3
// fields, from the start of the packet.
type ss7Layout struct {
	li, liHSL, sio, opc, dpc, sls uint32
}

// ss7Layouts are the link types carrying MTP2 signal units (shared and
// never written: a compilation points at its link type's layout).
var ss7Layouts = map[LinkType]*ss7Layout{
	LinkMTP2:         {li: 2, liHSL: 4, sio: 3, opc: 4, dpc: 4, sls: 7},
	LinkMTP2WithPHDR: {li: 6, liHSL: 8, sio: 7, opc: 8, dpc: 8, sls: 11},
	LinkERF:          {li: 22, liHSL: 24, sio: 23, opc: 24, dpc: 24, sls: 27},
}

// hslShift is how much further the MTP3 fields are on a high-speed link.
const hslShift = 3

// initSS7 sets up an SS7 link type; it reports false for other link
// types. These link types have no network layer offsets.
func (c *compiler) initSS7(lt LinkType) bool {
	l, ok := ss7Layouts[lt]
	if !ok {
		return false
	}
	c.lx.ss7 = l
	c.offLinkType.constPart = offsetNotSet
	c.offLinkPL.constPart = offsetNotSet
	c.offNL, c.offNLNoSNAP = offsetNotSet, offsetNotSet
	return true
}

// signalUnit is fisu, lssu, msu and their h forms.
func (c *compiler) signalUnit(kw parser.Keyword) *block {
	if c.lx.ss7 == nil {
		c.failLink("'%s' supported only on SS7", kwWord(kw))
	}
	// The length indicator tells the signal units apart: 0 for a FISU,
	// 1 or 2 for an LSSU, more for an MSU.
	off, mask, lssuMax := c.lx.ss7.li, uint32(0x3f), uint32(2)
	switch kw {
	case parser.KwHFISU, parser.KwHLSSU, parser.KwHMSU:
		// 9-bit indicator in the high bits of a 16-bit field.
		off, mask, lssuMax = c.lx.ss7.liHSL, 0xff80, 0x100
	}
	li := func(jtype uint16, v uint32) *block {
		return c.ncmp(orPacket, off, ssize(kw), mask, jtype, false, v)
	}
	switch kw {
	case parser.KwFISU, parser.KwHFISU:
		return li(JumpJEQ, 0)
	case parser.KwLSSU, parser.KwHLSSU:
		b0 := li(JumpJGT, 0)
		b1 := li(JumpJGT, lssuMax)
		genNot(b1)
		genAnd(b0, b1)
		return b1
	}
	return li(JumpJGT, lssuMax)
}

// ssize is the size of the length indicator load.
func ssize(kw parser.Keyword) uint16 {
	switch kw {
	case parser.KwHFISU, parser.KwHLSSU, parser.KwHMSU:
		return SizeH
	}
	return SizeB
}

// mtp3Field is "sio|opc|dpc|sls [op] value" or a list of values.
func (c *compiler) mtp3Field(f *parser.FieldExpr) *block {
	if c.lx.ss7 == nil {
		c.failLink("'%s' supported only on SS7", kwWord(f.Field))
	}
	var b *block
	for _, v := range f.Values {
		t := c.mtp3Cmp(f.Field, f.Op, v.Num)
		if b != nil {
			genOr(b, t)
		}
		b = t
	}
	return b
}

// mtp3Cmp compares one MTP3 field with a value. The point codes are
// 14-bit little-endian values packed across byte boundaries, so the value
// is rearranged into the byte order of the field as loaded.
func (c *compiler) mtp3Cmp(field parser.Keyword, op parser.RelOp, v uint32) *block {
	var off, mask uint32
	var size uint16
	var shift uint32
	switch field {
	case parser.KwSIO, parser.KwOPC, parser.KwDPC, parser.KwSLS:
	default:
		shift = hslShift
	}
	switch field {
	case parser.KwSIO, parser.KwHSIO:
		c.checkMax(kwWord(field), v, 255)
		off, size, mask = c.lx.ss7.sio, SizeB, 0xffffffff
	case parser.KwOPC, parser.KwHOPC:
		c.checkMax(kwWord(field), v, 16383)
		off, size, mask = c.lx.ss7.opc, SizeW, 0x00c0ff0f
		v = (v&0x3)<<22 | (v&0x3fc)<<6 | (v&0x3c00)>>10
	case parser.KwDPC, parser.KwHDPC:
		c.checkMax(kwWord(field), v, 16383)
		off, size, mask = c.lx.ss7.dpc, SizeH, 0xff3f
		v = (v&0xff)<<8 | (v&0x3f00)>>8
	case parser.KwSLS, parser.KwHSLS:
		c.checkMax(kwWord(field), v, 15)
		off, size, mask = c.lx.ss7.sls, SizeB, 0xf0
		v <<= 4
	}
	return c.relCmp(orPacket, off+shift, size, mask, op, v)
}

// relCmp compares a (masked) field with a constant using a relational
// operator, as libpcap's gen_ncmp does for its callers.
func (c *compiler) relCmp(rel offRel, off uint32, size uint16, mask uint32, op parser.RelOp, v uint32) *block {
	switch op {
	case parser.GT:
		return c.ncmp(rel, off, size, mask, JumpJGT, false, v)
	case parser.GE:
		return c.ncmp(rel, off, size, mask, JumpJGE, false, v)
	case parser.LE:
		return c.ncmp(rel, off, size, mask, JumpJGT, true, v)
	case parser.LT:
		return c.ncmp(rel, off, size, mask, JumpJGE, true, v)
	case parser.NE:
		b := c.ncmp(rel, off, size, mask, JumpJEQ, false, v)
		genNot(b)
		return b
	}
	return c.ncmp(rel, off, size, mask, JumpJEQ, false, v)
}
