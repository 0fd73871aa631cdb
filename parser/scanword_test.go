package parser

import (
	"math/rand"
	"testing"
)

// TestScanWordAgreesWithRules checks scanOne's short cut for words against
// trying every rule, on random text made of words and pieces of addresses
// that the short cut must leave to the rules.
func TestScanWordAgreesWithRules(t *testing.T) {
	const chars = "abcdefgxyzABFGX0123456789:.-_ \\$()&|!=<>"
	words := []string{"tcp", "port", "dst", "and", "ether", "ip6", "fddi", "e", "add", "deadbeef", "cafe:",
		"bad-", "a.b", "ab.cd", "ab:cd", "ab:cd:ef:01:02:03", "ab-cd-ef-01-02-03", "abcd.ef01.2345", "abcdef012345",
		"fe80::1", "icmp-echo", "tcp-syn", "tcp-ack", "portrange"}
	r := rand.New(rand.NewSource(1))
	n := 100000
	if testing.Short() {
		n = 10000
	}
	for range n {
		var b []byte
		for k := r.Intn(4); k >= 0; k-- {
			if r.Intn(2) == 0 {
				b = append(b, words[r.Intn(len(words))]...)
				continue
			}
			for m := r.Intn(6); m >= 0; m-- {
				b = append(b, chars[r.Intn(len(chars))])
			}
		}
		s := string(b)
		for i := range len(s) {
			if got, ok := scanWord(s, i); ok {
				if want := scanRules(s, i); got != want {
					t.Fatalf("%q at %d: scanWord gives %+v, the rules %+v", s, i, got, want)
				}
			}
		}
	}
}
