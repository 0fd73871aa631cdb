package ebpf

import (
	"encoding/binary"
	"fmt"
	"strings"
)

// inst is an instruction decoded for execution. Every field is pre-resolved:
// op names the whole behaviour, imm is already sign-extended (or masked, for
// shifts), and jump targets are absolute slot indexes.
type inst struct {
	op   op
	dst  uint8
	src  uint8
	cost uint8  // instructions of the budget it stands for: 1, or more for a fused op (fuse.go)
	off  int32  // memory offset, or absolute target slot of a jump or local call
	imm  uint64 // immediate operand, 64-bit constant, atomic kind or helper index
}

// rawInsn is one 8-byte slot as RFC 9669 encodes it.
type rawInsn struct {
	code     uint8
	dst, src uint8
	off      int16
	imm      int32
}

func parseSlot(b []byte) rawInsn {
	return rawInsn{
		code: b[0],
		dst:  b[1] & 0x0f,
		src:  b[1] >> 4,
		off:  int16(binary.LittleEndian.Uint16(b[2:])),
		imm:  int32(binary.LittleEndian.Uint32(b[4:])),
	}
}

// aluOps maps an ALU operation (code>>4) and its source bit to the dense op
// of the 64-bit form; aluOps32 to the 32-bit form. NEG, END and MOVSX, SDIV
// and SMOD are handled separately.
var aluOps64 = [14][2]op{
	aluADD >> 4:  {opAdd64K, opAdd64X},
	aluSUB >> 4:  {opSub64K, opSub64X},
	aluMUL >> 4:  {opMul64K, opMul64X},
	aluDIV >> 4:  {opDiv64K, opDiv64X},
	aluOR >> 4:   {opOr64K, opOr64X},
	aluAND >> 4:  {opAnd64K, opAnd64X},
	aluLSH >> 4:  {opLsh64K, opLsh64X},
	aluRSH >> 4:  {opRsh64K, opRsh64X},
	aluMOD >> 4:  {opMod64K, opMod64X},
	aluXOR >> 4:  {opXor64K, opXor64X},
	aluMOV >> 4:  {opMov64K, opMov64X},
	aluARSH >> 4: {opArsh64K, opArsh64X},
}

var aluOps32 = [14][2]op{
	aluADD >> 4:  {opAdd32K, opAdd32X},
	aluSUB >> 4:  {opSub32K, opSub32X},
	aluMUL >> 4:  {opMul32K, opMul32X},
	aluDIV >> 4:  {opDiv32K, opDiv32X},
	aluOR >> 4:   {opOr32K, opOr32X},
	aluAND >> 4:  {opAnd32K, opAnd32X},
	aluLSH >> 4:  {opLsh32K, opLsh32X},
	aluRSH >> 4:  {opRsh32K, opRsh32X},
	aluMOD >> 4:  {opMod32K, opMod32X},
	aluXOR >> 4:  {opXor32K, opXor32X},
	aluMOV >> 4:  {opMov32K, opMov32X},
	aluARSH >> 4: {opArsh32K, opArsh32X},
}

// jmpOps maps a conditional jump operation (code>>4) and its source bit to
// the dense op of the JMP form; jmpOps32 to the JMP32 form.
var jmpOps64 = [14][2]op{
	jmpJEQ >> 4:  {opJEqK, opJEqX},
	jmpJGT >> 4:  {opJGtK, opJGtX},
	jmpJGE >> 4:  {opJGeK, opJGeX},
	jmpJSET >> 4: {opJSetK, opJSetX},
	jmpJNE >> 4:  {opJNeK, opJNeX},
	jmpJSGT >> 4: {opJSGtK, opJSGtX},
	jmpJSGE >> 4: {opJSGeK, opJSGeX},
	jmpJLT >> 4:  {opJLtK, opJLtX},
	jmpJLE >> 4:  {opJLeK, opJLeX},
	jmpJSLT >> 4: {opJSLtK, opJSLtX},
	jmpJSLE >> 4: {opJSLeK, opJSLeX},
}

var jmpOps32 = [14][2]op{
	jmpJEQ >> 4:  {opJEq32K, opJEq32X},
	jmpJGT >> 4:  {opJGt32K, opJGt32X},
	jmpJGE >> 4:  {opJGe32K, opJGe32X},
	jmpJSET >> 4: {opJSet32K, opJSet32X},
	jmpJNE >> 4:  {opJNe32K, opJNe32X},
	jmpJSGT >> 4: {opJSGt32K, opJSGt32X},
	jmpJSGE >> 4: {opJSGe32K, opJSGe32X},
	jmpJLT >> 4:  {opJLt32K, opJLt32X},
	jmpJLE >> 4:  {opJLe32K, opJLe32X},
	jmpJSLT >> 4: {opJSLt32K, opJSLt32X},
	jmpJSLE >> 4: {opJSLe32K, opJSLe32X},
}

// decoder turns validated-in-isolation slots into insts. It checks every
// rule that concerns one instruction on its own (known opcode, unused fields
// zero, register numbers, writes to r10, known helpers); program-wide rules
// (jump targets, falling off the end) are in validate.go.
type decoder struct {
	helperIDs map[int32]int // helper id -> index into program.helpers
	// builtins are the ids of built-in helpers the program calls that the
	// caller did not give; they take the indexes after the caller's.
	builtins []int32
}

// decodeSlot decodes the instruction at slot pc. next is the following slot,
// consulted only by lddw; hasNext says whether it exists.
func (d *decoder) decodeSlot(pc int, r rawInsn, next rawInsn, hasNext bool) (inst, string) {
	in := inst{dst: r.dst, src: r.src, cost: 1, off: int32(r.off), imm: uint64(int64(r.imm))}
	if r.dst > regFP {
		return in, fmt.Sprintf("invalid destination register r%d", r.dst)
	}
	if r.src > regFP {
		return in, fmt.Sprintf("invalid source register r%d", r.src)
	}
	class := r.code & 0x07
	switch class {
	case classALU, classALU64:
		return d.decodeALU(r, in)
	case classJMP, classJMP32:
		return d.decodeJump(pc, r, in)
	case classLD:
		return d.decodeLD(r, next, hasNext, in)
	case classLDX:
		return decodeLDX(r, in)
	case classST:
		return decodeST(r, in)
	case classSTX:
		return decodeSTX(r, in)
	}
	return in, "unknown opcode" // unreachable: class is 3 bits
}

func (d *decoder) decodeALU(r rawInsn, in inst) (inst, string) {
	is64 := r.code&0x07 == classALU64
	aop := r.code & 0xf0
	isX := r.code&srcX != 0
	if r.dst == regFP {
		return in, "r10 is read-only"
	}
	switch aop {
	case aluEND:
		if is64 && isX {
			return in, "unknown opcode"
		}
		if r.src != 0 || r.off != 0 {
			return in, "byte swap with nonzero src or offset"
		}
		widths := [3]op{opLE16, opLE32, opLE64}
		if is64 || isX { // BSWAP, or to big endian on this little-endian machine
			widths = [3]op{opSwap16, opSwap32, opSwap64}
		}
		switch r.imm {
		case 16:
			in.op = widths[0]
		case 32:
			in.op = widths[1]
		case 64:
			in.op = widths[2]
		default:
			return in, fmt.Sprintf("byte swap width %d not 16, 32 or 64", r.imm)
		}
		return in, ""
	case aluNEG:
		if isX {
			return in, "unknown opcode"
		}
		if r.src != 0 || r.off != 0 || r.imm != 0 {
			return in, "neg with nonzero src, offset or immediate"
		}
		in.op = opNeg32
		if is64 {
			in.op = opNeg64
		}
		return in, ""
	case 0xe0, 0xf0:
		return in, "unknown opcode"
	}

	// Binary operations: the offset is zero except for signed division
	// (offset 1) and sign-extending moves (offset 8, 16 or 32).
	if isX {
		if r.imm != 0 {
			return in, "register-source ALU instruction with nonzero immediate"
		}
	} else if r.src != 0 {
		return in, "immediate-source ALU instruction with nonzero src"
	}
	table := &aluOps32
	if is64 {
		table = &aluOps64
	}
	in.op = table[aop>>4][b2i(isX)]
	switch {
	case r.off == 0:
	case r.off == 1 && (aop == aluDIV || aop == aluMOD):
		switch in.op {
		case opDiv64K, opDiv64X, opMod64K, opMod64X:
			in.op += opSDiv64K - opDiv64K
		case opDiv32K, opDiv32X, opMod32K, opMod32X:
			in.op += opSDiv32K - opDiv32K
		}
	case aop == aluMOV && isX && (r.off == 8 || r.off == 16 || (r.off == 32 && is64)):
		switch {
		case is64 && r.off == 8:
			in.op = opMovSX64B
		case is64 && r.off == 16:
			in.op = opMovSX64H
		case is64:
			in.op = opMovSX64W
		case r.off == 8:
			in.op = opMovSX32B
		default:
			in.op = opMovSX32H
		}
	default:
		return in, fmt.Sprintf("ALU instruction with invalid offset %d", r.off)
	}
	if isX && r.src == regFP && !(in.op == opMov64X || in.op == opAdd64X || in.op == opSub64X) {
		// As Linux's verifier: the frame pointer takes part only in
		// 64-bit moves, additions and subtractions.
		return in, "r10 used as source of an ALU operation other than mov64, add64 or sub64"
	}
	if !isX {
		switch in.op {
		case opLsh64K, opRsh64K, opArsh64K:
			in.imm &= 63
		case opLsh32K, opRsh32K, opArsh32K:
			in.imm &= 31
		}
	}
	return in, ""
}

func (d *decoder) decodeJump(pc int, r rawInsn, in inst) (inst, string) {
	is32 := r.code&0x07 == classJMP32
	jop := r.code & 0xf0
	isX := r.code&srcX != 0
	switch jop {
	case jmpJA:
		if isX {
			return in, "unknown opcode"
		}
		in.op = opJA
		if is32 { // gotol: the target is in imm
			if r.dst != 0 || r.src != 0 || r.off != 0 {
				return in, "ja32 with nonzero dst, src or offset"
			}
			in.off = int32(int64(pc) + 1 + int64(r.imm))
			if int64(in.off) != int64(pc)+1+int64(r.imm) {
				return in, "jump target out of range"
			}
			in.imm = 0
			return in, ""
		}
		if r.dst != 0 || r.src != 0 || r.imm != 0 {
			return in, "ja with nonzero dst, src or immediate"
		}
		in.off = int32(pc) + 1 + int32(r.off)
		return in, ""
	case jmpCALL:
		if is32 || isX {
			return in, "unknown opcode (callx and JMP32 calls are not supported)"
		}
		if r.dst != 0 || r.off != 0 {
			return in, "call with nonzero dst or offset"
		}
		switch r.src {
		case callHelper:
			idx, ok := d.helperIDs[r.imm]
			if !ok && builtinHelpers[r.imm] {
				idx, ok = len(d.helperIDs), true
				d.helperIDs[r.imm] = idx
				d.builtins = append(d.builtins, r.imm)
			}
			if !ok {
				name := HelperName(r.imm)
				if strings.HasPrefix(name, "helper ") {
					return in, fmt.Sprintf("call to unknown helper %d: the VM was not given it (WithHelper)", r.imm)
				}
				return in, fmt.Sprintf("call to unknown helper %d (%s): the VM was not given it (WithHelper)", r.imm, name)
			}
			in.op = opCall
			in.imm = uint64(idx)
		case callLocal:
			in.op = opCallLocal
			in.off = int32(int64(pc) + 1 + int64(r.imm))
			if int64(in.off) != int64(pc)+1+int64(r.imm) {
				return in, "call target out of range"
			}
			in.imm = 0
		default:
			return in, fmt.Sprintf("unsupported call kind (src %d)", r.src)
		}
		return in, ""
	case jmpEXIT:
		if is32 || isX {
			return in, "unknown opcode"
		}
		if r.dst != 0 || r.src != 0 || r.off != 0 || r.imm != 0 {
			return in, "exit with nonzero dst, src, offset or immediate"
		}
		in.op = opExit
		return in, ""
	case 0xe0, 0xf0:
		return in, "unknown opcode"
	}
	if isX {
		if r.imm != 0 {
			return in, "register-source jump with nonzero immediate"
		}
	} else if r.src != 0 {
		return in, "immediate-source jump with nonzero src"
	}
	table := &jmpOps64
	if is32 {
		table = &jmpOps32
		if !isX {
			in.imm = uint64(uint32(r.imm))
		}
	}
	in.op = table[jop>>4][b2i(isX)]
	in.off = int32(pc) + 1 + int32(r.off)
	return in, ""
}

func (d *decoder) decodeLD(r rawInsn, next rawInsn, hasNext bool, in inst) (inst, string) {
	switch r.code {
	case modeIMM | sizeDW | classLD:
		if r.src != 0 {
			return in, fmt.Sprintf("lddw pseudo source %d (maps and code addresses) not supported", r.src)
		}
		if r.off != 0 {
			return in, "lddw with nonzero offset"
		}
		if r.dst == regFP {
			return in, "r10 is read-only"
		}
		if !hasNext {
			return in, "lddw missing its second slot"
		}
		if next.code != 0 || next.dst != 0 || next.src != 0 || next.off != 0 {
			return in, "lddw second slot has nonzero opcode, registers or offset"
		}
		in.op = opLddw
		in.imm = uint64(uint32(r.imm)) | uint64(uint32(next.imm))<<32
		return in, ""
	case modeABS | sizeB | classLD, modeABS | sizeH | classLD, modeABS | sizeW | classLD:
		if r.dst != 0 || r.src != 0 || r.off != 0 {
			return in, "legacy absolute load with nonzero dst, src or offset"
		}
		in.op = [4]op{sizeW >> 3: opLdAbsW, sizeH >> 3: opLdAbsH, sizeB >> 3: opLdAbsB}[(r.code&0x18)>>3]
		return in, ""
	case modeIND | sizeB | classLD, modeIND | sizeH | classLD, modeIND | sizeW | classLD:
		if r.dst != 0 || r.off != 0 {
			return in, "legacy indirect load with nonzero dst or offset"
		}
		in.op = [4]op{sizeW >> 3: opLdIndW, sizeH >> 3: opLdIndH, sizeB >> 3: opLdIndB}[(r.code&0x18)>>3]
		return in, ""
	}
	return in, "unknown opcode"
}

func decodeLDX(r rawInsn, in inst) (inst, string) {
	var o op
	switch r.code & 0xf8 {
	case modeMEM | sizeB:
		o = opLdxB
	case modeMEM | sizeH:
		o = opLdxH
	case modeMEM | sizeW:
		o = opLdxW
	case modeMEM | sizeDW:
		o = opLdxDW
	case modeMEMSX | sizeB:
		o = opLdxSB
	case modeMEMSX | sizeH:
		o = opLdxSH
	case modeMEMSX | sizeW:
		o = opLdxSW
	default:
		return in, "unknown opcode"
	}
	if r.imm != 0 {
		return in, "load with nonzero immediate"
	}
	if r.dst == regFP {
		return in, "r10 is read-only"
	}
	in.op = o
	in.imm = 0
	return in, ""
}

func decodeST(r rawInsn, in inst) (inst, string) {
	var o op
	switch r.code & 0xf8 {
	case modeMEM | sizeB:
		o = opStB
	case modeMEM | sizeH:
		o = opStH
	case modeMEM | sizeW:
		o = opStW
	case modeMEM | sizeDW:
		o = opStDW
	default:
		return in, "unknown opcode"
	}
	if r.src != 0 {
		return in, "store of an immediate with nonzero src"
	}
	in.op = o
	return in, ""
}

func decodeSTX(r rawInsn, in inst) (inst, string) {
	switch r.code & 0xf8 {
	case modeMEM | sizeB:
		in.op = opStxB
	case modeMEM | sizeH:
		in.op = opStxH
	case modeMEM | sizeW:
		in.op = opStxW
	case modeMEM | sizeDW:
		in.op = opStxDW
	case modeATOMIC | sizeW, modeATOMIC | sizeDW:
		switch r.imm {
		case atomicADD, atomicOR, atomicAND, atomicXOR:
		case atomicADD | atomicFETCH, atomicOR | atomicFETCH, atomicAND | atomicFETCH,
			atomicXOR | atomicFETCH, atomicXCHG, atomicCMPXCHG:
			if r.src == regFP && r.imm != atomicCMPXCHG {
				return in, "r10 is read-only (atomic fetch writes src)"
			}
		default:
			return in, fmt.Sprintf("unknown atomic operation %#x", r.imm)
		}
		in.op = opAtomic32
		if r.code&0x18 == sizeDW {
			in.op = opAtomic64
		}
		in.imm = uint64(uint32(r.imm))
		return in, ""
	default:
		return in, "unknown opcode"
	}
	if r.imm != 0 {
		return in, "register store with nonzero immediate"
	}
	in.imm = 0
	return in, ""
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
