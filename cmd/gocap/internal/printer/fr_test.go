package printer

import (
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// frDLCI100 is the two-byte Q.922 address of DLCI 100, no flags.
const frDLCI100 = "1841"

// q933LMI is a Frame Relay frame on DLCI 0 carrying a Q.933 message
// (given in hex from the call reference length on).
func q933LMI(msg string) string { return "0001 03 08 " + msg }

// frCases are the Frame Relay frames TestFrameRelayLikeTcpdump prints,
// also the start of the MFR fragments.
var frCases = []crafted{
	// NLPIDs, with the address forms and the pad byte.
	{hex: frDLCI100 + "03 cc" + linkICMP4},
	{hex: "1a4f 03 cc" + linkTCP4}, // C/R, FECN, BECN, DE
	{hex: frDLCI100 + "03 8e" + linkUDP6},
	{hex: frDLCI100 + "03 00 cc" + linkICMP4},   // a pad after a two-byte address
	{hex: "1840 03 03 00 cc" + linkICMP4},       // three bytes, pad
	{hex: "1840 03 03 cc" + linkICMP4},          // three bytes, no pad
	{hex: "1840 02 07 03 cc" + linkICMP4},       // four bytes, sdlcore
	{hex: "1840 02 02 03 03 cc" + linkICMP4},    // five bytes
	{hex: "19 41 03 cc" + linkICMP4},            // one byte
	{hex: frDLCI100 + "03 cf 0021" + linkICMP4}, // PPP
	{hex: frDLCI100 + "03 cf c021 01 01 0004"},
	{hex: frDLCI100 + "03 09 0102030405060708090a0b0c0d0e0f1011"}, // LMI: not decoded
	{hex: frDLCI100 + "03 ff 01020304"},
	// Cisco's encapsulation: an Ethernet type after the address.
	{hex: frDLCI100 + "0800" + linkICMP4},
	{hex: frDLCI100 + "0806" + linkARP},
	{hex: frDLCI100 + "86dd" + linkUDP6},
	{hex: frDLCI100 + "88b5 cc" + linkICMP4}, // unknown: UI 88!, then b5 is the NLPID
	{hex: frDLCI100 + "0100 cc 0102"},
	{hex: frDLCI100 + "05", wire: 40},
	{hex: "0001 05 cc" + linkICMP4}, // DLCI 0 is never Cisco's
	// SNAP
	{hex: frDLCI100 + "03 80 000000 0800" + linkICMP4},
	{hex: frDLCI100 + "03 00 80 000000 86dd" + linkUDP6},
	{hex: frDLCI100 + "03 80 0080c2 0007 000000000002 000000000001 0800" + linkICMP4},
	{hex: frDLCI100 + "03 80 00000c 1234 01020304"},
	{hex: frDLCI100 + "03 80 00000c 1234 01020304", wire: 30},
	{hex: frDLCI100 + "03 80 0000"},
	// OSI
	{hex: frDLCI100 + "03 82 0e 01 00 02 001e 0000 04 49000102"}, // ES-IS ESH
	{hex: frDLCI100 + "03 83 0a 01 00 04 001e 0000 04 49000102"}, // IS-IS, bad
	// FRF.15
	{hex: frDLCI100 + "03 b1 c0 05 01020304"},
	{hex: frDLCI100 + "03 b1 81 ff"},
	{hex: frDLCI100 + "03 b1 23"},
	{hex: frDLCI100 + "03 b1 23", wire: 10},
	// Cut short
	{hex: "18", wire: 20},
	{hex: "1840", wire: 20},
	{hex: "184002", wire: 20},
	{hex: frDLCI100, wire: 20},
	{hex: frDLCI100 + "03", wire: 20},
	{hex: frDLCI100 + "0300", wire: 20},
	{hex: frDLCI100 + "03cc" + hexCut(linkICMP4, 10)},
	{hex: frDLCI100 + "03ff 01020304", wire: 30},
}

// q933Cases are Q.933 messages: LMI status enquiries and replies in the
// ANSI (codeset 5) and CCITT forms, shifts, call references, unknown
// IEs and the ways each can be wrong or cut short.
var q933Cases = []crafted{
	{hex: q933LMI("00 75 95 01 01 01 03 02 05 04")},
	{hex: q933LMI("00 7d 95 01 01 00 03 02 06 05 07 03 06 a0 82 07 03 06 a8 8a")},
	{hex: q933LMI("00 7d 95 01 01 02 07 04 06 28 e5 80 07 05 06 28 65 e2 88")},
	{hex: q933LMI("00 75 51 01 00 53 02 01 00")},
	{hex: q933LMI("00 7d 51 01 01 57 03 06 a0 80 57 03 86 a0 80 57 03 06 20 80")},
	{hex: q933LMI("00 7d 51 01 07 57 04 06 a8 85 80 57 06 06 28 65 05 80 80")},
	{hex: q933LMI("00 75 95 03 01 01 19 02 01 02")},
	{hex: q933LMI("00 75 9d 01 01 00 01 01 00")},      // a non-locking shift
	{hex: q933LMI("00 75 96 01 02 0102 a1 02 01 00")}, // codeset 6: unknown
	{hex: q933LMI("00 75 51 01 00 9e 01 01 00 01 01 00 9b 22 01 00 01 01 02")},
	{hex: q933LMI("00 75 51 70 02 abcd 53 01 01")},
	{hex: q933LMI("00 05 51 01 00")},
	{hex: q933LMI("00 33")},
	{hex: q933LMI("01 05 75 51 01 00")},
	{hex: q933LMI("01 05 75 00 51 01 00")},
	{hex: q933LMI("02 0123 75 51 01 00")},
	{hex: q933LMI("01 00 75")},
	{hex: q933LMI("01 00 75"), wire: 20},
	{hex: q933LMI("00 75 51 00 53 02 01 00")},
	{hex: q933LMI("00 75 00 01 53 02 01 00")},
	{hex: q933LMI("00 75 51 05 00 01")},
	{hex: q933LMI("00 75 51")},
	{hex: q933LMI("00 75 51"), wire: 20},
	{hex: q933LMI("00 75 51 01"), wire: 20},
	{hex: q933LMI("00 75 95"), wire: 20},
	{hex: q933LMI("00"), wire: 20},
	{hex: q933LMI("")},
	{hex: q933LMI(""), wire: 20},
	{hex: q933LMI("03 0102"), wire: 20},
}

// TestFrameRelayLikeTcpdump prints Frame Relay frames of each address
// form, NLPID and encapsulation, Q.933 messages, and frames cut short
// at each step, as tcpdump does.
func TestFrameRelayLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkFrelay, append(append([]crafted{}, frCases...), q933Cases...))
}

// mfrIE is an FRF.16 information element: its type and value in hex,
// with the length byte (which counts the two header bytes) between.
func mfrIE(t byte, v string) string {
	v = strings.ReplaceAll(v, " ", "")
	return hexByte(t) + hexByte(byte(2+len(v)/2)) + v
}

// TestMFRLikeTcpdump prints FRF.16 control messages with each kind of
// information element, whole frames and fragments, and frames cut short
// or too short, as tcpdump does.
func TestMFRLikeTcpdump(t *testing.T) {
	ts := "c0b1f73800000000 40e2010000000000" // 1895330240 s, 123456 us, little-endian
	ies := mfrIE(1, hexStr("bundle-1", 9)) + mfrIE(2, hexStr("link\x01\xe9", 6)) + mfrIE(3, "12345678") +
		mfrIE(5, ts) + mfrIE(6, "0102030405") + mfrIE(7, "09") + mfrIE(9, "aabb")
	pkts := []crafted{
		{hex: "e1 00 01" + ies},
		{hex: "e1 00 04" + mfrIE(3, "12345678") + mfrIE(5, "0102")},
		{hex: "e1 00 02" + mfrIE(3, "123456")},
		{hex: "e1 00 05" + mfrIE(1, hexStr(strings.Repeat("b", 60), 60))},
		{hex: "e1 00 06" + mfrIE(2, "41") + "0005 4142"},
		{hex: "e1 00 07" + mfrIE(2, "41") + "0202 4142"},
		{hex: "e1 00 01" + mfrIE(5, "c0b1f738 0000ff00 40e2010000000000")}, // seconds past any year
		{hex: "e1 00 03" + mfrIE(2, "41") + "02"},
		{hex: "e1 00 03" + mfrIE(2, "414243"), wire: 20},
		{hex: "e1 00 09" + mfrIE(2, "41") + "0208"},
		{hex: "e1 00 08"},
		{hex: "a1 00 08 0000"},
		{hex: "e1 01 08 0000"},
		{hex: "e1 00 01"},
		{hex: "e1 00", wire: 10},
		{hex: "e1", wire: 10},
		{hex: "c1 05 " + frDLCI100 + "03 cc" + linkICMP4},
		{hex: "9f 05 " + frDLCI100 + "03 cc" + linkICMP4},
		{hex: "c1 05 " + frDLCI100 + "0800" + linkICMP4},
		{hex: "c1 05 " + frDLCI100 + "03 b1 c0 05 01020304"},
		{hex: "c1 05 " + q933LMI("00 75 95 01 01 01 03 02 05 04")},
		{hex: "c1 05 " + frDLCI100 + "03", wire: 30},
		{hex: "41 06 0102030405060708090a0b0c0d0e0f101112"},
		{hex: "01 06 0102030405060708090a0b0c0d0e0f101112", wire: 40},
		{hex: "21 06 01 02"},
	}
	linkTypeLikeTcpdump(t, cbpf.LinkMFR, pkts)
}
