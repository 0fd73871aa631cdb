package cbpf

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/bpf"
)

// This file prints classic BPF programs the way libpcap's bpf_image() and
// bpf_dump() do, which is what `tcpdump -d`, `-dd` and `-ddd` print. The
// output follows libpcap master (the version the shared test corpus records):
// instructions without an operand carry no trailing blank, LDX|LEN prints as
// `ldx #pktlen`, and absolute loads from the Linux ancillary area print the
// symbolic name of the field, e.g. `ldh [vlan_tci]`.

// imgOperand says how an opcode's operand is printed.
type imgOperand uint8

const (
	imgNone   imgOperand = iota // no operand
	imgDec                      // "#%d" of k
	imgHex                      // "#0x%x" of k
	imgAbs                      // "[%d]" of k, or "[name]" for an ancillary offset
	imgInd                      // "[x + %d]" of k
	imgMem                      // "M[%d]" of k
	imgMSH                      // "4*([%d]&0xf)" of k
	imgPktLen                   // "#pktlen"
	imgX                        // "x"
	imgJA                       // absolute target pc+1+k
)

// imgOpcode is the mnemonic and operand style of one opcode.
type imgOpcode struct {
	name    string
	operand imgOperand
}

// imgOpcodes lists every opcode libpcap's bpf_image() knows, keyed by the
// full 16-bit code. Any other code prints as "unimp".
var imgOpcodes = map[uint16]imgOpcode{
	0x06: {"ret", imgDec},  // RET|K
	0x16: {"ret", imgNone}, // RET|A

	0x20: {"ld", imgAbs},     // LD|W|ABS
	0x28: {"ldh", imgAbs},    // LD|H|ABS
	0x30: {"ldb", imgAbs},    // LD|B|ABS
	0x80: {"ld", imgPktLen},  // LD|W|LEN
	0x81: {"ldx", imgPktLen}, // LDX|W|LEN
	0x40: {"ld", imgInd},     // LD|W|IND
	0x48: {"ldh", imgInd},    // LD|H|IND
	0x50: {"ldb", imgInd},    // LD|B|IND
	0x00: {"ld", imgHex},     // LD|IMM
	0x01: {"ldx", imgHex},    // LDX|IMM
	0xb1: {"ldxb", imgMSH},   // LDX|B|MSH
	0x60: {"ld", imgMem},     // LD|MEM
	0x61: {"ldx", imgMem},    // LDX|MEM
	0x02: {"st", imgMem},     // ST
	0x03: {"stx", imgMem},    // STX

	0x05: {"ja", imgJA},    // JMP|JA
	0x15: {"jeq", imgHex},  // JMP|JEQ|K
	0x25: {"jgt", imgHex},  // JMP|JGT|K
	0x35: {"jge", imgHex},  // JMP|JGE|K
	0x45: {"jset", imgHex}, // JMP|JSET|K
	0x1d: {"jeq", imgX},    // JMP|JEQ|X
	0x2d: {"jgt", imgX},    // JMP|JGT|X
	0x3d: {"jge", imgX},    // JMP|JGE|X
	0x4d: {"jset", imgX},   // JMP|JSET|X

	0x04: {"add", imgDec},  // ALU|ADD|K
	0x14: {"sub", imgDec},  // ALU|SUB|K
	0x24: {"mul", imgDec},  // ALU|MUL|K
	0x34: {"div", imgDec},  // ALU|DIV|K
	0x94: {"mod", imgDec},  // ALU|MOD|K
	0x44: {"or", imgHex},   // ALU|OR|K
	0x54: {"and", imgHex},  // ALU|AND|K
	0xa4: {"xor", imgHex},  // ALU|XOR|K
	0x64: {"lsh", imgDec},  // ALU|LSH|K
	0x74: {"rsh", imgDec},  // ALU|RSH|K
	0x0c: {"add", imgX},    // ALU|ADD|X
	0x1c: {"sub", imgX},    // ALU|SUB|X
	0x2c: {"mul", imgX},    // ALU|MUL|X
	0x3c: {"div", imgX},    // ALU|DIV|X
	0x9c: {"mod", imgX},    // ALU|MOD|X
	0x4c: {"or", imgX},     // ALU|OR|X
	0x5c: {"and", imgX},    // ALU|AND|X
	0xac: {"xor", imgX},    // ALU|XOR|X
	0x6c: {"lsh", imgX},    // ALU|LSH|X
	0x7c: {"rsh", imgX},    // ALU|RSH|X
	0x84: {"neg", imgNone}, // ALU|NEG

	0x07: {"tax", imgNone}, // MISC|TAX
	0x87: {"txa", imgNone}, // MISC|TXA
}

// imgAncillary names the Linux ancillary data offsets (k - SKF_AD_OFF) that
// bpf_image() prints symbolically in absolute loads.
var imgAncillary = map[uint32]string{
	0:  "proto",
	4:  "type",
	8:  "ifidx",
	12: "nla",
	16: "nlan",
	20: "mark",
	24: "queue",
	28: "hatype",
	32: "rxhash",
	36: "cpu",
	40: "xor_x",
	44: "vlan_tci",
	48: "vlanp",
	52: "poff",
	56: "random",
	60: "vlan_tpid",
}

// Image returns the text libpcap's bpf_image() gives for ri at index pc:
// "(pc) op  operand", plus "jt T\tjf F" with absolute targets for
// conditional jumps. There is no trailing newline. Codes libpcap does not
// know print as "unimp 0x<code>".
func Image(ri bpf.RawInstruction, pc int) string {
	d, known := imgOpcodes[ri.Op]
	name, operand := d.name, ""
	// C prints k with %d from an unsigned field, so values of 2^31 and
	// above come out negative; int32 reproduces that.
	switch {
	case !known:
		name, operand = "unimp", fmt.Sprintf("0x%x", ri.Op)
	case d.operand == imgDec:
		operand = "#" + strconv.Itoa(int(int32(ri.K)))
	case d.operand == imgHex:
		operand = "#0x" + strconv.FormatUint(uint64(ri.K), 16)
	case d.operand == imgAbs:
		if sym, ok := imgAncillary[ri.K-ancillaryBase]; ok && ri.K >= ancillaryBase {
			operand = "[" + sym + "]"
		} else {
			operand = "[" + strconv.Itoa(int(int32(ri.K))) + "]"
		}
	case d.operand == imgInd:
		operand = "[x + " + strconv.Itoa(int(int32(ri.K))) + "]"
	case d.operand == imgMem:
		operand = "M[" + strconv.Itoa(int(int32(ri.K))) + "]"
	case d.operand == imgMSH:
		operand = "4*([" + strconv.Itoa(int(int32(ri.K))) + "]&0xf)"
	case d.operand == imgPktLen:
		operand = "#pktlen"
	case d.operand == imgX:
		operand = "x"
	case d.operand == imgJA:
		operand = strconv.Itoa(int(int32(uint32(pc+1) + ri.K)))
	}
	const clsJump, opMask, opJA = 0x05, 0xf0, 0x00
	if ri.Op&0x07 == clsJump && ri.Op&opMask != opJA {
		return fmt.Sprintf("(%03d) %-8s %-16s jt %d\tjf %d", pc, name, operand, pc+1+int(ri.Jt), pc+1+int(ri.Jf))
	}
	if operand == "" {
		return fmt.Sprintf("(%03d) %s", pc, name)
	}
	return fmt.Sprintf("(%03d) %-8s %s", pc, name, operand)
}

// ancillaryBase is SKF_AD_OFF (-0x1000) as an unsigned offset: absolute
// loads at and above it read Linux ancillary data instead of the packet.
const ancillaryBase uint32 = 0xfffff000

// Format returns the program listing `tcpdump -d` prints: one Image line
// per instruction, each ending in a newline. It fails if an instruction
// does not assemble.
func Format(prog []bpf.Instruction) (string, error) {
	return formatLines(prog, false, func(b *strings.Builder, i int, ri bpf.RawInstruction) {
		b.WriteString(Image(ri, i))
		b.WriteByte('\n')
	})
}

// FormatC returns the listing `tcpdump -dd` prints: one C initializer
// "{ 0xCODE, JT, JF, 0xKKKKKKKK }," per line.
func FormatC(prog []bpf.Instruction) (string, error) {
	return formatLines(prog, false, func(b *strings.Builder, _ int, ri bpf.RawInstruction) {
		fmt.Fprintf(b, "{ 0x%x, %d, %d, 0x%08x },\n", ri.Op, ri.Jt, ri.Jf, ri.K)
	})
}

// FormatDecimal returns the listing `tcpdump -ddd` prints: the instruction
// count on the first line, then "CODE JT JF K" in decimal, one per line.
func FormatDecimal(prog []bpf.Instruction) (string, error) {
	return formatLines(prog, true, func(b *strings.Builder, _ int, ri bpf.RawInstruction) {
		fmt.Fprintf(b, "%d %d %d %d\n", ri.Op, ri.Jt, ri.Jf, ri.K)
	})
}

// formatLines assembles prog and writes each instruction with line, after
// a line with their count if count is set. It fails if an instruction does
// not assemble.
func formatLines(prog []bpf.Instruction, count bool, line func(b *strings.Builder, pc int, ri bpf.RawInstruction)) (string, error) {
	raw, err := Raw(prog)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if count {
		fmt.Fprintf(&b, "%d\n", len(raw))
	}
	for i, ri := range raw {
		line(&b, i, ri)
	}
	return b.String(), nil
}

// EnumerateImages returns what libpcap's filtertest prints for its pseudo
// expression "_enumerate_bpf_image": the Image of every opcode bpf_image()
// knows, as a program with k=15, jt=1 and jf=0 in which the returns come
// last, each line padded to 50 columns and followed by "; 0x" and the
// 4-digit opcode.
func EnumerateImages() string {
	var b strings.Builder
	for i, ri := range enumerateProgram() {
		fmt.Fprintf(&b, "%-50s; 0x%04x\n", Image(ri, i), ri.Op)
	}
	return b.String()
}

// enumerateProgram builds the instructions EnumerateImages prints: every
// known opcode in increasing order, returns moved to the end.
func enumerateProgram() []bpf.RawInstruction {
	var body, rets []bpf.RawInstruction
	for op := 0; op <= 0xffff; op++ {
		if _, ok := imgOpcodes[uint16(op)]; !ok {
			continue
		}
		ri := bpf.RawInstruction{Op: uint16(op), Jt: 1, Jf: 0, K: 15}
		if op&0x07 == 0x06 {
			rets = append(rets, ri)
		} else {
			body = append(body, ri)
		}
	}
	return append(body, rets...)
}
