package printer

import "testing"

// TestRIPv0LikeTcpdump prints RIP messages of version 0 (which tcpdump
// dumps in hex after "RIPv0"), of any command and cut short, next to a
// version 1 and 2 response, as tcpdump does.
func TestRIPv0LikeTcpdump(t *testing.T) {
	route := "0002 0000 0a000100 00000000 00000000 00000001"
	pkts := []crafted{
		{craftedUDP4(520, 520, "0200 0000 "+route), 0},
		{craftedUDP4(520, 520, "b200 0304 "+route+route), 0},
		{craftedUDP4(520, 520, "0100 0000"), 0},
		craftedCut(craftedUDP4(520, 520, "0200 0000 "+route), 10),
		{craftedUDP4(520, 520, "0201 0000 "+route), 0},
		{craftedUDP4(520, 520, "0202 0000 "+route), 0},
	}
	craftedLikeTcpdump(t, "ripv0", pkts)
}
