package printer

import (
	"strings"
	"testing"
)

// bgpCBranchesCases are UPDATEs whose header length ends at every byte
// inside them while the captured segment runs on into a KEEPALIVE: the
// UPDATE printer's checks of the message length (not the capture) before
// each attribute's flags, its length field and its value, and inside
// the withdrawn routes and NLRI.
func bgpCBranchesCases() []crafted {
	updates := []string{
		bgpUpdate("18 0a0b0c 10 ac10", bgpAttr(0x40, 1, "02")+bgpAttr(0x50, 2, "0201 0000fde8")+bgpAttr(0x40, 3, "c0000201"), "18 c63364 20 0a000001"),
		bgpUpdate("", bgpAttr(0x90, 14, "0001 01 04 0a000001 00 18 0a0101")+bgpAttr(0xc0, 8, "fde80001"), ""),
	}
	var pkts []crafted
	for _, u := range updates {
		body := strings.ReplaceAll(u, " ", "")[2*19:]
		full := 19 + len(body)/2
		for l := 20; l < full; l++ {
			pkts = append(pkts, crafted{hex: tcpSegment(40000, 179, bgpLen(2, l, body)+bgpKeepalive)})
		}
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, bgpCBranchesCases()...) }

// TestBGPCBranchesLikeTcpdump compares bgpCBranchesCases with tcpdump.
func TestBGPCBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "bgp-cbranches", bgpCBranchesCases())
}
