package cbpf

import (
	"fmt"
	"sync"

	"github.com/gocap/gocap/parser"
	"golang.org/x/net/bpf"
)

// The code generator builds a graph of basic blocks the way libpcap does:
// each block is a list of statements followed by one conditional branch
// (or a return). Boolean operators splice blocks together by patching the
// unresolved true/false edges, and the finished graph is laid out into a
// linear program by layout. Reproducing libpcap's unoptimized listing
// exactly depends on keeping the same graph shape and the same layout order.

// stmt is one non-branching instruction. Statements of a protochain loop
// may jump to other statements of the same block through jt and jf.
type stmt struct {
	code   uint16
	k      uint32
	jt, jf *stmt
}

// block is a basic block: statements and a final branch or return.
type block struct {
	stmts []*stmt
	code  uint16 // branch or return opcode
	k     uint32
	jt    *block
	jf    *block
	// sense says which edge is the link of the unresolved list (see
	// backpatch): false means jt.
	sense bool
	head  *block

	// isConst marks an always-true or always-false block made by uncond;
	// libpcap master folds such blocks away when combining them.
	isConst bool
	// fwd, when set, says that this block was folded away and the
	// result it stood for is fwd: every operation resolves it first.
	fwd *block

	// opt is the optimizer's copy of the block (see fromBlocks).
	opt *oBlock

	// layout state; mark is the arena's epoch of the pass that last
	// placed or counted the block
	mark   uint32
	offset int
	longjt int
	longjf int
}

// res follows fwd links to the block a result really is.
func (b *block) res() *block {
	for b != nil && b.fwd != nil {
		b = b.fwd
	}
	return b
}

// constValue reports the truth value of a constant block.
func (b *block) constValue() bool {
	v := len(b.stmts) == 1 && b.stmts[0].k == 0
	return v != b.sense
}

// genArena holds the statements and blocks of compilations: most
// compilations need a few dozen of each, and allocating them one by one
// costs more than generating the code. Arenas are reused from compilation
// to compilation (genArenaPool); nothing outside the compiler keeps a
// pointer to a block or statement once Generate has returned.
//
// The statement lists of blocks come from the arena too (list, add), each
// with a little room to grow in place, since most of them are built from
// a load or two and then extended by a statement or two; so do the
// values of arithmetic expressions (newArth).
//
// Statements, blocks and arithmetic values are zero when handed out:
// release clears the blocks and arithmetic values a compilation used, all
// at once, so that newBlock and newArth need not write (and, while the
// garbage collector marks, barrier) the pointer fields one by one; a
// statement's only pointers, its jumps, are nearly always nil already, so
// newStmt clears them only when they are not. List slots are not cleared:
// every list is written before it is read, and a stale slot can only
// point at a statement of the same arena.
type genArena struct {
	stmts  []*[genChunk]stmt
	ns     int // statements in use
	blocks []*[genChunk]block
	nb     int // blocks in use
	lists  []*[listChunk]*stmt
	nl     int // list slots in use, counted from the start of lists[0]
	ariths []*[genChunk]arth
	na     int    // arithmetic values in use
	epoch  uint32 // of the last layout pass (see block.mark)
}

// genChunk is how many statements, blocks or arithmetic values (the
// generator's, and the optimizer's blocks) one allocation of an arena holds.
const genChunk = 64

// listChunk is how many list slots one allocation holds; listSpare is the
// room a new list has to grow in place.
const (
	listChunk = 256
	listSpare = 4
)

var genArenaPool = sync.Pool{New: func() any { return new(genArena) }}

// release clears what the compilation used and returns the arena to the
// pool.
func (a *genArena) release() {
	clearUsed(a.blocks, a.nb)
	clearUsed(a.ariths, a.na)
	a.ns, a.nb, a.nl, a.na, a.epoch = 0, 0, 0, 0, 0
	genArenaPool.Put(a)
}

// nextSlot returns the next free element of an arena's chunks, n of which
// are in use, adding a chunk when they are full.
func nextSlot[T any](chunks *[]*[genChunk]T, n *int) *T {
	i, j := *n/genChunk, *n%genChunk
	if i == len(*chunks) {
		*chunks = append(*chunks, new([genChunk]T))
	}
	*n++
	return &(*chunks)[i][j]
}

// clearUsed zeroes the first n elements of an arena's chunks.
func clearUsed[T any](chunks []*[genChunk]T, n int) {
	for i := 0; i*genChunk < n; i++ {
		clear(chunks[i][:min(genChunk, n-i*genChunk)])
	}
}

// MaxGenerated bounds the size of the program the code generator builds
// (before optimization) for one expression: 524,288 instructions, 128
// times what the kernel loads as a classic filter. An expression that
// needs more, such as an "or" of some 29,000 hosts, is the error
// "expression too complex" (parser.KindTooComplex) at the primitive that
// passed the bound, so that no expression can make the compiler's memory
// grow without bound; up to it, time and memory grow linearly with the
// program's size (about 200 MB at the bound).
const MaxGenerated = 1 << 19

// generated counts the statements and blocks made so far and fails when
// they pass MaxGenerated.
func (c *compiler) generated() {
	if c.arena.ns+c.arena.nb > MaxGenerated {
		c.failKind(parser.KindTooComplex, "expression too complex: its program would have more than %d instructions", MaxGenerated)
	}
}

func (c *compiler) newStmt(code uint16, k uint32) *stmt {
	a := c.arena
	if a.ns&1023 == 0 {
		c.generated()
	}
	s := nextSlot(&a.stmts, &a.ns)
	if s.jt != nil || s.jf != nil {
		// Only protochain's loops and vlan's metadata test link
		// statements: an unlinked one from an earlier compilation
		// needs no write.
		s.jt, s.jf = nil, nil
	}
	s.code, s.k = code, k
	return s
}

func (c *compiler) newBlock(code uint16, k uint32) *block {
	a := c.arena
	if a.nb&1023 == 0 {
		c.generated()
	}
	b := nextSlot(&a.blocks, &a.nb)
	b.code, b.k = code, k
	b.head = b
	return b
}

// newArth returns an arithmetic value computing s into register regno.
func (c *compiler) newArth(s []*stmt, regno int) *arth {
	x := nextSlot(&c.arena.ariths, &c.arena.na)
	x.s, x.regno = s, regno
	return x
}

// list returns a statement list holding ss, stored in the arena, with
// room for listSpare more statements to be appended in place. Like any
// slice with spare capacity, two appends to the same list must not both
// be kept.
func (c *compiler) list(ss ...*stmt) []*stmt {
	l := c.listOf(len(ss), listSpare)
	copy(l, ss)
	return l
}

// add appends ss to the list l as append does, growing it in the arena
// when it is full.
func (c *compiler) add(l []*stmt, ss ...*stmt) []*stmt {
	if len(l)+len(ss) <= cap(l) {
		return append(l, ss...)
	}
	n := len(l) + len(ss)
	m := c.listOf(n, max(listSpare, n/2))
	copy(m, l)
	copy(m[len(l):], ss)
	return m
}

// listOf returns an arena list of n (zero) statements with room for
// spare more.
func (c *compiler) listOf(n, spare int) []*stmt {
	a := c.arena
	size := n + spare
	if size > listChunk {
		return make([]*stmt, n, size)
	}
	i, j := a.nl/listChunk, a.nl%listChunk
	if j+size > listChunk {
		// The rest of this chunk is too short: start the next one.
		i, j = i+1, 0
		a.nl = i * listChunk
	}
	if i == len(a.lists) {
		a.lists = append(a.lists, new([listChunk]*stmt))
	}
	a.nl += size
	return a.lists[i][j : j+n : j+size]
}

// backpatch resolves every pending edge of the list to target.
func backpatch(list, target *block) {
	list = list.res()
	for list != nil {
		var next *block
		if !list.sense {
			next = list.jt
			list.jt = target
		} else {
			next = list.jf
			list.jf = target
		}
		list = next
	}
}

// merge appends list b1 to the end of list b0.
func merge(b0, b1 *block) {
	p := &b0
	for *p != nil {
		if !(*p).sense {
			p = &(*p).jt
		} else {
			p = &(*p).jf
		}
	}
	*p = b1
}

// genAnd makes b1 the result of "b0 and b1". Constant operands are folded
// as libpcap master does: the caller keeps using b1, which may then
// forward to b0.
func genAnd(b0, b1 *block) {
	b0, b1r := b0.res(), b1.res()
	switch {
	case b0.isConst && b0.constValue():
		if b1 != b1r {
			b1.fwd = b1r
		}
		return
	case b0.isConst:
		b1r.fwd = b0
		if b1 != b1r {
			b1.fwd = b0
		}
		return
	case b1r.isConst && b1r.constValue():
		b1r.fwd = b0
		b1.fwd = b0
		return
	case b1r.isConst:
		return
	}
	b1 = b1r
	backpatch(b0, b1.head)
	b0.sense = !b0.sense
	b1.sense = !b1.sense
	merge(b1, b0)
	b1.sense = !b1.sense
	b1.head = b0.head
}

// genOr makes b1 the result of "b0 or b1", folding constants like genAnd.
func genOr(b0, b1 *block) {
	b0, b1r := b0.res(), b1.res()
	switch {
	case b0.isConst && b0.constValue():
		b1r.fwd = b0
		if b1 != b1r {
			b1.fwd = b0
		}
		return
	case b0.isConst:
		return
	case b1r.isConst && b1r.constValue():
		return
	case b1r.isConst:
		b1r.fwd = b0
		b1.fwd = b0
		return
	}
	b1 = b1r
	b0.sense = !b0.sense
	backpatch(b0, b1.head)
	b0.sense = !b0.sense
	merge(b1, b0)
	b1.head = b0.head
}

// genNot negates b.
func genNot(b *block) {
	b = b.res()
	b.sense = !b.sense
}

// layout converts the block graph rooted at root into a program, placing
// each block before the blocks its true edge and then its false edge lead
// to, as libpcap's icode_to_fcode does. Branches too far for the 8-bit
// offsets get an extra "ja" after them. The blocks are a's.
func (a *genArena) layout(root *block) ([]bpf.RawInstruction, error) {
	for tries := 0; ; tries++ {
		if tries > 100000 {
			return nil, fmt.Errorf("program too big to lay out")
		}
		a.epoch++
		n := countStmts(root, a.epoch)
		a.epoch++
		prog := make([]bpf.RawInstruction, n)
		tail := n
		ok, err := convert(root, prog, &tail, a.epoch)
		if err != nil {
			return nil, err
		}
		if ok {
			return prog, nil
		}
	}
}

// countStmts counts the instructions of the blocks reachable from b that
// this pass (epoch) has not counted yet.
func countStmts(b *block, epoch uint32) int {
	if b == nil || b.mark == epoch {
		return 0
	}
	b.mark = epoch
	return countStmts(b.jt, epoch) + countStmts(b.jf, epoch) + len(b.stmts) + 1 + b.longjt + b.longjf
}

// stmtIndex returns the index of t in list, or -1 (t nil or not there).
// The statement at from jumps to t, so t is looked for after it first.
func stmtIndex(list []*stmt, from int, t *stmt) int {
	if t == nil {
		return -1
	}
	for j := from + 1; j < len(list); j++ {
		if list[j] == t {
			return j
		}
	}
	for j := 0; j <= from && j < len(list); j++ {
		if list[j] == t {
			return j
		}
	}
	return -1
}

// convert places b and, first, its successors, filling prog from the end.
// It returns false when a branch had to be widened and the layout must be
// redone.
func convert(b *block, prog []bpf.RawInstruction, tail *int, epoch uint32) (bool, error) {
	if b == nil || b.mark == epoch {
		return true, nil
	}
	b.mark = epoch
	if ok, err := convert(b.jf, prog, tail, epoch); !ok || err != nil {
		return ok, err
	}
	if ok, err := convert(b.jt, prog, tail, epoch); !ok || err != nil {
		return ok, err
	}
	slen := len(b.stmts)
	*tail -= slen + 1 + b.longjt + b.longjf
	if *tail < 0 {
		return false, fmt.Errorf("internal error: layout overflow")
	}
	b.offset = *tail
	dst := b.offset
	for i, s := range b.stmts {
		ins := bpf.RawInstruction{Op: s.code, K: s.k}
		if s.code&0x07 == ClassJMP && s.code != ClassJMP|JumpJA {
			if j := stmtIndex(b.stmts, i, s.jt); j >= 0 {
				ins.Jt = uint8(j - i - 1)
			}
			if j := stmtIndex(b.stmts, i, s.jf); j >= 0 {
				ins.Jf = uint8(j - i - 1)
			}
		}
		prog[dst] = ins
		dst++
	}
	ins := bpf.RawInstruction{Op: b.code, K: b.k}
	if b.jt != nil {
		// A target 256 or more instructions ahead is reached through a
		// "ja" after the branch, once the block has room for it (long):
		// until then the pass fails, and the next makes the room.
		extra := 0
		offset := func(to *block, long *int) (uint8, bool) {
			off := to.offset - (b.offset + slen) - 1
			if off < 256 {
				return uint8(off), true
			}
			if *long == 0 {
				*long++
				return 0, false
			}
			extra++
			prog[dst+extra] = bpf.RawInstruction{Op: ClassJMP | JumpJA, K: uint32(off - extra)}
			return uint8(extra - 1), true
		}
		var ok bool
		if ins.Jt, ok = offset(b.jt, &b.longjt); !ok {
			return false, nil
		}
		if ins.Jf, ok = offset(b.jf, &b.longjf); !ok {
			return false, nil
		}
	}
	prog[dst] = ins
	return true, nil
}
