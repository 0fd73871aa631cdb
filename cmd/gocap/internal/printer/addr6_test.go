package printer

import (
	"strings"
	"testing"
)

// TestIPv4CompatibleLikeTcpdump prints IPv6 addresses whose first 96
// bits are zero, which tcpdump's addrtostr6 ends in dotted quad
// (::10.0.0.1), in the IPv6 header, DNS AAAA and EDNS client subnet
// records and BGP prefixes.
func TestIPv4CompatibleLikeTcpdump(t *testing.T) {
	compat := "0000000000000000000000000a000001"
	hdr := "000000000002 000000000001 86dd 6000 0000 %04x 3a40 " + compat + " 00000000000000000000000000000001 "
	echo := "8000 0000 0001 0002"
	q := dnsLabels("a.example") + "001c 0001 "
	pkts := []crafted{
		{strings.Replace(hdr, "%04x", "0008", 1) + echo, 0},
		{craftedUDP4(53, 40000, dnsHdr(1, 0x8180, 1, 3, 0, 1)+q+
			dnsRRHex("c00c", 28, 1, 60, compat)+
			dnsRRHex("c00c", 28, 1, 60, "00000000000000000000000000010030")+
			dnsRRHex("c00c", 28, 1, 60, "00000000000000000000ffff0a000001")+
			dnsRRHex("00", 41, 4096, 0, "0008 0014 0002 80 00 "+compat)), 0},
	}
	craftedLikeTcpdump(t, "addr6compat", pkts)
}
