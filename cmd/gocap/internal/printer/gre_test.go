package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// greInnerIP4 is an IPv4 ICMP echo request from 192.0.2.1 to 192.0.2.2.
const greInnerIP4 = "4500 001c 0001 0000 4001 0000 c0000201 c0000202 0800 f7ff 0000 0000 "

// greInnerIP6 is an IPv6 header of no next header and no payload.
const greInnerIP6 = "6000 0000 0000 3b40 20010db8000000000000000000000001 20010db8000000000000000000000002 "

func greCrafted() []crafted {
	arp := "ffffffffffff 000000000003 0806 0001 0800 0604 0001 000000000003 c0000201 000000000000 c0000202 "
	ipx := "ffff 001e 00 11 00000001 000000000001 0451 00000002 000000000002 0452 "
	ddp := "0015 0000 0001 0002 03 04 05 06 02 0000000000"
	ppp := "ff03 0021 " + greInnerIP4
	bodies := []string{
		"0000 0800 " + greInnerIP4,
		"0000 86dd " + greInnerIP6,
		"0000 8847 00001140 " + greInnerIP4,
		"0000 8137 " + ipx,
		"0000 809b " + ddp,
		"0000 00fe 8201 0000",
		"0000 6558 " + arp,
		"0000 1234 0102",
		"8000 0800 abcd 0000 " + greInnerIP4,
		"b000 0800 abcd 0004 0000002a 00000007 " + greInnerIP4,
		"2000 0800 0000002a " + greInnerIP4,
		"1000 0800 00000007 " + greInnerIP4,
		"0880 0800 " + greInnerIP4,
		"0700 0800 " + greInnerIP4,
		"4000 0800 0000 0000 0800 04 0c 0a000001 0a000002 0a000003 fffe 02 06 0001 0002 0003 1234 00 04 01020304 0000 00 00 " + greInnerIP4,
		"4000 0800 0000 0000 0800 01 04 0a000001 0000 00 00",
		"4000 0800 0000 0000 0800 00 06 0a000001 0000 0000 00 00",
		"4000 0800 0000 0000 0800 08 08 0a000001 0a000002 0000 00 00",
		"4000 0800 0000 0000 fffe 01 02 0001 0000 00 00",
		"4000 0800 0000 0000 fffe 00 03 000100 00 0000 00 00",
		"4000 0800 0000 0000 fffe 04 04 00010002 0000 00 00",
		"4000 0800 0000 0000 0800 00 10 0a000001",
		"4000 0800 0000 0000 fffe 00 08 0001",
		"4000 0800 0000 0000 0800 00 04",
		"4000 0800 0000",
		"8000 0800 abcd",
		"2000 0800 0000",
		"1000 0800 00",
		"0000",
		"00",
		"0002 0800",
		"0007 0800",
		"3081 880b 001c 0005 00000001 00000002 " + ppp,
		"2001 880b 0000 0005",
		"2081 880b 0000 0005 00000003",
		"3001 0800 001c 0005 00000001 " + greInnerIP4,
		"3001 880b",
		"3001 880b 001c",
		"3001 880b 001c 0005 0000",
		"2081 880b 001c 0005 0000",
		"0001",
	}
	var pkts []crafted
	for _, b := range bodies {
		pkts = append(pkts, crafted{craftIP4(47, b), 0})
	}
	full := "b000 0800 abcd 0004 0000002a 00000007 " + greInnerIP4
	pkts = append(pkts,
		crafted{craftIP6(47, "0000 0800 "+greInnerIP4), 0},
		craftedCut(craftIP4(47, full), 30),
		craftedCut(craftIP4(47, full), 3),
		craftedCut(craftIP4(47, "3081 880b 001c 0005 00000001 00000002 "+ppp), 30),
		crafted{craftIP4(47, ""), 0},
	)
	return pkts
}

// ipsecCrafted is AH and ESP over IPv4 and IPv6: AH with ICVs of several
// lengths, a reserved field set, the headers cut short, ESP with and
// without a payload.
func ipsecCrafted() []crafted {
	ah := func(nh byte, l string, rest string) string {
		return fmt.Sprintf("%02x %s %s", nh, l, rest)
	}
	pkts := []crafted{
		{craftIP4(51, ah(1, "04", "0000 00001000 00000001 0102030405060708090a0b0c 0800f7ff00000000")), 0},
		{craftIP4(51, ah(4, "01", "0000 00001000 00000002 "+greInnerIP4)), 0},
		{craftIP4(51, ah(59, "01", "0102 00001000 00000002")), 0},
		{craftIP4(51, ah(17, "04", "0000 00001000 00000001 0102")), 0},
		{craftIP4(51, ah(17, "04", "0000 0000")), 0},
		{craftIP4(51, "11"), 0},
		{craftIP4(51, ""), 0},
		{craftIP4(51, ah(50, "01", "0000 00001000 00000002 00002000 00000003 aabbccdd")), 0},
		{craftIP6(51, ah(58, "04", "0000 00001000 00000001 0102030405060708090a0b0c 8000 0000 0000 0000")), 0},
		{craftIP4(50, "00001000 00000001 0102030405060708"), 0},
		{craftIP4(50, "00001000 00000001 01"), 0},
		{craftIP4(50, "00001000 00000001"), 0},
		{craftIP4(50, "00001000 0000"), 0},
		{craftIP6(50, "00001000 00000001 0102030405060708"), 0},
		craftedCut(craftIP4(50, "00001000 00000001 0102030405060708"), 8),
		craftedCut(craftIP4(51, ah(17, "04", "0000 00001000 00000001 0102030405060708090a0b0c")), 6),
	}
	return pkts
}

func init() {
	addFuzzSeeds(greCrafted())
	addFuzzSeeds(ipsecCrafted())
}

// TestGRELikeTcpdump prints GRE packets of version 0 with each optional
// field (checksum and offset, key, sequence number, source routes of IP
// and ASN entries, well formed and not) and each payload tcpdump decodes
// under it, version 1 (PPTP's enhanced GRE) with and without sequence
// and acknowledgement numbers, unknown versions, and headers cut short
// by the capture or by the packet's length, as tcpdump does.
func TestGRELikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "gre", cbpf.LinkEN10MB, greCrafted(), faultFlagSets)
}

// TestIPsecLikeTcpdump prints AH and ESP headers as tcpdump does without
// ESP secrets: AH followed by the next protocol, ESP ending the line.
func TestIPsecLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "ipsec", cbpf.LinkEN10MB, ipsecCrafted(), faultFlagSets)
}
