package main

import (
	"errors"
	"fmt"
	"io"
	"syscall"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/ebpf"
)

// verify is --verify: it loads the program for its target, which runs the
// kernel's verifier, and reports the verdict. A rejection prints the
// verifier's log to stderr and fails.
func verify(cfg config, p *program, stdout, stderr io.Writer) error {
	info := p.tgt.Info()
	prog, err := ebpf.Load(info.ProgramType, p.ebpf, ebpf.LoadOptions{})
	if err != nil {
		// A verifier rejection comes with the log (its errno is
		// usually EACCES); a missing privilege is EPERM.
		var ve *cebpf.VerifierError
		if errors.As(err, &ve) && len(ve.Log) > 0 {
			fmt.Fprintf(stderr, "filterc: kernel verifier: rejected the %s program (%s):\n", info.Name, info.KernelType)
			for _, line := range ve.Log {
				fmt.Fprintf(stderr, "  %s\n", line)
			}
			return &reportedError{"verifier rejected the program"}
		}
		if errors.Is(err, syscall.EPERM) {
			return fmt.Errorf("--verify: the kernel does not allow this process to load BPF programs (run as root, or with CAP_BPF and CAP_NET_ADMIN): %v", err)
		}
		return fmt.Errorf("--verify: %w", err)
	}
	defer prog.Close()
	var slots int
	for _, ins := range p.ebpf {
		slots += int(ins.Size() / asm.InstructionSize)
	}
	line := fmt.Sprintf("kernel verifier: accepted the %s program (%s): %d instructions", info.Name, info.KernelType, slots)
	if pi, err := prog.Info(); err == nil {
		if processed, ok := pi.VerifiedInstructions(); ok {
			line += fmt.Sprintf(", %d processed by the verifier", processed)
		}
	}
	_, err = fmt.Fprintln(stdout, line)
	return err
}
