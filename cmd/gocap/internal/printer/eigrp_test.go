package printer

import (
	"fmt"
	"testing"
)

// eigrpPkt is an EIGRP packet of the opcode and TLVs, AS 100.
func eigrpPkt(op byte, tlvs string) string {
	return fmt.Sprintf("02%02x 1234 00000001 00000005 00000004 0000 0064 ", op) + tlvs
}

// eigrpTLV is a TLV of the type and value, its length right.
func eigrpTLV(t uint16, v string) string {
	return fmt.Sprintf("%04x %04x ", t, 4+hexLen(v)) + v + " "
}

func eigrpCrafted() []crafted {
	params := eigrpTLV(1, "01 00 01 00 00 00 000f")
	sw := eigrpTLV(4, "0c04 0102")
	ipInt := eigrpTLV(0x102, "00000000 000007d0 00000064 0005dc 01 ff 01 0000 18 0a0001")
	ipInt2 := eigrpTLV(0x102, "0a000009 000007d0 00000064 0005dc 01 ff 01 0000 20 c0a80101")
	ipExt := eigrpTLV(0x103, "0a000009 0a000063 000000c8 0000002a 00000005 0000 06 01 000007d0 00000064 0005dc 02 fe 03 0000 10 ac10")
	atInt := eigrpTLV(0x202, "00000000 000007d0 00000064 0005dc 01 ff 01 0000 0064 0065")
	atExt := eigrpTLV(0x203, "00640005 00000007 00000008 00000009 0b 00 0003 000007d0 00000064 0005dc 01 ff 01 0000 0064 0065")
	atCable := eigrpTLV(0x204, "0064 0065 00000007")
	seq := eigrpTLV(3, "04 0a000001")
	pkts := []crafted{
		{craftIP4(88, eigrpPkt(5, params+sw)), 0},
		{craftIP4(88, eigrpPkt(1, ipInt+ipInt2+ipExt)), 0},
		{craftIP4(88, eigrpPkt(3, atInt+atExt+atCable)), 0},
		{craftIP4(88, eigrpPkt(4, seq+eigrpTLV(0x999, "0102"))), 0},
		{craftIP4(88, eigrpPkt(7, "")), 0},
		{craftIP4(88, eigrpPkt(9, params)), 0},
		// another version, a header cut short
		{craftIP4(88, "0105 0000 00000000 00000000 00000000 0000 0064"), 0},
		{craftIP4(88, "0205 0000 00000000"), 0},
		// TLVs too short, of a length past the packet, cut short
		{craftIP4(88, eigrpPkt(5, eigrpTLV(1, "0100")+eigrpTLV(4, "")+eigrpTLV(0x102, "00")+eigrpTLV(0x103, "00")+
			eigrpTLV(0x202, "00")+eigrpTLV(0x203, "00")+eigrpTLV(0x204, "00"))), 0},
		{craftIP4(88, eigrpPkt(5, "0001 0040 01000100")), 0},
		{craftIP4(88, eigrpPkt(5, "0001 0002 01000100")), 0},
		{hexCut(craftIP4(88, eigrpPkt(5, params+sw)), 14+20+20+10), 0},
		{hexCut(craftIP4(88, eigrpPkt(5, params+sw)), 14+20+20+2), 0},
		// an illegal prefix length, a prefix past the capture
		{craftIP4(88, eigrpPkt(1, eigrpTLV(0x102, "00000000 000007d0 00000064 0005dc 01 ff 01 0000 21 0a0001"))), 0},
		{craftIP4(88, eigrpPkt(1, "0102 001a 00000000 000007d0 00000064 0005dc 01 ff 01 0000 20 0a")), 0},
	}
	return pkts
}

// TestEIGRPLikeTcpdump prints crafted packets with the local tcpdump and
// with the printer and compares the two.
func TestEIGRPLikeTcpdump(t *testing.T) { protoLikeTcpdump(t, "eigrp", eigrpCrafted()) }

func init() { addFuzzSeeds(eigrpCrafted()) }

// eigrpSweepCases are EIGRP packets of each opcode with a TLV of each
// type tcpdump knows (and some it does not), of several lengths, over
// IPv4 and IPv6.
func eigrpSweepCases() []crafted {
	var pkts []crafted
	for i, typ := range []uint16{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xf0, 0x101, 0x102, 0x103, 0x104, 0x201, 0x202, 0x203, 0x204, 0x302, 0x402, 0x403, 0x602} {
		for j, n := range []int{0, 1, 4, 8, 12, 16, 20, 24, 28, 32, 40, 44} {
			pkt := eigrpPkt(byte(1+(i+j)%11), eigrpTLV(typ, patternHex(i*12+j, n)))
			pkts = append(pkts, crafted{craftIP4(88, pkt), 0})
			if j%4 == 0 {
				pkts = append(pkts, crafted{craftIP6(88, pkt), 0})
			}
		}
	}
	return pkts
}

// TestEIGRPSweepLikeTcpdump prints EIGRP packets with a TLV of every
// known type, of several lengths, over IPv4 and IPv6, as tcpdump does.
func TestEIGRPSweepLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "eigrp-sweep", eigrpSweepCases()) }
