package printer

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestIPXBranchesLikeTcpdump prints IPX SAP and RIP messages reaching
// what ipx_test.go leaves out: SAP responses whose IPX length ends an
// entry after its name, inside its address or hop count, or leaves a
// single byte after it, a RIP message too short for its command, and
// SAP service types named without -n.
func TestIPXBranchesLikeTcpdump(t *testing.T) {
	entry := ipxSAPEntry(4, "FS1")
	var pkts []crafted
	for _, d := range []string{
		ipxDatagram(0x0452, 0, "0002 "+entry+"00"),
		ipxDatagram(0x0452, 30+2+50+5, "0002 "+entry),
		ipxDatagram(0x0452, 30+2+50+12, "0002 "+entry),
		ipxDatagram(0x0452, 30+2+64+1, "0002 "+entry+entry),
		ipxDatagram(0x0453, 31, "0001 0000"),
		ipxDatagram(0x0452, 0, "0001 0004"),
		ipxDatagram(0x0452, 0, "0003 0278"),
		ipxDatagram(0x0452, 0, "0003 7777"),
		ipxDatagram(0x0452, 0, "0002 "+entry+ipxSAPEntry(0x0640, "X")+ipxSAPEntry(0x9999, "Y")),
	} {
		pkts = append(pkts, crafted{"000000000002 000000000001 8137 " + d, 0})
	}
	craftedLikeTcpdump(t, "ipxbranches", pkts)
	compareWithTcpdump(t, "ipxnames", cbpf.LinkEN10MB, pkts, []flagSet{
		{[]string{}, Options{}},
		{[]string{"-v"}, Options{Verbose: 1}},
		{[]string{"-n"}, Options{NumericLevel: 1}},
	})
}

// ipxRandDatagram is an Ethernet II frame of an IPX datagram to the SAP
// or RIP socket holding a random command and up to three entries (SAP
// ones of named and unnamed service types), a few random bytes after
// them, and, one time in three, an IPX length from 30 to past the
// entries.
func ipxRandDatagram(rng *rand.Rand) string {
	skt := []uint16{0x0452, 0x0453}[rng.IntN(2)]
	data := fmt.Sprintf("%04x ", rng.IntN(6))
	for range rng.IntN(4) {
		if skt == 0x0452 {
			data += ipxSAPEntry([]uint16{4, 7, 0x640, 0x9999, 0x278}[rng.IntN(5)], "SRV")
		} else {
			data += fmt.Sprintf("%08x %04x %04x ", rng.IntN(1<<20), rng.IntN(16), rng.IntN(100))
		}
	}
	n := 0
	if rng.IntN(3) == 0 {
		n = 30 + rng.IntN(hexLen(data)+8)
	}
	data += hex.EncodeToString(randBytes(rng, rng.IntN(6)))
	return "000000000002 000000000001 8137 " + ipxDatagram(skt, n, data)
}

// TestIPXRandomLikeTcpdump prints random SAP and RIP datagrams
// (ipxRandDatagram), one in five cut short, as tcpdump does.
func TestIPXRandomLikeTcpdump(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 0x8137))
	var pkts []crafted
	for range 400 {
		d := ipxRandDatagram(rng)
		pkts = append(pkts, craftedMaybeCut(rng, d, hexLen(d)-14, 5))
	}
	craftedLikeTcpdump(t, "ipxrandom", pkts)
}

// TestIPXSAPNamesLikeTcpdump prints, without -n, SAP requests and
// responses of every service type tcpdump names and of others, as
// tcpdump does: the name table of ipxsap.go is compared entry by entry.
func TestIPXSAPNamesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	var entries []string
	for ty := 0; ty < 0x10000; ty++ {
		if _, named := ipxSAPNames[uint16(ty)]; !named && ty > 0x300 && ty%97 != 0 {
			continue
		}
		pkts = append(pkts, crafted{"000000000002 000000000001 8137 " + ipxDatagram(0x0452, 0, fmt.Sprintf("0001 %04x", ty)), 0})
		entries = append(entries, ipxSAPEntry(uint16(ty), "S"))
	}
	for _, g := range groupsOf(entries, 7) {
		pkts = append(pkts, crafted{"000000000002 000000000001 8137 " + ipxDatagram(0x0452, 0, "0002 "+strings.Join(g, "")), 0})
	}
	compareWithTcpdump(t, "ipxsapnames", cbpf.LinkEN10MB, pkts, []flagSet{{[]string{}, Options{}}})
}
