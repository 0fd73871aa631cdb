package printer

import (
	"fmt"
	"testing"
)

// icmp6Inner is a quoted IPv6 header from 2001:db8::2 to 2001:db8::99 of
// next header nh and payload length plen, followed by rest (hex).
func icmp6Inner(nh byte, plen int, rest string) string {
	return fmt.Sprintf("6000 0000 %04x %02x 40 20010db8000000000000000000000002 20010db8000000000000000000000099 ", plen, nh) + rest
}

// icmp6BranchesCases are ICMPv6 messages for the branches the other tests
// leave out: each code of the error messages (port unreachable with the
// transport header behind each kind of extension header), parameter
// problems, MLD queries of each size and field, MLDv2 reports too short,
// neighbour advertisements of each flag, redirects with options, and
// IPv6 extension headers of odd shapes.
func icmp6BranchesCases() []crafted {
	udp := "d431 0035 0010 0000 "
	tcp := "d431 0050 00000001 00000000 5002 2000 0000 0000 "
	in := icmp6Inner(17, 8, udp)
	var pkts []crafted
	add := func(payload string) { pkts = append(pkts, crafted{hex: craftIP6(58, payload)}) }
	for code := 0; code < 9; code++ {
		add(fmt.Sprintf("01 %02x 0000 00000000 ", code) + in)
	}
	// Port unreachable quoting each extension header before UDP or TCP.
	for _, q := range []string{
		icmp6Inner(6, 20, tcp),
		icmp6Inner(0, 16, "11 00 0000 00000000 "+udp),
		icmp6Inner(60, 24, "2b 01 0104 00000000 00000000 00000000 "+udp),
		icmp6Inner(43, 32, "11 02 00 00 00000000 20010db8000000000000000000000003 "+udp),
		icmp6Inner(44, 16, "11 00 0000 00000001 "+udp),
		icmp6Inner(44, 16, "11 00 0008 00000001 "+udp),
		icmp6Inner(51, 20, "11 01 0000 00000001 00000001 "+udp),
		icmp6Inner(51, 4, "11"),
		icmp6Inner(0, 2, "11"),
		icmp6Inner(0, 8, "3b 00 00000000 0000"),
		icmp6Inner(58, 8, "8000 0000 0001 0001"),
		icmp6Inner(17, 2, "d431"),
		"6000",
	} {
		add("01 04 0000 00000000 " + q)
	}
	add("02 00 0000 000005dc " + in)
	add("02 00 0000 0000")
	for code := 0; code < 3; code++ {
		add(fmt.Sprintf("03 %02x 0000 00000000 ", code) + in)
	}
	for code := 0; code < 5; code++ {
		add(fmt.Sprintf("04 %02x 0000 %08x ", code, 6+code) + in)
	}
	add("04 00 0000 00000006 6000")
	// MLD queries: v1, v2 with each field, sources, and odd lengths.
	grp := "ff020000000000000000000000000001"
	src := "20010db8000000000000000000000001 20010db8000000000000000000000002 "
	add("82 00 0000 2710 0000 " + grp)
	add("82 00 0000 2710 0000 " + grp + "0000")
	add("82 00 0000 2710 0000 " + grp + "0000 00")
	for _, q := range []string{
		"2710 0000 " + grp + " 00 7d 0000",
		"8123 0000 " + grp + " 0a 83 0002 " + src,
		"ffff 0000 " + grp + " 0f ff 0002 " + src,
		"7fff 0000 " + grp + " 02 80 0003 " + src,
		"03e8 0000 " + grp + " 08 00 0001",
	} {
		add("82 00 0000 " + q)
	}
	// MLDv2 reports shorter than their header.
	add("8f 00 0000 0000")
	add("8f 00 0000 0000 00")
	add("8f 00 0000 0000 0000")
	// Neighbour advertisements with each flag, solicitations, redirects.
	tgt := "20010db8000000000000000000000005 "
	opt := "02 01 000000000001 "
	for _, f := range []string{"00000000", "80000000", "40000000", "20000000", "e0000000", "1fffffff"} {
		add("88 00 0000 " + f + tgt + opt)
	}
	add("88 00 0000 e0000000 " + tgt + "02 00 000000000001")
	add("88 00 0000 e0000000 " + tgt + "02 02 000000000001")
	add("87 00 0000 00000000 " + tgt + "01 01 000000000002")
	add("85 00 0000 00000000 01 01 000000000002")
	add("85 00 0000 00000000 01")
	add("89 00 0000 00000000 " + tgt + "20010db8000000000000000000000006 " + "04 02 000000000000 " + hexCut(in, 16))
	add("89 00 0000 00000000 " + tgt + "20010db8000000000000000000000006 " + "01 01 000000000003")
	add("89 00 0000 00000000 " + tgt + "20010db8")
	add("89 00 0000 00000000 " + tgt + "20010db8000000000000000000000006 " + "01 00 000000000003")
	for _, c := range pkts[:len(pkts):len(pkts)] {
		n := hexLen(c.hex) - 54
		if n > 40 {
			pkts = append(pkts, craftedCut(c.hex, n-35), craftedCut(c.hex, n/2))
		}
	}
	return pkts
}

// ip6BranchesCases are IPv6 packets whose extension headers take the less
// travelled branches: a jumbo payload option with a payload length too
// small for the headers, extension headers longer than the payload, a
// routing header of odd length, options that end early and sub-options
// in a mobility or destination header.
func ip6BranchesCases() []crafted {
	udp := "d431 0035 0008 0000"
	frame := func(plen int, nh byte, rest string) crafted {
		return crafted{hex: fmt.Sprintf("000000000002 000000000001 86dd 6000 0000 %04x %02x40 20010db8000000000000000000000001 20010db8000000000000000000000002 ", plen, nh) + rest}
	}
	home := "20010db8000000000000000000000009 "
	ether6 := "000000000012 000000000011 86dd 6000 0000 0008 3a40 20010db80000000000000000000000a2 20010db80000000000000000000000e2 8000 0000 4854 053b "
	jumbo := func(jl uint32) string { return fmt.Sprintf("11 00 c204 %08x ", jl) }
	return []crafted{
		frame(0, 0, jumbo(4)+udp),
		frame(0, 0, jumbo(16)+udp),
		frame(0, 0, jumbo(7)+udp),
		frame(0, 0, jumbo(0)+udp),
		frame(16, 0, jumbo(16)+udp),
		frame(0, 0, jumbo(100000)+udp),
		frame(8, 60, "11 01 0104 00000000 00000000 00000000 "+udp),
		frame(4, 60, "11 00 0102 0000 "+udp),
		frame(32, 43, "11 03 00 01 00000000 20010db8000000000000000000000003 "+udp),
		frame(40, 43, "11 04 00 01 00000000 20010db8000000000000000000000003 20010db8000000000000000000000004 "+udp),
		frame(16, 60, "11 01 05 ff 00000000 00000000 00000000 "+udp),
		frame(16, 60, "11 01 c2 06 0000 00000000 00000000 0000"+udp),
		frame(16, 60, "11 01 01 00 3e 01 00 04 00000000 0000 "+udp),
		frame(16, 60, "11 01 00 00 00 00 00 00 00 00 00 00 00 00 00 77 "+udp),
		frame(16, 60, "11 01 1e 0c 00 01 02 02 0000 00 00 00 00 00 00 0000 "+udp),
		frame(8, 60, "11 00 01 00 01 02 0000"),
		frame(8, 0, "11 00 07 03 00 00 00 00 "+udp),
		frame(8, 0, "11 00 fe"),
		frame(0, 0, "3c 00 c204 00000004 11 00 01 04 00000000 "+udp),
		frame(24+14+48, 43, "8f 02 04 00 00 00 0000 20010db80000000000000000000000c2 "+ether6),
		frame(24+14+48, 43, "8f 02 04 00 00 00 0000 20010db80000000000000000000000c2 "+hexCut(ether6, 30)),
		frame(56+12, 43, "11 06 04 02 02 00 0000 20010db80000000000000000000000c2 20010db80000000000000000000000c3 20010db80000000000000000000000c4 d431 1389 000c 2e3b 41424344"),
		frame(56+12, 43, "11 06 04 02 02 00 0000 20010db80000000000000000000000c2 20010db80000000000000000000000c3 20010db80000000000000000000000c4 d431 1389 000c 0000 41424344"),
		frame(0, 0, "3c 00 c204 00000010 11 00 01 04 00000000 "+udp),
		frame(32, 60, "11 02 c9 14 "+home+"01 00 "+udp),
		frame(32, 60, "11 02 c9 14 "+home+"00 00 "+udp),
		frame(32, 60, "11 02 c9 14 "+home+"07 00 "+udp),
		frame(32, 60, "11 02 c9 14 "+home+"07 05 "+udp),
		frame(32, 60, "11 02 c9 12 "+home+"01 00 "+udp),
		frame(32, 60, "11 02 c9 0e "+home+"01 00 "+udp),
	}
}

func init() {
	addFuzzSeeds(icmp6BranchesCases())
	addFuzzSeeds(ip6BranchesCases())
}

// TestICMP6BranchesLikeTcpdump compares icmp6BranchesCases with tcpdump.
func TestICMP6BranchesLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "icmp6branches", icmp6BranchesCases())
}

// TestIP6BranchesLikeTcpdump compares ip6BranchesCases with tcpdump.
func TestIP6BranchesLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "ip6branches", ip6BranchesCases())
}
