package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// dccpRandOptTypes are the option types dccpRandPkt draws from: the
// one-byte ones, each type tcpdump names, and others.
var dccpRandOptTypes = []int{0, 1, 2, 3, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 128, 200}

// dccpRandPkt is a DCCP packet of a random type, with or without
// extended sequence numbers, random options (some of bad lengths), a
// data offset now and then wrong and a checksum right half the time, in
// IPv4 from 10.0.0.1 to 10.0.0.2.
func dccpRandPkt(rng *rand.Rand) string {
	typ := byte(rng.IntN(16))
	ext := rng.IntN(4) != 0
	var rest string
	switch {
	case !ext && typ != 0 && typ != 2:
		rest = "00 000005 00000000"
	case !ext:
	case typ == 0:
		rest = "00000064"
	case typ == 1 || typ == 7:
		rest = "0000 000000000005 00000064"
	case typ != 2:
		rest = "0000 000000000005"
	}
	var opts string
	for range rng.IntN(6) {
		t := rng.IntN(256)
		if rng.IntN(5) != 0 {
			t = dccpRandOptTypes[rng.IntN(len(dccpRandOptTypes))]
		}
		if t < 32 {
			opts += fmt.Sprintf("%02x", t)
			continue
		}
		v := randBytes(rng, rng.IntN(12))
		l := len(v) + 2
		if rng.IntN(10) == 0 {
			l = rng.IntN(20)
		}
		opts += fmt.Sprintf("%02x%02x", t, l) + hex.EncodeToString(v)
	}
	for hexLen(rest+opts)%4 != 0 {
		opts += "00"
	}
	hlen := 12 + hexLen(rest+opts)
	x, seq := 0, "000007"
	if ext {
		hlen += 4
		x, seq = 1, "00 000000000007"
	}
	doff := hlen / 4
	if rng.IntN(10) == 0 {
		doff = rng.IntN(30)
	}
	d := fmt.Sprintf("04d2 1389 %02x %02x 0000 %02x ", doff, rng.IntN(256), typ<<1|byte(x)) + seq + " " + rest + opts +
		hex.EncodeToString(randBytes(rng, rng.IntN(4)))
	if rng.IntN(2) == 0 {
		d = dccpSum(d, false)
	}
	return d
}

// dccpRandomCases are n random DCCP packets from the seed, one in five
// cut short.
func dccpRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 33, n, 5, func(rng *rand.Rand) (string, int) {
		d := dccpRandPkt(rng)
		return craftIP4(33, d), hexLen(d)
	})
}

func init() { addFuzzSeeds(dccpRandomCases(3, 40)) }

// TestDCCPRandomLikeTcpdump prints dccpRandomCases as tcpdump does.
func TestDCCPRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dccprandom", dccpRandomCases(1, 600))
}
