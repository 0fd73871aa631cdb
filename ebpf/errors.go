package ebpf

import (
	"errors"
	"fmt"
)

// Sentinel errors. Errors returned by this package wrap one of them, so callers
// can test the kind of failure with errors.Is.
var (
	// ErrInvalidProgram is wrapped by every error that NewVM and
	// NewVMFromBytes return for a program the validator refuses.
	ErrInvalidProgram = errors.New("invalid program")
	// ErrMemoryAccess is wrapped by a RunError for a load, store or atomic
	// operation outside every memory region, or a store to a read-only one.
	ErrMemoryAccess = errors.New("invalid memory access")
	// ErrBudgetExhausted is wrapped by a RunError when a run executes more
	// instructions than the VM's budget (see WithBudget).
	ErrBudgetExhausted = errors.New("instruction budget exhausted")
	// ErrCallDepth is wrapped by a RunError when local calls nest deeper than
	// MaxCallDepth frames.
	ErrCallDepth = errors.New("call depth exceeded")
)

// ValidationError describes why the validator refused a program.
// Index is the 8-byte instruction slot at fault, or -1 when the error is about
// the program as a whole (for example an empty program).
type ValidationError struct {
	Index  int
	Raw    [8]byte // the slot's encoding, when Index >= 0
	Reason string
}

// Error implements error.
func (e *ValidationError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("ebpf: invalid program: %s", e.Reason)
	}
	return fmt.Sprintf("ebpf: invalid program: insn %d (% x): %s", e.Index, e.Raw[:], e.Reason)
}

// Unwrap returns ErrInvalidProgram.
func (e *ValidationError) Unwrap() error { return ErrInvalidProgram }

// RunError describes a run that ended abnormally. PC is the slot index of the
// instruction that failed.
type RunError struct {
	PC  int
	Err error
}

// Error implements error.
func (e *RunError) Error() string {
	return fmt.Sprintf("ebpf: insn %d: %v", e.PC, e.Err)
}

// Unwrap returns the underlying error, typically one of the package's
// sentinel errors or an error returned by a HelperFunc.
func (e *RunError) Unwrap() error { return e.Err }
