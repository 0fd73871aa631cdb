package printer

import (
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// linkFlagSets are the flag sets the protocol tests print their
// crafted packets with.
var linkFlagSets = []flagSet{
	{[]string{"-nn"}, Options{NumericLevel: 2}},
	{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
	{[]string{"-nn", "-vv"}, Options{NumericLevel: 2, Verbose: 2}},
	{[]string{"-nn", "-x"}, Options{NumericLevel: 2, Hex: 1}},
}

// craftedUDP4 is an Ethernet frame carrying an IPv4 UDP datagram from
// 10.0.0.1.sport to 10.0.0.2.dport with the payload given in hex, ttl
// 64.
func craftedUDP4(sport, dport uint16, payload string) string {
	n := hexLen(payload)
	u := hex.EncodeToString([]byte{byte(sport >> 8), byte(sport), byte(dport >> 8), byte(dport), byte((8 + n) >> 8), byte(8 + n), 0, 0})
	return faultEther + faultIP4(17, 8+n) + u + " " + payload
}

// craftedCut is the packet pkt (hex) with its last drop bytes not
// captured.
func craftedCut(pkt string, drop int) crafted {
	h := strings.ReplaceAll(pkt, " ", "")
	return crafted{h[:len(h)-2*drop], len(h) / 2}
}

// craftedMaybeCut is the packet pkt (hex) whole, or, one time in oneIn
// (drawn from rng), cut short by 1 to n-1 of its last n bytes (its
// payload's length): what the random tests feed tcpdump.
func craftedMaybeCut(rng *rand.Rand, pkt string, n, oneIn int) crafted {
	if rng.IntN(oneIn) == 0 && n > 1 {
		return craftedCut(pkt, 1+rng.IntN(n-1))
	}
	return crafted{hex: pkt}
}

// randomCases is n packets from gen, which returns a packet (hex) and how
// many of its last bytes a cut may take (its payload); one in oneIn is cut
// short (craftedMaybeCut). The generator is seeded with seed and stream,
// so the same arguments give the same packets.
func randomCases(seed, stream uint64, n, oneIn int, gen func(rng *rand.Rand) (pkt string, payload int)) []crafted {
	rng := rand.New(rand.NewPCG(seed, stream))
	pkts := make([]crafted, 0, n)
	for range n {
		pkt, payload := gen(rng)
		pkts = append(pkts, craftedMaybeCut(rng, pkt, payload, oneIn))
	}
	return pkts
}

// craftedCuts is the packet pkt (hex) cut short in its last n bytes (its
// payload, say): with its last 1, 1+step, 1+2*step... bytes, fewer than
// n, not captured.
func craftedCuts(pkt string, n, step int) []crafted {
	var out []crafted
	for drop := 1; drop < n; drop += step {
		out = append(out, craftedCut(pkt, drop))
	}
	return out
}

// linkCraftedLikeTcpdump compares the packets, of the link type, with
// the local tcpdump under each of linkFlagSets (compareWithTcpdump).
func linkCraftedLikeTcpdump(t *testing.T, linkType cbpf.LinkType, pkts []crafted) {
	t.Helper()
	compareWithTcpdump(t, strings.ReplaceAll(t.Name(), "/", "_"), linkType, pkts, linkFlagSets)
}

// bfdControl is a BFD control header: version/diagnostic, flags,
// multiplier 3, length 24, discriminators 1 and 2, intervals of 300 ms,
// 300 ms and 50 ms.
func bfdControl(vd, flags string) string {
	return vd + flags + "03 18 00000001 00000002 000493e0 000493e0 0000c350"
}

// TestBFDLikeTcpdump prints BFD control packets of versions 0, 1 and an
// unknown one, on the control, multihop and LAG ports, with each kind of
// authentication section (and wrong lengths), echo packets, and packets
// cut short, as tcpdump does.
func TestBFDLikeTcpdump(t *testing.T) {
	pw := bfdControl("20", "c4") + " 01 07 05 73656372657400"
	md5 := bfdControl("20", "c4") + " 02 18 01 00 0000002a " + strings.Repeat("ab", 16)
	sha := bfdControl("20", "44") + " 05 1c 02 00 0000002b " + strings.Repeat("cd", 20)
	pkts := []crafted{
		{craftedUDP4(49153, 3784, bfdControl("20", "c0")), 0},
		{craftedUDP4(49153, 3784, bfdControl("27", "ff")), 0},
		{craftedUDP4(49153, 3784, bfdControl("28", "40")), 0},
		{craftedUDP4(49153, 3784, bfdControl("29", "80")), 0},
		{craftedUDP4(49153, 4784, bfdControl("21", "08")), 0},
		{craftedUDP4(49153, 6784, bfdControl("22", "13")), 0},
		{craftedUDP4(49153, 3784, bfdControl("03", "c0")), 0},
		{craftedUDP4(49153, 3784, bfdControl("00", "ff")), 0},
		{craftedUDP4(49153, 3784, bfdControl("00", "00")), 0},
		{craftedUDP4(49153, 3784, bfdControl("e0", "00")), 0},
		{craftedUDP4(49153, 3784, bfdControl("40", "00")), 0},
		{craftedUDP4(49153, 3784, pw), 0},
		{craftedUDP4(49153, 3784, md5), 0},
		{craftedUDP4(49153, 3784, sha), 0},
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 03 18 01 00 00000001 "+strings.Repeat("01", 16)), 0},
		{craftedUDP4(49153, 3784, bfdControl("00", "04")+" 04 1c 01 00 00000001 "+strings.Repeat("02", 20)), 0},
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 01 03 01 00"), 0},             // password too short
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 01 14 01 00"), 0},             // password too long
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 02 14 01 00 00000001"), 0},    // MD5 wrong length
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 04 18 01 00 00000001"), 0},    // SHA1 wrong length
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 09 08 01 00 00000001"), 0},    // unknown type
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 01 10 01 61626364"), 0},       // password past the capture
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 02 18 01 00 00000001 ab"), 0}, // digest cut
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 02 18 01 00 0000"), 0},        // sequence cut
		{craftedUDP4(49153, 3784, bfdControl("20", "04")+" 01 05"), 0},                   // auth header cut
		{craftedUDP4(49153, 3784, bfdControl("20", "04")), 0},                            // no auth section
		craftedCut(craftedUDP4(49153, 3784, bfdControl("20", "c0")), 4),
		craftedCut(craftedUDP4(49153, 3784, bfdControl("20", "c0")), 23),
		{craftedUDP4(49153, 3784, ""), 0},
		{craftedUDP4(3785, 3785, "0102030405060708090a0b0c0d0e0f101112"), 0},
		craftedCut(craftedUDP4(3785, 3785, "0102030405060708090a0b0c0d0e0f101112"), 5),
		{craftedUDP4(3784, 49152, bfdControl("20", "c0")), 0}, // source port only: not BFD
		{craftedUDP4(1985, 3784, bfdControl("20", "c0")), 0},  // HSRP is chosen by its destination port
		{craftedUDP4(514, 3784, bfdControl("20", "c0")), 0},   // before syslog
		{craftedUDP4(3784, 4789, bfdControl("28", "c0")), 0},  // not before VXLAN: source port
		{craftedUDP4(4789, 3785, bfdControl("20", "c0")), 0},  // before VXLAN
	}
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}
