package printer

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// dnsRandName is a domain name in wire form, written at offset at of
// the message: labels, maybe a pointer to an earlier offset (below at,
// or anywhere one time in ten), now and then a bit-string label, a label
// of an unknown type or a long name.
func dnsRandName(rng *rand.Rand, at int) []byte {
	var b []byte
	for range rng.IntN(4) {
		switch rng.IntN(20) {
		case 0:
			bits := []byte{0, 1, 4, 8, 12, 31, 64}[rng.IntN(7)]
			n := (int(bits) + 7) / 8
			if bits == 0 {
				n = 32
			}
			b = append(b, 0x41, bits)
			b = append(b, randBytes(rng, n)...)
		case 1:
			b = append(b, byte(0x40+rng.IntN(64)))
		case 2:
			b = append(b, byte(0x80+rng.IntN(64)))
		case 3:
			b = append(b, 63)
			b = append(b, randBytes(rng, 63)...)
		default:
			n := 1 + rng.IntN(10)
			b = append(b, byte(n))
			b = append(b, randBytes(rng, n)...)
		}
	}
	if rng.IntN(3) == 0 {
		ptr := 12
		if at > 12 {
			ptr = 12 + rng.IntN(at-12)
		}
		if rng.IntN(10) == 0 {
			ptr = rng.IntN(1 << 14)
		}
		return append(b, byte(0xc0|ptr>>8), byte(ptr))
	}
	return append(b, 0)
}

// dnsRandRData is record data of the type: of the shape tcpdump expects
// (names where it reads names), or random bytes of a random length.
func dnsRandRData(rng *rand.Rand, typ uint16, at int) []byte {
	if rng.IntN(5) == 0 {
		return randBytes(rng, rng.IntN(24))
	}
	switch typ {
	case 1:
		return randBytes(rng, 4)
	case 28:
		return randBytes(rng, 16)
	case 2, 5, 12, 39:
		return dnsRandName(rng, at)
	case 15:
		return append(randBytes(rng, 2), dnsRandName(rng, at+2)...)
	case 33:
		return append(randBytes(rng, 6), dnsRandName(rng, at+6)...)
	case 6:
		b := dnsRandName(rng, at)
		b = append(b, dnsRandName(rng, at+len(b))...)
		return append(b, randBytes(rng, 20)...)
	case 16:
		var b []byte
		for range 1 + rng.IntN(3) {
			n := rng.IntN(12)
			b = append(b, byte(n))
			b = append(b, randBytes(rng, n)...)
		}
		return b
	case 38:
		pl := []byte{0, 64, 127, 128, 129, byte(rng.IntN(256))}[rng.IntN(6)]
		b := []byte{pl}
		if pl <= 128 {
			b = append(b, randBytes(rng, (128-int(pl)+7)/8)...)
		}
		if pl > 0 {
			b = append(b, dnsRandName(rng, at+len(b))...)
		}
		return b
	case 250:
		b := dnsRandName(rng, at)
		b = append(b, randBytes(rng, 8)...)
		mac := rng.IntN(20)
		b = append(b, 0, byte(mac))
		b = append(b, randBytes(rng, mac+6)...)
		return b
	case 41:
		var b []byte
		for range rng.IntN(4) {
			code := []uint16{3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, uint16(rng.IntN(30))}[rng.IntN(14)]
			n := rng.IntN(20)
			if code == 8 {
				n = 4 + rng.IntN(17)
			}
			o := binary.BigEndian.AppendUint16(nil, code)
			o = binary.BigEndian.AppendUint16(o, uint16(n))
			d := randBytes(rng, n)
			if code == 8 && n >= 4 {
				d[0], d[1] = 0, byte(1+rng.IntN(2))
				d[2] = byte(rng.IntN(140))
			}
			b = append(append(b, o...), d...)
		}
		return b
	}
	return randBytes(rng, rng.IntN(30))
}

// dnsRandMsg is a DNS message of random flags with questions and
// records of the types tcpdump decodes, their counts sometimes wrong.
func dnsRandMsg(rng *rand.Rand) []byte {
	m := make([]byte, 12)
	binary.BigEndian.PutUint16(m, uint16(rng.IntN(65536)))
	flags := []uint16{0x0100, 0x8180, 0x8183, 0x8400, 0x2800, 0x0000, 0x9000, uint16(rng.IntN(65536))}[rng.IntN(8)]
	binary.BigEndian.PutUint16(m[2:], flags)
	counts := [4]int{rng.IntN(3), rng.IntN(4), rng.IntN(2), rng.IntN(3)}
	for i, c := range counts {
		binary.BigEndian.PutUint16(m[4+2*i:], uint16(c))
	}
	types := []uint16{1, 2, 5, 6, 12, 15, 16, 28, 33, 38, 39, 41, 43, 46, 47, 48, 50, 104, 250, 252, 255, 256, 65535}
	for range counts[0] {
		m = append(m, dnsRandName(rng, len(m))...)
		m = binary.BigEndian.AppendUint16(m, types[rng.IntN(len(types))])
		m = binary.BigEndian.AppendUint16(m, []uint16{1, 1, 3, 255, 0x8001}[rng.IntN(5)])
	}
	for range counts[1] + counts[2] + counts[3] {
		typ := types[rng.IntN(len(types))]
		if typ == 41 {
			m = append(m, 0)
		} else {
			m = append(m, dnsRandName(rng, len(m))...)
		}
		m = binary.BigEndian.AppendUint16(m, typ)
		m = binary.BigEndian.AppendUint16(m, []uint16{1, 1, 4, 254, 1232, 0x8001}[rng.IntN(6)])
		m = binary.BigEndian.AppendUint32(m, []uint32{0, 60, 86400, 0x80000000, rng.Uint32()}[rng.IntN(5)])
		d := dnsRandRData(rng, typ, len(m)+2)
		n := len(d)
		if rng.IntN(10) == 0 {
			n = rng.IntN(len(d) + 3)
		}
		m = binary.BigEndian.AppendUint16(m, uint16(n))
		m = append(m, d...)
	}
	return m
}

// dnsRandomCases are random DNS messages over UDP port 53, mDNS and
// TCP, some cut short.
func dnsRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 53, n, 5, func(rng *rand.Rand) (string, int) {
		m := dnsRandMsg(rng)
		var pkt string
		switch rng.IntN(6) {
		case 0:
			pkt = craftedUDP4(5353, 5353, hex.EncodeToString(m))
		case 1:
			l := binary.BigEndian.AppendUint16(nil, uint16(len(m)))
			pkt = dnsCraftTCP4(hex.EncodeToString(append(l, m...)))
		case 2:
			pkt = craftedUDP4(40000, 53, hex.EncodeToString(m))
		default:
			pkt = craftedUDP4(53, 40000, hex.EncodeToString(m))
		}
		return pkt, len(m)
	})
}

func init() { addFuzzSeeds(dnsRandomCases(7, 40)) }

// TestDNSRandomLikeTcpdump compares random DNS messages (dnsRandomCases)
// with tcpdump at each verbosity.
func TestDNSRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dnsrandom", dnsRandomCases(1, 1500))
}
