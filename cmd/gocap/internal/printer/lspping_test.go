package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// lsppingHdr is an LSP ping header of version 1: message type, reply
// mode, return code and subcode as hex bytes, handle 0x11223344,
// sequence 7, a sent timestamp and the received one given.
func lsppingHdr(mt, rm, rc, sub, rcvd string) string {
	return "0001 0000" + mt + rm + rc + sub + "11223344 00000007 e7a1b2c3 80000000" + rcvd
}

// lsppingTLV is a TLV of type typ with the value v (hex) and the
// length given, or v's length when l is negative.
func lsppingTLV(typ int, l int, v string) string {
	v = strings.ReplaceAll(v, " ", "")
	if l < 0 {
		l = len(v) / 2
	}
	return fmt.Sprintf("%04x%04x%s", typ, l, v)
}

// lsppingTLVPad is lsppingTLV with the value padded to four bytes.
func lsppingTLVPad(typ int, v string) string {
	return lsppingTLV(typ, len(strings.ReplaceAll(v, " ", ""))/2, lsppingPad(v))
}

// lsppingPad pads a TLV value (hex) to four bytes.
func lsppingPad(v string) string {
	v = strings.ReplaceAll(v, " ", "")
	for len(v)%8 != 0 {
		v += "00"
	}
	return v
}

// TestLSPPingLikeTcpdump prints LSP ping requests and replies with each
// return code, Target FEC Stack TLVs with every sub-TLV tcpdump decodes
// (and wrong lengths), downstream mappings of each address type, the
// BFD discriminator and vendor TLVs, unknown TLVs, lengths that do not
// add up and messages cut short, as tcpdump does.
func TestLSPPingLikeTcpdump(t *testing.T) {
	noTS := "00000000 00000000"
	rcvd := "e7a1b2c4 40000000"
	rd0 := "0000 fde8 00000064"
	rd1 := "0001 0a000001 0064"
	rd2 := "0002 0001fde8 0064"
	// tcpdump steps over a sub-TLV's value but not its header, so each
	// sub-TLV after the first in a TLV is misread: one TLV per sub-TLV,
	// except where that is what is tested.
	fec := func(subs ...string) string {
		var s string
		for _, sub := range subs {
			s += lsppingTLV(1, -1, sub)
		}
		return s
	}
	sub := func(typ int, v string) string { return lsppingPad(lsppingTLV(typ, -1, v)) }
	ip6a := "20010db8000000000000000000000001"
	ip6b := "20010db8000000000000000000000002"
	pkts := []crafted{
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("02", "03", "03", "01", rcvd)), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("03", "05", "08", "02", rcvd)), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("02", "04", "0e", "00", rcvd)), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("02", "01", "09", "00", rcvd)), 0},
		{craftedUDP4(3503, 3503, "0002 0000"+lsppingHdr("01", "02", "00", "00", noTS)[9:]), 0}, // version 2
		{craftedUDP4(5000, 3503, lsppingHdr("01", "02", "00", "00", noTS)[:60]), 0},            // too short
		craftedCut(craftedUDP4(3503, 5000, lsppingHdr("01", "02", "00", "00", noTS)), 4),
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+
			fec(sub(1, "0a000000 18"), sub(2, ip6a+"40"), sub(12, "0a000000 10"), sub(13, ip6a+"30"))), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+
			fec(sub(3, "0a000001 0000 0005 0a000002 0a000003 0000 0009"))), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+
			fec(sub(4, ip6a+"0000 0005"+ip6b+ip6a+"0000 0009"))), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+
			fec(sub(6, rd0+"0a000000 18"), sub(7, rd1+ip6a+"40"), sub(6, rd2+"0a000000 18"), sub(6, "0005 0000 00000000 0a000000 18"))), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+
			fec(sub(8, rd0+"0001 0002 0005"), sub(9, "0a000001 00000064 0004"), sub(10, "0a000001 0a000002 00000064 0040"))), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+
			fec(sub(8, rd0+"0001 0002 0099"), sub(11, "01020304"), sub(5, "01020304"), sub(16, "00000000"))), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+
			fec(sub(1, "0a000000"), sub(2, "0a000000"), sub(3, "0a000000"), sub(4, "0a000000"), sub(6, "0a"), sub(7, "0a"),
				sub(8, "0a"), sub(9, "0a"), sub(10, "0a"), sub(12, "0a"), sub(13, "0a"))), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+
			lsppingTLV(1, -1, sub(1, "0a000000 18")+sub(3, "0a000001 0000 0005 0a000002 0a000003 0000 0009"))), 0}, // two in one
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+fec("0001 0010 0a000000")), 0},    // sub-TLV past the TLV
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+fec("0001 0005 0a000000 18")), 0}, // padding past it
		{craftedUDP4(3503, 3503, lsppingHdr("01", "02", "00", "00", noTS)+fec("000100")), 0},                // short sub-TLV header
		{craftedUDP4(3503, 3503, lsppingHdr("02", "02", "00", "00", rcvd)+
			lsppingTLV(2, -1, "05dc 01 00 0a000001 0a000002 00 00 0000 01020304")+
			lsppingTLV(2, -1, "05dc 02 00 0a000001 00000005 00 00 0000")+
			lsppingTLV(2, -1, "05dc 03 00"+ip6a+ip6b+"00 00 0000")+
			lsppingTLV(2, -1, "05dc 04 00"+ip6a+"00000005 00 00 0000")+
			lsppingTLV(2, -1, "05dc 09 00 00 00 0000")), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("02", "02", "00", "00", rcvd)+
			lsppingTLVPad(2, "05dc")+lsppingTLVPad(2, "05dc 01 00 0a000001")+lsppingTLVPad(2, "05dc 01 00 0a000001 0a000002 0000")+
			lsppingTLVPad(2, "05dc 03 00"+ip6a)+lsppingTLVPad(2, "05dc 02 00 0a000001 00000005 00")), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("02", "02", "00", "00", rcvd)+
			lsppingTLVPad(15, "0000abcd")+lsppingTLVPad(15, "00ab")+lsppingTLVPad(5, "00000009")+lsppingTLVPad(5, "0000ffff")+
			lsppingTLVPad(5, "01")+lsppingTLVPad(3, "0101")+lsppingTLVPad(9, "01000000")+lsppingTLVPad(0xfc00, "01020304")+
			lsppingTLVPad(0x1234, "0102030405060708090a0b0c0d0e0f1011")+lsppingTLV(7, 0, "")+lsppingTLVPad(10, "00")), 0},
		{craftedUDP4(3503, 3503, lsppingHdr("02", "02", "00", "00", rcvd)+lsppingTLV(3, -1, "010203")), 0}, // padding past the packet
		{craftedUDP4(3503, 3503, lsppingHdr("02", "02", "00", "00", rcvd)+lsppingTLV(3, 8, "0102")), 0},    // TLV past the packet
		{craftedUDP4(3503, 3503, lsppingHdr("02", "02", "00", "00", rcvd)+"0003"), 0},                      // short TLV header
		craftedCut(craftedUDP4(3503, 3503, lsppingHdr("02", "02", "00", "00", rcvd)+lsppingTLV(3, -1, "01020304")), 1),
		craftedCut(craftedUDP4(3503, 3503, lsppingHdr("02", "02", "00", "00", rcvd)+lsppingTLV(3, -1, "01020304")), 6),
		craftedCut(craftedUDP4(3503, 3503, lsppingHdr("02", "02", "00", "00", rcvd)+lsppingTLV(3, -1, "01020304")), 7),
		{craftedUDP4(3503, 3784, lsppingHdr("01", "02", "00", "00", noTS)), 0}, // before BFD
	}
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}
