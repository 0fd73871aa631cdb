package printer

import (
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// rplRandOpts are RPL options of the types tcpdump names (pad1, padN,
// metrics, routing information, configuration, target, transit, prefix,
// target descriptor) and others, some of lengths past the message.
func rplRandOpts(rng *rand.Rand) []byte {
	var b []byte
	for range rng.IntN(5) {
		typ := byte(rng.IntN(11))
		if typ == 0 {
			b = append(b, 0)
			continue
		}
		v := randBytes(rng, []int{0, 1, 2, 4, 14, 18, 30}[rng.IntN(7)])
		if typ == 5 && rng.IntN(2) == 0 {
			v = append([]byte{0, byte(rng.IntN(129))}, randBytes(rng, 16)...)
		}
		l := len(v)
		if rng.IntN(10) == 0 {
			l += 1 + rng.IntN(20)
		}
		b = append(b, typ, byte(l))
		b = append(b, v...)
	}
	return b
}

// rplRandMsg is an ICMPv6 RPL message: DIS, DIO, DAO (with and without
// its DODAG ID), DAO-ACK (likewise), a secure one or an unknown code.
func rplRandMsg(rng *rand.Rand) []byte {
	code := byte(rng.IntN(4))
	if rng.IntN(10) == 0 {
		code = []byte{0x80, 0x81, 4, 0x8a}[rng.IntN(4)]
	}
	dagid := append([]byte{0x20, 1, 0x0d, 0xb8}, make([]byte, 11)...)
	dagid = append(dagid, byte(rng.IntN(256)))
	m := []byte{155, code, 0, 0}
	switch code {
	case 0:
		m = append(m, 0, 0)
	case 1:
		m = append(m, byte(rng.IntN(256)), byte(rng.IntN(4)), 1, byte(rng.IntN(256)), byte(rng.IntN(256)), byte(rng.IntN(4)), 0, 0)
		m = append(m, dagid...)
	case 2:
		fl := []byte{0, 0x40, 0x80, 0xc0}[rng.IntN(4)]
		m = append(m, byte(rng.IntN(256)), fl, 0, byte(rng.IntN(256)))
		if fl&0x40 != 0 {
			m = append(m, dagid...)
		}
	case 3:
		fl := []byte{0, 0x80}[rng.IntN(2)]
		m = append(m, byte(rng.IntN(256)), fl, byte(rng.IntN(256)), byte(rng.IntN(3)))
		if fl&0x80 != 0 {
			m = append(m, dagid...)
		}
	default:
		m = append(m, randBytes(rng, rng.IntN(20))...)
	}
	return append(m, rplRandOpts(rng)...)
}

// rplRandomCases are random RPL messages from a fixed seed, some cut
// short.
func rplRandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 6550))
	var pkts []crafted
	for range n {
		m := rplRandMsg(rng)
		pkt := craftIP6(58, hex.EncodeToString(m))
		if rng.IntN(4) == 0 {
			pkts = append(pkts, craftedCut(pkt, 1+rng.IntN(len(m)-1)))
		} else {
			pkts = append(pkts, crafted{hex: pkt})
		}
	}
	return pkts
}

func init() { addFuzzSeeds(rplRandomCases(3, 60)) }

// TestRPLRandomLikeTcpdump prints random RPL messages (rplRandomCases)
// and the crafted ICMPv6 messages of icmp6_test.go with a few bytes
// changed at random.
func TestRPLRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "rplrandom", rplRandomCases(1, 1500))
	rng := rand.New(rand.NewPCG(4, 6550))
	craftedLikeTcpdump(t, "icmp6mutated", mutatedCases(rng, icmp6Crafted(), 54, 10))
}
