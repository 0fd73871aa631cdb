package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ospf2Auth is an OSPFv2 packet of the type and body from router
// 1.1.1.1 in area, with the authentication type and its 8 bytes of data;
// the length field counts the header and the body.
func ospf2Auth(typ byte, area string, auType uint16, auth, body string) string {
	return fmt.Sprintf("02%02x %04x 01010101 %s 0000 %04x %s ", typ, 24+hexLen(body), area, auType, auth) + body
}

// ospf2Pkt is an OSPFv2 packet in the backbone without authentication.
func ospf2Pkt(typ byte, body string) string {
	return ospf2Auth(typ, "00000000", 0, "0000000000000000", body)
}

// ospf2LSA is an LSA of the type, LSA ID and body, advertised by 2.2.2.2.
func ospf2LSA(typ byte, id, body string) string {
	return fmt.Sprintf("0001 02%02x %s 02020202 80000001 0000 %04x ", typ, id, 20+hexLen(body)) + body + " "
}

// ospf2LSU is a LS-Update of the LSAs.
func ospf2LSU(lsas ...string) string {
	return ospf2Pkt(4, fmt.Sprintf("%08x ", len(lsas))+strings.Join(lsas, ""))
}

func ospfCrafted() []crafted {
	hello := "ffffff00 000a 12 01 00000028 0a000001 0a000002 03030303 04040404"
	lshdr := "0001 0201 03030303 03030303 80000001 1234 0024 "
	router := ospf2LSA(1, "02020202", "03 00 0004 "+
		"03030303 0a000001 01 01 000a 02 00 0014 "+
		"0a000000 0a000001 02 00 0001 "+
		"0a010000 ffff0000 03 02 0005 01 00 0006 05 00 0007 "+
		"04040404 0a000009 04 00 0002")
	network := ospf2LSA(2, "0a000001", "ffffff00 01010101 02020202")
	summary := ospf2LSA(3, "0a020000", "ffff0000 0000000a 0100000b")
	asbr := ospf2LSA(4, "05050505", "00000000 00000014")
	external := ospf2LSA(5, "0a030000", "ffff0000 80ffffff 0a000009 00000007 02000005 00000000 00000000")
	nssa := ospf2LSA(7, "0a040000", "ffffff00 00000003 00000000 0a0a0a0a")
	group := ospf2LSA(6, "e0000001", "00000001 01010101 00000002 02020202 00000009 03030303")
	unknown := ospf2LSA(8, "01020304", "deadbeef")
	te := ospf2LSA(10, "01000001", "0001 0004 01010101 0002 0068 "+
		"0001 0001 01 000000 0002 0004 0a000002 0003 0004 0a000001 0004 0004 0a000002 "+
		"0005 0004 0000000a 0006 0004 4cee6b28 0007 0004 4cee6b28 "+
		"0009 0004 00000001 000b 0008 00000001 00000002 000e 0004 10000000 "+
		"0063 0002 abcd 0000 "+
		"0010 0008 00000001 00000002")
	te2 := ospf2LSA(10, "01000002", "0002 006c "+
		"0008 0020 4cee6b28 4cee6b28 4cee6b28 4cee6b28 4cee6b28 4cee6b28 4cee6b28 4cee6b28 "+
		"0011 000c 00000000 4cee6b28 4cee6b28 "+
		"000f 0024 01 02 0000 4cee6b28 4cee6b28 4cee6b28 4cee6b28 4cee6b28 4cee6b28 4cee6b28 4cee6b28 "+
		"0003 0004 0a000001 "+
		"0009 0003 000001 00")
	ri := ospf2LSA(10, "04000000", "0001 0004 000003f0 0007 0006 4142 43444546 0000")
	grace := ospf2LSA(9, "03000000", "0001 0004 00000078 0002 0001 01 000000 0003 0004 0a000001 0009 0002 abcd 0000")
	opq := ospf2LSA(11, "07000001", "0102030405060708")
	pkts := []crafted{
		// hello: DR, BDR, neighbors; none of them; simple and MD5
		// authentication; an unknown authentication type
		{craftIP4(89, ospf2Pkt(1, hello)), 0},
		{craftIP4(89, ospf2Auth(1, "00000001", 0, "0000000000000000", "ffffff00 000a 00 00 00000028 00000000 00000000")), 0},
		{craftIP4(89, ospf2Auth(1, "0a000000", 1, "7365637265740000", hello)), 0},
		{craftIP4(89, ospf2Auth(1, "00000000", 1, "0102030405060708", hello)), 0},
		{craftIP4(89, ospf2Auth(1, "00000000", 2, "0000 01 10 00000005", hello)+" 000102030405060708090a0b0c0d0e0f"), 0},
		{craftIP4(89, ospf2Auth(1, "00000000", 7, "0000000000000000", hello)), 0},
		// LLS after a hello and a DD, with MD5, too short, unknown TLVs
		{craftIP4(89, ospf2Pkt(1, "ffffff00 000a 10 01 00000028 00000000 00000000")+" 0000 0009 0001 0004 00000003 0002 0014 00000007 000102030405060708090a0b0c0d0e0f 0009 0000"), 0},
		{craftIP4(89, ospf2Pkt(1, "ffffff00 000a 10 01 00000028 00000000 00000000")+" 0000 0003 0001 0008 00000001 00000000 0002 0004 00000001"), 0},
		{craftIP4(89, ospf2Auth(1, "00000000", 2, "0000 01 10 00000005", "ffffff00 000a 10 01 00000028 00000000 00000000")+" 000102030405060708090a0b0c0d0e0f 0000 0002 0001 0004 00000002"), 0},
		{craftIP4(89, ospf2Auth(1, "00000000", 2, "0000 01 20 00000005", "ffffff00 000a 10 01 00000028 00000000 00000000")+" 000102030405060708090a0b0c0d0e0f 0000 0002"), 0},
		{craftIP4(89, ospf2Pkt(2, "05dc 52 07 00001234 "+lshdr)+" 0000 0003 0001 0004 00000001"), 0},
		{craftIP4(89, ospf2Pkt(1, "ffffff00 000a 10 01 00000028 00000000 00000000")+" 0000 0003 0001 00"), 0},
		// DD: MTU, flags, headers; opaque headers, a bogus length
		{craftIP4(89, ospf2Pkt(2, "05dc 42 07 00001234 "+lshdr+"0001 420a 04000001 03030303 80000002 0000 0018")), 0},
		{craftIP4(89, ospf2Pkt(2, "0000 00 08 00001234 "+lshdr+"0001 0201 03030303 03030303 80000001 1234 0010")), 0},
		// LS-Request, plain and opaque, cut in an entry
		{craftIP4(89, ospf2Pkt(3, "00000001 03030303 03030303 0000000a 04000005 03030303 00000063 01020304 03030303")), 0},
		{craftIP4(89, ospf2Pkt(3, "00000001 03030303 03030303 0000000a 0400")), 0},
		// LS-Update with every LSA type
		{craftIP4(89, ospf2LSU(router, network, summary, asbr)), 0},
		{craftIP4(89, ospf2LSU(external, nssa, group, unknown)), 0},
		{craftIP4(89, ospf2LSU(te, te2)), 0},
		{craftIP4(89, ospf2LSU(ri, grace, opq)), 0},
		// router links of an unknown type; a count past the LSAs; an LSA
		// shorter than its header; LSAs cut short
		{craftIP4(89, ospf2LSU(ospf2LSA(1, "02020202", "00 00 0002 03030303 0a000001 09 00 000a 03030303 0a000001 01 00 000a"), network)), 0},
		{craftIP4(89, ospf2Pkt(4, "00000003 "+network)), 0},
		{craftIP4(89, ospf2Pkt(4, "00000001 0001 0201 02020202 02020202 80000001 0000 0010")), 0},
		{hexCut(craftIP4(89, ospf2LSU(router)), 14+20+24+4+20+10), 0},
		{hexCut(craftIP4(89, ospf2LSU(router)), 14+20+24+4+20+4+20), 0},
		{hexCut(craftIP4(89, ospf2LSU(summary)), 14+20+24+4+20+6), 0},
		{hexCut(craftIP4(89, ospf2LSU(external)), 14+20+24+4+20+6), 0},
		{hexCut(craftIP4(89, ospf2LSU(external)), 14+20+24+4+20+14), 0},
		{hexCut(craftIP4(89, ospf2LSU(te)), 14+20+24+4+20+30), 0},
		{hexCut(craftIP4(89, ospf2LSU(ri)), 14+20+24+4+20+10), 0},
		{hexCut(craftIP4(89, ospf2LSU(grace)), 14+20+24+4+20+10), 0},
		// opaque TLVs of bad lengths
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "04000000", "0001 0008 00000001"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "04000000", "0001 0003 00000001"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "04000000", "0001 00"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(9, "03000000", "0001 0003 00000078"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(9, "03000000", "0002 0004 00000078"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(9, "03000000", "0002 0001 01"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(9, "03000000", "0001 0004 00000078 0002 0001 01"))), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", "0002 0008 0009 0003 000001 00"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", "0002 0008 0000 0004 00000001"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", "0002 0008 0001 0008 00000001"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", "0001 0002 0101 0000"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", "0001 0010 01010101"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", "0002 000c 0011 0008 00000000 4cee6b28"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", "0002 0018 0006 0004 7f800000 0007 0004 ffc00000 0006 0004 00000001"))), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", "0002 0008 0011 0003 000000 00"), network)), 0},
		{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", "0002 0008 0010 0003 000000 00"), network)), 0},
		// LS-Ack: headers until the capture ends, or a bogus length
		{craftIP4(89, ospf2Pkt(5, lshdr+lshdr)), 0},
		{craftIP4(89, ospf2Pkt(5, lshdr)+" 0000000000000000 0000000000000000 00000000"), 0},
		// unknown type, version 3, length fields off, cut headers
		{craftIP4(89, ospf2Pkt(9, "00000000")), 0},
		{craftIP4(89, ospf2Pkt(4, "00000000")+" 0000 0003 0001 0004 00000001"), 0},
		{craftIP4(89, ospf2Pkt(1, hello)+" 0000 0003 0001 0004 00000001"), 0},
		{craftIP4(89, "0301 0018 01010101 00000000 0000 0000000000000000"), 0},
		{craftIP4(89, "0201 0040 01010101 00000000 0000 0000000000000000 "+hello), 0},
		{craftIP4(89, "0201 0020 01010101 00000000 0000 0000000000000000 "+hello), 0},
		{craftIP4(89, "0201 00"), 0},
		{craftIP4(89, "0201 0014 01010101 00000000 0000 0002 00"), 0},
		{craftIP4(89, "0201 0014 01010101 00000000 0000 0002 0000000000000000 000000"), 0},
		{craftIP4(89, "0201 0014 01010101 00000000 0000 0002 0000"), 0},
		{craftIP4(89, "0201 0030 01010101 00000000 00"), 0},
		{hexCut(craftIP4(89, ospf2Pkt(1, hello)), 14+20+24+28), 0},
		{hexCut(craftIP4(89, ospf2Pkt(1, hello)), 14+20+24+10), 0},
		{hexCut(craftIP4(89, ospf2Pkt(2, "05dc 42 07 00001234 "+lshdr)), 14+20+24+8+10), 0},
	}
	return pkts
}

// TestOSPFLikeTcpdump prints crafted OSPFv2 packets with the local
// tcpdump and with the printer and compares the two.
func TestOSPFLikeTcpdump(t *testing.T) { protoLikeTcpdump(t, "ospf", ospfCrafted()) }

func init() { addFuzzSeeds(ospfCrafted()) }

// ospfSweepCases are LS-Updates with an LSA of every type (and opaque
// type), bodies of several lengths; TE link sub-TLVs, TE, router
// information and grace TLVs and LLS TLVs of every type up to 40; and
// packets of every type with bodies of several lengths.
func ospfSweepCases() []crafted {
	var pkts []crafted
	lens := []int{0, 1, 2, 3, 4, 6, 8, 12, 16, 20, 32, 36}
	for typ := 0; typ < 16; typ++ {
		for i, n := range lens {
			id := fmt.Sprintf("%02x000001", (typ+i)%12)
			pkts = append(pkts, crafted{craftIP4(89, ospf2LSU(ospf2LSA(byte(typ), id, patternHex(typ*16+i, n)))), 0})
		}
	}
	for st := 0; st < 40; st++ {
		for _, n := range lens {
			v := patternHex(st*3+n, n+(4-n%4)%4)
			tlv := fmt.Sprintf("%04x %04x %s", st, n, v)
			link := fmt.Sprintf("0002 %04x %s", hexLen(tlv), tlv)
			pkts = append(pkts,
				crafted{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", link))), 0},
				crafted{craftIP4(89, ospf2LSU(ospf2LSA(10, "01000001", tlv))), 0},
				crafted{craftIP4(89, ospf2LSU(ospf2LSA(10, "04000001", tlv))), 0},
				crafted{craftIP4(89, ospf2LSU(ospf2LSA(9, "03000001", tlv))), 0},
				crafted{craftIP4(89, ospf2Pkt(1, "ffffff00 000a 10 01 00000028 00000000 00000000")+
					fmt.Sprintf(" 0000 %04x ", 1+(n+3)/4)+tlv), 0})
		}
	}
	for typ := 0; typ < 8; typ++ {
		for _, n := range []int{0, 4, 8, 16, 24, 40} {
			pkts = append(pkts, crafted{craftIP4(89, ospf2Pkt(byte(typ), patternHex(typ+n, n))), 0})
		}
	}
	return pkts
}

// TestOSPFSweepLikeTcpdump prints LSAs, TLVs and packets of every type,
// of several lengths, as tcpdump does.
func TestOSPFSweepLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "ospf-sweep", ospfSweepCases()) }
