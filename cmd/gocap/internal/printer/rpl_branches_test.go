package printer

import (
	"testing"
)

// rplBranchCases are RPL DAO and DAO-ACK messages carrying a DODAG ID,
// cut short at each byte of it and of the fixed part before it.
func rplBranchCases() []crafted {
	var pkts []crafted
	for _, m := range []string{
		"9b02 0000 07 c0 00 05 20010db8000000000000000000000009",
		"9b03 0000 07 80 05 00 20010db8000000000000000000000009",
	} {
		full := craftIP6(58, m)
		n := hexLen(full)
		for k := n - 21; k < n; k++ {
			pkts = append(pkts, crafted{hexCut(full, k), n})
		}
	}
	return pkts
}

func init() { addFuzzSeeds(rplBranchCases()) }

// TestRPLBranchesLikeTcpdump prints rplBranchCases as tcpdump does.
func TestRPLBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "rplbranches", rplBranchCases())
}
