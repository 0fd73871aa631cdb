package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// wpanMPFC is a long multipurpose frame control field in hex: address
// modes and the flag bits given (8 PAN ID present, 9 security, 10 no
// sequence number, 15 IEs).
func wpanMPFC(dst, src, flags uint16) string {
	fc := 5 | 1<<3 | dst<<4 | src<<6 | flags
	return fmt.Sprintf("%02x%02x ", byte(fc), byte(fc>>8))
}

// TestIEEE802154BranchesLikeTcpdump prints multipurpose frames secured
// at each level (MIC lengths 8 and 16, payload IEs left encrypted), with
// a valid 2- and 4-byte FCS, a reserved source address mode, and IEs of
// the lengths tcpdump reports as errors, and TAP headers longer than the
// capture, as tcpdump does.
func TestIEEE802154BranchesLikeTcpdump(t *testing.T) {
	mp := func(level byte, body string) string {
		return wpanMPFC(2, 2, 1<<8|1<<9) + "21" + wpanPAN + "3412 7856 " + fmt.Sprintf("%02x", level) + " 01000000 " + body
	}
	pkts := []crafted{
		{hex: wpanFCS16(mp(2, "a0a1a2 b0b1b2b3b4b5b6b7"))},
		{hex: wpanFCS32(mp(6, "a0a1a2 b0b1b2b3b4b5b6b7"))},
		{hex: wpanFCS16(mp(3, "a0 b0b1b2b3b4b5b6b7b8b9babbbcbdbebf"))},
		{hex: wpanFCS16(mp(7, "a0 b0b1b2b3b4b5b6b7b8b9babbbcbdbebf"))},
		{hex: wpanFCS16(mp(1, "a0 b0b1b2b3"))},
		{hex: mp(3, "a0a1")},
		{hex: wpanFCS16(wpanMPFC(2, 2, 1<<8|1<<9|1<<15) + "22" + wpanPAN + "3412 7856 05 01000000 " + "003f 0102 0304 b0b1b2b3")},
		{hex: wpanFCS16(wpanMPFC(2, 2, 1<<8|1<<9|1<<15) + "22" + wpanPAN + "3412 7856 01 01000000 " + "003f " + wpanPIE(5, "01 02") + "b0b1b2b3")},
		{hex: wpanFCS16(wpanMPFC(2, 1, 1<<8) + "23" + wpanPAN + "3412 7856 a0")},
		{hex: wpanFCS16(wpanMPFC(1, 2, 1<<8) + "23" + wpanPAN + "3412 7856 a0")},
		{hex: wpanFCS16(wpanMPFC(2, 2, 1<<10) + "3412 7856 a0")},
		{hex: wpanIEFrame(wpanHIE(0x7f, "01")+wpanHIE(0x1a, "01000200"), "")},
		{hex: wpanIEFrame("", wpanPIE(1, wpanMLME(true, 0x08, "aabb")+wpanMLME(false, 0x1a, "0102")))},
		{hex: wpanIEFrame("", wpanPIE(5, "")+wpanPIE(3, ""))},
		{hex: wpanIEFrame("", wpanPIE(3, ""))},
	}
	sets := []flagSet{
		{[]string{"-nn"}, Options{NumericLevel: 2}},
		{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
		{[]string{"-nn", "-vvv"}, Options{NumericLevel: 2, Verbose: 3}},
		{[]string{"-nn", "-vvvv", "-x"}, Options{NumericLevel: 2, Verbose: 4, Hex: 1}},
	}
	compareWithTcpdump(t, "wpan_cbranches", cbpf.LinkIEEE802154, pkts, sets)
	compareWithTcpdump(t, "wpan_cbranches_nofcs", cbpf.LinkIEEE802154NoFCS, pkts, sets)
	// TAP headers longer than what was captured
	tap := []crafted{
		{hex: "00 00 1000 0100 0400 01020304"},
		{hex: "00 00 1000 0100 0400 01020304", wire: 40},
		{hex: "00 00 0800 0100 0000" + pkts[0].hex},
	}
	compareWithTcpdump(t, "wpan_cbranches_tap", cbpf.LinkIEEE802154TAP, tap, sets)
}
