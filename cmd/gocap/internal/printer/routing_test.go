package printer

import (
	"fmt"
	"strings"
	"testing"
)

// igrpMsg is an IGRP message (version 1) of the opcode with the route
// counts given and the routes (hex).
func igrpMsg(op byte, nint, nsys, next int, routes string) string {
	return fmt.Sprintf("1%x 05 0064 %04x %04x %04x 1234 ", op, nint, nsys, next) + routes
}

// igrpRoute is an IGRP route entry for the network bytes n.
func igrpRoute(n string) string { return n + " 000064 0003e8 05dc ff 01 02 " }

func igrpCrafted() []crafted {
	r1, r2, r3 := igrpRoute("0a0001"), igrpRoute("ac1000"), igrpRoute("c0a801")
	zero := "0a0002 000000 000000 05dc ff 01 00 "
	big := "0a0003 ffffff ffffff 05dc ff 01 00 "
	pkts := []crafted{
		{hex: craftIP4(9, igrpMsg(1, 1, 1, 1, r1+r2+r3))},
		{hex: craftIP4(9, igrpMsg(2, 0, 0, 0, ""))},
		{hex: craftIP4(9, igrpMsg(7, 2, 0, 0, zero+big))},
		{hex: craftIP4(9, igrpMsg(1, 1, 0, 0, r1+r2))},
		{hex: craftIP4(9, igrpMsg(1, 2, 1, 0, r1))},
		{hex: craftIP4(9, igrpMsg(1, 1, 0, 0, r1+"0102"))},
		{hex: craftIP4(9, "1105 0064 0001")},
		{hex: craftIP4(9, "")},
	}
	for _, n := range []int{2, 10, 20, 30} {
		pkts = append(pkts, craftedCut(craftIP4(9, igrpMsg(1, 1, 1, 1, r1+r2+r3)), n))
	}
	return pkts
}

// TestIGRPLikeTcpdump prints IGRP updates and requests with interior,
// system and exterior routes, counts that disagree with the routes, and
// messages cut short, as tcpdump does.
func TestIGRPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "igrp", igrpCrafted()) }

// egpMsg is an EGP message (version 2) of the type, code and status
// with the fields after the sequence number (hex).
func egpMsg(typ, code, status byte, rest string) string {
	return fmt.Sprintf("02 %02x %02x %02x 0000 0064 0007 ", typ, code, status) + rest
}

func egpCrafted() []crafted {
	var pkts []crafted
	add := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: craftIP4(8, x)})
		}
	}
	for code := byte(0); code < 6; code++ {
		for _, st := range []byte{0, 1, 2, 3, 5, 7, 9} {
			add(egpMsg(3, code, st, "001e 0078 0000"))
		}
	}
	for _, code := range []byte{0, 1, 2} {
		for _, st := range []byte{0, 2, 3} {
			add(egpMsg(5, code, st, "0000 00000000"))
		}
	}
	add(egpMsg(2, 0, 1, "0000 0a000000"), egpMsg(2, 0, 4, "0000 80010000"))
	for _, why := range []string{"0000", "0003", "0006", "0007"} {
		add(egpMsg(8, 0, 2, why+" 00000000"))
	}
	add(egpMsg(9, 0, 0, "0000 00000000"), "01 01 00 00 0000 0064 0007 0000 00000000")
	// Updates: gateways with distances and networks of each class, from
	// source networks whose last byte is of each class; short ones.
	gws := "01 02 05 01 0a 8001 02 01 c00001 " + "02 01 03 00 " + "03 01 07 01 e0 "
	for _, src := range []string{"0a000001", "0a000081", "0a0000c1", "0a0000e1"} {
		add(egpMsg(1, 0, 0x81, "02 01 "+src+gws))
	}
	add(egpMsg(1, 0, 5, "00 00 0a000001"), egpMsg(1, 0, 1, "01 00 0a000001 01"),
		egpMsg(1, 0, 1, "01 00 0a000001 010203"), egpMsg(1, 0, 1, "01 00 0a000001 010203 01 05"),
		egpMsg(1, 0, 1, "01 00 0a000001 010203 01 05 01 80"), egpMsg(1, 0, 1, "01 00 0a000001 010203 01 05 01 c0 00"),
		egpMsg(1, 0, 1, "01 00 0a0000c1 01 01 05 01 0a"), egpMsg(1, 0, 1, "01 00 0a0000e1 01"),
		egpMsg(1, 0, 1, "01 00 0a0000e1 00"))
	add("02 03 00 00 0000 0064 0007 001e 0078", "")
	m := craftIP4(8, egpMsg(1, 0, 0x81, "02 01 0a000001"+gws))
	for _, n := range []int{1, 5, 12, 20} {
		pkts = append(pkts, craftedCut(m, n))
	}
	return pkts
}

// TestEGPLikeTcpdump prints EGP acquire, reachability, poll, update and
// error messages with each code and status, updates' gateways and
// networks (with tcpdump's byte order), and short messages, as tcpdump
// does.
func TestEGPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "egp", egpCrafted()) }

// msdpSegment is a TCP segment to port 639 carrying the MSDP messages.
func msdpSegment(msgs ...string) string { return tcpSegment(1234, 639, strings.Join(msgs, "")) }

func msdpCrafted() []crafted {
	inner := faultIP4(17, 8) + "0035 0035 0008 0000"
	sa := fmt.Sprintf("01 %04x 01 0a000001 000000 20 e0000001 0a000005 ", 3+1+4+12+hexLen(inner)) + inner
	pkts := []crafted{
		{hex: msdpSegment("01 0014 01 0a000001 000000 20 e0000001 0a000005")},
		{hex: msdpSegment(sa)},
		{hex: msdpSegment("03 0014 01 0a000001 000000 20 e0000001 0a000005", "04 0003")},
		{hex: msdpSegment("02 0008 00 e0000001", "04 0005 0000", "05 0004 00", "06 0004 00")},
		{hex: msdpSegment("04 0003", "09 0003")},
		{hex: msdpSegment("04 0003", "04 0002")},
		{hex: msdpSegment("04 0003", "04 0009")},
		{hex: msdpSegment("04 05dd")}, {hex: msdpSegment("00 0003")}, {hex: msdpSegment("08 0003")},
		{hex: msdpSegment("04 0002")}, {hex: msdpSegment("04 0579 " + strings.Repeat("00", 1398))},
		{hex: msdpSegment("04")}, {hex: msdpSegment("02 0008 00 e000")},
		{hex: msdpSegment(fmt.Sprintf("01 %04x 01 0a000001 000000 20 e0000001 0a000005 4500", 3+1+4+12+2))},
	}
	for _, n := range []int{2, 10, 30} {
		pkts = append(pkts, craftedCut(msdpSegment(sa), n))
	}
	return pkts
}

// TestMSDPLikeTcpdump prints MSDP Source-Active messages with and
// without data, requests, keepalives, notifications, unknown and bad
// messages and messages cut short, as tcpdump does.
func TestMSDPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "msdp", msdpCrafted()) }

// dvmrpMsg is an IGMP DVMRP message of the code with the IGMP header's
// last four bytes and the body (hex), its IGMP checksum right.
func dvmrpMsg(code byte, last4, body string) string {
	return craftIP4(2, pimMsgHex(false, 0x13, code, last4+body, -1))
}

func dvmrpCrafted() []crafted {
	pkts := []crafted{}
	add := func(h ...string) {
		for _, x := range h {
			pkts = append(pkts, crafted{hex: x})
		}
	}
	add(dvmrpMsg(1, "00000303", "00001234 0a000001 0a000002"), dvmrpMsg(1, "00000303", "00001234"),
		dvmrpMsg(1, "00000303", "0000"), dvmrpMsg(1, "00000303", "00001234 0a00"),
		dvmrpMsg(2, "00000303", "ff0000 0a 01 0b 82 ffff00 0a0a0a 83 000000 00 81"),
		dvmrpMsg(2, "00000303", "000000 0a 81 00 ff 00"), dvmrpMsg(2, "00000303", "ffffff 0a0a0a0a 01"),
		dvmrpMsg(2, "00000303", "ff0000 0a"), dvmrpMsg(2, "00000303", ""),
		dvmrpMsg(3, "00000303", ""), dvmrpMsg(5, "00000303", ""),
		dvmrpMsg(4, "00000303", "0a000001 01 02 02 0a000002 0a000003 0a000004 05 06 01 0a000005"),
		dvmrpMsg(4, "00000303", "0a000001 01 02 02 0a000002"), dvmrpMsg(4, "00000303", "0a000001 01"),
		dvmrpMsg(6, "00000503", "0a000001 01 02 73 02 0a000002 0a000003 0a000004 05 06 00 01 0a000005"),
		dvmrpMsg(6, "00000503", "0a000001 01 02 00 03 0a000002"), dvmrpMsg(6, "00000503", "0a000001 01 02 00 00"),
		dvmrpMsg(6, "00000503", "0a000001 01 02 00 01 0a00"), dvmrpMsg(6, "00000503", "0a000001"),
		dvmrpMsg(7, "00000303", "0a000001 e0000001 00000e10"), dvmrpMsg(7, "00000303", "0a000001 e0000001"),
		dvmrpMsg(8, "00000303", "0a000001 e0000001"), dvmrpMsg(9, "00000303", "0a000001 e0000001"),
		dvmrpMsg(9, "00000303", "0a000001"), dvmrpMsg(99, "00000303", "0a000001"),
		craftIP4(2, "13 01 0000"), craftIP4(2, "13"))
	for _, n := range []int{2, 6, 10} {
		pkts = append(pkts, craftedCut(dvmrpMsg(4, "00000303", "0a000001 01 02 02 0a000002 0a000003"), n))
	}
	// IGMP reports' lengths.
	add(craftIP4(2, pimMsgHex(false, 0x12, 0, "e0000001 00", -1)), craftIP4(2, pimMsgHex(false, 0x16, 0, "e0000001 00", -1)),
		craftIP4(2, pimMsgHex(false, 0x17, 0, "e0000001 00", -1)), craftIP6(2, "13 01 0000 00000303"),
		craftIP4(2, pimMsgHex(false, 0x1f, 0, "e0000001 0a000001 0a000002 e0000002 20 000009", -1)),
		craftIP4(2, pimMsgHex(false, 0x1e, 0, "e0000001 0a000001 0a000002 0a000009 20 000009 00000000", -1)),
		craftIP4(2, pimMsgHex(false, 0x1f, 0, "e0000001 0a000001 0a000002 e0000002 20 0000", -1)))
	pkts = append(pkts, craftedCut(craftIP4(2, pimMsgHex(false, 0x1f, 0, "e0000001 0a000001 0a000002 e0000002 20 000009", -1)), 3))
	return pkts
}

// TestDVMRPLikeTcpdump prints DVMRP probes, reports, neighbour lists of
// both formats, prunes and grafts (IGMP type 0x13), bad lengths and
// messages cut short, IGMP reports of odd lengths, multicast traceroute
// queries and responses and IGMP over IPv6, as tcpdump does.
func TestDVMRPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "dvmrp", dvmrpCrafted()) }

func init() {
	addFuzzSeeds(igrpCrafted())
	addFuzzSeeds(egpCrafted())
	addFuzzSeeds(msdpCrafted())
	addFuzzSeeds(dvmrpCrafted())
}

func ipMiscCrafted() []crafted {
	mob := func(proto uint16, rest string) string {
		b := fmt.Sprintf("%04x 0000 ", proto) + rest
		return craftIP4(55, b)
	}
	ether := "000000000004 000000000003 0800 " + faultIP4(17, 8) + "0035 0035 0008 0000"
	pkts := []crafted{
		{hex: mob(0x0600, "0a000009")}, {hex: mob(0x1180, "0a000009 0a000005")}, {hex: craftIP4(55, "0600 0000 0a00")},
		{hex: craftIP4(55, "0600 f9ff 0a000009")},
		{hex: craftIP4(108, "06 00 1234 deadbeef")}, {hex: craftIP4(108, "06")}, {hex: craftIP6(108, "06 00 4321")},
		{hex: craftIP4(77, "0102")}, {hex: craftIP6(77, "")},
		{hex: craftIP6(1, "0800 0000 0001 0001")}, {hex: craftIP4(58, "8000 0000 0001 0001")},
		{hex: craftIP6(143, ether)}, {hex: craftIP4(143, ether)},
	}
	pkts = append(pkts, craftedCut(mob(0x1180, "0a000009 0a000005"), 2))
	return pkts
}

// TestIPMiscLikeTcpdump prints the minimal Mobile IP encapsulation
// (with and without the old source, right and wrong checksums), IPComp,
// ND, and protocols carried by the wrong IP version (ICMP over IPv6,
// ICMPv6 and Ethernet over IPv4, Ethernet over IPv6), as tcpdump does.
func TestIPMiscLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "ipmisc", ipMiscCrafted()) }

func init() { addFuzzSeeds(ipMiscCrafted()) }
