package ebpf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/cilium/ebpf/asm"
	ubpfasm "github.com/gocap/gocap/ebpf/internal/asm"
	"github.com/gocap/gocap/internal/bpfctx"
)

// addFuzzSeeds adds the hand-written programs and, when ../shared is
// present, every program of the bpf_conformance corpus.
func addFuzzSeeds(f *testing.F, add func(prog, mem []byte)) {
	for _, insns := range []asm.Instructions{tcpPort80Socket(), tcpPort80Direct(bpfctx.XDPData, bpfctx.XDPDataEnd), tcpPort80Direct(bpfctx.SKBData, bpfctx.SKBDataEnd)} {
		var buf bytes.Buffer
		if err := insns.Marshal(&buf, binary.LittleEndian); err != nil {
			f.Fatal(err)
		}
		add(buf.Bytes(), []byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x08\x00\x45\x00"))
	}
	files, _ := filepath.Glob(filepath.Join(conformanceDir, "*", "*.data"))
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		df, err := ubpfasm.ParseDataFile(string(text))
		if err != nil {
			continue
		}
		if prog, err := df.Program(); err == nil {
			add(prog, df.Mem)
		}
	}
}

// FuzzValidate checks that NewVMFromBytes, on any input, either refuses it
// with an ErrInvalidProgram error or returns a VM, never both, never
// neither, and never panics.
func FuzzValidate(f *testing.F) {
	addFuzzSeeds(f, func(prog, _ []byte) { f.Add(prog) })
	f.Fuzz(func(t *testing.T, prog []byte) {
		vm, err := NewVMFromBytes(prog, WithHelper(5, unwindHelper))
		if (vm == nil) == (err == nil) {
			t.Fatalf("vm = %v, err = %v: want exactly one", vm, err)
		}
		if err != nil && !errors.Is(err, ErrInvalidProgram) {
			t.Fatalf("refusal does not wrap ErrInvalidProgram: %v", err)
		}
		if vm != nil && vm.Len() != len(prog)/8 {
			t.Fatalf("Len = %d for %d bytes", vm.Len(), len(prog))
		}
	})
}

// FuzzRun runs any accepted program on any memory in all three calling
// conventions: no panic, no hang (a small budget), a RunError or a result,
// and the same outcome when run again (the stack is cleared between runs).
// Exec, the general interpreter, must give the same outcomes as the compact
// loops, those with an 8-bit index and those with a 16-bit one
// (checkSameAsExec).
func FuzzRun(f *testing.F) {
	addFuzzSeeds(f, func(prog, mem []byte) { f.Add(prog, mem) })
	f.Fuzz(func(t *testing.T, prog, mem []byte) {
		vm, err := NewVMFromBytes(prog, WithBudget(1<<14), WithHelper(5, unwindHelper))
		if err != nil {
			return
		}
		type outcome struct {
			r0  uint64
			err string
		}
		runAll := func() []outcome {
			var out []outcome
			record := func(r0 uint64, err error) {
				var re *RunError
				if err != nil && !errors.As(err, &re) {
					t.Fatalf("error is not a RunError: %v", err)
				}
				if err != nil && r0 != 0 {
					t.Fatalf("error %v with r0 = %#x", err, r0)
				}
				s := ""
				if err != nil {
					s = err.Error()
				}
				out = append(out, outcome{r0, s})
			}
			m := append([]byte(nil), mem...)
			record(vm.Run(m))
			v, err := vm.RunSocket(mem, &SKBuff{Len: uint32(len(mem)), Protocol: 0x800})
			record(uint64(v), err)
			m = append([]byte(nil), mem...)
			v, err = vm.RunXDP(m, nil)
			record(uint64(v), err)
			return out
		}
		first, second := runAll(), runAll()
		for i := range first {
			if first[i] != second[i] {
				t.Fatalf("run %d not repeatable: %+v then %+v", i, first[i], second[i])
			}
		}
		checkSameAsExec(t, "fuzz", vm, mem)
	})
}
