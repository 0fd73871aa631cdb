package translate

import (
	"fmt"

	"golang.org/x/net/bpf"
)

// Classic BPF opcode fields (include/uapi/linux/bpf_common.h, filter.h).
// golang.org/x/net/bpf keeps its own unexported, and its disassembler is
// lossy (a byte load from an ancillary offset becomes a word load), so the
// translation decodes raw instructions with these.
const (
	clsLD   = 0x00
	clsLDX  = 0x01
	clsST   = 0x02
	clsSTX  = 0x03
	clsALU  = 0x04
	clsJMP  = 0x05
	clsRET  = 0x06
	clsMISC = 0x07

	sizeW = 0x00
	sizeH = 0x08
	sizeB = 0x10

	modeIMM = 0x00
	modeABS = 0x20
	modeIND = 0x40
	modeMEM = 0x60
	modeLEN = 0x80
	modeMSH = 0xa0

	srcK = 0x00
	srcX = 0x08

	retK = 0x00
	retA = 0x10

	aluAdd = 0x00
	aluSub = 0x10
	aluMul = 0x20
	aluDiv = 0x30
	aluOr  = 0x40
	aluAnd = 0x50
	aluLsh = 0x60
	aluRsh = 0x70
	aluNeg = 0x80
	aluMod = 0x90
	aluXor = 0xa0

	jmpJA   = 0x00
	jmpJEQ  = 0x10
	jmpJGT  = 0x20
	jmpJGE  = 0x30
	jmpJSET = 0x40

	miscTAX = 0x00
	miscTXA = 0x80
)

// Linux classic BPF limits and special offsets.
const (
	maxInsns  = 1 << 16    // far above BPF_MAXINSNS (4096); keeps jumps encodable
	memWords  = 16         // BPF_MEMWORDS
	skfADOff  = -0x1000    // SKF_AD_OFF: ancillary data
	skfNetOff = -0x100000  // SKF_NET_OFF: relative to the network header
	skfLLOff  = -0x200000  // SKF_LL_OFF: relative to the link-layer header
	adBase    = 0xfffff000 // SKF_AD_OFF as an unsigned offset
)

func class(op uint16) uint16    { return op & 0x07 }
func size(op uint16) uint16     { return op & 0x18 }
func addrMode(op uint16) uint16 { return op & 0xe0 }
func src(op uint16) uint16      { return op & 0x08 }
func aluOp(op uint16) uint16    { return op & 0xf0 }
func jmpOp(op uint16) uint16    { return op & 0xf0 }
func retSrc(op uint16) uint16   { return op & 0x18 }

// loadBytes is the width of a load, or 0 for an invalid size field.
func loadBytes(op uint16) int {
	switch size(op) {
	case sizeW:
		return 4
	case sizeH:
		return 2
	case sizeB:
		return 1
	}
	return 0
}

// isAncillary reports whether an absolute offset reads Linux ancillary
// data rather than the packet.
func isAncillary(k uint32) bool {
	return int32(k) >= skfADOff && int32(k) < 0
}

// successors returns the classic pcs control may go to after pc, and
// whether the instruction is a backward jump. An instruction that may fall
// off the end or jump outside the program is an error.
func successors(raw []bpf.RawInstruction, pc int) (next []int, backward bool, err error) {
	ri := raw[pc]
	n := len(raw)
	in := func(t int) error {
		if t < 0 || t >= n {
			return fmt.Errorf("jump to %d is outside the program (%d instructions)", t, n)
		}
		return nil
	}
	switch class(ri.Op) {
	case clsRET:
		return nil, false, nil
	case clsJMP:
		if jmpOp(ri.Op) == jmpJA {
			// The target wraps modulo 2^32, as in libpcap's interpreter,
			// which runs protochain's backward jumps this way.
			t := int(int32(uint32(pc+1) + ri.K))
			if err := in(t); err != nil {
				return nil, false, err
			}
			return []int{t}, t <= pc, nil
		}
		t, f := pc+1+int(ri.Jt), pc+1+int(ri.Jf)
		if err := in(t); err != nil {
			return nil, false, err
		}
		if err := in(f); err != nil {
			return nil, false, err
		}
		if t == f {
			return []int{t}, false, nil
		}
		return []int{t, f}, false, nil
	}
	if err := in(pc + 1); err != nil {
		return nil, false, fmt.Errorf("control falls off the end of the program")
	}
	return []int{pc + 1}, false, nil
}

// insn translates one classic instruction, dispatching on its class.
func (g *gen) insn(ri bpf.RawInstruction) error {
	switch class(ri.Op) {
	case clsLD:
		return g.ld(ri)
	case clsLDX:
		return g.ldx(ri)
	case clsST, clsSTX:
		return g.st(ri)
	case clsALU:
		return g.alu(ri)
	case clsJMP:
		return g.jmp(ri)
	case clsRET:
		return g.ret(ri)
	default:
		return g.misc(ri)
	}
}
