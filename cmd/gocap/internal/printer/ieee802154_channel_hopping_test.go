package printer

import (
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestIEEE802154ChannelHoppingBitmapLikeTcpdump prints channel hopping
// sub-IEs of channel pages 9 and 10 whose extended bitmap ends the IE
// (or leaves one byte), so that the hopping sequence length is missing,
// at -vvv and -vvvv, as tcpdump does.
func TestIEEE802154ChannelHoppingBitmapLikeTcpdump(t *testing.T) {
	pkts := []crafted{
		{hex: wpanIEFrame("", wpanPIE(1, wpanMLME(true, 0x09, "05 09 1000 01000000 ff03")))},
		{hex: wpanIEFrame("", wpanPIE(1, wpanMLME(true, 0x09, "05 0a 0800 01000000 ff 01")))},
		{hex: wpanIEFrame("", wpanPIE(1, wpanMLME(true, 0x09, "05 0a 0800 01000000 ff 0100")))},
		{hex: wpanIEFrame("", wpanPIE(1, wpanMLME(true, 0x09, "05 09 0000 01000000 0100 0700 0000")))},
	}
	sets := []flagSet{
		{[]string{"-nn", "-vvv"}, Options{NumericLevel: 2, Verbose: 3}},
		{[]string{"-nn", "-vvvv"}, Options{NumericLevel: 2, Verbose: 4}},
	}
	compareWithTcpdump(t, strings.ReplaceAll(t.Name(), "/", "_"), cbpf.LinkIEEE802154, pkts, sets)
}
