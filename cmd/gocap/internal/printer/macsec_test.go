package printer

import (
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// macsecFrame is an Ethernet frame of MACsec with the SecTAG and the
// rest.
func macsecFrame(tag, rest string) string {
	return "000000000002 000000000001 88e5 " + tag + " " + rest
}

func macsecCrafted() []crafted {
	icv := strings.Repeat("ee", 16)
	ip := "0800 " + linkICMP4 + " " + icv
	return []crafted{
		{macsecFrame("00 00 00000001", ip), 0},
		{macsecFrame("21 00 00000002 0011223344550001", ip), 0},
		{macsecFrame("0c 00 00000003", "0102030405060708 "+icv), 0},
		{macsecFrame("6f 00 00000004 0011223344550001", "0102030405060708 "+icv), 0},
		{macsecFrame("50 00 00000005", ip), 0},
		{macsecFrame("00 1e 00000006", "0800 "+linkICMP4+" 0000 "+icv), 0},
		{macsecFrame("00 00 00000007", "8100 0005 0800 "+linkICMP4+" "+icv), 0},
		{macsecFrame("00 00 00000008", "1234 0102 "+icv), 0},
		{macsecFrame("00 00 00000009", "0006 aaaa03 000000 0800 00 "+icv), 0},
		// invalid SecTAGs and ones cut short
		{macsecFrame("80 00 00000001", ip), 0},
		{macsecFrame("00 40 00000001", ip), 0},
		{macsecFrame("00 3f 00000001", ip), 0},
		{macsecFrame("00 00 00000001", "0800 01"), 0},
		{macsecFrame("00 00 0000", ""), 0},
		{macsecFrame("20 00 00000001 00112233", ""), 0},
		{macsecFrame("00 00 00000001", "08"+icv), 0},
		{macsecFrame("00 01 00000001", "0800 "+linkICMP4+" "+icv), 0},
		{macsecFrame("00 01 00000001", "08"+icv), 0},
		// a type tcpdump does not know after a VLAN tag: it names the
		// last type field
		{"000000000002 000000000001 8100 0005 1234 0102", 0},
	}
}

// TestMACsecLikeTcpdump prints MACsec frames, clear (carrying IPv4, a
// VLAN, an unknown type or LLC) and encrypted, with and without an SCI
// and a short length, invalid and cut short, as tcpdump does.
func TestMACsecLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "macsec", macsecCrafted())
	compareWithTcpdump(t, "macsec_e", cbpf.LinkEN10MB, macsecCrafted(), linkEFlagSets)
}

func init() { addFuzzSeeds(macsecCrafted()) }
