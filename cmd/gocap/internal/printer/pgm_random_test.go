package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// pgmRandOptTypes are the option types pgmRandPkt draws from: each one
// tcpdump decodes, OPT_LENGTH again, and others.
var pgmRandOptTypes = []int{1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 17, 18, 19, 0}

// pgmRandNLA is an IPv4 or IPv6 network-layer address with its family.
func pgmRandNLA(rng *rand.Rand) string {
	if rng.IntN(2) == 0 {
		return "0001 0000 0a000001 "
	}
	return "0002 0000 20010db8000000000000000000000001 "
}

// pgmRandPkt is a PGM packet of a random type with a regular body and,
// two times in three, options of random types (some with the end bit,
// some of bad lengths) after an OPT_LENGTH whose total is now and then
// wrong, and a few random bytes.
func pgmRandPkt(rng *rand.Rand) string {
	typ := []byte{0, 1, 2, 4, 5, 8, 9, 10, 11, 12, 13}[rng.IntN(11)]
	var body string
	switch typ {
	case 0:
		body = "00000001 00000002 00000003 " + pgmRandNLA(rng)
	case 1:
		body = "00000001 0002 0000 " + pgmRandNLA(rng) + "00000064 deadbeef ffff0000"
	case 2:
		body = "00000001 0002 0000"
	case 4, 5:
		body = "00000005 00000001"
	case 8, 9, 10:
		body = "00000007 " + pgmRandNLA(rng) + pgmRandNLA(rng)
	case 11:
		body = "00000007 ffffffff"
	}
	opts := byte(0)
	if rng.IntN(3) != 0 {
		opts = 1
		var o string
		for range rng.IntN(5) {
			t := rng.IntN(128)
			if rng.IntN(5) != 0 {
				t = pgmRandOptTypes[rng.IntN(len(pgmRandOptTypes))]
			}
			var v string
			switch t {
			case 7:
				v = "0000 " + pgmRandNLA(rng)
			case 18, 19:
				v = fmt.Sprintf("0000 %08x ", rng.IntN(100)) + pgmRandNLA(rng)
			default:
				v = "0000" + hex.EncodeToString(randBytes(rng, 4*rng.IntN(4)))
			}
			if rng.IntN(4) == 0 {
				t |= 0x80
			}
			l := 2 + hexLen(v)
			if rng.IntN(8) == 0 {
				l = rng.IntN(30)
			}
			o += fmt.Sprintf("%02x%02x", t, l) + v
		}
		total := 4 + hexLen(o)
		if rng.IntN(8) == 0 {
			total = rng.IntN(40)
		}
		body += fmt.Sprintf(" 0004 %04x ", total) + o
	}
	return pgmPkt(typ, opts, body+hex.EncodeToString(randBytes(rng, rng.IntN(4))))
}

// pgmRandomCases are n random PGM packets from the seed, one in five
// cut short.
func pgmRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 113, n, 5, func(rng *rand.Rand) (string, int) {
		d := pgmRandPkt(rng)
		return craftIP4(113, d), hexLen(d)
	})
}

func init() { addFuzzSeeds(pgmRandomCases(3, 40)) }

// TestPGMRandomLikeTcpdump prints pgmRandomCases as tcpdump does.
func TestPGMRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "pgmrandom", pgmRandomCases(1, 600))
}
