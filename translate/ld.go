package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// ld translates the BPF_LD class: A = #k, #len, M[k], [k] or [x + k].
func (g *gen) ld(ri bpf.RawInstruction) error {
	switch addrMode(ri.Op) {
	case cbpf.ModeIMM:
		if size(ri.Op) != cbpf.SizeW {
			return fmt.Errorf("immediate load with size field 0x%x", size(ri.Op))
		}
		g.emit(asm.Mov.Imm32(g.regA, int32(ri.K)))
	case cbpf.ModeLEN:
		if size(ri.Op) != cbpf.SizeW {
			return fmt.Errorf("length load with size field 0x%x", size(ri.Op))
		}
		g.packetLen(g.regA)
	case cbpf.ModeMEM:
		if size(ri.Op) != cbpf.SizeW || ri.K >= memWords {
			return fmt.Errorf("scratch load M[%d] out of range", ri.K)
		}
		g.emit(asm.LoadMem(g.regA, asm.RFP, g.scratchOff(ri.K), asm.Word))
	case cbpf.ModeABS:
		n := loadBytes(ri.Op)
		if n == 0 {
			return fmt.Errorf("invalid load size")
		}
		if isAncillary(ri.K) {
			return g.ancillary(ri.K - adBase)
		}
		return g.loadAbs(ri.K, n)
	case cbpf.ModeIND:
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
