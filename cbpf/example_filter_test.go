package cbpf_test

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/parser"
)

// loopbackCapture returns a pcap file of DLT_NULL (BSD loopback) packets:
// one IPv6 packet (address family 30, as macOS writes it) and one IPv4
// packet.
func loopbackCapture() []byte {
	var file bytes.Buffer
	w := pcapgo.NewWriter(&file)
	if err := w.WriteFileHeader(65535, layers.LinkTypeNull); err != nil {
		panic(err)
	}
	v6 := append([]byte{30, 0, 0, 0}, make([]byte, 40)...) // AF_INET6, IPv6 header
	v6[4] = 0x60
	v4 := append([]byte{2, 0, 0, 0}, make([]byte, 20)...) // AF_INET, IPv4 header
	v4[4] = 0x45
	for _, pkt := range [][]byte{v6, v4} {
		ci := gopacket.CaptureInfo{Timestamp: time.Unix(0, 0), CaptureLength: len(pkt), Length: len(pkt)}
		if err := w.WritePacket(ci, pkt); err != nil {
			panic(err)
		}
	}
	return file.Bytes()
}

// Filter a capture file read with gopacket's pcapgo: CompileFile takes the
// link type and snapshot length the reader gives, and Matches takes what
// ReadPacketData returns, as pcap.BPF.Matches does.
func ExampleCompileFile() {
	r, err := pcapgo.NewReader(bytes.NewReader(loopbackCapture()))
	if err != nil {
		fmt.Println(err)
		return
	}
	// pcapgo does not tell the file's byte order; nil gives the same
	// verdicts (the order only decides which DLT_NULL test comes first).
	filter, err := cbpf.CompileFile("ip6", uint32(r.LinkType()), r.Snaplen(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	n, matched := 0, 0
	for {
		data, ci, err := r.ReadPacketData()
		if err != nil {
			break // io.EOF at the end
		}
		n++
		if filter.Matches(ci, data) {
			matched++
		}
	}
	fmt.Printf("%d of %d packets are IPv6 (link type %v)\n", matched, n, filter.Options.LinkType)
	// Output:
	// 1 of 2 packets are IPv6 (link type NULL)
}

// A filter for a live capture: the program goes to SO_ATTACH_FILTER (here
// as the raw instructions) or to package translate for eBPF.
func ExampleCompileLive() {
	filter, err := cbpf.CompileLive("udp port 53", cbpf.LinkEN10MB, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	raw, err := cbpf.Raw(filter.Program) // for unix.SockFprog
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(raw) > 0, filter.Options.Optimize, filter.Options.LinuxExt)

	// Link type 0 is DLT_NULL, which Linux never captures live with: an
	// unset link type is an error, not a filter for BSD loopback.
	var lt cbpf.LinkType
	_, err = cbpf.CompileLive("udp port 53", lt, 0)
	fmt.Println(errors.Is(err, cbpf.ErrNoLinkType))
	// Output:
	// true true true
	// true
}

// Matches runs the filter as pcap_offline_filter does, with the packet's
// length on the wire from the CaptureInfo.
func ExampleFilter_Matches() {
	filter, err := cbpf.CompileFile("greater 1000", uint32(layers.LinkTypeEthernet), 96, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	data := make([]byte, 96) // the first 96 bytes of a 1500-byte frame
	fmt.Println(filter.Matches(gopacket.CaptureInfo{CaptureLength: 96, Length: 1500}, data))
	fmt.Println(filter.Matches(gopacket.CaptureInfo{CaptureLength: 96, Length: 96}, data))
	// Output:
	// true
	// false
}

// Raw gives the instructions in the form SO_ATTACH_FILTER (unix.SockFilter)
// and gopacket's TPacket.SetBPF take: op, jt, jf, k.
func ExampleRaw() {
	prog, err := cbpf.Compile("arp", cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	raw, err := cbpf.Raw(prog)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ri := range raw {
		fmt.Printf("{ 0x%x, %d, %d, 0x%08x },\n", ri.Op, ri.Jt, ri.Jf, ri.K)
	}
	// Output:
	// { 0x28, 0, 0, 0x0000000c },
	// { 0x15, 0, 1, 0x00000806 },
	// { 0x6, 0, 0, 0x00040000 },
	// { 0x6, 0, 0, 0x00000000 },
}

// The classic VM runs what x/net/bpf's VM refuses, such as ancillary
// loads, with Linux's semantics; a program it refuses gives a *VMError
// naming the instruction.
func ExampleNewVM() {
	prog, err := cbpf.Compile("vlan", cbpf.Options{LinkType: cbpf.LinkEN10MB, LinuxExt: true, Optimize: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	vm, err := cbpf.NewVM(prog)
	if err != nil {
		fmt.Println(err)
		return
	}
	pkt := make([]byte, 60)
	fmt.Println(vm.Run(pkt, 60, &cbpf.Ancillary{VLANPresent: true}) != 0, vm.Run(pkt, 60, nil) != 0)

	_, err = cbpf.NewVM([]bpf.Instruction{bpf.LoadAbsolute{Off: 12, Size: 2}, bpf.ALUOpConstant{Op: bpf.ALUOpDiv, Val: 0}, bpf.RetA{}})
	var verr *cbpf.VMError
	if errors.As(err, &verr) {
		fmt.Println(verr.PC, verr.Msg)
	}
	// Output:
	// true false
	// 1 division by constant zero
}

// Errors say what kind of problem they are: text to correct, a primitive
// the link type lacks, or a filter that matches nothing.
func ExampleCompileFile_errorKinds() {
	for _, expr := range []string{"tcp port", "vlan 10", "ip and not ip"} {
		_, err := cbpf.CompileFile(expr, uint32(layers.LinkTypeRaw), 0, nil)
		var perr *parser.Error
		if errors.As(err, &perr) {
			fmt.Printf("%s: %v\n", perr.Kind, perr)
		}
	}
	// Output:
	// syntax: filter:1:9: can't parse filter expression: syntax error: unexpected end of expression
	// link type: filter:1:1: 'vlan' not supported on DLT_RAW
	// rejects all packets: expression rejects all packets
}
