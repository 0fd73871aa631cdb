package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// ldpRandTLVTypes and ldpRandMsgTypes are the TLV and message types
// ldpRandPDU draws from: those tcpdump decodes and an unknown one.
var (
	ldpRandTLVTypes = []uint16{0x0100, 0x0101, 0x0200, 0x0300, 0x0400, 0x0401, 0x0402, 0x0403, 0x0500, 0x0503, 0x0601, 0x0501, 0x3e01}
	ldpRandMsgTypes = []uint16{0x0001, 0x0100, 0x0200, 0x0201, 0x0300, 0x0301, 0x0400, 0x0401, 0x0402, 0x0403, 0x0404, 0x3f00}
)

// ldpRandTLV is an LDP TLV of a random type and U/F bits: FECs (prefix,
// Martini VC with interface parameters, others), address lists of a
// few families, and random values of random lengths.
func ldpRandTLV(rng *rand.Rand) string {
	t := ldpRandTLVTypes[rng.IntN(len(ldpRandTLVTypes))] | uint16(rng.IntN(4))<<14
	var v string
	switch t & 0x3fff {
	case 0x0100:
		switch rng.IntN(3) {
		case 0:
			v = fmt.Sprintf("02 %04x %02x", 1+rng.IntN(2), rng.IntN(140)) + hex.EncodeToString(randBytes(rng, rng.IntN(17)))
		case 1:
			v = fmt.Sprintf("80 %04x %02x 00000007 00000064", rng.IntN(0x10000), rng.IntN(30))
			for range rng.IntN(3) {
				v += randTLV8(rng, []int{1, 3, 0x0c, 9}[rng.IntN(4)], 6)
			}
		default:
			v = fmt.Sprintf("%02x", rng.IntN(256)) + hex.EncodeToString(randBytes(rng, rng.IntN(8)))
		}
	case 0x0101:
		v = fmt.Sprintf("%04x", []int{1, 2, 3, 0x99}[rng.IntN(4)]) + hex.EncodeToString(randBytes(rng, rng.IntN(20)))
	default:
		v = hex.EncodeToString(randBytes(rng, rng.IntN(20)))
	}
	return ldpTLVHex(t, v)
}

// ldpRandPDU is an LDP PDU of one to three messages of random types,
// each with up to four random TLVs.
func ldpRandPDU(rng *rand.Rand) string {
	var msgs []string
	for range 1 + rng.IntN(3) {
		var tlvs []string
		for range rng.IntN(5) {
			tlvs = append(tlvs, ldpRandTLV(rng))
		}
		mt := ldpRandMsgTypes[rng.IntN(len(ldpRandMsgTypes))] | uint16(rng.IntN(2))<<15
		msgs = append(msgs, ldpMsgHex(mt, tlvs...))
	}
	return ldpPDUHex(msgs...)
}

// ldpRandomCases are n random LDP PDUs from the seed over UDP and TCP,
// one in five cut short.
func ldpRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 646, n, 5, func(rng *rand.Rand) (string, int) {
		d := ldpRandPDU(rng)
		pkt := craftedUDP4(646, 646, d)
		if rng.IntN(4) == 0 {
			pkt = tcpSegment(40000, 646, d)
		}
		return pkt, hexLen(d)
	})
}

func init() { addFuzzSeeds(ldpRandomCases(3, 40)) }

// TestLDPRandomLikeTcpdump prints ldpRandomCases as tcpdump does.
func TestLDPRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ldprandom", ldpRandomCases(1, 500))
}
