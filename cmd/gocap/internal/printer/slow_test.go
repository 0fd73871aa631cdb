package printer

import (
	"fmt"
	"strings"
	"testing"
)

// slowFrame is an Ethernet frame of the slow protocols carrying body.
func slowFrame(body string) string { return "0180c2000002 000000000001 8809 " + body }

// lacpActor is an LACP actor or partner TLV of the type and state.
func lacpActor(typ, state byte) string {
	return fmt.Sprintf("%02x 14 8000 001122334455 0001 0080 0005 %02x 000000 ", typ, state)
}

func slowCrafted() []crafted {
	lacp := slowFrame("01 01 " + lacpActor(1, 0x3d) + lacpActor(2, 0) + "03 10 ffff " + strings.Repeat("00", 12) + " 00 00 " + strings.Repeat("00", 50))
	marker := slowFrame("02 01 01 10 0003 001122334455 0000abcd 0000 00 00 " + strings.Repeat("00", 40))
	info := "01 10 01 0002 05 1f 05ee 0080c2 12345678 "
	event := "01 28 0064 0000000000000001 0000000000000002 0000000000000003 0000000000000004 00000005 "
	pkts := []crafted{
		{lacp, 0},
		{marker, 0},
		// LACP and Marker: other versions, unknown and bad TLVs
		{slowFrame("01 02 " + lacpActor(1, 0xff)), 0},
		{slowFrame("02 07 01 10"), 0},
		{slowFrame("01 01 " + "01 10 8000 001122334455 0001 0080 0005 3d 0000 09 04 abcd 00 00"), 0},
		{slowFrame("01 01 03 04 0001 02 10 " + strings.Repeat("00", 14) + " 00 00"), 0},
		{slowFrame("02 01 02 06 01020304 01 04 0102 00 00"), 0},
		{slowFrame("02 01 01 01"), 0},
		{slowFrame("01 01 01 40 0000"), 0},
		{slowFrame("01 01 01"), 0},
		{hexCut(lacp, 14+2+10), hexLen(lacp)},
		{hexCut(lacp, 14+1), hexLen(lacp)},
		// OAM information, event notification, loopback and the others
		{slowFrame("03 0050 00 " + info + strings.Replace(info, "01 10", "02 10", 1) + "fe 06 00000c 01 00 00"), 0},
		{slowFrame("03 007f 00 01 10 01 0000 07 00 0000 000000 00000000 03 04 abcd 01 08 0102030405 00 00"), 0},
		{slowFrame("03 0000 00 01 01 00"), 0},
		{slowFrame("03 0000 00 01 20 00"), 0},
		{slowFrame("03 0000 00 01"), 0},
		{slowFrame("03 0002 01 0007 " + event + strings.Replace(event, "01 28", "04 28", 1) + "fe 05 000000 01 09 04 0102 00 00"), 0},
		{slowFrame("03 0002 01 0007 02 08 010203040506 03 01"), 0},
		{slowFrame("03 0002 01 0007 02 30 0102"), 0},
		{slowFrame("03 0002 01 00"), 0},
		{slowFrame("03 0000 04 01"), 0},
		{slowFrame("03 0000 04 02"), 0},
		{slowFrame("03 0000 04 07"), 0},
		{slowFrame("03 0000 04"), 0},
		{slowFrame("03 0000 02 01 0001 02"), 0},
		{slowFrame("03 0000 03 01 0001 02 04 01020304"), 0},
		{slowFrame("03 0000 fe 000c 01 020304"), 0},
		{slowFrame("03 0000 99 01"), 0},
		{slowFrame("03 00"), 0},
		{hexCut(slowFrame("03 0050 00 "+info), 14+4+8), hexLen(slowFrame("03 0050 00 " + info))},
		{hexCut(slowFrame("03 0050 00 "+info), 14+2), hexLen(slowFrame("03 0050 00 " + info))},
		// other subtypes, nothing at all
		{slowFrame("0a 0102030405"), 0},
		{slowFrame(""), 0},
	}
	return pkts
}

// TestSlowLikeTcpdump prints LACP, Marker and OAM PDUs of every kind
// print-slow.c tells apart, with bad lengths and cut short, as tcpdump
// does.
func TestSlowLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "slow", slowCrafted()) }

func init() { addFuzzSeeds(slowCrafted()) }
