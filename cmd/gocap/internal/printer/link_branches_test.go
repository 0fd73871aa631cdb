package printer

import (
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestPPPEscapesAndIPXLikeTcpdump prints PPP frames whose protocol is an
// HDLC escape with nothing after it or an escape at the end, and IPX
// carried whole in PPP and under its Ethernet type, as tcpdump does.
func TestPPPEscapesAndIPXLikeTcpdump(t *testing.T) {
	ipx := "ffff 0022 00 04 00000001 0a0b0c0d0e0f 0452 00000002 010203040506 0453 0102"
	linkTypeLikeTcpdump(t, cbpf.LinkPPP, []crafted{
		{hex: "ff03 7e7d"},
		{hex: "ff03 7e21 7d"},
		{hex: "ff03 7e7d 7d"},
		{hex: "ff03 002b " + ipx},
		{hex: "ff03 8137 " + ipx},
	})
}

// TestSlowOAMEndsLikeTcpdump prints OAM information PDUs whose end
// marker comes before the last TLV, and event notifications with link
// event types tcpdump does not know, as tcpdump does.
func TestSlowOAMEndsLikeTcpdump(t *testing.T) {
	info := "01 10 01 0002 05 1f 05ee 0080c2 12345678 "
	craftedLikeTcpdump(t, "slow_ends", []crafted{
		{hex: slowFrame("03 0050 00 " + info + "00 00 " + info)},
		{hex: slowFrame("03 0050 00 00 05 010203")},
		{hex: slowFrame("03 0002 01 0007 05 06 01020304 00 00")},
		{hex: slowFrame("03 0002 01 0007 80 04 0102 09 03 01")},
		{hex: slowFrame("03 0050 00 01")},
		{hex: slowFrame("01 01")},
		{hex: slowFrame("02 01")},
	})
}

// TestFrameRelayReportTypeLikeTcpdump prints Q.933 LMI status messages
// whose report type IE is empty, as tcpdump does.
func TestFrameRelayReportTypeLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkFrelay, []crafted{
		{hex: q933LMI("00 75 95 01 00 03 02 05 04")},
		{hex: q933LMI("00 7d 95 51 00 53 02 01 00")},
		{hex: "1841 03"},
		{hex: "1841"},
	})
}

// TestMACsecShortLengthCutLikeTcpdump prints MACsec frames with a short
// length, cut short inside the secure data, as tcpdump does.
func TestMACsecShortLengthCutLikeTcpdump(t *testing.T) {
	icv := strings.Repeat("ee", 16)
	f := macsecFrame("00 20 00000001", "1234 "+strings.Repeat("ab", 30)+" "+icv)
	g := macsecFrame("2c 20 00000001 0011223344550001", strings.Repeat("ab", 32)+" "+icv)
	var pkts []crafted
	for _, n := range []int{14 + 6 + 3, 14 + 6 + 20, 14 + 6 + 32 + 4, 14 + 6 + 32 + 16 - 1} {
		pkts = append(pkts, crafted{hex: hexCut(f, n), wire: hexLen(f)})
	}
	for _, n := range []int{14 + 14 + 3, 14 + 14 + 40} {
		pkts = append(pkts, crafted{hex: hexCut(g, n), wire: hexLen(g)})
	}
	craftedLikeTcpdump(t, "macsec_slcut", pkts)
	compareWithTcpdump(t, "macsec_slcut_e", cbpf.LinkEN10MB, pkts, linkEFlagSets)
}

// TestLLCBridgedTokenRingLikeTcpdump prints bridged 802.5 frames in SNAP
// (with and without the FCS) whole, and FDDI frames whose LLC tcpdump
// does not decode, as tcpdump does.
func TestLLCBridgedTokenRingLikeTcpdump(t *testing.T) {
	// two pad bytes, then the Token Ring frame from its access control
	tr := "0000 10 40 000000000002 000000000001 aaaa03000000 0800 " + linkICMP4
	eth := "000000000002 000000000001 "
	pkts := []crafted{
		{hex: eth + "00" + hexByte(byte(8+hexLen(tr))) + " aaaa03 0080c2 0009 " + tr},
		{hex: eth + "00" + hexByte(byte(8+hexLen(tr)+4)) + " aaaa03 0080c2 0003 " + tr + " 01020304"},
		{hex: eth + "00" + hexByte(byte(8+hexLen(tr))) + " aaaa03 0080c2 0009 " + hexCut(tr, 20), wire: 14 + 8 + hexLen(tr)},
	}
	craftedLikeTcpdump(t, "llc_tr", pkts)
	addrs := " 000000000002 000000000001 "
	linkTypeLikeTcpdump(t, cbpf.LinkFDDI, []crafted{
		{hex: "50" + addrs + "aaaa03 123456 9999 0102"},
		{hex: "50" + addrs + "aaaa03 000000 9999 0102"},
		{hex: "50" + addrs + "1234 03 0102"},
		{hex: "50" + addrs + "f0f0 03 0102"},
		{hex: "50" + addrs + "e0e0 03 " + "ffff 0022 00 04 00000001 0a0b0c0d0e0f 0452 00000002 010203040506 0453 0102"},
	})
}

// TestPFLogOneByteLikeTcpdump prints pflog records of one or two
// captured bytes, as tcpdump does.
func TestPFLogOneByteLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkPFLog, []crafted{{hex: "3d", wire: 64}, {hex: "3d02", wire: 64}})
}
