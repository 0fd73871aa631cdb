package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// ldx translates the BPF_LDX class: X = #k, #len, M[k] or 4*([k]&0xf).
func (g *gen) ldx(ri bpf.RawInstruction) error {
	switch addrMode(ri.Op) {
	case cbpf.ModeIMM:
		if size(ri.Op) != cbpf.SizeW {
			return fmt.Errorf("immediate load with size field 0x%x", size(ri.Op))
		}
		g.emit(asm.Mov.Imm32(g.regX, int32(ri.K)))
	case cbpf.ModeLEN:
		if size(ri.Op) != cbpf.SizeW {
			return fmt.Errorf("length load with size field 0x%x", size(ri.Op))
		}
		g.packetLen(g.regX)
	case cbpf.ModeMEM:
		if size(ri.Op) != cbpf.SizeW || ri.K >= memWords {
			return fmt.Errorf("scratch load M[%d] out of range", ri.K)
		}
		g.emit(asm.LoadMem(g.regX, asm.RFP, g.scratchOff(ri.K), asm.Word))
	case cbpf.ModeMSH:
		if size(ri.Op) != cbpf.SizeB {
			return fmt.Errorf("MSH load with size field 0x%x", size(ri.Op))
		}
		return g.loadMSH(ri.K)
	default:
		return fmt.Errorf("unknown LDX mode 0x%x", addrMode(ri.Op))
	}
	return nil
}
