package cbpf

// xmerge shares code between two regions of the graph that do the same
// thing at packet offsets a constant apart: typically the transport-layer
// tests of "port 80" or "tcp[13] & 2 != 0" after an IPv6 header (absolute
// loads, "ldh [54]") and after an IPv4 header (loads indexed by the header
// length, "ldh [x + 14]"). When a block B2 that does not need X on entry
// computes, block by block down to the shared successors, what a suffix B1
// of another block computes with X = c (its "ld [x + k]" being B2's
// "ld [c + k]" and every other statement and branch the same), the edges
// into B2 can go to B1 with X set to c: "ldx #c" is placed at the end of
// B2's immediate dominator when X is dead after it and no path from there
// to B2 sets X, or else in a block of its own in front of B1. The two loads
// read the same bytes and fail on the same packets, so every verdict stays.
// The change is kept only when the program gets shorter.

// xMaxPairs bounds the candidate pairs tried in one xmerge call.
const xMaxPairs = 256

// xmerge performs one such merge and reports whether it did.
func (g *oGraph) xmerge() bool {
	g.ensureOrder()
	g.ensureLive()
	withInd, withAbs := g.withInd[:0], g.withAbs[:0]
	defer func() {
		clear(withInd)
		clear(withAbs)
		g.withInd, g.withAbs = withInd[:0], withAbs[:0]
	}()
	for _, b := range g.blocks {
		if b.isRet() {
			continue
		}
		ind, abs := false, false
		for _, s := range b.stmts {
			switch {
			case s.code&0xe7 == ClassLD|ModeIND:
				ind = true
			case s.code&0xe7 == ClassLD|ModeABS && s.k < 0x80000000:
				abs = true
			}
		}
		if ind {
			withInd = append(withInd, b)
		}
		if abs && b.liveIn&(1<<regX) == 0 {
			withAbs = append(withAbs, b)
		}
	}
	if len(withInd) == 0 || len(withAbs) == 0 {
		return false
	}
	tries := 0
	for _, b2 := range withAbs {
		for _, b1 := range withInd {
			if b1 == b2 {
				continue
			}
			p := len(b1.stmts) - len(b2.stmts)
			if p < 0 {
				continue
			}
			if tries++; tries > xMaxPairs {
				return false
			}
			clear(g.xMemo)
			m := xMatcher{memo: g.xMemo}
			ok := m.match(b1, p, b2, true)
			if len(m.memo) <= 256 {
				g.xMemo = m.memo // kept for the next pair
			}
			if !ok || !m.cset {
				continue
			}
			if g.reaches(b1, b2) {
				continue
			}
			if g.xapply(b1, p, b2, m.c) {
				return true
			}
		}
	}
	return false
}

// xMatcher matches a region against another that runs with X = c.
type xMatcher struct {
	c    uint32
	cset bool
	memo map[xKey]bool // made when first needed
}

// xKey is a pair of blocks matched, and whether X is still tracked.
type xKey struct {
	a, b  *oBlock
	track bool
}

// match reports whether block b2 does what b1's statements from p on and
// its branch do when X holds c (track: X has not been set since), and so
// on down their successors.
func (m *xMatcher) match(b1 *oBlock, p int, b2 *oBlock, track bool) bool {
	s1 := b1.stmts[p:]
	if len(s1) != len(b2.stmts) {
		return false
	}
	for j, a := range s1 {
		b := b2.stmts[j]
		if !track {
			if a != b {
				return false
			}
			continue
		}
		if a.code&0xe7 == ClassLD|ModeIND && b.code == a.code^(ModeIND|ModeABS) && b.k < 0x80000000 {
			if !m.cset {
				if b.k < a.k {
					return false
				}
				m.c, m.cset = b.k-a.k, true
			}
			if a.k+m.c != b.k {
				return false
			}
			continue
		}
		if a != b || stmtUses(a)&(1<<regX) != 0 {
			return false
		}
		if stmtDefs(a)&(1<<regX) != 0 {
			track = false
		}
	}
	if b1.isRet() != b2.isRet() || b1.jump() != b2.jump() {
		return false
	}
	if !b1.jump() && (b1.code != b2.code || b1.k != b2.k) {
		return false
	}
	if track && branchUses(b1)&(1<<regX) != 0 {
		return false
	}
	if b1.isRet() {
		return true
	}
	for _, e := range [2][2]*oBlock{{b1.jt, b2.jt}, {b1.jf, b2.jf}} {
		t1, t2 := e[0], e[1]
		if t1 == t2 {
			if track && t1.liveIn&(1<<regX) != 0 {
				return false
			}
			continue
		}
		key := xKey{t1, t2, track}
		if m.memo == nil {
			m.memo = make(map[xKey]bool)
		}
		ok, seen := m.memo[key]
		if !seen {
			ok = m.match(t1, 0, t2, track)
			m.memo[key] = ok
		}
		if !ok {
			return false
		}
	}
	return true
}

// reaches reports whether a path leads from a to b.
func (g *oGraph) reaches(a, b *oBlock) bool {
	if a.idx > b.idx {
		return false
	}
	g.epoch++
	var walk func(x *oBlock) bool
	walk = func(x *oBlock) bool {
		if x == b {
			return true
		}
		if x.mark == g.epoch || x.isRet() || x.idx > b.idx {
			return false
		}
		x.mark = g.epoch
		return walk(x.jt) || (x.jf != x.jt && walk(x.jf))
	}
	return walk(a)
}

// blockSave is a block's content, to undo a change. The statements are
// kept as the slice they were: xapply never writes into a saved block's
// statements, it only shortens the slice or gives the block a new one.
type blockSave struct {
	b      *oBlock
	stmts  []oStmt
	code   uint16
	k      uint32
	jt, jf *oBlock
}

func save(b *oBlock) blockSave {
	return blockSave{b, b.stmts, b.code, b.k, b.jt, b.jf}
}

func (s blockSave) restore() {
	s.b.stmts, s.b.code, s.b.k, s.b.jt, s.b.jf = s.stmts, s.code, s.k, s.jt, s.jf
}

// xapply redirects the edges into b2 to b1's statements from p on, with X
// set to c, and keeps the change if the program is shorter.
func (g *oGraph) xapply(b1 *oBlock, p int, b2 *oBlock, c uint32) bool {
	g.swept = false
	before := g.size()
	preds := g.preds(b2)
	saved := g.xSaved[:0]
	defer func() { clear(saved); g.xSaved = saved[:0] }()
	for _, pr := range preds {
		saved = append(saved, save(pr))
	}
	saved = append(saved, save(b1))
	root := g.root
	// The target: b1 itself, or its suffix split off.
	target := b1
	if p > 0 {
		target = g.newBlock()
		target.stmts = append(target.stmts, b1.stmts[p:]...)
		target.code, target.k, target.jt, target.jf = b1.code, b1.k, b1.jt, b1.jf
		b1.stmts = b1.stmts[:p:p]
		b1.code, b1.k = ClassJMP|JumpJEQ, 0
		b1.jt, b1.jf = target, target
	}
	ldx := oStmt{code: ClassLDX | ModeIMM, k: c}
	if d := g.xhoist(b2, preds); d != nil {
		saved = append(saved, save(d))
		d.stmts = append(d.stmts[:len(d.stmts):len(d.stmts)], ldx)
		for _, pr := range preds {
			pr.redirect(b2, target)
		}
	} else {
		n := g.newBlock()
		n.stmts = append(n.stmts, ldx)
		n.code, n.jt, n.jf = ClassJMP|JumpJEQ, target, target
		for _, pr := range preds {
			pr.redirect(b2, n)
		}
		if g.root == b2 {
			g.root = n
		}
	}
	g.order()
	if g.size() < before {
		g.live = false
		return true
	}
	for i := len(saved) - 1; i >= 0; i-- {
		saved[i].restore()
	}
	g.root = root
	g.order()
	g.liveness()
	return false
}

// redirect sends b's edges to from to to.
func (b *oBlock) redirect(from, to *oBlock) {
	if b.jt == from {
		b.jt = to
	}
	if b.jf == from {
		b.jf = to
	}
}

// preds returns the blocks with an edge to b.
func (g *oGraph) preds(b *oBlock) []*oBlock {
	var out []*oBlock
	for _, p := range g.blocks {
		if !p.isRet() && (p.jt == b || p.jf == b) {
			out = append(out, p)
		}
	}
	return out
}

// xhoist returns a block that can take "ldx #c" for b2: the nearest block
// every path to b2 goes through (from which every path to b2 reaches it
// without setting X), with X dead after it. It returns nil if there is
// none.
func (g *oGraph) xhoist(b2 *oBlock, preds []*oBlock) *oBlock {
	if len(preds) == 0 {
		return nil
	}
	// Walk back from b2's predecessors over blocks that do not set X;
	// the candidate is the latest block (in order) all the walks meet
	// at, found by narrowing: every block reached must have all its
	// predecessors reached, except the candidate.
	const xdef = 1 << regX
	setsX := func(b *oBlock) bool {
		for _, s := range b.stmts {
			if stmtDefs(s)&xdef != 0 {
				return true
			}
		}
		return false
	}
	// Candidates in decreasing order: the earliest predecessor's
	// ancestors. Try the predecessors' common dominator by a simple
	// rule: with one predecessor, that block; otherwise the earliest
	// predecessor when every other predecessor is reached from it only
	// through blocks that lead to b2 or to X-dead blocks.
	d := preds[0]
	for _, p := range preds[1:] {
		if p.idx < d.idx {
			d = p
		}
	}
	for _, p := range preds {
		if setsX(p) && p != d {
			return nil
		}
	}
	region, ok := g.region(d, b2)
	if !ok {
		return nil
	}
	for _, x := range region {
		if x != d && setsX(x) {
			return nil
		}
		for _, t := range []*oBlock{x.jt, x.jf} {
			if t != b2 && !inBlocks(region, t) && t.liveIn&xdef != 0 {
				return nil
			}
		}
	}
	// d's statements end before its branch: X set there must not be
	// read by the branch.
	if branchUses(d)&xdef != 0 {
		return nil
	}
	return d
}

func inBlocks(list []*oBlock, b *oBlock) bool {
	for _, x := range list {
		if x == b {
			return true
		}
	}
	return false
}

// region returns the blocks on the paths from d to b (d included, b not)
// when every path into them and into b comes through d; ok is false
// otherwise.
func (g *oGraph) region(d, b *oBlock) (region []*oBlock, ok bool) {
	g.epoch += 2
	in, out := g.epoch, g.epoch-1
	var mark func(x *oBlock) bool // reports whether x leads to b
	mark = func(x *oBlock) bool {
		if x == b {
			return true
		}
		if x.isRet() || x.idx > b.idx || x.mark == out {
			return false
		}
		if x.mark == in {
			return true
		}
		l := mark(x.jt)
		if x.jf != x.jt {
			l = mark(x.jf) || l
		}
		if l {
			x.mark = in
			region = append(region, x)
		} else {
			x.mark = out
		}
		return l
	}
	if d == b || !mark(d) {
		return nil, false
	}
	if g.root.mark == in && g.root != d {
		return nil, false
	}
	for _, p := range g.blocks {
		if p.isRet() || p.mark == in {
			continue
		}
		for _, t := range []*oBlock{p.jt, p.jf} {
			if t.mark == in && t != d || t == b {
				return nil, false
			}
		}
	}
	return region, true
}

// size returns the length of the program layout would produce, without
// long jumps.
func (g *oGraph) size() int {
	n := 0
	for i, b := range g.blocks {
		n += len(b.stmts)
		if !b.jump() || i+1 >= len(g.blocks) || g.blocks[i+1] != b.jt {
			n++
		}
	}
	return n
}
