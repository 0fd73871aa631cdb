package ebpf_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// `len` on XDP is bpf_xdp_get_buff_len, the frame's length on the wire.
// The VM provides that helper itself: FrameLen when set (a capture
// truncated to a snapshot length), else the length of the packet given.
// Its verdicts must be those of the classic program run with the same
// wire length.
func TestXDPLenIsWireLength(t *testing.T) {
	insns, err := translate.Compile("len > 100", cbpf.LinkEN10MB, translate.XDP)
	if err != nil {
		t.Fatal(err)
	}
	calls := false
	for _, in := range insns {
		if in.IsBuiltinCall() && asm.BuiltinFunc(in.Constant) == asm.FnXdpGetBuffLen {
			calls = true
		}
	}
	if !calls {
		t.Fatalf("the XDP program does not call bpf_xdp_get_buff_len:\n%v", insns)
	}
	vm, err := ebpf.NewVM(insns) // no WithHelper: the VM has it
	if err != nil {
		t.Fatal(err)
	}
	classic, err := cbpf.Compile("len > 100", cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
	if err != nil {
		t.Fatal(err)
	}
	cvm, err := cbpf.NewVM(classic)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		captured int
		frameLen uint32 // 0: the whole frame was captured
	}{
		{64, 0}, {101, 0}, {200, 0}, {64, 1514}, {64, 100}, {64, 101},
	} {
		pkt := make([]byte, tc.captured)
		wire := tc.frameLen
		if wire == 0 {
			wire = uint32(tc.captured)
		}
		want := uint32(translate.XDPDrop)
		if cvm.Run(pkt, wire, nil) != 0 {
			want = translate.XDPPass
		}
		got, err := vm.RunXDP(pkt, &ebpf.XDPMD{FrameLen: tc.frameLen})
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("captured %d, on the wire %d: XDP verdict %d, the classic program's gives %d", tc.captured, wire, got, want)
		}
		if tc.frameLen == 0 {
			if got2, _ := vm.RunXDP(pkt, nil); got2 != got {
				t.Errorf("captured %d: RunXDP with a nil context gives %d, with a zero FrameLen %d", tc.captured, got2, got)
			}
		}
	}

	// A helper given with WithHelper replaces the VM's own.
	vm2, err := ebpf.NewVM(insns, ebpf.WithHelper(int32(asm.FnXdpGetBuffLen), func(_, _, _, _, _ uint64) (uint64, error) { return 5000, nil }))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := vm2.RunXDP(make([]byte, 20), nil); got != translate.XDPPass {
		t.Errorf("with a caller's helper returning 5000: verdict %d, want pass", got)
	}
}

// The built-in bpf_xdp_get_buff_len only exists in an XDP run.
func TestXDPLenOutsideXDP(t *testing.T) {
	vm, err := ebpf.NewVM(asm.Instructions{asm.FnXdpGetBuffLen.Call(), asm.Return()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = vm.RunSocket(make([]byte, 20), nil)
	var rerr *ebpf.RunError
	if !errors.As(err, &rerr) || !strings.Contains(err.Error(), "bpf_xdp_get_buff_len") {
		t.Errorf("RunSocket calling bpf_xdp_get_buff_len: %v, want a RunError naming the helper", err)
	}
	if got, err := vm.RunXDP(make([]byte, 77), nil); err != nil || got != 77 {
		t.Errorf("RunXDP = %d, %v; want 77", got, err)
	}
}

// Errors name helpers by their kernel names.
func TestHelperErrorsNameHelpers(t *testing.T) {
	_, err := ebpf.NewVM(asm.Instructions{asm.FnGetPrandomU32.Call(), asm.Return()})
	if err == nil || !strings.Contains(err.Error(), "bpf_get_prandom_u32") {
		t.Errorf("unknown helper: %v, want its name", err)
	}
	vm, err := ebpf.NewVM(asm.Instructions{asm.FnGetSmpProcessorId.Call(), asm.Return()},
		ebpf.WithHelper(int32(asm.FnGetSmpProcessorId), func(_, _, _, _, _ uint64) (uint64, error) { return 0, errors.New("no CPU") }))
	if err != nil {
		t.Fatal(err)
	}
	_, err = vm.Run(nil)
	if err == nil || !strings.Contains(err.Error(), "bpf_get_smp_processor_id") {
		t.Errorf("failing helper: %v, want its name", err)
	}
	for id, want := range map[int32]string{
		int32(asm.FnXdpGetBuffLen):   "bpf_xdp_get_buff_len",
		int32(asm.FnSkbLoadBytes):    "bpf_skb_load_bytes",
		int32(asm.FnGetPrandomU32):   "bpf_get_prandom_u32",
		int32(asm.FnMapLookupElem):   "bpf_map_lookup_elem",
		int32(asm.FnProbeReadKernel): "bpf_probe_read_kernel",
		100000:                       "helper 100000",
	} {
		if got := ebpf.HelperName(id); got != want {
			t.Errorf("HelperName(%d) = %q, want %q", id, got, want)
		}
	}
}
