package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// wlanMgmtFrame is an 802.11 management frame of subtype sub (no FCS)
// from 00:00:00:00:00:02 to 00:00:00:00:00:01 in BSS 00:00:00:00:00:03,
// with body (hex).
func wlanMgmtFrame(sub int, body string) string {
	return fmt.Sprintf("%02x00 0000 000000000001 000000000002 000000000003 1000 ", sub<<4) + body
}

// TestWlanManagementCodesLikeTcpdump prints association and
// authentication responses with every status code tcpdump names and some
// past its table, disassociation and deauthentication frames with every
// reason code and some past it, action frames of every category tcpdump
// names (and reserved ones), and each of them cut short, with and
// without -e.
func TestWlanManagementCodesLikeTcpdump(t *testing.T) {
	le := func(v int) string { return fmt.Sprintf("%02x%02x", v&0xff, v>>8) }
	var pkts []crafted
	for code := 0; code <= len(wlanStatusNames)+1; code++ {
		pkts = append(pkts, crafted{wlanMgmtFrame(1, "1100 "+le(code)+" 01c0"), 0})
		pkts = append(pkts, crafted{wlanMgmtFrame(11, "0000 0100 "+le(code)), 0})
	}
	for code := 0; code <= len(wlanReasonNames)+1; code++ {
		pkts = append(pkts, crafted{wlanMgmtFrame(10, le(code)), 0})
		pkts = append(pkts, crafted{wlanMgmtFrame(12, le(code)), 0})
	}
	for _, cat := range []int{0, 1, 2, 3, 4, 7, 13, 14, 15, 127, 200} {
		for _, act := range []int{0, 1, 2, 3, 5, 6, 10, 11, 255} {
			pkts = append(pkts, crafted{wlanMgmtFrame(13, fmt.Sprintf("%02x%02x", cat, act)), 0})
		}
	}
	pkts = append(pkts, crafted{wlanMgmtFrame(9, ""), 0}, // ATIM: no body
		crafted{wlanMgmtFrame(10, "03"), 0}, crafted{wlanMgmtFrame(12, ""), 0},
		crafted{wlanMgmtFrame(13, "03"), 0}, crafted{wlanMgmtFrame(1, "1100 0100"), 0},
		craftedCut(wlanMgmtFrame(12, "0300"), 1), craftedCut(wlanMgmtFrame(13, "0301"), 1),
		crafted{wlanMgmtFrame(14, "0300"), 0})
	sets := append([]flagSet{{[]string{"-nn", "-e"}, Options{NumericLevel: 2, LinkHeader: true}}}, linkFlagSets...)
	compareWithTcpdump(t, "wlancodes", cbpf.LinkIEEE80211, pkts, sets)
}
