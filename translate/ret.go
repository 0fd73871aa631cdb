package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// ret translates the BPF_RET class: ret #k and ret a. The socket target
// returns the classic verdict; the direct targets map a non-zero verdict to
// their pass code and zero to their drop code; a fragment puts the verdict
// in its result register and jumps to its result label.
func (g *gen) ret(ri bpf.RawInstruction) error {
	if g.frag != nil {
		switch ri.Op {
		case cbpf.ClassRET | cbpf.SrcK:
			g.fragmentRet(false, ri.K)
		case cbpf.ClassRET | cbpf.SrcA:
			g.fragmentRet(true, 0)
		default:
			return fmt.Errorf("unknown return opcode 0x%x", ri.Op)
		}
		return nil
	}
	switch ri.Op {
	case cbpf.ClassRET | cbpf.SrcK:
		v := ri.K
		if g.mode != modeSocket {
			v = g.verdict(v != 0)
		}
		g.emit(asm.Mov.Imm32(asm.R0, int32(v)), asm.Return())
	case cbpf.ClassRET | cbpf.SrcA:
		if g.mode != modeSocket {
			g.emit(
				asm.JEq.Imm32(g.regA, 0, g.dropLabel),
				asm.Mov.Imm32(asm.R0, int32(g.verdict(true))))
		}
		g.emit(asm.Return())
	default:
		return fmt.Errorf("unknown return opcode 0x%x", ri.Op)
	}
	return nil
}
