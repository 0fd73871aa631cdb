package ebpf

// This file is the VM's own instruction set: the dense operations decode.go
// turns RFC 9669 instructions into. The encoding itself (classes,
// operations, which opcodes exist) is the table of internal/opcode.

// regFP is the read-only frame pointer, r10.
const regFP = 10

// op is the dense operation code of a decoded instruction: one value per
// behaviour, so that the interpreter is a single switch with no field decoding.
type op uint8

const (
	opInvalid op = iota

	// 64-bit ALU. K forms use the sign-extended immediate held in inst.imm.
	opAdd64K
	opAdd64X
	opSub64K
	opSub64X
	opMul64K
	opMul64X
	opDiv64K
	opDiv64X
	opSDiv64K
	opSDiv64X
	opOr64K
	opOr64X
	opAnd64K
	opAnd64X
	opLsh64K // shift amount masked at decode time
	opLsh64X
	opRsh64K
	opRsh64X
	opNeg64
	opMod64K
	opMod64X
	opSMod64K
	opSMod64X
	opXor64K
	opXor64X
	opMov64K
	opMov64X
	opMovSX64B // movsx from 8 bits
	opMovSX64H
	opMovSX64W
	opArsh64K
	opArsh64X

	// 32-bit ALU: results are zero-extended to 64 bits.
	opAdd32K
	opAdd32X
	opSub32K
	opSub32X
	opMul32K
	opMul32X
	opDiv32K
	opDiv32X
	opSDiv32K
	opSDiv32X
	opOr32K
	opOr32X
	opAnd32K
	opAnd32X
	opLsh32K
	opLsh32X
	opRsh32K
	opRsh32X
	opNeg32
	opMod32K
	opMod32X
	opSMod32K
	opSMod32X
	opXor32K
	opXor32X
	opMov32K
	opMov32X
	opMovSX32B
	opMovSX32H
	opArsh32K
	opArsh32X

	// Byte order. The VM is a little-endian machine, so "to big endian" and
	// the unconditional BSWAP are the same operation, and "to little endian"
	// only truncates.
	opLE16
	opLE32
	opLE64 // no-op
	opSwap16
	opSwap32
	opSwap64

	// Memory.
	opLdxB
	opLdxH
	opLdxW
	opLdxDW
	opLdxSB
	opLdxSH
	opLdxSW
	opStB
	opStH
	opStW
	opStDW
	opStxB
	opStxH
	opStxW
	opStxDW
	opAtomic32 // atomic operation kind in inst.imm
	opAtomic64
	opLddw // 64-bit constant in inst.imm; the next slot is skipped
	opLdAbsB
	opLdAbsH
	opLdAbsW
	opLdIndB
	opLdIndH
	opLdIndW

	// Jumps. inst.off holds the absolute target slot.
	opJA
	opJEqK
	opJEqX
	opJGtK
	opJGtX
	opJGeK
	opJGeX
	opJSetK
	opJSetX
	opJNeK
	opJNeX
	opJSGtK
	opJSGtX
	opJSGeK
	opJSGeX
	opJLtK
	opJLtX
	opJLeK
	opJLeX
	opJSLtK
	opJSLtX
	opJSLeK
	opJSLeX
	opJEq32K
	opJEq32X
	opJGt32K
	opJGt32X
	opJGe32K
	opJGe32X
	opJSet32K
	opJSet32X
	opJNe32K
	opJNe32X
	opJSGt32K
	opJSGt32X
	opJSGe32K
	opJSGe32X
	opJLt32K
	opJLt32X
	opJLe32K
	opJLe32X
	opJSLt32K
	opJSLt32X
	opJSLe32K
	opJSLe32X
	opCall      // helper index (into program.helpers) in inst.imm
	opCallLocal // target slot in inst.off
	opExit

	// Fused operations (fuse.go): each stands for a sequence of the
	// instructions above starting at its slot.
	opLdBJEq // legacy load (B, H, W) then a JMP32 compare of r0 with an immediate
	opLdBJNe
	opLdBJGt
	opLdBJGe
	opLdBJLt
	opLdBJLe
	opLdBJSet
	opLdHJEq
	opLdHJNe
	opLdHJGt
	opLdHJGe
	opLdHJLt
	opLdHJLe
	opLdHJSet
	opLdWJEq
	opLdWJNe
	opLdWJGt
	opLdWJGe
	opLdWJLt
	opLdWJLe
	opLdWJSet
	opMSH   // classic ldxb 4*([k]&0xf) as translate emits it
	opMov2K // two moves of immediates
	opRetK  // mov r0, imm; exit

	// Fused operations of the fast form only (fast.go).
	opCheck  // mov64 dst, src; add64 dst, imm; jgt dst, aux, off
	opLdxHBE // ldxh dst, [src+off]; be16 dst
	opLdxWBE // ldxw dst, [src+off]; be32 dst

	// Fused load-jumps with an absolute load of a nonnegative offset (fast.go),
	// in the order of opLdBJEq to opLdWJSet.
	opLdABJEq
	opLdABJNe
	opLdABJGt
	opLdABJGe
	opLdABJLt
	opLdABJLe
	opLdABJSet
	opLdAHJEq
	opLdAHJNe
	opLdAHJGt
	opLdAHJGe
	opLdAHJLt
	opLdAHJLe
	opLdAHJSet
	opLdAWJEq
	opLdAWJNe
	opLdAWJGt
	opLdAWJGe
	opLdAWJLt
	opLdAWJLe
	opLdAWJSet

	// Direct packet loads (1, 2 or 4 bytes, the latter two swapped to host
	// order) followed by a JMP32 comparison of the loaded register with a
	// constant (fast.go), in the order of opLdBJEq to opLdWJSet.
	opLdxBJEq
	opLdxBJNe
	opLdxBJGt
	opLdxBJGe
	opLdxBJLt
	opLdxBJLe
	opLdxBJSet
	opLdxHJEq
	opLdxHJNe
	opLdxHJGt
	opLdxHJGe
	opLdxHJLt
	opLdxHJLe
	opLdxHJSet
	opLdxWJEq
	opLdxWJNe
	opLdxWJGt
	opLdxWJGe
	opLdxWJLt
	opLdxWJLe
	opLdxWJSet
)
