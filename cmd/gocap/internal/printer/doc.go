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
// more; see the file names). Protocols it does not decode get tcpdump's
// generic fallbacks (such as "UDP, length N" or "ethertype Unknown
// (0x1234)"); packets of a link type without a decoder are printed as
// tcpdump prints a type it has no printer for, "UNSUPPORTED" and a hex
// and ASCII dump (Supports tells the decoded types). Where the output
// still differs from tcpdump's,
// golden/testdata/print/expected_mismatches.txt lists the packets, and
// TestGolden reports the share printed identically.
//
// # Truncation
//
// There is one model, tcpdump's, and trunc.go holds all of it. A printer
// starts with r := p.reader("proto", b): a reader of its bytes that also
// announces proto (tcpdump's ndo_protocol) as the protocol being printed.
// A short read unwinds in one of two ways, as in tcpdump:
//
//   - r.u8, r.be16, r.be32, r.need and r.bytes (tcpdump's GET_* macros)
//     end the whole packet: they panic with toLine, which only decode,
//     the owner of the packet's line, recovers; it prints " [|proto]"
//     naming the protocol announced last (so an outer printer reading
//     again after an inner one returned names the inner one, unless it
//     calls r.announce) and, with -x, dumps the whole packet.
//   - r.check (tcpdump's ND_TCHECK with a "trunc:" label) and invalid
//     ("goto invalid") return to the nearest p.label(proto, f) or
//     r.label(f), which stands for the label: it prints " [|proto]" or
//     " (invalid)" (nd_print_trunc, nd_print_invalid) and returns, and
//     the caller goes on printing. A label with proto "" prints nothing
//     and its caller prints what tcpdump prints there (PIM's "[|pim]",
//     TCP's "[bad opt]").
//
// Where tcpdump tests a length itself and prints the marker, the printer
// does the same with r.has and r.trunc (or p.truncMark for a marker not
// its own, p.truncMarkTight for the few printed without a space); where
// it tests and then unwinds, endPacket, gotoTrunc and invalid do. The
// bare-slice functions u8, be16, be32, need and check are the same reads
// for helpers handed a []byte by a printer that already announced its
// protocol; they unwind identically (moving such helpers to a reader
// parameter, as ntp.go and the Rx argument reader do, is welcome but
// changes nothing). Only decode and label recover a panic: a
// panic other than toLine reaching decode is a decoder bug, printed as a
// truncation so one packet never ends a run, kept in p.fault for the
// tests, and failing FuzzPacket. A reader is a small value and
// allocates nothing; a panic is paid only on a truncated packet.
//
// # Adding a protocol
//
//  1. Write the printer in a file of its own, named after the protocol
//     (tcpdump's print-NAME.c is the reference for what to print; write
//     it in Go's terms, not as a transcription), as a method
//     func (p *Printer) name(b []byte, length int) that starts with
//     r := p.reader("name", b), using tcpdump's name for the marker.
//     Read through r; use r.check inside a p.label where tcpdump jumps
//     to a local "trunc:" label, and r.has/r.trunc where it tests and
//     prints itself. Split a long decoder into one function per message
//     type or TLV, with a table or a small switch choosing among them
//     (babel.go, pptp.go, radius.go, pim.go, the TCP options in tcp.go).
//     Name the set bits of a flags field with a []bitTok table and
//     bitTokString or bitTokNoSep (bittok.go), where tcpdump calls
//     bittok2str or bittok2str_nosep or tests the bits one by one.
//  2. Add its dispatch entry where tcpdump chooses it: linkDecoders
//     (linktypes.go) for a link type, ethertype (ether.go) for an
//     EtherType, the IP protocol switch (ip.go, ip6.go), or the port
//     switches udpPayload (udp.go) and tcpPayload (tcp.go); a printer
//     tcpdump reaches only with -T goes into udpForced or tcpForced
//     (ptype.go), which Options.PacketType selects before any port.
//  3. Add golden cases: a capture in golden/testdata/pcap (or one of the
//     shared tcpdump captures), then sh golden/print-gen.sh to record the
//     local tcpdump's output, and go test -run TestGolden; for packets
//     cut short or malformed, crafted packets in fault_test.go, which
//     TestFaultsLikeTcpdump prints with tcpdump too. A packet that cannot
//     match yet goes into expected_mismatches.txt (go test -run
//     TestGolden -update); that list must only shrink.
//  4. Run the fuzz target, go test -run '^$' -fuzz FuzzPacket, which
//     fails on any panic that is not a truncation.
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
