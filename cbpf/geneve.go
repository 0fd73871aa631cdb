package cbpf

import "github.com/gocap/gocap/parser"

// This file generates "geneve [VNI]" and "vxlan [VNI]": UDP tunnels over
// IPv4 or IPv6 whose payload the rest of the filter applies to. The inner
// headers sit at offsets known only at run time (the outer IPv4 header
// and the Geneve options have variable lengths), so when the tunnel header
// matches, the program computes the inner link header, link type and link
// payload offsets into scratch registers, and the offsets become purely
// variable. The inner link layer is taken to be Ethernet.

// Tunnel constants.
const (
	genevePort     = 6081
	vxlanPort      = 4789
	udpHdrLen      = 8
	vniMax         = 0xffffff
	vniMask        = 0xffffff00 // the VNI is the top 3 bytes of a word
	ipv6HdrLen     = 40
	geneveVerMask  = 0xc0 // version bits of the first Geneve byte
	geneveOptMask  = 0x3f // option length, in 4-byte words
	geneveHdrLen   = 8
	vxlanHdrLen    = 8
	vxlanFlagsVNI  = 0x08 // the "VNI present" flag, alone, in the first byte
	etherTypeOff   = 12
	etherHdrLenOff = 2 // from the EtherType to the end of the header
)

// tunnelCheck tests for UDP to port and then the tunnel header, for IPv4
// (v6 false) or IPv6. It leaves the outer IP header length (plus any
// variable part of the payload offset) in A for tunnelOffsets.
func (c *compiler) tunnelCheck(port uint32, geneve, v6 bool, vni uint32, has bool) *block {
	rel := orTranIPv4
	if v6 {
		rel = orTranIPv6
	}
	b0 := c.portIP(port, port, ipprotoUDP, parser.DirDst, false, v6)
	var b1 *block
	if geneve {
		// Only version 0 can be decoded.
		b1 = c.mcmp(rel, 8, SizeB, 0, geneveVerMask)
	} else {
		b1 = c.cmp(rel, 8, SizeB, vxlanFlagsVNI)
	}
	genAnd(b0, b1)
	b0 = b1
	if has {
		if geneve {
			c.checkMax("Geneve VNI", vni, vniMax)
		} else {
			c.checkMax("VXLAN VNI", vni, vniMax)
		}
		b1 = c.mcmp(rel, 12, SizeW, vni<<8, vniMask)
		genAnd(b0, b1)
		b0 = b1
	}

	// An always-true test (A == X) carries the header length load into
	// the true branch.
	var s []*stmt
	if !v6 {
		s = c.loadXIPHdrLen()
		s = c.add(s, c.newStmt(ClassMISC|MiscTXA, 0))
	} else {
		s = c.absOffsetVarPart(&c.offLinkPL)
		if s != nil {
			s = c.add(s, c.newStmt(ClassLD|ModeIMM, ipv6HdrLen), c.newStmt(ClassALU|ALUAdd|SrcX, 0))
		} else {
			s = c.list(c.newStmt(ClassLD|ModeIMM, ipv6HdrLen))
		}
		s = c.add(s, c.newStmt(ClassMISC|MiscTAX, 0))
	}
	b1 = c.jeqX(s)
	genAnd(b0, b1)
	return b1
}

// tunnel is "geneve [VNI]" (geneve true) or "vxlan [VNI]".
func (c *compiler) tunnel(geneve bool, vni uint32, has bool) *block {
	port := uint32(vxlanPort)
	if geneve {
		port = genevePort
	}
	b0 := c.tunnelCheck(port, geneve, false, vni, has)
	b1 := c.tunnelCheck(port, geneve, true, vni, has)
	genOr(b0, b1)
	var s []*stmt
	if geneve {
		s = c.geneveOffsets()
	} else {
		s = c.vxlanOffsets()
	}
	// The offsets are computed in an always-true block; with that work
	// in it, it is no longer a constant to fold away.
	b := c.genTrue()
	b.stmts = c.add(s, b.stmts...)
	b.isConst = false
	genAnd(b1, b)
	c.isEncap = true
	if geneve {
		c.isGeneve = true
	} else {
		c.isVXLAN = true
	}
	return b
}

// geneve is "geneve" (has false) or "geneve VNI".
func (c *compiler) geneve(vni uint32, has bool) *block { return c.tunnel(true, vni, has) }

// vxlan is "vxlan" (has false) or "vxlan VNI".
func (c *compiler) vxlan(vni uint32, has bool) *block { return c.tunnel(false, vni, has) }

// geneveOffsets computes, from the outer IP header length in A, the
// offsets of the inner link type, link header and link payload. A Geneve
// payload is Ethernet when the protocol type is Transparent Ethernet
// Bridging; otherwise the protocol type itself serves as the link type and
// there is no inner link header (link header and payload offsets equal).
func (c *compiler) geneveOffsets() []*stmt {
	c.libpcapSkipsOptimizer = true
	s := c.list(
		// Start of the Geneve header, kept in X.
		c.newStmt(ClassALU|ALUAdd|SrcK, c.offLinkPL.constPart+c.offNL+udpHdrLen),
		c.newStmt(ClassMISC|MiscTAX, 0),
		// Its protocol type field is 2 bytes in.
		c.newStmt(ClassALU|ALUAdd|SrcK, 2),
	)
	c.offLinkType = absOffset{isVariable: true, reg: c.allocReg()}
	s = c.add(s,
		c.newStmt(ClassST, uint32(c.offLinkType.reg)),
		// End of the Geneve header: base header plus options.
		c.newStmt(ClassLD|ModeIND|SizeB, 0),
		c.newStmt(ClassALU|ALUAnd|SrcK, geneveOptMask),
		c.newStmt(ClassALU|ALUMul|SrcK, 4),
		c.newStmt(ClassALU|ALUAdd|SrcK, geneveHdrLen),
		c.newStmt(ClassALU|ALUAdd|SrcX, 0))
	c.pushLinkHdr(LinkEN10MB, true, 0, c.allocReg())
	s = c.add(s,
		c.newStmt(ClassST, uint32(c.offLinkHdr.reg)),
		c.newStmt(ClassLD|ModeIND|SizeH, 2),
		c.newStmt(ClassLDX|ModeMEM, uint32(c.offLinkHdr.reg)))
	isTEB := c.newStmt(ClassJMP|JumpJEQ|SrcK, etherTypeTEB)
	txa := c.newStmt(ClassMISC|MiscTXA, 0)
	isTEB.jt = txa
	s = c.add(s, isTEB, txa,
		c.newStmt(ClassALU|ALUAdd|SrcK, etherTypeOff),
		c.newStmt(ClassST, uint32(c.offLinkType.reg)),
		c.newStmt(ClassALU|ALUAdd|SrcK, etherHdrLenOff),
		c.newStmt(ClassMISC|MiscTAX, 0))
	c.offLinkPL = absOffset{isVariable: true, reg: c.allocReg()}
	stx := c.newStmt(ClassSTX, uint32(c.offLinkPL.reg))
	isTEB.jf = stx
	s = c.add(s, stx)
	c.offNL = 0
	return s
}

// vxlanOffsets computes, from the outer IP header length in A, the
// offsets of the inner Ethernet header, its type field and its payload.
func (c *compiler) vxlanOffsets() []*stmt {
	s := c.list(
		c.newStmt(ClassALU|ALUAdd|SrcK, c.offLinkPL.constPart+c.offNL+udpHdrLen),
		c.newStmt(ClassALU|ALUAdd|SrcK, vxlanHdrLen),
	)
	c.pushLinkHdr(LinkEN10MB, true, 0, c.allocReg())
	s = c.add(s,
		c.newStmt(ClassST, uint32(c.offLinkHdr.reg)),
		c.newStmt(ClassALU|ALUAdd|SrcK, etherTypeOff))
	c.offLinkType = absOffset{isVariable: true, reg: c.allocReg()}
	s = c.add(s,
		c.newStmt(ClassST, uint32(c.offLinkType.reg)),
		c.newStmt(ClassALU|ALUAdd|SrcK, etherHdrLenOff),
		c.newStmt(ClassMISC|MiscTAX, 0))
	c.offLinkPL = absOffset{isVariable: true, reg: c.allocReg()}
	s = c.add(s, c.newStmt(ClassSTX, uint32(c.offLinkPL.reg)))
	c.offNL = 0
	return s
}

// geneveLLCheck is true when a tunnelled packet has an inner link header,
// that is when the link header and link payload offsets differ; Ethernet
// tests need it since a Geneve payload need not be Ethernet.
func (c *compiler) geneveLLCheck() *block {
	b := c.jeqX(c.list(
		c.newStmt(ClassLD|ModeMEM, uint32(c.offLinkHdr.reg)),
		c.newStmt(ClassLDX|ModeMEM, uint32(c.offLinkPL.reg)),
	))
	genNot(b)
	return b
}
