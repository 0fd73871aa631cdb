package printer

import (
	"strings"
	"testing"
)

// sflowStatusLengthCases are sFlow generic interface counters of each
// interface and administrative status, and datagrams whose UDP length
// ends inside a sample header or the datagram header while more is
// captured.
func sflowStatusLengthCases() []crafted {
	var pkts []crafted
	w := func(n int) string { return strings.Repeat("0000000b", n) }
	for _, st := range []string{"00000000", "00000001", "00000002", "ffffffff"} {
		generic := sflowRec(1, "00000002 00000006 000000003b9aca00 00000001 "+st+" 0000000000001000"+w(6)+"0000000000002000"+w(6))
		pkts = append(pkts, crafted{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(2, "00000009 01000003 00000001"+generic))), 0})
	}
	empty := sflowRec(2, "00000009 01000003 00000000")
	pkts = append(pkts,
		crafted{udpShortLen(6343, 6343, sflowV4(2, empty)+"00000001", "00000010 0102030405060708"), 0},
		crafted{udpShortLen(6343, 6343, sflowV4(2, empty)+"0000", "000100000010"), 0},
		crafted{udpShortLen(6343, 6343, sflowV4(1, empty)[:40], sflowV4(1, empty)[40:]), 0})
	return pkts
}

// TestSFlowStatusLengthLikeTcpdump prints sflowStatusLengthCases as
// tcpdump does.
func TestSFlowStatusLengthLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "sflow-status-length", sflowStatusLengthCases())
}

func init() { addFuzzSeeds(sflowStatusLengthCases()) }
