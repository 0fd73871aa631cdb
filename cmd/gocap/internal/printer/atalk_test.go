package printer

import (
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// ddpLong is a long DDP header from 100.5 socket 253 to 200.7 socket 2
// (the node and net given) of type typ, then the payload.
func ddpLong(dnet, snet uint16, dnode, snode, dskt, sskt, typ byte, payload string) string {
	return fmt.Sprintf("%04x 0000 %04x %04x %02x %02x %02x %02x %02x ", 13+hexLen(payload), dnet, snet, dnode, snode, dskt, sskt, typ) + payload
}

// ddpTo2 is a long DDP datagram of the type from 100.5.253 to 200.7.2.
func ddpTo2(typ byte, payload string) string {
	return ddpLong(200, 100, 7, 5, 2, 253, typ, payload)
}

// nbpStr is an NBP counted string.
func nbpStr(s string) string { return fmt.Sprintf("%02x", len(s)) + hex.EncodeToString([]byte(s)) }

// nbpTuple is an NBP tuple: address, enumerator and the object, type and
// zone strings.
func nbpTuple(net uint16, node, skt, enum byte, obj, typ, zone string) string {
	return fmt.Sprintf("%04x %02x %02x %02x ", net, node, skt, enum) + nbpStr(obj) + nbpStr(typ) + nbpStr(zone) + " "
}

// atalkDDPs are DDP datagrams of each kind print-atalk.c tells apart.
func atalkDDPs() []string {
	self := nbpTuple(100, 5, 253, 0, "obj", "LaserWriter", "*")
	return []string{
		// NBP lookups and broadcast requests, with each anomaly
		ddpTo2(2, "21 05 "+self),
		ddpTo2(2, "11 06 "+self),
		ddpTo2(2, "23 07 "+nbpTuple(101, 9, 4, 3, "x", "y", "z")),
		ddpTo2(2, "21 08 "+nbpTuple(100, 5, 253, 0, "caf\xe9\x01", "t", "")),
		// replies: one tuple, several, with enumerators, sockets and
		// addresses of their own, a name too long
		ddpTo2(2, "31 09 "+nbpTuple(100, 5, 253, 1, "a", "b", "c")),
		ddpTo2(2, "33 0a "+nbpTuple(100, 5, 253, 1, "a", "b", "c")+nbpTuple(100, 6, 12, 2, "d", "e", "f")+nbpTuple(300, 255, 253, 1, "g", "h", "i")),
		ddpTo2(2, "32 0b 0064 05 fd 01 21"+fmt.Sprintf("%066x", 0)),
		ddpTo2(2, "31 0c 0064 05 fd 01 01 61 02 6263 28"+fmt.Sprintf("%080x", 0)),
		ddpTo2(2, "30 0d "+self),
		ddpTo2(2, "45 0e "+self),
		ddpTo2(2, "01 0f "+self),
		// NBP too short for a tuple, or a header
		ddpTo2(2, "21 05 0064 05 fd"),
		ddpTo2(2, "21"),
		ddpTo2(2, ""),
		// ATP requests, responses, releases and others
		ddpTo2(3, "60 ff 1234 00000000"),
		ddpTo2(3, "40 05 1235 00000000 0102"),
		ddpTo2(3, "50 01 1236 deadbeef"),
		ddpTo2(3, "48 00 1237 00000000"),
		ddpTo2(3, "58 0f 1238 00000000"),
		ddpTo2(3, "68 a0 1239 00000001"),
		ddpTo2(3, "90 03 1240 00000000 010203"),
		ddpTo2(3, "80 03 1241 00000000"),
		ddpTo2(3, "a0 03 1242 00000000"),
		ddpTo2(3, "88 03 1243 00000000"),
		ddpTo2(3, "a8 03 1244 00000000"),
		ddpTo2(3, "c0 07 1245 00000000"),
		ddpTo2(3, "f8 3c 1246 00000000 01"),
		ddpTo2(3, "d0 80 1247 00000000"),
		ddpTo2(3, "c8 02 1248 00000000"),
		ddpTo2(3, "05 02 1249 00000007"),
		ddpTo2(3, "3f 02 1250 00000000 0102"),
		ddpTo2(3, "40 ff 12"),
		// the types printed by name and length, and unknown ones
		ddpTo2(1, "0001 02 03"),
		ddpTo2(5, "01"),
		ddpTo2(4, "01 616263"),
		ddpTo2(22, "4500"),
		ddpTo2(23, ""),
		ddpTo2(0x4b, "00"),
		ddpTo2(6, "0501"),
		ddpTo2(99, ""),
		// EIGRP over DDP
		ddpTo2(88, eigrpPkt(5, eigrpTLV(1, "01 00 01 00 00 00 000f"))),
		// broadcasts, to the broadcast node and from net 0
		ddpLong(0, 0, 255, 255, 1, 1, 1, "00"),
		ddpLong(65535, 1, 255, 254, 6, 6, 6, "00"),
	}
}

// atalkCrafted are AppleTalk frames over Ethernet: EtherTalk, SNAP and
// AARP, whole and cut short.
func atalkCrafted() []crafted {
	eth := "000000000002 000000000001 809b "
	var pkts []crafted
	for _, d := range atalkDDPs() {
		pkts = append(pkts, crafted{eth + d, 0})
	}
	lkup := eth + ddpTo2(2, "21 05 "+nbpTuple(100, 5, 253, 0, "obj", "LaserWriter", "*"))
	reply := eth + ddpTo2(2, "32 09 "+nbpTuple(100, 5, 253, 1, "a", "b", "c")+nbpTuple(100, 6, 12, 2, "d", "e", "f"))
	atp := eth + ddpTo2(3, "50 01 1236 deadbeef")
	for _, n := range []int{14 + 13 + 1, 14 + 13 + 3, 14 + 13 + 2 + 5 + 2, 14 + 13 + 2 + 5 + 4, 14 + 13 + 2 + 5 + 16, 14 + 13 + 2 + 5 + 17} {
		pkts = append(pkts, crafted{hexCut(lkup, n), hexLen(lkup)})
	}
	for _, n := range []int{14 + 13 + 2 + 3, 14 + 13 + 2 + 5 + 3, 14 + 13 + 2 + 11, 14 + 13 + 2 + 13, 14 + 13 + 2 + 15} {
		pkts = append(pkts, crafted{hexCut(reply, n), hexLen(reply)})
	}
	pkts = append(pkts,
		crafted{hexCut(atp, 14+13+7), hexLen(atp)},
		crafted{hexCut(atp, 14+12), hexLen(atp)},
		crafted{hexCut(atp, 14), hexLen(atp)},
		// a DDP header longer than the frame
		crafted{eth + "0010 0000 00c8 0064 07 05", 0},
		// SNAP: AppleTalk's OUI, and AARP under the Ethernet OUI
		crafted{"000000000002 000000000001 0022 aaaa03 080007 809b " + ddpTo2(3, "40 01 0001 00000000"), 0},
		crafted{"000000000002 000000000001 0018 aaaa03 080007 809b " + ddpTo2(3, "40 01 0001 00000000"), 0},
		crafted{"000000000002 000000000001 0025 aaaa03 000000 80f3 0001 809b 06 04 0001 000000000001 00006405 000000000000 0000c807", 0},
	)
	aarp := func(htype, ptype uint16, hl, pl byte, op uint16) string {
		return fmt.Sprintf("000000000002 000000000001 80f3 %04x %04x %02x %02x %04x 000000000001 00006405 0a0b0c0d0e0f 00ffc8ff", htype, ptype, hl, pl, op)
	}
	for _, a := range []string{
		aarp(1, 0x809b, 6, 4, 1), aarp(1, 0x809b, 6, 4, 2), aarp(1, 0x809b, 6, 4, 3), aarp(1, 0x809b, 6, 4, 4),
		aarp(2, 0x809b, 6, 4, 1), aarp(1, 0, 6, 4, 1), aarp(1, 0x809b, 8, 4, 1), aarp(1, 0x809b, 6, 2, 2),
	} {
		pkts = append(pkts, crafted{a, 0})
	}
	// DDP in GRE
	pkts = append(pkts, crafted{craftIP4(47, "0000 809b "+ddpTo2(3, "40 01 0001 00000000")), 0},
		crafted{craftIP4(47, "0000 809b 0010 0000"), 0})
	a := aarp(1, 0x809b, 6, 4, 1)
	pkts = append(pkts, crafted{hexCut(a, 14+27), hexLen(a)}, crafted{hexCut(a, 14), hexLen(a)})
	return pkts
}

// TestAppleTalkLikeTcpdump prints EtherTalk DDP (NBP, ATP and the types
// tcpdump only names), AppleTalk in SNAP and AARP, whole and cut short,
// as tcpdump does.
func TestAppleTalkLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "atalk", atalkCrafted()) }

func init() { addFuzzSeeds(atalkCrafted()) }

// TestAppleTalkUDPLikeTcpdump prints AppleTalk in UDP (KIP) on the
// ports tcpdump takes for it, and UDP on them that is not.
func TestAppleTalkUDPLikeTcpdump(t *testing.T) {
	llap := "07 05 02 " + ddpTo2(3, "40 01 0001 00000000")
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, []crafted{
		{craftedUDP4(16512, 200, llap), 0},
		{craftedUDP4(40000, 327, llap), 0},
		{craftedUDP4(895, 40000, llap), 0},
		{craftedUDP4(16639, 40000, "07 05 02 "+ddpTo2(2, "21 05 "+nbpTuple(100, 5, 253, 0, "o", "t", "z"))), 0},
		{craftedUDP4(16640, 40000, llap), 0},
		{craftedUDP4(16512, 200, "07 05 01 0008 02 fd 03 40010001 00000000"), 0},
		{craftedUDP4(16512, 200, "07 05 02 0010 0000 00c8"), 0},
		{craftedUDP4(16512, 200, "07 05"), 0},
		craftedCut(craftedUDP4(16512, 200, llap), 20),
		craftedCut(craftedUDP4(16512, 200, llap), 6),
	})
}

// TestLocalTalkLikeTcpdump prints LocalTalk frames (DLT_LTALK): short and
// long DDP headers, other LLAP types, and frames cut short, as tcpdump
// does; and DDP over DLT_NULL and ARCNET.
func TestLocalTalkLikeTcpdump(t *testing.T) {
	short := "07 05 01 0010 02 fd 03 " + "40 01 0001 00000000 0102"
	long := "07 05 02 " + ddpTo2(2, "31 09 "+nbpTuple(100, 5, 253, 1, "a", "b", "c"))
	linkTypeLikeTcpdump(t, cbpf.LinkLTalk, []crafted{
		{hex: short},
		{hex: "ff 05 01 0006 06 06 06 01"},
		{hex: "07 05 01 0006 04 fe 02 21"},
		{hex: long},
		{hex: "07 05 02 " + ddpTo2(99, "0102")},
		{hex: "07 05 4b 0102"},
		{hex: "07 05 00"},
		{hex: "07 05", wire: 2},
		{hex: "07 05", wire: 40},
		{hex: "07 05 01 0010", wire: 7},
		{hex: "07 05 01 0010", wire: 40},
		{hex: "07 05 02 0010 0000 00c8", wire: 10},
		{hex: "07 05 02 0010 0000 00c8", wire: 40},
		{hex: hexCut(long, 3+13+4), wire: hexLen(long)},
		{hex: hexCut(short, 3+5+3), wire: hexLen(short)},
	})
	linkTypeLikeTcpdump(t, cbpf.LinkNull, []crafted{
		{hex: "10000000 " + ddpTo2(3, "40 01 0001 00000000")},
		{hex: "10000000 0010 0000"},
	})
	linkTypeLikeTcpdump(t, cbpf.LinkARCNET, []crafted{
		{hex: "01 02 dd 00 0001 " + ddpTo2(3, "40 01 0001 00000000")},
		{hex: "01 02 dd 00 0001 " + ddpTo2(2, "21 05 "+nbpTuple(100, 5, 253, 0, "o", "t", "z"))},
	})
}

// TestAppleTalkNamesLikeTcpdump prints DDP without -n, where tcpdump
// names the well-known sockets (the frames carry no IP address to look
// up, and -e is not given, so no Ethernet address either).
func TestAppleTalkNamesLikeTcpdump(t *testing.T) {
	pkts := []crafted{
		{"000000000002 000000000001 809b " + ddpLong(200, 100, 7, 5, 1, 2, 1, "00"), 0},
		{"000000000002 000000000001 809b " + ddpLong(200, 100, 7, 5, 4, 6, 4, "01"), 0},
		{"000000000002 000000000001 809b " + ddpLong(200, 100, 7, 5, 3, 253, 3, "40 01 0001 00000000"), 0},
	}
	compareWithTcpdump(t, "atalk_names", cbpf.LinkEN10MB, pkts, []flagSet{
		{[]string{}, Options{}},
		{[]string{"-v"}, Options{Verbose: 1}},
	})
}
