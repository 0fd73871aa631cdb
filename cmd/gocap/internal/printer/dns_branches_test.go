package printer

import (
	"fmt"
	"strings"
	"testing"
)

// dnsBranchesMessages are responses whose records take the less travelled
// branches: bad pointers inside SOA, MX, SRV and TSIG data, names with
// bit-string labels of each width, a name running past 255 characters
// in the middle of a label, text strings longer than their record, URI
// records shorter than their header.
func dnsBranchesMessages() []string {
	q := dnsLabels("www.example.com") + "0001 0001 "
	own := "c00c"
	bad := "c0ff"
	long := strings.Repeat("3c"+strings.Repeat("61", 60), 5) + "00"
	rrs := []string{
		dnsRRHex(own, 6, 1, 60, bad),
		dnsRRHex(own, 6, 1, 60, dnsLabels("ns.example.com")+bad),
		dnsRRHex(own, 15, 1, 60, "000a "+bad),
		dnsRRHex(own, 33, 1, 60, "0001 0002 1f90 "+bad),
		dnsRRHex(own, 250, 255, 0, bad),
		dnsRRHex(own, 2, 1, 60, "41 01 80 00"),
		dnsRRHex(own, 2, 1, 60, "41 03 e0 00"),
		dnsRRHex(own, 2, 1, 60, "41 04 f0 00"),
		dnsRRHex(own, 2, 1, 60, "41 0c abcd 00"),
		dnsRRHex(own, 2, 1, 60, "41 0d abcd 00"),
		dnsRRHex(own, 2, 1, 60, "41 00"+strings.Repeat("5a", 32)+"00"),
		dnsRRHex(own, 2, 1, 60, "03616263 41 02 40 c00c"),
		dnsRRHex(own, 2, 1, 60, "42 02 40 00"),
		dnsRRHex(own, 2, 1, 60, "03616263 7f"),
		dnsRRHex(own, 2, 1, 60, "03616263 bf"),
		dnsRRHex(own, 2, 1, 60, long),
		dnsRRHex(own, 12, 1, 60, strings.Repeat("3f"+strings.Repeat("62", 63), 4)+"00"),
		dnsRRHex(own, 16, 1, 60, "05 6869"),
		dnsRRHex(own, 256, 1, 60, "0001"),
		dnsRRHex(own, 104, 1, 60, ""),
		dnsRRHex(own, 38, 1, 60, ""),
		dnsRRHex(own, 38, 1, 60, "7f 80"),
	}
	var out []string
	for i, rr := range rrs {
		out = append(out, dnsHdr(uint16(0x2000+i), 0x8180, 1, 1, 0, 0)+q+rr)
	}
	// A bit-string label as the message's last byte, and a pointer's
	// first byte.
	out = append(out, dnsHdr(0x2100, 0x8180, 1, 1, 0, 0)+q+"c00c 0002 0001 0000003c 0001 41",
		dnsHdr(0x2101, 0x8180, 1, 1, 0, 0)+q+"c00c 0002 0001 0000003c 0003 036162",
		dnsHdr(0x2102, 0x8180, 1, 1, 0, 0)+q+"c00c 0002 0001 0000003c 0001 c0")
	return out
}

// dnsShortRData are the answers of dnsResponses with their data length
// made smaller, from 0 up, and the message ending where it says: each
// record printer meets the end of the message inside its data.
func dnsShortRData() []crafted {
	const rdlenAt = 12 + 17 + 4 + 10 // header, question, owner, type, class, TTL
	var pkts []crafted
	for _, m := range append(dnsResponses(), dnsBranchesMessages()[:22]...) {
		h := strings.ReplaceAll(m, " ", "")
		var n int
		fmt.Sscanf(h[2*rdlenAt:2*rdlenAt+4], "%04x", &n)
		for l := 0; l < n && l < 40; l++ {
			pkts = append(pkts, crafted{hex: craftedUDP4(53, 40000, h[:2*rdlenAt]+fmt.Sprintf("%04x", l)+h[2*rdlenAt+4:2*(rdlenAt+2+l)])})
		}
	}
	return pkts
}

func init() { addFuzzSeeds(dnsPackets(dnsBranchesMessages(), 53, 40000)) }

// TestDNSBranchesLikeTcpdump compares dnsBranchesMessages, whole and cut short,
// with tcpdump.
func TestDNSBranchesLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "dnsbranches", dnsPackets(dnsBranchesMessages(), 53, 40000))
}

// TestDNSShortRDataLikeTcpdump compares dnsShortRData with tcpdump.
func TestDNSShortRDataLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "dnsshortrdata", dnsShortRData())
}

// TestDNSCutEverywhereLikeTcpdump compares the answers of dnsResponses
// and dnsBranchesMessages cut short after each of their bytes.
func TestDNSCutEverywhereLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, m := range append(dnsResponses(), dnsBranchesMessages()...) {
		pkts = append(pkts, craftedCuts(craftedUDP4(53, 40000, m), hexLen(m)-12, 1)...)
	}
	protoLikeTcpdump(t, "dnscut", pkts)
}
