package cbpf

import "github.com/gocap/gocap/parser"

// This file generates the OpenBSD pflog primitives (ifname/on, rnr,
// srnr, ruleset, reason, action, and inbound/outbound through the
// direction field) and the protocol check of DLT_PFLOG.
//
// The pflog header starts with its own length, which the program reads
// at run time: the network header follows the header rounded up to a
// multiple of 4 bytes.

// pflog header layout.
const (
	pflogAF        = 1
	pflogAction    = 2
	pflogReason    = 3
	pflogIfname    = 4
	pflogRuleset   = 20
	pflogRulenr    = 36
	pflogSubrulenr = 40
	pflogDir       = 60

	pflogNameLen = 16 // ifname and ruleset, NUL included

	pfDirIn  = 1
	pfDirOut = 2
)

// initPFLog sets up DLT_PFLOG; it reports false for other link types.
func (c *compiler) initPFLog(lt LinkType) bool {
	if lt != LinkPFLog {
		return false
	}
	c.lx.pflog = true
	c.offLinkType.constPart = 0
	c.offLinkPL.constPart = 0
	c.offLinkPL.isVariable = true
	c.offNL, c.offNLNoSNAP = 0, 0
	return true
}

// pflogVLOffset returns the statements computing the payload offset from
// the header length, for the start of the program, or nil when nothing
// uses it.
func (c *compiler) pflogVLOffset() []*stmt {
	if !c.lx.pflog || c.offLinkPL.reg == -1 {
		return nil
	}
	return c.list(
		c.newStmt(ClassLD|ModeABS|SizeB, 0),
		c.newStmt(ClassALU|ALUAdd|SrcK, 3),
		c.newStmt(ClassALU|ALUAnd|SrcK, 0xfffffffc),
		c.newStmt(ClassST, uint32(c.offLinkPL.reg)),
		c.newStmt(ClassMISC|MiscTAX, 0),
	)
}

// pflogLinktype checks the address family in the pflog header.
func (c *compiler) pflogLinktype(llProto uint32) *block {
	switch llProto {
	case etherTypeIP:
		return c.cmp(orLinkHdr, pflogAF, SizeB, afINETLinux)
	case etherTypeIPv6:
		if !c.opts.Offline {
			return c.cmp(orLinkHdr, pflogAF, SizeB, afINET6Linux)
		}
		// A savefile may come from any BSD.
		var b *block
		for _, af := range bsdAFINET6 {
			t := c.cmp(orLinkHdr, pflogAF, SizeB, af)
			if b != nil {
				genOr(b, t)
			}
			b = t
		}
		return b
	}
	return c.genFalse()
}

// pflogField is ifname, ruleset, rnr, srnr, reason and action.
func (c *compiler) pflogField(b *parser.Builtin) *block {
	if c.linktype != LinkPFLog {
		c.failLink("'%s' supported only on PFLOG linktype", kwWord(b.Kw))
	}
	var arg parser.Arg
	if len(b.Args) > 0 {
		arg = b.Args[0]
	}
	switch b.Kw {
	case parser.KwPFIfname:
		if len(arg.Text) >= pflogNameLen {
			c.fail("ifname interface names can only be %d characters", pflogNameLen-1)
		}
		return c.bcmp(orLinkHdr, pflogIfname, []byte(arg.Text))
	case parser.KwPFRuleset:
		if len(arg.Text) >= pflogNameLen {
			c.fail("ruleset names can only be %d characters", pflogNameLen-1)
		}
		return c.bcmp(orLinkHdr, pflogRuleset, []byte(arg.Text))
	case parser.KwPFRulenum:
		return c.cmp(orLinkHdr, pflogRulenr, SizeW, arg.Num)
	case parser.KwPFSubrulenum:
		return c.cmp(orLinkHdr, pflogSubrulenr, SizeW, arg.Num)
	case parser.KwPFReason:
		return c.cmp(orLinkHdr, pflogReason, SizeB, arg.Num)
	}
	return c.cmp(orLinkHdr, pflogAction, SizeB, arg.Num)
}
