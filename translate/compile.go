package translate

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// Compile compiles a pcap-filter(7) expression for link type lt and
// translates it for a kernel hook, in one call: target is Socket (the
// result is SocketFilter's, returning the snapshot length
// cbpf.DefaultSnaplen for a match), TC or XDP (Direct's). The optimizer is
// on; the Linux extensions are used for the targets whose context is
// __sk_buff (Socket and TC), which carries offloaded VLAN tags, and not
// for XDP, which sees tags in the packet. Without them, `ifindex`,
// `inbound` and `outbound` are refused for XDP as libpcap refuses them for
// a capture that is not live; compile with cbpf.Compile (Options.LinuxExt
// set) and translate with Direct(prog, XDP) to get them from xdp_md. lt
// must not be 0 (DLT_NULL), which no Linux hook sees: that is
// cbpf.ErrNoLinkType (a filter for a DLT_NULL capture file is
// cbpf.CompileFile's, which ForTarget can translate). Compile errors are
// *parser.Error values, translation errors *Error values.
func Compile(expr string, lt cbpf.LinkType, target Target, opts ...cbpf.Option) (asm.Instructions, error) {
	if !target.Valid() {
		return nil, &Error{PC: -1, Err: fmt.Errorf("unknown target %v", target)}
	}
	if lt == cbpf.LinkNull {
		return nil, cbpf.ErrNoLinkType
	}
	o := cbpf.Options{
		LinkType:   lt,
		NetmaskSet: true,
		LinuxExt:   target.Info().Context == ContextSKBuff,
		Optimize:   true,
	}
	for _, opt := range opts {
		opt(&o)
	}
	prog, err := cbpf.Compile(expr, o)
	if err != nil {
		return nil, err
	}
	return ForTarget(prog, target)
}

// ForTarget translates a classic BPF program for target: with SocketFilter
// for Socket, with Direct for TC and XDP.
func ForTarget(prog []bpf.Instruction, target Target) (asm.Instructions, error) {
	if target == Socket {
		return SocketFilter(prog)
	}
	return Direct(prog, target)
}
