package printer

import (
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

// randBytes is n bytes from rng, biased towards the small values and
// 0xff that length and type fields hold, and printable text.
func randBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	mode := rng.IntN(3)
	for i := range b {
		switch {
		case mode == 0:
			b[i] = byte('a' + rng.IntN(26))
		case mode == 1 && rng.IntN(4) == 0:
			b[i] = byte(rng.IntN(128))
		default:
			switch rng.IntN(6) {
			case 0:
			case 1:
				b[i] = 1
			case 2:
				b[i] = byte(rng.IntN(8))
			case 3:
				b[i] = 0xff
			default:
				b[i] = byte(rng.IntN(256))
			}
		}
	}
	return b
}

// mutatedCases are k copies of each packet of src (Ethernet frames in
// hex) with a few bytes from offset off on changed at random.
func mutatedCases(rng *rand.Rand, src []crafted, off, k int) []crafted {
	var out []crafted
	for _, c := range src {
		b, err := hex.DecodeString(strings.ReplaceAll(c.hex, " ", ""))
		if err != nil {
			continue
		}
		for range k {
			out = append(out, crafted{hex: hex.EncodeToString(mutate(rng, b, off)), wire: c.wire})
		}
	}
	return out
}

// mutate is a copy of b with a few bytes from off on changed at random.
func mutate(rng *rand.Rand, b []byte, off int) []byte {
	c := append([]byte(nil), b...)
	if len(c) <= off {
		return c
	}
	for range 1 + rng.IntN(3) {
		i := off + rng.IntN(len(c)-off)
		switch rng.IntN(3) {
		case 0:
			c[i] = byte(rng.IntN(256))
		case 1:
			c[i]++
		default:
			c[i]--
		}
	}
	return c
}

// dhcpRandomOption is one DHCP option: a code tcpdump decodes in its own
// way (or any code) with a value of the right shape, a random one, or
// a length field that does not fit.
func dhcpRandomOption(rng *rand.Rand) []byte {
	special := []byte{53, 55, 61, 81, 82, 121, 249, 77, 46, 52, 1, 3, 12, 19, 2, 13, 25, 33, 21, 43, 60, 51, 90, 116, 119, 120, 125, 124, 150, 161, 93, 94, 97, 118, 0, 255, 0}
	var code byte
	if rng.IntN(3) == 0 {
		code = byte(rng.IntN(256))
	} else {
		code = special[rng.IntN(len(special))]
	}
	if code == 0 || code == 255 {
		return []byte{code}
	}
	var val []byte
	switch {
	case rng.IntN(3) == 0:
		val = randBytes(rng, rng.IntN(20))
	case code == 82:
		for range 1 + rng.IntN(4) {
			sub := []byte{1, 2, 6, 9, 5, byte(rng.IntN(256))}[rng.IntN(6)]
			sv := randBytes(rng, rng.IntN(10))
			l := byte(len(sv))
			if rng.IntN(8) == 0 {
				l += byte(rng.IntN(5))
			}
			val = append(val, sub, l)
			val = append(val, sv...)
		}
	case code == 121 || code == 249:
		for range 1 + rng.IntN(4) {
			w := rng.IntN(34)
			if rng.IntN(3) == 0 {
				w = []int{0, 8, 16, 24, 32}[rng.IntN(5)]
			}
			n := (w + 7) / 8
			if rng.IntN(8) == 0 {
				n = rng.IntN(4)
			}
			val = append(val, byte(w))
			val = append(val, randBytes(rng, n+4)...)
		}
	case code == 77:
		for range 1 + rng.IntN(3) {
			sv := randBytes(rng, rng.IntN(6))
			l := byte(len(sv))
			if rng.IntN(8) == 0 {
				l += byte(rng.IntN(4))
			}
			val = append(val, l)
			val = append(val, sv...)
		}
	case code == 61:
		val = append([]byte{[]byte{0, 1, 6, 0xff, byte(rng.IntN(40))}[rng.IntN(5)]}, randBytes(rng, rng.IntN(10))...)
	case code == 81:
		val = append([]byte{[]byte{0, 1, 3, 5, 0xf1, byte(rng.IntN(256))}[rng.IntN(6)], byte(rng.IntN(2) * 255), byte(rng.IntN(3))}, randBytes(rng, rng.IntN(8))...)
	case code == 53 || code == 46 || code == 52:
		val = []byte{byte(rng.IntN(20))}
		if rng.IntN(5) == 0 {
			val = randBytes(rng, rng.IntN(3))
		}
	case code == 125 || code == 124:
		val = []byte{0, 0, 0x0d, 0xe9}
		for range rng.IntN(3) {
			sv := randBytes(rng, rng.IntN(6))
			val = append(val, byte(len(sv)+rng.IntN(2)))
			val = append(val, sv...)
		}
	default:
		val = randBytes(rng, []int{0, 1, 2, 3, 4, 5, 6, 8, 12, 16}[rng.IntN(10)])
	}
	l := byte(len(val))
	if rng.IntN(12) == 0 {
		l = byte(rng.IntN(256))
	}
	return append([]byte{code, l}, val...)
}

// dhcpRandomMessage is a BOOTP message with random header fields and,
// mostly, RFC 1048 options chosen by dhcpRandomOption; some have the
// CMU vendor area or random vendor bytes.
func dhcpRandomMessage(rng *rand.Rand) []byte {
	addr := func() []byte {
		if rng.IntN(2) == 0 {
			return []byte{0, 0, 0, 0}
		}
		return []byte{10, byte(rng.IntN(3)), 0, byte(rng.IntN(256))}
	}
	m := []byte{[]byte{1, 2, 3}[rng.IntN(3)], []byte{1, 6, 0, 8}[rng.IntN(4)], []byte{6, 0, 16, 20, 3}[rng.IntN(5)], byte(rng.IntN(3)),
		1, 2, 3, 4, 0, byte(rng.IntN(10)), []byte{0, 0x80, 0x7f}[rng.IntN(3)], byte(rng.IntN(2))}
	for range 4 {
		m = append(m, addr()...)
	}
	m = append(m, randBytes(rng, 16)...)
	for _, n := range []int{64, 128} {
		f := make([]byte, n)
		switch rng.IntN(3) {
		case 1:
			copy(f, "boot.example")
		case 2:
			copy(f, randBytes(rng, n))
		}
		m = append(m, f...)
	}
	switch rng.IntN(8) {
	case 0:
		m = append(m, 'C', 'M', 'U', 0)
		m = append(m, randBytes(rng, 60)...)
	case 1:
		m = append(m, randBytes(rng, rng.IntN(64))...)
	default:
		m = append(m, 99, 130, 83, 99)
		for range rng.IntN(8) {
			m = append(m, dhcpRandomOption(rng)...)
		}
		if rng.IntN(4) != 0 {
			m = append(m, 255)
		}
		if rng.IntN(4) == 0 {
			m = append(m, make([]byte, rng.IntN(8))...)
		}
	}
	return m
}

// dhcpRandomCases are random BOOTP/DHCP messages from a fixed seed,
// some cut short, to and from the server port, and random changes of a
// few bytes of the crafted messages of TestDHCPOptionsLikeTcpdump.
func dhcpRandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 67))
	var pkts []crafted
	for range n {
		m := dhcpRandomMessage(rng)
		sport, dport := uint16(68), uint16(67)
		if rng.IntN(2) == 0 {
			sport, dport = 67, 68
		}
		pkt := craftedUDP4(sport, dport, hex.EncodeToString(m))
		if rng.IntN(4) == 0 {
			pkts = append(pkts, craftedCut(pkt, 1+rng.IntN(len(m)-1)))
		} else {
			pkts = append(pkts, crafted{hex: pkt})
		}
	}
	return pkts
}

func init() { addFuzzSeeds(dhcpRandomCases(3, 60)) }

// TestDHCPRandomLikeTcpdump prints random BOOTP/DHCP messages
// (dhcpRandomCases): every option tcpdump decodes in its own way, valid,
// of wrong lengths and cut short, the CMU and unknown vendor areas, with
// every flag set of craftedFlagSets.
func TestDHCPRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dhcprandom", dhcpRandomCases(2, 2500))
}

// TestRandomNamesLikeTcpdump prints random DHCP, DHCPv6, RIP, RIPng and
// RPL messages without -n, with a hosts file naming the addresses
// their fields hold, as TestNamesLikeTcpdump runs tcpdump.
func TestRandomNamesLikeTcpdump(t *testing.T) {
	var all []crafted
	all = append(all, dhcpRandomCases(5, 300)...)
	all = append(all, dhcp6RandomCases(5, 300)...)
	all = append(all, ripRandomCases(5, 300)...)
	all = append(all, rplRandomCases(5, 300)...)
	hosts := writeTemp(t, "hosts", "10.0.0.1 a.x.test\n10.0.0.2 b.x.test\n10.0.0.0 net.x.test\n10.1.0.0 net1.x.test\n"+
		"10.0.0.5 c.x.test\n10.1.0.7 d.x.test\n2001:db8::1 e.x.test\n2001:db8::2 f.x.test\n2001:db8::7 g.x.test\nfe80::7 h.x.test\n")
	namedLikeTcpdump(t, t.TempDir(), all, map[string]string{"hosts": hosts}, nil)
}
