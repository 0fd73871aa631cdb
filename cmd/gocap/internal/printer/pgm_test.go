package printer

import (
	"fmt"
	"testing"
)

// pgmPkt is a PGM packet from port 1234 to 7500 of the type, options
// flag and body; its length field is the body's length.
func pgmPkt(typ, opts byte, body string) string {
	return fmt.Sprintf("04d2 1d4c %02x %02x 0000 010203040506 %04x ", typ, opts, hexLen(body)) + body
}

func pgmCrafted() []crafted {
	opts := "0110 0000 00000001 00000002 00000003 " + // fragment
		"020c 0000 00000005 00000006 " + // NAK list
		"0308 0000 00000007 " + // join
		"040c 0000 00000008 00000009 " + // backoff interval
		"050c 0000 0000000a 0000000b " + // backoff range
		"070c 0000 0001 0000 0a000009 " + // redirect
		"0808 0000 0000000c 0908 0000 0000000d 0a08 0000 0000000e " + // parity
		"0b04 0000 0d04 0000 0e04 0000 0f04 0000 1104 0000 " +
		"1210 0000 0000000f 0001 0000 0a00000a " + // pgmcc data
		"131c 0000 00000010 0002 0000 20010db8000000000000000000000007 " + // pgmcc feedback
		"0004 0000 " + // OPT_LENGTH again
		"9008 0000 00000000" // CR, the end
	allOpts := fmt.Sprintf("0004 %04x ", 4+hexLen(opts)) + opts
	pkts := []crafted{
		{craftIP4(113, pgmPkt(0, 0, "00000001 00000002 00000003 0001 0000 0a000001")), 0},
		{craftIP4(113, pgmPkt(0, 0, "00000001 00000002 00000003 0002 0000 20010db8000000000000000000000001")), 0},
		{craftIP4(113, pgmPkt(1, 0, "00000001 0002 0000 0001 0000 0a000001 00000064 deadbeef ffff0000")), 0},
		{craftIP4(113, pgmPkt(2, 0, "00000001 0002 0000")), 0},
		{craftIP4(113, pgmPkt(4, 0, "00000005 00000001 68656c6c6f")), 0},
		{craftIP4(113, pgmPkt(5, 1, "00000005 00000001 "+allOpts)), 0},
		{craftIP4(113, pgmPkt(8, 0, "00000007 0001 0000 0a000001 0001 0000 e0000001")), 0},
		{craftIP4(113, pgmPkt(9, 0, "00000007 0001 0000 0a000001 0001 0000 0001 0000")), 0},
		{craftIP4(113, pgmPkt(10, 0, "00000007 0002 0000 20010db8000000000000000000000001 0001 0000 0002 0000 20010db8000000000000000000000002")), 0},
		{craftIP4(113, pgmPkt(11, 0, "00000007 ffffffff")), 0},
		{craftIP4(113, pgmPkt(12, 0, "")), 0},
		{craftIP4(113, pgmPkt(13, 0, "")), 0},
		{craftIP6(113, pgmPkt(4, 0, "00000005 00000001")), 0},
		{craftIP6(0, "7100 0000 0000 0000 "+pgmPkt(4, 0, "00000005 00000001")), 0},
		// an unknown address family, cut short
		{craftIP4(113, pgmPkt(0, 0, "00000001 00000002 00000003 0003 0000 0a000001")), 0},
		{craftIP4(113, pgmPkt(0, 0, "00000001 00000002 00000003 0001 0000 0a00")), 0},
		{craftIP4(113, pgmPkt(8, 0, "00000007 0001 0000 0a000001 0001 0000 0003 0000")), 0},
		{craftIP4(113, pgmPkt(1, 0, "00000001 0002 0000 0001 0000 0a000001 00000064")), 0},
		{craftIP4(113, "04d2"), 0},
		{craftIP4(113, "04d2 1d4c 04 00 0000 0102"), 0},
		{craftIP4(113, pgmPkt(4, 0, "00000005")), 0},
		// bad options
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0104 0008")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0005 0008")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0002")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0006 0000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0008 0102 0000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0008 0108 0000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0010 010c 0000 00000000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 000c 0206 0000 0000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0010 070c 0000 0001 0000 0a00")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0010 070c 0000 0003 0000 0a000001")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0010 070c 0000 0002 0000 0a000001")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 000c 0706 0000 0001")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 000c 1308 0000 00000001")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 000c 1208 0000 00000001")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0014 1210 0000 00000001 0002 0000 0a000001")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0010 0c08 0000 0000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 000c bf06 0000 0000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0014 8c06 0000 0000 0000 0000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0010 0d08 0000 00000000")), 0},
		{craftIP4(113, pgmPkt(4, 1, "00000005 00000001 0004 0010 0d04 0000 0d04 0000")), 0},
	}
	return pkts
}

// TestPGMLikeTcpdump prints crafted packets with the local tcpdump and
// with the printer and compares the two.
func TestPGMLikeTcpdump(t *testing.T) { protoLikeTcpdump(t, "pgm", pgmCrafted()) }

func init() { addFuzzSeeds(pgmCrafted()) }
