package cbpf

// visitPeep rewrites short statement patterns into shorter ones:
//
//   - "and #m; jeq #0" whose masked value is not used afterwards becomes
//     "jset #m" with the branches swapped;
//   - a constant added to X just to index one load ("ld #c; ldxb ...;
//     add x; tax; ldb [x + k]", or "add #c; tax; ldb [x + k]") folds into
//     the load's offset, "ldb [x + k+c]" with X left as it was, when
//     nothing reads the sum afterwards. The VM adds X and the offset
//     modulo 2^32, so the load reads the same byte;
//   - "add #c; jeq #k" (sub, xor) becomes "jeq #k-c" (k+c, k^c), and
//     "sub x; jeq #0" (xor) becomes "jeq x", when nothing reads the
//     result afterwards.
func (g *oGraph) visitPeep(b *oBlock, st *oState) bool {
	changed := false
	regs := st.regs
	// The first pattern needs a "tax" followed by an indexed load.
	tax := false
	for i := 2; i < len(b.stmts) && !tax; i++ {
		tax = b.stmts[i-1].code == ClassMISC|MiscTAX && b.stmts[i].code&0xe7 == ClassLD|ModeIND
	}
	for i := 0; tax && i < len(b.stmts); i++ {
		s := b.stmts[i]
		if i+2 < len(b.stmts) && b.stmts[i+1].code == ClassMISC|MiscTAX && b.stmts[i+2].code&0xe7 == ClassLD|ModeIND {
			c, ok := uint32(0), false
			other := int32(0) // the operand added to c
			switch s.code {
			case ClassALU | ALUAdd | SrcK:
				c, ok = s.k, true
				other = regs[regA]
			case ClassALU | ALUAdd | SrcX:
				c, ok = g.vn.constOf(regs[regA])
				other = regs[regX]
			}
			// libpcap's interpreter checks X and the offset apart: the
			// fold keeps its verdicts only when neither the new X
			// (operand + c) nor the new offset (k + c) wraps.
			ok = ok && g.vn.upper(other, 8)+uint64(c) < 1<<32 && uint64(b.stmts[i+2].k)+uint64(c) < 1<<32
			if ok && !b.usesAfter(i+3, regX) {
				ld := b.stmts[i+2]
				ld.k += c
				if s.code&SrcX == 0 {
					// X must keep A's value from before the add.
					b.stmts[i] = oStmt{code: ClassMISC | MiscTAX}
					b.stmts[i+1] = ld
					b.stmts = append(b.stmts[:i+2], b.stmts[i+3:]...)
				} else {
					b.stmts[i] = ld
					b.stmts = append(b.stmts[:i+1], b.stmts[i+3:]...)
				}
				changed = true
				s = b.stmts[i]
			}
		}
		e := g.vn.effect(&regs, s)
		regs[e.def] = e.vn
	}
	if n := len(b.stmts); n > 0 && b.code == ClassJMP|JumpJEQ|SrcK && b.k == 0 && !b.jump() &&
		b.stmts[n-1].code == ClassALU|ALUAnd|SrcK && b.liveOut()&(1<<regA) == 0 {
		b.code, b.k = ClassJMP|JumpJSET|SrcK, b.stmts[n-1].k
		b.jt, b.jf = b.jf, b.jt
		b.stmts = b.stmts[:n-1]
		changed = true
	}
	// "add #c; jeq #k" (or sub, xor) whose result is not used afterwards
	// becomes "jeq #k-c" (k+c, k^c): the three are one-to-one on 32-bit
	// values, so the comparison holds for the same A ("ip[8] - 1 = 63"
	// tests ip[8] against 64).
	if n := len(b.stmts); n > 0 && b.code == ClassJMP|JumpJEQ|SrcK && !b.jump() && b.liveOut()&(1<<regA) == 0 {
		last := b.stmts[n-1]
		k, ok := b.k, true
		switch last.code {
		case ClassALU | ALUAdd | SrcK:
			k -= last.k
		case ClassALU | ALUSub | SrcK:
			k += last.k
		case ClassALU | ALUXor | SrcK:
			k ^= last.k
		case ClassALU | ALUSub | SrcX, ClassALU | ALUXor | SrcX:
			// A-X == 0 and A^X == 0 say A == X.
			if k != 0 {
				ok = false
				break
			}
			b.code = ClassJMP | JumpJEQ | SrcX
		default:
			ok = false
		}
		if ok {
			b.k = k
			b.stmts = b.stmts[:n-1]
			changed = true
		}
	}
	if changed {
		g.setExit(nil, nil)
	}
	return changed
}

// usesAfter reports whether register r's value at statement i of b may be
// read: by a later statement of b before r is set again, by b's branch, or
// after b.
func (b *oBlock) usesAfter(i, r int) bool {
	bit := uint32(1) << r
	for _, s := range b.stmts[i:] {
		if stmtUses(s)&bit != 0 {
			return true
		}
		if stmtDefs(s)&bit != 0 {
			return false
		}
	}
	return (b.liveOut()|branchUses(b))&bit != 0
}
