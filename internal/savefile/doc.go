// Package savefile reads and writes capture files: pcap (micro- and
// nanosecond time stamps, either byte order, Kuznetzov's variant) and
// pcapng (any number of sections and interfaces). It is gocap's one home
// for them; the commands, the golden tests, the benchmarks and the eBPF
// tests all read and write captures through it.
//
// The reader follows libpcap 1.10.3 (sf-pcap.c and sf-pcapng.c): the same
// checks, in the same order, with the same error texts, so that gocap
// fails where tcpdump fails and says the same thing. Errors met after the
// file header are *LoopError values, worded as tcpdump prints them
// ("pcap_loop: ..."). The reader hands out packet data without copying
// it: the slice points into its buffer and stays valid until the next
// call to Next.
//
// Where it parts from gopacket's pcapgo, which the tests use as an outside
// check:
//   - a pcap record longer than the file's snapshot length is cut to it,
//     as libpcap does (pcapgo hands out the whole record); a pcapng one
//     stops the file, as libpcap does;
//   - a caplen over the link type's largest (262144; 128 MiB for D-Bus,
//     8 MiB for EBHSCR, 1 MiB for USBPcap) is an error, with libpcap's
//     message, where pcapgo has its own limits and wording;
//   - files of minor version below 3 (and 2.3 where caplen > len) have the
//     two lengths swapped back, as libpcap does;
//   - a snapshot length of 0 or above 2^31-1 in the header reads as the
//     link type's largest;
//   - time stamps are converted to the precision asked for with libpcap's
//     arithmetic (signed, unsigned in a pcap file of the other byte order,
//     32 bits of seconds for pcapng), not to time.Time;
//   - a pcapng interface whose link type or snapshot length is not the
//     first interface's ends the read with libpcap's error (pcapgo's
//     default too); OpenMixed accepts such files instead, each record
//     carrying its interface's link type (as pcapgo's WantMixedLinkType),
//     for filterc --test-run and for reading back NgWriter's files of
//     several link types;
//   - a pcapng packet block is checked as libpcap checks it: a known
//     interface, a captured length within the snapshot length, and as
//     many bytes in the block (a Simple Packet Block's length is the wire
//     length cut to the snapshot length); section headers after the first
//     are checked for their byte order and major version only, and skipped
//     before the first interface;
//   - a header's if_tsoffset is applied;
//   - Kuznetzov's patched format (magic 0xa1b2cd34, 24-byte record
//     headers) is read, an Ethernet one with 14 bytes more of snapshot
//     length, as libpcap allows;
//   - in a file of the other byte order, the host-order fields of the
//     pflog, NFLOG, Linux USB and Linux cooked SocketCAN pseudo-headers
//     are turned around in the packet data, and the length on the wire of
//     an incoming isochronous USB completion counted the old way is
//     mended, as libpcap's post-processing does (swap.go).
//
// The writers produce what libpcap's pcap_dump does for pcap (host byte
// order, that is little-endian, version 2.4), and pcapng of their own
// (NgWriter; libpcap 1.10.3 writes no pcapng): little-endian, one section,
// an interface a link type, the time stamp resolution asked for (where
// pcapgo's writer always declares nanoseconds). Both write through a
// RecordBuffer, which only ever hands whole records to the file; pcapgo's
// readers check what they write in the tests.
package savefile
