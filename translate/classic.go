package translate

import (
	"fmt"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
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

// loadBytes is the width of a load, or 0 for an invalid size field.
func loadBytes(op uint16) int {
	switch size(op) {
	case cbpf.SizeW:
		return 4
	case cbpf.SizeH:
		return 2
	case cbpf.SizeB:
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
	case cbpf.ClassRET:
		return nil, false, nil
	case cbpf.ClassJMP:
		if jmpOp(ri.Op) == cbpf.JumpJA {
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
	case cbpf.ClassLD:
		return g.ld(ri)
	case cbpf.ClassLDX:
		return g.ldx(ri)
	case cbpf.ClassST, cbpf.ClassSTX:
		return g.st(ri)
	case cbpf.ClassALU:
		return g.alu(ri)
	case cbpf.ClassJMP:
		return g.jmp(ri)
	case cbpf.ClassRET:
		return g.ret(ri)
	default:
		return g.misc(ri)
	}
}
