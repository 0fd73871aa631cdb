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
// The prologue of a program is not run either, in RunSocket and RunXDP. At
// their entry every register holds a known constant (r1 the context's
// address, r10 the top of the stack, the others zero), so buildFast runs the
// moves at the start of the program, and the loads of data and data_end from
// the context, once for each kind of run, and fastExec starts after them with
// the registers they leave (data_end set from the packet's length). For
// translate's programs, that is the whole prologue.
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

// fastForm is a program's fast form.
type fastForm struct {
	insts []finst
	entry [4]entryState // for each runKind (the fourth is unused)
}

// entryState is the state of the registers after the prologue of a program
// in one kind of run (see prologue).
type entryState struct {
	start  int        // the first slot after the prologue
	regs   [16]uint64 // the registers there
	hasEnd bool       // a register holds data_end:
	endReg uint8      // this one
}

// buildFast returns the fast form of the program whose plain decoding is
// plain and fused decoding (fuse.go) fused, or nil when the program does not
// qualify: it has a backward (or self) jump, a local call, an atomic
// operation, or more slots than budget.
func buildFast(plain, fused []inst, budget uint64) *fastForm {
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
	return &fastForm{insts: out, entry: [4]entryState{
		runMem:    {regs: [16]uint64{1: memBase, regFP: stackBase + StackSize*MaxCallDepth}}, // r2 = len(mem)
		runSocket: prologue(plain, runSocket),
		runXDP:    prologue(plain, runXDP),
	}}
}

// prologue runs the start of the program plain for a run of kind (runSocket
// or runXDP) as far as the registers stay known: moves of immediates and of
// registers, and 4-byte loads of the context's data, data_meta and data_end
// fields through a register holding the context's address. The values are
// constants except data_end, the end of the packet, which at most one
// register may hold. No jump can land in the prologue: the fast form has
// forward jumps only, and there is none before its end. The last slot of the
// program is never part of it (a valid program does not end with a move or a
// load), so start is always a slot of the program.
func prologue(plain []inst, kind runKind) entryState {
	regs := [16]uint64{1: ctxBase, regFP: stackBase + StackSize*MaxCallDepth}
	end := -1 // the register holding data_end
	fData, fMeta, fEnd := uint64(skbData), uint64(skbDataMeta), uint64(skbDataEnd)
	if kind == runXDP {
		fData, fMeta, fEnd = xdpData, xdpDataMeta, xdpDataEnd
	}
	pc := 0
	for ; pc < len(plain)-1; pc++ {
		in := &plain[pc]
		d := int(in.dst)
		v, vEnd := uint64(0), false // the value written to d
		switch in.op {
		case opMov64K:
			v = in.imm
		case opMov32K:
			v = uint64(uint32(in.imm))
		case opMov64X:
			v, vEnd = regs[in.src], end == int(in.src)
		case opMov32X:
			if end == int(in.src) {
				goto stop
			}
			v = uint64(uint32(regs[in.src]))
		case opLdxW:
			if end == int(in.src) || regs[in.src] != ctxBase {
				goto stop
			}
			switch uint64(int64(in.off)) {
			case fData, fMeta:
				v = packetBase
			case fEnd:
				vEnd = true
			default:
				goto stop
			}
		default:
			goto stop
		}
		if vEnd && end >= 0 && end != d {
			goto stop // a second register would hold data_end
		}
		regs[d] = v
		switch {
		case vEnd:
			end = d
		case end == d:
			end = -1
		}
	}
stop:
	st := entryState{start: pc, regs: regs}
	if end >= 0 {
		st.hasEnd, st.endReg = true, uint8(end)
	}
	return st
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
