package printer

import (
	"encoding/hex"
	"strings"
	"testing"
)

// sipCases are crafted SIP datagrams (UDP port 5060): requests,
// responses, text that is neither, lines without an ending and
// datagrams cut short.
func sipCases() []crafted {
	texts := []string{
		"INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1\r\nCall-ID: 1\r\n\r\n",
		"SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\n\r\n",
		"register sip:example.com SIP/2.0\r\n",
		"PUBLISH sip:a SIP/2.0\nX: y\n",
		"HELLO there\r\n",
		"SIP/2.0 20 OK\r\n",
		"SIP/2.0 abc OK\r\n",
		"OPTIONS sip:a SIP/2.0\r\nno ending",
		"BYE sip:a SIP/2.0\r\nbad\x01line\r\n",
		"ACK\r\n",
		"",
	}
	var pkts []crafted
	for _, s := range texts {
		pkts = append(pkts, crafted{craftedUDP4(5060, 5060, hex.EncodeToString([]byte(s))), 0})
	}
	pkts = append(pkts, crafted{craftedUDP4(40000, 5060, hex.EncodeToString([]byte(texts[0]))), 0})
	// Port pairs: SIP comes after LWAPP and before syslog and VXLAN.
	for _, other := range []uint16{514, 4789, 12222, 1701} {
		pkts = append(pkts, crafted{craftedUDP4(other, 5060, hex.EncodeToString([]byte(texts[1]))), 0})
	}
	full := craftedUDP4(5060, 40000, hex.EncodeToString([]byte(texts[1])))
	for _, drop := range []int{1, 2, 3, 10, 20, 30} {
		pkts = append(pkts, craftedCut(full, drop))
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, sipCases()...) }

func TestSIPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "sip", sipCases()) }

// txtTokenCases are text messages testing how txtproto_print finds the
// request name and response code: long tokens, tabs and blanks between
// them, bytes past 0x7f, names in lower case, codes of other lengths,
// over whois (TCP 43, printed whatever the text) and the protocols with
// a command list (SIP over UDP, HTTP and RTSP over TCP).
func txtTokenCases() []crafted {
	long := strings.Repeat("A", 127)
	msgs := []string{
		"domain example.com\r\n",
		"INVITE\tsip:a SIP/2.0\r\n",
		"SIP/2.0\t200 OK\r\n",
		"SIP/2.0  200 OK\r\n",
		"SIP/2.0 2000 OK\r\n",
		"SIP/2.0 200",
		"SIP/2.0 200\r\n",
		"get / HTTP/1.0\r\n",
		"subscribe sip:a SIP/2.0\r\n",
		long + " 200 x\r\n",
		long + "A 200 x\r\n",
		"X\xc3\xa9 200 x\r\n",
		"X 2\xc3\xa9 x\r\n",
		"\r\n",
		" GET / HTTP/1.0\r\n",
		"GET",
		"INVITE ",
		"ORDERPATCH / HTTP/1.1\r\n",
		"mkworkspace / HTTP/1.1\r\n",
		"BASELINE-CONTROL / HTTP/1.1\r\n",
		"RPC_CONNECT x HTTP/1.1\r\n",
		"Poll x HTTP/1.1\r\n",
		"set_parameter rtsp://h/ RTSP/1.0\r\n",
		"PRACK sip:a SIP/2.0\r\n",
	}
	var pkts []crafted
	for _, m := range msgs {
		h := hex.EncodeToString([]byte(m))
		pkts = append(pkts,
			crafted{tcpSegment(40000, 43, h), 0},
			crafted{craftedUDP4(40000, 5060, h), 0},
			crafted{tcpSegment(8080, 40000, h), 0},
			crafted{tcpSegment(40000, 8554, h), 0})
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, txtTokenCases()...) }

func TestTextTokensLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "txttokens", txtTokenCases()) }
