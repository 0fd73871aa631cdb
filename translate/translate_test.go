package translate_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/translate"
)

// all runs translate for every target.
func all(prog []bpf.Instruction) map[string]func() (asm.Instructions, error) {
	return map[string]func() (asm.Instructions, error){
		"socket": func() (asm.Instructions, error) { return translate.SocketFilter(prog) },
		"TC":     func() (asm.Instructions, error) { return translate.Direct(prog, translate.TC) },
		"XDP":    func() (asm.Instructions, error) { return translate.Direct(prog, translate.XDP) },
	}
}

func TestErrorsNameTheInstruction(t *testing.T) {
	for _, tc := range []struct {
		name string
		prog []bpf.Instruction
		want string // substring of the error
	}{
		{"div by zero", []bpf.Instruction{bpf.ALUOpConstant{Op: bpf.ALUOpDiv, Val: 0}, bpf.RetA{}}, "instruction 0 ((000) div      #0): division by constant zero"},
		{"mod by zero", []bpf.Instruction{bpf.LoadConstant{Dst: bpf.RegA, Val: 1}, bpf.ALUOpConstant{Op: bpf.ALUOpMod, Val: 0}, bpf.RetA{}}, "instruction 1 ("},
		{"shift", []bpf.Instruction{bpf.ALUOpConstant{Op: bpf.ALUOpShiftLeft, Val: 32}, bpf.RetA{}}, "shift by 32"},
		{"falls off", []bpf.Instruction{bpf.LoadConstant{Dst: bpf.RegA, Val: 1}}, "instruction 0 ((000) ld       #0x1): control falls off the end"},
		{"jump out", []bpf.Instruction{bpf.JumpIf{Cond: bpf.JumpEqual, Val: 1, SkipTrue: 5}, bpf.RetA{}}, "outside the program"},
		{"ja out", []bpf.Instruction{bpf.Jump{Skip: 7}, bpf.RetA{}}, "instruction 0 ((000) ja       8): jump to 8 is outside"},
		{"scratch", []bpf.Instruction{bpf.RawInstruction{Op: 0x02, K: 16}, bpf.RetA{}}, "M[16] out of range"},
		{"unknown opcode", []bpf.Instruction{bpf.RawInstruction{Op: 0xff}, bpf.RetA{}}, "instruction 0 ((000) unimp    0xff)"},
		{"netlink", []bpf.Instruction{bpf.LoadExtension{Num: bpf.ExtNetlinkAttr}, bpf.RetA{}}, "netlink attribute extensions: not supported"},
		{"hatype", []bpf.Instruction{bpf.LoadExtension{Num: bpf.ExtLinkLayerType}, bpf.RetA{}}, "hatype"},
		{"empty", nil, "empty program"},
	} {
		for target, run := range all(tc.prog) {
			_, err := run()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s (%s): got %v, want an error containing %q", tc.name, target, err, tc.want)
			}
			var te *translate.Error
			if err != nil && !errors.As(err, &te) {
				t.Errorf("%s (%s): %T is not a *translate.Error", tc.name, target, err)
			}
		}
	}
}

func TestXDPRefusesSKBFields(t *testing.T) {
	for _, ext := range []bpf.Extension{bpf.ExtProto, bpf.ExtType, bpf.ExtMark, bpf.ExtRXHash} {
		prog := []bpf.Instruction{bpf.LoadExtension{Num: ext}, bpf.RetA{}}
		if _, err := translate.Direct(prog, translate.XDP); !errors.Is(err, translate.ErrUnsupported) {
			t.Errorf("extension %d for XDP: got %v, want ErrUnsupported", ext, err)
		}
		for target, run := range all(prog) {
			if target == "XDP" {
				continue
			}
			if _, err := run(); err != nil {
				t.Errorf("extension %d for %s: %v", ext, target, err)
			}
		}
	}
	if _, err := translate.Direct(nil, translate.Target(0)); err == nil {
		t.Error("Direct with the zero Target: no error")
	}
}

// boundsChecks returns the bounds of the checks data + bound <= data_end
// in a direct translation, in program order.
func boundsChecks(insns asm.Instructions) []int64 {
	var out []int64
	for i, ins := range insns {
		if ins.OpCode.JumpOp() == asm.JGT && ins.Src == asm.R9 && i >= 1 && insns[i-1].OpCode.ALUOp() == asm.Add {
			out = append(out, insns[i-1].Constant)
		}
	}
	return out
}

func TestBoundsChecksMerge(t *testing.T) {
	for _, tc := range []struct {
		name string
		prog []bpf.Instruction
		want []int64
	}{
		{
			// One check for a straight line of loads: the largest.
			"straight line",
			[]bpf.Instruction{
				bpf.LoadAbsolute{Off: 23, Size: 1},
				bpf.StoreScratch{Src: bpf.RegA, N: 0},
				bpf.LoadAbsolute{Off: 12, Size: 2},
				bpf.LoadAbsolute{Off: 26, Size: 4},
				bpf.RetA{},
			},
			[]int64{30},
		},
		{
			// A branch that may return before the second load keeps
			// the checks apart; the path that proved 14 does not
			// check 14 again.
			"branch",
			[]bpf.Instruction{
				bpf.LoadAbsolute{Off: 12, Size: 2},
				bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x800, SkipFalse: 3},
				bpf.LoadAbsolute{Off: 12, Size: 2},
				bpf.LoadAbsolute{Off: 23, Size: 1},
				bpf.RetA{},
				bpf.RetConstant{Val: 0},
			},
			[]int64{14, 24},
		},
		{
			// Both sides load [20]: checked once, before the branch.
			"both sides",
			[]bpf.Instruction{
				bpf.LoadAbsolute{Off: 12, Size: 2},
				bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x800, SkipFalse: 2},
				bpf.LoadAbsolute{Off: 20, Size: 2},
				bpf.RetA{},
				bpf.LoadAbsolute{Off: 18, Size: 4},
				bpf.RetA{},
			},
			[]int64{22},
		},
	} {
		for _, target := range []translate.Target{translate.TC, translate.XDP} {
			insns, err := translate.Direct(tc.prog, target)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if got := boundsChecks(insns); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("%s (%v): checks %v, want %v\n%v", tc.name, target, got, tc.want, insns)
			}
		}
	}
}

func TestUnsignedConstants(t *testing.T) {
	// ld #0x80000000; jeq #0x80000000: every operation is 32-bit, so
	// the immediates keep their unsigned meaning.
	prog := []bpf.Instruction{
		bpf.LoadConstant{Dst: bpf.RegA, Val: 0x80000000},
		bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: 0xffffffff},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x80000000, SkipTrue: 1},
		bpf.RetConstant{Val: 0},
		bpf.RetConstant{Val: 0xffffffff},
	}
	for target, run := range all(prog) {
		insns, err := run()
		if err != nil {
			t.Fatal(err)
		}
		for _, ins := range insns {
			if ins.Constant < 0 && ins.OpCode.Class() != asm.ALUClass && ins.OpCode.Class() != asm.Jump32Class {
				t.Errorf("%s: %v sign-extends a negative immediate to 64 bits", target, ins)
			}
		}
	}
}

func TestBackwardJump(t *testing.T) {
	// A loop as libpcap's protochain writes it: ja with a wrapped offset.
	prog := []bpf.Instruction{
		bpf.LoadConstant{Dst: bpf.RegX, Val: 0},
		bpf.LoadIndirect{Off: 0, Size: 1},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0, SkipTrue: 1},
		bpf.RetA{},
		bpf.TXA{},
		bpf.ALUOpConstant{Op: bpf.ALUOpAdd, Val: 1},
		bpf.TAX{},
		bpf.Jump{Skip: 0xfffffff9}, // to 1
	}
	for target, run := range all(prog) {
		insns, err := run()
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		var buf bytes.Buffer
		if err := insns.Marshal(&buf, binary.LittleEndian); err != nil {
			t.Fatalf("%s: Marshal: %v", target, err)
		}
		var counted bool
		for _, ins := range insns {
			if ins.OpCode.JumpOp() == asm.JGT && ins.Constant == translate.MaxLoopIterations && ins.Reference() == "drop" {
				counted = true
			}
		}
		if !counted {
			t.Errorf("%s: no iteration limit in\n%v", target, insns)
		}
	}
}

func ExampleDirect() {
	// ldh [12]; jeq #0x800 jt 2 jf 3; ret #65535; ret #0
	prog := []bpf.Instruction{
		bpf.LoadAbsolute{Off: 12, Size: 2},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x800, SkipFalse: 1},
		bpf.RetConstant{Val: 65535},
		bpf.RetConstant{Val: 0},
	}
	insns, err := translate.Direct(prog, translate.XDP)
	if err != nil {
		panic(err)
	}
	// asm.Instructions prints labels, the classic line each instruction
	// comes from, and the instructions (trailing blanks trimmed here).
	for _, line := range strings.Split(strings.TrimSpace(fmt.Sprint(insns)), "\n") {
		fmt.Println(strings.TrimRight(line, " "))
	}
	// Output:
	// ; prologue
	// 	 0: MovReg dst: r6 src: r1
	// 	 1: LdXMemW dst: r8 src: r6 off: 0 imm: 0
	// 	 2: LdXMemW dst: r9 src: r6 off: 4 imm: 0
	// 	 3: MovImm32 dst: r0 imm: 0
	// 	 4: MovImm32 dst: r7 imm: 0
	// 	  ; (000) ldh      [12]
	// 	 5: MovReg dst: r2 src: r8
	// 	 6: AddImm dst: r2 imm: 14
	// 	 7: JGTReg dst: r2 off: -1 src: r9 <drop>
	// 	 8: LdXMemH dst: r0 src: r8 off: 12 imm: 0
	// 	 9: SwapBE dst: r0
	// 	  ; (001) jeq      #0x800           jt 2	jf 3
	// 	10: JNE32Imm dst: r0 off: -1 imm: 2048 <pc3>
	// pc2:
	// 	  ; (002) ret      #65535
	// 	11: MovImm32 dst: r0 imm: 2
	// 	12: Exit
	// pc3:
	// 	  ; (003) ret      #0
	// 	13: MovImm32 dst: r0 imm: 1
	// 	14: Exit
	// drop:
	// 	  ; drop
	// 	15: MovImm32 dst: r0 imm: 1
	// 	16: Exit
}

// FuzzTranslate feeds arbitrary classic programs (8 bytes an instruction:
// op, jt, jf, k) to every target: each must give an error or a program
// that marshals, never a panic.
func FuzzTranslate(f *testing.F) {
	f.Add([]byte{0x28, 0, 0, 0, 12, 0, 0, 0, 0x16, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{0x01, 0, 0, 0, 0, 0, 0, 0, 0x50, 0, 0, 0, 0, 0, 0, 0, 0x05, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		var prog []bpf.Instruction
		for len(b) >= 8 && len(prog) < 256 {
			prog = append(prog, bpf.RawInstruction{
				Op: uint16(b[0]), Jt: b[1], Jf: b[2], K: binary.LittleEndian.Uint32(b[4:8]),
			})
			b = b[8:]
		}
		for target, run := range all(prog) {
			insns, err := run()
			if err != nil {
				if insns != nil {
					t.Fatalf("%s: both a program and an error (%v)", target, err)
				}
				continue
			}
			var buf bytes.Buffer
			if err := insns.Marshal(&buf, binary.LittleEndian); err != nil {
				t.Fatalf("%s: Marshal: %v", target, err)
			}
		}
	})
}
