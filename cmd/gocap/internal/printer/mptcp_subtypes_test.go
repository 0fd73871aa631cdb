package printer

import (
	"fmt"
	"strings"
	"testing"
)

// tcpFlagsOptions is an Ethernet frame with an IPv4 TCP segment of the
// flags (no payload) carrying the options given in hex, padded with
// end-of-list bytes to a multiple of four.
func tcpFlagsOptions(flags byte, opts string) string {
	opts = strings.ReplaceAll(opts, " ", "")
	for len(opts)%8 != 0 {
		opts += "00"
	}
	n := 20 + len(opts)/2
	return faultEther + faultIP4(6, n) +
		fmt.Sprintf("a411 01bb 0000abcd 00001234 %02x%02x 2000 0000 0000 ", n/4<<4, flags) + opts
}

// mptcpSubtypeCases are MPTCP options of every subtype and of the
// lengths tcpdump tells apart (MP_CAPABLE with and without keys and the
// checksum flag, MP_JOIN of each handshake step, DSS with each
// combination of ack, sequence, 8-byte numbers, checksum and FIN,
// REMOVE_ADDR lists, MP_PRIO with and without an id, MP_FAIL and
// MP_FASTCLOSE, unknown subtypes and versions, lengths that do not fit),
// each on a SYN, a SYN-ACK, an ACK and a FIN-ACK segment, since tcpdump
// checks the options against the flags.
func mptcpSubtypeCases() []crafted {
	opts := []string{
		"1e0c 0081 0102030405060708", "1e04 0001", "1e0c 0101 0102030405060708", "1e0c 0201 0102030405060708",
		"1e14 0081 0102030405060708 1112131415161718", "1e16 0181 0102030405060708 1112131415161718 0010",
		"1e0c 1101 01020304 05060708", "1e10 1001 0102030405060708 01020304",
		"1e18 1000 0102030405060708 1112131415161718 21222324",
		"1e08 2001 01020304", "1e0c 2003 0102030405060708", "1e0e 2004 01020304 05060708 000a",
		"1e10 2004 01020304 05060708 000a 1234", "1e14 2005 01020304 05060708 09101112 000a",
		"1e16 2005 01020304 05060708 09101112 000a 1234", "1e1c 200f 0102030405060708 1112131415161718 21222324 000a",
		"1e1e 201f 0102030405060708 1112131415161718 21222324 000a abcd", "1e12 200c 0102030405060708 01020304 0005",
		"1e04 2010", "1e06 2001 0102", "1e05 4001 02", "1e06 4001 0203", "1e03 50", "1e04 5101", "1e05 5101 02",
		"1e0c 6000 0102030405060708", "1e0c 7000 0102030405060708", "1e0c 8000 0102030405060708", "1e04 f000",
		"1e02", "1e08 6000 01020304", "1e04 3401",
	}
	var pkts []crafted
	for _, o := range opts {
		for _, f := range []byte{0x02, 0x12, 0x10, 0x11} {
			pkts = append(pkts, crafted{hex: tcpFlagsOptions(f, o)})
		}
	}
	return pkts
}

// TestMPTCPSubtypesLikeTcpdump prints mptcpSubtypeCases as tcpdump does.
func TestMPTCPSubtypesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "mptcp-subtypes", mptcpSubtypeCases())
}

func init() { addFuzzSeeds(mptcpSubtypeCases()) }
