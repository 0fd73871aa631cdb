package cbpf

// visitThread threads b's edges: when the block an edge leads to has an
// outcome known on that edge (from the register numbers and facts the
// edge carries, or because it is an unconditional jump) and running it
// would change nothing that matters, the edge goes straight to the
// successor the block would pick. "Nothing that matters": each register
// the skipped block changes either already holds the same value number or
// is dead where the edge now leads, and every load or division in the
// block that could fail has already run on every path to the edge. This is
// how the repeated link-type and protocol checks of "or" chains disappear.
func (g *oGraph) visitThread(b *oBlock, st *oState) bool {
	if b.isRet() {
		return false
	}
	out := g.exit
	if g.exitOf != b {
		out = g.exec(st, b)
		// The sweep takes out as b's exit state: no visitor after
		// this one changes b's statements.
		g.setExit(b, out)
	}
	if b.jump() {
		t := g.thread(out, nil, b.jt)
		if t == b.jt {
			return false
		}
		b.jt, b.jf = t, t
		return true
	}
	changed := false
	for _, res := range []bool{true, false} {
		// The edge's state is out and the fact of the branch.
		var extra *oFact
		f, ok := g.vn.branchFact(&out.regs, b, res)
		if ok {
			extra = &f
		}
		edge := &b.jt
		if !res {
			edge = &b.jf
		}
		if t := g.thread(out, extra, *edge); t != *edge {
			*edge = t
			changed = true
		}
	}
	return changed
}

// optMaxThread bounds how many blocks one edge may skip in one sweep.
const optMaxThread = 1 << 10

// thread returns the block an edge with state e into s can go to instead
// of s; extra, if not nil, is a fact that holds on the edge besides e's.
func (g *oGraph) thread(e *oState, extra *oFact, s *oBlock) *oBlock {
	for n := 0; n < optMaxThread && !s.isRet(); n++ {
		regs := e.regs
		for _, st := range s.stmts {
			ef := g.vn.effect(&regs, st)
			if ef.failable && !e.isAvail(ef.vn) {
				return s
			}
			regs[ef.def] = ef.vn
		}
		t := s.jt
		if !s.jump() {
			taken, ok := g.vn.decide(&regs, e.facts, extra, s)
			if !ok {
				return s
			}
			if !taken {
				t = s.jf
			}
		}
		for r := range regs {
			if regs[r] != e.regs[r] && t.liveIn&(1<<r) != 0 {
				return s
			}
		}
		s = t
	}
	return s
}
