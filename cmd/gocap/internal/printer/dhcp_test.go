package printer

import (
	"fmt"
	"strings"
	"testing"
)

// bootpHdr is a BOOTP header of the op, htype and hlen, with a client
// address, the addresses given, sname and file (text, NUL-padded, or
// hex when starting with "x") and the vendor area's first four bytes.
func bootpHdr(op, htype, hlen byte, ciaddr, yiaddr, siaddr, giaddr string, sname, file string, flags uint16) string {
	field := func(s string, n int) string {
		if strings.HasPrefix(s, "x") {
			h := strings.ReplaceAll(s[1:], " ", "")
			return h + strings.Repeat("00", n-len(h)/2)
		}
		return fmt.Sprintf("%x", s) + strings.Repeat("00", n-len(s))
	}
	return fmt.Sprintf("%02x%02x%02x01 12345678 0005 %04x %s %s %s %s 0a0b0c0d0e0f 00000000000000000000 %s %s ",
		op, htype, hlen, flags, ciaddr, yiaddr, siaddr, giaddr, field(sname, 64), field(file, 128))
}

// dhcpMsg is a DHCP message: a request header, the magic cookie, the
// options (hex) and END.
func dhcpMsg(opts string) string {
	return bootpHdr(1, 1, 6, "00000000", "00000000", "00000000", "00000000", "", "", 0x8000) + "63825363 " + opts + " ff"
}

// dhcpOpt is an option of the tag and value (hex), its length right.
func dhcpOpt(tag byte, val string) string {
	return fmt.Sprintf("%02x%02x %s ", tag, hexLen(val), val)
}

// TestDHCPOptionsLikeTcpdump compares the DHCP options tcpdump decodes,
// valid and malformed, each in a message of its own and cut short.
func TestDHCPOptionsLikeTcpdump(t *testing.T) {
	opts := []string{
		dhcpOpt(53, "01"), dhcpOpt(53, "03"), dhcpOpt(53, "0d"), dhcpOpt(53, "63"), dhcpOpt(53, "0102"),
		dhcpOpt(1, "ffffff00"), dhcpOpt(3, "c0a80001c0a80002"), dhcpOpt(6, "08080808 080804"),
		dhcpOpt(2, "fffff1f0"), dhcpOpt(91, "fffffff0"), dhcpOpt(51, "00015180"), dhcpOpt(24, "0102030405"),
		dhcpOpt(12, "686f73742d31"), dhcpOpt(15, "6578616d706c652e636f6dff00"), dhcpOpt(60, "4d53465420352e30"),
		dhcpOpt(13, "0010"), dhcpOpt(25, "0044 05dc 0f"), dhcpOpt(19, "00"), dhcpOpt(19, "0102"),
		dhcpOpt(21, "0a000000ff000000 0a"), dhcpOpt(33, "0a000000 0a000001 0b000000 0b000001"),
		dhcpOpt(23, "40"), dhcpOpt(42, "c0000201 c0000202"), dhcpOpt(43, "0104deadbeef"),
		dhcpOpt(46, "08"), dhcpOpt(46, "03"), dhcpOpt(46, ""), dhcpOpt(52, "03"), dhcpOpt(52, "07"), dhcpOpt(52, ""),
		dhcpOpt(55, "010306 0f 1f 21 2b 2c 2e 2f 77 79 f9 fc c8"),
		dhcpOpt(55, ""),
		dhcpOpt(61, "01 0a0b0c0d0e0f"), dhcpOpt(61, "00 636c69656e74"), dhcpOpt(61, "63 0102"), dhcpOpt(61, ""),
		dhcpOpt(81, "01 0000 686f7374"), dhcpOpt(81, "fe 0102 6f"), dhcpOpt(81, "0000"),
		dhcpOpt(82, "0106 657468302f31 0203 616263 0602 7879 0903 000102"),
		dhcpOpt(82, "0109 6162"), dhcpOpt(82, "01"), dhcpOpt(82, "0100 05"),
		dhcpOpt(121, "18 c0a801 c0a80001 00 0a000001 20 01020304 05060708"),
		dhcpOpt(121, "0800"), dhcpOpt(121, "21 0000000000"), dhcpOpt(121, "18 c0a801 c0a800"),
		dhcpOpt(249, "10 ac10 0a000001"),
		dhcpOpt(77, "03 616263 02 7879"), dhcpOpt(77, "00 01"), dhcpOpt(77, "05 6162"), dhcpOpt(77, "01"),
		dhcpOpt(119, "03616263 00"), dhcpOpt(120, "00 03736970 00"), dhcpOpt(90, "01 01 00 0102030405060708 aabb"),
		dhcpOpt(100, "4553543542"), dhcpOpt(116, "01"), dhcpOpt(118, "0a000001"),
		dhcpOpt(125, "00000de9 04 0102 0304"), dhcpOpt(124, "00000de9 03 616263"),
		dhcpOpt(150, "0a000001"), dhcpOpt(161, "68747470"), dhcpOpt(97, "00 0102030405060708090a0b0c0d0e0f10"),
		dhcpOpt(93, "0000"), dhcpOpt(94, "010201"), dhcpOpt(200, "01"), dhcpOpt(201, "0102"), dhcpOpt(202, "01020304"),
		dhcpOpt(203, "010203040506"), dhcpOpt(204, ""), dhcpOpt(57, "05dc"), dhcpOpt(31, "01"),
		"00 00 00" + dhcpOpt(1, "ffffff00") + "00",
	}
	var pkts []crafted
	for _, o := range opts {
		pkt := craftedUDP4(68, 67, dhcpMsg(o))
		pkts = append(pkts, crafted{hex: pkt})
		n := hexLen(o)
		for _, drop := range []int{1, 2, 1 + n/2, 1 + n} {
			if drop <= n+1 {
				pkts = append(pkts, craftedCut(pkt, drop))
			}
		}
	}
	// A message without END, and options running past the message.
	pkts = append(pkts, crafted{hex: craftedUDP4(68, 67, bootpHdr(1, 1, 6, "00000000", "00000000", "00000000", "00000000", "", "", 0)+"63825363 350101 0104ffffff")})
	craftedLikeTcpdump(t, "dhcpoptions", pkts)
}

// TestBOOTPHeaderLikeTcpdump compares the BOOTP header: op codes,
// hardware types, addresses, sname and file, the CMU and unknown vendor
// areas, and cuts at each field.
func TestBOOTPHeaderLikeTcpdump(t *testing.T) {
	full := strings.Repeat("s", 64)
	msgs := []string{
		bootpHdr(2, 1, 6, "0a000001", "0a000002", "0a000003", "0a000004", "server", "boot/file", 0) + "63825363 350102 ff",
		bootpHdr(3, 6, 6, "00000000", "0a000002", "00000000", "00000000", "", "", 0x7fff) + "63825363 ff",
		bootpHdr(1, 1, 16, "00000000", "00000000", "00000000", "00000000", full, "x41ff0a", 0x8001) + "63825363 ff",
		bootpHdr(1, 1, 6, "00000000", "00000000", "00000000", "00000000", "", strings.Repeat("f", 128), 0) + "63825363 ff",
		bootpHdr(1, 1, 6, "00000000", "00000000", "00000000", "00000000", "", "", 0) + "434d5500 01000000 ffffff00 0a000001 0a000002 00000000 0a000003 00000000 0a000004 0a000005" + strings.Repeat("00", 24),
		bootpHdr(1, 1, 6, "00000000", "00000000", "00000000", "00000000", "", "", 0) + "434d5500 fe000000 ffffff00 0a000001 0a000002 0a000006 0a000003 0a000007 0a000004 0a000005" + strings.Repeat("00", 24),
		bootpHdr(1, 1, 6, "00000000", "00000000", "00000000", "00000000", "", "", 0) + "12345678" + strings.Repeat("00", 60),
		bootpHdr(1, 1, 6, "00000000", "00000000", "00000000", "00000000", "", "", 0) + "00000000" + strings.Repeat("00", 60),
	}
	var pkts []crafted
	for _, m := range msgs {
		pkt := craftedUDP4(67, 68, m)
		pkts = append(pkts, crafted{hex: pkt})
		n := hexLen(m)
		for _, keep := range []int{0, 1, 2, 3, 9, 11, 20, 30, 40, 50, 60, 100, 107, 108, 110, 200, 236, 238, 240, 244, 250, 260, 270} {
			if keep < n {
				pkts = append(pkts, craftedCut(pkt, n-keep))
			}
		}
	}
	craftedLikeTcpdump(t, "bootpheader", pkts)
}

// TestBOOTPLengthsLikeTcpdump compares messages whose UDP length is
// shorter than what the IP packet holds: tcpdump reads the options to
// the end of the IP packet.
func TestBOOTPLengthsLikeTcpdump(t *testing.T) {
	msg := dhcpMsg(dhcpOpt(53, "01") + dhcpOpt(12, "686f7374"))
	n := hexLen(msg)
	var pkts []crafted
	for _, ulen := range []int{8 + n - 6, 8 + 240, 8 + 100, 8 + n} {
		udp := fmt.Sprintf("0044 0043 %04x 0000 ", ulen) + msg
		pkts = append(pkts, crafted{hex: craftIP4(17, udp)}, crafted{hex: craftIP4(17, udp+" 0104ffffff00 ff")})
	}
	addr := "20010db8000000000000000000000001"
	m6 := "01 abcdef " + dhcp6Opt(8, "0000") + dhcp6Opt(23, addr)
	for _, ulen := range []int{8 + 4, 8 + 9, 8 + 10, 8 + hexLen(m6) - 1} {
		pkts = append(pkts, crafted{hex: craftIP6(17, fmt.Sprintf("0222 0223 %04x 0000 ", ulen)+m6)})
	}
	craftedLikeTcpdump(t, "bootplengths", pkts)
}
