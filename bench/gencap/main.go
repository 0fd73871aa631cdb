// Command gencap writes a synthetic Ethernet capture (pcap, microsecond
// timestamps, little-endian) for benchmarks and examples: a deterministic
// mix of TCP connections (HTTP, HTTPS, SSH), DNS over UDP, ICMP echo, IPv6
// TCP and UDP, ARP and 802.1Q-tagged IPv4, with correct IPv4, TCP, UDP and
// ICMP checksums.
//
// Usage:
//
//	gencap [-n PACKETS] [-seed N] -o FILE
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/savefile"
)

func main() {
	n := flag.Int("n", 500000, "number of packets")
	out := flag.String("o", "", "output `FILE`")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" || *n < 0 {
		fmt.Fprintln(os.Stderr, "usage: gencap [-n PACKETS] [-seed N] -o FILE")
		os.Exit(2)
	}
	if err := write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencap:", err)
		os.Exit(1)
	}
}

func write(name string, n int, seed uint64) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w, err := savefile.NewPcapWriter(savefile.NewRecordBuffer(f), cbpf.LinkEN10MB, cbpf.LinkEN10MB.FileValue(), savefile.MaxSnaplen, savefile.Micro)
	if err != nil {
		f.Close()
		return err
	}
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), usec: 1700000000_000000}
	rec := savefile.Record{LinkType: cbpf.LinkEN10MB}
	for range n {
		pkt := g.next()
		g.usec += uint64(1 + g.r.IntN(2000))
		rec.Sec, rec.Frac = int64(g.usec/1000000), int64(g.usec%1000000)
		rec.CapLen, rec.WireLen = uint32(len(pkt)), uint32(len(pkt))
		if err := w.Write(&rec, pkt); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type gen struct {
	r    *rand.Rand
	usec uint64
	buf  []byte
	seq  uint32
}

var (
	macA = []byte{0x02, 0x00, 0x5e, 0x10, 0x00, 0x01}
	macB = []byte{0x02, 0x00, 0x5e, 0x10, 0x00, 0x02}
	bcst = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
)

// next builds one packet in g.buf.
func (g *gen) next() []byte {
	b := g.buf[:0]
	k := g.r.IntN(100)
	fwd := g.r.IntN(2) == 0
	src, dst := macA, macB
	if !fwd {
		src, dst = macB, macA
	}
	switch {
	case k < 55: // IPv4 TCP
		b = ether(b, dst, src, 0x0800)
		ports := []uint16{80, 443, 22, 8080}
		b = g.ipv4TCP(b, fwd, ports[g.r.IntN(len(ports))])
	case k < 70: // IPv4 UDP DNS
		b = ether(b, dst, src, 0x0800)
		b = g.ipv4UDP(b, fwd, 53, dnsQuery(g.r.IntN(65536)))
	case k < 75: // ICMP echo
		b = ether(b, dst, src, 0x0800)
		b = g.ipv4ICMP(b, fwd)
	case k < 85: // IPv6 TCP
		b = ether(b, dst, src, 0x86dd)
		b = g.ipv6(b, fwd, 6, g.tcp(nil, 443, fwd, g.r.IntN(400)))
	case k < 90: // IPv6 UDP
		b = ether(b, dst, src, 0x86dd)
		b = g.ipv6(b, fwd, 17, udp(nil, 5353, 5353, make([]byte, 40)))
	case k < 95: // ARP request
		b = ether(b, bcst, src, 0x0806)
		b = append(b, 0, 1, 8, 0, 6, 4, 0, 1)
		b = append(b, src...)
		b = append(b, 10, 0, 0, byte(1+g.r.IntN(200)))
		b = append(b, 0, 0, 0, 0, 0, 0)
		b = append(b, 10, 0, 0, byte(1+g.r.IntN(200)))
		for len(b) < 60 {
			b = append(b, 0)
		}
	default: // 802.1Q-tagged IPv4 TCP
		b = ether(b, dst, src, 0x8100)
		b = append(b, 0, byte(10+g.r.IntN(5)), 0x08, 0x00)
		b = g.ipv4TCP(b, fwd, 80)
	}
	g.buf = b
	return b
}

func ether(b, dst, src []byte, typ uint16) []byte {
	b = append(b, dst...)
	b = append(b, src...)
	return binary.BigEndian.AppendUint16(b, typ)
}

func (g *gen) addrs(fwd bool) (src, dst [4]byte) {
	client := [4]byte{192, 168, 1, byte(10 + g.r.IntN(20))}
	server := [4]byte{10, 0, byte(g.r.IntN(4)), byte(1 + g.r.IntN(10))}
	if fwd {
		return client, server
	}
	return server, client
}

func (g *gen) ipv4TCP(b []byte, fwd bool, port uint16) []byte {
	src, dst := g.addrs(fwd)
	seg := g.tcp(nil, port, fwd, g.payloadLen())
	pseudoSum(seg, src[:], dst[:], 6, 16)
	return ipv4(b, src, dst, 6, seg)
}

func (g *gen) ipv4UDP(b []byte, fwd bool, port uint16, payload []byte) []byte {
	src, dst := g.addrs(fwd)
	sp, dp := uint16(30000+g.r.IntN(30000)), port
	if !fwd {
		sp, dp = dp, sp
	}
	d := udp(nil, sp, dp, payload)
	pseudoSum(d, src[:], dst[:], 17, 6)
	return ipv4(b, src, dst, 17, d)
}

func (g *gen) ipv4ICMP(b []byte, fwd bool) []byte {
	src, dst := g.addrs(fwd)
	typ := byte(8)
	if !fwd {
		typ = 0
	}
	m := []byte{typ, 0, 0, 0, 0x12, 0x34, 0, byte(g.r.IntN(256))}
	m = append(m, make([]byte, 56)...)
	binary.BigEndian.PutUint16(m[2:], ^fold(sum(0, m)))
	return ipv4(b, src, dst, 1, m)
}

func (g *gen) payloadLen() int {
	switch g.r.IntN(4) {
	case 0:
		return 0
	case 1:
		return 1 + g.r.IntN(100)
	case 2:
		return 500 + g.r.IntN(500)
	}
	return 1448
}

// tcp builds a segment; the checksum is left 0 for pseudoSum.
func (g *gen) tcp(b []byte, port uint16, fwd bool, n int) []byte {
	sp, dp := uint16(40000+g.r.IntN(20000)), port
	if !fwd {
		sp, dp = dp, sp
	}
	g.seq += uint32(n) + 1
	flags := byte(0x10) // ACK
	switch g.r.IntN(20) {
	case 0:
		flags = 0x02 // SYN
	case 1:
		flags = 0x12 // SYN-ACK
	case 2:
		flags = 0x11 // FIN-ACK
	default:
		if n > 0 {
			flags = 0x18 // PSH-ACK
		}
	}
	b = binary.BigEndian.AppendUint16(b, sp)
	b = binary.BigEndian.AppendUint16(b, dp)
	b = binary.BigEndian.AppendUint32(b, g.seq)
	b = binary.BigEndian.AppendUint32(b, g.seq*7)
	b = append(b, 0x80, flags, 0x01, 0xf5, 0, 0, 0, 0)
	b = append(b, 1, 1, 8, 10) // nop, nop, timestamps
	b = binary.BigEndian.AppendUint32(b, g.seq*3)
	b = binary.BigEndian.AppendUint32(b, g.seq*5)
	for i := range n {
		b = append(b, byte('a'+i%26))
	}
	return b
}

func udp(b []byte, sp, dp uint16, payload []byte) []byte {
	b = binary.BigEndian.AppendUint16(b, sp)
	b = binary.BigEndian.AppendUint16(b, dp)
	b = binary.BigEndian.AppendUint16(b, uint16(8+len(payload)))
	b = append(b, 0, 0)
	return append(b, payload...)
}

func dnsQuery(id int) []byte {
	b := []byte{byte(id >> 8), byte(id), 1, 0, 0, 1, 0, 0, 0, 0, 0, 0}
	for _, l := range []string{"www", "example", "com"} {
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	return append(b, 0, 0, 1, 0, 1)
}

var ipID uint16

func ipv4(b []byte, src, dst [4]byte, proto byte, payload []byte) []byte {
	ipID++
	start := len(b)
	b = append(b, 0x45, 0)
	b = binary.BigEndian.AppendUint16(b, uint16(20+len(payload)))
	b = binary.BigEndian.AppendUint16(b, ipID)
	b = append(b, 0x40, 0, 64, proto, 0, 0)
	b = append(b, src[:]...)
	b = append(b, dst[:]...)
	binary.BigEndian.PutUint16(b[start+10:], ^fold(sum(0, b[start:start+20])))
	return append(b, payload...)
}

func (g *gen) ipv6(b []byte, fwd bool, next byte, payload []byte) []byte {
	src := []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, byte(1 + g.r.IntN(9))}
	dst := []byte{0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, byte(1 + g.r.IntN(9))}
	if !fwd {
		src, dst = dst, src
	}
	off := 16
	if next == 17 {
		off = 6
	}
	pseudoSum(payload, src, dst, next, off)
	b = append(b, 0x60, 0, 0, 0)
	b = binary.BigEndian.AppendUint16(b, uint16(len(payload)))
	b = append(b, next, 64)
	b = append(b, src...)
	b = append(b, dst...)
	return append(b, payload...)
}

// pseudoSum fills in a TCP or UDP checksum at seg[off:].
func pseudoSum(seg, src, dst []byte, proto byte, off int) {
	s := sum(0, src)
	s = sum(s, dst)
	s += uint32(proto) + uint32(len(seg))
	s = sum(s, seg)
	c := ^fold(s)
	if c == 0 && proto == 17 {
		c = 0xffff
	}
	binary.BigEndian.PutUint16(seg[off:], c)
}

func sum(s uint32, b []byte) uint32 {
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	return s
}

func fold(s uint32) uint16 {
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	return uint16(s)
}
