package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"
)

// misc translates the BPF_MISC class: tax (X = A) and txa (A = X).
func (g *gen) misc(ri bpf.RawInstruction) error {
	switch ri.Op {
	case clsMISC | miscTAX:
		g.emit(asm.Mov.Reg32(regX, regA))
	case clsMISC | miscTXA:
		g.emit(asm.Mov.Reg32(regA, regX))
	default:
		return fmt.Errorf("unknown misc opcode 0x%x", ri.Op)
	}
	return nil
}
