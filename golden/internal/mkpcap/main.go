// Command mkpcap writes the small captures that gocap's verdict tests run
// filters over (golden/testdata/pcap). It builds every packet byte by byte,
// writes classic little-endian pcap files, and is deterministic: running it
// twice gives identical files. golden/gen.sh runs it.
//
// Usage:
//
//	go run ./golden/internal/mkpcap -out golden/testdata/pcap
//
// Each packet's timestamp is 1700000000+i seconds and i microseconds, where
// i is its index in the file, so the verdict generator can tell which
// packets tcpdump kept.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/gocap/gocap/golden/internal/pcapfile"
)

// Snaplen is the snapshot length in every file header; it is also the
// value a matching filter returns.
const Snaplen = 262144

// BaseSec is the timestamp, in seconds, of packet 0.
const BaseSec = 1700000000

// pkt is one packet to write: its bytes and, for truncated captures, the
// length it had on the wire (0 means len(data)).
type pkt struct {
	data    []byte
	origLen int
}

// capture is one output file.
type capture struct {
	file     string
	linkType uint32 // LINKTYPE_ value
	pkts     []pkt
}

// LINKTYPE_ values (as stored in files; DLT_RAW is LINKTYPE_RAW 101).
const (
	ltNull      = 0
	ltEthernet  = 1
	ltRaw       = 101
	ltLoop      = 108
	ltLinuxSLL  = 113
	ltIPv4      = 228
	ltIPv6      = 229
	ltLinuxSLL2 = 276
)

func main() {
	out := flag.String("out", "golden/testdata/pcap", "directory to write the captures into")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	for _, c := range captures() {
		f := &pcapfile.File{Header: pcapfile.Header{
			VersionMajor: 2, VersionMinor: 4, Snaplen: Snaplen, LinkType: c.linkType, ByteOrder: binary.LittleEndian,
		}}
		for i, p := range c.pkts {
			orig := p.origLen
			if orig == 0 {
				orig = len(p.data)
			}
			f.Packets = append(f.Packets, pcapfile.Packet{
				Sec: BaseSec + uint32(i), Frac: uint32(i), OrigLen: uint32(orig), Data: p.data,
			})
		}
		var buf bytes.Buffer
		if err := pcapfile.Write(&buf, f); err != nil {
			log.Fatal(err)
		}
		path := filepath.Join(*out, c.file)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d packets\n", path, len(c.pkts))
	}
}

// l3 is a network-layer packet: IPv4 or IPv6 bytes.
type l3 struct {
	v6      bool
	data    []byte
	origLen int // wire length if the capture is cut short, else 0
	bcast   bool
	mcast   bool
}

func v4(h ip4, payload []byte) l3 {
	a := addr(h.dst)
	return l3{data: h.build(payload), bcast: h.dst == "255.255.255.255", mcast: a.IsMulticast()}
}

func v6(src, dst string, nh byte, payload []byte) l3 {
	return l3{v6: true, data: ip6(src, dst, nh, payload), mcast: addr(dst).IsMulticast()}
}

// innerEth is the Ethernet frame carried in the tunnel packets.
func innerEth(etype uint16, payload []byte) []byte {
	return eth("02:00:00:00:01:02", "02:00:00:00:01:01", etype, payload)
}

// network returns the IPv4 and IPv6 packets that every capture carries.
func network() []l3 {
	var ps []l3
	add := func(p l3) { ps = append(ps, p) }
	// TCP handshakes and flags.
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoTCP, id: 1, df: true}, tcp(1234, 80, syn, nil)))
	add(v4(ip4{src: "10.0.0.2", dst: "10.0.0.1", proto: protoTCP, id: 2, df: true}, tcp(80, 1234, syn|ack, nil)))
	add(v4(ip4{src: "192.168.1.10", dst: "10.0.0.1", proto: protoTCP, id: 3}, tcp(22, 50000, psh|ack, fill(100))))
	add(v4(ip4{src: "10.0.0.1", dst: "172.16.5.4", proto: protoTCP, id: 4}, tcp(443, 40000, fin|ack, nil)))
	add(v4(ip4{src: "172.16.5.4", dst: "10.0.0.1", proto: protoTCP, id: 5}, tcp(40000, 443, rst, nil)))
	add(v4(ip4{src: "10.1.2.3", dst: "10.0.0.2", proto: protoTCP, id: 6, tos: 0x10}, tcp(1500, 23, urg|psh|ack, fill(10))))
	add(v4(ip4{src: "10.0.0.2", dst: "10.1.2.3", proto: protoTCP, id: 7}, tcp(2000, 8080, ece|cwr|syn, nil)))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoTCP, id: 8}, tcpOpts(3333, 8080, syn, nil)))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoTCP, id: 9, options: []byte{0x94, 4, 0, 0}}, tcp(5555, 80, psh|ack, fill(20))))
	add(v4(ip4{src: "10.0.0.2", dst: "10.0.0.1", proto: protoTCP, id: 10}, tcp(80, 1234, psh|ack, fill(1400))))
	// UDP.
	add(v4(ip4{src: "10.0.0.1", dst: "8.8.8.8", proto: protoUDP, id: 11}, udp(40001, 53, fill(30))))
	add(v4(ip4{src: "8.8.8.8", dst: "10.0.0.1", proto: protoUDP, id: 12, ttl: 120}, udp(53, 40001, fill(60))))
	add(v4(ip4{src: "10.0.0.3", dst: "10.0.0.4", proto: protoUDP, id: 13}, udp(1500, 1999, fill(4))))
	add(v4(ip4{src: "0.0.0.0", dst: "255.255.255.255", proto: protoUDP, id: 14}, udp(68, 67, fill(240))))
	add(v4(ip4{src: "10.0.0.5", dst: "224.0.0.251", proto: protoUDP, id: 15, ttl: 255}, udp(5353, 5353, fill(20))))
	add(v4(ip4{src: "10.0.0.5", dst: "10.0.0.255", proto: protoUDP, id: 16}, udp(137, 137, fill(50))))
	// ICMP.
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoICMP, id: 17}, icmp(8, 0, fill(56))))
	add(v4(ip4{src: "10.0.0.2", dst: "10.0.0.1", proto: protoICMP, id: 18}, icmp(0, 0, fill(56))))
	add(v4(ip4{src: "10.9.9.9", dst: "10.0.0.1", proto: protoICMP, id: 19}, icmp(3, 3, ip4{src: "10.0.0.1", dst: "10.9.9.9", proto: protoUDP}.build(udp(40002, 33434, nil)))))
	add(v4(ip4{src: "10.9.9.8", dst: "10.0.0.1", proto: protoICMP, id: 20}, icmp(11, 0, fill(28))))
	// Other IP protocols.
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoSCTP, id: 21}, sctp(2905, 2905)))
	add(v4(ip4{src: "10.0.0.7", dst: "224.0.0.1", proto: protoIGMP, id: 22, ttl: 1}, igmp(0x11, "0.0.0.0")))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoGRE, id: 23}, gre(etIPv4, ip4{src: "192.168.7.1", dst: "192.168.7.2", proto: protoICMP}.build(icmp(8, 0, nil)))))
	add(v4(ip4{src: "10.0.0.8", dst: "224.0.0.5", proto: protoOSPF, id: 24, ttl: 1}, fill(44)))
	add(v4(ip4{src: "10.0.0.8", dst: "224.0.0.13", proto: protoPIM, id: 25, ttl: 1}, fill(26)))
	add(v4(ip4{src: "10.0.0.8", dst: "224.0.0.18", proto: protoVRRP, id: 26, ttl: 255}, fill(20)))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoESP, id: 27}, fill(64)))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoAH, id: 28}, ah(protoTCP, tcp(4000, 80, ack, nil))))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoIPv6, id: 29}, ip6("2001:db8::1", "2001:db8::2", protoUDP, udp(1000, 53, nil))))
	// Fragments: the later fragment's first bytes look like UDP ports 53.
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoUDP, id: 30, mf: true}, udp(4444, 53, fill(1472))[:1480]))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoUDP, id: 30, fragOff: 185}, cat(be16(53), be16(53), fill(100))))
	// Truncated capture: only 40 of the bytes were saved.
	full := ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoTCP, id: 31}.build(tcp(1234, 80, ack, fill(200)))
	ps = append(ps, l3{data: full[:30], origLen: len(full)})

	// IPv6.
	add(v6("2001:db8::1", "2001:db8::2", protoTCP, tcp(1234, 80, syn, nil)))
	add(v6("2001:db8::2", "2001:db8::1", protoTCP, tcp(80, 1234, syn|ack, nil)))
	add(v6("2001:db8::2", "2001:db8::1", protoUDP, udp(53, 40000, fill(40))))
	add(v6("2001:db8:1::5", "2001:db8::1", protoUDP, udp(1500, 1999, fill(8))))
	add(v6("2001:db8::1", "2001:db8::2", protoICMPv6, icmp(128, 0, fill(32))))
	add(v6("2001:db8::2", "2001:db8::1", protoICMPv6, icmp(129, 0, fill(32))))
	add(v6("2001:db8::1", "ff02::1:ff00:2", protoICMPv6, icmp(135, 0, fill(16))))
	add(v6("fe80::1", "ff02::1", protoICMPv6, icmp(134, 0, fill(8))))
	add(v6("fe80::2", "ff02::16", protoHopOpts, ext6Opts(protoICMPv6, icmp(143, 0, fill(20)))))
	add(v6("2001:db8::1", "2001:db8::3", protoRouting, routing6(protoTCP, "2001:db8::9", tcp(5000, 443, syn, nil))))
	add(v6("2001:db8::1", "2001:db8::2", protoFrag, frag6(protoUDP, 0, true, 7, udp(5001, 53, fill(64)))))
	add(v6("2001:db8::1", "2001:db8::2", protoFrag, frag6(protoUDP, 9, false, 7, cat(be16(53), be16(53), fill(16)))))
	add(v6("2001:db8::1", "2001:db8::2", protoDstOpts, ext6Opts(protoUDP, udp(5002, 514, fill(8)))))
	add(v6("2001:db8::1", "2001:db8::2", protoHopOpts, ext6Opts(protoDstOpts, ext6Opts(protoTCP, tcp(5003, 22, ack, nil)))))
	add(v6("2001:db8::1", "2001:db8::2", protoAH, ah(protoTCP, tcp(5004, 80, ack, nil))))
	add(v6("2001:db8::1", "2001:db8::2", protoSCTP, sctp(2905, 2905)))
	add(v6("2001:db8::7", "ff02::fb", protoUDP, udp(5353, 5353, fill(12))))
	add(v6("2001:db8::1", "2001:db8::2", protoNone, nil))
	add(v6("2001:db8::1", "2001:db8::2", protoIPIP, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoTCP}.build(tcp(1, 80, syn, nil))))
	// Tunnels with an inner Ethernet frame.
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoUDP, id: 32}, udp(50000, 4789,
		vxlan(100, innerEth(etIPv4, ip4{src: "192.168.50.1", dst: "192.168.50.2", proto: protoTCP}.build(tcp(1234, 80, syn, nil)))))))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoUDP, id: 33}, udp(50001, 4789,
		vxlan(200, innerEth(etARP, arp(etARP, 1, "02:00:00:00:01:01", "192.168.50.1", "00:00:00:00:00:00", "192.168.50.2")[14:])))))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoUDP, id: 34}, udp(50002, 6081,
		geneve(100, etTEB, innerEth(etIPv4, ip4{src: "192.168.60.1", dst: "192.168.60.2", proto: protoUDP}.build(udp(40000, 53, fill(10))))))))
	add(v4(ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoUDP, id: 35}, udp(50003, 6081,
		geneve(200, etTEB, innerEth(etIPv6, ip6("2001:db8:60::1", "2001:db8:60::2", protoTCP, tcp(1234, 443, syn, nil)))))))
	add(v6("2001:db8::1", "2001:db8::2", protoUDP, udp(50004, 4789,
		vxlan(300, innerEth(etIPv4, ip4{src: "192.168.70.1", dst: "192.168.70.2", proto: protoICMP}.build(icmp(8, 0, nil)))))))
	add(v6("2001:db8::1", "2001:db8::2", protoUDP, udp(50005, 6081,
		geneve(300, etIPv4, ip4{src: "192.168.80.1", dst: "192.168.80.2", proto: protoTCP}.build(tcp(1234, 22, syn, nil))))))
	return ps
}

const (
	macA     = "00:11:22:33:44:55"
	macB     = "66:77:88:99:aa:bb"
	macBcast = "ff:ff:ff:ff:ff:ff"
)

// mcastMAC returns the Ethernet multicast address for a network packet.
func mcastMAC(p l3) string {
	if p.v6 {
		return "33:33:00:00:00:01"
	}
	return "01:00:5e:00:00:01"
}

func ethernet() []pkt {
	var ps []pkt
	add := func(b []byte) { ps = append(ps, pkt{data: b}) }
	for i, p := range network() {
		et := uint16(etIPv4)
		if p.v6 {
			et = etIPv6
		}
		dst, src := macB, macA
		if i%2 == 1 {
			dst, src = macA, macB
		}
		switch {
		case p.bcast:
			dst = macBcast
		case p.mcast:
			dst = mcastMAC(p)
		}
		frame := eth(dst, src, et, p.data)
		orig := 0
		if p.origLen != 0 {
			orig = 14 + p.origLen
		}
		ps = append(ps, pkt{data: frame, origLen: orig})
	}
	tcp4 := func(src, dst string, dport uint16) []byte {
		return ip4{src: src, dst: dst, proto: protoTCP}.build(tcp(1234, dport, syn, nil))
	}
	udp6 := ip6("2001:db8::1", "2001:db8::2", protoUDP, udp(1234, 53, nil))
	// ARP and RARP.
	add(arp(etARP, 1, macA, "10.0.0.1", "00:00:00:00:00:00", "10.0.0.2"))
	reply := arp(etARP, 2, macB, "10.0.0.2", macA, "10.0.0.1")
	a := mustMAC(macA)
	copy(reply[0:6], a[:])
	add(reply)
	add(arp(etRARP, 3, macA, "0.0.0.0", macA, "0.0.0.0"))
	// 802.1Q, QinQ.
	add(eth(macB, macA, etVLAN, vlanTag(100, etIPv4, tcp4("10.0.0.1", "10.0.0.2", 80))))
	add(eth(macB, macA, etVLAN, vlanTag(0x2000|200, etIPv6, udp6)))
	add(eth(macBcast, macA, etVLAN, vlanTag(100, etARP, arp(etARP, 1, macA, "10.0.0.1", "00:00:00:00:00:00", "10.0.0.9")[14:])))
	add(eth(macB, macA, etQinQ, vlanTag(300, etVLAN, vlanTag(100, etIPv4, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoUDP}.build(udp(1234, 53, nil))))))
	add(eth(macB, macA, etVLAN, vlanTag(10, etVLAN, vlanTag(20, etIPv4, tcp4("10.0.0.3", "10.0.0.4", 22)))))
	// MPLS.
	add(eth(macB, macA, etMPLS, cat(mplsLabel(100, true, 64), tcp4("10.0.0.1", "10.0.0.2", 80))))
	add(eth(macB, macA, etMPLS, cat(mplsLabel(100, false, 64), mplsLabel(200, true, 64), tcp4("10.0.0.5", "10.0.0.6", 443))))
	add(eth(macB, macA, etMPLS, cat(mplsLabel(300, true, 64), udp6)))
	add(eth(macB, macA, etVLAN, vlanTag(100, etMPLS, cat(mplsLabel(400, true, 64), tcp4("10.0.0.1", "10.0.0.2", 8080)))))
	add(eth(macB, macA, etMPLSMC, cat(mplsLabel(500, true, 64), tcp4("10.0.0.1", "10.0.0.2", 80))))
	// PPPoE.
	add(eth(macBcast, macA, etPPPoED, pppoe(0x09, 0, []byte{0x01, 0x01, 0, 0})))
	add(eth(macA, macB, etPPPoED, pppoe(0x07, 0, []byte{0x01, 0x02, 0, 4, 'a', 'c', '0', '1'})))
	add(eth(macB, macA, etPPPoES, pppoe(0, 0x1234, cat(be16(0x0021), tcp4("10.0.0.1", "10.0.0.2", 80)))))
	add(eth(macB, macA, etPPPoES, pppoe(0, 0x1234, cat(be16(0x0057), udp6))))
	add(eth(macB, macA, etPPPoES, pppoe(0, 0x0042, cat(be16(0xc021), []byte{1, 1, 0, 4}))))
	// IEEE 802.3 with LLC: SNAP-encapsulated IPv4, STP, IPX, NetBEUI.
	add(dot3(macB, macA, cat([]byte{0xaa, 0xaa, 0x03, 0, 0, 0}, be16(etIPv4), tcp4("10.0.0.1", "10.0.0.2", 80))))
	add(dot3("01:80:c2:00:00:00", macA, cat([]byte{0x42, 0x42, 0x03}, make([]byte, 35))))
	add(dot3(macBcast, macA, cat([]byte{0xff, 0xff}, be16(30), fill(26))))
	add(dot3(macBcast, macA, cat([]byte{0xe0, 0xe0, 0x03, 0xff, 0xff}, be16(30), fill(26))))
	add(dot3("03:00:00:00:00:01", macA, cat([]byte{0xf0, 0xf0, 0x03}, fill(20))))
	add(dot3(macB, macA, cat([]byte{0xf0, 0xf0, 0x00, 0x02}, fill(20))))
	add(dot3(macB, macA, cat([]byte{0xf0, 0xf0, 0x01, 0x02}, fill(4))))
	// IS-IS PDUs: L1 and L2 LAN hello, L1 and L2 LSP, CSNP, PSNP.
	for _, typ := range []byte{15, 16, 18, 20, 24, 26} {
		dst := "01:80:c2:00:00:14"
		if typ == 16 || typ == 20 {
			dst = "01:80:c2:00:00:15"
		}
		add(dot3(dst, macA, isis(typ)))
	}
	// Other OSI network layer protocols: CLNP and ES-IS.
	add(dot3("09:00:2b:00:00:04", macA, cat([]byte{0xfe, 0xfe, 0x03, 0x81, 20, 1}, fill(30))))
	add(dot3("09:00:2b:00:00:05", macA, cat([]byte{0xfe, 0xfe, 0x03, 0x82, 20, 1}, fill(30))))
	// DECnet Phase IV routing: short, padded short and long formats.
	add(eth("aa:00:04:00:02:04", "aa:00:04:00:01:04", etDECnet, decnetShort(decnetAddr(1, 2), decnetAddr(1, 1), 0)))
	add(eth("aa:00:04:00:02:04", "aa:00:04:00:03:08", etDECnet, decnetShort(decnetAddr(1, 2), decnetAddr(2, 3), 1)))
	add(eth("aa:00:04:00:05:0c", "aa:00:04:00:02:04", etDECnet, decnetLong(decnetAddr(3, 5), decnetAddr(1, 2))))
	// Other Ethernet types: AppleTalk, AARP, LAT, MOP, LLDP, IPX, loopback.
	add(eth("09:00:07:ff:ff:ff", macA, 0x809b, fill(30)))
	add(eth(macBcast, macA, 0x80f3, fill(28)))
	add(eth("09:00:2b:00:00:0f", macA, 0x6004, fill(30)))
	add(eth("ab:00:00:01:00:00", macA, 0x6001, fill(30)))
	add(eth("ab:00:00:02:00:00", macA, 0x6002, fill(30)))
	add(eth("01:80:c2:00:00:0e", macA, 0x88cc, fill(40)))
	add(eth(macBcast, macA, 0x8137, cat([]byte{0xff, 0xff}, be16(30), fill(26))))
	add(eth(macA, macA, 0x9000, fill(40)))
	return ps
}

func raw(want func(l3) bool) []pkt {
	var ps []pkt
	for _, p := range network() {
		if want(p) {
			ps = append(ps, pkt{data: p.data, origLen: p.origLen})
		}
	}
	return ps
}

// withHeader prefixes every network packet with a link-layer header, and
// adds extra packets (already with headers) at the end.
func withHeader(hdr func(i int, p l3) []byte, extra ...[]byte) []pkt {
	var ps []pkt
	for i, p := range network() {
		h := hdr(i, p)
		orig := 0
		if p.origLen != 0 {
			orig = len(h) + p.origLen
		}
		ps = append(ps, pkt{data: cat(h, p.data), origLen: orig})
	}
	for _, b := range extra {
		ps = append(ps, pkt{data: b})
	}
	return ps
}

// nullAF gives the AF_ value for DLT_NULL and DLT_LOOP: AF_INET, or one of
// the three BSD AF_INET6 values in turn.
func nullAF(i int, p l3) uint32 {
	if !p.v6 {
		return 2
	}
	return []uint32{24, 28, 30}[i%3]
}

// sll builds a Linux cooked v1 header.
func sll(pktType uint16, proto uint16, hw string) []byte {
	m := mustMAC(hw)
	return cat(be16(pktType), be16(1), be16(6), m[:], []byte{0, 0}, be16(proto))
}

// sll2 builds a Linux cooked v2 header.
func sll2(proto uint16, ifindex uint32, pktType byte, hw string) []byte {
	m := mustMAC(hw)
	return cat(be16(proto), be16(0), be32(ifindex), be16(1), []byte{pktType, 6}, m[:], []byte{0, 0})
}

// Linux packet types (PACKET_HOST etc.).
const (
	pktHost      = 0
	pktBroadcast = 1
	pktMulticast = 2
	pktOtherHost = 3
	pktOutgoing  = 4
)

func linuxPktType(i int, p l3) uint16 {
	switch {
	case p.bcast:
		return pktBroadcast
	case p.mcast:
		return pktMulticast
	case i%5 == 4:
		return pktOtherHost
	case i%2 == 1:
		return pktOutgoing
	}
	return pktHost
}

func etherType(p l3) uint16 {
	if p.v6 {
		return etIPv6
	}
	return etIPv4
}

func captures() []capture {
	arpBody := arp(etARP, 1, macA, "10.0.0.1", "00:00:00:00:00:00", "10.0.0.2")[14:]
	stp := cat([]byte{0x42, 0x42, 0x03}, make([]byte, 35))
	return []capture{
		{"en10mb.pcap", ltEthernet, ethernet()},
		{"raw.pcap", ltRaw, raw(func(l3) bool { return true })},
		{"ipv4.pcap", ltIPv4, raw(func(p l3) bool { return !p.v6 })},
		{"ipv6.pcap", ltIPv6, raw(func(p l3) bool { return p.v6 })},
		{"null.pcap", ltNull, withHeader(func(i int, p l3) []byte {
			return binary.LittleEndian.AppendUint32(nil, nullAF(i, p))
		}, cat(binary.LittleEndian.AppendUint32(nil, 7), fill(40)))},
		{"loop.pcap", ltLoop, withHeader(func(i int, p l3) []byte {
			return be32(nullAF(i, p))
		}, cat(be32(7), fill(40)))},
		{"linux_sll.pcap", ltLinuxSLL, withHeader(func(i int, p l3) []byte {
			return sll(linuxPktType(i, p), etherType(p), macA)
		}, cat(sll(pktBroadcast, etARP, macA), arpBody),
			cat(sll(pktOutgoing, etARP, macB), arpBody),
			cat(sll(pktMulticast, 0x0004, macA), stp),
			cat(sll(pktHost, etVLAN, macB), vlanTag(100, etIPv4, ip4{src: "10.0.0.1", dst: "10.0.0.2", proto: protoTCP}.build(tcp(1, 80, syn, nil)))))},
		{"linux_sll2.pcap", ltLinuxSLL2, withHeader(func(i int, p l3) []byte {
			return sll2(etherType(p), uint32(1+i%3), byte(linuxPktType(i, p)), macA)
		}, cat(sll2(etARP, 2, pktBroadcast, macA), arpBody),
			cat(sll2(etARP, 3, pktOutgoing, macB), arpBody),
			cat(sll2(0x0004, 2, pktMulticast, macA), stp))},
	}
}
