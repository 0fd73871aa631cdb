package cbpf

// liveness computes each block's liveIn: the registers (bit i for M[i],
// regA, regX) whose value on entry some path may read before setting it.
// The blocks must be in order.
func (g *oGraph) liveness() {
	for i := len(g.blocks) - 1; i >= 0; i-- {
		b := g.blocks[i]
		live := b.liveOut() | branchUses(b)
		for j := len(b.stmts) - 1; j >= 0; j-- {
			s := b.stmts[j]
			live = live&^stmtDefs(s) | stmtUses(s)
		}
		b.liveIn = live
	}
	g.live = true
}

// liveOut returns the registers live at the end of b's statements, before
// its branch.
func (b *oBlock) liveOut() uint32 {
	if b.isRet() {
		return 0
	}
	return b.jt.liveIn | b.jf.liveIn
}

// stmtDefs returns the register s sets, as a bit mask.
func stmtDefs(s oStmt) uint32 {
	switch s.code & 0x07 {
	case ClassLD, ClassALU:
		return 1 << regA
	case ClassLDX:
		return 1 << regX
	case ClassST, ClassSTX:
		return 1 << (s.k & 15)
	case ClassMISC:
		if s.code == ClassMISC|MiscTAX {
			return 1 << regX
		}
		return 1 << regA
	}
	return 0
}

// dead removes statements whose result no path reads. A statement that
// could fail (a load, a division by X) stays, its failure being part of
// the verdict, unless the same value has been computed on every path
// before it, or (coveredLoad) it reads packet bytes that an absolute load
// which succeeded on every path reached as far. It uses the entry states
// of the last sweep, which must have left the graph as it is.
func (g *oGraph) dead() bool {
	changed := false
	for i := len(g.blocks) - 1; i >= 0; i-- {
		b := g.blocks[i]
		if b.in == nil {
			b.liveIn = 0
			continue
		}
		// Most blocks have no statement whose result is unused: then
		// the liveness is all there is to compute.
		live := b.liveOut() | branchUses(b)
		unused := false
		for j := len(b.stmts) - 1; j >= 0 && !unused; j-- {
			s := b.stmts[j]
			d := stmtDefs(s)
			unused = live&d == 0
			live = live&^d | stmtUses(s)
		}
		if !unused {
			b.liveIn = live
			continue
		}
		// Which statements could fail here?
		safe := g.safe[:0]
		regs := b.in.regs
		avail := b.in
		cloned := false
		for _, s := range b.stmts {
			e := g.vn.effect(&regs, s)
			safe = append(safe, !e.failable || avail.isAvail(e.vn) || g.vn.coveredLoad(avail, s))
			regs[e.def] = e.vn
			if e.failable && !avail.isAvail(e.vn) {
				if !cloned {
					g.deadAvail.avail = append(g.deadAvail.avail[:0], avail.avail...)
					g.deadAvail.tab = &g.vn
					avail = &g.deadAvail
					cloned = true
				}
				avail.setAvail(e.vn)
			}
		}
		live = b.liveOut() | branchUses(b)
		g.safe = safe
		keep := g.keep[:0]
		for range b.stmts {
			keep = append(keep, false)
		}
		g.keep = keep
		removed := false
		for j := len(b.stmts) - 1; j >= 0; j-- {
			s := b.stmts[j]
			d := stmtDefs(s)
			if live&d == 0 && safe[j] {
				removed = true
				continue
			}
			keep[j] = true
			live = live&^d | stmtUses(s)
		}
		b.liveIn = live
		if removed {
			changed = true
			kept := b.stmts[:0]
			for j, s := range b.stmts {
				if keep[j] {
					kept = append(kept, s)
				}
			}
			b.stmts = kept
		}
	}
	// Every block's liveIn is now the liveness of the graph, even when
	// the last sweep changed it: the sweep only sends edges forward, so
	// the order it ran in still has every block after its predecessors,
	// and the blocks it left without a state are no longer reached. The
	// liveness is the same whatever such order computes it.
	g.live = true
	if changed {
		g.swept = false
	}
	return changed
}

// packetEnd returns where in the packet an absolute load with key op and
// k ends (its offset plus its size), for the loads of packet bytes: not
// for the ancillary loads at the top of the offset range, nor for other
// values.
func packetEnd(op uint16, k uint32) (uint32, bool) {
	if k >= 1<<31 {
		return 0, false
	}
	switch op {
	case ClassLD | ModeABS | SizeW:
		return k + 4, true
	case ClassLD | ModeABS | SizeH:
		return k + 2, true
	case ClassLD | ModeABS | SizeB, ClassLDX | ModeMSH | SizeB:
		return k + 1, true
	}
	return 0, false
}

// coveredLoad reports whether s is a load of packet bytes at a fixed
// offset that cannot fail in state st: an absolute load reaching at least
// as far into the packet is available (has succeeded on every path), so
// the packet is long enough. Such a load's result may go unused like any
// other value's. It scans the available values, which only dead does,
// for its unused statements.
func (t *vnTable) coveredLoad(st *oState, s oStmt) bool {
	end, ok := packetEnd(s.code, s.k)
	if !ok {
		return false
	}
	for v := int32(1); v < t.availTop && int(v) < len(t.keys); v++ {
		key := t.keys[v]
		if e, ok := packetEnd(key.op, key.k); ok && e >= end && st.isAvail(v) {
			return true
		}
	}
	return false
}
