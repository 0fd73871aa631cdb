package cbpf

import (
	"fmt"

	"golang.org/x/net/bpf"
)

// layout places the blocks in the graph's order and encodes them. An
// unconditional jump to the next block is left out; one elsewhere is a
// "ja". A conditional branch whose target is more than 255 instructions
// away goes through a "ja" placed right after it.
func (g *oGraph) layout() ([]bpf.RawInstruction, error) {
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
		for _, s := range b.stmts {
			prog = append(prog, bpf.RawInstruction{Op: s.code, K: s.k})
		}
		pc := len(prog)
		switch {
		case b.isRet():
			prog = append(prog, bpf.RawInstruction{Op: b.code, K: b.k})
		case b.jump():
			if b.jt.idx != i+1 {
				prog = append(prog, bpf.RawInstruction{Op: ClassJMP | JumpJA, K: uint32(start[b.jt.idx] - pc - 1)})
			}
		default:
			ins := bpf.RawInstruction{Op: b.code, K: b.k}
			extra := 0
			var jas []bpf.RawInstruction
			if longT[i] {
				ins.Jt = uint8(extra)
				extra++
				jas = append(jas, bpf.RawInstruction{Op: ClassJMP | JumpJA, K: uint32(start[b.jt.idx] - (pc + extra) - 1)})
			} else {
				ins.Jt = uint8(start[b.jt.idx] - pc - 1)
			}
			if longF[i] {
				ins.Jf = uint8(extra)
				extra++
				jas = append(jas, bpf.RawInstruction{Op: ClassJMP | JumpJA, K: uint32(start[b.jf.idx] - (pc + extra) - 1)})
			} else {
				ins.Jf = uint8(start[b.jf.idx] - pc - 1)
			}
			prog = append(prog, ins)
			prog = append(prog, jas...)
		}
	}
	if len(prog) != start[n] {
		return nil, fmt.Errorf("internal error: optimizer layout placed %d instructions, planned %d", len(prog), start[n])
	}
	return prog, nil
}
