package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// icmpBranchCases are ICMP messages reaching what ipproto_test.go
// leaves out: port unreachables quoting TCP and another protocol,
// protocol unreachables, "need to frag" without an MTU, the TOS
// redirects, a quoted datagram whose total length is under 4, and RFC
// 4884 extensions with an object of class 0 or shorter than its header.
func icmpBranchCases() []crafted {
	quotedTCP := "4500 0028 0001 0000 4006 0000 0a000002 c0000207 14e9 0050 00000001 00000000 5002 0000 0000 0000 "
	quotedGRE := "4500 001c 0001 0000 402f 0000 0a000002 c0000207 0000 0800 00000000 "
	pkts := []crafted{
		{craftIP4(1, "0303 0000 00000000 "+quotedTCP), 0},
		{craftIP4(1, "0303 0000 00000000 "+quotedGRE), 0},
		{craftIP4(1, "0302 0000 00000000 "+quotedGRE), 0},
		{craftIP4(1, "0302 0000 00000000 "+faultQuoted), 0},
		{craftIP4(1, "0304 0000 00000000 "+faultQuoted), 0},
		{craftIP4(1, "0502 0000 0a000009 "+faultQuoted), 0},
		{craftIP4(1, "0503 0000 0a000009 "+faultQuoted), 0},
		{craftIP4(1, "0b00 0000 00000000 4500 0003 0001 0000 4011 0000 0a000002 c0000207"), 0},
		{craftIP4(1, "0b00 0000 00000000 4500 0000 0001 0000 4011 0000 0a000002 c0000207"), 0},
		{craftIP4(1, "0300 0000 00200000 "+faultQuoted128+"2000 0000 0008 0001 0000002a"), 0},
		{craftIP4(1, "0300 0000 00200000 "+faultQuoted128+"2000 0000 0002 0101 0000002a"), 0},
		{craftIP4(1, "0b00 0000 00200000 "+faultQuoted128+"2000 0000 0008 0101 0000a1ff 0008 0000 01020304"), 0},
	}
	return pkts
}

func init() { addFuzzSeeds(icmpBranchCases()) }

// TestICMPBranchesLikeTcpdump prints icmpBranchCases as tcpdump does.
func TestICMPBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "icmpbranches", icmpBranchCases())
}

// TestICMPTypeCodesLikeTcpdump prints every ICMP type with the codes 0
// to 19, each quoting a datagram, as tcpdump does.
func TestICMPTypeCodesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for typ := 0; typ < 256; typ++ {
		for code := 0; code < 20; code++ {
			pkts = append(pkts, crafted{craftIP4(1, fmt.Sprintf("%02x%02x 0000 00010002 ", typ, code)+faultQuoted), 0})
		}
	}
	compareWithTcpdump(t, "icmpcodes", cbpf.LinkEN10MB, pkts, craftedFlagSets[:2])
}
