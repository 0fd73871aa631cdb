package printer

import (
	"math/rand/v2"
	"testing"
)

// protocolsMutatedCases are the crafted packets of the OSPF, OSPFv3,
// EIGRP, mobility, NTP, AODV, VQP, sFlow, Zephyr, Geneve, MPTCP,
// Telnet and AppleTalk tests, each copied k times with a few bytes past
// the headers that carry them changed at random (seeded: the same
// packets every run).
func protocolsMutatedCases(k int) []crafted {
	rng := rand.New(rand.NewPCG(61, 6))
	const (
		ip4   = 14 + 20
		udp4  = ip4 + 8
		ip6   = 14 + 40
		tcpOp = ip4 + 20
	)
	var pkts []crafted
	for _, s := range []struct {
		src []crafted
		off int
	}{
		{ospfCrafted(), ip4}, {ospf6Crafted(), ip6}, {eigrpCrafted(), ip4},
		{append(mobilityCrafted(), mobilityOptCases()...), ip6},
		{ntpCases(), udp4}, {aodvCrafted(), udp4}, {vqpCrafted(), udp4},
		{append(sflowCases(), sflowAgentTypeCases()...), udp4}, {zephyrCases(), udp4},
		{geneveClassProtocolCases(), udp4}, {mptcpSubtypeCases(), tcpOp}, {telnetCases(), tcpOp},
		{atalkCrafted(), 14},
	} {
		pkts = append(pkts, mutatedCases(rng, s.src, s.off, k)...)
	}
	return pkts
}

// TestProtocolsMutatedLikeTcpdump prints protocolsMutatedCases as
// tcpdump does.
func TestProtocolsMutatedLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "protocols-mutated", protocolsMutatedCases(3))
}
