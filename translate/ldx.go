package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// ldx translates the BPF_LDX class: X = #k, #len, M[k] or 4*([k]&0xf).
func (g *gen) ldx(ri bpf.RawInstruction) error {
	if addrMode(ri.Op) == cbpf.ModeMSH {
		if size(ri.Op) != cbpf.SizeB {
			return fmt.Errorf("MSH load with size field 0x%x", size(ri.Op))
		}
		return g.loadMSH(ri.K)
	}
	if ok, err := g.loadSimple(ri, g.regX); ok || err != nil {
		return err
	}
	return fmt.Errorf("unknown LDX mode 0x%x", addrMode(ri.Op))
}

// loadSimple translates the loads LD and LDX share, of #k, #len and M[k],
// into dst. It reports false for another addressing mode.
func (g *gen) loadSimple(ri bpf.RawInstruction, dst asm.Register) (bool, error) {
	mode := addrMode(ri.Op)
	if mode != cbpf.ModeIMM && mode != cbpf.ModeLEN && mode != cbpf.ModeMEM {
		return false, nil
	}
	if size(ri.Op) != cbpf.SizeW {
		switch mode {
		case cbpf.ModeIMM:
			return true, fmt.Errorf("immediate load with size field 0x%x", size(ri.Op))
		case cbpf.ModeLEN:
			return true, fmt.Errorf("length load with size field 0x%x", size(ri.Op))
		}
	}
	switch mode {
	case cbpf.ModeIMM:
		g.emit(asm.Mov.Imm32(dst, int32(ri.K)))
	case cbpf.ModeLEN:
		g.packetLen(dst)
	case cbpf.ModeMEM:
		if size(ri.Op) != cbpf.SizeW || ri.K >= memWords {
			return true, fmt.Errorf("scratch load M[%d] out of range", ri.K)
		}
		g.emit(asm.LoadMem(dst, asm.RFP, g.scratchOff(ri.K), asm.Word))
	}
	return true, nil
}
