package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// isakmpBranchesMessages are ISAKMP messages for the branches
// isakmpCases leaves out: IKEv1 vendor IDs, notifications of the IPsec
// DOI with attributes, replay status and SPIs, deletes listing more SPIs
// than they hold, identities of each protocol; IKEv2 SA payloads holding
// items of another type, proposals whose SPI or transforms do not fit,
// short key exchange, identification and authentication payloads,
// private notifications and transforms of unknown types.
func isakmpBranchesMessages() []string {
	const (
		ick = "4444444444444444"
		rck = "bbbbbbbbbbbbbbbb"
	)
	v1 := func(np byte, body string) string {
		return ikeMsg(ick, rck, np, 0x10, 5, 0, 0x01020304, 0, ikePay(0, 0, body))
	}
	v2 := func(np byte, body string) string {
		return ikeMsg(ick, rck, np, 0x20, 36, 0x08, 3, 0, ikePay(0, 0, body))
	}
	return []string{
		ikeMsg(ick, rck, 13, 0x10, 5, 0, 1, 0, ikePay(13, 0, "4048b7d56ebce88525e7de7f00d6c2d3"), ikePay(0, 0, "afcad71368a1f1c96b8696fc77570100")),
		v1(11, "00000001 03 04 6000 01020304 80010005 80020002 000c0004 00000e10"),
		v1(11, "00000001 03 04 6001 01020304 00000000"),
		v1(11, "00000001 02 04 6001 01020304 00000001"),
		v1(11, "00000001 03 00 6002"),
		v1(11, "00000001 03 02 6002 abcd 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021"),
		v1(11, "00000001 03 00 2005 0102"),
		v1(11, "00000003 03 04 6000 01020304 0102"),
		v1(11, "00000001 03 00 8005 aa"),
		v1(11, "00000001 03 04 0018 01020304 bb"),
		v1(12, "00000001 03 04 0003 01020304 05060708 090a0b0c"),
		v1(12, "00000002 02 02 0001 abcd"),
		v1(12, "00000001 03 04 0009 01020304"),
		v1(5, "01 06 0016 0a000001"),
		v1(5, "0b 32 0000 0102030405"),
		v1(5, "02 ff 0000 6578"),
		v1(10, strings.Repeat("3c", 8)),
		v1(8, ""),
		v1(9, "ab"),
		v1(1, "00000001 00000001"+ikePay(0, 0, "01 01 04 01 0a0b0c0d"+ikePay(0, 0, "0103 0000 80010002 00020004 00001c20 8003abcd 80050063"))),
		v1(1, "00000001 00000001"+ikePay(0, 0, "01 03 04 01 0a0b0c0d"+ikePay(0, 0, "0103 0000 80010002 80020003 0002000a"))),
		v2(33, ikePay(5, 0, "01 01 00 00 0000")+ikePay(0, 0, "02 01 00 00")),
		v2(33, ikePay(0, 0, "01 03 08 01 0102")),
		v2(33, ikePay(0, 0, "01 03 00 02"+ikePay(3, 0, "06 00 0007 800e0080")+ikePay(0, 0, "01 00 000c"))),
		v2(33, ikePay(0, 0, "01 03 00 01"+ikePay(0, 0, "01 00 000c 800e0080 0001"))),
		v2(33, ikePay(0, 0, "01 03 00 02"+ikePay(3, 0, "02 00 0002")+ikePay(0, 0, "01 00 000c 800e0080")+"0000")),
		v2(33, "0000"),
		v2(33, "00000004 00000000"),
		v2(33, "00000010 00000000"),
		v2(33, ikePay(0, 0, "01 03 00 01"+"00000004")),
		v2(33, ikePay(0, 0, "01 03 00 01"+"00000020 00000000")),
		v2(34, "000e"),
		v2(34, "02"),
		v2(35, "02"),
		v2(36, "01 00"),
		v2(39, "02 000000"),
		v2(39, "01 00"),
		v2(39, "03 000000"+strings.Repeat("ab", 40)),
		v2(41, "03 04 2001 01020304 aabb"),
		v2(41, "00 00 3fff"),
		v2(41, "01 00 9000 01"),
		v2(41, "01 08 a000 0102030405060708 090a"),
		v2(41, "00 00 4006 "+strings.Repeat("c1", 29)),
		v2(41, "00 00 4006 "+strings.Repeat("c2", 30)),
		v2(41, "00 04 0004 01020304"),
		v2(40, "0a"),
		v2(43, ""),
		v2(43, "56"),
		v2(46, strings.Repeat("e1", 32)),
		v2(44, "03 04 0002 0102030405060708"),
		v2(42, "04"),
		v2(99, "05"),
		v2(45, "06"),
	}
}

// isakmpBranchesCases are isakmpBranchesMessages and a repeated initiator, each
// whole over UDP port 500.
func isakmpBranchesCases() []crafted {
	const ick = "5555555555555555"
	zero := strings.Repeat("0", 16)
	first := ikeMsg(ick, zero, 8, 0x10, 2, 0, 0, 0, ikePay(0, 0, "5a5a"))
	pkts := []crafted{
		{hex: craftedUDP4(500, 500, first)},
		{hex: craftedUDP4(500, 500, first)},
		{hex: reversed(craftedUDP4(500, 500, ikeMsg(ick, "cccccccccccccccc", 8, 0x10, 2, 0, 0, 0, ikePay(0, 0, "5a5a"))))},
	}
	for _, m := range isakmpBranchesMessages() {
		pkts = append(pkts, crafted{hex: craftedUDP4(500, 500, m)})
	}
	return pkts
}

// isakmpBranchesFlagSets are the verbosities ISAKMP prints differently at.
var isakmpBranchesFlagSets = []flagSet{
	{[]string{"-nn"}, Options{NumericLevel: 2}},
	{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
	{[]string{"-nn", "-vv"}, Options{NumericLevel: 2, Verbose: 2}},
	{[]string{"-nn", "-vvv"}, Options{NumericLevel: 2, Verbose: 3}},
	{[]string{"-nn", "-vvvv"}, Options{NumericLevel: 2, Verbose: 4}},
	{[]string{"-nn", "-vv", "-x"}, Options{NumericLevel: 2, Verbose: 2, Hex: 1}},
}

func init() { craftedSeeds = append(craftedSeeds, isakmpBranchesCases()...) }

// TestISAKMPBranchesLikeTcpdump compares isakmpBranchesCases with tcpdump at
// each verbosity.
func TestISAKMPBranchesLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "isakmpbranches", cbpf.LinkEN10MB, isakmpBranchesCases(), isakmpBranchesFlagSets)
}

// TestISAKMPCutEverywhereLikeTcpdump compares the messages of
// isakmpCases and isakmpBranchesCases cut short after each of their bytes,
// at each verbosity: every payload printer's truncation branches.
func TestISAKMPCutEverywhereLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, c := range append(isakmpCases(), isakmpBranchesCases()...) {
		h := strings.ReplaceAll(c.hex, " ", "")
		n := len(h)/2 - 42
		if c.wire != 0 || n < 28 || h[24:28] != "0800" || h[46:48] != "11" {
			continue
		}
		pkts = append(pkts, craftedCuts(c.hex, n-27, 1)...)
	}
	compareWithTcpdump(t, "isakmpcut", cbpf.LinkEN10MB, pkts, isakmpBranchesFlagSets[1:5])
}

// isakmpShortPayloads are the messages of isakmpBranchesCases and
// isakmpCases with the first payload's length field made smaller, from
// 5 bytes up, the capture ending where that length says or running on:
// the payload printers' checks past a payload's own end.
func isakmpShortPayloads() []crafted {
	var pkts []crafted
	for _, c := range append(isakmpBranchesCases(), isakmpCases()...) {
		h := strings.ReplaceAll(c.hex, " ", "")
		n := len(h)/2 - 42
		if c.wire != 0 || n < 33 || h[24:28] != "0800" || h[46:48] != "11" {
			continue
		}
		const lenAt = 42 + 28 + 2 // the first payload's length field
		pl64, _ := strconv.ParseUint(h[2*lenAt:2*lenAt+4], 16, 16)
		pl := int(pl64)
		for l := 5; l < pl && 28+l <= n; l++ {
			short := h[:2*lenAt] + fmt.Sprintf("%04x", l) + h[2*lenAt+4:]
			pkts = append(pkts, crafted{hex: short}, crafted{hex: short[:2*(42+28+l)], wire: len(h) / 2})
		}
	}
	return pkts
}

// TestISAKMPShortPayloadsLikeTcpdump compares isakmpShortPayloads with
// tcpdump at each verbosity.
func TestISAKMPShortPayloadsLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "isakmpshort", cbpf.LinkEN10MB, isakmpShortPayloads(), isakmpBranchesFlagSets[1:5])
}

// isakmpMutated are the messages of isakmpBranchesCases and isakmpCases with
// a few bytes changed at random (length fields among them, one time in
// two) and, one time in two, cut short at a random point.
func isakmpMutated(seed uint64, k int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 500))
	var pkts []crafted
	for _, c := range append(isakmpBranchesCases(), isakmpCases()...) {
		b, err := hex.DecodeString(strings.ReplaceAll(c.hex, " ", ""))
		if err != nil || c.wire != 0 || len(b) < 42+28 || b[23] != 17 {
			continue
		}
		for range k {
			m := mutate(rng, b, 42+16)
			if rng.IntN(2) == 0 {
				// a payload length field: the high byte cleared, the low
				// one anything
				for i := 42 + 28; i+4 <= len(m); i += 4 + rng.IntN(8) {
					if rng.IntN(4) == 0 {
						m[i+2], m[i+3] = 0, byte(rng.IntN(256))
						break
					}
				}
			}
			pkt := crafted{hex: hex.EncodeToString(m)}
			if rng.IntN(2) == 0 {
				pkt = craftedCut(pkt.hex, 1+rng.IntN(len(m)-42-16))
			}
			pkts = append(pkts, pkt)
		}
	}
	return pkts
}

// TestISAKMPMutatedLikeTcpdump compares isakmpMutated with tcpdump at
// each verbosity.
func TestISAKMPMutatedLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "isakmpmutated", cbpf.LinkEN10MB, isakmpMutated(1, 40), isakmpBranchesFlagSets[1:5])
}

// TestISAKMPIDProtoNamesLikeTcpdump prints IKEv1 identification payloads
// without -n, where tcpdump names their protocol.
func TestISAKMPIDProtoNamesLikeTcpdump(t *testing.T) {
	const ick, rck = "6666666666666666", "dddddddddddddddd"
	var pkts []crafted
	for _, id := range []string{"01 06 0016 0a000001", "01 11 01f4 0a000002", "0b 32 0000 0102", "02 00 0000 6578", "01 fe 0000 0a000003", "01 ff 0000 0a000004", "01 8f 0000 0a000005"} {
		pkts = append(pkts, crafted{hex: craftedUDP4(500, 500, ikeMsg(ick, rck, 5, 0x10, 5, 0, 7, 0, ikePay(0, 0, id)))})
	}
	compareWithTcpdump(t, "isakmpidnames", cbpf.LinkEN10MB, pkts, []flagSet{{[]string{"-v"}, Options{Verbose: 1}}})
}
