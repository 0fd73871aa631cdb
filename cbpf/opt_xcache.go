package cbpf

// xcache keeps a reloaded value in X. When a block B starts by loading
// into A a value that a block D, through which every path to B goes,
// loaded before (and A was overwritten since), and X is free from that
// load to B (not read before being set again after it, and set by no
// block between), the value can be copied to X with "tax" after D's load
// and B's reload becomes "txa". That alone makes the program one
// instruction longer, but it makes blocks that reloaded different fields
// (the source address of IPv4 and of ARP, say) the same block, which
// merge() then shares with everything after it. So xcache rewrites every
// such pair it finds on a copy of the graph, runs the other passes on the
// copy, and keeps it only if the program got shorter. The value "txa"
// gives is the one the load gave; the load itself succeeded on every path
// to B, so dropping it changes no verdict.
func (g *oGraph) xcache() bool {
	g.ensureOrder()
	g.ensureLive()
	if !g.xcacheMayPay() {
		return false
	}
	// Candidates first, from the statements alone: blocks starting with
	// a load some earlier block also makes, the rest of them equal to
	// another candidate's.
	pairs := g.xPairs[:0]
	last := &g.xLast // the latest block loading a field
	last.reset()
	for _, b := range g.blocks {
		if len(b.stmts) > 0 && b.liveIn&(1<<regX) == 0 {
			s := b.stmts[0]
			if s.code&0xe7 == ClassLD|ModeABS && s.k < 0x80000000 {
				if d := last.get(s); d != nil {
					pairs = append(pairs, xPair{d, b})
				}
			}
		}
		for _, s := range b.stmts {
			if s.code&0xe7 == ClassLD|ModeABS {
				last.set(s, b)
			}
		}
	}
	last.done()
	changed := false
	if len(pairs) >= 2 {
		changed = g.xcachePairs(pairs)
	}
	// Only the first len(pairs) entries can hold blocks: the candidates
	// are only filtered in place afterwards.
	clear(pairs)
	g.xPairs = pairs[:0]
	return changed
}

// xcacheMaxPrecheck is the most blocks xcacheMayPay compares pairwise.
const xcacheMaxPrecheck = 16

// xcacheMayPay reports false when xcache provably finds nothing, saving
// its tables on small programs: xcache keeps only candidates (blocks
// starting with an absolute load, X dead on entry) of which two have the
// same length, branch and successors, so if no two such blocks do, it
// would return false. Larger graphs are not checked.
func (g *oGraph) xcacheMayPay() bool {
	if len(g.blocks) > xcacheMaxPrecheck {
		return true
	}
	cand := func(b *oBlock) bool {
		if len(b.stmts) == 0 || b.liveIn&(1<<regX) != 0 {
			return false
		}
		s := b.stmts[0]
		return s.code&0xe7 == ClassLD|ModeABS && s.k < 0x80000000
	}
	for i, a := range g.blocks {
		if !cand(a) {
			continue
		}
		for _, b := range g.blocks[i+1:] {
			if cand(b) && len(a.stmts) == len(b.stmts) && a.code == b.code && a.k == b.k && a.jt == b.jt && a.jf == b.jf {
				return true
			}
		}
	}
	return false
}

// xcachePairs tries the candidate pairs xcache found, in the order of the
// graph, and reports whether it rewrote the graph.
func (g *oGraph) xcachePairs(pairs []xPair) bool {
	// Only pairs whose rewritten block equals another's can pay: group
	// them by what the rewrite leaves equal (all but the first
	// statement), each compared with the first of its group.
	same := func(a, b *oBlock) bool {
		if len(a.stmts) != len(b.stmts) || a.code != b.code || a.k != b.k || a.jt != b.jt || a.jf != b.jf {
			return false
		}
		for i := 1; i < len(a.stmts); i++ {
			if a.stmts[i] != b.stmts[i] {
				return false
			}
		}
		return true
	}
	first := g.xFirst // the first pair of each group
	if first == nil {
		first = make(map[xRest]int)
		g.xFirst = first
	}
	defer func() {
		if len(first) > 1024 {
			g.xFirst = nil
		} else {
			clear(first)
		}
	}()
	keep := scratch(&g.xKeep, len(pairs))
	for i, p := range pairs {
		b := p.b
		h := uint64(0)
		for _, s := range b.stmts[1:] {
			h = (h ^ uint64(s.code)<<32 ^ uint64(s.k)) * 0x9e3779b97f4a7c15
		}
		key := xRest{b.code, b.k, b.jt, b.jf, len(b.stmts), h}
		f, ok := first[key]
		if !ok {
			first[key] = i
			continue
		}
		// Equal hashes are almost always equal blocks.
		if same(pairs[f].b, b) {
			keep[f], keep[i] = true, true
		}
	}
	kept := pairs[:0]
	for i, p := range pairs {
		if keep[i] {
			kept = append(kept, p)
		}
	}
	pairs = kept
	if len(pairs) < 2 {
		return false
	}
	// The reload must be of a value already loaded on every path, and
	// not in A.
	if !g.swept {
		g.sweep()
	}
	kept = pairs[:0]
	for _, p := range pairs {
		b := p.b
		if b.in == nil {
			continue
		}
		regs := b.in.regs
		e := g.vn.effect(&regs, b.stmts[0])
		if b.in.isAvail(e.vn) && regs[regA] != e.vn {
			kept = append(kept, p)
		}
	}
	pairs = kept
	if len(pairs) < 2 {
		return false
	}
	// Each rewrite looks at the whole graph: a bounded number of them
	// keeps the pass linear in the program's size.
	if len(pairs) > xMaxPairs {
		pairs = pairs[:xMaxPairs]
	}
	before := g.size()
	c, m := g.clone()
	applied := 0
	for _, p := range pairs {
		if c.cacheInX(m[p.d], m[p.b]) {
			applied++
		}
	}
	if applied < 2 {
		return false
	}
	c.run()
	c.order()
	if c.size() >= before {
		return false
	}
	g.root, g.blocks = c.root, c.blocks
	g.cloned = true
	g.ordered, g.live, g.swept = false, false, false
	return true
}

// xPair is a candidate of xcache: b's first statement reloads what d
// loaded.
type xPair struct{ d, b *oBlock }

// xRest is what xcache's rewrite of a candidate leaves to compare: the
// block's branch, successors, length and a hash of its statements after
// the first.
type xRest struct {
	code   uint16
	k      uint32
	jt, jf *oBlock
	n      int
	h      uint64
}

// stmtTable maps statements to blocks: an open-addressing hash table
// whose arrays are kept from call to call.
type stmtTable struct {
	slots []int32 // index into keys plus one, 0 for an empty slot
	keys  []oStmt
	vals  []*oBlock
}

// reset empties the table, which grows as statements are added (one
// that a large program grew starts small again).
func (t *stmtTable) reset() {
	if len(t.slots) == 0 || len(t.slots) > 1024 {
		t.slots = make([]int32, 16)
	} else {
		clear(t.slots)
	}
	t.keys, t.vals = t.keys[:0], t.vals[:0]
}

// done drops the table's references to blocks.
func (t *stmtTable) done() {
	clear(t.vals)
}

func (t *stmtTable) find(s oStmt) uint64 {
	mask := uint64(len(t.slots) - 1)
	h := (uint64(s.code)<<32 | uint64(s.k)) * 0x9e3779b97f4a7c15
	i := (h ^ h>>29) & mask
	for t.slots[i] != 0 && t.keys[t.slots[i]-1] != s {
		i = (i + 1) & mask
	}
	return i
}

// get returns the block recorded for s, nil if there is none.
func (t *stmtTable) get(s oStmt) *oBlock {
	if id := t.slots[t.find(s)]; id != 0 {
		return t.vals[id-1]
	}
	return nil
}

// set records b for s.
func (t *stmtTable) set(s oStmt, b *oBlock) {
	i := t.find(s)
	if id := t.slots[i]; id != 0 {
		t.vals[id-1] = b
		return
	}
	t.keys = append(t.keys, s)
	t.vals = append(t.vals, b)
	if 2*len(t.keys) <= len(t.slots) {
		t.slots[i] = int32(len(t.keys))
		return
	}
	t.slots = make([]int32, 2*len(t.slots))
	for id, k := range t.keys {
		t.slots[t.find(k)] = int32(id + 1)
	}
}

// indexStmt returns the index of the last statement of stmts equal to s,
// or -1.
func indexStmt(stmts []oStmt, s oStmt) int {
	for i := len(stmts) - 1; i >= 0; i-- {
		if stmts[i] == s {
			return i
		}
	}
	return -1
}

// cacheInX rewrites b's first statement, a reload of what d's last load
// of the same field gave, into "txa", with "tax" after that load, if X is
// free in between. It reports whether it did.
func (g *oGraph) cacheInX(d, b *oBlock) bool {
	// A rewrite changes statements, not edges: the order of the copy
	// stays right from call to call, and the liveness is recomputed only
	// after a call that rewrote.
	g.ensureOrder()
	g.ensureLive()
	const x = 1 << regX
	if b.liveIn&x != 0 {
		return false
	}
	i := indexStmt(d.stmts, b.stmts[0])
	if i < 0 || d.usesAfter(i+1, regX) {
		return false
	}
	for _, s := range d.stmts[i+1:] {
		if stmtDefs(s)&x != 0 {
			return false
		}
	}
	region, ok := g.region(d, b)
	if !ok {
		return false
	}
	for _, r := range region {
		if r == d {
			continue
		}
		for _, s := range r.stmts {
			if stmtDefs(s)&x != 0 {
				return false
			}
		}
	}
	stmts := make([]oStmt, 0, len(d.stmts)+1)
	stmts = append(stmts, d.stmts[:i+1]...)
	stmts = append(stmts, oStmt{code: ClassMISC | MiscTAX})
	d.stmts = append(stmts, d.stmts[i+1:]...)
	b.stmts = append([]oStmt{{code: ClassMISC | MiscTXA}}, b.stmts[1:]...)
	g.live, g.swept = false, false
	return true
}

// clone returns a copy of the graph and the map from its blocks to the
// copies.
func (g *oGraph) clone() (*oGraph, map[*oBlock]*oBlock) {
	m := make(map[*oBlock]*oBlock, len(g.blocks))
	for _, b := range g.blocks {
		m[b] = &oBlock{stmts: append([]oStmt(nil), b.stmts...), code: b.code, k: b.k}
	}
	for _, b := range g.blocks {
		if !b.isRet() {
			m[b].jt, m[b].jf = m[b.jt], m[b.jf]
		}
	}
	c := &oGraph{root: m[g.root]}
	c.order()
	return c, m
}
