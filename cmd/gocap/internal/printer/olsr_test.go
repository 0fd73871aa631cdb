package printer

import (
	"fmt"
	"strings"
	"testing"
)

// olsrMsg is an OLSR message of the type from the originator (hex, 4 or
// 16 bytes) with the body, its length field right.
func olsrMsg(typ byte, orig, body string) string {
	return fmt.Sprintf("%02x 86 %04x %s 40 02 0102 ", typ, 8+hexLen(orig)+hexLen(body), orig) + body + " "
}

// olsrPkt is an OLSR packet holding the messages, its length right.
func olsrPkt(msgs ...string) string {
	body := strings.Join(msgs, "")
	return fmt.Sprintf("%04x 1234 ", 4+hexLen(body)) + body
}

func olsrCrafted() []crafted {
	o4 := "0a000001"
	o6 := "20010db8000000000000000000000001"
	hello4 := olsrMsg(1, o4, "0000 86 07 06 00 000c 0a000002 0a000003 0b 00 0008 0a000004 00 00 0004 ff 00 0004")
	hellolq4 := olsrMsg(201, o4, "0000 86 03 0a 00 0014 0a000002 ff 80 0000 0a000003 01 00 0000")
	tc4 := olsrMsg(2, o4, "0005 0000 0a000002 0a000003")
	tclq4 := olsrMsg(202, o4, "0005 0000 0a000002 c0 40 0000")
	mid4 := olsrMsg(3, o4, "0a000005 0a000006")
	hna4 := olsrMsg(4, o4, "0a000000 ff000000 c0a80100 ffffff00 00000000 00 1f 29 ff 00000000 00 02 00 00 ac100000 ffff00ff 0a010000 ffff0000")
	ns4 := olsrMsg(130, o4, "0001 0002 0001 0005 0a000002 "+hexStr("host1", 8)+"0002 0004 0a000003 "+hexStr("abcd", 4))
	pinfo := olsrMsg(128, o4, "01020304 05")
	unk := olsrMsg(99, o4, "")
	hello6 := olsrMsg(1, o6, "0000 86 07 06 00 0014 "+o6)
	hellolq6 := olsrMsg(201, o6, "0000 86 07 06 00 0018 "+o6+" 80 40 0000")
	tclq6 := olsrMsg(202, o6, "0005 0000 "+o6+" 80 40 0000")
	mid6 := olsrMsg(3, o6, o6)
	hna6 := olsrMsg(4, o6, o6+"ffffffffffffffff0000000000000000 "+o6+"fffffe00000000000000000000000000 "+o6+"ffff7f00000000000000000000000000")
	ns6 := olsrMsg(130, o6, "0001 0001 0001 0003 "+o6+hexStr("h\x01i", 4))
	var pkts []crafted
	add4 := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: craftedUDP4(698, 698, x)})
		}
	}
	add6 := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: craftUDP6(698, 698, x)})
		}
	}
	add4(olsrPkt(hello4, hellolq4, tc4, tclq4, mid4, hna4, ns4, pinfo, unk))
	add6(olsrPkt(hello6, hellolq6, tclq6, mid6, hna6, ns6, pinfo))
	// Bad lengths: a message too long or too short, a zero type, a link
	// block too long, name entries that do not fit, short bodies.
	add4(olsrPkt("01 86 0100 0a000001 40 02 0102"), olsrPkt("01 86 0004 0a000001 40 02 0102"),
		olsrPkt(olsrMsg(0, o4, "")), olsrPkt(olsrMsg(1, o4, "0000 86 07 06 00 0020 0a000002")),
		olsrPkt(olsrMsg(1, o4, "0000 86 07 06 00 0002 0a000002"), tc4),
		olsrPkt(olsrMsg(130, o4, "0001 0009 0001 0005")), olsrPkt(olsrMsg(130, o4, "0001 0000")),
		olsrPkt(olsrMsg(130, o4, "0001 0002 0001 0000 0a000002 0001 0004")),
		olsrPkt(olsrMsg(130, o4, "0001 0001 0001 0007 0a000002 "+hexStr("host1", 7))),
		olsrPkt(olsrMsg(130, o4, "0001 0002 0001 0004 0a000002 "+hexStr("abcd", 4))),
		olsrPkt(olsrMsg(130, o4, "0001")), olsrPkt(olsrMsg(1, o4, "0000")), olsrPkt(olsrMsg(2, o4, "00")),
		olsrPkt(olsrMsg(4, o4, "0a000000 ff000000 0b")), "0008 1234 01 86", "0003 1234", "00",
		"0010 1234 "+olsrMsg(2, o4, "0005 0000 0a000002 0a000003"), "0100 1234 "+tc4)
	for _, n := range []int{2, 8, 20, 40, 60, 100} {
		pkts = append(pkts, craftedCut(craftedUDP4(698, 698, olsrPkt(hello4, hellolq4, tc4, hna4, ns4)), n))
	}
	return pkts
}

// TestOLSRLikeTcpdump prints OLSR packets over IPv4 and IPv6 holding
// Hello, TC (and their link-quality forms), MID, HNA (with smart
// gateways), Nameservice and other messages, bad lengths and packets
// cut short, as tcpdump does.
func TestOLSRLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "olsr", olsrCrafted()) }

func init() { addFuzzSeeds(olsrCrafted()) }
