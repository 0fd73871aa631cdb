package printer

import (
	"fmt"
	"strings"
	"testing"
)

// rsvpObjHex is an RSVP object of the class and C-Type with the body
// (hex) padded with zeros to a multiple of 4 bytes, its length field
// right.
func rsvpObjHex(class, ctype byte, body string) string {
	body += strings.Repeat("00", (4-hexLen(body)%4)%4)
	return fmt.Sprintf("%04x %02x %02x ", 4+hexLen(body), class, ctype) + body + " "
}

// rsvpMsgHex is an RSVP message (version 1, the flags) of the type
// holding objs, its length field right.
func rsvpMsgHex(flags, typ byte, objs ...string) string {
	body := strings.Join(objs, "")
	return fmt.Sprintf("%02x %02x 1234 3f 00 %04x ", 0x10|flags, typ, 8+hexLen(body)) + body
}

func rsvpCrafted() []crafted {
	var pkts []crafted
	add := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: craftIP4(46, x)})
		}
	}
	v6 := "20010db8000000000000000000000001"
	v6b := "20010db8000000000000000000000002"
	intserv := "00 00 0007 " + // version 0, 7 words
		"01 00 0006 " + // service 1, 6 words
		"7f 00 0005 49742400 47435000 7f800000 00000040 000005dc " + // token bucket
		"05 80 0004 " + // controlled load, break bit, 4 words
		"04 00 0001 00000003 06 00 0001 4a989680 08 00 0001 ffffffff "
	adspec := "00 00 000b 01 00 0009 0a 00 0001 000005dc 08 00 0001 00000064 82 00 0002 49742400 00000010 " +
		"85 00 0001 00000005 63 00 0001 aabbccdd 82 00 0001 00000001"
	path := rsvpMsgHex(1, 1,
		rsvpObjHex(1, 7, "0a000002 0000 0001 0a000001"),
		rsvpObjHex(3, 1, "0a000001 00000005"),
		rsvpObjHex(5, 1, "00007530"),
		rsvpObjHex(207, 7, "07 07 16 08 "+hexStr("lsp\x01\xff-one", 8)),
		rsvpObjHex(19, 1, "0000 0800"),
		rsvpObjHex(20, 1, "01 08 0a000002 20 00 81 08 0a000003 20 00 03 08 00 01 00000010"),
		rsvpObjHex(11, 7, "0a000001 0000 0001"),
		rsvpObjHex(12, 2, intserv),
		rsvpObjHex(13, 2, adspec),
		rsvpObjHex(21, 1, "01 08 0a000001 20 0f 03 08 01 00 00000011"),
		rsvpObjHex(205, 1, "07 07 10 02 49742400 00000001 00000002 00000003"),
		rsvpObjHex(205, 7, "07 07 10 02 49742400 00000001 00000002"),
		rsvpObjHex(63, 7, "0a000001 0a000005 0a000002 0a000006"),
		rsvpObjHex(66, 1, "00000003"), rsvpObjHex(125, 1, "00000001"),
		rsvpObjHex(134, 1, "00000007"), rsvpObjHex(134, 1, "80000005"), rsvpObjHex(134, 1, "00000000"))
	resv := rsvpMsgHex(0, 2,
		rsvpObjHex(1, 1, "e0000001 11 01 1388"),
		rsvpObjHex(1, 2, v6+"06 00 0050"),
		rsvpObjHex(1, 8, v6+"0000 0007"+v6b),
		rsvpObjHex(1, 14, "00000005 0000 0009"+v6+"0000"),
		rsvpObjHex(1, 13, "0a000009 0000 0009 0a000001"),
		rsvpObjHex(1, 11, "0a000009 0000 0009 0a000001"),
		rsvpObjHex(1, 99, "00000000"),
		rsvpObjHex(3, 2, v6+"00000007"),
		rsvpObjHex(3, 3, "0a000001 00000005 00010004 00000000"),
		rsvpObjHex(3, 4, v6+"00000007"),
		rsvpObjHex(8, 1, "00 00000a"), rsvpObjHex(8, 1, "ff 000011"), rsvpObjHex(8, 1, "00 000063"),
		rsvpObjHex(9, 2, intserv),
		rsvpObjHex(10, 1, "0a000001 0000 0001"), rsvpObjHex(10, 2, v6+"0000 0002"),
		rsvpObjHex(10, 3, v6+"00 0abcde"), rsvpObjHex(10, 8, v6+"0000 0003"),
		rsvpObjHex(10, 13, v6+"0000 0004"+v6b+"0000 0005"), rsvpObjHex(10, 7, "0a000001 0000 0006"),
		rsvpObjHex(10, 12, "0a000001 0000 0007 0a000002 0000 0008"),
		rsvpObjHex(11, 2, v6+"0000 0002"), rsvpObjHex(11, 13, v6+"0000 0004"+v6b+"0000 0005"),
		rsvpObjHex(11, 12, "0a000001 0000 0007 0a000002 0000 0008"), rsvpObjHex(11, 1, "0a000001 0000 0001"),
		rsvpObjHex(16, 1, "00000010 00000011"), rsvpObjHex(16, 2, "00000012"), rsvpObjHex(35, 3, "00000001 00000002 00000003"),
		rsvpObjHex(129, 1, "00000013"), rsvpObjHex(34, 2, "00000014"), rsvpObjHex(16, 9, "00000015"),
		rsvpObjHex(15, 1, "0a000001"), rsvpObjHex(15, 2, v6), rsvpObjHex(195, 1, "0a000002"), rsvpObjHex(195, 2, v6b),
		rsvpObjHex(15, 3, "00000000"))
	misc := rsvpMsgHex(0, 20,
		rsvpObjHex(22, 1, "00000001 00000002"), rsvpObjHex(22, 2, "00000003 00000004"),
		rsvpObjHex(131, 1, "00001388 00002710"),
		rsvpObjHex(19, 2, "0000 0800 8001 0002 0fff 0fff"), rsvpObjHex(19, 3, "0000 86dd 00000010 00001000"),
		rsvpObjHex(19, 3, "0000 1234 01000010 00001000"), rsvpObjHex(19, 4, "05 64 0022"), rsvpObjHex(19, 4, "63 07 00ff"),
		rsvpObjHex(23, 1, "01 000005 00000001 00000002"), rsvpObjHex(24, 1, "00 000006 00000003"),
		rsvpObjHex(25, 1, "00 000007"), rsvpObjHex(23, 3, "00000000"),
		rsvpObjHex(4, 1, "80 00 000000000001 0000000000000002 00112233445566778899aabbccddeeff"),
		rsvpObjHex(196, 1, "80000007"), rsvpObjHex(196, 1, "00000000"),
		rsvpObjHex(36, 1, "00 00 00 05 00000001 00000002"), rsvpObjHex(36, 1, "02 00 00 05 00000001 00000002"),
		rsvpObjHex(36, 1, "03 00 00 05 00000001 00000002"), rsvpObjHex(36, 1, "07 00 00 05"),
		rsvpObjHex(50, 1, "0a000001"), rsvpObjHex(50, 2, v6), rsvpObjHex(50, 3, ""),
		rsvpObjHex(204, 1, "0002 0002 01 04 0001 02 06 00000005"), rsvpObjHex(204, 1, "0001 0002 01 02 0000"),
		rsvpObjHex(6, 1, "0a000001 01 18 0005"), rsvpObjHex(6, 3, "0a000001 01 1c 0003"),
		rsvpObjHex(6, 1, "0a000001 01 7d 0063"), rsvpObjHex(6, 1, "0a000001 01 02 0001"),
		rsvpObjHex(6, 2, v6+"00 18 0002"), rsvpObjHex(6, 4, v6+"00 02 0002"),
		rsvpObjHex(7, 1, "0a000001"), rsvpObjHex(14, 1, "00010203"), rsvpObjHex(230, 1, "aabbccdd"),
		rsvpObjHex(0xc5, 1, "01020304 05"), rsvpObjHex(0x45, 1, ""))
	uni := rsvpMsgHex(0, 1,
		rsvpObjHex(229, 1, "0008 0101 0a000001 0014 0202 "+v6+"0008 0103 00000000 0004 0300 0008 0300 00000000 "+
			"0010 0400 80000005 00000006 00000007 0008 0500 07000000 0008 0900 00000000"))
	add(path, resv, misc, uni)
	// Errors in the objects: a length not a multiple of 4, too short,
	// past the end, objects shorter than their C-Type needs, bad ERO
	// subobjects, a bad UNI subobject.
	add(rsvpMsgHex(0, 1, "0006 01 01 0a000001"), rsvpMsgHex(0, 1, "0000 01 01 0a000001"),
		rsvpMsgHex(0, 1, "0010 01 01 0a000001"), rsvpMsgHex(0, 1, "00"))
	for _, o := range []struct {
		class, ctype byte
		n            int
	}{{1, 1, 8}, {1, 2, 20}, {1, 8, 36}, {1, 14, 26}, {1, 13, 12}, {1, 7, 12}, {15, 1, 4}, {15, 2, 16}, {195, 1, 4},
		{195, 2, 16}, {16, 2, 4}, {16, 3, 12}, {8, 1, 4}, {11, 1, 8}, {11, 2, 20}, {11, 13, 40}, {11, 7, 8}, {11, 12, 16},
		{10, 3, 20}, {10, 8, 20}, {19, 2, 12}, {19, 3, 12}, {19, 4, 4}, {22, 1, 8}, {131, 1, 8}, {134, 1, 4}, {207, 7, 4},
		{229, 1, 4}, {3, 1, 8}, {3, 2, 20}, {5, 1, 4}, {12, 2, 4}, {205, 1, 20}, {205, 7, 16}, {66, 1, 4}, {6, 1, 8},
		{6, 2, 20}, {204, 1, 4}, {23, 1, 4}, {4, 1, 32}, {196, 1, 4}, {36, 1, 4}, {50, 1, 4}, {50, 2, 16}} {
		add(rsvpMsgHex(0, 2, rsvpObjHex(o.class, o.ctype, strings.Repeat("00", o.n-4))))
	}
	add(rsvpMsgHex(0, 2, rsvpObjHex(207, 7, "07 07 00 09 6c7370")),
		rsvpMsgHex(0, 2, rsvpObjHex(4, 1, "00 00 000000000001 0000000000000002")),
		rsvpMsgHex(0, 2, rsvpObjHex(36, 1, "02 00 00 05 00000001")),
		rsvpMsgHex(0, 2, rsvpObjHex(204, 1, "0001 0000 01 09 0000")),
		rsvpMsgHex(0, 2, rsvpObjHex(204, 1, "0001 0000 01 01 0000")),
		rsvpMsgHex(0, 1, rsvpObjHex(20, 1, "01 04 0a00")), rsvpMsgHex(0, 1, rsvpObjHex(20, 1, "01 08 0a000001 18 00")),
		rsvpMsgHex(0, 1, rsvpObjHex(20, 1, "03 04 0000")), rsvpMsgHex(0, 1, rsvpObjHex(20, 1, "01 0c 0a000001 20 00")),
		rsvpMsgHex(0, 1, rsvpObjHex(20, 1, "01 00 0a000001 20 00")), rsvpMsgHex(0, 1, rsvpObjHex(21, 1, "22 04 0000 02 04 0000")),
		rsvpMsgHex(0, 1, rsvpObjHex(20, 2, "01 08 0a000001 20 00")),
		rsvpMsgHex(0, 1, rsvpObjHex(229, 1, "0003 0101 00000000")), rsvpMsgHex(0, 1, rsvpObjHex(229, 1, "0010 0101 00000000")),
		rsvpMsgHex(0, 1, rsvpObjHex(229, 1, "0004 0101 0004 0102")),
		rsvpMsgHex(0, 1, rsvpObjHex(229, 1, "0006 0101 0000 0000")),
		rsvpMsgHex(0, 1, rsvpObjHex(229, 1, "0008 0201 0a000001 0008 0202 00000000")),
		rsvpMsgHex(0, 1, rsvpObjHex(229, 1, "0008 0400 00000000")), rsvpMsgHex(0, 1, rsvpObjHex(229, 1, "0004 0500")),
		rsvpMsgHex(0, 1, rsvpObjHex(12, 2, "00 00 0003 01 00 0002 04 00 0001 00000003")),
		rsvpMsgHex(0, 1, rsvpObjHex(12, 2, "00 00 0003 01 00 0001 04 00 0002 00000003")),
		rsvpMsgHex(0, 1, rsvpObjHex(12, 2, "00 00 0003 01 00 0004 04 00 0001 00000003")),
		rsvpMsgHex(0, 1, rsvpObjHex(12, 2, "00 00 0003 01 00 0004 7f 00 0001 00000003 06 00 0002")),
		rsvpMsgHex(0, 1, rsvpObjHex(12, 2, "00 00 0003 01 00 0003 7f 00 0001 00000003 82 00 0001 00000003")),
		rsvpMsgHex(0, 1, rsvpObjHex(12, 2, "00 00 0003 01 00 0001 09 00 0000")))
	// Bundles: good, a bad version inside, a message too short or too
	// long for the bundle, an error inside one.
	add(rsvpMsgHex(0, 12, path, resv), rsvpMsgHex(0, 12, rsvpMsgHex(0, 20, rsvpObjHex(22, 1, "00000001 00000002")), "20 01 0000 01 00 0008"),
		rsvpMsgHex(0, 12, "10 01 0000 01 00 0004"), rsvpMsgHex(0, 12, "10 01 0000 01 00 0010"),
		rsvpMsgHex(0, 12, rsvpMsgHex(0, 1, "0006 01 01 0a000001"), rsvpMsgHex(0, 20)), rsvpMsgHex(0, 12, "10 01 0000"))
	// Other types and versions, a header too short.
	add(rsvpMsgHex(0, 99, "01020304 05"), rsvpMsgHex(0, 13), rsvpMsgHex(0, 3), rsvpMsgHex(0, 4), rsvpMsgHex(0, 5),
		rsvpMsgHex(0, 6), rsvpMsgHex(0, 7), rsvpMsgHex(0, 14), rsvpMsgHex(0, 15),
		"20 01 0000 01 00 0008", "10 01 1234 3f 00 0004", "10 01 1234 3f 00", "10")
	for _, m := range []string{path, resv, misc, uni} {
		for _, cut := range []int{1, 3, 9, 17, 30, 50} {
			pkts = append(pkts, craftedCut(craftIP4(46, m), cut))
		}
	}
	return pkts
}

// TestRSVPLikeTcpdump prints RSVP messages of every type holding
// objects of every class and C-Type tcpdump decodes (and ones it only
// dumps), malformed objects and subobjects, Bundles, and messages cut
// short, as tcpdump does.
func TestRSVPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "rsvp", rsvpCrafted()) }

func init() { addFuzzSeeds(rsvpCrafted()) }
