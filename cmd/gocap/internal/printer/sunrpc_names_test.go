package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestSunRPCNamesBranchLikeTcpdump prints portmapper calls and an RPC
// reply with -T rpc without -n, where tcpdump names the portmapper and
// NFS ports and writes a program as "#N" (the local tcpdump has no
// getrpcbynumber), over IPv4 and IPv6. The addresses are private ones no
// resolver names.
func TestSunRPCNamesBranchLikeTcpdump(t *testing.T) {
	call := func(xid, vers, proc, prog uint32) string {
		return words(xid, 0, vers, prog, 2, proc) + words(0, 0, 0, 0)
	}
	pkts := []crafted{
		{hex: craftedUDP4(40000, 111, call(0x10, 2, 3, 100003))},
		{hex: craftedUDP4(40000, 111, call(0x11, 2, 3, 100003))}, // the same program again
		{hex: craftedUDP4(40000, 111, call(0x12, 4, 1, 100005))},
		{hex: craftedUDP4(40000, 111, call(0x13, 2, 4, 100005))},
		{hex: craftedUDP4(40000, 111, call(0x14, 2, 77, 100005))},
		{hex: craftedUDP6(40000, 111, call(0x15, 2, 5, 100021), false)},
		{hex: craftedUDP6(40000, 111, call(0x16, 2, 2, 0), false)},
		{hex: udpFrom(2, 1, 111, 40000, words(0x10, 1, 1, 0, 2, 3))},
		{hex: craftedUDP6(111, 40000, words(0x15, 1, 0, 0, 0, 0), true)},
		craftedCut(craftedUDP4(40000, 111, call(0x17, 2, 3, 100003)), 30),
	}
	for _, fs := range []flagSet{{[]string{}, Options{}}, {[]string{"-v"}, Options{Verbose: 1}}} {
		pt, _ := ParsePacketType("rpc")
		fs.args = append(fs.args, "-T", "rpc")
		fs.o.PacketType = pt
		compareWithTcpdump(t, "sunrpc-branch", cbpf.LinkEN10MB, pkts, []flagSet{fs})
	}
}
