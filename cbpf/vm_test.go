package cbpf

import (
	"encoding/binary"
	"math/rand"
	"strings"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/internal/corpus"
)

// vmProg turns raw instructions into a program for NewVM.
func vmProg(raw ...bpf.RawInstruction) []bpf.Instruction { return Typed(raw) }

// ri is shorthand for a raw instruction.
func ri(op uint16, jt, jf uint8, k uint32) bpf.RawInstruction {
	return bpf.RawInstruction{Op: op, Jt: jt, Jf: jf, K: k}
}

// vmPacket is a 14-byte Ethernet header followed by an IPv4/UDP header.
var vmPacket = []byte{
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00, // dst, src, EtherType IPv4
	0x45, 0x00, 0x00, 0x1c, 0x12, 0x34, 0x40, 0x00, 64, 17, 0xab, 0xcd, // IPv4: ihl 5, proto UDP
	10, 0, 0, 1, 10, 0, 0, 2,
	0x04, 0xd2, 0x00, 0x35, 0x00, 0x08, 0x00, 0x00, // UDP 1234 -> 53
}

// TestVMOpcodes runs one small program per opcode (and the edge cases of
// each) and checks the verdict, which is A (or X) at the end.
func TestVMOpcodes(t *testing.T) {
	retA := ri(0x16, 0, 0, 0)
	txaRet := []bpf.RawInstruction{ri(0x87, 0, 0, 0), retA}
	anc := &Ancillary{Protocol: 0x86dd, PktType: 4, Ifindex: 7, Mark: 0xdead, Queue: 3, Hatype: 1,
		RxHash: 0x12345678, CPU: 2, VLANTCI: 0xf064, VLANPresent: true, VLANProto: 0x88a8,
		PayloadOffset: 42, Random: 99, NetworkOffset: 14}
	ancBase := uint32(0xfffff000)
	for _, tc := range []struct {
		name string
		prog []bpf.RawInstruction
		want uint32
	}{
		{"ret k", []bpf.RawInstruction{ri(0x06, 0, 0, 77)}, 77},
		{"ld imm", []bpf.RawInstruction{ri(0x00, 0, 0, 5), retA}, 5},
		{"ldx imm", append([]bpf.RawInstruction{ri(0x01, 0, 0, 6)}, txaRet...), 6},
		{"ld pktlen is wire length", []bpf.RawInstruction{ri(0x80, 0, 0, 0), retA}, 1500},
		{"ldx pktlen", append([]bpf.RawInstruction{ri(0x81, 0, 0, 0)}, txaRet...), 1500},
		{"ld abs word", []bpf.RawInstruction{ri(0x20, 0, 0, 26), retA}, 0x0a000001},
		{"ldh abs", []bpf.RawInstruction{ri(0x28, 0, 0, 12), retA}, 0x0800},
		{"ldb abs", []bpf.RawInstruction{ri(0x30, 0, 0, 23), retA}, 17},
		{"ld abs last word", []bpf.RawInstruction{ri(0x20, 0, 0, uint32(len(vmPacket)-4)), ri(0x06, 0, 0, 1)}, 1},
		{"ld abs past end drops", []bpf.RawInstruction{ri(0x20, 0, 0, uint32(len(vmPacket)-3)), ri(0x06, 0, 0, 1)}, 0},
		{"ldb abs huge drops", []bpf.RawInstruction{ri(0x30, 0, 0, 0x7fffffff), ri(0x06, 0, 0, 1)}, 0},
		{"ld ind", []bpf.RawInstruction{ri(0x01, 0, 0, 14), ri(0x48, 0, 0, 20), retA}, 1234},
		{"ldb ind", []bpf.RawInstruction{ri(0x01, 0, 0, 1), ri(0x50, 0, 0, 22), retA}, 17},
		{"ld ind word", []bpf.RawInstruction{ri(0x01, 0, 0, 2), ri(0x40, 0, 0, 28), retA}, 0x0a000002},
		{"ld ind overflow drops", []bpf.RawInstruction{ri(0x01, 0, 0, 0xffffffff), ri(0x50, 0, 0, 0x7fffffff), ri(0x06, 0, 0, 1)}, 0},
		{"ldxb msh", append([]bpf.RawInstruction{ri(0xb1, 0, 0, 14)}, txaRet...), 20},
		{"ldxb msh past end drops", []bpf.RawInstruction{ri(0xb1, 0, 0, 100), ri(0x06, 0, 0, 1)}, 0},
		{"st/ld mem", []bpf.RawInstruction{ri(0x00, 0, 0, 9), ri(0x02, 0, 0, 15), ri(0x00, 0, 0, 0), ri(0x60, 0, 0, 15), retA}, 9},
		{"stx/ldx mem", []bpf.RawInstruction{ri(0x01, 0, 0, 8), ri(0x03, 0, 0, 3), ri(0x01, 0, 0, 0), ri(0x61, 0, 0, 3), ri(0x87, 0, 0, 0), retA}, 8},
		{"tax", []bpf.RawInstruction{ri(0x00, 0, 0, 42), ri(0x07, 0, 0, 0), ri(0x00, 0, 0, 0), ri(0x87, 0, 0, 0), retA}, 42},
		{"add k", []bpf.RawInstruction{ri(0x00, 0, 0, 0xffffffff), ri(0x04, 0, 0, 2), retA}, 1},
		{"sub k", []bpf.RawInstruction{ri(0x00, 0, 0, 1), ri(0x14, 0, 0, 2), retA}, 0xffffffff},
		{"mul k", []bpf.RawInstruction{ri(0x00, 0, 0, 0x10000), ri(0x24, 0, 0, 0x10001), retA}, 0x10000},
		{"div k", []bpf.RawInstruction{ri(0x00, 0, 0, 100), ri(0x34, 0, 0, 7), retA}, 14},
		{"mod k", []bpf.RawInstruction{ri(0x00, 0, 0, 100), ri(0x94, 0, 0, 7), retA}, 2},
		{"or k", []bpf.RawInstruction{ri(0x00, 0, 0, 0xf0), ri(0x44, 0, 0, 0x0f), retA}, 0xff},
		{"and k", []bpf.RawInstruction{ri(0x00, 0, 0, 0xf0), ri(0x54, 0, 0, 0x3c), retA}, 0x30},
		{"xor k", []bpf.RawInstruction{ri(0x00, 0, 0, 0xff), ri(0xa4, 0, 0, 0x0f), retA}, 0xf0},
		{"lsh k", []bpf.RawInstruction{ri(0x00, 0, 0, 3), ri(0x64, 0, 0, 31), retA}, 0x80000000},
		{"rsh k", []bpf.RawInstruction{ri(0x00, 0, 0, 0x80000000), ri(0x74, 0, 0, 31), retA}, 1},
		{"neg", []bpf.RawInstruction{ri(0x00, 0, 0, 1), ri(0x84, 0, 0, 0), retA}, 0xffffffff},
		{"add x", []bpf.RawInstruction{ri(0x00, 0, 0, 3), ri(0x01, 0, 0, 4), ri(0x0c, 0, 0, 0), retA}, 7},
		{"sub x", []bpf.RawInstruction{ri(0x00, 0, 0, 3), ri(0x01, 0, 0, 4), ri(0x1c, 0, 0, 0), retA}, 0xffffffff},
		{"mul x", []bpf.RawInstruction{ri(0x00, 0, 0, 3), ri(0x01, 0, 0, 4), ri(0x2c, 0, 0, 0), retA}, 12},
		{"div x", []bpf.RawInstruction{ri(0x00, 0, 0, 13), ri(0x01, 0, 0, 4), ri(0x3c, 0, 0, 0), retA}, 3},
		{"div x by zero drops", []bpf.RawInstruction{ri(0x00, 0, 0, 13), ri(0x01, 0, 0, 0), ri(0x3c, 0, 0, 0), ri(0x06, 0, 0, 1)}, 0},
		{"mod x", []bpf.RawInstruction{ri(0x00, 0, 0, 13), ri(0x01, 0, 0, 4), ri(0x9c, 0, 0, 0), retA}, 1},
		{"mod x by zero drops", []bpf.RawInstruction{ri(0x00, 0, 0, 13), ri(0x01, 0, 0, 0), ri(0x9c, 0, 0, 0), ri(0x06, 0, 0, 1)}, 0},
		{"or x", []bpf.RawInstruction{ri(0x00, 0, 0, 1), ri(0x01, 0, 0, 2), ri(0x4c, 0, 0, 0), retA}, 3},
		{"and x", []bpf.RawInstruction{ri(0x00, 0, 0, 3), ri(0x01, 0, 0, 6), ri(0x5c, 0, 0, 0), retA}, 2},
		{"xor x", []bpf.RawInstruction{ri(0x00, 0, 0, 3), ri(0x01, 0, 0, 6), ri(0xac, 0, 0, 0), retA}, 5},
		{"lsh x", []bpf.RawInstruction{ri(0x00, 0, 0, 3), ri(0x01, 0, 0, 4), ri(0x6c, 0, 0, 0), retA}, 48},
		{"lsh x count masked by 31", []bpf.RawInstruction{ri(0x00, 0, 0, 3), ri(0x01, 0, 0, 33), ri(0x6c, 0, 0, 0), retA}, 6},
		{"rsh x", []bpf.RawInstruction{ri(0x00, 0, 0, 48), ri(0x01, 0, 0, 4), ri(0x7c, 0, 0, 0), retA}, 3},
		{"rsh x count masked by 31", []bpf.RawInstruction{ri(0x00, 0, 0, 48), ri(0x01, 0, 0, 36), ri(0x7c, 0, 0, 0), retA}, 3},
		{"ja", []bpf.RawInstruction{ri(0x05, 0, 0, 1), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 2},
		{"jeq k true", []bpf.RawInstruction{ri(0x00, 0, 0, 5), ri(0x15, 1, 0, 5), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 2},
		{"jeq k false", []bpf.RawInstruction{ri(0x00, 0, 0, 4), ri(0x15, 1, 0, 5), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 1},
		{"jgt k is unsigned", []bpf.RawInstruction{ri(0x00, 0, 0, 0x80000000), ri(0x25, 1, 0, 1), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 2},
		{"jge k equal", []bpf.RawInstruction{ri(0x00, 0, 0, 5), ri(0x35, 1, 0, 5), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 2},
		{"jset k", []bpf.RawInstruction{ri(0x00, 0, 0, 6), ri(0x45, 0, 1, 1), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 2},
		{"jeq x", []bpf.RawInstruction{ri(0x00, 0, 0, 5), ri(0x01, 0, 0, 5), ri(0x1d, 1, 0, 0), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 2},
		{"jgt x", []bpf.RawInstruction{ri(0x00, 0, 0, 5), ri(0x01, 0, 0, 5), ri(0x2d, 1, 0, 0), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 1},
		{"jge x", []bpf.RawInstruction{ri(0x00, 0, 0, 5), ri(0x01, 0, 0, 5), ri(0x3d, 1, 0, 0), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 2},
		{"jset x", []bpf.RawInstruction{ri(0x00, 0, 0, 5), ri(0x01, 0, 0, 2), ri(0x4d, 1, 0, 0), ri(0x06, 0, 0, 1), ri(0x06, 0, 0, 2)}, 1},
		{"anc proto", []bpf.RawInstruction{ri(0x28, 0, 0, ancBase+0), retA}, 0x86dd},
		{"anc type", []bpf.RawInstruction{ri(0x20, 0, 0, ancBase+4), retA}, 4},
		{"anc ifidx", []bpf.RawInstruction{ri(0x20, 0, 0, ancBase+8), retA}, 7},
		{"anc mark", []bpf.RawInstruction{ri(0x20, 0, 0, ancBase+20), retA}, 0xdead},
		{"anc queue", []bpf.RawInstruction{ri(0x20, 0, 0, ancBase+24), retA}, 3},
		{"anc hatype", []bpf.RawInstruction{ri(0x20, 0, 0, ancBase+28), retA}, 1},
		{"anc rxhash full width via ldb", []bpf.RawInstruction{ri(0x30, 0, 0, ancBase+32), retA}, 0x12345678},
		{"anc cpu", []bpf.RawInstruction{ri(0x20, 0, 0, ancBase+36), retA}, 2},
		{"anc xor_x", []bpf.RawInstruction{ri(0x00, 0, 0, 0xf0), ri(0x01, 0, 0, 0xff), ri(0x20, 0, 0, ancBase+40), retA}, 0x0f},
		{"anc vlan_tci", []bpf.RawInstruction{ri(0x28, 0, 0, ancBase+44), retA}, 0xf064},
		{"anc vlanp", []bpf.RawInstruction{ri(0x30, 0, 0, ancBase+48), retA}, 1},
		{"anc poff", []bpf.RawInstruction{ri(0x20, 0, 0, ancBase+52), retA}, 42},
		{"anc random", []bpf.RawInstruction{ri(0x20, 0, 0, ancBase+56), retA}, 99},
		{"anc vlan_tpid", []bpf.RawInstruction{ri(0x28, 0, 0, ancBase+60), retA}, 0x88a8},
		{"SKF_LL_OFF load", []bpf.RawInstruction{ri(0x28, 0, 0, 0xffe00000+12), retA}, 0x0800},
		{"SKF_NET_OFF load", []bpf.RawInstruction{ri(0x30, 0, 0, 0xfff00000+9), retA}, 17},
		{"SKF_NET_OFF ind load", []bpf.RawInstruction{ri(0x01, 0, 0, 0xfff00000), ri(0x50, 0, 0, 9), retA}, 17},
		{"negative offset below SKF_LL_OFF drops", []bpf.RawInstruction{ri(0x30, 0, 0, 0xffd00000), ri(0x06, 0, 0, 1)}, 0},
		{"ind into ancillary range is not ancillary", []bpf.RawInstruction{ri(0x01, 0, 0, ancBase), ri(0x20, 0, 0, 0), ri(0x48, 0, 0, 0), ri(0x06, 0, 0, 1)}, 0},
	} {
		vm, err := NewVM(vmProg(tc.prog...))
		if err != nil {
			t.Errorf("%s: NewVM: %v", tc.name, err)
			continue
		}
		if got := vm.Run(vmPacket, 1500, anc); got != tc.want {
			t.Errorf("%s: Run = %#x, want %#x", tc.name, got, tc.want)
		}
	}
}

// TestVMZeroAncillary checks that a nil Ancillary reads as the zero value.
func TestVMZeroAncillary(t *testing.T) {
	vm, err := NewVM(vmProg(ri(0x30, 0, 0, 0xfffff000+48), ri(0x04, 0, 0, 5), ri(0x16, 0, 0, 0)))
	if err != nil {
		t.Fatal(err)
	}
	if got := vm.Run(nil, 0, nil); got != 5 {
		t.Errorf("Run = %d, want 5", got)
	}
}

// TestNewVMRejects lists what the kernel refuses at attach time.
func TestNewVMRejects(t *testing.T) {
	ret := ri(0x06, 0, 0, 1)
	long := make([]bpf.RawInstruction, 4097)
	for i := range long {
		long[i] = ret
	}
	for _, tc := range []struct {
		name string
		prog []bpf.Instruction
		want string
	}{
		{"empty", nil, "empty"},
		{"too long", vmProg(long...), "more than 4096"},
		{"no final return", vmProg(ri(0x00, 0, 0, 1)), "not a return"},
		{"unknown opcode", vmProg(ri(0x0e, 0, 0, 0), ret), "unknown opcode"},
		{"ret x is unknown", vmProg(ri(0x0e, 0, 0, 0)), "unknown opcode"},
		{"scratch out of range", vmProg(ri(0x02, 0, 0, 16), ret), "scratch slot 16"},
		{"div by constant zero", vmProg(ri(0x34, 0, 0, 0), ret), "division"},
		{"mod by constant zero", vmProg(ri(0x94, 0, 0, 0), ret), "division"},
		{"lsh by 32", vmProg(ri(0x64, 0, 0, 32), ret), "shift"},
		{"rsh by 32", vmProg(ri(0x74, 0, 0, 32), ret), "shift"},
		{"ja past end", vmProg(ri(0x05, 0, 0, 1), ret), "out of range"},
		{"ja huge", vmProg(ri(0x05, 0, 0, 0xffffffff), ret), "out of range"},
		{"ja backward", vmProg(ri(0x00, 0, 0, 0), ri(0x05, 0, 0, 0xfffffffe), ret), "backward, to instruction 0 (protochain's loop)"},
		{"jt past end", vmProg(ri(0x15, 1, 0, 0), ret), "out of range"},
		{"jf past end", vmProg(ri(0x15, 0, 1, 0), ret), "out of range"},
		{"unknown ancillary", vmProg(ri(0x20, 0, 0, 0xfffff000+2), ret), "ancillary"},
		{"ancillary past SKF_AD_MAX", vmProg(ri(0x20, 0, 0, 0xfffff000+64), ret), "ancillary"},
		{"mem read before write", vmProg(ri(0x60, 0, 0, 0), ret), "before it is written"},
		{"mem written on one path only", vmProg(ri(0x15, 1, 0, 0), ri(0x02, 0, 0, 3), ri(0x61, 0, 0, 3), ret), "before it is written"},
		{"does not assemble", []bpf.Instruction{bpf.RetA{}, bpf.LoadScratch{Dst: bpf.RegA, N: 16}, ret}, "instruction 1"},
	} {
		vm, err := NewVM(tc.prog)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: NewVM = %v, %v; want error containing %q", tc.name, vm, err, tc.want)
		}
		if tc.name == "too long" {
			// libpcap's user-space interpreter has no limit.
			if _, err := NewVMLibpcap(tc.prog); err != nil {
				t.Errorf("%s: NewVMLibpcap: %v", tc.name, err)
			}
		}
	}
	// Stores on every path, and an unreachable read, are fine.
	ok := vmProg(ri(0x15, 1, 0, 0), ri(0x02, 0, 0, 3), ri(0x03, 0, 0, 3), ri(0x61, 0, 0, 3), ri(0x05, 0, 0, 1), ri(0x60, 0, 0, 9), ret)
	if _, err := NewVM(ok); err != nil {
		t.Errorf("NewVM refused a valid program: %v", err)
	}
}

// vmXnetComparable reports whether x/net's VM defines the same behaviour
// as ours for prog: no X shifts (x/net does not mask the count), no neg
// (x/net's Run fails on NegateA), no negative absolute offsets, no
// indirect loads (X+k may go negative) and nothing x/net cannot type.
func vmXnetComparable(raw []bpf.RawInstruction) bool {
	for _, r := range raw {
		switch r.Op {
		case 0x6c, 0x7c, 0x40, 0x48, 0x50, 0x81, 0x84:
			return false
		case 0x20, 0x28, 0x30, 0xb1:
			if int32(r.K) < 0 {
				return false
			}
		}
	}
	return true
}

// vmCompareXnet runs prog on pkt in both VMs, when x/net accepts it, and
// reports a difference. wireLen is len(pkt), since x/net's `ld len` is the
// captured length.
func vmCompareXnet(t *testing.T, raw []bpf.RawInstruction, pkts [][]byte) bool {
	t.Helper()
	if !vmXnetComparable(raw) {
		return false
	}
	typed := Typed(raw)
	for _, ins := range typed {
		if _, isRaw := ins.(bpf.RawInstruction); isRaw {
			return false // x/net's VM cannot run it
		}
	}
	ours, err := NewVM(typed)
	if err != nil {
		return false
	}
	theirs, err := bpf.NewVM(typed)
	if err != nil {
		return false
	}
	for _, pkt := range pkts {
		want, err := theirs.Run(pkt)
		if err != nil {
			t.Fatalf("x/net Run: %v", err)
		}
		if got := ours.Run(pkt, uint32(len(pkt)), nil); got != uint32(want) {
			s, _ := Format(Typed(raw))
			t.Fatalf("packet % x: ours %d, x/net %d, program:\n%s", pkt, got, want, s)
		}
	}
	return true
}

// vmRandomPackets builds packets shaped like the corpus's link types:
// Ethernet-like bytes with IPv4/IPv6 EtherTypes, random lengths.
func vmRandomPackets(r *rand.Rand, n int) [][]byte {
	pkts := [][]byte{nil, vmPacket}
	for range n {
		p := make([]byte, r.Intn(120))
		r.Read(p)
		if len(p) >= 14 && r.Intn(2) == 0 {
			binary.BigEndian.PutUint16(p[12:], []uint16{0x0800, 0x86dd, 0x8100, 0x0806}[r.Intn(4)])
			if len(p) > 14 {
				p[14] = 0x45
			}
		}
		pkts = append(pkts, p)
	}
	return pkts
}

// TestVMCrossCheckCorpus runs every corpus program x/net can also run on
// random packets in both VMs.
func TestVMCrossCheckCorpus(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pkts := vmRandomPackets(r, 40)
	var compared, accepted int
	vmCorpusPrograms(t, func(c corpus.Case, raw []bpf.RawInstruction) {
		_, err := NewVM(Typed(raw))
		// The kernel refuses these too: protochain loops with a
		// backward jump, and libpcap master's geneve/vxlan code on
		// radiotap reads M[0] and M[1] without storing them first.
		wantErr := ""
		switch {
		case strings.Contains(c.Name, "protochain"):
			wantErr = "jump out of range"
		case strings.HasPrefix(c.Name, "geneve_and_tcp_index_IEEE802_11_RADIO"), strings.HasPrefix(c.Name, "vxlan_and_tcp_index_IEEE802_11_RADIO"):
			wantErr = "before it is written"
		}
		switch {
		case err == nil && wantErr == "":
			accepted++
		case err == nil:
			t.Errorf("%s: NewVM accepted a program the kernel refuses (%s)", c.Name, wantErr)
		case wantErr == "" || !strings.Contains(err.Error(), wantErr):
			t.Errorf("%s: NewVM: %v", c.Name, err)
		}
		if vmCompareXnet(t, raw, pkts) {
			compared++
		}
	})
	if compared < 3000 {
		t.Fatalf("only %d corpus programs compared with x/net", compared)
	}
	t.Logf("%d corpus programs accepted, %d compared with x/net", accepted, compared)
}

// vmCorpusPrograms calls fn with each program of the shared corpus's
// accepted expressions, unoptimized and optimized.
func vmCorpusPrograms(t *testing.T, fn func(c corpus.Case, raw []bpf.RawInstruction)) {
	t.Helper()
	for _, c := range corpus.LoadShared(t) {
		if c.Kind != "accept" || c.PseudoExpr {
			continue
		}
		for _, listing := range []*string{&c.ExpectedUnopt, c.ExpectedOpt} {
			if listing == nil {
				continue
			}
			raw, err := testParseListing(*listing)
			if err != nil {
				t.Fatal(err)
			}
			fn(c, raw)
		}
	}
}

// TestVMCrossCheckRandom compares random straight-line ALU/jump programs.
func TestVMCrossCheckRandom(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	pkts := vmRandomPackets(r, 8)
	ops := []uint16{0x00, 0x01, 0x02, 0x03, 0x04, 0x0c, 0x14, 0x1c, 0x24, 0x2c, 0x34, 0x3c, 0x94, 0x9c,
		0x44, 0x4c, 0x54, 0x5c, 0xa4, 0xac, 0x64, 0x74, 0x07, 0x87, 0x20, 0x28, 0x30, 0xb1, 0x80,
		0x15, 0x25, 0x35, 0x45, 0x1d, 0x2d, 0x3d, 0x4d, 0x05, 0x60, 0x61, 0x16, 0x06}
	compared := 0
	for range 60000 {
		n := 2 + r.Intn(12)
		raw := make([]bpf.RawInstruction, n)
		for i := range raw {
			op := ops[r.Intn(len(ops))]
			k := r.Uint32()
			switch {
			case r.Intn(2) == 0:
				k %= 64
			case r.Intn(2) == 0:
				k %= 16
			}
			span := max(n-i-1, 1) // jumps may land on any later instruction
			raw[i] = ri(op, uint8(r.Intn(span)), uint8(r.Intn(span)), k)
			switch op {
			case 0x05:
				raw[i].K = uint32(r.Intn(span))
			case 0x64, 0x74:
				raw[i].K %= 32
			}
		}
		raw[n-1] = ri(0x16, 0, 0, 0)
		// Store every scratch slot first, so that the kernel's
		// read-before-write check does not refuse most programs.
		prefix := []bpf.RawInstruction{ri(0x00, 0, 0, r.Uint32())}
		for slot := range uint32(16) {
			prefix = append(prefix, ri(0x02, 0, 0, slot))
		}
		raw = append(prefix, raw...)
		if vmCompareXnet(t, raw, pkts) {
			compared++
		}
	}
	if compared < 2000 {
		t.Fatalf("only %d random programs compared", compared)
	}
	t.Logf("%d random programs compared with x/net", compared)
}

// TestVMDivergesFromXnet documents, by running both, the cases where the
// two VMs knowingly differ.
func TestVMDivergesFromXnet(t *testing.T) {
	for _, tc := range []struct {
		name        string
		prog        []bpf.RawInstruction
		ours, xnet  uint32
		wireLen     uint32
		xnetRefuses bool
	}{
		{"lsh x by 32: kernel masks the count", []bpf.RawInstruction{ri(0x00, 0, 0, 1), ri(0x01, 0, 0, 32), ri(0x6c, 0, 0, 0), ri(0x16, 0, 0, 0)}, 1, 0, 42, false},
		{"ld len is the wire length", []bpf.RawInstruction{ri(0x80, 0, 0, 0), ri(0x16, 0, 0, 0)}, 1500, 42, 1500, false},
		{"SKF_LL_OFF loads", []bpf.RawInstruction{ri(0x30, 0, 0, 0xffe00000+23), ri(0x16, 0, 0, 0)}, 17, 0, 42, false},
		{"ancillary vlanp", []bpf.RawInstruction{ri(0x30, 0, 0, 0xfffff000+48), ri(0x16, 0, 0, 0)}, 0, 0, 42, true},
	} {
		ours, err := NewVM(Typed(tc.prog))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := ours.Run(vmPacket, tc.wireLen, nil); got != tc.ours {
			t.Errorf("%s: ours = %d, want %d", tc.name, got, tc.ours)
		}
		theirs, err := bpf.NewVM(Typed(tc.prog))
		if tc.xnetRefuses {
			if err == nil {
				_, err = theirs.Run(vmPacket)
			}
			if err == nil {
				t.Errorf("%s: x/net ran the program", tc.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: x/net: %v", tc.name, err)
		}
		if got, _ := theirs.Run(vmPacket); uint32(got) != tc.xnet {
			t.Errorf("%s: x/net = %d, documented %d", tc.name, got, tc.xnet)
		}
	}
}

// FuzzVM feeds arbitrary instruction bytes and packets: NewVM refuses the
// program or Run returns within len(program) steps without panicking, the
// decoded form (in both modes) agrees with the reference interpreter, and
// where x/net defines the same behaviour the verdicts agree.
func FuzzVM(f *testing.F) {
	enc := func(raw ...bpf.RawInstruction) []byte {
		var b []byte
		for _, r := range raw {
			b = binary.LittleEndian.AppendUint16(b, r.Op)
			b = append(b, r.Jt, r.Jf)
			b = binary.LittleEndian.AppendUint32(b, r.K)
		}
		return b
	}
	f.Add(enc(ri(0x28, 0, 0, 12), ri(0x15, 0, 1, 0x800), ri(0x06, 0, 0, 262144), ri(0x06, 0, 0, 0)), vmPacket, uint32(60))
	f.Add(enc(ri(0xb1, 0, 0, 14), ri(0x48, 0, 0, 16), ri(0x01, 0, 0, 40), ri(0x6c, 0, 0, 0), ri(0x16, 0, 0, 0)), vmPacket, uint32(42))
	f.Add(enc(ri(0x30, 0, 0, 0xfffff030), ri(0x02, 0, 0, 1), ri(0x60, 0, 0, 1), ri(0x9c, 0, 0, 0), ri(0x16, 0, 0, 0)), []byte{}, uint32(0))
	f.Fuzz(func(t *testing.T, code []byte, pkt []byte, wireLen uint32) {
		var raw []bpf.RawInstruction
		for len(code) >= 8 {
			raw = append(raw, ri(binary.LittleEndian.Uint16(code), code[2], code[3], binary.LittleEndian.Uint32(code[4:])))
			code = code[8:]
		}
		vm, err := NewVM(Typed(raw))
		if err != nil {
			if vm != nil {
				t.Fatal("NewVM returned both a VM and an error")
			}
			return
		}
		anc := &Ancillary{VLANPresent: len(pkt)%2 == 1, NetworkOffset: wireLen % 64, Mark: wireLen}
		want, steps := vm.run(pkt, wireLen, anc)
		if steps > len(raw) {
			t.Fatalf("ran %d steps in a %d-instruction program", steps, len(raw))
		}
		if got := vm.Run(pkt, wireLen, anc); got != want {
			t.Fatalf("Run (decoded form) = %d, reference interpreter %d", got, want)
		}
		vmCompareDecoded(t, raw, [][]byte{pkt})
		vmCompareXnet(t, raw, [][]byte{pkt})
	})
}

// TestVMLibpcapDiffers checks the two places where NewVMLibpcap follows
// libpcap's bpf_filter (bpf_filter.c in libpcap master) rather than the
// kernel-style NewVM: a shift by X of 32 or more ("if (X < 32) A <<= X;
// else A = 0;") and an indirect load whose X+k passes the end of the
// packet ("if (pc->k >= buflen || X >= buflen - pc->k) return 0;"), which
// NewVM wraps around to 32 bits.
func TestVMLibpcapDiffers(t *testing.T) {
	retA := ri(0x16, 0, 0, 0)
	for _, tc := range []struct {
		name            string
		prog            []bpf.RawInstruction
		kernel, libpcap uint32
	}{
		{"lsh x by 32", []bpf.RawInstruction{ri(0x00, 0, 0, 1), ri(0x01, 0, 0, 32), ri(0x6c, 0, 0, 0), retA}, 1, 0},
		{"rsh x by 33", []bpf.RawInstruction{ri(0x00, 0, 0, 4), ri(0x01, 0, 0, 33), ri(0x7c, 0, 0, 0), retA}, 2, 0},
		{"lsh x by 31", []bpf.RawInstruction{ri(0x00, 0, 0, 1), ri(0x01, 0, 0, 31), ri(0x6c, 0, 0, 0), retA}, 1 << 31, 1 << 31},
		{"ldb [x+k] wrapping to byte 1", []bpf.RawInstruction{ri(0x01, 0, 0, 0xffffffff), ri(0x50, 0, 0, 2), retA}, 1, 0},
		{"ldh [x+k] in the packet", []bpf.RawInstruction{ri(0x01, 0, 0, 2), ri(0x48, 0, 0, 10), retA}, 0x0800, 0x0800},
	} {
		for _, mode := range []struct {
			name string
			vm   func([]bpf.Instruction) (*VM, error)
			want uint32
		}{{"NewVM", NewVM, tc.kernel}, {"NewVMLibpcap", NewVMLibpcap, tc.libpcap}} {
			vm, err := mode.vm(Typed(tc.prog))
			if err != nil {
				t.Fatalf("%s: %s: %v", tc.name, mode.name, err)
			}
			if got := vm.Run(vmPacket, uint32(len(vmPacket)), nil); got != mode.want {
				t.Errorf("%s: %s = %#x, want %#x", tc.name, mode.name, got, mode.want)
			}
		}
	}
}
