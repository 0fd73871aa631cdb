package printer

import (
	"strings"
	"testing"
)

// pimExtCases are PIM messages tcpdump's captures carry that the other
// PIM tests do not: encoded addresses of each family with and without an
// encoding type, messages behind IPv6 extension headers (hop-by-hop
// router alert, destination options, a routing header) and behind the
// IPv4 router alert option, and Hellos long enough to be printed in
// several hundred options with -vvv.
func pimExtCases() []crafted {
	v6a := "20010db8000000000000000000000001"
	var pkts []crafted
	add := func(h string) { pkts = append(pkts, crafted{hex: h}) }
	for _, a := range []string{"0201 " + v6a, "0200 " + v6a, "0100 0a000001", "0101 0a000001", "0500 0a000001"} {
		add(pim4(2, "0100 0020 e0000001 "+a))
		add(pim4(9, a+" 0100 0020 e0000001 "+a+" 00b4"))
		add(pim4(5, "0100 0020 e0000001 "+a+" 80000064 0000000a"))
	}
	hello := "0001 0002 0069 0014 0004 12345678"
	for _, typ := range []byte{0, 1, 2, 3, 4, 5, 8, 9} {
		body := pimMsgHex(true, 0x20|typ, 0, hello, -1)
		add(craftIP6(0, "67 00 0502 0000 0100 "+body))
		add(craftIP6(60, "67 00 0502 0000 0100 "+body))
		add(craftIP6(43, "67 02 0001 00000000 20010db8000000000000000000000009 "+body))
	}
	add(ip4Opts("94040000", 103, pimMsgHex(false, 0x20, 0, hello, -1)))
	head := "0001 0002 0069 0014 0004 d76fc4dc 0013 0004 00000001 "
	for _, pat := range []string{"0014 0000 0000 0000", "0000 0100 0001", "0015 0002 0069 0014 0004 3f0ef4cd",
		"0018 0006 0100 0a000001 0018 000c 0100 0a000001 0100 0a000002"} {
		body := strings.ReplaceAll(head, " ", "")
		for hexLen(body) < 1200 {
			body += strings.ReplaceAll(pat, " ", "")
		}
		add(pim4(0, body))
	}
	return pkts
}

// TestPIMExtLikeTcpdump prints pimExtCases as tcpdump does.
func TestPIMExtLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "pim-ext", pimExtCases()) }

// igmpRACases are IGMP messages behind the IPv4 router alert option, as
// routers send them: queries of each version and reports with a group
// record of every type, known and unknown.
func igmpRACases() []crafted {
	var pkts []crafted
	for _, m := range []string{"11 64 ee9b e0000001 0a 7d 0000", "11 00 0000 00000000", "16 00 0000 e0000001",
		"17 00 0000 e0000001", "12 00 0000 e0000001"} {
		pkts = append(pkts, crafted{hex: ip4Opts("94040000", 2, m)})
	}
	for rt := 0; rt <= 8; rt++ {
		pkts = append(pkts, crafted{hex: ip4Opts("94040000", 2, "22 00 0000 0000 0001 0"+string(rune('0'+rt))+" 00 0001 e0000001 0a000001")})
	}
	return pkts
}

// TestIGMPRouterAlertLikeTcpdump prints igmpRACases as tcpdump does.
func TestIGMPRouterAlertLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "igmp-ra", igmpRACases()) }
