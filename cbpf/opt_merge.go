package cbpf

// merge makes blocks that do the same thing one block: returns of the same
// value, and blocks with the same statements, the same branch and the same
// successors (after their successors were merged). It also sends edges
// past empty unconditional jumps, and turns a block whose every path
// returns 0 into a "ret #0": whatever its statements do, including a load
// failing, the verdict is 0. It reports whether anything changed.
func (g *oGraph) merge() bool {
	g.ensureOrder()
	changed := false
	// An open-addressing table of the blocks kept so far, by content:
	// a block's position in the order plus one, 0 for an empty slot.
	// Positions rather than pointers, so that clearing the table after
	// use writes no pointers (each a write barrier while the collector
	// marks); the order does not change before it is cleared.
	n := 16
	for n < 2*len(g.blocks) {
		n *= 2
	}
	if cap(g.seen) < n {
		g.seen = make([]int32, n)
	}
	seen := g.seen[:n] // cleared after use
	mask := uint64(n - 1)
	for i := len(g.blocks) - 1; i >= 0; i-- {
		b := g.blocks[i]
		if b.fwd != nil {
			b.fwd = nil // (written only when set: see newBlock)
		}
		if !b.isRet() {
			if t := b.jt.rep(); t != b.jt {
				b.jt = t
				changed = true
			}
			if t := b.jf.rep(); t != b.jf {
				b.jf = t
				changed = true
			}
			if b.jt == b.jf && b.jt.code == ClassRET|SrcK && b.jt.k == 0 {
				// Every path rejects, and a failing load would
				// reject too: the block is a reject.
				b.fwd = b.jt
				changed = true
				continue
			}
			if b.jump() && len(b.stmts) == 0 {
				b.fwd = b.jt
				changed = true
				continue
			}
		}
		j := b.contentHash() & mask
		for seen[j] != 0 && !sameContent(g.blocks[seen[j]-1], b) {
			j = (j + 1) & mask
		}
		if o := seen[j]; o != 0 {
			b.fwd = g.blocks[o-1]
			changed = true
			continue
		}
		seen[j] = int32(i + 1)
	}
	clear(seen)
	if r := g.root.rep(); r != g.root {
		g.root = r
		changed = true
	}
	if changed {
		g.order()
		g.live, g.swept = false, false
	}
	return changed
}

// contentHash hashes what sameContent compares.
func (b *oBlock) contentHash() uint64 {
	var h uint64
	switch {
	case b.isRet():
		h = uint64(b.code)<<32 | uint64(b.k)
	case b.jump():
		h = uint64(ClassJMP|JumpJA)<<32 ^ uint64(b.jt.idx)<<8
	default:
		h = uint64(b.code)<<32 | uint64(b.k)
		h = h*0x9e3779b97f4a7c15 ^ uint64(b.jt.idx)<<20 ^ uint64(b.jf.idx)
	}
	for _, s := range b.stmts {
		h = (h ^ h>>29) * 0xbf58476d1ce4e5b9
		h ^= uint64(s.code)<<32 | uint64(s.k)
	}
	h = (h ^ h>>31) * 0x94d049bb133111eb
	return h ^ h>>29
}

// sameContent reports whether a and b do the same thing: the same
// statements and return, or the same statements, branch (any comparison,
// for an unconditional jump) and successors.
func sameContent(a, b *oBlock) bool {
	if len(a.stmts) != len(b.stmts) || a.isRet() != b.isRet() {
		return false
	}
	switch {
	case a.isRet():
		if a.code != b.code || a.k != b.k {
			return false
		}
	case a.jump() || b.jump():
		if !a.jump() || !b.jump() || a.jt != b.jt {
			return false
		}
	default:
		if a.code != b.code || a.k != b.k || a.jt != b.jt || a.jf != b.jf {
			return false
		}
	}
	for i, s := range a.stmts {
		if b.stmts[i] != s {
			return false
		}
	}
	return true
}

// rep returns the block that stands for b after merging.
func (b *oBlock) rep() *oBlock {
	for b.fwd != nil {
		b = b.fwd
	}
	return b
}
