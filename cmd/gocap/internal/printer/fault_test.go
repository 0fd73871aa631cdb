package printer

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/gocap/gocap/cbpf"
)

// crafted is a hand-made packet: its bytes in hex (spaces allowed) and
// its length on the wire, 0 meaning the bytes are all of it.
type crafted struct {
	hex  string
	wire int
}

// faultFlagSets are the flag sets the crafted packets are printed with,
// as tcpdump arguments and as Options.
var faultFlagSets = []flagSet{
	{[]string{"-nn"}, Options{NumericLevel: 2}},
	{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
	{[]string{"-nn", "-vv"}, Options{NumericLevel: 2, Verbose: 2}},
	{[]string{"-nn", "-vvv"}, Options{NumericLevel: 2, Verbose: 3}},
	{[]string{"-nn", "-x"}, Options{NumericLevel: 2, Hex: 1}},
	{[]string{"-nn", "-xx"}, Options{NumericLevel: 2, Hex: 2}},
	{[]string{"-nn", "-X"}, Options{NumericLevel: 2, HexASCII: 1}},
	{[]string{"-nn", "-XX"}, Options{NumericLevel: 2, HexASCII: 2}},
	{[]string{"-nn", "-A"}, Options{NumericLevel: 2, ASCII: 1}},
	{[]string{"-nn", "-e"}, Options{NumericLevel: 2, LinkHeader: true}},
	{[]string{"-nn", "-q"}, Options{NumericLevel: 2, Quiet: true}},
	{[]string{"-nn", "-v", "-x"}, Options{NumericLevel: 2, Verbose: 1, Hex: 1}},
	{[]string{"-nn", "-vv", "-e", "-x"}, Options{NumericLevel: 2, Verbose: 2, LinkHeader: true, Hex: 1}},
}

// Building blocks of the crafted packets.
const (
	faultEther = "000000000002 000000000001 0800 "
	// a quoted UDP datagram 10.0.0.2.5353 > 192.0.2.7.53, 28 bytes
	faultQuoted = "4500 001c 0001 0000 4011 0000 0a000002 c0000207 14e9 0035 0008 0000 "
)

// faultIP4 is an IPv4 header from 10.0.0.1 to 10.0.0.2 for a payload of
// plen bytes of the protocol.
func faultIP4(proto byte, plen int) string {
	return hex.EncodeToString([]byte{0x45, 0, byte((20 + plen) >> 8), byte(20 + plen), 0, 1, 0, 0, 64, proto, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}) + " "
}

// faultQuoted128 is a quoted UDP datagram of 128 bytes, after which an
// ICMP error's RFC 4884 extension starts.
var faultQuoted128 = "4500 0080 0001 0000 4011 0000 0a000002 c0000207 14e9 0035 006c 0000 " + strings.Repeat("00", 100) + " "

// faultCases are the packets that made decoders panic (or print
// differently from tcpdump) before the fixes of issue 12, by link type.
var faultCases = []struct {
	name     string
	linkType cbpf.LinkType
	pkts     []crafted
}{
	{"tcp-header-past-capture", cbpf.LinkEN10MB, []crafted{
		// data offset 15 (60 bytes), eol first; 24 bytes captured of 70
		{faultEther + faultIP4(6, 70) + "04d2 0050 00000001 00000002 f018 0100 0000 0000 00000000", 104},
		{faultEther + faultIP4(6, 70) + "04d2 0050 00000001 00000002 f018 0100 0000 0000 01010000", 104},
		// the same with RST, whose data -v prints
		{faultEther + faultIP4(6, 70) + "04d2 0050 00000001 00000002 f014 0100 0000 0000 00000000", 104},
		// an intact segment after them
		{faultEther + faultIP4(6, 20) + "04d2 0050 00000001 00000002 5018 0100 0000 0000", 0},
	}},
	{"tcp-short", cbpf.LinkEN10MB, []crafted{
		// options cut at an option's kind, at its length, in its data
		{faultEther + "4500 0034 0001 0000 4006 0000 0a000001 0a000002 04d2 0050 00000001 00000000 8002 ffff 0000 0000 0204 05b4", 66},
		{faultEther + "4500 0034 0001 0000 4006 0000 0a000001 0a000002 04d2 0050 00000001 00000000 8002 ffff 0000 0000 0204 05b4 03", 66},
		{faultEther + "4500 0034 0001 0000 4006 0000 0a000001 0a000002 04d2 0050 00000001 00000000 8002 ffff 0000 0000 0204 05b4 0303", 66},
		// ports cut after an IPv6 hop-by-hop header
		{"000000000002 000000000001 86dd 6000 0000 000a 0040 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
			"0600 0000 0000 0000 04d2", 76},
		// telnet, its data not captured
		{faultEther + "4500 0032 0001 0000 4006 0000 0a000001 0a000002 04d2 0017 00000001 00000002 5018 0100 0000 0000", 64},
		{faultEther + "4500 0032 0001 0000 4006 0000 0a000001 0a000002 04d2 0017 00000001 00000002 5018 0100 0000 0000 41", 64},
	}},
	{"ip-options-short", cbpf.LinkEN10MB, []crafted{
		// a timestamp option whose length is the byte after the options
		{faultEther + "4600 0024 0001 0000 4011 0000 0a000001 0a000002 01010144 14e9 0035 0008 0000", 0},
		{faultEther + "4600 0024 0001 0000 4011 0000 0a000001 0a000002 94", 60},     // no length byte
		{faultEther + "4600 0024 0001 0000 4011 0000 0a000001 0a000002 9404", 60},   // no data
		{faultEther + "4600 0024 0001 0000 4011 0000 0a000001 0a000002 940400", 60}, // data cut
		// a record route of 5 bytes: its address runs past it
		{faultEther + "4700 0028 0001 0000 4011 0000 0a000001 0a000002 0705 04 0a000009 0000 00 14e9 0035 0008 0000", 0},
		{faultEther + "4700 0028 0001 0000 4011 0000 0a000001 0a000002 440305 0a000009 0000 0000 14e9 0035 0008 0000", 0}, // timestamp of 3 bytes
		{faultEther + "4800 002c 0001 0000 4011 0000 0a000001 0a000002 440c0501 0a000009 00000064 00000000 14e9 0035 0008 0000", 0},
		{faultEther + "4800 002c 0001 0000 4011 0000 0a000001 0a000002 440c0501 0a000009 000000", 80}, // timestamp cut
		{faultEther + "4800 002c 0001 0000 4011 0000 0a000001 0a000002 070b04 0a000009 0a00", 80},     // route cut
		{faultEther + "4800 002c 0001 0000 4011 0000 0a000001 0a000002 070b04 0a000009 0a00000a 00 14e9 0035 0008 0000", 0},
	}},
	{"tcp6-header-past-capture", cbpf.LinkEN10MB, []crafted{
		{"000000000002 000000000001 86dd 6000 0000 0046 0640 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
			"04d2 0050 00000001 00000002 c018 0100 0000 0000 00010203", 124},
	}},
	{"icmp-short", cbpf.LinkEN10MB, []crafted{
		{faultEther + faultIP4(1, 2) + "0a00", 0},   // router solicitation: no checksum field
		{faultEther + faultIP4(1, 3) + "0a0011", 0}, // half the checksum field
		{faultEther + faultIP4(1, 1) + "0a", 0},     // no code
		{faultEther + faultIP4(1, 4) + "0400 fbff", 0},
		{faultEther + faultIP4(1, 4) + "0400 0000", 0},
		{faultEther + faultIP4(1, 6) + "0800 0000 0001", 0},                                             // echo, no sequence number
		{faultEther + faultIP4(1, 20) + "0303 0000 00000000 4500 001c 0001", 0},                         // port unreachable, no quoted protocol
		{faultEther + faultIP4(1, 20) + "0b00 0000 00000000 4500 001c 0001 0000", 0},                    // time exceeded, no quoted destination
		{faultEther + faultIP4(1, 20) + "0e00 0000 00010002 00000001 000000", 0},                        // time stamp reply, no transmit time
		{faultEther + faultIP4(1, 10) + "0300 0000 00000000 45", 0},                                     // quoted datagram of one byte
		{faultEther + faultIP4(1, 9) + "0300 0000 00000000 4500", 0},                                    // quoted datagram without length
		{faultEther + faultIP4(1, 36) + "0300 0000 00000000 4500 000a 0001 0000 4011 0000 0a000002", 0}, // quoted length 10
		{faultEther + faultIP4(1, 36) + "0300 0000 00000000 4500 0000 0001 0000 4011 0000 0a000002", 0}, // quoted length 0
		{faultEther + faultIP4(1, 36) + "0303 0000 00000000 " + faultQuoted, 0},                         // intact port unreachable
		{faultEther + faultIP4(1, 36) + "0310 0000 00000000 " + faultQuoted, 0},                         // unreachable code 16
		{faultEther + faultIP4(1, 36) + "0b00 0000 00000000 " + faultQuoted, 0},                         // intact time exceeded
		{faultEther + faultIP4(1, 20) + "0e00 0000 00010002 00000001 00000002 00000003", 0},             // intact time stamp reply
		{faultEther + faultIP4(1, 16) + "0900 0000 0201 0708 0a000009 00000064", 0},                     // router advertisement, address size 1
		{faultEther + faultIP4(1, 24) + "0900 0000 0202 0708 0a000009 00000064 0a00", 0},                // second address cut
		{faultEther + faultIP4(1, 24) + "0900 0000 0202 0e11 0a000009 00000064 0a000008 00000001", 0},   // two addresses
		{faultEther + faultIP4(1, 8) + "0900 0000 0002 0030", 0},                                        // none
		{faultEther + faultIP4(1, 6) + "0900 0000 0002", 0},                                             // no lifetime
		{faultEther + faultIP4(1, 137) + "0300 0000 00000000 " + faultQuoted128 + "01", 0},              // extension of 1 byte
		{faultEther + faultIP4(1, 140) + "0300 0000 00000000 " + faultQuoted128 + "2000 0000", 0},       // extension header only
		{faultEther + faultIP4(1, 148) + "0300 0000 00200000 " + faultQuoted128 + "2000 0000 0008 0101 00001234", 0},
		{faultEther + faultIP4(1, 148) + "0300 0000 00200000 " + faultQuoted128 + "2000 0000 0008 0201 00001234", 0},
		{faultEther + faultIP4(1, 160) + "0300 0000 00200000 " + faultQuoted128 + "2000 0000 0008 0101 00001234 0010 0201 0000", 0}, // second object cut
		{faultEther + faultIP4(1, 148) + "0300 0000 00200000 " + faultQuoted128 + "2000 0000 0008 0101 0000", 0},                    // label cut
		{faultEther + faultIP4(1, 144) + "0b00 0000 00200000 " + faultQuoted128 + "2000 0000 0008", 0},                              // object header cut
	}},
	{"icmp6-short", cbpf.LinkEN10MB, []crafted{
		// messages of 2 and 3 bytes: -v reads the checksum field
		{"000000000002 000000000001 86dd 6000 0000 0002 3a40 20010db8000000000000000000000001 20010db8000000000000000000000002 8000", 0},
		{"000000000002 000000000001 86dd 6000 0000 0003 3a40 20010db8000000000000000000000001 20010db8000000000000000000000002 800000", 0},
	}},
	{"ip-empty", cbpf.LinkEN10MB, []crafted{
		{"000000000002 000000000001 0800", 0},
		{"000000000002 000000000001 0800", 60},
	}},
	{"loopback-skip-past-capture", cbpf.LinkEN10MB, []crafted{
		{"aa0004001d04 aa0004006904 9000 0800", 68},
		{"aa0004001d04 aa0004006904 9000 0800 00", 68},
		{"aa0004001d04 aa0004006904 9000 0800 0000000000000000 0200", 68},
		{"aa0004001d04 aa0004006904 9000 0800 0000000000000000 0100", 68},
	}},
	// DLT_USER0 and DLT_USER15 and a type no one uses: tcpdump has no
	// printer for them.
	{"unsupported-147", 147, []crafted{
		{"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021", 0},
		{"41", 0},
		{"4142434445464748494a4b4c4d4e4f50", 100},
		{"0d0a 090a 2020 7e7f 80ff 0d 41", 0},
		{"410d 0d41 0d0d 0a0d", 0}, // carriage returns for -A
		{"0d", 0},
	}},
	{"unsupported-162", 162, []crafted{
		{faultEther + faultIP4(6, 20) + "04d2 0050 00000001 00000002 5018 0100 0000 0000", 0},
	}},
	{"unsupported-200", 200, []crafted{
		{strings.Repeat("ab", 40), 0},
	}},
}

// writeCrafted writes the packets to a pcap file of the link type and
// returns them as Packet gets them.
func writeCrafted(t *testing.T, path string, linkType cbpf.LinkType, pkts []crafted) []capturePacket {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := pcapgo.NewWriter(f)
	if err := w.WriteFileHeader(262144, layers.LinkType(linkType.FileValue())); err != nil {
		t.Fatal(err)
	}
	var out []capturePacket
	for i, c := range pkts {
		b, err := hex.DecodeString(strings.ReplaceAll(c.hex, " ", ""))
		if err != nil {
			t.Fatalf("packet %d: %v", i+1, err)
		}
		wire := c.wire
		if wire == 0 {
			wire = len(b)
		}
		ci := gopacket.CaptureInfo{Timestamp: time.Unix(1000+int64(i), 5000), CaptureLength: len(b), Length: wire}
		if err := w.WritePacket(ci, b); err != nil {
			t.Fatal(err)
		}
		out = append(out, capturePacket{PacketInfo{Timestamp: ci.Timestamp, CaptureLength: len(b), Length: wire}, b, linkType})
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFaultsLikeTcpdump prints the packets that made decoders panic
// before issue 12 (a TCP header longer than the capture, short ICMP
// messages with -v, a loopback frame skipping past the capture), others
// cut short where the decoders' truncation differed from tcpdump's (ICMP
// messages tcpdump checks the length of itself, TCP and IPv4 options, an
// IPv4 packet of no bytes, telnet), and packets of link types without a
// decoder, each with every flag set of faultFlagSets, and compares the
// output with the local tcpdump's byte for byte. No decoder may panic on
// them.
func TestFaultsLikeTcpdump(t *testing.T) {
	for _, tc := range faultCases {
		t.Run(tc.name, func(t *testing.T) {
			compareWithTcpdump(t, tc.name, tc.linkType, tc.pkts, faultFlagSets)
		})
	}
}

// panicResolver stands for a decoder bug: looking up the address it is
// given fails with a runtime error (an index out of range).
type panicResolver struct{ bad string }

func (r panicResolver) LookupAddr(_ context.Context, addr string) ([]string, error) {
	if addr == r.bad {
		var names []string
		return names[:len(addr)], nil // out of range: a runtime error
	}
	return nil, errors.New("no name")
}

// TestDecoderPanicContained checks that Packet recovers a panic that is
// not one of the decoders' truncation sentinels, prints the packet as a
// truncation of the protocol being decoded (with -x, the whole packet),
// returns normally and prints the next packet as if nothing had
// happened. The panic comes from a Resolver, called in the middle of the
// decoders: in the TCP decoder, and in IPv4 option printing, inside the
// IP decoder's own recover, which must pass it on.
func TestDecoderPanicContained(t *testing.T) {
	const bad = "10.9.9.9"
	tcpFrom := func(src string) string {
		return faultEther + "4500 0028 0001 0000 4006 0000 " + src + " 0a000002 04d2 0050 00000001 00000002 5002 0100 0000 0000"
	}
	// an IPv4 loose source route through 10.9.9.9, printed with -v
	lsrr := faultEther + "4700 0024 0001 0000 4011 0000 0a000001 0a000002 8307 040a 090909 00 " + "14e9 0035 0008 0000"
	cases := []struct {
		name    string
		o       Options
		pkt     string
		printed string // what Packet prints for pkt, less the timestamp
	}{
		{"tcp", Options{}, tcpFrom("0a090909"), "IP  [|tcp]\n"},
		{"tcp -x", Options{Hex: 1}, tcpFrom("0a090909"), "IP  [|tcp]"},
		{"ip options -v", Options{Verbose: 1}, lsrr, "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 36, options (LSRR [|ip]\n"},
	}
	next := tcpFrom("0a000001")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pkts := writeCrafted(t, filepath.Join(t.TempDir(), "p.pcap"), cbpf.LinkEN10MB, []crafted{{tc.pkt, 0}, {next, 0}})
			o := tc.o
			o.Location = time.UTC
			o.Resolver = panicResolver{bad}
			var buf bytes.Buffer
			p := New(&buf, o)
			if err := p.Packet(pkts[0].ci, pkts[0].data, pkts[0].linkType); err != nil {
				t.Fatal(err)
			}
			if p.fault == nil {
				t.Fatal("the panic was not recorded as a decoder fault")
			}
			if _, ok := p.fault.value.(runtime.Error); !ok {
				t.Errorf("fault %v (%T) is not the resolver's runtime error", p.fault.value, p.fault.value)
			}
			got := strings.TrimPrefix(buf.String(), "00:16:40.000005 ")
			if o.Hex > 0 {
				var d Printer
				d.hex(pkts[0].data) // the whole packet, link header included
				tc.printed += d.buf.String() + "\n"
			}
			if got != tc.printed {
				t.Errorf("printed %q, want %q", got, tc.printed)
			}

			// The next packet prints as a Printer that never saw the
			// fault prints it.
			buf.Reset()
			if err := p.Packet(pkts[1].ci, pkts[1].data, pkts[1].linkType); err != nil {
				t.Fatal(err)
			}
			if p.fault != nil {
				t.Errorf("next packet: fault %v", p.fault)
			}
			var fresh bytes.Buffer
			if err := New(&fresh, o).Packet(pkts[1].ci, pkts[1].data, pkts[1].linkType); err != nil {
				t.Fatal(err)
			}
			if buf.String() != fresh.String() || !strings.Contains(buf.String(), "Flags [S]") {
				t.Errorf("next packet printed %q, want %q", buf.String(), fresh.String())
			}
		})
	}
}
