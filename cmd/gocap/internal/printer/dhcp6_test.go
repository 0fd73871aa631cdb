package printer

import (
	"fmt"
	"testing"
)

// TestDHCP6ShortLikeTcpdump compares DHCPv6 messages shorter than their
// type and transaction ID: tcpdump's first check goes to its local
// label, so -x still dumps from the IP header.
func TestDHCP6ShortLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, msg := range []string{"", "01", "0102", "010203", "01020304", "0c00"} {
		udp := fmt.Sprintf("0222 0223 %04x 0000 ", 8+hexLen(msg)) + msg
		pkts = append(pkts, crafted{hex: craftIP6(17, udp)})
	}
	craftedLikeTcpdump(t, "dhcp6short", pkts)
}
