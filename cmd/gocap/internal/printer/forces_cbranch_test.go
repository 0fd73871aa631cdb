package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// forcesCBranchesCases are ForCES messages for tcpdump branches the other
// ForCES tests leave out: an ILV in sparse data whose length fits the
// data but its padding does not, and path data counting more IDs than
// its TLV holds while further TLVs follow it in the capture.
func forcesCBranchesCases() []crafted {
	pdat := func(body string) string { return forcesTLVHex(0x110, body) }
	msgs := []string{
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, pdat("0000 0001 00000004 "+forcesTLVLenHex(0x113, 14, "00000003 00000009 aabb 0000"))))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, pdat("0000 0001 00000004 "+forcesTLVLenHex(0x113, 15, "00000003 00000009 aabbcc 00"))))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, pdat("0000 0003 00000001")+pdat("0000 0001 00000002")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, pdat("0000 0002 00000001 0000")), forcesTLVHex(2, pdat("0000 0001 00000005")))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(7, pdat("0000 0004 00000001 00000002")+pdat("0000 0000")))),
	}
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, crafted{forcesPktHex(m), 0})
	}
	return pkts
}

func init() { addFuzzSeeds(forcesCBranchesCases()) }

// TestForCESCBranchesLikeTcpdump compares forcesCBranchesCases with
// tcpdump at every verbosity, -vvv and -vvvv included.
func TestForCESCBranchesLikeTcpdump(t *testing.T) {
	sets := append([]flagSet{
		{[]string{"-nn", "-vvv", "-x"}, Options{NumericLevel: 2, Verbose: 3, Hex: 1}},
		{[]string{"-nn", "-vvvv"}, Options{NumericLevel: 2, Verbose: 4}},
	}, faultFlagSets...)
	compareWithTcpdump(t, "forces-cbranches", cbpf.LinkEN10MB, forcesCBranchesCases(), sets)
}
