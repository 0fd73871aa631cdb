package printer

import (
	"strings"
	"testing"
)

// hncpBranchCases are HNCP messages reaching the branches hncpCrafted
// leaves: prefixes of every shape (IPv4-mapped and not, lengths not a
// multiple of 8, too long, running past their TLV), DNS labels running
// past their TLV, nested TLVs running past their parent, DHCP options cut
// in their header, and the domain names of the DHCP search options with
// root names, bit-string labels, extended label types, reserved label
// types, compression pointers (which tcpdump counts from the end of the
// option), names longer than 255 characters and names cut short.
func hncpBranchCases() []crafted {
	mappedHead := "00000000000000000000ffff"
	long := strings.Repeat("3f"+strings.Repeat("61", 63), 5) + "00"
	tlvs := []string{
		// Delegated-Prefix: IPv4-mapped /20, mapped /48 (too long), IPv6 /60, IPv6 /129.
		hncpTLV(34, "00000064 00000032 74 "+mappedHead+"c0a8ff"),
		hncpTLV(34, "00000064 00000032 90 "+mappedHead+strings.Repeat("ff", 6)),
		hncpTLV(34, "00000064 00000032 3c 20010db8abcdefff"),
		hncpTLV(34, "00000064 00000032 81 "+strings.Repeat("ee", 17)),
		// Assigned-Prefix: IPv6 /200, IPv4-mapped /25 with nested TLVs.
		hncpTLV(35, "00000007 03 c8 "+strings.Repeat("11", 25)),
		hncpTLV(35, "00000007 03 79 "+mappedHead+"0a0b0cff"+hncpTLV(1, "")),
		// Prefix-Policy: mapped /32 running past its TLV, IPv6 /64 running past, /60.
		hncpTLV(43, "80 "+mappedHead+"0a00"),
		hncpTLV(43, "40 2001"),
		hncpTLV(43, "3c 20010db8abcdefff"),
		hncpTLV(43, "78 "+mappedHead+"0a0b0c"),
		// Labels running past their TLV.
		hncpTLV(40, "05 6162"),
		hncpTLV(40, "03 616263 09 6465"),
		hncpTLV(39, "20010db8000000000000000000000001 01 03 6162"),
		hncpTLV(43, "81 02 61"),
		// A nested TLV running past its parent's value.
		hncpTLV(33, "0001 0008 00000000") + hncpTLV(1, "") + hncpTLV(1, ""),
		// DHCPv4 and DHCPv6 options cut in their header.
		hncpTLV(37, "06 04 0a000001 06"),
		hncpTLV(38, "0017 0010 20010db8000000000000000000000001 00"),
		hncpTLV(38, "0018 0000 00"),
		// Domain names of the search options.
		hncpTLV(37, "77 01 00"),
		hncpTLV(37, "77 05 41 08 ab 00 00"),
		hncpTLV(37, "77 06 41 0c abcd 00 00"),
		hncpTLV(37, "77 04 41 06 fc 00"),
		hncpTLV(37, "77 04 41 03 e0 00"),
		hncpTLV(37, "77 23 41 00 "+strings.Repeat("5a", 32)+" 00"),
		hncpTLV(37, "77 03 02 6162"),
		hncpTLV(37, "77 03 42 0000"),
		hncpTLV(37, "77 03 01 61 81"),
		hncpTLV(37, "77 03 01 61 7f"),
		hncpTLV(37, "77 03 01 61 c2") + "0000 0000",
		hncpTLV(37, "77 02 c0 04") + hncpTLV(1, "") + "03 626364 00",
		hncpTLV(37, "77 02 c0 06") + hncpTLV(1, "") + "c0 03 01 7a 00",
		hncpTLV(37, "77 02 c0 08") + hncpTLV(1, "") + "0000 0000 c0 06 00",
		hncpTLV(37, "77 02 c0 ff"),
		hncpTLV(37, "77 03 41 00 00"),
		hncpTLV(38, "0018 "+sprintf("%04x", hexLen(long))+" "+long),
		hncpTLV(38, "0018 0004 01 61 40 00"),
		hncpTLV(38, "0018 0002 01 61"),
	}
	var pkts []crafted
	for _, x := range tlvs {
		pkts = append(pkts, crafted{hex: craftedUDP4(8231, 8231, x)})
	}
	// Names running past their option and cut short by the capture,
	// inside a label, a bit-string label and a pointer.
	cut := craftedUDP4(8231, 8231, hncpTLV(37, "77 02 05 61")+"62636465 00 000000")
	pkts = append(pkts, craftedCuts(cut, 8, 1)...)
	bit := craftedUDP4(8231, 8231, hncpTLV(37, "77 02 41 20")+"01020304 00 000000")
	pkts = append(pkts, craftedCuts(bit, 8, 1)...)
	ptr := craftedUDP4(8231, 8231, hncpTLV(37, "77 02 c0 02")+"0000 c0")
	pkts = append(pkts, craftedCut(ptr, 1))
	// A bit-string label and a pointer whose second byte, in the TLV's
	// padding, is not captured.
	pkts = append(pkts, craftedCut(craftedUDP4(8231, 8231, hncpTLV(37, "77 01 41")), 1),
		craftedCut(craftedUDP4(8231, 8231, hncpTLV(37, "77 01 c0")), 1),
		craftedCut(craftedUDP4(8231, 8231, hncpTLV(37, "77 02 01 61")+"c0"), 0))
	// Names read past the end of the UDP datagram, into the rest of the
	// IP payload.
	for _, x := range []string{hncpTLV(37, "77 02 c0 04") + "0000 0000 03 626364 00", hncpTLV(37, "77 02 05 61") + "62636465 00"} {
		pkts = append(pkts, crafted{hex: faultEther + faultIP4(17, 8+hexLen(x)) + "2027 2027 0010 0000 " + x})
	}
	// Over IPv6 from another port: a TLV of a future type with an odd
	// length, DHCPv6 options of unknown types and one running past its
	// TLV, then TLVs the capture cuts short.
	v6 := hncpTLV(16384, "ab") + hncpTLV(38, "0001 0000 0002 0000 001f f200 0102030405060708") +
		hncpTLV(2, "01020304") + hncpTLV(35, "00000003 02 40 fd00000000000001")
	pkts = append(pkts, crafted{hex: craftedUDP6(1646, 8231, v6, false)})
	pkts = append(pkts, craftedCuts(craftedUDP6(1646, 8231, v6, true), 30, 3)...)
	return pkts
}

// TestHNCPBranchesLikeTcpdump prints hncpBranchCases as tcpdump does.
func TestHNCPBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "hncpbranches", hncpBranchCases())
}

func init() { addFuzzSeeds(hncpBranchCases()) }

// TestFQDNBarePointerLikeTcpdump prints domain names that are only a
// compression pointer whose second byte is not captured, which tcpdump's
// fqdn_print fails on: in an HNCP DHCPv4 search option and in the DNS
// search list option of an ICMPv6 router advertisement.
func TestFQDNBarePointerLikeTcpdump(t *testing.T) {
	dnssl := "1f 02 0000 00000e10 05 6162636465 00 c0"
	craftedLikeTcpdump(t, "fqdnptr", []crafted{
		craftedCut(craftedUDP4(8231, 8231, hncpTLV(37, "77 01 c0")), 1),
		{hex: icmp6Msg(134, 0, "40 00 0708 00000000 00000000 "+dnssl)},
		{hex: icmp6Msg(134, 0, "40 00 0708 00000000 00000000 "+dnssl+" 01 01 000000000001")},
	})
}
