package printer

import "testing"

// vxlanHeaderCutCases are VXLAN datagrams (UDP 4789) and OTV ones (UDP
// 8472) captured up to each byte of their 8-byte header, and datagrams
// shorter than the header: tcpdump reads the VXLAN flags byte before it
// prints the comma after "VXLAN".
func vxlanHeaderCutCases() []crafted {
	inner := "02 00 00 00 00 02 02 00 00 00 00 01 0800" +
		" 4500 001c 0001 0000 4001 0000 0a000001 0a000002 0800 f7ff 0000 0000"
	var pkts []crafted
	for _, port := range []uint16{4789, 8472} {
		pkt := craftedUDP4(40000, port, "08 000000 00162e 00 "+inner)
		pkts = append(pkts, crafted{hex: pkt})
		n := hexLen(inner)
		for drop := n; drop <= n+8; drop++ {
			pkts = append(pkts, craftedCut(pkt, drop))
		}
		for _, short := range []string{"", "08", "08 000000", "08 000000 00162e"} {
			pkts = append(pkts, crafted{hex: craftedUDP4(40000, port, short)})
		}
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, vxlanHeaderCutCases()...) }

func TestVXLANHeaderCutLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "vxlan_header_cut", vxlanHeaderCutCases())
}
