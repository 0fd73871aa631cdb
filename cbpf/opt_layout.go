package cbpf

import (
	"fmt"

	"golang.org/x/net/bpf"
)

// layout places the blocks in the graph's order and encodes them. An
// unconditional jump to the next block is left out; one elsewhere is a
// "ja". A conditional branch reaches at most 255 instructions ahead; one
// whose target is further goes through a trampoline: the shorter of two
// layouts is kept, one where each such branch has a "ja" of its own
// right after it (libpcap's way), and one where the branches to the same
// far block share trampolines placed between blocks (layoutShared).
func (g *oGraph) layout() ([]bpf.RawInstruction, error) {
	prog, err := g.layoutOwn()
	if err != nil || len(prog) <= 256 {
		return prog, err
	}
	if shared := g.layoutShared(); shared != nil && len(shared) < len(prog) {
		return shared, nil
	}
	return prog, nil
}

// layoutOwn is the layout where each far branch has its own "ja".
func (g *oGraph) layoutOwn() ([]bpf.RawInstruction, error) {
	g.ensureOrder()
	n := len(g.blocks)
	start := scratch(&g.start, n+1)
	longT := scratch(&g.longT, n)
	longF := scratch(&g.longF, n)
	// size of b's final instructions (branch, ja, long jumps)
	tail := func(i int) int {
		b := g.blocks[i]
		switch {
		case b.isRet():
			return 1
		case b.jump():
			if b.jt.idx == i+1 {
				return 0
			}
			return 1
		}
		m := 1
		if longT[i] {
			m++
		}
		if longF[i] {
			m++
		}
		return m
	}
	for tries := 0; ; tries++ {
		if tries > n+1 {
			return nil, fmt.Errorf("internal error: optimizer layout does not converge")
		}
		for i, b := range g.blocks {
			start[i+1] = start[i] + len(b.stmts) + tail(i)
		}
		grew := false
		for i, b := range g.blocks {
			if b.isRet() || b.jump() {
				continue
			}
			br := start[i] + len(b.stmts)
			if !longT[i] && start[b.jt.idx]-br-1 > 255 {
				longT[i], grew = true, true
			}
			if !longF[i] && start[b.jf.idx]-br-1 > 255 {
				longF[i], grew = true, true
			}
		}
		if !grew {
			break
		}
	}
	prog := make([]bpf.RawInstruction, 0, start[n])
	for i, b := range g.blocks {
		var branch bool
		prog, branch = encodeBody(prog, b, start, b.jump() && b.jt.idx == i+1)
		pc := len(prog)
		if branch {
			// A far target is reached through a "ja" after the branch.
			var jas [2]bpf.RawInstruction
			extra := 0
			offset := func(long bool, to int) uint8 {
				if !long {
					return uint8(start[to] - pc - 1)
				}
				extra++
				jas[extra-1] = bpf.RawInstruction{Op: ClassJMP | JumpJA, K: uint32(start[to] - (pc + extra) - 1)}
				return uint8(extra - 1)
			}
			ins := bpf.RawInstruction{Op: b.code, K: b.k}
			ins.Jt = offset(longT[i], b.jt.idx)
			ins.Jf = offset(longF[i], b.jf.idx)
			prog = append(prog, ins)
			prog = append(prog, jas[:extra]...)
		}
	}
	if len(prog) != start[n] {
		return nil, fmt.Errorf("internal error: optimizer layout placed %d instructions, planned %d", len(prog), start[n])
	}
	return prog, nil
}

// A trampoline demand: a branch at position pc needs a way to block to
// no further than pc+256.
type trampDemand struct {
	to       *oBlock
	deadline int
}

// layoutShared lays the blocks out with shared trampolines: a branch whose
// target is more than 255 instructions away jumps to a trampoline for that
// target, a "ja" to it (or a copy of it if it is a return) placed between
// two blocks where no instruction falls through, as late as every branch
// that uses it allows, so that the branches of a long "or" chain to its
// one "accept" share one trampoline per 256 instructions instead of one
// each. Which branches are far depends on where the trampolines go, so
// the layout is redone until no branch becomes far; the result is nil if
// the trampolines cannot be placed (more than 255 due at one point).
func (g *oGraph) layoutShared() []bpf.RawInstruction {
	g.ensureOrder()
	n := len(g.blocks)
	// far[2i] and far[2i+1]: block i's true and false branch go through a
	// trampoline.
	far := make([]bool, 2*n)
	start := make([]int, n+1)
	// fallsInto[i]: block i's last instruction falls through into block
	// i+1, so nothing can be placed between them.
	fallsInto := func(i int) bool {
		b := g.blocks[i]
		return b.jump() && b.jt.idx == i+1
	}
	size := func(i int) int {
		b := g.blocks[i]
		m := len(b.stmts)
		if !fallsInto(i) {
			m++
		}
		return m
	}
	type tramp struct {
		pos int
		to  *oBlock
	}
	var tramps []tramp
	// use[2i], use[2i+1]: the trampoline each far branch of block i jumps
	// to (an index into tramps).
	use := make([]int, 2*n)
	for range 2*n + 2 {
		tramps = tramps[:0]
		var pending []trampDemand
		pendingOf := map[*oBlock]int{} // target → index in pending
		var waiting [][][2]int         // per pending demand: its (block, side) pairs
		emit := func(pc int, k int) int {
			for j := range k {
				d := pending[j]
				for _, w := range waiting[j] {
					use[w[0]*2+w[1]] = len(tramps)
				}
				tramps = append(tramps, tramp{pc, d.to})
				pc++
			}
			pending = append(pending[:0], pending[k:]...)
			waiting = append(waiting[:0], waiting[k:]...)
			clear(pendingOf)
			for j, d := range pending {
				pendingOf[d.to] = j
			}
			return pc
		}
		pc := 0
		ok := true
		for i := 0; i < n; i++ {
			if i == 0 || !fallsInto(i-1) {
				// A place for trampolines. Emit those that could not
				// wait until after the run of blocks starting here
				// that fall into each other.
				run := 0
				for j := i; j < n; j++ {
					run += size(j)
					if !fallsInto(j) {
						break
					}
				}
				k := 0
				for j := range pending {
					if pc+run+j > pending[j].deadline {
						k = j + 1
					}
				}
				if k > 0 {
					if pc+k-1 > pending[k-1].deadline {
						ok = false
						break
					}
					pc = emit(pc, k)
				}
			}
			start[i] = pc
			b := g.blocks[i]
			pc += size(i)
			if b.isRet() || b.jump() {
				continue
			}
			br := pc - 1
			for side, to := range [2]*oBlock{b.jt, b.jf} {
				if !far[2*i+side] {
					continue
				}
				if j, seen := pendingOf[to]; seen {
					waiting[j] = append(waiting[j], [2]int{i, side})
					continue
				}
				pendingOf[to] = len(pending)
				pending = append(pending, trampDemand{to, br + 256})
				waiting = append(waiting, [][2]int{{i, side}})
			}
		}
		if !ok {
			return nil
		}
		start[n] = pc
		if len(pending) > 0 {
			if pc+len(pending)-1 > pending[len(pending)-1].deadline {
				return nil
			}
			pc = emit(pc, len(pending))
		}
		// A branch that is not far yet but is out of reach now becomes
		// far, and the layout is redone.
		grew := false
		for i, b := range g.blocks {
			if b.isRet() || b.jump() {
				continue
			}
			br := start[i] + len(b.stmts)
			for side, to := range [2]*oBlock{b.jt, b.jf} {
				if !far[2*i+side] && start[to.idx]-br-1 > 255 {
					far[2*i+side], grew = true, true
				}
			}
		}
		if grew {
			continue
		}
		// Encode, trampolines in place.
		prog := make([]bpf.RawInstruction, 0, pc)
		t := 0
		flush := func(upTo int) {
			for t < len(tramps) && tramps[t].pos < upTo {
				to := tramps[t].to
				if to.isRet() {
					prog = append(prog, bpf.RawInstruction{Op: to.code, K: to.k})
				} else {
					prog = append(prog, bpf.RawInstruction{Op: ClassJMP | JumpJA, K: uint32(start[to.idx] - len(prog) - 1)})
				}
				t++
			}
		}
		for i, b := range g.blocks {
			flush(start[i])
			if len(prog) != start[i] {
				return nil
			}
			var branch bool
			prog, branch = encodeBody(prog, b, start, fallsInto(i))
			pc := len(prog)
			if branch {
				var off [2]int
				for side, to := range [2]*oBlock{b.jt, b.jf} {
					dest := start[to.idx]
					if far[2*i+side] {
						dest = tramps[use[2*i+side]].pos
					}
					off[side] = dest - pc - 1
					if off[side] < 0 || off[side] > 255 {
						return nil
					}
				}
				prog = append(prog, bpf.RawInstruction{Op: b.code, Jt: uint8(off[0]), Jf: uint8(off[1]), K: b.k})
			}
		}
		flush(pc + 1)
		if len(prog) != pc {
			return nil
		}
		return prog
	}
	return nil
}

// encodeBody appends b's statements to prog, then its return, or its
// unconditional jump unless it falls into the next block (start holds the
// blocks' positions); it reports whether b ends in a conditional branch,
// which the caller encodes.
func encodeBody(prog []bpf.RawInstruction, b *oBlock, start []int, fallsInto bool) ([]bpf.RawInstruction, bool) {
	for _, s := range b.stmts {
		prog = append(prog, bpf.RawInstruction{Op: s.code, K: s.k})
	}
	switch {
	case b.isRet():
		return append(prog, bpf.RawInstruction{Op: b.code, K: b.k}), false
	case b.jump():
		if !fallsInto {
			prog = append(prog, bpf.RawInstruction{Op: ClassJMP | JumpJA, K: uint32(start[b.jt.idx] - len(prog) - 1)})
		}
		return prog, false
	}
	return prog, true
}
