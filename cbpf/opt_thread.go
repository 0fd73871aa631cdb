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
		var extra []oFact
		f, ok := g.vn.branchFact(&out.regs, b, res)
		if ok {
			extra = []oFact{f}
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
// of s; extra holds facts that hold on the edge besides e's.
//
// Where a block's outcome is not known but a set fact says the value it
// compares is one of a few constants, each constant is followed on its
// own (with "value == constant" as one more fact) through the blocks it
// decides; if all end at the same block, the edge can go on from there:
// this takes a "port" term's "tcp or udp or sctp" check, done again by
// every term of a chain, to where its three ways meet.
func (g *oGraph) thread(e *oState, extra []oFact, s *oBlock) *oBlock {
	s, _ = g.threadWalk(e, extra, s, true)
	return s
}

// threadWalk is thread; members says whether set facts may be split into
// their constants (not again inside such a split). It also reports how
// many blocks it skipped.
func (g *oGraph) threadWalk(e *oState, extra []oFact, s *oBlock, members bool) (*oBlock, int) {
	n := 0
	for ; n < optMaxThread && !s.isRet(); n++ {
		regs := e.regs
		for _, st := range s.stmts {
			ef := g.vn.effect(&regs, st)
			if ef.failable && !e.isAvail(ef.vn) {
				return s, n
			}
			regs[ef.def] = ef.vn
		}
		t := s.jt
		if !s.jump() {
			taken, ok := g.vn.decide(&regs, e.facts, extra, s)
			if !ok {
				if !members || s.code&SrcX != 0 {
					return s, n
				}
				u := g.threadSet(e, extra, s, regs[regA])
				if u == nil {
					return s, n
				}
				s = u
				continue
			}
			if !taken {
				t = s.jf
			}
		}
		for r := range regs {
			if regs[r] != e.regs[r] && t.liveIn&(1<<r) != 0 {
				return s, n
			}
		}
		s = t
	}
	return s, n
}

// threadSet returns the block where every constant of a set fact on value
// a, followed from s on its own, ends; nil if there is none or they end
// in different blocks.
func (g *oGraph) threadSet(e *oState, extra []oFact, s *oBlock, a int32) *oBlock {
	set := g.vn.setOf(a, e.facts, extra)
	if set == nil {
		return nil
	}
	var end *oBlock
	// The walks below never split a set again, so one scratch slice
	// serves every call.
	more := append(g.threadFacts[:0], extra...)
	more = append(more, oFact{})
	g.threadFacts = more
	for _, c := range set {
		if !g.vn.possible(a, c, e.facts, extra) {
			continue
		}
		more[len(extra)] = oFact{vn: a, code: JumpJEQ, k: c, res: true}
		u, n := g.threadWalk(e, more, s, false)
		if n == 0 || end != nil && u != end {
			return nil
		}
		end = u
	}
	return end
}
