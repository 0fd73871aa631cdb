package opcode

import (
	"testing"

	"github.com/cilium/ebpf/asm"
)

// TestAtomicsMatchCilium checks the untyped atomic immediates against
// cilium/ebpf's asm.AtomicOp, which holds them shifted left by 8.
func TestAtomicsMatchCilium(t *testing.T) {
	for _, c := range []struct {
		name string
		ours int64
		op   asm.AtomicOp
	}{
		{"add", AtomicAdd, asm.AddAtomic},
		{"or", AtomicOr, asm.OrAtomic},
		{"and", AtomicAnd, asm.AndAtomic},
		{"xor", AtomicXor, asm.XorAtomic},
		{"fetch add", AtomicAdd | AtomicFetch, asm.FetchAdd},
		{"xchg", AtomicXchg, asm.Xchg},
		{"cmpxchg", AtomicCmpXchg, asm.CmpXchg},
	} {
		if c.ours != int64(c.op>>8) {
			t.Errorf("%s: %#x, cilium/ebpf says %#x", c.name, c.ours, c.op>>8)
		}
	}
}

// TestValid pins the set of opcodes: how many there are in each class,
// and a few that must be absent.
func TestValid(t *testing.T) {
	count := map[asm.Class]int{}
	for i := range 256 {
		if Valid(uint8(i)) {
			count[Class(uint8(i))]++
		}
	}
	want := map[asm.Class]int{
		asm.ALU64Class:  12*2 + 1 + 1, // binary ops both sources, neg, bswap
		asm.ALUClass:    12*2 + 1 + 2, // binary ops both sources, neg, le and be
		asm.JumpClass:   11*2 + 3,     // conditional both sources, ja, call, exit
		asm.Jump32Class: 11*2 + 1,     // conditional both sources, gotol
		asm.LdClass:     7,            // lddw, abs and ind B, H, W
		asm.LdXClass:    7,            // B, H, W, DW and sign-extending B, H, W
		asm.StClass:     4,
		asm.StXClass:    6, // B, H, W, DW and atomic W, DW
	}
	for c, n := range want {
		if count[c] != n {
			t.Errorf("%v: %d valid opcodes, want %d", c, count[c], n)
		}
	}
	for _, code := range []uint8{0x8d, 0x86, 0x8c, 0xdf, 0x96, 0x0d, 0x00, 0xe5, 0xf7, 0x78} {
		if Valid(code) {
			t.Errorf("%#02x is valid", code)
		}
	}
	for _, code := range []uint8{0x18, 0x20, 0x50, 0xbf, 0xdc, 0xd7, 0x95, 0x85, 0x06, 0x91, 0xdb, 0xc3} {
		if !Valid(code) {
			t.Errorf("%#02x is not valid", code)
		}
	}
}

func TestLookupAtomic(t *testing.T) {
	for imm, want := range map[int32]string{0x00: "add", 0x41: "or", 0xe1: "xchg", 0xf1: "cmpxchg", 0xe0: "", 0x100: "", 0x02: ""} {
		a, ok := LookupAtomic(imm)
		if ok != (want != "") || a.Name != want {
			t.Errorf("LookupAtomic(%#x) = %q, %v; want %q", imm, a.Name, ok, want)
		}
	}
}
