// Package opcode is gocap's one table of eBPF opcodes (RFC 9669): for every
// operation, its field value in the opcode byte, which classes and operand
// sources it is valid with, its mnemonic in the uBPF assembler syntax of the
// bpf_conformance corpus (`add32`, `jsgt`, `ldxh`) and its operator in the
// kernel's disassembly syntax (`+=`, `s>`, `u16`). The fields themselves are
// cilium/ebpf's asm constants (asm.ALU64Class, asm.Mov, asm.JEq, asm.MemMode,
// asm.Half, ...); this package adds what cilium/ebpf does not say: which
// opcode bytes exist, and their names in the two text syntaxes.
//
// The ebpf package's decoder and validator, the conformance assembler
// (ebpf/internal/asm) and filterc's ebpf-asm listing all read this table.
package opcode

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
)

// Masks of the fields of an opcode byte.
const (
	ClassMask  = 0x07 // instruction class
	SourceMask = 0x08 // ALU and jump operand source: immediate or register
	OpMask     = 0xf0 // ALU or jump operation
	ModeMask   = 0xe0 // load and store mode
	SizeMask   = 0x18 // load and store size
)

// Class returns the instruction class of code.
func Class(code uint8) asm.Class { return asm.Class(code & ClassMask) }

// Source returns the operand source of an ALU or jump opcode.
func Source(code uint8) asm.Source { return asm.Source(code & SourceMask) }

// ALUOp returns the operation of an ALU opcode.
func ALUOp(code uint8) asm.ALUOp { return asm.ALUOp(code & OpMask) }

// JumpOp returns the operation of a jump opcode.
func JumpOp(code uint8) asm.JumpOp { return asm.JumpOp(code & OpMask) }

// Mode returns the mode of a load or store opcode.
func Mode(code uint8) asm.Mode { return asm.Mode(code & ModeMask) }

// Size returns the size of a load or store opcode.
func Size(code uint8) asm.Size { return asm.Size(code & SizeMask) }

// Is64 reports whether an ALU or jump opcode works on 64-bit values (the
// ALU64 and JMP classes) rather than 32-bit ones (ALU, JMP32).
func Is64(code uint8) bool {
	c := Class(code)
	return c == asm.ALU64Class || c == asm.JumpClass
}

// The opcode of a 64-bit immediate load, the only two-slot instruction.
const LoadImm64 = uint8(asm.LdClass) | uint8(asm.ImmMode) | uint8(asm.DWord)

// The src field of a call instruction.
const (
	CallHelper = 0                          // a helper, by id
	CallLocal  = uint8(asm.PseudoCall)      // a bpf-to-bpf call, by slot offset
	CallKfunc  = uint8(asm.PseudoKfuncCall) // a kernel function
)

// Offsets an ALU instruction may carry besides 0.
const (
	SignedOff = 1 // sdiv and smod: division and modulo of signed values
)

// ALU is one ALU operation.
type ALU struct {
	Name string // uBPF mnemonic stem: "add", completed by "32" or "64"
	Sym  string // kernel disassembly operator: "+="; "" for neg and end
	// Signed is the uBPF stem of the variant with offset SignedOff
	// ("sdiv"), or "".
	Signed string
	Imm    bool // valid with an immediate source (in both classes)
	Reg    bool // valid with a register source (in both classes)
}

// ALUs is the ALU operations by op>>4. Neg takes no source operand (only
// its immediate form exists); Swap (BPF_END) is le/be in the ALU class,
// selected by the source bit, and the unconditional bswap in ALU64 with an
// immediate source only. Operations 0xe0 and 0xf0 do not exist.
var ALUs = [16]ALU{
	asm.Add >> 4:  {Name: "add", Sym: "+=", Imm: true, Reg: true},
	asm.Sub >> 4:  {Name: "sub", Sym: "-=", Imm: true, Reg: true},
	asm.Mul >> 4:  {Name: "mul", Sym: "*=", Imm: true, Reg: true},
	asm.Div >> 4:  {Name: "div", Sym: "/=", Signed: "sdiv", Imm: true, Reg: true},
	asm.Or >> 4:   {Name: "or", Sym: "|=", Imm: true, Reg: true},
	asm.And >> 4:  {Name: "and", Sym: "&=", Imm: true, Reg: true},
	asm.LSh >> 4:  {Name: "lsh", Sym: "<<=", Imm: true, Reg: true},
	asm.RSh >> 4:  {Name: "rsh", Sym: ">>=", Imm: true, Reg: true},
	asm.Neg >> 4:  {Name: "neg", Imm: true},
	asm.Mod >> 4:  {Name: "mod", Sym: "%=", Signed: "smod", Imm: true, Reg: true},
	asm.Xor >> 4:  {Name: "xor", Sym: "^=", Imm: true, Reg: true},
	asm.Mov >> 4:  {Name: "mov", Sym: "=", Imm: true, Reg: true},
	asm.ArSh >> 4: {Name: "arsh", Sym: "s>>=", Imm: true, Reg: true},
	asm.Swap >> 4: {Name: "end", Imm: true, Reg: true},
}

// MovSX is a sign-extending move: mov with a register source and the
// source width in bits as its offset.
type MovSX struct {
	Name string // uBPF mnemonic
	Code uint8  // opcode
	Off  int16  // source width in bits
}

// MovSXs is the sign-extending moves there are.
var MovSXs = []MovSX{
	{"movsx832", uint8(asm.ALUClass) | uint8(asm.Mov) | uint8(asm.RegSource), 8},
	{"movsx1632", uint8(asm.ALUClass) | uint8(asm.Mov) | uint8(asm.RegSource), 16},
	{"movsx864", uint8(asm.ALU64Class) | uint8(asm.Mov) | uint8(asm.RegSource), 8},
	{"movsx1664", uint8(asm.ALU64Class) | uint8(asm.Mov) | uint8(asm.RegSource), 16},
	{"movsx3264", uint8(asm.ALU64Class) | uint8(asm.Mov) | uint8(asm.RegSource), 32},
}

// ValidMovSX reports whether code with offset off is a sign-extending
// move.
func ValidMovSX(code uint8, off int16) bool {
	for _, m := range MovSXs {
		if m.Code == code && m.Off == off {
			return true
		}
	}
	return false
}

// Swap is one byte-order instruction: BPF_END with its width as immediate.
type Swap struct {
	Name string // uBPF mnemonic stem, completed by the width
	Code uint8  // opcode
	// Order is the kernel disassembly's name: "le", "be" or "bswap".
	Order string
}

// Swaps is the byte-order instructions; each takes a width of 16, 32 or 64
// bits. uBPF spells bswap both "swap" and "bswap".
var Swaps = []Swap{
	{"le", uint8(asm.ALUClass) | uint8(asm.Swap) | uint8(asm.LE), "le"},
	{"be", uint8(asm.ALUClass) | uint8(asm.Swap) | uint8(asm.BE), "be"},
	{"swap", uint8(asm.ALU64Class) | uint8(asm.Swap), "bswap"},
	{"bswap", uint8(asm.ALU64Class) | uint8(asm.Swap), "bswap"},
}

// SwapWidths is the widths a byte-order instruction takes.
var SwapWidths = []int32{16, 32, 64}

// Jump is one jump operation.
type Jump struct {
	Name string // uBPF mnemonic: "jeq", completed by "32" for JMP32
	Sym  string // kernel disassembly operator of a conditional jump: "=="
	// Cond says the jump compares dst with src or an immediate, in both
	// classes and with both sources. The others (ja, call, exit) take the
	// immediate source only; ja in JMP32 is gotol (its offset in imm);
	// call and exit exist in JMP only.
	Cond bool
}

// Jumps is the jump operations by op>>4. Operations 0xe0 (may_goto, which
// gocap does not take) and 0xf0 do not exist.
var Jumps = [16]Jump{
	asm.Ja >> 4:   {Name: "ja"},
	asm.JEq >> 4:  {Name: "jeq", Sym: "==", Cond: true},
	asm.JGT >> 4:  {Name: "jgt", Sym: ">", Cond: true},
	asm.JGE >> 4:  {Name: "jge", Sym: ">=", Cond: true},
	asm.JSet >> 4: {Name: "jset", Sym: "&", Cond: true},
	asm.JNE >> 4:  {Name: "jne", Sym: "!=", Cond: true},
	asm.JSGT >> 4: {Name: "jsgt", Sym: "s>", Cond: true},
	asm.JSGE >> 4: {Name: "jsge", Sym: "s>=", Cond: true},
	asm.Call >> 4: {Name: "call"},
	asm.Exit >> 4: {Name: "exit"},
	asm.JLT >> 4:  {Name: "jlt", Sym: "<", Cond: true},
	asm.JLE >> 4:  {Name: "jle", Sym: "<=", Cond: true},
	asm.JSLT >> 4: {Name: "jslt", Sym: "s<", Cond: true},
	asm.JSLE >> 4: {Name: "jsle", Sym: "s<=", Cond: true},
}

// Sizes is the uBPF suffix of each load and store size, by size>>3:
// "w", "h", "b", "dw".
var Sizes = [4]string{asm.Word >> 3: "w", asm.Half >> 3: "h", asm.Byte >> 3: "b", asm.DWord >> 3: "dw"}

// Bits returns the width in bits of the load or store size of code.
func Bits(code uint8) int { return Size(code).Sizeof() * 8 }

// CType returns the kernel disassembly's C type of a load or store of the
// size of code: "u8" to "u64", or "s8" to "s64" when signed.
func CType(code uint8, signed bool) string {
	if signed {
		return fmt.Sprintf("s%d", Bits(code))
	}
	return fmt.Sprintf("u%d", Bits(code))
}

// Memory is one load or store instruction other than the atomic ones.
type Memory struct {
	Name string // uBPF mnemonic ("ldxh"), "" for those the syntax lacks
	Code uint8
}

// Memories is the loads and stores, in order of class: the legacy packet
// loads (absolute and indirect; uBPF has no mnemonic for them), lddw, the
// memory loads (plain and sign-extending), the stores of an immediate and
// of a register.
var Memories = buildMemories()

func buildMemories() []Memory {
	var m []Memory
	for _, mode := range []asm.Mode{asm.AbsMode, asm.IndMode} {
		for _, sz := range []asm.Size{asm.Byte, asm.Half, asm.Word} {
			m = append(m, Memory{"", uint8(asm.LdClass) | uint8(mode) | uint8(sz)})
		}
	}
	m = append(m, Memory{"lddw", LoadImm64})
	all := []asm.Size{asm.Byte, asm.Half, asm.Word, asm.DWord}
	for _, sz := range all {
		m = append(m, Memory{"ldx" + Sizes[sz>>3], uint8(asm.LdXClass) | uint8(asm.MemMode) | uint8(sz)})
	}
	for _, sz := range all[:3] {
		m = append(m, Memory{"ldxs" + Sizes[sz>>3], uint8(asm.LdXClass) | uint8(asm.MemSXMode) | uint8(sz)})
	}
	for _, sz := range all {
		m = append(m, Memory{"st" + Sizes[sz>>3], uint8(asm.StClass) | uint8(asm.MemMode) | uint8(sz)})
	}
	for _, sz := range all {
		m = append(m, Memory{"stx" + Sizes[sz>>3], uint8(asm.StXClass) | uint8(asm.MemMode) | uint8(sz)})
	}
	return m
}

// Atomic operations: the immediate of an atomic instruction (class STX,
// mode ATOMIC, size W or DW). They are cilium/ebpf's asm.AtomicOp values
// shifted right by 8 (cilium/ebpf keeps them above the opcode byte), as
// TestAtomicsMatchCilium checks; untyped, to compare with any integer.
const (
	AtomicAdd     = 0x00
	AtomicOr      = 0x40
	AtomicAnd     = 0x50
	AtomicXor     = 0xa0
	AtomicFetch   = 0x01 // flag: the old value goes to src
	AtomicXchg    = 0xe0 | AtomicFetch
	AtomicCmpXchg = 0xf0 | AtomicFetch
	LoadAcquire   = 0x100 // load-acquire; gocap's VM does not run it
	StoreRelease  = 0x110 // store-release; gocap's VM does not run it
)

// Atomic names an atomic operation.
type Atomic struct {
	Imm  int32  // the operation, without AtomicFetch
	Name string // uBPF name after "lock [fetch]", and the kernel's after "atomic_fetch_"
	Sym  string // kernel disassembly operator of its non-fetching form, or ""
}

// Atomics is the atomic operations gocap runs. The four arithmetic ones
// exist with and without AtomicFetch; xchg and cmpxchg always fetch.
var Atomics = []Atomic{
	{AtomicAdd, "add", ALUs[asm.Add>>4].Sym},
	{AtomicOr, "or", ALUs[asm.Or>>4].Sym},
	{AtomicAnd, "and", ALUs[asm.And>>4].Sym},
	{AtomicXor, "xor", ALUs[asm.Xor>>4].Sym},
	{AtomicXchg, "xchg", ""},
	{AtomicCmpXchg, "cmpxchg", ""},
}

// LookupAtomic returns the atomic operation imm (with or without
// AtomicFetch); ok is false for others.
func LookupAtomic(imm int32) (a Atomic, ok bool) {
	for _, a := range Atomics {
		if a.Imm == imm || (a.Sym != "" && a.Imm == imm&^AtomicFetch) {
			return a, true
		}
	}
	return Atomic{}, false
}

// Valid reports whether code is an opcode gocap knows: every opcode of
// RFC 9669's base and atomic conformance groups except callx, plus the
// legacy packet loads. It says nothing about the other fields; the
// decoder checks those.
func Valid(code uint8) bool {
	return valid[code]
}

var valid = buildValid()

func buildValid() (v [256]bool) {
	for i := range 256 {
		code := uint8(i)
		switch c := Class(code); c {
		case asm.ALUClass, asm.ALU64Class:
			a := ALUs[code>>4]
			if Source(code) == asm.RegSource {
				v[i] = a.Reg && !(ALUOp(code) == asm.Swap && c == asm.ALU64Class)
			} else {
				v[i] = a.Imm
			}
		case asm.JumpClass, asm.Jump32Class:
			j := Jumps[code>>4]
			switch {
			case j.Cond:
				v[i] = true
			case j.Name == "":
			case Source(code) == asm.RegSource:
			case JumpOp(code) == asm.Ja:
				v[i] = true
			default: // call and exit
				v[i] = c == asm.JumpClass
			}
		}
	}
	for _, m := range Memories {
		v[m.Code] = true
	}
	for _, sz := range []asm.Size{asm.Word, asm.DWord} {
		v[uint8(asm.StXClass)|uint8(asm.AtomicMode)|uint8(sz)] = true
	}
	return v
}
