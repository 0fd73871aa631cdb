package printer

import (
	"strings"
	"testing"
)

// dccpIPLengthCases are DCCP packets (with and without extended
// sequence numbers, with options and data) whose IPv4 total length ends
// them at each byte while the whole packet was captured, so that
// tcpdump's "truncated-dccp" and bad header length branches print.
func dccpIPLengthCases() []crafted {
	var pkts []crafted
	for _, d := range []string{
		dccpPkt(2, "", "68656c6c6f"),
		dccpPkt(3, "0000 000000000005 2906 00000064 0000", "6869"),
		"04d2 1389 03 00 0000 04 000009 6869",
	} {
		d = strings.ReplaceAll(d, " ", "")
		for n := 0; n <= hexLen(d); n++ {
			pkts = append(pkts, crafted{hex: faultEther + faultIP4(33, n) + d})
		}
	}
	return pkts
}

// TestDCCPIPLengthLikeTcpdump prints dccpIPLengthCases as tcpdump does.
func TestDCCPIPLengthLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dccp-iplen", dccpIPLengthCases())
}
