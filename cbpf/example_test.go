package cbpf_test

import (
	"errors"
	"fmt"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/parser"
)

// Compile an expression for Ethernet with a 96-byte snapshot length. With
// the optimizer off the program is the one libpcap generates: this listing
// is what "tcpdump -O -s 96 -d 'tcp dst port 80'" prints.
func ExampleCompile() {
	prog, err := cbpf.Compile("tcp dst port 80", cbpf.Options{
		LinkType: cbpf.LinkEN10MB,
		Snaplen:  96,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	listing, err := cbpf.Format(prog)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(listing)

	// prog is a []bpf.Instruction: x/net/bpf assembles it for
	// SO_ATTACH_FILTER and runs it.
	vm, err := bpf.NewVM(prog)
	if err != nil {
		fmt.Println(err)
		return
	}
	pkt := make([]byte, 54) // Ethernet, IPv4 (20 bytes), TCP
	pkt[12], pkt[13] = 0x08, 0x00
	pkt[14] = 0x45              // IPv4, 20-byte header
	pkt[23] = 6                 // TCP
	pkt[37] = 80                // destination port 80
	verdict, err := vm.Run(pkt) // the snapshot length: keep up to 96 bytes
	fmt.Println("verdict", verdict, err)
	// Output:
	// (000) ldh      [12]
	// (001) jeq      #0x86dd          jt 2	jf 6
	// (002) ldb      [20]
	// (003) jeq      #0x6             jt 4	jf 6
	// (004) ldh      [56]
	// (005) jeq      #0x50            jt 15	jf 6
	// (006) ldh      [12]
	// (007) jeq      #0x800           jt 8	jf 16
	// (008) ldb      [23]
	// (009) jeq      #0x6             jt 10	jf 16
	// (010) ldh      [20]
	// (011) jset     #0x1fff          jt 16	jf 12
	// (012) ldxb     4*([14]&0xf)
	// (013) ldh      [x + 16]
	// (014) jeq      #0x50            jt 15	jf 16
	// (015) ret      #96
	// (016) ret      #0
	// verdict 96 <nil>
}

// Errors from Compile are *parser.Error values that know where in the
// expression the problem is.
func ExampleCompile_error() {
	const expr = "tcp port 80 or udp port 99999"
	_, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkEN10MB})
	var perr *parser.Error
	if errors.As(err, &perr) {
		fmt.Printf("bytes %d to %d: %s\n", perr.Pos, perr.End, perr.Msg)
		fmt.Println(perr.Caret(expr))
	}
	// Output:
	// bytes 24 to 29: port number 99999 greater than maximum 65535
	// filter:1:25: port number 99999 greater than maximum 65535
	//     tcp port 80 or udp port 99999
	//                             ^~~~~
}
