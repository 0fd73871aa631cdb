package cbpf

// This file generates "mpls [LABEL]". Each "mpls" moves the network-layer
// offset past one 4-byte label stack entry for everything generated after
// it, so "mpls 100000 and mpls 1024" matches an outer label of 100000 and
// an inner one of 1024. Inside the label stack, protocol checks look at
// the bottom-of-stack bit and the IP version nibble (mplsLinktype).

// MPLS constants.
const (
	mplsLabelMax  = 0xfffff
	mplsLabelMask = 0xfffff000 // the label is the top 20 bits of the entry
	mplsBoS       = 0x01       // bottom-of-stack bit, in the third byte
	mplsEntryLen  = 4
)

// mpls is "mpls" (has false) or "mpls LABEL".
func (c *compiler) mpls(label uint32, has bool) *block {
	var b0 *block
	if c.labelStackDepth > 0 {
		// Another entry follows only if the previous one is not the
		// bottom of the stack.
		b0 = c.bitClear(orPrevMPLSHdr, 2, mplsBoS)
	} else {
		switch c.linktype {
		case LinkCHDLC, LinkEN10MB, LinkNetAnalyzer, LinkNetAnalyzerTransparent,
			LinkDSATagBRCM, LinkDSATagDSA:
			b0 = c.linktypeCheck(etherTypeMPLS)
		case LinkPPP:
			b0 = c.linktypeCheck(pppMPLSUnicast)
		default:
			c.failLink("'mpls' not supported on DLT_%s", c.linktype)
		}
	}
	if has {
		c.checkMax("MPLS label", label, mplsLabelMax)
		b1 := c.mcmp(orLinkPL, 0, SizeW, label<<12, mplsLabelMask)
		genAnd(b0, b1)
		b0 = b1
	}
	c.offNLNoSNAP += mplsEntryLen
	c.offNL += mplsEntryLen
	c.labelStackDepth++
	return b0
}

// mplsLinktype checks for IPv4 or IPv6 right after the label stack: the
// last entry must be the bottom of the stack and the version nibble must
// match. Nothing else can be recognised there.
func (c *compiler) mplsLinktype(llProto uint32) *block {
	var version uint32
	switch llProto {
	case etherTypeIP:
		version = 0x40
	case etherTypeIPv6:
		version = 0x60
	default:
		c.fail("unsupported protocol over mpls")
	}
	// The bottom-of-stack bit is 2 bytes before the network header.
	b0 := c.bitSet(orLinkPL, ^uint32(1), mplsBoS)
	b1 := c.mcmp(orLinkPL, 0, SizeB, version, 0xf0)
	genAnd(b0, b1)
	return b1
}
