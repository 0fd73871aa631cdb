package cbpf

import (
	"math/bits"
	"slices"
)

// This file is the forward analysis the optimizer's passes share.
//
// Values are numbered: two computations get the same number when they
// compute the same function of the packet (the same load, the same
// arithmetic on the same numbered operands, the same constant). The graph
// is acyclic and the packet never changes, so a number means the same value
// wherever it is computed. A sweep visits the blocks in order (each after
// all its predecessors) and gives each block its entry state:
//
//   - regs: the value number each register holds on every path into the
//     block; where paths disagree, a fresh number standing for "whatever
//     arrives here";
//   - facts: the comparisons whose outcome is the same on every path into
//     the block ("value 7 == 0x800 was true");
//   - avail: the values that could fail to compute (loads, division by X)
//     and have been computed on every path, so computing them again cannot
//     fail.

// Register indexes in a state: scratch slots M[0..15], then A and X.
const (
	regA  = 16
	regX  = 17
	nRegs = 18
)

// Value-number operators beyond instruction opcodes.
const (
	vnOpConst = 0xffff // constant k
	vnOpPhi   = 0xfffe // register b of the block at position a on entry
)

type vnKey struct {
	op   uint16
	a, b int32
	k    uint32
}

// vnTable numbers values; number 0 is never used. It is an open-addressing
// hash table over keys, reused from sweep to sweep.
type vnTable struct {
	slots []int32 // value number, 0 for an empty slot; len is a power of 2
	keys  []vnKey

	// The table as reset leaves it, for the current len(slots).
	start []int32

	consts [64]vnConst // see constant

	// sets holds the constants of the set facts (factIn) of a sweep,
	// each sorted and without repeats.
	sets [][]uint32
	// setBuf holds the constants of sets, which are slices of it (or of
	// an earlier array when it grew), reused from sweep to sweep.
	setBuf []uint32
	// nodes holds the fact lists of a sweep's states; nodes[0] is not a
	// node (list 0 is the empty list).
	nodes  []factNode
	others []oFact // scratch of meetFacts

	// avail numbers the values that could fail densely, for the
	// availability bit sets of states: avail[v] is value v's bit plus
	// one, 0 while it has none; nAvail bits are given out.
	avail  []int32
	nAvail int32
	// availTop is one past the highest value given a bit since reset:
	// avail is zero from there on, so reset clears only up to it (a
	// large program leaves avail long, and most programs are small).
	availTop int32
}

// maxAvail bounds the values whose availability a state records: a value
// beyond it is never available, so that a state's size does not grow with
// the program's (a load past it is kept where it could have been removed).
const maxAvail = 4096

// vnRoot is the number of values every sweep numbers first: the root's
// registers on entry (one value for each, "whatever the program starts
// with"), then the constant 0, which A and X hold.
const vnRoot = nRegs + 1

// reset empties the table and numbers the root's values: register i on
// entry is value i+1 and the constant 0 is value nRegs+1.
func (t *vnTable) reset() {
	t.consts = [len(t.consts)]vnConst{}
	if t.slots == nil {
		t.slots = make([]int32, 256)
	}
	if len(t.start) != len(t.slots) {
		clear(t.slots)
		t.keys = append(t.keys[:0], vnKey{})
		for i := range nRegs {
			t.get(vnKey{op: vnOpPhi, a: -1, b: int32(i)})
		}
		t.constant(0)
		t.start = append(t.start[:0], t.slots...)
	}
	copy(t.slots, t.start)
	t.sets = t.sets[:0]
	t.setBuf = t.setBuf[:0]
	t.nodes = append(t.nodes[:0], factNode{})
	clear(t.avail[:t.availTop])
	t.nAvail, t.availTop = 0, 0
	t.keys = append(t.keys[:0], vnRootKeys[:]...)
}

// vnRootKeys are the keys of the values reset numbers: none for number 0,
// then the root's registers and the constant 0.
var vnRootKeys = func() (k [vnRoot + 1]vnKey) {
	for i := range nRegs {
		k[i+1] = vnKey{op: vnOpPhi, a: -1, b: int32(i)}
	}
	k[vnRoot] = vnKey{op: vnOpConst, k: 0}
	return k
}()

func (k vnKey) hash() uint64 {
	h := (uint64(k.op)<<32 | uint64(k.k)) * 0x9e3779b97f4a7c15
	h ^= (uint64(uint32(k.a))<<32 | uint64(uint32(k.b))) * 0xc2b2ae3d27d4eb4f
	return h ^ h>>31
}

func (t *vnTable) get(key vnKey) int32 {
	mask := uint64(len(t.slots) - 1)
	for i := key.hash() & mask; ; i = (i + 1) & mask {
		id := t.slots[i]
		if id == 0 {
			break
		}
		if t.keys[id] == key {
			return id
		}
	}
	id := int32(len(t.keys))
	t.keys = append(t.keys, key)
	if 2*len(t.keys) > len(t.slots) {
		t.grow()
	} else {
		t.insert(id)
	}
	return id
}

// insert places value number id in the table.
func (t *vnTable) insert(id int32) {
	mask := uint64(len(t.slots) - 1)
	i := t.keys[id].hash() & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = id
}

// grow doubles the table.
func (t *vnTable) grow() {
	t.slots = make([]int32, 2*len(t.slots))
	for id := 1; id < len(t.keys); id++ {
		t.insert(int32(id))
	}
}

// constant returns the number of the constant k. The constants of a
// program are few and looked up often (every "add #k" or "and #k" and
// "ld #k"): a small direct-mapped cache, emptied by reset, goes before
// the table.
func (t *vnTable) constant(k uint32) int32 {
	c := &t.consts[(k^k>>7^k>>16)&uint32(len(t.consts)-1)]
	if c.v != 0 && c.k == k {
		return c.v
	}
	v := t.get(vnKey{op: vnOpConst, k: k})
	c.k, c.v = k, v
	return v
}

// vnConst is an entry of vnTable's cache of constants.
type vnConst struct {
	k uint32
	v int32 // 0: empty
}

// upper returns a bound that value v never exceeds, found from how it is
// computed (a byte load is at most 255, an IP header length 60, a sum at
// most the sum of its operands' bounds...); 2^32-1 where nothing better
// is known. depth limits the look into operands.
func (t *vnTable) upper(v int32, depth int) uint64 {
	const top = 1<<32 - 1
	if v <= 0 || int(v) >= len(t.keys) || depth == 0 {
		return top
	}
	k := t.keys[v]
	sub := func(x int32) uint64 { return t.upper(x, depth-1) }
	switch {
	case k.op == vnOpConst:
		return uint64(k.k)
	case k.op == ClassLDX|ModeMSH|SizeB:
		return 60
	case k.op&0x07 == ClassLD && k.op&0x18 == SizeB && (k.op&0xe0 == ModeABS || k.op&0xe0 == ModeIND):
		return 0xff
	case k.op&0x07 == ClassLD && k.op&0x18 == SizeH && (k.op&0xe0 == ModeABS || k.op&0xe0 == ModeIND):
		return 0xffff
	case k.op&0x07 == ClassALU:
		a, b := sub(k.a), uint64(0)
		if k.op&0xf0 != ALUNeg {
			b = sub(k.b)
		}
		var r uint64
		switch k.op & 0xf0 {
		case ALUAdd:
			r = a + b
		case ALUAnd:
			r = min(a, b)
		case ALUOr, ALUXor:
			r = 1<<bits.Len64(max(a, b)) - 1
		case ALULsh:
			if b < 32 {
				r = a << b
			} else {
				r = top
			}
		case ALURsh, ALUDiv:
			r = a
		case ALUMul:
			if a <= top && b <= top {
				r = a * b
			} else {
				r = top
			}
		default:
			r = top
		}
		return min(r, top)
	}
	return top
}

// constOf returns the constant a value number stands for.
func (t *vnTable) constOf(v int32) (uint32, bool) {
	if v <= 0 || int(v) >= len(t.keys) || t.keys[v].op != vnOpConst {
		return 0, false
	}
	return t.keys[v].k, true
}

// oFact is the outcome of a comparison of value vn with constant k, or,
// with code factIn, that vn is one of the constants of set k of the value
// table (the meet of paths that each found it equal to one of them: the
// protocol check "tcp or udp or sctp" of "port 80").
type oFact struct {
	vn   int32
	code uint16 // JumpJEQ, JumpJGT, JumpJGE, JumpJSET or factIn
	k    uint32
	res  bool
}

// factList is a list of facts held in the value table's nodes: the index
// of its first node, 0 for the empty list. Lists share their tails, so
// copying a state copies no fact and adding one makes one node.
type factList int32

// factNode is one fact of a list and the rest of the list.
type factNode struct {
	f    oFact
	next factList
	n    int32 // facts in the list from this node on
}

// maxFacts bounds the facts of one state. A fact found when the list is
// full is not recorded: the older ones (the protocol checks that every
// term of a chain repeats) are worth more than one more "!=" from a long
// chain, and the bound keeps the analysis linear in the program's size.
const maxFacts = 64

func (t *vnTable) length(l factList) int32 {
	if l == 0 {
		return 0
	}
	return t.nodes[l].n
}

// add returns l with fact f added.
func (t *vnTable) add(l factList, f oFact) factList {
	n := t.length(l)
	if n >= maxFacts {
		return l
	}
	for i := l; i != 0; i = t.nodes[i].next {
		if t.nodes[i].f == f {
			return l
		}
	}
	t.nodes = append(t.nodes, factNode{f: f, next: l, n: n + 1})
	return factList(len(t.nodes) - 1)
}

// factIn is the code of a set fact.
const factIn = 0x80

// maxSetFact bounds the constants of a set fact.
const maxSetFact = 8

// oState is what is known at one point of the program.
type oState struct {
	regs  [nRegs]int32
	unk   uint32 // registers meet set to -1, as a bit mask
	facts factList
	avail []uint64 // bit set of value numbers, by tab.avail
	owner *oBlock  // the block whose in or pending state this is
	tab   *vnTable // the table numbering the values
}

// copyState returns a copy of s from the graph's pool of states.
func (g *oGraph) copyState(s *oState) *oState {
	var n *oState
	if k := len(g.free); k > 0 {
		n = g.free[k-1]
		g.free = g.free[:k-1]
	} else {
		n = &oState{}
	}
	n.regs = s.regs
	n.unk = s.unk
	if n.owner != nil {
		n.owner = nil // (pointers written only when they change: see newBlock)
	}
	n.facts = s.facts
	if cap(n.avail) >= len(s.avail) {
		n.avail = n.avail[:len(s.avail)] // no pointer written
		copy(n.avail, s.avail)
	} else {
		n.avail = append(n.avail[:0], s.avail...)
	}
	if n.tab != &g.vn {
		n.tab = &g.vn
	}
	return n
}

// releaseStates returns b's entry states to the pool. A block dropped
// from the graph and brought back may still point to a state another
// block owns now: only b's own go.
func (b *oBlock) releaseStates(g *oGraph) {
	if b.in != nil && b.in.owner == b {
		g.release(b.in)
	}
	if b.pending != nil && b.pending.owner == b {
		g.release(b.pending)
	}
	if b.in != nil || b.pending != nil {
		b.in, b.pending = nil, nil
	}
}

// release returns s to the pool.
func (g *oGraph) release(s *oState) {
	if s != nil {
		g.free = append(g.free, s)
	}
}

func (s *oState) isAvail(v int32) bool {
	t := s.tab
	if int(v) >= len(t.avail) || t.avail[v] == 0 {
		return false
	}
	i := t.avail[v] - 1
	w := int(i >> 6)
	return w < len(s.avail) && s.avail[w]&(1<<(uint(i)&63)) != 0
}

func (s *oState) setAvail(v int32) {
	t := s.tab
	if int(v) >= len(t.avail) {
		t.avail = append(t.avail, make([]int32, int(v)+1-len(t.avail))...)
	}
	if t.avail[v] == 0 {
		if t.nAvail == maxAvail {
			return
		}
		t.nAvail++
		t.avail[v] = t.nAvail
		t.availTop = max(t.availTop, v+1)
	}
	i := t.avail[v] - 1
	w := int(i >> 6)
	for len(s.avail) <= w {
		s.avail = append(s.avail, 0)
	}
	s.avail[w] |= 1 << (uint(i) & 63)
}

// meet narrows s to what also holds in o. Registers that differ become -1,
// to be given a fresh number when the block is reached. Where s and o
// each know a value to be one of a few constants, s keeps the union as a
// set fact.
func (t *vnTable) meet(s, o *oState) {
	for i := range s.regs {
		if s.regs[i] != o.regs[i] {
			s.regs[i] = -1
			s.unk |= 1 << i
		}
	}
	if s.facts != o.facts {
		s.facts = t.meetFacts(s.facts, o.facts)
	}
	if len(s.avail) > len(o.avail) {
		s.avail = s.avail[:len(o.avail)]
	}
	for i := range s.avail {
		s.avail[i] &= o.avail[i]
	}
}

// meetFacts returns the facts of a that also hold in b, with set facts
// for values each finds equal to one of a few constants. The lists
// usually share a tail, the facts of a common predecessor: only the facts
// before it are compared.
func (t *vnTable) meetFacts(a, b factList) factList {
	x, y := a, b
	for t.length(x) > t.length(y) {
		x = t.nodes[x].next
	}
	for t.length(y) > t.length(x) {
		y = t.nodes[y].next
	}
	for x != y {
		x, y = t.nodes[x].next, t.nodes[y].next
	}
	tail := x
	others := t.others[:0]
	for i := b; i != tail; i = t.nodes[i].next {
		others = append(others, t.nodes[i].f)
	}
	t.others = others
	out := tail
	for i := a; i != tail; i = t.nodes[i].next {
		f := t.nodes[i].f
		if slices.Contains(others, f) {
			out = t.add(out, f)
		} else if set, ok := t.union(f, others); ok {
			out = t.add(out, set)
		}
	}
	return out
}

// members returns the constants a fact says its value is one of: one for
// an equality found true, a set's for a set fact.
func (t *vnTable) members(f oFact) ([]uint32, bool) {
	switch {
	case f.code == factIn:
		return t.sets[f.k], true
	case f.code == JumpJEQ && f.res:
		return nil, true
	}
	return nil, false
}

// union returns the set fact for f's value when f and one of others each
// say the value is one of a few constants (and differ).
func (t *vnTable) union(f oFact, others []oFact) (oFact, bool) {
	fs, ok := t.members(f)
	if !ok {
		return oFact{}, false
	}
	if fs == nil {
		fs = []uint32{f.k}
	}
	for _, g := range others {
		if g.vn != f.vn {
			continue
		}
		gs, ok := t.members(g)
		if !ok {
			continue
		}
		if gs == nil {
			gs = []uint32{g.k}
		}
		// The union goes at the end of setBuf; the sets made before
		// keep their constants, in setBuf or in the array it grew
		// from.
		start := len(t.setBuf)
		u := t.setBuf
		i, j := 0, 0
		for i < len(fs) || j < len(gs) {
			switch {
			case j == len(gs) || i < len(fs) && fs[i] < gs[j]:
				u = append(u, fs[i])
				i++
			case i == len(fs) || gs[j] < fs[i]:
				u = append(u, gs[j])
				j++
			default:
				u = append(u, fs[i])
				i, j = i+1, j+1
			}
		}
		t.setBuf = u
		if len(u)-start > maxSetFact {
			t.setBuf = u[:start]
			return oFact{}, false
		}
		t.sets = append(t.sets, u[start:len(u):len(u)])
		return oFact{vn: f.vn, code: factIn, k: uint32(len(t.sets) - 1), res: true}, true
	}
	return oFact{}, false
}

// stmtEffect is what one statement does: the register it sets, the value
// number it sets it to, and whether computing it may fail.
type stmtEffect struct {
	def      int
	vn       int32
	failable bool
}

// effect evaluates s over the register numbers regs.
func (t *vnTable) effect(regs *[nRegs]int32, s oStmt) stmtEffect {
	switch s.code & 0x07 {
	case ClassLD:
		switch s.code & 0xe0 {
		case ModeIMM:
			return stmtEffect{regA, t.constant(s.k), false}
		case ModeABS:
			return stmtEffect{regA, t.get(vnKey{op: s.code, k: s.k}), true}
		case ModeIND:
			if c, ok := t.constOf(regs[regX]); ok && uint64(c)+uint64(s.k) <= 1<<31-1 {
				// The same load as an absolute one: the VM reads
				// packet offset x+k either way (libpcap's
				// interpreter, which checks X and k apart, too, as
				// long as x+k does not wrap).
				return stmtEffect{regA, t.get(vnKey{op: s.code&^0xe0 | ModeABS, k: c + s.k}), true}
			}
			return stmtEffect{regA, t.get(vnKey{op: s.code, a: regs[regX], k: s.k}), true}
		case ModeMEM:
			return stmtEffect{regA, regs[s.k&15], false}
		case ModeLEN:
			return stmtEffect{regA, t.get(vnKey{op: ClassLD | ModeLEN}), false}
		}
	case ClassLDX:
		switch s.code & 0xe0 {
		case ModeIMM:
			return stmtEffect{regX, t.constant(s.k), false}
		case ModeMEM:
			return stmtEffect{regX, regs[s.k&15], false}
		case ModeLEN:
			return stmtEffect{regX, t.get(vnKey{op: ClassLD | ModeLEN}), false}
		case ModeMSH:
			return stmtEffect{regX, t.get(vnKey{op: s.code, k: s.k}), true}
		}
	case ClassST:
		return stmtEffect{int(s.k & 15), regs[regA], false}
	case ClassSTX:
		return stmtEffect{int(s.k & 15), regs[regX], false}
	case ClassMISC:
		if s.code == ClassMISC|MiscTAX {
			return stmtEffect{regX, regs[regA], false}
		}
		return stmtEffect{regA, regs[regX], false}
	case ClassALU:
		op := s.code & 0xf0
		a := regs[regA]
		if op == ALUNeg {
			if c, ok := t.constOf(a); ok {
				return stmtEffect{regA, t.constant(-c), false}
			}
			return stmtEffect{regA, t.get(vnKey{op: ClassALU | ALUNeg, a: a}), false}
		}
		var b int32
		if s.code&SrcX != 0 {
			b = regs[regX]
		} else {
			b = t.constant(s.k)
		}
		ca, aok := t.constOf(a)
		cb, bok := t.constOf(b)
		if bok && aok {
			if v, ok := aluFold(op, ca, cb); ok {
				return stmtEffect{regA, t.constant(v), false}
			}
		}
		if bok {
			switch {
			case cb == 0 && (op == ALUAdd || op == ALUSub || op == ALUOr || op == ALUXor || op == ALULsh || op == ALURsh),
				cb == 1 && (op == ALUMul || op == ALUDiv),
				cb == 0xffffffff && op == ALUAnd:
				return stmtEffect{regA, a, false}
			case cb == 0 && (op == ALUAnd || op == ALUMul):
				return stmtEffect{regA, t.constant(0), false}
			}
		}
		if aok {
			// The same identities with the constant on the left, as
			// libpcap's optimizer has them for an A of 0 ("ld #0; and
			// x" is 0, "ld #0; add x" is X). Not for a division: 0/X
			// still rejects the packet when X is 0.
			switch {
			case ca == 0 && (op == ALUAdd || op == ALUOr || op == ALUXor),
				ca == 1 && op == ALUMul,
				ca == 0xffffffff && op == ALUAnd:
				return stmtEffect{regA, b, false}
			case ca == 0 && (op == ALUAnd || op == ALUMul || op == ALULsh || op == ALURsh):
				return stmtEffect{regA, t.constant(0), false}
			}
		}
		failable := (op == ALUDiv || op == ALUMod) && (!bok || cb == 0)
		switch op {
		case ALUAdd, ALUMul, ALUAnd, ALUOr, ALUXor:
			if a > b {
				a, b = b, a
			}
		}
		return stmtEffect{regA, t.get(vnKey{op: ClassALU | op, a: a, b: b}), failable}
	}
	panic("cbpf: optimizer: unmodelled statement")
}

// aluFold computes a op b; ok is false for a division by zero and for a
// shift by 32 or more, which is left to run: engines disagree on it
// (libpcap's bpf_filter gives 0, the kernel shifts by the count modulo
// 32), and the optimized program must keep the unoptimized one's verdicts
// on each.
func aluFold(op uint16, a, b uint32) (uint32, bool) {
	switch op {
	case ALUAdd:
		return a + b, true
	case ALUSub:
		return a - b, true
	case ALUMul:
		return a * b, true
	case ALUDiv:
		if b == 0 {
			return 0, false
		}
		return a / b, true
	case ALUMod:
		if b == 0 {
			return 0, false
		}
		return a % b, true
	case ALUOr:
		return a | b, true
	case ALUAnd:
		return a & b, true
	case ALUXor:
		return a ^ b, true
	case ALULsh, ALURsh:
		if b >= 32 {
			return 0, false
		}
		if op == ALULsh {
			return a << b, true
		}
		return a >> b, true
	}
	return 0, false
}

// stmtUses returns the registers s reads, as a bit mask.
func stmtUses(s oStmt) uint32 {
	switch s.code & 0x07 {
	case ClassLD:
		switch s.code & 0xe0 {
		case ModeIND:
			return 1 << regX
		case ModeMEM:
			return 1 << (s.k & 15)
		}
	case ClassLDX:
		if s.code&0xe0 == ModeMEM {
			return 1 << (s.k & 15)
		}
	case ClassST:
		return 1 << regA
	case ClassSTX:
		return 1 << regX
	case ClassMISC:
		if s.code == ClassMISC|MiscTAX {
			return 1 << regA
		}
		return 1 << regX
	case ClassALU:
		if s.code&SrcX != 0 && s.code&0xf0 != ALUNeg {
			return 1<<regA | 1<<regX
		}
		return 1 << regA
	}
	return 0
}

// branchUses returns the registers b's final instruction reads.
func branchUses(b *oBlock) uint32 {
	if b.isRet() {
		switch b.code & 0x18 {
		case SrcA:
			return 1 << regA
		case SrcX:
			return 1 << regX
		}
		return 0
	}
	if b.jump() {
		return 0
	}
	if b.code&SrcX != 0 {
		return 1<<regA | 1<<regX
	}
	return 1 << regA
}

// exec runs b's statements from the entry state st and returns the state
// at the end of the block, from the graph's pool.
func (g *oGraph) exec(st *oState, b *oBlock) *oState {
	t := &g.vn
	out := g.copyState(st)
	for _, s := range b.stmts {
		e := t.effect(&out.regs, s)
		out.regs[e.def] = e.vn
		if e.failable {
			out.setAvail(e.vn)
		}
	}
	return out
}

// branchFact returns the fact that holds on b's edge taken when its
// comparison is res, if one can be stated.
func (t *vnTable) branchFact(regs *[nRegs]int32, b *oBlock, res bool) (oFact, bool) {
	a := regs[regA]
	if _, ok := t.constOf(a); ok {
		return oFact{}, false
	}
	k := b.k
	if b.code&SrcX != 0 {
		c, ok := t.constOf(regs[regX])
		if !ok {
			return oFact{}, false
		}
		k = c
	}
	return oFact{vn: a, code: b.code & 0xf0, k: k, res: res}, true
}

// decide reports the outcome of b's comparison when it is known from the
// register numbers, the facts and the facts extra.
func (t *vnTable) decide(regs *[nRegs]int32, facts factList, extra []oFact, b *oBlock) (taken, known bool) {
	op := b.code & 0xf0
	a := regs[regA]
	k := b.k
	if b.code&SrcX != 0 {
		x := regs[regX]
		c, ok := t.constOf(x)
		if !ok {
			if a == x {
				switch op {
				case JumpJEQ, JumpJGE:
					return true, true
				case JumpJGT:
					return false, true
				}
			}
			return false, false
		}
		k = c
	}
	return t.decideValue(a, op, k, facts, extra)
}

// decideValue reports the outcome of the comparison "a op k" when it is
// known from the facts and the facts extra.
func (t *vnTable) decideValue(a int32, op uint16, k uint32, facts factList, extra []oFact) (taken, known bool) {
	if c, ok := t.constOf(a); ok {
		return jumpTaken(op, c, k), true
	}
	set := int64(-1)
	for i := facts; i != 0; i = t.nodes[i].next {
		f := &t.nodes[i].f
		if f.vn != a {
			continue
		}
		if f.code == factIn {
			set = int64(f.k)
			continue
		}
		if r, ok := implies(*f, op, k); ok {
			return r, true
		}
	}
	for _, f := range extra {
		if f.vn != a {
			continue
		}
		if f.code == factIn {
			set = int64(f.k)
			continue
		}
		if r, ok := implies(f, op, k); ok {
			return r, true
		}
	}
	if set < 0 {
		return false, false
	}
	// The comparison's outcome for each constant the value can be that
	// no other fact rules out.
	seen := false
	for _, c := range t.sets[set] {
		if !t.possible(a, c, facts, extra) {
			continue
		}
		r := jumpTaken(op, c, k)
		if seen && r != taken {
			return false, false
		}
		taken, seen = r, true
	}
	return taken, seen
}

// possible reports whether value a can be c under the facts other than
// set facts.
func (t *vnTable) possible(a int32, c uint32, facts factList, extra []oFact) bool {
	rules := func(f oFact) bool {
		if f.vn == a && f.code != factIn {
			if r, ok := implies(f, JumpJEQ, c); ok && !r {
				return true
			}
		}
		return false
	}
	for i := facts; i != 0; i = t.nodes[i].next {
		if rules(t.nodes[i].f) {
			return false
		}
	}
	for _, f := range extra {
		if rules(f) {
			return false
		}
	}
	return true
}

// setOf returns the constants a set fact says value a is one of, nil if
// there is none.
func (t *vnTable) setOf(a int32, facts factList, extra []oFact) []uint32 {
	for i := facts; i != 0; i = t.nodes[i].next {
		if f := t.nodes[i].f; f.vn == a && f.code == factIn {
			return t.sets[f.k]
		}
	}
	for _, f := range extra {
		if f.vn == a && f.code == factIn {
			return t.sets[f.k]
		}
	}
	return nil
}

// jumpTaken evaluates a comparison of v with k.
func jumpTaken(op uint16, v, k uint32) bool {
	switch op {
	case JumpJEQ:
		return v == k
	case JumpJGT:
		return v > k
	case JumpJGE:
		return v >= k
	case JumpJSET:
		return v&k != 0
	}
	panic("cbpf: optimizer: unknown comparison")
}

// implies reports whether fact f decides the comparison "v op k" of the
// same value v.
func implies(f oFact, op uint16, k uint32) (res, ok bool) {
	switch f.code {
	case factIn:
		return false, false // see decideValue
	case JumpJEQ:
		if f.res {
			return jumpTaken(op, f.k, k), true
		}
		if op == JumpJEQ && k == f.k {
			return false, true
		}
		return false, false
	case JumpJSET:
		if f.res { // v & f.k != 0
			switch {
			case op == JumpJSET && f.k&^k == 0:
				return true, true
			case op == JumpJEQ && k&f.k == 0:
				return false, true
			case op == JumpJGT && k == 0, op == JumpJGE && k <= 1:
				return true, true
			}
			return false, false
		}
		// v & f.k == 0
		switch {
		case op == JumpJSET && k&^f.k == 0:
			return false, true
		case op == JumpJEQ && k&f.k != 0:
			return false, true
		}
		return false, false
	}
	// f bounds v to [lo, hi].
	lo, hi := uint64(0), uint64(0xffffffff)
	switch {
	case f.code == JumpJGT && f.res:
		lo = uint64(f.k) + 1
	case f.code == JumpJGT:
		hi = uint64(f.k)
	case f.code == JumpJGE && f.res:
		lo = uint64(f.k)
	default:
		if f.k == 0 {
			return false, false // v < 0: no path gets here
		}
		hi = uint64(f.k) - 1
	}
	if lo > hi {
		return false, false
	}
	k64 := uint64(k)
	switch op {
	case JumpJEQ:
		if k64 < lo || k64 > hi {
			return false, true
		}
		if lo == hi {
			return true, true
		}
	case JumpJGT:
		if lo > k64 {
			return true, true
		}
		if hi <= k64 {
			return false, true
		}
	case JumpJGE:
		if lo >= k64 {
			return true, true
		}
		if hi < k64 {
			return false, true
		}
	case JumpJSET:
		if lo == hi {
			return lo&k64 != 0, true
		}
		if hi < lowestBit(k) {
			// v has no bit as high as k's lowest
			return false, true
		}
	}
	return false, false
}

// lowestBit returns the value of k's lowest set bit (2^32 for 0).
func lowestBit(k uint32) uint64 {
	if k == 0 {
		return 1 << 32
	}
	return uint64(k & -k)
}

// sweep visits the reachable blocks in order, each with its entry state,
// after all the blocks that can reach it. A visitor may rewrite the
// block's statements and redirect its edges to blocks after it (the
// states of the blocks it skips are then not needed); the block's exit
// state is computed after the visitors ran. It reports whether a visitor
// changed anything.
func (g *oGraph) sweep(visitors ...func(b *oBlock, st *oState) bool) bool {
	return g.sweepWith(false, visitors)
}

// sweepPasses is sweep with the visitors of run: visitRedundant,
// visitPeep and visitThread, in that order. They are called directly
// rather than through function values, which cost two indirect calls a
// visit (a tenth of a small program's sweep).
func (g *oGraph) sweepPasses() bool {
	return g.sweepWith(true, nil)
}

// sweepWith is sweep, with run's visitors when passes is set and the
// given ones otherwise.
func (g *oGraph) sweepWith(passes bool, visitors []func(b *oBlock, st *oState) bool) bool {
	g.ensureOrder()
	g.ensureLive()
	g.swept = false
	g.vn.reset()
	for _, b := range g.blocks {
		b.releaseStates(g)
	}
	changed := false
	for _, b := range g.blocks {
		var st *oState
		if b == g.root {
			st = g.copyState(&oState{})
			st.owner = b
			for i := range st.regs {
				st.regs[i] = int32(i + 1) // see reset
			}
			// The kernel and libpcap both start with A and X zero.
			st.regs[regA] = vnRoot
			st.regs[regX] = vnRoot
		} else {
			st = b.pending
			if st == nil {
				continue // no longer reached
			}
			for m := st.unk; m != 0; m &= m - 1 {
				i := bits.TrailingZeros32(m)
				st.regs[i] = g.vn.get(vnKey{op: vnOpPhi, a: int32(b.idx), b: int32(i)})
			}
			st.unk = 0
		}
		if b.pending != nil {
			b.pending = nil
		}
		b.in = st
		if passes {
			// Each visitor runs whatever the ones before it did.
			r := g.visitRedundant(b, st)
			p := g.visitPeep(b, st)
			t := g.visitThread(b, st)
			changed = changed || r || p || t
		}
		for _, visit := range visitors {
			if visit(b, st) {
				changed = true
			}
		}
		if b.isRet() {
			continue
		}
		out := g.exit
		if g.exitOf == b {
			g.exitOf, g.exit = nil, nil // the visitors' (see setExit)
		} else {
			out = g.exec(st, b)
		}
		if b.jump() {
			g.push(b.jt, out)
			continue
		}
		outF := g.copyState(out)
		if f, ok := g.vn.branchFact(&out.regs, b, true); ok {
			out.facts = g.vn.add(out.facts, f)
			f.res = false
			outF.facts = g.vn.add(outF.facts, f)
		}
		g.push(b.jt, out)
		g.push(b.jf, outF)
	}
	g.setExit(nil, nil)
	if changed {
		g.ordered, g.live = false, false
	}
	g.swept = !changed
	return changed
}

// setExit records out as the state at the end of b's statements, for the
// sweep to use instead of computing it again; a visitor that changes b's
// statements afterwards must clear it (setExit(nil, nil)). The graph owns
// out afterwards.
func (g *oGraph) setExit(b *oBlock, out *oState) {
	if g.exit != nil && g.exit != out {
		g.release(g.exit)
	}
	g.exitOf, g.exit = b, out
}

// push adds an incoming edge's state to b's meet; the graph owns st
// afterwards.
func (g *oGraph) push(b *oBlock, st *oState) {
	if b.isRet() {
		st.facts = 0 // no comparison left to decide
	}
	if b.pending == nil {
		b.pending = st
		st.owner = b
		return
	}
	g.vn.meet(b.pending, st)
	g.release(st)
}
