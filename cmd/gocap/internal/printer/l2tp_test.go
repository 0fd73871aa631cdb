package printer

import (
	"fmt"
	"testing"
)

// l2tpCtl is an L2TP control message (T, L, S) of tunnel 1, session 2
// with the AVPs.
func l2tpCtl(avps string) string {
	return fmt.Sprintf("c802 %04x 0001 0002 0003 0004 ", 12+hexLen(avps)) + avps
}

// l2tpAVP is an IETF AVP, mandatory, of the type and value.
func l2tpAVP(t uint16, v string) string {
	return fmt.Sprintf("%04x 0000 %04x ", 0x8000|(6+hexLen(v)), t) + v + " "
}

func l2tpCrafted() []crafted {
	sccrq := l2tpAVP(0, "0001") + l2tpAVP(2, "0100") + l2tpAVP(3, "00000003") + l2tpAVP(4, "00000003") +
		l2tpAVP(5, "0102030405060708") + l2tpAVP(6, "0690") + l2tpAVP(7, "6c6163") + l2tpAVP(8, "76656e646f72") +
		l2tpAVP(9, "0005") + l2tpAVP(10, "0004") + l2tpAVP(11, "abcdef")
	icrq := l2tpAVP(0, "000a") + l2tpAVP(1, "0002 0006 6572726f72") + l2tpAVP(12, "0010 01 6d7367") +
		l2tpAVP(13, "000102030405060708090a0b0c0d0e0f") + l2tpAVP(14, "0007") + l2tpAVP(15, "00000009") +
		l2tpAVP(16, "00002580") + l2tpAVP(17, "0000e100") + l2tpAVP(18, "00000001") + l2tpAVP(19, "00000002") +
		l2tpAVP(20, "") + l2tpAVP(21, "313233") + l2tpAVP(22, "343536") + l2tpAVP(23, "7375620a") +
		l2tpAVP(24, "05f5e100") + l2tpAVP(25, "00000001") + l2tpAVP(26, "0102") + l2tpAVP(27, "0304") +
		l2tpAVP(28, "0506")
	iccn := l2tpAVP(0, "000c") + l2tpAVP(29, "0002") + l2tpAVP(30, "75736572") + l2tpAVP(31, "1122") +
		l2tpAVP(32, "0105") + l2tpAVP(33, "3344") + l2tpAVP(34, "0000 00000001 00000002 00000003 00000004 00000005 00000006") +
		l2tpAVP(35, "0000 ffffffff 00000000") + l2tpAVP(36, "5566") + l2tpAVP(37, "67727031") +
		l2tpAVP(38, "00989680") + l2tpAVP(39, "") + l2tpAVP(46, "0001 c021 01 fe6d7367") + l2tpAVP(99, "00")
	short := l2tpAVP(0, "") + l2tpAVP(1, "00") + l2tpAVP(1, "0001 00") + l2tpAVP(2, "") + l2tpAVP(3, "00") +
		l2tpAVP(4, "") + l2tpAVP(5, "00") + l2tpAVP(6, "") + l2tpAVP(12, "0001") + l2tpAVP(13, "00") +
		l2tpAVP(15, "00") + l2tpAVP(18, "") + l2tpAVP(19, "") + l2tpAVP(29, "") + l2tpAVP(32, "") +
		l2tpAVP(34, "") + l2tpAVP(34, "0000 00000001 000000") + l2tpAVP(35, "00") + l2tpAVP(35, "0000 00000001") +
		l2tpAVP(46, "0001")
	pkts := []crafted{
		{craftedUDP4(1701, 1701, l2tpCtl(sccrq)), 0},
		{craftedUDP4(1701, 1701, l2tpCtl(icrq)), 0},
		{craftedUDP4(1701, 1701, l2tpCtl(iccn)), 0},
		{craftedUDP4(1701, 1701, l2tpCtl(short)), 0},
		{craftedUDP4(1701, 1701, l2tpCtl("")), 0},
		// hidden and vendor AVPs, a message type unknown
		{craftedUDP4(1701, 1701, l2tpCtl("c008 0000 0007 0102 0008 0009 0003 0102 0007 0000 0000 00ff")), 0},
		// data: PPP inside, with an offset, with a priority
		{craftedUDP4(50000, 1701, "0002 0001 0002 ff03 c021 0101 0004"), 0},
		{craftedUDP4(1701, 50000, "0202 0001 0002 0002 0000 ff03 0021 4500 0014 0001 0000 4001 0000 0a000001 0a000002"), 0},
		{craftedUDP4(1701, 1701, "4902 000e 0001 0002 0005 0006 ff03"), 0},
		// L2F, another version, headers cut or too long
		{craftedUDP4(1701, 1701, "0001 0000"), 0},
		{craftedUDP4(1701, 1701, "0003 0000"), 0},
		{craftedUDP4(1701, 1701, "c802 0040 0001 0002 0003 0004"), 0},
		{craftedUDP4(1701, 1701, "c802 0006 0001 0002 0003 0004"), 0},
		{craftedUDP4(1701, 1701, "8802 0001 0002 0003 0004"), 0},
		{craftedUDP4(1701, 1701, "c802 000c 0001"), 0},
		{craftedUDP4(1701, 1701, "0202 0001 0002 0010 0000"), 0},
		// AVPs of bad length, or cut short
		{craftedUDP4(1701, 1701, l2tpCtl("8004 0000 0000")), 0},
		{craftedUDP4(1701, 1701, l2tpCtl("8040 0000 0000 0001")), 0},
		{hexCut(craftedUDP4(1701, 1701, l2tpCtl(sccrq)), 14+20+8+12+20), 0},
	}
	return pkts
}

// TestL2TPLikeTcpdump prints crafted packets with the local tcpdump and
// with the printer and compares the two.
func TestL2TPLikeTcpdump(t *testing.T) { protoLikeTcpdump(t, "l2tp", l2tpCrafted()) }

func init() { addFuzzSeeds(l2tpCrafted()) }
