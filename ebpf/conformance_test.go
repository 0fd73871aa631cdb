package ebpf

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gocap/gocap/ebpf/internal/asm"
)

// conformanceDir is the bpf_conformance corpus in ../shared, beside the
// checkout.
const conformanceDir = "../../shared/corpus/bpf_conformance"

// conformanceFiles lists the .data files of a corpus subdirectory, skipping
// the test when ../shared is absent and failing when the directory is empty.
func conformanceFiles(t *testing.T, sub string) []string {
	t.Helper()
	dir := filepath.Join(conformanceDir, sub)
	if _, err := os.Stat(conformanceDir); errors.Is(err, os.ErrNotExist) {
		t.Skipf("bpf_conformance corpus not found at %s (../shared is absent); skipping", conformanceDir)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.data"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no .data files in %s", dir)
	}
	sort.Strings(files)
	return files
}

// unwindHelper is helper 5 as uBPF's conformance plugin defines it (it
// returns its first argument); call_unwind_fail.data calls it.
func unwindHelper(r1, _, _, _, _ uint64) (uint64, error) { return r1, nil }

// TestConformance runs every test of the bpf_conformance corpus. All must
// pass except callx.data: `call %rN` (opcode 0x8d) is in the callx group,
// which RFC 9669 does not define, and the VM must refuse it.
func TestConformance(t *testing.T) {
	files := conformanceFiles(t, "tests")
	passed, refusedCallx := 0, 0
	for _, path := range files {
		name := filepath.Base(path)
		ok := t.Run(strings.TrimSuffix(name, ".data"), func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			df, err := asm.ParseDataFile(string(text))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if !df.HasResult {
				t.Fatal("test has no result section")
			}
			prog, err := df.Program()
			if err != nil {
				t.Fatalf("assemble: %v", err)
			}
			vm, err := NewVMFromBytes(prog, WithHelper(5, unwindHelper))
			if name == "callx.data" {
				if !errors.Is(err, ErrInvalidProgram) {
					t.Fatalf("callx (not an RFC 9669 group) should be refused, got %v", err)
				}
				refusedCallx++
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			mem := append([]byte(nil), df.Mem...)
			got, err := vm.Run(mem)
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			if got != df.Result {
				t.Fatalf("r0 = %#x, want %#x", got, df.Result)
			}
		})
		if ok && name != "callx.data" {
			passed++
		}
	}
	t.Logf("bpf_conformance tests/: %d of %d pass; callx refused as expected: %d", passed, len(files), refusedCallx)
}

// TestConformanceNegative checks that every program of negative/ is refused
// at some stage: the assembler (bad syntax), the validator (the 45 unused-*
// files, which must reach it as raw bytecode and be refused there), or the
// result check (incorrect_return_value_high_bits.data expects a wrong value
// on purpose).
func TestConformanceNegative(t *testing.T) {
	files := conformanceFiles(t, "negative")
	stages := map[string]int{}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".data"), func(t *testing.T) {
			stage := negativeStage(t, path)
			if strings.HasPrefix(name, "unused-") && stage != "validator" {
				t.Fatalf("refused by %s, want validator", stage)
			}
			stages[stage]++
		})
	}
	t.Logf("bpf_conformance negative/: %d files, refused by stage: %v", len(files), stages)
}

// negativeStage returns the stage that refuses the test at path, failing the
// test if none does.
func negativeStage(t *testing.T, path string) string {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	df, err := asm.ParseDataFile(string(text))
	if err != nil {
		return "parser"
	}
	prog, err := df.Program()
	if err != nil {
		if df.HasAsm && !df.HasRaw {
			return "assembler"
		}
		return "parser"
	}
	vm, err := NewVMFromBytes(prog, WithHelper(5, unwindHelper))
	if err != nil {
		if !errors.Is(err, ErrInvalidProgram) {
			t.Fatalf("refused with an error that does not wrap ErrInvalidProgram: %v", err)
		}
		return "validator"
	}
	got, err := vm.Run(append([]byte(nil), df.Mem...))
	if err != nil {
		return "run"
	}
	if df.HasResult && got != df.Result {
		return "result"
	}
	t.Fatalf("accepted: r0 = %#x", got)
	return ""
}
