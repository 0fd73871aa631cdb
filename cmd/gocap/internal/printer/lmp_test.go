package printer

import (
	"fmt"
	"strings"
	"testing"
)

// lmpObjHex is an LMP object of the class and C-Type (with the
// negotiable bit when neg) holding body, its length field right.
func lmpObjHex(neg bool, ctype, class byte, body string) string {
	if neg {
		ctype |= 0x80
	}
	return fmt.Sprintf("%02x %02x %04x ", ctype, class, 4+hexLen(body)) + body + " "
}

// lmpMsgHex is an LMP message (version 1) of the type and flags holding
// objs, its length field right.
func lmpMsgHex(flags, typ byte, objs ...string) string {
	body := strings.Join(objs, "")
	return fmt.Sprintf("1000 %02x %02x %04x 0000 ", flags, typ, 8+hexLen(body)) + body
}

func lmpCrafted() []crafted {
	var pkts []crafted
	add := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: craftedUDP4(701, 701, x)})
		}
	}
	v6 := "20010db8000000000000000000000001"
	v6b := "20010db8000000000000000000000002"
	cfg := lmpMsgHex(1, 1,
		lmpObjHex(false, 1, 1, "00000001"), lmpObjHex(true, 2, 1, "00000002"),
		lmpObjHex(false, 1, 2, "0a000001"), lmpObjHex(false, 1, 3, "0a000002"), lmpObjHex(false, 3, 4, v6),
		lmpObjHex(false, 6, 3, "00000009"), lmpObjHex(false, 1, 5, "0000000a"), lmpObjHex(false, 2, 5, "0000000b"),
		lmpObjHex(true, 1, 6, "0096 0258"), lmpObjHex(false, 1, 7, "00000001 00000002"),
		lmpObjHex(false, 1, 11, "03 000000 0a000001 0a000002"), lmpObjHex(false, 2, 11, "01 000000 "+v6+v6b),
		lmpObjHex(false, 3, 11, "00 000000 00000005 00000006"),
		lmpObjHex(false, 1, 12, "07 000000 0a000001 0a000002 01 0c 33 05 4cbebc20 4e6e6b28 02 08 0000 00000640"),
		lmpObjHex(false, 2, 12, "00 000000 "+v6+v6b),
		lmpObjHex(false, 3, 12, "02 000000 00000005 00000006 07 08 0000 00000000"),
		lmpObjHex(false, 1, 12, "00 000000 0a000001 0a000002 01 03 0000"),
		lmpObjHex(false, 1, 12, "00 000000 0a000001 0a000002 01 10 0000 00000000"),
		lmpObjHex(false, 1, 8, "0003 0064 00000004 05 00 1f40 4cbebc20 00000007"),
		lmpObjHex(false, 1, 8, "0000 0064 00000004 63 00 0002 7f800000 00000007"),
		lmpObjHex(false, 1, 9, "0064 0002"), lmpObjHex(false, 1, 10, "00000009"),
		lmpObjHex(false, 1, 13, "0a000001 c0000001 0a000002 00000003 0a000003 00000009"),
		lmpObjHex(false, 2, 13, v6+"40000002"), lmpObjHex(false, 3, 13, "00000005 80000001"),
		lmpObjHex(false, 1, 14, "0a000001 0a000002"), lmpObjHex(false, 2, 14, v6), lmpObjHex(false, 3, 14, "00000007"),
		lmpObjHex(false, 1, 20, "0000001f"), lmpObjHex(false, 2, 20, "0000003f"), lmpObjHex(false, 2, 20, "00000000"),
		lmpObjHex(false, 1, 51, "03 01 0000"), lmpObjHex(false, 2, 51, "05 08 07 01 0001 0004 0001 0010 0a000001"),
		lmpObjHex(false, 2, 51, "06 0c 00 00 0001 0004 0001 0010 0a000001"),
		lmpObjHex(false, 2, 51, "07 0c 00 00 0001 0004 0001 0010 0a000001"),
		lmpObjHex(false, 3, 51, "00000003 000000 01"), lmpObjHex(false, 4, 51, "000000 07"),
		lmpObjHex(false, 9, 51, "00000000"), lmpObjHex(false, 1, 99, "01020304"), lmpObjHex(false, 1, 0, ""))
	add(cfg, lmpMsgHex(0, 4, lmpObjHex(false, 1, 12, "00 000000 0a000001 0a000002 01 06 0000 0000")),
		lmpMsgHex(0, 4, lmpObjHex(false, 1, 12, "00 000000 0a000001 0a000002 01 04 0000")),
		lmpMsgHex(0, 4, lmpObjHex(false, 1, 12, "00 000000 0a000001 0a000002 02 04 0000")),
		lmpMsgHex(0, 4, lmpObjHex(false, 1, 12, "00 000000 0a000001 0a000002 01 0c 0000 00000000")))
	// Objects of the wrong length for their C-Type, and each C-Type the
	// printer does not know.
	for _, c := range []struct{ ct, class byte }{{1, 1}, {1, 2}, {1, 3}, {3, 3}, {5, 4}, {1, 5}, {2, 5}, {1, 6}, {1, 7},
		{1, 11}, {2, 11}, {3, 11}, {1, 12}, {2, 12}, {3, 12}, {1, 8}, {1, 9}, {1, 10}, {1, 20}, {2, 20}, {1, 51}, {2, 51},
		{3, 51}, {4, 51}} {
		add(lmpMsgHex(0, 4, lmpObjHex(false, c.ct, c.class, strings.Repeat("00", 8))),
			lmpMsgHex(0, 4, lmpObjHex(false, c.ct, c.class, strings.Repeat("00", 40))))
	}
	for _, class := range []byte{1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20, 51} {
		add(lmpMsgHex(0, 4, lmpObjHex(false, 9, class, "00000000")))
	}
	// Header and object errors; other versions and types.
	add(lmpMsgHex(2, 99), lmpMsgHex(3, 52, lmpObjHex(false, 1, 1, "00000001")),
		"1000 00 04 0004 0000", "1000 00 04 0020 0000 "+lmpObjHex(false, 1, 1, "00000001"),
		"2000 00 04 0008 0000", lmpMsgHex(0, 4, "01 01 0002 0000"), lmpMsgHex(0, 4, "01 01 0006 0000 0000"),
		"1000 00 04 000c 0000 01 01 0010 00000001 00000000 00000000", lmpMsgHex(0, 4, "01 01 00"),
		"1000 00 04 0006 0000", "1000 00 04", "10")
	for _, n := range []int{1, 3, 20, 50, 100, 200} {
		pkts = append(pkts, craftedCut(craftedUDP4(701, 701, cfg), n))
	}
	for _, typ := range []byte{2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 50, 51} {
		add(lmpMsgHex(0, typ))
	}
	return pkts
}

// TestLMPLikeTcpdump prints LMP messages (UDP port 701) of each type
// with objects of every class and C-Type tcpdump decodes, data link
// subobjects, objects of the wrong length, malformed headers and
// messages cut short, as tcpdump does.
func TestLMPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "lmp", lmpCrafted()) }

func init() { addFuzzSeeds(lmpCrafted()) }
