package cbpf

// Link-layer constants used by the generator.
const (
	etherMTU = 1500

	etherTypeIP       = 0x0800
	etherTypeARP      = 0x0806
	etherTypeRevARP   = 0x8035
	etherTypeIPv6     = 0x86dd
	etherTypeATalk    = 0x809b
	etherTypeAARP     = 0x80f3
	etherTypeIPX      = 0x8137
	etherTypeDN       = 0x6003
	etherTypeMOPDL    = 0x6001
	etherTypeMOPRC    = 0x6002
	etherTypeLAT      = 0x6004
	etherTypeSCA      = 0x6007
	etherTypeLoopback = 0x9000
	etherTypeLLDP     = 0x88cc
	etherTypeSlow     = 0x8809
	etherType8021Q    = 0x8100
	etherType8021AD   = 0x88a8
	etherType8021QINQ = 0x9100
	etherTypeMPLS     = 0x8847
	etherTypeMPLSMC   = 0x8848
	etherTypePPPoED   = 0x8863
	etherTypePPPoES   = 0x8864
	etherTypeTEB      = 0x6558

	llcSAPISONS   = 0xfe
	llcSAPIP      = 0x06
	llcSAPNetBEUI = 0xf0
	llcSAPIPX     = 0xe0
	llcSAP8021D   = 0x42
	llcSAPSNAP    = 0xaa
	llcSAPGlobal  = 0xff

	sllP8023 = 0x0001
	sllP8022 = 0x0004
)

// initLinktype sets the header offsets for the link type, as libpcap's
// init_linktype.
func (c *compiler) initLinktype() {
	lt := c.opts.LinkType
	c.outermostLinktype = lt
	c.prevLinktype = lt
	c.linktype = lt
	c.offLinkHdr = absOffset{reg: -1}
	c.offLinkPL = absOffset{reg: -1}
	c.offLinkType = absOffset{reg: -1}

	switch lt {
	case LinkEN10MB:
		c.offLinkType.constPart = 12
		c.offLinkPL.constPart = 14
		c.offNL, c.offNLNoSNAP = 0, 3
	case LinkNull, LinkLoop:
		c.offLinkType.constPart = 0
		c.offLinkPL.constPart = 4
		c.offNL, c.offNLNoSNAP = 0, 0
	case LinkRaw, LinkIPv4, LinkIPv6:
		c.offLinkType.constPart = offsetNotSet
		c.offLinkPL.constPart = 0
		c.offNL, c.offNLNoSNAP = 0, 0
	case LinkLinuxSLL:
		// libpcap master takes the cooked headers to have no 802.2
		// LLC header before the network layer (offNLNoSNAP 0), although
		// its SLL link type check does look for one.
		c.offLinkType.constPart = 14
		c.offLinkPL.constPart = 16
		c.offNL, c.offNLNoSNAP = 0, 0
	case LinkLinuxSLL2:
		c.offLinkType.constPart = 0
		c.offLinkPL.constPart = 20
		c.offNL, c.offNLNoSNAP = 0, 0
	case LinkIEEE80211, LinkPrismHeader, LinkIEEE80211Radio, LinkIEEE80211RadioAVS, LinkPPI:
		c.initWLAN(lt)
	default:
		c.initOtherLinktype(lt)
	}
	c.offOutermostLinkHdr = c.offLinkHdr
	c.offPrevLinkHdr = c.offLinkHdr
}

// insertComputeVLOffsets puts, at the start of the program, the code that
// computes the length of a variable-length link-layer header (radio
// headers and 802.11, see radio.go), or else the code zeroing the offsets
// a Linux-extension "vlan" shifts at run time.
func (c *compiler) insertComputeVLOffsets(b *block) {
	s := c.wlanVLOffsets(b.stmts)
	if s == nil {
		s = c.pflogVLOffset()
	}
	if s == nil {
		s = c.vlanVLOffsetInit()
	}
	if s != nil {
		b.stmts = c.add(s, b.stmts...)
	}
}
