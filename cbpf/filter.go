package cbpf

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/gopacket/gopacket"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/parser"
)

// This file holds the entry points that cannot be half-configured:
// CompileFile for packets read from a capture file and CompileLive for a
// live capture. Each takes what its source knows as required arguments
// and fills in the rest the way tcpdump does; Compile and Options remain
// for callers who need every knob.

// Option adjusts a compilation made by CompileFile, CompileLive or
// translate.Compile. The defaults need no option.
type Option func(*Options)

// WithResolver makes the compilation resolve host, network, service,
// protocol and ethers names with r instead of parser.DefaultResolver().
func WithResolver(r parser.Resolver) Option {
	return func(o *Options) { o.Resolver = r }
}

// WithNetmask sets the IPv4 netmask of the capture network, which only
// "ip broadcast" uses. Without it the netmask is 0, as tcpdump passes it
// when it does not look the interface's up.
func WithNetmask(mask uint32) Option {
	return func(o *Options) { o.Netmask, o.NetmaskSet = mask, true }
}

// WithoutOptimizer turns the optimizer off, so that the program is the
// one libpcap prints for "tcpdump -O -d". The verdicts do not change.
func WithoutOptimizer() Option {
	return func(o *Options) { o.Optimize = false }
}

// Filter is a compiled filter together with what it was compiled for. Make
// one with CompileFile or CompileLive. It is safe for concurrent use.
// Matches and Run use their own copy of the program: changing Program
// does not change them.
type Filter struct {
	// Program is the classic BPF program, for SO_ATTACH_FILTER (see Raw),
	// translate, or Format.
	Program []bpf.Instruction
	// Options are the options the program was compiled with.
	Options Options

	vm *VM
}

// fileLinkTypeMask keeps the link type of a pcap header's link-type word,
// dropping the FCS-length bits above it.
const fileLinkTypeMask = 0x03ffffff

// CompileFile compiles expr for packets read from a capture file, as
// "tcpdump -r FILE EXPR" does (pcap_offline_filter):
//
//   - fileLinkType is the LINKTYPE_ value stored in the file: the pcap
//     header's link type or the pcapng interface description's, which is
//     what gopacket's pcapgo readers return from LinkType (pass
//     uint32(r.LinkType())). FCS-length bits above bit 25 are ignored.
//     It is converted with LinkTypeFromFile, so LINKTYPE_RAW (101) means
//     DLT_RAW.
//   - snaplen is the file's snapshot length (pcapgo's Reader.Snaplen, or
//     the interface's SnapLength in pcapng); 0 means DefaultSnaplen. It
//     is the verdict of a matching packet.
//   - order is the byte order the file was written in. For DLT_NULL
//     captures the filter checks the address family in both byte orders,
//     as libpcap does for savefiles; order only says which is tested
//     first, so nil (unknown, as with pcapgo) gives the same verdicts.
//
// The optimizer is on and the netmask is 0, as in tcpdump; opts change
// that. Errors are *parser.Error values.
func CompileFile(expr string, fileLinkType, snaplen uint32, order binary.ByteOrder, opts ...Option) (*Filter, error) {
	o := Options{
		LinkType:   LinkTypeFromFile(fileLinkType & fileLinkTypeMask),
		Snaplen:    snaplen,
		NetmaskSet: true,
		Offline:    true,
		Swapped:    order != nil && order.Uint16([]byte{1, 0}) != binary.NativeEndian.Uint16([]byte{1, 0}),
		Optimize:   true,
	}
	return newFilter(expr, o, opts)
}

// ErrNoLinkType is returned by CompileLive and translate.Compile for link
// type 0 (DLT_NULL): Linux never captures live with it, so it is almost
// certainly an unset value. Loopback on Linux is LinkEN10MB. A filter for
// a DLT_NULL capture file is CompileFile's.
var ErrNoLinkType = errors.New("cbpf: link type 0 (DLT_NULL) is not a live link type on Linux; set the link type (loopback is EN10MB), or use CompileFile for a DLT_NULL capture file")

// CompileLive compiles expr for a live capture on Linux with link type lt
// and snapshot length snaplen (0 means DefaultSnaplen), as tcpdump does
// for "tcpdump -i IFACE EXPR": the optimizer is on, the netmask is 0 and
// the Linux extensions are used, so that "vlan" also matches tags the
// kernel took out of the packet. Give the Program to SO_ATTACH_FILTER
// (Raw) or translate it; a program with protochain's loop (a backward
// jump) is refused by the kernel's classic checks, as libpcap's is, and
// runs in the kernel only translated (package translate). lt must not be
// 0 (DLT_NULL): that is ErrNoLinkType. Other errors are *parser.Error
// values.
func CompileLive(expr string, lt LinkType, snaplen uint32, opts ...Option) (*Filter, error) {
	if lt == LinkNull {
		return nil, ErrNoLinkType
	}
	o := Options{
		LinkType:   lt,
		Snaplen:    snaplen,
		NetmaskSet: true,
		LinuxExt:   true,
		Optimize:   true,
	}
	return newFilter(expr, o, opts)
}

func newFilter(expr string, o Options, opts []Option) (*Filter, error) {
	for _, opt := range opts {
		opt(&o)
	}
	prog, err := Compile(expr, o)
	if err != nil {
		return nil, err
	}
	// libpcap's interpreter semantics: this is what pcap_offline_filter
	// runs, and it accepts protochain's backward jumps.
	vm, err := NewVMLibpcap(prog)
	if err != nil {
		return nil, fmt.Errorf("cbpf: compiled program refused by the interpreter: %w", err)
	}
	return &Filter{Program: prog, Options: o, vm: vm}, nil
}

// Matches reports whether the filter accepts the packet data, captured
// with ci (what gopacket's packet sources return, for example
// pcapgo.Reader.ReadPacketData): it runs the program as libpcap's
// pcap_offline_filter does, with ci.Length as the length on the wire (0
// means len(data)). It is the equivalent of gopacket's pcap.BPF.Matches.
// For a filter from CompileLive the Linux extensions read zero ancillary
// data (no VLAN tag offloaded, interface 0, ...); use Run with an
// Ancillary to give them.
func (f *Filter) Matches(ci gopacket.CaptureInfo, data []byte) bool {
	wire := ci.Length
	if wire <= 0 {
		wire = len(data)
	}
	return f.vm.Run(data, uint32(wire), nil) != 0
}

// Run runs the program on one packet as VM.Run does and returns its
// verdict: the number of bytes to keep, 0 to drop.
func (f *Filter) Run(pkt []byte, wireLen uint32, anc *Ancillary) uint32 {
	return f.vm.Run(pkt, wireLen, anc)
}
