package printer

import (
	"fmt"
	"testing"
)

// ahcpBranchCases are AHCP messages reaching the branches ahcpCrafted
// leaves: an option number with no length byte after it, address and
// prefix lists whose last entry is short, options of unknown numbers and
// the IPv4 Prefix option (which tcpdump prints by length only), times at
// the ends of their range, a nonzero MBZ byte, an unknown message type,
// data after the body, and messages cut short in the header (which -v
// prints field by field), in the body and in an option.
func ahcpBranchCases() []crafted {
	hdr := "2b 01 ff 00 ffffffff a1a2a3a4a5a6a7a8 b1b2b3b4b5b6b7b8 "
	msg := func(typ, mbz int, body, extra string) string {
		return craftedUDP4(5359, 5359, hdr+fmt.Sprintf("%02x %02x %04x ", typ, mbz, hexLen(body))+body+" "+extra)
	}
	pkts := []crafted{
		{msg(2, 0, "00 00 01 03", ""), 0},
		{msg(2, 0, "05 06 0a000001 0a00", ""), 0},
		{msg(2, 0, "04 12 20010db8000000000000000000000001 2001", ""), 0},
		{msg(2, 0, "0a 12 20010db8000000000000000000000000 30 20", ""), 0},
		{msg(2, 0, "0b 07 0a000000 08 0a01", ""), 0},
		{msg(2, 0, "07 05 0a000000 08 0e 00 ff 03 616263", ""), 0},
		{msg(2, 0, "02 04 00000000 02 04 ffffffff 02 04 7fffffff 03 04 ffffffff 03 00", ""), 0},
		{msg(2, 0, "02 05 0000000000", ""), 0},
		{msg(2, 0, "09 00 0d 00 0c 10 20010db8000000000000000000000053", ""), 0},
		{msg(7, 9, "00", "deadbeef"), 0},
		{msg(0xff, 1, "", ""), 0},
		{msg(1, 0, "09 04", ""), 0},
		{msg(1, 0, "09 08 0a000001", ""), 0},
		{craftedUDP4(5359, 5359, hdr+"02 00 0008 0908"), 0},
		{craftedUDP4(5359, 5359, hdr+"02 00"), 0},
		{craftedUDP4(5359, 5359, "2b 01"), 0},
		{craftedUDP4(5359, 5359, "2b ff 0102"), 0},
		{craftedUDP4(5359, 5359, "00 01"), 0},
	}
	full := msg(3, 0, "04 10 20010db8000000000000000000000001 09 04 0a000001 0b 05 0a000000 10", "")
	pkts = append(pkts, craftedCuts(full, 4+22+4+32, 2)...)
	pkts = append(pkts, craftedCut(craftedUDP4(5359, 5359, "2b 05 0102030405"), 3))
	return pkts
}

// TestAHCPBranchesLikeTcpdump prints ahcpBranchCases as tcpdump does.
func TestAHCPBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ahcpbranches", ahcpBranchCases())
}

func init() { addFuzzSeeds(ahcpBranchCases()) }
