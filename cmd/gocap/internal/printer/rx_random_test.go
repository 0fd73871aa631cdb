package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// rxRandArgs is a run of XDR-like argument words: small integers,
// length-prefixed strings (some not text), all-ones words and random
// ones, as the AFS argument and reply decoders read them.
func rxRandArgs(rng *rand.Rand) []byte {
	var b []byte
	for range rng.IntN(12) {
		switch rng.IntN(6) {
		case 0:
			b = append(b, 0, 0, 0, byte(rng.IntN(8)))
		case 1:
			s := []string{"", "a", "user", "root.cell", "x\x01y", "\xff\xfe"}[rng.IntN(6)]
			b = append(b, 0, 0, 0, byte(len(s)))
			b = append(b, s...)
			for len(b)%4 != 0 {
				b = append(b, 0)
			}
		case 2:
			b = append(b, 0xff, 0xff, 0xff, byte(rng.IntN(256)))
		case 3:
			b = append(b, randBytes(rng, 4)...)
		case 4:
			b = append(b, 0, 0, byte(rng.IntN(4)), byte(rng.IntN(256)))
		default:
			b = append(b, 0, 0, 0, 0)
		}
	}
	return b
}

// rxRandPacket is an Ethernet frame (hex) with an Rx packet of the type
// for the call number, from 10.0.0.1.sport to 10.0.0.2.dport (swapped
// for a reply), client-initiated or not, with random extra flags and
// security index.
func rxRandPacket(rng *rand.Rand, call uint32, client bool, typ byte, payload []byte, sport, dport int) string {
	flags := byte(0)
	if client {
		flags = 1
	}
	if rng.IntN(6) == 0 {
		flags |= byte(rng.IntN(256)) &^ 1
	}
	h := fmt.Sprintf("0000abcd 00001230 %08x 00000001 00000001 %02x %02x 00 %02x 0000 %04x",
		call, typ, flags, rng.IntN(3), rng.IntN(4))
	pkt := craftedUDP4(uint16(sport), uint16(dport), h+hex.EncodeToString(payload))
	if client {
		return pkt
	}
	return rxReplySwap(pkt)
}

// rxRandomCases are Rx calls to each AFS service port with opcodes the
// services name (and unknown ones), half of them followed by a reply,
// other packet types with random bodies, some cut short.
func rxRandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 7000))
	opsBy := map[int]map[uint32]string{7000: rxFSOps, 7001: rxCBOps, 7002: rxPTOps, 7003: rxVLDBOps,
		7004: rxKAuthOps, 7005: rxVolOps, 7007: rxBOSOps, 7008: rxUbikOps}
	var pkts []crafted
	for call := uint32(1); call <= uint32(n); call++ {
		port := 7000 + rng.IntN(10)
		var op uint32
		if ops := opsBy[port]; ops != nil && rng.IntN(8) > 0 {
			keys := make([]uint32, 0, len(ops))
			for k := range ops {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			op = keys[rng.IntN(len(keys))]
		} else {
			op = uint32(rng.IntN(70000))
		}
		typ := byte(1)
		if rng.IntN(5) == 0 {
			typ = byte(rng.IntN(14))
		}
		cport := 7001
		if port == 7001 {
			cport = 7000
		}
		args := append([]byte{byte(op >> 24), byte(op >> 16), byte(op >> 8), byte(op)}, rxRandArgs(rng)...)
		if typ != 1 {
			args = randBytes(rng, rng.IntN(40))
		}
		pkts = append(pkts, crafted{hex: rxRandPacket(rng, call, true, typ, args, cport, port)})
		if typ == 1 && rng.IntN(2) == 0 {
			pkts = append(pkts, crafted{hex: rxRandPacket(rng, call, false, 1, rxRandArgs(rng), port, cport)})
		}
		if rng.IntN(6) == 0 {
			h := strings.ReplaceAll(pkts[len(pkts)-1].hex, " ", "")
			if k := len(h)/2 - 42; k > 1 {
				pkts[len(pkts)-1] = craftedCut(h, 1+rng.IntN(k))
			}
		}
	}
	return pkts
}

// TestRxRandomLikeTcpdump prints random Rx calls and replies of every
// AFS service (rxRandomCases) as tcpdump does.
func TestRxRandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "rxrandom", cbpf.LinkEN10MB, rxRandomCases(1, 1500), faultFlagSets[:3])
}
