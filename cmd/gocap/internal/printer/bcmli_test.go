package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestBCMLILikeTcpdump prints BCM-LI shims of each direction, packet
// type and subtype, carrying Ethernet, IPv4 and IPv6 packets (printed
// with -v), unknown types, shims too short and payloads cut short, as
// tcpdump does.
func TestBCMLILikeTcpdump(t *testing.T) {
	ip4 := "4500 001c 0001 0000 4011 0000 0a000003 0a000004 04d2 0035 0008 0000"
	ip6 := "6000 0000 0008 1140 20010db8000000000000000000000001 20010db8000000000000000000000002 04d2 162e 0008 0000"
	eth := "000000000004 000000000003 0800 " + ip4
	pkts := []crafted{
		{craftedUDP4(49152, 5000, "4e40002a "+eth), 0}, // ingress, ethernet, single tag
		{craftedUDP4(49152, 5000, "6a800001 "+ip4), 0}, // ingress, ipv4, double tag
		{craftedUDP4(49152, 5000, "4cc00002 "+ip6), 0}, // egress, ipv6, untagged
		{craftedUDP4(49152, 5000, "28000003 "+ip4), 0}, // unused, undecided
		{craftedUDP4(49152, 5000, "28000003 "+ip6), 0}, // undecided, IPv6
		{craftedUDP4(49152, 5000, "28000003 1234"), 0}, // undecided, neither
		{craftedUDP4(49152, 5000, "28000003"), 0},      // undecided, nothing
		{craftedUDP4(49152, 5000, "e1ffffff 00"), 0},   // unknowns: invalid
		{craftedUDP4(49152, 5000, "0000000f"), 0},      // all unknown
		{craftedUDP4(49152, 5000, "4e40"), 0},          // too short
		{craftedUDP4(49152, 5000, ""), 0},              // empty
		craftedCut(craftedUDP4(49152, 5000, "6a800001 "+ip4), 6),
		craftedCut(craftedUDP4(49152, 5000, "6a800001 "+ip4), 30),
		craftedCut(craftedUDP4(49152, 5000, "6a800001 "+ip4), 31),
		{craftedUDP4(5000, 49152, "6a800001 "+ip4), 0}, // destination port only: not BCM-LI
		{craftedUDP4(49152, 3784, "6a800001 "+ip4), 0}, // before BFD
	}
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}
