package printer

import (
	"encoding/hex"
	"testing"
)

// TestTextProtocolsLikeTcpdump prints text protocol messages (tcpdump's
// txtproto_print: HTTP, RTSP, FTP, SMTP ...) whose lines end with CR-LF,
// with a bare LF, not at all (" [|proto]"), with a lone CR, or hold
// binary bytes, in the default and -v forms.
func TestTextProtocolsLikeTcpdump(t *testing.T) {
	text := func(s string) string { return hex.EncodeToString([]byte(s)) }
	var pkts []crafted
	for _, port := range []uint16{80, 554, 21, 25} {
		for _, msg := range []string{
			"GET / HTTP/1.1\r\nHost: a\r\n\r\n",
			"HTTP/1.1 200 OK\r\nServer: x\r\n",
			"HTTP/1.1 200 OK\nServer: x\n",
			"<xml>no line ending</xml>",
			"GET / HTTP/1.1\r\nHost: cut",
			"GET / HTTP/1.1\rX",
			"GET / HTTP/1.1\r",
			"USER anonymous\r\n",
			"220 ready\r\n",
			"EHLO x\r\nbin\x01ary\r\n",
			"PLAY rtsp://h/ RTSP/1.0\r\nCSeq: 1\r\n",
			"RTSP/1.0 200 OK\r\n",
			"nothing known\r\n",
		} {
			pkts = append(pkts, crafted{tcpSegment(40000, port, text(msg)), 0})
			pkts = append(pkts, crafted{tcpSegment(port, 40000, text(msg)), 0})
		}
	}
	craftedLikeTcpdump(t, "txtproto", pkts)
}
