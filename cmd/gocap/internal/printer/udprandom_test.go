package printer

import (
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// udpRandomPorts are the UDP ports of the application printers this
// test feeds: DNS, BOOTP/DHCP, TFTP, Kerberos, NTP, NetBIOS, SNMP,
// ISAKMP, syslog, RIP, timed, DHCPv6, lwres, RADIUS, zephyr, SIP,
// mDNS, LLMNR, SOME/IP, L2TP and others.
var udpRandomPorts = []uint16{53, 67, 68, 69, 88, 123, 137, 138, 161, 162, 500, 514, 520, 525, 546, 547,
	921, 1645, 1646, 1700, 1812, 1813, 2103, 2104, 3799, 4500, 5060, 5353, 5355, 30490, 7, 750,
	4567, 3503, 1167, 8000, 9, 177, 1701}

// udpRandomCases are datagrams of random bytes (many zeros, ones, twos
// and 0xff, as the length and type fields of real messages hold) of a
// range of lengths to each port, from a fixed seed; and RIP messages of
// version 0 and with an entry of an unknown address family, whole and
// cut short, which tcpdump dumps in hex.
func udpRandomCases() []crafted {
	rng := rand.New(rand.NewPCG(7, 11))
	lens := []int{1, 2, 4, 8, 12, 16, 20, 28, 40, 64, 100, 300}
	var pkts []crafted
	for _, port := range udpRandomPorts {
		for i := range 12 {
			b := make([]byte, lens[rng.IntN(len(lens))])
			for j := range b {
				switch rng.IntN(6) {
				case 0, 1:
				case 2:
					b[j] = 1
				case 3:
					b[j] = 2
				case 4:
					b[j] = 0xff
				default:
					b[j] = byte(rng.IntN(256))
				}
			}
			pkts = append(pkts, crafted{craftedUDP4(40000+uint16(i), port, hex.EncodeToString(b)), 0})
		}
	}
	rip0 := craftedUDP4(520, 520, "0100 0000 0002 0000 0a000000 00000000 00000000 00000001 01020304")
	ripAFI := craftedUDP4(520, 520, "0202 0000 01ee 0000 0a000000 ffffff00 00000000 00000001 ffff0001 6162")
	ripAuth := craftedUDP4(520, 520, "0202 0000 ffff 0001 0102030405060708 ffff0009 0a0b")
	pkts = append(pkts, crafted{rip0, 0}, crafted{ripAFI, 0}, crafted{ripAuth, 0},
		craftedCut(rip0, 10), craftedCut(ripAFI, 14), craftedCut(ripAFI, 8), craftedCut(ripAuth, 3))
	return pkts
}

func init() { addFuzzSeeds(udpRandomCases()) }

func TestUDPRandomPayloadsLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "udprandom", udpRandomCases())
}

// TestPGMOptionsAfterHeaderLikeTcpdump prints, with -T pgm and -T
// pgm_zmtp1, PGM SPMR and unknown-type packets with the options bit
// set: tcpdump reads their options from the start of the PGM header.
func TestPGMOptionsAfterHeaderLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, typ := range []string{"0c", "5a", "ff"} {
		for _, first := range []string{"0000", "0004", "0104", "8004", "7f00"} {
			for _, opts := range []string{"01", "41", "03"} {
				pgm := first + "0203" + typ + opts + "0000" + "0a0b0c0d0e0f" + "0010" + "00040010 01020304 05060708"
				pkts = append(pkts, crafted{craftedUDP4(3055, 3056, pgm), 0})
			}
		}
	}
	var sets []flagSet
	for _, ty := range []string{"pgm", "pgm_zmtp1"} {
		pt, ok := ParsePacketType(ty)
		if !ok {
			t.Fatalf("no -T %s", ty)
		}
		sets = append(sets, flagSet{[]string{"-nn", "-v", "-T", ty}, Options{NumericLevel: 2, Verbose: 1, PacketType: pt}},
			flagSet{[]string{"-nn", "-vvv", "-x", "-T", ty}, Options{NumericLevel: 2, Verbose: 3, Hex: 1, PacketType: pt}})
	}
	compareWithTcpdump(t, "pgmhdropts", 1, pkts, sets)
}
