package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// Payloads the link-type tests carry: an IPv4 ICMP echo, an IPv4 TCP
// segment (20-byte headers, 4 bytes of data), an IPv6 UDP datagram and an
// ARP request.
const (
	linkICMP4 = "4500 001c 0001 0000 4001 66de 0a000001 0a000002 0800 f7fe 0001 0000"
	linkTCP4  = "4500 002c 0001 0000 4006 66c8 0a000001 0a000002 04d2 0050 00000001 00000002 5018 0100 0000 0000 61626364"
	linkUDP6  = "6000 0000 0008 1140 fe800000000000000000000000000001 ff020000000000000000000000000001 3039 303a 0008 0000"
	linkARP   = "0001 0800 06 04 0001 000000000001 0a000001 000000000000 0a000002"
)

// linkEFlagSets add -e (and -e -q) to linkFlagSets: the link-type tests
// check the link-layer header too.
var linkEFlagSets = []flagSet{
	{[]string{"-nn", "-e"}, Options{NumericLevel: 2, LinkHeader: true}},
	{[]string{"-nn", "-e", "-q"}, Options{NumericLevel: 2, LinkHeader: true, Quiet: true}},
	{[]string{"-nn", "-e", "-v", "-x"}, Options{NumericLevel: 2, LinkHeader: true, Verbose: 1, Hex: 1}},
}

// linkTypeLikeTcpdump compares the packets of the link type with tcpdump
// under linkFlagSets and then the -e sets.
func linkTypeLikeTcpdump(t *testing.T, lt cbpf.LinkType, pkts []crafted) {
	t.Helper()
	name := strings.ReplaceAll(t.Name(), "/", "_")
	compareWithTcpdump(t, name, lt, pkts, linkFlagSets)
	compareWithTcpdump(t, name+"_e", lt, pkts, linkEFlagSets)
}

func TestSLIPLikeTcpdump(t *testing.T) {
	// The pseudo-header: direction, then the first bytes of the
	// (compressed) header as the link carried it.
	ip := "00 40" + strings.Repeat("00", 14)
	utcp := "01 70 0000000000000000 07 00000000 00"
	ctcp := "00 ce 07 1234 0102 03 00 0100 04" + strings.Repeat("00", 3)                  // NEW_C, NEW_S, NEW_A, NEW_W
	ctcpZero := "00 eb 07 1234 00 0102 00 0300 00 0004 00 0005" + strings.Repeat("00", 0) // NEW_C, NEW_I, NEW_S, NEW_A, NEW_U: three-byte changes
	ctcpSame := "00 8b 1234" + strings.Repeat("00", 12)                                   // SPECIAL_I, last connection
	ctcpD := "00 8f 1234" + strings.Repeat("00", 12)
	ctcpW := "01 c2 09 1234 00 ff00" + strings.Repeat("00", 8) // negative window change
	linkTypeLikeTcpdump(t, cbpf.LinkSLIP, []crafted{
		{hex: ip + linkICMP4},
		{hex: ip + linkUDP6},
		{hex: "01 40" + strings.Repeat("00", 14) + "5500"},
		{hex: utcp + linkTCP4},
		{hex: ctcp + linkTCP4},
		{hex: ctcpZero + linkTCP4},
		{hex: ctcpSame + linkTCP4},
		{hex: ctcpD + linkTCP4},
		{hex: ctcpW + linkTCP4},
		{hex: "05 70" + strings.Repeat("00", 14) + linkTCP4}, // bad direction
		{hex: "05 80" + strings.Repeat("00", 14) + linkTCP4},
		{hex: "00 20" + strings.Repeat("00", 14) + linkTCP4}, // neither
		{hex: utcp + hexCut(linkTCP4, 30)},                   // TCP header cut
		{hex: ctcp + hexCut(linkTCP4, 10)},
		{hex: hexCut(ip, 10)},
		{hex: ip + hexCut(linkICMP4, 8)},
	})
}

func TestSLIPBSDOSLikeTcpdump(t *testing.T) {
	h := strings.Repeat("00", 16)
	linkTypeLikeTcpdump(t, cbpf.LinkSLIPBSDOS, []crafted{
		{hex: h + linkICMP4},
		{hex: h + linkTCP4},
		{hex: h + hexCut(linkTCP4, 24)},
		{hex: h[:20]},
	})
}

func TestEncLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkEnc, []crafted{
		{hex: "02000000 00001001 00000000 " + linkICMP4},
		{hex: "00000002 00001001 00000c00 " + linkTCP4},
		{hex: "02000000 00001001 00080000 " + linkICMP4},
		{hex: "02000000 00001001 00040000 " + linkICMP4},
		{hex: "02000000 00001001 01040000 " + linkICMP4},
		{hex: "18000000 00001001 00000000 " + linkUDP6},
		{hex: "1c000000 00001001 00000000 " + linkUDP6},
		{hex: "07000000 00001001 00000000 " + linkUDP6},
		{hex: "02000000 000010"},
		{hex: "02000000 00001001 00000000 " + hexCut(linkICMP4, 10)},
	})
}

func TestSymantecLikeTcpdump(t *testing.T) {
	hdr := func(et string) string {
		return "000000000000" + et + strings.Repeat("00", 36)
	}
	linkTypeLikeTcpdump(t, cbpf.LinkSymantecFirewall, []crafted{
		{hex: hdr("0800") + linkICMP4},
		{hex: hdr("86dd") + linkUDP6},
		{hex: hdr("0806") + linkARP},
		{hex: hdr("0040") + linkICMP4},
		{hex: hdr("88b5") + "0102030405"},
		{hex: hdr("0800")[:60]},
		{hex: hdr("0800") + hexCut(linkICMP4, 12)},
	})
}

func TestIPNetLikeTcpdump(t *testing.T) {
	hdr := func(fam string) string {
		return "01" + fam + "0000 00000030 00000002 00000000 00000001 00000003"
	}
	linkTypeLikeTcpdump(t, cbpf.LinkIPNet, []crafted{
		{hex: hdr("02") + linkICMP4},
		{hex: hdr("1a") + linkUDP6},
		{hex: hdr("05") + "0102030405"},
		{hex: hexCut(hdr("02"), 20)},
		{hex: hdr("02") + hexCut(linkTCP4, 30)},
	})
}

func TestAP1394LikeTcpdump(t *testing.T) {
	hdr := func(et string) string {
		return "0102030405060708 1112131415161718 " + et
	}
	linkTypeLikeTcpdump(t, cbpf.LinkAppleIPOverIEEE1394, []crafted{
		{hex: hdr("0800") + linkICMP4},
		{hex: hdr("86dd") + linkUDP6},
		{hex: hdr("0806") + linkARP},
		{hex: hdr("88b5") + "0102030405"},
		{hex: hdr("0040") + "0102030405"},
		{hex: hexCut(hdr("0800"), 17)},
		{hex: hdr("0800") + hexCut(linkICMP4, 12)},
	})
}

func TestNetAnalyzerLikeTcpdump(t *testing.T) {
	eth := "000000000002 000000000001 0800 " + linkICMP4
	linkTypeLikeTcpdump(t, cbpf.LinkNetAnalyzer, []crafted{
		{hex: "01020304 " + eth},
		{hex: "01020304 000000000002 000000000001 0806 " + linkARP},
		{hex: "010203"},
		{hex: "01020304 0000000000"},
	})
	linkTypeLikeTcpdump(t, cbpf.LinkNetAnalyzerTransparent, []crafted{
		{hex: "01020304 55555555555555d5 " + eth},
		{hex: "01020304 5555555555"},
		{hex: "01020304 55555555555555d5 0000000000"},
	})
}

func TestPPPPPPDLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkPPPPPPD, []crafted{
		{hex: "ff03 0021 " + linkICMP4},
		{hex: "0003 0021 " + linkICMP4},
		{hex: "0103 0057 " + linkUDP6},
		{hex: "ff03 c021 0101 0004"},
		{hex: "ff03"},
	})
}

func TestIPFCLikeTcpdump(t *testing.T) {
	hdr := "1000000000000002 1000000000000001 "
	linkTypeLikeTcpdump(t, cbpf.LinkIPOverFC, []crafted{
		{hex: hdr + "aaaa03000000 0800 " + linkICMP4},
		{hex: hdr + "aaaa03000000 0806 " + linkARP},
		{hex: hdr + "aaaa03000000 86dd " + linkUDP6},
		{hex: hdr + "aaaa03000000 88b5 0102"},
		{hex: hdr + "4242 03 0000"},
		{hex: hdr + "e0e0 03 ffff 0010"},
		{hex: hexCut(hdr, 12)},
		{hex: hdr + "aa"},
		{hex: hdr + "aaaa03000000 0800 " + hexCut(linkICMP4, 10)},
	})
}

func TestTokenRingLikeTcpdump(t *testing.T) {
	snapICMP := "aaaa03000000 0800 " + linkICMP4
	linkTypeLikeTcpdump(t, cbpf.LinkIEEE802, []crafted{
		{hex: "10 40 000000000002 000000000001 " + snapICMP},
		{hex: "10 40 000000000002 800000000001 0630 0012 0020 " + snapICMP},
		{hex: "10 40 ffffffffffff 800000000001 c2b0 " + snapICMP},
		{hex: "10 40 000000000002 800000000001 08f0 0012 0020 0031 " + snapICMP},
		{hex: "10 40 000000000002 800000000001 0030 " + snapICMP}, // routing field too short
		{hex: "10 40 000000000002 800000000001 0100 " + snapICMP},
		{hex: "10 40 000000000002 000000000001 4242 03 0000"},
		{hex: "10 40 000000000002 000000000001 e0e0 03 ffff 0010"},
		{hex: "10 00 000000000002 000000000001 0102 0304"}, // MAC frame
		{hex: "10 c0 000000000002 000000000001 0102 0304"},
		{hex: "10 40 000000000002 000000"},
		{hex: "10 40 000000000002 800000000001 06"},
		{hex: "10 40 000000000002 800000000001 0830 0012"},
		{hex: "10 40 000000000002 000000000001 " + hexCut(snapICMP, 20)},
	})
}

func TestCIPLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkATMCLIP, []crafted{
		{hex: "aaaa03000000 0800 " + linkICMP4},
		{hex: "aaaa03000000 86dd " + linkUDP6},
		{hex: "aaaa03000000 88b5 0102"},
		{hex: linkICMP4},
		{hex: linkUDP6},
		{hex: "aaaa030000"},
		{hex: "aaaa03000000 08"},
	})
}

func TestIPOIBLikeTcpdump(t *testing.T) {
	hdr := func(et string) string { return strings.Repeat("01", 40) + et + "0000" }
	linkTypeLikeTcpdump(t, cbpf.LinkIPOIB, []crafted{
		{hex: hdr("0800") + linkICMP4},
		{hex: hdr("86dd") + linkUDP6},
		{hex: hdr("0806") + linkARP},
		{hex: hdr("88b5") + "0102"},
		{hex: hexCut(hdr("0800"), 30)},
		{hex: hdr("0800") + hexCut(linkICMP4, 10)},
		{hex: hdr("1234") + "0102"},
		{hex: hdr("8100") + "0064 0800" + linkICMP4},
		{hex: hdr("8847") + "0001f140" + linkICMP4},
		{hex: hdr("8863") + "1109 0000 0000"},
		{hex: hdr("0800") + linkICMP4, wire: 100},
		{hex: hexCut(hdr("0800"), 30), wire: 43},
		{hex: hexCut(hdr("0800"), 30), wire: 60},
	})
}

// pflogHdr is a pflog header of length hl (padded to 64 bytes or to hl
// rounded up) for address family af, with the action, reason, direction
// and rule numbers given.
func pflogHdr(hl, af, action, reason, dir byte, rule, sub string) string {
	h := []string{
		hexByte(hl), hexByte(af), hexByte(action), hexByte(reason),
		"656d30" + strings.Repeat("00", 13),       // "em0"
		"72756c657301" + strings.Repeat("00", 10), // "rules\x01"
		rule, sub, "00000000 00000000 00000000 00000000", hexByte(dir), "000000",
	}
	s := strings.ReplaceAll(strings.Join(h, ""), " ", "")
	want := max(64, (int(hl)+3)&^3)
	for len(s) < 2*want {
		s += "00"
	}
	return s
}

func hexByte(b byte) string {
	return strings.ToLower(string("0123456789abcdef"[b>>4]) + string("0123456789abcdef"[b&15]))
}

func TestPFLogLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkPFLog, []crafted{
		{hex: pflogHdr(61, 2, 0, 0, 1, "00000005", "ffffffff") + linkICMP4},
		{hex: pflogHdr(61, 2, 1, 4, 2, "00000005", "00000002") + linkICMP4},
		{hex: pflogHdr(61, 24, 10, 3, 0, "00000007", "ffffffff") + linkUDP6},
		{hex: pflogHdr(61, 28, 11, 14, 3, "00000007", "ffffffff") + linkUDP6},
		{hex: pflogHdr(61, 30, 3, 15, 1, "00000007", "ffffffff") + linkUDP6},
		{hex: pflogHdr(61, 7, 8, 9, 1, "00000007", "ffffffff") + "0102"},
		{hex: pflogHdr(72, 2, 0, 0, 1, "00000005", "ffffffff") + linkICMP4},
		{hex: pflogHdr(44, 2, 0, 0, 1, "00000005", "ffffffff") + linkICMP4},
		{hex: hexCut(pflogHdr(61, 2, 0, 0, 1, "00000005", "ffffffff"), 50)},
		{hex: hexCut(pflogHdr(45, 2, 0, 0, 1, "00000005", "ffffffff"), 50)},
		{hex: hexCut(pflogHdr(61, 2, 0, 0, 1, "00000005", "ffffffff"), 63)},
		{hex: pflogHdr(61, 2, 0, 0, 1, "00000005", "ffffffff") + hexCut(linkICMP4, 10)},
	})
}

func TestBluetoothH4LikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkBluetoothH4PHDR, []crafted{
		{hex: "00000001 01030c00"},
		{hex: "00000000 040e0401030c00"},
		{hex: "00000000"},
		{hex: "000000"},
		{hex: "ffffffff 02 0120 0600 0200 0400 0102"},
		{hex: "00000002 03 0100 04 01020304"},
		{hex: "80000000 04 3e 13 01" + strings.Repeat("00", 19)},
		{hex: "00000001 01030c00", wire: 40},
	})
}

// usbHdr is a usbmon header: event, transfer type, endpoint, device, bus
// 1 (little-endian), then zeros to n bytes.
func usbHdr(event, xfer, ep, dev string, n int) string {
	h := "0000000000000000" + event + xfer + ep + dev + "0100"
	return h + strings.Repeat("00", n-14)
}

func TestUSBLinuxLikeTcpdump(t *testing.T) {
	for _, c := range []struct {
		lt cbpf.LinkType
		n  int
	}{{cbpf.LinkUSBLinux, 48}, {cbpf.LinkUSBLinuxMMapped, 64}} {
		var pkts []crafted
		for _, ev := range []string{"53", "43", "45", "5a"} {
			for _, x := range []string{"00", "01", "02", "03", "07"} {
				pkts = append(pkts, crafted{hex: usbHdr(ev, x, "81", "05", c.n) + "0102"})
			}
		}
		pkts = append(pkts, crafted{hex: usbHdr("53", "03", "02", "7f", c.n)}, crafted{hex: hexCut(usbHdr("53", "03", "02", "7f", c.n), c.n-1)})
		linkTypeLikeTcpdump(t, c.lt, pkts)
	}
}

func TestFDDILikeTcpdump(t *testing.T) {
	addrs := " 000000000002 000000000001 "
	snap := "aaaa03000000 0800 " + linkICMP4
	pkts := []crafted{
		{hex: "50" + addrs + snap},
		{hex: "57" + addrs + "aaaa03000000 86dd " + linkUDP6},
		{hex: "50" + addrs + "4242 03 0000"},
		{hex: "50" + addrs + "aa"},
		{hex: "50" + addrs + hexCut(snap, 12)},
		{hex: "50 0000000000"},
	}
	for _, fc := range []string{"40", "80", "c0", "41", "4f", "c2", "c3", "c5", "45", "d1", "62", "e3", "00", "20"} {
		pkts = append(pkts, crafted{hex: fc + addrs + "01020304"})
	}
	linkTypeLikeTcpdump(t, cbpf.LinkFDDI, pkts)
}

// pktapHdr is a PKTAP header of length n for a record type and link type,
// with interface name "en0" and command name "curl".
func pktapHdr(n, rectype, dlt uint32) string {
	le := func(v uint32) string { return fmt.Sprintf("%02x%02x%02x%02x", v&0xff, v>>8&0xff, v>>16&0xff, v>>24) }
	h := le(n) + le(rectype) + le(dlt) + "656e30" + strings.Repeat("00", 21) + strings.Repeat("00", 20) +
		"6375726c" + strings.Repeat("00", 16)
	for len(h) < int(2*n) {
		h += "00"
	}
	return h
}

func TestPKTAPLikeTcpdump(t *testing.T) {
	eth := "000000000002 000000000001 0800 " + linkICMP4
	pkts := []crafted{
		{hex: pktapHdr(108, 1, 1) + eth},
		{hex: pktapHdr(112, 1, 1) + eth},
		{hex: pktapHdr(108, 1, 12) + linkUDP6},
		{hex: pktapHdr(108, 1, 0) + "02000000" + linkICMP4},
		{hex: pktapHdr(108, 0, 1) + eth},
		{hex: pktapHdr(108, 5, 1) + eth},
		{hex: pktapHdr(108, 1, 147) + "0102"},
		{hex: pktapHdr(108, 1, 1000) + "0102"},
		{hex: pktapHdr(100, 1, 1) + eth},
		{hex: pktapHdr(108, 1, 1)[:200]},
		{hex: pktapHdr(108, 1, 1)[:200], wire: 200},
		{hex: pktapHdr(108, 1, 1)},
		{hex: pktapHdr(300, 1, 1)[:240], wire: 150},
		{hex: pktapHdr(108, 1, 1) + hexCut(eth, 20)},
	}
	linkTypeLikeTcpdump(t, cbpf.LinkPKTAP, pkts)
	// tcpdump prints DLT_USER2 as PKTAP (macOS Mavericks' PKTAP files).
	t.Run("user2", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkUser2, pkts) })
}

func TestHDLCLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkHDLC, []crafted{
		{hex: "0f00 0800 " + linkICMP4},
		{hex: "8f00 86dd " + linkUDP6},
		{hex: "0f00 8035 00000000 00000001 00000000 ffff"},
		// SLARP: reply, keepalives with and without the uptime and
		// with trailing bytes (the -vv dump starts past the uptime),
		// an unknown code, short ones.
		{hex: "0f00 8035 00000001 0a000001 ffffff00 ffff"},
		{hex: "0f00 8035 00000002 00000005 00000004 ffff"},
		{hex: "0f00 8035 00000002 00000005 00000004 ffff 0052a3c4"},
		{hex: "0f00 8035 00000002 00000005 00000004 ffff 0052a3c4 01020304"},
		{hex: "0f00 8035 00000002 00000005 00000004 ffff 0052a3c4 010203040506070809"},
		{hex: "0f00 8035 00000009 00000005 00000004 ffff 0102"},
		{hex: "0f00 8035 00000002 00000005 0000"},
		{hex: "0f00 8035 00000002 00000005 00000004 ffff 0052a3c4 0102", wire: 40},
		{hex: "8f00 8035 00000002 00000001 00000000 ffff 0527 82b9 0000"},
		{hex: "8f00 8035 00000002 00000001 00000000 ffff 0527 82b9"},
		{hex: "8f00 8035 00000005 00000001 00000000 ffff 0527 82b9 0000"},
		{hex: "8f00 8035 00000001 0a000001 ffffff00 ffff"},
		{hex: "8f00 8035 00000002 00000001"},
		{hex: "0f00 1234 0102"},
		{hex: "0f00 08"},
	})
}

func TestATMRFC1483LikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkATMRFC1483, []crafted{
		{hex: "aaaa03000000 0800 " + linkICMP4},
		{hex: "060603 " + linkICMP4},
		{hex: "0102030405060708090a0b0c0d0e0f1011121314 aaaa03000000 0800 " + linkICMP4},
		{hex: "0102030405060708090a0b0c0d0e0f10111213"},
		{hex: "0102030405060708090a0b"},
		{hex: "aaaa"},
		{hex: "aaaa03000000 0800 " + hexCut(linkICMP4, 10)},
	})
}

func TestARCNETLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkARCNET, []crafted{
		{hex: "01 02 d4 00 0001 " + linkICMP4},
		{hex: "01 02 f0 " + linkICMP4},
		{hex: "01 02 c4 00 0001 " + linkUDP6},
		{hex: "01 02 d4 03 0001 " + linkICMP4},
		{hex: "01 02 d4 04 0001 " + linkICMP4},
		{hex: "01 02 d4 ff 0000 d4 05 0002 " + linkICMP4},
		{hex: "01 02 d4 ff 0000 d4 00 0002 " + linkICMP4},
		{hex: "01 02 80 0102"},
		{hex: "01 02 33 00 0001 0102"},
		{hex: "01 02 d4 00"},
		{hex: "01 02 d4 ff 0000 d4"},
		{hex: "01 02"},
		{hex: "01 02 d4 00 0001 " + hexCut(linkICMP4, 10)},
	})
	linkTypeLikeTcpdump(t, cbpf.LinkARCNETLinux, []crafted{
		{hex: "01 02 0000 d4 00 0001 " + linkICMP4},
		{hex: "01 02 0000 f0 " + linkICMP4},
		{hex: "01 02 0000 c4 00 0001 " + linkUDP6},
		{hex: "01 02 0000 33 00 0001 0102"},
		{hex: "01 02 0000 d4 00"},
		{hex: "01 02 00"},
	})
}

// vsockHdr is a vsock monitor header from CID 3 port 1234 to CID 2 port
// 80 with the operation and transport given (little-endian hex).
func vsockHdr(op, transport string) string {
	return "0300000000000000 0200000000000000 d2040000 50000000 " + op + transport + "2c00 0000"
}

func TestVSOCKLikeTcpdump(t *testing.T) {
	virtio := "0300000000000000 0200000000000000 d2040000 50000000 04000000 0100 0500 01000000 00000100 10000000"
	linkTypeLikeTcpdump(t, cbpf.LinkVSOCK, []crafted{
		{hex: vsockHdr("0400", "0200") + virtio + "6162636465666768696a6b6c6d6e6f7071"},
		{hex: vsockHdr("0100", "0200") + virtio},
		{hex: vsockHdr("0400", "0200") + virtio},
		{hex: vsockHdr("0400", "0200") + hexCut(virtio, 20)},
		{hex: vsockHdr("0200", "0100") + "0102"},
		{hex: vsockHdr("0400", "0100") + "0102"},
		{hex: vsockHdr("0400", "0100")},
		{hex: vsockHdr("0900", "0700")},
		{hex: vsockHdr("0300", "0000") + strings.Replace(virtio, "0100 0500", "0200 0900", 1)},
		{hex: vsockHdr("0300", "0200") + strings.Replace(virtio, "0100 0500", "0200 0900", 1)},
		{hex: hexCut(vsockHdr("0400", "0200"), 20)},
	})
}

func TestPPPBSDOSLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkPPPBSDOS, []crafted{
		{hex: "ff03 0021 " + linkICMP4},
		{hex: "01"},
	})
}

func TestRadioAVSLikeTcpdump(t *testing.T) {
	icmp := "0802 0000 ffffffffffff 000000000001 000000000002 0000 aaaa03000000 0800 " + linkICMP4
	beacon := "8000 0000 ffffffffffff 000000000001 000000000001 0000 0000000000000000 6400 0100 0004 74657374"
	avs := "80211001 00000040" + strings.Repeat("00", 56)
	pkts := []crafted{
		{hex: avs + icmp},
		{hex: avs + beacon},
		{hex: "80211002 00000008" + icmp},
		{hex: "80211001 00000004" + icmp},
		{hex: "80211001 00000400" + icmp},
		{hex: "80211001 000000"},
		{hex: avs + hexCut(icmp, 20)},
	}
	linkTypeLikeTcpdump(t, cbpf.LinkIEEE80211RadioAVS, pkts)
	prism := "00000044" + strings.Repeat("00", 140)
	linkTypeLikeTcpdump(t, cbpf.LinkPrismHeader, append(pkts,
		crafted{hex: prism + icmp},
		crafted{hex: prism + beacon},
		crafted{hex: hexCut(prism, 100)},
		crafted{hex: "000000"},
	))
}
