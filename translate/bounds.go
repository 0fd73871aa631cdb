package translate

import (
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// This file places the bounds checks of the direct targets.
//
// A packet load that fails ends a classic program with verdict 0, and so
// does a failed bounds check. So a check may prove more than the load
// needs, as long as every path from the check reaches loads that need at
// least as much before it can return: a packet too short for the check
// would then have failed one of those loads anyway, with the same verdict.
//
// Two dataflow passes over the classic control-flow graph do this, once for
// loads at constant offsets (checked against data) and once for [x + k]
// loads (checked against data + X, relative to the current value of X):
//
//   - need[pc], backwards: the largest end offset that every path from pc
//     loads before it returns (min over successors, max with the load at
//     pc). Instructions that change X (or call a helper, which clobbers
//     the register holding data + X) end the [x + k] regions.
//   - proven[pc], forwards: the bound that every path to pc has checked
//     already (min over predecessors).
//
// A load checks need[pc] only where proven[pc] does not cover it. The
// result: consecutive loads in a block, and loads along straight-line
// paths, share one check; a path that has proven a bound never checks it
// again; after a branch, each side checks what it needs.

// infinity is the "not yet known" value of the forward pass.
const infinity = 1 << 30

// writesX reports whether ri changes X or clobbers the scratch registers
// (a helper call), ending a region of merged [x + k] checks.
func (g *gen) writesX(ri bpf.RawInstruction) bool {
	switch class(ri.Op) {
	case cbpf.ClassLDX:
		return true
	case cbpf.ClassMISC:
		return ri.Op == cbpf.ClassMISC|cbpf.MiscTAX
	case cbpf.ClassLD:
		switch addrMode(ri.Op) {
		case cbpf.ModeABS:
			return isAncillary(ri.K) && callsHelper(ri.K-adBase)
		case cbpf.ModeLEN: // a helper call where the context has no length
			return g.mode.target().Info().Context.Len < 0
		}
	}
	return false
}

// indLoad returns the end (k + width) of an [x + k] load that takes part
// in merged checks.
func indLoad(ri bpf.RawInstruction) (int, bool) {
	if class(ri.Op) != cbpf.ClassLD || addrMode(ri.Op) != cbpf.ModeIND {
		return 0, false
	}
	n := loadBytes(ri.Op)
	if n == 0 || !indMerged(ri.K, n) {
		return 0, false
	}
	return int(ri.K) + n, true
}

// placeChecks fills g.check and g.checkInd.
func (g *gen) placeChecks(succ, preds [][]int) {
	g.check = g.place(succ, preds, g.constLoad, func(bpf.RawInstruction) bool { return false })
	g.checkInd = g.place(succ, preds, indLoad, g.writesX)
}

// place runs the two passes for one kind of load: load gives the end
// offset a load needs, reset marks instructions after which nothing proven
// or needed carries over.
func (g *gen) place(succ, preds [][]int, load func(bpf.RawInstruction) (int, bool), reset func(bpf.RawInstruction) bool) []int {
	n := len(g.raw)
	need := make([]int, n)
	for changed := true; changed; {
		changed = false
		for pc := n - 1; pc >= 0; pc-- {
			if !g.reach[pc] {
				continue
			}
			ri := g.raw[pc]
			v := 0
			if !reset(ri) && len(succ[pc]) > 0 {
				v = infinity
				for _, s := range succ[pc] {
					v = min(v, need[s])
				}
			}
			if e, ok := load(ri); ok {
				v = max(v, e)
			}
			if v != need[pc] {
				need[pc], changed = v, true
			}
		}
	}

	in := make([]int, n)
	for i := range in {
		in[i] = infinity
	}
	out := func(pc int) int {
		ri := g.raw[pc]
		if reset(ri) {
			return 0
		}
		if e, ok := load(ri); ok && in[pc] < e {
			return need[pc]
		}
		return in[pc]
	}
	for changed := true; changed; {
		changed = false
		for pc := range n {
			if !g.reach[pc] {
				continue
			}
			v := infinity
			if pc == 0 {
				v = 0
			}
			for _, p := range preds[pc] {
				v = min(v, out(p))
			}
			if v != in[pc] {
				in[pc], changed = v, true
			}
		}
	}

	check := make([]int, n)
	for pc := range n {
		if !g.reach[pc] {
			continue
		}
		if e, ok := load(g.raw[pc]); ok && in[pc] < e {
			check[pc] = need[pc]
		}
	}
	return check
}
