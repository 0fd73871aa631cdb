package printer

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// Addresses of the crafted 802.11 frames.
const (
	wlanA1 = "020000000001 "
	wlanA2 = "020000000002 "
	wlanA3 = "020000000003 "
	wlanA4 = "020000000004 "
)

// radiotapHdr is a radiotap header with the presence words present and
// the fields given in hex (their alignment is the caller's).
func radiotapHdr(fields string, present ...uint32) string {
	n := 4 + 4*len(present) + hexLen(fields)
	var b strings.Builder
	fmt.Fprintf(&b, "0000 %02x%02x ", byte(n), byte(n>>8))
	for _, p := range present {
		var w [4]byte
		binary.LittleEndian.PutUint32(w[:], p)
		b.WriteString(hex.EncodeToString(w[:]) + " ")
	}
	return b.String() + fields + " "
}

// radiotapAligned is a radiotap header with the presence words present
// and the fields, each "A:hex" for a field aligned to A bytes from the
// header's start (the padding is added).
func radiotapAligned(present []uint32, fields ...string) string {
	off := 4 + 4*len(present)
	var b strings.Builder
	for _, f := range fields {
		align, val, _ := strings.Cut(f, ":")
		a := int(align[0] - '0')
		for off%a != 0 {
			b.WriteString("00")
			off++
		}
		b.WriteString(strings.ReplaceAll(val, " ", ""))
		off += hexLen(val)
	}
	return radiotapHdr(b.String(), present...)
}

// wlanFC is a frame control field of type typ and subtype sub with the
// flags (the second byte) given.
func wlanFC(typ, sub int, flags byte) string {
	return fmt.Sprintf("%02x%02x ", byte(sub<<4|typ<<2), flags)
}

// wlanDataFrame is a data frame of subtype sub with the flags given (to/from
// DS select the address layout; a fourth address is added for both),
// carrying body (hex) after a QoS control field for QoS subtypes.
func wlanDataFrame(sub int, flags byte, body string) string {
	s := wlanFC(2, sub, flags) + "2c00 " + wlanA1 + wlanA2 + wlanA3 + "3000 "
	if flags&3 == 3 {
		s += wlanA4
	}
	if sub&8 != 0 {
		s += "0500 "
	}
	return s + body
}

// wlanSNAPIP is an LLC/SNAP header and an IPv4 ICMP echo.
const wlanSNAPIP = "aaaa03000000 0800 " + linkICMP4

// wlanBeaconBody is a beacon's fixed fields (capability capInfo) and the
// elements given.
func wlanBeaconBody(capInfo int, elems string) string {
	return fmt.Sprintf("0102030405060708 6400 %02x%02x ", byte(capInfo), byte(capInfo>>8)) + elems
}

// wlanIE is an information element.
func wlanIE(id int, val string) string {
	return fmt.Sprintf("%02x%02x ", id, hexLen(val)) + val + " "
}

// TestIEEE80211FramesLikeTcpdump prints bare 802.11 frames (DLT 105):
// management frames of every subtype with the elements tcpdump reads
// (first SSID, rates and DS kept, CF and TIM, a challenge) and with
// elements too long, cut or malformed, protected ones, control frames of
// every subtype (and cut short), data frames of each address layout, CF
// and QoS subtype, null and protected ("Data IV") ones and ones whose
// LLC header is not decoded, and frames of an unknown type or subtype.
func TestIEEE80211FramesLikeTcpdump(t *testing.T) {
	ssid := wlanIE(0, hex.EncodeToString([]byte("net\x01\xe9x")))
	rates := wlanIE(1, "82848b960c121824")
	ds := wlanIE(3, "06")
	tim := wlanIE(5, "00010000")
	cf := wlanIE(4, "010264000000")
	var pkts []crafted
	for _, b := range []string{
		wlanMgmtFrame(8, wlanBeaconBody(0x11, ssid+rates+ds+tim+cf)),
		wlanMgmtFrame(8, wlanBeaconBody(0x02, ssid+rates+wlanIE(0, "6161")+wlanIE(1, "")+ds)),
		wlanMgmtFrame(8, wlanBeaconBody(0x02, wlanIE(1, "")+rates+wlanIE(3, "0102"))),
		wlanMgmtFrame(8, wlanBeaconBody(0x02, wlanIE(0, strings.Repeat("41", 33)))),
		wlanMgmtFrame(8, wlanBeaconBody(0x02, wlanIE(1, strings.Repeat("02", 17)))),
		wlanMgmtFrame(8, wlanBeaconBody(0x02, wlanIE(5, strings.Repeat("02", 255)))),
		wlanMgmtFrame(8, wlanBeaconBody(0x02, wlanIE(5, "0102"))),
		wlanMgmtFrame(8, wlanBeaconBody(0x02, "0005 41")),
		wlanMgmtFrame(8, wlanBeaconBody(0x02, "00")),
		wlanMgmtFrame(8, "01020304"),
		wlanMgmtFrame(5, wlanBeaconBody(0x10, ssid+rates+ds)),
		wlanMgmtFrame(4, ssid+rates),
		wlanMgmtFrame(4, ""),
		wlanMgmtFrame(0, "1100 0a00 "+ssid+rates),
		wlanMgmtFrame(2, "1100 0a00 "+wlanA4+ssid+rates),
		wlanMgmtFrame(2, "1100 0a00 0200"),
		wlanMgmtFrame(3, "1100 0000 01c0 "+rates),
		wlanMgmtFrame(11, "0100 0200 0000 "+wlanIE(16, "6162")),
		wlanMgmtFrame(11, "0100 0300 0000 "+wlanIE(16, strings.Repeat("61", 254))),
		wlanMgmtFrame(11, "0500 0300 0000"),
		wlanMgmtFrame(6, "0000"),
		wlanMgmtFrame(15, "0000"),
		wlanFC(0, 8, 0x40) + "0000 " + wlanA1 + wlanA2 + wlanA3 + "1000 " + "01020304 aabb",
		wlanFC(0, 8, 0x40) + "0000 " + wlanA1 + wlanA2 + wlanA3 + "1000 " + "0102",
		// control frames
		wlanFC(1, 7, 0) + "0000 " + wlanA1 + "0000 00000000",
		wlanFC(1, 7, 0) + "0000 " + wlanA1 + "0000",
		wlanFC(1, 8, 0) + "0000 " + wlanA1 + wlanA2 + "0400 3412",
		wlanFC(1, 8, 0) + "0000 " + wlanA1 + wlanA2 + "04",
		wlanFC(1, 9, 0) + "0000 " + wlanA1,
		wlanFC(1, 9, 0) + "0000 " + wlanA1 + wlanA2 + "0400 3412 " + strings.Repeat("ff", 8),
		wlanFC(1, 10, 0) + "01c0 " + wlanA1 + wlanA2,
		wlanFC(1, 11, 0) + "0000 " + wlanA1 + wlanA2,
		wlanFC(1, 12, 0) + "0000 " + wlanA1,
		wlanFC(1, 13, 0) + "0000 " + wlanA1,
		wlanFC(1, 13, 0x18) + "0000 " + "0200000000",
		wlanFC(1, 14, 0) + "0000 " + wlanA1 + wlanA2,
		wlanFC(1, 15, 0) + "0000 " + wlanA1 + wlanA2,
		wlanFC(1, 3, 0) + "0000 " + wlanA1 + wlanA2,
		wlanFC(3, 0, 0) + "0000 " + wlanA1 + wlanA2,
		wlanMgmtFrame(12, "0300"),
		wlanMgmtFrame(13, "0301"),
		wlanMgmtFrame(10, "0300"),
		// data frames
		wlanDataFrame(0, 0, wlanSNAPIP),
		wlanDataFrame(0, 1, wlanSNAPIP),
		wlanDataFrame(0, 2, wlanSNAPIP),
		wlanDataFrame(0, 3, wlanSNAPIP),
		wlanDataFrame(1, 0, wlanSNAPIP),
		wlanDataFrame(2, 0, wlanSNAPIP),
		wlanDataFrame(3, 0xff&^0x40, wlanSNAPIP),
		wlanDataFrame(8, 0, wlanSNAPIP),
		wlanDataFrame(9, 3, wlanSNAPIP),
		wlanDataFrame(10, 0, wlanSNAPIP),
		wlanDataFrame(11, 0, wlanSNAPIP),
		wlanDataFrame(4, 0, ""),
		wlanDataFrame(12, 0, ""),
		wlanDataFrame(0, 0x40, "01020304 aabbcc"),
		wlanDataFrame(8, 0x41, "010203c4 aabbcc"),
		wlanDataFrame(8, 0x41, "0102"),
		wlanDataFrame(0, 0, "f0f003 0102"),
		wlanDataFrame(0, 0, "aaaa03 000000 86dd"),
		wlanDataFrame(8, 0, "01"),
		"08",
		wlanFC(0, 8, 0) + "0000 " + wlanA1,
		wlanFC(2, 8, 3) + "0000 " + wlanA1 + wlanA2 + wlanA3 + "0000 " + wlanA4,
	} {
		pkts = append(pkts, crafted{hex: b})
	}
	linkTypeLikeTcpdump(t, cbpf.LinkIEEE80211, pkts)
	compareWithTcpdump(t, "wlanframes_A", cbpf.LinkIEEE80211, pkts, []flagSet{
		{[]string{"-nn", "-A"}, Options{NumericLevel: 2, ASCII: 1}},
		{[]string{"-e", "-v"}, Options{LinkHeader: true, Verbose: 1}},
		{nil, Options{}},
	})
}

// TestRadiotapLikeTcpdump prints radiotap headers (DLT 127) with each
// field tcpdump decodes (flags with FCS, bad FCS and padding, rates and
// MCS rates, channels of each kind, XChannel, HT MCS with every known
// bit and rate, A-MPDU, VHT users, bandwidths and guard intervals),
// fields it does not know ("[bit N]"), extended presence bitmaps,
// radiotap and vendor namespaces, fields and headers cut short (the
// frame is printed after a cut field), and frames cut short or shorter
// than their FCS.
func TestRadiotapLikeTcpdump(t *testing.T) {
	beacon := wlanMgmtFrame(8, wlanBeaconBody(0x11, wlanIE(0, "6e6574")+wlanIE(1, "82848b96")+wlanIE(3, "01")))
	ack := wlanFC(1, 13, 0) + "0000 " + wlanA1
	data := wlanDataFrame(8, 1, wlanSNAPIP)
	const (
		tsft  = "8:0102030405060708"
		chan2 = "2:6c09 a000"
		chan5 = "2:3c14 4001"
		xchan = "4:40010100 3c14 24 14"
	)
	var pkts []crafted
	add := func(h string) { pkts = append(pkts, crafted{hex: h}) }
	for _, h := range []string{
		radiotapAligned([]uint32{0x0000086f}, tsft, "1:10", "1:02", chan2, "1:c4", "1:a6", "1:01") + beacon + "00000000",
		radiotapAligned([]uint32{0x0000086f}, tsft, "1:50", "1:02", chan2, "1:c4", "1:a6", "1:01") + beacon + "00000000",
		radiotapAligned([]uint32{0x00000002}, "1:22") + data,
		radiotapAligned([]uint32{0x00000002}, "1:20") + wlanFC(2, 8, 1) + "2c00 " + wlanA1 + wlanA2 + wlanA3 + "3000 0500 0000 " + wlanSNAPIP,
		radiotapAligned([]uint32{0x0000000e}, "1:0d", "1:8c", chan5) + ack,
		radiotapAligned([]uint32{0x0000000e}, "1:80", "1:ff", "2:b409 c000") + ack,
		radiotapAligned([]uint32{0x00000018}, "2:8509 0008", "1:03 07") + ack,
		radiotapAligned([]uint32{0x00000008}, "2:8509 9000") + ack,
		radiotapAligned([]uint32{0x00000008}, "2:3c14 5001") + ack,
		radiotapAligned([]uint32{0x00000008}, "2:3c14 4041") + ack,
		radiotapAligned([]uint32{0x00000008}, "2:3c14 4081") + ack,
		radiotapAligned([]uint32{0x00000008}, "2:6c09 c040") + ack,
		radiotapAligned([]uint32{0x00000008}, "2:6c09 c080") + ack,
		radiotapAligned([]uint32{0x00000008}, "2:6c09 2004") + ack,
		radiotapAligned([]uint32{0x000007e0}, "1:d0", "1:a0", "2:0500", "2:0a80", "1:fe", "1:05", "1:03") + ack,
		radiotapAligned([]uint32{0x00003000}, "1:30", "1:40") + ack,
		radiotapAligned([]uint32{0x00004000}, "2:0300") + ack,
		radiotapAligned([]uint32{0x00008000}, "2:0300") + ack,
		radiotapAligned([]uint32{0x00040000}, xchan) + ack,
		radiotapAligned([]uint32{0x00040008}, chan2, "4:80000200 6c09 01 14") + ack,
		radiotapAligned([]uint32{0x00040008}, chan2, "4:800002 00") + ack,
		radiotapAligned([]uint32{0x00080008}, chan2, "1:07 00 07") + ack,
		radiotapAligned([]uint32{0x00080000}, "1:3f 75 0f") + ack,
		radiotapAligned([]uint32{0x00080000}, "1:3f 01 20") + ack,
		radiotapAligned([]uint32{0x00080000}, "1:02 01 20") + ack,
		radiotapAligned([]uint32{0x00080000}, "1:01 01 20") + ack,
		radiotapAligned([]uint32{0x00080000}, "1:06 04 4c") + ack,
		radiotapAligned([]uint32{0x00080000}, "1:03 00 4d") + ack,
		radiotapAligned([]uint32{0x00080000}, "1:07 01 4c") + ack,
		radiotapAligned([]uint32{0x00080000}, "1:07 03 21") + ack,
		radiotapAligned([]uint32{0x00080000}, "1:00 00 00") + ack,
		radiotapAligned([]uint32{0x00100000}, "4:01000000 0200 00 00") + ack,
		radiotapAligned([]uint32{0x00300000}, "4:01000000 0200 00 00", "2:4400 04 04 92 00 00 00 01 00 0000") + ack,
		radiotapAligned([]uint32{0x00200000}, "2:4400 00 0b 92 21 00 00 05 00 0000") + ack,
		radiotapAligned([]uint32{0x00200000}, "2:0000 00 1f 00 00 00 f3 00 00 0000") + ack,
		radiotapAligned([]uint32{0x00200000}, "2:ffff 04 19 11 22 33 44 0f 00 0000") + ack,
		radiotapAligned([]uint32{0x00200000}, "2:4400 00 0b 92") + ack,
		radiotapAligned([]uint32{0x00400000}, "8:0102030405060708 0000 00 00") + ack,
		radiotapAligned([]uint32{0x00800002}, "1:00", "2:0000 0000 0000 0000 0000 0000") + ack,
		radiotapAligned([]uint32{0x80000001, 0x00000002}, tsft, "1:00") + ack,
		radiotapAligned([]uint32{0x80000020, 0x80000000, 0x00000020}, "1:c0") + ack,
		radiotapAligned([]uint32{0xa0000020, 0x00000020}, "1:c0", "1:b0") + ack,
		radiotapAligned([]uint32{0xc0000020, 0x20000004, 0x00000020}, "1:c0", "2:001122 03 0400", "1:aabbccdd", "1:b0") + ack,
		radiotapAligned([]uint32{0xc0000020, 0x00000004}, "1:c0", "2:001122 03 0400", "1:aabbccdd") + ack,
		radiotapAligned([]uint32{0xc0000020, 0x00000004}, "1:c0", "2:001122 03 0800", "1:aabbccdd") + ack,
		radiotapAligned([]uint32{0xc0000020, 0x00000004}, "1:c0", "2:0011") + ack,
		radiotapAligned([]uint32{0xc0000001, 0x00000004}, tsft, "2:001122") + ack,
		radiotapAligned([]uint32{0x60000020, 0x00000004}, "1:c0") + ack,
		radiotapAligned([]uint32{0x80000000}) + ack,
		radiotapAligned([]uint32{0x80000000, 0x80000000}) + ack,
		radiotapAligned([]uint32{0x00000001}, "8:01020304") + ack,
		radiotapAligned([]uint32{0x00000008}, "2:6c09") + ack,
		radiotapAligned([]uint32{0x00000024}, "1:02 c4") + ack,
		radiotapAligned([]uint32{0x00000003}, tsft, "1:10") + ack,
		radiotapAligned([]uint32{0x00000003}, tsft, "1:10") + ack + "0102",
		radiotapAligned([]uint32{0x00000003}, tsft, "1:10") + ack + "01020304",
		radiotapAligned([]uint32{0x00000003}, tsft, "1:10") + hexCut(ack, 9),
		radiotapAligned([]uint32{0x00000003}, tsft, "1:10") + "0800",
		radiotapAligned([]uint32{0x00000000}) + "08",
		"0000 0400 00000000" + ack,
		"0000 2000 00000000" + ack,
		"0000 08",
		radiotapAligned([]uint32{0x00000002}, "1:20") + hexCut(data, 24),
		radiotapAligned([]uint32{0x00007030}, "1:30 30", "1:30", "1:30", "1:30") +
			wlanMgmtFrame(8, wlanBeaconBody(0x10, wlanIE(1, strings.Repeat("30", 17)))),
		radiotapAligned([]uint32{0x00000302}, "1:00", "2:0080", "1:80") + ack,
	} {
		add(h)
	}
	pkts = append(pkts, crafted{hex: radiotapAligned([]uint32{0x00000003}, tsft, "1:10") + ack, wire: 200})
	pkts = append(pkts, crafted{hex: hexCut(radiotapAligned([]uint32{0x00000003}, tsft, "1:10")+ack, 20), wire: 31})
	linkTypeLikeTcpdump(t, cbpf.LinkIEEE80211Radio, pkts)
}

// TestIEEE80211MeshLikeTcpdump prints QoS data frames with 802.11s mesh
// control fields of each address extension mode, with flags that are not
// a mesh's and cut short, and frames without one, with -H, bare and
// after a radiotap header with padding.
func TestIEEE80211MeshLikeTcpdump(t *testing.T) {
	qos := func(flags byte, mesh string) string {
		return wlanFC(2, 8, flags) + "2c00 " + wlanA1 + wlanA2 + wlanA3 + "3000 " + map[bool]string{true: wlanA4, false: ""}[flags&3 == 3] + "0001 " + mesh
	}
	var pkts []crafted
	for _, h := range []string{
		qos(0, "00 1f 01000000 "+wlanSNAPIP),
		qos(1, "01 1f 01000000 "+wlanA4+wlanSNAPIP),
		qos(2, "02 1f 01000000 "+wlanA4+wlanA3+wlanSNAPIP),
		qos(3, "03 1f ffffffff "+wlanA4+wlanA3+wlanA2+wlanSNAPIP),
		qos(3, "04 1f ffffffff "+wlanSNAPIP),
		qos(0, "aa aa 03 000000 0800"+linkICMP4),
		qos(0, ""),
		qos(0, "03 1f 01000000 0200"),
		qos(0x40, "00 1f 01000000 01020304"),
		wlanDataFrame(0, 0, wlanSNAPIP),
		wlanDataFrame(12, 0, "00 01 02030405"),
	} {
		pkts = append(pkts, crafted{hex: h})
	}
	sets := []flagSet{
		{[]string{"-nn", "-H"}, Options{NumericLevel: 2, MeshHeaders: true}},
		{[]string{"-nn", "-H", "-e"}, Options{NumericLevel: 2, MeshHeaders: true, LinkHeader: true}},
		{[]string{"-nn", "-H", "-e", "-v", "-x"}, Options{NumericLevel: 2, MeshHeaders: true, LinkHeader: true, Verbose: 1, Hex: 1}},
		{[]string{"-H", "-e"}, Options{MeshHeaders: true, LinkHeader: true}},
	}
	compareWithTcpdump(t, "mesh", cbpf.LinkIEEE80211, pkts, sets)
	compareWithTcpdump(t, "meshrt", cbpf.LinkIEEE80211Radio, func() []crafted {
		var out []crafted
		for _, c := range pkts {
			out = append(out, crafted{hex: radiotapAligned([]uint32{0x00000002}, "1:20") + c.hex})
		}
		return out
	}(), sets)
}

// TestPrismAVSPPIWirelessLikeTcpdump prints 802.11 frames after Prism
// headers (and AVS headers on the Prism link type), after AVS headers
// of each length, and inside PPI with each wireless link type (and
// 802.15.4), with headers cut short.
func TestPrismAVSPPIWirelessLikeTcpdump(t *testing.T) {
	ack := wlanFC(1, 13, 0) + "0000 " + wlanA1
	beacon := wlanMgmtFrame(8, wlanBeaconBody(0x11, wlanIE(0, "6e6574")+wlanIE(1, "82848b96")+wlanIE(3, "01")))
	data := wlanDataFrame(0, 2, wlanSNAPIP)
	prism := "00000044 90000000 " + strings.Repeat("00", 136)
	avs := func(n int) string {
		return fmt.Sprintf("80211001 %08x ", n) + strings.Repeat("11", n-8)
	}
	var pk, av, pp []crafted
	for _, h := range []string{
		prism + ack, prism + beacon, prism + data, prism + hexCut(data, 20), prism[:40], "0000",
		avs(64) + ack, avs(64) + data, avs(8) + beacon, "80211002 00000004 " + ack, "80211001 00000040 " + ack,
		"80211001 000000", avs(64)[:100] + "8000",
	} {
		pk = append(pk, crafted{hex: h})
	}
	for _, h := range []string{
		avs(64) + ack, avs(64) + data, avs(8) + beacon, "80211002 00000004 " + ack, "80211001 00000040 " + ack,
		"80211001 000000", "80211001 00000007 00", avs(16) + "08",
	} {
		av = append(av, crafted{hex: h})
	}
	rt := radiotapAligned([]uint32{0x0000000e}, "1:10", "1:0c", "2:6c09 a000")
	for _, h := range []string{
		ppiHdr(0, 8, 127, "") + rt + beacon + "00000000",
		ppiHdr(0, 8, 127, "") + rt[:10],
		ppiHdr(0, 8, 119, "") + prism + ack,
		ppiHdr(0, 8, 163, "") + avs(16) + ack,
		ppiHdr(0, 8, 192, "") + ppiHdr(0, 8, 105, "") + ack,
		ppiHdr(0, 8, 195, "") + "4188 01 3412 ffff 0100 0000",
		ppiHdr(0, 8, 230, "") + "4188 01 3412 ffff 0100",
		ppiHdr(0, 8, 0, "") + "02000000 " + linkICMP4,
		ppiHdr(0, 12, 105, "01000400 00000000") + data,
	} {
		pp = append(pp, crafted{hex: h})
	}
	linkTypeLikeTcpdump(t, cbpf.LinkPrismHeader, pk)
	linkTypeLikeTcpdump(t, cbpf.LinkIEEE80211RadioAVS, av)
	linkTypeLikeTcpdump(t, cbpf.LinkPPI, pp)
}

// TestIEEE80211CutsLikeTcpdump prints management, control and data
// frames cut short at every byte, bare and after a radiotap header.
func TestIEEE80211CutsLikeTcpdump(t *testing.T) {
	ssid := wlanIE(0, hex.EncodeToString([]byte("net")))
	rates := wlanIE(1, "82848b96")
	ds := wlanIE(3, "06")
	tim := wlanIE(5, "00010000")
	cf := wlanIE(4, "010264000000")
	bases := []string{
		wlanMgmtFrame(8, wlanBeaconBody(0x11, ssid+rates+ds+tim+cf)),
		wlanMgmtFrame(5, wlanBeaconBody(0x11, ssid+rates+ds)),
		wlanMgmtFrame(0, "1100 0a00 "+ssid+rates),
		wlanMgmtFrame(2, "1100 0a00 "+wlanA4+ssid+rates),
		wlanMgmtFrame(3, "1100 0000 01c0 "+rates),
		wlanMgmtFrame(11, "0100 0200 0000 "+wlanIE(16, "6162")),
		wlanMgmtFrame(12, "0300"),
		wlanMgmtFrame(10, "0300"),
		wlanMgmtFrame(13, "0301 0203"),
		wlanFC(1, 8, 0) + "0000 " + wlanA1 + wlanA2 + "0400 3412",
		wlanFC(1, 10, 0) + "01c0 " + wlanA1 + wlanA2,
		wlanFC(1, 11, 0) + "0000 " + wlanA1 + wlanA2,
		wlanFC(1, 14, 0) + "0000 " + wlanA1 + wlanA2,
		wlanDataFrame(8, 3, wlanSNAPIP),
		wlanDataFrame(0, 0x41, "01020304 aabbcc"),
	}
	rt := radiotapAligned([]uint32{0x0028086f}, "8:0102030405060708", "1:10", "1:02", "2:6c09 a000", "1:c4", "1:a6", "1:01", "1:07 01 07", "2:4400 00 0b 92 00 00 00 01 00 0000")
	var pkts, rpkts []crafted
	for _, b := range bases {
		n := hexLen(b)
		for i := 1; i <= n; i++ {
			pkts = append(pkts, crafted{hex: hexCut(b, i), wire: n})
		}
		full := rt + b + "00000000"
		m := hexLen(full)
		for i := hexLen(rt) - 4; i <= m; i += 3 {
			rpkts = append(rpkts, crafted{hex: hexCut(full, i), wire: m})
		}
	}
	sets := []flagSet{
		{[]string{"-nn"}, Options{NumericLevel: 2}},
		{[]string{"-nn", "-e", "-v"}, Options{NumericLevel: 2, LinkHeader: true, Verbose: 1}},
		{[]string{"-nn", "-x"}, Options{NumericLevel: 2, Hex: 1}},
		{[]string{"-nn", "-e", "-XX"}, Options{NumericLevel: 2, LinkHeader: true, HexASCII: 2}},
	}
	compareWithTcpdump(t, "cuts", cbpf.LinkIEEE80211, pkts, sets)
	compareWithTcpdump(t, "rcuts", cbpf.LinkIEEE80211Radio, rpkts, sets)
}

// TestIEEE802154CutsLikeTcpdump prints the 802.15.4 frames of wpanCases
// cut short at every byte, with and without an FCS.
func TestIEEE802154CutsLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, c := range wpanCases {
		n := hexLen(c.hex)
		for i := 1; i < n; i++ {
			pkts = append(pkts, crafted{hex: hexCut(c.hex, i), wire: n})
		}
	}
	sets := []flagSet{
		{[]string{"-nn", "-vvv", "-e"}, Options{NumericLevel: 2, Verbose: 3, LinkHeader: true}},
		{[]string{"-nn"}, Options{NumericLevel: 2}},
		{[]string{"-nn", "-v", "-x"}, Options{NumericLevel: 2, Verbose: 1, Hex: 1}},
	}
	compareWithTcpdump(t, "wpancuts", cbpf.LinkIEEE802154, pkts, sets)
	compareWithTcpdump(t, "wpancuts2", cbpf.LinkIEEE802154NoFCS, pkts, sets)
}

// TestIEEE80211LLCPayloadsLikeTcpdump prints data frames (plain and QoS)
// carrying LLC/SNAP payloads of several kinds: EAPOL keys and EAP, ARP,
// IPv6, CDP, spanning tree, 802.1 bridged frames, an unknown ethertype,
// SNAP headers cut short and a bare LLC header, with -A too (the LLC
// default print stays) and with names.
func TestIEEE80211LLCPayloadsLikeTcpdump(t *testing.T) {
	eapolKey := "0103005f 02 008a 0010 0000000000000001 " + "11223344556677881122334455667788" + "11223344556677881122334455667788" + "00000000000000000000000000000000" + "0000000000000000 0000000000000000" + "00000000000000000000000000000000" + "0000"
	var pkts []crafted
	for _, b := range []string{
		"aaaa03000000 888e " + eapolKey,
		"aaaa03000000 888e 01010000",
		"aaaa03000000 888e 0100000501010005 01",
		"aaaa03000000 0806 " + linkARP,
		"aaaa03000000 86dd " + linkUDP6,
		"aaaa0300000c 2000 02b4 0000 0001000661626364",
		"424203 0000 00 00 8000000000000001 00000000 8000000000000001 8001 0000 1400 0200 0f00",
		"aaaa03 0080c2 0007 0102",
		"aaaa03 0000",
		"aaaa03000000 88b5 0102",
		"f0f0",
	} {
		pkts = append(pkts, crafted{hex: wlanDataFrame(0, 2, b)})
		pkts = append(pkts, crafted{hex: wlanDataFrame(8, 1, b)})
	}
	linkTypeLikeTcpdump(t, cbpf.LinkIEEE80211, pkts)
	compareWithTcpdump(t, "wlanllc_A", cbpf.LinkIEEE80211, pkts, []flagSet{
		{[]string{"-nn", "-A"}, Options{NumericLevel: 2, ASCII: 1}},
		{[]string{"-e", "-vvv"}, Options{LinkHeader: true, Verbose: 3}},
	})
}
