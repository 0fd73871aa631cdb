package printer

import "testing"

// eigrpShortCases are EIGRP packets shorter than the fixed header (by
// their IP length, the whole packet captured), which tcpdump prints
// differently with and without -v, over IPv4 and IPv6.
func eigrpShortCases() []crafted {
	e := "0205 1234 00000001 00000005 00000004 0000 0064"
	var pkts []crafted
	for _, n := range []int{1, 2, 4, 8, 12, 19} {
		pkts = append(pkts, crafted{hex: craftIP4(88, hexCut(e, n))}, crafted{hex: craftIP6(88, hexCut(e, n))})
	}
	return pkts
}

// TestEIGRPShortLikeTcpdump prints eigrpShortCases as tcpdump does.
func TestEIGRPShortLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "eigrp-short", eigrpShortCases())
}
