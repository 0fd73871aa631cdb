package printer

import (
	"fmt"
	"strings"
	"testing"
)

// Crafted packets of the kinds tcpdump's own tests whose names start with
// m, n or o exercise (MPLS, MPTCP, MACsec, NBNS, NTP, OpenFlow, OSPF),
// compared with the local tcpdump. Each group reaches a branch the other
// crafted tests leave out: OSPFv3 behind an IPv6 AH, the GMPLS switching
// capability of a TE link, the MPLS payload guess after each reserved
// label, Big Switch messages cut where a TCP segment ends, NBNS names cut
// short, MACsec with the changed and encrypted bits, NTP mode 7 and
// control messages with data over IPv6, MPTCP version 0 options.

// mnoOSPF3 is an OSPFv3 packet of the type with body (hex) from router
// 1.1.1.1 in area 0.0.0.1.
func mnoOSPF3(typ byte, body string) string {
	return fmt.Sprintf("03%02x%04x 01010101 00000001 0000 0000 ", typ, 16+hexLen(body)) + body
}

// mnoAH is an IPv6 authentication header of SPI 0x100 and sequence seq
// with 16 bytes of ICV, in front of an OSPFv3 packet.
func mnoAH(seq int, payload string) string {
	return fmt.Sprintf("59 05 0000 00000100 %08x ", seq) + strings.Repeat("a5", 16) + " " + payload
}

// mnoLSA6 is an OSPFv3 LSA: header of the age, type, ID and advertising
// router, sequence 0x80000001, then the body.
func mnoLSA6(age int, typ string, id, adv, body string) string {
	return fmt.Sprintf("%04x %s %s %s 80000001 0000 %04x ", age, typ, id, adv, 20+hexLen(body)) + body
}

// mnoOSPF3Cases are OSPFv3 packets behind an AH: hellos, a database
// description, a request and an update of one LSA of each kind.
func mnoOSPF3Cases() []crafted {
	lsas := []string{
		mnoLSA6(15, "2001", "00000000", "01010101", "01 000033 01 00 0040 00000006 00000006 03030303"),
		mnoLSA6(75, "2002", "00000006", "03030303", "00000033 03030303 02020202 01010101"),
		mnoLSA6(874, "2003", "00000004", "02020202", "0000004a 40 00 0000 20010db8 00000003"),
		mnoLSA6(874, "2004", "00000002", "02020202", "00000013 00000014 04040404"),
		mnoLSA6(874, "4005", "00000003", "02020202", "05 000014 30 00 0000 20010db8 0004 "+strings.Repeat("11", 16)+" 00000009"),
		mnoLSA6(50, "0008", "00000006", "01010101", "64 000033 fe800000000000000000000000000003 00000002 40 00 0000 20010db8 00000000 38 02 0000 20010db8 00010000"),
		mnoLSA6(50, "2009", "00001800", "03030303", "0001 2002 00000006 03030303 40 00 0000 20010db8 00000000"),
		mnoLSA6(3600, "2009", "00000000", "01010101", "0000 2001 00000000 01010101"),
	}
	hello := "00000006 64 000013 001e 0078 03030303 00000000 "
	var hdrs, reqs, all string
	for _, l := range lsas {
		h := strings.ReplaceAll(l, " ", "")[:40]
		hdrs += h
		reqs += "0000" + h[4:24]
		all += l
	}
	var pkts []crafted
	for i, o := range []string{
		mnoOSPF3(1, hello),
		mnoOSPF3(1, hello+"02020202 03030303"),
		mnoOSPF3(2, "00 000013 05dc 00 07 0000149b"),
		mnoOSPF3(2, "00 000013 05dc 00 02 0000149b "+hdrs),
		mnoOSPF3(3, reqs),
		mnoOSPF3(4, fmt.Sprintf("%08x ", len(lsas))+all),
		mnoOSPF3(5, hdrs),
	} {
		pkts = append(pkts, crafted{craftIP6(51, mnoAH(0x13+i, o)), 0})
	}
	last := mnoAH(0x20, mnoOSPF3(4, fmt.Sprintf("%08x ", len(lsas))+all))
	pkts = append(pkts, craftedCuts(craftIP6(51, last), hexLen(last)-24, 13)...)
	return pkts
}

// mnoTELSA is an OSPFv2 LS update from 10.255.0.1 carrying one area-local
// TE opaque LSA whose link TLV holds the sub-TLVs (hex).
func mnoTELSA(subs string) string {
	link := fmt.Sprintf("0002 %04x ", hexLen(subs)) + subs
	lsa := fmt.Sprintf("0009 02 0a 01000003 0aff0001 80000003 0000 %04x ", 20+hexLen(link)) + link
	body := "00000001 " + lsa
	ospf := fmt.Sprintf("0204 %04x 0aff0001 00000000 0000 0000 0000000000000000 ", 24+hexLen(body)) + body
	return faultEther + faultIP4(89, hexLen(ospf)) + ospf
}

// mnoOSPFTECases are TE links with an interface switching capability
// sub-TLV of each switching type (with and without the type-specific
// field) after the usual link sub-TLVs.
func mnoOSPFTECases() []crafted {
	bw := strings.Repeat("4b3ebc20", 8) // 100 Mbps at every priority
	basic := "0001 0001 01000000 0002 0004 0aff0002 0003 0004 0a00000d 0004 0004 0a00000e 0005 0004 00000001 0006 0004 4b3ebc20 0007 0004 4b3ebc20 0008 0020 " + bw + " 0009 0004 00000000 "
	var pkts []crafted
	for _, isc := range []string{
		"01 02 0000 " + bw + " 00000000 05dc 0000",
		"01 02 0000 " + bw,
		"33 08 0000 " + bw,
		"64 05 0000 " + bw + " 01 000000",
		"96 0b 0000 " + bw,
		"c8 0b 0000 " + bw + " 0102030405060708",
		"07 01 0000 " + bw,
		"01 02 0000 4b3e",
	} {
		sub := fmt.Sprintf("000f %04x ", hexLen(isc)) + isc
		if hexLen(isc)%4 != 0 {
			sub += strings.Repeat("00", 4-hexLen(isc)%4)
		}
		pkts = append(pkts, crafted{mnoTELSA(basic + sub), 0})
	}
	return pkts
}

// mnoMPLSCases are MPLS label stacks (unicast and multicast EtherTypes)
// whose last label is each reserved value and an ordinary one, over an
// IPv4, IPv6, OSI or Ethernet payload, or none.
func mnoMPLSCases() []crafted {
	v4 := faultIP4(17, 13) + "0001 0002 000d 0000 68656c6c6f"
	v6 := "60000000 000d 1140 20010db8000000000000000000000001 20010db8000000000000000000000002 0001 0002 000d 0000 68656c6c6f"
	osi := "83 1b 01 00 14 01 00 00" + strings.Repeat("00", 19)
	pw := "00000000 " + faultEther + v4
	entry := func(label, bottom int) string {
		return fmt.Sprintf("%08x ", label<<12|bottom<<8|64)
	}
	var pkts []crafted
	for _, c := range []struct {
		labels  []int
		payload string
	}{
		{[]int{0}, v4}, {[]int{2}, v6}, {[]int{0}, v6}, {[]int{2}, v4}, {[]int{1, 0}, v4},
		{[]int{3}, v4}, {[]int{7, 100}, v4}, {[]int{13}, v4}, {[]int{14}, v6},
		{[]int{16}, v4}, {[]int{16}, v6}, {[]int{16}, osi}, {[]int{16}, pw},
		{[]int{16}, "00010203"}, {[]int{16}, "45"}, {[]int{16}, ""}, {[]int{100, 200, 300}, v4},
	} {
		var stack string
		for i, l := range c.labels {
			bottom := 0
			if i == len(c.labels)-1 {
				bottom = 1
			}
			stack += entry(l, bottom)
		}
		for _, et := range []string{"8847", "8848"} {
			pkts = append(pkts, crafted{"000000000002 000000000001 " + et + " " + stack + c.payload, 0})
		}
	}
	pkts = append(pkts, crafted{"000000000002 000000000001 8847 " + entry(16, 0), 0},
		crafted{"000000000002 000000000001 8847 0001", 0})
	return pkts
}

// mnoBSNCases are OpenFlow 1.0 segments of Big Switch Networks vendor
// messages: each message whole, its last two bytes missing from the
// segment and twice over, then the whole run cut at every 23rd byte.
func mnoBSNCases() []crafted {
	var msgs []string
	for _, b := range []string{
		"00000000 01 000000 ff000e00", "00000001 03 000000", "00000002 03 000000 ff001c00",
		"00000003 01 000000", "00000004 00 000000", "00000005 01 000000",
		"00000006 00000000 " + hexStr("show clock", 10), "00000007 00000000 " + hexStr("ok", 2),
		"00000008 00000002", "0000000a 00000000 00000001 00000002 00000003", "0000000b 01 000000",
		"0000000c 00000001", "00000016 00000001 ffff", "000000ff 00000001", "00000001", "",
	} {
		msgs = append(msgs, ofMsg(1, 4, "005c16c7 "+b))
	}
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, crafted{tcpSegment(6653, 4756, m), 0},
			crafted{tcpSegment(6653, 4756, hexCut(m, hexLen(m)-2)), 0},
			crafted{tcpSegment(6653, 4756, m+m), 0})
	}
	run := strings.Join(msgs, "")
	for cut := 20; cut < hexLen(run); cut += 23 {
		pkts = append(pkts, crafted{tcpSegment(4756, 6653, hexCut(run, cut)), 0})
	}
	return pkts
}

// mnoNBNSCases are NBNS datagrams (a query, a positive response, a node
// status response) cut inside their names and records, and names with a
// bad label length or a compression pointer.
func mnoNBNSCases() []crafted {
	name := "20" + hexStr("EBEFEBEFEBEFEBEFEBEFEBEFEBEFEBAA", 32) + "00"
	query := "8d40 0010 0001 0000 0000 0000 " + name + " 0020 0001"
	resp := "8d41 8500 0000 0001 0000 0001 " + name + " 0020 0001 000493e0 0006 6000 0a000001 " +
		name + " 0020 0001 000493e0 0006 6000 0a000001"
	status := "8d42 8400 0000 0001 0000 0000 20" + hexStr("CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 32) + "00 0021 0001 00000000 0041 02 " +
		hexStr("NAME1", 15) + " 00 0400 " + hexStr("GROUP1", 15) + " 1c 8400 000c29aabbcc" + strings.Repeat("00", 40)
	var pkts []crafted
	for _, m := range []string{query, resp, status} {
		for n := 12; n <= hexLen(m); n += 9 {
			pkts = append(pkts, crafted{craftedUDP4(137, 137, hexCut(m, n)), 0})
		}
	}
	pkts = append(pkts,
		crafted{craftedUDP4(137, 137, "8d40 0010 0001 0000 0000 0000 3f"+strings.Repeat("41", 20)), 0},
		crafted{craftedUDP4(137, 137, "8d40 0010 0001 0000 0000 0000 c00c 0020 0001"), 0},
		crafted{craftedUDP4(137, 137, "8d40 0010 0001 0000 0000 0000 20"+strings.Repeat("4542", 8)+"015a"), 0})
	return pkts
}

// mnoMACsecCases are MACsec frames with the SCI, changed and encrypted
// bits in each combination over the same data, and with short lengths.
func mnoMACsecCases() []crafted {
	data := "0800 " + faultIP4(1, 12) + "0800 f7fc 0001 0002 61626364 " + strings.Repeat("5c", 16)
	var pkts []crafted
	for _, tci := range []string{"24", "2c", "28", "20", "04", "0c", "08", "64"} {
		sectag := tci + " 00 00000006 "
		if tci[0] == '2' || tci[0] == '6' {
			sectag += "0a0b0c0d0e0f0001 "
		}
		pkts = append(pkts, crafted{"3e6ff374237c 2eb73f3995c3 88e5 " + sectag + data, 0})
	}
	pkts = append(pkts,
		crafted{"3e6ff374237c 2eb73f3995c3 88e5 20 22 00000042 0a0b0c0d0e0f0064 " + hexCut(data, 34), 0},
		crafted{"3e6ff374237c 2eb73f3995c3 88e5 2c 05 00000001 0a0b0c0d0e0f0064 " + strings.Repeat("00", 20), 0},
		crafted{"3e6ff374237c 2eb73f3995c3 88e5 2c 30 00000001 0a0b0c0d0e0f0064 " + strings.Repeat("00", 20), 0})
	return pkts
}

// mnoNTPCases are NTP mode 7 requests and replies, control messages over
// IPv6 with a text body and with association status words, and the same
// cut short.
func mnoNTPCases() []crafted {
	text := hexStr("version=\"ntpd 4.2.8\",\r\nleap=0, stratum=3\r\n", 44)
	pkts := []crafted{
		{craftedUDP4(32795, 123, "17001c00 00000000"+strings.Repeat("00", 184)), 0},
		{craftedUDP4(123, 32795, "97001c00 01002400"+strings.Repeat("00", 36)), 0},
		{craftedUDP4(123, 32795, "97010100 0600487f"+strings.Repeat("00", 432)), 0},
		{craftedUDP4(123, 32795, "d7812a03 0001 0010"), 0},
		{craftedUDP6(38531, 123, "16020044 0000 0000 0000 0000", false), 0},
		{craftedUDP6(123, 38531, "16820044 0618 0000 0000 002c "+text, true), 0},
		{craftedUDP6(123, 38531, "16a20047 8011 bebd 0000 002c "+text, true), 0},
		{craftedUDP6(123, 38531, "16810045 0618 0000 0000 0014 bebd961a bebc8011 bebb8011 beba8011 beb98011", true), 0},
		{craftedUDP6(123, 38531, "16c20046 0618 0000 0000 0002 0001", true), 0},
	}
	m := "16810045 0618 0000 0000 0014 bebd961a bebc8011 bebb8011 beba8011 beb98011"
	pkts = append(pkts, craftedCuts(craftedUDP6(123, 38531, m, true), hexLen(m), 3)...)
	return pkts
}

// mnoMPTCPCases are TCP segments with MPTCP version 0 options (capable
// with checksums, join in each handshake step, DSS with mapping and
// checksum, address add and remove, fast close) and version 1 address
// adds with and without the HMAC.
func mnoMPTCPCases() []crafted {
	seg := func(opts string, flags string, payload string) string {
		opts = strings.ReplaceAll(opts, " ", "")
		for len(opts)%8 != 0 {
			opts += "00"
		}
		payload = strings.ReplaceAll(payload, " ", "")
		n := len(opts)/2 + len(payload)/2
		return faultEther + faultIP4(6, 20+n) + fmt.Sprintf("8c79 0016 ad987659 00000000 %x0%s 3908 0000 0000 ", 5+len(opts)/8, flags) + opts + payload
	}
	mp := func(body string) string {
		return fmt.Sprintf("1e%02x", 2+hexLen(body)) + strings.ReplaceAll(body, " ", "")
	}
	ts := "0101 080a fffffa70 fffffb6b "
	banner := hex4(`SSH-2.0-OpenSSH_5.5p1 Debian-6+squeeze1` + "\r\n")
	var pkts []crafted
	for _, c := range []struct{ opts, flags, payload string }{
		{"020405b4 0402 080afffffa7000000000 01 030306 " + mp("0081 9c9eabd1e46a33b2"), "02", ""},
		{ts + mp("0081 9c9eabd1e46a33b2 967d2770b6960552"), "10", ""},
		{ts + mp("3001 0a010202") + mp("2005 d52b0eca d1b8a690 00000001 0029 082f"), "18", banner},
		{ts + mp("2001 d52b0eca"), "10", ""},
		{"020405b4 0402 080afffffa7000000000 01 030306 " + mp("1000 e47f0142 1b665a18"), "02", ""},
		{"020405b4 0402 080afffffa7000000000 01 030306 " + mp("1001 5ab680c7884af03d 33abe9d5"), "12", ""},
		{mp("1000 cb7b87f5e5f0502f43b535fb70ef6607df2e6c7a"), "10", ""},
		{mp("1000 0000 cb7b87f5e5f0502f43b535fb70ef6607df2e6c7a"), "10", ""},
		{ts + mp("7000 d005b1ab34bad344"), "10", ""},
		{ts + mp("3101 0a000201 f8295862f645df19") + mp("2001 d0bd5aef"), "10", ""},
		{ts + mp("3001 0a000201") + mp("2003 f993bc3bde57fb69"), "10", ""},
		{ts + mp("2015 ee8296f4c5b4f722 00000000 0001 0001"), "11", ""},
		{ts + mp("4001 0203"), "10", ""},
		{mp("3106 20010db8000000000000000000000001 0050 0102030405060708"), "10", ""},
		{mp("3006 0a000001 0050"), "10", ""},
	} {
		pkts = append(pkts, crafted{seg(c.opts, c.flags, c.payload), 0})
	}
	return pkts
}

// hex4 is s in hex.
func hex4(s string) string { return hexStr(s, len(s)) }

func init() {
	for _, cs := range [][]crafted{mnoOSPF3Cases(), mnoOSPFTECases(), mnoMPLSCases(), mnoBSNCases(),
		mnoNBNSCases(), mnoMACsecCases(), mnoNTPCases(), mnoMPTCPCases()} {
		craftedSeeds = append(craftedSeeds, cs...)
	}
}

// TestMNOLikeTcpdump prints the crafted packets of this file, modelled on
// tcpdump's m-o tests, as tcpdump does: OSPFv3 behind AH, OSPF TE
// switching capabilities, MPLS payload guesses, Big Switch OpenFlow
// segments, NBNS cut short, MACsec bits, NTP modes and MPTCP v0 options.
func TestMNOLikeTcpdump(t *testing.T) {
	for _, c := range []struct {
		name  string
		cases func() []crafted
	}{
		{"mno-ospf3-ah", mnoOSPF3Cases}, {"mno-ospf-te", mnoOSPFTECases}, {"mno-mpls", mnoMPLSCases},
		{"mno-bsn", mnoBSNCases}, {"mno-nbns", mnoNBNSCases}, {"mno-macsec", mnoMACsecCases},
		{"mno-ntp", mnoNTPCases}, {"mno-mptcp", mnoMPTCPCases},
	} {
		t.Run(c.name, func(t *testing.T) { craftedLikeTcpdump(t, c.name, c.cases()) })
	}
}
