//go:build !linux

package ebpf

import (
	"fmt"
	"runtime"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
)

// errNoKernel is what the kernel-side functions return off Linux.
var errNoKernel = fmt.Errorf("ebpf: loading programs into the kernel needs Linux, not %s", runtime.GOOS)

// LoadError is a program the kernel refused. Off Linux, nothing is loaded.
type LoadError struct {
	Type cebpf.ProgramType // the program type that was loaded
	Err  error             // the underlying error
}

// Error returns "ebpf: load TYPE program: ...".
func (e *LoadError) Error() string { return fmt.Sprintf("ebpf: load %v program: %v", e.Type, e.Err) }

// Unwrap returns the underlying error.
func (e *LoadError) Unwrap() error { return e.Err }

// Load fails: loading into the kernel needs Linux.
func Load(typ cebpf.ProgramType, _ asm.Instructions, _ LoadOptions) (*cebpf.Program, error) {
	return nil, &LoadError{Type: typ, Err: errNoKernel}
}

// LoadSocketFilter fails: loading into the kernel needs Linux.
func LoadSocketFilter(asm.Instructions) (*cebpf.Program, error) {
	return nil, &LoadError{Type: cebpf.SocketFilter, Err: errNoKernel}
}

// LoadSchedCLS fails: loading into the kernel needs Linux.
func LoadSchedCLS(asm.Instructions) (*cebpf.Program, error) {
	return nil, &LoadError{Type: cebpf.SchedCLS, Err: errNoKernel}
}

// LoadXDP fails: loading into the kernel needs Linux.
func LoadXDP(asm.Instructions) (*cebpf.Program, error) {
	return nil, &LoadError{Type: cebpf.XDP, Err: errNoKernel}
}

// AttachSocket fails: socket filters are Linux's.
func AttachSocket(int, *cebpf.Program) error { return errNoKernel }

// DetachSocket fails: socket filters are Linux's.
func DetachSocket(int) error { return errNoKernel }

// TestRun fails: BPF_PROG_TEST_RUN is Linux's.
func TestRun(*cebpf.Program, []byte) (uint32, error) { return 0, errNoKernel }
