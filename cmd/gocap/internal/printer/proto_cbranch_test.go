package printer

import (
	"fmt"
	"testing"
)

// protoCBranchCases are ICMPv6 and OLSR packets reaching what their
// other tests leave out: router renumbering messages whose match
// prefix sets the global prefix, with use prefixes of infinite and
// finite lifetimes; OLSR messages in IPv6 whose length field is too
// small or larger than the packet; and OLSR HELLO and TC messages
// (plain and link quality, IPv4 and IPv6) whose neighbour lists the
// capture cuts short (and RIPv1 routes); RSVP objects too short for
// their C-Type.
func protoCBranchCases() []crafted {
	var pkts []crafted
	for _, op := range []string{"01", "02", "03", "04"} {
		pkts = append(pkts, crafted{icmp6Msg(138, 0, "00000009 01 00 0064 00000000 "+
			op+" 0b 02 40 30 40 0000 20010db8000000000000000000000000 "+
			"40 40 ff 03 ffffffff ffffffff c0 000000 20010db8000100000000000000000000 "+
			"40 40 00 00 00000e10 00000708 00 000000 20010db8000200000000000000000000"), 0})
	}
	o6 := "20010db8000000000000000000000001"
	for _, l := range []int{4, 20, 200} {
		msg := fmt.Sprintf("01 86 %04x %s 40 02 0102 0000 86 07", l, o6)
		pkts = append(pkts, crafted{craftUDP6(698, 698, olsrPkt(msg)), 0})
	}
	o4 := "0a000001"
	full := []string{
		craftedUDP4(698, 698, olsrPkt(olsrMsg(1, o4, "0000 86 07 06 00 0010 0a000002 0a000003 0a000004"))),
		craftedUDP4(698, 698, olsrPkt(olsrMsg(201, o4, "0000 86 03 0a 00 0014 0a000002 ff 80 0000 0a000003 01 00 0000"))),
		craftUDP6(698, 698, olsrPkt(olsrMsg(201, o6, "0000 86 03 0a 00 0034 20010db8000000000000000000000002 ff 80 0000 20010db8000000000000000000000003 01 00 0000"))),
		craftedUDP4(698, 698, olsrPkt(olsrMsg(2, o4, "0005 0000 0a000002 0a000003 0a000004"))),
		craftedUDP4(698, 698, olsrPkt(olsrMsg(202, o4, "0005 0000 0a000002 c0 40 0000 0a000003 c1 41 0000"))),
		craftUDP6(698, 698, olsrPkt(olsrMsg(202, o6, "0005 0000 20010db8000000000000000000000002 c0 40 0000 20010db8000000000000000000000003 c1 41 0000"))),
	}
	// RSVP FILTER_SPEC objects too short for their C-Type, and a
	// GENERALIZED_UNI object whose sub-objects leave 1 to 3 bytes over
	for _, obj := range []string{
		rsvpObjHex(10, 1, "0a000001"), rsvpObjHex(10, 7, "0a000001"), rsvpObjHex(10, 12, "0a000001 00000002"),
		rsvpObjHex(229, 1, "0005 0103 aa 000000"), rsvpObjHex(229, 1, "0006 0203 aabb 0000"),
		rsvpObjHex(229, 1, "0007 0103 aabbcc 00"), rsvpObjHex(229, 1, "0002 0000"),
	} {
		pkts = append(pkts, crafted{craftIP4(46, rsvpMsgHex(0, 1, obj)), 0})
	}
	// RIPv1 responses of two routes cut inside the second
	rip1 := craftedUDP4(520, 520, "0201 0000 0002 0000 0a000100 00000000 00000000 00000001 0000 0000 0a000200 00000000 00000000 00000002")
	full = append(full, rip1)
	for _, f := range full {
		for drop := 1; drop < 12; drop += 2 {
			pkts = append(pkts, craftedCut(f, drop))
		}
	}
	return pkts
}

func init() { addFuzzSeeds(protoCBranchCases()) }

// TestProtoCBranchesLikeTcpdump prints protoCBranchCases as tcpdump
// does.
func TestProtoCBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "protocbranches", protoCBranchCases())
}

// dccpGenericHeaderCases are DCCP packets of each type holding only the
// generic header (with and without extended sequence numbers), so the
// type's fixed fields are missing from the packet's length.
func dccpGenericHeaderCases() []crafted {
	var pkts []crafted
	for typ := 0; typ < 10; typ++ {
		pkts = append(pkts,
			crafted{craftIP4(33, fmt.Sprintf("9c40 1389 04 00 0000 %02x 000000 00000007", typ<<1|1)), 0},
			crafted{craftIP4(33, fmt.Sprintf("9c40 1389 03 00 0000 %02x 000007", typ<<1)), 0},
			crafted{craftIP4(33, fmt.Sprintf("9c40 1389 05 00 0000 %02x 000000 00000007 00000000", typ<<1|1)), 0})
	}
	return pkts
}

func init() { addFuzzSeeds(dccpGenericHeaderCases()) }

// TestDCCPGenericHeaderOnlyLikeTcpdump prints dccpGenericHeaderCases as tcpdump does.
func TestDCCPGenericHeaderOnlyLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dccpgeneric", dccpGenericHeaderCases())
}
