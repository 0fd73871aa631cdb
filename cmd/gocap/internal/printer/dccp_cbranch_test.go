package printer

import (
	"strings"
	"testing"
)

// dccpCBranchesCases are DCCP packets of the types dccpIPLengthCases
// leaves out (request, response, data-ack, close request, close, reset,
// sync and sync-ack, extended and short sequence numbers) whose IPv4
// total length ends them at each byte of their type-specific header, the
// whole packet captured: tcpdump's "truncated-TYPE" branches.
func dccpCBranchesCases() []crafted {
	ack := "0000 000000000005 "
	var pkts []crafted
	sweep := func(d string) {
		d = strings.ReplaceAll(d, " ", "")
		for n := 12; n <= hexLen(d); n++ {
			pkts = append(pkts, crafted{hex: faultEther + faultIP4(33, n) + d})
		}
	}
	sweep(dccpPkt(0, "0000002a", ""))
	sweep(dccpPkt(1, ack+"0000002a", ""))
	for _, typ := range []byte{4, 5, 6, 8, 9} {
		sweep(dccpPkt(typ, ack, "6869"))
	}
	sweep(dccpPkt(7, ack+"03 0a0b0c", ""))
	// short sequence numbers: 12-byte generic header, 4-byte ack
	sweep("04d2 1389 05 00 0000 08 000011 0000 000022 6869")
	sweep("04d2 1389 05 00 0000 0c 000011 0000 000022 6869")
	return pkts
}

func init() { addFuzzSeeds(dccpCBranchesCases()) }

// TestDCCPCBranchesLikeTcpdump prints dccpCBranchesCases as tcpdump does.
func TestDCCPCBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dccp-cbranches", dccpCBranchesCases())
}
