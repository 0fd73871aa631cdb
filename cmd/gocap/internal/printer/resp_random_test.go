package printer

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// respRandValue is a random RESP value: simple strings, errors,
// integers, bulk strings and arrays (nested up to three deep) whose
// lengths are right or taken from a list of signed, empty, padded and
// out-of-range numbers, inline commands, random bytes and bare line
// endings.
func respRandValue(rng *rand.Rand, depth int) string {
	words := []string{"GET", "SET", "foo", "", "a b", "\x00\x01\xff", "12", "-1", "-20", "0",
		"99999999999999999999", "+", "$", "*", "\r", "\n", "x\r\ny"}
	word := func() string { return words[rng.IntN(len(words))] }
	num := func() string {
		return []string{"0", "1", "2", "3", "-1", "-2", "10", "x", "", "+3", " 2", "2 ",
			"18446744073709551617", "2147483648", "-2147483649"}[rng.IntN(15)]
	}
	switch rng.IntN(9) {
	case 0:
		return "+" + word() + "\r\n"
	case 1:
		return "-" + word() + "\r\n"
	case 2:
		return ":" + num() + "\r\n"
	case 3:
		s := word()
		n := fmt.Sprint(len(s))
		if rng.IntN(4) == 0 {
			n = num()
		}
		return "$" + n + "\r\n" + s + "\r\n"
	case 4:
		if depth > 2 {
			return "+x\r\n"
		}
		k := rng.IntN(4)
		n := fmt.Sprint(k)
		if rng.IntN(4) == 0 {
			n = num()
		}
		s := "*" + n + "\r\n"
		for range k {
			s += respRandValue(rng, depth+1)
		}
		return s
	case 5:
		return word() + " " + word() + "\r\n"
	case 6:
		return string(randBytes(rng, rng.IntN(8)))
	case 7:
		return []string{"\r\n", "\n", "\r", "$-1\r\n", "*-1\r\n", "*0\r\n", "$0\r\n\r\n"}[rng.IntN(7)]
	default:
		return word() + "\r\n"
	}
}

// respRandomCases are segments to the Redis port of one to three
// respRandValue values, some cut short.
func respRandomCases(seed uint64, n int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 6379))
	var pkts []crafted
	for range n {
		var s string
		for range 1 + rng.IntN(3) {
			s += respRandValue(rng, 0)
		}
		if rng.IntN(5) == 0 && len(s) > 1 {
			pkts = append(pkts, respCut(s, rng.IntN(len(s))))
		} else {
			pkts = append(pkts, respSeg(s))
		}
	}
	return pkts
}

// TestRESPRandomLikeTcpdump prints random RESP segments
// (respRandomCases) as tcpdump does.
func TestRESPRandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "resprandom", cbpf.LinkEN10MB, respRandomCases(1, 1500), faultFlagSets[:4])
}
