package printer

import (
	"fmt"
	"testing"
)

// TestGroupRecordsLikeTcpdump compares IGMPv3 and MLDv2 reports (one
// printer for both, groupRecords): known and unknown record types, with
// and without sources, a source count past the end, a group count past
// the end, and records cut short.
func TestGroupRecordsLikeTcpdump(t *testing.T) {
	igmp := func(recs ...string) string {
		body := ""
		for _, r := range recs {
			body += r
		}
		return craftIP4(2, fmt.Sprintf("22 00 0000 0000 %04x ", len(recs))+body)
	}
	mld := func(recs ...string) string {
		body := ""
		for _, r := range recs {
			body += r
		}
		return craftIP6(58, fmt.Sprintf("8f 00 0000 0000 %04x ", len(recs))+body)
	}
	g4 := "01 00 0000 e0000001 "
	g4src := "02 00 0002 e0000002 0a000001 0a000002 "
	g4bad := "09 00 0000 e0000003 "
	g4many := "01 00 0009 e0000004 0a000001 "
	g6 := "01 00 0000 ff020000000000000000000000000001 "
	g6src := "03 00 0001 ff020000000000000000000000000002 20010db8000000000000000000000001 "
	g6bad := "0a 00 0000 ff020000000000000000000000000003 "
	pkts := []crafted{
		{hex: igmp(g4, g4src, g4bad)},
		{hex: igmp(g4many)},
		{hex: craftIP4(2, "22 00 0000 0000 0003 "+g4)},
		{hex: mld(g6, g6src, g6bad)},
		{hex: craftIP6(58, "8f 00 0000 0000 0002 "+g6)},
	}
	pkts = append(pkts, craftedCut(igmp(g4, g4src), 5), craftedCut(mld(g6, g6src), 9))
	protoLikeTcpdump(t, "grouprecords", pkts)
}
