package cbpf

// This file generates the checks for a link-layer protocol type: an
// EtherType (> 1500) or an 802.2 LLC SAP (<= 1500), as libpcap's
// gen_linktype and its helpers do for each link type.

// linktypeCheck returns a block that is true when the packet carries
// llProto at the current link layer.
func (c *compiler) linktypeCheck(llProto uint32) *block {
	if c.labelStackDepth > 0 {
		return c.mplsLinktype(llProto)
	}
	switch c.linktype {
	case LinkEN10MB:
		var b0 *block
		if !c.isEncap {
			b0 = c.prevLinkHdrCheck()
		}
		b1 := c.etherLinktype(llProto)
		if b0 != nil {
			genAnd(b0, b1)
		}
		return b1
	case LinkLinuxSLL:
		return c.sllLinktype(llProto)
	case LinkIEEE80211, LinkPrismHeader, LinkIEEE80211Radio, LinkIEEE80211RadioAVS, LinkPPI:
		return c.wlanLinktype(llProto)
	case LinkNull, LinkLoop:
		return c.nullLinktype(llProto)
	case LinkRaw:
		return c.ipVersionLinktype(llProto)
	case LinkIPv4:
		if llProto == etherTypeIP {
			return c.genTrue()
		}
		return c.genFalse()
	case LinkIPv6:
		if llProto == etherTypeIPv6 {
			return c.genTrue()
		}
		return c.genFalse()
	}
	return c.otherLinktypeCheck(llProto)
}

// prevLinkHdrCheck checks the outer link layer, for encapsulations that
// need it; none of the supported outer link types does.
func (c *compiler) prevLinkHdrCheck() *block {
	if c.isEncap {
		return c.geneveLLCheck()
	}
	return c.otherPrevLinkHdrCheck()
}

// etherLinktype: Ethernet II type field, or 802.3 length with an LLC
// header (and SNAP) behind it.
func (c *compiler) etherLinktype(llProto uint32) *block {
	switch llProto {
	case llcSAPISONS, llcSAPIP, llcSAPNetBEUI:
		b0 := c.cmpGT(orLinkType, 0, SizeH, etherMTU)
		genNot(b0)
		b1 := c.cmp(orLLC, 0, SizeH, llProto<<8|llProto)
		genAnd(b0, b1)
		return b1
	case llcSAPIPX:
		b0 := c.cmp(orLLC, 0, SizeB, llcSAPIPX)
		b1 := c.cmp(orLLC, 0, SizeH, 0xffff)
		genOr(b0, b1)
		b0 = c.snap(0x000000, etherTypeIPX)
		genOr(b0, b1)
		b0 = c.cmpGT(orLinkType, 0, SizeH, etherMTU)
		genNot(b0)
		genAnd(b0, b1)
		b0 = c.cmp(orLinkType, 0, SizeH, etherTypeIPX)
		genOr(b0, b1)
		return b1
	case etherTypeATalk, etherTypeAARP:
		b0 := c.cmpGT(orLinkType, 0, SizeH, etherMTU)
		genNot(b0)
		b1 := c.appleTalkSNAP(llProto)
		genAnd(b0, b1)
		b0 = c.cmp(orLinkType, 0, SizeH, llProto)
		genOr(b0, b1)
		return b1
	}
	if llProto <= etherMTU {
		c.checkMax("LLC DSAP", llProto, 0xff)
		b0 := c.cmpGT(orLinkType, 0, SizeH, etherMTU)
		genNot(b0)
		b1 := c.cmp(orLinkType, 2, SizeB, llProto)
		genAnd(b0, b1)
		return b1
	}
	c.checkMax("EtherType", llProto, 0xffff)
	return c.cmp(orLinkType, 0, SizeH, llProto)
}

// ipVersionLinktype is the link-layer type test of the link types that
// carry raw IP: the version in the first byte's upper nibble.
func (c *compiler) ipVersionLinktype(llProto uint32) *block {
	switch llProto {
	case etherTypeIP:
		return c.mcmp(orLinkHdr, 0, SizeB, 0x40, 0xf0)
	case etherTypeIPv6:
		return c.mcmp(orLinkHdr, 0, SizeB, 0x60, 0xf0)
	}
	return c.genFalse()
}

// appleTalkSNAP is the SNAP header of AppleTalk (etherTypeATalk) or AARP.
func (c *compiler) appleTalkSNAP(llProto uint32) *block {
	if llProto == etherTypeATalk {
		return c.snap(0x080007, etherTypeATalk)
	}
	return c.snap(0x000000, etherTypeAARP)
}

// sllLinktype: the protocol field of a Linux cooked header.
func (c *compiler) sllLinktype(llProto uint32) *block {
	switch llProto {
	case llcSAPISONS, llcSAPIP, llcSAPNetBEUI:
		b0 := c.cmp(orLinkType, 0, SizeH, sllP8022)
		b1 := c.cmp(orLLC, 0, SizeH, llProto<<8|llProto)
		genAnd(b0, b1)
		return b1
	case llcSAPIPX:
		b0 := c.cmp(orLLC, 0, SizeB, llcSAPIPX)
		b1 := c.snap(0x000000, etherTypeIPX)
		genOr(b0, b1)
		b0 = c.cmp(orLinkType, 0, SizeH, sllP8022)
		genAnd(b0, b1)
		b0 = c.cmp(orLinkType, 0, SizeH, sllP8023)
		genOr(b0, b1)
		b0 = c.cmp(orLinkType, 0, SizeH, etherTypeIPX)
		genOr(b0, b1)
		return b1
	case etherTypeATalk, etherTypeAARP:
		b0 := c.appleTalkSNAP(llProto)
		b1 := c.cmp(orLinkType, 0, SizeH, sllP8022)
		genAnd(b1, b0)
		b1 = c.cmp(orLinkType, 0, SizeH, llProto)
		genOr(b1, b0)
		return b0
	}
	if llProto <= etherMTU {
		c.checkMax("LLC DSAP", llProto, 0xff)
		b0 := c.cmp(orLinkType, 0, SizeH, sllP8022)
		b1 := c.cmp(orLinkHdr, c.offLinkPL.constPart, SizeB, llProto)
		genAnd(b0, b1)
		return b1
	}
	c.checkMax("EtherType", llProto, 0xffff)
	return c.cmp(orLinkType, 0, SizeH, llProto)
}

// AF_ values in the DLT_NULL/DLT_LOOP header.
const (
	afINETLinux  = 2
	afINET6Linux = 10
)

// bsdAFINET6 are the AF_INET6 values of the BSDs whose loopback captures
// a savefile may hold, in the order libpcap checks them.
var bsdAFINET6 = []uint32{30, 24, 28}

func swap32(v uint32) uint32 {
	return v>>24 | v>>8&0xff00 | v<<8&0xff0000 | v<<24
}

// nullLinktype: the 4-byte AF_ value of BSD loopback (host byte order for
// DLT_NULL, network byte order for DLT_LOOP).
func (c *compiler) nullLinktype(llProto uint32) *block {
	var afs []uint32
	switch llProto {
	case etherTypeIP:
		afs = []uint32{afINETLinux}
	case etherTypeIPv6:
		if c.opts.Offline {
			afs = bsdAFINET6
		} else {
			afs = []uint32{afINET6Linux}
		}
	default:
		return c.genFalse()
	}
	chain := func(vals []uint32) *block {
		var b *block
		for _, v := range vals {
			t := c.cmp(orLinkHdr, 0, SizeW, v)
			if b != nil {
				genOr(b, t)
			}
			b = t
		}
		return b
	}
	if c.linktype == LinkLoop {
		return chain(afs)
	}
	if !c.opts.Offline {
		// Host byte order of this (little-endian) machine, read as a
		// big-endian word.
		vals := make([]uint32, len(afs))
		for i, v := range afs {
			vals[i] = swap32(v)
		}
		return chain(vals)
	}
	swapped := make([]uint32, len(afs))
	for i, v := range afs {
		swapped[i] = swap32(v)
	}
	if c.opts.Swapped {
		b0 := chain(swapped)
		b1 := chain(afs)
		genOr(b0, b1)
		return b1
	}
	b0 := chain(afs)
	b1 := chain(swapped)
	genOr(b0, b1)
	return b1
}

// snap checks an LLC/SNAP header with the given OUI and protocol type.
func (c *compiler) snap(orgcode, ptype uint32) *block {
	hdr := []byte{llcSAPSNAP, llcSAPSNAP, 0x03,
		byte(orgcode >> 16), byte(orgcode >> 8), byte(orgcode),
		byte(ptype >> 8), byte(ptype)}
	return c.bcmp(orLLC, 0, hdr)
}
