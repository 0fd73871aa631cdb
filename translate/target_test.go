package translate

import (
	"strings"
	"testing"
)

// TestTargetInfo checks the target table against itself and the kernel's
// naming: names round-trip, the kernel's program type name is cilium/ebpf's
// in capitals, the return codes are the exported constants, and the zero
// Target is described by nothing.
func TestTargetInfo(t *testing.T) {
	seen := map[string]bool{}
	for _, tgt := range Targets() {
		info := tgt.Info()
		if !tgt.Valid() || info.Name == "" || seen[info.Name] {
			t.Errorf("%v: invalid, unnamed or a duplicate name %q", tgt, info.Name)
		}
		seen[info.Name] = true
		if got, ok := TargetNamed(info.Name); !ok || got != tgt {
			t.Errorf("TargetNamed(%q) = %v, %v; want %v", info.Name, got, ok, tgt)
		}
		kernel := strings.ReplaceAll(strings.TrimPrefix(info.KernelType, "BPF_PROG_TYPE_"), "_", "")
		if !strings.EqualFold(kernel, info.ProgramType.String()) {
			t.Errorf("%v: kernel type %s is not cilium/ebpf's %v", tgt, info.KernelType, info.ProgramType)
		}
		if !info.TestRunAs.Valid() {
			t.Errorf("%v: test-run as invalid target %v", tgt, info.TestRunAs)
		}
		if info.Context != ContextSKBuff && info.Context != ContextXDPMD {
			t.Errorf("%v: unknown context %+v", tgt, info.Context)
		}
		if info.KeepsBytes {
			if !tgt.Keeps(1) || tgt.Keeps(0) {
				t.Errorf("%v: Keeps wrong for a byte count", tgt)
			}
			continue
		}
		if !tgt.Keeps(info.Pass.Value) || tgt.Keeps(info.Drop.Value) || info.Pass.Value == info.Drop.Value {
			t.Errorf("%v: pass %+v and drop %+v", tgt, info.Pass, info.Drop)
		}
	}
	if TC.Info().Pass.Value != TCActOK || TC.Info().Drop.Value != TCActShot ||
		XDP.Info().Pass.Value != XDPPass || XDP.Info().Drop.Value != XDPDrop {
		t.Error("return codes differ from the exported constants")
	}
	if _, ok := TargetNamed("ebpf"); ok {
		t.Error(`TargetNamed("ebpf") found a target`)
	}
	var zero Target
	if zero.Valid() || zero.Info() != (TargetInfo{}) || zero.Keeps(0) || zero.String() != "Target(0)" {
		t.Errorf("the zero Target is described: %+v", zero.Info())
	}
}
