package translate

import (
	"fmt"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// ld translates the BPF_LD class: A = #k, #len, M[k], [k] or [x + k].
func (g *gen) ld(ri bpf.RawInstruction) error {
	if ok, err := g.loadSimple(ri, g.regA); ok || err != nil {
		return err
	}
	switch addrMode(ri.Op) {
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
}
