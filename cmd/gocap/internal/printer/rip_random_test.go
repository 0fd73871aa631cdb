package printer

import (
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// ripRandMsg is a RIP message of a random command and version (mostly
// 1 and 2) with route entries of the version's shape, authentication
// entries (simple password, keyed MD5 with its trailer, unknown types),
// entries of other address families and odd lengths.
func ripRandMsg(rng *rand.Rand) []byte {
	cmd := []byte{1, 2, 2, 2, 2, 3, 4, 5, 6}[rng.IntN(9)]
	if rng.IntN(8) == 0 {
		cmd = byte(rng.IntN(256))
	}
	ver := []byte{1, 2, 2, 0, 3}[rng.IntN(5)]
	m := []byte{cmd, ver, 0, 0}
	if rng.IntN(8) == 0 {
		m[2], m[3] = byte(rng.IntN(256)), 1
	}
	for range rng.IntN(5) {
		af := []uint16{2, 2, 2, 0, 0xffff, uint16(rng.IntN(40))}[rng.IntN(6)]
		e := []byte{byte(af >> 8), byte(af)}
		if af == 0xffff {
			at := []uint16{2, 3, 1, 0, uint16(rng.IntN(300))}[rng.IntN(5)]
			e = append(e, byte(at>>8), byte(at))
			if at == 3 {
				e = append(e, 0, byte(rng.IntN(200)), byte(rng.IntN(4)), []byte{16, 20, 0, 3}[rng.IntN(4)])
				e = append(e, randBytes(rng, 4)...)
				e = append(e, make([]byte, 8)...)
			} else {
				e = append(e, randBytes(rng, 16)...)
			}
		} else {
			e = append(e, byte(rng.IntN(3)), byte(rng.IntN(256)))
			e = append(e, 10, byte(rng.IntN(256)), byte(rng.IntN(256)), 0)
			if ver == 1 || rng.IntN(3) == 0 {
				e = append(e, make([]byte, 8)...)
			} else {
				e = append(e, []byte{255, 255, 255, 0, 255, 255, 0, 0, 255, 0, 255, 0, 0, 0, 0, 0}[4*rng.IntN(4):][:4]...)
				e = append(e, []byte{0, 0, 0, 0, 10, 0, 0, 1}[4*rng.IntN(2):][:4]...)
			}
			e = append(e, 0, 0, 0, []byte{1, 2, 16, 255}[rng.IntN(4)])
		}
		m = append(m, e...)
	}
	if rng.IntN(5) == 0 {
		m = append(m, 0xff, 0xff, 0, 1)
		m = append(m, randBytes(rng, 16)...)
	}
	if rng.IntN(6) == 0 {
		m = append(m, randBytes(rng, 1+rng.IntN(10))...)
	}
	return m
}

// ripngRandMsg is a RIPng message of a random command and version with
// route entries, next-hop entries and the request for the whole table.
func ripngRandMsg(rng *rand.Rand) []byte {
	cmd := []byte{1, 2, 2, 0, 3}[rng.IntN(5)]
	m := []byte{cmd, []byte{1, 1, 1, 0, 2}[rng.IntN(5)], 0, 0}
	if rng.IntN(8) == 0 {
		m[3] = 1
	}
	for range rng.IntN(5) {
		e := make([]byte, 20)
		switch rng.IntN(4) {
		case 0:
			e[19] = 16
		case 1:
			e[0], e[1], e[15] = 0xfe, 0x80, byte(rng.IntN(256))
			e[19] = 0xff
		default:
			e[0], e[1], e[2], e[3], e[5] = 0x20, 1, 0x0d, 0xb8, byte(rng.IntN(256))
			e[16], e[17] = byte(rng.IntN(2)), byte(rng.IntN(256))
			e[18] = []byte{48, 64, 128, 0, 200}[rng.IntN(5)]
			e[19] = byte(rng.IntN(20))
		}
		m = append(m, e...)
	}
	if rng.IntN(6) == 0 {
		m = append(m, randBytes(rng, 1+rng.IntN(19))...)
	}
	return m
}

// ripRandomCases are random RIP and RIPng messages from a fixed seed,
// some cut short.
func ripRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 520, n, 4, func(rng *rand.Rand) (string, int) {
		var pkt string
		var m []byte
		if rng.IntN(3) == 0 {
			m = ripngRandMsg(rng)
			pkt = craftedUDP6(521, 521, hex.EncodeToString(m), false)
		} else {
			m = ripRandMsg(rng)
			pkt = craftedUDP4(520, 520, hex.EncodeToString(m))
		}
		return pkt, len(m)
	})
}

func init() { addFuzzSeeds(ripRandomCases(3, 60)) }

// TestRIPRandomLikeTcpdump prints random RIP and RIPng messages
// (ripRandomCases), and the crafted ones of rip_test.go and
// ripng_test.go with a few bytes changed at random.
func TestRIPRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "riprandom", ripRandomCases(1, 2000))
	rng := rand.New(rand.NewPCG(4, 520))
	craftedLikeTcpdump(t, "ripmutated", append(mutatedCases(rng, ripSweepCases(), 42, 3), mutatedCases(rng, ripngCrafted(), 62, 10)...))
}

// TestRandomOtherFamilyLikeTcpdump prints random RIPng and DHCPv6
// messages over IPv4 and RIP and DHCP messages over IPv6, from their
// port to another: tcpdump chooses these printers by port alone.
func TestRandomOtherFamilyLikeTcpdump(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 521))
	var pkts []crafted
	for range 200 {
		pkts = append(pkts, crafted{hex: craftedUDP4(521, 12336, hex.EncodeToString(ripngRandMsg(rng)))},
			crafted{hex: craftedUDP6(520, 5000, hex.EncodeToString(ripRandMsg(rng)), false)},
			crafted{hex: craftedUDP6(5000, 67, hex.EncodeToString(dhcpRandomMessage(rng)), true)},
			crafted{hex: craftedUDP4(546, 5000, hex.EncodeToString(dhcp6RandMsg(rng, 0)))})
	}
	craftedLikeTcpdump(t, "otherfamily", pkts)
}
