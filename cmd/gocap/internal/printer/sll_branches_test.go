package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestSLLBranchesLikeTcpdump prints Linux cooked frames (SLL and SLL2)
// of the non-Ethernet protocols (802.3 IPX, 802.2 and unknown ones),
// with a radiotap header (ARPHRD 803) whole and cut short, and SLL2 with
// VLAN tags whole, cut and carrying a length, under -e too, as tcpdump
// does.
func TestSLLBranchesLikeTcpdump(t *testing.T) {
	radio := "00 00 0800 00000000 d400 0000 0a0b0c0d0e0f"
	ipx := "ffff 0022 00 04 00000001 0a0b0c0d0e0f 0452 00000002 010203040506 0453 0102"
	llc := "f0f0 03 0102"
	sll := func(hatype, proto, body string) crafted {
		return crafted{hex: "0004 " + hatype + " 0006 020304050607 0000 " + proto + " " + body}
	}
	v1 := []crafted{
		sll("0001", "0001", ipx),
		sll("0001", "0004", llc),
		sll("0001", "0005", "0102"),
		sll("0001", "0003", "0102"),
		sll("0323", "0000", radio),
		sll("0323", "0000", "00 00 2000"),
		sll("0323", "0000", radiotapAligned([]uint32{0x0000000e}, "1:10", "1:02", "2:6c09 a000")+wlanDataFrame(0, 1, wlanSNAPIP)),
		sll("0323", "0000", radiotapAligned([]uint32{0x00000002}, "1:10")+wlanDataFrame(8, 2, wlanSNAPIP)+"01020304"),
		{hex: hexCut(sll("0323", "0000", radio).hex, 20), wire: 34},
	}
	sll2 := func(proto, hatype, halen, body string) crafted {
		return crafted{hex: proto + " 0000 00000002 " + hatype + " 04 " + halen + " 020304050607 0000 " + body}
	}
	v2 := []crafted{
		sll2("0001", "0001", "06", ipx),
		sll2("0004", "0001", "06", llc),
		sll2("0004", "0001", "06", "aaaa03 000000 9999 01"),
		sll2("0005", "0001", "04", "0102"),
		sll2("0003", "0001", "06", "0102"),
		sll2("0800", "0323", "06", radio),
		sll2("0800", "0323", "06", radiotapAligned([]uint32{0x00000002}, "1:10")+wlanDataFrame(8, 2, wlanSNAPIP)+"01020304"),
		sll2("8100", "0001", "06", "2064 0800 4500"),
		sll2("8100", "0001", "06", "2064 0020 f0f0 03 0102"),
		sll2("8100", "0001", "06", "2064 9999 0102"),
		sll2("8100", "0001", "06", "2064"),
		sll2("8100", "0001", "00", "2064 0004"),
	}
	// subtests, so that each link type's capture has a name of its own
	t.Run("sll", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkLinuxSLL, v1) })
	t.Run("sll2", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkLinuxSLL2, v2) })
}
