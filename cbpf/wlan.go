package cbpf

import "github.com/gocap/gocap/parser"

// This file generates the IEEE 802.11 primitives: the link-layer protocol
// check (data frames with an LLC header), MAC addresses ("wlan host",
// addr1-4, ra, ta), broadcast and multicast, and the frame control tests
// "type", "subtype" and "dir". Every load here is relative to the start of
// the 802.11 header, which the radio header link types (radio.go) put at
// a run-time offset.

// Frame control fields (the first two bytes of the 802.11 header).
const (
	wlanFC0TypeMask    = 0x0c
	wlanFC0TypeCtl     = 0x04
	wlanFC0TypeData    = 0x08
	wlanFC0SubtypeMask = 0xf0
	wlanFC0SubtypeCTS  = 0xc0
	wlanFC0SubtypeACK  = 0xd0
	wlanFC1DirMask     = 0x03
	wlanFC1DirDSToDS   = 0x03
	wlanFC1ToDS        = 0x01
	wlanFC1FromDS      = 0x02
)

// isWLAN reports whether packets of the link type carry an 802.11 header,
// with or without a radio header in front of it.
func isWLAN(lt LinkType) bool {
	switch lt {
	case LinkIEEE80211, LinkPrismHeader, LinkIEEE80211Radio, LinkIEEE80211RadioAVS, LinkPPI:
		return true
	}
	return false
}

// wlanDataFrame is true for 802.11 data frames.
func (c *compiler) wlanDataFrame() *block {
	return c.mcmp(orLinkHdr, 0, SizeB, wlanFC0TypeData, wlanFC0TypeMask)
}

// wlanLinktype checks for a data frame whose LLC header carries llProto.
func (c *compiler) wlanLinktype(llProto uint32) *block {
	b0 := c.wlanDataFrame()
	b1 := c.llcLinktype(llProto)
	genAnd(b0, b1)
	return b1
}

// wlanFlag is true when a bit of mask is set in the frame control byte at
// offset (0 or 1); with clear, when none is.
func (c *compiler) wlanFlag(offset, mask uint32, clear bool) *block {
	b := c.bitSet(orLinkHdr, offset, mask)
	if clear {
		genNot(b)
	}
	return b
}

// wlanByDS applies test to the field of a data frame that moves with a DS
// bit (flag): at offset whenSet when the bit is set, whenClear otherwise.
func (c *compiler) wlanByDS(flag uint32, test func(off uint32) *block, whenSet, whenClear uint32) *block {
	b1 := c.wlanFlag(1, flag, false)
	b0 := test(whenSet)
	genAnd(b1, b0)
	b2 := c.wlanFlag(1, flag, true)
	b1 = test(whenClear)
	genAnd(b2, b1)
	genOr(b1, b0)
	return b0
}

// wlanDA applies test to the destination address: at 4 in management
// frames, at 4 or 16 (To DS) in data frames; control frames have none.
func (c *compiler) wlanDA(test func(off uint32) *block) *block {
	b0 := c.wlanByDS(wlanFC1ToDS, test, 16, 4)
	return c.wlanMgmtOrData(b0, test(4))
}

// wlanSA applies test to the source address: at 10 in management frames;
// in data frames at 10, or with From DS set at 16, or 24 when To DS is set
// as well.
func (c *compiler) wlanSA(test func(off uint32) *block) *block {
	b0 := c.wlanByDS(wlanFC1ToDS, test, 24, 16)
	b1 := c.wlanFlag(1, wlanFC1FromDS, false)
	genAnd(b1, b0)
	b2 := c.wlanFlag(1, wlanFC1FromDS, true)
	b1 = test(10)
	genAnd(b2, b1)
	genOr(b1, b0)
	return c.wlanMgmtOrData(b0, test(10))
}

// wlanMgmtOrData combines the test for data frames (data) with the one
// for management frames (mgmt), excluding control and reserved frames.
func (c *compiler) wlanMgmtOrData(data, mgmt *block) *block {
	b1 := c.wlanFlag(0, wlanFC0TypeData, false)
	genAnd(b1, data)
	b2 := c.wlanFlag(0, wlanFC0TypeData, true)
	genAnd(b2, mgmt)
	genOr(mgmt, data)
	b1 = c.wlanFlag(0, wlanFC0TypeCtl, true)
	genAnd(b1, data)
	return data
}

// wlanNotCTSOrACK is true for frames that have a transmitter address
// (addr2): all but CTS and ACK control frames.
func (c *compiler) wlanNotCTSOrACK() *block {
	b0 := c.mcmp(orLinkHdr, 0, SizeB, wlanFC0TypeCtl, wlanFC0TypeMask)
	genNot(b0)
	b1 := c.mcmp(orLinkHdr, 0, SizeB, wlanFC0SubtypeCTS, wlanFC0SubtypeMask)
	genNot(b1)
	b2 := c.mcmp(orLinkHdr, 0, SizeB, wlanFC0SubtypeACK, wlanFC0SubtypeMask)
	genNot(b2)
	genAnd(b1, b2)
	genOr(b0, b2)
	return b2
}

// wlanHostop compares a MAC-48 address with the 802.11 address fields the
// direction qualifier selects.
func (c *compiler) wlanHostop(mac []byte, dir parser.Dir) *block {
	c.libpcapSkipsOptimizer = true
	test := func(off uint32) *block { return c.bcmp(orLinkHdr, off, mac) }
	switch dir {
	case parser.DirSrc:
		return c.wlanSA(test)
	case parser.DirDst:
		return c.wlanDA(test)
	case parser.DirAnd:
		b0 := c.wlanSA(test)
		b1 := c.wlanDA(test)
		genAnd(b0, b1)
		return b1
	case parser.DirDefault, parser.DirOr:
		b0 := c.wlanSA(test)
		b1 := c.wlanDA(test)
		genOr(b0, b1)
		return b1
	case parser.DirAddr1:
		return test(4)
	case parser.DirAddr2:
		b := c.wlanNotCTSOrACK()
		b1 := test(10)
		genAnd(b, b1)
		return b1
	case parser.DirAddr3:
		b0 := c.mcmp(orLinkHdr, 0, SizeB, wlanFC0TypeCtl, wlanFC0TypeMask)
		genNot(b0)
		b1 := test(16)
		genAnd(b0, b1)
		return b1
	case parser.DirAddr4:
		b0 := c.mcmp(orLinkHdr, 1, SizeB, wlanFC1DirDSToDS, wlanFC1DirMask)
		b1 := test(24)
		genAnd(b0, b1)
		return b1
	case parser.DirRA:
		// Not in management frames; addr1 in the others.
		b1 := c.wlanFlag(0, wlanFC0TypeData, false)
		b0 := test(4)
		genAnd(b1, b0)
		return b0
	case parser.DirTA:
		// Not in management frames; addr2, where present, in the others.
		b0 := c.wlanNotCTSOrACK()
		b1 := c.wlanFlag(0, wlanFC0TypeData, false)
		genAnd(b1, b0)
		b1 = test(10)
		genAnd(b0, b1)
		return b1
	}
	c.fail("'%s' is not a valid qualifier for 802.11 addresses", dir)
	return nil
}

// wlanMulticast is true when the destination address is a group address.
func (c *compiler) wlanMulticast() *block {
	return c.wlanDA(func(off uint32) *block { return c.bitSet(orLinkHdr, off, 0x01) })
}

// wlanFrameControl is "type T [subtype S]" and "subtype S" (frame control
// byte 0 under a mask), or "dir D" (the DS bits of byte 1).
func (c *compiler) wlanFrameControl(b *parser.Builtin) *block {
	arg := func(i int) uint32 {
		if i < len(b.Args) {
			return b.Args[i].Num
		}
		return 0
	}
	if b.Kw == parser.KwWlanDir {
		if !isWLAN(c.linktype) {
			c.failLink("'dir' not supported on DLT_%s", c.linktype)
		}
		return c.mcmp(orLinkHdr, 1, SizeB, arg(0), wlanFC1DirMask)
	}
	if !isWLAN(c.linktype) {
		c.failLink("'type/subtype' not supported on DLT_%s", c.linktype)
	}
	return c.mcmp(orLinkHdr, 0, SizeB, arg(0), arg(1))
}
