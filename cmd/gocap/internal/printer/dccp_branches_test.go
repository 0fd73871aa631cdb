package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// dccpBranchCases are DCCP packets reaching what dccp_test.go leaves
// out: acknowledgements without extended sequence numbers, the
// timestamp echo and elapsed time options at each of their lengths, and
// captures ending inside the extended header and inside the request,
// response and reset fields.
func dccpBranchCases() []crafted {
	ack := "0000 000000000005 "
	pkts := []crafted{
		{craftIP4(33, "04d2 1389 05 00 0000 06 000009 00 000005 00000000 6869"), 0},
		{craftIP4(33, "04d2 1389 05 00 0000 08 000009 00 000005 00000000"), 0},
		{craftIP4(33, "04d2 1389 04 00 0000 06 000009 00 000005 6869"), 0},
		{craftIP4(33, dccpPkt(3, ack+"2a06 00000064 2a0a 00000064 00000200 2b06 00012345 0000", "")), 0},
		{craftIP4(33, dccpPkt(3, ack+"2a05 000000 2b03 00 2b08 000000000000 00", "")), 0},
	}
	for _, full := range []string{
		craftIP4(33, dccpPkt(0, "00000064", "")),
		craftIP4(33, dccpPkt(1, ack+"00000064", "")),
		craftIP4(33, dccpPkt(7, ack+"02 010203", "")),
	} {
		for n := 14 + 20 + 10; n < hexLen(full); n++ {
			pkts = append(pkts, crafted{hexCut(full, n), hexLen(full)})
		}
	}
	return pkts
}

func init() { addFuzzSeeds(dccpBranchCases()) }

// TestDCCPBranchesLikeTcpdump prints dccpBranchCases as tcpdump does.
func TestDCCPBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dccpbranches", dccpBranchCases())
}

// TestDCCPCodeTablesLikeTcpdump prints resets of every code and every
// option type with values of 1, 2 and 4 bytes, as tcpdump does.
func TestDCCPCodeTablesLikeTcpdump(t *testing.T) {
	ack := "0000 000000000005 "
	var pkts []crafted
	for c := 0; c < 256; c++ {
		pkts = append(pkts, crafted{craftIP4(33, dccpPkt(7, ack+fmt.Sprintf("%02x 010203", c), "")), 0},
			crafted{craftIP4(33, dccpPkt(3, ack+fmt.Sprintf("%02x04 0102", c), "")), 0},
			crafted{craftIP4(33, dccpPkt(3, ack+fmt.Sprintf("%02x06 01020304", c), "")), 0},
			crafted{craftIP4(33, dccpPkt(3, ack+fmt.Sprintf("%02x03 01 00", c), "")), 0})
	}
	compareWithTcpdump(t, "dccptables", cbpf.LinkEN10MB, pkts, craftedFlagSets[:3])
}
