package printer

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// ip6RandExt is an extension header of type nh followed by next: hop-by-
// hop and destination options (pads, jumbo, router alert, home address,
// unknown ones), routing headers of types 0, 2, 3 and 4, fragment
// headers first or not, AH, or a length that is off one time in ten.
func ip6RandExt(rng *rand.Rand, nh, next byte) []byte {
	switch nh {
	case 0, 60:
		var opts []byte
		for range rng.IntN(3) {
			switch rng.IntN(7) {
			case 0:
				opts = append(opts, 0)
			case 1:
				n := rng.IntN(6)
				opts = append(opts, 1, byte(n))
				opts = append(opts, make([]byte, n)...)
			case 2:
				opts = append(opts, 0xc2, 4)
				opts = binary.BigEndian.AppendUint32(opts, []uint32{0, 100, 70000, rng.Uint32()}[rng.IntN(4)])
			case 3:
				opts = append(opts, 5, 2, 0, byte(rng.IntN(3)))
			case 4:
				opts = append(opts, 0xc9, 16)
				opts = append(opts, randBytes(rng, 16)...)
			default:
				n := rng.IntN(6)
				opts = append(opts, byte(rng.IntN(256)), byte(n))
				opts = append(opts, randBytes(rng, n)...)
			}
		}
		for (len(opts)+2)%8 != 0 {
			opts = append(opts, 0)
		}
		l := (len(opts)+2)/8 - 1
		if rng.IntN(10) == 0 {
			l = rng.IntN(4)
		}
		return append([]byte{next, byte(l)}, opts...)
	case 43:
		typ := []byte{0, 2, 3, 4, byte(rng.IntN(256))}[rng.IntN(5)]
		n := []int{1, 2, 3}[rng.IntN(3)]
		if typ == 2 {
			n = 1
		}
		b := []byte{next, byte(2 * n), typ, byte(rng.IntN(n + 1)), byte(n - 1), 0, 0, 0}
		for range n {
			b = append(b, 0x20, 0x01, 0x0d, 0xb8)
			b = append(b, randBytes(rng, 12)...)
		}
		if rng.IntN(10) == 0 {
			b[1] = byte(rng.IntN(8))
		}
		return b
	case 44:
		off := []uint16{0, 0, 8, 0x10, 0xfff8}[rng.IntN(5)] | uint16(rng.IntN(2))
		b := []byte{next, 0, byte(off >> 8), byte(off)}
		return binary.BigEndian.AppendUint32(b, rng.Uint32())
	case 51:
		l := 4
		b := []byte{next, byte(l), 0, 0}
		return append(b, randBytes(rng, 4*(l+2)-4)...)
	}
	return nil
}

// ip6RandPacket is an IPv6 packet (hex, in an Ethernet frame): a random
// traffic class and flow label, a chain of extension headers and UDP,
// TCP, ICMPv6, no next header or ESP at the end; its payload length is
// wrong one time in eight.
func ip6RandPacket(rng *rand.Rand) (string, int) {
	var chain []byte
	for range rng.IntN(4) {
		chain = append(chain, []byte{0, 60, 43, 44, 51}[rng.IntN(5)])
	}
	last := []byte{17, 6, 58, 59, 50, 4, 41, 135}[rng.IntN(8)]
	chain = append(chain, last)
	var body []byte
	for i := 0; i+1 < len(chain); i++ {
		body = append(body, ip6RandExt(rng, chain[i], chain[i+1])...)
	}
	switch last {
	case 17:
		body = append(body, 0xd4, 0x31, 0x13, 0x89, 0, 12, 0, 0, 1, 2, 3, 4)
	case 6:
		body = append(body, 0xd4, 0x31, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0x20, 0, 0, 0, 0, 0)
	case 58:
		body = append(body, 128, 0, 0, 0, 0, 1, 0, 1)
	case 50:
		body = append(body, 0, 0, 0x12, 0x34, 0, 0, 0, 1, 9, 9)
	case 135:
		body = append(body, 59, 1, byte(rng.IntN(18)), 0, 0, 0)
		body = append(body, randBytes(rng, 10)...)
	default:
		body = append(body, randBytes(rng, rng.IntN(24))...)
	}
	h := make([]byte, 40)
	v := uint32(6)
	if rng.IntN(20) == 0 {
		v = uint32(rng.IntN(16))
	}
	binary.BigEndian.PutUint32(h, v<<28|uint32(rng.IntN(256))<<20|uint32(rng.IntN(1<<20))*uint32(rng.IntN(2)))
	plen := len(body)
	if rng.IntN(8) == 0 {
		plen = []int{0, rng.IntN(len(body) + 1), len(body) + 1 + rng.IntN(20)}[rng.IntN(3)]
	}
	binary.BigEndian.PutUint16(h[4:], uint16(plen))
	h[6] = chain[0]
	h[7] = []byte{64, 1, 255}[rng.IntN(3)]
	copy(h[8:], []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})
	copy(h[24:], []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2})
	return "000000000002 000000000001 86dd " + hex.EncodeToString(append(h, body...)), len(body)
}

// ip6RandomCases are random IPv6 packets (ip6RandPacket), some cut short.
func ip6RandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 41, n, 5, func(rng *rand.Rand) (string, int) {
		pkt, n := ip6RandPacket(rng)
		return pkt, n + 40
	})
}

func init() { addFuzzSeeds(ip6RandomCases(3, 40)) }

// TestIP6RandomLikeTcpdump compares random IPv6 packets with extension
// headers (ip6RandomCases) with tcpdump.
func TestIP6RandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ip6random", ip6RandomCases(1, 2000))
}
