package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ip6ShortLengthCases are VXLAN-GPE datagrams (UDP 4790) whose UDP
// length leaves the inner IPv4, IPv6, Ethernet or NSH packet shorter than
// its header while the capture holds all of it: tcpdump prints
// "truncated-ip6 N" without the "IP6 " it prints once the length is
// checked.
func ip6ShortLengthCases() []crafted {
	inner6 := "6000 0000 0000 3b40 20010db8000000000000000000000001 20010db8000000000000000000000002"
	inner4 := "4500 0028 0001 0000 403b 0000 0a000001 0a000002" + strings.Repeat("00", 20)
	ether := "020000000002 020000000001 0800 " + inner4
	nsh := "0006 0201 000001 ff " + inner4
	var pkts []crafted
	for next, inner := range []string{1: inner4, 2: inner6, 3: ether, 4: nsh} {
		if inner == "" {
			continue
		}
		for _, l := range []int{0, 1, 19, 20, 39, 40, hexLen(inner)} {
			gpe := fmt.Sprintf("0c 0000 %02x 000001 00 ", next) + inner
			n := hexLen(gpe)
			udp := fmt.Sprintf("9c40 12b6 %04x 0000 ", 8+8+l)
			pkts = append(pkts, crafted{hex: faultEther + faultIP4(17, 8+n) + udp + gpe})
		}
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, ip6ShortLengthCases()...) }

func TestIP6ShortLengthLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ip6_short_length", ip6ShortLengthCases())
}
