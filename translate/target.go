package translate

import (
	"fmt"

	cebpf "github.com/cilium/ebpf"

	"github.com/gocap/gocap/internal/bpfctx"
)

// This file is the one description of the eBPF targets: each target's
// names, how it is loaded, what its programs return and what their context
// is. The translator, filterc and the package's users read it here; the
// ebpf package, which must not import translate, takes the section and
// program type from it as arguments (ELFProgram.Section, Load's type).

// Target is a kind of eBPF program the translator produces, for one kernel
// hook. The zero value is invalid. Info describes each.
type Target int

const (
	// TC is a BPF_PROG_TYPE_SCHED_CLS program for a tc clsact hook in
	// direct-action mode, from Direct. It returns TC_ACT_OK (0) for
	// packets the classic filter accepts and TC_ACT_SHOT (2) for the
	// others.
	TC Target = iota + 1
	// XDP is a BPF_PROG_TYPE_XDP program, from Direct. It returns
	// XDP_PASS (2) for packets the classic filter accepts and XDP_DROP
	// (1) for the others.
	XDP
	// Socket is a BPF_PROG_TYPE_SOCKET_FILTER program, the one
	// SocketFilter produces, returning the number of bytes to keep.
	// Direct refuses it: Direct is for programs that read the packet
	// through data and data_end.
	Socket
)

// Return codes of the direct targets (include/uapi/linux/pkt_cls.h and
// include/uapi/linux/bpf.h).
const (
	TCActOK   = 0 // TC_ACT_OK: TC's verdict for an accepted packet
	TCActShot = 2 // TC_ACT_SHOT: TC's verdict for a rejected packet
	XDPDrop   = 1 // XDP_DROP: XDP's verdict for a rejected packet
	XDPPass   = 2 // XDP_PASS: XDP's verdict for an accepted packet
)

// TargetInfo describes a target: everything the translator, the loaders
// and the tools need to know about it.
type TargetInfo struct {
	// Name is the target's name in lower case, as filterc's --target
	// spells it: "socket", "tc" or "xdp".
	Name string
	// Section is the ELF section to put the program in
	// (ebpf.ELFProgram.Section); loaders (libbpf, cilium/ebpf, iproute2)
	// take the program type from it.
	Section string
	// ProgramType is the program type to load the program as, with
	// cilium/ebpf or the ebpf package's Load.
	ProgramType cebpf.ProgramType
	// KernelType is the kernel's name of ProgramType:
	// "BPF_PROG_TYPE_SOCKET_FILTER".
	KernelType string
	// TestRunAs is the target whose program type BPF_PROG_TEST_RUN runs
	// the program as, so that it sees the packet from its link-layer
	// header as it does when attached: the target itself, except for
	// Socket, whose test runs see the packet from the network header and
	// which is test-run as TC.
	TestRunAs Target
	// KeepsBytes says the program returns the number of bytes of the
	// packet to keep, 0 to drop it, as a socket filter does; Pass is
	// then unused and Drop is 0.
	KeepsBytes bool
	// Pass and Drop are the return codes for packets the filter accepts
	// and rejects.
	Pass, Drop ReturnCode
	// Context is the layout of the context the program gets in R1.
	Context Context
}

// ReturnCode is a program's return value with its name in the kernel's
// headers.
type ReturnCode struct {
	Name  string // "TC_ACT_OK", "XDP_DROP", ...; "" for a socket filter's
	Value uint32
}

// Context is the layout of a program's context: the structure R1 points to
// when the program starts, and where in it the packet's bounds and length
// are.
type Context struct {
	// Struct is the C structure: "__sk_buff" or "xdp_md".
	Struct string
	// Data and DataEnd are the offsets of the 32-bit fields whose loads
	// give pointers to the packet's first byte and just past its last.
	Data, DataEnd int16
	// Len is the offset of the 32-bit length of the packet on the wire,
	// or -1 when the structure has none (xdp_md: bpf_xdp_get_buff_len
	// gives the frame's length).
	Len int16
}

// The contexts of the targets.
var (
	// ContextSKBuff is struct __sk_buff, which socket filters and tc
	// programs get. It also carries the packet's offloaded VLAN tag.
	ContextSKBuff = Context{Struct: "__sk_buff", Data: bpfctx.SKBData, DataEnd: bpfctx.SKBDataEnd, Len: bpfctx.SKBLen}
	// ContextXDPMD is struct xdp_md, which XDP programs get.
	ContextXDPMD = Context{Struct: "xdp_md", Data: bpfctx.XDPData, DataEnd: bpfctx.XDPDataEnd, Len: -1}
)

// targets is the table behind Info, in the order Targets lists them.
var targets = []struct {
	t    Target
	str  string // String's name
	info TargetInfo
}{
	{Socket, "Socket", TargetInfo{
		Name:        "socket",
		Section:     "socket",
		ProgramType: cebpf.SocketFilter,
		KernelType:  "BPF_PROG_TYPE_SOCKET_FILTER",
		TestRunAs:   TC,
		KeepsBytes:  true,
		Context:     ContextSKBuff,
	}},
	{TC, "TC", TargetInfo{
		Name:        "tc",
		Section:     "tc",
		ProgramType: cebpf.SchedCLS,
		KernelType:  "BPF_PROG_TYPE_SCHED_CLS",
		TestRunAs:   TC,
		Pass:        ReturnCode{"TC_ACT_OK", TCActOK},
		Drop:        ReturnCode{"TC_ACT_SHOT", TCActShot},
		Context:     ContextSKBuff,
	}},
	{XDP, "XDP", TargetInfo{
		Name:        "xdp",
		Section:     "xdp",
		ProgramType: cebpf.XDP,
		KernelType:  "BPF_PROG_TYPE_XDP",
		TestRunAs:   XDP,
		Pass:        ReturnCode{"XDP_PASS", XDPPass},
		Drop:        ReturnCode{"XDP_DROP", XDPDrop},
		Context:     ContextXDPMD,
	}},
}

// Targets returns the valid targets: Socket, TC and XDP.
func Targets() []Target {
	ts := make([]Target, len(targets))
	for i, e := range targets {
		ts[i] = e.t
	}
	return ts
}

// TargetNamed returns the target whose Info().Name is name; ok is false
// if there is none.
func TargetNamed(name string) (t Target, ok bool) {
	for _, e := range targets {
		if e.info.Name == name {
			return e.t, true
		}
	}
	return 0, false
}

// Valid reports whether t is one of the targets.
func (t Target) Valid() bool {
	_, ok := t.lookup()
	return ok
}

// Info describes t. It is the zero TargetInfo for an invalid target.
func (t Target) Info() TargetInfo {
	if i, ok := t.lookup(); ok {
		return targets[i].info
	}
	return TargetInfo{}
}

func (t Target) lookup() (int, bool) {
	for i, e := range targets {
		if e.t == t {
			return i, true
		}
	}
	return 0, false
}

// String returns "TC", "XDP", "Socket" or "Target(n)".
func (t Target) String() string {
	if i, ok := t.lookup(); ok {
		return targets[i].str
	}
	return fmt.Sprintf("Target(%d)", int(t))
}

// Keeps reports whether the return value v of t's program keeps the
// packet: v is the pass code, or for Socket any number of bytes but 0.
func (t Target) Keeps(v uint32) bool {
	info := t.Info()
	if info.KeepsBytes {
		return v != 0
	}
	return info.Name != "" && v == info.Pass.Value
}
