package printer

import (
	"fmt"
	"strings"
	"testing"
)

// icmp6QuoteCases are ICMPv6 destination-unreachable messages of each
// code quoting an IPv6 packet whose transport header (UDP, TCP, SCTP or
// ICMPv6) follows hop-by-hop, destination, routing, fragment (first and
// not) or AH headers, or none, the quote cut at several points, and
// messages cut after the type byte.
func icmp6QuoteCases() []crafted {
	upper := map[byte]string{
		17:  "9c40 0035 0010 0000 0000000000000000",
		6:   "9c40 01bb 00000001 00000002 5002 0100 0000 0000",
		132: "1388 0050 00000001 00000000",
	}
	quote := func(nh byte, exts []byte) string {
		body := upper[nh]
		for i := len(exts) - 1; i >= 0; i-- {
			switch exts[i] {
			case 0, 60, 43:
				body = fmt.Sprintf("%02x00 000000000000 ", nh) + body
			case 44:
				body = fmt.Sprintf("%02x00 0000 00000007 ", nh) + body
			case 45: // a fragment that is not the first
				body = fmt.Sprintf("%02x00 0008 00000007 ", nh) + body
			case 51:
				body = fmt.Sprintf("%02x01 0000 00000100 00000001 ", nh) + body
			}
			nh = exts[i]
			if nh == 45 {
				nh = 44
			}
		}
		return fmt.Sprintf("6000 0000 %04x %02x40 20010db8000000000000000000000002 20010db8000000000000000000000001 ", hexLen(body), nh) + body
	}
	var pkts []crafted
	for _, nh := range []byte{17, 6, 132} {
		for _, exts := range [][]byte{nil, {0}, {60}, {43}, {44}, {45}, {51}, {0, 44, 51}} {
			q := quote(nh, exts)
			for _, code := range []byte{4, 0, 2, 9} {
				pkts = append(pkts, crafted{craftIP6(58, fmt.Sprintf("01%02x 0000 00000000 ", code)+q), 0})
			}
			// cut in the IPv6 header and in the transport header
			full := strings.ReplaceAll(q, " ", "")
			pkts = append(pkts, crafted{craftIP6(58, "0104 0000 00000000 "+full[:2*44]), 0})
		}
	}
	pkts = append(pkts,
		craftedCut(craftIP6(58, "0104 0000 00000000 "+quote(17, nil)), 51),
		craftedCut(craftIP6(58, "0300 0000 00000000 "+quote(17, nil)), 51),
		craftedCut(craftIP6(58, "0200 0000 000005dc "+quote(17, nil)), 51))
	return pkts
}

func init() { addFuzzSeeds(icmp6QuoteCases()) }

// TestICMP6QuoteLikeTcpdump prints icmp6QuoteCases as tcpdump does.
func TestICMP6QuoteLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "icmp6quote", icmp6QuoteCases()) }
