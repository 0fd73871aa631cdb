package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// ldpBranchCases are LDP PDUs reaching what ldp_test.go leaves out:
// versions other than 1 and PDU lengths under 6 on datagrams long enough
// to be decoded, TLVs with the U and F bits, an unknown address family
// in an address list, Martini VC FECs too short for their fields, with
// interface parameters of a bad length and of an unknown type, and
// prefix FECs ending at or inside the prefix, and a VCCV parameter
// cut short after its control channels.
func ldpBranchCases() []crafted {
	keep := ldpMsgHex(0x0201)
	pad := "0000000000"
	mapping := ldpMsgHex(0x0400,
		ldpTLVHex(0x0100|0x8000, "01"),
		ldpTLVHex(0x0100|0x4000, "01"),
		ldpTLVHex(0x0100|0xc000, "01"),
		ldpTLVHex(0x0100, "80 0004 08"),
		ldpTLVHex(0x0100, "80 0004 0c 00000007 00000064 0101 0102"),
		ldpTLVHex(0x0100, "80 0004 10 00000007 00000064 0902 0a0402 0104 05dc"),
		ldpTLVHex(0x0100, "80 0004 0b 00000007 00000064 0a040102 010100"),
		ldpTLVHex(0x0100, "80 0004 0e 00000007 00000064 0104 05dc 0902 0a03 00"),
		ldpTLVHex(0x0100, "80 8004 0c 00000007 00000064 7f06 01020304"))
	addr := ldpMsgHex(0x0300, ldpTLVHex(0x0101, "0099 01020304"), ldpTLVHex(0x0101, "1234"))
	var pkts []crafted
	// A VCCV interface parameter of length 3 ending the capture:
	// tcpdump prints its control channels before finding its CV types
	// missing.
	vccv := ldpPDUHex(ldpMsgHex(0x0400, ldpTLVHex(0x0100, "80 0004 07 00000007 00000064 0c03 64")))
	vccvFull := ldpPDUHex(ldpMsgHex(0x0400, ldpTLVHex(0x0100, "80 0004 08 00000007 00000064 0c04 6407")))
	pkts = append(pkts, crafted{craftedUDP4(646, 646, vccv), 0})
	pkts = append(pkts, craftedCuts(craftedUDP4(646, 646, vccvFull), 12, 1)...)
	for _, d := range []string{
		"0002 0010 c0000201 0000" + keep + pad,
		"0000 0010 c0000201 0000" + keep + pad,
		"0001 0005 c0000201 0000" + keep + pad,
		"0001 0000 c0000201 0000" + keep + pad,
		ldpPDUHex(mapping),
		ldpPDUHex(addr),
		ldpPDUHex(ldpMsgHex(0x0400, ldpTLVHex(0x0100, "02 0001"))),
		ldpPDUHex(ldpMsgHex(0x0400, ldpTLVHex(0x0100, "02 0001 18 0a01"))),
		ldpPDUHex(ldpMsgHex(0x0400, ldpTLVHex(0x0100, "02 0002 80 20010db8"))),
		ldpPDUHex(keep) + "0003 0010 c0000201 0000" + keep,
	} {
		pkts = append(pkts, crafted{craftedUDP4(646, 646, d), 0}, crafted{tcpSegment(40000, 646, d), 0})
	}
	return pkts
}

func init() { addFuzzSeeds(ldpBranchCases()) }

// TestLDPBranchesLikeTcpdump prints ldpBranchCases as tcpdump does.
func TestLDPBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ldpbranches", ldpBranchCases())
}

// TestLDPTypeTablesLikeTcpdump prints messages and TLVs of the types in
// and around each range LDP assigns, status codes (fatal and not),
// pseudowire types, address families and FEC types, as tcpdump does.
func TestLDPTypeTablesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	var tlvs []string
	for _, base := range []uint16{0x0000, 0x0100, 0x0200, 0x0300, 0x0400, 0x0500, 0x0600, 0x0700, 0x0800, 0x0900, 0x3e00, 0x3f00} {
		for i := uint16(0); i < 24; i++ {
			tlvs = append(tlvs, ldpTLVHex(base+i, "00000000 00000000"))
			pkts = append(pkts, crafted{craftedUDP4(646, 646, ldpPDUHex(ldpMsgHex(base+i, ldpTLVHex(0x0300, "00000000 00000000")))), 0})
		}
	}
	for s := 0; s < 0x40; s++ {
		tlvs = append(tlvs, ldpTLVHex(0x0300, fmt.Sprintf("%08x 00000000", s)), ldpTLVHex(0x0300, fmt.Sprintf("%08x 00000000", 0x80000000|s)))
	}
	for pw := 0; pw < 0x30; pw++ {
		tlvs = append(tlvs, ldpTLVHex(0x0100, fmt.Sprintf("80 %04x 04 00000007 00000064", pw)))
	}
	for af := 0; af < 40; af++ {
		tlvs = append(tlvs, ldpTLVHex(0x0101, fmt.Sprintf("%04x 01020304", af)))
	}
	for f := 0; f < 256; f++ {
		tlvs = append(tlvs, ldpTLVHex(0x0100, fmt.Sprintf("%02x", f)))
	}
	for _, g := range groupsOf(tlvs, 30) {
		pkts = append(pkts, crafted{craftedUDP4(646, 646, ldpPDUHex(ldpMsgHex(0x0400, g...))), 0})
	}
	compareWithTcpdump(t, "ldptables", cbpf.LinkEN10MB, pkts, craftedFlagSets[1:3])
}
