package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

func TestNFLOGLikeTcpdump(t *testing.T) {
	// The TLV lengths and types are little-endian (the capturing host's
	// byte order, as on the machine tcpdump runs on).
	tlvHW := "0800 0100 0800 0000"                       // NFULA_PACKET_HDR
	tlvPrefix := "0500 0a00 41 000000"                   // NFULA_PREFIX, length 5 padded to 8
	tlvUID := "0800 0b00 000003e8"                       // NFULA_UID
	pay := func(n string) string { return n + " 0900 " } // NFULA_PAYLOAD header
	linkTypeLikeTcpdump(t, cbpf.LinkNFLOG, []crafted{
		{hex: "02 00 0001 " + tlvHW + tlvPrefix + pay("2000") + linkICMP4},
		{hex: "02 00 0102 " + tlvHW + tlvUID + pay("3000") + linkTCP4},
		{hex: "0a 00 0001 " + tlvHW + tlvPrefix + pay("3000") + linkUDP6},
		{hex: "0a 00 0001 " + pay("3000") + linkUDP6},
		{hex: "07 00 0001 " + tlvHW + pay("0600") + "0102"},
		{hex: "07 00 0001 " + tlvHW},
		{hex: "02 01 0000 " + tlvHW + pay("2000") + linkICMP4},
		{hex: "02 00 0000 " + tlvHW},
		{hex: "0200"},
		{hex: "020000"},
		{hex: "02 00 0000"},
		{hex: "02 00 0000 0800"},
		{hex: "02 00 0000 0000 0100 00000000"},
		{hex: "02 00 0000 0200 0100 00000000"},
		{hex: "02 00 0000 4000 0100 00000000"},
		{hex: "07 00 0000 4000 0100 00000000"},
		{hex: "02 00 0001 " + tlvHW + pay("2000") + hexCut(linkICMP4, 10)},
		{hex: "02 00 0001 " + tlvHW + pay("2000") + linkICMP4, wire: 80},
		{hex: "02 00 0001 " + tlvHW + "0800 0100", wire: 40},
	})
}
