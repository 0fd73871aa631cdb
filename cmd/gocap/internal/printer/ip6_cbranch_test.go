package printer

import (
	"fmt"
	"testing"
)

// ip6CBranchCases are IPv6 packets reaching what the other IPv6 tests
// leave out: hop-by-hop Router Alert and Jumbo Payload options too
// short for the space left in their header, Home Address destination
// options with sub-options (one ending in a lone byte), and UDP
// datagrams after a fragment header and a routing header of each kind
// (even and odd lengths), whose checksum tcpdump computes over the final
// destination the routing header names.
func ip6CBranchCases() []crafted {
	udp := "03e8 07d0 000c 1234 61626364"
	addr := func(n byte) string { return fmt.Sprintf("20010db80000000000000000000000%02x", n) }
	hdrs := []struct {
		nh   byte
		body string
	}{
		{0, "3b00 0102 0000 0500"},
		{0, "3b00 0100 c200 0000"},
		{0, "3b00 0100 0500 0000"},
		{60, "3b02 c913" + addr(9) + "000005 00"},
		{60, "3b02 c915" + addr(9) + "0100 0502 0000 00"},
		{60, "3b02 c912" + addr(9) + "00 01 0001 00"},
		{44, "2b00 0000 00000007 1102 0001 00000000" + addr(5)},
		{44, "2b00 0000 00000008 1101 0001 00000000" + addr(5)},
		{44, "2b00 0000 00000009 1102 0001 00000000" + addr(5)},
		{44, "2b00 0000 0000000a 1100 0300 00000000"},
		{44, "2b00 0000 0000000b 1103 0401 0000 0000" + addr(6) + "0000000000000000"},
		{44, "2b00 0000 0000000c 1102 0200 00000000" + addr(7)},
		{44, "2b00 0001 0000000e 1102 0001 00000000" + addr(7)},
		{0, "2c00 0100 0000 0000 2b00 0000 0000000d 1102 0001 00000000" + addr(8)},
		{60, "2b00 0100 0000 0000 1104 0403 00000000" + addr(4) + addr(5)},
	}
	var pkts []crafted
	for _, h := range hdrs {
		pkts = append(pkts, crafted{craftIP6(h.nh, h.body+udp), 0})
	}
	// PIM and DCCP check their checksums even in fragments: after a
	// fragment header, the final destination of the routing header
	pim := "2000 1234 0001 0002 0069"
	dccp := "9c40 0050 0300 0000 0000 0001 0000 0000"
	pkts = append(pkts,
		crafted{craftIP6(44, "2b00 0000 00000011 6702 0001 00000000"+addr(5)+pim), 0},
		crafted{craftIP6(44, "3c00 0000 00000012 2b00 0100 0000 0000 6702 0001 00000000"+addr(6)+pim), 0},
		crafted{craftIP6(44, "2b00 0000 00000013 2102 0001 00000000"+addr(7)+dccp), 0},
	)
	return pkts
}

func init() { addFuzzSeeds(ip6CBranchCases()) }

// TestIP6CBranchesLikeTcpdump prints ip6CBranchCases as tcpdump does.
func TestIP6CBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ip6cbranches", ip6CBranchCases())
}
