package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// protoFlagSets are the flag sets the per-protocol crafted packets are
// printed with: -nn, -v, -vv, and -x once.
var protoFlagSets = []flagSet{
	{[]string{"-nn"}, Options{NumericLevel: 2}},
	{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
	{[]string{"-nn", "-vv"}, Options{NumericLevel: 2, Verbose: 2}},
	{[]string{"-nn", "-vv", "-x"}, Options{NumericLevel: 2, Verbose: 2, Hex: 1}},
}

// protoLikeTcpdump compares the Ethernet frames pkts with the local
// tcpdump under each of protoFlagSets (compareWithTcpdump).
func protoLikeTcpdump(t *testing.T, name string, pkts []crafted) {
	t.Helper()
	compareWithTcpdump(t, name, cbpf.LinkEN10MB, pkts, protoFlagSets)
}

// addFuzzSeeds adds crafted Ethernet frames to protoFuzzSeeds, the
// per-protocol seeds of FuzzPacket.
func addFuzzSeeds(pkts []crafted) {
	for _, c := range pkts {
		protoFuzzSeeds = append(protoFuzzSeeds, c.hex)
	}
}

// craftIP6 is an Ethernet frame holding an IPv6 packet from 2001:db8::1
// to 2001:db8::2 of next header nh and the payload.
func craftIP6(nh byte, payload string) string {
	return fmt.Sprintf("000000000002 000000000001 86dd 6000 0000 %04x %02x40 20010db8000000000000000000000001 20010db8000000000000000000000002 ",
		hexLen(payload), nh) + payload
}

// craftIP4 is an Ethernet frame holding an IPv4 packet from 10.0.0.1 to
// 10.0.0.2 of protocol proto and the payload.
func craftIP4(proto byte, payload string) string {
	return faultEther + faultIP4(proto, hexLen(payload)) + payload
}

// ospf6Pkt is an OSPFv3 packet of the type and body, its length field
// right, from router 1.1.1.1 in the backbone.
func ospf6Pkt(typ byte, body string) string {
	return fmt.Sprintf("03%02x %04x 01010101 00000000 0000 00 00 ", typ, 16+hexLen(body)) + body
}

// ospf6LSA is an LSA of the type and body, advertised by 2.2.2.2.
func ospf6LSA(typ uint16, body string) string {
	return fmt.Sprintf("0001 %04x 00000000 02020202 80000001 0000 %04x ", typ, 20+hexLen(body)) + body + " "
}

func ospf6Crafted() []crafted {
	hello := "00000005 01000213 000a 0028 01010101 02020202 02020202"
	lshdr := "0001 2001 00000000 01010101 80000001 1234 0018 "
	router := ospf6LSA(0x2001, "01000033 01 00 000a 00000005 00000006 02020202 02 00 0001 00000007 00000008 03030303 04 00 0002 00000009 0000000a 04040404")
	network := ospf6LSA(0x2002, "00000033 01010101 02020202")
	interAP := ospf6LSA(0x2003, "0000000a 40 00 0000 20010db8 00000001 30 12 0000 20010db8 00010000")
	external := ospf6LSA(0x4005, "83000014 40 00 0100 20010db8 00000002 20010db8000000000000000000000009 0000002a 0a0a0a0a")
	link := ospf6LSA(0x0008, "01000033 fe800000000000000000000000000001 00000001 40 00 0000 20010db8 00000003")
	intraAP := ospf6LSA(0x2009, "0001 2001 00000000 01010101 40 00 000a 20010db8 00000004")
	grace := ospf6LSA(0x000b, "0001 0004 00000078 0002 0001 01 000000 0003 0004 0a000001 0005 0002 abcd 0000")
	te := ospf6LSA(0x000a, "0001 0004 01010101 0002 0038 0001 0001 01 000000 0002 0004 0a000002 0006 0004 4cee6b28 0009 0004 00000001 000b 0008 00000001 00000002 0010 0008 00000001 00000002")
	ri := ospf6LSA(0xa00c, "00010004 00000001")
	lsu := func(lsas ...string) string {
		return ospf6Pkt(4, fmt.Sprintf("%08x ", len(lsas))+strings.Join(lsas, ""))
	}
	pkts := []crafted{
		{craftIP6(89, ospf6Pkt(1, hello)), 0},
		{craftIP6(89, ospf6Pkt(1, "00000005 01000013 000a 0028 00000000 00000000")), 0},
		{craftIP6(89, ospf6Pkt(2, "00000013 05dc 00 07 00001234 "+lshdr+lshdr)), 0},
		{craftIP6(89, ospf6Pkt(3, "0000 2001 00000000 01010101 0000 0008 00000005 02020202")), 0},
		{craftIP6(89, lsu(router, network, interAP, external)), 0},
		{craftIP6(89, lsu(link, intraAP, grace, ri)), 0},
		{craftIP6(89, lsu(te)), 0},
		{craftIP6(89, ospf6Pkt(5, lshdr+lshdr)), 0},
		// unknown type, another version, instance, a length past the IP's
		{craftIP6(89, ospf6Pkt(9, "00000000")), 0},
		{craftIP6(89, "0201 0014 01010101 0a000000 0000 05 00 00000000"), 0},
		{craftIP6(89, "0305 0040 01010101 00000000 0000 00 00 00000000"), 0},
		// cut short: in the header, in the hello, in the neighbor list
		{craftIP6(89, "0301 00"), 0},
		{hexCut(craftIP6(89, ospf6Pkt(1, hello)), 14+40+16+10), 0},
		{craftIP6(89, "0301 0028 01010101 00000000 0000 00 00 00000005 01000013 000a 0028 00000000 00000000 0202"), 0},
		// the LS-Request cut in an entry, LS-Ack headers past the length
		{craftIP6(89, "0303 001c 01010101 00000000 0000 00 00 0000 2001 00000000 0101"), 0},
		{craftIP6(89, "0305 0020 01010101 00000000 0000 00 00 "+lshdr), 0},
		// LSAs: too short, bogus prefix length, unknown link type,
		// prefixes running past the LSA, a cut LSA
		{craftIP6(89, lsu("0001 2001 00000000 02020202 80000001 0000 0010")), 0},
		{craftIP6(89, lsu(ospf6LSA(0x2003, "0000000a c8 00 0000 20010db8 00000001"))), 0},
		{craftIP6(89, lsu(ospf6LSA(0x2001, "01000033 07 00 000a 00000005 00000006 02020202"))), 0},
		{craftIP6(89, lsu(ospf6LSA(0x2009, "0002 2001 00000000 01010101 40 00 000a 20010db8 00000004"))), 0},
		{craftIP6(89, lsu(ospf6LSA(0x0008, "01000033 fe80000000000000"))), 0},
		{craftIP6(89, lsu(ospf6LSA(0x4005, "03000014 40 00 0000 20010db8 00000002 20010db8"))), 0},
		{hexCut(craftIP6(89, lsu(router)), 110), 0},
		{hexCut(craftIP6(89, lsu(network, network)), 14+40+20+2*32-5), 0},
		// grace and TE TLVs of bad lengths
		{craftIP6(89, lsu(ospf6LSA(0x000b, "0001 0003 000078 00"))), 0},
		{craftIP6(89, lsu(ospf6LSA(0x000b, "0001 0010 00000078"))), 0},
		{craftIP6(89, lsu(ospf6LSA(0x000a, "0002 0008 0009 0003 000001 00"))), 0},
		{craftIP6(89, lsu(ospf6LSA(0x000a, "0002 0008 0000 0004 00000001"))), 0},
		// LLS and the authentication trailer
		{craftIP6(89, ospf6Pkt(1, "00000005 01000613 000a 0028 01010101 00000000")+" 0000 0008 00010000 0001 0020 0000 0001 00000000 00000002 000102030405060708090a0b0c0d0e0f"), 0},
		{craftIP6(89, ospf6Pkt(2, "00000613 05dc 00 07 00001234")+" 0000 0009 000100"), 0},
		{craftIP6(89, ospf6Pkt(5, "")+" 0002 0010 0000 0001 00000000 00000002"), 0},
		{craftIP6(89, ospf6Pkt(5, "")+" 0002 0040 0000 0001 00000000 00000002"), 0},
		{craftIP6(89, ospf6Pkt(5, "")+" 0002 0010 0000"), 0},
	}
	return pkts
}

// TestOSPF6LikeTcpdump prints crafted packets with the local tcpdump and
// with the printer and compares the two.
func TestOSPF6LikeTcpdump(t *testing.T) { protoLikeTcpdump(t, "ospf6", ospf6Crafted()) }

func init() { addFuzzSeeds(ospf6Crafted()) }

// ospf6SweepCases are LS-Updates with an LSA of every function code and
// flooding scope, bodies of several lengths; grace and TE TLVs, LLS TLVs
// and authentication trailers of every type up to 20; and packets of
// every type with bodies of several lengths.
func ospf6SweepCases() []crafted {
	var pkts []crafted
	for fc := 0; fc < 16; fc++ {
		for _, scope := range []uint16{0, 0x2000, 0x4000, 0x6000, 0x8000} {
			for i, n := range []int{0, 1, 2, 4, 8, 12, 16, 20, 24, 36, 44} {
				lsa := ospf6LSA(scope|uint16(fc), patternHex(fc*64+int(scope>>13)*11+i, n))
				pkts = append(pkts, crafted{craftIP6(89, ospf6Pkt(4, "00000001 "+lsa)), 0})
			}
		}
	}
	for st := 0; st < 20; st++ {
		for _, n := range []int{0, 1, 2, 4, 8, 12, 16} {
			tlv := fmt.Sprintf("%04x %04x %s", st, n, patternHex(st*5+n, n+(4-n%4)%4))
			pkts = append(pkts,
				crafted{craftIP6(89, ospf6Pkt(4, "00000001 "+ospf6LSA(0x000b, tlv))), 0},
				crafted{craftIP6(89, ospf6Pkt(4, "00000001 "+ospf6LSA(0x000a, fmt.Sprintf("0002 %04x ", hexLen(tlv))+tlv))), 0},
				crafted{craftIP6(89, ospf6Pkt(1, "00000005 01000613 000a 0028 01010101 00000000")+
					fmt.Sprintf(" 0000 %04x ", 1+(n+3)/4)+tlv), 0},
				crafted{craftIP6(89, ospf6Pkt(5, "")+fmt.Sprintf(" %04x %04x ", st, 16+n)+patternHex(st+n, 12+n)), 0})
		}
	}
	for typ := 0; typ < 8; typ++ {
		for _, n := range []int{0, 4, 8, 16, 24, 40} {
			pkts = append(pkts, crafted{craftIP6(89, ospf6Pkt(byte(typ), patternHex(typ*7+n, n))), 0})
		}
	}
	return pkts
}

// TestOSPF6SweepLikeTcpdump prints LSAs, TLVs, trailers and packets of
// every type, of several lengths, as tcpdump does.
func TestOSPF6SweepLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "ospf6-sweep", ospf6SweepCases()) }
