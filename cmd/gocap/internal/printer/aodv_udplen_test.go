package printer

import (
	"fmt"
	"strings"
	"testing"
)

// withUDPLength is the Ethernet frame pkt, an IPv4 UDP datagram, with
// its UDP length field set to 8+n: the message captured whole, but the
// datagram saying it is shorter.
func withUDPLength(pkt string, n int) crafted {
	h := strings.ReplaceAll(pkt, " ", "")
	return crafted{h[:76] + fmt.Sprintf("%04x", 8+n) + h[80:], 0}
}

// aodvUDPLengthCases are AODV messages of each type (with a Hello
// extension where there can be one) whose UDP length ends them at each
// byte: tcpdump goes by the length, not by what was captured.
func aodvUDPLengthCases() []crafted {
	v6a := "20010db8000000000000000000000001"
	var pkts []crafted
	for _, m := range []string{
		"01 f8 00 03 00000007 0a000001 00000005 0a000002 00000006 01 04 000003e8",
		"02 c0 1f 02 0a000001 00000005 0a000002 00001388 01 04 000003e8",
		"03 80 00 02 0a000001 00000005 0a000002 00000006",
		"10 00 00 03 00000007 00000005 00000006 " + v6a + v6a,
		"11 00 05 02 00000005 " + v6a + v6a + " 00001388",
		"12 00 00 01 " + v6a + " 00000005",
		"04 00",
	} {
		pkt := craftedUDP4(654, 654, m)
		for n := 0; n < hexLen(m); n++ {
			pkts = append(pkts, withUDPLength(pkt, n))
		}
	}
	return pkts
}

// TestAODVUDPLengthLikeTcpdump prints aodvUDPLengthCases as tcpdump
// does.
func TestAODVUDPLengthLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "aodv-udplen", aodvUDPLengthCases())
}
