package printer

import (
	"fmt"
	"strings"
	"testing"
)

// sflowRec is an sFlow sample or record (hex): format, length, body.
func sflowRec(format uint32, body string) string {
	body = strings.ReplaceAll(body, " ", "")
	return fmt.Sprintf("%08x%08x", format, len(body)/2) + body
}

// sflowV4 is an sFlow v5 datagram from an IPv4 agent with n samples.
func sflowV4(n int, samples ...string) string {
	return fmt.Sprintf("00000005 00000001 c0000201 00000007 0000002a 00001000 %08x", n) + strings.Join(samples, "")
}

// sflowCases are the crafted sflow packets, well formed, malformed and cut
// short.
func sflowCases() []crafted {
	w := func(n int) string { return strings.Repeat("0000000b", n) }
	generic := sflowRec(1, "00000002 00000006 000000003b9aca00 00000001 00000003 0000000000001000"+w(6)+"0000000000002000"+w(6))
	ether := sflowRec(2, w(13))
	token := sflowRec(3, "")
	basevg := sflowRec(4, w(20))
	vlan := sflowRec(5, w(7))
	proc := sflowRec(1001, w(7))
	unknownC := sflowRec(77, "01020304")
	enterpriseC := sflowRec(0x00100001, "0a0b")
	counter := sflowRec(2, "00000009 01000003 00000008"+generic+ether+token+basevg+vlan+proc+unknownC+enterpriseC)
	raw := sflowRec(1, "00000001 00000040 00000004 00000080")
	eth := sflowRec(2, "00000040 0011223344550000 66778899aabb0000 00000800")
	sw := sflowRec(1001, "0000000a 00000001 00000014 00000002")
	ipv4 := sflowRec(3, w(4))
	router := sflowRec(1002, w(2))
	unknownF := sflowRec(88, "a1a2a3")
	enterpriseF := sflowRec(0x1001, "b1b2")
	flow := sflowRec(1, "00000005 00000004 00000400 00001000 00000003 00000001 00000002 00000008"+raw+eth+sw+ipv4+router+unknownF+enterpriseF+raw)
	xflow := sflowRec(3, "00000006 00000000 00000011 00000400 00001000 00000003 00000000 00000001 00000000 00000002 00000001"+sw)
	xcounter := sflowRec(4, "00000007 00000000 00000012 00000001"+vlan)
	unknownS := sflowRec(9, "c1c2c3c4c5")
	v6 := "00000005 00000002 20010db8000000000000000000000001 00000003 00000004 00000005 00000001" + xcounter
	pkts := []crafted{
		{craftedUDP4(6343, 6343, sflowV4(1, counter)), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, flow)), 0},
		{craftedUDP4(6343, 6343, sflowV4(4, xflow, xcounter, unknownS, counter)), 0},
		{craftedUDP4(6343, 6343, v6), 0},
		{craftedUDP4(6343, 6343, sflowV4(3, xflow)), 0},                    // fewer samples than announced
		{craftedUDP4(6343, 6343, sflowV4(2, sflowRec(0, "00"), xflow)), 0}, // sample type 0
		{craftedUDP4(6343, 6343, sflowV4(2, sflowRec(1, ""), xflow)), 0},   // sample length 0
		{craftedUDP4(6343, 6343, sflowV4(1, "00000001 00000100 0102")), 0}, // sample longer than datagram
		{craftedUDP4(6343, 6343, sflowV4(1, "000000")), 0},                 // sample header cut
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(1, w(4)))), 0},        // flow sample too short
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(2, w(2)))), 0},        // counter sample too short
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(3, w(8)))), 0},        // expanded flow too short
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(4, w(3)))), 0},        // expanded counter too short
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(2, w(2)+"00000002"+sflowRec(1, w(3))))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(2, w(2)+"00000002"+"00000002 00000040"))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(1, w(7)+"00000001"+sflowRec(1, w(2))))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(1, w(7)+"00000002"+sflowRec(1001, w(4))))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(1, w(7)+"00000001"+sflowRec(2, w(3))))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(1, w(7)+"00000001"+"0000000300000090"))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(2, w(2)+"00000001"+sflowRec(2, w(3))))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(2, w(2)+"00000001"+sflowRec(4, w(3))))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(2, w(2)+"00000001"+sflowRec(5, w(3))))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(2, w(2)+"00000001"+sflowRec(1001, w(3))))), 0},
		{craftedUDP4(6343, 6343, sflowV4(1, sflowRec(2, w(2)+"00000001"+sflowRec(1, w(3))))), 0},
		{craftedUDP4(6343, 6343, "00000004 00000001 c0000201 00000007 0000002a 00001000 00000000"), 0},
		{craftedUDP4(6343, 6343, "00000005 00000001 c0000201 0000"), 0},
		{craftedUDP4(6343, 6343, "00000005 00000002 c0000201 00000007 0000002a 00001000 00000000"), 0},
		{craftedUDP4(6343, 6343, "00000005 00000003 c0000201 00000007 0000002a 00001000 00000000"), 0},
		{craftedUDP4(6343, 6343, "00000005 00000003 c0000201 00000007 0000002a 00001000 00000000 00000000 00000000 00000000 00000001"+xcounter), 0},
		{craftedUDP4(6343, 6343, "00000005"), 0},
		{craftedUDP4(6343, 6343, "00000005 00000001 c0000201 00000007 0000002a 00001000 00000001 0000"), 0},
	}
	for _, m := range []string{sflowV4(1, counter), sflowV4(1, flow), v6} {
		pkts = append(pkts, craftedCuts(craftedUDP4(6343, 6343, m), hexLen(m), 7)...)
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, sflowCases()...) }

func TestSFlowLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "sflow", sflowCases()) }
