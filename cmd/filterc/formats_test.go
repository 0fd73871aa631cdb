package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/internal/endian"
	"github.com/gocap/gocap/translate"
)

// These tests check each output format against an independent reading of
// the same program: x/net/bpf's disassembler and tcpdump for classic BPF,
// cilium/ebpf's decoder and the kernel for eBPF, the Go toolchain for Go
// source, Graphviz for the graph.

// formatExprs are the filters the format tests compile: plain loads and
// jumps, loops (protochain), ancillary loads (-l), scratch memory and
// arithmetic.
var formatExprs = [][]string{
	{"tcp port 80"},
	{"-O", "ip host 10.0.0.1 and not udp"},
	{"ip6 protochain 17"},
	{"-l", "vlan 100 and ifindex 3"},
	{"tcp[tcpflags] & (tcp-syn|tcp-ack) != 0 and ip[2:2] - 20 > 100"},
	{"-y", "RAW", "icmp or udp dst port 53"},
	{"-s", "96", "less 1000"},
	{""},
}

// runOut runs filterc, fails the test unless it exits 0 with nothing on
// stderr, and returns its stdout.
func runOut(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 || errb.Len() != 0 {
		t.Fatalf("filterc %q: exit %d, stderr %q", args, code, errb.String())
	}
	return out.Bytes()
}

// compiled returns the classic program filterc compiles for args (flags
// and expression), through the library.
func compiled(t *testing.T, args []string) []bpf.RawInstruction {
	t.Helper()
	cfg, err := parseArgs(args)
	if err != nil {
		t.Fatalf("parseArgs(%q): %v", args, err)
	}
	prog, err := cbpf.CompileRaw(cfg.expr, cfg.opts)
	if err != nil {
		t.Fatalf("cbpf.CompileRaw(%q): %v", cfg.expr, err)
	}
	return prog
}

// translated returns the eBPF program filterc translates args for target.
func translated(t *testing.T, args []string, tgt translate.Target) asm.Instructions {
	t.Helper()
	cfg, err := parseArgs(args)
	if err != nil {
		t.Fatalf("parseArgs(%q): %v", args, err)
	}
	prog, err := cbpf.Compile(cfg.expr, cfg.opts)
	if err != nil {
		t.Fatalf("cbpf.Compile(%q): %v", cfg.expr, err)
	}
	insns, err := translate.ForTarget(prog, tgt)
	if err != nil {
		t.Fatalf("translating %q for %s: %v", cfg.expr, tgt, err)
	}
	return insns
}

// parseSockFilter reads struct sock_filter records in the host's order.
func parseSockFilter(t *testing.T, b []byte) []bpf.RawInstruction {
	t.Helper()
	if len(b)%8 != 0 {
		t.Fatalf("raw output is %d bytes, not a multiple of 8", len(b))
	}
	var out []bpf.RawInstruction
	for i := 0; i < len(b); i += 8 {
		out = append(out, bpf.RawInstruction{
			Op: binary.NativeEndian.Uint16(b[i:]),
			Jt: b[i+2], Jf: b[i+3],
			K: binary.NativeEndian.Uint32(b[i+4:]),
		})
	}
	return out
}

// TestRawFormat decodes the struct sock_filter bytes and disassembles them
// with x/net/bpf: the program must be the one compiled, and every
// instruction x/net/bpf has a type for must assemble back to its bytes.
func TestRawFormat(t *testing.T) {
	for _, args := range formatExprs {
		got := parseSockFilter(t, runOut(t, append([]string{"--format", "raw"}, args...)...))
		want := compiled(t, args)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("filterc --format raw %q decodes to\n%v\nwant\n%v", args, got, want)
		}
		insns, allDecoded := bpf.Disassemble(got)
		for i, ins := range insns {
			re, err := ins.Assemble()
			if _, ext := ins.(bpf.LoadExtension); ext && got[i].Op&0xe0 == cbpf.ModeABS && got[i].K >= 0xfffff000 {
				// x/net/bpf reads byte and halfword ancillary loads
				// as word ones (see cbpf.Typed): the extension
				// number is all it keeps.
				re.Op = got[i].Op
			}
			if err != nil || re != got[i] {
				t.Errorf("%q: instruction %d %v disassembles to %#v, which assembles to %v (%v)", args, i, got[i], ins, re, err)
			}
		}
		if _, ok := insns[len(insns)-1].(bpf.RetConstant); !ok && allDecoded {
			t.Errorf("%q: the last instruction is %#v, not a return", args, insns[len(insns)-1])
		}
	}
}

// TestRawAgainstTcpdump compares the raw bytes of unoptimized programs with
// what tcpdump -O -ddd prints for them.
func TestRawAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed (apt-get install tcpdump); skipping the comparison with libpcap")
	}
	for _, expr := range []string{"ip", "tcp", "udp port 53", "ether host 1:2:3:4:5:6", "less 100", "not ip6", "arp"} {
		out, err := exec.Command(tcpdump, "-y", "EN10MB", "-O", "-ddd", expr).Output()
		if err != nil {
			t.Fatalf("tcpdump -O -ddd %q: %v", expr, err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		got := parseSockFilter(t, runOut(t, "-O", "--format", "raw", expr))
		if n, _ := strconv.Atoi(lines[0]); n != len(got) || len(lines) != n+1 {
			t.Errorf("%q: tcpdump counts %s instructions, filterc wrote %d", expr, lines[0], len(got))
			continue
		}
		for i, ri := range got {
			if want := fmt.Sprintf("%d %d %d %d", ri.Op, ri.Jt, ri.Jf, ri.K); lines[i+1] != want {
				t.Errorf("%q: instruction %d is %q in tcpdump -ddd, %q in filterc's raw bytes", expr, i, lines[i+1], want)
			}
		}
	}
}

// TestJSONFormat decodes the JSON and checks each instruction against
// x/net/bpf's assembly of the compiled program and its listing line.
func TestJSONFormat(t *testing.T) {
	for _, args := range formatExprs {
		var got jsonProgram
		if err := json.Unmarshal(runOut(t, append([]string{"--format", "json"}, args...)...), &got); err != nil {
			t.Fatalf("filterc --format json %q: %v", args, err)
		}
		cfg, _ := parseArgs(args)
		want := compiled(t, args)
		if got.Expression != cfg.expr || got.LinkType != cfg.opts.LinkType.String() || got.DLT != uint32(cfg.opts.LinkType) ||
			got.Snaplen != cfg.opts.Snaplen || got.Optimized != cfg.opts.Optimize || got.LinuxExt != cfg.opts.LinuxExt {
			t.Errorf("%q: header %+v does not describe the compilation %+v", args, got, cfg.opts)
		}
		if len(got.Instructions) != len(want) {
			t.Errorf("%q: %d instructions, want %d", args, len(got.Instructions), len(want))
			continue
		}
		for i, in := range got.Instructions {
			ri := bpf.RawInstruction{Op: in.Code, Jt: in.Jt, Jf: in.Jf, K: in.K}
			if ri != want[i] || in.Listing != cbpf.Image(ri, i) {
				t.Errorf("%q: instruction %d is %+v, want %v %q", args, i, in, want[i], cbpf.Image(want[i], i))
			}
		}
	}
	var masked jsonProgram
	json.Unmarshal(runOut(t, "--format", "json", "-m", "255.255.240.0", "ip broadcast"), &masked)
	if masked.Netmask != "255.255.240.0" {
		t.Errorf("netmask %q, want 255.255.240.0", masked.Netmask)
	}
}

// decodeCilium decodes eBPF bytecode with cilium/ebpf.
func decodeCilium(t *testing.T, b []byte, bo binary.ByteOrder) asm.Instructions {
	t.Helper()
	insns, err := asm.AppendInstructions(nil, bytes.NewReader(b), bo, "linux")
	if err != nil {
		t.Fatalf("cilium/ebpf cannot decode the bytecode: %v", err)
	}
	return insns
}

// sameInstructions compares decoded instructions field by field.
func sameInstructions(a, b asm.Instructions) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].OpCode != b[i].OpCode || a[i].Dst != b[i].Dst || a[i].Src != b[i].Src ||
			a[i].Offset != b[i].Offset || a[i].Constant != b[i].Constant {
			return false
		}
	}
	return true
}

// marshalled resolves and encodes insns, then decodes them with cilium/ebpf.
func marshalled(t *testing.T, insns asm.Instructions) asm.Instructions {
	t.Helper()
	var b bytes.Buffer
	if err := append(asm.Instructions(nil), insns...).Marshal(&b, binary.LittleEndian); err != nil {
		t.Fatal(err)
	}
	return decodeCilium(t, b.Bytes(), binary.LittleEndian)
}

var targets = translate.Targets()

// translatable reports whether args can be translated for tgt (XDP has
// no ancillary data).
func translatable(args []string, tgt translate.Target) bool {
	return tgt != translate.XDP || args[0] != "-l"
}

// TestEBPFRawFormat decodes the bytecode with cilium/ebpf: it must be the
// translation, and package ebpf's VM must accept it.
func TestEBPFRawFormat(t *testing.T) {
	for _, args := range formatExprs {
		for _, tgt := range targets {
			if !translatable(args, tgt) {
				continue
			}
			b := runOut(t, append([]string{"--format", "ebpf-raw", "--target", tgt.Info().Name}, args...)...)
			got := decodeCilium(t, b, endian.Host())
			if want := marshalled(t, translated(t, args, tgt)); !sameInstructions(got, want) {
				t.Errorf("%s %q: bytecode decodes to\n%v\nwant\n%v", tgt, args, got, want)
			}
			var length uint32
			if _, err := ebpf.NewVMFromBytes(b, vmHelpers(&length)...); err != nil {
				t.Errorf("%s %q: the VM refuses the bytecode: %v", tgt, args, err)
			}
		}
	}
}

// asmLine is one instruction line of ebpf-asm.
var asmLine = regexp.MustCompile(`^ *(\d+): \(([0-9a-f]{2})\) (.+)$`)

// parseAsm returns the instruction lines of an ebpf-asm listing by slot.
func parseAsm(t *testing.T, listing string) map[int]string {
	t.Helper()
	out := make(map[int]string)
	for _, l := range strings.Split(strings.TrimSuffix(listing, "\n"), "\n") {
		if strings.HasPrefix(l, "; ") {
			continue
		}
		m := asmLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("ebpf-asm line %q is neither an instruction nor a comment", l)
		}
		n, _ := strconv.Atoi(m[1])
		out[n] = "(" + m[2] + ") " + m[3]
	}
	return out
}

// TestEBPFAsmFormat checks the listing against cilium/ebpf's decoding: one
// line per instruction at its slot, with its opcode, registers, offsets and
// constants where the kernel's syntax shows them.
func TestEBPFAsmFormat(t *testing.T) {
	for _, args := range append(formatExprs, []string{"less 100"}) {
		for _, tgt := range targets {
			if !translatable(args, tgt) {
				continue
			}
			lines := parseAsm(t, string(runOut(t, append([]string{"--format", "ebpf-asm", "--target", tgt.Info().Name}, args...)...)))
			insns := marshalled(t, translated(t, args, tgt))
			it := insns.Iterate()
			for it.Next() {
				ins, slot := it.Ins, int(it.Offset)
				line, ok := lines[slot]
				if !ok {
					t.Errorf("%s %q: no line for slot %d (%v)", tgt, args, slot, ins)
					continue
				}
				var raw bytes.Buffer
				ins.Marshal(&raw, binary.LittleEndian)
				if want := fmt.Sprintf("(%02x) ", raw.Bytes()[0]); !strings.HasPrefix(line, want) {
					t.Errorf("%s %q: slot %d %q, want opcode %s", tgt, args, slot, line, want)
				}
				var want []string
				op := ins.OpCode
				switch {
				case op.JumpOp() == asm.Exit:
					want = []string{"exit"}
				case op.JumpOp() == asm.Call:
					want = []string{"call ", fmt.Sprintf("#%d", ins.Constant)}
				case op.JumpOp() == asm.Ja:
					want = []string{fmt.Sprintf("goto pc%+d", ins.Offset)}
				case op.Class().IsJump():
					want = []string{fmt.Sprintf("if %s", regName(op.Class() == asm.Jump32Class, ins.Dst)), fmt.Sprintf("goto pc%+d", ins.Offset)}
					if op.Source() == asm.ImmSource {
						want = append(want, fmt.Sprintf("%#x", uint32(ins.Constant)))
					} else {
						want = append(want, regName(op.Class() == asm.Jump32Class, ins.Src))
					}
				case op.Mode() == asm.AbsMode:
					want = []string{fmt.Sprintf("skb[%d]", ins.Constant)}
				case op.Mode() == asm.IndMode:
					want = []string{fmt.Sprintf("skb[r%d + %d]", ins.Src, ins.Constant)}
				case op.Class() == asm.LdXClass:
					want = []string{fmt.Sprintf("r%d = *(", ins.Dst), fmt.Sprintf("(r%d %+d)", ins.Src, ins.Offset)}
				case op.Class() == asm.StXClass:
					want = []string{fmt.Sprintf("(r%d %+d) = r%d", ins.Dst, ins.Offset, ins.Src)}
				case op.Class() == asm.StClass:
					want = []string{fmt.Sprintf("(r%d %+d) = %d", ins.Dst, ins.Offset, ins.Constant)}
				case op.Class().IsALU() && op.ALUOp() == asm.Swap:
					want = []string{fmt.Sprintf("r%d = ", ins.Dst), fmt.Sprint(ins.Constant)}
				case op.Class().IsALU():
					want = []string{regName(op.Class() == asm.ALUClass, ins.Dst) + " "}
					if op.Source() == asm.ImmSource {
						want = append(want, fmt.Sprintf(" %d", ins.Constant))
					} else {
						want = append(want, " "+regName(op.Class() == asm.ALUClass, ins.Src))
					}
				case op.IsDWordLoad():
					want = []string{fmt.Sprintf("r%d = %#x", ins.Dst, ins.Constant)}
				}
				for _, w := range want {
					if !strings.Contains(line, w) {
						t.Errorf("%s %q: slot %d is %q, which lacks %q for %v", tgt, args, slot, line, w, ins)
					}
				}
				delete(lines, slot)
			}
			for slot, line := range lines {
				t.Errorf("%s %q: line for slot %d (%q) matches no instruction", tgt, args, slot, line)
			}
		}
	}
}

// regName is the kernel's name for a register in a 32-bit ("w") or 64-bit
// ("r") operation.
func regName(is32 bool, r asm.Register) string {
	if is32 {
		return fmt.Sprintf("w%d", r)
	}
	return fmt.Sprintf("r%d", r)
}

// verifierLine is one instruction in the kernel verifier's log, with the
// live-registers column of recent kernels and any trailing state comment.
var verifierLine = regexp.MustCompile(`^\s*(\d+): (?:[0-9.]{10} )?(\([0-9a-f]{2}\) .*?)(?:\s+;.*)?$`)

// TestEBPFAsmAgainstVerifierLog loads each program with the verifier's
// instruction log and compares the kernel's own disassembly of every
// instruction it printed with filterc's.
func TestEBPFAsmAgainstVerifierLog(t *testing.T) {
	requireBPF(t)
	for _, args := range append(formatExprs, []string{"less 100"}) {
		for _, tgt := range targets {
			if !translatable(args, tgt) {
				continue
			}
			lines := parseAsm(t, string(runOut(t, append([]string{"--format", "ebpf-asm", "--target", tgt.Info().Name}, args...)...)))
			typ := map[translate.Target]cebpf.ProgramType{translate.Socket: cebpf.SocketFilter, translate.TC: cebpf.SchedCLS, translate.XDP: cebpf.XDP}[tgt]
			prog, err := cebpf.NewProgramWithOptions(&cebpf.ProgramSpec{
				Type: typ, Instructions: translated(t, args, tgt), License: ebpf.DefaultELFLicense,
			}, cebpf.ProgramOptions{LogLevel: cebpf.LogLevelInstruction, LogSizeStart: 1 << 22})
			if err != nil {
				t.Errorf("%s %q: load: %v", tgt, args, err)
				continue
			}
			log := prog.VerifierLog
			prog.Close()
			seen := make(map[int]bool)
			for _, l := range strings.Split(log, "\n") {
				m := verifierLine.FindStringSubmatch(l)
				if m == nil {
					continue
				}
				n, _ := strconv.Atoi(m[1])
				seen[n] = true
				if mine, ok := lines[n]; !ok || mine != m[2] {
					t.Errorf("%s %q: slot %d: the verifier prints %q, filterc %q", tgt, args, n, m[2], mine)
				}
			}
			if len(seen) == 0 {
				t.Errorf("%s %q: no instruction in the verifier log:\n%s", tgt, args, log)
			}
			for n := range lines {
				if !seen[n] {
					t.Logf("%s %q: slot %d (%s) is not in the verifier log (not reached)", tgt, args, n, lines[n])
				}
			}
		}
	}
}

// TestGoFormats parses the go and ebpf-go output with go/parser, then
// compiles and runs it with the Go toolchain: the program it declares must
// assemble (x/net/bpf) or marshal (cilium/ebpf) to the bytes of the raw
// and ebpf-raw formats.
func TestGoFormats(t *testing.T) {
	type genCase struct {
		args      []string
		tgt       translate.Target
		classic   []byte // go output
		ebpfSrc   []byte // ebpf-go output
		raw, eraw []byte
	}
	var cases []genCase
	for _, args := range formatExprs {
		c := genCase{args: args, tgt: translate.TC}
		if translatable(args, translate.XDP) {
			c.tgt = translate.XDP
		}
		c.classic = runOut(t, append([]string{"--format", "go", "--package", "classic", "--var", "Prog"}, args...)...)
		c.ebpfSrc = runOut(t, append([]string{"--format", "ebpf-go", "--target", c.tgt.Info().Name, "--package", "ebpfprog", "--var", "Prog"}, args...)...)
		c.raw = runOut(t, append([]string{"--format", "raw"}, args...)...)
		c.eraw = runOut(t, append([]string{"--format", "ebpf-raw", "--target", c.tgt.Info().Name}, args...)...)
		for _, src := range [][]byte{c.classic, c.ebpfSrc} {
			f, err := parser.ParseFile(token.NewFileSet(), "gen.go", src, parser.ParseComments)
			if err != nil {
				t.Fatalf("%q: generated Go does not parse: %v\n%s", args, err, src)
			}
			if !strings.HasPrefix(string(src), "// Code generated") || !strings.Contains(string(src), "DO NOT EDIT.") {
				t.Errorf("%q: generated Go lacks the generated-code comment", args)
			}
			if f.Scope.Lookup("Prog") == nil {
				t.Errorf("%q: generated Go declares no Prog", args)
			}
		}
		cases = append(cases, c)
	}

	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("skipping the compile step: the go command is not in PATH")
	}
	if testing.Short() {
		t.Skip("skipping the compile step in -short mode")
	}
	// A throwaway main package inside this module ("_" keeps it out of
	// ./... patterns), one sub-package per case and kind.
	dir, err := os.MkdirTemp(".", "_gotest")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	var imports, body strings.Builder
	for i, c := range cases {
		for kind, src := range map[string][]byte{"classic": c.classic, "ebpfprog": c.ebpfSrc} {
			sub := filepath.Join(dir, fmt.Sprintf("%s%d", kind, i))
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(sub, "gen.go"), src, 0o644); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&imports, "\t%s%d \"github.com/gocap/gocap/cmd/filterc/%s/%s%d\"\n", kind, i, filepath.Base(dir), kind, i)
		}
		fmt.Fprintf(&body, "\tprintClassic(classic%d.Prog)\n\tprintEBPF(ebpfprog%d.Prog)\n", i, i)
	}
	main := fmt.Sprintf(`package main

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

%s)

func printClassic(p []bpf.Instruction) {
	raw, err := bpf.Assemble(p)
	if err != nil {
		panic(err)
	}
	var b []byte
	for _, r := range raw {
		b = binary.NativeEndian.AppendUint16(b, r.Op)
		b = append(b, r.Jt, r.Jf)
		b = binary.NativeEndian.AppendUint32(b, r.K)
	}
	fmt.Println(hex.EncodeToString(b))
}

func printEBPF(p asm.Instructions) {
	var probe [2]byte
	binary.NativeEndian.PutUint16(probe[:], 1)
	var bo binary.ByteOrder = binary.BigEndian
	if probe[0] == 1 {
		bo = binary.LittleEndian
	}
	var b bytes.Buffer
	if err := p.Marshal(&b, bo); err != nil {
		panic(err)
	}
	fmt.Println(hex.EncodeToString(b.Bytes()))
}

func main() {
%s}
`, imports.String(), body.String())
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gobin, "run", "./"+filepath.Base(dir))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run of the generated code: %v\n%s", err, stderr.String())
	}
	got := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(got) != 2*len(cases) {
		t.Fatalf("the generated code printed %d lines, want %d", len(got), 2*len(cases))
	}
	for i, c := range cases {
		if want := fmt.Sprintf("%x", c.raw); got[2*i] != want {
			t.Errorf("%q: go format assembles to %s, raw format is %s", c.args, got[2*i], want)
		}
		if want := fmt.Sprintf("%x", c.eraw); got[2*i+1] != want {
			t.Errorf("%q: ebpf-go format (%s) marshals to %s, ebpf-raw format is %s", c.args, c.tgt, got[2*i+1], want)
		}
	}
}

// TestELFFormat reads the object with cilium/ebpf's LoadCollectionSpec:
// one program, in the target's section, of the target's type, named by
// --name, holding the translation; then loads it into the kernel when this
// process may.
func TestELFFormat(t *testing.T) {
	canLoad := bpfAllowed(t)
	for _, args := range formatExprs {
		for _, tgt := range targets {
			if !translatable(args, tgt) {
				continue
			}
			b := runOut(t, append([]string{"--format", "elf", "--target", tgt.Info().Name, "--name", "f_" + tgt.Info().Name}, args...)...)
			spec, err := cebpf.LoadCollectionSpecFromReader(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s %q: LoadCollectionSpec: %v", tgt, args, err)
			}
			ps := spec.Programs["f_"+tgt.Info().Name]
			wantType := map[translate.Target]cebpf.ProgramType{translate.Socket: cebpf.SocketFilter, translate.TC: cebpf.SchedCLS, translate.XDP: cebpf.XDP}[tgt]
			if ps == nil || len(spec.Programs) != 1 || ps.Type != wantType || ps.SectionName != tgt.Info().Section {
				t.Errorf("%s %q: programs %v; want one f_%s of type %v in section %q", tgt, args, spec.Programs, tgt, wantType, tgt.Info().Section)
				continue
			}
			if got, want := marshalled(t, ps.Instructions), marshalled(t, translated(t, args, tgt)); !sameInstructions(got, want) {
				t.Errorf("%s %q: the object holds\n%v\nwant\n%v", tgt, args, got, want)
			}
			if canLoad {
				coll, err := cebpf.NewCollection(spec)
				if err != nil {
					t.Errorf("%s %q: the kernel refuses the object: %v", tgt, args, err)
					continue
				}
				coll.Close()
			}
		}
	}
	if !canLoad {
		t.Log("kernel loads skipped: this process may not load BPF programs (run as root)")
	}
}

// dotNode and dotEdge match the lines filterc writes for nodes and edges.
var (
	dotNode = regexp.MustCompile(`^\tb(\d+) \[label="(.*?)"(, style=filled, fillcolor="(\w+)")?\];$`)
	dotEdge = regexp.MustCompile(`^\tb(\d+) -> b(\d+)(?: \[label="(true|false)".*\])?;$`)
)

// parsedGraph is a dot output read back.
type parsedGraph struct {
	lines map[string]int    // instruction line -> node
	nodes map[int][]string  // node -> its lines
	fill  map[int]string    // node -> fill colour
	edges map[[2]int]string // (from, to) -> "true", "false" or ""
}

func parseDot(t *testing.T, src string) parsedGraph {
	t.Helper()
	g := parsedGraph{lines: map[string]int{}, nodes: map[int][]string{}, fill: map[int]string{}, edges: map[[2]int]string{}}
	for _, l := range strings.Split(src, "\n") {
		if m := dotNode.FindStringSubmatch(l); m != nil {
			id, _ := strconv.Atoi(m[1])
			for _, text := range strings.Split(strings.TrimSuffix(m[2], `\l`), `\l`) {
				g.lines[text] = id
				g.nodes[id] = append(g.nodes[id], text)
			}
			g.fill[id] = m[4]
		} else if m := dotEdge.FindStringSubmatch(l); m != nil {
			from, _ := strconv.Atoi(m[1])
			to, _ := strconv.Atoi(m[2])
			g.edges[[2]int{from, to}] = m[3]
		}
	}
	return g
}

// nodeOf returns the node holding the line that starts with prefix.
func (g parsedGraph) nodeOf(prefix string) (int, bool) {
	for text, id := range g.lines {
		if strings.HasPrefix(text, prefix) {
			return id, true
		}
	}
	return 0, false
}

// TestDotClassic checks the classic graph against x/net/bpf's disassembly:
// every instruction is in one node, a node starts at each jump target, and
// each jump has its true and false edges to the nodes of its targets.
func TestDotClassic(t *testing.T) {
	for _, args := range formatExprs {
		src := string(runOut(t, append([]string{"--format", "dot"}, args...)...))
		g := parseDot(t, src)
		raw := compiled(t, args)
		insns, _ := bpf.Disassemble(raw)
		for i := range raw {
			if _, ok := g.nodeOf(fmt.Sprintf("(%03d) ", i)); !ok {
				t.Errorf("%q: instruction %d is in no node:\n%s", args, i, src)
			}
		}
		edge := func(i, to int, kind string) {
			from, _ := g.nodeOf(fmt.Sprintf("(%03d) ", i))
			if _, ok := g.nodes[to]; !ok {
				t.Errorf("%q: instruction %d jumps to %d, which starts no node", args, i, to)
			}
			if got, ok := g.edges[[2]int{from, to}]; !ok || got != kind {
				t.Errorf("%q: instruction %d: edge b%d -> b%d is %q (present %v), want %q", args, i, from, to, got, ok, kind)
			}
		}
		// x/net/bpf reads "jeq #k jt 0 jf n" as "if A != k skip n": its
		// negated conditions swap the skips relative to the raw
		// instruction, whose jt the graph labels "true".
		negated := map[bpf.JumpTest]bool{bpf.JumpNotEqual: true, bpf.JumpLessThan: true, bpf.JumpLessOrEqual: true, bpf.JumpBitsNotSet: true}
		cond := func(i int, c bpf.JumpTest, skipTrue, skipFalse uint8) {
			if negated[c] {
				skipTrue, skipFalse = skipFalse, skipTrue
			}
			edge(i, i+1+int(skipTrue), "true")
			edge(i, i+1+int(skipFalse), "false")
		}
		for i, ins := range insns {
			switch in := ins.(type) {
			case bpf.JumpIf:
				cond(i, in.Cond, in.SkipTrue, in.SkipFalse)
			case bpf.JumpIfX:
				cond(i, in.Cond, in.SkipTrue, in.SkipFalse)
			case bpf.Jump:
				edge(i, int(uint32(i+1)+in.Skip), "")
			case bpf.RetConstant:
				id, _ := g.nodeOf(fmt.Sprintf("(%03d) ", i))
				want := "palegreen"
				if in.Val == 0 {
					want = "lightpink"
				}
				if g.fill[id] != want {
					t.Errorf("%q: return %d is in node b%d filled %q, want %q", args, in.Val, id, g.fill[id], want)
				}
			}
		}
		checkDotRenders(t, src, len(g.nodes), len(g.edges))
	}
}

// TestDotEBPF checks the eBPF graph against cilium/ebpf's decoding.
func TestDotEBPF(t *testing.T) {
	for _, args := range formatExprs {
		for _, tgt := range targets {
			if !translatable(args, tgt) {
				continue
			}
			src := string(runOut(t, append([]string{"--format", "dot", "--target", tgt.Info().Name}, args...)...))
			g := parseDot(t, src)
			insns := marshalled(t, translated(t, args, tgt))
			it := insns.Iterate()
			for it.Next() {
				ins, slot := it.Ins, int(it.Offset)
				from, ok := g.nodeOf(fmt.Sprintf("%d: ", slot))
				if !ok {
					t.Errorf("%s %q: slot %d is in no node", tgt, args, slot)
					continue
				}
				op := ins.OpCode
				if !op.Class().IsJump() || op.JumpOp() == asm.Call || op.JumpOp() == asm.Exit {
					continue
				}
				targets := map[int]string{slot + 1 + int(ins.Offset): "true", slot + 1: "false"}
				if op.JumpOp() == asm.Ja {
					targets = map[int]string{slot + 1 + int(ins.Offset): ""}
				}
				for to, kind := range targets {
					if got, ok := g.edges[[2]int{from, to}]; !ok || got != kind {
						t.Errorf("%s %q: slot %d: edge b%d -> b%d is %q (present %v), want %q", tgt, args, slot, from, to, got, ok, kind)
					}
				}
			}
			checkDotRenders(t, src, len(g.nodes), len(g.edges))
		}
	}
}

// checkDotRenders runs Graphviz on the graph, when it is installed, and
// counts the nodes and edges of the SVG it draws.
func checkDotRenders(t *testing.T, src string, nodes, edges int) {
	t.Helper()
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Log("Graphviz is not installed (apt-get install graphviz); the graph was not rendered")
		return
	}
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = strings.NewReader(src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() != 0 {
		t.Fatalf("dot -Tsvg: %v\n%s\ngraph:\n%s", err, stderr.String(), src)
	}
	gotNodes, gotEdges := countSVG(t, out)
	if gotNodes != nodes || gotEdges != edges {
		t.Errorf("dot drew %d nodes and %d edges, the graph has %d and %d", gotNodes, gotEdges, nodes, edges)
	}
}

// countSVG parses an SVG drawn by Graphviz and counts its node and edge
// groups.
func countSVG(t *testing.T, svg []byte) (nodes, edges int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = false
	root := ""
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
		}
		if se.Name.Local != "g" {
			continue
		}
		for _, a := range se.Attr {
			if a.Name.Local == "class" && a.Value == "node" {
				nodes++
			}
			if a.Name.Local == "class" && a.Value == "edge" {
				edges++
			}
		}
	}
	if root != "svg" {
		t.Errorf("the drawing's root element is %q, not svg", root)
	}
	return nodes, edges
}

// TestSVGFormat draws a graph through filterc when Graphviz is installed,
// and checks the message when the dot command is missing.
func TestSVGFormat(t *testing.T) {
	if _, err := exec.LookPath("dot"); err == nil {
		g := parseDot(t, string(runOut(t, "--format", "dot", "tcp port 80")))
		nodes, edges := countSVG(t, runOut(t, "--format", "svg", "tcp port 80"))
		if nodes != len(g.nodes) || edges != len(g.edges) {
			t.Errorf("svg has %d nodes and %d edges, the dot graph %d and %d", nodes, edges, len(g.nodes), len(g.edges))
		}
	} else {
		t.Log("Graphviz is not installed (apt-get install graphviz); only the missing-command message is checked")
	}
	saved := dotCommand
	dotCommand = "gocap-no-such-graphviz-dot"
	defer func() { dotCommand = saved }()
	code, stdout, stderr := runArgs(t, "--format", "svg", "tcp")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "not installed") || !strings.Contains(stderr, "--format dot") {
		t.Errorf("svg without Graphviz: exit %d, stdout %q, stderr %q; want exit 1 and a message that it is not installed", code, stdout, stderr)
	}
}
