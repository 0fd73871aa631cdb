package cbpf

// This file generates "vlan [ID]": IEEE 802.1Q (and 802.1ad, QinQ) tags.
// Each "vlan" moves the link-type and payload offsets 4 bytes further for
// everything generated after it, so "vlan 100 and vlan 200" matches VLAN
// 200 inside VLAN 100.
//
// On Linux the kernel may take the outermost tag out of the packet and
// keep it as metadata. With Options.LinuxExt the first "vlan" checks that
// metadata (vlan_avail, vlan_tci) before looking in the packet, and since
// only the run time knows whether the tag was in the packet, the 4-byte
// shift becomes the variable part of the offsets, kept in scratch
// registers that the program zeroes at its start.

// Linux ancillary data offsets (SKF_AD_OFF + SKF_AD_*).
const (
	skfADOff                   = 0xfffff000 // -0x1000 as a 32-bit offset
	skfADVLANTag               = 44
	skfADVLANTagPresent        = 48
	vlanIDMax                  = 0x0fff
	vlanShift           uint32 = 4
)

// vlan is "vlan" (has false) or "vlan ID".
func (c *compiler) vlan(id uint32, has bool) *block {
	if c.labelStackDepth > 0 {
		c.fail("no VLAN match after MPLS")
	}
	var b *block
	switch c.linktype {
	case LinkEN10MB:
		outer := c.vlanStackDepth == 0 && !c.offLinkHdr.isVariable &&
			c.offLinkHdr.constPart == c.offOutermostLinkHdr.constPart
		if outer && c.opts.LinuxExt {
			b = c.vlanLinuxExt(id, has)
		} else {
			b = c.vlanInPacket(id, has)
		}
	case LinkNetAnalyzer, LinkNetAnalyzerTransparent, dltIEEE80211, dltPrismHeader,
		dltIEEE80211RadioAVS, dltIEEE80211Radio, LinkDSATagBRCM, LinkDSATagDSA:
		b = c.vlanInPacket(id, has)
	default:
		c.failLink("'vlan' not supported on DLT_%s", c.linktype)
	}
	c.vlanStackDepth++
	return b
}

// vlanTPID is true when the link type is one of the VLAN tag protocol IDs.
func (c *compiler) vlanTPID() *block {
	b0 := c.linktypeCheck(etherType8021Q)
	b1 := c.linktypeCheck(etherType8021AD)
	genOr(b0, b1)
	b0 = c.linktypeCheck(etherType8021QINQ)
	genOr(b1, b0)
	return b0
}

// vlanVID compares the VLAN ID in the tag control information.
func (c *compiler) vlanVID(id uint32) *block {
	c.checkMax("VLAN tag", id, vlanIDMax)
	return c.mcmp(orLinkPL, 0, SizeH, id, vlanIDMax)
}

// vlanInPacket looks for the tag in the packet data only.
func (c *compiler) vlanInPacket(id uint32, has bool) *block {
	b := c.vlanTPID()
	if has {
		v := c.vlanVID(id)
		genAnd(b, v)
		b = v
	}
	c.offLinkPL.constPart += vlanShift
	c.offLinkType.constPart += vlanShift
	return b
}

// vlanLinuxExt looks for the tag in the packet metadata first, then in the
// packet data.
func (c *compiler) vlanLinuxExt(id uint32, has bool) *block {
	b0 := c.newBlock(ClassJMP|JumpJEQ|SrcK, 1)
	b0.stmts = c.list(c.newStmt(ClassLD|ModeABS|SizeB, skfADOff+skfADVLANTagPresent))

	// Both tests are generated with the offsets as they are, and only
	// then is the run-time shift put in front of them, so that it applies
	// to what follows but not to these tests.
	tpid := c.vlanTPID()
	var vid *block
	if has {
		vid = c.vlanVID(id)
	}

	c.isVLANVLOffset = true
	var shift []*stmt
	shift = c.add(shift, c.vlanShiftVar(&c.offLinkPL)...)
	shift = c.add(shift, c.vlanShiftVar(&c.offLinkType)...)
	tpid.head.stmts = c.add(shift, tpid.head.stmts...)
	genOr(b0, tpid)
	b := tpid

	if has {
		// Take the TCI from the metadata when it is there, else from the
		// packet, then mask and compare as usual.
		fromPacket := vid.stmts
		present := c.newStmt(ClassJMP|JumpJEQ|SrcK, 1)
		tci := c.newStmt(ClassLD|ModeABS|SizeH, skfADOff+skfADVLANTag)
		present.jt, present.jf = tci, fromPacket[0]
		skip := c.newStmt(ClassJMP|JumpJA, uint32(len(fromPacket)-1))
		s := c.list(c.newStmt(ClassLD|ModeABS|SizeB, skfADOff+skfADVLANTagPresent), present, tci, skip)
		vid.stmts = c.add(s, fromPacket...)
		genAnd(b, vid)
		b = vid
	}
	return b
}

// vlanShiftVar adds the tag length to the variable part of off, making it
// variable if it was not.
func (c *compiler) vlanShiftVar(off *absOffset) []*stmt {
	off.isVariable = true
	if off.reg == -1 {
		off.reg = c.allocReg()
	}
	r := uint32(off.reg)
	return c.list(
		c.newStmt(ClassLD|ModeMEM, r),
		c.newStmt(ClassALU|ALUAdd|SrcK, vlanShift),
		c.newStmt(ClassST, r),
	)
}

// vlanVLOffsetInit returns the statements that zero the variable parts of
// the offsets "vlan" shifts at run time, for the start of the program, or
// nil when there are none.
func (c *compiler) vlanVLOffsetInit() []*stmt {
	if !c.isVLANVLOffset {
		return nil
	}
	if c.offLinkPL.reg == -1 {
		c.offLinkPL.reg = c.allocReg()
	}
	if c.offLinkType.reg == -1 {
		c.offLinkType.reg = c.allocReg()
	}
	return c.list(
		c.newStmt(ClassLD|ModeIMM, 0),
		c.newStmt(ClassST, uint32(c.offLinkPL.reg)),
		c.newStmt(ClassST, uint32(c.offLinkType.reg)),
	)
}
