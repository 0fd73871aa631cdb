package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// lldpT is an LLDP TLV of the type and value (hex).
func lldpT(typ int, value string) string {
	return fmt.Sprintf("%04x ", typ<<9|hexLen(value)) + value + " "
}

// lldpOrg is an organisation-specific TLV of the OUI and subtype.
func lldpOrg(oui string, sub byte, value string) string {
	return lldpT(127, fmt.Sprintf("%s %02x ", oui, sub)+value)
}

// lldpFrame is an Ethernet frame of LLDP holding the TLVs and an End TLV.
func lldpFrame(tlvs ...string) string {
	return "0180c200000e 000000000001 88cc " + strings.Join(tlvs, "") + "0000"
}

func lldpCrafted() []crafted {
	base := []string{lldpT(1, "04 000000000001"), lldpT(2, "05 "+hexStr("eth0", 4)), lldpT(3, "0078")}
	frame := func(tlvs ...string) string { return lldpFrame(append(append([]string{}, base...), tlvs...)...) }
	const d1, d3, tia, dcbx, iana = "0080c2", "00120f", "0012bb", "001b21", "00005e"
	ets := "01234567 0c0c0c0c0c0c0c28 0200010203040502"
	pkts := []crafted{
		// the mandatory and basic TLVs, each chassis and port subtype
		{frame(lldpT(4, hexStr("uplink port", 11)), lldpT(5, hexStr("switch1", 7)), lldpT(6, hexStr("Some OS\x01v1", 11)),
			lldpT(7, "0014 0004"), lldpT(8, "05 01 0a000001 02 00000003 00"),
			lldpT(8, "07 06 000000000002 03 00000004 03 2b0601"), lldpT(8, "11 02 20010db8000000000000000000000001 02 00000001"),
			lldpT(8, "03 09 0102 02 00000001")), 0},
		{lldpFrame(lldpT(1, "01 "+hexStr("chassis", 7)), lldpT(2, "01 "+hexStr("alias", 5)), lldpT(3, "0078"),
			lldpT(1, "05 01 0a000001"), lldpT(2, "04 02 20010db8000000000000000000000001"), lldpT(1, "05 06 000000000003"),
			lldpT(1, "05 1a 0102"), lldpT(2, "03 000000000004"), lldpT(1, "09 0102"), lldpT(2, "06 "+hexStr("circuit", 7)),
			lldpT(1, "00 01"), lldpT(9, "0102"), lldpT(2, "07 6c6f63616c")), 0},
		// IEEE 802.1
		{frame(lldpOrg(d1, 1, "0064"), lldpOrg(d1, 2, "06 0065"), lldpOrg(d1, 3, "0066 05 "+hexStr("vlan1", 5)),
			lldpOrg(d1, 4, "02 8100"), lldpOrg(d1, 7, "03 00000005"), lldpOrg(d1, 8, "a5 0f"),
			lldpOrg(d1, 9, "c3 "+ets), lldpOrg(d1, 10, "00 "+ets), lldpOrg(d1, 11, "c8 29"),
			lldpOrg(d1, 12, "00 61 8906 a4 0cbc"), lldpOrg(d1, 13, "07 0f 25 ca e5"), lldpOrg(d1, 14, "88 00 0fff 001002 002003"),
			lldpOrg(d1, 5, "01020304"), lldpOrg(d1, 99, "00")), 0},
		// IEEE 802.1 of bad lengths
		{frame(lldpOrg(d1, 1, "00"), lldpOrg(d1, 2, "0600"), lldpOrg(d1, 3, "0066"), lldpOrg(d1, 3, "0066 05 41"),
			lldpOrg(d1, 4, ""), lldpOrg(d1, 4, "05 41"), lldpOrg(d1, 7, "03"), lldpOrg(d1, 8, "a5"), lldpOrg(d1, 9, "c3"),
			lldpOrg(d1, 10, "00"), lldpOrg(d1, 11, "c8"), lldpOrg(d1, 12, ""), lldpOrg(d1, 12, "00"), lldpOrg(d1, 12, "00 6189"),
			lldpOrg(d1, 13, "07"), lldpOrg(d1, 14, "88 00 0f"), lldpOrg(d1, 14, "88 00 0fff 0010"), lldpT(127, "0080c2")), 0},
		// IEEE 802.3
		{frame(lldpOrg(d3, 1, "03 6c01 0010"), lldpOrg(d3, 1, "00 0000 0028"), lldpOrg(d3, 1, "02 8000 00ff"),
			lldpOrg(d3, 2, "0f 01 03"), lldpOrg(d3, 2, "00 09 09"), lldpOrg(d3, 3, "01 00000007"), lldpOrg(d3, 4, "05ee"),
			lldpOrg(d3, 1, "03"), lldpOrg(d3, 2, "0f"), lldpOrg(d3, 3, "01"), lldpOrg(d3, 4, "05"), lldpOrg(d3, 9, "0102")), 0},
		// TIA LLDP-MED
		{frame(lldpOrg(tia, 1, "0033 03"), lldpOrg(tia, 2, "01 40 c8 ee"), lldpOrg(tia, 2, "09 a0 00 00"),
			lldpOrg(tia, 3, "01 4a 12345678 9b 87654321 13 00 40 00 00 01"), lldpOrg(tia, 3, "01 4b 12345678 9b 87654321 2f ff ff ff ff 07"),
			lldpOrg(tia, 3, "02 0e 02 5553 01 03 "+hexStr("CA1", 3)+" 06 03 "+hexStr("Elm", 3)),
			lldpOrg(tia, 3, "02 0d 01 5553 01 03 "+hexStr("CA1", 3)+" 06 03 "+hexStr("Elm", 3)+" 00"),
			lldpOrg(tia, 3, "02 0d 07 5553 09 03 "+hexStr("CA1", 3)+" 06 03 "+hexStr("Elm", 3)+" 00"),
			lldpOrg(tia, 3, "03 "+hexStr("1234567890", 10)), lldpOrg(tia, 3, "07 0102"),
			lldpOrg(tia, 4, "51 00c8"), lldpOrg(tia, 4, "a2 0500"),
			lldpOrg(tia, 5, hexStr("hw 1.0", 6)), lldpOrg(tia, 6, hexStr("fw", 2)), lldpOrg(tia, 7, hexStr("sw", 2)),
			lldpOrg(tia, 8, hexStr("SN1", 3)), lldpOrg(tia, 9, hexStr("Maker", 5)), lldpOrg(tia, 10, hexStr("M1", 2)),
			lldpOrg(tia, 11, hexStr("A1", 2)), lldpOrg(tia, 12, "00")), 0},
		// TIA of bad lengths
		{frame(lldpOrg(tia, 1, "0033"), lldpOrg(tia, 2, "01 40"), lldpOrg(tia, 3, ""), lldpOrg(tia, 3, "01 4a"),
			lldpOrg(tia, 3, "02"), lldpOrg(tia, 3, "02 02 02 5553"), lldpOrg(tia, 3, "02 09 02 5553"),
			lldpOrg(tia, 3, "02 06 02 5553 01"), lldpOrg(tia, 3, "02 07 02 5553 00 02 4142"),
			lldpOrg(tia, 3, "02 07 02 5553 01 05 4142"), lldpOrg(tia, 3, "02 07 02 5553 01 05 4142 00"),
			lldpOrg(tia, 3, "02 07 02 5553 00 02 4142 00"), lldpOrg(tia, 3, "02 06 02 5553 01 00"),
			lldpOrg(tia, 3, "02 06 02 5553 01 02 00"), lldpOrg(tia, 4, "51")), 0},
		// IANA MUD URL and DCBX
		{frame(lldpOrg(iana, 1, hexStr("https://x/\x00y", 12)), lldpOrg(iana, 2, "01020304"), lldpOrg(iana, 1, "41"),
			lldpOrg(dcbx, 1, "0102"),
			lldpOrg(dcbx, 2, lldpT(1, "00 00 00000001 00000002")+
				lldpT(2, "00 00 a0 00 01234567 0c0c0c0c0c0c0c28 08")+
				lldpT(3, "00 00 40 00 29 08")+
				lldpT(4, "00 00 80 00 8906 000000 08 0cbc 400000 04")+
				lldpT(9, "0102")),
			lldpOrg(dcbx, 2, lldpT(1, "00 00 0000")+lldpT(2, "0000")),
			lldpOrg(dcbx, 2, lldpT(3, "0000")+lldpT(4, "00")),
			lldpOrg(dcbx, 2, "0210 00"), lldpOrg(dcbx, 2, "0000 0102"),
			lldpOrg(dcbx, 3, "00"), lldpT(127, "aabbcc 01 02")), 0},
		// cut short: a TLV header, a TLV past the frame, the capture
		{lldpFrame(base...) + "02", 0},
		{"0180c200000e 000000000001 88cc " + base[0] + "0a20 6566", 0},
		{hexCut(frame(lldpT(5, hexStr("switch1", 7))), 14+9+8+2+5), 0},
		// too short for what tcpdump reads
		{lldpFrame(lldpT(1, "04"), lldpT(3, "00")), 0},
		{lldpFrame(lldpT(1, "04 0000")), 0},
		{lldpFrame(lldpT(2, "04 01 0a00")), 0},
		{lldpFrame(lldpT(3, "00")), 0},
		{lldpFrame(lldpT(7, "0014")), 0},
		{lldpFrame(lldpT(8, "")), 0},
		{lldpFrame(lldpT(8, "09 01 0a000001")), 0},
		{lldpFrame(lldpT(8, "05 01 0a000001 02 0000")), 0},
		{lldpFrame(lldpT(8, "05 01 0a000001 02 00000003 05 2b")), 0},
		{lldpFrame(lldpT(8, "02 01 0a000001 02 00000003")), 0},
		{lldpFrame(lldpT(127, "0080")), 0},
	}
	return pkts
}

// TestLLDPLikeTcpdump prints crafted LLDP frames with the local tcpdump
// and with the printer and compares the two.
func TestLLDPLikeTcpdump(t *testing.T) { protoLikeTcpdump(t, "lldp", lldpCrafted()) }

func init() { addFuzzSeeds(lldpCrafted()) }

// randomFieldBytes is n random bytes in hex, many of them 0, 1 or 0xff as
// the length and type fields of real messages hold.
func randomFieldBytes(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		switch rng.IntN(6) {
		case 0, 1:
		case 2:
			b[i] = 1
		case 3:
			b[i] = 0xff
		default:
			b[i] = byte(rng.IntN(256))
		}
	}
	return hex.EncodeToString(b)
}

// lldpRandomCases are LLDP frames of random TLVs from a fixed seed: the
// basic TLVs with random subtypes, and organisation-specific ones of the
// IEEE 802.1, IEEE 802.3, TIA, DCBX and IANA OUIs with random subtypes
// and values of random lengths (many zeros, ones and 0xff, as the length
// and type fields of real TLVs hold), some without an End TLV and some
// cut short. Every branch of the TLV decoders meets lengths below, at
// and above what it reads.
func lldpRandomCases() []crafted {
	rng := rand.New(rand.NewPCG(17, 4))
	value := func(n int) string { return randomFieldBytes(rng, n) }
	ouis := []string{"0080c2", "00120f", "0012bb", "001b21", "00005e"}
	basic := []int{1, 2, 3, 4, 5, 6, 7, 8}
	var pkts []crafted
	for range 150 {
		var tlvs []string
		for range 1 + rng.IntN(6) {
			switch k := rng.IntN(10); {
			case k < 5:
				sub := byte(rng.IntN(16))
				tlvs = append(tlvs, lldpOrg(ouis[rng.IntN(len(ouis))], sub, value(rng.IntN(31))))
			case k < 9:
				typ := basic[rng.IntN(len(basic))]
				v := fmt.Sprintf("%02x", rng.IntN(10)) + value(rng.IntN(21))
				if typ == 8 {
					v = fmt.Sprintf("%02x%02x", 1+rng.IntN(17), rng.IntN(3)) + value(rng.IntN(31))
				}
				tlvs = append(tlvs, lldpT(typ, v))
			default:
				tlvs = append(tlvs, lldpT(9+rng.IntN(118), value(rng.IntN(8))))
			}
		}
		frame := lldpFrame(tlvs...)
		if rng.IntN(4) == 0 {
			frame = strings.TrimSuffix(frame, "0000")
		}
		c := crafted{frame, 0}
		if n := hexLen(frame); rng.IntN(5) == 0 {
			c = crafted{hexCut(frame, 15+rng.IntN(n-15)), n}
		}
		pkts = append(pkts, c)
	}
	return pkts
}

// TestLLDPRandomLikeTcpdump prints lldpRandomCases with the local
// tcpdump and with the printer and compares the two.
func TestLLDPRandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "lldprandom", cbpf.LinkEN10MB, lldpRandomCases(), []flagSet{
		{[]string{"-nn", "-e"}, Options{NumericLevel: 2, LinkHeader: true}},
		{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
		{[]string{"-nn", "-vvv"}, Options{NumericLevel: 2, Verbose: 3}},
	})
}
