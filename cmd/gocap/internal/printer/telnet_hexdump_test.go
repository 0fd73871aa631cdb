package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestTelnetOddHexDumpLikeTcpdump prints Telnet sub-negotiations of 17
// and 49 bytes, whose hex dump (with -X -vvv) ends in an odd byte at the
// start of a line, as tcpdump does.
func TestTelnetOddHexDumpLikeTcpdump(t *testing.T) {
	pkts := []crafted{
		{tcpSegment(23, 40000, "fffa18 00 6162636465666768696a6b fff0"), 0},
		{tcpSegment(23, 40000, "fffa18 00 6162636465666768696a6b6c6d6e6f707172737475767778797a41424344 fff0"), 0},
		{tcpSegment(23, 40000, "fffa18 00 6162636465666768696a6b fff0 fffb01"), 0},
	}
	sets := append([]flagSet{
		{[]string{"-nn", "-X", "-vvv"}, Options{NumericLevel: 2, Verbose: 3, HexASCII: 1}},
	}, craftedFlagSets...)
	compareWithTcpdump(t, "telnet-odd-hex", cbpf.LinkEN10MB, pkts, sets)
}
