package translate_test

import (
	"fmt"
	"strings"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

// Put a tcpdump filter into a TC program at an elibpcap-style stub. The
// classifier calls filter(skb, skb, skb, data, data_end) and drops what the
// stub rejects; Inject replaces the stub's body (here: return 0) with the
// filter, which returns 1 for packets it keeps and 0 for the others.
func ExampleInject() {
	host := asm.Instructions{
		asm.Mov.Reg(asm.R6, asm.R1).WithSymbol("classifier"),
		asm.LoadMem(asm.R4, asm.R1, 76, asm.Word), // __sk_buff.data
		asm.LoadMem(asm.R5, asm.R1, 80, asm.Word), // __sk_buff.data_end
		asm.Mov.Reg(asm.R2, asm.R1),
		asm.Mov.Reg(asm.R3, asm.R1),
		asm.Call.Label("filter"),
		asm.Mov.Imm(asm.R1, 0), // TC_ACT_OK
		asm.JNE.Imm(asm.R0, 0, "out"),
		asm.Mov.Imm(asm.R1, 2), // TC_ACT_SHOT
		asm.Mov.Reg(asm.R0, asm.R1).WithSymbol("out"),
		asm.Return(),

		asm.Mov.Imm(asm.R0, 0).WithSymbol("filter"),
		asm.Return(),
	}
	prog, err := cbpf.Compile("arp", cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	insns, err := translate.Inject(host, "filter", prog, translate.InjectOptions{Access: translate.AccessDirect})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The program, from the stub on (trailing blanks trimmed).
	out := fmt.Sprint(insns)
	for _, line := range strings.Split(out[strings.Index(out, "filter:"):], "\n") {
		fmt.Println(strings.TrimRight(line, " "))
	}
	// Output:
	// filter:
	// 	11: MovImm32 dst: r6 imm: 0
	// 	12: MovImm32 dst: r7 imm: 0
	// 	13: MovReg dst: r8 src: r4
	// 	14: AddImm dst: r8 imm: 14
	// 	15: JGTReg dst: r8 off: -1 src: r5 <filter_drop>
	// 	16: LdXMemH dst: r6 src: r4 off: 12 imm: 0
	// 	17: SwapBE dst: r6
	// 	18: JNE32Imm dst: r6 off: -1 imm: 2054 <filter_pc3>
	// filter_pc2:
	// 	19: MovImm32 dst: r0 imm: 262144
	// 	20: Ja off: -1 <filter_result>
	// filter_pc3:
	// 	21: MovImm32 dst: r0 imm: 0
	// 	22: Ja off: -1 <filter_result>
	// filter_drop:
	// 	23: MovImm32 dst: r0 imm: 0
	// 	24: Ja off: -1 <filter_result>
	// filter_result:
	// 	25: JEqImm dst: r0 off: -1 imm: 0 <filter_done>
	// 	26: MovImm dst: r0 imm: 1
	// filter_done:
	// 	27: Exit
}
