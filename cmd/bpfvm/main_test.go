package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func runBPFVM(args []string, stdin string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		prog    string
		code    int
		out     string
		errText string
	}{
		// mov r0, 0x2a; exit
		{"constant", nil, "b7 00 00 00 2a 00 00 00 95 00 00 00 00 00 00 00", 0, "0x2a\n", ""},
		// ldxw r0, [r1+1]; exit
		{"memory", []string{"aa 11 22 33 44"}, "61 10 01 00 00 00 00 00 95 00 00 00 00 00 00 00", 0, "0x44332211\n", ""},
		// mov r0, r2 (the memory length); exit
		{"length", []string{"00 01 02"}, "bf 20 00 00 00 00 00 00 95 00 00 00 00 00 00 00", 0, "0x3\n", ""},
		// mov r1, 7; call 5; exit
		{"helper 5", nil, "b7 01 00 00 07 00 00 00 85 00 00 00 05 00 00 00 95 00 00 00 00 00 00 00", 0, "0x7\n", ""},
		{"refused", nil, "95 01 00 00 00 00 00 00", 1, "", "invalid program"},
		{"unknown helper", nil, "85 00 00 00 06 00 00 00 95 00 00 00 00 00 00 00", 1, "", "unknown helper 6"},
		// ldxw r0, [r1+8] with 4 bytes of memory
		{"fault", []string{"00 00 00 00"}, "61 10 08 00 00 00 00 00 95 00 00 00 00 00 00 00", 1, "", "invalid memory access"},
		// ja -1
		{"budget", []string{"--budget", "100"}, "05 00 ff ff 00 00 00 00 95 00 00 00 00 00 00 00", 1, "", "budget exhausted"},
		{"empty", nil, "", 1, "", "empty program"},
		{"bad program hex", nil, "zz", 1, "", "not a hex byte"},
		{"bad memory hex", []string{"123"}, "95 00 00 00 00 00 00 00", 2, "", "not a hex byte"},
		{"elf", []string{"--elf"}, "", 2, "", "ELF"},
		{"two memories", []string{"00", "01"}, "", 2, "", "at most one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errText := runBPFVM(tc.args, tc.prog)
			if code != tc.code || out != tc.out || !strings.Contains(errText, tc.errText) || (tc.errText == "" && errText != "") {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d, stdout %q, stderr containing %q",
					code, out, errText, tc.code, tc.out, tc.errText)
			}
		})
	}
}

// TestConformanceRaw drives run with the corpus files that carry raw
// bytecode (the rest need an assembler, and are covered by package ebpf's
// conformance test): lddw.data must print its result, and every
// negative/unused-*.data program must be refused.
func TestConformanceRaw(t *testing.T) {
	const dir = "../../../shared/corpus/bpf_conformance"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("bpf_conformance corpus not found at %s (../shared is absent); skipping", dir)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.data"))
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		prog, mem, result, hasResult, ok := rawSections(t, string(text))
		if !ok {
			continue
		}
		ran++
		args := []string{mem}
		code, out, errText := runBPFVM(args, prog)
		name := filepath.Base(path)
		if strings.HasPrefix(name, "unused-") {
			if code != 1 || !strings.Contains(errText, "invalid program") {
				t.Errorf("%s: exit %d, stdout %q, stderr %q; want refusal", name, code, out, errText)
			}
			continue
		}
		if !hasResult || code != 0 || out != fmt.Sprintf("%#x\n", result) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %#x", name, code, out, errText, result)
		}
	}
	if ran < 46 {
		t.Fatalf("ran %d raw-bytecode corpus files, want at least 46 (lddw + 45 unused-*)", ran)
	}
	t.Logf("%d raw-bytecode corpus files run through the plugin protocol", ran)
}

// rawSections extracts from a .data file its raw section (as the hex bytes
// bpfvm reads), its memory and its result; ok is false without a raw section.
func rawSections(t *testing.T, text string) (prog, mem string, result uint64, hasResult, ok bool) {
	var progBytes []string
	var memBytes []string
	section := ""
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "--") {
			section = strings.TrimSpace(line[2:])
			if section == "raw" {
				ok = true
			}
			continue
		}
		if line == "" {
			continue
		}
		switch section {
		case "raw":
			f := strings.Fields(line)
			if len(f) == 1 && strings.HasPrefix(f[0], "0x") { // one 64-bit word
				v, err := strconv.ParseUint(f[0][2:], 16, 64)
				if err != nil {
					t.Fatalf("bad raw word %q", f[0])
				}
				for _, b := range binary.LittleEndian.AppendUint64(nil, v) {
					progBytes = append(progBytes, fmt.Sprintf("%02x", b))
				}
			} else {
				progBytes = append(progBytes, f...)
			}
		case "mem":
			memBytes = append(memBytes, strings.Fields(line)...)
		case "result":
			v, err := strconv.ParseUint(strings.TrimPrefix(line, "0x"), 16, 64)
			if err != nil {
				t.Fatalf("bad result %q", line)
			}
			result, hasResult = v, true
		}
	}
	return strings.Join(progBytes, " "), strings.Join(memBytes, " "), result, hasResult, ok
}
