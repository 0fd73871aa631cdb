package printer

import (
	"fmt"
	"strings"
	"testing"
)

// hncpTLV is an HNCP TLV of the type holding body (hex), padded to a
// multiple of 4 bytes, its length field the body's.
func hncpTLV(typ uint16, body string) string {
	n := hexLen(body)
	return fmt.Sprintf("%04x %04x ", typ, n) + body + strings.Repeat("00", (4-n%4)%4) + " "
}

func hncpCrafted() []crafted {
	v6 := "20010db8000000000000000000000001"
	mapped := "00000000000000000000ffff0a000001"
	nested := hncpTLV(36, "00000001 "+mapped) + hncpTLV(36, "00000002 "+v6) + hncpTLV(41, mapped+"05 "+hexStr("node1", 5))
	tlvs := []string{
		hncpTLV(1, ""), hncpTLV(1, "00"), hncpTLV(2, "01020304"), hncpTLV(2, "0102"),
		hncpTLV(3, "01020304 00000005"), hncpTLV(3, ""), hncpTLV(4, "0102030405060708"), hncpTLV(4, "01"),
		hncpTLV(5, "01020304 00000009 00001388 0102030405060708 "+hncpTLV(36, "00000001 "+mapped)), hncpTLV(5, "01"),
		hncpTLV(8, "01020304 00000001 00000002"), hncpTLV(8, ""), hncpTLV(9, "00000001 00002710"), hncpTLV(9, "00"),
		hncpTLV(10, "01 000000 "+strings.Repeat("ab", 32)+hexStr("cn\x01x", 6)), hncpTLV(10, "01"),
		hncpTLV(32, "0000 1234 "+hexStr("ua", 3)), hncpTLV(32, "00"),
		hncpTLV(33, hncpTLV(34, "00001388 000003e8 30 20010db80000")+hncpTLV(37, "06 08 0a000001 0a000002 2a 04 0a000003")),
		hncpTLV(34, "00001388 000003e8 78 00000000000000000000ffff 0a0000 "+hncpTLV(43, "00")),
		hncpTLV(34, "00001388 000003e8 81 00"), hncpTLV(34, "00001388 000003e8 ff 00000000000000000000ffff 0a0000"),
		hncpTLV(34, "00001388"),
		hncpTLV(43, "00"), hncpTLV(43, "0000"), hncpTLV(43, "30 20010db80000"), hncpTLV(43, "81"),
		hncpTLV(43, "81 "+hexStr("\x03www\x07example\x03com", 17)), hncpTLV(43, "81 03777777"),
		hncpTLV(43, "82 "+hexStr("opaque\x01", 7)), hncpTLV(43, "83"), hncpTLV(43, "83 00"), hncpTLV(43, "99"), hncpTLV(43, ""),
		hncpTLV(37, "06 04 0a000001 77 05 03616263 00"), hncpTLV(37, "06 03 0a0000"), hncpTLV(37, ""),
		hncpTLV(38, "0017 0010 "+v6+" 0018 0005 03616263 00 001f 0000 0063 0001 00"),
		hncpTLV(38, "0017 0004 0a000001"), hncpTLV(38, "0017 00ff"), hncpTLV(38, ""),
		hncpTLV(35, "00000001 0f 40 20010db800000000 "+hncpTLV(43, "00")), hncpTLV(35, "00000001 0f ff"),
		hncpTLV(35, "00000001 0f 40 2001"), hncpTLV(35, "00"),
		hncpTLV(36, "00000001 "+mapped), hncpTLV(36, "00"),
		hncpTLV(39, v6+"07 "+hexStr("\x03lan\x00", 5)+hncpTLV(1, "")), hncpTLV(39, v6+"00 03616263"), hncpTLV(39, "00"),
		hncpTLV(40, hexStr("\x04home\x04arpa\x00", 11)), hncpTLV(40, ""),
		hncpTLV(41, v6+"04 "+hexStr("r\x01ut", 4)), hncpTLV(41, v6+"40 "+strings.Repeat("61", 64)), hncpTLV(41, v6+"09 61"),
		hncpTLV(41, "00"),
		hncpTLV(42, strings.Repeat("cd", 32)+hncpTLV(1, "")), hncpTLV(42, "00"),
		hncpTLV(0, ""), hncpTLV(6, ""), hncpTLV(7, "00"), hncpTLV(11, ""), hncpTLV(100, ""), hncpTLV(600, ""),
		hncpTLV(800, "01"), hncpTLV(2000, ""),
	}
	all := strings.Join(tlvs, "")
	var pkts []crafted
	add := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: craftedUDP4(8231, 8231, x)})
		}
	}
	add(tlvs...)
	add(all, hncpTLV(5, "01020304 00000009 00001388 0102030405060708 "+nested),
		hncpTLV(2, "01020304")+hncpTLV(2, "01020304")+hncpTLV(1, "")+hncpTLV(2, "01020304"),
		hncpTLV(33, hncpTLV(1, "")+hncpTLV(1, "")+hncpTLV(3, "0102030400000005")),
		"0001 00", "0001 0008 0000", hncpTLV(33, "0001 0008 00000000"), hncpTLV(33, "0001"), "",
		hncpTLV(37, "77 0c 03616263 c0 00")+hncpTLV(37, "77 04 c0 02 4000")+hncpTLV(37, "77 04 41 0c abcd"),
		hncpTLV(37, "77 04 80 00 0000")+hncpTLV(37, "77 05 41 00 0000 00")+hncpTLV(37, "77 04 0a 616263"),
		hncpTLV(38, "0018 0007 03616263 c0 03"))
	for _, n := range []int{1, 10, 50, 200, 400} {
		pkts = append(pkts, craftedCut(craftedUDP4(8231, 8231, all), n))
	}
	pkts = append(pkts, craftedCut(craftedUDP4(8231, 8231, hncpTLV(33, hncpTLV(1, "")+hncpTLV(3, "0102030400000005"))), 3))
	return pkts
}

// TestHNCPLikeTcpdump prints HNCP messages holding every TLV type
// tcpdump decodes (nested ones too, with DHCP options, prefixes and DNS
// names), unknown and reserved types, bad lengths and messages cut
// short, at each verbosity (which decides what is summarised on one
// line), as tcpdump does.
func TestHNCPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "hncp", hncpCrafted()) }

func init() { addFuzzSeeds(hncpCrafted()) }
