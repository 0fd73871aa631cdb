package printer

import (
	"fmt"
	"testing"
)

// l2tpResultCases are StopCCN messages carrying a Result Code AVP with
// only a result code, a result and an error code, an error message, and
// lengths between those.
func l2tpResultCases() []crafted {
	var pkts []crafted
	for _, v := range []string{"0001", "000100", "00010002", "0001000261", "000100026869", "00"} {
		avp := fmt.Sprintf("8%03x 0000 0001 ", 6+hexLen(v)) + v
		pkts = append(pkts, crafted{hex: craftedUDP4(1701, 1701, l2tpCtl(l2tpAVP(0, "0004")+avp))})
	}
	return pkts
}

// TestL2TPResultCodeLikeTcpdump prints l2tpResultCases as tcpdump does.
func TestL2TPResultCodeLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "l2tp-result", l2tpResultCases())
}
