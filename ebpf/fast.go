package ebpf

// The fast form. A program whose jumps all go forward and that makes no
// local call executes each of its slots at most once per run, so it can
// never execute more instructions than it has slots: when it has no more
// slots than the budget allows instructions, no run can exhaust the budget
// and the interpreter need not count. Such a program is also free of call
// frames, so exit always ends the run. For these programs (which include
// everything package translate emits, except loops for protochain) NewVM
// builds a second decoded form, run by fastExec (fast_exec.go): a small
// interpreter with its own dense operation codes, no budget accounting, no
// frames, memory accesses to the packet written out inline, and more fused
// operations for the sequences translate emits for direct packet access.
// Every other program runs in exec (vm_exec.go).
//
// The fast form keeps the slot numbering of the program: like fuse.go, a
// fused operation sits at the slot of its first instruction and the other
// slots of the sequence keep their own instruction, so a jump into the middle
// of a sequence runs the rest of it unfused.

// finst is an instruction of the fast form: an inst without the budget cost,
// and with aux, the third register of opCheck. Its op is one of exec's
// operations other than atomics, local calls and the absolute legacy loads
// (which become indexed loads from regZero), or one of the fused operations
// only the fast form has (opCheck, opLdxHBE, opLdxWBE).
type finst struct {
	op       op
	dst, src uint8
	aux      uint8
	off      int32
	imm      uint64
}

// buildFast returns the fast form of the program whose plain decoding is
// plain and fused decoding (fuse.go) fused, or nil when the program does not
// qualify: it has a backward (or self) jump, a local call, an atomic
// operation, or more slots than budget.
func buildFast(plain, fused []inst, budget uint64) []finst {
	if uint64(len(plain)) > budget {
		return nil
	}
	for pc := range plain {
		in := &plain[pc]
		switch {
		case in.op == opCallLocal, in.op == opAtomic32, in.op == opAtomic64:
			return nil
		case in.op >= opJA && in.op <= opJSLe32X:
			if int(in.off) <= pc {
				return nil
			}
		}
	}
	out := make([]finst, len(fused))
	for pc := range fused {
		in := &fused[pc]
		out[pc] = finst{op: in.op, dst: in.dst, src: in.src, off: in.off, imm: in.imm}
		if in.op >= opLdAbsB && in.op <= opLdAbsW {
			out[pc].op += opLdIndB - opLdAbsB
			out[pc].src = regZero
		}
	}
	fuseDirect(plain, out)
	return out
}

// fuseDirect fuses, in the fast form out of the program plain, the sequences
// package translate emits for direct packet access: the bounds check
// (mov64 rD, rS; add64 rD, k; jgt rD, rE, target) and a 2- or 4-byte load
// followed by its byte swap to host order.
func fuseDirect(plain []inst, out []finst) {
	at := func(i int) *inst {
		if i < len(plain) {
			return &plain[i]
		}
		return &inst{}
	}
	for i := range plain {
		in, next, third := &plain[i], at(i+1), at(i+2)
		if out[i].op != in.op {
			continue // already fused
		}
		switch in.op {
		case opMov64X:
			if next.op == opAdd64K && next.dst == in.dst &&
				third.op == opJGtX && third.dst == in.dst {
				out[i] = finst{op: opCheck, dst: in.dst, src: in.src, aux: third.src, off: third.off, imm: next.imm}
			}
		case opLdxH, opLdxW:
			swap, f := opSwap16, opLdxHBE
			if in.op == opLdxW {
				swap, f = opSwap32, opLdxWBE
			}
			if next.op == swap && next.dst == in.dst {
				out[i] = finst{op: f, dst: in.dst, src: in.src, off: in.off}
			}
		}
	}
}
