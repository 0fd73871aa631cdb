package cbpf

import "fmt"

// This file exports the compiler's name and address helpers, the
// counterparts of libpcap's pcap_nametoeproto, pcap_nametollc,
// pcap_ether_aton, pcapint_atodn and pcapint_atoan, so that callers and the
// golden tests can use them without compiling a filter.

// EtherProtoByName returns the Ethernet type that the compiler uses for a
// protocol name written after "ether proto" (for example "ip" is 0x0800,
// "lldp" 0x88cc), as libpcap's pcap_nametoeproto does. Names are matched
// exactly; ok is false for a name the table does not hold.
func EtherProtoByName(name string) (proto uint32, ok bool) {
	return etherProtoByName(name)
}

// LLCByName returns the LLC SAP value that the compiler uses for a name
// written after "llc" or "ether proto" ("iso", "stp", "ipx", "netbeui"), as
// libpcap's pcap_nametollc does. ok is false for any other name.
func LLCByName(name string) (sap uint32, ok bool) {
	return llcByName(name)
}

// ParseMAC parses a MAC-48 address in one of the forms the filter language
// accepts: six groups of one or two hex digits separated by ':', '-' or '.'
// ("1:2:3:a:b:c"), three groups of four hex digits separated by '.'
// ("0102.0304.0506"), or twelve hex digits. It is the compiler's
// counterpart of libpcap's pcap_ether_aton.
func ParseMAC(s string) ([6]byte, error) {
	var mac [6]byte
	b, ok := parseMAC(s)
	if !ok || len(b) != len(mac) {
		return mac, fmt.Errorf("invalid MAC-48 address %q", s)
	}
	copy(mac[:], b)
	return mac, nil
}

// ParseDECnet parses a DECnet address "AREA.NODE" (decimal, area 0-63,
// node 0-1023) and returns it as the 16-bit value AREA<<10 | NODE that
// "decnet host" compares, as libpcap's pcapint_atodn does.
func ParseDECnet(s string) (uint16, error) {
	v, ok := atodn(s)
	if !ok || v > 0xffff {
		return 0, fmt.Errorf("invalid DECnet address %q: want AREA.NODE with area 0-63 and node 0-1023", s)
	}
	return uint16(v), nil
}

// ParseARCnet parses an ARCnet (MAC-8) address "$X" or "$XX" (one or two
// hex digits), as used by "link host" on ARCNET and MS/TP link types and by
// libpcap's pcapint_atoan.
func ParseARCnet(s string) (byte, error) {
	v, ok := parseMAC8(s)
	if !ok || v > 0xff {
		return 0, fmt.Errorf("invalid ARCnet address %q: want $X or $XX", s)
	}
	return byte(v), nil
}
