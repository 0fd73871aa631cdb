// Package capture opens live captures for gocap: an AF_PACKET socket per
// worker with a TPACKET_V3 ring read block by block, the
// filter compiled for the interface's link type attached in the kernel as
// eBPF (SO_ATTACH_BPF) or as classic BPF (SO_ATTACH_FILTER), and the
// packets handed out with the link-layer header libpcap would give them:
// Ethernet frames with their VLAN tag put back, or a Linux cooked header
// (LINUX_SLL or LINUX_SLL2) on the "any" device.
//
// It follows libpcap 1.10's Linux capture code (pcap-linux.c) for what a
// capture looks like: the same link types for the same interfaces, the
// same rewriting of a cooked-mode filter for the kernel (SLL header fields
// become ancillary loads), the same statistics. Two things are done
// differently, in the kernel instead of in user space: the -Q direction
// test and the suppression of the second copy of looped-back packets are
// a few classic instructions put in front of the filter, so those packets
// never reach the ring (and are not counted as received by the filter).
//
// Live capture needs Linux; on other systems Open returns ErrNotSupported.
package capture

import (
	"errors"
	"time"

	"github.com/gocap/gocap/cbpf"
	"golang.org/x/net/bpf"
)

// ErrNotSupported is returned by Open and Devices where there is no
// AF_PACKET.
var ErrNotSupported = errors.New("live capture needs Linux (AF_PACKET); read a file with -r FILE")

// Direction selects packets by the way they cross the interface (-Q).
type Direction int

// Directions, as tcpdump's -Q names them.
const (
	InOut Direction = iota // both (the default)
	In                     // received only
	Out                    // sent only
)

// Kernel filter kinds for Config.Kernel.
const (
	KernelEBPF = "ebpf" // translate the classic program to eBPF, attach with SO_ATTACH_BPF
	KernelCBPF = "cbpf" // attach the classic program with SO_ATTACH_FILTER
)

// AnyDevice is the pseudo-device that captures on every interface.
const AnyDevice = "any"

// Config says what to capture and how.
type Config struct {
	// Device is an interface name or AnyDevice.
	Device string
	// LinkType is the link type to capture with; 0 picks the device's
	// own (LINUX_SLL2 on "any", as tcpdump 4.99 does). On "any" only
	// LINUX_SLL and LINUX_SLL2 are possible; on an interface only its
	// own link type.
	LinkType cbpf.LinkType
	// Snaplen is the snapshot length; 0 means 262144.
	Snaplen uint32
	// Promisc puts the interface in promiscuous mode for the capture.
	Promisc bool
	// BufferSize is the size of each socket's ring in bytes; 0 means
	// libpcap's default of 2 MiB.
	BufferSize int
	// Immediate hands packets over as soon as they arrive (the ring's
	// blocks are retired after 1 ms instead of 1 s).
	Immediate bool
	// Direction limits the capture to received or sent packets.
	Direction Direction
	// Workers is the number of sockets sharing the capture with
	// PACKET_FANOUT (by flow hash); 0 or 1 means one socket. With
	// several, Run merges the sockets' packets back into time stamp
	// order, which holds each packet until no socket can deliver an
	// earlier one: by a few milliseconds, and at most about two block
	// timeouts plus 500 ms (see Handle.Run).
	Workers int
	// Tstamp is the time stamp source (-j). The adapter types turn on
	// the device's hardware time stamps; a type the device does not
	// offer is replaced by the host's clock, with a warning.
	Tstamp TstampType
	// Compile returns the classic program for the capture's link type
	// (with the Linux extensions, as libpcap compiles for a live
	// capture), or nil to keep every packet. It is called once the
	// link type is known.
	Compile func(lt cbpf.LinkType) ([]bpf.Instruction, error)
	// Kernel is KernelEBPF (default) or KernelCBPF.
	Kernel string
	// Warn receives warnings: why the eBPF filter was not used, or why
	// the filter runs in user space. Each string is one line; nil
	// discards them.
	Warn func(string)
	// VerifierLog makes the warning about a refused eBPF filter carry
	// the kernel verifier's whole log, a line per Warn call (gocap -v);
	// otherwise the warning is one line ending with the log's last
	// lines, which say why.
	VerifierLog bool
}

// Packet is one captured packet. Data is valid only until the callback it
// was passed to returns.
type Packet struct {
	Data    []byte // the captured bytes, from the link-layer header on
	Length  int    // the packet's length on the wire (with the header gocap built)
	Sec     int64  // when the kernel saw it: seconds since the epoch
	Nsec    uint32 // and nanoseconds
	Ifindex int    // the interface it crossed
}

// Time is when the kernel saw the packet.
func (p *Packet) Time() time.Time { return time.Unix(p.Sec, int64(p.Nsec)) }

// Stats are the capture's counters, as pcap_stats gives them on Linux.
type Stats struct {
	// Received counts the packets that passed the kernel filter,
	// including those dropped for lack of room in the ring.
	Received uint64
	// Dropped counts the packets the kernel dropped because the ring
	// was full.
	Dropped uint64
	// IfDropped counts the packets the interface dropped
	// (rx_missed_errors + rx_fifo_errors), in promiscuous mode only.
	IfDropped uint64
	// Unordered counts, in a capture with several workers, the packets
	// Run handed out stamped earlier than a packet it handed out before
	// them: those its merge had to let go before it could know them in
	// order (see Handle.Run). With one worker it stays 0.
	Unordered uint64
}

// ErrStop, returned by a Run callback, ends the capture without error.
var ErrStop = errors.New("capture: stop")

// ErrInterfaceGone ends a capture whose device was removed; the words are
// libpcap's.
var ErrInterfaceGone = errors.New("The interface disappeared")

// ReadError is a failure of the capture itself, as opposed to an error
// returned by Run's callback; tcpdump reports these as pcap_loop errors.
type ReadError struct {
	Err error
}

func (e *ReadError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *ReadError) Unwrap() error { return e.Err }

// DefaultSnaplen is libpcap's MAXIMUM_SNAPLEN, the snapshot length for 0.
const DefaultSnaplen = 262144

// defaultBufferSize is libpcap's default ring size.
const defaultBufferSize = 2 << 20
