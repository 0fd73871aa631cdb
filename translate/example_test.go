package translate_test

import (
	"errors"
	"fmt"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

// Translate a classic filter into an eBPF socket filter, the program to
// load as BPF_PROG_TYPE_SOCKET_FILTER and attach with SO_ATTACH_BPF. Each
// eBPF instruction carries the classic line it came from as its source.
func ExampleSocketFilter() {
	prog, err := cbpf.Compile("arp", cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	insns, err := translate.SocketFilter(prog)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(insns)
	// Output:
	//	  ; prologue
	//	 0: MovReg dst: r6 src: r1
	//	 1: MovImm32 dst: r0 imm: 0
	//	 2: MovImm32 dst: r7 imm: 0
	//	  ; (000) ldh      [12]
	//	 3: LdAbsH imm: 12
	//	  ; (001) jeq      #0x806           jt 2	jf 3
	//	 4: JNE32Imm dst: r0 off: -1 imm: 2054 <pc3>
	// pc2:
	//	  ; (002) ret      #262144
	//	 5: MovImm32 dst: r0 imm: 262144
	//	 6: Exit
	// pc3:
	//	  ; (003) ret      #0
	//	 7: MovImm32 dst: r0 imm: 0
	//	 8: Exit
}

// Errors name the classic instruction that could not be translated. XDP
// programs have no sk_buff, so a filter that reads the packet type (the
// Linux extension libpcap uses for "inbound") cannot run there.
func ExampleError() {
	prog, err := cbpf.Compile("inbound", cbpf.Options{LinkType: cbpf.LinkEN10MB, LinuxExt: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = translate.Direct(prog, translate.XDP)
	var terr *translate.Error
	if errors.As(err, &terr) {
		fmt.Println("instruction", terr.PC, terr.Insn)
		fmt.Println(errors.Is(err, translate.ErrUnsupported))
	}
	// Output:
	// instruction 0 (000) ldh      [type]
	// true
}
