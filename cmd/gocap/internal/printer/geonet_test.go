package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// geonetCommon is a GeoNetworking common header (36 bytes) of the
// version and next header, the type and subtype, payload length 10 and
// hop limit 7, then the rest.
func geonetCommon(vnh, htst byte, rest string) string {
	return fmt.Sprintf("%02x %02x 0000 000a 00 07 ", vnh, htst) + "0102030405060708 00000000 00000064 000000c8 " +
		strings.Repeat("00", 8) + " " + rest
}

func geonetCrafted() []crafted {
	eth := func(t string, body string) crafted { return crafted{"ffffffffffff 000000000001 " + t + " " + body, 0} }
	btp := "07d1 0000 01 02 030405"
	var pkts []crafted
	for _, h := range []byte{0x00, 0x10, 0x20, 0x30, 0x31, 0x32, 0x33, 0x40, 0x41, 0x42, 0x43, 0x50, 0x51, 0x52, 0x60, 0x61, 0x62, 0x70} {
		rest := btp
		if h == 0x51 {
			rest = strings.Repeat("00", 32) + " " + btp
		}
		pkts = append(pkts, eth("8947", geonetCommon(0x11, h, rest)))
	}
	pkts = append(pkts,
		eth("8947", geonetCommon(0x12, 0x10, "07d1 0000 65 6b")),
		eth("8947", geonetCommon(0x12, 0x10, "07d1 0000 01 96")),
		eth("8947", geonetCommon(0x12, 0x10, "07d1 0000 01")),
		eth("8947", geonetCommon(0x12, 0x10, "07d1 00")),
		eth("8947", geonetCommon(0x10, 0x10, "0102")),
		eth("8947", geonetCommon(0x13, 0x10, "0102")),
		eth("8947", geonetCommon(0x1f, 0x00, "0102")),
		eth("0707", geonetCommon(0x21, 0x10, btp)),
		eth("8947", geonetCommon(0x11, 0x51, "0000")),
		eth("8947", "1101 0000"),
		eth("8947", ""),
		// CALM FAST
		eth("1111", "05 06 0102030405"),
		eth("1111", "05 06"),
		eth("1111", "05"),
		eth("1111", ""),
	)
	whole := "ffffffffffff 000000000001 8947 " + geonetCommon(0x11, 0x10, btp)
	cf := "ffffffffffff 000000000001 1111 05 06 0102030405"
	pkts = append(pkts, crafted{hexCut(whole, 14+22), hexLen(whole)}, crafted{hexCut(whole, 14+36+2), hexLen(whole)},
		crafted{hexCut(whole, 14+36+6), hexLen(whole)}, crafted{hexCut(cf, 14+4), hexLen(cf)})
	// Realtek: RRCP of each opcode, REP, RLDP, DSA tags
	for _, r := range []string{"01 00 2379", "01 80 2379 03 04 001122334455 8316 0000000a", "01 01 2379 0102 03040506 01020304 05060708",
		"01 82 2379 0102 03040506 01020304 05060708", "01 05 2379", "02", "03", "23", "04", "93", "a5", "77", "01 81 23", "01 80 2379 03 04 0011"} {
		pkts = append(pkts, eth("8899", r))
	}
	// SNAP with the Ethernet OUI
	pkts = append(pkts, crafted{"ffffffffffff 000000000001 000b aaaa03 000000 1111 05 06 01", 0},
		crafted{"ffffffffffff 000000000001 0009 aaaa03 000000 8899 02", 0})
	return pkts
}

// TestGeoNetLikeTcpdump prints GeoNetworking packets of every header
// type and next header, CALM FAST and Realtek (RRCP, REP, RLDP and DSA
// tags) frames, invalid and cut short, over Ethernet, SNAP, Linux
// cooked captures (where they have no source address) and IP over
// FireWire, as tcpdump does.
func TestGeoNetLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "geonet", geonetCrafted())
	compareWithTcpdump(t, "geonet_e", cbpf.LinkEN10MB, geonetCrafted(), linkEFlagSets)
	sll := func(t, body string) crafted { return crafted{"0000 0001 0006 000000000001 0000 " + t + " " + body, 0} }
	linkTypeLikeTcpdump(t, cbpf.LinkLinuxSLL, []crafted{
		sll("8947", geonetCommon(0x11, 0x10, "07d1 0000 01 02")),
		sll("1111", "05 06 0102"),
		sll("8899", "01 01 2379 0102 03040506 01020304 05060708"),
	})
	fw := func(t, body string) crafted { return crafted{"0102030405060708 1112131415161718 " + t + " " + body, 0} }
	linkTypeLikeTcpdump(t, cbpf.LinkAppleIPOverIEEE1394, []crafted{
		fw("8947", geonetCommon(0x11, 0x10, "07d1 0000 01 02")),
		fw("1111", "05 06 0102"),
		fw("8899", "02"),
	})
}

func init() { addFuzzSeeds(geonetCrafted()) }
