package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// tcpWithOptions is an Ethernet frame with an IPv4 TCP segment (PSH|ACK,
// no payload) carrying the options given in hex, padded with NOPs.
func tcpWithOptions(opts string) string {
	opts = strings.ReplaceAll(opts, " ", "")
	for len(opts)%8 != 0 {
		opts += "01"
	}
	n := 20 + len(opts)/2
	return faultEther + faultIP4(6, n) +
		fmt.Sprintf("9c40 0050 00000001 00000002 %02x18 0100 0000 0000 ", n/4<<4) + opts
}

// TestMPTCPAddAddrLikeTcpdump prints MPTCP ADD_ADDR options of every
// length tcpdump knows: IPv4 and IPv6 addresses, with and without a
// port and an HMAC, both versions and the echo bit, a length it does not
// know, and an option cut short, as tcpdump does.
func TestMPTCPAddAddrLikeTcpdump(t *testing.T) {
	hmac := "0102030405060708"
	pkts := []crafted{
		{tcpWithOptions("1e08 3401 c0000201"), 0},
		{tcpWithOptions("1e0a 3402 c0000201 1f90"), 0},
		{tcpWithOptions("1e10 3003 c0000201 " + hmac), 0},
		{tcpWithOptions("1e12 3004 c0000201 1f90 " + hmac), 0},
		{tcpWithOptions("1e14 3605 20010db8000000000000000000000001"), 0},
		{tcpWithOptions("1e16 3106 20010db8000000000000000000000001 1f90"), 0},
		{tcpWithOptions("1e1c 3007 20010db8000000000000000000000001 " + hmac), 0},
		{tcpWithOptions("1e1e 3008 20010db8000000000000000000000001 1f90 " + hmac), 0},
		{tcpWithOptions("1e0c 3009 c0000201 1f90 0000"), 0},
		{tcpWithOptions("1e08 3f0a c0000201"), 0},
		craftedCut(tcpWithOptions("1e1e 3008 20010db8000000000000000000000001 1f90 "+hmac), 5),
	}
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}
