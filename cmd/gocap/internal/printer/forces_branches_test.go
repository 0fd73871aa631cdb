package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// forcesBranchCases are ForCES messages reaching the branches the other
// ForCES tests leave out: path data with fewer IDs than their count, data
// TLVs missing their padding, TLVs and ILVs whose lengths leave fewer
// bytes than a header or than their padding, and operations of every
// message type that does not take them.
func forcesBranchCases() []crafted {
	full := forcesTLVHex(0x112, "0000000100000002 0a0b0c")
	path := func(flags uint16, rest string, ids ...uint32) string {
		return forcesTLVHex(0x110, forcesPathHex(flags, rest, ids...))
	}
	lfbLen := func(body string) string { return forcesTLVLenHex(0x1000, uint16(4+hexLen(body)), body) }
	msgs := []string{
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "0000 0003 00000001")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "0000 0002 00000001 0000")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "0000 0001")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "00")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "0000 0001 00000001 01120005 aa")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "0000 0001 00000001 01120006 aabb")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "0000 0001 00000001 01130011 00000001 00000009 aa")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "0000 0001 00000001 01130010 00000001 00000009 aa000000")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, forcesTLVHex(0x113, forcesILVHex(1, "01020304")+"00000000"), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, forcesTLVHex(0x113, forcesILVHex(1, "01020304")+"00000001 00000004"), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(1, forcesTLVHex(0x111, "00000007 "+forcesTLVHex(0x113, "01020304")), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(1, forcesTLVHex(0x111, "00000007 "+full), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(1, forcesTLVHex(0x112, "01020304"), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(2, forcesTLVHex(0x112, "01020304"), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(3, full, 1)))),
		forcesMsgHex(3, 0, lfbLen("00000001 00000002 "+forcesTLVHex(1, path(0, full, 1))+" 0000 0000")),
		forcesMsgHex(3, 0, lfbLen("00000001 00000002 00010006 0000 0000")),
		forcesMsgHex(3, 0, lfbLen("00000001 00000002 "+forcesTLVHex(1, path(0, full, 1))+" 0000")+"0000"),
		forcesMsgHex(3, 0, lfbLen("00000001 00000002 "+forcesTLVHex(1, path(0, full, 1))+" 000000")+"00"),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "0000 0001 00000001 0113000d 00000001 00000009 aa")))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, forcesTLVHex(0x110, "0000 0001 00000001 0113000f 00000001 00000009 aa0000")))),
		forcesMsgHex(3, 0, lfbLen("00000001 00000002 00010003 00")),
		forcesMsgHex(3, 0, lfbLen("00000001 00000002 00010010 0000 0000")),
		forcesMsgHex(3, 0, forcesTLVLenHex(0x1000, 0x12, "00000001 00000002 0001 0008 00000000")),
		forcesMsgHex(3, 0, forcesTLVLenHex(0x1000, 0x02, "00000001")),
		forcesMsgHex(3, 0, forcesTLVLenHex(0x1000, 0x10, "00000001 00000002 00000000")),
		forcesMsgHex(3, 0, forcesTLVLenHex(0x1000, 0x0c, "00000001 00000002")),
		forcesMsgLenHex(3, 7, 0, "1000"),
		forcesMsgLenHex(3, 7, 0, "10000010"),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(4, path(0, forcesTLVHex(0x114, "00000000"), 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(4, path(0, forcesTLVHex(0x114, "0000"), 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(4, path(0, forcesTLVHex(0x114, "20000000"), 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(1, path(0, full, 1)))),
	}
	for _, tom := range []byte{5, 6, 7, 8, 9, 0x0f, 0x10, 0x12, 0x13, 0x14, 0x15, 0x16, 0x0e, 0x20} {
		msgs = append(msgs, forcesMsgHex(tom, 0, forcesLFBHex(forcesTLVHex(uint16(tom%14+1), path(0, full, 1)))))
	}
	for op := uint16(1); op <= 16; op++ {
		msgs = append(msgs, forcesMsgHex(5, 0, forcesLFBHex(forcesTLVHex(op, path(0, full, 1)))))
	}
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, crafted{forcesPktHex(m), 0})
	}
	// one message cut at each byte, the rest at a few places
	m := forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, forcesTLVHex(0x114, "00000000"), 1))))
	pkts = append(pkts, craftedCuts(forcesPktHex(m), hexLen(m), 1)...)
	for _, m := range msgs[:12] {
		h := forcesPktHex(m)
		for _, drop := range []int{1, 5, 9, 14} {
			if drop < hexLen(m) {
				pkts = append(pkts, craftedCut(h, drop))
			}
		}
	}
	return pkts
}

func TestForCESBranchLikeTcpdump(t *testing.T) {
	sets := append([]flagSet{
		{[]string{"-nn", "-vvv", "-x"}, Options{NumericLevel: 2, Verbose: 3, Hex: 1}},
		{[]string{"-nn", "-vvvv"}, Options{NumericLevel: 2, Verbose: 4}},
	}, faultFlagSets...)
	compareWithTcpdump(t, "forces-branch", cbpf.LinkEN10MB, forcesBranchCases(), sets)
}

func init() { addFuzzSeeds(forcesBranchCases()) }
