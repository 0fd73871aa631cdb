package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"

	"github.com/cilium/ebpf/asm"
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

// BPF instruction fields (include/uapi/linux/bpf.h, bpf_common.h).
const (
	bpfLD    = 0x00
	bpfLDX   = 0x01
	bpfST    = 0x02
	bpfSTX   = 0x03
	bpfALU   = 0x04
	bpfJMP   = 0x05
	bpfJMP32 = 0x06
	bpfALU64 = 0x07

	bpfIMM    = 0x00
	bpfABS    = 0x20
	bpfIND    = 0x40
	bpfMEM    = 0x60
	bpfMEMSX  = 0x80
	bpfATOMIC = 0xc0

	bpfX = 0x08

	bpfJA   = 0x00
	bpfCALL = 0x80
	bpfEXIT = 0x90

	bpfNEG = 0x80
	bpfMOV = 0xb0
	bpfEND = 0xd0
	bpfDIV = 0x30
	bpfMOD = 0x90

	bpfFETCH   = 0x01
	bpfXCHG    = 0xe0 | bpfFETCH
	bpfCMPXCHG = 0xf0 | bpfFETCH
	bpfLoadAcq = 0x100
	bpfStRel   = 0x110
)

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
	return marshalEBPF(insns, hostOrder())
}

// hostOrder returns binary.LittleEndian or binary.BigEndian, whichever the
// host uses (cilium/ebpf accepts only those two).
func hostOrder() binary.ByteOrder {
	var probe [2]byte
	binary.NativeEndian.PutUint16(probe[:], 1)
	if probe[0] == 1 {
		return binary.LittleEndian
	}
	return binary.BigEndian
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
		if s.code == bpfLD|bpfIMM|0x18 && i+16 <= len(code) {
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

// sizeName is the C type of a load or store of the opcode's size.
func sizeName(code uint8, signed bool) string {
	var bits int
	switch code & 0x18 {
	case 0x00:
		bits = 32
	case 0x08:
		bits = 16
	case 0x10:
		bits = 8
	default:
		bits = 64
	}
	if signed {
		return fmt.Sprintf("s%d", bits)
	}
	return fmt.Sprintf("u%d", bits)
}

var aluOps = map[uint8]string{
	0x00: "+=", 0x10: "-=", 0x20: "*=", 0x30: "/=", 0x40: "|=", 0x50: "&=",
	0x60: "<<=", 0x70: ">>=", 0x90: "%=", 0xa0: "^=", 0xb0: "=", 0xc0: "s>>=",
}

var jmpOps = map[uint8]string{
	0x10: "==", 0x20: ">", 0x30: ">=", 0x40: "&", 0x50: "!=", 0x60: "s>",
	0x70: "s>=", 0xa0: "<", 0xb0: "<=", 0xc0: "s<", 0xd0: "s<=",
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
	class := s.code & 0x07
	op := s.code & 0xf0
	regSrc := s.code&bpfX != 0
	switch class {
	case bpfALU, bpfALU64:
		r := byte('w')
		if class == bpfALU64 {
			r = 'r'
		}
		switch {
		case op == bpfEND:
			if class == bpfALU64 {
				return fmt.Sprintf("r%d = bswap%d r%d", s.dst, s.imm, s.dst)
			}
			order := "le"
			if regSrc {
				order = "be"
			}
			return fmt.Sprintf("r%d = %s%d r%d", s.dst, order, s.imm, s.dst)
		case op == bpfNEG:
			return fmt.Sprintf("%c%d = -%c%d", r, s.dst, r, s.dst)
		case op == bpfMOV && regSrc && s.off != 0:
			return fmt.Sprintf("%c%d = (s%d)%c%d", r, s.dst, s.off, r, s.src)
		}
		name, ok := aluOps[op]
		if !ok {
			return fmt.Sprintf("invalid alu opcode %#02x", s.code)
		}
		if (op == bpfDIV || op == bpfMOD) && s.off == 1 {
			name = "s" + name
		}
		if regSrc {
			return fmt.Sprintf("%c%d %s %c%d", r, s.dst, name, r, s.src)
		}
		return fmt.Sprintf("%c%d %s %d", r, s.dst, name, s.imm)
	case bpfLDX:
		mode := s.code & 0xe0
		if mode != bpfMEM && mode != bpfMEMSX {
			return fmt.Sprintf("invalid ldx opcode %#02x", s.code)
		}
		return fmt.Sprintf("r%d = *(%s *)(r%d %+d)", s.dst, sizeName(s.code, mode == bpfMEMSX), s.src, s.off)
	case bpfST:
		if s.code&0xe0 != bpfMEM {
			return fmt.Sprintf("invalid st opcode %#02x", s.code)
		}
		return fmt.Sprintf("*(%s *)(r%d %+d) = %d", sizeName(s.code, false), s.dst, s.off, s.imm)
	case bpfSTX:
		size := sizeName(s.code, false)
		switch s.code & 0xe0 {
		case bpfMEM:
			return fmt.Sprintf("*(%s *)(r%d %+d) = r%d", size, s.dst, s.off, s.src)
		case bpfATOMIC:
			width := ""
			if size == "u64" {
				width = "64"
			}
			aop := uint32(s.imm)
			switch {
			case aop == bpfXCHG:
				return fmt.Sprintf("r%d = atomic%s_xchg((%s *)(r%d %+d), r%d)", s.src, width, size, s.dst, s.off, s.src)
			case aop == bpfCMPXCHG:
				return fmt.Sprintf("r0 = atomic%s_cmpxchg((%s *)(r%d %+d), r0, r%d)", width, size, s.dst, s.off, s.src)
			case aop == bpfLoadAcq:
				return fmt.Sprintf("r%d = load_acquire((%s *)(r%d %+d))", s.dst, size, s.src, s.off)
			case aop == bpfStRel:
				return fmt.Sprintf("store_release((%s *)(r%d %+d), r%d)", size, s.dst, s.off, s.src)
			}
			names := map[uint32]string{0x00: "add", 0x40: "or", 0x50: "and", 0xa0: "xor"}
			name, ok := names[aop&^bpfFETCH]
			if !ok {
				return fmt.Sprintf("invalid atomic operation %#x", aop)
			}
			if aop&bpfFETCH != 0 {
				return fmt.Sprintf("r%d = atomic%s_fetch_%s((%s *)(r%d %+d), r%d)", s.src, width, name, size, s.dst, s.off, s.src)
			}
			return fmt.Sprintf("lock *(%s *)(r%d %+d) %s r%d", size, s.dst, s.off, aluOps[uint8(aop)], s.src)
		}
		return fmt.Sprintf("invalid stx opcode %#02x", s.code)
	case bpfLD:
		switch s.code & 0xe0 {
		case bpfABS:
			return fmt.Sprintf("r0 = *(%s *)skb[%d]", sizeName(s.code, false), s.imm)
		case bpfIND:
			return fmt.Sprintf("r0 = *(%s *)skb[r%d + %d]", sizeName(s.code, false), s.src, s.imm)
		case bpfIMM:
			if s.wide {
				return fmt.Sprintf("r%d = %#x", s.dst, s.imm64)
			}
		}
		return fmt.Sprintf("invalid ld opcode %#02x", s.code)
	case bpfJMP, bpfJMP32:
		r := byte('r')
		if class == bpfJMP32 {
			r = 'w'
		}
		switch op {
		case bpfJA:
			if class == bpfJMP32 {
				return fmt.Sprintf("gotol pc%+d", s.imm)
			}
			return fmt.Sprintf("goto pc%+d", s.off)
		case bpfCALL:
			switch s.src {
			case 1:
				return fmt.Sprintf("call pc%+d", s.imm)
			case 2:
				return "call kernel-function"
			}
			return fmt.Sprintf("call %s#%d", helperName(s.imm), s.imm)
		case bpfEXIT:
			return "exit"
		}
		name, ok := jmpOps[op]
		if !ok {
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
	class := s.code & 0x07
	if class != bpfJMP && class != bpfJMP32 {
		return 0, 0, false, false
	}
	switch op := s.code & 0xf0; op {
	case bpfCALL, bpfEXIT:
		return 0, 0, false, false
	case bpfJA:
		if class == bpfJMP32 {
			return s.index + 1 + int(s.imm), 0, false, true
		}
		return s.index + 1 + int(s.off), 0, false, true
	}
	return s.index + 1 + int(s.off), s.index + 1, true, true
}
