package printer

import (
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// dsaAddrs are the Ethernet addresses of the switch-tagged frames.
const dsaAddrs = "000000000002 000000000001 "

// dsaFrames are the payloads after a switch tag: a type and what it
// carries, each decoded differently, and a VLAN tag before an unknown
// type.
var dsaFrames = []string{
	"0800" + linkICMP4,
	"86dd" + linkUDP6,
	"0806" + linkARP,
	"88b5 0102030405",
	"8100 2064 0800" + linkICMP4,
	"8100 2064 88b5 0102030405",
	"0020 aaaa03 000000 0800" + linkICMP4,
}

// TestBrcmTagLikeTcpdump prints frames with Broadcom ingress and egress
// tags, in the frame and prepended, and frames cut short in the tag.
func TestBrcmTagLikeTcpdump(t *testing.T) {
	tags := []string{"20 9d 01ff", "00 05 04 a3", "00 ff 03 ff", "40 00 20 1f", "e0 6e 0000"}
	var in, pre []crafted
	for i, tag := range tags {
		f := dsaFrames[i%len(dsaFrames)]
		in = append(in, crafted{hex: dsaAddrs + tag + f})
		pre = append(pre, crafted{hex: tag + dsaAddrs + f})
	}
	for _, f := range dsaFrames {
		in = append(in, crafted{hex: dsaAddrs + "00 05 04 a3" + f})
		pre = append(pre, crafted{hex: "20 9d 01ff" + dsaAddrs + f})
	}
	in = append(in, crafted{hex: dsaAddrs + "2000 00"}, crafted{hex: dsaAddrs + "200000000800", wire: 60})
	pre = append(pre, crafted{hex: "2000 00"}, crafted{hex: "20000000" + hexCut(dsaAddrs, 10)})
	t.Run("in", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkDSATagBRCM, in) })
	t.Run("prepend", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkDSATagBRCMPrep, pre) })
}

// TestDSALikeTcpdump prints frames with Marvell DSA and EDSA tags of
// each mode (forward from a port and a trunk, from and to the CPU with
// each code, to the sniffer in both directions), tagged or not, with
// CFI, and frames cut short in the tag.
func TestDSALikeTcpdump(t *testing.T) {
	tags := []string{
		"c3 10 e0 64", "e3 14 20 64", "c3 15 00 01", // forward: port, trunk, CFI
		"45 08 a0 0a", "65 09 00 0a", // from CPU
		"01 18 00 01", "01 1a 10 01", "21 1c 00 01", "01 1e 10 ff", // to CPU, codes
		"82 20 00 05", "a2 24 00 05", // to sniffer
	}
	var dsa, edsa []crafted
	for i, tag := range tags {
		f := dsaFrames[i%len(dsaFrames)]
		dsa = append(dsa, crafted{hex: dsaAddrs + tag + f})
		et := "dada"
		if i%3 == 1 {
			et = "1234"
		}
		edsa = append(edsa, crafted{hex: dsaAddrs + et + "0000" + tag + f})
	}
	edsa = append(edsa, crafted{hex: dsaAddrs + "dada 0102 c3100064" + dsaFrames[0]})
	dsa = append(dsa, crafted{hex: dsaAddrs + "c310"}, crafted{hex: dsaAddrs + "c3100064 08", wire: 60},
		crafted{hex: dsaAddrs + "a2240005 88e5 0102030405"},                                                       // MACsec cut short
		crafted{hex: dsaAddrs + "a2240005 88e5 0000 00000001 0800 4500", wire: 70},                                // its payload cut short
		crafted{hex: dsaAddrs + "a2240005 88e5 0000 00000001 0800 " + linkICMP4 + " " + strings.Repeat("ee", 16)}) // MACsec after the tag
	edsa = append(edsa, crafted{hex: dsaAddrs + "dada0000c310"}, crafted{hex: dsaAddrs})
	t.Run("dsa", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkDSATagDSA, dsa) })
	t.Run("edsa", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkDSATagEDSA, edsa) })
}
