package printer

import "testing"

// isisCBranchCases are IS-IS LSPs whose extended IS reachability TLVs
// (plain, multi-topology and IS alias) declare sub-TLVs longer than the
// TLV: a sub-TLV longer than the declared sub-TLV length makes tcpdump
// count that whole declared length as used, more than the TLV holds.
func isisCBranchCases() []crafted {
	var pkts []crafted
	for _, tlv := range []string{
		isisTLV(22, "1921680010ff01 00000a c8 03fa"),
		isisTLV(22, "1921680010ff01 00000a c8 03fa 00"),
		isisTLV(22, "1921680010ff01 00000a 05 0304 0000"),
		isisTLV(222, "0002 1921680010ff01 00000a c8 03fa"),
		isisTLV(222, "0002 1921680010ff01 00000a 40 0606 0a0000"),
		isisTLV(24, "1921680010ff01 c8 03fa"),
		isisTLV(24, "1921680010ff01 10 0908 0000"),
	} {
		pkts = append(pkts, crafted{isisFrame(isisLSPWith(tlv + isisTLV(129, "cc"))), 0})
	}
	return pkts
}

func init() { addFuzzSeeds(isisCBranchCases()) }

// TestISISCBranchesLikeTcpdump prints isisCBranchCases as tcpdump does.
func TestISISCBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "isiscbranches", isisCBranchCases())
}
