package printer

import "testing"

// mobilityOptCases are Binding Updates and Acknowledgements carrying
// each kind of mobility option whole, with a wrong length and cut off
// by the end of the header, and unknown options.
func mobilityOptCases() []crafted {
	var pkts []crafted
	for _, o := range []string{"01", "0100", "0102 0000", "02", "0202 00", "0202 0010", "03", "0310 2001",
		"04", "0404 00", "0404 0001 0002", "05", "050a 00", "07", "0705 00", "00 00 00 00", "ff", "ff03 000000"} {
		pkts = append(pkts,
			crafted{hex: craftIP6(135, mobilityHdr(5, "0000 8000 0010 "+o+" 0000000000000000"))},
			crafted{hex: craftIP6(135, mobilityHdr(6, "00 80 0001 0010 "+o+" 0000000000000000"))})
	}
	return pkts
}

// TestMobilityOptionsLikeTcpdump prints mobilityOptCases as tcpdump
// does.
func TestMobilityOptionsLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "mobility-opts", mobilityOptCases())
}
