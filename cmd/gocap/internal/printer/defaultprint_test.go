package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestDefaultPrintFlagsLikeTcpdump prints payloads tcpdump hands to its
// default printer (unknown EtherTypes, MPLS payloads of unknown kind,
// whole and cut short, an LLC frame it does not decode) with the flags
// that suppress that dump (-x, -X, -q) and those that do not (-A, -AA,
// -e), as tcpdump does.
func TestDefaultPrintFlagsLikeTcpdump(t *testing.T) {
	mpls := etherTypeFrame("8847", "00001140 00112233445566")
	pkts := []crafted{
		{hex: etherTypeFrame("88b5", "01020304050607")},
		{hex: etherTypeFrame("88e7", "41424344 00000000")},
		{hex: mpls},
		{hex: hexCut(mpls, 20), wire: hexLen(mpls)},
		{hex: etherTypeFrame("8847", "00064140 0000 0001 0203 0405")},
		{hex: etherTypeFrame("0008", "f0f003 0102 0304")},
	}
	compareWithTcpdump(t, "defaultprint", cbpf.LinkEN10MB, pkts, []flagSet{
		{[]string{"-nn"}, Options{NumericLevel: 2}},
		{[]string{"-nn", "-A"}, Options{NumericLevel: 2, ASCII: 1}},
		{[]string{"-nn", "-AA"}, Options{NumericLevel: 2, ASCII: 2}},
		{[]string{"-nn", "-q"}, Options{NumericLevel: 2, Quiet: true}},
		{[]string{"-nn", "-x"}, Options{NumericLevel: 2, Hex: 1}},
		{[]string{"-nn", "-X"}, Options{NumericLevel: 2, HexASCII: 1}},
		{[]string{"-nn", "-e", "-A"}, Options{NumericLevel: 2, LinkHeader: true, ASCII: 1}},
	})
}
