package main

import (
	"encoding/binary"
	"net/netip"
)

// This file builds packets byte by byte. Checksums other than the IPv4
// header checksum are left zero: BPF filters never check them.

func be16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// fill returns n bytes of a recognisable payload pattern.
func fill(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + i%26)
	}
	return b
}

func addr(s string) netip.Addr { return netip.MustParseAddr(s) }

type mac [6]byte

func mustMAC(s string) mac {
	var m mac
	for i := range 6 {
		m[i] = hexByte(s[3*i:])
	}
	return m
}

func hexByte(s string) byte {
	v := func(c byte) byte {
		switch {
		case c >= '0' && c <= '9':
			return c - '0'
		case c >= 'a' && c <= 'f':
			return c - 'a' + 10
		}
		panic("bad hex digit " + string(c))
	}
	return v(s[0])<<4 | v(s[1])
}

// IP protocol numbers used below.
const (
	protoHopOpts = 0
	protoICMP    = 1
	protoIGMP    = 2
	protoIPIP    = 4
	protoTCP     = 6
	protoUDP     = 17
	protoIPv6    = 41
	protoRouting = 43
	protoFrag    = 44
	protoGRE     = 47
	protoESP     = 50
	protoAH      = 51
	protoICMPv6  = 58
	protoNone    = 59
	protoDstOpts = 60
	protoOSPF    = 89
	protoPIM     = 103
	protoVRRP    = 112
	protoSCTP    = 132
)

// TCP flags.
const (
	fin = 0x01
	syn = 0x02
	rst = 0x04
	psh = 0x08
	ack = 0x10
	urg = 0x20
	ece = 0x40
	cwr = 0x80
)

// ip4 describes an IPv4 header.
type ip4 struct {
	src, dst string
	proto    byte
	ttl      byte // 0 means 64
	tos      byte
	id       uint16
	mf       bool   // more fragments
	df       bool   // don't fragment
	fragOff  uint16 // in 8-byte units
	options  []byte // padded by the caller to a multiple of 4
}

func (h ip4) build(payload []byte) []byte {
	hl := 20 + len(h.options)
	b := make([]byte, hl, hl+len(payload))
	b[0] = 0x40 | byte(hl/4)
	b[1] = h.tos
	binary.BigEndian.PutUint16(b[2:], uint16(hl+len(payload)))
	binary.BigEndian.PutUint16(b[4:], h.id)
	ff := h.fragOff & 0x1fff
	if h.mf {
		ff |= 0x2000
	}
	if h.df {
		ff |= 0x4000
	}
	binary.BigEndian.PutUint16(b[6:], ff)
	b[8] = h.ttl
	if b[8] == 0 {
		b[8] = 64
	}
	b[9] = h.proto
	s, d := addr(h.src).As4(), addr(h.dst).As4()
	copy(b[12:], s[:])
	copy(b[16:], d[:])
	copy(b[20:], h.options)
	var sum uint32
	for i := 0; i < hl; i += 2 {
		sum += uint32(binary.BigEndian.Uint16(b[i:]))
	}
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	binary.BigEndian.PutUint16(b[10:], ^uint16(sum))
	return append(b, payload...)
}

// ip6 builds an IPv6 header with next header nh before payload.
func ip6(src, dst string, nh byte, payload []byte) []byte {
	b := make([]byte, 40, 40+len(payload))
	b[0] = 0x60
	binary.BigEndian.PutUint16(b[4:], uint16(len(payload)))
	b[6] = nh
	b[7] = 64
	s, d := addr(src).As16(), addr(dst).As16()
	copy(b[8:], s[:])
	copy(b[24:], d[:])
	return append(b, payload...)
}

// ext6 builds an IPv6 hop-by-hop or destination options header padded with
// a PadN option to 8 bytes.
func ext6Opts(nh byte, payload []byte) []byte {
	return cat([]byte{nh, 0, 1, 4, 0, 0, 0, 0}, payload)
}

// routing6 builds a type 0 routing header with one address.
func routing6(nh byte, via string, payload []byte) []byte {
	a := addr(via).As16()
	return cat([]byte{nh, 2, 0, 1, 0, 0, 0, 0}, a[:], payload)
}

// frag6 builds an IPv6 fragment header.
func frag6(nh byte, off uint16, more bool, id uint32, payload []byte) []byte {
	v := off << 3
	if more {
		v |= 1
	}
	return cat([]byte{nh, 0}, be16(v), be32(id), payload)
}

// ah builds an authentication header with a 12-byte ICV.
func ah(nh byte, payload []byte) []byte {
	return cat([]byte{nh, 4, 0, 0}, be32(0x1000), be32(1), make([]byte, 12), payload)
}

func tcp(sport, dport uint16, flags byte, payload []byte) []byte {
	return cat(be16(sport), be16(dport), be32(1000), be32(2000), []byte{5 << 4, flags}, be16(65535), be16(0), be16(0), payload)
}

// tcpOpts is tcp with 12 bytes of options (MSS, SACK permitted, NOPs,
// window scale), so the data offset is 8.
func tcpOpts(sport, dport uint16, flags byte, payload []byte) []byte {
	opts := []byte{2, 4, 0x05, 0xb4, 4, 2, 1, 1, 1, 3, 3, 7}
	return cat(be16(sport), be16(dport), be32(1000), be32(0), []byte{8 << 4, flags}, be16(65535), be16(0), be16(0), opts, payload)
}

func udp(sport, dport uint16, payload []byte) []byte {
	return cat(be16(sport), be16(dport), be16(uint16(8+len(payload))), be16(0), payload)
}

func icmp(typ, code byte, payload []byte) []byte {
	return cat([]byte{typ, code, 0, 0}, be16(0x1234), be16(1), payload)
}

func sctp(sport, dport uint16) []byte {
	// Common header, then one DATA chunk with 4 bytes of user data.
	return cat(be16(sport), be16(dport), be32(0xdeadbeef), be32(0),
		[]byte{0, 3}, be16(20), be32(1), be16(0), be16(0), be32(46), fill(4))
}

func igmp(typ byte, group string) []byte {
	g := addr(group).As4()
	return cat([]byte{typ, 0, 0, 0}, g[:])
}

func gre(proto uint16, payload []byte) []byte {
	return cat([]byte{0, 0}, be16(proto), payload)
}

// vxlan builds a VXLAN header (I flag set) around an inner frame.
func vxlan(vni uint32, inner []byte) []byte {
	return cat([]byte{0x08, 0, 0, 0}, be32(vni<<8), inner)
}

// geneve builds a Geneve header without options.
func geneve(vni uint32, proto uint16, inner []byte) []byte {
	return cat([]byte{0, 0}, be16(proto), be32(vni<<8), inner)
}

// Ethernet.

const (
	etIPv4   = 0x0800
	etARP    = 0x0806
	etRARP   = 0x8035
	etVLAN   = 0x8100
	etQinQ   = 0x88a8
	etIPv6   = 0x86dd
	etMPLS   = 0x8847
	etMPLSMC = 0x8848
	etPPPoED = 0x8863
	etPPPoES = 0x8864
	etDECnet = 0x6003
	etTEB    = 0x6558 // transparent Ethernet bridging
)

func eth(dst, src string, etype uint16, payload []byte) []byte {
	d, s := mustMAC(dst), mustMAC(src)
	return cat(d[:], s[:], be16(etype), payload)
}

// dot3 builds an IEEE 802.3 frame: the type field holds the length.
func dot3(dst, src string, payload []byte) []byte {
	d, s := mustMAC(dst), mustMAC(src)
	return cat(d[:], s[:], be16(uint16(len(payload))), payload)
}

func vlanTag(tci uint16, inner uint16, payload []byte) []byte {
	return cat(be16(tci), be16(inner), payload)
}

func mplsLabel(label uint32, bos bool, ttl byte) []byte {
	v := label<<12 | uint32(ttl)
	if bos {
		v |= 1 << 8
	}
	return be32(v)
}

func arp(etype uint16, op uint16, sha string, spa string, tha string, tpa string) []byte {
	s, t := mustMAC(sha), mustMAC(tha)
	sp, tp := addr(spa).As4(), addr(tpa).As4()
	return eth("ff:ff:ff:ff:ff:ff", sha, etype,
		cat(be16(1), be16(etIPv4), []byte{6, 4}, be16(op), s[:], sp[:], t[:], tp[:]))
}

func pppoe(code byte, session uint16, payload []byte) []byte {
	return cat([]byte{0x11, code}, be16(session), be16(uint16(len(payload))), payload)
}

// decnetShort builds a DECnet short-format data packet, optionally with
// padding before the flags byte; addresses are area.node.
func decnetShort(dst, src uint16, pad int) []byte {
	body := []byte{}
	if pad > 0 {
		body = append(body, 0x80|byte(pad))
		body = append(body, make([]byte, pad-1)...)
	}
	body = append(body, 0x02)
	body = binary.LittleEndian.AppendUint16(body, dst)
	body = binary.LittleEndian.AppendUint16(body, src)
	body = append(body, 0) // forward/visits
	body = append(body, fill(8)...)
	return cat(binary.LittleEndian.AppendUint16(nil, uint16(len(body))), body)
}

// decnetLong builds a DECnet long-format (Ethernet endnode) data packet.
func decnetLong(dst, src uint16) []byte {
	body := []byte{0x26, 0, 0, 0xaa, 0, 4, 0}
	body = binary.LittleEndian.AppendUint16(body, dst)
	body = append(body, 0, 0, 0xaa, 0, 4, 0)
	body = binary.LittleEndian.AppendUint16(body, src)
	body = append(body, 0, 0, 0, 0) // nl2, visit count, s-class, pt
	body = append(body, fill(8)...)
	return cat(binary.LittleEndian.AppendUint16(nil, uint16(len(body))), body)
}

func decnetAddr(area, node uint16) uint16 { return area<<10 | node }

// isis builds an IS-IS PDU of the given type behind the OSI LLC header.
func isis(pduType byte) []byte {
	hdrLen := map[byte]byte{15: 27, 16: 27, 18: 27, 20: 27, 24: 33, 25: 33, 26: 17, 27: 17}[pduType]
	return cat([]byte{0xfe, 0xfe, 0x03, 0x83, hdrLen, 1, 0, pduType, 1, 0, 0}, fill(24))
}
