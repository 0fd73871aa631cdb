package printer

import (
	"fmt"
	"testing"
)

// TestVXLANFlagsLikeTcpdump compares VXLAN headers with the I flag set,
// clear (tcpdump prints "invalid") and with other bits, and cut short, and
// an inner 802.3 frame whose length field says more than it holds.
func TestVXLANFlagsLikeTcpdump(t *testing.T) {
	inner := "02 00 00 00 00 02 02 00 00 00 00 01 08 06" +
		" 0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002"
	var pkts []crafted
	for _, hdr := range []string{
		"08 000000 0004d2 00", // I
		"00 000000 0004d2 00", // none: invalid
		"0c 000000 0004d2 00", // I and a reserved bit
		"04 000000 0004d2 00", // a reserved bit only
		// A shifted header: the inner frame's length field (264) says
		// more than the frame holds.
		"08 000000 00 0004d2 00",
	} {
		pkt := craftedUDP4(40000, 4789, hdr+" "+inner)
		pkts = append(pkts, crafted{hex: pkt}, craftedCut(pkt, 30))
	}
	craftedLikeTcpdump(t, "vxlan", pkts)
}

// TestOTVAndVXLANGPELikeTcpdump compares OTV headers (UDP 8472) and
// VXLAN-GPE ones (UDP 4790) of every next protocol, too short for their
// header and cut short inside it, and VXLAN headers cut inside, with
// tcpdump.
func TestOTVAndVXLANGPELikeTcpdump(t *testing.T) {
	inner := "02 00 00 00 00 02 02 00 00 00 00 01 08 06" +
		" 0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002"
	ip4 := "4500 001c 0001 0000 4001 0000 0a000001 0a000002 0800 f7ff 0000 0000"
	ip6 := "6000 0000 0000 3b40 20010db8000000000000000000000001 20010db8000000000000000000000002"
	var pkts []crafted
	for _, c := range []struct {
		port uint16
		body string
	}{
		{8472, "08 000064 0004d2 00 " + inner},
		{8472, "00 ffffff 000001 00 " + inner},
		{8472, "ff 000001 000002 ff"},
		{8472, "08 000064 0004d2"},
		{8472, "08"},
		{8472, ""},
		{4790, "0c 0000 01 0004d2 00 " + ip4},
		{4790, "08 0000 02 0004d2 00 " + ip6},
		{4790, "0f 0000 03 0004d2 00 " + inner},
		{4790, "00 0000 04 0004d2 00 000601ff 00000001"},
		{4790, "01 0000 05 0004d2 00 0102"},
		{4790, "08 0000 01 0004d2"},
		{4790, "08"},
		{4789, "08 000000 0004d2"},
		{4789, "08 000000"},
	} {
		pkt := craftedUDP4(40000, c.port, c.body)
		pkts = append(pkts, crafted{hex: pkt})
		if n := hexLen(c.body); n > 1 && n < 8 {
			pkts = append(pkts, craftedCut(pkt, 1))
		} else if n >= 8 {
			for _, drop := range []int{n - 1, n - 4, n - 7} {
				pkts = append(pkts, craftedCut(pkt, drop))
			}
		}
	}
	craftedLikeTcpdump(t, "otv-gpe", pkts)
}

// TestEncapsulatedEtherLengthLikeTcpdump prints Ethernet frames inside
// VXLAN and Geneve whose UDP length says less than was captured of them:
// tcpdump's "[length N < caplen M] (invalid)".
func TestEncapsulatedEtherLengthLikeTcpdump(t *testing.T) {
	inner := "000000000004 000000000003 0800 " + faultIP4(17, 8) + "04d2 0035 0008 0000"
	udp := func(dport uint16, ulen int, payload string) string {
		n := hexLen(payload)
		h := fmt.Sprintf("04d2 %04x %04x 0000 ", dport, ulen)
		return faultEther + faultIP4(17, 8+n) + h + payload
	}
	vx := "08000000 00000a00 " + inner
	gen := "00006558 00000a00 " + inner
	craftedLikeTcpdump(t, "etherlen", []crafted{
		{udp(4789, 8+hexLen(vx), vx), 0},
		{udp(4789, 8+hexLen(vx)-6, vx), 0},
		{udp(4789, 8+8+10, vx), 0},
		{udp(6081, 8+hexLen(gen)-1, gen), 0},
		{udp(6081, 8+8+2, gen), 0},
	})
}
