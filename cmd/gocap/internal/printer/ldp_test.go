package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ldpTLVHex is an LDP TLV (hex) of type typ (with its U and F bits).
func ldpTLVHex(typ uint16, body string) string {
	body = strings.ReplaceAll(body, " ", "")
	return fmt.Sprintf("%04x%04x", typ, len(body)/2) + body
}

// ldpMsgHex is an LDP message of type typ with ID 0x10 and the TLVs.
func ldpMsgHex(typ uint16, tlvs ...string) string {
	body := strings.Join(tlvs, "")
	return fmt.Sprintf("%04x%04x%08x", typ, 4+len(body)/2, 0x10) + body
}

// ldpPDUHex is an LDP PDU from LSR 192.0.2.1:0 with the messages.
func ldpPDUHex(msgs ...string) string {
	body := strings.Join(msgs, "")
	return fmt.Sprintf("0001%04xc00002010000", 6+len(body)/2) + body
}

// ldpCases are the crafted ldp packets, well formed, malformed and cut
// short.
func ldpCases() []crafted {
	hello := ldpMsgHex(0x0100,
		ldpTLVHex(0x0400, "000f c000"),
		ldpTLVHex(0x0401, "c0000201"),
		ldpTLVHex(0x0402, "00000005"),
		ldpTLVHex(0x0403, "20010db8000000000000000000000001"),
		ldpTLVHex(0x0400, "0005"),
		ldpTLVHex(0x3e01, "0102 0304"))
	initm := ldpMsgHex(0x0200,
		ldpTLVHex(0x0500, "0001 00b4 00 00 c000 c0000201 0000"),
		ldpTLVHex(0x0503, "800f 0000 00001000 00002000"),
		ldpTLVHex(0x0503, "0000 0000 00000000 00000000"),
		ldpTLVHex(0x0601, "05dc"),
		ldpTLVHex(0x0501, "aabb"))
	keep := ldpMsgHex(0x0201)
	addr := ldpMsgHex(0x0300,
		ldpTLVHex(0x0101, "0001 0a000001 0a000002 0a00"),
		ldpTLVHex(0x0101, "0002 20010db8000000000000000000000001"),
		ldpTLVHex(0x0101, "0009 01020304"),
		ldpTLVHex(0x0101, "00c4"))
	withdraw := ldpMsgHex(0x8301, ldpTLVHex(0x0101, "0001 0a000003"))
	mapping := ldpMsgHex(0x0400,
		ldpTLVHex(0x0100, "02 0001 18 0a0001"),
		ldpTLVHex(0x0100, "02 0001 13 0a01ff"),
		ldpTLVHex(0x0100, "02 0002 40 20010db800000001"),
		ldpTLVHex(0x0100, "02 0001 21"),
		ldpTLVHex(0x0100, "02 0002 81"),
		ldpTLVHex(0x0100, "02 0003 00"),
		ldpTLVHex(0x0100, "01"),
		ldpTLVHex(0x0100, "03"),
		ldpTLVHex(0x0100, "07 1234"),
		ldpTLVHex(0x0100, "80 8005 00 00000007"),
		ldpTLVHex(0x0100, "80 0005 14 00000007 00000064 0104 05dc 030661626364 0c04 0307 0500"),
		ldpTLVHex(0x0100, "80 0004 02 00000007 00000064"),
		ldpTLVHex(0x0100, "80 0004 0c 00000007 00000064 0101 0102"),
		ldpTLVHex(0x0100, "80 0004 08 00000007 00000064 0104"),
		ldpTLVHex(0x0100, "80 0004 08 00000007"),
		ldpTLVHex(0x0100, "80 0004 30 00000007 00000064"),
		ldpTLVHex(0x0100, "80 0004 04 00000007"),
		ldpTLVHex(0x0100, ""),
		ldpTLVHex(0x0100, "02 00"),
		ldpTLVHex(0x0200, "000fffff"),
		ldpTLVHex(0x0200, "00"))
	notif := ldpMsgHex(0x0001,
		ldpTLVHex(0x0300, "c0000005 00000010"),
		ldpTLVHex(0x0300, "00000001 00000000"),
		ldpTLVHex(0x0300, "0000"),
		ldpTLVHex(0x0401, "00"),
		ldpTLVHex(0x0403, "00"),
		ldpTLVHex(0x0402, "00"),
		ldpTLVHex(0x0101, "00"),
		ldpTLVHex(0x0500, "00"),
		ldpTLVHex(0x0503, "00"),
		ldpTLVHex(0x0601, "00"))
	labelWithdraw := ldpMsgHex(0x0402, ldpTLVHex(0x0100, "01"), "0200 0020")
	request := ldpMsgHex(0x0401, ldpTLVHex(0x0100, "01"))
	unknown := ldpMsgHex(0x3f00, "01020304")
	tooShort := "0401 0002 00000010"
	all := ldpPDUHex(hello, initm, keep, addr, withdraw, mapping, notif, labelWithdraw, request, unknown)
	pkts := []crafted{
		{craftedUDP4(646, 646, ldpPDUHex(hello)), 0},
		{craftedUDP4(646, 646, all), 0},
		{craftedUDP4(646, 646, ldpPDUHex(keep)+ldpPDUHex(initm)), 0},
		{craftedUDP4(646, 646, ldpPDUHex(keep, tooShort)), 0},
		{craftedUDP4(646, 646, "0002 0010 c0000201 0000"+keep), 0},
		{craftedUDP4(646, 646, "0001 0004 c0000201 0000"+keep), 0},
		{craftedUDP4(646, 646, "0001 0040 c0000201 0000"+keep), 0},
		{craftedUDP4(646, 646, "0001 0013 c0000201 0000"+keep+keep), 0},
		{craftedUDP4(646, 646, "0001 0016 c0000201 0000"+keep), 0},
		{craftedUDP4(646, 646, "0001 000e c0000201 0000"+keep), 0},
		{craftedUDP4(646, 646, "0001 000e c0000201"), 0},
		{craftedUDP4(646, 646, ldpPDUHex(ldpMsgHex(0x0100, "0400 0010 000f"))), 0},
		{tcpSegment(40000, 646, ldpPDUHex(initm)), 0},
		{tcpSegment(646, 40000, ldpPDUHex(keep)+ldpPDUHex(addr)), 0},
	}
	for _, m := range []string{ldpPDUHex(hello, initm, mapping), ldpPDUHex(notif, addr)} {
		pkts = append(pkts, craftedCuts(craftedUDP4(646, 646, m), hexLen(m), 5)...)
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, ldpCases()...) }

func TestLDPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "ldp", ldpCases()) }
