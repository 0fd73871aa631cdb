package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// decnetRandNSPFlags are the NSP message flags decnetRandMsg draws from:
// every data, acknowledgement and control message type and reserved ones.
var decnetRandNSPFlags = []int{0x00, 0x20, 0x40, 0x60, 0x30, 0x10, 0x70, 0x04, 0x14, 0x24, 0x34, 0x18, 0x28, 0x38, 0x48, 0x58, 0x68, 0x08, 0x0c}

// decnetRandMsg is a DECnet routing message of random flags: control
// messages of random bytes, padded ones, and short data headers (of
// random routing flags) before an NSP message of a random type with
// random fields.
func decnetRandMsg(rng *rand.Rand) string {
	flags := []int{0x02, 0x06, 0x0a, 0x0e, 0x26, 0x01, 0x03, 0x05, 0x07, 0x09, 0x0b, 0x0d, 0x0f, 0x81, 0x82, rng.IntN(256)}[rng.IntN(16)]
	switch {
	case flags&1 == 1:
		return fmt.Sprintf("%02x", flags) + hex.EncodeToString(randBytes(rng, rng.IntN(40)))
	case flags&0x80 != 0:
		return fmt.Sprintf("%02x", flags) + strings.Repeat("00", flags&0x7f) + dnShortHdr(0x02) +
			hex.EncodeToString(randBytes(rng, rng.IntN(20)))
	}
	nsp := decnetRandNSPFlags[rng.IntN(len(decnetRandNSPFlags))]
	return dnShortHdr(byte(flags)) + fmt.Sprintf("%02x 0100 0200 ", nsp) + hex.EncodeToString(randBytes(rng, rng.IntN(20)))
}

// decnetRandomCases are n random DECnet messages from the seed, one in
// five cut short.
func decnetRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 0x6003, n, 5, func(rng *rand.Rand) (string, int) {
		m := decnetRandMsg(rng)
		return dnFrame(m), hexLen(m)
	})
}

func init() { addFuzzSeeds(decnetRandomCases(3, 40)) }

// TestDECnetRandomLikeTcpdump prints decnetRandomCases as tcpdump does.
func TestDECnetRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "decnetrandom", decnetRandomCases(1, 600))
}
