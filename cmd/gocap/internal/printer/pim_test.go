package printer

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/netip"
	"strings"
	"testing"
)

// pimMsgHex is a PIM message of the version/type byte vt, the second
// byte rsv and the body (hex), its checksum at bytes 2-3 made right
// (over the first sumLen bytes, all with -1, with the IPv6
// pseudo-header for v6), or left as bad (0x1234) when sumLen is 0.
func pimMsgHex(v6 bool, vt, rsv byte, body string, sumLen int) string {
	b, err := hex.DecodeString(strings.ReplaceAll(fmt.Sprintf("%02x%02x0000", vt, rsv)+body, " ", ""))
	if err != nil {
		panic(err)
	}
	switch {
	case sumLen == 0:
		binary.BigEndian.PutUint16(b[2:], 0x1234)
	case sumLen < 0 || sumLen > len(b):
		sumLen = len(b)
		fallthrough
	default:
		var pseudo uint32
		if v6 {
			h := &ipHdr{v6: true, src: netip.MustParseAddr("2001:db8::1"), dst: netip.MustParseAddr("2001:db8::2")}
			pseudo = pseudoSum(h, 103, len(b))
		}
		binary.BigEndian.PutUint16(b[2:], checksum(b[:sumLen], pseudo))
	}
	return hex.EncodeToString(b)
}

// pim4 and pim6 are PIMv2 messages of the type in IPv4 and IPv6, their
// checksums right.
func pim4(typ byte, body string) string {
	return craftIP4(103, pimMsgHex(false, 0x20|typ, 0, body, -1))
}
func pim6(typ byte, body string) string { return craftIP6(103, pimMsgHex(true, 0x20|typ, 0, body, -1)) }

// pimv1Hex is an IGMP message carrying PIMv1 of the type and body (from
// byte 4, the version), its IGMP checksum right.
func pimv1Hex(typ byte, body string) string {
	return craftIP4(2, pimMsgHex(false, 0x14, typ, body, -1))
}

// Encoded PIMv2 addresses: unicast, group and source, IPv4 and IPv6.
const (
	pimU4  = "0100 0a000001 "
	pimU4b = "0100 0a000009 "
	pimG4  = "0100 00 20 e0000001 "
	pimG4m = "0100 01 18 e0010000 "
	pimS4  = "0100 00 20 0a000005 "
	pimS4f = "0100 ff 10 0a000006 "
	pimU6  = "0200 20010db8000000000000000000000001 "
	pimG6  = "0200 00 80 ff0e0000000000000000000000000001 "
	pimG6m = "0200 00 40 ff0e0000000000000000000000000002 "
	pimS6  = "0200 07 80 20010db8000000000000000000000005 "
	pimBad = "0300 0a000001 "
	pimBE  = "0101 0a000001 "
)

func pimCrafted() []crafted {
	var pkts []crafted
	add := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: x})
		}
	}
	// cuts adds pkt cut short by each of drops bytes.
	cuts := func(pkt string, drops ...int) {
		for _, d := range drops {
			pkts = append(pkts, craftedCut(pkt, d))
		}
	}
	hello := "0001 0002 0069 0002 0004 81f4 0a0a 0013 0004 00000001 0012 0000 0014 0004 12345678 " +
		"0015 0004 01 3c 0000 0015 0004 01 00 0102 0016 0000 0018 000c " + pimU4 + pimU4b + "0063 0003 aabbcc "
	add(pim4(0, hello), pim6(0, "0001 0002 ffff 0018 0012 "+pimU6),
		craftIP4(103, pimMsgHex(false, 0x20, 0, hello, 0)),
		craftIP4(103, pimMsgHex(false, 0x20, 0, hello, 0)[:4]+"0000"+pimMsgHex(false, 0x20, 0, hello, 0)[8:]),
		pim6(0, "0001 0002 0069"), craftIP6(103, pimMsgHex(true, 0x20, 0, "0001 0002 0069", 0)))
	// Options of the wrong length, cut short, an address list of a bad
	// family, the old address list, the RFC 2117 encoding.
	add(pim4(0, "0001 0003 006900"), pim4(0, "0002 0002 0000"), pim4(0, "0013 0002 0000"),
		pim4(0, "0012 0006 000000000000"), pim4(0, "0014 0002 0000"), pim4(0, "0015 0005 0000000000"),
		pim4(0, "0001 0004 0069"), pim4(0, "0001 00"), pim4(0, "0018 0006 "+pimBad),
		pim4(0, "fde9 0006 "+pimU4+"0018 0006 "+pimBE), pim4(0, "0018 0004 0100 0a00"),
		craftIP4(103, pimMsgHex(false, 0x20, 4, "0018 0004 0a000001 0018 0004 0a000002", -1)),
		craftIP4(103, pimMsgHex(false, 0x20, 5, "0018 0005 0a00000101", -1)),
		pim4(0, "0063 0000 "), pim4(0, ""))
	cuts(pim4(0, hello), 1, 3, 12, 40, 60)
	// Register: flags, the packets it carries, checksums over the header
	// or the whole message.
	inner4 := "4500 001c 0001 0000 4011 0000 0a000005 e0000001 1234 5678 0008 0000"
	inner6 := "6000 0000 0008 1140 20010db8000000000000000000000005 ff0e0000000000000000000000000001 1234 5678 0008 0000"
	add(craftIP4(103, pimMsgHex(false, 0x21, 0, "80000000 "+inner4, 8)),
		craftIP4(103, pimMsgHex(false, 0x21, 0, "40000000 "+inner4, -1)),
		craftIP4(103, pimMsgHex(false, 0x21, 0, "c0000000 "+inner4, 0)),
		craftIP4(103, pimMsgHex(false, 0x21, 0, "00000000 "+inner6, 8)),
		craftIP6(103, pimMsgHex(true, 0x21, 0, "00000000 "+inner6, 8)),
		craftIP6(103, pimMsgHex(true, 0x21, 0, "00000000 "+inner4, -1)),
		pim4(1, "40000000 0000 0000 0000 0000 0000 0000 0a000005 e0000001"),
		pim4(1, "40000000 5000 0000"), pim4(1, "00000000"), pim4(1, "000000"), pim4(1, "40000000 0000 0000 0000"))
	cuts(craftIP4(103, pimMsgHex(false, 0x21, 0, "80000000 "+inner4, 8)), 4, 20, 26, 29)
	// Register-Stop.
	add(pim4(2, pimG4+pimU4), pim4(2, pimG4m+pimU4), pim6(2, pimG6+pimU6), pim4(2, pimBad),
		pim4(2, pimG4+pimBad), pim4(2, pimG4), pim4(2, pimBE+pimU4))
	cuts(pim4(2, pimG4+pimU4), 2, 6, 10)
	// Join/Prune, Graft and Graft-Ack.
	jp := pimU4b + "00 02 00d2 " + pimG4 + "0001 0002 " + pimS4 + pimS4f + "0500 04 20 0a000007 " +
		pimG4m + "0000 0001 " + pimS4
	add(pim4(3, jp), pim4(6, jp), pim4(7, "00 01 ffff "+pimG4+"0001 0000 "+pimS4),
		pim4(3, pimU4+"00 01 ffff "+pimG4+"0001 0000 "+pimS4),
		pim6(3, pimU6+"00 01 003c "+pimG6m+"0001 0001 "+pimS6+pimS6),
		pim4(3, pimU4+"00 03 0000 "+pimG4+"0000 0000"), pim4(3, pimU4+"00 01 0000 "+pimG4+"0002 0000 "+pimS4),
		pim4(3, pimU4+"00 01 0000 "+pimG4+"00"), pim4(3, pimU4+"00 01"), pim4(3, pimBad), pim4(3, ""),
		craftIP4(103, pimMsgHex(false, 0x23, 4, "0a000001 00 01 0000 e0000001 0001 0000 0a000005", -1)),
		pim4(3, pimU4+"00 01 0000 "+pimG4+"0001 0000 "+"0100 00 20 0a"))
	cuts(pim4(3, jp), 1, 8, 14, 20, 38, 44, 60)
	// Bootstrap.
	bs := "1234 1e c0 " + pimU4 + pimG4 + "02 02 0000 " + pimU4 + "0096 05 00 " + pimU4b + "0000 06 00 " +
		pimG4m + "01 01 0000 " + pimU4 + "003c 01 00"
	add(pim4(4, bs), pim6(4, "0001 7e 01 "+pimU6+pimG6+"01 01 0000 "+pimU6+"0096 01 00"),
		pim4(4, "0001 1e c0 "+pimU4+pimG4+"03 03 0000 "+pimU4), pim4(4, "0001 1e c0 "+pimU4+pimG4+"00 00 0000"),
		pim4(4, "0001 1e c0 "+pimBad), pim4(4, "0001 1e c0 "+pimU4+pimBad), pim4(4, "0001 1e c0 "+pimU4+pimG4+"01 01 0000 "+pimBad))
	for n := 1; n < hexLen(bs); n++ {
		add(pim4(4, hexCut(bs, n)))
	}
	cuts(pim4(4, bs), 1, 3, 5, 12, 30)
	// Assert.
	add(pim4(5, pimG4+pimU4+"80000064 0000000a"), pim4(5, pimG4m+pimU4+"00000064 0000000a"),
		pim6(5, pimG6+pimU6+"7fffffff ffffffff"), pim4(5, pimG4+pimU4+"80000064 0000"),
		pim4(5, pimG4+pimBad), pim4(5, pimBad), pim4(5, pimG4+pimU4))
	cuts(pim4(5, pimG4+pimU4+"80000064 0000000a"), 2, 6, 12, 20)
	// Candidate-RP-Advertisement.
	crp := "02 c0 0096 " + pimU4 + pimG4 + pimG4m
	add(pim4(8, crp), pim4(8, "03 c0 0096 "+pimU4+pimG4), pim4(8, "01 c0 0096 "+pimU4+pimBad),
		pim6(8, "01 01 0000 "+pimU6+pimG6), pim4(8, "00 00 0000 "+pimU4), pim4(8, "02 c0 0096 "+pimBad))
	for n := 0; n < 8; n++ {
		add(pim4(8, hexCut(crp, n)))
	}
	cuts(pim4(8, crp), 3, 10, 15)
	// Prune Refresh.
	pr := pimU4 + pimG4 + pimU4b + "00b4"
	add(pim4(9, pr), pim4(9, pimU4+pimG4+pimU4b+"00"), pim4(9, pimU4+pimG4+pimBad), pim4(9, pimU4+pimBad),
		pim4(9, pimBad), pim6(9, pimU6+pimG6+pimU6+"0e10"))
	cuts(pim4(9, pr), 1, 4, 12)
	// DF Election, each subtype.
	for _, st := range []byte{0x10, 0x20, 0x30, 0x40, 0x50, 0x00} {
		body := pimU4 + "00000064 0000000a " + pimU4b + "000000c8 00000014 01f4"
		add(craftIP4(103, pimMsgHex(false, 0x2a, st, body, -1)))
		cuts(craftIP4(103, pimMsgHex(false, 0x2a, st, body, -1)), 1, 4, 10, 16)
	}
	add(craftIP4(103, pimMsgHex(false, 0x2a, 0x30, pimBad, -1)), craftIP4(103, pimMsgHex(false, 0x2a, 0x30, pimU4+"00000064 0000000a "+pimBad, -1)),
		craftIP6(103, pimMsgHex(true, 0x2a, 0x40, pimU6+"00000064 0000000a "+pimU6+"000000c8 00000014", -1)))
	// Other types and versions, messages too short.
	add(pim4(11, "00000000"), pim4(12, ""), pim4(15, "0102"), craftIP4(103, "10 00 0000 0000"),
		craftIP4(103, "30 01 0000"), craftIP4(103, "20"), craftIP4(103, "2000"), craftIP4(103, "210400"),
		craftIP4(103, ""), craftIP6(103, "20"))
	return pkts
}

func pimv1Crafted() []crafted {
	var pkts []crafted
	add := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: x})
		}
	}
	cuts := func(pkt string, drops ...int) {
		for _, d := range drops {
			pkts = append(pkts, craftedCut(pkt, d))
		}
	}
	// Query in each mode, another version.
	for _, m := range []string{"00", "10", "20", "f0"} {
		add(pimv1Hex(0, "10000000 "+m+"00 0069"))
	}
	add(pimv1Hex(0, "20000000 1000 0000"), pimv1Hex(0, "10000000"), pimv1Hex(0, "10000000 10"), pimv1Hex(0, "10000000 1000"))
	// Register, Register-Stop, RP-reachable, Assert.
	reg := "10000000 4500 001c 0001 0000 4011 0000 0a000005 e0000001 1234 5678 0008 0000"
	add(pimv1Hex(1, reg), pimv1Hex(1, "10000000 4500 001c 0001 0000 4011 0000 0a000005"),
		pimv1Hex(2, "10000000 e0000001 0a000005"), pimv1Hex(2, "10000000 e0000001 0a00"),
		pimv1Hex(4, "10000000 e0000001 ffffffff 0a000001 0000 00b4"),
		pimv1Hex(4, "10000000 e0000000 ffffff00 0a000001 0000 0000"), pimv1Hex(4, "10000000 e0000000 ffffff00 0a000001 00"),
		pimv1Hex(5, "10000000 e0000001 ffffffff 0a000005 80000064 0000000a"),
		pimv1Hex(5, "30000000 e0000000 ffff0000 0a000005 00000064 0000000a"),
		pimv1Hex(5, "10000000 e0000001 ffffffff 0a000005 8000"), pimv1Hex(9, "10000000"), pimv1Hex(9, "1000"))
	// Join/Prune, Graft and Graft-ACK: the one-line form, then the long
	// one with several groups.
	one := "10000000 0a000009 0000 00b4 0000 0001 e0000001 ffffffff 0001 0000 01 98 0a000005"
	one2 := "10000000 0a000009 0000 003c 0000 0001 e0000001 ffffff00 0000 0001 00 20 0a000005"
	long := "10000000 0a000009 0000 00b4 0000 0002 e0000001 ffffffff 0001 0001 01 e0 0a000005 00 20 0a000006 " +
		"e0000002 ffff0000 0000 0001 01 18 0a000007"
	add(pimv1Hex(3, one), pimv1Hex(3, one2), pimv1Hex(6, long), pimv1Hex(7, long), pimv1Hex(3, long),
		pimv1Hex(3, "10000000 0a000009 0000 00b4 0000 0001 e0000001 ffffffff 0001 0000 01 98"),
		pimv1Hex(3, "10000000 0a000009 0000 00b4 0000 0001 e0000001 ffffffff 0002 0000 01 98 0a000005"),
		pimv1Hex(3, "10000000 0a00"), pimv1Hex(3, "1000"), pimv1Hex(3, "10000000 0a000009 00"),
		pimv1Hex(3, "10000000 0a000009 0000 00b4 0000"), pimv1Hex(3, "10000000 0a000009 0000 00b4 0000 0003 e0000001 ffffffff"),
		pimv1Hex(3, "10000000 0a000009 0000 00b4 0000 0001 e0000001 ffffffff 0000"))
	cuts(pimv1Hex(3, long), 1, 5, 8, 12, 20, 30, 40)
	cuts(pimv1Hex(3, one), 1, 5, 20, 27)
	cuts(pimv1Hex(1, reg), 1, 10)
	cuts(pimv1Hex(5, "10000000 e0000001 ffffffff 0a000005 80000064 0000000a"), 2, 6, 10)
	cuts(pimv1Hex(4, "10000000 e0000001 ffffffff 0a000001 0000 00b4"), 1, 6)
	return pkts
}

// TestPIMLikeTcpdump prints PIMv2 messages of every type (Hello with
// each option, Register with each flag and carried packet, Register-Stop,
// Join/Prune, Graft, Graft-Ack, Bootstrap, Assert, Candidate-RP-
// Advertisement, Prune Refresh, DF Election of each subtype) over IPv4
// and IPv6, with right, wrong and absent checksums, the RFC 2117
// encoding, bad address families, and messages cut short at many points,
// as tcpdump does.
func TestPIMLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "pim", pimCrafted()) }

// TestPIMv1LikeTcpdump prints PIMv1 messages carried in IGMP, of every
// type, in the one-line and long Join/Prune forms and cut short, as
// tcpdump does.
func TestPIMv1LikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "pimv1", pimv1Crafted()) }

func init() {
	addFuzzSeeds(pimCrafted())
	addFuzzSeeds(pimv1Crafted())
}

func autoRPCrafted() []crafted {
	msg := "11 02 00b4 00000000 " +
		"0a000001 03 02 00 18 e0000000 03 10 e1000000 " +
		"0a000002 fe 01 fc 20 e2000001"
	pkts := []crafted{
		{hex: craftedUDP4(496, 496, msg)},
		{hex: craftedUDP4(496, 496, "12 00 0000 00000000")},
		{hex: craftedUDP4(1234, 496, "33 01 0e10 00000000 0a000001 00 00")},
		{hex: craftedUDP4(496, 496, "11 01 00b4 000000")},
		{hex: craftedUDP4(496, 496, "11 01 00b4 00000000 0a00")},
		{hex: craftedUDP4(496, 496, "11 01 00b4 00000000 0a000001")},
		{hex: craftedUDP4(496, 496, "11 01 00b4 00000000 0a000001 01")},
		{hex: craftedUDP4(496, 496, "11 01 00b4 00000000 0a000001 01 02 00 18 e0000000 00")},
	}
	for _, n := range []int{1, 4, 10, 20} {
		pkts = append(pkts, craftedCut(craftedUDP4(496, 496, msg), n))
	}
	return pkts
}

// TestCiscoAutoRPLikeTcpdump prints Cisco Auto-RP announcements and
// mappings (UDP port 496), whole, short and cut short, as tcpdump does.
func TestCiscoAutoRPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "autorp", autoRPCrafted()) }

func init() { addFuzzSeeds(autoRPCrafted()) }
