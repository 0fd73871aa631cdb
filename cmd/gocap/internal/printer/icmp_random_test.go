package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// icmpRandQuoted are the datagrams icmpRandMsg's errors quote: a UDP
// one, a TCP one, and one of 128 bytes after which an RFC 4884
// extension may start.
var icmpRandQuoted = []string{
	faultQuoted,
	"4500 0028 0001 0000 4006 0000 0a000002 c0000207 14e9 0050 00000001 00000000 5002 0000 0000 0000 ",
	faultQuoted128,
}

// icmpRandMsg is an ICMP message of a random type (mostly those tcpdump
// decodes) and code: errors quoting a datagram, with a random length
// field and extension objects, router advertisements with random entry
// counts and sizes, extended echoes, and random bodies.
func icmpRandMsg(rng *rand.Rand) string {
	typ := []int{0, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 42, 43, rng.IntN(256)}[rng.IntN(18)]
	code := rng.IntN(16)
	if rng.IntN(2) == 0 {
		code = rng.IntN(4)
	}
	var rest string
	switch typ {
	case 3, 4, 5, 11, 12:
		q := icmpRandQuoted[rng.IntN(len(icmpRandQuoted))]
		rest = fmt.Sprintf("%08x ", rng.IntN(3)*0x1000+rng.IntN(2)*0x200000) + q
		if q == faultQuoted128 && rng.IntN(2) == 0 {
			rest += fmt.Sprintf("2000 0000 %04x %02x%02x ", 4+4*rng.IntN(4), rng.IntN(6), rng.IntN(4)) +
				hex.EncodeToString(randBytes(rng, 4*rng.IntN(5)))
		}
	case 9:
		n := rng.IntN(4)
		rest = fmt.Sprintf("%02x %02x 0708 ", n, 1+rng.IntN(3))
		for range n {
			rest += "0a000001 00000001 "
		}
	case 42, 43:
		rest = fmt.Sprintf("0001 %02x%02x ", rng.IntN(3), rng.IntN(2)) + hex.EncodeToString(randBytes(rng, rng.IntN(20)))
	default:
		rest = hex.EncodeToString(randBytes(rng, 4+rng.IntN(16)))
	}
	return fmt.Sprintf("%02x%02x 0000 ", typ, code) + rest
}

// icmpRandomCases are n random ICMP messages from the seed, one in five
// cut short.
func icmpRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 1, n, 5, func(rng *rand.Rand) (string, int) {
		m := icmpRandMsg(rng)
		return craftIP4(1, m), hexLen(m)
	})
}

func init() { addFuzzSeeds(icmpRandomCases(3, 40)) }

// TestICMPRandomLikeTcpdump prints icmpRandomCases as tcpdump does.
func TestICMPRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "icmprandom", icmpRandomCases(1, 600))
}
