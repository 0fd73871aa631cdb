package printer

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

// icmp6RandNDOpts are neighbour discovery options of the types tcpdump
// decodes, of their length or a random one (zero now and then).
func icmp6RandNDOpts(rng *rand.Rand) []byte {
	var b []byte
	for range rng.IntN(4) {
		typ := []byte{1, 2, 3, 4, 5, 7, 8, 14, 24, 25, 31, 38, byte(rng.IntN(256))}[rng.IntN(13)]
		units := []int{1, 1, 2, 3, 4, 5, 0}[rng.IntN(7)]
		switch typ {
		case 3:
			units = 4
		case 5, 7, 8:
			units = 1
		}
		if rng.IntN(8) == 0 {
			units = rng.IntN(4)
		}
		o := []byte{typ, byte(units)}
		body := randBytes(rng, max(0, 8*units-2))
		if typ == 3 && len(body) >= 2 {
			body[0] = byte(rng.IntN(129))
		}
		if typ == 24 && len(body) >= 1 {
			body[0] = byte(rng.IntN(129))
		}
		b = append(append(b, o...), body...)
	}
	return b
}

// icmp6RandMsg is an ICMPv6 message of a random type (mostly those
// tcpdump decodes) with a body of the type's shape or random bytes.
func icmp6RandMsg(rng *rand.Rand) []byte {
	typ := []byte{1, 2, 3, 4, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 143, 138, 139, 140, 141, 142, 144, 145, 146, 147, 148, 149, 151, 152, 153, 155, 200, byte(rng.IntN(256))}[rng.IntN(32)]
	code := byte(rng.IntN(5))
	if rng.IntN(3) == 0 {
		code = 0
	}
	m := []byte{typ, code, byte(rng.IntN(256)), byte(rng.IntN(256))}
	switch typ {
	case 1, 2, 3, 4:
		m = append(m, randBytes(rng, 4)...)
		inner := []byte{0x60, 0, 0, 0, 0, 8, []byte{17, 6, 0, 60, 43, 44, 58, 59}[rng.IntN(8)], 64}
		inner = append(inner, randBytes(rng, 32)...)
		inner = append(inner, randBytes(rng, rng.IntN(24))...)
		m = append(m, inner...)
	case 130, 131, 132:
		m = append(m, randBytes(rng, 4)...)
		m = append(m, 0xff, 0x02)
		m = append(m, randBytes(rng, 14)...)
		if typ == 130 && rng.IntN(2) == 0 {
			n := rng.IntN(4)
			m = append(m, byte(rng.IntN(256)), byte(rng.IntN(256)), 0, byte(n))
			m = append(m, randBytes(rng, max(0, 16*n-rng.IntN(2)*8))...)
		}
	case 143:
		n := rng.IntN(3)
		m = append(m, 0, 0, 0, byte(n))
		for range n {
			ns := rng.IntN(3)
			m = append(m, byte(1+rng.IntN(7)), byte(rng.IntN(2)), 0, byte(ns), 0xff, 0x0e)
			m = append(m, randBytes(rng, 14+16*ns)...)
		}
	case 133:
		m = append(m, 0, 0, 0, 0)
		m = append(m, icmp6RandNDOpts(rng)...)
	case 134:
		m = append(m, randBytes(rng, 12)...)
		m = append(m, icmp6RandNDOpts(rng)...)
	case 135, 136:
		m = append(m, randBytes(rng, 20)...)
		m = append(m, icmp6RandNDOpts(rng)...)
	case 137:
		m = append(m, randBytes(rng, 36)...)
		m = append(m, icmp6RandNDOpts(rng)...)
	default:
		m = append(m, randBytes(rng, rng.IntN(40))...)
	}
	if rng.IntN(8) == 0 {
		m = append(m, randBytes(rng, 1+rng.IntN(8))...)
	}
	return m
}

// icmp6RandomCases are random ICMPv6 messages from a fixed seed, some
// cut short, some with an IPv6 payload length shorter than the message.
func icmp6RandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 58, n, 5, func(rng *rand.Rand) (string, int) {
		m := icmp6RandMsg(rng)
		pkt := craftIP6(58, hex.EncodeToString(m))
		if rng.IntN(10) == 0 {
			b, _ := hex.DecodeString(strings.ReplaceAll(pkt, " ", ""))
			binary.BigEndian.PutUint16(b[18:], uint16(rng.IntN(len(m)+1)))
			pkt = hex.EncodeToString(b)
		}
		return pkt, len(m)
	})
}

func init() { addFuzzSeeds(icmp6RandomCases(9, 40)) }

// TestICMP6RandomLikeTcpdump compares random ICMPv6 messages
// (icmp6RandomCases) with tcpdump.
func TestICMP6RandomLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "icmp6random", icmp6RandomCases(1, 2000))
}
