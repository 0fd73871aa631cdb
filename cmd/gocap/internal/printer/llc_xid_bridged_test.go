package printer

import (
	"fmt"
	"testing"
)

// TestLLCXIDBridgedPaddingLikeTcpdump prints 802.2 XID and TEST frames
// without data, and SNAP frames of the RFC 2684 bridged OUI (Ethernet,
// Token Ring, FDDI) whose padding is not all captured, as tcpdump does.
func TestLLCXIDBridgedPaddingLikeTcpdump(t *testing.T) {
	snap := func(body string) string {
		return fmt.Sprintf("0200000000bb 0200000000aa %04x ", hexLen(body)) + body
	}
	pkts := []crafted{
		{llcFrame("30", "31", "af", ""), 0},
		{llcFrame("30", "30", "bf", ""), 0},
		{llcFrame("30", "30", "e3", ""), 0},
		{snap("aaaa03 0080c2 0001 00"), 0},
		{snap("aaaa03 0080c2 0007"), 0},
		{snap("aaaa03 0080c2 0003 00"), 0},
		{snap("aaaa03 0080c2 0009"), 0},
		{snap("aaaa03 0080c2 0004 0000"), 0},
	}
	craftedLikeTcpdump(t, "llc-xid-bridged", pkts)
}
