package printer

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// pppRandomCases are n PPP frames (seeded with seed) of the control and
// authentication protocols, each a packet of a random code holding up
// to four options of random numbers and lengths (their values now and
// then a protocol number the option printers name), its encoded length
// now and then wrong, one in six cut short.
func pppRandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 11))
	protos := []uint16{0xc021, 0x8021, 0x8057, 0x80fd, 0xc02b, 0x8023, 0x8281, 0xc223, 0xc023, 0xc02d,
		0x003d, 0xc025, 0xc227, 0x80fb}
	var pkts []crafted
	for range n {
		proto := protos[rng.IntN(len(protos))]
		code := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, rng.IntN(256)}[rng.IntN(17)]
		var opts string
		for range rng.IntN(5) {
			opt := rng.IntN(32)
			if rng.IntN(4) == 0 {
				opt = []int{0x81, 0x82, 0x83, 0x84, 0x90, 0xff}[rng.IntN(6)]
			}
			l := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 14, 18, 20}[rng.IntN(13)]
			v := randHex(rng, max(l-2, 0))
			if l >= 4 && rng.IntN(3) == 0 {
				v = []string{"c223", "c023", "c025", "c227", "002d", "0061", "1234"}[rng.IntN(7)] + randHex(rng, l-4)
			}
			opts += fmt.Sprintf("%02x%02x", opt, l) + v
		}
		el := 4 + hexLen(opts)
		if rng.IntN(8) == 0 {
			el = rng.IntN(el + 6)
		}
		body := fmt.Sprintf("%02x%02x%04x", code, rng.IntN(256), el) + opts
		pkts = append(pkts, craftedMaybeCut(rng, fmt.Sprintf("ff03 %04x ", proto)+body, hexLen(body), 6))
	}
	return pkts
}

// TestPPPRandomLikeTcpdump prints random PPP control and authentication
// packets (pppRandomCases) on a PPP link as tcpdump does.
func TestPPPRandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "ppprandom", cbpf.LinkPPP, pppRandomCases(1, 2000), faultFlagSets[:4])
}
