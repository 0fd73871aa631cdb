package ebpf_test

import (
	"fmt"

	"github.com/cilium/ebpf/asm"
	"github.com/gocap/gocap/ebpf"
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
