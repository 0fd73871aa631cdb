package printer

import (
	"encoding/binary"
	"fmt"
	"strings"
)

// Ethertypes the printer decodes or names.
const (
	etIPv4     = 0x0800
	etARP      = 0x0806
	etRARP     = 0x8035
	etVLAN     = 0x8100
	etQinQ     = 0x88a8
	etVLAN9100 = 0x9100
	etVLAN9200 = 0x9200
	etJumbo    = 0x8870
	etIPv6     = 0x86dd
	etMPLS     = 0x8847
	etMPLSM    = 0x8848
	etPPPoED   = 0x8863
	etPPPoES   = 0x8864
	etLoopback = 0x9000
	etTEB      = 0x6558
	etArista   = 0xd28b
)

var ethertypeNames = map[uint16]string{
	0x0800: "IPv4", 0x8847: "MPLS unicast", 0x8848: "MPLS multicast", 0x86dd: "IPv6",
	0x8100: "802.1Q", 0x9100: "802.1Q-9100", 0x88a8: "802.1Q-QinQ", 0x9200: "802.1Q-9200",
	0x0200: "PUP", 0x0806: "ARP", 0x8035: "Reverse ARP", 0x0600: "NS",
	0x0500: "Sprite", 0x1000: "Trail", 0x6001: "MOP DL", 0x6002: "MOP RC", 0x6003: "DN",
	0x6004: "LAT", 0x6007: "SCA", 0x6558: "TEB", 0x8038: "Lanbridge", 0x803c: "DEC DNS",
	0x803e: "DEC DTS", 0x805b: "VEXP", 0x805c: "VPROD", 0x809b: "Appletalk",
	0x80f3: "Appletalk ARP", 0x8137: "IPX", 0x880b: "PPP", 0x8808: "MPCP",
	0x8809: "Slow Protocols", 0x8863: "PPPoE D", 0x8864: "PPPoE S", 0x888e: "EAPOL",
	0x8899: "Realtek protocols", 0x886f: "MS NLB heartbeat", 0x8870: "Jumbo", 0x894f: "NSH",
	0x9000: "Loopback", 0xfefe: "OSI", 0x00fe: "GRE-OSI", 0x8902: "CFM", 0xabcd: "CFM (old)",
	0x893a: "IEEE1905.1", 0x88cc: "LLDP", 0x88ca: "TIPC", 0x0707: "GeoNet (old)",
	0x8947: "GeoNet", 0x1111: "CALM FAST", 0x88a2: "AoE",
	0x88e5: "802.1AE MACsec", 0x88f7: "PTP", 0xd28b: "Arista Vendor Specific Protocol",
}

func ethertypeName(t uint16, def string) string {
	if s, ok := ethertypeNames[t]; ok {
		return s
	}
	return def
}

func mac(b []byte) string {
	var s [17]byte
	return string(appendMAC(s[:0], b))
}

// appendMAC appends the first six bytes of b as a MAC address,
// xx:xx:xx:xx:xx:xx.
func appendMAC(dst, b []byte) []byte {
	const digits = "0123456789abcdef"
	for i, c := range b[:6] {
		if i > 0 {
			dst = append(dst, ':')
		}
		dst = append(dst, digits[c>>4], digits[c&15])
	}
	return dst
}

// linkAddr formats a hardware address of any length as tcpdump does.
func linkAddr(b []byte) string {
	if len(b) == 0 {
		return "<empty>"
	}
	if len(b) == 6 {
		return mac(b)
	}
	var s strings.Builder
	for i, c := range b {
		if i > 0 {
			s.WriteByte(':')
		}
		fmt.Fprintf(&s, "%02x", c)
	}
	return s.String()
}

// etherAddrs prints an Ethernet header's addresses, "src > dst, ".
func (p *Printer) etherAddrs(b []byte) {
	p.etherAddrTo(b[6:12])
	p.print(" > ")
	p.etherAddrTo(b[0:6])
	p.print(", ")
}

// etherTypeLen prints the type (or length) field t of an Ethernet
// header of hdrlen bytes and the frame's length, as -e shows them.
func (p *Printer) etherTypeLen(t uint16, length, hdrlen int) {
	if t <= 1500 {
		// The length field, unless it says more than the frame holds.
		p.print("802.3")
		length -= hdrlen
		if int(t) < length {
			length = int(t)
		}
	} else {
		p.etherType(t)
	}
	p.print(", length ")
	p.decInt(length)
	p.print(": ")
}

// etherType prints an Ethernet type as -e shows it, briefly with -q
// (tcpdump's ether_type_print).
func (p *Printer) etherType(t uint16) {
	if p.o.Quiet {
		if s, ok := ethertypeNames[t]; ok {
			p.print(s)
		} else {
			p.printf("Unknown Ethertype (0x%04x)", t)
		}
	} else {
		p.print("ethertype ")
		p.print(ethertypeName(t, "Unknown"))
		p.print(" (0x")
		p.hexNum(uint64(t), 4)
		p.print(")")
	}
}

// etherEncap is what a link adds to the Ethernet frames it carries (the
// extra arguments of tcpdump's ether_common_print): a header of its own
// printed before the frame (LANE's LE client ID), and a switch tag of
// tagLen bytes between the source address and the type field (the
// Broadcom and Marvell DSA tags), which tag prints with or without -e.
type etherEncap struct {
	header func()
	tagLen int
	tag    func(b []byte)
}

// ether prints an Ethernet frame and returns its header length.
func (p *Printer) ether(b []byte, length int) int {
	return p.etherWith(p.reader("ether", b), length, etherEncap{})
}

// etherWith prints the Ethernet frame r holds, with what e adds to it,
// and returns its header length.
func (p *Printer) etherWith(r reader, length int, e etherEncap) int {
	b := r.b
	caplen := len(b)
	fixed := 14 + e.tagLen
	if length >= 0 && length < caplen {
		// An encapsulated frame whose length says less than was
		// captured of it (the length is unsigned in tcpdump).
		p.printf("[length %d < caplen %d] (invalid)", length, caplen)
		return length
	}
	if caplen < fixed {
		r.trunc()
		return caplen
	}
	if length < fixed {
		r.trunc()
		return length
	}
	if e.header != nil {
		e.header()
	}
	t := binary.BigEndian.Uint16(b[fixed-2:])
	if p.o.LinkHeader {
		p.etherAddrs(b)
	}
	if e.tag != nil {
		e.tag(b[12:])
	}
	// The type and length are printed here unless a VLAN tag or
	// Arista's header comes first: those print them once they know
	// their bytes were captured.
	printedLength := false
	// capLim is what tcpdump counts as captured where it is less than
	// len(b) (after a MACsec short length), or -1.
	capLim := -1
	if p.o.LinkHeader && !isVLANType(t) && t != etArista && t != etJumbo {
		p.etherTypeLen(t, length, fixed)
		printedLength = true
	}
	hdr := b
	origLen := length
	b = b[fixed:]
	length -= fixed
	hdrlen := fixed
	// fallback prints what -e would have, for a payload left undecoded.
	fallback := func(t uint16) {
		if !p.o.LinkHeader {
			p.etherAddrs(hdr)
			p.etherTypeLen(t, origLen, fixed)
		}
		if capLim >= 0 && len(b) > capLim {
			p.defaultPrint(b[:max(capLim, 0)])
			return
		}
		p.defaultPrint(b)
	}
	// typeAfter prints, with -e, the type found after a VLAN tag or
	// Arista's header, unless the next round of the loop prints it.
	typeAfter := func(t uint16) {
		if p.o.LinkHeader && t > 1500 && !isVLANType(t) && t != etArista && t != etJumbo {
			p.etherType(t)
			if printedLength {
				p.print(", ")
			} else {
				p.printf(", length %d: ", origLen)
				printedLength = true
			}
		}
	}
	for {
		switch {
		case t <= 1500:
			// A length field: the LLC payload ends there.
			if int(t) < length {
				length = int(t)
			}
			if len(b) > length {
				b = b[:length]
			}
			if p.o.LinkHeader && hdrlen > fixed {
				p.print("802.3")
				if !printedLength {
					p.printf(", length %d: ", length)
				}
			}
			n := p.llc(b, length, hdr[6:12], hdr[0:6])
			if n < 0 {
				p.defaultPrint(b)
				n = -n
			}
			return hdrlen + n
		case t == etJumbo:
			// Alteon jumbo frames: an LLC header follows the type,
			// which -e does not print.
			n := p.llc(b, length, hdr[6:12], hdr[0:6])
			if n < 0 {
				p.defaultPrint(b)
				n = -n
			}
			return hdrlen + n
		case isVLANType(t):
			avail := len(b)
			if capLim >= 0 {
				avail = min(avail, capLim)
				capLim -= 4
			}
			if avail < 4 || length < 4 {
				p.reader("vlan", b).trunc()
				return hdrlen + min(len(b), length)
			}
			if p.o.LinkHeader {
				p.etherType(t)
				if !printedLength {
					p.printf(", length %d: ", origLen)
					printedLength = true
				} else {
					p.print(", ")
				}
				p.printf("%s, ", vlanTCI(binary.BigEndian.Uint16(b)))
			}
			t = binary.BigEndian.Uint16(b[2:])
			typeAfter(t)
			b = b[4:]
			length -= 4
			hdrlen += 4
		case t == etMACsec && hdrlen == fixed:
			rest, l, caplen, n, done := p.macsecEther(b, length, hdr)
			hdrlen += n
			if done {
				return hdrlen
			}
			// The type is read from what was captured before the ICV,
			// but tcpdump goes on only if the short length covers it.
			t = be16(rest, 0)
			if caplen < 2 {
				p.printf(" [caplen %d < 2]", caplen)
				return hdrlen
			}
			// Only the ICV leaves the capture: bytes past the short
			// length stay readable, as tcpdump moves its end of
			// capture past the ICV alone.
			b, length, hdrlen, capLim = rest[2:], l-2, hdrlen+2, caplen-2
			typeAfter(t)
		case t == etArista:
			// Arista's header, then another type field.
			if len(b) < 2 || length < 2 {
				p.print("[|arista]")
				return hdrlen + min(len(b), length)
			}
			p.etherType(t)
			p.printf(", length %d: ", origLen)
			n := p.arista(b, length)
			if n < 0 {
				fallback(t)
				return hdrlen
			}
			t = be16(b, n)
			b = b[n+2:]
			length -= n + 2
			hdrlen += n + 2
			printedLength = false
			typeAfter(t)
		default:
			if !p.ethertypeFrom(t, b, length, hdr[6:12], hdr[0:6]) {
				fallback(t)
			}
			return hdrlen
		}
	}
}

// isVLANType reports whether t is one of the 802.1Q tag types tcpdump
// takes a VLAN tag for.
func isVLANType(t uint16) bool {
	return t == etVLAN || t == etQinQ || t == etVLAN9100 || t == etVLAN9200
}

func vlanTCI(tci uint16) string {
	s := sprintf("vlan %d, p %d", tci&0xfff, tci>>13)
	if tci&0x1000 != 0 {
		s += ", DEI"
	}
	return s
}

// defaultPrint is tcpdump's fallback for payloads it cannot decode: a hex
// and ASCII dump, unless a -x/-X dump follows anyway or -q asks for less
// (tcpdump's ndo_suppress_default_print; -A does not set it, so both
// dumps print).
func (p *Printer) defaultPrint(b []byte) {
	if p.suppressDefault() {
		return
	}
	p.hexASCII(b)
}

// ethertype prints the payload of the given ethertype, reporting false if
// the type is unknown.
func (p *Printer) ethertype(t uint16, b []byte, length int) bool {
	switch t {
	case etIPv4:
		p.ip(b, length)
	case etIPv6:
		p.ip6(b, length)
	case etARP, etRARP:
		p.arp(b, length)
	case etMPLS, etMPLSM:
		p.mpls(b, length)
	case etPPPoED, etPPPoES, 0x3c12, 0x3c13:
		p.pppoe(b, length)
	case etPPP:
		if length > 0 {
			p.print(": ")
			p.ppp(b, length)
		}
	case 0x88f7:
		p.ptp(b, length)
	case etLoopback:
		p.loopback(b, length)
	case 0x88cc:
		p.lldp(b, length)
	case 0x894f:
		p.nsh(b, length)
	case 0x88ca:
		p.tipc(b, length)
	case 0x809b:
		if p.o.Verbose > 0 {
			p.print("et1 ")
		}
		p.atalk(b, length)
	case 0x80f3:
		p.aarp(b, length)
	case 0x8809:
		p.slow(b, length)
	case 0x8902, 0xabcd:
		p.cfm(b, length)
	case 0x8808:
		p.mpcp(b, length)
	case 0x88a2:
		p.aoe(b, length)
	case 0x6003:
		p.decnet(b, length)
	case 0x888e:
		p.eapol(b, length)
	case 0x8947, 0x0707, 0x1111, 0x8899:
		// Without the frame's addresses (ethertypeFrom has them).
		return p.ethertypeFrom(t, b, length, nil, nil)
	case 0x886f:
		p.msnlb(b)
	case 0x8137:
		p.print("(NOV-ETHII) ")
		p.ipx(b, length)
	case 0xfefe:
		// An OSI PDU after a byte tcpdump skips unexamined.
		if length == 0 || len(b) == 0 {
			p.reader("isoclns", b).trunc()
			break
		}
		p.isoclns(b[1:], length-1)
	default:
		return false
	}
	return true
}
