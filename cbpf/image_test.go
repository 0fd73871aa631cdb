package cbpf

import (
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/internal/corpus"
)

// TestEnumerateImagesCorpus checks the whole bpf_image() table (every
// opcode's mnemonic and operand style, and the opcode values in the
// trailing column) against libpcap master's _enumerate_bpf_image output.
func TestEnumerateImagesCorpus(t *testing.T) {
	var found bool
	for _, c := range corpus.LoadShared(t) {
		if c.Name != "bpf_image" || !c.PseudoExpr {
			continue
		}
		found = true
		if got := EnumerateImages(); got != c.ExpectedUnopt {
			t.Errorf("EnumerateImages mismatch\n got:\n%s\nwant:\n%s", got, c.ExpectedUnopt)
		}
	}
	if !found {
		t.Fatal("corpus has no bpf_image pseudo case")
	}
}

// Operand parsers for the test's own listing reader, written separately
// from image.go so that a wrong table there cannot hide itself.
var (
	testALUOps  = map[string]uint16{"add": 0x00, "sub": 0x10, "mul": 0x20, "div": 0x30, "or": 0x40, "and": 0x50, "lsh": 0x60, "rsh": 0x70, "mod": 0x90, "xor": 0xa0}
	testJmpOps  = map[string]uint16{"jeq": 0x10, "jgt": 0x20, "jge": 0x30, "jset": 0x40}
	testLdSize  = map[string]uint16{"ld": 0x00, "ldh": 0x08, "ldb": 0x10}
	testAncName = map[string]uint32{"proto": 0, "type": 4, "ifidx": 8, "nla": 12, "nlan": 16, "mark": 20, "queue": 24, "hatype": 28, "rxhash": 32, "cpu": 36, "xor_x": 40, "vlan_tci": 44, "vlanp": 48, "poff": 52, "random": 56, "vlan_tpid": 60}
)

// testNum parses a decimal (possibly negative, as C's %d prints) or 0x hex
// number into its 32-bit pattern.
func testNum(s string) (uint32, error) {
	if h, ok := strings.CutPrefix(s, "0x"); ok {
		v, err := strconv.ParseUint(h, 16, 32)
		return uint32(v), err
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < -1<<31 || v >= 1<<32 {
		return 0, fmt.Errorf("bad number %q", s)
	}
	return uint32(v), nil
}

// testParseListing reads a `tcpdump -d` listing back into raw instructions.
func testParseListing(listing string) ([]bpf.RawInstruction, error) {
	var prog []bpf.RawInstruction
	for _, line := range strings.Split(strings.TrimSuffix(listing, "\n"), "\n") {
		pc := len(prog)
		prefix := fmt.Sprintf("(%03d) ", pc)
		rest, ok := strings.CutPrefix(line, prefix)
		if !ok {
			return nil, fmt.Errorf("line %q: want prefix %q", line, prefix)
		}
		var jt, jf int
		if i := strings.Index(rest, " jt "); i >= 0 {
			if _, err := fmt.Sscanf(rest[i:], " jt %d\tjf %d", &jt, &jf); err != nil {
				return nil, fmt.Errorf("line %q: %v", line, err)
			}
			rest = rest[:i]
			jt -= pc + 1
			jf -= pc + 1
		}
		f := strings.Fields(rest)
		name, arg := f[0], strings.Join(f[1:], " ")
		ri := bpf.RawInstruction{Jt: uint8(jt), Jf: uint8(jf)}
		var err error
		switch {
		case name == "ret" && arg == "":
			ri.Op = 0x16
		case name == "ret":
			ri.Op = 0x06
			ri.K, err = testNum(strings.TrimPrefix(arg, "#"))
		case name == "tax" || name == "txa" || name == "neg":
			ri.Op = map[string]uint16{"tax": 0x07, "txa": 0x87, "neg": 0x84}[name]
		case name == "st" || name == "stx":
			ri.Op = map[string]uint16{"st": 0x02, "stx": 0x03}[name]
			ri.K, err = testNum(strings.TrimSuffix(strings.TrimPrefix(arg, "M["), "]"))
		case name == "ldxb":
			ri.Op = 0xb1
			ri.K, err = testNum(strings.TrimSuffix(strings.TrimPrefix(arg, "4*(["), "]&0xf)"))
		case name == "ldx" || testLdSize[name] != 0 || name == "ld":
			cls := uint16(0)
			if name == "ldx" {
				cls = 1
			}
			switch {
			case arg == "#pktlen":
				ri.Op = cls | 0x80
			case strings.HasPrefix(arg, "#"):
				ri.Op = cls
				ri.K, err = testNum(arg[1:])
			case strings.HasPrefix(arg, "M["):
				ri.Op = cls | 0x60
				ri.K, err = testNum(arg[2 : len(arg)-1])
			case strings.HasPrefix(arg, "[x + "):
				ri.Op = testLdSize[name] | 0x40
				ri.K, err = testNum(arg[5 : len(arg)-1])
			case strings.HasPrefix(arg, "["):
				ri.Op = testLdSize[name] | 0x20
				inner := arg[1 : len(arg)-1]
				if off, ok := testAncName[inner]; ok {
					ri.K = 0xfffff000 + off
				} else {
					ri.K, err = testNum(inner)
				}
			default:
				err = fmt.Errorf("bad load operand")
			}
		case name == "ja":
			ri.Op = 0x05
			var target uint32
			target, err = testNum(arg)
			ri.K = target - uint32(pc+1)
		default:
			if op, ok := testALUOps[name]; ok {
				ri.Op = 0x04 | op
			} else if op, ok := testJmpOps[name]; ok {
				ri.Op = 0x05 | op
			} else {
				return nil, fmt.Errorf("line %q: unknown mnemonic", line)
			}
			if arg == "x" {
				ri.Op |= 0x08
			} else {
				ri.K, err = testNum(strings.TrimPrefix(arg, "#"))
			}
		}
		if err != nil {
			return nil, fmt.Errorf("line %q: %v", line, err)
		}
		prog = append(prog, ri)
	}
	return prog, nil
}

// TestFormatCorpus reads every expected listing of the corpus back into
// instructions and checks that Format, given them through Typed, prints
// the listing byte for byte, and that Typed is lossless.
func TestFormatCorpus(t *testing.T) {
	var listings int
	for _, c := range corpus.LoadShared(t) {
		if c.Kind != "accept" || c.PseudoExpr {
			continue
		}
		for _, want := range []*string{&c.ExpectedUnopt, c.ExpectedOpt} {
			if want == nil {
				continue
			}
			listings++
			raw, err := testParseListing(*want)
			if err != nil {
				t.Fatalf("%s/%s: %v", c.Name, c.LinkType, err)
			}
			typed := Typed(raw)
			back, err := Raw(typed)
			if err != nil {
				t.Fatalf("%s: Raw(Typed): %v", c.Name, err)
			}
			for i := range raw {
				if back[i] != raw[i] {
					t.Fatalf("%s: Typed lost instruction %d: %#v became %#v", c.Name, i, raw[i], back[i])
				}
			}
			got, err := Format(typed)
			if err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			if got != *want {
				t.Errorf("%s (%s) %q:\n got:\n%s\nwant:\n%s", c.Name, c.LinkType, c.Expr, got, *want)
			}
		}
	}
	if listings < 4000 {
		t.Fatalf("only %d corpus listings checked; the corpus looks truncated", listings)
	}
}

// TestImageSpecialCases covers forms the corpus never prints.
func TestImageSpecialCases(t *testing.T) {
	for _, tc := range []struct {
		ri   bpf.RawInstruction
		pc   int
		want string
	}{
		{bpf.RawInstruction{Op: 0x06, K: 0xffffffff}, 0, "(000) ret      #-1"},
		{bpf.RawInstruction{Op: 0x0e}, 3, "(003) unimp    0xe"},
		{bpf.RawInstruction{Op: 0x55, Jt: 2, Jf: 4}, 1, "(001) unimp    0x55             jt 4\tjf 6"},
		{bpf.RawInstruction{Op: 0x20, K: 0xfffff000 + 56}, 0, "(000) ld       [random]"},
		{bpf.RawInstruction{Op: 0x20, K: 0xfffff000 + 2}, 0, "(000) ld       [-4094]"},
		{bpf.RawInstruction{Op: 0x20, K: 0xfffff000 + 64}, 0, "(000) ld       [-4032]"},
		{bpf.RawInstruction{Op: 0x40, K: 0xfffff000 + 4}, 0, "(000) ld       [x + -4092]"},
		{bpf.RawInstruction{Op: 0x30, K: 0xfffff000 + 60}, 0, "(000) ldb      [vlan_tpid]"},
		{bpf.RawInstruction{Op: 0x05, K: 2}, 1000, "(1000) ja       1003"},
		{bpf.RawInstruction{Op: 0x84}, 7, "(007) neg"},
		{bpf.RawInstruction{Op: 0xa4, K: 0xff}, 7, "(007) xor      #0xff"},
	} {
		if got := Image(tc.ri, tc.pc); got != tc.want {
			t.Errorf("Image(%#v, %d) = %q, want %q", tc.ri, tc.pc, got, tc.want)
		}
	}
}

// TestFormatErrors checks that an instruction that cannot be assembled is
// an error naming its index, not a half-written listing.
func TestFormatErrors(t *testing.T) {
	prog := []bpf.Instruction{bpf.LoadConstant{Dst: bpf.RegA, Val: 1}, bpf.LoadScratch{Dst: bpf.RegA, N: 16}, bpf.RetA{}}
	for name, f := range map[string]func([]bpf.Instruction) (string, error){"Format": Format, "FormatC": FormatC, "FormatDecimal": FormatDecimal} {
		out, err := f(prog)
		if err == nil || out != "" || !strings.Contains(err.Error(), "instruction 1") {
			t.Errorf("%s: got %q, %v; want an error for instruction 1", name, out, err)
		}
	}
}

// TestTypedKeepsLossyForms checks that forms x/net cannot round-trip stay
// raw, and that round-trippable ones become typed.
func TestTypedKeepsLossyForms(t *testing.T) {
	raw := []bpf.RawInstruction{
		{Op: 0x28, K: 0xfffff000 + 44}, // ldh [vlan_tci]: x/net would make a word load
		{Op: 0x21, K: 12},              // LDX|W|ABS: x/net drops the X destination
		{Op: 0x0e},                     // RET|X: not a classic BPF form
		{Op: 0x20, K: 0xfffff000 + 48}, // ld [vlanp]: x/net's LoadExtension
		{Op: 0x15, Jt: 0, Jf: 3, K: 7}, // jeq with jt 0: x/net's JumpNotEqual
		{Op: 0x06, K: 1},
	}
	typed := Typed(raw)
	for i, wantRaw := range []bool{true, true, true, false, false, false} {
		_, isRaw := typed[i].(bpf.RawInstruction)
		if isRaw != wantRaw {
			t.Errorf("Typed[%d] = %#v; raw = %v, want %v", i, typed[i], isRaw, wantRaw)
		}
	}
	back, err := Raw(typed)
	if err != nil {
		t.Fatal(err)
	}
	for i := range raw {
		if back[i] != raw[i] {
			t.Errorf("instruction %d: %#v round-tripped to %#v", i, raw[i], back[i])
		}
	}
}

// TestFormatAgainstTcpdump asks the local tcpdump for -d, -dd and -ddd of a
// few expressions, reads the -ddd program and checks our three printers.
// libpcap 1.10.3 pads operand-less instructions with a trailing blank that
// master (and Format) does not print, so -d lines are compared with that
// blank trimmed.
func TestFormatAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed; install it to compare with libpcap's printer")
	}
	exprs := []string{
		"tcp port 80",
		"ip[0]&0xf = 5 and len > 10",
		"ether[12:2] = 0x800 and ip[2:2] - 20 > 100 and ip[1] * 3 < 7",
		"vlan 10 and ip6",
		"ip and (udp[8:4] / 3 = 7 or tcp[13] & 0x12 != 0)",
		"arp or rarp or ip host 10.0.0.1",
	}
	for _, expr := range exprs {
		run := func(flag string) string {
			out, err := exec.Command(tcpdump, "-y", "EN10MB", flag, expr).Output()
			if err != nil {
				t.Fatalf("tcpdump %s %q: %v", flag, expr, err)
			}
			return string(out)
		}
		dec := run("-ddd")
		lines := strings.Split(strings.TrimSpace(dec), "\n")
		var raw []bpf.RawInstruction
		for _, l := range lines[1:] {
			var ri bpf.RawInstruction
			if _, err := fmt.Sscanf(l, "%d %d %d %d", &ri.Op, &ri.Jt, &ri.Jf, &ri.K); err != nil {
				t.Fatalf("%q: %v", l, err)
			}
			raw = append(raw, ri)
		}
		prog := Typed(raw)
		if got, _ := FormatDecimal(prog); got != dec {
			t.Errorf("%q -ddd:\n got %s\nwant %s", expr, got, dec)
		}
		if got, want := mustFormat(t, FormatC, prog), run("-dd"); got != want {
			t.Errorf("%q -dd:\n got %s\nwant %s", expr, got, want)
		}
		want := run("-d")
		var trimmed strings.Builder
		for _, l := range strings.SplitAfter(want, "\n") {
			trimmed.WriteString(strings.Replace(l, " \n", "\n", 1))
		}
		if got := mustFormat(t, Format, prog); got != trimmed.String() {
			t.Errorf("%q -d:\n got %s\nwant %s", expr, got, trimmed.String())
		}
	}
}

func mustFormat(t *testing.T, f func([]bpf.Instruction) (string, error), prog []bpf.Instruction) string {
	t.Helper()
	s, err := f(prog)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
