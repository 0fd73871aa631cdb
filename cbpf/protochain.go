package cbpf

import "github.com/gocap/gocap/parser"

// This file generates "[ip|ip6] protochain P": a loop that walks the
// IPv6 extension headers (hop-by-hop, destination options, routing,
// fragment) and IPv4/IPv6 AH headers until it finds a next-header value of
// P or one it cannot skip.
//
// The loop lives in the statement list of a single block: statements jump
// forward to other statements of the block (stmt.jt/jf), and each skip ends
// with a backward "ja" to the top of the loop. Such a program has a
// backward jump, which the kernel's classic BPF checker refuses; libpcap
// generates it all the same, and so does this.

// protochainLen is room for the statements of the longest protochain
// block, the IPv6 one (30).
const protochainLen = 32

// protochain is "[ip|ip6] protochain P".
func (c *compiler) protochain(v uint32, proto parser.Proto) *block {
	c.libpcapSkipsOptimizer = true
	switch proto {
	case parser.ProtoDefault, parser.ProtoIP, parser.ProtoIPv6:
	default:
		c.fail("'%s' is not a valid qualifier for 'protochain'", proto)
	}
	if v > 255 {
		c.fail("protocol number %d greater than maximum 255", v)
	}
	// libpcap takes a scratch register before looking at the qualifier,
	// and for the unqualified form never gives it back, so both halves
	// of that form use the next register; the listings show it.
	reg := c.allocReg()
	if proto == parser.ProtoDefault {
		b0 := c.protochain(v, parser.ProtoIP)
		b := c.protochain(v, parser.ProtoIPv6)
		genOr(b0, b)
		return b
	}
	if c.offLinkPL.isVariable || c.isEncap || c.isGeneve || c.isVXLAN {
		c.failLink("'protochain' not supported with variable length headers")
	}

	nl := c.offLinkPL.constPart + c.offNL
	s := c.listOf(0, protochainLen)
	add := func(code uint16, k uint32) *stmt {
		st := c.newStmt(code, k)
		s = c.add(s, st)
		return st
	}
	// jas are the backward jumps to again, resolved once the list is
	// complete.
	var jas []*stmt

	var b0 *block
	if proto == parser.ProtoIP {
		b0 = c.linktypeCheck(etherTypeIP)
		add(ClassLD|ModeABS|SizeB, nl+9) // A = protocol
		add(ClassLDX|ModeMSH|SizeB, nl)  // X = header length
	} else {
		b0 = c.linktypeCheck(etherTypeIPv6)
		add(ClassLD|ModeABS|SizeB, nl+6) // A = next header
		add(ClassLDX|ModeIMM, 40)        // X = fixed header length
	}

	// again: found it, or nothing follows?
	again := add(ClassJMP|JumpJEQ|SrcK, v)
	none := add(ClassJMP|JumpJEQ|SrcK, ipprotoNone)
	again.jf = none

	var lastExt *stmt // the IPv6 header test whose false edge goes to ahcheck
	if proto == parser.ProtoIPv6 {
		var exts []*stmt
		prev := none
		for _, p := range []uint32{ipprotoHopOpts, ipprotoDstOpts, ipprotoRouting, ipprotoFragment} {
			t := add(ClassJMP|JumpJEQ|SrcK, p)
			prev.jf = t
			prev = t
			exts = append(exts, t)
		}
		lastExt = prev
		// Skip an extension header: its length is in 8-byte units,
		// not counting the first 8 bytes.
		advance := add(ClassLD|ModeIND|SizeB, nl) // A = its next header
		add(ClassST, uint32(reg))
		add(ClassLD|ModeIND|SizeB, nl+1) // A = its length
		add(ClassALU|ALUAdd|SrcK, 1)
		add(ClassALU|ALUMul|SrcK, 8)
		add(ClassALU|ALUAdd|SrcX, 0)
		add(ClassMISC|MiscTAX, 0)
		add(ClassLD|ModeMEM, uint32(reg))
		jas = append(jas, add(ClassJMP|JumpJA, 0))
		for _, t := range exts {
			t.jt = advance
		}
	} else {
		none.jf = add(ClassALU|ALUAdd|SrcK, 0) // nop
	}

	// ahcheck: an AH header is skipped the same way, its length in
	// 4-byte units not counting the first 8 bytes.
	ah := add(ClassJMP|JumpJEQ|SrcK, ipprotoAH)
	if lastExt != nil {
		lastExt.jf = ah
	}
	ah.jt = add(ClassLD|ModeIND|SizeB, nl) // A = its next header
	add(ClassST, uint32(reg))
	add(ClassMISC|MiscTXA, 0)
	add(ClassALU|ALUAdd|SrcK, 1)
	add(ClassMISC|MiscTAX, 0)
	add(ClassLD|ModeIND|SizeB, nl) // A = its length
	add(ClassALU|ALUAdd|SrcK, 2)
	add(ClassALU|ALUMul|SrcK, 4)
	add(ClassMISC|MiscTAX, 0)
	add(ClassLD|ModeMEM, uint32(reg))
	jas = append(jas, add(ClassJMP|JumpJA, 0))

	// end: nop, then the final test of the block.
	end := add(ClassALU|ALUAdd|SrcK, 0)
	again.jt = end
	none.jt = end
	ah.jf = end

	indexOf := func(t *stmt) int {
		for i, st := range s {
			if st == t {
				return i
			}
		}
		panic("protochain: statement not in the list")
	}
	for _, ja := range jas {
		// A negative offset, stored as its two's complement.
		ja.k = uint32(indexOf(again) - indexOf(ja) - 1)
	}

	b := c.newBlock(ClassJMP|JumpJEQ|SrcK, v)
	b.stmts = s
	c.freeReg(reg)
	genAnd(b0, b)
	return b
}
