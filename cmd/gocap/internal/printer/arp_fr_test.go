package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// frARP is an ARP packet of hardware type Frame Relay (15) for IPv4,
// of the operation, with hardware addresses of hln bytes given in hex
// (sha, tha) and the sender and target IPv4 addresses 192.0.2.1 and
// 192.0.2.2.
func frARP(op uint16, hln int, sha, tha string) string {
	return fmt.Sprintf("000f 0800 %02x 04 %04x ", hln, op) + sha + " c0000201 " + tha + " c0000202"
}

// TestARPFrameRelayLikeTcpdump prints ARP packets whose hardware
// addresses are Q.922 addresses, as the ARP of Frame Relay and of ARCNET
// captures with a Frame Relay hardware type carries them: two-, three-
// and four-byte addresses, an address whose first byte ends it (an
// invalid DLCI), addresses longer than their length allows (cut short)
// and ones whose last byte does not end them, in every operation, over
// Ethernet and over Linux ARCNET, and cut short.
func TestARPFrameRelayLikeTcpdump(t *testing.T) {
	eth := "ffffffffffff 020000000001 0806 "
	bodies := []string{
		frARP(1, 2, "0401", "0000"),
		frARP(1, 2, "0401", "1871"),
		frARP(2, 2, "fc f1", "0000"),
		frARP(2, 1, "50", "be"),
		frARP(2, 1, "51", "be"),
		frARP(2, 3, "1000 05", "0000 00"),
		frARP(2, 3, "1000 04", "0000 00"),
		frARP(2, 4, "1000 fe 05", "0000 00 00"),
		frARP(2, 4, "1000 fe fe", "0000 00 00"),
		frARP(3, 2, "0401", "0811"),
		frARP(4, 2, "0401", "0811"),
		frARP(8, 3, "1000 09", "2000 0d"),
		frARP(9, 2, "0401", "0811"),
		frARP(2, 5, "10 00 fe fe 01", "00 00 00 00 00"),
		frARP(2, 0, "", ""),
	}
	var pkts []crafted
	for _, b := range bodies {
		pkts = append(pkts, crafted{eth + b, 0})
	}
	full := eth + frARP(2, 2, "0401", "0811")
	pkts = append(pkts, craftedCuts(full, 12, 1)...)
	craftedLikeTcpdump(t, "arp_frelay", pkts)

	var arc []crafted
	for _, b := range bodies[:5] {
		arc = append(arc, crafted{"50be0000 f1 " + b, 0})
	}
	linkTypeLikeTcpdump(t, cbpf.LinkARCNETLinux, arc)
}
