package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// ospfTELSU is an OSPFv2 LS update from 10.255.0.1 carrying one
// area-local TE opaque LSA whose body is tlvs (hex; its length need not
// be a multiple of 4).
func ospfTELSU(tlvs string) string {
	lsa := fmt.Sprintf("0009 02 0a 01000003 0aff0001 80000003 0000 %04x ", 20+hexLen(tlvs)) + tlvs
	body := "00000001 " + lsa
	ospf := fmt.Sprintf("0204 %04x 0aff0001 00000000 0000 0000 0000000000000000 ", 24+hexLen(body)) + body
	return faultEther + faultIP4(89, hexLen(ospf)) + ospf
}

// ospfTEBranchCases are TE LSAs reaching what the other OSPF tests
// leave out: a link sub-TLV longer than its TLV, bandwidth constraints
// past their 36 bytes, an unknown top-level TLV and an unknown sub-TLV
// (dumped in hex at -v, cut short), a TLV whose padding goes past the
// LSA, and link TLVs cut inside a sub-TLV.
func ospfTEBranchCases() []crafted {
	link := func(subs string) string { return fmt.Sprintf("0002 %04x ", hexLen(subs)) + subs }
	bc := "0011 0028 01000000" + " 4b3ebc20 4b3ebc20 4b3ebc20 4b3ebc20 4b3ebc20 4b3ebc20 4b3ebc20 4b3ebc20 4b3ebc20"
	unknownTop := "0007 0008 0102030405060708"
	unknownSub := link("0020 0008 0102030405060708")
	pkts := []crafted{
		{ospfTELSU(link("0001 0008 01000000")), 0},
		{ospfTELSU(link(bc)), 0},
		{ospfTELSU(unknownTop), 0},
		{ospfTELSU(unknownSub), 0},
		{ospfTELSU("0001 0005 0a000001 09"), 0},
		{ospfTELSU("0003 0001 09"), 0},
		{ospfTELSU(link("0001 0001 01")), 0},
		{ospfTELSU(link("0001 0001 01 000000 0005 0003 000001")), 0},
	}
	for _, full := range []string{ospfTELSU(unknownTop), ospfTELSU(unknownSub), ospfTELSU(link("0005 0004 0000000a 0009 0004 00000000"))} {
		n := hexLen(full)
		for drop := 1; drop < 14; drop++ {
			pkts = append(pkts, crafted{hexCut(full, n-drop), n})
		}
	}
	return pkts
}

func init() { addFuzzSeeds(ospfTEBranchCases()) }

// TestOSPFTEBranchesLikeTcpdump prints ospfTEBranchCases as tcpdump does.
func TestOSPFTEBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ospftebranches", ospfTEBranchCases())
}

// TestOSPFTENameTablesLikeTcpdump prints every switching capability and
// LSP encoding, link type, link protection and bandwidth constraints
// model value, and every sub-TLV and top-level TLV type, as tcpdump does.
func TestOSPFTENameTablesLikeTcpdump(t *testing.T) {
	bw := strings.Repeat("4b3ebc20", 8)
	link := func(subs string) string { return fmt.Sprintf("0002 %04x ", hexLen(subs)) + subs }
	var pkts []crafted
	for v := 0; v < 256; v++ {
		pkts = append(pkts, crafted{ospfTELSU(link(fmt.Sprintf("000f 0024 %02x %02x 0000 ", v, v) + bw)), 0},
			crafted{ospfTELSU(link(fmt.Sprintf("0001 0001 %02x000000 000e 0004 %02x000000 0011 0008 %02x000000 00000001", v, v, v))), 0},
			crafted{ospfTELSU(link(fmt.Sprintf("%04x 0004 00000001", v))), 0},
			crafted{ospfTELSU(fmt.Sprintf("%04x 0004 0a000001", v)), 0})
	}
	compareWithTcpdump(t, "ospftetables", cbpf.LinkEN10MB, pkts, craftedFlagSets[:3])
}
