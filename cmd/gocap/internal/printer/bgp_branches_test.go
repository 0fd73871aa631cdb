package printer

import "testing"

// bgpBranchCases reach the branches of the BGP printer the other tests
// leave out: messages too short for their type, options and path
// attributes running past their lengths (in an UPDATE and inside an
// ATTR_SET), MP_REACH and MP_UNREACH attributes cut inside their fixed
// part and SNPAs, ADD-PATH guesses at the end of the capture, and NLRI
// of the multicast VPN, L2VPN and labeled families with every route
// type, address length and too-short item.
var bgpBranchCases = []crafted{
	// OPEN shorter than its fixed part; options longer than the message
	{tcpSegment(40000, 179, bgpLen(1, 25, "04 fde9 00b4 0a")), 0},
	{tcpSegment(40000, 179, bgpLen(1, 30, "04 fde9 00b4 0a000001 04 02")+bgpKeepalive), 0},
	{tcpSegment(40000, 179, bgpOpen("0102 abcd 0300")), 0},
	{tcpSegment(40000, 179, bgpLen(1, 25, "04 fde9 00b4 0a")+bgpKeepalive), 0},
	// UPDATEs whose withdrawn routes or attribute length run past the
	// message, the next message captured after them
	{tcpSegment(40000, 179, bgpLen(2, 25, "0010 18 0a0000 00")+bgpKeepalive), 0},
	{tcpSegment(40000, 179, bgpLen(2, 21, "0001")+bgpKeepalive), 0},
	{tcpSegment(40000, 179, bgpLen(2, 21, "0000")+bgpKeepalive), 0},
	{tcpSegment(40000, 179, bgpLen(2, 22, "0000 00")+bgpKeepalive), 0},
	{tcpSegment(40000, 179, bgpLen(2, 25, "0000 0008 4001 0100")+bgpKeepalive), 0},
	// NOTIFICATION and ROUTE-REFRESH shorter than their fixed parts
	{tcpSegment(40000, 179, bgpLen(3, 20, "06")+bgpKeepalive), 0},
	{tcpSegment(40000, 179, bgpLen(5, 22, "0001 00")+bgpKeepalive), 0},
	{tcpSegment(40000, 179, bgpMsg(5, "0002 00 80")), 0},
	// path attributes: fewer than 2 bytes, a length byte missing, an
	// extended length past the attributes
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0001 40 18 0a0000")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0003 90 01 00 18 0a0000")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0006 90 01 0005 00 18 0a0000")), 0},
	// the same inside an ATTR_SET
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fde9 40"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fde9 9001 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fde9 4001 05 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fde9 0001 01 00 4f01 01 02"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fd"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fde9 40")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fd")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 05 04 0000fde9")+bgpAttr(0x40, 1, "00")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 01 04 0000fde9")+bgpAttr(0x40, 1, "00")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 02 04 0000fde9")+bgpAttr(0x40, 1, "00")+bgpAttr(0x40, 1, "00")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 03 04 0000fde9")+bgpAttr(0x40, 1, "00")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 42 80 0000")+bgpAttr(0x40, 1, "00")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0019 41 000c 0000")+bgpAttr(0x40, 1, "00")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0xc0, 128, "0000fde9 9001 00")+bgpAttr(0x40, 1, "00"), "")), 0},
	// MP_REACH cut in its AFI/SAFI, next hop length, SNPA count and SNPAs
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 04 0a000001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 04 0a000001 02 01 aa"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 04 0a000001 01 05 aa"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 08 0a000001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 01 03 0a0000 00 18 0a0000"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 80 0b 00000000fde900640a0000 00 70 000641 0000fde900000064 0a0b0c"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0002 80 10 20010db8000000000000000000000001 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0003 80 08 0000fde900000064 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0003 80 0c 0000fde900000064 47000601 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0001 b9 04 0a000001 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 b9 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0009 01 00"), "")), 0},
	// ADD-PATH guesses reading past the capture, withdrawn and updated
	{tcpSegment(40000, 179, bgpMsg(2, "0007 00000001 08 0a 00 0000")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0000 00000001 08 0a 00")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0000 00000001 18 0a0000 00000002 20 0a000001")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0000 00000001 21 0a000001 00")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "0000 0000 00 18 0a0000 18")), 0},
	{tcpSegment(40000, 179, bgpMsg(2, "000a 00000001 18 0a0000 00 00 0000")), 0},
	// labeled prefixes: too short for the label, for the address
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 04 30")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0002 04 30")+bgpAttr(0x40, 1, "00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 04 10000641"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0002 04 a0000641 20010db8"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0002 04 98000640 20010db8000000000000000000000001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 04 37000641 0a0000 21000641 0a000001 01"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0002 04 10000641"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 04 180a00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0002 04 180a00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0003 80 ff000641 0000fde900000064 49"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0019 41 02 0a00 00 000c 0000fde900000064 0a000001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 14, "0019 41 04 0a000001 00 000c 0000fde900000064 0a000001"), "")), 0},
	// multicast VPN routes of each type
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05"+
		" 01 0c 0000fde900000064 0a000001"+
		" 01 18 0000fde900000064 20010db8000000000000000000000001"+
		" 01 0e 0000fde900000064 0a0000010000"+
		" 02 0c 0000fde900000064 0000fdea"+
		" 03 16 0000fde900000064 20 0a000001 20 e8000001 0a000002"+
		" 03 2a 0000fde900000064 00 80 ff0e0000000000000000000000000001 20010db8000000000000000000000002"+
		" 04 04 01020304"+
		" 05 12 0000fde900000064 20 0a000001 20 e8000001"+
		" 06 16 0000fde900000064 0000fdea 20 0a000001 20 e8000001"+
		" 07 3a 0000fde900000064 0000fdea 80 20010db8111122223333444455556666 80 ff0e1111222233334444555566667777"+
		" 09 00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 01 0c 0000fde9"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 02 0c 0000fde900000064"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 03 40 0000fde900000064 20 0a000001 20 e8000001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 05 04 0000fde9"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 06 0e 0000fde900000064 0000fdea 20 0a"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 05 03 0a 0000fde900000064 00 00"), "")), 0},
	// multicast VPN multicast routes (RT 66): bad length, short
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 42 80 0000fde900000064 0a000001 e8000001 40"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 42 80 0000fde9"), "")), 0},
	// L2VPN NLRI: BGP next hop form, too short, status vectors
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0019 41 000c 0000fde900000064 0a000001"+
		" 0016 0000fde900000064 0001 0002 000101 01 0010 abcd 05 0008"+
		" 0013 0000fde900000064 0001 0002 000101 01 0040"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0019 41 0011 0000fde900000064 0001 0002 000101 ff00"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0019 41 0013 0000fde900000064 0001 0002 000101 ff 0000 00"+
		" 0000000000000000000000000000000000000000000000000000000000000000"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0019 41 0010 0000fde900000064 01020304"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0019 41 000c 0000fde9"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0019 41 0012 0000fde900000064 0001"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0019 41 0049 0000fde900000064 0001 0002 000101 01 01a0"+
		" 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627 02 0010 abcd 01 0008 ab"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0019 41 0014 0000fde900000064 0001 0002 000101 01 00"), "")), 0},
	// NLRI of families tcpdump names but does not decode
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "0001 03 18 0a0000"), "")), 0},
	{tcpSegment(40000, 179, bgpUpdate("", bgpAttr(0x80, 15, "4004 46 18 0a0000"), "")), 0},
}

func TestBGPBranchLikeTcpdump(t *testing.T) {
	pkts := append([]crafted(nil), bgpBranchCases...)
	for _, c := range bgpBranchCases {
		pkts = append(pkts, craftedCuts(c.hex, 12, 5)...)
	}
	craftedLikeTcpdump(t, "bgp-branch", pkts)
}

func init() { craftedSeeds = append(craftedSeeds, bgpBranchCases...) }
