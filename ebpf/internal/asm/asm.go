// Package asm assembles the text syntax of the bpf_conformance test corpus
// (the uBPF assembler's syntax: `mov %r0, 1`, `ldxw %r0, [%r1+4]`,
// `jeq %r1, 2, +3`, `lock fetch add [%r10-8], %r1`, ...) into RFC 9669
// bytecode, and reads the corpus's .data files. It exists to test the VM;
// the syntax is documented in ../shared/corpus/bpf_conformance/README.md.
package asm

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	cilium "github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/internal/opcode"
)

// Error is an assembly error on a given line (1-based, within the source
// given to Assemble).
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

type spec struct {
	kind  int
	code  uint8
	off   int16 // fixed offset (sdiv, smod, movsx)
	imm   int32 // fixed immediate (byte swaps)
	arity int
}

const (
	kALU  = iota // dst, src|imm
	kNeg         // dst
	kEnd         // dst
	kLdx         // dst, [src+off]
	kSt          // [dst+off], imm
	kStx         // [dst+off], src
	kLddw        // dst, imm64
	kJmp         // dst, src|imm, target
	kJa          // target (offset)
	kJa32        // target (imm)
	kExit        //
	kCall        // N | local label | %rN | runtime N
)

var mnemonics = buildMnemonics()

// buildMnemonics spells gocap's opcode table (internal/opcode) in the uBPF
// syntax: ALU operations with no suffix or "64" for ALU64 and "32" for
// ALU, jumps with "32" for JMP32, loads and stores with their size.
func buildMnemonics() map[string]spec {
	m := make(map[string]spec)
	alu64 := uint8(cilium.ALU64Class)
	alu32 := uint8(cilium.ALUClass)
	for i, a := range opcode.ALUs {
		op := uint8(i << 4)
		switch cilium.ALUOp(op) {
		case cilium.Neg:
			m["neg"] = spec{kind: kNeg, code: alu64 | op, arity: 1}
			m["neg64"] = spec{kind: kNeg, code: alu64 | op, arity: 1}
			m["neg32"] = spec{kind: kNeg, code: alu32 | op, arity: 1}
			continue
		case cilium.Swap:
			continue
		}
		if a.Name == "" {
			continue
		}
		for _, v := range []struct {
			name string
			off  int16
		}{{a.Name, 0}, {a.Signed, opcode.SignedOff}} {
			if v.name == "" {
				continue
			}
			m[v.name] = spec{kind: kALU, code: alu64 | op, off: v.off, arity: 2}
			m[v.name+"64"] = spec{kind: kALU, code: alu64 | op, off: v.off, arity: 2}
			m[v.name+"32"] = spec{kind: kALU, code: alu32 | op, off: v.off, arity: 2}
		}
	}
	for _, sx := range opcode.MovSXs {
		m[sx.Name] = spec{kind: kALU, code: sx.Code, off: sx.Off, arity: 2}
	}
	for _, sw := range opcode.Swaps {
		for _, w := range opcode.SwapWidths {
			m[sw.Name+strconv.Itoa(int(w))] = spec{kind: kEnd, code: sw.Code, imm: w, arity: 1}
		}
	}
	for _, mem := range opcode.Memories {
		kind := -1
		switch {
		case mem.Name == "":
			continue
		case mem.Code == opcode.LoadImm64:
			kind = kLddw
		case opcode.Class(mem.Code) == cilium.LdXClass:
			kind = kLdx
		case opcode.Class(mem.Code) == cilium.StClass:
			kind = kSt
		case opcode.Class(mem.Code) == cilium.StXClass:
			kind = kStx
		}
		m[mem.Name] = spec{kind: kind, code: mem.Code, arity: 2}
	}
	jmp64 := uint8(cilium.JumpClass)
	jmp32 := uint8(cilium.Jump32Class)
	for i, j := range opcode.Jumps {
		if !j.Cond {
			continue
		}
		op := uint8(i << 4)
		m[j.Name] = spec{kind: kJmp, code: jmp64 | op, arity: 3}
		m[j.Name+"32"] = spec{kind: kJmp, code: jmp32 | op, arity: 3}
	}
	ja := opcode.Jumps[cilium.Ja>>4].Name
	m[ja] = spec{kind: kJa, code: jmp64 | uint8(cilium.Ja), arity: 1}
	m[ja+"32"] = spec{kind: kJa32, code: jmp32 | uint8(cilium.Ja), arity: 1}
	m[opcode.Jumps[cilium.Exit>>4].Name] = spec{kind: kExit, code: jmp64 | uint8(cilium.Exit), arity: 0}
	m[opcode.Jumps[cilium.Call>>4].Name] = spec{kind: kCall, code: jmp64 | uint8(cilium.Call)}
	return m
}

// callx is the opcode of a call through a register, which the assembler
// writes for `call %rN` and the VM refuses.
const callx = uint8(cilium.JumpClass) | uint8(cilium.Call) | uint8(cilium.RegSource)

// atomicOps maps the name after "lock [fetch]" to the operation.
var atomicOps = buildAtomicOps()

func buildAtomicOps() map[string]int32 {
	m := make(map[string]int32)
	for _, a := range opcode.Atomics {
		m[a.Name] = a.Imm
	}
	return m
}

type line struct {
	num    int
	tokens []string
	slot   int
}

// Assemble translates src into bytecode: 8 bytes per slot, little-endian.
func Assemble(src string) ([]byte, error) {
	var lines []line
	labels := make(map[string]int)
	slot := 0
	for i, text := range strings.Split(src, "\n") {
		if j := strings.IndexByte(text, '#'); j >= 0 {
			text = text[:j]
		}
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		if len(fields) == 1 && strings.HasSuffix(fields[0], ":") {
			name := strings.TrimSuffix(fields[0], ":")
			if _, dup := labels[name]; dup {
				return nil, &Error{i + 1, fmt.Sprintf("duplicate label %q", name)}
			}
			labels[name] = slot
			continue
		}
		for k, f := range fields {
			fields[k] = strings.TrimSuffix(f, ",")
		}
		lines = append(lines, line{num: i + 1, tokens: fields, slot: slot})
		if fields[0] == "lddw" {
			slot += 2
		} else {
			slot++
		}
		if fields[0] == "exit" {
			if _, ok := labels["exit"]; !ok {
				labels["exit"] = slot - 1
			}
		}
	}
	out := make([]byte, 0, slot*8)
	for _, l := range lines {
		b, err := encode(l, labels)
		if err != nil {
			return nil, &Error{l.num, err.Error()}
		}
		out = append(out, b...)
	}
	return out, nil
}

func slotBytes(code, dst, src uint8, off int16, imm int32) []byte {
	b := make([]byte, 8)
	b[0] = code
	b[1] = dst&0x0f | src<<4
	binary.LittleEndian.PutUint16(b[2:], uint16(off))
	binary.LittleEndian.PutUint32(b[4:], uint32(imm))
	return b
}

func encode(l line, labels map[string]int) ([]byte, error) {
	name, args := l.tokens[0], l.tokens[1:]
	if name == "lock" {
		return encodeLock(args)
	}
	s, ok := mnemonics[name]
	if !ok {
		return nil, fmt.Errorf("unknown mnemonic %q", name)
	}
	if s.kind != kCall && len(args) != s.arity {
		return nil, fmt.Errorf("invalid number of operands for %s: %d, want %d", name, len(args), s.arity)
	}
	switch s.kind {
	case kALU:
		dst, err := reg(args[0])
		if err != nil {
			return nil, err
		}
		if s.off >= 8 && !isReg(args[1]) { // movsx takes only a register
			return nil, fmt.Errorf("%s needs a register source", name)
		}
		return sourceSlot(s.code, dst, args[1], s.off)
	case kNeg, kEnd:
		dst, err := reg(args[0])
		if err != nil {
			return nil, err
		}
		return slotBytes(s.code, dst, 0, 0, s.imm), nil
	case kLdx:
		dst, err := reg(args[0])
		if err != nil {
			return nil, err
		}
		src, off, err := memOperand(args[1])
		if err != nil {
			return nil, err
		}
		return slotBytes(s.code, dst, src, off, 0), nil
	case kSt, kStx:
		dst, off, err := memOperand(args[0])
		if err != nil {
			return nil, err
		}
		var src uint8
		var imm int32
		if s.kind == kSt {
			imm, err = imm32(args[1])
		} else {
			src, err = reg(args[1])
		}
		if err != nil {
			return nil, err
		}
		return slotBytes(s.code, dst, src, off, imm), nil
	case kLddw:
		dst, err := reg(args[0])
		if err != nil {
			return nil, err
		}
		v, err := imm64(args[1])
		if err != nil {
			return nil, err
		}
		return append(slotBytes(s.code, dst, 0, 0, int32(uint32(v))), slotBytes(0, 0, 0, 0, int32(uint32(v>>32)))...), nil
	case kJmp:
		dst, err := reg(args[0])
		if err != nil {
			return nil, err
		}
		off, err := target(args[2], l.slot, labels, 16)
		if err != nil {
			return nil, err
		}
		return sourceSlot(s.code, dst, args[1], int16(off))
	case kJa:
		off, err := target(args[0], l.slot, labels, 16)
		if err != nil {
			return nil, err
		}
		return slotBytes(s.code, 0, 0, int16(off), 0), nil
	case kJa32:
		off, err := target(args[0], l.slot, labels, 32)
		if err != nil {
			return nil, err
		}
		return slotBytes(s.code, 0, 0, 0, int32(off)), nil
	case kExit:
		return slotBytes(s.code, 0, 0, 0, 0), nil
	case kCall:
		switch {
		case len(args) == 1 && isReg(args[0]):
			r, err := reg(args[0])
			if err != nil {
				return nil, err
			}
			return slotBytes(callx, r, 0, 0, 0), nil
		case len(args) == 1:
			imm, err := imm32(args[0])
			if err != nil {
				return nil, err
			}
			return slotBytes(s.code, 0, 0, 0, imm), nil
		case len(args) == 2 && args[0] == "local":
			off, err := target(args[1], l.slot, labels, 32)
			if err != nil {
				return nil, err
			}
			return slotBytes(s.code, 0, opcode.CallLocal, 0, int32(off)), nil
		case len(args) == 2 && args[0] == "runtime":
			imm, err := imm32(args[1])
			if err != nil {
				return nil, err
			}
			return slotBytes(s.code, 0, opcode.CallKfunc, 0, imm), nil
		}
		return nil, fmt.Errorf("invalid operands for call")
	}
	return nil, fmt.Errorf("unknown mnemonic %q", name)
}

func encodeLock(args []string) ([]byte, error) {
	fetch := false
	if len(args) > 0 && args[0] == "fetch" {
		fetch = true
		args = args[1:]
	}
	if len(args) != 3 {
		return nil, fmt.Errorf("invalid number of operands for lock")
	}
	op := args[0]
	atomic := uint8(cilium.StXClass) | uint8(cilium.AtomicMode)
	code := atomic | uint8(cilium.DWord)
	if strings.HasSuffix(op, "32") {
		code = atomic | uint8(cilium.Word)
		op = strings.TrimSuffix(op, "32")
	}
	imm, ok := atomicOps[op]
	if !ok {
		return nil, fmt.Errorf("unknown atomic operation %q", args[0])
	}
	if fetch {
		imm |= opcode.AtomicFetch
	}
	dst, off, err := memOperand(args[1])
	if err != nil {
		return nil, err
	}
	src, err := reg(args[2])
	if err != nil {
		return nil, err
	}
	return slotBytes(code, dst, src, off, imm), nil
}

func isReg(s string) bool { return strings.HasPrefix(s, "%r") }

func reg(s string) (uint8, error) {
	if !isReg(s) {
		return 0, fmt.Errorf("invalid register %q", s)
	}
	n, err := strconv.ParseUint(s[2:], 10, 8)
	if err != nil || n > 15 {
		return 0, fmt.Errorf("invalid register %q", s)
	}
	return uint8(n), nil
}

// imm32 parses a decimal s32 or a hex bit pattern up to 0xffffffff.
func imm32(s string) (int32, error) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	if h, ok := cutHex(body); ok {
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return 0, fmt.Errorf("invalid immediate %q", s)
		}
		if neg {
			return int32(-int64(v)), nil
		}
		return int32(uint32(v)), nil
	}
	v, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return 0, fmt.Errorf("invalid immediate %q", s)
	}
	return int32(v), nil
}

func imm64(s string) (uint64, error) {
	if h, ok := cutHex(s); ok {
		v, err := strconv.ParseUint(h, 16, 64)
		if err != nil {
			return 0, fmt.Errorf("invalid immediate %q", s)
		}
		return v, nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("invalid immediate %q", s)
	}
	return uint64(v), nil
}

func cutHex(s string) (string, bool) {
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		return s[2:], true
	}
	return "", false
}

// sourceSlot encodes an ALU or jump instruction whose source arg is a
// register (the X form) or an immediate (the K form).
func sourceSlot(code, dst uint8, arg string, off int16) ([]byte, error) {
	if isReg(arg) {
		src, err := reg(arg)
		if err != nil {
			return nil, err
		}
		return slotBytes(code|uint8(cilium.RegSource), dst, src, off, 0), nil
	}
	imm, err := imm32(arg)
	if err != nil {
		return nil, err
	}
	return slotBytes(code, dst, 0, off, imm), nil
}

// memOperand parses [%rN], [%rN+off] or [%rN-off].
func memOperand(s string) (uint8, int16, error) {
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return 0, 0, fmt.Errorf("invalid memory operand %q", s)
	}
	body := s[1 : len(s)-1]
	i := strings.IndexAny(body, "+-")
	regText, offText := body, ""
	if i >= 0 {
		regText, offText = body[:i], body[i:]
	}
	r, err := reg(regText)
	if err != nil {
		return 0, 0, err
	}
	if offText == "" {
		return r, 0, nil
	}
	neg := offText[0] == '-'
	offText = offText[1:]
	var v int64
	if h, ok := cutHex(offText); ok {
		u, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return 0, 0, fmt.Errorf("invalid offset %q", s)
		}
		v = int64(u)
	} else {
		v, err = strconv.ParseInt(offText, 10, 32)
		if err != nil {
			return 0, 0, fmt.Errorf("invalid offset %q", s)
		}
	}
	if neg {
		v = -v
	}
	if v < -32768 || v > 32767 {
		return 0, 0, fmt.Errorf("offset out of range in %q", s)
	}
	return r, int16(v), nil
}

// target resolves a jump target: +N, -N or a label, as an offset relative to
// the slot after pc, checked against a signed field of the given width.
func target(s string, pc int, labels map[string]int, width int) (int64, error) {
	var v int64
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		n, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			return 0, fmt.Errorf("invalid jump offset %q", s)
		}
		v = n
	} else {
		t, ok := labels[s]
		if !ok {
			return 0, fmt.Errorf("unknown label %q", s)
		}
		v = int64(t) - int64(pc) - 1
	}
	limit := int64(1) << (width - 1)
	if v < -limit || v >= limit {
		return 0, fmt.Errorf("jump offset %d out of range", v)
	}
	return v, nil
}
