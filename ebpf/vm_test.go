package ebpf

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/internal/bpfctx"
)

// slot encodes one raw instruction.
func slot(code, dst, src uint8, off int16, imm int32) []byte {
	b := make([]byte, 8)
	b[0] = code
	b[1] = dst | src<<4
	binary.LittleEndian.PutUint16(b[2:], uint16(off))
	binary.LittleEndian.PutUint32(b[4:], uint32(imm))
	return b
}

func raw(slots ...[]byte) []byte {
	var b []byte
	for _, s := range slots {
		b = append(b, s...)
	}
	return b
}

var exitSlot = slot(0x95, 0, 0, 0, 0)

func mustVM(t *testing.T, insns asm.Instructions, opts ...Option) *VM {
	t.Helper()
	vm, err := NewVM(insns, opts...)
	if err != nil {
		t.Fatalf("NewVM: %v\n%v", err, insns)
	}
	return vm
}

func TestValidatorRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		prog []byte
		want string
	}{
		{"empty", nil, "empty program"},
		{"partial slot", []byte{0x95, 0, 0}, "multiple of 8"},
		{"unknown opcode", raw(slot(0xff, 0, 0, 0, 0), exitSlot), "unknown opcode"},
		{"LD_ABS DW", raw(slot(0x38, 0, 0, 0, 0), exitSlot), "unknown opcode"},
		{"MEMSX DW", raw(slot(0x99, 0, 1, 0, 0), exitSlot), "unknown opcode"},
		{"callx", raw(slot(0x8d, 2, 0, 0, 0), exitSlot), "callx"},
		{"unknown helper", raw(slot(0x85, 0, 0, 0, 1), exitSlot), "unknown helper 1"},
		{"kfunc", raw(slot(0x85, 0, 2, 0, 1), exitSlot), "unsupported call kind"},
		{"register 11", raw(slot(0xb7, 11, 0, 0, 1), exitSlot), "invalid destination register r11"},
		{"source register 12", raw(slot(0xbf, 0, 12, 0, 0), exitSlot), "invalid source register r12"},
		{"write r10", raw(slot(0xb7, 10, 0, 0, 1), exitSlot), "r10 is read-only"},
		{"load into r10", raw(slot(0x79, 10, 1, 0, 0), exitSlot), "r10 is read-only"},
		{"fetch into r10", raw(slot(0xdb, 1, 10, 0, 0x01), exitSlot), "r10 is read-only"},
		{"r10 in xor", raw(slot(0xaf, 0, 10, 0, 0), exitSlot), "r10 used as source"},
		{"falls off", raw(slot(0xb7, 0, 0, 0, 1)), "fall off the end"},
		{"conditional last", raw(slot(0x15, 0, 0, -1, 0)), "fall off the end"},
		{"jump past end", raw(slot(0x05, 0, 0, 1, 0), exitSlot), "outside the program"},
		{"jump before start", raw(slot(0x05, 0, 0, -2, 0), exitSlot), "outside the program"},
		{"jump into lddw", raw(slot(0x05, 0, 0, 1, 0), slot(0x18, 0, 0, 0, 1), slot(0, 0, 0, 0, 0), exitSlot), "second slot of lddw"},
		{"lddw truncated", raw(exitSlot, slot(0x18, 0, 0, 0, 1)), "missing its second slot"},
		{"lddw bad second slot", raw(slot(0x18, 0, 0, 0, 1), slot(0x18, 0, 0, 0, 0), exitSlot), "second slot"},
		{"lddw map fd", raw(slot(0x18, 1, 1, 0, 3), slot(0, 0, 0, 0, 0), exitSlot), "pseudo source"},
		{"local call out of range", raw(slot(0x85, 0, 1, 0, 5), exitSlot), "outside the program"},
		{"bad swap width", raw(slot(0xdc, 0, 0, 0, 8), exitSlot), "byte swap width"},
		{"bswap with source bit", raw(slot(0xdf, 0, 0, 0, 16), exitSlot), "unknown opcode"},
		{"movsx32 from 32", raw(slot(0xbc, 0, 1, 32, 0), exitSlot), "invalid offset"},
		{"sdiv offset 2", raw(slot(0x3f, 0, 1, 2, 0), exitSlot), "invalid offset"},
		{"unknown atomic", raw(slot(0xdb, 10, 1, -8, 0x10), exitSlot), "unknown atomic"},
		{"LD_ABS with dst", raw(slot(0x30, 1, 0, 0, 0), exitSlot), "nonzero dst"},
		{"neg with source bit", raw(slot(0x8f, 0, 0, 0, 0), exitSlot), "unknown opcode"},
		{"exit in JMP32", raw(slot(0x96, 0, 0, 0, 0), exitSlot), "unknown opcode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewVMFromBytes(tc.prog)
			if !errors.Is(err, ErrInvalidProgram) {
				t.Fatalf("err = %v, want ErrInvalidProgram", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %q, want it to mention %q", err, tc.want)
			}
		})
	}
}

func TestValidatorAccepts(t *testing.T) {
	for _, tc := range []struct {
		name string
		prog []byte
	}{
		{"division by constant zero", raw(slot(0x37, 0, 0, 0, 0), slot(0x97, 0, 0, 0, 0), exitSlot)},
		{"r10 copied and offset", raw(slot(0xbf, 1, 10, 0, 0), slot(0x0f, 1, 10, 0, 0), slot(0x1f, 1, 10, 0, 0), exitSlot)},
		{"store via r10", raw(slot(0x7a, 10, 0, -8, 1), exitSlot)},
		{"jump to exit over lddw", raw(slot(0x05, 0, 0, 2, 0), slot(0x18, 0, 0, 0, 1), slot(0, 0, 0, 0, 2), exitSlot)},
		{"lddw last but one", raw(slot(0x18, 0, 0, 0, 1), slot(0, 0, 0, 0, 2), exitSlot)},
		{"ja32", raw(slot(0x06, 0, 0, 0, 0), exitSlot)},
		{"LD_IND", raw(slot(0x50, 0, 3, 0, -1), exitSlot)},
	} {
		if _, err := NewVMFromBytes(tc.prog); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

func TestNewVMLongJump(t *testing.T) {
	insns := asm.Instructions{asm.Ja.Label("end")}
	for range 40000 {
		insns = append(insns, asm.Mov.Imm(asm.R0, 1))
	}
	insns = append(insns, asm.Return().WithSymbol("end"))
	_, err := NewVM(insns)
	if !errors.Is(err, ErrInvalidProgram) || !strings.Contains(err.Error(), "16-bit") {
		t.Fatalf("err = %v, want a 16-bit range error", err)
	}
}

func TestMemoryFaults(t *testing.T) {
	for _, tc := range []struct {
		name  string
		insns asm.Instructions
	}{
		{"null", asm.Instructions{asm.Mov.Imm(asm.R1, 0), asm.LoadMem(asm.R0, asm.R1, 0, asm.Byte), asm.Return()}},
		{"past memory", asm.Instructions{asm.LoadMem(asm.R0, asm.R1, 4, asm.Word), asm.Return()}},
		{"straddles memory end", asm.Instructions{asm.LoadMem(asm.R0, asm.R1, 6, asm.Word), asm.Return()}},
		{"before memory", asm.Instructions{asm.LoadMem(asm.R0, asm.R1, -1, asm.Byte), asm.Return()}},
		{"above stack", asm.Instructions{asm.StoreImm(asm.RFP, 0, 1, asm.Byte), asm.Return()}},
		{"below stack", asm.Instructions{asm.StoreImm(asm.RFP, -StackSize*MaxCallDepth-1, 1, asm.Byte), asm.Return()}},
		{"wild", asm.Instructions{asm.LoadImm(asm.R1, 0x7_0000_0000, asm.DWord), asm.LoadMem(asm.R0, asm.R1, 0, asm.DWord), asm.Return()}},
		{"atomic past memory", asm.Instructions{asm.Mov.Imm(asm.R2, 1), asm.StoreXAdd(asm.R1, asm.R2, asm.DWord), asm.Return()}},
		{"no context in Run", asm.Instructions{asm.LoadImm(asm.R1, ctxBase, asm.DWord), asm.LoadMem(asm.R0, asm.R1, 0, asm.Word), asm.Return()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vm := mustVM(t, tc.insns)
			_, err := vm.Run(make([]byte, 7))
			var re *RunError
			if !errors.Is(err, ErrMemoryAccess) || !errors.As(err, &re) {
				t.Fatalf("err = %v, want a RunError wrapping ErrMemoryAccess", err)
			}
		})
	}
}

func TestBudget(t *testing.T) {
	vm := mustVM(t, asm.Instructions{asm.Ja.Label("loop").WithSymbol("loop"), asm.Return()}, WithBudget(1000))
	if _, err := vm.Run(nil); !errors.Is(err, ErrBudgetExhausted) {
		t.Fatalf("err = %v, want ErrBudgetExhausted", err)
	}
	// Exactly the budget is enough: mov, exit.
	vm = mustVM(t, asm.Instructions{asm.Mov.Imm(asm.R0, 7), asm.Return()}, WithBudget(2))
	if r0, err := vm.Run(nil); err != nil || r0 != 7 {
		t.Fatalf("Run = %d, %v; want 7", r0, err)
	}
	if _, err := NewVM(asm.Instructions{asm.Return()}, WithBudget(0)); err == nil {
		t.Fatal("WithBudget(0) accepted")
	}
}

func TestLocalCalls(t *testing.T) {
	// main sets r6 and a stack slot, calls f, which clobbers r6 and writes
	// its own frame; main then returns r6 + its slot + f's result.
	vm := mustVM(t, asm.Instructions{
		asm.Mov.Imm(asm.R6, 100),
		asm.StoreImm(asm.RFP, -8, 20, asm.Word),
		asm.Call.Label("f"),
		asm.LoadMem(asm.R1, asm.RFP, -8, asm.DWord),
		asm.Add.Reg(asm.R0, asm.R1),
		asm.Add.Reg(asm.R0, asm.R6),
		asm.Return(),
		asm.Mov.Imm(asm.R6, 5).WithSymbol("f"),
		asm.StoreImm(asm.RFP, -8, 999, asm.Word),
		asm.Mov.Imm(asm.R0, 3),
		asm.Return(),
	})
	if r0, err := vm.Run(nil); err != nil || r0 != 123 {
		t.Fatalf("Run = %d, %v; want 123", r0, err)
	}
	// Unbounded recursion stops at MaxCallDepth frames.
	vm = mustVM(t, asm.Instructions{
		asm.Call.Label("f"),
		asm.Return(),
		asm.Call.Label("f").WithSymbol("f"),
		asm.Return(),
	})
	if _, err := vm.Run(nil); !errors.Is(err, ErrCallDepth) {
		t.Fatalf("err = %v, want ErrCallDepth", err)
	}
	// MaxCallDepth frames in all is allowed: main + 7 nested calls.
	insns := asm.Instructions{}
	for i := range MaxCallDepth - 1 {
		insns = append(insns, asm.Call.Label(string(rune('a'+i))), asm.Return())
		insns[len(insns)-2] = insns[len(insns)-2].WithSymbol(string(rune('a' + i - 1)))
	}
	insns[0] = asm.Call.Label("a")
	insns = append(insns, asm.Mov.Imm(asm.R0, 42).WithSymbol(string(rune('a'+MaxCallDepth-2))), asm.Return())
	vm = mustVM(t, insns)
	if r0, err := vm.Run(nil); err != nil || r0 != 42 {
		t.Fatalf("depth %d: Run = %d, %v; want 42", MaxCallDepth, r0, err)
	}
}

func TestStackZeroedBetweenRuns(t *testing.T) {
	// Returns the old value of a stack slot, then writes r2 there.
	vm := mustVM(t, asm.Instructions{
		asm.LoadMem(asm.R0, asm.RFP, -16, asm.DWord),
		asm.StoreMem(asm.RFP, -16, asm.R2, asm.DWord),
		asm.Return(),
	})
	for i := range 3 {
		if r0, err := vm.Run(make([]byte, 5)); err != nil || r0 != 0 {
			t.Fatalf("run %d: Run = %d, %v; want 0", i, r0, err)
		}
	}
}

func TestRunWritesMemory(t *testing.T) {
	vm := mustVM(t, asm.Instructions{
		asm.StoreImm(asm.R1, 1, 0x55, asm.Byte),
		asm.Mov.Reg(asm.R0, asm.R2),
		asm.Return(),
	})
	mem := []byte{0, 0, 0}
	if r0, err := vm.Run(mem); err != nil || r0 != 3 || mem[1] != 0x55 {
		t.Fatalf("Run = %d, %v, mem % x", r0, err, mem)
	}
}

func TestLegacyPacketLoads(t *testing.T) {
	pkt := []byte{0x12, 0x34, 0x56, 0x78, 0x9a}
	for _, tc := range []struct {
		name  string
		insns asm.Instructions
		want  uint32
		net   uint32 // SKBuff.NetworkOffset; 0 runs with a nil SKBuff
	}{
		{"byte", asm.Instructions{asm.LoadAbs(4, asm.Byte), asm.Return()}, 0x9a, 0},
		{"half is big-endian", asm.Instructions{asm.LoadAbs(0, asm.Half), asm.Return()}, 0x1234, 0},
		{"word is big-endian", asm.Instructions{asm.LoadAbs(1, asm.Word), asm.Return()}, 0x3456789a, 0},
		{"past the end returns 0", asm.Instructions{asm.Mov.Imm(asm.R0, 9), asm.LoadAbs(2, asm.Word), asm.Mov.Imm(asm.R0, 1), asm.Return()}, 0, 0},
		{"below SKF_LL_OFF returns 0", asm.Instructions{asm.LoadAbs(-0x200001, asm.Byte), asm.Mov.Imm(asm.R0, 1), asm.Return()}, 0, 0},
		{"SKF_LL_OFF from the start", asm.Instructions{asm.LoadAbs(-0x200000+4, asm.Byte), asm.Return()}, 0x9a, 0},
		{"SKF_NET_OFF from the network header", asm.Instructions{asm.LoadAbs(-0x100000+1, asm.Half), asm.Return()}, 0x789a, 2},
		{"SKF_NET_OFF with no network offset", asm.Instructions{asm.LoadAbs(-0x100000, asm.Byte), asm.Return()}, 0x12, 0},
		{"SKF_NET_OFF past the end returns 0", asm.Instructions{asm.LoadAbs(-0x100000+2, asm.Half), asm.Mov.Imm(asm.R0, 1), asm.Return()}, 0, 2},
		{"SKF_AD_OFF returns 0", asm.Instructions{asm.LoadAbs(-0x1000, asm.Byte), asm.Mov.Imm(asm.R0, 1), asm.Return()}, 0, 0},
		{"indirect SKF_LL_OFF", asm.Instructions{asm.Mov.Imm(asm.R7, -0x200000), asm.LoadInd(asm.R0, asm.R7, 1, asm.Half), asm.Return()}, 0x3456, 0},
		{"indirect SKF_NET_OFF", asm.Instructions{asm.Mov.Imm(asm.R7, 1), asm.LoadInd(asm.R0, asm.R7, -0x100000, asm.Byte), asm.Return()}, 0x78, 2},
		{"indirect", asm.Instructions{asm.Mov.Imm(asm.R7, 2), asm.LoadInd(asm.R0, asm.R7, 1, asm.Half), asm.Return()}, 0x789a, 0},
		{"indirect uses low 32 bits", asm.Instructions{asm.LoadImm(asm.R7, 0x1_0000_0003, asm.DWord), asm.LoadInd(asm.R0, asm.R7, 0, asm.Byte), asm.Return()}, 0x78, 0},
		{"indirect negative sum returns 0", asm.Instructions{asm.Mov.Imm(asm.R7, -3), asm.LoadInd(asm.R0, asm.R7, 2, asm.Byte), asm.Mov.Imm(asm.R0, 1), asm.Return()}, 0, 0},
		{"ends the program from a callee", asm.Instructions{asm.Call.Label("f"), asm.Mov.Imm(asm.R0, 1), asm.Return(), asm.LoadAbs(5, asm.Byte).WithSymbol("f"), asm.Return()}, 0, 0},
		{"clobbers r1-r5", asm.Instructions{asm.Mov.Imm(asm.R3, 7), asm.LoadAbs(0, asm.Byte), asm.Mov.Reg(asm.R0, asm.R3), asm.Return()}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vm := mustVM(t, tc.insns)
			var skb *SKBuff
			if tc.net != 0 {
				skb = &SKBuff{Len: uint32(len(pkt)), NetworkOffset: tc.net}
			}
			got, err := vm.RunSocket(pkt, skb)
			if err != nil || got != tc.want {
				t.Fatalf("RunSocket = %#x, %v; want %#x", got, err, tc.want)
			}
		})
	}
}

func TestSocketContext(t *testing.T) {
	skb := &SKBuff{
		Len: 1500, PktType: 3, Mark: 0xabcd, Protocol: 0x0800, VLANPresent: 1, VLANTCI: 0x123,
		VLANProto: 0x8100, Ifindex: 7, CB: [5]uint32{1, 2, 3, 4, 5}, Hash: 0xdeadbeef,
	}
	pkt := make([]byte, 60)
	load := func(off int16, size asm.Size) uint32 {
		t.Helper()
		vm := mustVM(t, asm.Instructions{asm.LoadMem(asm.R0, asm.R1, off, size), asm.Return()})
		v, err := vm.RunSocket(pkt, skb)
		if err != nil {
			t.Fatalf("load %d/%v: %v", off, size, err)
		}
		return v
	}
	for _, tc := range []struct {
		off  int16
		size asm.Size
		want uint32
	}{
		{0, asm.Word, 1500},
		{4, asm.Word, 3},
		{8, asm.Word, 0xabcd},
		{16, asm.Word, 0x0008}, // network order read little-endian, as Linux on x86
		{20, asm.Word, 1},
		{24, asm.Word, 0x123},
		{28, asm.Word, 0x0081},
		{40, asm.Word, 7},
		{56, asm.Word, 3},
		{68, asm.Word, 0xdeadbeef},
		{68, asm.Byte, 0xef}, // narrow loads read the little-endian layout
		{70, asm.Half, 0xdead},
		{88, asm.Word, 0}, // family: not provided
	} {
		if got := load(tc.off, tc.size); got != tc.want {
			t.Errorf("__sk_buff load at %d, %v = %#x, want %#x", tc.off, tc.size, got, tc.want)
		}
	}
	// data_end - data is the packet length.
	vm := mustVM(t, asm.Instructions{
		asm.LoadMem(asm.R2, asm.R1, bpfctx.SKBData, asm.Word),
		asm.LoadMem(asm.R0, asm.R1, bpfctx.SKBDataEnd, asm.Word),
		asm.Sub.Reg(asm.R0, asm.R2),
		asm.Return(),
	})
	if v, err := vm.RunSocket(pkt, skb); err != nil || v != 60 {
		t.Fatalf("data_end - data = %d, %v; want 60", v, err)
	}
	for _, tc := range []struct {
		name  string
		insns asm.Instructions
	}{
		{"narrow load of data", asm.Instructions{asm.LoadMem(asm.R0, asm.R1, bpfctx.SKBData, asm.Half), asm.Return()}},
		{"8-byte load of data", asm.Instructions{asm.LoadMem(asm.R0, asm.R1, bpfctx.SKBData, asm.DWord), asm.Return()}},
		{"sk pointer", asm.Instructions{asm.LoadMem(asm.R0, asm.R1, bpfctx.SKBSK, asm.Word), asm.Return()}},
		{"past __sk_buff", asm.Instructions{asm.LoadMem(asm.R0, asm.R1, bpfctx.SKBSize, asm.Word), asm.Return()}},
		{"context store", asm.Instructions{asm.StoreImm(asm.R1, 48, 1, asm.Word), asm.Return()}},
		{"packet store", asm.Instructions{asm.LoadMem(asm.R2, asm.R1, bpfctx.SKBData, asm.Word), asm.StoreImm(asm.R2, 0, 1, asm.Byte), asm.Return()}},
		{"read at data_end", asm.Instructions{asm.LoadMem(asm.R2, asm.R1, bpfctx.SKBDataEnd, asm.Word), asm.LoadMem(asm.R0, asm.R2, 0, asm.Byte), asm.Return()}},
	} {
		vm := mustVM(t, tc.insns)
		if _, err := vm.RunSocket(pkt, skb); !errors.Is(err, ErrMemoryAccess) {
			t.Errorf("%s: err = %v, want ErrMemoryAccess", tc.name, err)
		}
	}
}

func TestXDPContext(t *testing.T) {
	md := &XDPMD{IngressIfindex: 4, RxQueueIndex: 2, EgressIfindex: 9}
	pkt := []byte{1, 2, 3, 4}
	// Writes through data are allowed in XDP and land in pkt.
	vm := mustVM(t, asm.Instructions{
		asm.LoadMem(asm.R2, asm.R1, bpfctx.XDPData, asm.Word),
		asm.LoadMem(asm.R3, asm.R1, bpfctx.XDPDataEnd, asm.Word),
		asm.LoadMem(asm.R4, asm.R1, bpfctx.XDPDataMeta, asm.Word),
		asm.StoreImm(asm.R2, 3, 0x77, asm.Byte),
		asm.Mov.Reg(asm.R0, asm.R3),
		asm.Sub.Reg(asm.R0, asm.R4),
		asm.LoadMem(asm.R5, asm.R1, 12, asm.Word),
		asm.Add.Reg(asm.R0, asm.R5),
		asm.LoadMem(asm.R5, asm.R1, 16, asm.Word),
		asm.Add.Reg(asm.R0, asm.R5),
		asm.LoadMem(asm.R5, asm.R1, 20, asm.Word),
		asm.Add.Reg(asm.R0, asm.R5),
		asm.Return(),
	})
	if v, err := vm.RunXDP(pkt, md); err != nil || v != 4+4+2+9 || pkt[3] != 0x77 {
		t.Fatalf("RunXDP = %d, %v, pkt % x", v, err, pkt)
	}
	vm = mustVM(t, asm.Instructions{asm.LoadMem(asm.R0, asm.R1, bpfctx.XDPSize, asm.Word), asm.Return()})
	if _, err := vm.RunXDP(pkt, md); !errors.Is(err, ErrMemoryAccess) {
		t.Fatalf("load past xdp_md: err = %v, want ErrMemoryAccess", err)
	}
}

func TestHelpers(t *testing.T) {
	add := func(r1, r2, _, _, _ uint64) (uint64, error) { return r1 + r2, nil }
	fail := errors.New("helper failed")
	vm := mustVM(t, asm.Instructions{
		asm.Mov.Imm(asm.R1, 40),
		asm.Mov.Imm(asm.R2, 2),
		asm.FnMapLookupElem.Call(), // id 1
		asm.JEq.Imm(asm.R0, 42, "ok"),
		asm.FnMapUpdateElem.Call(), // id 2
		asm.Return().WithSymbol("ok"),
	}, WithHelper(1, add), WithHelper(2, func(_, _, _, _, _ uint64) (uint64, error) { return 0, fail }))
	if v, err := vm.Run(nil); err != nil || v != 42 {
		t.Fatalf("Run = %d, %v; want 42", v, err)
	}
	vm = mustVM(t, asm.Instructions{asm.FnMapUpdateElem.Call(), asm.Return()},
		WithHelper(2, func(_, _, _, _, _ uint64) (uint64, error) { return 0, fail }))
	if _, err := vm.Run(nil); !errors.Is(err, fail) {
		t.Fatalf("err = %v, want the helper's error", err)
	}
}

func TestClone(t *testing.T) {
	vm := mustVM(t, tcpPort80Socket())
	c := vm.Clone()
	if c.Len() != vm.Len() || &c.stack[0] == &vm.stack[0] {
		t.Fatal("Clone must share the program and not the stack")
	}
}
