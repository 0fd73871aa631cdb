package printer

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// ikeRandPay is a generic payload header (next, flags, length) and body;
// one time in twelve its length is off by a little.
func ikeRandPay(rng *rand.Rand, next byte, body []byte) []byte {
	l := 4 + len(body)
	if rng.IntN(12) == 0 {
		l += rng.IntN(9) - 4
	}
	crit := byte(0)
	if rng.IntN(6) == 0 {
		crit = 0x80
	}
	b := []byte{next, crit, byte(l >> 8), byte(l)}
	return append(b, body...)
}

// ikeRandAttrs are data attributes, of the short (TV) and long (TLV)
// forms, of types the maps name and others.
func ikeRandAttrs(rng *rand.Rand) []byte {
	var b []byte
	for range rng.IntN(5) {
		t := uint16(rng.IntN(18))
		if rng.IntN(2) == 0 {
			b = binary.BigEndian.AppendUint16(b, 0x8000|t)
			b = binary.BigEndian.AppendUint16(b, uint16(rng.IntN(20)))
		} else {
			n := rng.IntN(9)
			b = binary.BigEndian.AppendUint16(b, t)
			b = binary.BigEndian.AppendUint16(b, uint16(n))
			b = append(b, randBytes(rng, n)...)
		}
	}
	return b
}

// ikeRandChain is n payloads whose bodies item makes, each naming the next
// as type more and the last none, as an SA chains its proposals (2) and a
// proposal its transforms (3).
func ikeRandChain(rng *rand.Rand, n int, more byte, item func(i int) []byte) []byte {
	var b []byte
	for i := range n {
		body := item(i)
		next := more
		if i == n-1 {
			next = 0
		}
		b = append(b, ikeRandPay(rng, next, body)...)
	}
	return b
}

// ikeRandV1Body is the body of an IKEv1 payload of type np.
func ikeRandV1Body(rng *rand.Rand, np byte) []byte {
	switch np {
	case 1: // SA: DOI, situation, proposals with transforms
		b := []byte{0, 0, 0, byte([]int{1, 1, 1, 2}[rng.IntN(4)]), 0, 0, 0, byte([]int{1, 1, 2, 3, 7}[rng.IntN(5)])}
		if b[7] != 1 {
			b = append(b, 0, 0, 0, 0)
		}
		return append(b, ikeRandChain(rng, rng.IntN(3), 2, func(i int) []byte {
			proto := byte(1 + rng.IntN(5))
			spi := []int{0, 4, 2}[rng.IntN(3)]
			nt := rng.IntN(3)
			p := []byte{byte(i + 1), proto, byte(spi), byte(nt)}
			p = append(p, randBytes(rng, spi)...)
			return append(p, ikeRandChain(rng, nt, 3, func(j int) []byte {
				t := []byte{byte(j + 1), byte(rng.IntN(14)), 0, 0}
				return append(t, ikeRandAttrs(rng)...)
			})...)
		})...)
	case 5: // ID
		typ := byte(rng.IntN(13))
		b := []byte{typ, []byte{0, 6, 17, 200}[rng.IntN(4)], byte(rng.IntN(3)), byte(rng.IntN(256))}
		n := map[byte]int{1: 4, 4: 8, 5: 16, 6: 32, 7: 8, 8: 32}[typ]
		if n == 0 || rng.IntN(5) == 0 {
			n = rng.IntN(20)
		}
		return append(b, randBytes(rng, n)...)
	case 11: // N
		doi := []byte{1, 1, 1, 2}[rng.IntN(4)]
		spi := []int{0, 4, 8}[rng.IntN(3)]
		typ := []uint16{1, 14, 24, 8192, 16384, 24576, 24577, 24578, uint16(rng.IntN(65536))}[rng.IntN(9)]
		b := []byte{0, 0, 0, doi, byte(1 + rng.IntN(4)), byte(spi), byte(typ >> 8), byte(typ)}
		b = append(b, randBytes(rng, spi)...)
		if typ == 24576 {
			return append(b, ikeRandAttrs(rng)...)
		}
		return append(b, randBytes(rng, rng.IntN(40))...)
	case 12: // D
		spi, n := []int{4, 2, 16}[rng.IntN(3)], rng.IntN(4)
		b := []byte{0, 0, 0, byte(1 + rng.IntN(2)), byte(1 + rng.IntN(4)), byte(spi), 0, byte(n)}
		return append(b, randBytes(rng, spi*n)...)
	case 6, 7:
		return append([]byte{byte(rng.IntN(12))}, randBytes(rng, rng.IntN(12))...)
	}
	return randBytes(rng, rng.IntN(40))
}

// ikeRandV2Body is the body of an IKEv2 payload of type np.
func ikeRandV2Body(rng *rand.Rand, np byte) []byte {
	switch np {
	case 33: // SA
		return ikeRandChain(rng, 1+rng.IntN(2), 2, func(i int) []byte {
			spi := []int{0, 0, 4, 8}[rng.IntN(4)]
			nt := rng.IntN(4)
			p := []byte{byte(i + 1), byte(1 + rng.IntN(4)), byte(spi), byte(nt)}
			p = append(p, randBytes(rng, spi)...)
			return append(p, ikeRandChain(rng, nt, 3, func(int) []byte {
				tt := byte(1 + rng.IntN(6))
				t := []byte{tt, 0, 0, byte(rng.IntN(20))}
				if tt == 1 && rng.IntN(2) == 0 {
					t = append(t, 0x80, 0x0e, 0, byte(rng.IntN(2)+1)<<7)
				} else if rng.IntN(4) == 0 {
					t = append(t, ikeRandAttrs(rng)...)
				}
				return t
			})...)
		})
	case 34:
		return append([]byte{0, byte(rng.IntN(20)), 0, 0}, randBytes(rng, rng.IntN(40))...)
	case 35, 36:
		return append([]byte{byte(rng.IntN(13)), 0, 0, 0}, randBytes(rng, rng.IntN(20))...)
	case 39:
		return append([]byte{byte(rng.IntN(5)), 0, 0, 0}, randBytes(rng, rng.IntN(40))...)
	case 41:
		spi := []int{0, 0, 4, 8}[rng.IntN(4)]
		typ := []uint16{1, 4, 7, 14, 24, 16384, 16388, 16390, 16393, 8193, 40961, uint16(rng.IntN(65536))}[rng.IntN(12)]
		b := []byte{byte(rng.IntN(4)), byte(spi), byte(typ >> 8), byte(typ)}
		b = append(b, randBytes(rng, spi)...)
		return append(b, randBytes(rng, rng.IntN(40))...)
	}
	return randBytes(rng, rng.IntN(40))
}

// ikeRandMsg is an IKEv1 or IKEv2 message: a header of random exchange
// type and flags, then a chain of payloads of the version's types.
func ikeRandMsg(rng *rand.Rand) []byte {
	v2 := rng.IntN(2) == 0
	var types []byte
	if v2 {
		types = []byte{33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 1, 99}
	} else {
		types = []byte{1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 33}
	}
	n := 1 + rng.IntN(4)
	chain := make([]byte, n)
	for i := range chain {
		chain[i] = types[rng.IntN(len(types))]
	}
	var body []byte
	for i, np := range chain {
		next := byte(0)
		if i+1 < n {
			next = chain[i+1]
		}
		var b []byte
		if v2 {
			b = ikeRandV2Body(rng, np)
		} else {
			b = ikeRandV1Body(rng, np)
		}
		body = append(body, ikeRandPay(rng, next, b)...)
	}
	h := make([]byte, 28)
	copy(h, randBytes(rng, 8))
	if rng.IntN(3) != 0 {
		copy(h[8:], randBytes(rng, 8))
	}
	h[16] = chain[0]
	h[17] = 0x10
	etypes := []byte{2, 4, 5, 32, 6}
	if v2 {
		h[17] = 0x20
		etypes = []byte{34, 35, 36, 37}
	}
	h[18] = etypes[rng.IntN(len(etypes))]
	h[19] = []byte{0, 0, 0x08, 0x20, 0x01, 0x02, byte(rng.IntN(256))}[rng.IntN(7)]
	if rng.IntN(2) == 0 {
		binary.BigEndian.PutUint32(h[20:], rng.Uint32())
	}
	binary.BigEndian.PutUint32(h[24:], uint32(28+len(body)))
	return append(h, body...)
}

// isakmpRandomCases are random ISAKMP messages on port 500 and after
// the non-ESP marker on port 4500, some cut short.
func isakmpRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 500, n, 5, func(rng *rand.Rand) (string, int) {
		m := ikeRandMsg(rng)
		var pkt string
		if rng.IntN(5) == 0 {
			m = append([]byte{0, 0, 0, 0}, m...)
			pkt = craftedUDP4(4500, 4500, hex.EncodeToString(m))
		} else {
			pkt = craftedUDP4(500, 500, hex.EncodeToString(m))
		}
		return pkt, len(m)
	})
}

func init() { addFuzzSeeds(isakmpRandomCases(5, 40)) }

// TestISAKMPRandomLikeTcpdump compares random ISAKMP messages
// (isakmpRandomCases) with tcpdump at each verbosity.
func TestISAKMPRandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "isakmprandom", cbpf.LinkEN10MB, isakmpRandomCases(1, 1500), isakmpBranchesFlagSets)
}
