package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// cfmRandPDU is a CFM PDU of a random opcode and MD level whose first
// TLV offset is the opcode's (or random) over random bytes (for a CCM
// often a regular body with a random MA name format), then up to three
// TLVs of random types, Sender IDs with random chassis and domain
// lengths, and often an End TLV.
func cfmRandPDU(rng *rand.Rand) string {
	op := []int{1, 2, 3, 4, 5, rng.IntN(256)}[rng.IntN(6)]
	first := []int{70, 4, 5, 17, 0, rng.IntN(80)}[rng.IntN(6)]
	if rng.IntN(2) == 0 {
		first = map[int]int{1: 70, 2: 4, 3: 4, 4: 6, 5: 17}[op]
	}
	body := hex.EncodeToString(randBytes(rng, first))
	if op == 1 && first >= 70 && rng.IntN(2) == 0 {
		body = fmt.Sprintf("00000001 0001 %02x04 61626364", rng.IntN(6)) + hex.EncodeToString(make([]byte, first-10))
	}
	var tlvs string
	for range rng.IntN(4) {
		t := []int{1, 2, 3, 4, 5, 6, 7, 8, 31, rng.IntN(256)}[rng.IntN(10)]
		v := randBytes(rng, rng.IntN(14))
		if t == 1 && rng.IntN(2) == 0 {
			v = append([]byte{byte(rng.IntN(8)), byte(rng.IntN(8))}, v...)
		}
		l := len(v)
		if rng.IntN(10) == 0 {
			l = rng.IntN(30)
		}
		tlvs += fmt.Sprintf("%02x%04x", t, l) + hex.EncodeToString(v)
	}
	if rng.IntN(3) != 0 {
		tlvs += "00"
	}
	return fmt.Sprintf("%02x %02x %02x %02x ", rng.IntN(8)<<5, op, rng.IntN(256), first) + body + tlvs
}

// cfmRandomCases are n random CFM PDUs from the seed, one in five cut
// short.
func cfmRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 0x8902, n, 5, func(rng *rand.Rand) (string, int) {
		pdu := cfmRandPDU(rng)
		return cfmFrame(pdu), hexLen(pdu)
	})
}

func init() { addFuzzSeeds(cfmRandomCases(3, 40)) }

// TestCFMRandomLikeTcpdump prints cfmRandomCases as tcpdump does.
func TestCFMRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "cfmrandom", cfmRandomCases(1, 600))
}
