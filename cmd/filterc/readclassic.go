package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// This file reads an existing classic program (--classic FILE) in the text
// forms other tools print it in, so that filterc can translate, check and
// render a program it did not compile.

// maxClassicLen is the longest program --classic reads: BPF_MAXINSNS of
// libpcap and of the kernel's classic loader.
const maxClassicLen = 4096

// maxClassicText bounds what --classic reads: a 4,096-instruction program
// takes about 130 KB in -dd's form.
const maxClassicText = 1 << 20

// readClassicFile reads the classic program in the file name ("-" for
// standard input); see parseClassic for the forms.
func readClassicFile(name string, stdin io.Reader) ([]bpf.RawInstruction, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("--classic: %w", err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxClassicText+1))
	if err != nil {
		return nil, fmt.Errorf("--classic: %w", err)
	}
	if len(data) > maxClassicText {
		return nil, fmt.Errorf("--classic %s: longer than %d bytes, more than a %d-instruction program needs", name, maxClassicText, maxClassicLen)
	}
	prog, err := parseClassic(string(data))
	if err != nil {
		return nil, fmt.Errorf("--classic %s: %w", name, err)
	}
	return prog, nil
}

// parseClassic reads a classic BPF program written in one of the text
// forms tools print:
//
//   - tcpdump -ddd (and filterc --format decimal): the instruction count,
//     then one "code jt jf k" line of decimal numbers per instruction;
//   - the same numbers separated by commas instead of new lines, as
//     iptables' bpf match and nfbpf_compile take them: "4,40 0 0 12,...";
//   - tcpdump -dd (and filterc --format c): one "{ code, jt, jf, k },"
//     line per instruction, numbers in C's decimal, hex or octal.
//
// '#' and "//" start a comment that runs to the end of the line. The
// program must be valid as libpcap's bpf_validate (with Linux's extensions)
// takes it: jumps in range, a return at the end.
func parseClassic(text string) ([]bpf.RawInstruction, error) {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if j := strings.Index(l, "#"); j >= 0 {
			l = l[:j]
		}
		if j := strings.Index(l, "//"); j >= 0 {
			l = l[:j]
		}
		lines[i] = l
	}
	var prog []bpf.RawInstruction
	var err error
	if strings.Contains(text, "{") {
		prog, err = parseClassicC(lines)
	} else {
		prog, err = parseClassicDecimal(lines)
	}
	if err != nil {
		return nil, err
	}
	if len(prog) == 0 {
		return nil, fmt.Errorf("no instructions")
	}
	if _, err := cbpf.NewVMLibpcap(cbpf.Typed(prog)); err != nil {
		return nil, fmt.Errorf("not a valid program: %w", err)
	}
	return prog, nil
}

// classicItem is one number of a program's text and the line it is on.
type classicItem struct {
	text string
	line int
}

// parseClassicDecimal reads the -ddd form (and its comma-separated
// variant): a count, then four numbers per instruction.
func parseClassicDecimal(lines []string) ([]bpf.RawInstruction, error) {
	// Commas separate instructions in the one-line form; the count and
	// the instructions are then what they are in the -ddd form.
	var groups [][]classicItem
	for n, l := range lines {
		for _, part := range strings.Split(l, ",") {
			var g []classicItem
			for _, f := range strings.Fields(part) {
				g = append(g, classicItem{f, n + 1})
			}
			if len(g) > 0 {
				groups = append(groups, g)
			}
		}
	}
	if len(groups) == 0 {
		return nil, fmt.Errorf("no instructions")
	}
	if len(groups[0]) != 1 {
		return nil, fmt.Errorf("line %d: want the instruction count alone (the first line of tcpdump -ddd), found %q", groups[0][0].line, joinItems(groups[0]))
	}
	count, err := classicNumber(groups[0][0], 10, maxClassicLen)
	if err != nil {
		return nil, err
	}
	insns := groups[1:]
	if uint64(len(insns)) != count {
		return nil, fmt.Errorf("the count says %d instructions, %d follow", count, len(insns))
	}
	prog := make([]bpf.RawInstruction, 0, len(insns))
	for _, g := range insns {
		ri, err := classicInsn(g, g[0].line, 10)
		if err != nil {
			return nil, err
		}
		prog = append(prog, ri)
	}
	return prog, nil
}

// parseClassicC reads the -dd form: "{ code, jt, jf, k }," per
// instruction, possibly inside an array declaration.
func parseClassicC(lines []string) ([]bpf.RawInstruction, error) {
	var prog []bpf.RawInstruction
	for n, l := range lines {
		for {
			open := strings.Index(l, "{")
			if open < 0 {
				break
			}
			end := strings.Index(l[open:], "}")
			if end < 0 {
				return nil, fmt.Errorf("line %d: '{' without '}' on the same line", n+1)
			}
			body := l[open+1 : open+end]
			l = l[open+end+1:]
			if strings.TrimSpace(body) == "" {
				continue
			}
			var g []classicItem
			for _, f := range strings.Split(body, ",") {
				if f = strings.TrimSpace(f); f != "" {
					g = append(g, classicItem{f, n + 1})
				}
			}
			if len(g) == 1 && strings.Contains(g[0].text, " ") {
				// "{ 0x28 0 0 12 }": spaces instead of commas.
				g = g[:0]
				for _, f := range strings.Fields(body) {
					g = append(g, classicItem{f, n + 1})
				}
			}
			ri, err := classicInsn(g, n+1, 0)
			if err != nil {
				return nil, err
			}
			if len(prog) == maxClassicLen {
				return nil, fmt.Errorf("line %d: more than %d instructions", n+1, maxClassicLen)
			}
			prog = append(prog, ri)
		}
	}
	return prog, nil
}

// classicInsn makes an instruction of four numbers in base (0: C's
// prefixes).
func classicInsn(g []classicItem, line, base int) (bpf.RawInstruction, error) {
	if len(g) != 4 {
		return bpf.RawInstruction{}, fmt.Errorf("line %d: want four numbers (code jt jf k), found %q", line, joinItems(g))
	}
	var v [4]uint64
	for i, max := range [4]uint64{0xffff, 0xff, 0xff, 0xffffffff} {
		x, err := classicNumber(g[i], base, max)
		if err != nil {
			return bpf.RawInstruction{}, err
		}
		v[i] = x
	}
	return bpf.RawInstruction{Op: uint16(v[0]), Jt: uint8(v[1]), Jf: uint8(v[2]), K: uint32(v[3])}, nil
}

// classicNumber reads one number, which must be at most max. k may be
// written as a negative 32-bit value ("-1"), as some tools print it.
func classicNumber(it classicItem, base int, max uint64) (uint64, error) {
	s := it.text
	if base == 0 && len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9' {
		s = "0o" + s[1:] // C's octal
	}
	if max == 0xffffffff && strings.HasPrefix(s, "-") {
		v, err := strconv.ParseInt(s, base, 64)
		if err == nil && v >= -1<<31 {
			return uint64(uint32(int32(v))), nil
		}
	}
	v, err := strconv.ParseUint(s, base, 64)
	if err != nil || v > max {
		return 0, fmt.Errorf("line %d: %q is not a number from 0 to %d", it.line, it.text, max)
	}
	return v, nil
}

// joinItems is the items' text as it was written, spaces between.
func joinItems(g []classicItem) string {
	s := make([]string, len(g))
	for i, it := range g {
		s[i] = it.text
	}
	return strings.Join(s, " ")
}
