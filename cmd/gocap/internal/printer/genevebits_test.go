package printer

import "testing"

// TestGeneveFlagsLikeTcpdump prints Geneve headers with each flag bit
// (O, C and the reserved R1 to R6), options whose length runs past the
// option space ("[bad length]") and options that fit, as tcpdump does.
func TestGeneveFlagsLikeTcpdump(t *testing.T) {
	inner := "45000014 00010000 40ff0000 0a000001 0a000002"
	opt := "0104 01 01 0000000a"
	var pkts []crafted
	for _, flags := range []string{"00", "80", "40", "20", "10", "08", "04", "02", "01", "ff"} {
		pkts = append(pkts, crafted{craftedUDP4(40000, 6081, "00"+flags+"0800 000b0000 "+inner), 0})
	}
	pkts = append(pkts,
		crafted{craftedUDP4(40000, 6081, "02000800 000b0000 "+opt+" "+inner), 0},
		crafted{craftedUDP4(40000, 6081, "02000800 000b0001 0104 81 05 0000000a "+inner), 0}, // option longer than the options
		crafted{craftedUDP4(40000, 6081, "03c00800 000b00ff "+opt+" 0105 02 02 0000000b 0000000c"+inner), 0},
	)
	craftedLikeTcpdump(t, "genevebits", pkts)
}
