package cbpf

// regroup reorders the tests of "or" and "and" chains so that tests of the
// same value sit together and the reloads between them go away:
// "host h1 or host h2 ..." tests the source, the destination, the source,
// the destination... and becomes source, source..., destination,
// destination....
//
// An "or" chain is a run of blocks, each the only way into the next, that
// all jump to the same block T when their comparison holds and to the next
// block otherwise (an "and" chain: the same with the edges swapped). Its
// outcome does not depend on the order of its tests, except through loads
// that fail: a load past the end of the packet rejects it at once. So:
//
//   - when T returns 0, a failing load gives T's verdict anyway and any
//     order keeps every verdict;
//   - otherwise a block whose load could fail (one not already run on every
//     path to it, nor earlier in the chain) is a barrier: it stays where it
//     is and starts a segment, and only the blocks after it that cannot
//     fail, up to the next barrier, are reordered.
//
// Blocks other than the first may only set A; A must not be read at T or
// after the chain, and blocks after the first are moved with their
// statements, so the reloads they hold become redundant where the value is
// already in A (opt_redundant.go removes them). The change is kept only
// when the program gets shorter.
func (g *oGraph) regroup() bool {
	g.ensureOrder()
	g.ensureLive()
	// Predecessor counts, and the one predecessor of blocks that have one
	// (its position: clearing positions writes no pointers).
	npred := scratch(&g.npred, len(g.blocks))
	pred := scratch(&g.pred, len(g.blocks))
	for i, b := range g.blocks {
		if b.isRet() {
			continue
		}
		npred[b.jt.idx]++
		pred[b.jt.idx] = int32(i)
		if b.jf != b.jt {
			npred[b.jf.idx]++
			pred[b.jf.idx] = int32(i)
		}
	}
	// Look for chains before computing the states. A chain starts at a
	// block that does not continue one of the same kind from its
	// predecessor, so that each chain is measured once.
	heads, ors := g.heads[:0], g.ors[:0]
	for _, b := range g.blocks {
		if b.isRet() || b.jump() {
			continue
		}
		for _, or := range [2]bool{true, false} {
			if continues(b, or, npred, g.blocks[pred[b.idx]]) {
				continue
			}
			if n := chainLen(b, or, npred); n >= 3 || n == 2 && g.mayLead(b) {
				heads = append(heads, b)
				ors = append(ors, or)
			}
		}
	}
	changed := false
	if len(heads) > 0 {
		changed = g.regroupHeads(heads, ors, npred)
	}
	clear(heads)
	g.heads, g.ors = heads[:0], ors[:0]
	if changed {
		g.ordered, g.live, g.swept = false, false, false
	}
	return changed
}

// mayLead reports whether a chain of two blocks starting at head could be
// reordered. regroupFrom needs three blocks with a fixed head, so only a
// movable head can lead such a chain: one that only sets A, from scratch.
// And the root cannot: the virtual block before it leaves A the constant
// 0, which groups with nothing, so the order found is the one there is
// (see regroupFrom). Leaving these out spares the sweep and the states of
// the common small programs, whose one chain is the root's two tests.
func (g *oGraph) mayLead(head *oBlock) bool {
	if head == g.root || !onlySetsA(head) {
		return false
	}
	r, ok := fromScratch(head.stmts, false)
	return ok && r != nil
}

// regroupHeads rewrites the chains starting at heads (a chain of the kind
// ors[i] at heads[i]) where regrouping pays, and reports whether it
// rewrote any.
func (g *oGraph) regroupHeads(heads []*oBlock, ors []bool, npred []int) bool {
	if !g.swept {
		g.sweep() // entry states for the value numbers
	}
	// Chains are disjoint but for a block that ends one and starts
	// another, and rewriting a chain changes only its own blocks' edges
	// and statements (only A, which is dead after it): the states of the
	// blocks of the others stay true. A block once rewritten is left to
	// the next call.
	g.epoch++
	g.predLists = nil
	changed := false
	for i, b := range heads {
		if b.in == nil || b.mark == g.epoch {
			continue
		}
		if g.regroupChain(b, ors[i], npred) {
			changed = true
		}
	}
	g.predLists = nil
	return changed
}

// continues reports whether b is a block of a chain of the kind or that
// starts at its predecessor p (any block when b has several).
func continues(b *oBlock, or bool, npred []int, p *oBlock) bool {
	if npred[b.idx] != 1 || !onlySetsA(b) {
		return false
	}
	if p.isRet() || p.jump() {
		return false
	}
	if or {
		return p.jf == b && p.jt == b.jt
	}
	return p.jt == b && p.jf == b.jf
}

// chainLen returns the length of the chain starting at head, without
// looking at the states, up to 3.
func chainLen(head *oBlock, or bool, npred []int) int {
	n := 1
	t, b := head.jf, head.jt
	if or {
		t, b = head.jt, head.jf
	}
	for ; !b.isRet() && !b.jump() && npred[b.idx] == 1 && onlySetsA(b) && n < 3; n++ {
		if or {
			if b.jt != t {
				break
			}
			b = b.jf
		} else {
			if b.jf != t {
				break
			}
			b = b.jt
		}
	}
	return n
}

// regroupChain tries the chain starting at head, with the head movable
// if it can be, else fixed.
func (g *oGraph) regroupChain(head *oBlock, or bool, npred []int) bool {
	return g.regroupFrom(head, or, npred, true) || g.regroupFrom(head, or, npred, false)
}

// regroupFrom tries the chain starting at head; movable allows the head
// to move.
//
// When the head itself only sets A, computing it from scratch, it may move
// too: the chain is then sorted behind a virtual first block holding the
// value A has on entry to the head, so that a test of that value goes
// first and needs no load ("host a and host b" tests the source against
// b right after finding it is not a, before loading the destination).
func (g *oGraph) regroupFrom(head *oBlock, or bool, npred []int, movable bool) bool {
	t := chainExit(head, or)
	chain := append(g.chain[:0], head)
	for b := chainNext(head, or); !b.isRet() && !b.jump() && b.in != nil && chainExit(b, or) == t && npred[b.idx] == 1 && b.mark != g.epoch; b = chainNext(b, or) {
		if !onlySetsA(b) {
			break
		}
		chain = append(chain, b)
	}
	ok := g.regroupBlocks(chain, or, movable)
	clear(chain)
	g.chain = chain[:0]
	return ok
}

// chainExit returns the common target of a chain's block b: where its
// comparison sends it when it holds in an "or" chain, when it does not in
// an "and" chain.
func chainExit(b *oBlock, or bool) *oBlock {
	if or {
		return b.jt
	}
	return b.jf
}

// chainNext returns the block after b in its chain.
func chainNext(b *oBlock, or bool) *oBlock {
	if or {
		return b.jf
	}
	return b.jt
}

// regroupBlocks reorders chain, a chain of the kind or, for regroupFrom.
func (g *oGraph) regroupBlocks(chain []*oBlock, or, movable bool) bool {
	if len(chain) < 2 || !movable && len(chain) < 3 {
		return false
	}
	head, last, t := chain[0], chain[len(chain)-1], chainExit(chain[0], or)
	if len(chain) == 2 {
		// Only a movable head, behind the virtual block: the second
		// block moves before the head when it compares the value A
		// holds on entry to the head, which a constant never is (the
		// sort below does not group constants).
		if a := head.in.regs[regA]; a <= 0 {
			return false
		} else if _, ok := g.vn.constOf(a); ok {
			return false
		}
	}
	const a = 1 << regA
	if t.liveIn&a != 0 || chainNext(last, or).liveIn&a != 0 {
		return false
	}
	rejects := t.isRet() && t.code == ClassRET|SrcK && t.k == 0
	// Slot 0 of the arrays below is the first block, which keeps its
	// place; with a movable head it is a virtual block before the head,
	// and the chain's blocks are at 1, 2, ...
	virt := false
	if r, ok := fromScratch(head.stmts, false); movable && ok && r != nil && onlySetsA(head) {
		virt = true
	} else if movable {
		return false
	}
	if !virt && len(chain) < 3 {
		return false
	}
	n := len(chain)
	off := 0
	if virt {
		n++
		off = 1
	}
	block := func(i int) *oBlock { return chain[i-off] }
	// Segments and the value each block compares.
	vals := scratch(&g.vals, n)
	seg := scratch(&g.seg, n)
	g.chainAvail.avail = append(g.chainAvail.avail[:0], head.in.avail...)
	g.chainAvail.tab = &g.vn
	avail := &g.chainAvail
	s := 0
	if virt {
		vals[0] = head.in.regs[regA]
	}
	for i := off; i < n; i++ {
		b := block(i)
		regs := b.in.regs
		barrier := false
		for _, st := range b.stmts {
			e := g.vn.effect(&regs, st)
			regs[e.def] = e.vn
			if e.failable && !avail.isAvail(e.vn) {
				barrier = true
				avail.setAvail(e.vn)
			}
		}
		vals[i] = regs[regA]
		if i > 0 && barrier && !rejects {
			if i == 1 && virt {
				return false // the head is a barrier: it keeps its place
			}
			s++
		}
		seg[i] = s
	}
	// Reorder each segment after its first block: first the blocks
	// comparing the value the first block leaves in A, then the others
	// grouped by value in order of appearance.
	order := append(g.chainOrder[:0], 0)
	changed := false
	for i := 1; i < n; {
		start := i
		if seg[i] != seg[i-1] {
			order = append(order, i) // a barrier keeps its place
			start = i + 1
		}
		end := start
		for end < n && seg[end] == seg[i] {
			end++
		}
		prev := vals[start-1]
		// Group indexes in order of first appearance, the value left
		// in A by the block before the segment first.
		group := &g.groups
		group.reset()
		if _, ok := g.vn.constOf(prev); !ok && prev > 0 {
			group.index(prev)
		}
		gidx := scratch(&g.groupIdx, end)
		for j := start; j < end; j++ {
			gidx[j] = group.index(vals[j])
		}
		// A stable counting sort of the segment by group.
		counts := scratch(&g.groupCount, group.len()+1)
		for j := start; j < end; j++ {
			counts[gidx[j]+1]++
		}
		for k := 1; k < len(counts); k++ {
			counts[k] += counts[k-1]
		}
		base := len(order)
		order = append(order, make([]int, end-start)...)
		for j := start; j < end; j++ {
			k := gidx[j]
			pos := base + counts[k]
			counts[k]++
			if pos != j {
				changed = true
			}
			order[pos] = j
		}
		i = end
	}
	g.chainOrder = order[:0] // its room, for the next chain
	if !changed {
		return false
	}
	// Each value gets the statements that compute it from scratch, taken
	// from the first block that does (a fixed first block's from its
	// last load into A on).
	recipe := make(map[int32][]oStmt)
	for i := off; i < n; i++ {
		r, ok := fromScratch(block(i).stmts, i == 0)
		if !ok {
			if i > 0 {
				return false
			}
			continue
		}
		if r != nil && recipe[vals[i]] == nil {
			recipe[vals[i]] = r
		}
	}
	oldLen, newLen := 0, 0
	for i := 1; i < n; i++ {
		oldLen += len(block(i).stmts)
	}
	stmts := make([][]oStmt, n)
	for i := 1; i < len(order); i++ {
		j := order[i]
		if vals[j] == vals[order[i-1]] {
			continue
		}
		r, ok := recipe[vals[j]]
		if !ok {
			return false
		}
		stmts[j] = r
		newLen += len(r)
	}
	if newLen >= oldLen {
		return false
	}
	end := chainNext(last, or)
	for _, b := range chain {
		b.mark = g.epoch
	}
	end.mark = g.epoch
	if virt {
		// The head's predecessors go to the new first block.
		first := block(order[1])
		if first != head {
			g.redirect(head, first)
		}
	}
	for i, j := range order {
		if j == 0 && virt {
			continue
		}
		b := block(j)
		if j > 0 {
			b.stmts = append([]oStmt(nil), stmts[j]...)
		}
		nx := end
		if i+1 < len(order) {
			nx = block(order[i+1])
		}
		if or {
			b.jf = nx
		} else {
			b.jt = nx
		}
	}
	return true
}

// redirect makes every edge into from go to to instead (and the root).
// The predecessor lists it uses are made once per regroup call: the
// blocks whose edges a rewrite changes are all marked, and never
// redirected again in the same call.
func (g *oGraph) redirect(from, to *oBlock) {
	if g.root == from {
		g.root = to
	}
	if g.predLists == nil {
		g.predLists = make(map[*oBlock][]*oBlock, len(g.blocks))
		for _, p := range g.blocks {
			if p.isRet() {
				continue
			}
			g.predLists[p.jt] = append(g.predLists[p.jt], p)
			if p.jf != p.jt {
				g.predLists[p.jf] = append(g.predLists[p.jf], p)
			}
		}
	}
	for _, p := range g.predLists[from] {
		if p.jt == from {
			p.jt = to
		}
		if p.jf == from {
			p.jf = to
		}
	}
}

// fromScratch returns the statements at the end of stmts that compute A
// without reading A (from the last load into A on), setting nothing else:
// all of them, or with tail, only a suffix. It returns nil, true for no
// statements and false when A depends on its value on entry.
func fromScratch(stmts []oStmt, tail bool) ([]oStmt, bool) {
	if len(stmts) == 0 {
		return nil, true
	}
	start := -1
	for i := len(stmts) - 1; i >= 0; i-- {
		s := stmts[i]
		if stmtDefs(s) != 1<<regA {
			break
		}
		if stmtUses(s)&(1<<regA) == 0 {
			start = i
			break
		}
	}
	if start < 0 || !tail && start > 0 {
		return nil, false
	}
	return stmts[start:], true
}

// onlySetsA reports whether b's statements set no register but A.
func onlySetsA(b *oBlock) bool {
	for _, s := range b.stmts {
		if stmtDefs(s) != 1<<regA {
			return false
		}
	}
	return true
}

// valueGroups numbers values in order of first appearance: a list
// searched from the start while it is short (a chain compares few
// values), with a map beside it once it is not.
type valueGroups struct {
	vals []int32
	idx  map[int32]int
}

// valueGroupsLinear is how many values are searched in the list before
// the map is built.
const valueGroupsLinear = 16

func (v *valueGroups) reset() {
	v.vals = v.vals[:0]
	if v.idx != nil {
		clear(v.idx)
	}
}

func (v *valueGroups) len() int { return len(v.vals) }

// index returns x's number, giving it the next one on first sight.
func (v *valueGroups) index(x int32) int {
	if len(v.vals) <= valueGroupsLinear {
		for i, y := range v.vals {
			if y == x {
				return i
			}
		}
	} else if i, ok := v.idx[x]; ok {
		return i
	}
	v.vals = append(v.vals, x)
	n := len(v.vals) - 1
	switch {
	case len(v.vals) == valueGroupsLinear+1:
		if v.idx == nil {
			v.idx = make(map[int32]int)
		}
		for i, y := range v.vals {
			v.idx[y] = i
		}
	case len(v.vals) > valueGroupsLinear+1:
		v.idx[x] = n
	}
	return n
}
