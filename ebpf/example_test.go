package ebpf_test

import (
	"bytes"
	"fmt"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// A socket filter that keeps IPv4 packets whole and drops everything else,
// reading the EtherType with a legacy absolute load.
func ExampleNewVM() {
	vm, err := ebpf.NewVM(asm.Instructions{
		asm.Mov.Reg(asm.R6, asm.R1), // legacy loads read the context in r6
		asm.LoadAbs(12, asm.Half),   // r0 = EtherType, host order
		asm.JNE.Imm(asm.R0, 0x0800, "drop"),
		asm.LoadMem(asm.R0, asm.R6, 0, asm.Word), // r0 = __sk_buff.len (LD_ABS clobbered r1)
		asm.Return(),
		asm.Mov.Imm(asm.R0, 0).WithSymbol("drop"),
		asm.Return(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	ipv4 := make([]byte, 34)
	ipv4[12], ipv4[13] = 0x08, 0x00
	arp := make([]byte, 42)
	arp[12], arp[13] = 0x08, 0x06

	for _, pkt := range [][]byte{ipv4, arp, ipv4[:13]} {
		keep, err := vm.RunSocket(pkt, &ebpf.SKBuff{Len: uint32(len(pkt))})
		fmt.Println(keep, err)
	}
	// Output:
	// 34 <nil>
	// 0 <nil>
	// 0 <nil>
}

// Run a compiled filter in-process: compile the expression (package cbpf),
// translate it to an eBPF socket filter (package translate) and run it on
// packets as the kernel would run it on a packet socket. The verdict is the
// number of bytes to keep, 0 to drop.
func ExampleVM_RunSocket() {
	prog, err := cbpf.Compile("tcp dst port 80", cbpf.Options{LinkType: cbpf.LinkEN10MB, Snaplen: 96, Optimize: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	insns, err := translate.SocketFilter(prog)
	if err != nil {
		fmt.Println(err)
		return
	}
	vm, err := ebpf.NewVM(insns)
	if err != nil {
		fmt.Println(err)
		return
	}

	web := make([]byte, 54) // Ethernet, IPv4 (20-byte header), TCP to port 80
	web[12], web[13] = 0x08, 0x00
	web[14], web[23], web[37] = 0x45, 6, 80
	ssh := bytes.Clone(web)
	ssh[37] = 22

	for _, pkt := range [][]byte{web, ssh, web[:30]} {
		keep, err := vm.RunSocket(pkt, &ebpf.SKBuff{Len: uint32(len(pkt))})
		fmt.Println(keep, err)
	}
	// Output:
	// 96 <nil>
	// 0 <nil>
	// 0 <nil>
}

// Write the translated program as an eBPF object file, the form bpftool,
// libbpf-based loaders, ip/tc and cilium/ebpf load. Reading it back with
// cilium/ebpf shows what a loader sees.
func ExampleWriteELF() {
	prog, err := cbpf.Compile("udp port 53", cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	insns, err := translate.Direct(prog, translate.XDP)
	if err != nil {
		fmt.Println(err)
		return
	}
	var obj bytes.Buffer
	err = ebpf.WriteELF(&obj, ebpf.ELFObject{
		Programs: []ebpf.ELFProgram{{Section: "xdp", Name: "dns_only", Instructions: insns}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	spec, err := cebpf.LoadCollectionSpecFromReader(bytes.NewReader(obj.Bytes()))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := spec.Programs["dns_only"]
	fmt.Println(p.Name, p.Type, p.SectionName, p.License, len(p.Instructions) == len(insns))
	// Output:
	// dns_only XDP xdp Dual BSD/GPL true
}

// Run a compiled filter over many packets in one call: RunSocketBatch
// gives the verdicts RunSocket would, each packet's __sk_buff.len being its
// Len (the length on the wire; 0 means len(Data)).
func ExampleVM_RunSocketBatch() {
	insns, err := translate.Compile("udp port 53", cbpf.LinkEN10MB, translate.Socket)
	if err != nil {
		fmt.Println(err)
		return
	}
	vm, err := ebpf.NewVM(insns)
	if err != nil {
		fmt.Println(err)
		return
	}
	dns := make([]byte, 42) // Ethernet, IPv4, UDP to port 53
	dns[12], dns[13] = 0x08, 0x00
	dns[14], dns[23], dns[36], dns[37] = 0x45, 17, 0, 53
	tcp := bytes.Clone(dns)
	tcp[23] = 6

	pkts := []ebpf.Packet{{Data: dns, Len: 100}, {Data: tcp}, {Data: dns[:20]}}
	verdicts := make([]uint32, len(pkts))
	n, err := vm.RunSocketBatch(pkts, nil, verdicts)
	fmt.Println(n, err, verdicts)
	// Output:
	// 3 <nil> [262144 0 0]
}
