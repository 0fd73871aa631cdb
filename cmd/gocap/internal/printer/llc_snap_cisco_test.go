package printer

import "testing"

// TestSNAPCiscoBridgedPIDLikeTcpdump compares SNAP headers of the Cisco
// bridged OUI (0x0000f8), whose protocol IDs tcpdump names from the
// Ethertype table with -e, with tcpdump: a known and an unknown type, a
// payload it decodes, and one cut short.
func TestSNAPCiscoBridgedPIDLikeTcpdump(t *testing.T) {
	ip := "4500 001c 0007 0000 4001 0000 c0a80001 c0a80002 0800 f7f7 0000 0008"
	var pkts []crafted
	for _, body := range []string{
		"aaaa03 0000f8 0800 " + ip,
		"aaaa03 0000f8 86dd 6000 0000 0000 3b40",
		"aaaa03 0000f8 0806 0001 0800 0604 0001",
		"aaaa03 0000f8 4321 0102 0304",
		"aaaa03 0000f8 0800 4500",
	} {
		n := hexLen(body)
		pkts = append(pkts, crafted{hex: "0200000000bb 0200000000aa " + hexByte(byte(n>>8)) + hexByte(byte(n)) + " " + body})
	}
	craftedLikeTcpdump(t, "snap_cisco90_f2", pkts)
}
