package printer

import (
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// rsvpRandClasses are the RSVP object classes tcpdump decodes.
var rsvpRandClasses = []byte{1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 24, 25,
	34, 35, 36, 37, 50, 63, 66, 125, 129, 130, 131, 134, 195, 196, 204, 205, 207, 229, 230, 236}

// rsvpRandObject is an RSVP object (hex) of a known class (now and then
// any) and a C-Type from 1 to 16, its body random words, random bytes
// or a run of type/length sub-objects, its length field now and then
// wrong.
func rsvpRandObject(rng *rand.Rand) string {
	c := rsvpRandClasses[rng.IntN(len(rsvpRandClasses))]
	if rng.IntN(20) == 0 {
		c = byte(rng.IntN(256))
	}
	ct := byte(1 + rng.IntN(16))
	if rng.IntN(3) == 0 {
		ct = byte(1 + rng.IntN(3))
	}
	var body []byte
	switch rng.IntN(4) {
	case 0:
		body = randBytes(rng, 4*rng.IntN(12))
	case 1:
		body = randBytes(rng, rng.IntN(60))
	default:
		for range 1 + rng.IntN(4) {
			l := max(2, []int{4, 8, 12, 20, rng.IntN(24)}[rng.IntN(5)])
			sb := randBytes(rng, l)
			sb[0] = byte([]int{1, 2, 3, 32, 0x81, 0x82, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}[rng.IntN(18)])
			sb[1] = byte(l)
			if rng.IntN(10) == 0 {
				sb[1] = byte(rng.IntN(32))
			}
			body = append(body, sb...)
		}
	}
	o := rsvpObjHex(c, ct, hex.EncodeToString(body))
	if rng.IntN(15) == 0 {
		ob, _ := hex.DecodeString(strings.ReplaceAll(o, " ", ""))
		n := rng.IntN(30)
		ob[0], ob[1] = byte(n>>8), byte(n)
		o = hex.EncodeToString(ob)
	}
	return o
}

// rsvpRandomCases are random RSVP messages of each type (and bundles of
// one message) holding one to three rsvpRandObject objects, some cut
// short.
func rsvpRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 46, n, 6, func(rng *rand.Rand) (string, int) {
		var objs []string
		for range 1 + rng.IntN(3) {
			objs = append(objs, rsvpRandObject(rng))
		}
		typ := byte(1 + rng.IntN(14))
		if rng.IntN(3) == 0 {
			typ = []byte{12, 13, 20, 64, 65}[rng.IntN(5)]
		}
		var m string
		if typ == 12 && rng.IntN(2) == 0 {
			m = rsvpMsgHex(0, 12, rsvpMsgHex(0, byte(1+rng.IntN(7)), objs...))
		} else {
			m = rsvpMsgHex(byte(rng.IntN(2)), typ, objs...)
		}
		h := craftIP4(46, m)
		return h, hexLen(m)
	})
}

// TestRSVPRandomLikeTcpdump prints random RSVP messages
// (rsvpRandomCases) as tcpdump does.
func TestRSVPRandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "rsvprandom", cbpf.LinkEN10MB, rsvpRandomCases(1, 1500), faultFlagSets[:4])
}
