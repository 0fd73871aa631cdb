package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// decnetBranchCases are DECnet messages reaching what decnet_test.go
// leaves out: NSP data, interrupt and link service messages whose
// routing length word ends them at each byte of their acknowledgement
// fields (while the bytes are there), padding longer than the message,
// and a routing message whose entry count is past 1024.
func decnetBranchCases() []crafted {
	const eth = "aa0004000104 aa0004000204 6003 "
	var pkts []crafted
	for _, nsp := range []string{
		"00 0100 0200 0190 03a0 0600",
		"30 0100 0200 0180 04a0 0a00",
		"10 0100 0200 0180 06a0 0c00 00 05",
		"04 0100 0200 0180 02a0",
	} {
		body := dnShortHdr(0x02) + nsp
		for n := hexLen(body); n >= 6+5; n-- {
			pkts = append(pkts, crafted{eth + fmt.Sprintf("%02x%02x ", n, n>>8) + body, 0})
		}
	}
	pkts = append(pkts,
		crafted{dnFrame("8f 000000000000"), 0},
		crafted{dnFrame("85 00000000 " + dnShortHdr(0x02) + "20 0100 0200 0500"), 0},
		crafted{dnFrame("07 0204 00 0005 0100 0204 0000 0200 0008 0000"), 0},
		crafted{dnFrame("09 0204 00 0104 0100 0204 0000 0500 0008 0000"), 0},
	)
	return pkts
}

func init() { addFuzzSeeds(decnetBranchCases()) }

// TestDECnetBranchesLikeTcpdump prints decnetBranchCases as tcpdump does.
func TestDECnetBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "decnetbranches", decnetBranchCases())
}

// TestDECnetCodeTablesLikeTcpdump prints disconnects and connect
// messages with every reason and service byte, NSP messages of every
// flags byte, and control messages of every type byte, as tcpdump does.
func TestDECnetCodeTablesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for r := 0; r < 256; r++ {
		pkts = append(pkts, crafted{dnFrame(dnShortHdr(0x02) + fmt.Sprintf("38 0100 0200 %02x00 00", r)), 0},
			crafted{dnFrame(dnShortHdr(0x02) + fmt.Sprintf("48 0100 0200 %02x00", r)), 0},
			crafted{dnFrame(dnShortHdr(0x02) + fmt.Sprintf("18 0000 0200 %02x %02x 0004", r, r)), 0},
			crafted{dnFrame(dnShortHdr(0x02) + fmt.Sprintf("%02x 0100 0200 0000 0000 0000 00 05", r)), 0},
			crafted{dnFrame(fmt.Sprintf("%02x 0204 07 0005 02 00 00 0f00 00", r)), 0},
			crafted{dnFrame(fmt.Sprintf("0b 02 00 00 aa0004000204 %02x 0005 40 00 0f00 00", r) + "000000000000"), 0})
	}
	compareWithTcpdump(t, "decnettables", cbpf.LinkEN10MB, pkts, craftedFlagSets[:3])
}
