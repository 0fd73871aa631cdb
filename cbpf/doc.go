// Package cbpf compiles pcap-filter(7) expressions into classic BPF, prints
// programs the way tcpdump -d, -dd and -ddd do, and runs them in a reference
// interpreter with Linux socket-filter semantics.
//
// # Entry points
//
// CompileFile (packets read from a pcap or pcapng file) and CompileLive (a
// live capture on Linux) take what their source knows as required
// arguments and set the rest as tcpdump does, the optimizer included;
// the Filter they return answers Matches for gopacket's CaptureInfo and
// data. translate.Compile does the same for a kernel hook. Compile with
// Options gives every knob; an Options with LinkType unset compiles for
// DLT_NULL.
//
// # Code generation
//
// Compile parses an expression (package parser) and generates the program
// libpcap master generates for the same expression, link type, snapshot
// length and netmask with its optimizer off, instruction for instruction.
// The generator works as libpcap's gencode.c does: every primitive becomes a
// small graph of basic blocks, "and", "or" and "not" splice those graphs by
// patching their pending true and false edges, constant-true and
// constant-false blocks are folded away when combined (as master does), and
// the final graph is laid out depth first, true branch before false branch,
// with an extra "ja" wherever a branch is too far for its 8-bit offset.
// The generated code is checked against libpcap's own test corpus (package
// golden).
//
// Primitives that depend on the link type (vlan, mpls, pppoes, llc,
// inbound, ...) report libpcap's "not supported on DLT_x" errors for link
// types without them. Every error is a *parser.Error carrying the offset of
// the offending text.
//
// Every DLT value is accepted. Link types with a known header layout
// (Ethernet and its tagged variants, 802.11, FDDI, token ring, IP over
// Fibre Channel, ATM, ARCNET, the PPP family, SS7, pflog, ...; see
// linkother.go) get their protocol, address and keyword tests; the others
// allow only "link[...]" loads, and each primitive that needs a header
// fails with libpcap's "not supported on DLT_x" message.
//
// Options.Optimize runs the optimizer (opt*.go), which works as libpcap's
// optimizer does: the program keeps every verdict and is usually shorter,
// and an expression no packet can match is the error "expression rejects
// all packets". Programs with protochain's loops stay unoptimized.
//
// For 802.11 (IEEE802_11, and behind a radio header IEEE802_11_RADIO,
// IEEE802_11_RADIO_AVS, PRISM_HEADER and PPI) the lengths of the radio
// header and of the 802.11 header are only known at run time: the program
// computes them at its start into scratch registers, as libpcap does, and
// with PPI it first checks that the packet holds 802.11 at all.
//
// # Listings
//
// Format, FormatC and FormatDecimal print a program as tcpdump -d, -dd and
// -ddd do (libpcap's bpf_image and bpf_dump). Typed and Raw convert between
// golang.org/x/net/bpf's typed instructions and raw ones without loss.
//
// # Interpreter
//
// NewVM validates a program once and VM.Run executes it over a packet the
// way the Linux kernel runs a classic socket filter: loads past the end of
// the packet and division by zero end the program with 0, ancillary loads
// (SKF_AD_*) read an Ancillary value supplied by the caller, and "len" is the
// packet's length on the wire. The doc comment of VM lists where this
// differs from golang.org/x/net/bpf's VM. A program NewVM refuses gives a
// *VMError naming the instruction (PC). NewVMLibpcap runs programs as
// libpcap does on a savefile; Filter.Matches uses it.
package cbpf
