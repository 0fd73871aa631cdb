package printer

import "testing"

// TestAODVHelloLengthLikeTcpdump prints AODV route requests and replies
// with HELLO extensions of lengths below 4 (tcpdump's "bad length"), of
// 4 and past it, as tcpdump does.
func TestAODVHelloLengthLikeTcpdump(t *testing.T) {
	rreq4 := "01 f8 00 03 00000007 0a000001 00000005 0a000002 00000006"
	rrep4 := "02 c0 1f 02 0a000001 00000005 0a000002 00001388"
	var pkts []crafted
	for _, ext := range []string{" 01 02 00000000", " 01 00 00000000", " 01 03 000000ff", " 01 05 000003e8 00"} {
		pkts = append(pkts, crafted{craftedUDP4(654, 654, rreq4+ext), 0}, crafted{craftedUDP4(654, 654, rrep4+ext), 0})
	}
	craftedLikeTcpdump(t, "aodv-hello-length", pkts)
}
