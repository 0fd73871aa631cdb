package printer

import (
	"strings"
	"testing"
)

// ipsecBranchesCases are AH headers of lengths the other tests leave out:
// none (shorter than its fixed part, so the next header starts inside
// it), a short ICV, one longer than the packet; AH before AH, before a
// fragment header and before IPComp, and ESP of each length around its
// header's, over IPv4 and IPv6.
func ipsecBranchesCases() []crafted {
	ah := func(nh, l string, icv int) string {
		return nh + l + "0000 0000abcd 00000009" + strings.Repeat("c3", icv)
	}
	udp := "1388 1389 000c 0000 41424344"
	pkts := []crafted{
		{hex: craftIP4(51, ah("11", "00", 0)+udp)},
		{hex: craftIP4(51, ah("11", "02", 0)+udp)},
		{hex: craftIP4(51, ah("11", "40", 4)+udp)},
		{hex: craftIP4(51, ah("33", "03", 4)+ah("11", "03", 4)+udp)},
		{hex: craftIP4(51, ah("6c", "03", 4)+"11 00 0001"+udp)},
		{hex: craftIP6(51, ah("2c", "03", 4)+"11 00 0001 00000007"+udp)},
		{hex: craftIP6(51, ah("2c", "03", 4)+"11 00 0009 00000007"+udp)},
		{hex: craftIP6(51, ah("3c", "03", 4)+"11 00 01 04 00000000"+udp)},
		{hex: craftIP6(51, ah("32", "03", 4)+"00000001 00000002")},
		{hex: craftIP6(51, ah("00", "03", 4))},
		{hex: craftIP4(51, "11")},
	}
	for n := 0; n <= 10; n++ {
		pkts = append(pkts, crafted{hex: craftIP4(50, hexCut("0000ab12 0000000c ffeeddccbbaa", n))}, crafted{hex: craftIP6(50, hexCut("0000ab12 0000000c ffeeddccbbaa", n))})
	}
	return pkts
}

func init() { addFuzzSeeds(ipsecBranchesCases()) }

// TestIPsecBranchesLikeTcpdump compares ipsecBranchesCases with tcpdump.
func TestIPsecBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ipsecbranches", ipsecBranchesCases())
}
