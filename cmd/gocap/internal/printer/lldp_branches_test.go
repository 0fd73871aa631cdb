package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// lldpBranchCases are LLDP frames reaching what lldp_test.go leaves
// out: management addresses of length 0 and a MAC address too short,
// an IEEE 802.1 VLAN name TLV without its name length, 802.3, TIA and
// DCBX TLVs too short for their subtype, a civic location whose last
// CA entry has no room for its header, and a DCBX priority group
// feature too short.
func lldpBranchCases() []crafted {
	const d1, d3, tia, dcbx = "0080c2", "00120f", "0012bb", "001b21"
	base := []string{lldpT(1, "04 000000000001"), lldpT(2, "05 "+hexStr("eth0", 4)), lldpT(3, "0078")}
	frame := func(tlvs ...string) string { return lldpFrame(append(append([]string{}, base...), tlvs...)...) }
	return []crafted{
		{frame(lldpT(8, "00 02 00000003 00")), 0},
		{frame(lldpT(8, "04 06 0102 03 02 00000003 00")), 0},
		{frame(lldpT(8, "03 01 0a00 02 00000003 00")), 0},
		{frame(lldpOrg(d1, 3, "00")), 0},
		{frame(lldpT(127, d3)), 0},
		{frame(lldpT(127, tia)), 0},
		{frame(lldpT(127, dcbx)), 0},
		{frame(lldpOrg(tia, 3, "02 07 02 5553 01 01 41 00 00")), 0},
		{frame(lldpOrg(tia, 3, "02 08 02 5553 01 01 41 0300")), 0},
		{frame(lldpOrg(dcbx, 2, lldpT(2, "0000"))), 0},
		{frame(lldpOrg(dcbx, 2, lldpT(2, "00000000000000000000000000000000"))), 0},
	}
}

func init() { addFuzzSeeds(lldpBranchCases()) }

// TestLLDPBranchesLikeTcpdump prints lldpBranchCases as tcpdump does.
func TestLLDPBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "lldpbranches", lldpBranchCases())
}

// TestLLDPNameTablesLikeTcpdump prints every chassis ID, port ID and
// management address subtype, every subtype of each organisation, and
// the values of the 802.3 and TIA fields that name their value (MAU
// types, MDI power, autonegotiation, device class, application type,
// location format, civic what, altitude, datum), as tcpdump does.
func TestLLDPNameTablesLikeTcpdump(t *testing.T) {
	const d1, d3, tia, dcbx = "0080c2", "00120f", "0012bb", "001b21"
	base := []string{lldpT(1, "04 000000000001"), lldpT(2, "05 "+hexStr("eth0", 4)), lldpT(3, "0078")}
	frame := func(tlvs ...string) string { return lldpFrame(append(append([]string{}, base...), tlvs...)...) }
	const v15 = "0102030405060708090a0b0c0d0e0f"
	var pkts []crafted
	for v := 0; v < 256; v++ {
		x := fmt.Sprintf("%02x", v)
		pkts = append(pkts,
			crafted{frame(lldpT(1, x+" 0102030405"), lldpT(2, x+" 0102030405"), lldpT(8, "05 "+x+" 0a000001 "+x+" 00000003 00")), 0},
			crafted{frame(lldpOrg(d1, byte(v), v15), lldpOrg(d3, byte(v), v15)), 0},
			crafted{frame(lldpOrg(tia, byte(v), v15), lldpOrg(dcbx, byte(v), v15)), 0},
			crafted{frame(lldpOrg(d3, 1, x+" 6c01 00"+x), lldpOrg(d3, 2, x+" "+x+" "+x), lldpOrg(d3, 1, "03 "+x+x+" 0010")), 0},
			crafted{frame(lldpOrg(tia, 1, "0033 "+x), lldpOrg(tia, 2, x+" 40 c8 ee"), lldpOrg(tia, 3, x+" 00"), lldpOrg(tia, 4, x+"01")), 0},
			crafted{frame(lldpOrg(tia, 3, "02 07 "+x+" 5553 "+x+" 01 41 00 00"), lldpOrg(tia, 3, "01 4a 12345678 9b 87654321 "+x+" 00 40 00 00 "+x)), 0},
			crafted{frame(lldpOrg(tia, 5, "41"), lldpOrg(tia, byte(v%12), "41424344"), lldpT(v>>1, "41")), 0},
		)
	}
	for v := 0; v < 0x10000; v += 37 {
		pkts = append(pkts, crafted{frame(lldpOrg(d3, 1, fmt.Sprintf("03 %04x %04x", v, v%80))), 0})
	}
	compareWithTcpdump(t, "lldptables", cbpf.LinkEN10MB, pkts, craftedFlagSets[1:3])
}
