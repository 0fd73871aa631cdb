package printer

import (
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// dhcp6RandName is a DNS name in wire form, mostly well formed; some
// have a compression pointer, an over-long label or no root label.
func dhcp6RandName(rng *rand.Rand) []byte {
	var b []byte
	for range rng.IntN(4) {
		l := 1 + rng.IntN(6)
		b = append(b, byte(l))
		b = append(b, randBytes(rng, l)...)
	}
	switch rng.IntN(8) {
	case 0:
		b = append(b, 0xc0, 0x0c)
	case 1:
		b = append(b, byte(0x40+rng.IntN(0x40)))
	case 2:
	case 3:
		b = append(b, 9, 'a')
	default:
		b = append(b, 0)
	}
	return b
}

// dhcp6RandOpt is a DHCPv6 option chosen among those tcpdump decodes
// (or any code), of a value of the right shape (options nested to the
// depth), a random one, or a length field that does not fit.
func dhcp6RandOpt(rng *rand.Rand, depth int) []byte {
	codes := []uint16{1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
		29, 30, 31, 32, 33, 34, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 56, 64, 112, 0, 255}
	code := codes[rng.IntN(len(codes))]
	if rng.IntN(10) == 0 {
		code = uint16(rng.IntN(300))
	}
	addr := func() []byte {
		a := []byte{0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, byte(rng.IntN(256))}
		if rng.IntN(4) == 0 {
			a = append(a[:0], 0xfe, 0x80)
			a = append(a, make([]byte, 13)...)
			a = append(a, byte(rng.IntN(256)))
		}
		return a
	}
	subs := func() []byte {
		var s []byte
		if depth < 3 {
			for range rng.IntN(3) {
				s = append(s, dhcp6RandOpt(rng, depth+1)...)
			}
		}
		return s
	}
	var val []byte
	switch {
	case rng.IntN(5) == 0:
		val = randBytes(rng, rng.IntN(24))
	case code == 1 || code == 2:
		val = []byte{0, byte(rng.IntN(5))}
		val = append(val, randBytes(rng, []int{0, 2, 4, 6, 8, 10, 14}[rng.IntN(7)])...)
	case code == 3 || code == 25:
		val = append(randBytes(rng, 12), subs()...)
	case code == 4:
		val = append(randBytes(rng, 4), subs()...)
	case code == 5:
		val = append(append(addr(), randBytes(rng, 8)...), subs()...)
	case code == 26:
		val = append(append(randBytes(rng, 8), byte(rng.IntN(129))), addr()...)
		val = append(val, subs()...)
	case code == 6 || code == 43:
		val = randBytes(rng, 2*rng.IntN(6))
	case code == 9:
		if depth < 3 {
			val = dhcp6RandMsg(rng, depth+1)
		}
	case code == 11:
		val = []byte{byte(rng.IntN(5)), byte(rng.IntN(3)), byte(rng.IntN(2))}
		val = append(val, randBytes(rng, 8)...)
		switch rng.IntN(3) {
		case 0:
			val = append(val, byte(rng.IntN(4)))
			val = append(val, randBytes(rng, 16)...)
		case 1:
			val = append(val, randBytes(rng, 4+rng.IntN(20))...)
		}
	case code == 12 || code == 22 || code == 23 || code == 27 || code == 28 || code == 31 || code == 34 || code == 40 || code == 48:
		for range 1 + rng.IntN(2) {
			val = append(val, addr()...)
		}
	case code == 13:
		val = append([]byte{0, byte(rng.IntN(12))}, randBytes(rng, rng.IntN(6))...)
	case code == 15 || code == 16:
		if code == 16 {
			val = randBytes(rng, 4)
		}
		for range rng.IntN(3) {
			s := randBytes(rng, rng.IntN(5))
			val = append(val, 0, byte(len(s)))
			val = append(val, s...)
		}
	case code == 19:
		val = []byte{byte(rng.IntN(14))}
	case code == 21 || code == 24 || code == 64 || code == 29 || code == 30 || code == 33:
		for range 1 + rng.IntN(2) {
			val = append(val, dhcp6RandName(rng)...)
		}
	case code == 44:
		val = append([]byte{byte(rng.IntN(4))}, addr()...)
		val = append(val, subs()...)
	case code == 45:
		val = subs()
	case code == 47:
		val = addr()
		if depth < 3 {
			val = append(val, dhcp6RandMsg(rng, depth+1)...)
		}
	case code == 56:
		for range 1 + rng.IntN(3) {
			sc := uint16(1 + rng.IntN(4))
			var sv []byte
			switch sc {
			case 1, 2:
				sv = addr()
			case 3:
				sv = dhcp6RandName(rng)
			default:
				sv = randBytes(rng, rng.IntN(5))
			}
			if rng.IntN(6) == 0 {
				sv = sv[:rng.IntN(len(sv)+1)]
			}
			val = append(val, byte(sc>>8), byte(sc), byte(len(sv)>>8), byte(len(sv)))
			val = append(val, sv...)
		}
	case code == 41 || code == 42 || code == 112 || code == 36:
		val = randBytes(rng, rng.IntN(20))
	case code == 7:
		val = []byte{byte(rng.IntN(256))}
	case code == 8:
		val = randBytes(rng, 2)
	case code == 32 || code == 46:
		val = randBytes(rng, 4)
	default:
		val = randBytes(rng, rng.IntN(16))
	}
	l := len(val)
	if rng.IntN(15) == 0 {
		l += rng.IntN(5) - 2
		if l < 0 {
			l = 0
		}
	}
	return append([]byte{byte(code >> 8), byte(code), byte(l >> 8), byte(l)}, val...)
}

// dhcp6RandMsg is a DHCPv6 message of any type, relay messages with
// their addresses, followed by random options.
func dhcp6RandMsg(rng *rand.Rand, depth int) []byte {
	typ := byte(1 + rng.IntN(16))
	if rng.IntN(10) == 0 {
		typ = byte(rng.IntN(256))
	}
	m := []byte{typ}
	if typ == 12 || typ == 13 {
		m = append(m, byte(rng.IntN(4)), 0x20, 1, 0x0d, 0xb8)
		m = append(m, make([]byte, 11)...)
		m = append(m, 0xfe, 0x80)
		m = append(m, make([]byte, 13)...)
		m = append(m, byte(rng.IntN(256)))
	} else {
		m = append(m, randBytes(rng, 3)...)
	}
	for range rng.IntN(5) {
		m = append(m, dhcp6RandOpt(rng, depth)...)
	}
	return m
}

// dhcp6RandomCases are random DHCPv6 messages from a fixed seed, some
// cut short, between the client and server ports.
func dhcp6RandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 547))
	var pkts []crafted
	for range n {
		m := dhcp6RandMsg(rng, 0)
		sport, dport := uint16(546), uint16(547)
		if rng.IntN(2) == 0 {
			sport, dport = 547, 546
		}
		pkt := craftedUDP6(sport, dport, hex.EncodeToString(m), false)
		if rng.IntN(4) == 0 {
			pkts = append(pkts, craftedCut(pkt, 1+rng.IntN(len(m)-1)))
		} else {
			pkts = append(pkts, crafted{hex: pkt})
		}
	}
	return pkts
}

func init() { addFuzzSeeds(dhcp6RandomCases(3, 60)) }

// TestDHCP6RandomLikeTcpdump prints random DHCPv6 messages
// (dhcp6RandomCases): client and relay messages, options nested in IAs,
// addresses, prefixes and relay messages, names and NTP sub-options
// well formed and not, lengths wrong and messages cut short.
func TestDHCP6RandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dhcp6random", dhcp6RandomCases(1, 2500))
}
