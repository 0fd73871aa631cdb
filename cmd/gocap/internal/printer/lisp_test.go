package printer

import (
	"fmt"
	"strings"
	"testing"
)

// lispHdr is a Map-Register or Map-Notify header (hex): the first four
// bytes, the key ID and the authentication data.
func lispHdr(first string, key uint16, auth string) string {
	auth = strings.ReplaceAll(auth, " ", "")
	return first + "0102030405060708" + fmt.Sprintf("%04x%04x", key, len(auth)/2) + auth
}

// lispCases are the crafted lisp packets, well formed, malformed and cut
// short.
func lispCases() []crafted {
	rec4 := "00000e10 02 18 50 00 0123 0001 0a000000" +
		"01 02 03 04 0007 0001 c0000201" +
		"05 06 07 08 0000 0002 20010db8000000000000000000000001" +
		"09 0a 0b 0c 0004 0003"
	rec6 := "00000000 01 40 e0 00 0fff 0002 20010db8000000010000000000000000" +
		"01 01 01 01 0001 0001 c0000202"
	recLCAF := "00000000 00 00 00 00 0000 4003 0000"
	xtr := strings.Repeat("ab", 16) + "0000000000000063"
	pkts := []crafted{
		{craftedUDP4(4342, 4342, lispHdr("30000102", 1, strings.Repeat("5a", 20))+rec4+rec6), 0},
		{craftedUDP4(4342, 4342, lispHdr("3f000101", 2, strings.Repeat("5a", 33))+rec6+xtr), 0},
		{craftedUDP4(4342, 4342, lispHdr("32000101", 0, "")+rec6), 0},
		{craftedUDP4(4342, 4342, lispHdr("32000101", 0, "")+rec6+"0102"), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000101", 0, "")+rec6+strings.Repeat("0102", 9)+"03"), 0},
		{craftedUDP4(4342, 4342, lispHdr("40000001", 0, "")+rec6+"0102"), 0},
		{craftedUDP4(4342, 4342, lispHdr("48000001", 7, "aabb")+rec4+xtr+"ff"), 0},
		{craftedUDP4(4342, 4342, lispHdr("44000001", 2, "")+rec4), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000100", 0, "")), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000102", 0, "")+rec6), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000101", 0, "")+recLCAF+"01020304"), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000101", 0, "0102030405")+rec4), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000101", 0, "")+"00000000 02 18 00 00 0000 0001 0a000000 0000000000000001 c0"), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000101", 0, "")+"00000000 02 18 00 00 0000 0001 0a000000 0000000000000002 20010db8"), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000101", 0, "")+"00000000 02 18 00 00 0000 0001 0a000000 0000000000"), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000101", 0, "")+"00000000 01 18"), 0},
		{craftedUDP4(4342, 4342, lispHdr("38000101", 0, "")+rec6+"0102"), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000101", 0, "0102")), 0},
		{craftedUDP4(4342, 4342, lispHdr("30000101", 0, "ffff")), 0},
		{craftedUDP4(4342, 4342, "10000000 0102030405060708 0000 0000 aabb"), 0},
		{craftedUDP4(4342, 4342, "20000000 0102030405060708 0000 0000"), 0},
		{craftedUDP4(4342, 4342, "80000000 0102030405060708 0000 0000"), 0},
		{craftedUDP4(4342, 4342, "f0000000 0102030405060708 0000 0000"), 0},
		{craftedUDP4(4342, 4342, "00000000 0102030405060708 0000 0000"), 0},
		{craftedUDP4(4342, 4342, "30000001 0102030405060708 00"), 0},
	}
	for _, m := range []string{lispHdr("30000102", 1, strings.Repeat("5a", 20)) + rec4 + rec6, lispHdr("3a000101", 2, "") + rec6 + xtr} {
		pkts = append(pkts, craftedCuts(craftedUDP4(4342, 4342, m), hexLen(m), 3)...)
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, lispCases()...) }

func TestLISPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "lisp", lispCases()) }
