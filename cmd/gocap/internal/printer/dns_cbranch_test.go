package printer

import (
	"strings"
	"testing"
)

// dnsCBranchMessages are DNS responses reaching what the other DNS
// tests leave out: a TSIG record whose data length stops before its
// fields (so they are read from what follows it) and runs out at each
// of them, a second authority record that cannot be read at -vv, and a
// name longer than 255 characters.
func dnsCBranchMessages() []string {
	q := dnsLabels("tsig.example") + "00fa 00ff "
	var msgs []string
	for _, tail := range []string{
		"",
		"0000",
		"0000000000000000 0123",
		"0000000000000000 0123 0010",
		"0000000000000000 0123 0002 abcd 0007",
		"0000000000000000 0123 0002 abcd 0007 0000",
		"0000000000000000 0123 0002 abcd 0007 0000 0000",
	} {
		msgs = append(msgs, dnsHdr(0x4321, 0x8400, 1, 1, 0, 0)+q+"c00c 00fa 00ff 00000000 0001 00 "+tail)
	}
	ns := dnsRRHex("c00c", 2, 1, 3600, dnsLabels("ns1.example"))
	msgs = append(msgs,
		dnsHdr(0x1111, 0x8180, 1, 0, 3, 0)+dnsLabels("a.example")+"0001 0001 "+ns+"c00c 0002 0001 00000e10 0010 03",
		dnsHdr(0x1112, 0x8180, 1, 1, 2, 0)+dnsLabels("a.example")+"0001 0001 "+dnsRRHex("c00c", 1, 1, 60, "0a000001")+ns+"c00c 0001",
	)
	long := strings.Repeat("3c"+strings.Repeat("61", 60), 5) + "00"
	msgs = append(msgs, dnsHdr(0x2222, 0x0100, 1, 0, 0, 0)+long+"0001 0001")
	// a CNAME whose data length (1) stops before its long name
	msgs = append(msgs, dnsHdr(0x3333, 0x8180, 0, 1, 0, 0)+"00 0005 0001 00000e10 0001 "+long)
	return msgs
}

func init() { addFuzzSeeds(dnsPackets(dnsCBranchMessages(), 53, 40000)) }

// TestDNSCBranchesLikeTcpdump prints dnsCBranchMessages, whole and cut
// short, as tcpdump does; the long names are also cut inside their
// label that passes 255 characters.
func TestDNSCBranchesLikeTcpdump(t *testing.T) {
	msgs := dnsCBranchMessages()
	pkts := dnsPackets(msgs, 53, 40000)
	long := craftedUDP4(40000, 53, msgs[len(msgs)-2])
	n := hexLen(msgs[len(msgs)-2])
	for _, drop := range []int{n - 249, n - 250, n - 254, n - 255, n - 258} {
		pkts = append(pkts, craftedCut(long, drop))
	}
	cname := craftedUDP4(53, 40000, msgs[len(msgs)-1])
	for _, drop := range []int{52, 56, 58, 60, 64} {
		pkts = append(pkts, craftedCut(cname, drop))
	}
	craftedLikeTcpdump(t, "dnscbranches", pkts)
}
