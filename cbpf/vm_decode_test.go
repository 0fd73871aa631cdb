package cbpf

import (
	"math/rand"
	"slices"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/internal/corpus"
)

// vmDecodeAncs are the ancillary values the decoded form is checked with:
// none (nil), and one with every field set and the network header at 14.
var vmDecodeAncs = []*Ancillary{nil, {Protocol: 0x0800, PktType: 3, Ifindex: 2, Mark: 0x55, Queue: 1,
	Hatype: 1, RxHash: 0xabcdef, CPU: 1, VLANTCI: 0x0064, VLANPresent: true, VLANProto: 0x8100,
	PayloadOffset: 34, Random: 7, NetworkOffset: 14}}

// vmCompareDecoded builds raw in both modes and, for each mode that
// accepts it, runs every packet (with its own length and a longer wire
// length, and each of vmDecodeAncs) through Run, which runs the decoded
// form, and through the reference interpreter, and fails on a difference.
// It returns how many modes ran the decoded form.
func vmCompareDecoded(t *testing.T, raw []bpf.RawInstruction, pkts [][]byte) int {
	t.Helper()
	decoded := 0
	for _, mode := range []struct {
		name string
		vm   func([]bpf.Instruction) (*VM, error)
	}{{"NewVM", NewVM}, {"NewVMLibpcap", NewVMLibpcap}} {
		vm, err := mode.vm(Typed(raw))
		if err != nil {
			continue
		}
		if vm.code == nil {
			if mode.name == "NewVM" {
				s, _ := Format(Typed(raw))
				t.Fatalf("NewVM: no decoded form for a program the kernel accepts:\n%s", s)
			}
			continue
		}
		decoded++
		for _, pkt := range pkts {
			for _, wire := range []uint32{uint32(len(pkt)), uint32(len(pkt)) + 1000} {
				for _, anc := range vmDecodeAncs {
					want, _ := vm.run(pkt, wire, anc)
					if got := vm.Run(pkt, wire, anc); got != want {
						s, _ := Format(Typed(raw))
						t.Fatalf("%s: packet % x (wire length %d, ancillary %v): Run %d, reference %d, program:\n%s",
							mode.name, pkt, wire, anc != nil, got, want, s)
					}
				}
			}
		}
	}
	return decoded
}

// TestVMDecodedCorpus runs every program of the shared corpus, unoptimized
// and optimized, in the decoded form and in the reference interpreter, on
// random packets, in both modes.
func TestVMDecodedCorpus(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	pkts := vmRandomPackets(r, 30)
	compared := 0
	vmCorpusPrograms(t, func(_ corpus.Case, raw []bpf.RawInstruction) {
		compared += vmCompareDecoded(t, raw, pkts)
	})
	if compared < 6000 {
		t.Fatalf("only %d corpus programs run in the decoded form", compared)
	}
	t.Logf("%d corpus programs (both modes) run in the decoded form", compared)
}

// TestVMDecodedRandom compares random programs over every opcode, with
// offsets in the ancillary, SKF_NET_OFF and SKF_LL_OFF ranges, large X
// for indirect loads and shifts, and division by X == 0.
func TestVMDecodedRandom(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	pkts := vmRandomPackets(r, 8)
	var ops []uint16
	for op := range imgOpcodes {
		ops = append(ops, op)
	}
	// Sorted, so that the seed gives the same programs every run.
	for i := range ops {
		for j := i + 1; j < len(ops); j++ {
			if ops[j] < ops[i] {
				ops[i], ops[j] = ops[j], ops[i]
			}
		}
	}
	bases := []uint32{0, 0, 0, ancillaryBase, 0xfff00000, 0xffe00000, 0xffd00000, 0x7ffffff0, 0xfffffff0}
	compared := 0
	for range 40000 {
		n := 2 + r.Intn(12)
		raw := make([]bpf.RawInstruction, n)
		for i := range raw {
			op := ops[r.Intn(len(ops))]
			k := r.Uint32()
			switch r.Intn(3) {
			case 0:
				k %= 64
			case 1:
				k = bases[r.Intn(len(bases))] + k%64
			}
			span := max(n-i-1, 1)
			raw[i] = ri(op, uint8(r.Intn(span)), uint8(r.Intn(span)), k)
			switch op {
			case 0x05:
				raw[i].K = uint32(r.Intn(span))
			case 0x64, 0x74:
				raw[i].K %= 32
			case 0x60, 0x61, 0x02, 0x03:
				raw[i].K %= 16
			case 0x34, 0x94:
				raw[i].K |= 1
			case 0x20, 0x28, 0x30:
				if int32(raw[i].K) >= vmAncOff && int32(raw[i].K) < 0 {
					// A known ancillary offset (not the netlink ones).
					raw[i].K = ancillaryBase + []uint32{0, 4, 8, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60}[r.Intn(14)]
				}
			}
		}
		raw[n-1] = ri([]uint16{0x16, 0x06}[r.Intn(2)], 0, 0, r.Uint32()%3)
		prefix := []bpf.RawInstruction{ri(0x00, 0, 0, r.Uint32())}
		for slot := range uint32(16) {
			prefix = append(prefix, ri(0x02, 0, 0, slot))
		}
		compared += vmCompareDecoded(t, append(prefix, raw...), pkts)
	}
	if compared < 20000 {
		t.Fatalf("only %d random programs run in the decoded form", compared)
	}
	t.Logf("%d random programs (both modes) run in the decoded form", compared)
}

// TestVMDecodedFallback checks the programs the decoded form leaves to the
// reference interpreter: a libpcap-mode backward jump, whose endless loop
// still ends at the budget with 0, whether it jumps back to itself or to
// the first instruction.
func TestVMDecodedFallback(t *testing.T) {
	for _, prog := range [][]bpf.RawInstruction{
		{ri(0x00, 0, 0, 0), ri(0x05, 0, 0, 0xffffffff), ri(0x06, 0, 0, 1)},
		{ri(0x00, 0, 0, 0), ri(0x05, 0, 0, 0xfffffffe), ri(0x06, 0, 0, 1)},
	} {
		vm, err := NewVMLibpcap(vmProg(prog...))
		if err != nil {
			t.Fatal(err)
		}
		if vm.code != nil {
			t.Errorf("ja %#x: a program with a backward jump has a decoded form", prog[1].K)
		}
		if got, steps := vm.run(vmPacket, 60, nil); got != 0 || steps != vmLibpcapBudget+1 {
			t.Errorf("ja %#x: run = %d after %d steps, want 0 after %d", prog[1].K, got, steps, vmLibpcapBudget+1)
		}
		if got := vm.Run(vmPacket, 60, nil); got != 0 {
			t.Errorf("ja %#x: Run = %d, want 0", prog[1].K, got)
		}
	}
	fwd, err := NewVMLibpcap(vmProg(ri(0x05, 0, 0, 1), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)))
	if err != nil {
		t.Fatal(err)
	}
	if fwd.code == nil {
		t.Error("a program with only forward jumps has no decoded form")
	}
	if got := fwd.Run(vmPacket, 60, nil); got != 2 {
		t.Errorf("forward ja: Run = %d, want 2", got)
	}
}

// TestVMDecodedFuses checks that a load followed by a comparison with a
// constant is decoded as one fused instruction that jumps where the
// comparison would, that the comparison keeps its slot, and that jumps to
// a return of a constant are marked as such.
func TestVMDecodedFuses(t *testing.T) {
	prog := vmProg(
		ri(0x28, 0, 0, 12), ri(0x15, 0, 3, 0x0800), // ldh [12]; jeq #0x800
		ri(0x30, 0, 0, 23), ri(0x15, 0, 1, 17), // ldb [23]; jeq #17
		ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 0))
	vm, err := NewVM(prog)
	if err != nil {
		t.Fatal(err)
	}
	// A target that is a return of a constant is flagged (vmRetFlag).
	const r = vmRetFlag
	want := []vmInsn{
		{op: opLdHJeq, k: 12, c: 0x0800, jt: 2, jf: 5 | r},
		{op: opJeqK, k: 0x0800, jt: 2, jf: 5 | r},
		{op: opLdBJeq, k: 23, c: 17, jt: 4 | r, jf: 5 | r},
		{op: opJeqK, k: 17, jt: 4 | r, jf: 5 | r},
		{op: opRetK, k: 1},
		{op: opRetK, k: 0},
	}
	for i, w := range want {
		if vm.code[i] != w {
			t.Errorf("instruction %d: %+v, want %+v", i, vm.code[i], w)
		}
	}
	if got := vm.Run(vmPacket, 60, nil); got != 1 {
		t.Errorf("Run = %d, want 1", got)
	}
}

// TestVMDecodedLongest checks the longest program the decoded form holds,
// whose last instruction a jump reaches with the return flag beside its
// index, and that one instruction more runs in the reference interpreter.
func TestVMDecodedLongest(t *testing.T) {
	for _, n := range []int{vmDecodeMax - 1, vmDecodeMax} {
		prog := []bpf.RawInstruction{ri(0x05, 0, 0, uint32(n-2))} // ja to the last
		for len(prog) < n-1 {
			prog = append(prog, ri(0x06, 0, 0, 0))
		}
		prog = append(prog, ri(0x06, 0, 0, 7))
		vm, err := NewVMLibpcap(vmProg(prog...)) // NewVM takes at most 4,096
		if err != nil {
			t.Fatal(err)
		}
		if decoded := vm.code != nil; decoded != (n < vmDecodeMax) {
			t.Errorf("%d instructions: decoded form %v", n, decoded)
		}
		if got := vm.Run(vmPacket, 60, nil); got != 7 {
			t.Errorf("%d instructions: Run = %d, want 7", n, got)
		}
	}
}

// TestVMDecodedJeq2 checks that a jeq whose false target is another jeq
// is decoded as one instruction with both tests (vlan's chain of
// EtherTypes) and runs as the two would.
func TestVMDecodedJeq2(t *testing.T) {
	prog := vmProg(
		ri(0x28, 0, 0, 12),                                                     // ldh [12]
		ri(0x15, 2, 0, 0x8100), ri(0x15, 1, 0, 0x88a8), ri(0x15, 0, 1, 0x9100), // the TPIDs
		ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 0))
	vm, err := NewVM(prog)
	if err != nil {
		t.Fatal(err)
	}
	const r = vmRetFlag
	if got, want := vm.code[2], (vmInsn{op: opJeq2K, k: 0x88a8, c: 0x9100, jt: 4 | r, jt2: 4 | r, jf: 5 | r}); got != want {
		t.Errorf("instruction 2: %+v, want %+v", got, want)
	}
	for _, c := range []struct {
		tpid uint16
		want uint32
	}{{0x8100, 1}, {0x88a8, 1}, {0x9100, 1}, {0x0800, 0}, {0x9200, 0}} {
		pkt := slices.Clone(vmPacket)
		pkt[12], pkt[13] = byte(c.tpid>>8), byte(c.tpid)
		want, _ := vm.run(pkt, 60, nil)
		if got := vm.Run(pkt, 60, nil); got != c.want || want != c.want {
			t.Errorf("EtherType %#x: Run = %d, reference %d, want %d", c.tpid, got, want, c.want)
		}
	}
}
