package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// dccpSum fills in the checksum of the DCCP packet d (hex), over all of
// it, for IPv4 from 10.0.0.1 to 10.0.0.2 or IPv6 from 2001:db8::1 to
// 2001:db8::2.
func dccpSum(d string, v6 bool) string {
	b, err := hex.DecodeString(strings.ReplaceAll(d, " ", ""))
	if err != nil {
		panic(err)
	}
	b[6], b[7] = 0, 0
	var ph []byte
	if v6 {
		ph, _ = hex.DecodeString("20010db800000000000000000000000120010db8000000000000000000000002")
		ph = append(ph, 0, 0, byte(len(b)>>8), byte(len(b)), 0, 0, 0, 33)
	} else {
		ph = []byte{10, 0, 0, 1, 10, 0, 0, 2, 0, 33, byte(len(b) >> 8), byte(len(b))}
	}
	s := checksum(append(ph, b...), 0)
	b[6], b[7] = byte(s>>8), byte(s)
	return hex.EncodeToString(b)
}

// dccpPkt is a DCCP packet with extended sequence numbers from port 1234
// to 5001 of the type, the rest of its header (rest, options included;
// doff counts it) and data.
func dccpPkt(typ byte, rest, data string) string {
	return fmt.Sprintf("04d2 1389 %02x 00 0000 %02x 00 000000000007 ", (16+hexLen(rest))/4, typ<<1|1) + rest + " " + data
}

func dccpCrafted() []crafted {
	ack := "0000 000000000005 "
	opts := "00 02 20040102 2906 00000064 2a08 00000064 0005 2b04 0010 2404 abcd 2503 05 2604 1234 2c06 deadbeef 8004 0001 c006 00000002 01"
	pkts := []crafted{
		{craftIP4(33, dccpSum(dccpPkt(0, "00000064", ""), false)), 0},
		{craftIP4(33, dccpPkt(1, ack+"00000064", "")), 0},
		{craftIP4(33, dccpSum(dccpPkt(2, "", "68656c6c6f"), false)), 0},
		{craftIP4(33, dccpPkt(3, ack+opts, "")), 0},
		{craftIP4(33, dccpPkt(4, ack, "6869")), 0},
		{craftIP4(33, dccpPkt(5, ack, "")), 0},
		{craftIP4(33, dccpPkt(6, ack, "")), 0},
		{craftIP4(33, dccpPkt(7, ack+"02 010203", "")), 0},
		{craftIP4(33, dccpPkt(7, ack+"20 010203", "")), 0},
		{craftIP4(33, dccpPkt(8, ack, "")), 0},
		{craftIP4(33, dccpPkt(9, ack, "")), 0},
		{craftIP4(33, dccpPkt(12, ack, "")), 0},
		// short sequence numbers, a partial checksum coverage
		{craftIP4(33, dccpSum("04d2 1389 03 00 0000 04 000009 6869", false)), 0},
		{craftIP4(33, "04d2 1389 04 31 0000 06 000009 00 000005 6869"), 0},
		{craftIP6(33, dccpSum(dccpPkt(2, "", "68656c6c6f"), true)), 0},
		{craftIP6(33, dccpPkt(3, ack+"2903 00", "")), 0},
		// headers and options cut short
		{craftIP4(33, "04d2 1389 03 00 0000 0300 00000000"), 0},
		{craftIP4(33, "04d2 1389 03 00 0000 03"), 0},
		{craftIP4(33, dccpPkt(1, ack, "")), 0},
		{craftIP4(33, dccpPkt(7, ack, "")), 0},
		{craftIP4(33, dccpPkt(3, "0000 0000", "")), 0},
		{craftIP4(33, dccpPkt(3, ack+"2001 0000", "")), 0},
		{craftIP4(33, dccpPkt(3, ack+"8001 0000", "")), 0},
		{craftIP4(33, dccpPkt(3, ack+"00 2908 00", "")), 0},
		{craftIP4(33, dccpPkt(3, ack+"9008 00", "")), 0},
		{craftIP4(33, dccpPkt(3, ack+"2202 2203 22 2204 0c01 2905 0000 00 2a07 00000000 00 2b05 00000000 2b07 000000000000 2602 2703 ff 2802 3a02", "")), 0},
		{hexCut(craftIP4(33, dccpPkt(3, ack+opts, "")), 14+20+24+20), 0},
		{hexCut(craftIP4(33, dccpPkt(3, ack+opts, "")), 14+20+20), 0},
	}
	return pkts
}

// TestDCCPLikeTcpdump prints crafted packets with the local tcpdump and
// with the printer and compares the two.
func TestDCCPLikeTcpdump(t *testing.T) { protoLikeTcpdump(t, "dccp", dccpCrafted()) }

func init() { addFuzzSeeds(dccpCrafted()) }
