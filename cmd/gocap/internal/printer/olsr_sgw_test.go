package printer

import (
	"fmt"
	"testing"
)

// olsrSmartGatewayCases are HNA messages announcing smart gateways (the
// default route with the flags and speeds in its netmask, as in
// tcpdump's OLSRv1_HNA_sgw capture): every flag, link speeds of zero,
// of the largest encoding and of each exponent, and a flags byte of zero
// (a plain default route), over IPv4 and IPv6.
func olsrSmartGatewayCases() []crafted {
	var pkts []crafted
	for _, sp := range []string{"00 00", "ff ff", "01 02", "29 ff", "47 80", "07 0f"} {
		for _, f := range []string{"01", "1f", "02", "1e", "00"} {
			e := "00000000 00 " + f + " " + sp
			pkts = append(pkts, crafted{hex: craftedUDP4(698, 698, olsrPkt(olsrMsg(4, "0a000001", e+" c0a80100 ffffff00")))})
		}
	}
	o6 := "20010db8000000000000000000000001"
	pkts = append(pkts, crafted{hex: craftUDP6(698, 698, olsrPkt(olsrMsg(4, o6,
		"00000000000000000000000000000000 00 1f 29 ff 00000000000000000000000000 "+o6+fmt.Sprintf("%032x", 0))))})
	return pkts
}

// TestOLSRSmartGatewayLikeTcpdump prints olsrSmartGatewayCases as
// tcpdump does.
func TestOLSRSmartGatewayLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "olsr-sgw", olsrSmartGatewayCases())
}
