package printer

import (
	"strings"
	"testing"
)

// cnfpRecord is a NetFlow flow record: addresses, ports, protocol, TCP
// flags, tos, the v5/v6 AS numbers and masks, and the v6 encapsulation
// sizes; v1 records keep the flags after the tos.
func cnfpRecord(v int, proto, flags string) string {
	rec := words(0x0a000001, 0x0a000002, 0xc0000201) + "0001 0002" + words(10, 1500, 61234, 65432) + "0400 0050"
	if v == 1 {
		return rec + "0000" + proto + "10" + flags + "000000" + words(0)
	}
	rec += "00" + flags + proto + "10" + "fde8 0064" + "18 10"
	if v == 5 {
		return rec + "0000" + words(0x0a000009)
	}
	return rec + "0203" + words(0x0a000009)
}

// cnfpCases are NetFlow v1, v5 and v6 packets (TCP flows with each flag,
// other protocols), other versions, and packets cut short.
func cnfpCases() []crafted {
	v1 := "0001 0002" + words(123456, 1700000000, 5) + cnfpRecord(1, "06", "3f") + cnfpRecord(1, "11", "00")
	v5 := "0005 0002" + words(123456, 1700000000, 5, 77) + "0102 0003" + cnfpRecord(5, "06", "12") + cnfpRecord(5, "2f", "00")
	v6 := "0006 0001" + words(999, 1, 2, 3, 0) + cnfpRecord(6, "06", "00")
	return []crafted{
		{craftedUDP4(40000, 2055, v1), 0},
		{craftedUDP4(40000, 2055, v5), 0},
		{craftedUDP4(40000, 2055, v6), 0},
		{craftedUDP4(40000, 2055, "0009 0001 00000000"), 0},
		{craftedUDP4(40000, 2055, "0001 0000"+words(0, 0, 0)), 0},
		{craftedUDP4(40000, 2055, "0001 0000"+words(0, 0)), 0},
		{craftedUDP4(40000, 2055, "00"), 0},
		craftedCut(craftedUDP4(40000, 2055, v5), 20),
		craftedCut(craftedUDP4(40000, 2055, v1), 60),
	}
}

// TestCNFPLikeTcpdump prints NetFlow packets with -T cnfp, the only way
// tcpdump decodes them, as tcpdump does.
func TestCNFPLikeTcpdump(t *testing.T) { forcedLikeTcpdump(t, "cnfp", cnfpCases()) }

// forcedAppCases are, for the -T types whose printers decode application
// protocols (snmp, someip, rpc, cnfp), datagrams of that protocol on ports
// tcpdump would not decode it on, and a TCP segment and a UDP datagram of
// another protocol.
func forcedAppCases() map[string][]crafted {
	dnsQuery := "1234 0100 0001 0000 0000 0000 0377 7777 0000 0100 01"
	other := []crafted{
		{tcpSegment(40000, 40001, "2b4f4b0d0a"), 0},
		{tcpSegment(40000, 40001, "001b"+strings.ReplaceAll(dnsQuery, " ", "")), 0},
		{craftedUDP4(40000, 53, dnsQuery), 0},
	}
	udp := func(payloads ...string) []crafted {
		var pkts []crafted
		for _, pl := range payloads {
			pkts = append(pkts, crafted{craftedUDP4(40000, 40001, pl), 0})
		}
		return append(pkts, other...)
	}
	return map[string][]crafted{
		"cnfp":   udp("0009 0000"),
		"snmp":   udp(snmpMsg("00", "public", snmpPDU("a0", "00", "00", vb(snmpOIDs[0], berNull)))),
		"someip": udp(words(0x12340001, 8, 0x00010002) + "01020000"),
		"rpc": append([]crafted{
			{craftedUDP4(40000, 111, words(0x1234, 0, 2, 100000, 2, 3)+words(0, 0, 0, 0)+words(100003, 3, 17, 0)), 0},
			{craftedUDP4(40000, 111, words(0x1235, 0, 2, 100000, 2, 1)+words(0, 0, 0, 0)+words(100005, 1, 17, 0)), 0},
			{craftedUDP4(40000, 111, words(0x1236, 0, 3, 100000, 2, 5)+words(0, 0, 0, 0)), 0},
			{craftedUDP4(40000, 111, words(0x1236, 0, 2, 100000, 2, 2)+words(0, 0, 0, 0)), 0},
			{craftedUDP4(40000, 111, words(0x1237, 0, 2, 100000, 2, 0)+words(0, 0, 0, 0)), 0},
			{craftedUDP4(40000, 111, words(0x1238, 0, 2, 100000, 2, 4)+words(0, 0, 0, 0)), 0},
			{craftedUDP4(40000, 111, words(0x1239, 0, 2, 424242, 2, 9)+words(0, 0, 0, 0)), 0},
			{craftedUDP4(40000, 111, words(0x1239, 0, 2, 424242, 2, 3)+words(0, 0, 0, 0)), 0},
			{craftedUDP6(40000, 111, words(0x123a, 0, 2, 100000, 2, 3)+words(0, 0, 0, 0)+words(100021, 4, 6, 0), false), 0},
			{craftedUDP6(40000, 111, words(0x123b, 0, 5, 100000, 2, 6)+words(0, 0, 0, 0), true), 0},
			{craftedUDP4(40000, 2049, rpcCallMsg(0x99, 3, 1, nfsFH3)), 0},
			{udpFrom(2, 1, 111, 40000, rpcReplyMsg(0x99, words(0)+fattr3)), 0},
			{udpFrom(2, 1, 111, 40000, words(0x1234, 1, 1, 0, 2, 3)), 0},
			{udpFrom(2, 1, 111, 40000, words(0x1234, 7)), 0},
			{craftedUDP4(40000, 111, words(0x1234, 0, 2, 100000, 2, 3)), 0},
			{craftedUDP4(40000, 111, words(0x1234)), 0},
			{craftedUDP4(40000, 111, words(0x1234, 1)), 0},
		}, other...),
	}
}

// TestForcedAppTypesLikeTcpdump prints forcedAppCases with their -T types,
// as tcpdump does.
func TestForcedAppTypesLikeTcpdump(t *testing.T) {
	for typ, pkts := range forcedAppCases() {
		t.Run(typ, func(t *testing.T) { forcedLikeTcpdump(t, typ, pkts) })
	}
}

func init() { craftedSeeds = append(craftedSeeds, cnfpCases()...) }
