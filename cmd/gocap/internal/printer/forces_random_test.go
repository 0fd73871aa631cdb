package printer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// forcesRandData is a path data's content TLV (hex): FULLDATA, SPARSEDATA
// of ILVs, RESULT, KEYINFO, a nested path data or random bytes, its
// length now and then wrong.
func forcesRandData(rng *rand.Rand, depth int) string {
	switch rng.IntN(7) {
	case 0:
		return forcesTLVHex(0x112, randHex(rng, rng.IntN(12)))
	case 1:
		var ilvs string
		for range rng.IntN(3) {
			ilvs += forcesILVHex(rng.Uint32()&0xff, randHex(rng, rng.IntN(9)))
		}
		return forcesTLVHex(0x113, ilvs)
	case 2:
		return forcesTLVHex(0x114, fmt.Sprintf("%02x000000", []int{0, 1, 2, 0x17, 0x18, 0xfe, 0xff}[rng.IntN(7)]))
	case 3:
		return forcesTLVHex(0x111, fmt.Sprintf("%08x", rng.IntN(9))+forcesTLVHex(0x112, randHex(rng, 4)))
	case 4:
		if depth < 2 {
			return forcesRandPath(rng, depth+1)
		}
	case 5:
		return forcesTLVLenHex(uint16(0x110+rng.IntN(6)), uint16(rng.IntN(24)), randHex(rng, 4*rng.IntN(4)))
	}
	return ""
}

// forcesRandPath is a path data TLV (hex) of random flags (key info,
// table range, append), zero to two IDs, a table range or key when
// flagged, and content TLVs (forcesRandData).
func forcesRandPath(rng *rand.Rand, depth int) string {
	flags := []uint16{0, 0, 1, 2, 3, 4, 5, uint16(rng.IntN(8))}[rng.IntN(8)]
	var ids []uint32
	for range rng.IntN(3) {
		ids = append(ids, rng.Uint32()&0xffff)
	}
	var rest string
	if flags&2 != 0 {
		rest += fmt.Sprintf("00000000 %08x %08x ", rng.IntN(10), rng.IntN(100))
	}
	if flags&1 != 0 && rng.IntN(2) == 0 {
		rest += fmt.Sprintf("%08x 0112 %04x ", rng.IntN(9), []int{4, 8, 2}[rng.IntN(3)]) + randHex(rng, 4)
	}
	for range rng.IntN(3) {
		rest += forcesRandData(rng, depth)
	}
	return forcesTLVHex(0x110, forcesPathHex(flags, rest, ids...))
}

// forcesRandomCases are n ForCES messages (seeded with seed) of random
// types and flags holding LFB selectors of random operations on random
// path data, or the association TLVs, one in five cut short.
func forcesRandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 17))
	toms := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x20}
	var pkts []crafted
	for range n {
		tom := toms[rng.IntN(len(toms))]
		var tlvs []string
		for range rng.IntN(3) {
			switch rng.IntN(5) {
			case 0:
				tlvs = append(tlvs, forcesTLVHex([]uint16{0x10, 0x11, 0x1000, 0x110, 0x9999}[rng.IntN(5)], randHex(rng, 4*rng.IntN(3))))
			default:
				var ops []string
				for range 1 + rng.IntN(2) {
					op := uint16(1 + rng.IntN(16))
					if rng.IntN(10) == 0 {
						op = 0x8000 | uint16(rng.IntN(4))
					}
					var paths string
					for range rng.IntN(3) {
						paths += forcesRandPath(rng, 0)
					}
					ops = append(ops, forcesTLVHex(op, paths))
				}
				tlvs = append(tlvs, forcesLFBHex(ops...))
			}
		}
		flags := []uint32{0, 0x40480000, 0xc0000000, 0x38000000, rng.Uint32()}[rng.IntN(5)]
		msg := forcesMsgHex(tom, flags, tlvs...)
		body := strings.Join(tlvs, "")
		pkts = append(pkts, craftedMaybeCut(rng, forcesPktHex(msg), max(hexLen(body), 1), 5))
	}
	return pkts
}

// TestForCESRandomLikeTcpdump prints random ForCES messages
// (forcesRandomCases) as tcpdump does, up to -vvvv.
func TestForCESRandomLikeTcpdump(t *testing.T) {
	sets := append(faultFlagSets[:4:4], flagSet{[]string{"-nn", "-vvvv"}, Options{NumericLevel: 2, Verbose: 4}})
	compareWithTcpdump(t, "forcesrandom", cbpf.LinkEN10MB, forcesRandomCases(1, 1500), sets)
}
