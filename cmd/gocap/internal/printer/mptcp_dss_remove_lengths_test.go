package printer

import "testing"

// TestMPTCPDSSRemoveLengthsLikeTcpdump prints DSS options whose length
// ends after the data sequence number, inside the subflow sequence
// number or the data-level length, and REMOVE_ADDR options too short
// for an address ID, on ACK and SYN segments, as tcpdump does.
func TestMPTCPDSSRemoveLengthsLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, o := range []string{"1e0a 2004 01020304 0000", "1e0c 2004 01020304 05060708", "1e0e 2004 01020304 05060708 00",
		"1e0a 2001 01020304 0000", "1e06 2008 0102", "1e03 40", "1e02 40", "1e04 4001"} {
		for _, f := range []byte{0x10, 0x02} {
			pkts = append(pkts, crafted{hex: tcpFlagsOptions(f, o)})
		}
	}
	craftedLikeTcpdump(t, "mptcp-dss-remove", pkts)
}
