package cbpf

import (
	"github.com/gocap/gocap/parser"
)

// arth is a value computed into a scratch register, with the protocol
// checks that must hold for the computation to make sense.
type arth struct {
	b     *block
	s     []*stmt
	regno int
}

func (c *compiler) xferToX(a *arth) *stmt { return c.newStmt(ClassLDX|ModeMEM, uint32(a.regno)) }
func (c *compiler) xferToA(a *arth) *stmt { return c.newStmt(ClassLD|ModeMEM, uint32(a.regno)) }

// relation compares two arithmetic expressions.
func (c *compiler) relation(r *parser.Relation) *block {
	a0 := c.arith(r.X)
	a1 := c.arith(r.Y)
	c.at(r)
	var code uint16
	reversed := false
	switch r.Op {
	case parser.GT:
		code = JumpJGT
	case parser.GE:
		code = JumpJGE
	case parser.EQ:
		code = JumpJEQ
	case parser.LE:
		code, reversed = JumpJGT, true
	case parser.LT:
		code, reversed = JumpJGE, true
	case parser.NE:
		code, reversed = JumpJEQ, true
	}
	s0 := c.xferToX(a1)
	s1 := c.xferToA(a0)
	b := c.newBlock(ClassJMP|code|SrcX, 0)
	if reversed {
		genNot(b)
	}
	stmts := c.add(a0.s, a1.s...)
	stmts = c.add(stmts, s0, s1)
	b.stmts = stmts
	c.freeReg(a0.regno)
	c.freeReg(a1.regno)
	// The operands' protocol checks guard the comparison: libpcap puts
	// the left operand's checks in front of the comparison and then the
	// right operand's in front of those, so the right's run first.
	if a0.b != nil {
		genAnd(a0.b, b)
	}
	if a1.b != nil {
		genAnd(a1.b, b)
	}
	return b
}

// arith generates an arithmetic expression into a scratch register.
func (c *compiler) arith(e parser.Arith) *arth {
	switch e := e.(type) {
	case *parser.Number:
		c.at(e)
		return c.loadi(e.Value)
	case *parser.Len:
		c.at(e)
		reg := c.allocReg()
		return c.newArth(c.list(c.newStmt(ClassLD|ModeLEN, 0), c.newStmt(ClassST, uint32(reg))), reg)
	case *parser.ParenArith:
		return c.arith(e.X)
	case *parser.NegArith:
		a := c.arith(e.X)
		c.at(e)
		a.s = c.add(a.s, c.xferToA(a), c.newStmt(ClassALU|ALUNeg, 0), c.newStmt(ClassST, uint32(a.regno)))
		return a
	case *parser.BinaryArith:
		a0 := c.arith(e.X)
		a1 := c.arith(e.Y)
		c.at(e)
		return c.arithOp(e.Op, a0, a1)
	case *parser.Index:
		idx := c.arith(e.Index)
		c.at(e)
		return c.load(e.Proto, idx, e.Size)
	}
	c.fail("internal error: unexpected arithmetic node %T", e)
	return nil
}

func (c *compiler) loadi(v uint32) *arth {
	reg := c.allocReg()
	return c.newArth(c.list(c.newStmt(ClassLD|ModeIMM, v), c.newStmt(ClassST, uint32(reg))), reg)
}

var aluOps = map[parser.ArithOp]uint16{
	parser.Add: ALUAdd, parser.Sub: ALUSub, parser.Mul: ALUMul, parser.Div: ALUDiv,
	parser.Mod: ALUMod, parser.BitAnd: ALUAnd, parser.BitOr: ALUOr, parser.BitXor: ALUXor,
	parser.Lsh: ALULsh, parser.Rsh: ALURsh,
}

func (c *compiler) arithOp(op parser.ArithOp, a0, a1 *arth) *arth {
	code := aluOps[op]
	if len(a1.s) > 0 && a1.s[0].code == ClassLD|ModeIMM {
		k := a1.s[0].k
		switch {
		case code == ALUDiv && k == 0:
			c.fail("division by zero")
		case code == ALUMod && k == 0:
			c.fail("modulus by zero")
		case (code == ALULsh || code == ALURsh) && k > 31:
			c.fail("shift by more than 31 bits")
		}
	}
	s0 := c.xferToX(a1)
	s1 := c.xferToA(a0)
	s2 := c.newStmt(ClassALU|code|SrcX, 0)
	a0.s = c.add(a0.s, a1.s...)
	a0.s = c.add(a0.s, s0, s1, s2)
	c.freeReg(a0.regno)
	c.freeReg(a1.regno)
	a0.regno = c.allocReg()
	a0.s = c.add(a0.s, c.newStmt(ClassST, uint32(a0.regno)))
	// a1's protocol checks are dropped: libpcap keeps only the left
	// operand's (see docs/quirks.md), and gocap's listing must match.
	return a0
}

// load is "proto[index:size]".
func (c *compiler) load(proto parser.Proto, inst *arth, size uint32) *arth {
	// The result's register is taken before the offset computations
	// (which may need registers of their own), as libpcap does.
	regno := c.allocReg()
	c.freeReg(inst.regno)
	var sz uint16
	switch size {
	case 1:
		sz = SizeB
	case 2:
		sz = SizeH
	case 4:
		sz = SizeW
	default:
		c.fail("data size must be 1, 2, or 4")
	}
	switch proto {
	case parser.ProtoRadio:
		c.radioLoad(inst, sz)
	case parser.ProtoLink:
		s := c.absOffsetVarPart(&c.offLinkHdr)
		if s != nil {
			s = c.add(s, c.xferToA(inst), c.newStmt(ClassALU|ALUAdd|SrcX, 0), c.newStmt(ClassMISC|MiscTAX, 0))
		} else {
			s = c.list(c.xferToX(inst))
		}
		s = c.add(s, c.newStmt(ClassLD|ModeIND|sz, c.offLinkHdr.constPart))
		inst.s = c.add(inst.s, s...)
	case parser.ProtoIP, parser.ProtoARP, parser.ProtoRARP, parser.ProtoATalk,
		parser.ProtoDECnet, parser.ProtoSCA, parser.ProtoLAT, parser.ProtoMOPRC,
		parser.ProtoMOPDL, parser.ProtoIPv6:
		s := c.absOffsetVarPart(&c.offLinkPL)
		if s != nil {
			s = c.add(s, c.xferToA(inst), c.newStmt(ClassALU|ALUAdd|SrcX, 0), c.newStmt(ClassMISC|MiscTAX, 0))
		} else {
			s = c.list(c.xferToX(inst))
		}
		s = c.add(s, c.newStmt(ClassLD|ModeIND|sz, c.offLinkPL.constPart+c.offNL))
		inst.s = c.add(inst.s, s...)
		b := c.protoAbbrev(proto)
		if inst.b != nil {
			genAnd(inst.b, b)
		}
		inst.b = b
	case parser.ProtoSCTP, parser.ProtoTCP, parser.ProtoUDP, parser.ProtoICMP,
		parser.ProtoIGMP, parser.ProtoIGRP, parser.ProtoPIM, parser.ProtoVRRP, parser.ProtoCARP:
		s := c.loadXIPHdrLen()
		s = c.add(s, c.xferToA(inst), c.newStmt(ClassALU|ALUAdd|SrcX, 0), c.newStmt(ClassMISC|MiscTAX, 0),
			c.newStmt(ClassLD|ModeIND|sz, c.offLinkPL.constPart+c.offNL))
		inst.s = c.add(inst.s, s...)
		b0 := c.linktypeCheck(etherTypeIP)
		b1 := c.cmp(orLinkPL, 9, SizeB, transportProto(proto))
		genAnd(b0, b1)
		f := c.ipFrag()
		genAnd(b1, f)
		if inst.b != nil {
			genAnd(inst.b, f)
		}
		inst.b = f
	case parser.ProtoICMPv6:
		b := c.linktypeCheck(etherTypeIPv6)
		if inst.b != nil {
			genAnd(inst.b, b)
		}
		inst.b = b
		b = c.cmp(orLinkPL, 6, SizeB, ipprotoICMPv6)
		genAnd(inst.b, b)
		inst.b = b
		s := c.absOffsetVarPart(&c.offLinkPL)
		if s != nil {
			s = c.add(s, c.xferToA(inst), c.newStmt(ClassALU|ALUAdd|SrcX, 0), c.newStmt(ClassMISC|MiscTAX, 0))
		} else {
			s = c.list(c.xferToX(inst))
		}
		s = c.add(s, c.newStmt(ClassLD|ModeIND|sz, c.offLinkPL.constPart+c.offNL+40))
		inst.s = c.add(inst.s, s...)
	default:
		c.fail("'%s' does not support the index operation", proto)
	}
	inst.regno = regno
	inst.s = c.add(inst.s, c.newStmt(ClassST, uint32(inst.regno)))
	return inst
}

// transportProto maps a transport protocol qualifier to its IP protocol
// number.
func transportProto(p parser.Proto) uint32 {
	switch p {
	case parser.ProtoSCTP:
		return ipprotoSCTP
	case parser.ProtoTCP:
		return ipprotoTCP
	case parser.ProtoUDP:
		return ipprotoUDP
	case parser.ProtoICMP:
		return ipprotoICMP
	case parser.ProtoIGMP:
		return ipprotoIGMP
	case parser.ProtoIGRP:
		return ipprotoIGRP
	case parser.ProtoPIM:
		return ipprotoPIM
	case parser.ProtoVRRP, parser.ProtoCARP:
		return ipprotoVRRP
	}
	return 0
}

// ipprotoIGRP is IGRP's protocol number as Linux's netinet/in.h has it.
const ipprotoIGRP = 9
