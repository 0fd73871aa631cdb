package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// analyze validates the control flow of g.raw and computes what the code
// generator needs: reachable instructions (the verifier refuses unreachable
// code), jump targets, backward jumps, scratch slots that may be read
// before they are written, and for the direct targets where the bounds
// checks go.
func (g *gen) analyze() error {
	n := len(g.raw)
	succ := make([][]int, n)
	g.reach = make([]bool, n)
	g.target = make([]bool, n)
	stack := []int{0}
	g.reach[0] = true
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		next, back, err := successors(g.raw, pc)
		if err != nil {
			g.pc = pc
			return g.errorf("%w", err)
		}
		if g.endsProgram(g.raw[pc]) {
			next = nil
		}
		succ[pc] = next
		if back {
			g.backward = true
		}
		isJump := class(g.raw[pc].Op) == cbpf.ClassJMP
		for _, t := range next {
			if isJump {
				g.target[t] = true
			}
			if !g.reach[t] {
				g.reach[t] = true
				stack = append(stack, t)
			}
		}
	}
	preds := make([][]int, n)
	for pc, next := range succ {
		for _, t := range next {
			preds[t] = append(preds[t], pc)
		}
	}
	g.zeroSlot = g.uninitializedScratch(succ, preds)
	if g.mode != modeSocket {
		g.placeChecks(succ, preds)
	}
	return nil
}

// endsProgram reports whether ri, in a direct target, always ends the
// program with the drop verdict (a packet load the target can never
// satisfy), so that the instructions after it are not reached through it.
func (g *gen) endsProgram(ri bpf.RawInstruction) bool {
	if g.mode == modeSocket {
		return false
	}
	if _, ok := g.constLoad(ri); ok {
		return false
	}
	switch {
	case class(ri.Op) == cbpf.ClassLD && addrMode(ri.Op) == cbpf.ModeABS && !isAncillary(ri.K):
		return true
	case class(ri.Op) == cbpf.ClassLDX && addrMode(ri.Op) == cbpf.ModeMSH:
		return true
	}
	return false
}

// constLoad returns the end (offset + width) of a packet load at a constant
// offset that a direct target can perform, and false for other
// instructions.
func (g *gen) constLoad(ri bpf.RawInstruction) (end int, ok bool) {
	var n int
	switch {
	case class(ri.Op) == cbpf.ClassLD && addrMode(ri.Op) == cbpf.ModeABS && !isAncillary(ri.K):
		n = loadBytes(ri.Op)
	case class(ri.Op) == cbpf.ClassLDX && addrMode(ri.Op) == cbpf.ModeMSH:
		n = 1
	default:
		return 0, false
	}
	off, ok := directOffset(ri.K)
	if !ok || n == 0 || off+n > g.maxOff() {
		return 0, false
	}
	return off + n, true
}

// uninitializedScratch returns the scratch slots some path may read
// before writing them. The kernel refuses such classic programs; a
// translation zeroes these slots at entry so that eBPF reads are always of
// initialized stack.
func (g *gen) uninitializedScratch(succ, preds [][]int) uint16 {
	n := len(g.raw)
	// in[pc]: slots written on every path to pc (must analysis).
	in := make([]uint16, n)
	for i := range in {
		in[i] = 0xffff
	}
	in[0] = 0
	out := func(pc int) uint16 {
		v := in[pc]
		if ri := g.raw[pc]; class(ri.Op) == cbpf.ClassST || class(ri.Op) == cbpf.ClassSTX {
			if ri.K < memWords {
				v |= 1 << ri.K
			}
		}
		return v
	}
	for changed := true; changed; {
		changed = false
		for pc := 1; pc < n; pc++ {
			if !g.reach[pc] {
				continue
			}
			v := uint16(0xffff)
			for _, p := range preds[pc] {
				v &= out(p)
			}
			if v != in[pc] {
				in[pc], changed = v, true
			}
		}
	}
	var zero uint16
	for pc, ri := range g.raw {
		if !g.reach[pc] || addrMode(ri.Op) != cbpf.ModeMEM || (class(ri.Op) != cbpf.ClassLD && class(ri.Op) != cbpf.ClassLDX) {
			continue
		}
		if ri.K < memWords && in[pc]&(1<<ri.K) == 0 {
			zero |= 1 << ri.K
		}
	}
	return zero
}

// checkJumps verifies that no emitter returned an invalid instruction and
// that every jump of insns reaches its label with an
// offset that fits the instruction's 16-bit field: asm.Instructions.Marshal
// truncates such offsets without a word. Jumps to external (a fragment's
// result label, outside insns) are left for the caller's program.
func checkJumps(insns asm.Instructions, external string) error {
	offsets := make(map[string]int64)
	iter := insns.Iterate()
	for iter.Next() {
		if sym := iter.Ins.Symbol(); sym != "" {
			if _, dup := offsets[sym]; dup {
				return fmt.Errorf("duplicate label %q", sym)
			}
			offsets[sym] = int64(iter.Offset)
		}
	}
	iter = insns.Iterate()
	for iter.Next() {
		if iter.Ins.OpCode == asm.InvalidOpCode {
			return fmt.Errorf("internal error: eBPF instruction %d is invalid", iter.Index)
		}
		ref := iter.Ins.Reference()
		if ref == "" || (external != "" && ref == external) || !iter.Ins.OpCode.Class().IsJump() || iter.Ins.IsFunctionCall() {
			continue
		}
		t, ok := offsets[ref]
		if !ok {
			return fmt.Errorf("eBPF instruction %d jumps to undefined label %q", iter.Index, ref)
		}
		if d := t - int64(iter.Offset) - 1; d < -0x8000 || d > 0x7fff {
			return fmt.Errorf("eBPF instruction %d jumps %d instructions to %q, beyond the 16-bit offset field", iter.Index, d, ref)
		}
	}
	return nil
}
