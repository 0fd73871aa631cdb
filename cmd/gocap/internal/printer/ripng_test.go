package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// ripngEntryHex is a RIPng route entry (hex) for the IPv6 prefix (32 hex
// digits), tag, prefix length and metric.
func ripngEntryHex(prefix string, tag uint16, plen, metric byte) string {
	return fmt.Sprintf("%s %04x %02x %02x ", prefix, tag, plen, metric)
}

// ripngCrafted are RIPng requests and responses over IPv6 and IPv4,
// well formed, malformed and cut short.
func ripngCrafted() []crafted {
	const (
		net1 = "20010db8000100000000000000000000"
		net2 = "20010db8ffff00000000000000000000"
		any  = "00000000000000000000000000000000"
		hop  = "fe800000000000000000000000000001"
	)
	resp := "02010000 " + ripngEntryHex(net1, 0, 48, 1) + ripngEntryHex(net2, 7, 32, 15) +
		ripngEntryHex(hop, 0, 0, 0xff) + ripngEntryHex(any, 0, 0, 16)
	req := "01010000 " + ripngEntryHex(net1, 0, 48, 0) + ripngEntryHex(net2, 9, 64, 16)
	msgs := []string{
		resp,
		req,
		"01010000 " + ripngEntryHex(any, 0, 0, 16),
		"01010000 " + ripngEntryHex(any, 0, 0, 15),
		"01010000 " + ripngEntryHex(net1, 0, 0, 16),
		"01010000 " + ripngEntryHex(any, 0, 0, 16) + "00",
		"01010000",
		"02010000",
		resp + "0102",
		req + "01",
		"03010000 " + ripngEntryHex(net1, 0, 48, 1),
		"00010000",
		"02020000 " + ripngEntryHex(net1, 0, 48, 1),
		"0200",
		"02",
		"01",
	}
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, crafted{craftedUDP6(521, 521, m, false), 0})
	}
	pkts = append(pkts, crafted{craftedUDP4(521, 1000, resp), 0})
	pkts = append(pkts, crafted{craftedUDP6(7001, 521, resp, false), 0})
	pkts = append(pkts, crafted{craftedUDP6(1000, 521, req, true), 0})
	for _, m := range []string{resp, req} {
		pkts = append(pkts, craftedCuts(craftedUDP6(521, 521, m, false), hexLen(m), 3)...)
	}
	return pkts
}

func init() { addFuzzSeeds(ripngCrafted()) }

// TestRIPngLikeTcpdump prints RIPng requests (whole-table dumps and
// lists of prefixes) and responses with tags and metrics, bad versions,
// commands and lengths, and messages cut short, under every flag set of
// faultFlagSets, as tcpdump does.
func TestRIPngLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ripng", ripngCrafted())
	compareWithTcpdump(t, "ripng-all", cbpf.LinkEN10MB, ripngCrafted(), faultFlagSets)
}
