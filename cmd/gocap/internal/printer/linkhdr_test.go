package printer

import (
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestPPIInnerLinkTypesLikeTcpdump prints the same bytes inside PPI
// headers naming many link types, decoded or not, so that each inner
// printer's output and the length it counts for its own header (which
// tcpdump's PPI printer adds twice, as -x shows) are compared.
func TestPPIInnerLinkTypesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, d := range []uint32{0, 1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 50, 51, 99, 100, 101, 104, 106, 107, 108, 109, 113, 117, 118, 122, 123, 138, 139, 140, 143, 161, 165, 166, 177, 187, 201, 215, 220, 228, 229, 239, 240, 246, 252, 253, 254, 276, 281, 292} {
		pkts = append(pkts, crafted{hex: ppiHdr(0, 8, d, "") + linkICMP4})
	}
	linkTypeLikeTcpdump(t, cbpf.LinkPPI, pkts)
}

// TestPPPLinkHeaderLengthLikeTcpdump prints PPP frames (DLT_PPP and
// DLT_PPP_PPPD) with and without address, control and compressed
// protocol fields, and PPPoE frames (DLT_PPP_ETHER) of each kind, whole
// and cut short: tcpdump counts 4 bytes of PPP link header whatever the
// fields, and the PPPoE header with the PPP header after it, which -x
// shows. Linux cooked frames with a VLAN tag and SNAP headers tcpdump
// does and does not decode follow.
func TestPPPLinkHeaderLengthLikeTcpdump(t *testing.T) {
	ppp := []crafted{
		{hex: "ff03 0021 " + linkICMP4},
		{hex: "0021 " + linkICMP4},
		{hex: "21 " + linkICMP4},
		{hex: "ff03 21 " + linkICMP4},
		{hex: "ff03 c021 0101 0008 0104 05dc"},
		{hex: "ff03 0045 0102"},
		{hex: "ff03 00"},
		{hex: "ff03 0021 45"},
		{hex: "000e 0000 0000 0000"},
		{hex: "ff03 000e 0000"},
	}
	t.Run("ppp", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkPPP, ppp) })
	t.Run("pppd", func(t *testing.T) {
		linkTypeLikeTcpdump(t, cbpf.LinkPPPPPPD, append(ppp, crafted{hex: "7628 6485 7620 b6e1"}))
	})
	t.Run("pppoe", func(t *testing.T) {
		linkTypeLikeTcpdump(t, cbpf.LinkPPPEther, []crafted{
			{hex: "1100 0001 001e 0021 " + linkICMP4},
			{hex: "1100 0001 001f ff03 21 " + linkICMP4},
			{hex: "1100 0001 001e ff03 0021 " + linkICMP4},
			{hex: "1100 0001 001c 0021 " + linkICMP4},
			{hex: "1100 0001 001e c021 0101 0008 0104 05dc"},
			{hex: linkICMP4},
			{hex: "0000 0000 9d00 8f00 4200 0000"},
			{hex: "1109 0000 0004 0101 0000"},
			{hex: "1100 0001 0010 0021 45"},
			{hex: "1100 0001 0001 00"},
			{hex: "1109 00"},
			{hex: "1100 00"},
		})
	})
	t.Run("sll", func(t *testing.T) {
		sll := "0000 0001 0006 667788990011 0000 "
		linkTypeLikeTcpdump(t, cbpf.LinkLinuxSLL, []crafted{
			{hex: sll + "8100 0064 0026 aaaa03 000039 0800 " + linkICMP4},
			{hex: sll + "8100 0064 0026 a9aa03 000000 0800 " + linkICMP4},
			{hex: sll + "8100 0064 0026 aaaa03 000000 0800 " + linkICMP4},
			{hex: sll + "0004 a9aa03 000000 0800 " + linkICMP4},
		})
	})
}

// TestSLLNovellIPXLikeTcpdump prints Linux cooked frames of protocol 1,
// Novell's raw 802.3 IPX, whole and cut short, as tcpdump hands them to
// its IPX printer.
func TestSLLNovellIPXLikeTcpdump(t *testing.T) {
	sll := "0000 0001 0006 000000000001 0000 0001 "
	ipx := "ffff 0022 00 04 00000000 ffffffffffff 4000 00000000 000000000001 4001 0102 0304"
	linkTypeLikeTcpdump(t, cbpf.LinkLinuxSLL, []crafted{
		{hex: sll + ipx},
		{hex: sll + hexCut(ipx, 20)},
		{hex: sll},
	})
}

// TestShortLinkHeadersLikeTcpdump prints DLT_NULL, DLT_LOOP, Linux
// cooked (SLL and SLL2) frames shorter than their headers, and a few
// just longer: tcpdump ends the packet there, so -x dumps all of it.
func TestShortLinkHeadersLikeTcpdump(t *testing.T) {
	for _, c := range []struct {
		lt  cbpf.LinkType
		hdr string
	}{
		{cbpf.LinkNull, "02000000"},
		{cbpf.LinkLoop, "00000002"},
		{cbpf.LinkLinuxSLL, "0000 0001 0006 000000000001 0000 0800"},
		{cbpf.LinkLinuxSLL2, "0800 0000 00000001 0001 00 06 000000000001 0000"},
	} {
		t.Run(c.lt.String(), func(t *testing.T) {
			pkts := []crafted{{hex: "7ec273"}, {hex: "00000002 4500"}, {hex: strings.Repeat("00", 15)}}
			for i := 1; i < hexLen(c.hdr); i += 3 {
				pkts = append(pkts, crafted{hex: hexCut(c.hdr, i)})
			}
			linkTypeLikeTcpdump(t, c.lt, pkts)
		})
	}
}

// TestMLPPPAndEthernetPPPLikeTcpdump prints multilink PPP fragments
// (each flag combination, cut short) on a PPP link and PPP frames in
// Ethernet (ethertype 0x880b), empty ones too.
func TestMLPPPAndEthernetPPPLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkPPP, []crafted{
		{hex: "ff03 003d 8123 0102"},
		{hex: "ff03 003d 4fff"},
		{hex: "ff03 003d c001 01"},
		{hex: "ff03 003d 0abc"},
		{hex: "ff03 003d 80"},
		{hex: "ff03 003d 8123", wire: 10},
	})
	eth := "000000000002 000000000001 880b "
	linkTypeLikeTcpdump(t, cbpf.LinkEN10MB, []crafted{
		{hex: eth + "ff03 0021 " + linkICMP4},
		{hex: eth + "0021 " + linkICMP4},
		{hex: eth + "c021 0101 0008 0104 05dc"},
		{hex: eth + "ff03 003d 8123"},
		{hex: eth + "ff"},
		{hex: eth},
	})
}
