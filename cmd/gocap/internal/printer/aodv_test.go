package printer

import (
	"encoding/hex"
	"strings"
	"testing"
)

// craftUDP6 is an Ethernet frame with an IPv6 UDP datagram from
// [2001:db8::1].sport to [2001:db8::2].dport carrying payload (hex).
func craftUDP6(sport, dport uint16, payload string) string {
	n := hexLen(payload)
	u := hex.EncodeToString([]byte{byte(sport >> 8), byte(sport), byte(dport >> 8), byte(dport), byte((8 + n) >> 8), byte(8 + n), 0, 0})
	return craftIP6(17, u+" "+payload)
}

func aodvCrafted() []crafted {
	v6a := "20010db8000000000000000000000001"
	v6b := "20010db8000000000000000000000002"
	rreq4 := "01 f8 00 03 00000007 0a000001 00000005 0a000002 00000006"
	rrep4 := "02 c0 1f 02 0a000001 00000005 0a000002 00001388"
	rreq6 := "01 00 00 03 00000007 " + v6a + " 00000005 " + v6b + " 00000006"
	rrep6 := "02 00 05 02 " + v6a + " 00000005 " + v6b + " 00001388"
	d6req := "10 00 00 03 00000007 00000005 00000006 " + v6a + v6b
	d6rep := "11 00 05 02 00000005 " + v6a + v6b + " 00001388"
	hello := " 01 04 000003e8"
	var pkts []crafted
	add4 := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: craftedUDP4(654, 654, x)})
		}
	}
	add6 := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: craftUDP6(654, 654, x)})
		}
	}
	add4(rreq4, rreq4+hello, rreq4+" 01 02 0000", rreq4+" 05 02", rreq4+" 01 04 0000", rreq4+" 01", rrep4, rrep4+hello,
		"02 00 00 00 0a000001 00000005 0a000002 00000000 0900",
		"03 80 00 02 0a000001 00000005 0a000002 00000006", "03 00 00 03 0a000001 00000005", "03 00 00 00",
		"04 00", "13 00", "63 00 0000", hexCut(rreq4, 20), hexCut(rrep4, 12), "03 00", d6req, d6rep,
		"12 00 00 01 "+v6a+" 00000005")
	add6(rreq6, rreq6+hello, rrep6, rrep6+hello, d6req, d6req+hello, d6rep, d6rep+" 07 01",
		"03 80 00 02 "+v6a+" 00000005 "+v6b+" 00000006", "12 00 00 01 "+v6a+" 00000005", "03 00 00 02 "+v6a+" 00000005",
		"04 00", "13 00", hexCut(rreq6, 40), hexCut(d6rep, 30))
	for _, n := range []int{1, 6, 12, 20} {
		pkts = append(pkts, craftedCut(craftedUDP4(654, 654, rreq4+hello), n))
		pkts = append(pkts, craftedCut(craftUDP6(654, 654, "03 80 00 02 "+v6a+" 00000005 "+v6b+" 00000006"), n))
	}
	pkts = append(pkts, crafted{hex: craftedUDP4(654, 654, "")}, crafted{hex: craftedUDP4(5000, 654, strings.Repeat("00", 3))})
	return pkts
}

// TestAODVLikeTcpdump prints AODV route requests, replies, errors and
// acknowledgements over IPv4 and IPv6 and in the IPv6 draft's format,
// with and without a Hello extension, short and cut short, as tcpdump
// does.
func TestAODVLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "aodv", aodvCrafted()) }

func init() { addFuzzSeeds(aodvCrafted()) }
