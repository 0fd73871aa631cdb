package printer

import "testing"

// TestRESPArrayLengthEndLikeTcpdump prints RESP segments that end inside
// an array's or a bulk string's length, or right after one, and inline
// commands of line ends only, as tcpdump does.
func TestRESPArrayLengthEndLikeTcpdump(t *testing.T) {
	pkts := []crafted{
		respSeg("*"), respSeg("*12"), respSeg("*-"), respSeg("*1\r\n"), respSeg("*2\r\n+a\r\n"),
		respSeg("$"), respSeg("$5"), respSeg(":"), respSeg("\r\n\r\n"), respSeg("\n"),
	}
	craftedLikeTcpdump(t, "resp-array-length", pkts)
}
