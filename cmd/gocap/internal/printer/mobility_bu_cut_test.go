package printer

import "testing"

// TestMobilityBindingUpdateCutLikeTcpdump prints a Binding Update whose
// header length fits its type, cut before and inside its flags and
// lifetime, as tcpdump does.
func TestMobilityBindingUpdateCutLikeTcpdump(t *testing.T) {
	bu := craftIP6(135, mobilityHdr(5, "0000 8000 0010 0000 0000"))
	var pkts []crafted
	for _, n := range []int{8, 9, 10, 11} {
		pkts = append(pkts, crafted{hexCut(bu, 14+40+n), hexLen(bu)})
	}
	protoLikeTcpdump(t, "mobility-bu-cut", pkts)
}
