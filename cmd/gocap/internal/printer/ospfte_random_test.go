package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// ospfTERandSubTypes are the link sub-TLV types ospfTERandSub draws
// from: each one tcpdump decodes, a few it does not, and 0.
var ospfTERandSubTypes = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 32770, 0}

// ospfTERandSub is a link sub-TLV of a random type with a value of one
// of the lengths the decoders test (interface switching capabilities
// often well formed), now and then a random length, and padding to 4
// bytes most of the time.
func ospfTERandSub(rng *rand.Rand) string {
	st := rng.IntN(40)
	if rng.IntN(6) != 0 {
		st = ospfTERandSubTypes[rng.IntN(len(ospfTERandSubTypes))]
	}
	v := randBytes(rng, []int{0, 1, 2, 4, 4, 4, 8, 12, 32, 36, 40, rng.IntN(50)}[rng.IntN(12)])
	if st == 15 && rng.IntN(2) == 0 {
		isc := []byte{1, 2, 3, 4, 51, 100, 150, 200}[rng.IntN(8)]
		v = append([]byte{isc, byte(rng.IntN(12)), 0, 0}, randBytes(rng, 32+rng.IntN(12))...)
	}
	l := len(v)
	if rng.IntN(10) == 0 {
		l = rng.IntN(60)
	}
	for len(v)%4 != 0 && rng.IntN(4) != 0 {
		v = append(v, 0)
	}
	return fmt.Sprintf("%04x %04x ", st, l) + hex.EncodeToString(v)
}

// ospfTERandLSU is an LS update carrying a TE LSA of one to three TLVs:
// router addresses, unknown TLVs and link TLVs of random sub-TLVs, some
// with a random length.
func ospfTERandLSU(rng *rand.Rand) string {
	var body string
	for range 1 + rng.IntN(3) {
		switch rng.IntN(4) {
		case 0:
			body += "0001 0004 0a000001 "
		case 1:
			v := hex.EncodeToString(randBytes(rng, rng.IntN(10)))
			body += fmt.Sprintf("%04x %04x ", rng.IntN(10), hexLen(v)) + v
		default:
			var subs string
			for range rng.IntN(5) {
				subs += ospfTERandSub(rng)
			}
			l := hexLen(subs)
			if rng.IntN(10) == 0 {
				l = rng.IntN(80)
			}
			body += fmt.Sprintf("0002 %04x ", l) + subs
		}
	}
	return ospfTELSU(body)
}

// ospfTERandomCases are n random TE LSAs from the seed, one in five cut
// short.
func ospfTERandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 89, n, 5, func(rng *rand.Rand) (string, int) {
		pkt := ospfTERandLSU(rng)
		return pkt, hexLen(pkt) - 14 - 20 - 24
	})
}

func init() { addFuzzSeeds(ospfTERandomCases(3, 40)) }

// TestOSPFTERandomLikeTcpdump prints ospfTERandomCases as tcpdump does.
func TestOSPFTERandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ospfterandom", ospfTERandomCases(1, 500))
}
