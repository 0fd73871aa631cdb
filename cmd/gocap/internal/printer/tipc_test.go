package printer

import (
	"fmt"
	"testing"
)

// tipcFrame is an Ethernet frame of ethertype TIPC carrying the header
// words w (user, header size and the rest as given) and nothing else.
func tipcFrame(w ...uint32) string {
	s := "000000000002 000000000001 88ca "
	for _, x := range w {
		s += fmt.Sprintf("%08x ", x)
	}
	return s
}

func tipcCrafted() []crafted {
	node := func(z, c, n uint32) uint32 { return z<<24 | c<<12 | n }
	hdr := func(ver, user, hsize, msize uint32) uint32 { return ver<<29 | user<<25 | hsize<<21 | msize }
	var pkts []crafted
	add := func(h string) { pkts = append(pkts, crafted{hex: h}) }
	for _, user := range []uint32{0, 1, 2, 3, 8, 11} {
		// Short headers, and long ones of each message type.
		add(tipcFrame(hdr(2, user, 6, 24), 0x40000000, 0x00010002, node(1, 1, 10), 1000, 2000))
		add(tipcFrame(hdr(2, user, 10, 60), uint32(user%4)<<29|0x1234, 0x00050006, node(1, 1, 10), 1000, 2000,
			node(1, 2, 3), node(4, 5, 6), 0, 0))
	}
	for _, user := range []uint32{5, 6, 7, 10, 12} {
		add(tipcFrame(hdr(2, user, 10, 40), 0x4abc0007, 0x00080009, node(1, 1, 1), 0x000a000b, 0x000c000d,
			node(1, 1, 2), node(1, 1, 3), 77, 0x00100011))
	}
	add(tipcFrame(hdr(2, 13, 10, 40), 0x00000005, node(1, 1, 0), node(1, 1, 9), 4711, 0x00000001, 0, 0, 0, 0))
	add(tipcFrame(hdr(2, 13, 10, 40), 0x20000005, node(1, 1, 0), node(1, 1, 9), 4711, 0x00000001))
	add(tipcFrame(hdr(2, 13, 10, 40), 0xe0000005, node(1, 1, 0), node(1, 1, 9), 4711, 0x00000001))
	for _, user := range []uint32{4, 9, 14, 15} {
		add(tipcFrame(hdr(2, user, 10, 40), 0, 0))
	}
	add(tipcFrame(hdr(2, 0, 6, 24), 0xe0000000, 0, 0, 0, 0))
	// Cut short at each field.
	for _, c := range []struct {
		user uint32
		n    int
	}{{0, 1}, {0, 5}, {0, 13}, {0, 21}, {1, 25}, {1, 29}, {2, 33}, {5, 5}, {5, 25}, {5, 29}, {6, 33}, {6, 37},
		{7, 39}, {13, 5}, {13, 9}, {13, 13}, {13, 17}, {13, 21}} {
		pkts = append(pkts, craftedCut(tipcFrame(hdr(2, c.user, 10, 40), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), c.n))
	}
	add(tipcFrame(hdr(2, 0, 6, 24), 0x40000000, 0x00010002, node(1, 1, 10), 1000)[:14*2+14])
	return pkts
}

// TestTIPCLikeTcpdump prints TIPC payload, internal and neighbour
// detection messages, short and long headers, users tcpdump prints
// nothing for, and messages cut short, as tcpdump does.
func TestTIPCLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "tipc", tipcCrafted()) }

// nshFrame is an Ethernet frame of ethertype NSH holding the header
// (hex) and payload.
func nshFrame(h string) string { return "000000000002 000000000001 894f " + h }

func nshCrafted() []crafted {
	ip := faultIP4(17, 8) + "0035 0035 0008 0000"
	eth := "000000000004 000000000003 0800 " + ip
	pkts := []crafted{
		{hex: nshFrame("0fc2 0101 000010 ff " + ip)},
		{hex: nshFrame("2fc6 0101 000011 fe 00000001 00000002 00000003 00000004 " + ip)},
		{hex: nshFrame("0fc6 0103 000011 fe 00000001 00000002 00000003 00000004 " + eth)},
		{hex: nshFrame("0fc6 0102 000011 fe 00000001 00000002 00000003 00000004 6000 0000 0000 3b40 20010db8000000000000000000000001 20010db8000000000000000000000002")},
		{hex: nshFrame("0fc5 0101 000011 fe 00000001 00000002 00000003 " + ip)},
		{hex: nshFrame("0fc5 0201 000012 fd 0001 02 03 aabbcc00 0005 06 00 " + ip)},
		{hex: nshFrame("0fc5 0201 000012 fd 0001 02 08 aabbccdd eeff0011 " + ip)},
		{hex: nshFrame("0fc4 0201 000012 fd 0001 02 08 aabbccdd " + ip)},
		{hex: nshFrame("0fc4 0201 000012 fd 0001 02 85 aabbccdd " + ip)},
		{hex: nshFrame("0fc3 0f01 000012 fd 00000000 " + ip)},
		{hex: nshFrame("0fc2 0005 000012 fd ")},
		{hex: nshFrame("0fc2 0004 000012 fd 0000")},
		{hex: nshFrame("0fc2 0077 000012 fd 0000")},
		{hex: nshFrame("0fc1 0101 000012 fd " + ip)},
		{hex: nshFrame("0fff 0101 000012 fd " + ip)},
		{hex: nshFrame("4fc2 0101 000012 fd " + ip)},
		{hex: nshFrame("cfc2 0101 000012 fd " + ip)},
		{hex: nshFrame("0fc2 01")},
		{hex: craftedUDP4(4790, 4790, "0c 0000 04 000001 00 0fc2 0101 000010 ff "+ip)},
		{hex: craftedUDP4(4790, 4790, "0c 0000 04 000001 00 0fc2 0104 000010 ff "+ip)},
	}
	for _, n := range []int{3, 20, 30, 32, 36, 40} {
		pkts = append(pkts, craftedCut(nshFrame("0fc6 0101 000011 fe 00000001 00000002 00000003 00000004 "+ip), n))
	}
	for _, n := range []int{30, 33, 35, 37} {
		pkts = append(pkts, craftedCut(nshFrame("0fc5 0201 000012 fd 0001 02 03 aabbcc00 0005 06 00 "+ip), n))
	}
	return pkts
}

// TestNSHLikeTcpdump prints Network Service Headers (ethertype 0x894f
// and after VXLAN-GPE) of each MD type with context headers and TLVs at
// -vvv, each next protocol, bad lengths and versions, and headers cut
// short, as tcpdump does.
func TestNSHLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "nsh", nshCrafted()) }

func init() {
	addFuzzSeeds(tipcCrafted())
	addFuzzSeeds(nshCrafted())
}
