package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// st translates BPF_ST and BPF_STX: M[k] = A or M[k] = X. The scratch
// memory is 16 words at the top of the eBPF stack.
func (g *gen) st(ri bpf.RawInstruction) error {
	if ri.Op&^0x07 != 0 {
		return fmt.Errorf("unknown store opcode 0x%x", ri.Op)
	}
	if ri.K >= memWords {
		return fmt.Errorf("scratch store M[%d] out of range", ri.K)
	}
	reg := g.regA
	if class(ri.Op) == cbpf.ClassSTX {
		reg = g.regX
	}
	g.emit(asm.StoreMem(asm.RFP, g.scratchOff(ri.K), reg, asm.Word))
	return nil
}
