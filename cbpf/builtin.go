package cbpf

import (
	"github.com/gocap/gocap/parser"
)

// builtin generates a keyword primitive.
func (c *compiler) builtin(b *parser.Builtin) *block {
	arg := func(i int) uint32 {
		if i < len(b.Args) {
			return b.Args[i].Num
		}
		return 0
	}
	switch b.Kw {
	case parser.KwLess:
		blk := c.lenCmp(JumpJGT, arg(0))
		genNot(blk)
		return blk
	case parser.KwGreater:
		return c.lenCmp(JumpJGE, arg(0))
	case parser.KwByte:
		op := ""
		if len(b.Args) > 1 {
			op = b.Args[1].Text
		}
		return c.byteOp(op, arg(0), arg(2))
	case parser.KwBroadcast:
		return c.broadcast(b.Proto)
	case parser.KwMulticast:
		return c.multicast(b.Proto)
	case parser.KwInbound, parser.KwOutbound, parser.KwIfindex:
		return c.direction(b)
	case parser.KwVLAN:
		return c.vlan(arg(0), b.HasArg)
	case parser.KwMPLS:
		return c.mpls(arg(0), b.HasArg)
	case parser.KwPPPoED:
		return c.pppoed()
	case parser.KwPPPoES:
		return c.pppoes(arg(0), b.HasArg)
	case parser.KwGeneve:
		return c.geneve(arg(0), b.HasArg)
	case parser.KwVXLAN:
		return c.vxlan(arg(0), b.HasArg)
	case parser.KwLLC:
		kind := ""
		if len(b.Args) > 0 {
			kind = b.Args[0].Text
		}
		return c.llc(kind)
	case parser.KwPFIfname, parser.KwPFRuleset, parser.KwPFRulenum, parser.KwPFSubrulenum,
		parser.KwPFReason, parser.KwPFAction:
		return c.pflogField(b)
	case parser.KwWlanType, parser.KwWlanDir:
		return c.wlanFrameControl(b)
	case parser.KwLane, parser.KwMetac, parser.KwBCC, parser.KwOAMF4EC, parser.KwOAMF4SC,
		parser.KwSC, parser.KwILMIC, parser.KwOAM, parser.KwOAMF4, parser.KwConnectMsg,
		parser.KwMetaConnect:
		return c.atmKeyword(b.Kw)
	case parser.KwFISU, parser.KwLSSU, parser.KwMSU, parser.KwHFISU, parser.KwHLSSU, parser.KwHMSU:
		return c.signalUnit(b.Kw)
	}
	c.fail("internal error: unexpected keyword %d", b.Kw)
	return nil
}

// fieldExpr is an ATM or MTP3 field comparison; none of the supported
// link types has those fields.
func (c *compiler) fieldExpr(f *parser.FieldExpr) *block {
	switch f.Field {
	case parser.KwVPI, parser.KwVCI:
		return c.atmField(f)
	}
	return c.mtp3Field(f)
}

// kwWords spells the keywords that libpcap's messages name.
var kwWords = map[parser.Keyword]string{
	parser.KwLane: "lane", parser.KwMetac: "metac", parser.KwBCC: "bcc",
	parser.KwOAMF4EC: "oamf4ec", parser.KwOAMF4SC: "oamf4sc", parser.KwSC: "sc",
	parser.KwILMIC: "ilmic", parser.KwOAM: "oam", parser.KwOAMF4: "oamf4",
	parser.KwConnectMsg: "connectmsg", parser.KwMetaConnect: "metaconnect",
	parser.KwFISU: "fisu", parser.KwLSSU: "lssu", parser.KwMSU: "msu",
	parser.KwHFISU: "hfisu", parser.KwHLSSU: "hlssu", parser.KwHMSU: "hmsu",
	parser.KwVPI: "vpi", parser.KwVCI: "vci", parser.KwSIO: "sio", parser.KwOPC: "opc",
	parser.KwDPC: "dpc", parser.KwSLS: "sls", parser.KwHSIO: "hsio", parser.KwHOPC: "hopc",
	parser.KwHDPC: "hdpc", parser.KwHSLS: "hsls",
	parser.KwPFIfname: "ifname", parser.KwPFRuleset: "ruleset", parser.KwPFRulenum: "rnr",
	parser.KwPFSubrulenum: "srnr", parser.KwPFReason: "reason", parser.KwPFAction: "action",
	parser.KwInbound: "inbound", parser.KwOutbound: "outbound", parser.KwIfindex: "ifindex",
}

func kwWord(k parser.Keyword) string { return kwWords[k] }

// lenCmp compares the packet length.
func (c *compiler) lenCmp(jmp uint16, n uint32) *block {
	b := c.newBlock(ClassJMP|jmp|SrcK, n)
	b.stmts = c.list(c.newStmt(ClassLD|ModeLEN, 0))
	return b
}

// byteOp is the legacy "byte IDX OP VAL" primitive.
func (c *compiler) byteOp(op string, idx, val uint32) *block {
	if val > 255 {
		c.fail("byte argument %d greater than maximum 255", val)
	}
	switch op {
	case "=":
		return c.cmp(orLinkHdr, idx, SizeB, val)
	case "<":
		return c.cmpLT(orLinkHdr, idx, SizeB, val)
	case ">":
		return c.cmpGT(orLinkHdr, idx, SizeB, val)
	}
	alu := uint16(ALUAnd)
	if op == "|" {
		alu = ALUOr
	}
	s := c.loadA(orLinkHdr, idx, SizeB)
	s = c.add(s, c.newStmt(ClassALU|alu|SrcK, val))
	b := c.newBlock(ClassJMP|JumpJEQ|SrcK, 0)
	b.stmts = s
	genNot(b)
	return b
}

// broadcast is "[link|ip] broadcast".
func (c *compiler) broadcast(proto parser.Proto) *block {
	switch proto {
	case parser.ProtoDefault, parser.ProtoLink:
		all := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
		return c.linkAddrTest("broadcast",
			func() *block { return c.wlanHostop(all, parser.DirDst) },
			func() *block { return c.ehostop(all, parser.DirDst) },
			c.otherBroadcast)
	case parser.ProtoIP:
		if !c.hasMask {
			c.fail("netmask not known, so 'ip broadcast' not supported")
		}
		b0 := c.linktypeCheck(etherTypeIP)
		hostmask := ^c.netmask
		b1 := c.mcmp(orLinkPL, 16, SizeW, 0, hostmask)
		b2 := c.mcmp(orLinkPL, 16, SizeW, 0xffffffff&hostmask, hostmask)
		genOr(b1, b2)
		genAnd(b0, b2)
		return b2
	}
	c.fail("'%s' is not a valid qualifier for 'broadcast'", proto)
	return nil
}

// linkAddrTest is the link layer's test of "broadcast" or "multicast"
// (word): 802.11's (wlan), Ethernet's (ether, after the check of a header
// before it, if any), or another link type's (other, nil for none).
func (c *compiler) linkAddrTest(word string, wlan, ether, other func() *block) *block {
	if isWLAN(c.linktype) {
		return wlan()
	}
	if c.linktype == LinkEN10MB {
		b1 := c.prevLinkHdrCheck()
		b0 := ether()
		if b1 != nil {
			genAnd(b1, b0)
		}
		return b0
	}
	if b := other(); b != nil {
		return b
	}
	c.failLink("'%s' not supported on DLT_%s", word, c.linktype)
	return nil
}

// multicast is "[link|ip|ip6] multicast".
func (c *compiler) multicast(proto parser.Proto) *block {
	switch proto {
	case parser.ProtoDefault, parser.ProtoLink:
		return c.linkAddrTest("multicast", c.wlanMulticast,
			func() *block {
				b := c.newBlock(ClassJMP|JumpJSET|SrcK, 1)
				b.stmts = c.loadA(orLinkHdr, 0, SizeB)
				return b
			},
			c.otherMulticast)
	case parser.ProtoIP:
		b0 := c.linktypeCheck(etherTypeIP)
		b1 := c.mcmp(orLinkPL, 16, SizeB, 0xe0, 0xf0)
		genAnd(b0, b1)
		return b1
	case parser.ProtoIPv6:
		b0 := c.linktypeCheck(etherTypeIPv6)
		b1 := c.cmp(orLinkPL, 24, SizeB, 255)
		genAnd(b0, b1)
		return b1
	}
	c.fail("'%s' is not a valid qualifier for 'multicast'", proto)
	return nil
}
