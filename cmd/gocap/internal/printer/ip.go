package printer

import (
	"encoding/binary"
	"fmt"
	"net/netip"
)

// ipProtoNames is indexed by protocol number ("" for none): an array is
// static data, with nothing to build at start.
var ipProtoNames = [256]string{
	0: "Options", 1: "ICMP", 2: "IGMP", 4: "IPIP", 6: "TCP", 8: "EGP", 9: "IGRP",
	17: "UDP", 33: "DCCP", 41: "IPv6", 43: "Routing", 44: "Fragment", 46: "RSVP",
	47: "GRE", 50: "ESP", 51: "AH", 55: "Mobile IP", 58: "ICMPv6", 62: "Mobile IP (old)", 88: "EIGRP",
	89: "OSPF", 103: "PIM", 108: "Compressed IP", 112: "VRRP", 113: "PGM", 132: "SCTP", 135: "Mobility",
	143: "Ethernet",
}

// ipProtoName is the name tcpdump's -v IPv4 header gives protocol p.
func ipProtoName(p uint8) string {
	if s := ipProtoNames[p]; s != "" {
		return s
	}
	return "unknown"
}

// ipHdr carries what upper-layer printers need from the IP header: the
// addresses (for pseudo-header checksums and the "a.p > b.q" line), the
// protocol field of the header itself (tcpdump prints addresses with the
// ports only when the header's next protocol is the transport itself),
// and whether the packet is a fragment.
type ipHdr struct {
	v6     bool
	src    netip.Addr
	dst    netip.Addr
	nh     uint8 // protocol / next-header field of the fixed header
	frag   bool
	ttl    uint8
	plen6  uint16 // IPv6: the payload length field (0 for a jumbogram)
	hdrBuf []byte // the fixed IPv4 header, for the ICMP error printer
	// finalDst, when valid, is the destination for pseudo-header
	// checksums: an IPv6 routing header's last address, an IPv4 source
	// route's.
	finalDst netip.Addr
}

func addr4(b []byte) netip.Addr { return netip.AddrFrom4([4]byte(b[:4])) }

func addr16(b []byte) netip.Addr { return netip.AddrFrom16([16]byte(b[:16])) }

// ipFragFlagBits are the flags of the IPv4 fragment field.
var ipFragFlagBits = []bitTok{{0x2000, "+"}, {0x4000, "DF"}, {0x8000, "rsvd"}}

// ip prints an IPv4 packet; length is the length left in the frame.
func (p *Printer) ip(b []byte, length int) {
	r := p.reader("ip", b)
	if !r.has(0, 1) {
		endPacket() // tcpdump reads the version unchecked
	}
	if b[0]>>4 != 4 {
		// tcpdump 4.99.3 names the version, without the "IP " prefix.
		if b[0]>>4 == 6 {
			p.print("IP6, wrong link-layer encapsulation (invalid)")
		} else {
			p.printf("IP%d (invalid)", b[0]>>4)
		}
		return
	}
	if !p.o.LinkHeader {
		p.print("IP ")
	}
	if !r.has(0, 20) {
		// tcpdump prints the marker itself here (no unwind), so -x
		// still skips the link header.
		r.trunc()
		return
	}
	if length < 20 {
		p.printf("truncated-ip %d", length)
		return
	}
	hlen := int(b[0]&0x0f) * 4
	if hlen < 20 {
		p.printf("bad-hlen %d", hlen)
		return
	}
	ipLen := int(binary.BigEndian.Uint16(b[2:]))
	if length < ipLen {
		p.printf("truncated-ip - %d bytes missing! ", ipLen-length)
	}
	if ipLen < hlen {
		// tcpdump 4.99 has no TSO guess for a zero length.
		p.printf("bad-len %d", ipLen)
		return
	}
	if ipLen < len(b) {
		b = b[:ipLen]
	}
	plen := ipLen - hlen
	off := binary.BigEndian.Uint16(b[6:])
	proto := b[9]
	src, dst := addr4(b[12:]), addr4(b[16:])
	if p.o.Verbose > 0 {
		tos := b[1]
		p.print("(tos 0x")
		p.hexNum(uint64(tos), 0)
		switch tos & 3 {
		case 1:
			p.print(",ECT(1)")
		case 2:
			p.print(",ECT(0)")
		case 3:
			p.print(",CE")
		}
		if b[8] >= 1 {
			p.print(", ttl ")
			p.dec(uint64(b[8]))
		}
		p.print(", id ")
		p.dec(uint64(binary.BigEndian.Uint16(b[4:])))
		p.print(", offset ")
		p.dec(uint64(off&0x1fff) * 8)
		p.print(", flags [")
		p.print(bitTokString(ipFragFlagBits, "none", uint32(off)))
		p.print("], proto ")
		p.print(ipProtoName(proto))
		p.print(" (")
		p.dec(uint64(proto))
		p.print(")")
		p.print(", length ")
		p.dec(uint64(binary.BigEndian.Uint16(b[2:])))
		trunc := false
		if hlen > 20 {
			p.print(", options (")
			if !p.ipOptions(b[20:], hlen-20) {
				p.print(" [truncated-option]")
				trunc = true
			}
			p.print(")")
		}
		if hlen <= len(b) && !p.o.NoChecksum {
			if sum := checksum(b[:hlen], 0); sum != 0 {
				ipSum := binary.BigEndian.Uint16(b[10:])
				p.printf(", bad cksum %x (->%x)!", ipSum, shouldBe(ipSum, sum))
			}
		}
		p.print(")\n    ")
		if trunc {
			p.hostPair(src, dst, ": ")
			p.truncMark(p.proto)
			return
		}
	}
	h := &ipHdr{src: src, dst: dst, nh: proto, frag: off&0x2000 != 0, ttl: b[8], hdrBuf: b}
	if hlen > 20 && hlen <= len(b) {
		h.finalDst = ipFinalDst(b[20:hlen])
	}
	if off&0x1fff == 0 {
		if proto != 6 && proto != 17 && proto != 132 && proto != 33 {
			p.hostPair(src, dst, ": ")
		}
		if hlen > len(b) {
			p.printf(" [remaining caplen(%d) < header length(%d)]", len(b), hlen)
			endPacket()
		}
		p.demux(b[hlen:], plen, h, proto)
	} else {
		if p.o.VeryQuiet {
			return
		}
		p.hostPair(src, dst, ":")
		if n, ok := p.protoName(proto); ok {
			p.printf(" %s", n)
			return
		}
		p.printf(" ip-proto-%d", proto)
	}
}

// ipFinalDst is the destination tcpdump's ip_finddst puts in the
// pseudo-header: the last address of the first loose or strict source
// route option of at least 7 bytes, else none (the header's own), the
// walk stopping at an EOL, a length below 2 or past the options.
func ipFinalDst(opts []byte) netip.Addr {
	for len(opts) > 0 {
		l := 1
		switch opts[0] {
		case 0:
			return netip.Addr{}
		case 1:
		default:
			if len(opts) < 2 || opts[1] < 2 {
				return netip.Addr{}
			}
			l = int(opts[1])
		}
		if l > len(opts) {
			return netip.Addr{}
		}
		if (opts[0] == 131 || opts[0] == 137) && l >= 7 {
			return addr4(opts[l-4:])
		}
		opts = opts[l:]
	}
	return netip.Addr{}
}

// ipOptNames names the IPv4 options tcpdump 4.99.3 knows; others print
// as "unknown N".
var ipOptNames = map[uint8]string{
	0: "EOL", 1: "NOP", 7: "RR", 68: "timestamp", 82: "traceroute", 130: "security",
	131: "LSRR", 137: "SSRR", 148: "RA",
}

// ipOptions prints the IPv4 options, length bytes of them at the start of
// b, which holds the rest of the captured datagram: like tcpdump, it may
// read past the options where a length says so. It reports false where
// tcpdump's own length checks find an option cut short (then the caller
// prints " [truncated-option]"); the kind and length bytes are read with
// u8, which ends the whole packet where they are missing.
func (p *Printer) ipOptions(b []byte, length int) bool {
	return p.label("", func() { p.ipOptionList(b, length) }) == ran
}

// ipOptionList walks the options for ipOptions; a short option returns
// to ipOptions' label.
func (p *Printer) ipOptionList(b []byte, length int) {
	sep := ""
	for length > 0 {
		p.print(sep)
		sep = ","
		code := u8(b, 0)
		if n, ok := ipOptNames[code]; ok {
			p.print(n)
		} else {
			p.printf("unknown %d", code)
		}
		olen := 1
		if code != 0 && code != 1 {
			olen = int(u8(b, 1))
			if olen < 2 {
				p.printf(" [bad length %d]", olen)
				return
			}
		}
		if olen > length {
			p.printf(" [bad length %d]", olen)
			return
		}
		check(b, 0, olen)
		switch code {
		case 0:
			return
		case 68:
			p.ipTS(b, olen)
		case 7, 131, 137:
			p.ipRoute(b, olen)
		case 148:
			if olen < 4 {
				p.printf(" [bad length %d]", olen)
				break
			}
			if v := be16(b, 2); v != 0 {
				p.printf(" value %d", v)
			}
		}
		b = b[olen:]
		length -= olen
	}
}

// ipRoute prints a record route or source route option of length bytes
// at the start of b. An address may run past the option, as far as the
// capture goes.
func (p *Printer) ipRoute(b []byte, length int) {
	if length < 3 {
		p.printf(" [bad length %d]", length)
		return
	}
	if (length+1)&3 != 0 {
		p.printf(" [bad length %d]", length)
	}
	ptr := uint32(u8(b, 2)) - 1 // unsigned: a pointer of 0 is past everything
	if ptr < 3 || ((ptr+1)&3) != 0 || ptr > uint32(length)+1 {
		p.printf(" [bad ptr %d]", b[2])
	}
	for l := 3; l < length; l += 4 {
		check(b, l, 4)
		p.printf(" %s", p.host(addr4(b[l:])))
		if ptr > uint32(l) {
			p.print(",")
		}
	}
}

// ipTS prints a timestamp option of length bytes at the start of b; like
// ipRoute, an entry may run past the option.
func (p *Printer) ipTS(b []byte, length int) {
	if length < 4 {
		p.printf("[bad length %d]", length)
		return
	}
	p.print(" TS{")
	hoplen := 4
	if u8(b, 3)&0xf != 0 {
		hoplen = 8
	}
	if (length-4)&(hoplen-1) != 0 {
		p.printf("[bad length %d]", length)
	}
	ptr := int(b[2]) - 1
	l := 0
	if ptr < 4 || ((ptr-4)&(hoplen-1)) != 0 || ptr > length+1 {
		p.printf("[bad ptr %d]", b[2])
	}
	switch b[3] & 0xf {
	case 0:
		p.print("TSONLY")
	case 1:
		p.print("TS+ADDR")
	case 3:
		p.print("PRESPEC")
	default:
		p.printf("[bad ts type %d]", b[3]&0xf)
		goto done
	}
	{
		typ := " "
		for l = 4; l < length; l += hoplen {
			if ptr == l {
				typ = " ^ "
			}
			check(b, l, hoplen)
			a := ""
			if hoplen == 8 {
				a = p.host(addr4(b[l:]))
			}
			p.printf("%s%d@%s", typ, binary.BigEndian.Uint32(b[l+hoplen-4:]), a)
			typ = " "
		}
	}
done:
	if ptr == l {
		p.print(" ^ ")
	}
	if b[3]>>4 != 0 {
		p.printf(" [%d hops not recorded]} ", b[3]>>4)
	} else {
		p.print("}")
	}
}

// checksum returns the ones' complement sum of b folded, complemented:
// zero when b (with its checksum field) is correct.
func checksum(b []byte, initial uint32) uint16 {
	// Eight bytes at a time: a sum of 32-bit words folds to the same
	// one's complement sum as one of 16-bit words (2^16 is 1 modulo
	// 0xffff), and 64 bits do not overflow.
	sum := uint64(initial)
	for len(b) >= 8 {
		v := binary.BigEndian.Uint64(b)
		sum += v>>32 + v&0xffffffff
		b = b[8:]
	}
	for ; len(b) >= 2; b = b[2:] {
		sum += uint64(b[0])<<8 | uint64(b[1])
	}
	if len(b) == 1 {
		sum += uint64(b[0]) << 8
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

// shouldBe computes the checksum value that would have made the sum come
// out right, as tcpdump's in_cksum_shouldbe does: the field plus the
// computed sum with end-around carry, so a one's complement zero comes
// out as 0xffff, never 0.
func shouldBe(sum, computed uint16) uint16 {
	// tcpdump's in_cksum_shouldbe: the one's complement sum of the two,
	// which is 0xffff, not 0, where they cancel.
	s := uint32(sum) + uint32(computed)
	s = (s & 0xffff) + (s >> 16)
	s = (s & 0xffff) + (s >> 16)
	return uint16(s)
}

// pseudoSum returns the partial sum of the IPv4 or IPv6 pseudo-header.
func pseudoSum(h *ipHdr, proto uint8, length int) uint32 {
	var sum uint32
	add := func(b []byte) {
		for i := 0; i+1 < len(b); i += 2 {
			sum += uint32(b[i])<<8 | uint32(b[i+1])
		}
	}
	s, d := h.src.AsSlice(), h.dst.AsSlice()
	if h.finalDst.IsValid() {
		d = h.finalDst.AsSlice()
	}
	add(s)
	add(d)
	if h.v6 {
		sum += uint32(length>>16) + uint32(length&0xffff)
	} else {
		sum += uint32(length & 0xffff)
	}
	sum += uint32(proto)
	return sum
}

// demux prints the payload of an IPv4 or IPv6 packet by protocol number.
func (p *Printer) demux(b []byte, length int, h *ipHdr, proto uint8) {
	switch proto {
	case 6:
		p.tcp(b, length, h)
	case 17:
		p.udp(b, length, h)
	case 1:
		if h.v6 {
			p.print("[ICMP requires IPv4] (invalid)")
			return
		}
		p.icmp(b, length, h)
	case 58:
		if !h.v6 {
			p.print("[ICMPv6 requires IPv6] (invalid)")
			return
		}
		p.icmp6(b, length, h)
	case 143:
		if !h.v6 {
			p.print("[Ethernet requires IPv6] (invalid)")
			return
		}
		p.ether(b, length)
	case 2:
		if h.v6 {
			p.print("[IGMP requires IPv4] (invalid)")
			return
		}
		p.igmp(b, length)
	case 4:
		p.ip(b, length)
	case 41:
		p.ip6(b, length)
	case 47:
		p.gre(b, length)
	case 112:
		if p.o.PacketType == PacketCARP {
			p.carp(b, length, h.ttl)
		} else {
			p.vrrp(b, length, h)
		}
	case 103:
		p.pim(b, length, h)
	case 46:
		p.rsvp(b, length)
	case 55:
		p.mobileIP(b, length)
	case 108:
		p.ipcomp(b)
	case 77:
		p.printf(" nd %d", length)
	case 8:
		p.egp(b, length)
	case 9:
		p.igrp(b, length)
	case 132:
		p.sctp(b, length, h)
	case 59:
		p.print("no next header")
	case 50:
		p.esp(b, length, h)
	case 51:
		n := p.ah(b)
		if n < 0 {
			return
		}
		if n > len(b) {
			endPacket()
		}
		p.demux(b[n:], length-n, h, b[0])
	case 33:
		p.dccp(b, length, h)
	case 88:
		p.eigrp(b, length)
	case 113:
		p.pgm(b, length, h)
	case 89:
		if h.v6 {
			p.ospf6(b, length)
			return
		}
		p.ospf(b, length)
	default:
		if n, ok := p.protoName(proto); ok {
			p.printf(" %s %d", n, length)
			return
		}
		p.printf(" ip-proto-%d %d", proto, length)
	}
}

var _ = fmt.Sprint
