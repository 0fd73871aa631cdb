package printer

import (
	"fmt"
	"strings"
	"testing"
)

// lwappMsg is an LWAPP control message (hex) with a body.
func lwappMsg(typ, seq byte, body string) string {
	body = strings.ReplaceAll(body, " ", "")
	return fmt.Sprintf("%02x%02x%04x%08x", typ, seq, len(body)/2, 0xdeadbeef) + body
}

// lwappHdr is a transport header (hex) whose length covers msgs.
func lwappHdr(version, frag byte, msgs ...string) string {
	body := strings.ReplaceAll(strings.Join(msgs, ""), " ", "")
	return fmt.Sprintf("%02x%02x%04x0000", version, frag, len(body)/2) + body
}

// lwappCases are the crafted lwapp packets, well formed, malformed and cut
// short.
func lwappCases() []crafted {
	const ap = "001122334455"
	var msgs []string
	for _, typ := range []byte{1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 17, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 99} {
		msgs = append(msgs, lwappMsg(typ, typ+1, "0102"))
	}
	ctl := lwappHdr(0x0d, 3, msgs...)
	pkts := []crafted{
		{craftedUDP4(1024, 12223, ap+ctl), 0},
		{craftedUDP4(12223, 1024, ctl), 0},
		{craftedUDP4(12223, 1024, lwappHdr(0x04, 0, lwappMsg(22, 0, ""))), 0},
		{craftedUDP4(12223, 1024, lwappHdr(0x3c, 0)), 0},
		{craftedUDP4(12223, 1024, lwappHdr(0x44, 0, lwappMsg(1, 0, ""))), 0},
		{craftedUDP4(12223, 1024, "0400 0004 0000"+lwappMsg(1, 0, "")), 0},          // message past the PDU
		{craftedUDP4(12223, 1024, "0400 000a 0000"+lwappMsg(1, 0, "0102 0304")), 0}, // body past the PDU
		{craftedUDP4(12223, 1024, "0400 0020 0000"+lwappMsg(1, 0, "")), 0},          // header past the capture
		{craftedUDP4(12223, 1024, "0400 0010 0000"+lwappMsg(1, 0, "")+"01000020 00000000"), 0},
		{craftedUDP4(12223, 1024, "0400 0010 0000"+lwappMsg(1, 0, "")+"01000008 00000000"), 0},
		{craftedUDP4(1024, 12223, ap+"0400"), 0},
		{craftedUDP4(1024, 12223, "0011"), 0},
		{craftedUDP4(12222, 12222, lwappHdr(0x08, 1, "0800 0000 0102 0304 0506 0708 090a 0b0c 0d0e 0f10 1112")), 0},
		{craftedUDP4(12222, 12222, lwappHdr(0x03, 1)), 0},
		{craftedUDP4(12222, 12222, "0000 0004 0000 aabb"), 0},
		{craftedUDP4(12222, 12222, "0000 0040 0000 aabb"), 0},
		{craftedUDP4(12222, 12222, "8000 0004 0000"), 0},
		{craftedUDP4(12222, 12222, "0000 00"), 0},
	}
	return append(pkts, craftedCuts(craftedUDP4(1024, 12223, ap+ctl), hexLen(ap+ctl), 3)...)
}

func init() { craftedSeeds = append(craftedSeeds, lwappCases()...) }

func TestLWAPPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "lwapp", lwappCases()) }
