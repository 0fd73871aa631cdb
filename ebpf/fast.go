package ebpf

import "github.com/gocap/gocap/internal/bpfctx"

// The fast form. A program whose jumps all go forward and that makes no
// local call executes each of its slots at most once per run, so it can
// never execute more instructions than it has slots: when it has no more
// slots than the budget allows instructions, no run can exhaust the budget
// and the interpreter need not count. Such a program is also free of call
// frames, so exit always ends the run. For these programs (which include
// everything package translate emits, except loops for protochain) NewVM
// builds the fast form, an analysed copy of the program with more fused
// operations for the sequences translate emits for direct packet access,
// from which it builds the compact forms that RunSocket and RunXDP run
// (compact.go). Every other program runs in exec (vm_exec.go).
//
// The prologue of a program is not run either, in RunSocket and RunXDP. At
// their entry every register holds a known constant (r1 the context's
// address, r10 the top of the stack, the others zero), so buildFast runs the
// moves at the start of the program, and the loads of data and data_end from
// the context, once for each kind of run, and the compact forms start after
// them with the registers they leave (data_end set from the packet's
// length). For translate's programs, that is the whole prologue.
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
	insts  []finst
	live   []regMask     // liveness of the plain program, slot by slot
	stores bool          // the program has store instructions, so it may leave the stack dirty
	entry  [4]entryState // for each runKind (the fourth is unused)
}

// entryState says where a run of one kind starts and what it must set in
// the registers first: those the rest of the program may read before writing
// them (liveness), to the values they have after the prologue.
type entryState struct {
	start int
	// Register lenReg is set to lenBase plus the length of the data:
	// data_end, or r2 in Run; regSpare when no live register holds it.
	lenReg  uint8
	lenBase uint64
	// The other registers to set: the first n of init, then more. r10 and
	// regZero are not among them: the loops' registers always hold them.
	n    int
	init [2]regValue
	more []regValue
}

// regValue is a register and its value.
type regValue struct {
	reg uint8
	val uint64
}

// regSpare is a register index no instruction reads (the validator refuses
// registers above r10, and regZero is 11), where the loops may write at will.
const regSpare = 12

// buildFast returns the fast form of the program whose plain decoding is
// plain and fused decoding (fuse.go) fused, or nil when the program does not
// qualify: it has a backward (or self) jump, a local call, an atomic
// operation, or more slots than budget.
//
// noArgs says whether helper index i reads none of r1 to r5 (the VM's own
// bpf_xdp_get_buff_len).
func buildFast(plain, fused []inst, budget uint64, noArgs func(i uint64) bool) *fastForm {
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
		out[pc] = plainFinst(&fused[pc])
	}
	fuseDirect(plain, out)
	live := liveness(plain, noArgs)
	markClobbers(plain, out, live)
	markReturns(out)
	for i := range out {
		// Absolute loads (the index is regZero) of a nonnegative offset
		// need neither the index nor the sign test.
		if in := &out[i]; in.op >= opLdBJEq && in.op <= opLdWJSet && in.src == regZero && int32(uint32(in.imm)) >= 0 {
			in.op += opLdABJEq - opLdBJEq
		}
	}
	stores := false
	for _, in := range plain {
		stores = stores || in.op >= opStB && in.op <= opStxDW
	}
	f := &fastForm{insts: out, live: live, stores: stores}
	for _, kind := range []runKind{runSocket, runXDP} {
		start, regs, end := prologue(plain, out, kind)
		f.entry[kind] = entryFor(start, regs, end, live[start])
	}
	return f
}

// entryFor returns the entry state of a run that starts at slot start with
// registers regs, plus the length of the data in register lenReg (if not
// -1), when the registers in live may be read before being written.
func entryFor(start int, regs [regFP + 1]uint64, lenReg int, live regMask) entryState {
	st := entryState{start: start, lenReg: regSpare}
	for r := 0; r < regFP; r++ {
		switch {
		case live&(1<<r) == 0:
		case r == lenReg:
			st.lenReg, st.lenBase = uint8(r), regs[r]
		case st.n < len(st.init):
			st.init[st.n] = regValue{uint8(r), regs[r]}
			st.n++
		default:
			st.more = append(st.more, regValue{uint8(r), regs[r]})
		}
	}
	return st
}

// prologue runs the start of the program plain for a run of kind (runSocket
// or runXDP) as far as the registers stay known: moves of immediates and of
// registers, and 4-byte loads of the context's data, data_meta and data_end
// fields through a register holding the context's address. It returns the
// slot after them, the registers there and the register holding data_end (the
// end of the packet, added to the value in regs), or -1; at most one register
// may hold it. No jump can land in the prologue: the fast form has forward
// jumps only, and there is none before its end. It stops at a fused operation
// of the fast form (out) other than two moves. The last slot of the program
// is never part of it (a valid program does not end with a move or a load),
// so start is always a slot of the program.
func prologue(plain []inst, out []finst, kind runKind) (start int, regs [regFP + 1]uint64, end int) {
	regs[1], regs[regFP] = ctxBase, stackBase+stackLen
	end = -1
	fData, fMeta, fEnd := uint64(bpfctx.SKBData), uint64(bpfctx.SKBDataMeta), uint64(bpfctx.SKBDataEnd)
	if kind == runXDP {
		fData, fMeta, fEnd = bpfctx.XDPData, bpfctx.XDPDataMeta, bpfctx.XDPDataEnd
	}
	for ; start < len(plain)-1; start++ {
		in := &plain[start]
		if f := out[start].op; f != in.op && f != opMov2K {
			return // better run as the fused operation that starts here
		}
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
				return
			}
			v = uint64(uint32(regs[in.src]))
		case opLdxW:
			if end == int(in.src) || regs[in.src] != ctxBase {
				return
			}
			switch uint64(int64(in.off)) {
			case fData, fMeta:
				v = packetBase
			case fEnd:
				v, vEnd = packetBase, true
			default:
				return
			}
		default:
			return
		}
		switch {
		case vEnd && end >= 0 && end != d:
			return // a second register would hold data_end
		case vEnd:
			end = d
		case end == d:
			end = -1
		}
		regs[d] = v
	}
	return
}

// regMask is a set of registers, r0 to r10.
type regMask uint16

// maskR1R5 is the registers that legacy packet loads clobber.
const maskR1R5 regMask = 0b111110

// liveness returns, for each slot of the validated program plain, the
// registers that some path from that slot reads before writing them (r10
// excepted: it never changes). Jumps go forward in programs with a fast form,
// so one pass from the last slot to the first sees every successor of a slot
// before the slot itself. A helper call reads r1 to r5 unless noArgs says
// the helper reads none.
func liveness(plain []inst, noArgs func(i uint64) bool) []regMask {
	live := make([]regMask, len(plain)+1) // live[len(plain)] is nothing: no path gets there
	bit := func(r uint8) regMask { return 1 << (r & 15) & (1<<regFP - 1) }
	for pc := len(plain) - 1; pc >= 0; pc-- {
		in := &plain[pc]
		next := live[pc+1]
		var use, def regMask
		switch o := in.op; {
		case o == opInvalid: // second slot of a lddw: never run
			continue
		case deadWrite(in.op, in.dst, next):
			// Nothing reads what it writes: it reads nothing either
			// (the compact forms skip it: deadSlot).
			live[pc] = next
			continue
		case o == opExit:
			live[pc] = bit(0)
			continue
		case o == opJA:
			live[pc] = live[in.off]
			continue
		case o >= opJEqK && o <= opJSLe32X:
			use = bit(in.dst)
			if (o-opJEqK)%2 == 1 { // register forms
				use |= bit(in.src)
			}
			live[pc] = use | next | live[in.off]
			continue
		case o == opLddw:
			next = live[pc+2]
			def = bit(in.dst)
		case o == opMov64K || o == opMov32K:
			def = bit(in.dst)
		case o == opMov64X || o == opMov32X || o >= opMovSX64B && o <= opMovSX64W || o == opMovSX32B || o == opMovSX32H:
			use, def = bit(in.src), bit(in.dst)
		case o >= opAdd64K && o <= opArsh32X:
			use, def = bit(in.dst), bit(in.dst)
			if aluRegSource[o] {
				use |= bit(in.src)
			}
		case o >= opLE16 && o <= opSwap64:
			use, def = bit(in.dst), bit(in.dst)
		case o >= opLdxB && o <= opLdxSW:
			use, def = bit(in.src), bit(in.dst)
		case o >= opStB && o <= opStDW:
			use = bit(in.dst)
		case o >= opStxB && o <= opStxDW:
			use = bit(in.dst) | bit(in.src)
		case o >= opLdAbsB && o <= opLdAbsW:
			def = bit(0) | maskR1R5
		case o >= opLdIndB && o <= opLdIndW:
			use, def = bit(in.src), bit(0)|maskR1R5
		case o == opCall:
			use, def = maskR1R5, bit(0)
			if noArgs(in.imm) {
				use = 0
			}
		default: // anything else reads every register
			use = 1<<regFP - 1
		}
		live[pc] = use | next&^def
	}
	return live
}

// deadWrite says whether an instruction of operation o whose destination is
// dst, and after which the registers in next are live, has no effect: o only
// writes dst (a move, or an ALU or byte-order operation other than division
// and modulo), and no path reads dst before writing it.
func deadWrite(o op, dst uint8, next regMask) bool {
	switch {
	case o >= opDiv64K && o <= opSDiv64X, o >= opMod64K && o <= opSMod64X,
		o >= opDiv32K && o <= opSDiv32X, o >= opMod32K && o <= opSMod32X:
		return false
	case o >= opAdd64K && o <= opArsh32X, o >= opLE16 && o <= opSwap64:
		return dst < regFP && next&(1<<dst) == 0
	}
	return false
}

// aluRegSource holds the ALU operations with a register source (other than
// moves).
var aluRegSource = func() map[op]bool {
	m := map[op]bool{opSDiv64X: true, opSMod64X: true, opSDiv32X: true, opSMod32X: true}
	for _, t := range []*[14][2]op{&aluOps64, &aluOps32} {
		for _, pair := range t {
			if pair[1] != opInvalid {
				m[pair[1]] = true
			}
		}
	}
	return m
}()

// markClobbers sets aux in the fast form out at the legacy loads of the
// program plain after which some path may read r1 to r5 before writing
// them: only there must the compact loops clear them as the load does. A
// fused operation that contains such a load is unfused first (its slot runs
// its own instruction, and the next slot the rest), so that the flag is only
// ever on a plain legacy load.
func markClobbers(plain []inst, out []finst, live []regMask) {
	for i := range out {
		k := -1 // the plain slot of the legacy load
		switch o := out[i].op; {
		case o >= opLdIndB && o <= opLdIndW, o >= opLdBJEq && o <= opLdWJSet:
			k = i
		case o == opMSH:
			k = i + 1
		}
		if k < 0 || live[k+1]&maskR1R5 == 0 {
			continue
		}
		if out[i].op < opLdIndB || out[i].op > opLdIndW {
			out[i] = plainFinst(&plain[i])
		}
		if k == i {
			out[i].aux |= auxClobber
		}
	}
}

// plainFinst returns the fast form's instruction for the unfused
// instruction in: as itself, but for absolute legacy loads, which become
// indexed loads from regZero.
func plainFinst(in *inst) finst {
	f := finst{op: in.op, dst: in.dst, src: in.src, off: in.off, imm: in.imm}
	if in.op >= opLdAbsB && in.op <= opLdAbsW {
		f.op += opLdIndB - opLdAbsB
		f.src = regZero
	}
	return f
}

// Flags of finst.aux for legacy loads and jumps.
const (
	auxClobber  = 1 << iota // clear r1 to r5 after the load
	auxRetTaken             // the jump's target is a return (opRetK): return its value
	auxRetNext              // the slot after the jump (or fused load and jump) is a return
)

// markReturns flags, in the fast form out, the fused loads and jumps and the
// 32-bit conditional jumps whose target or next slot is a return of a
// constant, so that the compact form returns there without dispatching it, and
// replaces an unconditional jump to such a return by the return.
func markReturns(out []finst) {
	isRet := func(t int) bool { return t < len(out) && out[t].op == opRetK }
	for i := len(out) - 1; i >= 0; i-- { // targets first: jumps go forward
		if in := &out[i]; in.op == opJA && isRet(int(in.off)) {
			*in = out[in.off] // a jump to a return is that return
		}
	}
	for i := range out {
		in := &out[i]
		next := i + 1
		switch {
		case in.op >= opLdBJEq && in.op <= opLdWJSet, in.op >= opLdxBJEq && in.op <= opLdxBJSet:
			next = i + 2
		case in.op >= opLdxHJEq && in.op <= opLdxWJSet:
			next = i + 3
		case in.op >= opJEq32K && in.op <= opJSLe32X:
		default:
			continue
		}
		if isRet(int(in.off)) {
			in.aux |= auxRetTaken
		}
		if isRet(next) {
			in.aux |= auxRetNext
		}
	}
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
				fuseLoadJump(out, i, in, third, in.op-opLdxB)
			}
		case opLdxB:
			fuseLoadJump(out, i, in, next, 0)
		}
	}
}

// fuseLoadJump fuses, at slot i of the fast form out, the direct load in (of
// size 0, 1 or 2 for 1, 2 and 4 bytes, with its byte swap for the last two)
// and the instruction after it, jmp, when that compares the loaded register
// with a constant. The comparison's constant goes in the low half of imm,
// the load's offset in the high half, and off is the jump's target.
func fuseLoadJump(out []finst, i int, in, jmp *inst, size op) {
	ops, ok := fusedLoadJump[jmp.op]
	if !ok || jmp.dst != in.dst {
		return
	}
	out[i] = finst{op: ops[size] + opLdxBJEq - opLdBJEq, dst: in.dst, src: in.src, off: jmp.off,
		imm: uint64(uint32(jmp.imm)) | uint64(uint32(in.off))<<32}
}
