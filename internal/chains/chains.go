// Package chains generates the long filters that tools build by joining one
// term per item with "or": a blocklist of hosts, every port of a service,
// one network per site, one host-and-port pair per container. The
// optimizer's size, time and memory on them are measured against
// libpcap's (golden/testdata/chains.tsv, BenchmarkChains in cbpf).
package chains

import (
	"fmt"
	"strings"
)

// Shapes are the four shapes libpcap's sizes are recorded for.
var Shapes = []string{"host", "port", "net", "hostport"}

// MoreShapes are further shapes checked for verdicts only.
var MoreShapes = []string{"host6", "ehost", "portrange", "dstport", "nothost", "srcnet", "udpport"}

// Expr returns the chain of n terms of a shape. Term i uses the i-th
// address, port or network, all distinct for n up to 62,500.
func Expr(shape string, n int) string {
	var b strings.Builder
	sep := " or "
	if shape == "nothost" {
		sep = " and "
	}
	for i := range n {
		if i > 0 {
			b.WriteString(sep)
		}
		h := fmt.Sprintf("10.%d.%d.%d", i/62500, i/250%250, i%250+1)
		switch shape {
		case "host":
			fmt.Fprintf(&b, "host %s", h)
		case "port":
			fmt.Fprintf(&b, "port %d", 1000+i)
		case "net":
			fmt.Fprintf(&b, "net %d.%d.0.0/16", i/200+1, i%200)
		case "hostport":
			fmt.Fprintf(&b, "(host %s and tcp port %d)", h, 1000+i%5000)
		case "host6":
			fmt.Fprintf(&b, "host 2001:db8::%x:%x", i/65536, i%65536+1)
		case "ehost":
			fmt.Fprintf(&b, "ether host 02:00:00:%02x:%02x:%02x", i>>16&0xff, i>>8&0xff, i&0xff)
		case "portrange":
			fmt.Fprintf(&b, "portrange %d-%d", 1000+10*i, 1000+10*i+4)
		case "dstport":
			fmt.Fprintf(&b, "tcp dst port %d", 1000+i)
		case "nothost":
			fmt.Fprintf(&b, "not host %s", h)
		case "srcnet":
			fmt.Fprintf(&b, "src net 10.%d.%d.0/24", i/250%250, i%250)
		case "udpport":
			fmt.Fprintf(&b, "udp port %d", 1000+i)
		default:
			panic("chains: unknown shape " + shape)
		}
	}
	return b.String()
}
