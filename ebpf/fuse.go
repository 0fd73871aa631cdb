package ebpf

// Fusion: after validation, common sequences of instructions are replaced by
// one operation at the slot of their first instruction, so that the
// interpreter dispatches once where it would dispatch two to six times. The
// sequences are the ones package translate emits for classic BPF: a legacy
// packet load followed by a comparison of r0 with a constant, the six
// instructions of ldxb 4*([k]&0xf), the moves of the prologue, and
// mov r0, imm; exit.
//
// Only the first slot changes: the other slots of a sequence keep their own
// decoded instruction, so a jump into the middle of a sequence runs it as
// before. A fused operation's cost is the number of instructions it stands
// for and is charged against the budget in one go; when the budget left is
// smaller, the interpreter runs the unfused instruction of the slot instead,
// so a run ends with ErrBudgetExhausted at the same instruction as without
// fusion. A fused operation has the effects of its sequence in order, and
// ends the run at the same point when a load is outside the packet.

// regZero is a register index that no instruction writes (the validator
// refuses registers above r10), so it always reads 0: absolute loads use it
// as the index register of the fused load-and-compare.
const regZero = 11

// fusedLoadJump gives the fused op for a legacy load of each size (B, H, W)
// followed by each JMP32 immediate comparison.
var fusedLoadJump = map[op][3]op{
	opJEq32K:  {opLdBJEq, opLdHJEq, opLdWJEq},
	opJNe32K:  {opLdBJNe, opLdHJNe, opLdWJNe},
	opJGt32K:  {opLdBJGt, opLdHJGt, opLdWJGt},
	opJGe32K:  {opLdBJGe, opLdHJGe, opLdWJGe},
	opJLt32K:  {opLdBJLt, opLdHJLt, opLdWJLt},
	opJLe32K:  {opLdBJLe, opLdHJLe, opLdWJLe},
	opJSet32K: {opLdBJSet, opLdHJSet, opLdWJSet},
}

// fuse returns a copy of the validated program insts with fused operations
// at the first slot of every sequence it recognizes. The second slot of a
// lddw decodes as opInvalid, so no sequence includes one.
func fuse(insts []inst) []inst {
	out := make([]inst, len(insts))
	copy(out, insts)
	at := func(i int) *inst {
		if i < len(insts) {
			return &insts[i]
		}
		return &inst{}
	}
	for i := range insts {
		in := &insts[i]
		next := at(i + 1)
		switch in.op {
		case opLdAbsB, opLdAbsH, opLdAbsW, opLdIndB, opLdIndH, opLdIndW:
			ops, ok := fusedLoadJump[next.op]
			if !ok || next.dst != 0 {
				continue
			}
			size, idx := 0, uint8(regZero)
			switch in.op {
			case opLdAbsH, opLdIndH:
				size = 1
			case opLdAbsW, opLdIndW:
				size = 2
			}
			if in.op >= opLdIndB {
				idx = in.src
			}
			out[i] = inst{op: ops[size], src: idx, cost: 2, off: next.off,
				imm: uint64(uint32(in.imm)) | uint64(uint32(next.imm))<<32}
		case opMov32X:
			// mov32 S, r0; ldabsb [k]; and32 r0, 15; lsh32 r0, 2; mov32 X, r0; mov32 r0, S
			s := in.dst
			ld, and, lsh, toX, back := next, at(i+2), at(i+3), at(i+4), at(i+5)
			if in.src == 0 && ld.op == opLdAbsB &&
				and.op == opAnd32K && and.dst == 0 && and.imm == 15 &&
				lsh.op == opLsh32K && lsh.dst == 0 && lsh.imm == 2 &&
				toX.op == opMov32X && toX.src == 0 &&
				back.op == opMov32X && back.dst == 0 && back.src == s {
				out[i] = inst{op: opMSH, dst: toX.dst, src: s, cost: 6, imm: ld.imm}
			}
		case opMov32K, opMov64K:
			v := in.imm
			if in.op == opMov32K {
				v = uint64(uint32(v))
			}
			switch {
			case next.op == opExit && in.dst == 0:
				out[i] = inst{op: opRetK, cost: 2, imm: v}
			case (next.op == opMov32K || next.op == opMov64K && next.imm < 1<<31) && v < 1<<32:
				out[i] = inst{op: opMov2K, dst: in.dst, src: next.dst, cost: 2,
					imm: v | uint64(uint32(next.imm))<<32}
			}
		}
	}
	return out
}
