package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// randHex is n bytes of randBytes in hex.
func randHex(rng *rand.Rand, n int) string { return hex.EncodeToString(randBytes(rng, n)) }

// isisRandSubTLVs is up to four sub-TLVs (hex) of types drawn mostly
// from types, with values of lengths sub-TLV printers test for, their
// length fields now and then wrong, at most limit bytes in all.
func isisRandSubTLVs(rng *rand.Rand, types []int, limit int) string {
	var s string
	for range rng.IntN(5) {
		typ := types[rng.IntN(len(types))]
		if rng.IntN(6) == 0 {
			typ = rng.IntN(256)
		}
		n := []int{0, 1, 2, 3, 4, 5, 6, 8, 9, 11, 12, 16, 19, 32, 36, rng.IntN(40)}[rng.IntN(16)]
		l := n
		if rng.IntN(8) == 0 {
			l = rng.IntN(n + 4)
		}
		sub := fmt.Sprintf("%02x%02x", typ, l) + randHex(rng, n)
		if hexLen(s)+hexLen(sub) > limit {
			break
		}
		s += sub
	}
	return s
}

// isisRandTLV is one IS-IS TLV (hex) of a type tcpdump decodes: the
// reachability TLVs are built entry by entry with sub-TLVs, the
// capability TLVs from sub-TLVs, the others from random bytes.
func isisRandTLV(rng *rand.Rand) string {
	types := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 22, 23, 24, 25, 128, 129, 130, 131, 132, 134,
		135, 137, 138, 143, 144, 176, 211, 222, 223, 229, 232, 235, 236, 237, 240, 241, 242, 250}
	typ := types[rng.IntN(len(types))]
	var v string
	mtid := func() string { return fmt.Sprintf("%04x", rng.IntN(65536)&0x8fff) }
	switch typ {
	case 22, 23, 24, 25, 222, 223:
		if typ >= 222 {
			v = mtid()
		}
		for range 1 + rng.IntN(2) {
			subs := isisRandSubTLVs(rng, []int{3, 4, 5, 6, 8, 9, 10, 11, 12, 18, 19, 20, 21, 22, 29, 32, 250}, 80)
			v += "1921680010ff01"
			if typ != 24 {
				v += fmt.Sprintf("%06x", rng.IntN(1<<24))
			}
			v += fmt.Sprintf("%02x", hexLen(subs)) + subs
		}
	case 135, 235, 236, 237:
		if typ == 235 || typ == 237 {
			v = mtid()
		}
		v6 := typ >= 236
		for range 1 + rng.IntN(2) {
			bits := 32
			if v6 {
				bits = 128
			}
			plen := rng.IntN(bits + 1)
			if rng.IntN(10) == 0 {
				plen = rng.IntN(256)
			}
			ctl := rng.IntN(256)
			v += fmt.Sprintf("%08x", rng.Uint32()&0xffffff)
			if v6 {
				v += fmt.Sprintf("%02x%02x", ctl, plen)
			} else {
				v += fmt.Sprintf("%02x", ctl&0xc0|plen&0x3f)
				plen &= 0x3f
			}
			v += randHex(rng, min((plen+7)/8, 16))
			if !v6 && ctl&0x40 != 0 || v6 && ctl&0x20 != 0 {
				subs := isisRandSubTLVs(rng, []int{1, 2, 3, 4, 117}, 60)
				v += fmt.Sprintf("%02x", hexLen(subs)) + subs
			}
		}
	case 242:
		v = "0a000001" + fmt.Sprintf("%02x", rng.IntN(4)) + isisRandSubTLVs(rng, []int{1, 2, 3, 19, 22, 23}, 80)
	case 143, 144:
		v = fmt.Sprintf("%04x", rng.IntN(65536)) + isisRandSubTLVs(rng, []int{1, 3, 4, 5, 6}, 120)
	default:
		v = randHex(rng, rng.IntN(30))
	}
	if hexLen(v) > 255 {
		v = v[:2*255]
	}
	return fmt.Sprintf("%02x%02x", typ, hexLen(v)) + v
}

// isisRandomCases are n IS-IS LSPs, hellos and CSNPs (seeded with seed)
// of one to three random TLVs (isisRandTLV), one in five cut short.
func isisRandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 9, n, 5, func(rng *rand.Rand) (string, int) {
		var tlvs string
		for range 1 + rng.IntN(3) {
			tlvs += isisRandTLV(rng)
		}
		var pdu string
		switch rng.IntN(4) {
		case 0:
			pdu = isisLSPWith(tlvs)
		case 1:
			pdu = isisLANHelloWith(tlvs)
		case 2:
			pdu = isisP2PHelloWith(tlvs)
		default:
			pdu = isisCSNPWith(tlvs)
		}
		return isisFrame(pdu), hexLen(tlvs)
	})
}

// TestISISRandomLikeTcpdump prints random IS-IS PDUs (isisRandomCases)
// as tcpdump does, -e and -vvv included.
func TestISISRandomLikeTcpdump(t *testing.T) {
	sets := append(faultFlagSets[:4:4], flagSet{[]string{"-nn", "-vvv", "-e"}, Options{NumericLevel: 2, Verbose: 3, LinkHeader: true}})
	compareWithTcpdump(t, "isisrandom", cbpf.LinkEN10MB, isisRandomCases(1, 1500), sets)
}
