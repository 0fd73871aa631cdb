package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// misc translates the BPF_MISC class: tax (X = A) and txa (A = X).
func (g *gen) misc(ri bpf.RawInstruction) error {
	switch ri.Op {
	case cbpf.ClassMISC | cbpf.MiscTAX:
		g.emit(asm.Mov.Reg32(g.regX, g.regA))
	case cbpf.ClassMISC | cbpf.MiscTXA:
		g.emit(asm.Mov.Reg32(g.regA, g.regX))
	default:
		return fmt.Errorf("unknown misc opcode 0x%x", ri.Op)
	}
	return nil
}
