package printer

import (
	"fmt"
	"strings"
	"testing"
)

// dnsLabels is a domain name in hex as uncompressed labels, ending with
// the root label.
func dnsLabels(name string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(name, "."), ".") {
		if l == "" {
			continue
		}
		fmt.Fprintf(&b, "%02x%x", len(l), l)
	}
	b.WriteString("00 ")
	return b.String()
}

// dnsRRHex is a resource record: owner (hex), type, class, TTL and data
// (hex), its length field right.
func dnsRRHex(owner string, typ, class uint16, ttl uint32, data string) string {
	return fmt.Sprintf("%s %04x %04x %08x %04x %s ", owner, typ, class, ttl, hexLen(data), data)
}

// dnsHdr is a DNS header of the ID, flags and the four counts.
func dnsHdr(id, flags uint16, qd, an, ns, ar int) string {
	return fmt.Sprintf("%04x %04x %04x %04x %04x %04x ", id, flags, qd, an, ns, ar)
}

// dnsCraftTCP4 is an Ethernet frame holding a TCP segment to port 53
// carrying payload.
func dnsCraftTCP4(payload string) string {
	return craftIP4(6, "ccdd 0035 00000001 00000000 5018 2000 0000 0000 "+payload)
}

// dnsResponses are the answer records of every type tcpdump decodes
// (and some it only names), each a whole response to one question.
func dnsResponses() []string {
	q := dnsLabels("www.example.com") + "0001 0001 "
	own := "c00c"
	rrs := []string{
		dnsRRHex(own, 1, 1, 3600, "c0000201"),
		dnsRRHex(own, 28, 1, 86400, "20010db8000000000000000000000001"),
		dnsRRHex(own, 2, 1, 60, dnsLabels("ns1.example.com")),
		dnsRRHex(own, 5, 1, 60, "03666f6f c010"),
		dnsRRHex(own, 12, 1, 60, dnsLabels("host.example.")),
		dnsRRHex(own, 39, 1, 60, dnsLabels("other.example.")),
		dnsRRHex(own, 15, 1, 60, "000a 046d61696c c010"),
		dnsRRHex(own, 16, 1, 60, "0568656c6c6f 00 03611f7f 02ff2e"),
		dnsRRHex(own, 6, 1, 60, dnsLabels("ns.example.com")+dnsLabels("admin.example.com")+"78563412 00000e10 00000384 00093a80 00000e10"),
		dnsRRHex(own, 33, 1, 60, "0001 0002 1f90 "+dnsLabels("srv.example.com")),
		dnsRRHex(own, 35, 1, 60, "000a 0014 0153 0453495032 00 "+dnsLabels("_sip._udp.example.com")),
		dnsRRHex(own, 13, 1, 60, "03504336 054c696e7578"),
		dnsRRHex(own, 38, 1, 60, "40 0000000000000001 "+dnsLabels("pfx.example.")),
		dnsRRHex(own, 38, 1, 60, "00 20010db8000000000000000000000001"),
		dnsRRHex(own, 38, 1, 60, "80 "+dnsLabels("pfx.example.")),
		dnsRRHex(own, 38, 1, 60, "81"),
		dnsRRHex(own, 256, 1, 60, "000a 0001 68747470733a2f2f782f"),
		dnsRRHex(own, 256, 1, 60, "00"),
		dnsRRHex(own, 104, 1, 60, "616263ff"),
		dnsRRHex(own, 43, 1, 60, "1234 08 02 00112233"),
		dnsRRHex(own, 48, 1, 60, "0101 03 08 aabbcc"),
		dnsRRHex(own, 46, 1, 60, "0001 08 02 00000e10 00000000 00000000 1234"+dnsLabels("example.com")),
		dnsRRHex(own, 47, 1, 60, dnsLabels("next.example.com")+"000620"),
		dnsRRHex(own, 50, 1, 60, "01 00 000a 00"),
		dnsRRHex(own, 65280, 1, 60, "0102"),
		dnsRRHex(own, 1, 3, 60, "7f000001"),
		dnsRRHex(own, 1, 4, 60, "7f000001"),
		dnsRRHex(own, 1, 255, 60, "7f000001"),
		dnsRRHex(own, 1, 42, 0, "7f000001"),
		dnsRRHex(own, 1, 1, 0x7fffffff, "7f000001"),
		dnsRRHex(own, 1, 1, 59, "7f0000"),
		dnsRRHex(own, 28, 1, 59, "20010db8"),
		dnsRRHex(own, 250, 255, 0, dnsLabels("hmac-md5.sig-alg.reg.int")+"000012345678 012c 0004 aabbccdd 1234 0000 0000"),
		dnsRRHex(own, 250, 255, 0, dnsLabels("hmac-md5.sig-alg.reg.int")+"000012345678 012c 0010 aabbccdd"),
	}
	var out []string
	for i, rr := range rrs {
		out = append(out, dnsHdr(uint16(0x1000+i), 0x8180, 1, 1, 0, 0)+q+rr)
	}
	return out
}

// dnsOPT is an additional-section OPT record with the UDP size, flags
// word and options (hex).
func dnsOPT(size uint16, ext byte, flags uint16, opts string) string {
	return fmt.Sprintf("00 0029 %04x %02x00%04x %04x %s ", size, ext, flags, hexLen(opts), opts)
}

// dnsEDNSMessages are queries and responses with OPT records carrying
// each EDNS option tcpdump decodes, valid and invalid.
func dnsEDNSMessages() []string {
	q := dnsLabels("example.com") + "0001 0001 "
	opts := []string{
		"",
		"0008 0007 0001 18 00 c00002",
		"0008 0008 0001 18 00 c0000200",
		"0008 000c 0002 38 00 20010db8000000000000",
		"0008 0003 0001 00",
		"0008 0004 0003 00 00 01",
		"0008 0004 0001 21 00 01",
		"0008 0005 0001 08 00 01ff",
		"000a 0008 0011223344556677",
		"000a 0018 0011223344556677 8899aabbccddeeff0011223344556677",
		"000a 000a 0011223344556677 8899",
		"000a 0004 00112233",
		"000b 0002 0096",
		"000b 0001 00",
		"0009 0004 00000e10",
		"0009 0002 0000",
		"000c 0005 0000000000",
		"000e 0004 12345678",
		"000e 0003 123456",
		"0005 0004 080d0f63",
		"0006 0003 010205",
		"0007 0002 0102",
		"0003 0004 6e736964",
		"0003 0000",
		"000d 000d " + dnsLabels("example.com"),
		"000d 0002 c000",
		"0001 0002 abcd",
		"0010 0000",
		"0011 0001 ff",
		"1234 0002 abcd",
		"0008 0004 0001 00 00 0003 0000",
		"000a 0008 0011223344556677 0009 0004 00000e10 000c 0000",
	}
	var out []string
	for i, o := range opts {
		out = append(out, dnsHdr(uint16(0x2000+i), 0x0120, 1, 0, 0, 1)+q+dnsOPT(1232, 0, 0x8000, o))
		out = append(out, dnsHdr(uint16(0x3000+i), 0x8180, 1, 0, 0, 1)+q+dnsOPT(4096, 0, 0, o))
	}
	// Extended response codes: BADVERS, BadCookie, and beyond the table.
	for _, ext := range []byte{1, 2, 0x10, 0xff} {
		out = append(out, dnsHdr(0x4000, 0x8183, 1, 0, 0, 1)+q+dnsOPT(512, ext, 0, ""))
	}
	// OPT after another additional record, and an OPT option cut short.
	out = append(out, dnsHdr(0x4001, 0x8180, 1, 0, 0, 2)+q+dnsRRHex("c00c", 1, 1, 60, "01020304")+dnsOPT(512, 1, 0, ""))
	out = append(out, dnsHdr(0x4002, 0x8180, 1, 0, 0, 1)+q+"00 0029 0200 00000000 0006 000a 0010 0011")
	return out
}

// dnsNameMessages exercise the name printer: compression, pointer
// loops and forward pointers, bad label types, bit-string labels,
// escapes and names too long.
func dnsNameMessages() []string {
	long := strings.Repeat("3f"+strings.Repeat("61", 63), 4) + "05 6262626262 00"
	names := []string{
		"c00c",          // pointer to itself
		"c0ff",          // forward pointer
		"03616263 c011", // label then forward pointer
		"03616263 c00c", // label then pointer into the question
		"80",            // reserved label type
		"42 00",         // unknown extended label type
		"41 10 abcd 00", // bit-string label of 16 bits
		"41 0c abc0 00", // 12 bits
		"41 03 e0 00",   // 3 bits
		"41 00 " + strings.Repeat("ab", 32) + " 00", // 256 bits
		"04 612e5c20 00", // dot, backslash, space in a label
		"03 ff0a7f 00",   // non-ASCII and control bytes
		long,             // longer than 255 characters
		"00",             // the root
	}
	var out []string
	q := dnsLabels("example.com") + "0001 0001 "
	for i, n := range names {
		// In a question of a query, and as an answer's owner and data.
		out = append(out, dnsHdr(uint16(0x5000+i), 0x0100, 1, 0, 0, 0)+n+" 0001 0001")
		out = append(out, dnsHdr(uint16(0x5100+i), 0x8180, 1, 1, 0, 0)+q+dnsRRHex(n, 5, 1, 60, n))
		out = append(out, dnsHdr(uint16(0x5200+i), 0x8180, 1, 1, 0, 0)+q+dnsRRHex("c00c", 2, 1, 60, n))
	}
	return out
}

// dnsHeaderMessages vary the header: opcodes, flags, counts, rcodes.
func dnsHeaderMessages() []string {
	q := dnsLabels("a.example") + "0001 0001 "
	var out []string
	for _, f := range []uint16{0x0000, 0x0100, 0x0110, 0x0800, 0x1000, 0x2000, 0x2800, 0x7800,
		0x0400, 0x0200, 0x0040, 0x0020, 0x06cf, 0x8000, 0x8080, 0x8400, 0x8200, 0x8020, 0x8010,
		0x8001, 0x8002, 0x8003, 0x8004, 0x8005, 0x8009, 0x800f, 0x8800, 0xa000, 0xfbff, 0xffff} {
		out = append(out, dnsHdr(f, f, 1, 0, 0, 0)+q)
	}
	out = append(out,
		dnsHdr(1, 0x0800, 0, 1, 0, 0)+dnsRRHex("00", 1, 1, 5, "01020304"),
		dnsHdr(2, 0x0800, 1, 0, 0, 0)+q,
		dnsHdr(3, 0x0100, 0, 0, 0, 0),
		dnsHdr(4, 0x0100, 2, 0, 0, 0)+q+dnsLabels("b.example")+"001c 00ff",
		dnsHdr(5, 0x0100, 2, 2, 2, 2)+q,
		dnsHdr(6, 0x8180, 0, 0, 0, 0),
		dnsHdr(7, 0x8180, 2, 0, 0, 0)+q+q,
		dnsHdr(8, 0x8180, 3, 0, 0, 0)+q,
		dnsHdr(9, 0x0100, 1, 0, 0, 0)+dnsLabels("x.example")+"00ff 0003",
		dnsHdr(10, 0x0100, 1, 0, 0, 0)+dnsLabels("x.example")+"0041 002a",
		dnsHdr(11, 0x0100, 1, 0, 0, 0)+dnsLabels("x.example")+"fff0 8001",
		// Queries with answer, authority and additional records (-vv).
		dnsHdr(12, 0x2800, 1, 1, 1, 1)+q+dnsRRHex("c00c", 1, 1, 5, "01020304")+dnsRRHex("c00c", 2, 1, 5, "c00c")+dnsRRHex("c00c", 28, 1, 5, "20010db8000000000000000000000002"),
		// A response with all four sections.
		dnsHdr(13, 0x8580, 1, 2, 1, 2)+q+dnsRRHex("c00c", 1, 1, 5, "01020304")+dnsRRHex("c00c", 1, 1, 300, "01020305")+
			dnsRRHex("c00c", 6, 1, 5, "00 00 00000001 00000002 00000003 00000004 00000005")+
			dnsRRHex("c00c", 1, 1, 5, "01020306")+dnsOPT(1400, 0, 0x8000, ""),
		// Counts beyond the records present.
		dnsHdr(14, 0x8180, 1, 3, 0, 0)+q+dnsRRHex("c00c", 1, 1, 5, "01020304"),
		dnsHdr(15, 0x8180, 1, 1, 3, 0)+q+dnsRRHex("c00c", 1, 1, 5, "01020304"),
		dnsHdr(16, 0x8180, 1, 1, 0, 3)+q+dnsRRHex("c00c", 1, 1, 5, "01020304")+"c00c 00",
		dnsHdr(17, 0x8180, 1, 1, 0, 0)+q+"c00c 0001 0001 0000",
		dnsHdr(18, 0x8180, 1, 1, 0, 0)+q+"c00c 0001 0001 00000005 0010 0102",
		dnsHdr(19, 0x0100, 1, 0, 0, 0)+"03616263",
		dnsHdr(20, 0x0100, 1, 0, 0, 0)+dnsLabels("x.example")+"0001",
		dnsHdr(21, 0x8180, 1, 0, 0, 0)+"03616263",
	)
	return out
}

// dnsPackets are the messages as UDP datagrams, each whole and cut
// short at a few places.
func dnsPackets(msgs []string, sport, dport uint16) []crafted {
	var pkts []crafted
	for _, m := range msgs {
		pkt := craftedUDP4(sport, dport, m)
		pkts = append(pkts, crafted{hex: pkt})
		n := hexLen(m)
		for _, drop := range []int{1, 3, n / 2, n - 13, n - 11} {
			if drop > 0 && drop < n {
				pkts = append(pkts, craftedCut(pkt, drop))
			}
		}
	}
	return pkts
}

// TestDNSRecordsLikeTcpdump compares answers of every record type.
func TestDNSRecordsLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dnsrecords", dnsPackets(dnsResponses(), 53, 40000))
}

// TestDNSEDNSLikeTcpdump compares OPT records and their EDNS options,
// with extended response codes.
func TestDNSEDNSLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dnsedns", dnsPackets(dnsEDNSMessages(), 40000, 53))
}

// TestDNSNamesLikeTcpdump compares compressed, looping and malformed
// names.
func TestDNSNamesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dnsnames", dnsPackets(dnsNameMessages(), 53, 53))
}

// TestDNSHeaderLikeTcpdump compares header flags, opcodes, counts and
// sections at each verbosity.
func TestDNSHeaderLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "dnsheader", dnsPackets(dnsHeaderMessages(), 53, 1053))
}

// TestDNSmDNSLikeTcpdump compares mDNS (port 5353): QU/QM questions,
// cache-flush records, OPT with the top class bit.
func TestDNSmDNSLikeTcpdump(t *testing.T) {
	q := dnsLabels("printer.local")
	msgs := []string{
		dnsHdr(0, 0x0000, 2, 0, 0, 0) + q + "000c 0001 c00c 0021 8001",
		dnsHdr(0, 0x0000, 1, 0, 0, 0) + q + "00ff 8003",
		dnsHdr(0, 0x8400, 0, 2, 0, 1) + dnsRRHex(q, 1, 0x8001, 120, "c0a80001") + dnsRRHex("c00c", 16, 0x0001, 4500, "04613d3162") + dnsOPT(0x85a0, 0, 0x8000, ""),
		dnsHdr(0, 0x8400, 1, 1, 0, 0) + q + "0001 8001" + dnsRRHex("c00c", 28, 0x8003, 10, "fe800000000000000000000000000001"),
	}
	pkts := dnsPackets(msgs, 5353, 5353)
	// LLMNR (5355) is not DNS to tcpdump 4.99.3.
	pkts = append(pkts, crafted{hex: craftedUDP4(5355, 40000, msgs[0])})
	pkts = append(pkts, crafted{hex: craftUDP6(5353, 5353, msgs[2])})
	craftedLikeTcpdump(t, "dnsmdns", pkts)
}

// TestDNSOverTCPLikeTcpdump compares DNS over TCP: the length prefix
// right, wrong and cut short.
func TestDNSOverTCPLikeTcpdump(t *testing.T) {
	msg := dnsHdr(0x77, 0x0100, 1, 0, 0, 0) + dnsLabels("example.com") + "0001 0001"
	resp := dnsResponses()[0]
	var pkts []crafted
	for _, m := range []string{msg, resp} {
		pkt := dnsCraftTCP4(fmt.Sprintf("%04x ", hexLen(m)) + m)
		pkts = append(pkts, crafted{hex: pkt}, craftedCut(pkt, 5), craftedCut(pkt, hexLen(m)+1))
	}
	pkts = append(pkts,
		crafted{hex: dnsCraftTCP4(fmt.Sprintf("%04x ", hexLen(msg)+1) + msg)},
		crafted{hex: dnsCraftTCP4("00")},
		crafted{hex: dnsCraftTCP4("0003 000102")},
		crafted{hex: dnsCraftTCP4("0000")},
	)
	craftedLikeTcpdump(t, "dnstcp", pkts)
}

// TestDNSLengthsLikeTcpdump compares messages whose UDP length is
// shorter than the IP payload holding them, and messages with trailing
// bytes after their records.
func TestDNSLengthsLikeTcpdump(t *testing.T) {
	msg := dnsHdr(0x99, 0x8180, 1, 1, 1, 1) + dnsLabels("example.com") + "0001 0001 " +
		dnsRRHex("c00c", 1, 1, 60, "01020304") + dnsRRHex("c00c", 2, 1, 60, "c00c") + dnsRRHex("c00c", 1, 1, 60, "01020305")
	n := hexLen(msg)
	var pkts []crafted
	for _, ulen := range []int{8 + n - 14, 8 + n - 4, 8 + 11, 8 + n} {
		udp := fmt.Sprintf("0035 9c40 %04x 0000 ", ulen) + msg
		pkts = append(pkts, crafted{hex: craftIP4(17, udp)}, crafted{hex: craftIP4(17, udp+" 0102030405")})
	}
	craftedLikeTcpdump(t, "dnslengths", pkts)
}
