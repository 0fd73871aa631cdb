package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ospf6BranchCases are OSPFv3 packets reaching the branches the other
// OSPFv3 tests leave out: a network LSA whose router list ends in a
// partial entry, an AS-external LSA whose referenced LS type asks for a
// referenced link state ID past the LSA, an intra-area-prefix LSA too
// short for its prefix count, a grace LSA with bytes after its last
// TLV too few for a TLV header, a Hello whose LLS block is shorter than
// its header, and authentication trailers cut short.
func ospf6BranchCases() []crafted {
	lsu := func(lsas ...string) string {
		return ospf6Pkt(4, fmt.Sprintf("%08x ", len(lsas))+strings.Join(lsas, ""))
	}
	network := ospf6LSA(0x2002, "00000033 01010101 02020202")
	hello := ospf6Pkt(1, "00000005 01000613 000a 0028 01010101 00000000")
	trailer := ospf6Pkt(5, "") + " 0001 0020 0000 0007 00000000 00000002 000102030405060708090a0b0c0d0e0f"
	pkts := []crafted{
		{craftIP6(89, lsu(ospf6LSA(0x2002, "00000033 01010101 0202"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x2002, "00000033 01010101 02"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x4005, "00000014 40 00 0100 20010db8 00000002"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x4005, "00000014 40 00 0100 20010db8 00000002 0a0a"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x4005, "01000014 40 00 0100 20010db8 00000002 0a0a0a0a"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x4005, "02000014 40 00 0000 20010db8 00000002 20010db8"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x2009, "0001 2001"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x2009, "0001 2001 0000"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x2009, "0001 2001 00000000 0101"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x000b, "0001 0004 00000078 0000"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x000b, "0001 0004 00000078 00"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x000b, "0009 0002 abcd 0000"), network)), 0},
		{craftIP6(89, lsu(ospf6LSA(0x000a, "0001 0004 01010101 0000"), network)), 0},
		{craftIP6(89, hello+" 0000"), 0},
		{craftIP6(89, hello+" 0000 00"), 0},
		{craftIP6(89, hello+" 0000 0002 00000000"), 0},
		{craftIP6(89, trailer), 0},
		{hexCut(craftIP6(89, trailer), hexLen(craftIP6(89, trailer))-8), hexLen(craftIP6(89, trailer))},
		{hexCut(craftIP6(89, trailer), hexLen(craftIP6(89, trailer))-16), hexLen(craftIP6(89, trailer))},
		{hexCut(craftIP6(89, trailer), hexLen(craftIP6(89, trailer))-22), hexLen(craftIP6(89, trailer))},
		{craftIP6(89, ospf6Pkt(5, "")+" 0001 000f 0000 0007 00000000 00000002"), 0},
		{craftIP6(89, ospf6Pkt(5, "")+" 0001 0010 0000 0007 00000000"), 0},
	}
	return pkts
}

// TestOSPF6BranchesLikeTcpdump prints ospf6BranchCases as tcpdump does.
func TestOSPF6BranchesLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "ospf6-branches", ospf6BranchCases())
}

func init() { addFuzzSeeds(ospf6BranchCases()) }
