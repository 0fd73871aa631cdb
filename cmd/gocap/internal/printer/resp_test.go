package printer

import (
	"encoding/hex"
	"testing"
)

// respSeg is a segment to the Redis port carrying s.
func respSeg(s string) crafted {
	return crafted{tcpSegment(40000, 6379, hex.EncodeToString([]byte(s))), 0}
}

// respCut is respSeg(s) with only n bytes of s captured.
func respCut(s string, n int) crafted {
	return crafted{hexCut(tcpSegment(40000, 6379, hex.EncodeToString([]byte(s))), 54+n), 54 + len(s)}
}

// TestRESPLikeTcpdump prints crafted RESP segments (every value type,
// pipelined commands, inline commands, null, empty and bad lengths,
// values cut by the segment's end or the capture's) and compares the
// output with the local tcpdump's.
func TestRESPLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "resp", respCases)
}

func init() { craftedSeeds = append(craftedSeeds, respCases...) }

// respCases are the RESP segments of TestRESPLikeTcpdump.
var respCases = []crafted{
	respSeg("+OK\r\n"),
	respSeg("-ERR unknown command 'foo'\r\n"),
	respSeg(":1000\r\n"),
	respSeg("$6\r\nfoobar\r\n"),
	respSeg("$0\r\n\r\n"),
	respSeg("$-1\r\n"),
	respSeg("$-2\r\n"),
	respSeg("$x\r\n"),
	respSeg("$12x\r\n"),
	respSeg("$12\rx"),
	respSeg("$99999999999\r\nabc\r\n"),
	respSeg("$2147483648\r\n"),
	respSeg("$2147483647\r\n"),
	respSeg("*0\r\n"),
	respSeg("*-1\r\n"),
	respSeg("*-7\r\n"),
	respSeg("*99999999999\r\n"),
	respSeg("*a\r\n"),
	respSeg("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nva\x01\xffe\r\n"),
	respSeg("*2\r\n$4\r\nINCR\r\n$1\r\nz\r\n*2\r\n$4\r\nINCR\r\n$1\r\nz\r\n"),
	respSeg("*2\r\n*1\r\n:1\r\n*0\r\n+x\r\n"),
	respSeg("PING\r\nPING\r\nPING\r\n"),
	respSeg("\r\n\r\nPING\n"),
	respSeg("PING"),
	respSeg("\r\n"),
	respSeg("+OK"),
	respSeg("+OK\r"),
	respSeg("$6\r\nfoo"),
	respSeg("$6\r\nfoobar"),
	respSeg("$6\r\nfoobarxx\r\n"),
	respSeg("*3\r\n$3\r\nGET\r\n"),
	respSeg("$"),
	respSeg("$1"),
	respSeg("$1\r"),
	respSeg("$-"),
	respCut("+OK\r\n", 2),
	respCut("+OK\r\n", 4),
	respCut("$6\r\nfoobar\r\n", 7),
	respCut("$6\r\nfoobar\r\n", 2),
	respCut("PING\r\nPING\r\n", 3),
	respCut("PING\r\nPING\r\n", 5),
	respCut("*2\r\n", 1),
	respCut("*2\r\n+a\r\n+b\r\n", 8),
}
