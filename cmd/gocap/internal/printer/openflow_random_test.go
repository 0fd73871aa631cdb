package printer

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// of10RandAction is an OpenFlow 1.0 action (hex) of a random type and
// length, Big Switch Networks vendor actions among them.
func of10RandAction(rng *rand.Rand) string {
	typ := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0xffff, rng.IntN(20)}[rng.IntN(14)]
	l := []int{8, 16, 8, 24}[rng.IntN(4)]
	if rng.IntN(8) == 0 {
		l = rng.IntN(32)
	}
	v := randHex(rng, max(l-4, 0))
	if typ == 0xffff && l >= 12 && rng.IntN(2) == 0 {
		v = "005c16c7" + fmt.Sprintf("%08x", rng.IntN(6)) + randHex(rng, l-12)
	}
	return fmt.Sprintf("%04x%04x", typ, l) + v
}

// of10RandMatch is an OpenFlow 1.0 match (hex) of random wildcards (now
// and then bogus ones) over an IPv4, ARP, IPv6 or VLAN frame of ICMP,
// TCP, UDP or IGMP.
func of10RandMatch(rng *rand.Rand) string {
	w := rng.Uint32()
	if rng.IntN(2) == 0 {
		w &= 0x3fffff
	}
	dlType := []string{"0800", "0806", "86dd", "8100"}[rng.IntN(4)]
	proto := []string{"01", "06", "11", "02"}[rng.IntN(4)]
	return fmt.Sprintf("%08x", w) + randHex(rng, 16) + dlType + randHex(rng, 1) + proto + randHex(rng, 14)
}

// of10RandActions is up to two random actions.
func of10RandActions(rng *rand.Rand) string {
	var s string
	for range rng.IntN(3) {
		s += of10RandAction(rng)
	}
	return s
}

// of10RandBody is the body (hex) of an OpenFlow 1.0 message of the type:
// flow mods, packet outs, statistics and Big Switch Networks messages
// built from their parts, the others random bytes of lengths near those
// the printers test for.
func of10RandBody(rng *rand.Rand, typ int) string {
	switch typ {
	case 14:
		return of10RandMatch(rng) + randHex(rng, 24) + of10RandActions(rng)
	case 13:
		acts := of10RandActions(rng)
		return randHex(rng, 4) + fmt.Sprintf("%04x%04x", rng.IntN(65536), hexLen(acts)) + acts + randHex(rng, rng.IntN(20))
	case 16, 17:
		st := []int{0, 1, 2, 3, 4, 5, 0xffff, 6}[rng.IntN(8)]
		body := fmt.Sprintf("%04x%04x", st, rng.IntN(2))
		switch {
		case st == 1 && typ == 17:
			acts := of10RandActions(rng)
			return body + fmt.Sprintf("%04x", 88+hexLen(acts)) + randHex(rng, 2) + of10RandMatch(rng) + randHex(rng, 44) + acts
		case st == 1 || st == 2 && typ == 16:
			return body + of10RandMatch(rng) + randHex(rng, 4)
		case st == 0xffff:
			return body + "005c16c7" + randHex(rng, rng.IntN(12))
		}
		return body + randHex(rng, []int{0, 8, 24, 32, 64, 104, 1056, rng.IntN(40)}[rng.IntN(8)])
	case 4:
		return "005c16c7" + fmt.Sprintf("%08x", rng.IntN(36)) + randHex(rng, []int{0, 4, 8, 12, rng.IntN(20)}[rng.IntN(5)])
	}
	return randHex(rng, []int{0, 4, 8, 16, 24, 40, 48, 64, 80, rng.IntN(100)}[rng.IntN(10)])
}

// of10RandomCases are n TCP segments (seeded with seed) of one or two
// OpenFlow 1.0 messages of random types (of10RandBody), one in six cut
// short.
func of10RandomCases(seed uint64, n int) []crafted {
	return randomCases(seed, 13, n, 6, func(rng *rand.Rand) (string, int) {
		var seg string
		for range 1 + rng.IntN(2) {
			typ := rng.IntN(23)
			seg += ofMsg(1, byte(typ), of10RandBody(rng, typ))
		}
		return tcpSegment(6653, 40000, seg), hexLen(seg)
	})
}

// TestOpenFlow10RandomLikeTcpdump prints random OpenFlow 1.0 messages
// (of10RandomCases) as tcpdump does.
func TestOpenFlow10RandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "of10random", cbpf.LinkEN10MB, of10RandomCases(1, 1500), faultFlagSets[:4])
}
