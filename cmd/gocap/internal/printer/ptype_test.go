package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// -T: packets printed as a forced type (ptype.go, rtp.go, carp.go,
// zmtp1.go), compared with the local tcpdump given the same -T.

// typeFlagSets are the flag sets a -T test prints with: craftedFlagSets'
// main ones, each with -T name.
func typeFlagSets(t *testing.T, name string) []flagSet {
	t.Helper()
	pt, ok := ParsePacketType(name)
	if !ok {
		t.Fatalf("-T %s not accepted", name)
	}
	var sets []flagSet
	for _, fs := range []flagSet{
		{[]string{"-nn"}, Options{NumericLevel: 2}},
		{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
		{[]string{"-nn", "-vv"}, Options{NumericLevel: 2, Verbose: 2}},
		{[]string{"-nn", "-x"}, Options{NumericLevel: 2, Hex: 1}},
		{[]string{"-nn", "-v", "-x"}, Options{NumericLevel: 2, Verbose: 1, Hex: 1}},
		{[]string{"-nn", "-q"}, Options{NumericLevel: 2, Quiet: true}},
	} {
		fs.args = append(fs.args, "-T", name)
		fs.o.PacketType = pt
		sets = append(sets, fs)
	}
	return sets
}

// typedCrafted are packets to print with -T name.
type typedCrafted struct {
	name string
	pkts []crafted
}

// typedSeeds are the packets of the tests below, which FuzzPacket
// prints with their packet type.
var typedSeeds []typedCrafted

// forcedLikeTcpdump compares pkts (Ethernet frames) printed with -T name
// with the local tcpdump's output.
func forcedLikeTcpdump(t *testing.T, name string, pkts []crafted) {
	t.Helper()
	compareWithTcpdump(t, "T_"+name, cbpf.LinkEN10MB, pkts, typeFlagSets(t, name))
}

// udpTo is a UDP datagram between ports no printer claims.
func udpTo(payload string) crafted { return crafted{hex: craftedUDP4(40000, 40002, payload)} }

// vatCases are vat and vt datagrams: too short for either, vt, vat too
// short, vat with the marker, format and sample bits, and cut short.
var vatCases = []crafted{
	udpTo("00"),
	udpTo("f0 00"),
	udpTo("83ff 0001"),
	udpTo("0000 1234"),
	udpTo("009f0010 00000064 aabb"),
	udpTo("0a050007 00000009 aabbcc"),
	udpTo("00000000 00000000"),
	craftedCut(craftedUDP4(40000, 40002, "0a050007 00000009"), 3),
	craftedCut(craftedUDP4(40000, 40002, "0a050007 00000009"), 7),
}

// rtpCases are RTP datagrams: too short, version 2 plain, with the
// marker, with a header extension (fitting and not), H.261, version 1
// with options (a chain, a zero length, one too long), and cut short.
var rtpCases = []crafted{
	udpTo("00112233"),
	udpTo("80000001 00000002"),
	udpTo("80600005 00000064 0000abcd 01020304"),
	udpTo("80e00005 00000064 0000abcd"),
	udpTo("901f0006 00000001 00000002 abcd0001 11111111 01020304"),
	udpTo("90000006 00000001 00000002 abcd0009 11111111"),
	udpTo("801f0006 00000001 00000002 12345678"),
	udpTo("409f0007 00000001 00010000 80020000 00000000 12345678"),
	udpTo("40800007 00000001 00000000 aaaaaaaa"),
	udpTo("40800007 00000001 00050000 aaaaaaaa"),
	udpTo("40400001 00000002"),
	udpTo("40000001 00000002 00000003"),
	craftedCut(craftedUDP4(40000, 40002, "801f0006 00000001 00000002 12345678"), 2),
	craftedCut(craftedUDP4(40000, 40002, "80600005 00000064 0000abcd"), 6),
}

// rtcpCases are RTCP datagrams: a sender report with one report block,
// one whose length and count disagree and whose second block is
// missing, a receiver report, SDES, BYE, APP, a compound packet, a
// header cut short and a length past the datagram.
var rtcpCases = func() []crafted {
	block := "00002222 01000010 00000100 00000020 00018000 00004000"
	sr := "00000005 80000000 00000064 0000000a 000003e8"
	return []crafted{
		udpTo("81c8000c 00001111 " + sr + block),
		udpTo("82c8000c 00001111 " + sr + block),
		udpTo("80c80006 00001111 " + sr),
		udpTo("80c80006 00001111 00000005"),
		udpTo("81c90007 00003333 " + block),
		udpTo("83c90007 00003333 " + block),
		udpTo("81ca0003 00004444 01046e616d650000"),
		udpTo("81cb0001 00005555"),
		udpTo("80cc0002 00006666 41424344"),
		udpTo("81c90007 00003333 " + block + "81ca0003 00004444 01046e616d650000 81cb0001 00005555"),
		udpTo("80c8"),
		udpTo("80c9ffff 00000001"),
		craftedCut(craftedUDP4(40000, 40002, "81c90007 00003333 "+block), 10),
	}
}()

// TestVATLikeTcpdump prints vat and vt datagrams with -T vat.
func TestVATLikeTcpdump(t *testing.T) { forcedLikeTcpdump(t, "vat", vatCases) }

// TestRTPLikeTcpdump prints RTP datagrams with -T rtp.
func TestRTPLikeTcpdump(t *testing.T) { forcedLikeTcpdump(t, "rtp", rtpCases) }

// TestRTCPLikeTcpdump prints RTCP datagrams with -T rtcp.
func TestRTCPLikeTcpdump(t *testing.T) { forcedLikeTcpdump(t, "rtcp", rtcpCases) }

// carpIP is an Ethernet frame with an IPv4 (or, with v6, IPv6) packet of
// protocol 112 with the TTL or hop limit ttl carrying payload (hex).
func carpIP(v6 bool, ttl byte, payload string) string {
	n := hexLen(payload)
	if v6 {
		return fmt.Sprintf("000000000002 000000000001 86dd 60000000 %04x 70 %02x ", n, ttl) +
			"20010db8000000000000000000000001 20010db8000000000000000000000002 " + payload
	}
	ip := []byte{0x45, 0, byte((20 + n) >> 8), byte(20 + n), 0, 1, 0, 0, ttl, 112, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	return faultEther + hex.EncodeToString(ip) + " " + payload
}

// carpAd is a CARP advertisement of the version and type, its checksum
// right unless bad.
func carpAd(vt byte, bad bool) string {
	b, _ := hex.DecodeString(strings.ReplaceAll(fmt.Sprintf("%02x05640700010000 0000000000000102 %s", vt, strings.Repeat("ab", 20)), " ", ""))
	sum := checksum(b, 0)
	if bad {
		sum++
	}
	b[6], b[7] = byte(sum>>8), byte(sum)
	return hex.EncodeToString(b)
}

// carpCases are CARP advertisements over IPv4 and IPv6: right, with a bad
// checksum, a TTL other than 255, another version and type, and cut
// short.
var carpCases = []crafted{
	{hex: carpIP(false, 255, carpAd(0x21, false))},
	{hex: carpIP(false, 255, carpAd(0x21, true))},
	{hex: carpIP(false, 64, carpAd(0x21, false))},
	{hex: carpIP(false, 255, carpAd(0x11, false))},
	{hex: carpIP(false, 1, carpAd(0x22, false))},
	{hex: carpIP(true, 255, carpAd(0x21, false))},
	{hex: carpIP(true, 64, carpAd(0x21, true))},
	craftedCut(carpIP(false, 255, carpAd(0x21, false)), 28),
	craftedCut(carpIP(false, 255, carpAd(0x21, false)), 33),
	craftedCut(carpIP(false, 255, carpAd(0x21, false)), 36),
	// -T carp leaves UDP without a printer.
	udpTo("21056407 00010000"),
}

// TestCARPLikeTcpdump prints IP protocol 112 as CARP with -T carp.
func TestCARPLikeTcpdump(t *testing.T) { forcedLikeTcpdump(t, "carp", carpCases) }

// zmtp1Frames are TCP payloads of ZMTP/1.0 frames: flags only, a body
// with MORE, an empty frame, a 64-bit length, reserved flags, a body
// longer than one -v dumps, a body the segment does not hold, and a
// 64-bit length cut short.
var zmtp1Frames = []string{
	"01 00",
	"06 01 68656c6c6f 03 00 6869",
	"00 02 00 41",
	"ff 0000000000000003 02 6869",
	"03 fe 2021",
	"c9 00 " + strings.Repeat("4142", 100),
	"0a 00 6869",
	"ff 000000",
}

// TestZMTP1LikeTcpdump prints ZMTP/1.0 over TCP with -T zmtp1, and the
// same payloads cut short.
func TestZMTP1LikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, f := range zmtp1Frames {
		seg := tcpSegment(40000, 40001, f)
		pkts = append(pkts, crafted{hex: seg})
		if hexLen(f) > 2 {
			pkts = append(pkts, craftedCut(seg, 1))
		}
	}
	forcedLikeTcpdump(t, "zmtp1", pkts)
}

// pgmODATA is a PGM ODATA packet (native, or over UDP when udp) carrying
// data (hex), with the TSDU length tsdu.
func pgmODATA(udp bool, tsdu int, data string) string {
	pgm := fmt.Sprintf("1234 5678 04 00 0000 010203040506 %04x 00000007 00000001 ", tsdu) + data
	if udp {
		return craftedUDP4(40000, 40002, pgm)
	}
	return faultEther + faultIP4(113, hexLen(pgm)) + pgm
}

// TestPGMZMTP1LikeTcpdump prints ZeroMQ datagrams in PGM ODATA packets,
// native and over UDP, with -T pgm_zmtp1: frames from the start, after
// an intermediate part, an offset of 0xffff, an offset past the datagram,
// and a datagram cut short; and an SPM, which holds none.
func TestPGMZMTP1LikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, udp := range []bool{false, true} {
		for _, d := range []string{
			"0000 06 01 68656c6c6f 03 00 6869",
			"0003 414243 06 00 68656c6c6f",
			"ffff 41424344",
			"0020 4142",
			"0002 41 06 00 6869",
			"0000 " + "c9 00 " + strings.Repeat("4142", 100),
		} {
			pkt := pgmODATA(udp, hexLen(d), d)
			pkts = append(pkts, crafted{hex: pkt}, craftedCut(pkt, 2))
		}
		pkts = append(pkts, crafted{hex: pgmODATA(udp, 1, "00")})
	}
	// With options (a SYN) before the datagram.
	opts := "1234 5678 04 01 0000 010203040506 0006 00000007 00000001 00040008 8d040000 0000 06 00 6869"
	pkts = append(pkts, crafted{hex: faultEther + faultIP4(113, hexLen(opts)) + opts})
	spm := "1234 5678 00 00 0000 010203040506 0000 00000001 00000002 00000003 0001 0000 0a000001"
	pkts = append(pkts, udpTo(spm), crafted{hex: faultEther + faultIP4(113, hexLen(spm)) + spm})
	forcedLikeTcpdump(t, "pgm_zmtp1", pkts)
}

// dnsQuery is a DNS query for www.example.com.
const dnsQuery = "1234 0100 0001 0000 0000 0000 03777777076578616d706c6503636f6d00 0001 0001"

// TestForcedTypesLikeTcpdump prints UDP datagrams and TCP segments
// between ports no printer claims with each -T type gocap has a printer
// for, and with the types that print nothing there (carp, zmtp1 and
// resp in UDP, UDP types in TCP).
func TestForcedTypesLikeTcpdump(t *testing.T) {
	inner := "02 00 00 00 00 02 02 00 00 00 00 01 08 06" +
		" 0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002"
	udp := map[string][]string{
		"tftp":   {"0001 66696c6500 6f6374657400", "0003 0001 41"},
		"aodv":   {"01 00 00 03 00000001 0a000003 00000005 0a000001 00000002"},
		"radius": {"01 05 0014 " + strings.Repeat("11", 16)},
		"vxlan":  {"08000000 0004d200 " + inner},
		"pgm":    {"1234 5678 00 00 0000 010203040506 0000 00000001 00000002 00000003 0001 0000 0a000001"},
		"lmp":    {lmpMsgHex(0, 1)},
		"ptp":    {ptpHeader(0x00, "0000", 0, 44) + " 0000 5f5e1000 1dcd6500"},
		"domain": {dnsQuery},
		"zmtp1":  {"01 00"},
		"resp":   {hex.EncodeToString([]byte("+OK\r\n"))},
	}
	tcp := map[string][]string{
		"resp":   {hex.EncodeToString([]byte("+OK\r\n")), hex.EncodeToString([]byte("*1\r\n$4\r\nPING\r\n"))},
		"domain": {"0021 " + dnsQuery},
		"vat":    {"0a050007 00000009"},
		"tftp":   {"0001 66696c6500 6f6374657400"},
	}
	for name, payloads := range udp {
		t.Run(name, func(t *testing.T) {
			var pkts []crafted
			for _, pl := range payloads {
				pkts = append(pkts, udpTo(pl))
				pkts = append(pkts, crafted{hex: craftedUDP6(40000, 40002, pl, false)})
			}
			for _, pl := range tcp[name] {
				pkts = append(pkts, crafted{hex: tcpSegment(40000, 40001, pl)})
			}
			forcedLikeTcpdump(t, name, pkts)
		})
	}
	t.Run("vat-tcp", func(t *testing.T) {
		forcedLikeTcpdump(t, "vat", []crafted{{hex: tcpSegment(40000, 40001, tcp["vat"][0])}})
	})
	// A UDP header an ICMP error quotes, and a TCP reset, whose data
	// -v prints before any -T.
	quoted := faultEther + faultIP4(1, 8+28) + "0303 0000 00000000 " + faultQuoted
	rst := strings.Replace(tcpSegment(40000, 40001, "2b4f4b0d0a"), "5018", "5014", 1)
	for _, name := range []string{"vat", "rtp", "resp"} {
		t.Run(name+"-quoted", func(t *testing.T) {
			forcedLikeTcpdump(t, name, []crafted{{hex: quoted}, {hex: rst}})
		})
	}
}

// TestParsePacketType checks -T's names: tcpdump's, in any case, and
// nothing else.
func TestParsePacketType(t *testing.T) {
	for i, name := range packetTypeNames[1:] {
		for _, n := range []string{name, strings.ToUpper(name)} {
			pt, ok := ParsePacketType(n)
			if !ok || pt != PacketType(i+1) || pt.String() != name {
				t.Errorf("ParsePacketType(%q) = %v, %v; want %d", n, pt, ok, i+1)
			}
		}
	}
	for _, n := range []string{"", "foo", "snmp ", "pgm-zmtp1"} {
		if pt, ok := ParsePacketType(n); ok {
			t.Errorf("ParsePacketType(%q) = %v, accepted", n, pt)
		}
	}
}

func init() {
	typedSeeds = append(typedSeeds,
		typedCrafted{"vat", vatCases}, typedCrafted{"rtp", rtpCases}, typedCrafted{"rtcp", rtcpCases},
		typedCrafted{"carp", carpCases}, typedCrafted{"wb", wbCases})
	var z []crafted
	for _, f := range zmtp1Frames {
		z = append(z, crafted{hex: tcpSegment(40000, 40001, f)})
	}
	typedSeeds = append(typedSeeds, typedCrafted{"zmtp1", z},
		typedCrafted{"pgm_zmtp1", []crafted{{hex: pgmODATA(false, 6, "0003 414243 0100")}}},
		typedCrafted{"rpc", []crafted{udpTo("12345678 00000001 00000001 00000000 00000002 00000003")}})
}

// wbPkt is a whiteboard packet of the type and flags holding body (hex).
func wbPkt(typ, flags byte, body string) crafted {
	return udpTo(fmt.Sprintf("0a000001 00000064 0002 %02x %02x ", typ, flags) + body)
}

// wbCases are whiteboard packets of every type: announcements (right,
// too short, too many sites, cut short), repair and page requests and
// replies, drawing operations (every kind, skips and holes in and out of
// range, an unknown type), an unknown type and a header too short.
var wbCases = func() []crafted {
	id := "00000005 0a000009 00000003 00000002 0a000008 00000001 0002 0000 0a000007 00000064 0a000006 000000c8 7369746500 000000"
	ops := "00000000 0000 00 02  00000000 0004 00 03 01020304  00000004 0000 00 0e  00000000 0001 00 63 ff000000"
	pkts := []crafted{
		wbPkt(4, 1, ""),
		wbPkt(1, 0, id),
		wbPkt(1, 0, "00000005 0a000009"),
		wbPkt(1, 0, strings.Replace(id, "0002 0000", "0009 0000", 1)),
		craftedCut(wbPkt(1, 0, id).hex, 10),
		craftedCut(wbPkt(1, 0, id).hex, 30),
		wbPkt(2, 0, "0a000007 0a000008 00000001 00000005 00000009"),
		wbPkt(2, 0, "0a000007 0a000008"),
		wbPkt(5, 2, "0a000008 00000001 00000007 00000009"),
		wbPkt(5, 0, "0a000008 00000001 00000007"),
		craftedCut(wbPkt(5, 0, "0a000008 00000001 00000007 00000009").hex, 2),
		wbPkt(7, 0, "00000002 00000001 0a000008 00000001 0100 0000 0a000007 00000064 00000002 0a000009 00000002 0000 0000"),
		wbPkt(7, 0, "00000005 00000001 0a000008 00000001 0000 0000"),
		wbPkt(7, 0, "0000"),
		wbPkt(0, 0, "0a000008 00000001 00000001 00000005 "+ops),
		wbPkt(0, 0, "0a000008 00000001 00000001 00000002 00000009 0000 00 0f"),
		wbPkt(0, 0, "0a000008 00000001 00000003 00000009 00000001 0000 00 0f"),
		wbPkt(0, 0, "0a000008 00000001 00000005 00000001"),
		wbPkt(0, 0, "0a000008 00000001"),
		wbPkt(3, 0, "0a000007 0a000008 00000001 00000001 00000005 "+ops),
		wbPkt(3, 0, "0a000007 0a000008 00000001"),
		wbPkt(9, 0, "00000000"),
		udpTo("0a000001 00000064 0002"),
	}
	return pkts
}()

// TestWBLikeTcpdump prints whiteboard packets with -T wb.
func TestWBLikeTcpdump(t *testing.T) { forcedLikeTcpdump(t, "wb", wbCases) }

// TestRPCRepliesLikeTcpdump prints Sun RPC replies with -T rpc: accepted,
// denied for the version and for the credentials, an unknown status, and
// cut short, over IPv4 and IPv6.
func TestRPCRepliesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, body := range []string{
		"00000000 00000000 00000000 00000000 00000000",
		"00000001 00000000 00000002 00000003",
		"00000001 00000001 00000005",
		"00000005",
	} {
		msg := "12345678 00000001 " + body
		pkts = append(pkts, udpTo(msg), crafted{hex: craftedUDP6(40000, 40002, msg, false)})
	}
	pkts = append(pkts, craftedCut(craftedUDP4(40000, 40002, "12345678 00000001 00000001"), 4),
		craftedCut(craftedUDP4(40000, 40002, "12345678 00000001"), 3))
	forcedLikeTcpdump(t, "rpc", pkts)
}
