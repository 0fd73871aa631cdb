package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// etherTypeFrame is an Ethernet frame of the type (hex) with the payload.
func etherTypeFrame(typ, payload string) string {
	return "000000000002 000000000001 " + typ + " " + payload
}

// TestEtherTypesLikeTcpdump prints Ethernet frames whose header tcpdump
// prints in pieces (VLAN tags and Arista's header print the type and
// length only once their bytes are there), Alteon jumbo frames, MACsec
// with a short length, the EtherTypes handed to PPP, PPPoE, OSI and PTP,
// types tcpdump does not name, SNAP frames of Cisco's and bridged ones,
// and a few frames whose payload tcpdump cuts or checks its own way, with
// and without -e, as tcpdump does.
func TestEtherTypesLikeTcpdump(t *testing.T) {
	arista := "0001 0110 5ceeed7c 37cb1af2 "
	stp := "0000 00 00 00 8000 0000000000aa 00000004 8001 0000000000bb 8002 0100 1400 0200 0f00"
	macsecSL := "88e5 0016 00000007 " // SL 22
	pkts := []crafted{
		{etherTypeFrame("8100", ""), 60},
		{etherTypeFrame("8100", "0064"), 60},
		{etherTypeFrame("88a8", "0064 8100"), 60},
		{etherTypeFrame("88a8", "0064 8100 00c8 0800 "+linkICMP4), 0},
		{etherTypeFrame("8100", fmt.Sprintf("0064 %04x 424203 ", 3+hexLen(stp))+stp), 0},
		{etherTypeFrame("9100", "0064 9200 0065 86dd "+linkUDP6), 0},
		{etherTypeFrame("d28b", ""), 110},
		{etherTypeFrame("d28b", "00"), 110},
		{etherTypeFrame("d28b", "0001"), 110},
		{etherTypeFrame("d28b", "000101"), 110},
		{etherTypeFrame("d28b", arista+"0800 "+linkICMP4), 0},
		{etherTypeFrame("d28b", "0001 2310 5ceeed7c 37cb1af2 0800 "+linkICMP4), 0},
		{etherTypeFrame("d28b", "0001 0123 0000 5ceeed7c 0800 "+linkICMP4), 0},
		{etherTypeFrame("d28b", "0001 0130 5ceeed7c 37cb1af2 0800"), 0},
		{etherTypeFrame("d28b", "0002 0110 0800"), 0},
		{etherTypeFrame("d28b", arista+"8100 0064 0800 "+linkICMP4), 0},
		{etherTypeFrame("d28b", arista+fmt.Sprintf("%04x 424203 ", 3+hexLen(stp))+stp), 0},
		{etherTypeFrame("8100", "0064 d28b "+arista+"0800 "+linkICMP4), 0},
		{etherTypeFrame("8870", "ff01 03 0102"), 0},
		{etherTypeFrame("8870", "10"), 0},
		{etherTypeFrame("8100", "0064 8870 4242 03 "+stp), 0},
		{etherTypeFrame(macsecSL, "1234 0102030405060708090a0b0c0d0e0f101112131415 "+"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"), 0},
		{etherTypeFrame(macsecSL, "8100 0005 0800 "+linkICMP4+" eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"), 0},
		{etherTypeFrame("880b", "ff03 0021 "+linkICMP4), 0},
		{etherTypeFrame("880b", ""), 0},
		{etherTypeFrame("3c12", "1109 0000 0004 0101 0000"), 0},
		{etherTypeFrame("3c13", "1100 0017 0018 0021 "+linkICMP4), 0},
		{etherTypeFrame("fefe", "00 82 01 ff"), 0},
		{etherTypeFrame("fefe", ""), 0},
		{etherTypeFrame("88f7", "0002 0022 0000 0000 0000000000000000 00000000 0000000000000001 0001 0001 00 00"), 0},
		{etherTypeFrame("88e7", "00000000"), 0},
		{etherTypeFrame("22f0", "00000000"), 0},
		{etherTypeFrame("8915", "00000000"), 0},
		{etherTypeFrame("86dd", "6000 0000 0000 1140 fe800000000000000000000000000001 ff020000000000000000000000000001 3039 303a 0008 0000"), 0},
		{etherTypeFrame("0800", "4500 001c 0002 0000 4001 66de 0a000001 0a000002 0000 f7fe 0000 0000"), 0},
		{"01000ccccccc 000000000001 000e aaaa03 00000c 2001 abcd 0000", 0},
		{fmt.Sprintf("ffffffffffff 000000000001 %04x aaaa03 0080c2 0009 0000 ", 10+14+hexLen(linkICMP4)) +
			"0040 000000000002 000000000001 aaaa03000000 0800 " + linkICMP4, 0},
		{fmt.Sprintf("ffffffffffff 000000000001 %04x aaaa03 0080c2 000a 000000 ", 11+13+8+hexLen(linkICMP4)) +
			"50 000000000002 000000000001 aaaa03000000 0800 " + linkICMP4, 0},
		{fmt.Sprintf("ffffffffffff 000000000001 %04x aaaa03 0080c2 000e ", 8+hexLen(stp)) + stp, 0},
		{"ffffffffffff 000000000001 000a aaaa03 0080c2 000a 00", 0},
		// An MPLS payload tcpdump cannot guess, and a TCP header longer
		// than its segment (both printed their own way with -q).
		{etherTypeFrame("8847", "00064140 0000 0001 0203 0405"), 0},
		{etherTypeFrame("0800", "4500 002c 0001 0000 4006 66c8 0a000001 0a000002 04d2 0050 00000001 00000002 f018 0100 0000 0000 61626364"), 0},
	}
	// ATM ARP: each operation, E.164 and subaddress lengths, addresses
	// of the wrong lengths or protocol, and packets cut short.
	for _, a := range []string{
		"0013 0800 14 00 0001 04 00 00 04 " + strings.Repeat("47", 20) + " 0a000001 0a000002",
		"0013 0800 14 05 0001 04 14 05 04 " + strings.Repeat("47", 20) + " 0102030405 0a000001 " + strings.Repeat("39", 20) + " 0607080900 0a000002",
		"0013 0800 54 00 0002 04 00 00 04 " + strings.Repeat("45", 20) + " 0a000001 0a000002",
		"0013 0800 14 00 0008 00 14 00 00 " + strings.Repeat("47", 20) + " " + strings.Repeat("39", 20),
		"0013 0800 00 00 0009 04 00 00 00 0a000001",
		"0013 0800 14 00 000a 04 00 00 00 " + strings.Repeat("47", 20) + " 0a000001",
		"0013 0800 14 00 0005 04 00 00 04 " + strings.Repeat("47", 20) + " 0a000001 0a000002",
		"0013 0800 00 00 0001 00 00 00 00",
		"0013 86dd 00 00 0001 10 00 00 10 " + strings.Repeat("20", 32),
		"0013 0800 14 00 0001 04 00 00 04 " + strings.Repeat("47", 20) + " 0a000001 0a00",
		"0013 0800 14 00 0001 04",
	} {
		pkts = append(pkts, crafted{etherTypeFrame("0806", a), 0})
	}
	craftedLikeTcpdump(t, "ethertypes", pkts)
}

// TestLoopFamilyLikeTcpdump prints DLT_LOOP frames, whose family tcpdump
// reads as it reads DLT_NULL's (in its host's order, swapped when the
// upper half is set), as tcpdump does.
func TestLoopFamilyLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkLoop, []crafted{
		{hex: "00000002 " + linkICMP4},
		{hex: "02000000 " + linkICMP4},
		{hex: "60000000 " + linkUDP6},
		{hex: "0000001e " + linkUDP6},
		{hex: "00000018 " + linkUDP6},
	})
}
