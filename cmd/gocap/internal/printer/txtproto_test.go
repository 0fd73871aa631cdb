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

// TestSSHLikeTcpdump prints SSH identification lines ending in CR-LF,
// LF, not at all within the segment, in a CR alone or followed by
// something else, with a byte that is not printable, and segments not
// starting with "SSH-", as tcpdump does.
func TestSSHLikeTcpdump(t *testing.T) {
	text := func(s string) string { return hex.EncodeToString([]byte(s)) }
	var pkts []crafted
	for _, msg := range []string{
		"SSH-2.0-OpenSSH_9.6\r\n", "SSH-1.99-x\n", "SSH-2.0-no-end", "SSH-2.0-cr\r", "SSH-2.0-cr\rX\n",
		"SSH-2.0-\x01\r\n", "SSH-", "SSH", "SSX-2.0\r\n", "\x00\x00\x01\x0c\x0a\x14",
	} {
		pkts = append(pkts, crafted{tcpSegment(40000, 22, text(msg)), 0}, crafted{tcpSegment(22, 40000, text(msg)), 0})
	}
	pkts = append(pkts, craftedCut(tcpSegment(40000, 22, text("SSH-2.0-OpenSSH_9.6\r\n")), 4))
	craftedLikeTcpdump(t, "ssh", pkts)
}
