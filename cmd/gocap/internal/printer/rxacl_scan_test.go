package printer

import (
	"strings"
	"testing"
)

// rxACLScanCases are StoreACL calls and FetchACL replies whose access
// lists tcpdump reads with sscanf: user names holding bytes that are not
// text (printed byte by byte, not as UTF-8), every C white space
// character as a separator, signed and out-of-range numbers (glibc
// keeps the low 32 bits of a saturated long), counts that are negative,
// missing or not numbers, and entries cut off.
func rxACLScanCases() []crafted {
	fid := []byte{0, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0, 9}
	store := func(call uint32, acl string) crafted {
		return crafted{craftedUDP4(7001, 7000, rxFSData(call, true, 134, rxACLBody(append([]byte{}, fid...), acl))), 0}
	}
	acls := []string{
		"2 1\n\xb8ob 1\nm\xe9l\xffe 9\n\x01\x7fctl 4\n",
		"1\t1\vtab\f3\rvt\t\t64\n",
		"  +2  -0\n  spaced   +5\n next 000010\n",
		"3 0\nbig 99999999999999999999\nwrap 4294967297\nneg -99999999999999999999\n",
		"1 0\nsmall -2147483649\n",
		"-1 2\nnobody 1\nsomebody 2\n",
		"2 0\nalone\n",
		"2 0\nfirst 1\nsecond x\n",
		"x 1\nuser 1\n",
		"4\n",
		"+ 1\nuser 1\n",
		"1 1\n- 1\nuser -\n",
		"2 1\nfirst 1",
		"",
		"1 0\n" + strings.Repeat("n", 300) + " 65\n",
	}
	var pkts []crafted
	for i, a := range acls {
		pkts = append(pkts, store(uint32(40+i), a))
	}
	// A FetchACL call and its reply carrying a list of the same kind.
	reply := append([]byte{}, rxACLBody(nil, "1 1\n\xc3\x28x\v8\nyy\f-1\n")...)
	pkts = append(pkts,
		crafted{craftedUDP4(7001, 7000, rxFSData(90, true, 131, fid)), 0},
		crafted{rxReplySwap(craftedUDP4(7000, 7001, rxFSData(90, false, 0, nil)[:len(rxFSData(90, false, 0, nil))-8]+hexOf(reply))), 0},
	)
	// The first list cut short inside a user name.
	first := store(60, acls[0])
	pkts = append(pkts, craftedCut(first.hex, 6))
	return pkts
}

// hexOf is b in hex.
func hexOf(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// rxReplySwap is the Ethernet frame h (hex, an IPv4 datagram from
// craftedUDP4) with its IPv4 source and destination swapped, so that a
// reply goes back to the host that made the call.
func rxReplySwap(h string) string {
	h = strings.ReplaceAll(h, " ", "")
	src, dst := h[52:60], h[60:68]
	return h[:52] + dst + src + h[68:]
}

// TestRxACLScanLikeTcpdump prints the access lists of rxACLScanCases as
// tcpdump does.
func TestRxACLScanLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "rxaclscan", rxACLScanCases())
}

func init() { addFuzzSeeds(rxACLScanCases()) }
