package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// isakmpCBranchesCases are ISAKMP messages for tcpdump branches the
// other ISAKMP tests leave out: IKEv2 notifications of every named type
// (with and without an SPI, and with data after it) and of each unnamed
// range, cookies and others with data around the 30 bytes tcpdump shows
// in part, and IKEv1 identities of the subnet and range types too short
// for their two addresses.
func isakmpCBranchesCases() []crafted {
	const (
		ick = "7a7a7a7a01020304"
		rck = "0f0e0d0c0b0a0908"
	)
	var pkts []crafted
	add := func(m string) { pkts = append(pkts, crafted{hex: craftedUDP4(500, 500, m)}) }
	types := []int{1, 4, 5, 7, 9, 11, 14, 17, 24, 34, 35, 36, 37, 39,
		16384, 16385, 16386, 16387, 16388, 16389, 16390, 16391, 16392, 16393, 16394, 16395,
		2, 8191, 8192, 16383, 20000, 40959, 40960, 65535}
	for i, typ := range types {
		withSPI := fmt.Sprintf("03 04 %04x 1a2b3c4d", typ)
		noSPI := fmt.Sprintf("01 00 %04x", typ)
		if i%2 == 0 {
			withSPI += " 00112233445566778899"
			noSPI += " 6162636465"
		}
		add(ikeMsg(ick, rck, 41, 0x20, 37, 0x20, uint32(i+1), 0, ikePay(41, 0, withSPI), ikePay(0, 0x80, noSPI)))
	}
	// cookies (whose data tcpdump shows in part when 30 bytes or
	// longer) and other types with long data, with and without an SPI
	for _, n := range []int{29, 30, 64} {
		data := strings.Repeat("c5", n)
		for _, typ := range []int{16390, 16388, 1} {
			add(ikeMsg(ick, rck, 41, 0x20, 34, 0x08, uint32(100+n), 0,
				ikePay(41, 0, fmt.Sprintf("00 00 %04x ", typ)+data), ikePay(0, 0, fmt.Sprintf("03 04 %04x 01020304 ", typ)+data)))
		}
	}
	v1ID := func(body string) string {
		return ikeMsg(ick, rck, 5, 0x10, 32, 0, 0x0a0b0c0d, 0, ikePay(0, 0, body))
	}
	for _, idt := range []string{"04", "07", "08", "0a"} {
		add(v1ID(idt + " 11 0035 c0a80001"))
		add(v1ID(idt + " 06 01bb c0a80001 0000"))
		add(v1ID(idt + " 00 0000 c0a80001 ffffff00"))
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, isakmpCBranchesCases()...) }

// TestISAKMPCBranchesLikeTcpdump compares isakmpCBranchesCases with
// tcpdump at each verbosity.
func TestISAKMPCBranchesLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "isakmpcbranches", cbpf.LinkEN10MB, isakmpCBranchesCases(), isakmpBranchesFlagSets)
}
