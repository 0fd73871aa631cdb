package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// cfmBranchCases are CFM loopback messages reaching what cfm_test.go
// leaves out: an organisation-specific TLV too short for its OUI and
// Sender ID TLVs ending after the chassis ID length or with an empty
// management address domain.
func cfmBranchCases() []crafted {
	lbm := func(tlvs string) crafted { return crafted{cfmFrame("e0 03 00 04 00000009 " + tlvs + "00"), 0} }
	return []crafted{
		lbm(cfmTLV(31, "0102")),
		lbm(cfmTLV(31, "000c")),
		lbm(cfmTLV(31, "00000c")),
		lbm(cfmTLV(1, "02")),
		lbm(cfmTLV(1, "00 00")),
		lbm(cfmTLV(1, "00 00 05")),
		lbm(cfmTLV(1, "04 04 001122334455 00")),
		lbm(cfmTLV(1, "01 05 00")),
	}
}

func init() { addFuzzSeeds(cfmBranchCases()) }

// TestCFMBranchesLikeTcpdump prints cfmBranchCases as tcpdump does.
func TestCFMBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "cfmbranches", cfmBranchCases())
}

// TestCFMNameTablesLikeTcpdump prints every opcode, every TLV type,
// every port and interface status and chassis ID type, and continuity
// checks of each MD and MA name format and interval, as tcpdump does.
func TestCFMNameTablesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	var tlvs []string
	for v := 0; v < 256; v++ {
		pkts = append(pkts, crafted{cfmFrame(fmt.Sprintf("00 %02x 00 00 00", v)), 0})
		tlvs = append(tlvs, cfmTLV(byte(v), "01"), cfmTLV(2, fmt.Sprintf("%02x", v)), cfmTLV(4, fmt.Sprintf("%02x", v)),
			cfmTLV(1, fmt.Sprintf("02 %02x 0102", v)))
	}
	for _, g := range groupsOf(tlvs, 60) {
		pkts = append(pkts, crafted{cfmFrame("e0 03 00 04 00000009 " + strings.Join(g, "") + "00"), 0})
	}
	for md := 0; md < 8; md++ {
		for ma := 0; ma < 8; ma++ {
			body := fmt.Sprintf("00000001 0001 %02x 03 616263 %02x 02 6162", md, ma)
			body += strings.Repeat("00", 70-hexLen(body))
			pkts = append(pkts, crafted{cfmFrame(fmt.Sprintf("00 01 %02x 46 ", md) + body + "00"), 0})
		}
	}
	compareWithTcpdump(t, "cfmtables", cbpf.LinkEN10MB, pkts, craftedFlagSets[:3])
}
