package cbpf

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/parser"
)

// This file holds the optimizer's intermediate form and its driver. The
// optimizer works on a copy of the generator's block graph (an acyclic
// graph: every block is a list of statements ending in a conditional
// branch or a return) and runs these passes to a fixpoint:
//
//   - opt_flow.go: the forward analysis every pass builds on, value
//     numbering of registers and scratch slots, the comparisons known to
//     hold on every path into a block, and the loads that cannot fail
//     because they already ran on every path;
//   - opt_redundant.go: statements that recompute what a register already
//     holds, and branches whose outcome is known on entry;
//   - opt_thread.go: jump threading, which sends an edge past a block whose
//     outcome is known on that edge and whose statements do not matter;
//   - opt_dead.go: statements whose result is never used;
//   - opt_merge.go: identical blocks merged, empty jumps bypassed;
//   - opt_layout.go: the final program, with long jumps where a branch is
//     too far for its 8-bit offset.
//
// Every pass keeps the verdict of the Linux socket-filter semantics the
// reference VM implements, including that a load past the end of the
// packet rejects it: a load is only ever removed where the same load has
// already succeeded on every path, or where it recomputes a value a
// register holds.

// oStmt is a non-branching instruction.
type oStmt struct {
	code uint16
	k    uint32
}

// oBlock is a basic block of the optimizer's graph. A return has no
// successors; a branch has both, and jt == jf makes it an unconditional
// jump whose comparison is ignored. newBlock resets each field by name:
// a field added here must be reset there too (TestNewBlockZero checks).
type oBlock struct {
	stmts  []oStmt
	code   uint16
	k      uint32
	jt, jf *oBlock

	idx    int     // position in the graph's order
	mark   int     // traversal epoch
	fwd    *oBlock // set by merge: the block that replaces this one
	liveIn uint32  // registers live on entry (see opt_dead.go)

	in      *oState // entry state, set by a sweep
	pending *oState // meet of the incoming edges seen so far
}

func (b *oBlock) isRet() bool { return b.code&0x07 == ClassRET }

// jump reports whether b ends in an unconditional jump.
func (b *oBlock) jump() bool { return !b.isRet() && b.jt == b.jf }

// oGraph is the graph being optimized.
type oGraph struct {
	root        *oBlock
	blocks      []*oBlock // reachable blocks, each before its successors
	epoch       int
	vn          vnTable
	free        []*oState // states to reuse (see copyState)
	safe        []bool    // scratch slices of dead
	keep        []bool
	stack       []oVisit // scratch stack of order
	seen        []int32  // scratch table of merge
	deadAvail   oState   // scratch availability of dead
	start       []int    // scratch slices of layout
	longT       []bool
	longF       []bool
	npred       []int // scratch slices of regroup
	heads       []*oBlock
	ors         []bool
	chain       []*oBlock // scratch of regroupChain
	vals        []int32
	seg         []int
	chainOrder  []int
	groups      valueGroups
	groupIdx    []int
	groupCount  []int
	pred        []int32
	predLists   map[*oBlock][]*oBlock // see redirect
	threadFacts []oFact               // scratch of threadSet
	local       []int32               // scratch of dropRecompute
	memoA       []int32
	memoE       []stmtEffect
	leader      []bool // scratch of split
	starts      []int
	seg1        []*oBlock
	xPairs      []xPair // scratch of xcache
	xKeep       []bool
	xLast       stmtTable
	xFirst      map[xRest]int
	chainAvail  oState
	withInd     []*oBlock // scratch of xmerge
	withAbs     []*oBlock
	xSaved      []blockSave
	xMemo       map[xKey]bool

	// exit is the exit state a visitor computed for block exitOf, for
	// the sweep to use (see setExit).
	exitOf *oBlock
	exit   *oState

	// ordered says that blocks and each block's idx follow the graph as
	// it is (see order); live, that each block's liveIn does (see
	// liveness). Passes that change the graph clear them; ensureOrder
	// and ensureLive recompute what is out of date.
	ordered, live bool
	// swept says that each block's entry state (in) and the value table
	// are what a sweep computes on the graph as it is: the last sweep
	// changed nothing, and nothing has changed since.
	swept bool

	arena []*[genChunk]oBlock // blocks to reuse (see newBlock)
	used  int                 // blocks of arena in use
	// cloned says that the blocks are not (all) the arena's: xcache
	// adopted those of a copy of the graph.
	cloned bool
}

// optMaxRounds bounds the fixpoint loop; every round that changes
// something makes the program strictly smaller or simpler, so it is only a
// guard.
const optMaxRounds = 64

// optimize optimizes the finished block graph rooted at root and lays it
// out. It returns nil, nil for a graph it leaves alone: one with
// protochain's loops, which libpcap does not optimize either. An
// expression that can match no packet is the error libpcap reports.
func (c *compiler) optimize(root *block) ([]bpf.RawInstruction, error) {
	g := optPool.Get().(*oGraph)
	defer g.recycle()
	if !g.fromBlocks(root) {
		return nil, nil
	}
	g.run()
	for i := 0; i < optMaxRounds && g.regroup(); i++ {
		g.run()
	}
	for i := 0; i < optMaxRounds && g.xmerge(); i++ {
		g.run()
	}
	if g.xcache() {
		g.run()
	}
	if g.root.isRet() && g.root.code == ClassRET|SrcK && g.root.k == 0 && !c.libpcapSkipsOptimizer {
		c.failKind(parser.KindRejectsAll, "expression rejects all packets")
	}
	return g.layout()
}

// run applies the passes until none changes the graph.
//
// A round whose sweep and dead changed nothing left the graph as the sweep
// found it; if merge then changes nothing either, the next sweep would see
// the same graph, with the same liveness, and find nothing again, so the
// loop stops without it.
func (g *oGraph) run() {
	settled := false
	for round := 0; round < optMaxRounds; round++ {
		changed := g.merge()
		if settled && !changed {
			return
		}
		s := g.sweepPasses()
		d := g.dead()
		if !changed && !s && !d {
			return
		}
		settled = !s && !d
	}
}

// fromBlocks copies the generator's graph, splitting blocks whose
// statements jump forward inside the block (vlan's metadata test) into
// blocks of their own. It reports false for a graph with a backward jump
// (protochain's loops) or an opcode the optimizer does not model.
func (g *oGraph) fromBlocks(root *block) bool {
	ok := true
	g.root = g.conv(root, &ok)
	if !ok {
		return false
	}
	g.order()
	return true
}

// conv returns the optimizer's block for the generator's block b, making it
// (and its successors') on first use; b.opt remembers it. It clears *ok for
// a graph the optimizer does not model.
func (g *oGraph) conv(b *block, ok *bool) *oBlock {
	if b.opt != nil {
		return b.opt
	}
	// The final branch.
	last := g.newBlock()
	last.code, last.k = b.code, b.k
	switch b.code & 0x07 {
	case ClassRET:
	case ClassJMP:
		if b.jt == nil || b.jf == nil || b.code&0xf0 == JumpJA {
			*ok = false
		}
	default:
		*ok = false
	}
	// The common case: no jump among the statements.
	plain := true
	for _, s := range b.stmts {
		if s.code&0x07 == ClassJMP || s.jt != nil || s.jf != nil || !stmtKnown(s.code) {
			plain = false
			break
		}
	}
	if plain {
		for _, s := range b.stmts {
			last.stmts = append(last.stmts, oStmt{s.code, s.k})
		}
		b.opt = last
		if !last.isRet() && *ok {
			last.jt = g.conv(b.jt, ok)
			last.jf = g.conv(b.jf, ok)
		}
		return last
	}
	first := g.split(b, last, ok)
	if !*ok {
		return last
	}
	b.opt = first
	if !last.isRet() {
		last.jt = g.conv(b.jt, ok)
		last.jf = g.conv(b.jf, ok)
	}
	return first
}

// split makes blocks of the statements of b, which jump forward inside
// it: it returns the first, and last, which carries b's branch, is the
// one reaching the end of the statements.
func (g *oGraph) split(b *block, last *oBlock, ok *bool) *oBlock {
	// Where the statements' jumps lead, as statement indexes.
	n := len(b.stmts)
	leader := scratch(&g.leader, n+1)
	leader[0] = true
	index := func(t *stmt) int {
		for j, s := range b.stmts {
			if s == t {
				return j
			}
		}
		return -1
	}
	for i, s := range b.stmts {
		if s.code&0x07 != ClassJMP {
			if s.jt != nil || s.jf != nil || !stmtKnown(s.code) {
				*ok = false
			}
			continue
		}
		var targets [2]int
		nt := 2
		if s.code&0xf0 == JumpJA {
			targets[0], nt = i+1+int(int32(s.k)), 1
		} else {
			targets = [2]int{index(s.jt), index(s.jf)}
		}
		for _, t := range targets[:nt] {
			if t <= i || t > n {
				*ok = false
				continue
			}
			leader[t] = true
		}
		leader[i+1] = true
	}
	if !*ok {
		return last
	}
	// Split at the leaders: segment [l, next leader) becomes a block;
	// the one reaching the end carries b's branch.
	starts := g.starts[:0]
	defer func() { g.starts = starts[:0] }()
	for i := 0; i <= n; i++ {
		if leader[i] {
			starts = append(starts, i)
		}
	}
	seg := scratch(&g.seg1, n+1)
	defer clear(seg)
	for j, l := range starts {
		end := n
		if j+1 < len(starts) {
			end = starts[j+1]
		}
		o := last
		if end < n || j+1 < len(starts) {
			o = g.newBlock()
			o.code = ClassJMP | JumpJEQ
		}
		for _, st := range b.stmts[l:end] {
			o.stmts = append(o.stmts, oStmt{st.code, st.k})
		}
		seg[l] = o
	}
	for j, l := range starts {
		o := seg[l]
		if o == last {
			continue
		}
		end := starts[j+1]
		if k := len(o.stmts); k > 0 && o.stmts[k-1].code&0x07 == ClassJMP {
			js := b.stmts[end-1]
			o.stmts = o.stmts[:k-1]
			if js.code&0xf0 == JumpJA {
				o.jt = seg[end+int(int32(js.k))]
				o.jf = o.jt
			} else {
				o.code, o.k = js.code, js.k
				o.jt, o.jf = seg[index(js.jt)], seg[index(js.jf)]
			}
		} else {
			o.jt, o.jf = seg[end], seg[end]
		}
	}
	return seg[0]
}

// newBlock returns a zero block from the graph's arena, keeping the room
// its statements had in an earlier compilation.
//
// It is *b = oBlock{stmts: b.stmts[:0]}, written field by field so that
// pointers already nil are not written again: while the collector marks,
// every pointer written costs a write barrier, and a block used before
// has most of them nil already (recycle drops its states).
func (g *oGraph) newBlock() *oBlock {
	b := nextSlot(&g.arena, &g.used)
	b.stmts = b.stmts[:0]
	b.code, b.k = 0, 0
	if b.jt != nil || b.jf != nil {
		b.jt, b.jf = nil, nil
	}
	b.idx, b.mark, b.liveIn = 0, 0, 0
	if b.fwd != nil {
		b.fwd = nil
	}
	if b.in != nil || b.pending != nil {
		b.in, b.pending = nil, nil
	}
	return b
}

// optPool holds graphs whose tables, states and scratch space the next
// optimization reuses.
var optPool = sync.Pool{New: func() any { return new(oGraph) }}

// recycle returns g to optPool, keeping its states and tables.
func (g *oGraph) recycle() {
	if g.cloned {
		for _, b := range g.blocks {
			b.releaseStates(g)
		}
		g.cloned = false
	}
	for i := 0; i < g.used; i++ {
		g.arena[i/genChunk][i%genChunk].releaseStates(g)
	}
	g.used = 0
	g.ordered, g.live, g.swept = false, false, false
	if len(g.vn.slots) > 1024 {
		// One large program should not make every later reset slow.
		g.vn.slots, g.vn.start = nil, nil
	}
	clear(g.blocks)
	g.blocks = g.blocks[:0]
	g.root = nil
	optPool.Put(g)
}

// scratch returns (*s)[:n] cleared, growing *s if needed.
func scratch[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	}
	*s = (*s)[:n]
	clear(*s)
	return *s
}

// stmtKnown reports whether code is a statement the optimizer models.
func stmtKnown(code uint16) bool {
	switch code & 0x07 {
	case ClassLD:
		switch code & 0xe0 {
		case ModeIMM, ModeLEN, ModeMEM:
			return code&0x18 == SizeW
		case ModeABS, ModeIND:
			return code&0x18 != 0x18
		}
	case ClassLDX:
		switch code {
		case ClassLDX | ModeIMM, ClassLDX | ModeMEM, ClassLDX | ModeLEN, ClassLDX | ModeMSH | SizeB:
			return true
		}
	case ClassST, ClassSTX:
		return code&^0x07 == 0
	case ClassALU:
		switch code & 0xf0 {
		case ALUAdd, ALUSub, ALUMul, ALUDiv, ALUOr, ALUAnd, ALULsh, ALURsh, ALUMod, ALUXor:
			return true
		case ALUNeg:
			return code&SrcX == 0
		}
	case ClassMISC:
		return code == ClassMISC|MiscTAX || code == ClassMISC|MiscTXA
	}
	return false
}

// order lists the reachable blocks in the order the layout places them:
// depth first, a block before its true branch's blocks and those before
// its false branch's (reverse postorder visiting the false edge first).
// Every edge goes forward in this order.
func (g *oGraph) order() {
	g.epoch++
	post := g.blocks[:0]
	// An explicit stack of blocks, each with how many of its edges have
	// been followed.
	stack := g.stack[:0]
	g.root.mark = g.epoch
	stack = append(stack, oVisit{g.root, 0})
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		b := top.b
		var next *oBlock
		switch top.step {
		case 0:
			top.step = 1
			next = b.jf
		case 1:
			top.step = 2
			if b.jt != b.jf {
				next = b.jt
			}
		default:
			post = append(post, b)
			stack = stack[:len(stack)-1]
			continue
		}
		if next != nil && next.mark != g.epoch {
			next.mark = g.epoch
			stack = append(stack, oVisit{next, 0})
		}
	}
	g.stack = stack
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	for i, b := range post {
		b.idx = i
	}
	g.blocks = post
	g.ordered = true
}

// ensureOrder orders the blocks unless they are in order already.
func (g *oGraph) ensureOrder() {
	if !g.ordered {
		g.order()
	}
}

// ensureLive computes the liveness unless it is up to date.
func (g *oGraph) ensureLive() {
	if !g.live {
		g.liveness()
	}
}

// oVisit is an entry of order's stack.
type oVisit struct {
	b    *oBlock
	step int
}

// String prints the graph, one block per line, for tests and debugging.
func (g *oGraph) String() string {
	s := ""
	for _, b := range g.blocks {
		s += fmt.Sprintf("B%d:", b.idx)
		for _, st := range b.stmts {
			s += " " + strings.Join(strings.Fields(Image(bpf.RawInstruction{Op: st.code, K: st.k}, 0)[6:]), " ") + ";"
		}
		if b.isRet() {
			s += fmt.Sprintf(" ret(0x%x,%d)\n", b.code, b.k)
		} else {
			s += fmt.Sprintf(" j(0x%x,#0x%x) B%d B%d\n", b.code, b.k, b.jt.idx, b.jf.idx)
		}
	}
	return s
}
