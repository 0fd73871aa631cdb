// Command gocap will be a tcpdump-like packet capture tool built on gocap's
// own filter compiler, with the filter running in the kernel as eBPF on an
// AF_PACKET socket.
//
// It is not implemented yet: running it prints a message saying so and
// exits with status 1. To compile filters today, use cmd/filterc.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "gocap: capture tool not implemented yet; see issue 4 (use filterc to compile filters)")
	os.Exit(1)
}
