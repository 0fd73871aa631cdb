package printer

import (
	"fmt"
	"testing"
)

// TestDHCP6ShortLikeTcpdump compares DHCPv6 messages shorter than their
// type and transaction ID: tcpdump's first check goes to its local
// label, so -x still dumps from the IP header.
func TestDHCP6ShortLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, msg := range []string{"", "01", "0102", "010203", "01020304", "0c00"} {
		udp := fmt.Sprintf("0222 0223 %04x 0000 ", 8+hexLen(msg)) + msg
		pkts = append(pkts, crafted{hex: craftIP6(17, udp)})
	}
	craftedLikeTcpdump(t, "dhcp6short", pkts)
}

// dhcp6Opt is a DHCPv6 option of the code and value (hex), its length
// right.
func dhcp6Opt(code uint16, val string) string {
	return fmt.Sprintf("%04x%04x %s ", code, hexLen(val), val)
}

// TestDHCP6OptionsLikeTcpdump compares every option tcpdump decodes,
// valid, malformed and cut short, in client messages, relay messages
// and nested relay messages.
func TestDHCP6OptionsLikeTcpdump(t *testing.T) {
	addr := "20010db8000000000000000000000001"
	opts := []string{
		dhcp6Opt(1, "0001 0001 12345678 0a0b0c0d0e0f"), dhcp6Opt(1, "0001 0001 1234"),
		dhcp6Opt(2, "0002 00000009 0102030405060708"), dhcp6Opt(2, "0002 0000"),
		dhcp6Opt(1, "0003 0001 0a0b0c0d0e0f"), dhcp6Opt(1, "0003"), dhcp6Opt(1, "0004 aa"), dhcp6Opt(1, "00"),
		dhcp6Opt(3, "00000001 00000e10 00001518 "+dhcp6Opt(5, addr+"00001c20 00001d4c "+dhcp6Opt(13, "0000 6f6b"))),
		dhcp6Opt(3, "00000001 00000e10"), dhcp6Opt(4, "00000002 "+dhcp6Opt(5, addr+"00000001 00000002")), dhcp6Opt(4, "00"),
		dhcp6Opt(5, addr), dhcp6Opt(6, "0017 0018 0038 0040 ffff"), dhcp6Opt(6, "001700"), dhcp6Opt(43, "0025"),
		dhcp6Opt(7, "ff"), dhcp6Opt(7, "0102"), dhcp6Opt(8, "0064"), dhcp6Opt(8, "00"),
		dhcp6Opt(11, "02 01 00 0000000000000001 6162 11223344 00112233445566778899aabbccddeeff"),
		dhcp6Opt(11, "02 01 00 0000000000000001"), dhcp6Opt(11, "02 02 01 0000000000000001 0102"),
		dhcp6Opt(11, "03 01 00 0000000000000002 01 00112233445566778899aabbccddeeff"),
		dhcp6Opt(11, "03 01 00 0000000000000002 02 00112233445566778899aabbccddeeff"),
		dhcp6Opt(11, "03 01 00 0000000000000002 07 00112233445566778899aabbccddeeff"),
		dhcp6Opt(11, "03 01 00 0000000000000002 01"), dhcp6Opt(11, "04 01 00 0000000000000002"), dhcp6Opt(11, "02"),
		dhcp6Opt(12, addr), dhcp6Opt(13, "0000"), dhcp6Opt(13, "0006 6e6f"), dhcp6Opt(13, "000b"), dhcp6Opt(13, "0100"), dhcp6Opt(13, "00"),
		dhcp6Opt(14, ""), dhcp6Opt(15, "0003 616263"), dhcp6Opt(16, "00000137 0003 616263"), dhcp6Opt(17, "00000137 0001 0002 6162"),
		dhcp6Opt(18, "657468302f31"), dhcp6Opt(18, "000102030405060708090a0b0c"), dhcp6Opt(38, "01"),
		dhcp6Opt(19, "05"), dhcp6Opt(19, "0b"), dhcp6Opt(19, "07"), dhcp6Opt(19, "0505"), dhcp6Opt(20, ""),
		dhcp6Opt(21, dnsLabels("sip.example.com")), dhcp6Opt(24, dnsLabels("a.example")+dnsLabels("b.example")),
		dhcp6Opt(24, "03616263"), dhcp6Opt(24, "03616263 c000"), dhcp6Opt(24, "80"), dhcp6Opt(24, "00"),
		dhcp6Opt(22, addr), dhcp6Opt(23, addr+addr), dhcp6Opt(23, "2001"), dhcp6Opt(27, addr), dhcp6Opt(28, addr),
		dhcp6Opt(31, addr), dhcp6Opt(34, addr), dhcp6Opt(40, addr), dhcp6Opt(48, addr),
		dhcp6Opt(25, "00000003 00000e10 00001518 "+dhcp6Opt(26, "00001c20 00001d4c 38 20010db8abcd00000000000000000000")),
		dhcp6Opt(26, "00001c20 00001d4c 38 20010db8abcd00000000000000000000 "+dhcp6Opt(13, "0000")), dhcp6Opt(26, "00"),
		dhcp6Opt(32, "00000e10"), dhcp6Opt(32, "0e10"), dhcp6Opt(46, "00000001"),
		dhcp6Opt(37, "00000de9 0102030405060708090a0b0c"), dhcp6Opt(37, "00000de9"), dhcp6Opt(37, "00"),
		dhcp6Opt(44, "01 "+addr+dhcp6Opt(6, "0017")), dhcp6Opt(44, "02 "+addr), dhcp6Opt(44, "09 "+addr), dhcp6Opt(44, "01"),
		dhcp6Opt(45, dhcp6Opt(1, "0003 0001 0a0b0c0d0e0f")+dhcp6Opt(46, "00000005")), dhcp6Opt(45, ""),
		dhcp6Opt(47, addr+"0102030405060708090a0b0c"), dhcp6Opt(47, "00"),
		dhcp6Opt(56, "0001 0010 "+addr+" 0002 0010 "+addr+" 0003 000d "+dnsLabels("ntp.example")+" 0004 0001 00"),
		dhcp6Opt(56, "0001 0004 01020304"), dhcp6Opt(56, "0001 0020 "+addr), dhcp6Opt(56, "00"), dhcp6Opt(56, "0003 0002 c000 0000"),
		dhcp6Opt(64, dnsLabels("aftr.example.com")), dhcp6Opt(64, "05616263"), dhcp6Opt(64, "0161"),
		dhcp6Opt(41, "4553543542"), dhcp6Opt(42, "4575726f70652f5a7572696368"), dhcp6Opt(112, "68747470733a2f2f00"), dhcp6Opt(41, "45"),
		dhcp6Opt(39, "01 00"), dhcp6Opt(999, "0102"),
		"0001", "00010008 0001",
	}
	var pkts []crafted
	for _, o := range opts {
		for _, msg := range []string{"01 abcdef " + o, "0c 00 " + addr + " fe800000000000000000000000000002 " + o} {
			pkt := craftUDP6(546, 547, msg)
			pkts = append(pkts, crafted{hex: pkt})
			n := hexLen(o)
			for _, drop := range []int{1, n / 2, n - 2} {
				if drop > 0 && drop < n {
					pkts = append(pkts, craftedCut(pkt, drop))
				}
			}
		}
	}
	// Relay messages holding a message, cut short, and a message with
	// a shorter length than its options.
	inner := "03 123456 " + dhcp6Opt(1, "0003 0001 0a0b0c0d0e0f") + dhcp6Opt(8, "0000")
	relay := "0d 01 " + addr + " fe800000000000000000000000000002 " + dhcp6Opt(18, "01") + dhcp6Opt(9, inner) + dhcp6Opt(37, "00000de9 01")
	pkt := craftUDP6(547, 547, relay)
	pkts = append(pkts, crafted{hex: pkt})
	for _, drop := range []int{1, 5, 12, 20, 30} {
		pkts = append(pkts, craftedCut(pkt, drop))
	}
	pkts = append(pkts, crafted{hex: craftUDP6(547, 547, "0c 00 "+addr+" fe800000000000000000000000000002 "+dhcp6Opt(9, "01"))})
	pkts = append(pkts, crafted{hex: craftUDP6(547, 547, "0c 00 "+addr)})
	craftedLikeTcpdump(t, "dhcp6options", pkts)
}
