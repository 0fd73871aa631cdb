package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// telnetCases are crafted Telnet segments: every command, the option
// names and numbers, sub-negotiations of each kind, and commands cut
// short or unfinished.
func telnetCases() []crafted {
	payloads := []string{
		"fffb01 fffd03 fffc18 fffe1f",
		"fffb27 fffd28 fffdff",
		"ffff 41",
		"fff1 fff2 fff3 fff4 fff5 fff6 fff7 fff8 fff9 fff0 ffef ffee ffed ffec",
		"ffeb 41",
		"41 fffb01",
		"fffa18 01 fff0",
		"fffa18 00 787465726d fff0 fffb01",
		"fffa1f 00500018 fff0",
		"fffa25 00 02 0102 fff0",
		"fffa25 01 63 fff0",
		"fffa25 07",
		"fffa25 fff0",
		"fffa26 03 05 aa fff0",
		"fffa26 09 0a fff0",
		"fffa26 01 fff0",
		"fffa22 01 03 fff0",
		"fffa30 05 00 fff0",
		"fffa25 00 08 fff0 fffa25 02 0f fff0 fffa25 03 10 fff0",
		"fffa26 00 05 fff0 fffa26 02 0a fff0 fffa26 08 09 fff0",
		"fffa18 fff0 fffa18 03 fff0 fffaff 00 fff0",
		"fffa18 00 ff 41 fff0",
		"fffa18 01",
		"fffa18 01 ff",
		"fffa18 ff",
		"fffa18",
		"fffa",
		"ff",
		"fffb",
		"fffd01 fffa18 0102030405060708090a fff0 fffb03",
	}
	var pkts []crafted
	for _, pl := range payloads {
		pkts = append(pkts, crafted{tcpSegment(23, 40000, pl), 0})
	}
	pkts = append(pkts, crafted{tcpSegment(40000, 23, "fffb01fffd03"), 0})
	full := tcpSegment(23, 40000, "fffb01 fffa18 00 787465726d fff0 fffd1f")
	for drop := 1; drop < 14; drop += 2 {
		pkts = append(pkts, craftedCut(full, drop))
	}
	// Bytes past the TCP length (Ethernet padding) after a sub-negotiation
	// without its IAC SE.
	pad := tcpSegment(23, 40000, "fffa18 01 ff")
	pkts = append(pkts, crafted{pad + "f0 fffb01", 0})
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, telnetCases()...) }

func TestTelnetLikeTcpdump(t *testing.T) {
	sets := append([]flagSet{
		{[]string{"-nn", "-X", "-vvv"}, Options{NumericLevel: 2, Verbose: 3, HexASCII: 1}},
		{[]string{"-nn", "-X", "-v"}, Options{NumericLevel: 2, Verbose: 1, HexASCII: 1}},
	}, craftedFlagSets...)
	compareWithTcpdump(t, "telnet", cbpf.LinkEN10MB, telnetCases(), sets)
}
