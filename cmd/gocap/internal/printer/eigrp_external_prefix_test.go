package printer

import "testing"

// TestEIGRPExternalPrefixLengthLikeTcpdump prints EIGRP external IPv4
// routes whose prefix length is past 32 (tcpdump stops the TLV there)
// and at 32, as tcpdump does.
func TestEIGRPExternalPrefixLengthLikeTcpdump(t *testing.T) {
	ext := func(bl string) string {
		return eigrpTLV(0x103, "0a000009 0a000063 000000c8 0000002a 00000005 0000 06 01 000007d0 00000064 0005dc 02 fe 03 0000 "+bl)
	}
	pkts := []crafted{
		{craftIP4(88, eigrpPkt(1, ext("21 ac100001 00")+eigrpTLV(4, "0c04 0102"))), 0},
		{craftIP4(88, eigrpPkt(1, ext("ff ac100001 00"))), 0},
		{craftIP4(88, eigrpPkt(1, ext("20 ac100001 00"))), 0},
	}
	protoLikeTcpdump(t, "eigrp-ext-prefix", pkts)
}
