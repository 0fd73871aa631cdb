package printer

import (
	"strings"
	"testing"
)

// l2tpCBranchCases are L2TP control messages each holding one AVP the
// other L2TP tests print only inside longer messages: bearer and framing
// types with both bits set, and Bearer Type, Framing Type, Call Errors
// and ACCM values ending before each of their fields.
func l2tpCBranchCases() []crafted {
	avps := []string{
		l2tpAVP(18, "00000003"), l2tpAVP(19, "00000003"), l2tpAVP(18, "00000002"), l2tpAVP(19, "00000001"),
		l2tpAVP(18, "000000"), l2tpAVP(19, "00"),
		l2tpAVP(35, ""), l2tpAVP(35, "0000 0000"), l2tpAVP(35, "0000 00000001 00"),
	}
	errs := "0000 00000001 00000002 00000003 00000004 00000005 00000006"
	e := strings.ReplaceAll(errs, " ", "")
	for _, n := range []int{0, 1, 2, 5, 6, 9, 10, 14, 18, 22, 25} {
		avps = append(avps, l2tpAVP(34, e[:2*n]))
	}
	var pkts []crafted
	for _, a := range avps {
		pkts = append(pkts, crafted{craftedUDP4(1701, 1701, l2tpCtl(l2tpAVP(0, "000a")+a)), 0})
	}
	return pkts
}

func init() { addFuzzSeeds(l2tpCBranchCases()) }

// TestL2TPCBranchesLikeTcpdump prints l2tpCBranchCases as tcpdump does.
func TestL2TPCBranchesLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "l2tpcbranches", l2tpCBranchCases())
}
