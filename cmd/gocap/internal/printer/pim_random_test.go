package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// pimRandAddr is an encoded PIMv2 address (hex) of the kind (0 unicast,
// 1 group, 2 source): with the family and encoding bytes (family 1, 2 or
// 3, encoding 0 or 1) when a2117 is 0, or the bare RFC 2117 form of
// a2117 bytes; groups and sources with random flags and mask lengths.
func pimRandAddr(rng *rand.Rand, kind, a2117 int) string {
	var s string
	v6 := rng.IntN(4) == 0
	if a2117 == 0 {
		fam := []string{"01", "02", "03", "01", "01"}[rng.IntN(5)]
		if v6 {
			fam = "02"
		}
		enc := "00"
		if rng.IntN(10) == 0 {
			enc = "01"
		}
		s = fam + enc
	} else {
		v6 = a2117 == 16
	}
	if kind > 0 {
		flags := []int{0, 0, 1, 4, 7, 0x80, 0xff, rng.IntN(256)}[rng.IntN(8)]
		ml := []int{32, 24, 128, 64, rng.IntN(256)}[rng.IntN(5)]
		s += fmt.Sprintf("%02x%02x", flags, ml)
	}
	if v6 {
		return s + hex.EncodeToString(randBytes(rng, 16))
	}
	return s + fmt.Sprintf("0a00%04x", rng.IntN(65536))
}

// pimRandBody is the body (hex) of a PIMv2 message of the type: hello
// options, register, register-stop, join/prune, graft, bootstrap,
// assert and candidate-RP advertisements built from pimRandAddr, other
// types random bytes.
func pimRandBody(rng *rand.Rand, typ byte, a2117 int) string {
	var b string
	switch typ {
	case 0:
		for range rng.IntN(6) {
			ot := []int{1, 2, 19, 20, 21, 22, 24, 65001, 65004, rng.IntN(40)}[rng.IntN(10)]
			var v string
			switch ot {
			case 1:
				v = "0069"
			case 2:
				v = "00010002"
			case 19:
				v = "00000001"
			case 20:
				v = "12345678"
			case 24, 65001:
				for range rng.IntN(3) {
					v += pimRandAddr(rng, 0, 0)
				}
			default:
				v = hex.EncodeToString(randBytes(rng, rng.IntN(9)))
			}
			l := len(v) / 2
			if rng.IntN(10) == 0 {
				l = rng.IntN(20)
			}
			b += fmt.Sprintf("%04x%04x", ot, l) + v
		}
	case 1:
		b = fmt.Sprintf("%08x", []uint32{0, 0x80000000, 0x40000000}[rng.IntN(3)]) +
			"4500001c000100004011000001020304e0000001" + "0035003500080000"
	case 2:
		b = pimRandAddr(rng, 1, a2117) + pimRandAddr(rng, 0, a2117)
	case 3, 6, 7:
		b = pimRandAddr(rng, 0, a2117)
		ng := rng.IntN(3)
		b += fmt.Sprintf("00%02x%04x", ng, rng.IntN(400))
		for range ng {
			b += pimRandAddr(rng, 1, a2117)
			nj, np := rng.IntN(3), rng.IntN(3)
			b += fmt.Sprintf("%04x%04x", nj, np)
			for range nj + np {
				b += pimRandAddr(rng, 2, a2117)
			}
		}
	case 4:
		b = fmt.Sprintf("%04x%02x%02x", rng.IntN(65536), rng.IntN(33), rng.IntN(256)) + pimRandAddr(rng, 0, a2117)
		for range rng.IntN(3) {
			b += pimRandAddr(rng, 1, a2117)
			n := rng.IntN(3)
			b += fmt.Sprintf("%02x%02x0000", n, n)
			for range n {
				b += pimRandAddr(rng, 0, a2117) + fmt.Sprintf("%04x%02x00", rng.IntN(500), rng.IntN(256))
			}
		}
	case 5:
		b = pimRandAddr(rng, 1, a2117) + pimRandAddr(rng, 0, a2117) + fmt.Sprintf("%08x%08x", rng.Uint32(), rng.Uint32())
	case 8:
		n := rng.IntN(3)
		b = fmt.Sprintf("%02x%02x%04x", n, rng.IntN(256), rng.IntN(2000)) + pimRandAddr(rng, 0, a2117)
		for range n {
			b += pimRandAddr(rng, 1, a2117)
		}
	default:
		b = hex.EncodeToString(randBytes(rng, rng.IntN(30)))
	}
	if rng.IntN(8) == 0 && len(b) > 2 {
		b = b[:2*rng.IntN(len(b)/2)]
	}
	return b
}

// pimRandomCases are random PIMv2 messages of every type, in IPv4 (with
// the RFC 2117 address length nibble set in some) and IPv6, their
// checksums right or not, some cut short.
func pimRandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 103))
	var pkts []crafted
	for range n {
		typ := byte(rng.IntN(16))
		if rng.IntN(3) > 0 {
			typ = byte(rng.IntN(10))
		}
		rsv := byte(0)
		switch rng.IntN(6) {
		case 0:
			rsv = 4
		case 1:
			rsv = byte(rng.IntN(256))
		}
		body := pimRandBody(rng, typ, int(rsv&0x0f))
		var h string
		if rng.IntN(6) == 0 {
			h = pim6(typ, body)
		} else {
			sum := -1
			if rng.IntN(10) == 0 {
				sum = 0
			}
			h = craftIP4(103, pimMsgHex(false, 0x20|typ, rsv, body, sum))
		}
		if rng.IntN(6) == 0 {
			pkts = append(pkts, craftedCut(h, 1+rng.IntN(20)))
		} else {
			pkts = append(pkts, crafted{hex: h})
		}
	}
	return pkts
}

// TestPIMRandomLikeTcpdump prints random PIMv2 messages (pimRandomCases)
// as tcpdump does.
func TestPIMRandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "pimrandom", cbpf.LinkEN10MB, pimRandomCases(1, 1500), faultFlagSets[:4])
}
