package translate_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

// accessModes are the fragment access modes, in order.
var accessModes = []translate.Access{translate.AccessDirect, translate.AccessSkbLoadBytes, translate.AccessProbeReadKernel}

// acceptAll fills a stub whose expression has no raw IP program.
var acceptAll = []bpf.Instruction{bpf.RetConstant{Val: 1}}

// fragOpts are options a caller of cbpfc might pick: unusual registers, a
// stack offset and a prefix.
func fragOpts(access translate.Access) translate.FragmentOptions {
	return translate.FragmentOptions{
		PacketStart: asm.R2,
		PacketEnd:   asm.R3,
		Context:     asm.R9,
		Result:      asm.R8,
		ResultLabel: "done",
		Working:     [4]asm.Register{asm.R4, asm.R5, asm.R6, asm.R7},
		StackOffset: 64,
		LabelPrefix: "f",
		Access:      access,
	}
}

func TestFragmentOptionErrors(t *testing.T) {
	prog := []bpf.Instruction{bpf.RetConstant{Val: 1}}
	for _, tc := range []struct {
		name   string
		change func(o *translate.FragmentOptions)
		want   string
	}{
		{"no result label", func(o *translate.FragmentOptions) { o.ResultLabel = "" }, "no ResultLabel"},
		{"start is working", func(o *translate.FragmentOptions) { o.PacketStart = asm.R5 }, "PacketStart and Working[1] are both r5"},
		{"end is start", func(o *translate.FragmentOptions) { o.PacketEnd = asm.R2 }, "PacketStart and PacketEnd are both r2"},
		{"frame pointer", func(o *translate.FragmentOptions) { o.Working[3] = asm.R10 }, "Working[3] is rfp"},
		{"result", func(o *translate.FragmentOptions) { o.Result = asm.R10 }, "Result is rfp"},
		{"context is working", func(o *translate.FragmentOptions) {
			o.Access = translate.AccessSkbLoadBytes
			o.Context = asm.R6
		}, "Working[2] and Context are both r6"},
		{"odd stack", func(o *translate.FragmentOptions) { o.StackOffset = 12 }, "StackOffset 12"},
		{"negative stack", func(o *translate.FragmentOptions) { o.StackOffset = -8 }, "StackOffset -8"},
		{"no room", func(o *translate.FragmentOptions) { o.StackOffset = 512 - translate.FragmentStack + 8 }, "leaves less than"},
		{"access", func(o *translate.FragmentOptions) { o.Access = 7 }, "unknown access mode Access(7)"},
	} {
		o := fragOpts(translate.AccessDirect)
		tc.change(&o)
		_, err := translate.Fragment(prog, o)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
	// The context register only counts for AccessSkbLoadBytes.
	o := fragOpts(translate.AccessDirect)
	o.Context = asm.R4
	if _, err := translate.Fragment(prog, o); err != nil {
		t.Errorf("AccessDirect with Context among Working: %v", err)
	}
}

// fragmentPrograms are classic programs that use every part of the
// translation: loops, scratch memory, [x + k], ldx msh, len, division.
func fragmentPrograms(t *testing.T) map[string][]bpf.Instruction {
	t.Helper()
	progs := make(map[string][]bpf.Instruction)
	for _, expr := range []string{"ip6 protochain 17", "tcp port 80 and len > 100", "ip[2:2] / 4 > 100 and ip[0] & 0xf != 5"} {
		prog, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
		if err != nil {
			t.Fatal(err)
		}
		progs[expr] = prog
	}
	// A large indexed offset: the path without merged checks.
	progs["far [x + k]"] = []bpf.Instruction{
		bpf.LoadConstant{Dst: bpf.RegX, Val: 2},
		bpf.LoadIndirect{Off: 0x7ff0, Size: 4},
		bpf.RetA{},
	}
	return progs
}

// TestFragmentShape checks what a caller relies on, for every access
// mode: no source annotations (line info), labels with the prefix, every
// jump to an internal label or the result label, no exit, registers and
// stack bytes from the options only.
func TestFragmentShape(t *testing.T) {
	for name, prog := range fragmentPrograms(t) {
		for _, access := range accessModes {
			o := fragOpts(access)
			insns, err := translate.Fragment(prog, o)
			if err != nil {
				t.Fatalf("%s %v: %v", name, access, err)
			}
			allowed := map[asm.Register]bool{
				o.PacketStart: true, o.PacketEnd: true, o.Result: true, asm.R10: true,
				o.Working[0]: true, o.Working[1]: true, o.Working[2]: true, o.Working[3]: true,
			}
			if access != translate.AccessDirect {
				// Helper calls: the arguments and the return value.
				for r := asm.R0; r <= asm.R5; r++ {
					allowed[r] = true
				}
				allowed[o.Context] = true
			}
			labels := make(map[string]bool)
			for _, ins := range insns {
				if sym := ins.Symbol(); sym != "" {
					if !strings.HasPrefix(sym, "f_") {
						t.Errorf("%s %v: label %q without the prefix", name, access, sym)
					}
					labels[sym] = true
				}
			}
			for i, ins := range insns {
				if ins.Source() != nil {
					t.Errorf("%s %v: instruction %d (%v) carries source %q", name, access, i, ins, ins.Source())
				}
				if ins.OpCode.JumpOp() == asm.Exit {
					t.Errorf("%s %v: instruction %d exits", name, access, i)
				}
				if ref := ins.Reference(); ref != "" && ref != o.ResultLabel && !labels[ref] && !ins.IsBuiltinCall() {
					t.Errorf("%s %v: instruction %d jumps to %q", name, access, i, ref)
				}
				if ins.IsBuiltinCall() || (ins.OpCode.Class().IsJump() && ins.OpCode.JumpOp() == asm.Ja) {
					continue // no registers
				}
				if !allowed[ins.Dst] {
					t.Errorf("%s %v: instruction %d (%v) writes or reads %v", name, access, i, ins, ins.Dst)
				}
				if ins.OpCode.Source() == asm.RegSource || ins.OpCode.Class().IsLoad() || ins.OpCode.Class().IsStore() {
					if !allowed[ins.Src] {
						t.Errorf("%s %v: instruction %d (%v) reads %v", name, access, i, ins, ins.Src)
					}
				}
				if (ins.Dst == asm.R10 && ins.OpCode.Class().IsStore()) || (ins.Src == asm.R10 && ins.OpCode.Class().IsLoad()) {
					if off := int(ins.Offset); off >= -o.StackOffset || off < -o.StackOffset-translate.FragmentStack {
						t.Errorf("%s %v: instruction %d (%v) touches the caller's stack", name, access, i, ins)
					}
				}
			}
		}
	}
}

func TestFragmentAncillary(t *testing.T) {
	for _, ext := range []bpf.Extension{bpf.ExtVLANTagPresent, bpf.ExtProto, bpf.ExtInterfaceIndex} {
		prog := []bpf.Instruction{bpf.LoadExtension{Num: ext}, bpf.RetA{}}
		for _, access := range accessModes {
			_, err := translate.Fragment(prog, fragOpts(access))
			if access == translate.AccessSkbLoadBytes {
				if err != nil {
					t.Errorf("extension %d with %v: %v", ext, access, err)
				}
				continue
			}
			if !errors.Is(err, translate.ErrUnsupported) || !strings.Contains(err.Error(), access.String()) || !strings.Contains(err.Error(), "no __sk_buff") {
				t.Errorf("extension %d with %v: got %v, want ErrUnsupported naming the mode and the missing __sk_buff", ext, access, err)
			}
		}
	}
	for _, ext := range []bpf.Extension{bpf.ExtCPUID, bpf.ExtRand} {
		prog := []bpf.Instruction{bpf.LoadExtension{Num: ext}, bpf.RetA{}}
		if _, err := translate.Fragment(prog, fragOpts(translate.AccessSkbLoadBytes)); !errors.Is(err, translate.ErrUnsupported) {
			t.Errorf("extension %d: got %v, want ErrUnsupported", ext, err)
		}
	}
	// len needs no __sk_buff: it is end - start.
	prog := []bpf.Instruction{bpf.LoadExtension{Num: bpf.ExtLen}, bpf.RetA{}}
	for _, access := range accessModes {
		if _, err := translate.Fragment(prog, fragOpts(access)); err != nil {
			t.Errorf("len with %v: %v", access, err)
		}
	}
}

// stubProgram is a caller with a stub between two other functions; the
// stub has a source line and BTF function info, as an ELF program with
// debug info has.
func stubProgram() (asm.Instructions, *btf.Func) {
	fn := &btf.Func{Name: "filter", Type: &btf.FuncProto{Return: &btf.Int{Name: "bool", Size: 1}}, Linkage: btf.StaticFunc}
	stub := asm.Mov.Imm(asm.R0, 0).WithSymbol("filter").WithSource(asm.Comment("stub.c:3"))
	stub = btf.WithFuncMetadata(stub, fn)
	return asm.Instructions{
		asm.Mov.Reg(asm.R6, asm.R1).WithSymbol("main"),
		asm.Call.Label("filter"),
		asm.Call.Label("other"),
		asm.Return(),
		stub,
		asm.JEq.Imm(asm.R4, 0, "inner"),
		asm.Mov.Imm(asm.R0, 1),
		asm.Return().WithSymbol("inner"),
		asm.Mov.Imm(asm.R0, 7).WithSymbol("other"),
		asm.Return(),
	}, fn
}

func TestInjectSplices(t *testing.T) {
	host, fn := stubProgram()
	prog := []bpf.Instruction{bpf.LoadAbsolute{Off: 12, Size: 2}, bpf.RetA{}}
	out, err := translate.Inject(host, "filter", prog, translate.InjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(host) != 10 || host[4].Symbol() != "filter" {
		t.Fatal("Inject changed its input")
	}
	var start, other = -1, -1
	for i, ins := range out {
		switch ins.Symbol() {
		case "filter":
			start = i
		case "other":
			other = i
		case "inner":
			t.Errorf("the stub's inner label survives at %d", i)
		}
	}
	if start != 4 || other < 0 {
		t.Fatalf("filter at %d, other at %d:\n%v", start, other, out)
	}
	if got := out[start].Source(); got == nil || got.String() != "stub.c:3" {
		t.Errorf("the stub's first instruction has source %v, want the stub's line", got)
	}
	if got := btf.FuncMetadata(&out[start]); got != fn {
		t.Errorf("the stub's first instruction has function info %v, want the stub's", got)
	}
	for i := start + 1; i < other; i++ {
		if out[i].Source() != nil {
			t.Errorf("injected instruction %d carries source %v", i, out[i].Source())
		}
	}
	if out[other].Constant != 7 || out[other+1].OpCode.JumpOp() != asm.Exit || len(out) != other+2 {
		t.Errorf("the function after the stub changed:\n%v", out[other:])
	}
	// The filter returns 0 or 1 and ends with exit, reached by its
	// result label.
	if last := out[other-1]; last.OpCode.JumpOp() != asm.Exit {
		t.Errorf("the filter's last instruction is %v, not exit", last)
	}
}

func TestInjectErrors(t *testing.T) {
	host, _ := stubProgram()
	ok := []bpf.Instruction{bpf.RetConstant{Val: 1}}
	if _, err := translate.Inject(host, "nosuch", ok, translate.InjectOptions{}); err == nil || !strings.Contains(err.Error(), `no function "nosuch"`) {
		t.Errorf("missing stub: %v", err)
	}
	bad := []bpf.Instruction{bpf.ALUOpConstant{Op: bpf.ALUOpDiv, Val: 0}, bpf.RetA{}}
	_, err := translate.Inject(host, "filter", bad, translate.InjectOptions{})
	var te *translate.Error
	if !errors.As(err, &te) || te.PC != 0 || !strings.Contains(err.Error(), "division by constant zero") {
		t.Errorf("refused program: %v", err)
	}
	vlan, err := cbpf.Compile("vlan", cbpf.Options{LinkType: cbpf.LinkEN10MB, LinuxExt: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, access := range accessModes {
		_, err := translate.Inject(host, "filter", vlan, translate.InjectOptions{Access: access})
		if access == translate.AccessSkbLoadBytes {
			if err != nil {
				t.Errorf("vlan (Linux extensions) with %v: %v", access, err)
			}
			continue
		}
		if !errors.Is(err, translate.ErrUnsupported) || !strings.Contains(err.Error(), "vlan_avail") || !strings.Contains(err.Error(), access.String()) {
			t.Errorf("vlan (Linux extensions) with %v: %v", access, err)
		}
	}
	// A label of the program that the filter's labels would repeat.
	clash := append(asm.Instructions(nil), host...)
	clash[9] = clash[9].WithSymbol("filter_result")
	if _, err := translate.Inject(clash, "filter", ok, translate.InjectOptions{}); err == nil || !strings.Contains(err.Error(), `"filter_result" is defined twice`) {
		t.Errorf("label clash: %v", err)
	}
	if _, err := translate.Inject(clash, "filter", ok, translate.InjectOptions{LabelPrefix: "l2"}); err != nil {
		t.Errorf("label clash avoided with a prefix: %v", err)
	}
	// A jump from outside into the body that goes away.
	into := append(asm.Instructions(nil), host...)
	into[3] = asm.Ja.Label("inner")
	if _, err := translate.Inject(into, "filter", ok, translate.InjectOptions{}); err == nil || !strings.Contains(err.Error(), `refers to "inner"`) {
		t.Errorf("jump into the stub: %v", err)
	}
}

// FuzzFragment feeds arbitrary classic programs (8 bytes an instruction:
// op, jt, jf, k) to Fragment in every access mode: each must give an error
// or a fragment that, followed by its result label, marshals.
func FuzzFragment(f *testing.F) {
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
		for _, access := range accessModes {
			o := fragOpts(access)
			insns, err := translate.Fragment(prog, o)
			if err != nil {
				if insns != nil {
					t.Fatalf("%v: both a fragment and an error (%v)", access, err)
				}
				continue
			}
			insns = append(insns, asm.Mov.Imm(asm.R0, 0).WithSymbol(o.ResultLabel), asm.Return())
			var buf bytes.Buffer
			if err := insns.Marshal(&buf, binary.LittleEndian); err != nil {
				t.Fatalf("%v: Marshal: %v", access, err)
			}
		}
	})
}
