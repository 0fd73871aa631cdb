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
// "ethertype Unknown (0x1234)"). Where the output still differs from
// tcpdump's, golden/testdata/print/expected_mismatches.txt lists the
// packets, and TestGolden reports the share printed identically.
//
// Name resolution: gocap never resolves host names, and with any NumericLevel
// addresses are printed as numbers. tcpdump without -n also prints
// well-known ports by service name; this package does the same for
// NumericLevel 0 from a small built-in table (see stubs.go), and prints
// every port as a number for -n and -nn, which tcpdump 4.99.3 treats
// alike.
package printer
