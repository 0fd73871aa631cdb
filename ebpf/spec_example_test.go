package ebpf_test

import (
	"errors"
	"fmt"

	cebpf "github.com/cilium/ebpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// ProgramSpec gives a cilium/ebpf spec, named, for a CollectionSpec of
// your own or for cilium/ebpf's NewProgramWithOptions.
func ExampleProgramSpec() {
	insns, err := translate.Compile("udp port 53", cbpf.LinkEN10MB, translate.XDP)
	if err != nil {
		fmt.Println(err)
		return
	}
	spec := ebpf.ProgramSpec(cebpf.XDP, insns, ebpf.LoadOptions{Name: "dns_only"})
	fmt.Println(spec.Name, spec.Type, spec.License)
	// Output:
	// dns_only XDP Dual BSD/GPL
}

// Load names the program in the kernel, so that bpftool prog show lists
// it as "dns_only". It needs Linux and CAP_BPF (or root).
func ExampleLoad() {
	insns, err := translate.Compile("udp port 53", cbpf.LinkEN10MB, translate.Socket)
	if err != nil {
		fmt.Println(err)
		return
	}
	prog, err := ebpf.Load(cebpf.SocketFilter, insns, ebpf.LoadOptions{Name: "dns_only"})
	var lerr *ebpf.LoadError
	if errors.As(err, &lerr) {
		fmt.Println(lerr) // with the verifier's log when the verifier refused it
		return
	}
	defer prog.Close()
	// prog is a *cilium/ebpf.Program: attach it with ebpf.AttachSocket,
	// or with cilium/ebpf's link package.
}

// An XDP program's `len` is the frame's length on the wire: the VM's own
// bpf_xdp_get_buff_len returns XDPMD.FrameLen, or len(pkt) when that is 0.
func ExampleVM_RunXDP() {
	insns, err := translate.Compile("greater 1000", cbpf.LinkEN10MB, translate.XDP)
	if err != nil {
		fmt.Println(err)
		return
	}
	vm, err := ebpf.NewVM(insns)
	if err != nil {
		fmt.Println(err)
		return
	}
	pkt := make([]byte, 128) // the first 128 bytes of the frame
	for _, md := range []*ebpf.XDPMD{{FrameLen: 1514}, {FrameLen: 128}, nil} {
		verdict, err := vm.RunXDP(pkt, md)
		fmt.Println(verdict == translate.XDPPass, err)
	}
	// Output:
	// true <nil>
	// false <nil>
	// false <nil>
}
