package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"
)

// loopbackBranchCases are Ethernet configuration-testing (loopback)
// frames: replies and forward-data messages whole, with data, too short
// for their fields and cut short; skip counts that are not multiples of
// 8 or that go past the frame; unknown functions; and frames with no
// room for the skip count or the function.
func loopbackBranchCases() []crafted {
	const hdr = "aa0004001d04 aa0004006904 9000 "
	var pkts []crafted
	for _, body := range []string{
		"",
		"00",
		"0000",
		"0000 01",
		"0000 0100",
		"0000 0100 07",
		"0000 0100 0700",
		"0000 0100 0700 616263",
		"0000 0200",
		"0000 0200 aa00040069",
		"0000 0200 aa0004006904",
		"0000 0200 aa0004006904 6869",
		"0000 0300",
		"0000 ffff 0102",
		"0800 0000000000000000 0100 0900 41",
		"0300 000000 0100 0900",
		"1000 00000000",
		"0800 0000000000000000",
	} {
		pkts = append(pkts, crafted{hdr + body, 0})
	}
	for _, full := range []string{hdr + "0800 0000000000000000 0100 0900 414243", hdr + "0000 0200 aa0004006904 6869"} {
		n := hexLen(full)
		for k := 14; k < n; k++ {
			pkts = append(pkts, crafted{hexCut(full, k), n})
		}
	}
	return pkts
}

func init() { addFuzzSeeds(loopbackBranchCases()) }

// TestLoopbackBranchesLikeTcpdump prints loopbackBranchCases as tcpdump
// does.
func TestLoopbackBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "loopbackbranches", loopbackBranchCases())
}

// loopbackRandFrame is a loopback frame of a random skip count (often a
// multiple of 8) over random bytes, then a reply, forward-data, unknown
// or random function and random bytes.
func loopbackRandFrame(rng *rand.Rand) string {
	skip := []int{0, 8, 3, 16, rng.IntN(40)}[rng.IntN(5)]
	s := fmt.Sprintf("%02x%02x", skip&0xff, skip>>8) + hex.EncodeToString(randBytes(rng, min(skip, 20)))
	s += fmt.Sprintf("%02x00", []int{1, 2, 0, 3, rng.IntN(256)}[rng.IntN(5)]) + hex.EncodeToString(randBytes(rng, rng.IntN(16)))
	return "aa0004001d04 aa0004006904 9000 " + s
}

// TestLoopbackRandomLikeTcpdump prints random loopback frames
// (loopbackRandFrame), one in five cut short, as tcpdump does.
func TestLoopbackRandomLikeTcpdump(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 0x9000))
	var pkts []crafted
	for range 300 {
		f := loopbackRandFrame(rng)
		pkts = append(pkts, craftedMaybeCut(rng, f, hexLen(f)-14, 5))
	}
	craftedLikeTcpdump(t, "loopbackrandom", pkts)
}
