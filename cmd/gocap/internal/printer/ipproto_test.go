package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ip4Opts is an Ethernet frame with an IPv4 header carrying the options
// (hex, a multiple of four bytes) and the payload of the protocol.
func ip4Opts(opts string, proto byte, payload string) string {
	ol := hexLen(opts)
	return fmt.Sprintf("000000000002 000000000001 0800 %02x00 %04x 0001 0000 40%02x 0000 0a000001 0a000002 ",
		0x40|(20+ol)/4, 20+ol+hexLen(payload), proto) + opts + " " + payload
}

func igmpCrafted() []crafted {
	v3q := craftIP4(2, "11 64 0000 e0000001 0a 7d 0002 0a000001 0a000002")
	v3r := craftIP4(2, "22 00 0000 0000 0003 "+
		"01 00 0002 e0000001 0a000001 0a000002 "+
		"04 00 0000 e0000002 "+
		"09 01 0001 e0000003 0a000003 00000000")
	mtrace := "00 00 000001 0a000001 0a000002 e0000005 20 000007 "
	return []crafted{
		{craftIP4(2, "11 00 0000 00000000"), 0},
		{craftIP4(2, "11 64 0000 e0000001"), 0},
		{craftIP4(2, "11 00 0000 e0000001 00"), 0},
		{v3q, 0},
		{craftIP4(2, "11 8a 0000 e0000001 0f 90 0000"), 0},
		{craftIP4(2, "11 64 0000 e0000001 0a 7d 0003 0a000001"), 0},
		{craftIP4(2, "11 64 0000 e0000001 0a 7d"), 0},
		{craftIP4(2, "11 64 0000 e0000001 0a 7d 0000 00"), 0}, // not a multiple of four
		{craftIP4(2, "12 00 0000 e0000001"), 0},
		{craftIP4(2, "12 00 0000 e0000001 0000"), 0},
		{craftIP4(2, "16 00 0000 e0000001"), 0},
		{craftIP4(2, "17 00 0000 e0000001"), 0},
		{v3r, 0},
		{craftIP4(2, "22 00 0000 0000 0009 01 00 0002 e0000001"), 0},
		{craftIP4(2, "22 00 0000 0000 0001 01 00 0009 e0000001 0a000001"), 0},
		{craftIP4(2, "22 00 0000"), 0},
		{craftIP4(2, "1e 00 0000 e0000001 "+mtrace), 0},
		{craftIP4(2, "1f 00 0000 e0000001 "+strings.Replace(mtrace, "e0000005", "0a000009", 1)), 0},
		{craftIP4(2, "1f 00 0000 e0000001 0000"), 0},
		{craftIP4(2, "13 07 0000 00000000 0a000001 e0000001 00000e10"), 0},
		{craftIP4(2, "13 08 0000 00000000 0a000001 e0000001"), 0},
		{craftIP4(2, "13 09 0000 00000000 0a000001 e0000001"), 0},
		{craftIP4(2, "13 06 0000 0000ff03 0a000001 01 01 1e 02 0a000002 0a000003"), 0},
		{craftIP4(2, "13 04 0000 00000000 0a000001 01 01 1e 01 0a000002"), 0},
		{craftIP4(2, "13 01 0000 00000000 00000007 0a000002 0a000003"), 0},
		{craftIP4(2, "13 02 0000 00000000 ffffff 0a01 05 0a02 86"), 0},
		{craftIP4(2, "13 0b 0000 00000000"), 0},
		{craftIP4(2, "13 01 0000"), 0},
		{craftIP4(2, "15 00 0000 e0000001"), 0},
		{craftIP4(2, "99 00 0000 e0000001"), 0},
		{craftIP4(2, "11 64 ffff e0000001"), 0},
		crafted{hexCut(v3q, 14+20+14), hexLen(v3q)},
		crafted{hexCut(v3r, 14+20+20), hexLen(v3r)},
		crafted{hexCut(v3r, 14+20+3), hexLen(v3r)},
	}
}

// TestIGMPLikeTcpdump prints IGMP queries of each version, reports,
// leaves, IGMPv3 group records, mtrace queries and responses and DVMRP
// messages, whole, malformed and cut short, as tcpdump does.
func TestIGMPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "igmp", igmpCrafted()) }

func ipOptionsCrafted() []crafted {
	icmp := "0800 f7fe 0001 0000"
	return []crafted{
		{ip4Opts("01 01 01 00", 1, icmp), 0},
		{ip4Opts("07 0b 04 0a000001 0a000002 00", 1, icmp), 0},
		{ip4Opts("83 0b 08 0a000001 0a000002 00", 1, icmp), 0},
		{ip4Opts("89 07 04 0a000001 00", 1, icmp), 0},
		{ip4Opts("07 03 04 00", 1, icmp), 0},
		{ip4Opts("07 0b 00 0a000001 0a000002 00", 1, icmp), 0},                 // pointer 0
		{ip4Opts("", 6, "0400 0050 00000001 00000002 f018 0100 0000 0000"), 0}, // TCP header longer than the datagram
		{ip4Opts("07 0a 04 0a000001 000000", 1, icmp), 0},
		{ip4Opts("44 0c 05 00 00000001 00000002", 1, icmp), 0},
		{ip4Opts("44 14 0d 01 0a000001 00000001 0a000002 00000002", 1, icmp), 0},
		{ip4Opts("44 14 15 03 0a000001 00000001 0a000002 00000002", 1, icmp), 0},
		{ip4Opts("44 0c 05 12 00000001 00000002", 1, icmp), 0},
		{ip4Opts("44 04 05 f0", 1, icmp), 0},
		{ip4Opts("44 0b 05 00 00000001 000000 00", 1, icmp), 0},
		{ip4Opts("94 04 0000", 2, "11 64 0000 e0000001"), 0},
		{ip4Opts("94 06 0000 0000 0000", 2, "11 64 0000 e0000001"), 0},
		{ip4Opts("88 04 1234", 1, icmp), 0},
		{ip4Opts("82 0b 0000 0000 0000 000000 00", 1, icmp), 0},
		{ip4Opts("99 02 01 00", 1, icmp), 0},
		{ip4Opts("99 00 00 00", 1, icmp), 0},
		{ip4Opts("99 09 00 00", 1, icmp), 0},
		{ip4Opts("07", 1, icmp)[:0] + ip4Opts("00 00 00 00", 1, icmp), 0},
	}
}

// TestIPOptionsLikeTcpdump prints IPv4 headers with each option tcpdump
// names (NOP, EOL, record and source routes, timestamps of every flag
// value, router alert, stream ID, security) and malformed ones (and a
// TCP header longer than its datagram, whose length -q prints unsigned).
func TestIPOptionKindsLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "ipopts", ipOptionsCrafted()) }

func icmpCrafted() []crafted {
	var pkts []crafted
	for typ := 0; typ < 45; typ++ {
		for _, code := range []int{0, 1, 4, 9} {
			pkts = append(pkts, crafted{craftIP4(1, fmt.Sprintf("%02x%02x 0000 00010002 ", typ, code)+faultQuoted), 0})
		}
	}
	ext := "2000 0000 " + "0008 0101 0000002a" // extension header and an interface object
	return append(pkts,
		crafted{craftIP4(1, "0300 0000 00200000 "+faultQuoted128+ext), 0},
		crafted{craftIP4(1, "0b00 0000 00200000 "+faultQuoted128+"2000 0000 000c 02ea 0000002a 0a000009"), 0},
		crafted{craftIP4(1, "0300 0000 00200000 "+faultQuoted128+"2000 0000 0018 02ff 0000002a 0001 0000 0a000009 00000005 00000000"), 0},
		crafted{craftIP4(1, "2a00 0000 00010100 0008 0301 00000002"), 0},
		crafted{craftIP4(1, "2a00 0000 00010101 000c 0302 0001 20 00 0a000009"), 0},
		crafted{craftIP4(1, "2a00 0000 00010101 0008 0303 65746830"), 0},
		crafted{craftIP4(1, "2b00 0000 00010300 "), 0},
		crafted{craftIP4(1, "2b04 0000 00010000 "), 0},
		crafted{craftIP4(1, "0d00 0000 00010002 00000001 00000002 00000003"), 0},
		crafted{craftIP4(1, "0e00 0000 00010002 a6fe4e01 00000002 05265c00"), 0},
		crafted{craftIP4(1, "0e00 0000 00010002 00000001"), 0},
		crafted{craftIP4(1, "1100 0000 00010002"), 0},
		crafted{craftIP4(1, "1200 0000 00010002 ffffff00"), 0},
		crafted{craftIP4(1, "0900 0000 02000000 0a000001 00000001 0a000002 00000002"), 0},
		crafted{craftIP4(1, "0900 0000 01030000 0a000001 00000001"), 0},
		crafted{craftIP4(1, "0500 0000 0a000009 "+faultQuoted), 0},
		crafted{craftIP4(1, "0c00 0000 14000000 "+faultQuoted), 0},
		crafted{craftIP4(1, "0304 0000 000005dc "+faultQuoted), 0},
		crafted{craftIP4(1, "0800"), 0},
	)
}

// TestICMPTypesLikeTcpdump prints every ICMP type with several codes
// (each quoting a datagram), RFC 4884/5837 extensions, RFC 8335
// extended echo, timestamps, masks, router advertisements and redirects.
func TestICMPTypesLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "icmptypes", icmpCrafted()) }

func mplsCrafted() []crafted {
	ip4 := "4500 001c 0001 0000 4001 0000 0a000001 0a000002 0800 f7fe 0001 0000"
	ip6 := "6000 0000 0008 3a40 20010db8000000000000000000000001 20010db8000000000000000000000002 8000 0000 0001 0002"
	frame := func(et, labels, payload string) crafted {
		return crafted{"000000000002 000000000001 " + et + " " + labels + " " + payload, 0}
	}
	return []crafted{
		frame("8847", "00010140", ip4),
		frame("8847", "00010040 00020140", ip4),
		frame("8847", "00000140", ip4),
		frame("8847", "00002140", ip6),
		frame("8847", "00001140", "0000 0000"),
		frame("8847", "00003140", "0100 0001"),
		frame("8847", "0000e140", "0000 0000"),
		frame("8847", "00010140", "0000 0000 000000000002 000000000001 0800 "+ip4),
		frame("8847", "00010140", ip6),
		frame("8847", "00010140", "1000 0000"),
		frame("8847", "00010140", "8000"),
		frame("8848", "00010140", ip4),
		frame("8847", "00010040", ""),
		frame("8847", "0001", ""),
		frame("8847", "00010f40", "45"),
		frame("8847", "0001f140", ip4),
		{hexCut(frame("8847", "00001140", "0000 0000 1111").hex, 14+4+3), 14 + 4 + 6}, // unknown payload cut short
	}
}

// TestMPLSLikeTcpdump prints MPLS label stacks (reserved labels, the
// traffic class, multicast ethertype) over IPv4, IPv6, pseudowires and
// unknown payloads, and stacks cut short.
func TestMPLSLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "mpls", mplsCrafted()) }

func tunnelsCrafted() []crafted {
	inner := "000000000004 000000000003 0800 4500 001c 0001 0000 4001 0000 0a000003 0a000004 0800 f7fe 0001 0000"
	withOpts := craftedUDP4(49153, 6081, "0300 6558 00000b00 0101 01 01 00000001 ffff 80 01 00000002 0000 7f 00 "+inner)
	return []crafted{
		{hexCut(withOpts, 14+20+8+4), hexLen(withOpts)},  // header cut short
		{hexCut(withOpts, 14+20+8+14), hexLen(withOpts)}, // options cut short
		{craftedUDP4(49153, 6081, "0000 6558 00000b00 "+inner), 0},
		{craftedUDP4(49153, 6081, "0300 6558 00000b00 0101 01 01 00000001 ffff 80 01 00000002 0000 7f 00 "+inner), 0},
		{craftedUDP4(49153, 6081, "c100 0800 00000b00 0101 01 01 00000001 "+inner[36:]), 0},
		{craftedUDP4(49153, 6081, "4000 86dd 00000b00"), 0},
		{craftedUDP4(49153, 6081, "003f 0800 00000b02 "+inner[36:]), 0}, // reserved flags and bits
		{craftedUDP4(49153, 6081, "8000 1234 00000b00 abcd"), 0},
		{craftedUDP4(49153, 6081, "0200 6558 00000b00 0101 03 01 00000001"), 0},
		{craftedUDP4(49153, 6081, "0000 65"), 0},
		{craftedUDP4(49153, 3784, "0000"), 0},
		{craftedUDP4(49153, 5353, "0000")[:0] + craftedUDP4(49153, 5556, "00 00 000001 00010203 0405 0000 0000 0000 0000 0000 0000"), 0},
		{craftedUDP4(49153, 5405, "0000"), 0},
	}
}

// TestTunnelsLikeTcpdump prints Geneve headers with and without options
// (critical, OAM and unknown classes), inner Ethernet, IPv4, IPv6 and
// unknown protocols, short ones, and a few UDP ports of this family.
func TestTunnelsLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "tunnels", tunnelsCrafted()) }

func init() {
	for _, f := range []func() []crafted{igmpCrafted, ipOptionsCrafted, icmpCrafted, mplsCrafted, tunnelsCrafted} {
		addFuzzSeeds(f())
	}
}

func ahcpCrafted() []crafted {
	hdr := "2b 01 05 08 0000abcd 0102030405060708 1112131415161718 "
	opts := "00 01 02 0203 02 04 00000010 03 04 00000e10 " +
		"04 10 20010db8000000000000000000000001 05 04 0a000001 " +
		"06 11 20010db8000100000000000000000000 40 07 05 0a000000 18 " +
		"08 10 20010db8000000000000000000000002 09 08 0a000002 0a000003 " +
		"0a 11 20010db8000200000000000000000000 30 0b 05 0a010000 10 " +
		"0c 10 20010db8000000000000000000000053 0d 04 0a000007 0e 02 abcd " +
		"05 03 0a0000 06 10 20010db8000100000000000000000000 02 03 000000"
	msg := func(typ string, body string) string {
		return craftedUDP4(5359, 5359, hdr+fmt.Sprintf("%s 00 %04x ", typ, hexLen(body))+body)
	}
	ok := msg("02", opts)
	return []crafted{
		{ok, 0},
		{msg("00", ""), 0},
		{msg("01", "00"), 0},
		{msg("03", "01 00"), 0},
		{msg("04", "02 02 0000"), 0},
		{msg("05", "09 05 0a000002"), 0},
		{msg("06", "0c 00"), 0},
		{msg("09", ""), 0},
		{craftedUDP4(5359, 5359, hdr+"02 07 0010 00"), 0},
		{craftedUDP4(5359, 5359, hdr+"02 00"), 0},
		{craftedUDP4(5359, 5359, "2b 01 05"), 0},
		{craftedUDP4(5359, 5359, "2b 02 05 08"), 0},
		{craftedUDP4(5359, 5359, "2c 01"), 0},
		{craftedUDP4(5359, 5359, "2b"), 0},
		{crafted{hexCut(ok, 14+20+8+40), hexLen(ok)}.hex, hexLen(ok)},
		{crafted{hexCut(ok, 14+20+8+10), hexLen(ok)}.hex, hexLen(ok)},
	}
}

// TestAHCPLikeTcpdump prints AHCP messages of each type with every
// option (and malformed ones), bad magic numbers and versions, and
// messages cut short.
func TestAHCPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "ahcp", ahcpCrafted()) }

func init() { addFuzzSeeds(ahcpCrafted()) }

// greppp is an Ethernet frame with an enhanced (PPTP) GRE packet
// carrying the PPP frame ppp (hex, from its protocol field on).
func greppp(ppp string) string {
	n := hexLen(ppp)
	return craftIP4(47, fmt.Sprintf("3001 880b %04x 0005 00000001 ", n)+ppp)
}

func pppAuthCrafted() []crafted {
	var pkts []crafted
	for _, m := range []string{
		"003d 8001 ff", "003d c0", "003d",
		"c223 01 01 0015 04 01020304 6e616d65 31", "c223 02 07 0010 08 0102030405060708",
		"c223 03 07 000a 77656c636f6d65", "c223 04 07 0003 77", "c223 01 01 0010 09 0102",
		"c223 01", "c223 09 01 0004", "c223 01 01 0030 04 01020304 6e616d65",
		"c023 01 01 000e 04 75736572 04 70617373", "c023 01 01 0005 01", "c023 02 01 0008 03 6f6b21",
		"c023 03 01 0004", "c023 03 01 0020 03", "c023 01 01 0003", "c023 02", "c023 01 01 000e 04 7573",
		"c02d 01 02 0003",
	} {
		pkts = append(pkts, crafted{greppp(m), 0})
	}
	return pkts
}

// TestPPPAuthLikeTcpdump prints multilink PPP fragments, CHAP and PAP
// packets of each code (whole, malformed and cut short) and BAP, carried
// in GRE.
func TestPPPAuthLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "pppauth", pppAuthCrafted()) }

func init() { addFuzzSeeds(pppAuthCrafted()) }
