package parser

import (
	"math/rand"
	"testing"
)

// randomScanText is one to four pieces, each one of words or one to six of
// chars, drawn from r: text for comparing the scanner's short cuts with
// its rules.
func randomScanText(r *rand.Rand, words []string, chars string) string {
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
	return string(b)
}

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
		s := randomScanText(r, words, chars)
		for i := range len(s) {
			if got, ok := scanWord(s, i); ok {
				if want := scanRules(s, i); got != want {
					t.Fatalf("%q at %d: scanWord gives %+v, the rules %+v", s, i, got, want)
				}
			}
		}
	}
}

// TestScanNumberAgreesWithRules checks scanOne's short cut for numbers
// and dotted IPv4 numbers against trying every rule, on random text made
// of numbers, addresses and pieces of both.
func TestScanNumberAgreesWithRules(t *testing.T) {
	const chars = "0123456789.:-_ xXaf()[]&=<>\\"
	words := []string{"80", "0", "010", "08", "0x1f", "4294967295", "4294967296", "10.0.0.1", "1.2", "1.2.3",
		"1.2.3.4.5", "10.0.0.", "1..2", "123456789012", "1234567890123", "1234.5678.9012", "1234.5678.90123",
		"1234.5678.9", "12.34.56.78.90.12", "1:2::3", "::1", "1-2-3-4-5-6", "01:02:03:04:05:06", "1e", "1a.2",
		"0xab", "0XCD", "0x", "0xg", "0x1.2", "0x12:34", "0xffffffff", "0x100000000", "0x0a0b0c0d0e0f", "0x1a-2"}
	r := rand.New(rand.NewSource(2))
	n := 100000
	if testing.Short() {
		n = 10000
	}
	hits := 0
	for range n {
		s := randomScanText(r, words, chars)
		for i := range len(s) {
			if got, ok := scanNumber(s, i); ok {
				hits++
				if want := scanRules(s, i); got != want {
					t.Fatalf("%q at %d: scanNumber gives %+v, the rules %+v", s, i, got, want)
				}
			}
		}
	}
	if hits < n/10 {
		t.Fatalf("the short cut was taken only %d times", hits)
	}
}
