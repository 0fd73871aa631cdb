package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestSLLVLANAndNullFamiliesLikeTcpdump prints Linux cooked captures
// carrying 802.1Q-tagged IPv4, ARP, an 802.2 length field and an unknown
// type (tcpdump names the inner type with or without -e, not with -q),
// and BSD loopback frames of every address family tcpdump names (ISO and
// NS among them) and an unknown one.
func TestSLLVLANAndNullFamiliesLikeTcpdump(t *testing.T) {
	ip4 := "4500 0028 0000 0000 4006 66ce 0a000001 0a000002 0001 0050 000003e8 000007d0 5002 ffff 0000 0000"
	arp := "0001 0800 06 04 0001 001122334455 0a000001 000000000000 0a000002"
	sll := func(inner, body string) crafted {
		return crafted{hex: "0000 0001 0006 66778899aabb 0000 8100 0064 " + inner + " " + body}
	}
	sllPkts := []crafted{
		sll("0800", ip4), sll("0806", arp), sll("0026", "aaaa03 000000 0800 "+ip4),
		sll("88b5", "0102030405"), sll("8100", "0065 0800 "+ip4), {hex: "0000 0001 0006 66778899aabb 0000 8100 00"},
	}
	sets := append([]flagSet{
		{[]string{"-nn", "-e"}, Options{NumericLevel: 2, LinkHeader: true}},
		{[]string{"-nn", "-q"}, Options{NumericLevel: 2, Quiet: true}},
		{[]string{"-nn", "-e", "-q"}, Options{NumericLevel: 2, LinkHeader: true, Quiet: true}},
	}, linkFlagSets...)
	compareWithTcpdump(t, "sllvlan", cbpf.LinkLinuxSLL, sllPkts, sets)

	var null []crafted
	for _, af := range []string{"02000000", "06000000", "07000000", "10000000", "17000000", "18000000", "1c000000", "1e000000", "63000000"} {
		null = append(null, crafted{hex: af + " 8100 0102 0304 0506 0708"})
	}
	compareWithTcpdump(t, "nullaf", cbpf.LinkNull, null, sets)
}
