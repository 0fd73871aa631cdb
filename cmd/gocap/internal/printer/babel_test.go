package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// babelPacket is a Babel version 2 packet (UDP port 6696) carrying the
// TLVs given in hex.
func babelPacket(tlvs string) string {
	n := hexLen(tlvs)
	return craftedUDP4(6696, 6696, fmt.Sprintf("2a02%04x ", n)+tlvs)
}

// TestBabelSourceSpecificLikeTcpdump prints the source-specific update,
// request and multi-hop request TLVs with IPv4, IPv6 and wildcard
// prefixes, with prefixes longer than their TLV, and cut short, as
// tcpdump does.
func TestBabelSourceSpecificLikeTcpdump(t *testing.T) {
	update4 := "0d0f 01 10 18 00 0190 0005 0010 0a0001 c0a8"
	update6 := "0d18 02 30 40 00 ffff 0006 0020 20010db800010002 20010db80003"
	request := "0e07 01 18 08 0a0001 c0"
	mh := "0f14 02 30 0007 05 00 0102030405060708 20010db80001"
	pkts := []crafted{
		{babelPacket(update4), 0},
		{babelPacket(update6 + " " + request), 0},
		{babelPacket("0e03 00 00 00 " + mh), 0},
		{babelPacket("0d0b 01 10 18 00 0190 0005 0010 0a0001"), 0},    // no room for the source prefix
		{babelPacket("0e04 01 18 08 0a"), 0},                          // nor for the destination
		{babelPacket("0f0f 02 30 0007 05 00 0102030405060708 20"), 0}, // multi-hop, prefix too long
		{babelPacket("0d09 01 10 18 00 0190 0005 0010"), 0},           // shorter than its fixed part
		{babelPacket("0e02 00 00"), 0},                                // likewise
		craftedCut(babelPacket(update6), 5),
		craftedCut(babelPacket(mh), 3),
	}
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}
