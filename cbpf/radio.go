package cbpf

// This file handles the variable-length headers of the 802.11 link types.
// Before the 802.11 header there may be a radio header whose length only
// the packet knows (radiotap, AVS, Prism, PPI), and the 802.11 header
// itself is 24 bytes, plus 2 for a QoS data frame, rounded up to a
// multiple of 4 when a radiotap header says the driver padded it. The
// program computes both lengths at its start into the scratch registers
// that the offsets of the link-layer header and payload use (only those
// that some test needed).

// Radio header layouts.
const (
	prismHdrLen    = 144        // a Prism header's fixed length
	avsMagicMask   = 0xfffff000 // an AVS header may stand in for a Prism one
	avsMagic       = 0x80211000
	wlanMinHdrLen  = 24   // a data frame's 802.11 header without QoS
	wlanQoSLen     = 2    // QoS control field
	wlanFC0QoS     = 0x80 // subtype bit of QoS data frames
	radiotapFlags  = 0x00000002
	radiotapTSFT   = 0x00000001
	radiotapExt    = 0x80000000
	radiotapPadded = 0x20 // IEEE80211_RADIOTAP_F_DATAPAD
)

// initWLAN sets the offsets of the 802.11 link types: everything after
// the 802.11 header is at a run-time offset, and so is the 802.11 header
// itself behind a radio header.
func (c *compiler) initWLAN(lt LinkType) {
	c.offLinkHdr.isVariable = lt != LinkIEEE80211
	c.offLinkType.constPart = wlanMinHdrLen
	c.offLinkPL.constPart = 0
	c.offLinkPL.isVariable = true
	c.offNL, c.offNLNoSNAP = 8, 3
}

// radioPrefixLen returns the statements that put the length of the radio
// header in front of the 802.11 header in the link-layer header offset's
// register, and in X, or nil when no test used that offset.
func (c *compiler) radioPrefixLen() []*stmt {
	if c.outermostLinktype == LinkPrismHeader {
		c.libpcapSkipsOptimizer = true // whether or not the length is needed
	}
	if c.offLinkHdr.reg == -1 {
		return nil
	}
	reg := uint32(c.offLinkHdr.reg)
	var s []*stmt
	switch c.outermostLinktype {
	case LinkPrismHeader:
		// An AVS header, announced by its magic number, has its length
		// in its second word; a Prism header has a fixed length.
		isAVS := c.newStmt(ClassJMP|JumpJEQ|SrcK, avsMagic)
		avsLen := c.newStmt(ClassLD|ModeABS|SizeW, 4)
		prismLen := c.newStmt(ClassLD|ModeIMM, prismHdrLen)
		isAVS.jt, isAVS.jf = avsLen, prismLen
		s = c.list(
			c.newStmt(ClassLD|ModeABS|SizeW, 0),
			c.newStmt(ClassALU|ALUAnd|SrcK, avsMagicMask),
			isAVS, avsLen,
			c.newStmt(ClassJMP|JumpJA, 1),
			prismLen,
		)
	case LinkIEEE80211RadioAVS:
		s = c.list(c.newStmt(ClassLD|ModeABS|SizeW, 4))
	case LinkIEEE80211Radio, LinkPPI:
		if c.outermostLinktype == LinkPPI {
			c.libpcapSkipsOptimizer = true
		}
		// A little-endian 16-bit length at offset 2.
		s = c.list(
			c.newStmt(ClassLD|ModeABS|SizeB, 3),
			c.newStmt(ClassALU|ALULsh|SrcK, 8),
			c.newStmt(ClassMISC|MiscTAX, 0),
			c.newStmt(ClassLD|ModeABS|SizeB, 2),
			c.newStmt(ClassALU|ALUOr|SrcX, 0),
		)
	default:
		return nil
	}
	return c.add(s, c.newStmt(ClassST, reg), c.newStmt(ClassMISC|MiscTAX, 0))
}

// wlanHeaderLen appends to prefix (the code leaving the 802.11 header's
// offset in X, or nil when it is constant) the code that stores the
// offset of the link-layer payload in its register. next is the statement
// the program continues with, which the computation's branches jump to.
func (c *compiler) wlanHeaderLen(prefix []*stmt, next *stmt) []*stmt {
	if c.offLinkPL.reg == -1 {
		return prefix
	}
	pl := uint32(c.offLinkPL.reg)
	s := prefix
	if s == nil {
		s = c.list(c.newStmt(ClassLDX|ModeIMM, c.offOutermostLinkHdr.constPart))
	}
	isData := c.newStmt(ClassJMP|JumpJSET|SrcK, wlanFC0TypeData)
	notCtl := c.newStmt(ClassJMP|JumpJSET|SrcK, wlanFC0TypeCtl)
	isQoS := c.newStmt(ClassJMP|JumpJSET|SrcK, wlanFC0QoS)
	addQoS := c.newStmt(ClassLD|ModeMEM, pl)
	isData.jt, isData.jf = notCtl, next
	notCtl.jt, notCtl.jf = next, isQoS
	isQoS.jt, isQoS.jf = addQoS, next
	s = c.add(s,
		c.newStmt(ClassMISC|MiscTXA, 0),
		c.newStmt(ClassALU|ALUAdd|SrcK, wlanMinHdrLen),
		c.newStmt(ClassST, pl),
		c.newStmt(ClassLD|ModeIND|SizeB, 0),
		isData, notCtl, isQoS,
		addQoS,
		c.newStmt(ClassALU|ALUAdd|SrcK, wlanQoSLen),
		c.newStmt(ClassST, pl))
	if c.linktype != LinkIEEE80211Radio {
		return s
	}
	// Atheros drivers pad the 802.11 header to a multiple of 4 and say
	// so in the radiotap flags field, which is at 8, or at 16 after a
	// TSFT field. Only the first presence word is looked at. Radiotap
	// fields are little-endian; the presence word is loaded big-endian.
	present := c.newStmt(ClassLD|ModeABS|SizeW, 4)
	hasFlags := c.newStmt(ClassJMP|JumpJSET|SrcK, swap32(radiotapFlags))
	hasExt := c.newStmt(ClassJMP|JumpJSET|SrcK, swap32(radiotapExt))
	hasTSFT := c.newStmt(ClassJMP|JumpJSET|SrcK, swap32(radiotapTSFT))
	flagsAfterTSFT := c.newStmt(ClassLD|ModeABS|SizeB, 16)
	paddedAfterTSFT := c.newStmt(ClassJMP|JumpJSET|SrcK, radiotapPadded)
	flags := c.newStmt(ClassLD|ModeABS|SizeB, 8)
	padded := c.newStmt(ClassJMP|JumpJSET|SrcK, radiotapPadded)
	roundUp := c.newStmt(ClassLD|ModeMEM, pl)
	isQoS.jf = present
	hasFlags.jt, hasFlags.jf = hasExt, next
	hasExt.jt, hasExt.jf = next, hasTSFT
	hasTSFT.jt, hasTSFT.jf = flagsAfterTSFT, flags
	paddedAfterTSFT.jt, paddedAfterTSFT.jf = roundUp, next
	padded.jt, padded.jf = roundUp, next
	return c.add(s,
		present, hasFlags, hasExt, hasTSFT,
		flagsAfterTSFT, paddedAfterTSFT,
		flags, padded,
		roundUp,
		c.newStmt(ClassALU|ALUAdd|SrcK, 3),
		c.newStmt(ClassALU|ALUAnd|SrcK, ^uint32(3)),
		c.newStmt(ClassST, pl))
}

// wlanVLOffsets returns the statements that compute the variable offsets
// of an 802.11 link type, for the start of the program whose first
// statements are next, or nil when nothing needs computing.
func (c *compiler) wlanVLOffsets(next []*stmt) []*stmt {
	// The payload offset is computed from the header offset, so the
	// header offset needs a register too.
	if c.offLinkPL.reg != -1 && c.offLinkHdr.isVariable && c.offLinkHdr.reg == -1 {
		c.offLinkHdr.reg = c.allocReg()
	}
	if !isWLAN(c.outermostLinktype) {
		return nil
	}
	var first *stmt
	if len(next) > 0 {
		first = next[0]
	}
	return c.wlanHeaderLen(c.radioPrefixLen(), first)
}

// ppiDLTCheck is, for PPI, the check that the packet holds 802.11 (the
// PPI header's link type field, little-endian), or nil.
func (c *compiler) ppiDLTCheck() *block {
	if c.linktype != LinkPPI {
		return nil
	}
	return c.cmp(orPacket, 4, SizeW, swap32(uint32(LinkIEEE80211)))
}

// radioLoad is the load of "radio[index]": radio headers are at the
// start of the packet.
func (c *compiler) radioLoad(inst *arth, sz uint16) {
	switch c.linktype {
	case LinkIEEE80211RadioAVS, LinkIEEE80211Radio, LinkPrismHeader:
	default:
		c.failLink("radio information not present in capture")
	}
	inst.s = c.add(inst.s, c.xferToX(inst), c.newStmt(ClassLD|ModeIND|sz, 0))
}
