package cbpf

// This file generates "llc" and "llc KIND": a test that the frame carries an
// IEEE 802.2 LLC header, optionally of a given format (I, S or U) or with a
// given S or U command.

// LLC control-field values and masks (IEEE 802.2).
const (
	llcIFmtMask = 0x01 // an I frame has this bit clear
	llcSUFmtMsk = 0x03 // S and U frames are told apart by these bits
	llcSFmt     = 0x01
	llcUFmt     = 0x03
	llcSCmdMask = 0x0f // S command bits
	llcUCmdMask = 0xef // U command bits (without poll/final)
)

// llcSCmds and llcUCmds are the S and U commands "llc KIND" accepts, with
// their control-field values.
var (
	llcSCmds = map[string]uint32{"rr": 0x01, "rnr": 0x05, "rej": 0x09}
	llcUCmds = map[string]uint32{
		"ui": 0x03, "ua": 0x63, "disc": 0x43, "dm": 0x0f, "sabme": 0x6f,
		"test": 0xe3, "xid": 0xaf, "frmr": 0x87,
	}
)

// llc is "llc" (kind "") or "llc KIND"; the parser has checked and
// lower-cased KIND.
func (c *compiler) llc(kind string) *block {
	b0 := c.llcPresent()
	var b1 *block
	switch kind {
	case "":
		return b0
	case "i":
		// I frames have the low bit of the control field clear.
		b1 = c.newBlock(ClassJMP|JumpJSET|SrcK, llcIFmtMask)
		b1.stmts = c.loadA(orLLC, 2, SizeB)
		genNot(b1)
	case "s":
		b1 = c.mcmp(orLLC, 2, SizeB, llcSFmt, llcSUFmtMsk)
	case "u":
		b1 = c.mcmp(orLLC, 2, SizeB, llcUFmt, llcSUFmtMsk)
	default:
		if v, ok := llcSCmds[kind]; ok {
			b1 = c.mcmp(orLLC, 2, SizeB, v, llcSCmdMask)
		} else if v, ok := llcUCmds[kind]; ok {
			b1 = c.mcmp(orLLC, 2, SizeB, v, llcUCmdMask)
		} else {
			c.fail("unknown LLC type name '%s'", kind)
		}
	}
	genAnd(b0, b1)
	return b1
}

// llcPresent is true when the frame has an 802.2 LLC header. On Ethernet
// that means an 802.3 length field rather than an EtherType, and not the
// raw Novell 802.3 encapsulation (0xffff where the LLC DSAP/SSAP would be).
func (c *compiler) llcPresent() *block {
	if c.linktype == LinkEN10MB {
		return c.etherLLCPresent()
	}
	if b := c.otherLLCPresent(); b != nil {
		return b
	}
	if isWLAN(c.linktype) {
		// Data frames have an LLC header.
		return c.wlanDataFrame()
	}
	c.failLink("'llc' not supported on DLT_%s", c.linktype)
	return nil
}

// etherLLCPresent is llcPresent's test on an Ethernet header: an 802.3
// length field, and no 0xffff where the LLC DSAP/SSAP would be.
func (c *compiler) etherLLCPresent() *block {
	b0 := c.cmpGT(orLinkType, 0, SizeH, etherMTU)
	genNot(b0)
	b1 := c.cmp(orLLC, 0, SizeH, 0xffff)
	genNot(b1)
	genAnd(b0, b1)
	return b1
}
