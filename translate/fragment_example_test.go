package translate_test

import (
	"fmt"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// Splice a filter into an XDP program of your own, as with cbpfc's
// ToEBPF: the fragment reads the packet between R2 and R3, leaves the
// classic verdict in R4 and jumps to "result". This program drops what
// the filter matches and passes the rest.
func ExampleFragment() {
	filter, err := cbpf.Compile("tcp port 80", cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	frag, err := translate.Fragment(filter, translate.FragmentOptions{
		PacketStart: asm.R2, PacketEnd: asm.R3,
		Result: asm.R4, ResultLabel: "result",
		Working:     [4]asm.Register{asm.R4, asm.R5, asm.R6, asm.R7},
		LabelPrefix: "filter",
		Access:      translate.AccessDirect,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	prog := append(asm.Instructions{
		asm.LoadMem(asm.R2, asm.R1, 0, asm.Word), // xdp_md.data
		asm.LoadMem(asm.R3, asm.R1, 4, asm.Word), // xdp_md.data_end
	}, frag...)
	prog = append(prog,
		asm.Mov.Imm(asm.R0, translate.XDPPass).WithSymbol("result"),
		asm.JEq.Imm(asm.R4, 0, "return"),
		asm.Mov.Imm(asm.R0, translate.XDPDrop),
		asm.Return().WithSymbol("return"),
	)
	vm, err := ebpf.NewVM(prog)
	if err != nil {
		fmt.Println(err)
		return
	}
	web := make([]byte, 54) // Ethernet, IPv4, TCP to port 80
	web[12], web[14], web[23], web[37] = 0x08, 0x45, 6, 80
	other := make([]byte, 54)
	for _, pkt := range [][]byte{web, other} {
		verdict, err := vm.RunXDP(pkt, nil)
		fmt.Println(verdict == translate.XDPDrop, err)
	}
	// Output:
	// true <nil>
	// false <nil>
}
