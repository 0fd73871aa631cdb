package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/internal/endian"
	"github.com/gocap/gocap/internal/opcode"
)

// This file prints eBPF programs in the syntax of the kernel verifier's log
// and of "bpftool prog dump xlated" (kernel/bpf/disasm.c): "(bf) r6 = r1",
// "if w0 != 0x800 goto pc+16", "r0 = *(u16 *)skb[12]". It decodes the
// bytecode itself rather than cilium/ebpf's instructions, so that what it
// prints is what the kernel receives.

// ebpfSlot is one decoded instruction.
type ebpfSlot struct {
	index    int // slot number (a 64-bit immediate load takes two)
	code     uint8
	dst, src uint8
	off      int16
	imm      int32
	imm64    uint64 // the whole immediate of a 64-bit load
	wide     bool   // a 64-bit immediate load
	source   string // the classic instruction it was translated from, if known
}

// marshalEBPF encodes insns (a copy: Marshal resolves symbolic jumps in
// place) in the byte order bo.
func marshalEBPF(insns asm.Instructions, bo binary.ByteOrder) ([]byte, error) {
	var b bytes.Buffer
	if err := append(asm.Instructions(nil), insns...).Marshal(&b, bo); err != nil {
		return nil, fmt.Errorf("encoding the eBPF program: %w", err)
	}
	return b.Bytes(), nil
}

// ebpfBytes is the ebpf-raw format: the bytecode in the host's byte order.
func ebpfBytes(insns asm.Instructions) ([]byte, error) {
	return marshalEBPF(insns, endian.Host())
}

// decodeEBPF encodes insns and decodes the bytecode slot by slot, keeping
// the classic instruction each came from.
func decodeEBPF(insns asm.Instructions) ([]ebpfSlot, error) {
	code, err := marshalEBPF(insns, binary.LittleEndian)
	if err != nil {
		return nil, err
	}
	sources := make(map[int]string)
	it := insns.Iterate()
	for it.Next() {
		if s := it.Ins.Source(); s != nil {
			sources[int(it.Offset)] = s.String()
		}
	}
	var slots []ebpfSlot
	for i := 0; i+8 <= len(code); i += 8 {
		b := code[i : i+8]
		s := ebpfSlot{
			index:  i / 8,
			code:   b[0],
			dst:    b[1] & 0xf,
			src:    b[1] >> 4,
			off:    int16(binary.LittleEndian.Uint16(b[2:])),
			imm:    int32(binary.LittleEndian.Uint32(b[4:])),
			source: sources[i/8],
		}
		if s.code == opcode.LoadImm64 && i+16 <= len(code) {
			s.wide = true
			s.imm64 = uint64(uint32(s.imm)) | uint64(binary.LittleEndian.Uint32(code[i+12:]))<<32
			i += 8
		}
		slots = append(slots, s)
	}
	return slots, nil
}

// ebpfListing is the ebpf-asm format: one "INDEX: (CODE) TEXT" line per
// instruction, with "; " comment lines naming the classic instruction that
// the following ones were translated from.
func ebpfListing(insns asm.Instructions) (string, error) {
	slots, err := decodeEBPF(insns)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	last := ""
	for _, s := range slots {
		if s.source != "" && s.source != last {
			fmt.Fprintf(&b, "; %s\n", strings.ReplaceAll(s.source, "\t", " "))
			last = s.source
		}
		fmt.Fprintf(&b, "%4d: (%02x) %s\n", s.index, s.code, s.text())
	}
	return b.String(), nil
}

// helperName returns the kernel's name for helper id, as the verifier log
// prints it ("bpf_get_smp_processor_id"), derived from cilium/ebpf's Go
// name for it ("FnGetSmpProcessorId").
func helperName(id int32) string {
	goName := asm.BuiltinFunc(id).String()
	if !strings.HasPrefix(goName, "Fn") {
		return "unknown"
	}
	var b strings.Builder
	b.WriteString("bpf")
	prev := rune(0)
	for _, r := range goName[2:] {
		if unicode.IsUpper(r) && !unicode.IsUpper(prev) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
		prev = r
	}
	return b.String()
}

// text returns the instruction in the kernel's syntax, without the index
// and opcode.
func (s ebpfSlot) text() string {
	class := opcode.Class(s.code)
	regSrc := opcode.Source(s.code) == asm.RegSource
	switch class {
	case asm.ALUClass, asm.ALU64Class:
		r := byte('w')
		if class == asm.ALU64Class {
			r = 'r'
		}
		op := opcode.ALUOp(s.code)
		switch {
		case op == asm.Swap:
			if class == asm.ALU64Class {
				return fmt.Sprintf("r%d = bswap%d r%d", s.dst, s.imm, s.dst)
			}
			order := "le"
			if regSrc {
				order = "be"
			}
			return fmt.Sprintf("r%d = %s%d r%d", s.dst, order, s.imm, s.dst)
		case op == asm.Neg:
			return fmt.Sprintf("%c%d = -%c%d", r, s.dst, r, s.dst)
		case op == asm.Mov && regSrc && s.off != 0:
			return fmt.Sprintf("%c%d = (s%d)%c%d", r, s.dst, s.off, r, s.src)
		}
		a := opcode.ALUs[op>>4]
		name := a.Sym
		if name == "" {
			return fmt.Sprintf("invalid alu opcode %#02x", s.code)
		}
		if a.Signed != "" && s.off == opcode.SignedOff {
			name = "s" + name
		}
		if regSrc {
			return fmt.Sprintf("%c%d %s %c%d", r, s.dst, name, r, s.src)
		}
		return fmt.Sprintf("%c%d %s %d", r, s.dst, name, s.imm)
	case asm.LdXClass:
		mode := opcode.Mode(s.code)
		if mode != asm.MemMode && mode != asm.MemSXMode {
			return fmt.Sprintf("invalid ldx opcode %#02x", s.code)
		}
		return fmt.Sprintf("r%d = *(%s *)(r%d %+d)", s.dst, opcode.CType(s.code, mode == asm.MemSXMode), s.src, s.off)
	case asm.StClass:
		if opcode.Mode(s.code) != asm.MemMode {
			return fmt.Sprintf("invalid st opcode %#02x", s.code)
		}
		return fmt.Sprintf("*(%s *)(r%d %+d) = %d", opcode.CType(s.code, false), s.dst, s.off, s.imm)
	case asm.StXClass:
		size := opcode.CType(s.code, false)
		switch opcode.Mode(s.code) {
		case asm.MemMode:
			return fmt.Sprintf("*(%s *)(r%d %+d) = r%d", size, s.dst, s.off, s.src)
		case asm.AtomicMode:
			width := ""
			if opcode.Size(s.code) == asm.DWord {
				width = "64"
			}
			switch s.imm {
			case opcode.AtomicXchg:
				return fmt.Sprintf("r%d = atomic%s_xchg((%s *)(r%d %+d), r%d)", s.src, width, size, s.dst, s.off, s.src)
			case opcode.AtomicCmpXchg:
				return fmt.Sprintf("r0 = atomic%s_cmpxchg((%s *)(r%d %+d), r0, r%d)", width, size, s.dst, s.off, s.src)
			case opcode.LoadAcquire:
				return fmt.Sprintf("r%d = load_acquire((%s *)(r%d %+d))", s.dst, size, s.src, s.off)
			case opcode.StoreRelease:
				return fmt.Sprintf("store_release((%s *)(r%d %+d), r%d)", size, s.dst, s.off, s.src)
			}
			a, ok := opcode.LookupAtomic(s.imm)
			if !ok {
				return fmt.Sprintf("invalid atomic operation %#x", uint32(s.imm))
			}
			if s.imm&opcode.AtomicFetch != 0 {
				return fmt.Sprintf("r%d = atomic%s_fetch_%s((%s *)(r%d %+d), r%d)", s.src, width, a.Name, size, s.dst, s.off, s.src)
			}
			return fmt.Sprintf("lock *(%s *)(r%d %+d) %s r%d", size, s.dst, s.off, a.Sym, s.src)
		}
		return fmt.Sprintf("invalid stx opcode %#02x", s.code)
	case asm.LdClass:
		switch opcode.Mode(s.code) {
		case asm.AbsMode:
			return fmt.Sprintf("r0 = *(%s *)skb[%d]", opcode.CType(s.code, false), s.imm)
		case asm.IndMode:
			return fmt.Sprintf("r0 = *(%s *)skb[r%d + %d]", opcode.CType(s.code, false), s.src, s.imm)
		case asm.ImmMode:
			if s.wide {
				return fmt.Sprintf("r%d = %#x", s.dst, s.imm64)
			}
		}
		return fmt.Sprintf("invalid ld opcode %#02x", s.code)
	case asm.JumpClass, asm.Jump32Class:
		r := byte('r')
		if class == asm.Jump32Class {
			r = 'w'
		}
		op := opcode.JumpOp(s.code)
		switch op {
		case asm.Ja:
			if class == asm.Jump32Class {
				return fmt.Sprintf("gotol pc%+d", s.imm)
			}
			return fmt.Sprintf("goto pc%+d", s.off)
		case asm.Call:
			switch s.src {
			case opcode.CallLocal:
				return fmt.Sprintf("call pc%+d", s.imm)
			case opcode.CallKfunc:
				return "call kernel-function"
			}
			return fmt.Sprintf("call %s#%d", helperName(s.imm), s.imm)
		case asm.Exit:
			return "exit"
		}
		name := opcode.Jumps[op>>4].Sym
		if name == "" {
			return fmt.Sprintf("invalid jmp opcode %#02x", s.code)
		}
		if regSrc {
			return fmt.Sprintf("if %c%d %s %c%d goto pc%+d", r, s.dst, name, r, s.src, s.off)
		}
		return fmt.Sprintf("if %c%d %s %#x goto pc%+d", r, s.dst, name, uint32(s.imm), s.off)
	}
	return fmt.Sprintf("invalid opcode %#02x", s.code)
}

// branches returns the slots a jump can go to: for a conditional jump the
// target when the condition holds and the next slot, for goto its target
// alone. ok is false for instructions that are not jumps (calls and exit
// included).
func (s ebpfSlot) branches() (taken, fallthrough_ int, conditional, ok bool) {
	class := opcode.Class(s.code)
	if class != asm.JumpClass && class != asm.Jump32Class {
		return 0, 0, false, false
	}
	switch opcode.JumpOp(s.code) {
	case asm.Call, asm.Exit:
		return 0, 0, false, false
	case asm.Ja:
		if class == asm.Jump32Class {
			return s.index + 1 + int(s.imm), 0, false, true
		}
		return s.index + 1 + int(s.off), 0, false, true
	}
	return s.index + 1 + int(s.off), s.index + 1, true, true
}
