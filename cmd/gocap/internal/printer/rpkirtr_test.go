package printer

import (
	"fmt"
	"strings"
	"testing"
)

// rpkiPDU is an RPKI-RTR PDU of version 0, the type, the session ID or
// error code, with body (hex) and its correct length.
func rpkiPDU(typ byte, sess uint16, body string) string {
	body = strings.ReplaceAll(body, " ", "")
	return fmt.Sprintf("00%02x%04x%08x", typ, sess, 8+len(body)/2) + body
}

// rpkiSeg is a segment from the RPKI-RTR port carrying payload (hex).
func rpkiSeg(payload string) crafted { return crafted{tcpSegment(323, 40000, payload), 0} }

// TestRPKIRTRLikeTcpdump prints crafted RPKI-RTR segments (every PDU
// type, several to a segment, Error Reports with and without an
// encapsulated PDU and text, wrong lengths, other versions, PDUs cut by
// the capture) and compares the output with the local tcpdump's.
func TestRPKIRTRLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "rpkirtr", rpkiCases)
}

func init() { craftedSeeds = append(craftedSeeds, rpkiCases...) }

// rpkiErrPDU is an Error Report with an encapsulated IPv4 Prefix PDU
// and a text.
var rpkiErrPDU = rpkiPDU(10, 4, "00000014 "+rpkiPDU(4, 0, "01 18 20 00 c0000200 0000fde8")+" 00000005 "+"6f6f707321")

// rpkiCases are the RPKI-RTR segments of TestRPKIRTRLikeTcpdump.
var rpkiCases = []crafted{
	rpkiSeg(rpkiPDU(0, 0x1234, "00000007") + rpkiPDU(1, 0x1234, "00000008") + rpkiPDU(7, 1, "ffffffff")),
	rpkiSeg(rpkiPDU(2, 0, "") + rpkiPDU(8, 0, "") + rpkiPDU(3, 0xabcd, "")),
	rpkiSeg(rpkiPDU(3, 0xabcd, "")),
	rpkiSeg(rpkiPDU(4, 0, "01 18 20 00 c0000200 0000fde8") + rpkiPDU(6, 0, "00 30 40 00 20010db8000000000000000000000000 00010000")),
	rpkiSeg(rpkiErrPDU),
	rpkiSeg(rpkiPDU(10, 99, "00000000 00000000")),
	rpkiSeg(rpkiPDU(10, 1, "00000000 00000003 41")),
	rpkiSeg(rpkiPDU(10, 1, "00000000")),
	rpkiSeg(rpkiPDU(10, 1, "00000008")),
	rpkiSeg(rpkiPDU(10, 1, "00000008 0002000000000008 00000000")),
	rpkiSeg(rpkiPDU(10, 1, "0000000c "+rpkiPDU(10, 0, "00000000")+" 00000000")),
	rpkiSeg(rpkiPDU(10, 1, "00000004 01020304 00000000")),
	rpkiSeg(rpkiPDU(9, 0, "0102030405") + rpkiPDU(0, 0, "00000001")),
	rpkiSeg(rpkiPDU(0, 0, "0000000100") + rpkiPDU(0, 0, "00000001")),
	rpkiSeg(rpkiPDU(4, 0, "01 18 20 00 c0000200")),
	rpkiSeg("00 02 0000 00000004"),
	rpkiSeg("00 02 0000 00000010"),
	rpkiSeg("00 02 0000"),
	rpkiSeg(rpkiPDU(2, 0, "") + "01 02 0000 00000008"),
	{hexCut(tcpSegment(323, 40000, rpkiErrPDU), 54+20), 54 + 41},
	{hexCut(tcpSegment(323, 40000, rpkiErrPDU), 54+38), 54 + 41},
	{hexCut(tcpSegment(323, 40000, rpkiPDU(9, 0, "0102030405")), 54+10), 54 + 13},
	{hexCut(tcpSegment(323, 40000, rpkiPDU(4, 0, "01 18 20 00 c0000200 0000fde8")), 54+14), 54 + 20},
	{hexCut(tcpSegment(323, 40000, rpkiPDU(0, 0, "00000001")), 54+6), 54 + 12},
}
