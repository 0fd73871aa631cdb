package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// pgmBranchCases are PGM packets reaching what pgm_test.go leaves out:
// each packet type cut short at every byte of its body (the SPM and
// POLL addresses, NAK source, POLR and ACK fields, a redirect option's
// address), a POLL of an unknown address family and an OPT_LENGTH
// option of the wrong length after the first.
func pgmBranchCases() []crafted {
	pkts := []crafted{
		{craftIP4(113, pgmPkt(1, 0, "00000001 0002 0000 0009 0000 0a000001 00000064 deadbeef ffff0000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 000c 0006 0000 0000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 000c 8006 0000 0000")), 0},
	}
	for _, full := range []string{
		craftIP4(113, pgmPkt(0, 0, "00000001 00000002 00000003 0002 0000 20010db8000000000000000000000001")),
		craftIP4(113, pgmPkt(1, 0, "00000001 0002 0000 0002 0000 20010db8000000000000000000000001 00000064 deadbeef ffff0000")),
		craftIP4(113, pgmPkt(2, 0, "00000001 0002 0000")),
		craftIP4(113, pgmPkt(8, 0, "00000007 0002 0000 20010db8000000000000000000000001 0001 0000 e0000001")),
		craftIP4(113, pgmPkt(11, 0, "00000007 ffffffff")),
		craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 001c 0718 0000 0002 0000 20010db8000000000000000000000009")),
	} {
		for n := 14 + 20 + 16; n < hexLen(full); n++ {
			pkts = append(pkts, crafted{hexCut(full, n), hexLen(full)})
		}
	}
	return pkts
}

func init() { addFuzzSeeds(pgmBranchCases()) }

// TestPGMBranchesLikeTcpdump prints pgmBranchCases as tcpdump does.
func TestPGMBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "pgmbranches", pgmBranchCases())
}

// TestPGMTypeTablesLikeTcpdump prints every packet type and every
// option type with values of 0, 4 and 8 bytes, as tcpdump does.
func TestPGMTypeTablesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for o := 0; o < 256; o++ {
		pkts = append(pkts, crafted{craftIP4(113, pgmPkt(4, 1, fmt.Sprintf("00000005 00000001 0004 0010 %02x0c 0000 00000001 00000002", o))), 0},
			crafted{craftIP4(113, pgmPkt(4, 1, fmt.Sprintf("00000005 00000001 0004 000c %02x08 0000 00000001", o))), 0},
			crafted{craftIP4(113, pgmPkt(4, 1, fmt.Sprintf("00000005 00000001 0004 0008 %02x04 0000", o))), 0},
			crafted{craftIP4(113, pgmPkt(byte(o), 0, "00000005 00000001 00000002 00000003")), 0})
	}
	compareWithTcpdump(t, "pgmtables", cbpf.LinkEN10MB, pkts, craftedFlagSets[:3])
}
