package printer

import (
	"strings"
	"testing"
)

// ipsecCases are AH and ESP headers as tcpdump prints them without keys:
// AH before ICMP, UDP, ESP, an inner IPv4 packet and ICMPv6, a reserved
// field not zero, IPv6 with no next header, IPCOMP, and each cut short
// (the ICMPv6 message after its type byte included).
func ipsecCases() []crafted {
	ah := func(nh, l string, reserved string, icv int) string {
		return nh + l + reserved + "00001234 00000005" + strings.Repeat("00", icv)
	}
	icmp := "0800 f7ff 0001 0001 6869"
	udp := "1388 0035 0014 0000 0001 0100 0001 0000 0000 0000"
	pkts := []crafted{
		{craftIP4(51, ah("01", "04", "0000", 12)+icmp), 0},
		{craftIP4(51, ah("11", "04", "0005", 12)+udp), 0},
		{craftIP4(51, ah("32", "01", "0000", 0)+"00000001 00000002 7878"), 0},
		{craftIP4(51, ah("04", "03", "0000", 8)+"4500 001e 0007 0000 4001 0000 c0000201 c0000202 "+icmp), 0},
		{craftIP6(51, ah("3a", "04", "0000", 12)+"8000 0000 0001 0001"), 0},
		{craftIP6(51, ah("3b", "00", "0000", 0)), 0},
		{craftIP6(50, "00000100 00000001"+strings.Repeat("78", 20)), 0},
		{craftIP4(108, "04 00 0005"+strings.Repeat("78", 10)), 0},
	}
	for _, full := range []string{pkts[0].hex, pkts[4].hex, pkts[6].hex} {
		n := hexLen(full)
		for drop := 1; drop < n-34; drop += 3 {
			pkts = append(pkts, craftedCut(full, drop))
		}
	}
	return pkts
}

func init() { addFuzzSeeds(ipsecCases()) }

func TestAHESPHeadersLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "ahesp", ipsecCases()) }

// TestISAKMPShortCertLikeTcpdump prints IKEv1 certificate and
// certificate request payloads of one byte (the encoding alone) that
// end the packet: tcpdump checks for the encoding and a first data
// byte, so it marks them cut short.
func TestISAKMPShortCertLikeTcpdump(t *testing.T) {
	const ick, rck = "1111111111111111", "aaaaaaaaaaaaaaaa"
	var pkts []crafted
	for _, np := range []byte{6, 7} {
		for _, body := range []string{"04", "0e", "04 30", "04 3082"} {
			msg := ikeMsg(ick, rck, np, 0x10, 5, 0, 0x0a0b0c0d, 0, ikePay(0, 0, body))
			pkts = append(pkts, crafted{craftedUDP4(500, 500, msg), 0})
		}
	}
	craftedLikeTcpdump(t, "isakmpshortcert", pkts)
}
