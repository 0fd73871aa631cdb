package ebpf

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/internal/opcode"
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
	asm.Add >> 4:  {opAdd64K, opAdd64X},
	asm.Sub >> 4:  {opSub64K, opSub64X},
	asm.Mul >> 4:  {opMul64K, opMul64X},
	asm.Div >> 4:  {opDiv64K, opDiv64X},
	asm.Or >> 4:   {opOr64K, opOr64X},
	asm.And >> 4:  {opAnd64K, opAnd64X},
	asm.LSh >> 4:  {opLsh64K, opLsh64X},
	asm.RSh >> 4:  {opRsh64K, opRsh64X},
	asm.Mod >> 4:  {opMod64K, opMod64X},
	asm.Xor >> 4:  {opXor64K, opXor64X},
	asm.Mov >> 4:  {opMov64K, opMov64X},
	asm.ArSh >> 4: {opArsh64K, opArsh64X},
}

var aluOps32 = [14][2]op{
	asm.Add >> 4:  {opAdd32K, opAdd32X},
	asm.Sub >> 4:  {opSub32K, opSub32X},
	asm.Mul >> 4:  {opMul32K, opMul32X},
	asm.Div >> 4:  {opDiv32K, opDiv32X},
	asm.Or >> 4:   {opOr32K, opOr32X},
	asm.And >> 4:  {opAnd32K, opAnd32X},
	asm.LSh >> 4:  {opLsh32K, opLsh32X},
	asm.RSh >> 4:  {opRsh32K, opRsh32X},
	asm.Mod >> 4:  {opMod32K, opMod32X},
	asm.Xor >> 4:  {opXor32K, opXor32X},
	asm.Mov >> 4:  {opMov32K, opMov32X},
	asm.ArSh >> 4: {opArsh32K, opArsh32X},
}

// jmpOps maps a conditional jump operation (code>>4) and its source bit to
// the dense op of the JMP form; jmpOps32 to the JMP32 form.
var jmpOps64 = [14][2]op{
	asm.JEq >> 4:  {opJEqK, opJEqX},
	asm.JGT >> 4:  {opJGtK, opJGtX},
	asm.JGE >> 4:  {opJGeK, opJGeX},
	asm.JSet >> 4: {opJSetK, opJSetX},
	asm.JNE >> 4:  {opJNeK, opJNeX},
	asm.JSGT >> 4: {opJSGtK, opJSGtX},
	asm.JSGE >> 4: {opJSGeK, opJSGeX},
	asm.JLT >> 4:  {opJLtK, opJLtX},
	asm.JLE >> 4:  {opJLeK, opJLeX},
	asm.JSLT >> 4: {opJSLtK, opJSLtX},
	asm.JSLE >> 4: {opJSLeK, opJSLeX},
}

var jmpOps32 = [14][2]op{
	asm.JEq >> 4:  {opJEq32K, opJEq32X},
	asm.JGT >> 4:  {opJGt32K, opJGt32X},
	asm.JGE >> 4:  {opJGe32K, opJGe32X},
	asm.JSet >> 4: {opJSet32K, opJSet32X},
	asm.JNE >> 4:  {opJNe32K, opJNe32X},
	asm.JSGT >> 4: {opJSGt32K, opJSGt32X},
	asm.JSGE >> 4: {opJSGe32K, opJSGe32X},
	asm.JLT >> 4:  {opJLt32K, opJLt32X},
	asm.JLE >> 4:  {opJLe32K, opJLe32X},
	asm.JSLT >> 4: {opJSLt32K, opJSLt32X},
	asm.JSLE >> 4: {opJSLe32K, opJSLe32X},
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
	switch opcode.Class(r.code) {
	case asm.ALUClass, asm.ALU64Class:
		return d.decodeALU(r, in)
	case asm.JumpClass, asm.Jump32Class:
		return d.decodeJump(pc, r, in)
	case asm.LdClass:
		return d.decodeLD(r, next, hasNext, in)
	case asm.LdXClass:
		return decodeLDX(r, in)
	case asm.StClass:
		return decodeST(r, in)
	default: // asm.StXClass: the class is 3 bits
		return decodeSTX(r, in)
	}
}

func (d *decoder) decodeALU(r rawInsn, in inst) (inst, string) {
	is64 := opcode.Is64(r.code)
	aop := opcode.ALUOp(r.code)
	isX := opcode.Source(r.code) == asm.RegSource
	if r.dst == regFP {
		return in, "r10 is read-only"
	}
	if !opcode.Valid(r.code) {
		return in, "unknown opcode"
	}
	switch aop {
	case asm.Swap:
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
	case asm.Neg:
		if r.src != 0 || r.off != 0 || r.imm != 0 {
			return in, "neg with nonzero src, offset or immediate"
		}
		in.op = opNeg32
		if is64 {
			in.op = opNeg64
		}
		return in, ""
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
	case r.off == opcode.SignedOff && opcode.ALUs[aop>>4].Signed != "":
		switch in.op {
		case opDiv64K, opDiv64X, opMod64K, opMod64X:
			in.op += opSDiv64K - opDiv64K
		case opDiv32K, opDiv32X, opMod32K, opMod32X:
			in.op += opSDiv32K - opDiv32K
		}
	case opcode.ValidMovSX(r.code, r.off):
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
	is32 := !opcode.Is64(r.code)
	jop := opcode.JumpOp(r.code)
	isX := opcode.Source(r.code) == asm.RegSource
	if !opcode.Valid(r.code) {
		if jop == asm.Call {
			return in, "unknown opcode (callx and JMP32 calls are not supported)"
		}
		return in, "unknown opcode"
	}
	switch jop {
	case asm.Ja:
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
	case asm.Call:
		if r.dst != 0 || r.off != 0 {
			return in, "call with nonzero dst or offset"
		}
		switch r.src {
		case opcode.CallHelper:
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
		case opcode.CallLocal:
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
	case asm.Exit:
		if r.dst != 0 || r.src != 0 || r.off != 0 || r.imm != 0 {
			return in, "exit with nonzero dst, src, offset or immediate"
		}
		in.op = opExit
		return in, ""
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

// sizeOps picks the dense op of a load or store by its size.
func sizeOps(code uint8, w, h, b, dw op) op {
	return [4]op{asm.Word >> 3: w, asm.Half >> 3: h, asm.Byte >> 3: b, asm.DWord >> 3: dw}[opcode.Size(code)>>3]
}

func (d *decoder) decodeLD(r rawInsn, next rawInsn, hasNext bool, in inst) (inst, string) {
	if !opcode.Valid(r.code) {
		return in, "unknown opcode"
	}
	switch opcode.Mode(r.code) {
	case asm.ImmMode: // lddw
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
	case asm.AbsMode:
		if r.dst != 0 || r.src != 0 || r.off != 0 {
			return in, "legacy absolute load with nonzero dst, src or offset"
		}
		in.op = sizeOps(r.code, opLdAbsW, opLdAbsH, opLdAbsB, opInvalid)
		return in, ""
	default: // asm.IndMode
		if r.dst != 0 || r.off != 0 {
			return in, "legacy indirect load with nonzero dst or offset"
		}
		in.op = sizeOps(r.code, opLdIndW, opLdIndH, opLdIndB, opInvalid)
		return in, ""
	}
}

func decodeLDX(r rawInsn, in inst) (inst, string) {
	if !opcode.Valid(r.code) {
		return in, "unknown opcode"
	}
	o := sizeOps(r.code, opLdxW, opLdxH, opLdxB, opLdxDW)
	if opcode.Mode(r.code) == asm.MemSXMode {
		o = sizeOps(r.code, opLdxSW, opLdxSH, opLdxSB, opInvalid)
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
	if !opcode.Valid(r.code) {
		return in, "unknown opcode"
	}
	if r.src != 0 {
		return in, "store of an immediate with nonzero src"
	}
	in.op = sizeOps(r.code, opStW, opStH, opStB, opStDW)
	return in, ""
}

func decodeSTX(r rawInsn, in inst) (inst, string) {
	if !opcode.Valid(r.code) {
		return in, "unknown opcode"
	}
	if opcode.Mode(r.code) == asm.AtomicMode {
		if _, ok := opcode.LookupAtomic(r.imm); !ok {
			return in, fmt.Sprintf("unknown atomic operation %#x", r.imm)
		}
		if r.imm&opcode.AtomicFetch != 0 && r.src == regFP && r.imm != opcode.AtomicCmpXchg {
			return in, "r10 is read-only (atomic fetch writes src)"
		}
		in.op = opAtomic32
		if opcode.Size(r.code) == asm.DWord {
			in.op = opAtomic64
		}
		in.imm = uint64(uint32(r.imm))
		return in, ""
	}
	in.op = sizeOps(r.code, opStxW, opStxH, opStxB, opStxDW)
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
