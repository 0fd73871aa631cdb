package printer

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// babelRandTLV is a Babel TLV of a random type (mostly the known ones)
// with a body shaped like that type's: address encodings 0 to 4, prefix
// lengths around the limits, omitted bytes, router ids, sub-TLVs; its
// length field is sometimes a little off.
func babelRandTLV(rng *rand.Rand) []byte {
	typ := byte(rng.IntN(21))
	if rng.IntN(10) == 0 {
		typ = byte(rng.IntN(256))
	}
	if typ == 0 {
		return []byte{0}
	}
	ae := []byte{0, 1, 1, 2, 2, 3, 4}[rng.IntN(7)]
	plen := func() byte {
		switch ae {
		case 1:
			return []byte{0, 8, 24, 32, 33, 20}[rng.IntN(6)]
		case 0:
			return []byte{0, 0, 64, 200}[rng.IntN(4)]
		}
		return []byte{0, 48, 64, 100, 128, 129}[rng.IntN(6)]
	}
	pfxBytes := func(pl byte) []byte {
		n := (int(pl) + 7) / 8
		if rng.IntN(6) == 0 {
			n += rng.IntN(3) - 1
		}
		return randBytes(rng, max(n, 0))
	}
	var body []byte
	switch typ {
	case 2, 4, 5, 11:
		body = append([]byte{ae, 0}, randBytes(rng, 4)...)
		if typ == 4 && rng.IntN(2) == 0 {
			body[0] = 0x80
		}
		if typ == 5 {
			body = append(body, pfxBytes([]byte{0, 32, 128, 128, 64}[ae])...)
		}
	case 6:
		body = append([]byte{0, 0}, randBytes(rng, 8)...)
	case 7:
		body = append([]byte{ae, 0}, pfxBytes([]byte{0, 32, 128, 64, 32}[ae])...)
	case 8, 13:
		pl, src := plen(), plen()
		omit := []byte{0, 0, 1, 2, 4, 8, 17}[rng.IntN(7)]
		flags := []byte{0, 0x80, 0x40, 0xc0, 0x01}[rng.IntN(5)]
		if typ == 13 {
			flags = src
		}
		body = []byte{ae, flags, pl, omit}
		body = append(body, randBytes(rng, 6)...)
		if omit <= 16 && int(omit) < (int(pl)+7)/8 {
			body = append(body, randBytes(rng, (int(pl)+7)/8-int(omit))...)
		}
		if typ == 13 {
			body = append(body, pfxBytes(src)...)
		}
	case 9:
		pl := plen()
		body = append([]byte{ae, pl}, pfxBytes(pl)...)
	case 10, 15:
		pl, src := plen(), plen()
		body = []byte{ae, pl, 0, byte(rng.IntN(3)), byte(rng.IntN(9)), 0}
		if typ == 15 {
			body[5] = src
		}
		body = append(body, randBytes(rng, 8)...)
		body = append(body, pfxBytes(pl)...)
		if typ == 15 {
			body = append(body, pfxBytes(src)...)
		}
	case 14:
		pl, src := plen(), plen()
		body = append([]byte{ae, pl, src}, pfxBytes(pl)...)
		body = append(body, pfxBytes(src)...)
	case 12:
		body = randBytes(rng, []int{16, 18, 22, 34}[rng.IntN(4)])
	case 17:
		body = randBytes(rng, []int{2, 4, 8, 12}[rng.IntN(4)])
	case 18, 19:
		body = randBytes(rng, []int{0, 8, 192, 193}[rng.IntN(4)])
	default:
		body = randBytes(rng, rng.IntN(12))
	}
	if typ == 4 || typ == 5 || typ == 8 || typ == 13 {
		for range rng.IntN(3) {
			st := []byte{0, 1, 2, 3, 3, 0x83, 9}[rng.IntN(7)]
			if st == 0 {
				body = append(body, 0)
				continue
			}
			sl := []int{0, 1, 3, 4, 8, 8}[rng.IntN(6)]
			body = append(body, st, byte(sl))
			body = append(body, randBytes(rng, sl)...)
		}
		if rng.IntN(8) == 0 {
			body = append(body, byte(rng.IntN(4)))
		}
	}
	if len(body) > 255 {
		body = body[:255]
	}
	l := len(body)
	if rng.IntN(12) == 0 {
		l = max(l+rng.IntN(5)-2, 0)
	}
	return append([]byte{typ, byte(l)}, body...)
}

// babelRandMsg is a Babel message of random TLVs, sometimes with a
// trailer after the body, a body length a little off, a bad magic number
// or version.
func babelRandMsg(rng *rand.Rand) []byte {
	var body, trailer []byte
	for range 1 + rng.IntN(6) {
		body = append(body, babelRandTLV(rng)...)
	}
	if rng.IntN(4) == 0 {
		for range 1 + rng.IntN(2) {
			trailer = append(trailer, babelRandTLV(rng)...)
		}
	}
	bl := len(body)
	if rng.IntN(10) == 0 {
		bl = max(bl+rng.IntN(7)-3, 0)
	}
	m := []byte{42, 2, 0, 0}
	binary.BigEndian.PutUint16(m[2:], uint16(bl))
	switch rng.IntN(40) {
	case 0:
		m[0] = 43
	case 1:
		m[1] = byte(rng.IntN(4))
	}
	return append(append(m, body...), trailer...)
}

// babelRandomCases are random Babel messages from a fixed seed over IPv4
// and IPv6, some cut short.
func babelRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 6696, n, 5, func(rng *rand.Rand) (string, int) {
		m := babelRandMsg(rng)
		port := []uint16{6696, 6697}[rng.IntN(2)]
		var pkt string
		if rng.IntN(3) == 0 {
			pkt = craftedUDP6(port, port, hex.EncodeToString(m), false)
		} else {
			pkt = craftedUDP4(port, port, hex.EncodeToString(m))
		}
		return pkt, len(m)
	})
}

// hncpRandTLV is an HNCP TLV of a random type (mostly the known ones)
// whose value has that type's shape, with nested TLVs down to depth 3
// and DHCP options holding addresses and domain names.
func hncpRandTLV(rng *rand.Rand, depth int) []byte {
	types := []uint16{1, 2, 3, 4, 5, 8, 9, 10, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 0, 6, 100, 800, 2000}
	typ := types[rng.IntN(len(types))]
	mapped := []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}
	prefix := func() []byte {
		if rng.IntN(3) == 0 {
			pl := 96 + rng.IntN(40)
			b := append([]byte{byte(pl)}, mapped...)
			return append(b, randBytes(rng, (pl-96+7)/8)...)
		}
		pl := []int{0, 48, 60, 64, 128, 130}[rng.IntN(6)]
		return append([]byte{byte(pl)}, randBytes(rng, (pl+7)/8)...)
	}
	name := func() []byte {
		var b []byte
		for range rng.IntN(3) {
			switch rng.IntN(8) {
			case 0:
				b = append(b, 0x41, byte(rng.IntN(40)))
				b = append(b, randBytes(rng, 1+rng.IntN(5))...)
			case 1:
				b = append(b, 0xc0, byte(rng.IntN(12)))
			case 2:
				b = append(b, byte(0x40|rng.IntN(64)))
			default:
				l := rng.IntN(8)
				b = append(b, byte(l))
				b = append(b, randBytes(rng, l)...)
			}
		}
		return append(b, 0)
	}
	nested := func() []byte {
		var b []byte
		if depth < 3 {
			for range rng.IntN(3) {
				b = append(b, hncpRandTLV(rng, depth+1)...)
			}
		}
		return b
	}
	pad := func(b []byte) []byte {
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return b
	}
	var v []byte
	switch typ {
	case 5:
		v = append(randBytes(rng, 20), nested()...)
	case 33:
		v = nested()
	case 34:
		v = pad(append(randBytes(rng, 8), prefix()...))
		v = append(v, nested()...)
	case 35:
		v = pad(append(randBytes(rng, 5), prefix()...))
		v = append(v, nested()...)
	case 36:
		v = append(append(randBytes(rng, 4), mapped...), randBytes(rng, 4)...)
		v = append(v, nested()...)
	case 37:
		for range 1 + rng.IntN(3) {
			ot := []byte{6, 42, 119, 119, 1}[rng.IntN(5)]
			var ov []byte
			if ot == 119 {
				ov = append(name(), name()...)
			} else {
				ov = randBytes(rng, []int{4, 8, 3}[rng.IntN(3)])
			}
			v = append(append(v, ot, byte(len(ov))), ov...)
		}
	case 38:
		for range 1 + rng.IntN(3) {
			ot := []uint16{23, 24, 24, 31, 2}[rng.IntN(5)]
			var ov []byte
			if ot == 24 {
				ov = append(name(), name()...)
			} else {
				ov = randBytes(rng, []int{16, 32, 4}[rng.IntN(3)])
			}
			v = binary.BigEndian.AppendUint16(v, ot)
			v = binary.BigEndian.AppendUint16(v, uint16(len(ov)))
			v = append(v, ov...)
		}
	case 39:
		v = pad(append(append(randBytes(rng, 16), byte(rng.IntN(8))), name()...))
		v = append(v, nested()...)
	case 40:
		v = name()
	case 41:
		n := []int{3, 8, 64}[rng.IntN(3)]
		v = pad(append(append(randBytes(rng, 16), byte(n)), randBytes(rng, n)...))
		v = append(v, nested()...)
	case 42:
		v = append(randBytes(rng, 32), nested()...)
	case 43:
		switch rng.IntN(5) {
		case 0:
			v = []byte{0}
		case 1:
			v = prefix()
		case 2:
			v = append([]byte{129}, name()...)
		case 3:
			v = append([]byte{130}, randBytes(rng, rng.IntN(6))...)
		default:
			v = []byte{byte(131 + rng.IntN(3))}
		}
	default:
		v = randBytes(rng, []int{0, 4, 8, 12, 20, 40}[rng.IntN(6)])
	}
	l := len(v)
	if rng.IntN(15) == 0 {
		l = max(l+rng.IntN(9)-4, 0)
	}
	t := binary.BigEndian.AppendUint16(nil, typ)
	t = binary.BigEndian.AppendUint16(t, uint16(l))
	return append(t, pad(v)...)
}

// hncpRandomCases are random HNCP messages from a fixed seed, some cut
// short.
func hncpRandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 8231))
	var pkts []crafted
	for range n {
		var m []byte
		for range 1 + rng.IntN(4) {
			m = append(m, hncpRandTLV(rng, 0)...)
		}
		pkts = append(pkts, craftedMaybeCut(rng, craftedUDP4(8231, 8231, hex.EncodeToString(m)), len(m), 5))
	}
	return pkts
}

// ahcpRandomCases are random AHCP messages from a fixed seed: a version
// 1 header and options of every number with lengths right and wrong,
// some cut short.
func ahcpRandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 5359))
	var pkts []crafted
	for range n {
		m := append([]byte{43, 1}, randBytes(rng, 22)...)
		var body []byte
		for range rng.IntN(6) {
			no := byte(rng.IntN(15))
			body = append(body, no)
			if no <= 1 {
				continue
			}
			size := []int{4, 4, 16, 4, 17, 5, 16, 4, 17, 5, 16, 16, 3}[no-2]
			l := size * rng.IntN(3)
			if rng.IntN(5) == 0 {
				l += rng.IntN(5) - 2
			}
			l = max(l, 0)
			body = append(append(body, byte(l)), randBytes(rng, l)...)
		}
		bl := len(body)
		if rng.IntN(10) == 0 {
			bl = max(bl+rng.IntN(5)-2, 0)
		}
		m = append(m, byte(rng.IntN(7)), byte(rng.IntN(8)/7), byte(bl>>8), byte(bl))
		m = append(m, body...)
		if rng.IntN(20) == 0 {
			m[1] = 2
		}
		pkts = append(pkts, craftedMaybeCut(rng, craftedUDP4(5359, 5359, hex.EncodeToString(m)), len(m), 5))
	}
	return pkts
}

func init() {
	addFuzzSeeds(babelRandomCases(2, 40))
	addFuzzSeeds(hncpRandomCases(2, 40))
}

// randomCount is n, or GOCAP_RANDOM_N when set (for a longer search).
func randomCount(n int) int {
	if v, err := strconv.Atoi(os.Getenv("GOCAP_RANDOM_N")); err == nil && v > 0 {
		return v
	}
	return n
}

// TestBabelHNCPAHCPRandomLikeTcpdump prints random Babel, HNCP and AHCP
// messages, and the crafted ones of babel_tlv_test.go, hncp_test.go,
// hncp_branches_test.go and ahcp_test.go with a few bytes changed at
// random.
func TestBabelHNCPAHCPRandomLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "babelrandom", babelRandomCases(1, randomCount(1500)))
	craftedLikeTcpdump(t, "hncprandom", hncpRandomCases(1, randomCount(1000)))
	craftedLikeTcpdump(t, "ahcprandom", ahcpRandomCases(1, randomCount(500)))
	rng := rand.New(rand.NewPCG(5, 6696))
	var mutated []crafted
	for _, src := range [][]crafted{babelTLVCases(), hncpCrafted(), hncpBranchCases(), ahcpBranchCases()} {
		mutated = append(mutated, mutatedCases(rng, src, 42, 3)...)
	}
	craftedLikeTcpdump(t, "babelhncpmutated", mutated)
}
