//go:build linux

package ebpf

import (
	"errors"
	"fmt"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"golang.org/x/sys/unix"
)

// This file is the kernel side: loading eBPF programs into Linux with the
// verifier's log on rejection, attaching socket filters, and running
// programs with BPF_PROG_TEST_RUN. It needs CAP_BPF (and CAP_NET_ADMIN for
// TC and XDP), or root.

// LoadError is a program the kernel refused. Error gives the whole verifier
// log when the verifier refused the program; Unwrap gives the underlying
// error (a *cilium/ebpf.VerifierError, which wraps the errno), so that
// errors.Is(err, unix.EPERM) reports a missing privilege.
type LoadError struct {
	Type cebpf.ProgramType // the program type that was loaded
	Err  error             // what cilium/ebpf returned
}

// Error returns "ebpf: load TYPE program: ..." followed, for a verifier
// rejection, by every line of the verifier's log.
func (e *LoadError) Error() string {
	var ve *cebpf.VerifierError
	if errors.As(e.Err, &ve) {
		return fmt.Sprintf("ebpf: load %v program: %+v", e.Type, ve)
	}
	return fmt.Sprintf("ebpf: load %v program: %v", e.Type, e.Err)
}

// Unwrap returns the underlying error.
func (e *LoadError) Unwrap() error { return e.Err }

// LoadSocketFilter loads insns into the kernel as a
// BPF_PROG_TYPE_SOCKET_FILTER program, for AttachSocket. On rejection the
// error is a *LoadError carrying the verifier log. The caller closes the
// program.
func LoadSocketFilter(insns asm.Instructions) (*cebpf.Program, error) {
	return load(cebpf.SocketFilter, insns)
}

// LoadSchedCLS loads insns as a BPF_PROG_TYPE_SCHED_CLS (tc classifier)
// program. Besides being attachable with tc, a SchedCLS program run by
// BPF_PROG_TEST_RUN sees the packet from its link-layer header, so it is
// how the socket-filter translation is test-run with link-layer offsets
// (a socket filter test-run sees the packet from the network header).
func LoadSchedCLS(insns asm.Instructions) (*cebpf.Program, error) {
	return load(cebpf.SchedCLS, insns)
}

// LoadXDP loads insns as a BPF_PROG_TYPE_XDP program.
func LoadXDP(insns asm.Instructions) (*cebpf.Program, error) {
	return load(cebpf.XDP, insns)
}

// Load loads insns as a program of type typ (cebpf.SocketFilter,
// cebpf.SchedCLS, cebpf.XDP, ...; for a translated program, its target's
// translate.TargetInfo.ProgramType) with the name and license of opts, so
// that bpftool and the verifier's messages show the name. On rejection
// the error is a *LoadError carrying the verifier log. The caller closes
// the program.
func Load(typ cebpf.ProgramType, insns asm.Instructions, opts LoadOptions) (*cebpf.Program, error) {
	return loadSpec(ProgramSpec(typ, insns, opts))
}

func load(typ cebpf.ProgramType, insns asm.Instructions) (*cebpf.Program, error) {
	return loadSpec(ProgramSpec(typ, insns, LoadOptions{}))
}

func loadSpec(spec *cebpf.ProgramSpec) (*cebpf.Program, error) {
	typ := spec.Type
	if len(spec.Instructions) == 0 {
		return nil, &LoadError{Type: typ, Err: errors.New("no instructions")}
	}
	prog, err := cebpf.NewProgram(spec)
	if err != nil {
		return nil, &LoadError{Type: typ, Err: err}
	}
	return prog, nil
}

// AttachSocket attaches a loaded socket filter to the socket fd with
// SO_ATTACH_BPF, replacing any filter it had. Attach before binding a
// packet socket, so that no packet reaches it unfiltered.
func AttachSocket(fd int, prog *cebpf.Program) error {
	if prog == nil {
		return errors.New("ebpf: attach: nil program")
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ATTACH_BPF, prog.FD()); err != nil {
		return fmt.Errorf("ebpf: attach to socket %d (SO_ATTACH_BPF): %w", fd, err)
	}
	return nil
}

// DetachSocket removes the filter attached to the socket fd
// (SO_DETACH_BPF).
func DetachSocket(fd int) error {
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_DETACH_BPF, 0); err != nil {
		return fmt.Errorf("ebpf: detach from socket %d (SO_DETACH_BPF): %w", fd, err)
	}
	return nil
}

// TestRun runs prog once on pkt with BPF_PROG_TEST_RUN and returns its
// return value. The kernel wants at least 14 bytes (an Ethernet header)
// for socket, TC and XDP programs; it builds an sk_buff as if pkt arrived
// on the loopback device (eth_type_trans sets protocol and pkt_type), and
// gives socket filters the data from the network header on, SchedCLS
// programs the whole frame. The packet's length on the wire is len(pkt)
// (`len` and `greater` see that, not the length of a packet a capture
// cut short), and for the programs whose context is __sk_buff the kernel
// refuses a packet that does not fit in a page with its head- and
// tailroom (about 3.5 KB: EINVAL); XDP takes larger ones.
func TestRun(prog *cebpf.Program, pkt []byte) (uint32, error) {
	if prog == nil {
		return 0, errors.New("ebpf: test run: nil program")
	}
	ret, err := prog.Run(&cebpf.RunOptions{Data: pkt})
	if err != nil {
		return 0, fmt.Errorf("ebpf: test run of %d-byte packet: %w", len(pkt), err)
	}
	return ret, nil
}
