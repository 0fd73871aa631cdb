package printer

import "testing"

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
