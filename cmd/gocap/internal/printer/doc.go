// Package printer decodes packets and prints them the way tcpdump 4.99.3
// does, one line per packet (more with -v or the hex dumps), so that gocap's
// output can be compared with tcpdump's byte for byte.
//
// A Printer is made with New from an Options value that mirrors tcpdump's
// printing flags, and is fed packets with Packet together with the capture's
// link type (a DLT value). It keeps the state tcpdump keeps between packets:
// the previous timestamp for -ttt, the first one for -ttttt, the packet count
// for -#, and the initial sequence numbers of each TCP connection for
// relative sequence numbers.
//
// The decoders are written by hand for the protocols tcpdump's users see
// most (Ethernet, 802.1Q, ARP, IPv4, IPv6, TCP, UDP, ICMP, ICMPv6, DNS and
// more; see the file names). Where tcpdump stops on a truncated packet it
// prints " [|proto]" and so does this package; protocols it does not decode
// get tcpdump's generic fallbacks (such as "UDP, length N" or
// "ethertype Unknown (0x1234)"); packets of a link type without a decoder
// are printed as tcpdump prints a type it has no printer for, "UNSUPPORTED"
// and a hex and ASCII dump (Supports tells the decoded types). A decoder
// bug, a panic other than the truncation the decoders signal themselves,
// is caught in Packet and printed as a truncation, " [|proto]" for the
// protocol being decoded, so one packet never ends a run; FuzzPacket
// fails on such a panic all the same. Where the output still differs from
// tcpdump's, golden/testdata/print/expected_mismatches.txt lists the
// packets, and TestGolden reports the share printed identically.
//
// Name resolution (names.go): with NumericLevel 0 the package prints what
// tcpdump prints without -n. Ports get their names from /etc/services
// (the first name listed for a number), IP protocols from tcpdump's
// built-in table, Ethernet addresses their /etc/ethers name, "Broadcast",
// or the address followed by its maker's name from tcpdump's OUI table
// ("(oui Unknown)" when it has none), at the places tcpdump prints them
// so. The files are read once per process; where one is missing its
// numbers stay numbers, as with tcpdump on such a system. Host names for
// IPv4 and IPv6 addresses come from Options.Resolver (none by default;
// gocap uses SystemResolver). With any NumericLevel everything prints as
// numbers; tcpdump 4.99.3 treats -n and -nn alike. TestNamesLikeTcpdump
// compares all this with the local tcpdump, and
// golden/testdata/print/expected_mismatches_names.txt lists the packets
// still printed differently (all also differ with -nn).
package printer
