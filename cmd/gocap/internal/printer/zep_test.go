package printer

import (
	"fmt"
	"strings"
	"testing"
)

// zepV2 is a ZEP v2 data header: channel 11, device 0x1234, LQI mode
// (or CRC mode when crc is set), the NTP timestamp ts (hex), sequence
// number 7, and inner length n.
func zepV2(crc bool, ts string, n int) string {
	mode := "00"
	if crc {
		mode = "01"
	}
	return "4558 02 01 0b 1234 " + mode + " ff " + ts + " 00000007 " + strings.Repeat("00", 10) + fmt.Sprintf(" %02x ", n)
}

// TestZEPLikeTcpdump prints ZEP v1 and v2 messages (data in LQI and
// CRC mode, acknowledgements) carrying 802.15.4 frames, with wrong
// preambles, headers too short and inner lengths that do not match,
// as tcpdump does.
func TestZEPLikeTcpdump(t *testing.T) {
	frame := wpanCases[0].hex
	fl := hexLen(frame)
	ts := "e8a3c1d2 40000000"
	pkts := []crafted{
		{hex: craftedUDP4(17754, 17754, zepV2(false, ts, fl)+frame)},
		{hex: craftedUDP4(40000, 17754, zepV2(true, "00000000 80000000", fl)+frame)},
		{hex: craftedUDP4(17754, 40000, zepV2(false, ts, 0)+"0102030405")},
		{hex: craftedUDP4(17754, 17754, zepV2(false, ts, 5)+frame)},
		{hex: craftedUDP4(17754, 17754, zepV2(false, ts, fl+10)+frame)},
		{hex: craftedUDP4(17754, 17754, zepV2(false, ts, 1)+"41")},
		{hex: craftedUDP4(17754, 17754, "4558 02 02 0000002a")},
		{hex: craftedUDP4(17754, 17754, "4558 02 02 0000")},
		{hex: craftedUDP4(17754, 17754, "4558 01 0b 1234 00 80 00000000000000 "+fmt.Sprintf("%02x", fl)+frame)},
		{hex: craftedUDP4(17754, 17754, "4558 01 0b 1234 01 80 00000000000000 00 0102")},
		{hex: craftedUDP4(17754, 17754, "4558 01 0b 1234 01")},
		{hex: craftedUDP4(17754, 17754, "4558 03 05 0b 1234 01 00"+strings.Repeat("00", 24))},
		{hex: craftedUDP4(17754, 17754, "4558 03 05 0b")},
		{hex: craftedUDP4(17754, 17754, "4559 02 01")},
		{hex: craftedUDP4(17754, 17754, "ff0a 02 01")},
		{hex: craftedUDP4(17754, 17754, "45")},
		{hex: craftedUDP4(17754, 17754, "04")}, // a wrong preamble of one byte
	}
	protoLikeTcpdump(t, "zep", pkts)
}
