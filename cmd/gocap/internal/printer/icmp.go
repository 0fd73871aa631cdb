package printer

import (
	"fmt"
	"strings"
)

var icmpTypeNames = map[uint8]string{
	0: "echo reply", 4: "source quench", 8: "echo request", 10: "router solicitation",
	13: "time stamp request", 14: "time stamp reply", 15: "information request",
	16: "information reply", 17: "address mask request",
}

var icmpUnreach = map[uint8]string{
	5: "%s unreachable - source route failed", 6: "net %s unreachable - unknown",
	7: "host %s unreachable - unknown", 8: "%s unreachable - source host isolated",
	9: "net %s unreachable - admin prohibited", 10: "host %s unreachable - admin prohibited",
	11: "net %s unreachable - tos prohibited", 12: "host %s unreachable - tos prohibited",
	13: "host %s unreachable - admin prohibited filter",
	14: "host %s unreachable - host precedence violation",
	15: "host %s unreachable - precedence cutoff",
}

func icmpErrType(t uint8) bool { return t == 3 || t == 4 || t == 5 || t == 11 || t == 12 }

// icmp prints an ICMP message; length is the IP payload length.
//
// tcpdump stops in two ways on a short message: most fields are read
// with its checked getters, which give up on the whole packet (a
// truncated panic here), but a few places test the length first and
// only print " [|icmp]" in place of the message (icmpShort), leaving
// the -x dump after the link header.
func (p *Printer) icmp(b []byte, length int, h *ipHdr) {
	r := p.reader("icmp", b)
	typ := r.u8(0)
	code := r.u8(1)
	var str string
	// dst is the destination of the quoted datagram.
	dst := func() string { r.need(0, 28); return p.host(addr4(b[24:])) }
	switch typ {
	case 0, 8:
		w := "reply"
		if typ == 8 {
			w = "request"
		}
		str = sprintf("echo %s, id %d, seq %d", w, r.be16(4), r.be16(6))
	case 3:
		if code == 3 {
			// Port unreachable: the quoted protocol must be there.
			if !r.has(0, 18) {
				p.icmpShort()
				return
			}
			proto := b[17]
			hl := int(b[8]&0xf) * 4
			dport := r.be16(8 + hl + 2)
			d := dst()
			switch proto {
			case 6:
				str = sprintf("%s tcp port %s unreachable", d, p.tcpPort(dport))
			case 17:
				str = sprintf("%s udp port %s unreachable", d, p.udpPort(dport))
			default:
				str = sprintf("%s protocol %d port %d unreachable", d, proto, dport)
			}
			break
		}
		if code == 4 {
			mtu := r.be16(6)
			if d := dst(); mtu != 0 {
				str = sprintf("%s unreachable - need to frag (mtu %d)", d, mtu)
			} else {
				str = sprintf("%s unreachable - need to frag", d)
			}
			break
		}
		d := dst()
		switch code {
		case 0:
			str = sprintf("net %s unreachable", d)
		case 1:
			str = sprintf("host %s unreachable", d)
		case 2:
			str = sprintf("%s protocol %d unreachable", d, b[17])
		default:
			if f, ok := icmpUnreach[code]; ok {
				str = sprintf(f, d)
			} else {
				str = sprintf("%s unreachable - #%d", d, code)
			}
		}
	case 5:
		d := dst()
		gw := p.host(addr4(b[4:]))
		switch code {
		case 0:
			str = sprintf("redirect %s to net %s", d, gw)
		case 1:
			str = sprintf("redirect %s to host %s", d, gw)
		case 2:
			str = sprintf("redirect-tos %s to net %s", d, gw)
		case 3:
			str = sprintf("redirect-tos %s to host %s", d, gw)
		default:
			str = sprintf("redirect-#%d %s to %s", code, d, gw)
		}
	case 9:
		var ok bool
		if str, ok = p.icmpRouterAdvert(b); !ok {
			p.icmpShort()
			return
		}
	case 11:
		if !r.has(0, 28) {
			p.icmpShort()
			return
		}
		switch code {
		case 0:
			str = "time exceeded in-transit"
		case 1:
			str = "ip reassembly time exceeded"
		default:
			str = sprintf("time exceeded-#%d", code)
		}
	case 12:
		if code != 0 {
			str = sprintf("parameter problem - code %d", code)
		} else {
			str = sprintf("parameter problem - octet %d", r.u8(4))
		}
	case 18:
		str = sprintf("address mask is 0x%08x", r.be32(8))
	case 13:
		str = sprintf("time stamp query id %d seq %d", r.be16(4), r.be16(6))
	case 14:
		if !r.has(0, 20) {
			p.icmpShort()
			return
		}
		str = sprintf("time stamp reply id %d seq %d: org %s, recv %s, xmit %s", r.be16(4), r.be16(6),
			icmpTS(r.be32(8)), icmpTS(r.be32(12)), icmpTS(r.be32(16)))
	default:
		if s, ok := icmpTypeNames[typ]; ok {
			str = s
		} else {
			str = sprintf("type-#%d", typ)
		}
	}
	p.printf("ICMP %s, length %d", str, length)
	if p.o.Verbose > 0 && !h.frag && r.has(0, length) {
		if sum := checksum(b[:length], 0); sum != 0 {
			// A message too short to hold the checksum field can
			// still sum to non-zero: then the field read gives up.
			is := r.be16(2)
			p.printf(" (wrong icmp cksum %x (->%x)!)", is, shouldBe(is, sum))
		}
	}
	if p.o.Verbose > 0 && icmpErrType(typ) {
		p.print("\n\t")
		inner := b[min(8, len(b)):]
		ipLen := int(be16(inner, 2))
		// The quoted datagram ends where its own length says, so
		// that an extension after it is not taken for IP payload.
		// tcpdump reads the length field again once cut there: a
		// length under 4 cuts that field off too.
		if ipLen < 4 {
			endPacket()
		}
		p.ip(inner[:min(ipLen, len(inner))], ipLen)
	}
	if p.o.Verbose > 0 && length > 136 && (typ == 3 || typ == 11 || typ == 12) {
		// Back from the quoted datagram's decoders, tcpdump names
		// ICMP again in its truncation marker. Once the extension is
		// printed, the innermost decoder reached is named again, for
		// lastProto.
		inner := p.proto
		r.announce()
		p.icmpExtensions(b, length)
		p.announce(inner)
	}
}

// icmpShort prints tcpdump's marker for an ICMP message its own length
// checks find short; the packet is not given up (no unwind).
func (p *Printer) icmpShort() { p.truncMark("icmp") }

// icmpRouterAdvert formats an RFC 1256 router advertisement; ok is false
// where tcpdump's own length checks stop it.
func (p *Printer) icmpRouterAdvert(b []byte) (str string, ok bool) {
	if len(b) < 8 {
		return "", false
	}
	var s strings.Builder
	s.WriteString("router advertisement lifetime ")
	lt := int(be16(b, 6))
	switch {
	case lt < 60:
		fmt.Fprintf(&s, "%d", lt)
	case lt < 3600:
		fmt.Fprintf(&s, "%d:%02d", lt/60, lt%60)
	default:
		fmt.Fprintf(&s, "%d:%02d:%02d", lt/3600, lt%3600/60, lt%60)
	}
	num, size := int(b[4]), b[5]
	fmt.Fprintf(&s, " %d:", num)
	if size != 2 {
		fmt.Fprintf(&s, " [size %d]", size)
		return s.String(), true
	}
	for i := 0; i < num; i++ {
		off := 8 + 8*i
		if len(b) < off+8 {
			return "", false
		}
		fmt.Fprintf(&s, " {%s %d}", p.host(addr4(b[off:])), be32(b, off+4))
	}
	return s.String(), true
}

var icmpExtObjects = map[uint8]string{1: "MPLS Stack Entry", 2: "Interface Identification"}

// icmpExtensions prints the RFC 4884 multi-part extension of an ICMP
// error message (RFC 4950 MPLS label stacks decoded), which starts 128
// bytes into the quoted datagram.
func (p *Printer) icmpExtensions(b []byte, length int) {
	// tcpdump checks for the fixed part of its extension structure,
	// through the first byte of object data.
	if len(b) < 141 {
		p.icmpShort()
		return
	}
	ext := b[136:]
	// hlen is unsigned as in tcpdump: a part shorter than its own
	// 4-byte header wraps around, and the objects are printed until
	// the capture ends.
	hlen := uint32(length - 136)
	if b[5] == 0 && uint32(len(ext)) >= hlen {
		// No length set: only a correct checksum says there is one.
		if checksum(ext[:hlen], 0) != 0 {
			return
		}
	}
	ver := ext[0] >> 4
	p.printf("\n\tICMP Multi-Part extension v%d", ver)
	if ver != 2 {
		p.print(" packet not supported")
		return
	}
	if uint32(len(ext)) >= hlen {
		in := ""
		if checksum(ext[:hlen], 0) != 0 {
			in = "in"
		}
		p.printf(", checksum 0x%04x (%scorrect), length %d", be16(ext, 2), in, hlen)
	}
	hlen -= 4
	obj := ext[4:]
	for hlen > 4 {
		if len(obj) < 4 {
			p.icmpShort()
			return
		}
		olen := uint32(be16(obj, 0))
		class, ctype := obj[2], obj[3]
		obj = obj[4:]
		p.printf("\n\t  %s Object (%d), Class-Type: %d, length %d", mapName(icmpExtObjects, class, "unknown"), class, ctype, olen)
		hlen -= 4
		if class == 0 || olen < 4 {
			return
		}
		olen -= 4
		if class == 1 && ctype == 1 {
			e := be32(obj, 0)
			p.printf("\n\t    label %d, tc %d", e>>12, e>>9&7)
			if e&0x100 != 0 {
				p.print(", [S]")
			}
			p.printf(", ttl %d", e&0xff)
		} else {
			p.unknownData(obj, "\n\t    ", int(olen))
		}
		if hlen < olen {
			break
		}
		hlen -= olen
		obj = obj[min(int(olen), len(obj)):]
	}
}

// icmpTS is an ICMP timestamp, milliseconds since midnight UTC, as
// hours:minutes:seconds.milliseconds; the hours run past 24 (and a
// value with the high bit set is not printed apart).
func icmpTS(ms uint32) string {
	s := ms / 1000
	return sprintf("%02d:%02d:%02d.%03d", s/3600, (s%3600)/60, s%60, ms%1000)
}
