package cbpf

// visitRedundant simplifies b given what holds on every path into it:
//
//   - a statement that sets a register to the value number it already
//     holds (a load repeated on every path, a "ldx" of the header length
//     already in X, "add #0", ...) goes: the same load has succeeded before
//     on every path, so dropping it cannot change a verdict;
//   - a statement whose result is a known constant becomes "ld #k" or
//     "ldx #k"; a reload of a scratch slot holding what the other register
//     or the packet length holds becomes "tax", "txa" or "ld #pktlen"; an
//     operand X with a known value becomes the constant; an indirect load
//     at a known offset becomes an absolute one. None of these is shorter,
//     but each leaves a store or a register unused for opt_dead.go;
//   - a branch whose outcome is the same on every path into b becomes a
//     jump.
func (g *oGraph) visitRedundant(b *oBlock, st *oState) bool {
	t := &g.vn
	changed := false
	// The exit state, for the sweep (see setExit): a simpler statement
	// has the effect of the one it replaces.
	var out *oState
	if !b.isRet() {
		out = g.copyState(st)
	}
	regs := st.regs
	kept := b.stmts[:0]
	// The effects of the statements kept as they are, for
	// dropRecompute (see there).
	memoA := scratch(&g.memoA, len(b.stmts))
	memoE := scratch(&g.memoE, len(b.stmts))
	for _, s := range b.stmts {
		e := t.effect(&regs, s)
		if regs[e.def] == e.vn {
			changed = true
			continue
		}
		if n, ok := g.simplerStmt(&regs, s, e); ok {
			s = n
			changed = true
		} else if e.def == regA {
			memoA[len(kept)], memoE[len(kept)] = regs[regA], e
		}
		regs[e.def] = e.vn
		if e.failable && out != nil {
			out.setAvail(e.vn)
		}
		kept = append(kept, s)
	}
	if len(kept) != len(b.stmts) {
		// Otherwise kept is b.stmts, rewritten in place: writing the
		// same slice back would only cost a write barrier.
		b.stmts = kept
	}
	if g.dropRecompute(b, st) {
		changed = true
		g.release(out)
	} else if out != nil {
		out.regs = regs
		g.setExit(b, out)
	}
	if b.isRet() || b.jump() {
		return changed
	}
	if taken, ok := t.decide(&regs, st.facts, nil, b); ok {
		if taken {
			b.jf = b.jt
		} else {
			b.jt = b.jf
		}
		return true
	}
	if b.code&SrcX != 0 {
		if c, ok := t.constOf(regs[regX]); ok {
			b.code &^= SrcX
			b.k = c
			changed = true
		}
	}
	return changed
}

// simplerStmt returns a statement that does what s does (effect e) with
// fewer dependencies, if there is one.
func (g *oGraph) simplerStmt(regs *[nRegs]int32, s oStmt, e stmtEffect) (oStmt, bool) {
	t := &g.vn
	if e.def == regA || e.def == regX {
		if c, ok := t.constOf(e.vn); ok {
			n := oStmt{code: ClassLD | ModeIMM, k: c}
			if e.def == regX {
				n.code = ClassLDX | ModeIMM
			}
			return n, n != s
		}
	}
	if e.def == regA && s.code&0x07 == ClassALU && e.vn == regs[regX] {
		// An operation that leaves X's value in A (0 + X, 1 * X):
		// "txa" no longer needs what A held.
		return oStmt{code: ClassMISC | MiscTXA}, true
	}
	switch s.code {
	case ClassLD | ModeMEM:
		if e.vn == regs[regX] {
			return oStmt{code: ClassMISC | MiscTXA}, true
		}
		if t.keys[e.vn].op == ClassLD|ModeLEN {
			return oStmt{code: ClassLD | ModeLEN}, true
		}
	case ClassLDX | ModeMEM:
		if e.vn == regs[regA] {
			return oStmt{code: ClassMISC | MiscTAX}, true
		}
		if t.keys[e.vn].op == ClassLD|ModeLEN {
			return oStmt{code: ClassLDX | ModeLEN}, true
		}
	case ClassLD | ModeIND | SizeW, ClassLD | ModeIND | SizeH, ClassLD | ModeIND | SizeB:
		if c, ok := t.constOf(regs[regX]); ok && uint64(c)+uint64(s.k) <= 1<<31-1 {
			// Only where x+k does not wrap: libpcap's interpreter
			// checks X and k apart and drops the packet if it does.
			return oStmt{code: s.code&^0xe0 | ModeABS, k: c + s.k}, true
		}
	}
	if s.code&0x07 == ClassALU && s.code&SrcX != 0 && s.code&0xf0 != ALUNeg {
		op := s.code & 0xf0
		if c, ok := t.constOf(regs[regX]); ok && (c != 0 || op != ALUDiv && op != ALUMod) && (c < 32 || op != ALULsh && op != ALURsh) {
			return oStmt{code: s.code &^ SrcX, k: c}, true
		}
	}
	return s, false
}

// dropRecompute removes runs of statements that set only A and leave in it
// the value it held before them ("ldb [21]; and #0x1f" again after a
// comparison of that value), when every load or division in the run has
// already succeeded on every path or earlier in the block: without them A
// holds the same value and no other register changes.
func (g *oGraph) dropRecompute(b *oBlock, st *oState) bool {
	// A run has at least two statements, each setting only A.
	pair := false
	for i := 1; i < len(b.stmts) && !pair; i++ {
		pair = stmtDefs(b.stmts[i-1]) == 1<<regA && stmtDefs(b.stmts[i]) == 1<<regA
	}
	if !pair {
		return false
	}
	t := &g.vn
	changed := false
	regs := st.regs
	local := g.local[:0] // failable values computed earlier in the block
	avail := func(v int32) bool {
		if st.isAvail(v) {
			return true
		}
		for _, l := range local {
			if l == v {
				return true
			}
		}
		return false
	}
	// The runs from successive starts compute the same statements from
	// the same values (a statement of a run sees the X and scratch slots
	// its run started with, and A as the statements before it left it):
	// each statement's effect is remembered with the A it was computed
	// from (0: none), until a removal moves the statements. visitRedundant
	// leaves those of the statements it kept as they were, computed from
	// the same entry state.
	memoA, memoE := g.memoA[:len(b.stmts)], g.memoE[:len(b.stmts)]
	for i := 0; i < len(b.stmts); i++ {
		if stmtDefs(b.stmts[i]) == 1<<regA {
			r := regs
			for j := i; j < len(b.stmts); j++ {
				s := b.stmts[j]
				if stmtDefs(s) != 1<<regA {
					break
				}
				var e stmtEffect
				if memoA[j] != 0 && memoA[j] == r[regA] {
					e = memoE[j]
				} else {
					e = t.effect(&r, s)
					memoA[j], memoE[j] = r[regA], e
				}
				if e.failable && !avail(e.vn) {
					break
				}
				r[e.def] = e.vn
				if j > i && r[regA] == regs[regA] {
					b.stmts = append(b.stmts[:i], b.stmts[j+1:]...)
					clear(memoA)
					changed = true
					break
				}
			}
		}
		if i >= len(b.stmts) {
			break
		}
		var e stmtEffect
		if memoA[i] != 0 && memoA[i] == regs[regA] && stmtDefs(b.stmts[i]) == 1<<regA {
			e = memoE[i]
		} else {
			e = t.effect(&regs, b.stmts[i])
		}
		regs[e.def] = e.vn
		if e.failable {
			local = append(local, e.vn)
		}
	}
	g.local = local[:0]
	return changed
}
