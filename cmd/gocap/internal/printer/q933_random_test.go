package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// q933RandIEs are the information elements q933RandMsg draws from: the
// LMI ones of both codesets.
var q933RandIEs = []int{0x01, 0x51, 0x03, 0x53, 0x19, 0x07, 0x57}

// q933RandMsg is a Frame Relay frame on DLCI 0 carrying a Q.933 message
// with a random call reference and message type, then up to five
// shifts, LMI IEs (PVC status ones of two and three DLCI bytes),
// unknown IEs and IEs whose length is past the frame.
func q933RandMsg(rng *rand.Rand) string {
	n := rng.IntN(3)
	msg := fmt.Sprintf("%02x ", n) + hex.EncodeToString(randBytes(rng, n))
	msg += []string{"75", "7d", "05", "33", fmt.Sprintf("%02x", rng.IntN(256))}[rng.IntN(5)]
	for range rng.IntN(6) {
		switch rng.IntN(5) {
		case 0:
			msg += fmt.Sprintf("%02x", 0x90|rng.IntN(16))
		case 1:
			msg += fmt.Sprintf("%02x%02x", q933RandIEs[rng.IntN(len(q933RandIEs))], rng.IntN(8)) +
				hex.EncodeToString(randBytes(rng, rng.IntN(6)))
		default:
			t := rng.IntN(128)
			if rng.IntN(4) != 0 {
				t = q933RandIEs[rng.IntN(len(q933RandIEs))]
			}
			v := randBytes(rng, rng.IntN(6))
			if t == 0x07 || t == 0x57 {
				v = []byte{0x06, 0x28, byte(0x80 | rng.IntN(16))}
				if rng.IntN(2) == 0 {
					v = []byte{0x06, 0x28, byte(rng.IntN(128)), byte(0x80 | rng.IntN(16))}
				}
			}
			msg += fmt.Sprintf("%02x%02x", t, len(v)) + hex.EncodeToString(v)
		}
	}
	return q933LMI(msg)
}

// TestQ933RandomLikeTcpdump prints random Q.933 messages (q933RandMsg)
// on a Frame Relay link as tcpdump does.
func TestQ933RandomLikeTcpdump(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 933))
	var pkts []crafted
	for range 600 {
		pkts = append(pkts, crafted{hex: q933RandMsg(rng)})
	}
	linkTypeLikeTcpdump(t, cbpf.LinkFrelay, pkts)
}
