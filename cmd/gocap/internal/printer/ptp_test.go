package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// ptpHeader is a PTP version 2 header for message type typ (its first
// byte, with the transport bits), with the flags and control field given.
func ptpHeader(first byte, flags string, control byte, msgLen int) string {
	return fmt.Sprintf("%02x02 %04x 0500 %s 000000012345 8001 00000007 0011223344556677 0001 002a %02x 7f", first, msgLen, flags, control)
}

// TestPTPLikeTcpdump prints PTP version 2 messages of every type tcpdump
// knows and of reserved ones, with flags set, version 1 and unknown
// versions, messages too short and cut short, as tcpdump does.
func TestPTPLikeTcpdump(t *testing.T) {
	ts := "0000 5f5e1000 1dcd6500"  // seconds, nanoseconds
	port := "aabbccddeeff0011 0003" // port identity
	announce := ts + " 0025 00 80 f8 fe ffff 80 0011223344556677 0001 a0"
	bodies := map[byte]string{
		0x0: ts, 0x1: ts, 0x2: ts + port, 0x3: ts + port, 0x8: ts, 0x9: ts + port,
		0xa: ts + port, 0xb: announce, 0xc: port + " 0000", 0xd: port + " 01 02 03 04 0000",
	}
	var pkts []crafted
	for _, typ := range []byte{0x0, 0x1, 0x2, 0x3, 0x8, 0x9, 0xa, 0xb, 0xc, 0xd} {
		body := bodies[typ]
		msg := ptpHeader(typ, "0200", 0, 34+len(strings.ReplaceAll(body, " ", ""))/2) + body
		pkts = append(pkts, crafted{craftedUDP4(319, 319, msg), 0})
		// the same cut in the body
		pkts = append(pkts, craftedCut(craftedUDP4(320, 320, msg), 3))
	}
	pkts = append(pkts,
		crafted{craftedUDP4(319, 319, ptpHeader(0x14, "ffff", 5, 34)), 0},        // v1 compat, reserved type, all flags
		crafted{craftedUDP4(319, 319, ptpHeader(0x0e, "18c0", 9, 34)), 0},        // reserved type, the "unknown" bits
		crafted{craftedUDP4(319, 319, ptpHeader(0x0e, "0840", 9, 34)), 0},        // only some "unknown" bits: not named
		crafted{craftedUDP4(319, 319, ptpHeader(0x0e, "1002", 9, 34)), 0},        // one of them with a named bit
		crafted{craftedUDP4(319, 319, ptpHeader(0x04, "0000", 4, 34)), 0},        // no flags
		crafted{craftedUDP4(5000, 320, ptpHeader(0x00, "0000", 0, 34)), 0},       // sync without its body
		crafted{craftedUDP4(319, 5000, "0001"+strings.Repeat("00", 32)), 0},      // version 1
		crafted{craftedUDP4(319, 5000, "0003"+strings.Repeat("00", 32)), 0},      // version 3
		crafted{craftedUDP4(319, 319, "0002"+strings.Repeat("00", 31)), 0},       // too short
		crafted{craftedUDP4(319, 319, ""), 0},                                    // empty
		craftedCut(craftedUDP4(319, 319, ptpHeader(0x00, "0200", 0, 44)+ts), 20), // header cut
		craftedCut(craftedUDP4(319, 319, ptpHeader(0x00, "0200", 0, 44)+ts), 43),
		crafted{craftedUDP4(319, 3784, ptpHeader(0x00, "0000", 0, 34)), 0}, // BFD first
		crafted{craftedUDP4(6635, 319, ptpHeader(0x00, "0000", 0, 34)), 0}, // MPLS first
		crafted{craftedUDP4(320, 514, "3c31333e68656c6c6f"), 0},            // syslog first
	)
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}

// TestPTPEthernetLikeTcpdump prints PTP messages carried straight in
// Ethernet frames (EtherType 0x88f7), with -e too, and frames too short
// for a PTP header, as tcpdump does.
func TestPTPEthernetLikeTcpdump(t *testing.T) {
	ts := "0000 5f5e1000 1dcd6500"
	eth := "011b19000000 000000000001 88f7 "
	var pkts []crafted
	for _, typ := range []byte{0x0, 0x8, 0xb, 0x3} {
		body := ts
		if typ == 0xb {
			body = ts + " 0025 00 80 f8 fe ffff 80 0011223344556677 0001 a0"
		}
		if typ == 0x3 {
			body = ts + " aabbccddeeff0011 0003"
		}
		msg := ptpHeader(typ, "0200", 0, 34+hexLen(body)) + body
		pkts = append(pkts, crafted{eth + msg, 0}, craftedCut(eth+msg, 5))
	}
	pkts = append(pkts,
		crafted{eth + "0002 0018" + strings.Repeat("00", 20), 0},
		crafted{eth + "00", 0},
		crafted{eth, 0},
	)
	compareWithTcpdump(t, "ptpether", cbpf.LinkEN10MB, pkts, craftedFlagSets)
}
