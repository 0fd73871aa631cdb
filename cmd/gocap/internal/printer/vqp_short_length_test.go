package printer

import (
	"encoding/hex"
	"testing"
)

// udpShortLen is an Ethernet frame with an IPv4 UDP datagram from
// 10.0.0.1.sport to 10.0.0.2.dport whose UDP length counts the payload
// (hex) but not the extra bytes (hex) after it, which the IP length
// counts: the printers then have captured bytes past the length the UDP
// header gives.
func udpShortLen(sport, dport uint16, payload, extra string) string {
	n, x := hexLen(payload), hexLen(extra)
	u := hex.EncodeToString([]byte{byte(sport >> 8), byte(sport), byte(dport >> 8), byte(dport), byte((8 + n) >> 8), byte(8 + n), 0, 0})
	return faultEther + faultIP4(17, 8+n+x) + u + " " + payload + " " + extra
}

// vqpShortLengthCases are VQP messages whose UDP length ends inside the
// header, an object header or an object's value while more is
// captured, where tcpdump finds them invalid.
func vqpShortLengthCases() []crafted {
	return []crafted{
		{udpShortLen(1589, 1589, "01 01 00 01", "00000001 0000 0000"), 0},
		{udpShortLen(1589, 1589, "01 01 00 01 00000001 0000", "0c04 0001 61"), 0},
		{udpShortLen(1589, 1589, "01 01 00 01 00000001 00000c04 0004 61", "626364"), 0},
		{udpShortLen(1589, 1589, "01 01 00 02 00000001 00000c04 0001 61 0000", "0c01 0004 0a000001"), 0},
	}
}

// TestVQPShortLengthLikeTcpdump prints vqpShortLengthCases as tcpdump
// does.
func TestVQPShortLengthLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "vqp-short", vqpShortLengthCases())
}

func init() { addFuzzSeeds(vqpShortLengthCases()) }
