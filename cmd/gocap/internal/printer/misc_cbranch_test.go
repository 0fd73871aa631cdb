package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// miscCBranchCases are PIM, PGM, PPTP and Telnet packets reaching what
// their other tests leave out: PIMv1 Join/Prune messages whose group
// count runs past the message (at -vv), PIMv2 messages whose reserved
// byte gives a raw address length (16 and one tcpdump rejects), PGM
// NAK, NNAK and NCF packets (tcpdump reads the group's family from
// the bytes after the group's family and reserved field), PGMCC options of the wrong length for their
// address family, a PGM header in IPv6 cut after its source port, PPTP
// stop requests of each reason and a message type neither control nor
// management, and Telnet ENCRYPT sub-negotiations ending early.
func miscCBranchCases() []crafted {
	jp := "10000000 0a000009 0000 00b4 0000 "
	pkts := []crafted{
		{pimv1Hex(3, jp+"0003"), 0},
		{pimv1Hex(3, jp+"0002 e0000001"), 0},
		{pimv1Hex(3, jp+"0002 e0000001 ffffffff 0001 0000 01 98 0a000005 e0000002"), 0},
		{craftIP4(103, pimMsgHex(false, 0x23, 16, "20010db8000000000000000000000009 00 01 00b4 0200 00 80 ff0e0000000000000000000000000001 0001 0000 0200 07 80 20010db8000000000000000000000005", -1)), 0},
		{craftIP4(103, pimMsgHex(false, 0x23, 5, "0a00000901 00 01 00b4", -1)), 0},
		{craftIP4(103, pimMsgHex(false, 0x22, 16, "20010db8000000000000000000000009", -1)), 0},
		{craftIP6(103, pimMsgHex(true, 0x23, 4, "0a000009 00 01 00b4 0100 00 20 e0000001 0001 0000 0100 07 20 0a000005", -1)), 0},
	}
	for _, typ := range []byte{8, 9, 10} {
		pkts = append(pkts,
			crafted{craftIP4(113, pgmPkt(typ, 0, "00000007 0001 0000 0a000001 0001 0000 0001 e001")), 0},
			crafted{craftIP4(113, pgmPkt(typ, 0, "00000007 0002 0000 20010db8000000000000000000000001 0002 0000 0002 ff0e000000000000000000000001")), 0})
	}
	for _, opt := range []string{
		"9214 0000 0000000f 0001 0000 0a00000a 00000000",
		"920c 0000 0000000f 0002 0000",
		"9220 0000 0000000f 0002 0000 20010db8000000000000000000000007",
		"9320 0000 00000010 0002 0000 20010db8000000000000000000000007 00000000",
		"9314 0000 00000010 0001 0000 0a000007 00000000",
		"9310 0000 00000010 0001 0000 0a000007",
	} {
		pkts = append(pkts, crafted{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 "+fmt.Sprintf("0004 %04x ", 4+hexLen(opt))+opt)), 0})
	}
	pgm6 := craftIP6(113, pgmPkt(0, 0, "00000001 00000002 00000003 0001 0000 0a000001"))
	pkts = append(pkts, crafted{hexCut(pgm6, 14+40+2), hexLen(pgm6)}, crafted{hexCut(pgm6, 14+40+1), hexLen(pgm6)})
	for _, reason := range []string{"01", "02", "03", "04"} {
		pkts = append(pkts, crafted{tcpSegment(40000, 1723, pptpCtrl(3, 0, reason+" 00 0000")), 0})
	}
	pkts = append(pkts,
		crafted{tcpSegment(49152, 1723, "0010 0003 1a2b3c4d 0005 0000 01000000"), 0},
		crafted{tcpSegment(49152, 1723, "0010 0000 1a2b3c4d 0003 0000 01000000"), 0})
	for _, pl := range []string{"fffa26 fff0", "fffa26 03 fff0", "fffa25 fff0 fffb01", "fffa26"} {
		pkts = append(pkts, crafted{tcpSegment(23, 40000, pl), 0})
	}
	return pkts
}

func init() { addFuzzSeeds(miscCBranchCases()) }

// TestMiscCBranchesLikeTcpdump prints miscCBranchCases as tcpdump does.
func TestMiscCBranchesLikeTcpdump(t *testing.T) {
	sets := append([]flagSet{{[]string{"-nn", "-X", "-vvv"}, Options{NumericLevel: 2, Verbose: 3, HexASCII: 1}}}, craftedFlagSets...)
	compareWithTcpdump(t, "misccbranches", cbpf.LinkEN10MB, miscCBranchCases(), sets)
}
