package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"
)

// ldx translates the BPF_LDX class: X = #k, #len, M[k] or 4*([k]&0xf).
func (g *gen) ldx(ri bpf.RawInstruction) error {
	switch addrMode(ri.Op) {
	case modeIMM:
		if size(ri.Op) != sizeW {
			return fmt.Errorf("immediate load with size field 0x%x", size(ri.Op))
		}
		g.emit(asm.Mov.Imm32(regX, int32(ri.K)))
	case modeLEN:
		if size(ri.Op) != sizeW {
			return fmt.Errorf("length load with size field 0x%x", size(ri.Op))
		}
		g.packetLen(regX)
	case modeMEM:
		if size(ri.Op) != sizeW || ri.K >= memWords {
			return fmt.Errorf("scratch load M[%d] out of range", ri.K)
		}
		g.emit(asm.LoadMem(regX, asm.RFP, scratchOff(ri.K), asm.Word))
	case modeMSH:
		if size(ri.Op) != sizeB {
			return fmt.Errorf("MSH load with size field 0x%x", size(ri.Op))
		}
		return g.loadMSH(ri.K)
	default:
		return fmt.Errorf("unknown LDX mode 0x%x", addrMode(ri.Op))
	}
	return nil
}
