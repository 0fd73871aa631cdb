// Package parser reads pcap-filter(7) expressions, the filter language of
// tcpdump and libpcap, into a syntax tree whose nodes carry byte offsets.
//
// Parse follows libpcap's grammar, including its rules for passing the
// qualifiers of one primitive on to a following bare ID ("tcp port 80 or
// 443"). Checks that depend on the link type, and name lookups, are left to
// the code generator in package cbpf; every error from either stage is an
// *Error with the offset of the offending text.
package parser
