package printer

import (
	"fmt"
	"testing"
)

// llcFrame is an 802.3 frame with an 802.2 LLC header of the SAPs and
// control field and the data, all given in hex.
func llcFrame(dsap, ssap, ctl, data string) string {
	return fmt.Sprintf("0180c2000014 000000000001 %04x ", hexLen(dsap+ssap+ctl+data)) + dsap + ssap + ctl + " " + data
}

// TestLLCLikeTcpdump prints 802.2 LLC frames of each kind (unnumbered
// frames, XID and TEST with data and the poll/final bit, supervisory and
// information frames, group and response SAPs, known and unknown SAPs)
// and frames cut short, as tcpdump does.
func TestLLCLikeTcpdump(t *testing.T) {
	pkts := []crafted{
		{llcFrame("f0", "f0", "03", "ffff0102"), 0},
		{llcFrame("42", "43", "13", "0000"), 0},
		{llcFrame("30", "30", "bf", "818001"), 0},
		{llcFrame("30", "31", "af", "818001 00"), 0},
		{llcFrame("00", "00", "bf", "810100"), 0},
		{llcFrame("aa", "aa", "f3", "0102"), 0},
		{llcFrame("aa", "aa", "e3", ""), 0},
		{llcFrame("04", "04", "7f", ""), 0},
		{llcFrame("04", "05", "73", ""), 0},
		{llcFrame("04", "04", "53", ""), 0},
		{llcFrame("04", "05", "1f", ""), 0},
		{llcFrame("04", "05", "87", "0102 03"), 0},
		{llcFrame("04", "04", "8b", ""), 0},
		{llcFrame("04", "04", "0100", ""), 0},
		{llcFrame("04", "05", "0501", ""), 0},
		{llcFrame("04", "04", "0900", ""), 0},
		{llcFrame("04", "04", "0d01", ""), 0},
		{llcFrame("04", "05", "1024", "0102030405"), 0},
		{llcFrame("04", "04", "1125", "0102"), 0},
		{llcFrame("e0", "e0", "03", "ffff 001e 00 00 00000001 ffffffffffff 0452 0000000a 000000000001 4000"), 0},
		{llcFrame("fe", "fe", "03", "81 01"), 0},
		{llcFrame("06", "06", "03", "4500 001c 0001 0000 4001 66de 0a000001 0a000002 0800 f7fe 0001 0000"), 0},
		{llcFrame("98", "98", "03", "0001"), 0},
		{llcFrame("bc", "bc", "03", "0001"), 0},
		{llcFrame("f4", "f5", "03", ""), 0},
		{llcFrame("ff", "ff", "03", ""), 0},
		{llcFrame("f1", "f0", "0102", ""), 0},
		{"0180c2000014 000000000001 0002 0404", 0},
		{"0180c2000014 000000000001 0001 04", 0},
		{"0180c2000014 000000000001 0000", 0},
	}
	for _, i := range []int{3, 13, 17} {
		f := pkts[i].hex
		for n := 15; n < hexLen(f); n++ {
			pkts = append(pkts, crafted{hexCut(f, n), hexLen(f)})
		}
	}
	craftedLikeTcpdump(t, "llc", pkts)
}
