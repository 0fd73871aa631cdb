package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// randTLV8 is a type-length-value of the type whose one-byte length
// counts its two header bytes, with a random value of up to max bytes;
// one in ten has a random length byte instead.
func randTLV8(rng *rand.Rand, typ, max int) string {
	v := randBytes(rng, rng.IntN(max+1))
	l := len(v) + 2
	if rng.IntN(10) == 0 {
		l = rng.IntN(256)
	}
	return fmt.Sprintf("%02x%02x", typ, l) + hex.EncodeToString(v)
}

// radiusRandSpecial are the attribute types radius.go decodes by more
// than their kind: tags, salts, prefixes, vendors, EAP, locations,
// ARAP, Error-Cause and times.
var radiusRandSpecial = []int{26, 79, 69, 97, 123, 125, 126, 127, 128, 129, 101, 70, 71, 84, 55, 64, 65, 66, 81, 83, 56, 58, 95, 96, 124}

// radiusRandMsg is a RADIUS message of a random code to a random RADIUS
// port, with up to five attributes of random types (many of those
// decoded specially) and values, vendor-specific ones with random
// sub-attributes.
func radiusRandMsg(rng *rand.Rand) string {
	var attrs []string
	for range rng.IntN(6) {
		t := rng.IntN(132)
		if rng.IntN(5) == 0 {
			t = radiusRandSpecial[rng.IntN(len(radiusRandSpecial))]
		}
		if t == 26 && rng.IntN(2) == 0 {
			v := []string{"00000009", "00000137", "00000a4c", "0000000b"}[rng.IntN(4)]
			for range rng.IntN(4) {
				v += randTLV8(rng, rng.IntN(256), 8)
			}
			attrs = append(attrs, fmt.Sprintf("%02x%02x", t, 2+hexLen(v))+v)
			continue
		}
		attrs = append(attrs, randTLV8(rng, t, 24))
	}
	code := []int{1, 2, 3, 4, 5, 11, 12, 13, 40, 41, 42, 43, 44, 45, rng.IntN(256)}[rng.IntN(15)]
	port := []int{1645, 1646, 1700, 1812, 1813, 3799}[rng.IntN(6)]
	return radiusMsg(code, port, attrs...)
}

// radiusRandomCases are n random RADIUS messages from the seed, one in
// five cut short.
func radiusRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 1812, n, 5, func(rng *rand.Rand) (string, int) {
		m := radiusRandMsg(rng)
		return m, hexLen(m) - 42
	})
}

func init() { addFuzzSeeds(radiusRandomCases(3, 40)) }

// TestRADIUSRandomLikeTcpdump prints radiusRandomCases as tcpdump does.
func TestRADIUSRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "radiusrandom", radiusRandomCases(1, 600))
}
