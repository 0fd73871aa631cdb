package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

const bgpMarker = "ffffffffffffffffffffffffffffffff"

// bgpMsg is a BGP message of type typ with body (hex) and its correct
// length.
func bgpMsg(typ byte, body string) string {
	body = strings.ReplaceAll(body, " ", "")
	return fmt.Sprintf("%s%04x%02x", bgpMarker, 19+len(body)/2, typ) + body
}

// bgpLen is a BGP message with any length field.
func bgpLen(typ byte, length int, body string) string {
	return fmt.Sprintf("%s%04x%02x", bgpMarker, length, typ) + strings.ReplaceAll(body, " ", "")
}

// bgpAttr is a path attribute of flags and type with value (hex).
func bgpAttr(flags, typ byte, value string) string {
	value = strings.ReplaceAll(value, " ", "")
	if flags&0x10 != 0 {
		return fmt.Sprintf("%02x%02x%04x", flags, typ, len(value)/2) + value
	}
	return fmt.Sprintf("%02x%02x%02x", flags, typ, len(value)/2) + value
}

// bgpUpdate is an UPDATE of withdrawn routes, attributes and NLRI (hex).
func bgpUpdate(withdrawn, attrs, nlri string) string {
	withdrawn = strings.ReplaceAll(withdrawn, " ", "")
	attrs = strings.ReplaceAll(attrs, " ", "")
	return bgpMsg(2, fmt.Sprintf("%04x", len(withdrawn)/2)+withdrawn+fmt.Sprintf("%04x", len(attrs)/2)+attrs+nlri)
}

// bgpOpen is an OPEN of AS 65001, hold time 180, ID 10.0.0.1 with opts.
func bgpOpen(opts string) string {
	opts = strings.ReplaceAll(opts, " ", "")
	return bgpMsg(1, fmt.Sprintf("04 fde9 00b4 0a000001 %02x", len(opts)/2)+opts)
}

// bgpCaps is a capabilities option of caps.
func bgpCaps(caps string) string {
	caps = strings.ReplaceAll(caps, " ", "")
	return fmt.Sprintf("02%02x", len(caps)/2) + caps
}

// bgpNested is n ATTR_SETs, each holding the next, the innermost an
// ORIGIN.
func bgpNested(n int) string {
	a := bgpAttr(0x40, 1, "00")
	for i := 0; i < n; i++ {
		a = bgpAttr(0xd0, 128, fmt.Sprintf("%08x", i)+a)
	}
	return a
}

var bgpKeepalive = bgpMsg(4, "")

// A well-formed set of the common path attributes.
var bgpCommonAttrs = bgpAttr(0x40, 1, "00") +
	bgpAttr(0x40, 2, "02 03 fde9 fdea 0001 01 02 0064 00c8") +
	bgpAttr(0x40, 3, "0a000001") +
	bgpAttr(0x80, 4, "00000064") +
	bgpAttr(0x40, 5, "00000096") +
	bgpAttr(0x40, 6, "") +
	bgpAttr(0xc0, 7, "fde9 0a000002") +
	bgpAttr(0xc0, 8, "fde90064 ffffff01 ffffff02 ffffff03 00010002") +
	bgpAttr(0x80, 9, "0a000003") +
	bgpAttr(0x80, 10, "0a000004 0a000005") +
	bgpAttr(0xc0, 32, "0000fde9 00000001 00000002 0000fdea 00000003 00000004")

var bgpCases = []crafted{
	// header loop: keepalives, several messages, a bad marker, garbage
	// before a marker, a short length, a message cut short
	{tcpSegment(179, 40000, bgpKeepalive), 0},
	{tcpSegment(6653, 179, bgpKeepalive), 0}, // BGP before OpenFlow
	{tcpSegment(40000, 179, bgpKeepalive+bgpKeepalive+bgpMsg(9, "0102030405")), 0},
	{tcpSegment(40000, 179, "0102ff03"+bgpKeepalive), 0},
	{tcpSegment(40000, 179, "ffffffff"+bgpKeepalive), 0},
	{tcpSegment(40000, 179, bgpLen(4, 10, "")), 0},
	{tcpSegment(40000, 179, bgpLen(2, 200, "00000000")), 0},
	{tcpSegment(40000, 179, bgpMarker+"00"), 0},
	{tcpSegment(40000, 179, "00112233"), 0},
	{tcpSegment(40000, 179, ""), 0},
	{tcpSegment(40000, 179, bgpKeepalive+bgpMarker), 0},
	// OPEN
	{tcpSegment(40000, 179, bgpOpen("")), 0},
	{tcpSegment(40000, 179, bgpOpen(bgpCaps("0104 00010001")+bgpCaps("0104 00020080")+bgpCaps("0200")+bgpCaps("8000")+
		bgpCaps("4104 00030d40")+bgpCaps("4006 80b4 00010180")+bgpCaps("4008 0078 00010100 00020100")+
		bgpCaps("4508 00010103 00020102")+bgpCaps("4504 000101 07")+bgpCaps("0804 00010403")+bgpCaps("4700")+
		bgpCaps("4602 abcd")+bgpCaps("9900"))), 0},
	{tcpSegment(40000, 179, bgpOpen("0103 010203"+bgpCaps("0102 0001"))), 0},
	{tcpSegment(40000, 179, bgpOpen(bgpCaps("4102 0001"))), 0},
	{tcpSegment(40000, 179, bgpOpen(bgpCaps("4001 00"))), 0},
	{tcpSegment(40000, 179, bgpOpen(bgpCaps("4500")+bgpCaps("4503 000101"))), 0},
	{tcpSegment(40000, 179, bgpOpen("0210 0104000100")), 0},
	{tcpSegment(40000, 179, bgpOpen(bgpCaps("0110 0001"))), 0},
	{tcpSegment(40000, 179, bgpMsg(1, "04 fde9 00b4 0a00")), 0},
	{tcpSegment(40000, 179, bgpMsg(1, "04 fde9 00b4 0a000001 08 0206 0104")), 0},
	// NOTIFICATION
	{tcpSegment(40000, 179, bgpMsg(3, "0102")+bgpMsg(3, "0203")+bgpMsg(3, "030b")+bgpMsg(3, "0400")+
		bgpMsg(3, "0501")+bgpMsg(3, "0701")+bgpMsg(3, "0905")+bgpMsg(3, "0109")), 0},
	{tcpSegment(40000, 179, bgpMsg(3, "0601 0001 01 00001000")+bgpMsg(3, "0601")+bgpMsg(3, "0603")+bgpMsg(3, "0607")), 0},
	{tcpSegment(40000, 179, bgpMsg(3, "0602 05"+fmt.Sprintf("%x", "bye\x01!"))+bgpMsg(3, "0604 00")+
		bgpMsg(3, "0602 02 6869 0102030405")+bgpMsg(3, "0604 20 6869")+bgpMsg(3, "0602")), 0},
	{tcpSegment(40000, 179, bgpMsg(3, "06")), 0},
	// ROUTE-REFRESH
	{tcpSegment(40000, 179, bgpMsg(5, "0001 00 01")+bgpMsg(5, "0002 00 80 0102")+bgpMsg(5, "0001")), 0},
	// UPDATE: End-of-RIB, withdrawn routes, the common attributes, NLRI
	{tcpSegment(40000, 179, bgpUpdate("", "", "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("18 0a0b0c 20 0a000001 00 0f 0a02", "", "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpCommonAttrs, "18c0a801 10ac10 00 1d0a0a0a08")), 0},
	{tcpSegment(40000, 179, bgpUpdate("21 0a0b0c", "", "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("18 0a0b", "", "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", "", "21 0a")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", "", "18 0a")), 0},
	{tcpSegment(40000, 179, bgpUpdate("01", "", "")), 0},
	// ADD-PATH NLRI and withdrawn routes
	{tcpSegment(40000, 179, bgpUpdate("00000001 18 0a0b0c 00000002 00", bgpAttr(0x40, 1, "02"), "00000005 18c0a801 00000006 10ac10")), 0},
	// AS paths: 4-byte, sets, confederations, bad segment types
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x40, 2, "02 02 0001fde9 0002fdea 01 01 00030001")+
		bgpAttr(0x40, 2, "03 01 0064 04 02 00c8 012c")+bgpAttr(0xc0, 17, "02 01 00010000")+
		bgpAttr(0x40, 2, "")+bgpAttr(0x40, 2, "020100")+bgpAttr(0x40, 2, "09 01 0001")+
		bgpAttr(0xc0, 7, "0001fde9 0a000002")+bgpAttr(0xc0, 18, "0001fde9 0a000002"), "")), 0},
	// invalid lengths
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x40, 1, "0001")+bgpAttr(0x40, 1, "07")+bgpAttr(0x40, 3, "0a00")+
		bgpAttr(0x80, 4, "00")+bgpAttr(0x40, 5, "")+bgpAttr(0x40, 6, "00")+bgpAttr(0xc0, 7, "0001")+
		bgpAttr(0xc0, 18, "00")+bgpAttr(0xc0, 8, "000001")+bgpAttr(0x80, 9, "00")+bgpAttr(0x80, 10, "0a0000")+
		bgpAttr(0xc0, 16, "0002")+bgpAttr(0xc0, 32, "00000001")+bgpAttr(0xc0, 32, ""), "")), 0},
	// flags: extended length, low bits; unknown attributes
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x5f, 1, "00")+bgpAttr(0xc0, 99, "0102030405")+
		bgpAttr(0x00, 255, "")+bgpAttr(0xe0, 22, "00 06 000640 0a000001"), "")), 0},
	// extended communities
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 16, "0002fde900000064 01020a000001000a 02020001fde90064"+
		"0003fde900000064 4004fde949742400 00050a0000010000 03060a00000105 01 03060a00000107 00"+
		"800a 04 01 05dc 0000 00090064 00000000 030c 00000000 0008 010b 0a000001 0001 000a fde9 00000001"+
		"8801 0102030405 06 0042 0102030405 06 8000 0a000001 81 00"), "")), 0},
	// attribute lists cut short
	{tcpSegment(40000, 179, bgpUpdate("", "40", "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", "5001 00", "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", "400104 00", "")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0010 40010100")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0005 1801")), 0},
	// MP_REACH / MP_UNREACH: IPv4 and IPv6 unicast, multicast, labeled,
	// VPN, unknown AFI/SAFI, SNPAs, End-of-RIB
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 04 0a000001 00 18c0a801 10ac10")+
		bgpAttr(0x80, 14, "0002 01 20 20010db8000000000000000000000001 fe800000000000000000000000000001 00 30 20010db80001 40 20010db800000000")+
		bgpAttr(0x80, 14, "0002 02 10 20010db8000000000000000000000001 02 02 aabb 00 20 20010db8")+
		bgpAttr(0x80, 15, "0001 01")+bgpAttr(0x80, 15, "0002 01 30 20010db80001")+
		bgpAttr(0x80, 15, "0001 02 18 0a0b0c 20 0a000001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 04 04 0a000001 00 3000065 1 0a0b 3000064 0 0a0c")+
		bgpAttr(0x80, 14, "0002 04 10 20010db8000000000000000000000001 00 4800065120010db8")+
		bgpAttr(0x80, 14, "0001 80 0c 0000 0000fde9 00000064 0a000001 00 70 000641 0000fde900000064 0a0b0c"+
			" 70 000651 0001 0a000001 0064 0a0b0c")+
		bgpAttr(0x80, 14, "0002 80 18 0002 0000fde9 0064 20010db8000000000000000000000001 00 98 000641 0000fde900000064 20010db80001")+
		bgpAttr(0x80, 15, "0001 80 70 000641 0009fde900000064 0a0b0c")+
		bgpAttr(0x80, 14, "0005 01 00 00")+bgpAttr(0x80, 15, "0001 46 0102"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 02 0a00 00 1801020304")+
		bgpAttr(0x80, 14, "0001 01 08 0a000001 0a000002 00 21 0a")+
		bgpAttr(0x80, 14, "0002 01 10 20010db8000000000000000000000001 00 81"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 04 0a000001 00 00000001 18c0a801 00000002 10ac10")+
		bgpAttr(0x80, 15, "0001 01 00000001 18c0a801 00000002 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 08 0a000001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 04 0a000001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 04 0a000001 02 04 01020304 09"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001"), "")), 0},
	// route target membership, MDT, multicast VPN
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 84 04 0a000001 00 00 60 0000fde9 0002fde900000064"+
		" 60 0000fde9 01020a0000010064 48 0000fde9 0202fd 58 0000fde9 03030000000000 28 0000fde9 ff 10 00")+
		bgpAttr(0x80, 14, "0001 84 04 0a000001 00 70 00")+
		bgpAttr(0x80, 14, "0001 42 04 0a000001 00 80 0000fde900000064 0a000001 e8000001 40 00")+
		bgpAttr(0x80, 15, "0001 42 80 00010a0000010064 0a000002 e8000002"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 05 04 0a000001 00"+
		" 01 0c 0000fde900000064 0a000001  01 0a 0000fde900000064 0a00  02 0c 0000fde900000064 0000fdea"+
		" 03 16 0000fde900000064 20 0a000001 20 e8000001 0a000003  03 14 0000fde900000064 00 00 0a000003 0a000004"+
		" 04 02 0102  05 12 0000fde900000064 20 0a000001 20 e8000001"+
		" 06 16 0000fde900000064 0000fdea 20 0a000001 20 e8000001  07 0e 0000fde900000064 0000fdea 00 00"+
		" 07 2e 0000fde900000064 0000fdea 80 20010db8000000000000000000000001 80 ff020000000000000000000000000001"+
		" 09 00"), "")), 0},
	// L2VPN / VPLS
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0019 41 04 0a000001 00 000c 0000fde900000064 0a000001"+
		" 0013 0000fde900000064 0005 0000 000641 01 0008 ab"+
		" 0016 0000fde900000064 0005 0000 000641 02 0010 0102 05 0000")+
		bgpAttr(0x80, 15, "00c4 80 0014 0000fde900000064 0005 0000 000641 01 0010 ab")+
		bgpAttr(0x80, 15, "00c4 80 0012 0000fde900000064 0005 0000 000641 07 0010")+
		bgpAttr(0x80, 15, "00c4 80 0010 0000fde900000064 0005 0000 0006"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "00c4 80 0080 0000fde900000064 0005 0000 000641 01 0300"+strings.Repeat("ab", 96)+"00"), "")), 0},
	// NSAP
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0003 01 14 47000580ffff000000000000000000000000000100 00 48 000000 490001020304050607 00")+
		bgpAttr(0x80, 14, "0003 80 14 0000fde900000064 470006010a00000100000000 00 a0 000641 0000fde900000064 4900010203")+
		bgpAttr(0x80, 14, "0003 80 1b 0000fde900000064 350000 20010db8000000000000000000000001 00 00")+
		bgpAttr(0x80, 14, "0003 80 04 0a000001 00 00")+bgpAttr(0x80, 15, "0003 02 f0 0102")+bgpAttr(0x80, 15, "0003 82 40"), "")), 0},
	// ATTR_SET, nested and cut short
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fde9"+bgpAttr(0x40, 1, "00")+bgpAttr(0x40, 2, "0201fde9")+
		bgpAttr(0xc0, 128, "00000001"+bgpAttr(0, 5, "00000064"))), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fde9 40"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fde9 400105 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000"), "")), 0},
	// ATTR_SET nested too deep
	{tcpSegment(40000, 179, bgpUpdate("", bgpNested(12), "")), 0},
	// path attribute length past the attributes
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0004 40010500 0102030405")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0001 40")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0003 500100")), 0},
}

// bgpMoreCases are PMSI tunnels, AIGP, communities, the other extended
// communities, unknown attributes, more capabilities, notifications,
// route refresh subtypes, AFI/SAFI pairs and AS paths.
var bgpMoreCases = []crafted{
	// PMSI tunnels of every type, AIGP, communities, large communities
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 22, "80 01 000641 0a000001 00000007")+
		bgpAttr(0xc0, 22, "00 02 000000 0a000001 01020304")+bgpAttr(0xc0, 22, "01 03 000011 0a000001 e8000001")+
		bgpAttr(0xc0, 22, "00 04 000011 0a000001 e8000001")+bgpAttr(0xc0, 22, "00 05 000011 0a000001 e8000001")+
		bgpAttr(0xc0, 22, "00 07 000011 0a000001 e8000001")+bgpAttr(0xc0, 22, "00 09 000011 0a000001 e8")+
		bgpAttr(0xc0, 22, "00 00 0000"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 26, "01 000b 0000000000000064")+
		bgpAttr(0x80, 26, "02 0005 abcd 01 000b 0000000000000064")+bgpAttr(0x80, 26, "01 0002")+
		bgpAttr(0x80, 26, "01 0008 0001")+bgpAttr(0x80, 26, "01 0005 0001")+bgpAttr(0x80, 26, "0100"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 8, "ffffff01 ffffff02 ffffff03 ffffff04 00010002")+
		bgpAttr(0xc0, 8, "00010002 ffffff01")+bgpAttr(0xc0, 8, "")+bgpAttr(0xc0, 32, "0000fde9 00000001 00000002")+
		bgpAttr(0xc0, 32, "0000fde9 00000001 0000000200"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 8, "ffffff01 ffffff02"), "")), 0},
	// extended communities: the rest, link bandwidth in single precision
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xd0, 16, "000afde900000064 010a0a000001000a 0009fde900000064"+
		" 010b0a0000010001 02030001fde90064 01030a0000010064 00050a00000100c8 01050a0000010000 02050a0000010100"+
		" 80050a0000010000 80010a0000010000 01070a0000010000 80000a0000010501"+
		" 88020102030405 06 88030102030405 06 88040102030405 06 88050102030405 06 88000102030405 06"+
		" f10a0102030405 06 43210102030405 06 03060a0000010700 03060a0000018100"+
		" 800a050005dc0000 800a130005dc0000 030c00000000000d 4004ee72560df702 40040000ffffffff 400400007f800001 400400007f7fffff 40040000ff800000 4004000080000000 4004000000000001"), "")), 0},
	// unknown attributes and -vv dumps
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 23, "0102")+bgpAttr(0xc0, 25, "0102030405060708")+
		bgpAttr(0x80, 13, "0a000001")+bgpAttr(0x80, 11, "0102")+bgpAttr(0x80, 28, "")+bgpAttr(0xc0, 33, "00"), "")), 0},
	// capabilities: graceful restart variants, AS4, multiple labels, LLGR, ADD-PATH
	{tcpSegment(40000, 179, bgpOpen(bgpCaps("4002 0078")+bgpCaps("4002 8078")+bgpCaps("4006 4078 00010100")+
		bgpCaps("4005 c078 000101")+bgpCaps("0803 000104")+bgpCaps("0805 00010403 01")+
		bgpCaps("4103 000001")+bgpCaps("4104 fde90000")+bgpCaps("4700")+bgpCaps("4707 00010180000001")+
		bgpCaps("8002 0102")+bgpCaps("0500")+bgpCaps("0506 000100010002")+bgpCaps("4300")+bgpCaps("0300"))), 0},
	{tcpSegment(40000, 179, bgpOpen(bgpCaps("0105 0001000101")+bgpCaps("0103 000101")+bgpCaps("0200 0200"))), 0},
	{tcpSegment(40000, 179, bgpOpen("0202 0100")), 0},
	{tcpSegment(40000, 179, bgpOpen("0205 0100")), 0},
	{tcpSegment(40000, 179, bgpOpen("0100")), 0},
	{tcpSegment(40000, 179, bgpOpen("0302 0102")), 0},
	{tcpSegment(40000, 179, bgpMsg(1, "03 fde9 0000 0a000001 00")), 0},
	// notifications: all codes
	{tcpSegment(40000, 179, bgpMsg(3, "0100")+bgpMsg(3, "0101 01")+bgpMsg(3, "0202 fde9")+bgpMsg(3, "0207")+
		bgpMsg(3, "0208")+bgpMsg(3, "0300")+bgpMsg(3, "030c")+bgpMsg(3, "0500")+bgpMsg(3, "0504")+bgpMsg(3, "0700")+
		bgpMsg(3, "0704")+bgpMsg(3, "0705")+bgpMsg(3, "0800")+bgpMsg(3, "0600")+bgpMsg(3, "0608")+bgpMsg(3, "0609")+
		bgpMsg(3, "060a")+bgpMsg(3, "0605")), 0},
	{tcpSegment(40000, 179, bgpMsg(3, "0601 0002 80 00000001")+bgpMsg(3, "0601 0001 01 0000")+
		bgpMsg(3, "0601 0001 01 00001000 ff")+bgpMsg(3, "0602 80"+strings.Repeat("41", 128))+
		bgpMsg(3, "0604 03 616263")+bgpMsg(3, "0602 00")), 0},
	// route refresh: ORF, subtypes
	{tcpSegment(40000, 179, bgpMsg(5, "0001 01 01")+bgpMsg(5, "0001 02 01")+bgpMsg(5, "0019 00 41")+
		bgpMsg(5, "0001 00")), 0},
	// MP_REACH: more AFI/SAFI and next hops
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 02 04 0a000001 00 04e0")+
		bgpAttr(0x80, 14, "0002 04 20 20010db8000000000000000000000001 fe800000000000000000000000000001 00 4800064120010db8")+
		bgpAttr(0x80, 14, "0002 01 04 0a000001 00 00")+bgpAttr(0x80, 14, "0002 80 0c 0000000000000000 0a000001 00 00")+
		bgpAttr(0x80, 14, "0002 80 30 0000000000000000 20010db8000000000000000000000001 0000000000000000 fe800000000000000000000000000001 00 00")+
		bgpAttr(0x80, 14, "0001 80 10 0000000000000000 20010db8000000000000000000000001 00")+
		bgpAttr(0x80, 14, "0001 81 0c 0000000000000000 0a000001 00 58 000641 0000fde900000064")+
		bgpAttr(0x80, 14, "0001 01 10 20010db8000000000000000000000001 00 00")+
		bgpAttr(0x80, 14, "0001 01 05 0a00000102 00 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 04 04 0a000001 00 38 800000 0a0b0c")+
		bgpAttr(0x80, 15, "0001 04 38 800000 0a0b0c 18 000001")+
		bgpAttr(0x80, 15, "0002 80 58 800000 0000fde900000064")+
		bgpAttr(0x80, 14, "0002 02 10 20010db8000000000000000000000001 00 80 ff020000000000000000000000000001")+
		bgpAttr(0x80, 15, "0002 02 88 ff")+bgpAttr(0x80, 15, "0002 04 a0 000641 20010db8")+
		bgpAttr(0x80, 15, "0001 03 18 0a0b0c")+bgpAttr(0x80, 15, "0002 03 18 0a0b0c"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 46 04 0a000001 00 00")+
		bgpAttr(0x80, 14, "0019 46 04 0a000001 00 0102")+bgpAttr(0x80, 15, "0001 81 58 800000 0000fde900000064")+
		bgpAttr(0x80, 15, "0002 81 58 800000 0000fde900000064")+bgpAttr(0x80, 15, "0002 42 00")+
		bgpAttr(0x80, 15, "0001 41 00 00"), "")), 0},
	// AS path with AS_CONFED_SET, 4-byte detection ambiguity, AS4_PATH
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x40, 2, "04 01 0064 03 02 0001 0002")+
		bgpAttr(0x40, 2, "02 01 00000001")+bgpAttr(0x40, 2, "02 02 0001 0002 02 01 0003")+
		bgpAttr(0xc0, 17, "01 02 00000001 00000002")+bgpAttr(0x40, 2, "02 00")+bgpAttr(0x40, 2, "02 05 0001")+
		bgpAttr(0xc0, 18, "0001fde90a00000200"), "")), 0},
}

func TestBGPLikeTcpdump(t *testing.T) {
	all := append(append(append([]crafted(nil), bgpCases...), bgpMoreCases...), bgpV6Cases...)
	pkts := append([]crafted(nil), all...)
	// the same segments cut short by the capture
	for _, c := range all {
		full := strings.ReplaceAll(c.hex, " ", "")
		n := len(full) / 2
		for _, cut := range []int{n - 3, 60, 70} {
			if cut > 54 && cut < n {
				pkts = append(pkts, crafted{full[:2*cut], n})
			}
		}
	}
	craftedLikeTcpdump(t, "bgp", pkts)
}

func init() {
	craftedSeeds = append(craftedSeeds, bgpCases...)
	craftedSeeds = append(craftedSeeds, bgpMoreCases...)
	craftedSeeds = append(craftedSeeds, bgpASDotCases...)
	craftedSeeds = append(craftedSeeds, bgpV6Cases...)
}

// bgpASDotCases carry 4-byte AS numbers everywhere tcpdump prints one.
var bgpASDotCases = []crafted{
	{tcpSegment(40000, 179, bgpOpen(bgpCaps("4104 0001fde9")+bgpCaps("4104 0000fde9"))), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x40, 2, "02 02 0001fde9 0000fdea")+bgpAttr(0xc0, 17, "01 01 ffffffff")+
		bgpAttr(0xc0, 7, "0001fde9 0a000002")+bgpAttr(0xc0, 18, "00010000 0a000002")+
		bgpAttr(0xc0, 16, "02020001fde90064 0202 0000fde9 0064")+
		bgpAttr(0xc0, 128, "0002fde9"+bgpAttr(0x40, 1, "00")), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 80 0c 0002 0001fde9 0064 0a000001 00 70 000641 0002fffffffe0064 0a0b0c")+
		bgpAttr(0x80, 14, "0001 84 04 0a000001 00 60 0001fde9 02020002fde90064")+
		bgpAttr(0x80, 14, "0001 05 04 0a000001 00 02 0c 0002 0001fde9 0064 0001fdea"), "")), 0},
}

func TestBGPASDotLikeTcpdump(t *testing.T) {
	// LSP ping prints route distinguishers with BGP's code, -b included
	rd := func(v string) string { return lsppingTLV(1, -1, lsppingPad(lsppingTLV(6, -1, v+"0a000000 18"))) }
	lsp := crafted{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", "00000000 00000000")+
		rd("0002 0001fde8 0064")+rd("0002 0000fde8 0064")), 0}
	compareWithTcpdump(t, "bgpasdot", cbpf.LinkEN10MB, append(bgpASDotCases, lsp), []flagSet{
		{[]string{"-nn", "-v", "-b"}, Options{NumericLevel: 2, Verbose: 1, ASDot: true}},
		{[]string{"-nn", "-vv", "-b"}, Options{NumericLevel: 2, Verbose: 2, ASDot: true}},
		{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
	})
}

// bgpV6Cases are IPv6 prefixes and next hops in the forms tcpdump's
// addrtostr6 writes: IPv4-compatible, IPv4-mapped, zero runs.
var bgpV6Cases = []crafted{
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0002 01 10 0000000000000000000000000a000001 00"+
		" 80 00000000000000000000000000010030 80 00000000000000000000000000000001 80 00000000000000000000ffff0a000001"+
		" 80 00000000000000000000ffff00000000 80 00000000000000000000000000000000 80 00000000000000000001000000000000"+
		" 80 00010000000000000000000000000001 80 00000000000000000000fffe0a000001 80 000000000000000000000000ffff0001"+
		" 80 20010db8000000010000000000000000"), "")), 0},
}
