// Command bpfvm runs eBPF bytecode in gocap's in-process VM (package ebpf)
// and speaks the bpf_conformance plugin protocol:
//
//	bpfvm [flags] [MEMHEX]
//
// The program is read from standard input as hex bytes separated by white
// space (8 bytes per instruction, little-endian fields, as RFC 9669 encodes
// them). MEMHEX, one argument, holds the input memory in the same form. The
// program runs with r1 pointing to a writable copy of the memory and r2 holding
// its length; on a normal exit bpfvm prints r0 in hex (0x...) and exits 0.
//
// When the validator refuses the program, or the run faults (a wild memory
// access, the instruction budget spent, calls nested too deeply), bpfvm writes
// a message to standard error and exits 1; usage errors exit 2.
//
// Helper 5 is available and returns its first argument, as in uBPF's
// conformance plugin; calls to any other helper are refused. ELF input
// (--elf) is not supported.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/gocap/gocap/ebpf"
	"github.com/spf13/pflag"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: bpfvm [--budget N] [MEMHEX] < PROGRAM_HEX

Runs eBPF bytecode (hex bytes on standard input) with MEMHEX as its memory
and prints r0 in hex.
`

// run is the whole command, for tests: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("bpfvm", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	budget := fs.Uint64("budget", ebpf.DefaultBudget, "most instructions one run may execute")
	elf := fs.Bool("elf", false, "program is an ELF object (not supported)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *elf {
		fmt.Fprintln(stderr, "bpfvm: ELF input is not supported")
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "bpfvm: want at most one memory argument, got %d\n", fs.NArg())
		fs.Usage()
		return 2
	}
	var mem []byte
	if fs.NArg() == 1 {
		var err error
		if mem, err = parseHex(fs.Arg(0)); err != nil {
			fmt.Fprintf(stderr, "bpfvm: memory: %v\n", err)
			return 2
		}
	}
	text, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintf(stderr, "bpfvm: reading program: %v\n", err)
		return 1
	}
	prog, err := parseHex(string(text))
	if err != nil {
		fmt.Fprintf(stderr, "bpfvm: program: %v\n", err)
		return 1
	}
	vm, err := ebpf.NewVMFromBytes(prog, ebpf.WithBudget(*budget), ebpf.WithHelper(5, unwind))
	if err != nil {
		fmt.Fprintf(stderr, "bpfvm: %v\n", err)
		return 1
	}
	r0, err := vm.Run(mem)
	if err != nil {
		fmt.Fprintf(stderr, "bpfvm: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%#x\n", r0)
	return 0
}

// unwind is helper 5 of uBPF's conformance plugin: it returns its argument.
func unwind(r1, _, _, _, _ uint64) (uint64, error) { return r1, nil }

// parseHex reads hex bytes separated by white space; an optional 0x prefix
// on each byte is accepted.
func parseHex(s string) ([]byte, error) {
	var out []byte
	for i, tok := range strings.Fields(s) {
		t := strings.TrimPrefix(strings.TrimPrefix(tok, "0x"), "0X")
		v, err := strconv.ParseUint(t, 16, 8)
		if err != nil || len(t) > 2 {
			return nil, fmt.Errorf("token %d: %q is not a hex byte", i+1, tok)
		}
		out = append(out, byte(v))
	}
	return out, nil
}
