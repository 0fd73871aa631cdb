package cbpf

// This file generates "pppoed" and "pppoes [SESSION]". After "pppoes" the
// link layer is the PPP frame inside the PPPoE session, so protocol checks
// generated after it compare PPP protocol numbers (pppLinktype).

// PPP protocol numbers (RFC 1661 and the PPP DLL protocol registry).
const (
	pppIP          = 0x0021
	pppOSI         = 0x0023
	pppNS          = 0x0025
	pppDECnet      = 0x0027
	pppAppleTalk   = 0x0029
	pppIPX         = 0x002b
	pppBridgingPDU = 0x0031
	pppIPv6        = 0x0057
	pppMPLSUnicast = 0x0281

	etherTypeNS = 0x0600 // Xerox NS IDP

	pppoeHdrLen     = 6
	pppProtoLen     = 2
	pppoeSessionMax = 0xffff
)

// pppoed is "pppoed": PPPoE discovery frames.
func (c *compiler) pppoed() *block {
	return c.linktypeCheck(etherTypePPPoED)
}

// pppoes is "pppoes" (has false) or "pppoes SESSION".
func (c *compiler) pppoes(session uint32, has bool) *block {
	b0 := c.linktypeCheck(etherTypePPPoES)
	if has {
		c.checkMax("PPPoE session number", session, pppoeSessionMax)
		b1 := c.cmp(orLinkPL, 2, SizeH, session)
		genAnd(b0, b1)
		b0 = b1
	}
	// The PPP frame starts after the PPPoE header, with no HDLC framing:
	// its protocol field comes first, the PPP payload 2 bytes later.
	c.pushLinkHdr(LinkPPP, c.offLinkPL.isVariable,
		c.offLinkPL.constPart+c.offNL+pppoeHdrLen, c.offLinkPL.reg)
	c.offLinkType = c.offLinkHdr
	c.offLinkPL.constPart = c.offLinkHdr.constPart + pppProtoLen
	c.offNL = 0
	c.offNLNoSNAP = 0
	return b0
}

// etherTypeToPPP maps the EtherType (or LLC SAP) the generator uses
// internally to the PPP protocol number for the same protocol.
func (c *compiler) etherTypeToPPP(llProto uint32) uint32 {
	switch llProto {
	case etherTypeIP:
		return pppIP
	case etherTypeIPv6:
		return pppIPv6
	case etherTypeDN:
		return pppDECnet
	case etherTypeATalk:
		return pppAppleTalk
	case etherTypeNS:
		return pppNS
	case llcSAPISONS:
		return pppOSI
	case llcSAP8021D:
		return pppBridgingPDU
	case llcSAPIPX:
		return pppIPX
	}
	c.checkMax("PPP protocol", llProto, 0xffff)
	return llProto
}
