package cbpf

import "github.com/gocap/gocap/parser"

// This file generates the ATM primitives of DLT_SUNATM: "vpi", "vci", the
// traffic type "lane" (LAN emulation, after which the rest of the filter
// applies to the emulated Ethernet frame), and the signalling channel
// abbreviations (oam, oamf4, oamf4sc, oamf4ec, metac, bcc, sc, ilmic,
// connectmsg, metaconnect).
//
// The SunATM pseudo-header is 4 bytes: a flags byte whose low nibble is
// the traffic type, the VPI byte and the 16-bit VCI. The AAL5 payload
// follows.

// SunATM pseudo-header layout.
const (
	sunATMProto   = 0 // traffic type, low nibble
	sunATMVPI     = 1
	sunATMVCI     = 2
	sunATMPayload = 4

	sunATMTypeLANE = 1
	sunATMTypeLLC  = 2
)

// Well-known VCIs on VPI 0 (ATM Forum UNI 3.1).
const (
	vciMetaSignalling = 1
	vciBroadcastSig   = 2
	vciOAMF4Segment   = 3
	vciOAMF4EndToEnd  = 4
	vciSignalling     = 5
	vciILMI           = 16
)

// Q.2931 message types, at byte 5 of the signalling message.
const (
	q2931MsgTypePos = 5

	q2931CallProceeding = 0x02
	q2931Connect        = 0x07
	q2931ConnectAck     = 0x0f
	q2931Setup          = 0x05
	q2931Release        = 0x4d
	q2931ReleaseDone    = 0x5a
)

// linkExtra is the state of the link types of linkother.go.
type linkExtra struct {
	isATM bool
	ss7   *ss7Layout
	// pflog is set for DLT_PFLOG, whose header length is in the header.
	pflog bool
}

func (c *compiler) initSunATM() { c.lx.isATM = true }

// atmCmp compares a pseudo-header field with a value.
func (c *compiler) atmCmp(off uint32, size uint16, mask uint32, op parser.RelOp, v uint32) *block {
	return c.relCmp(orLinkHdr, off, size, mask, op, v)
}

func (c *compiler) atmType(t uint32) *block {
	return c.atmCmp(sunATMProto, SizeB, 0x0f, parser.EQ, t)
}

func (c *compiler) atmVPI(v uint32) *block {
	return c.atmCmp(sunATMVPI, SizeB, 0xffffffff, parser.EQ, v)
}
func (c *compiler) atmVCI(v uint32) *block {
	return c.atmCmp(sunATMVCI, SizeH, 0xffffffff, parser.EQ, v)
}

// atmField is "vpi|vci [op] value" or a list of values.
func (c *compiler) atmField(f *parser.FieldExpr) *block {
	if !c.lx.isATM || c.linktype != LinkSunATM {
		c.failLink("'%s' supported only on SUNATM", kwWord(f.Field))
	}
	var b *block
	for _, a := range f.Values {
		var t *block
		if f.Field == parser.KwVPI {
			c.checkMax("VPI", a.Num, 255)
			t = c.atmCmp(sunATMVPI, SizeB, 0xffffffff, f.Op, a.Num)
		} else {
			c.checkMax("VCI", a.Num, 65535)
			t = c.atmCmp(sunATMVCI, SizeH, 0xffffffff, f.Op, a.Num)
		}
		if b != nil {
			genOr(b, t)
		}
		b = t
	}
	return b
}

// atmChannel is true for VPI 0 and the given VCI.
func (c *compiler) atmChannel(vci uint32) *block {
	b0 := c.atmVPI(0)
	b1 := c.atmVCI(vci)
	genAnd(b0, b1)
	return b1
}

// atmMsgTypes is true when the signalling message type is one of types;
// the first is tested first.
func (c *compiler) atmMsgTypes(types ...uint32) *block {
	var b *block
	for i := len(types) - 1; i >= 0; i-- {
		t := c.cmp(orLinkHdr, sunATMPayload+q2931MsgTypePos, SizeB, types[i])
		if b == nil {
			b = t
		} else {
			genOr(t, b)
		}
	}
	return b
}

// atmKeyword is lane and the signalling abbreviations.
func (c *compiler) atmKeyword(kw parser.Keyword) *block {
	if !c.lx.isATM || c.linktype != LinkSunATM {
		c.failLink("'%s' supported only on SUNATM", kwWord(kw))
	}
	switch kw {
	case parser.KwLane:
		b := c.atmType(sunATMTypeLANE)
		// The LANE payload is an Ethernet frame after a 2-byte LE
		// header; everything after this applies to that frame.
		c.pushLinkHdr(LinkEN10MB, false, sunATMPayload+2, -1)
		c.offLinkType.constPart = c.offLinkHdr.constPart + 12
		c.offLinkPL.constPart = c.offLinkHdr.constPart + 14
		c.offNL, c.offNLNoSNAP = 0, 3
		return b
	case parser.KwOAMF4SC:
		return c.atmChannel(vciOAMF4Segment)
	case parser.KwOAMF4EC:
		return c.atmChannel(vciOAMF4EndToEnd)
	case parser.KwOAM, parser.KwOAMF4:
		b0 := c.atmVPI(0)
		b1 := c.atmVCI(vciOAMF4Segment)
		b2 := c.atmVCI(vciOAMF4EndToEnd)
		genOr(b1, b2)
		genAnd(b0, b2)
		return b2
	case parser.KwMetac:
		return c.atmChannel(vciMetaSignalling)
	case parser.KwBCC:
		return c.atmChannel(vciBroadcastSig)
	case parser.KwSC:
		return c.atmChannel(vciSignalling)
	case parser.KwILMIC:
		return c.atmChannel(vciILMI)
	case parser.KwConnectMsg:
		b0 := c.atmChannel(vciSignalling)
		b1 := c.atmMsgTypes(q2931ReleaseDone, q2931Release, q2931ConnectAck, q2931Connect,
			q2931Setup, q2931CallProceeding)
		genAnd(b0, b1)
		return b1
	case parser.KwMetaConnect:
		b0 := c.atmChannel(vciMetaSignalling)
		b1 := c.atmMsgTypes(q2931ReleaseDone, q2931Release, q2931Connect,
			q2931Setup, q2931CallProceeding)
		genAnd(b0, b1)
		return b1
	}
	c.fail("internal error: unexpected ATM keyword %d", kw)
	return nil
}

// sunATMLinktype checks for LLC encapsulation, then the protocol in the
// LLC header.
func (c *compiler) sunATMLinktype(llProto uint32) *block {
	b0 := c.atmType(sunATMTypeLLC)
	b1 := c.llcLinktype(llProto)
	genAnd(b0, b1)
	return b1
}

// otherPrevLinkHdrCheck is what a test on an encapsulated Ethernet frame
// must check of the outer link layer: on LANE, that the frame is data,
// not an LE control frame (which starts with 0xff00).
func (c *compiler) otherPrevLinkHdrCheck() *block {
	if c.prevLinktype == LinkSunATM && c.linktype != LinkSunATM {
		b := c.cmp(orPrevLinkHdr, sunATMPayload, SizeH, 0xff00)
		genNot(b)
		return b
	}
	return nil
}

// hasMAC48 reports whether the current link type has MAC-48 addresses
// that "link host", "gateway" and ethers names can test.
func (c *compiler) hasMAC48() bool {
	if c.linktype == LinkEN10MB {
		return true
	}
	_, _, ok := macOffsets(c.linktype)
	return ok
}

// otherLLCPresent is "llc" on the link types of linkother.go: nil when the
// link type has no LLC header.
func (c *compiler) otherLLCPresent() *block {
	switch c.linktype {
	case LinkSunATM:
		return c.atmType(sunATMTypeLLC)
	case LinkFDDI, LinkIEEE802, LinkATMRFC1483:
		// Always 802.2 (not checked further, as libpcap).
		return c.genTrue()
	case LinkDSATagBRCM, LinkDSATagDSA:
		return c.etherLLCPresent()
	}
	return nil
}
