package printer

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// rtpRandMsg is an RTP datagram of version 1 (with option words) or 2
// (with CSRCs and a header extension), H.261 or another payload type,
// or a short or random one.
func rtpRandMsg(rng *rand.Rand) []byte {
	if rng.IntN(8) == 0 {
		return randBytes(rng, rng.IntN(16))
	}
	ver := []uint32{2, 2, 1, 0, 3}[rng.IntN(5)]
	pt := []uint32{0x1f, 0, 8, 96, uint32(rng.IntN(128))}[rng.IntN(5)]
	i0 := ver<<30 | uint32(rng.IntN(0x10000))
	if ver == 1 {
		i0 |= uint32(rng.IntN(2))<<23 | uint32(rng.IntN(2))<<22 | (pt&0x3f)<<16
	} else {
		i0 |= uint32(rng.IntN(2))<<28 | uint32(rng.IntN(2))<<23 | pt<<16 | uint32(rng.IntN(3))<<24
	}
	m := binary.BigEndian.AppendUint32(nil, i0)
	m = binary.BigEndian.AppendUint32(m, rng.Uint32())
	m = binary.BigEndian.AppendUint32(m, rng.Uint32())
	for range rng.IntN(4) {
		w := rng.Uint32()
		switch rng.IntN(3) {
		case 0:
			w = w&0x7f00ffff | uint32(rng.IntN(4))<<16
		case 1:
			w = w&0xffff0000 | uint32(rng.IntN(4))
		}
		m = binary.BigEndian.AppendUint32(m, w)
	}
	return append(m, randBytes(rng, rng.IntN(6))...)
}

// rtcpRandMsg is a compound RTCP datagram of sender and receiver
// reports (report blocks matching their count or not), SDES, BYE and
// other packets, their lengths right or wrong.
func rtcpRandMsg(rng *rand.Rand) []byte {
	var m []byte
	for range 1 + rng.IntN(3) {
		pt := []byte{200, 201, 202, 203, 204, byte(rng.IntN(256))}[rng.IntN(6)]
		cnt := rng.IntN(3)
		if rng.IntN(8) == 0 {
			cnt = rng.IntN(32)
		}
		var body []byte
		body = binary.BigEndian.AppendUint32(body, rng.Uint32())
		if pt == 200 {
			body = append(body, randBytes(rng, 20)...)
		}
		if pt == 200 || pt == 201 {
			for range cnt {
				body = append(body, randBytes(rng, 24)...)
			}
		} else {
			body = append(body, randBytes(rng, 4*rng.IntN(4))...)
		}
		n := len(body)/4 - 0
		if rng.IntN(6) == 0 {
			n = rng.IntN(20)
		}
		m = append(m, 0x80|byte(cnt), pt, byte(n>>8), byte(n))
		m = append(m, body...)
	}
	if rng.IntN(6) == 0 {
		m = append(m, randBytes(rng, 1+rng.IntN(6))...)
	}
	return m
}

// rtpRandomCases are random RTP, RTCP and vat datagrams from a fixed
// seed, some cut short.
func rtpRandomCases(seed uint64, n int, gen func(*rand.Rand) []byte) []crafted {
	return randomCases(seed, 3550, n, 5, func(rng *rand.Rand) (string, int) {
		m := gen(rng)
		pkt := craftedUDP4(40000, 40002, hex.EncodeToString(m))
		return pkt, len(m)
	})
}

// TestRTPRandomLikeTcpdump prints random RTP, RTCP and vat datagrams
// with -T rtp, -T rtcp and -T vat, and the crafted RTP and RTCP ones of
// ptype_test.go with a few bytes changed at random.
func TestRTPRandomLikeTcpdump(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 3550))
	forcedLikeTcpdump(t, "rtp", append(rtpRandomCases(1, 1000, rtpRandMsg), mutatedCases(rng, rtpCases, 42, 10)...))
	forcedLikeTcpdump(t, "rtcp", append(rtpRandomCases(2, 1000, rtcpRandMsg), mutatedCases(rng, rtcpCases, 42, 10)...))
	forcedLikeTcpdump(t, "vat", rtpRandomCases(3, 500, func(rng *rand.Rand) []byte { return randBytes(rng, rng.IntN(14)) }))
}
