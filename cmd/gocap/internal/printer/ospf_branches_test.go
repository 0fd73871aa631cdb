package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ospfBranchCases are OSPF packets over IPv4 reaching the branches the
// other OSPFv2 tests leave out: versions other than 2 (which tcpdump
// names after the authentication), Hello and DD packets followed by
// bytes past the OSPF length but without the LLS bit, router
// information LSAs of unknown TLVs, and a packet of an unknown type.
func ospfBranchCases() []crafted {
	hello := "ffffff00 000a 00 01 00000028 00000000 00000000"
	lsu := func(lsas ...string) string {
		return ospf2Pkt(4, fmt.Sprintf("%08x ", len(lsas))+strings.Join(lsas, ""))
	}
	ver := func(v byte, pkt string) string { return fmt.Sprintf("%02x", v) + strings.ReplaceAll(pkt, " ", "")[2:] }
	return []crafted{
		{craftIP4(89, ver(3, ospf2Pkt(1, hello))), 0},
		{craftIP4(89, ver(1, ospf2Auth(1, "00000000", 1, "7365637265740000", hello))), 0},
		{craftIP4(89, ver(3, ospf2Auth(1, "00000000", 2, "0000 01 10 00000005", hello)+" 000102030405060708090a0b0c0d0e0f")), 0},
		{craftIP4(89, ver(0, ospf2Pkt(9, hello))), 0},
		{craftIP4(89, ospf2Pkt(1, hello)+" 0000 0003 0001 0004 00000001"), 0},
		{craftIP4(89, ospf2Pkt(2, "05dc 02 07 00001234")+" 0000 0003 0001 0004 00000001"), 0},
		{craftIP4(89, ospf2Pkt(2, "05dc 12 07 00001234")+" 0000 0003 0001 0004 00000001"), 0},
		{craftIP4(89, lsu(ospf2LSA(10, "04000000", "0005 0002 abcd 0000 0001 0004 0000003c"))), 0},
		{craftIP4(89, lsu(ospf2LSA(10, "04000000", "0001 0004 00000070 0007 0000"))), 0},
		{craftIP4(89, lsu(ospf2LSA(11, "04000000", "0001 0004 00000070 00"))), 0},
		{craftIP4(89, lsu(ospf2LSA(10, "07000000", "0102 0304"))), 0},
		{craftIP4(89, ospf2Pkt(7, "01020304")), 0},
	}
}

// TestOSPFBranchesLikeTcpdump prints ospfBranchCases as tcpdump does.
func TestOSPFBranchesLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "ospf-branches", ospfBranchCases())
}

func init() { addFuzzSeeds(ospfBranchCases()) }
