package printer

import "testing"

// geneveClassProtocolCases are Geneve headers with an option of every
// class tcpdump names (and ranges around them), option lengths past the
// datagram, and payload protocols it decodes (bridged Ethernet, VLAN)
// or not.
func geneveClassProtocolCases() []crafted {
	inner := "45000014 00010000 40ff0000 0a000001 0a000002"
	var pkts []crafted
	for _, class := range []string{"0000", "00ff", "0100", "0101", "0102", "0103", "0104", "0105", "fff0", "ffff"} {
		pkts = append(pkts, crafted{craftedUDP4(40000, 6081, "02006558 000b0000 "+class+" 01 01 0000000a 000000000002 000000000001 0800 "+inner), 0})
	}
	for _, g := range []string{
		"04000800 000b0000 0100 01 01 0000000a",
		"3f000800 000b0000 0100 01 01",
		"00001234 000b0000 01020304",
		"00000000 000b0000 01020304",
		"000088cc 000b0000 01020304",
		"00006558 000b0000 000000000002 000000000001 0800 " + inner,
		"00008100 000b0000 0005 0800 " + inner,
	} {
		pkts = append(pkts, crafted{craftedUDP4(40000, 6081, g), 0})
	}
	return pkts
}

// TestGeneveClassesProtocolsLikeTcpdump prints geneveClassProtocolCases
// as tcpdump does.
func TestGeneveClassesProtocolsLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "geneve-classes", geneveClassProtocolCases())
}

func init() { addFuzzSeeds(geneveClassProtocolCases()) }
