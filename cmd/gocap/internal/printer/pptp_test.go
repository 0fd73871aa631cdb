package printer

import (
	"fmt"
	"strings"
	"testing"
)

// pptpCtrl is a PPTP control message of the type (magic cookie right,
// header reserved field rsv) around body (hex).
func pptpCtrl(typ, rsv uint16, body string) string {
	body = strings.ReplaceAll(body, " ", "")
	return fmt.Sprintf("%04x 0001 1a2b3c4d %04x %04x ", 12+len(body)/2, typ, rsv) + body
}

// pptpCases are PPTP control messages of every type, with reserved
// fields that are not zero, number strings shorter than their fields
// and longer than their length fields say, unknown types and a wrong
// cookie, whole and cut short; and every type (and an unknown one) with
// a long body of patterned bytes and a shorter one, in both directions,
// and headers with a wrong message type or cookie or cut short.
func pptpCases() []crafted {
	host := hexStr("pns.example", 64)
	vendor := hexStr("gocap\x01", 64)
	msgs := []string{
		pptpCtrl(1, 0, "0100 0000 00000003 00000002 0010 0102"+host+vendor),
		pptpCtrl(1, 7, "0100 0009 00000001 00000001 0010 0102"+host+vendor),
		pptpCtrl(2, 0, "0100 0102 00000002 00000003 0020 0203"+host+vendor),
		pptpCtrl(3, 0, "02 00 0000"),
		pptpCtrl(3, 0, "07 05 0102"),
		pptpCtrl(4, 0, "01 00 0000"),
		pptpCtrl(4, 0, "03 06 0a0b"),
		pptpCtrl(5, 0, "0000abcd"),
		pptpCtrl(6, 0, "0000abcd 02 01 0003"),
		pptpCtrl(7, 0, "0001 0002 00000100 00010000 00000003 00000001 0010 0000 0004 0005"+hexStr("5551234567", 64)+hexStr("sub", 64)),
		pptpCtrl(7, 0, "0001 0002 00000100 00010000 00000002 00000002 0010 0000 0050 0000"+hexStr("5551234567", 64)+hexStr("", 64)),
		pptpCtrl(8, 0, "0003 0001 01 00 0000 0000fa00 0008 0010 00000007"),
		pptpCtrl(9, 0, "0004 0005 00000001 00000009 0003 0100"+hexStr("123456", 64)+hexStr("7\x7f8", 64)+hexStr("s", 64)),
		pptpCtrl(10, 0, "0004 0006 03 02 0010 0020 0001"),
		pptpCtrl(11, 0, "0006 0002 0000fa00 0010 0020 00000003"),
		pptpCtrl(12, 0, "0007 0000"),
		pptpCtrl(12, 0, "0007 00ff"),
		pptpCtrl(13, 0, "0007 04 00 0010 0000"+hexStr("stats", 128)),
		pptpCtrl(13, 0, "0007 01 02 0010 0003"+hexStr("", 128)),
		pptpCtrl(14, 0, "0008 0000 00000001 00000002 00000003 00000004 00000005 00000006"),
		pptpCtrl(15, 0, "0009 0001 ffffffff 00000000"),
		pptpCtrl(0, 0, ""),
		pptpCtrl(16, 3, "01020304"),
		strings.Replace(pptpCtrl(5, 0, "00000001"), "1a2b3c4d", "1a2b3c4e", 1),
	}
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, crafted{tcpSegment(40000, 1723, m), 0})
	}
	// cut in the header, in a capability, in each string
	for _, drop := range []int{150, 140, 130, 100, 60} {
		pkts = append(pkts, craftedCut(tcpSegment(40000, 1723, msgs[0]), drop))
	}
	for _, drop := range []int{190, 150, 120, 70} {
		pkts = append(pkts, craftedCut(tcpSegment(40000, 1723, msgs[12]), drop))
	}
	pkts = append(pkts, craftedCut(tcpSegment(40000, 1723, msgs[17]), 100))
	body := ""
	for i := range 160 {
		body += fmt.Sprintf("%02x", (i*37+11)&0xff)
	}
	for typ := uint16(1); typ <= 16; typ++ {
		pkts = append(pkts, crafted{tcpSegment(49152, 1723, pptpCtrl(typ, 0, body)), 0},
			crafted{tcpSegment(1723, 49152, pptpCtrl(typ, 0, body[:80])), 0})
	}
	return append(pkts,
		crafted{tcpSegment(49152, 1723, "00 9c 0002 1a2b3c4d 0001 0000"), 0},
		crafted{tcpSegment(49152, 1723, "00 9c 0001 1a2b3c4e 0001 0000"), 0},
		crafted{tcpSegment(49152, 1723, "00 9c 0001"), 0})
}

func init() { addFuzzSeeds(pptpCases()) }

// TestPPTPLikeTcpdump prints pptpCases as tcpdump does.
func TestPPTPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "pptp", pptpCases()) }
