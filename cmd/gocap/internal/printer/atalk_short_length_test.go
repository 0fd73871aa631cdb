package printer

import (
	"fmt"
	"testing"
)

// TestAppleTalkShortLengthsLikeTcpdump prints AARP over SNAP whose 802.3
// length ends inside the AARP packet (tcpdump cuts the capture there)
// and an ATP datagram whose DDP length field is shorter than the ATP
// header (tcpdump goes by the frame's length), as tcpdump does.
func TestAppleTalkShortLengthsLikeTcpdump(t *testing.T) {
	eth := "000000000002 000000000001 809b "
	pkts := []crafted{
		{"000000000002 000000000001 0020 aaaa03 000000 80f3 0001 809b 06 04 0001 000000000001 00006405 000000000000 0000c807", 0},
		{eth + fmt.Sprintf("%04x 0000 00c8 0064 07 05 02 fd 03 ", 13+4) + "50 01 1236 deadbeef", 0},
	}
	craftedLikeTcpdump(t, "atalk-short", pkts)
}
