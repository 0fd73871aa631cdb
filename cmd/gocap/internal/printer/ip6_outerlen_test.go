package printer

import (
	"fmt"
	"testing"
)

// TestIP6ShortOuterLengthLikeTcpdump compares IPv6 packets captured
// whole but carried in a UDP datagram (MPLS over UDP, port 6635) whose
// length field leaves them fewer than 40 bytes, with tcpdump: it prints
// "truncated-ip6 N" without the "IP6 " it prints before a packet's
// addresses. The last datagram leaves exactly 40.
func TestIP6ShortOuterLengthLikeTcpdump(t *testing.T) {
	ip6 := "6000 0000 0000 3b20 20010db8000000000000000000000031 20010db8000000000000000000000032"
	var pkts []crafted
	for _, inner := range []int{0, 1, 20, 39, 40} {
		udp := fmt.Sprintf("9c41 19eb %04x 0000 ", 8+4+inner)
		pkts = append(pkts, crafted{hex: faultEther + faultIP4(17, 8+4+40) + udp + "00001140 " + ip6})
	}
	craftedLikeTcpdump(t, "ip6len_f2", pkts)
}
