package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ripEntry is a RIPv2 route entry (hex) of the family, tag, prefix,
// mask, next hop and metric given in hex.
func ripEntry(fam, tag, prefix, mask, nh, metric string) string {
	return fam + tag + prefix + mask + nh + metric + " "
}

// ripCrafted are RIPv1 and RIPv2 requests and responses with routes of
// each family, plain-text and cryptographic authentication (header and
// trailer), unknown authentication types, entries with must-be-zero
// fields set, a last entry shorter than a route, other versions and
// commands, and messages cut short.
func ripCrafted() []crafted {
	v2 := ripEntry("0002", "0000", "0a46b200", "ffffff00", "00000000", "00000001")
	v2nh := ripEntry("0002", "0102", "0a460000", "ffff0000", "0a000003", "0000000f")
	v2odd := ripEntry("0002", "0000", "0a460000", "ff00ff00", "00000000", "00000002")
	req := ripEntry("0000", "0000", "00000000", "00000000", "00000000", "00000010")
	simple := "ffff 0002 " + hexStr("abcdefghijklmnop", 16) + " "
	short := "ffff 0002 " + hexStr("pw", 16) + " "
	crypto := "ffff 0003 002c 2d 10 4fd60c38 00000000 00000000 "
	trailer := "ffff 0001 " + strings.Repeat("a2", 16)
	v1 := "0002 0000 0a000100 00000000 00000000 00000001 "
	pkts := []crafted{
		{craftedUDP4(520, 520, "0102 0000 "+req), 0},
		{craftedUDP4(520, 520, "0202 0000 "+v2+v2nh+v2odd), 0},
		{craftedUDP4(520, 520, "0102 0000 "+simple+req), 0},
		{craftedUDP4(520, 520, "0202 0000 "+short+v2), 0},
		{craftedUDP4(520, 520, "0102 0000 "+crypto+req+trailer), 0},
		{craftedUDP4(520, 520, "0202 0000 "+crypto+v2+trailer+strings.Repeat("b3", 4)), 0},
		{craftedUDP4(520, 520, "0202 0000 ffff 0007 0102030405"), 0},
		{craftedUDP4(520, 520, "0202 0000 "+v2+"0025 0000 ff000000 00000000 00000000 00000002"), 0},
		{craftedUDP4(520, 520, "0202 0000 "+v2+"0025 0000 ff000000 00000000 0000"), 0},
		{craftedUDP4(520, 520, "0202 0000 "+v2+"0002 0000 ff000000 00000000 0000"), 0},
		{craftedUDP4(520, 520, "0202 0000 "+v2+"0002 00"), 0},
		{craftedUDP4(520, 520, "0202 0000 ffff 0003 002c 2d10"), 0},
		{craftedUDP4(520, 520, "0101 0000 "+v1+"0000 0000 00000000 00000000 00000000 00000010"), 0},
		{craftedUDP4(520, 520, "0201 0000 "+v1+"0006 0000 0a000100 00000000 00000000 00000001"), 0},
		{craftedUDP4(520, 520, "0201 0000 0002 0001 0a000100 00000000 00000000 00000001 0002 0000 0a000100 00000001 00000000 00000001"), 0},
		{craftedUDP4(520, 520, "0201 0000 "+v1+"0002 0000 0a00"), 0},
		{craftedUDP4(520, 520, "0200 0000 0102030405060708"), 0},
		{craftedUDP4(520, 520, "0203 0000 "+v2), 0},
		{craftedUDP4(520, 520, "0302 0000 "+v2), 0},
		{craftedUDP4(520, 520, "0402 0000 "+v2), 0},
		{craftedUDP4(520, 520, "0502 0000"), 0},
		{craftedUDP4(520, 520, "0902 0000 0102030405"), 0},
		{craftedUDP4(520, 520, "0202 00"), 0},
		craftedCut(craftedUDP4(520, 520, "0202 0000 "+v2+v2nh), 10),
		craftedCut(craftedUDP4(520, 520, "0202 0000 "+v2+v2nh), 25),
		craftedCut(craftedUDP4(520, 520, "0202 0000 "+simple), 8),
		craftedCut(craftedUDP4(520, 520, "0202 0000 "+short), 8),
		craftedCut(craftedUDP4(520, 520, "0202 0000 "+crypto+v2), 30),
		craftedCut(craftedUDP4(520, 520, "0202 0000 "+crypto+v2+trailer), 6),
		craftedCut(craftedUDP4(520, 520, "0201 0000 "+v1+v1), 6),
		craftedCut(craftedUDP4(520, 520, "0202 0000 0025 0000 ff000000 00000000 00000000 00000002"), 6),
		craftedCut(craftedUDP4(520, 520, "0902 0000 0102030405"), 3),
		craftedCut(craftedUDP4(520, 520, "0200 0000 0102030405060708"), 3),
	}
	return pkts
}

// TestRIPLikeTcpdump prints RIPv1 and RIPv2 messages with every kind of
// route entry and authentication, malformed and cut short, as tcpdump
// does.
func TestRIPLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "rip", ripCrafted())
}

func init() { craftedSeeds = append(craftedSeeds, ripCrafted()...) }

// ripSweepCases are RIP and RIPng messages of each command and version
// with entries of patterned bytes (authentication entries, routes of
// assorted families) of lengths that rarely fill whole entries.
func ripSweepCases() []crafted {
	var pkts []crafted
	for i := 0; i < 120; i++ {
		n := (i * 7) % 70
		hdr := fmt.Sprintf("%02x%02x 0000 ", 1+i%7, (i/7)%4)
		pkts = append(pkts,
			crafted{craftedUDP4(520, 520, hdr+"ffff "+patternHex(i, n)), 0},
			crafted{craftedUDP4(520, 520, hdr+fmt.Sprintf("%04x ", i%32)+patternHex(i+1, n)), 0},
			crafted{craftUDP6(521, 521, fmt.Sprintf("%02x%02x 0000 ", 1+i%3, (i/3)%3)+patternHex(i+2, n)), 0})
	}
	return pkts
}

// TestRIPSweepLikeTcpdump prints RIP and RIPng messages of every command
// and version with patterned entries, as tcpdump does.
func TestRIPSweepLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "rip-sweep", ripSweepCases()) }
