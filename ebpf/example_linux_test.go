package ebpf_test

import (
	"errors"
	"fmt"

	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// Filter a packet socket in the kernel: translate the filter to an eBPF
// socket filter, load it (the kernel's verifier checks it; a refusal is a
// *LoadError carrying the verifier's log) and attach it before binding the
// socket, so that no packet reaches it unfiltered. Loading needs root or
// CAP_BPF, and the packet socket CAP_NET_RAW.
func ExampleAttachSocket() {
	insns, err := translate.Compile("tcp port 443", cbpf.LinkEN10MB, translate.Socket)
	if err != nil {
		fmt.Println(err)
		return
	}
	filter, err := ebpf.LoadSocketFilter(insns)
	var lerr *ebpf.LoadError
	if errors.As(err, &lerr) {
		fmt.Println(lerr) // with the verifier's log when the verifier refused it
		return
	}
	defer filter.Close()

	const ethPAll = 0x0300 // htons(ETH_P_ALL) on a little-endian host
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW, ethPAll)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer unix.Close(fd)
	if err := ebpf.AttachSocket(fd, filter); err != nil {
		fmt.Println(err)
		return
	}
	// Now bind the socket to an interface and read: only TCP port 443
	// packets arrive.
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: ethPAll, Ifindex: 1}); err != nil {
		fmt.Println(err)
	}
}
