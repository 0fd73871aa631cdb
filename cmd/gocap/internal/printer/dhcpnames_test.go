package printer

import "testing"

// TestDHCPOptionNamesLikeTcpdump prints every option tag from 1 to 254
// with a four-byte value, so that each name (or "Unknown") and value
// format is tcpdump's, among them the tags 4.99.3 does not name (96,
// 115 and others).
func TestDHCPOptionNamesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for tag := 1; tag < 255; tag += 16 {
		opts := ""
		for i := tag; i < tag+16 && i < 255; i++ {
			if i == 52 { // option overload would send tcpdump into sname and file
				continue
			}
			opts += dhcpOpt(byte(i), "01020304")
		}
		pkts = append(pkts, crafted{craftedUDP4(68, 67, dhcpMsg(opts)), 0})
	}
	craftedLikeTcpdump(t, "dhcpnames", pkts)
}
