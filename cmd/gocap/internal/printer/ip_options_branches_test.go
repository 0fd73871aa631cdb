package printer

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// ip4WithOptions is an Ethernet frame holding an IPv4 packet from
// 10.0.0.1 to 10.0.0.2 with the options (hex, a multiple of 4 bytes),
// of protocol proto and fragment field frag, then the payload.
func ip4WithOptions(opts string, proto byte, frag uint16, payload string) string {
	opts = strings.ReplaceAll(opts, " ", "")
	hl := 20 + len(opts)/2
	tl := hl + hexLen(payload)
	h := []byte{byte(0x40 | hl/4), 0, byte(tl >> 8), byte(tl), 0, 7, byte(frag >> 8), byte(frag), 64, proto, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	return faultEther + hex.EncodeToString(h) + opts + " " + payload
}

// ipBranchCases are IPv4 packets with router alert options too short for
// their value, timestamp options with pointers before the first entry
// or not on an entry, route options of bad lengths and pointers, options
// of unknown codes, protocols tcpdump names but does not decode, and
// fragments after the first of those and of decoded protocols.
func ipBranchCases() []crafted {
	echo := "0800 f7ff 0000 0000"
	var pkts []crafted
	for _, o := range []string{
		"9403 0000", "9402 0000", "9404 0000", "9404 0102", "9405 000000 000000",
		"4408 0100 00000000", "4408 0400 00000000", "4408 0600 00000000", "440c 0d01 0a000001 00000000",
		"440c 0501 0a000001 00000000", "440c 0d03 0a000001 00000000", "440c 0902 0a000001 00000000",
		"440a 0500 00000000 0000 0000", "4403 05 00", "4404 0500",
		"0707 040a 000001 00", "0707 030a 000001 00", "0707 090a 000001 00", "0703 04 00", "0702 0000",
		"8306 040a 0000 0000", "890b 080a 000001 0a000002 00",
		"8203 00 00", "8804 0001", "ee02 0000", "9502 0000",
	} {
		pkts = append(pkts, crafted{ip4WithOptions(o, 1, 0, echo), 0})
	}
	for _, proto := range []byte{3, 9, 16, 27, 46, 55, 97, 98, 103, 108, 115, 124, 137, 143, 200, 255} {
		pkts = append(pkts,
			crafted{ip4WithOptions("", proto, 0, "01020304"), 0},
			crafted{ip4WithOptions("", proto, 0x0010, "01020304"), 0},
			crafted{ip4WithOptions("", proto, 0x2010, "01020304"), 0})
	}
	for _, proto := range []byte{1, 6, 17, 33, 132, 89} {
		pkts = append(pkts, crafted{ip4WithOptions("", proto, 0x0020, "0102030405060708"), 0})
	}
	return pkts
}

// TestIPOptionsBranchesLikeTcpdump prints ipBranchCases as tcpdump
// does, with -qq too (which leaves out a later fragment's addresses).
func TestIPOptionsBranchesLikeTcpdump(t *testing.T) {
	sets := append([]flagSet{
		{[]string{"-nn", "-qq"}, Options{NumericLevel: 2, Quiet: true, VeryQuiet: true}},
		{[]string{"-nn", "-qq", "-v"}, Options{NumericLevel: 2, Quiet: true, VeryQuiet: true, Verbose: 1}},
	}, craftedFlagSets...)
	compareWithTcpdump(t, "ip-branches", cbpf.LinkEN10MB, ipBranchCases(), sets)
}

func init() { addFuzzSeeds(ipBranchCases()) }

// TestIPProtocolNamesBranchesLikeTcpdump prints the packets of protocols
// tcpdump names but does not decode, first fragments and later ones,
// without -n, where tcpdump names them, as in TestNamesLikeTcpdump.
func TestIPProtocolNamesBranchesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, proto := range []byte{3, 16, 27, 97, 98, 115, 124, 137, 143, 200, 253, 254, 255} {
		pkts = append(pkts,
			crafted{ip4WithOptions("", proto, 0, "01020304"), 0},
			crafted{ip4WithOptions("", proto, 0x2010, "01020304"), 0})
	}
	hosts := writeTemp(t, "hosts", "10.0.0.1 a.x.test\n10.0.0.2 b.x.test\n")
	namedLikeTcpdump(t, t.TempDir(), pkts, map[string]string{"hosts": hosts}, nil)
}
