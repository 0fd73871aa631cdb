package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// ppiHdr is a PPI header of total length n (the TLVs, given in hex, make
// up the rest) for a packet of link type dlt.
func ppiHdr(ver byte, n int, dlt uint32, tlvs string) string {
	return fmt.Sprintf("%02x00 %02x%02x %02x%02x%02x%02x ", ver, byte(n), byte(n>>8),
		byte(dlt), byte(dlt>>8), byte(dlt>>16), byte(dlt>>24)) + tlvs
}

// TestPPILikeTcpdump prints PPI packets carrying 802.11 and Ethernet
// frames, with and without TLVs, of link types the printer decodes,
// does not decode and libpcap does not name, and headers too short,
// too long or cut short, as tcpdump does.
func TestPPILikeTcpdump(t *testing.T) {
	const (
		dot11 = "0802 0000 ffffffffffff 000000000001 000000000002 0000 aaaa03000000 0800 " + linkICMP4
		eth   = "000000000002 000000000001 0800 " + linkICMP4
	)
	tlv := "0200 1400 " + "0000000000000000 6400 0000 6c09 a000 00 00 0000"
	linkTypeLikeTcpdump(t, cbpf.LinkPPI, []crafted{
		{hex: ppiHdr(0, 8, 105, "") + dot11},
		{hex: ppiHdr(0, 32, 105, tlv) + dot11},
		{hex: ppiHdr(1, 8, 1, "") + eth},
		{hex: ppiHdr(0, 8, 1, "") + hexCut(eth, 20)},
		{hex: ppiHdr(0, 8, 147, "") + "0102030405"},
		{hex: ppiHdr(0, 8, 299, "") + "0102030405"},
		{hex: ppiHdr(0, 8, 0xffffff01, "") + "0102030405"},
		{hex: ppiHdr(0, 8, 105, "") + "0802"},
		{hex: ppiHdr(0, 4, 105, "") + dot11},
		{hex: ppiHdr(0, 0xfffe, 105, "") + dot11},
		{hex: ppiHdr(0, 40, 105, tlv)},
		{hex: "0000 0800 6900"},
	})
}
