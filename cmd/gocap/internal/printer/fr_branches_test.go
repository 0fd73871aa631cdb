package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// q933BranchCases are Q.933 messages reaching what fr_test.go leaves
// out: a locking shift among the IEs (to the ANSI codeset and to an
// unknown one), a non-locking shift after it, and IEs of the LMI
// codesets that tcpdump does not decode.
var q933BranchCases = []crafted{
	{hex: q933LMI("00 75 51 01 00 95 51 01 00 53 02 0102")},
	{hex: q933LMI("00 75 01 01 00 96 51 01 00 99 51 01 00 01 01 00")},
	{hex: q933LMI("00 75 08 02 0102 09 01 05")},
	{hex: q933LMI("00 75 95 08 02 0102 53 02 0304")},
}

// TestQ933BranchesLikeTcpdump prints q933BranchCases on a Frame Relay
// link as tcpdump does.
func TestQ933BranchesLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkFrelay, q933BranchCases)
}

// TestMFRShortFrameLikeTcpdump prints FRF.16 fragments whose Frame
// Relay frame ends inside or just after its Q.922 address, and control
// messages whose IE is cut short, as tcpdump does.
func TestMFRShortFrameLikeTcpdump(t *testing.T) {
	pkts := []crafted{
		{hex: "c0 01 1840"},
		{hex: "c0 01 1841"},
		{hex: "c0 01 1840 02"},
		{hex: "c0 01 1840 03"},
		{hex: "c0 01 1841 03"},
		{hex: "80 01 1841"},
		{hex: "c0 01 1840", wire: 10},
		{hex: "c0 01 1841", wire: 10},
		{hex: "e1 00 03 02 05 41", wire: 20},
		{hex: "e1 00 03 02", wire: 20},
	}
	linkTypeLikeTcpdump(t, cbpf.LinkMFR, pkts)
}

// TestQ933NameTablesLikeTcpdump prints every message type, every IE of
// codeset 0 and of the ANSI codeset 5, and every report type, as
// tcpdump does.
func TestQ933NameTablesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for m := 0; m < 256; m++ {
		pkts = append(pkts, crafted{hex: q933LMI(fmt.Sprintf("00 %02x", m))})
	}
	for _, shift := range []string{"", "95"} {
		var ies string
		for ie := 0; ie < 128; ie++ {
			ies += fmt.Sprintf("%02x 02 0101", ie)
			if ie%32 == 31 {
				pkts = append(pkts, crafted{hex: q933LMI("00 75 " + shift + ies)})
				ies = ""
			}
		}
		for rt := 0; rt < 256; rt++ {
			pkts = append(pkts, crafted{hex: q933LMI(fmt.Sprintf("00 75 %s 01 01 %02x 51 01 %02x", shift, rt, rt))})
		}
	}
	linkTypeLikeTcpdump(t, cbpf.LinkFrelay, pkts)
}
