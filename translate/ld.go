package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"
)

// ld translates the BPF_LD class: A = #k, #len, M[k], [k] or [x + k].
func (g *gen) ld(ri bpf.RawInstruction) error {
	switch addrMode(ri.Op) {
	case modeIMM:
		if size(ri.Op) != sizeW {
			return fmt.Errorf("immediate load with size field 0x%x", size(ri.Op))
		}
		g.emit(asm.Mov.Imm32(regA, int32(ri.K)))
	case modeLEN:
		if size(ri.Op) != sizeW {
			return fmt.Errorf("length load with size field 0x%x", size(ri.Op))
		}
		g.packetLen(regA)
	case modeMEM:
		if size(ri.Op) != sizeW || ri.K >= memWords {
			return fmt.Errorf("scratch load M[%d] out of range", ri.K)
		}
		g.emit(asm.LoadMem(regA, asm.RFP, scratchOff(ri.K), asm.Word))
	case modeABS:
		n := loadBytes(ri.Op)
		if n == 0 {
			return fmt.Errorf("invalid load size")
		}
		if isAncillary(ri.K) {
			return g.ancillary(ri.K - adBase)
		}
		return g.loadAbs(ri.K, n)
	case modeIND:
		n := loadBytes(ri.Op)
		if n == 0 {
			return fmt.Errorf("invalid load size")
		}
		return g.loadInd(ri.K, n)
	default:
		return fmt.Errorf("unknown load mode 0x%x", addrMode(ri.Op))
	}
	return nil
}
