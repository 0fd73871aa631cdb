package printer

import (
	"fmt"
	"testing"
)

// mobilityHdr is a mobility header of the type, its data (from byte 6
// on, padded to 8-byte units by the caller), next header 59.
func mobilityHdr(typ byte, data string) string {
	return fmt.Sprintf("3b %02x %02x 00 0000 ", (6+hexLen(data))/8-1, typ) + data
}

func mobilityCrafted() []crafted {
	opts := "00 0100 0202 0010 0310 20010db8000000000000000000000009 0404 0001 0002 050a 00000000000000000000 0700 0000"
	pkts := []crafted{
		{craftIP6(135, mobilityHdr(0, "0000")), 0},
		{craftIP6(135, mobilityHdr(1, "0000 01020304 05060708")), 0},
		{craftIP6(135, mobilityHdr(2, "0000 01020304 05060708")), 0},
		{craftIP6(135, mobilityHdr(3, "0007 01020304 05060708 11121314 15161718")), 0},
		{craftIP6(135, mobilityHdr(4, "0008 01020304 05060708 11121314 15161718")), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 "+opts+" 0000")), 0},
		{craftIP6(135, mobilityHdr(5, "0009 0000 0010 0000")), 0},
		{craftIP6(135, mobilityHdr(6, "0080 000a 0020 0000 0000")), 0},
		{craftIP6(135, mobilityHdr(6, "0100 000a 0020 0000 0000")), 0},
		{craftIP6(135, mobilityHdr(7, "0200 20010db8000000000000000000000005 0000 0000 0000")), 0},
		{craftIP6(135, mobilityHdr(9, "0000")), 0},
		{craftIP6(62, mobilityHdr(0, "0000")), 0},
		// after a destination options header
		{craftIP6(60, "8700 0000 0000 0000 "+mobilityHdr(0, "0000")), 0},
		// too short for the type, cut short, options past the header
		{craftIP6(135, mobilityHdr(3, "0007 01020304 05060708")), 0},
		{craftIP6(135, "3b"), 0},
		{craftIP6(135, mobilityHdr(5, "0009")), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c0")), 0},
		{hexCut(craftIP6(135, mobilityHdr(7, "0200 20010db8000000000000000000000005 0000 0000 0000")), 14+40+12), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0000")), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0000 0200")+" 00"), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0000 0300")+" 00"), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0000 0400")+" 00"), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0000 0500")+" 00"), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0000 0900")+" 00"), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0000 0210")+" 00"), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0000 0001")+" 00"), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0001 0000")+" 00"), 0},
		{craftIP6(135, mobilityHdr(5, "0009 c000 0010 0102 0000")+" 00"), 0},
	}
	return pkts
}

// TestMobilityLikeTcpdump prints crafted packets with the local tcpdump and
// with the printer and compares the two.
func TestMobilityLikeTcpdump(t *testing.T) { protoLikeTcpdump(t, "mobility", mobilityCrafted()) }

func init() { addFuzzSeeds(mobilityCrafted()) }
