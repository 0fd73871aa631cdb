//go:build linux

package main

import (
	"errors"
	"testing"

	cebpf "github.com/cilium/ebpf"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

// TestProgramLoads builds the tracing program with filters of both layers
// and loads it: the kernel's verifier must accept it.
func TestProgramLoads(t *testing.T) {
	offs, err := loadOffsets()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	events, err := cebpf.NewMap(&cebpf.MapSpec{Type: cebpf.RingBuf, MaxEntries: 1 << 12})
	if errors.Is(err, unix.EPERM) {
		t.Skipf("skipping: creating a BPF map failed with EPERM; run as root (%v)", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer events.Close()
	counters, err := cebpf.NewMap(&cebpf.MapSpec{Type: cebpf.PerCPUArray, KeySize: 4, ValueSize: 8, MaxEntries: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer counters.Close()
	for _, l3 := range []bool{false, true} {
		lt := cbpf.LinkEN10MB
		if l3 {
			lt = cbpf.LinkRaw
		}
		for _, expr := range []string{"tcp port 443", "ip6 protochain 17", "greater 1000"} {
			filter, err := cbpf.Compile(expr, cbpf.Options{LinkType: lt, Optimize: true})
			if err != nil {
				t.Fatal(err)
			}
			insns, err := translate.Inject(hostProgram(offs, l3, events, counters), "filter", filter,
				translate.InjectOptions{Access: translate.AccessProbeReadKernel})
			if err != nil {
				t.Fatal(err)
			}
			prog, err := cebpf.NewProgram(&cebpf.ProgramSpec{Type: cebpf.RawTracepoint, Instructions: insns, License: "Dual BSD/GPL"})
			if err != nil {
				t.Fatalf("%q (l3 %v): %v", expr, l3, err)
			}
			prog.Close()
		}
	}
}
