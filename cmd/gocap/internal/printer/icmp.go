package printer

import (
	"encoding/binary"
	"fmt"
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
func (p *Printer) icmp(b []byte, length int, h *ipHdr) {
	p.proto = "icmp"
	typ := u8(b, 0)
	code := u8(b, 1)
	var str string
	dst := func() string { need(b, 28); return p.host(addr4(b[24:])) }
	switch typ {
	case 0, 8:
		w := "reply"
		if typ == 8 {
			w = "request"
		}
		str = fmt.Sprintf("echo %s, id %d, seq %d", w, be16(b, 4), be16(b, 6))
	case 3:
		d := dst()
		switch code {
		case 0:
			str = fmt.Sprintf("net %s unreachable", d)
		case 1:
			str = fmt.Sprintf("host %s unreachable", d)
		case 2:
			str = fmt.Sprintf("%s protocol %d unreachable", d, u8(b, 17))
		case 3:
			proto := u8(b, 17)
			hl := int(u8(b, 8)&0xf) * 4
			dport := be16(b, 8+hl+2)
			switch proto {
			case 6:
				str = fmt.Sprintf("%s tcp port %s unreachable", d, p.tcpPort(dport))
			case 17:
				str = fmt.Sprintf("%s udp port %s unreachable", d, p.udpPort(dport))
			default:
				str = fmt.Sprintf("%s protocol %d port %d unreachable", d, proto, dport)
			}
		case 4:
			if mtu := be16(b, 6); mtu != 0 {
				str = fmt.Sprintf("%s unreachable - need to frag (mtu %d)", d, mtu)
			} else {
				str = fmt.Sprintf("%s unreachable - need to frag", d)
			}
		default:
			f, ok := icmpUnreach[code]
			if !ok {
				f = fmt.Sprintf("#%d %%s unreachable", code)
			}
			str = fmt.Sprintf(f, d)
		}
	case 5:
		d := dst()
		gw := p.host(addr4(b[4:]))
		switch code {
		case 0:
			str = fmt.Sprintf("redirect %s to net %s", d, gw)
		case 1:
			str = fmt.Sprintf("redirect %s to host %s", d, gw)
		case 2:
			str = fmt.Sprintf("redirect-tos %s to net %s", d, gw)
		case 3:
			str = fmt.Sprintf("redirect-tos %s to host %s", d, gw)
		default:
			str = fmt.Sprintf("redirect-#%d %s to %s", code, d, gw)
		}
	case 11:
		dst()
		switch code {
		case 0:
			str = "time exceeded in-transit"
		case 1:
			str = "ip reassembly time exceeded"
		default:
			str = fmt.Sprintf("time exceeded-#%d", code)
		}
	case 12:
		if code != 0 {
			str = fmt.Sprintf("parameter problem - code %d", code)
		} else {
			str = fmt.Sprintf("parameter problem - octet %d", u8(b, 4))
		}
	case 18:
		str = fmt.Sprintf("address mask is 0x%08x", be32(b, 8))
	case 13:
		str = fmt.Sprintf("time stamp query id %d seq %d", be16(b, 4), be16(b, 6))
	case 14:
		be32(b, 16)
		str = fmt.Sprintf("time stamp reply id %d seq %d: org %s, recv %s, xmit %s", be16(b, 4), be16(b, 6),
			icmpTS(be32(b, 8)), icmpTS(be32(b, 12)), icmpTS(be32(b, 16)))
	default:
		if s, ok := icmpTypeNames[typ]; ok {
			str = s
		} else {
			str = fmt.Sprintf("type-#%d", typ)
		}
	}
	p.printf("ICMP %s, length %d", str, length)
	if p.o.Verbose > 0 && !h.frag && len(b) >= length {
		if sum := checksum(b[:length], 0); sum != 0 {
			is := binary.BigEndian.Uint16(b[2:])
			p.printf(" (wrong icmp cksum %x (->%x)!)", is, shouldBe(is, sum))
		}
	}
	if p.o.Verbose > 0 && icmpErrType(typ) {
		p.print("\n\t")
		inner := b[min(8, len(b)):]
		p.ip(inner, int(be16(inner, 2)))
	}
	if p.o.Verbose > 0 && length > 136 && (typ == 3 || typ == 11 || typ == 12) {
		p.icmpExtensions(b, length)
	}
}

var icmpExtObjects = map[uint8]string{1: "MPLS Stack Entry", 2: "Interface Identification"}

// icmpExtensions prints the RFC 4884 multi-part extension of an ICMP
// error message (RFC 4950 MPLS label stacks decoded), which starts 128
// bytes into the quoted datagram.
func (p *Printer) icmpExtensions(b []byte, length int) {
	need(b, 140)
	ext := b[136:]
	hlen := length - 136
	if b[5] == 0 && len(ext) >= hlen {
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
	if len(ext) >= hlen {
		in := ""
		if checksum(ext[:hlen], 0) != 0 {
			in = "in"
		}
		p.printf(", checksum 0x%04x (%scorrect), length %d", be16(ext, 2), in, hlen)
	}
	hlen -= 4
	obj := ext[4:]
	for hlen > 4 {
		need(obj, 4)
		olen := int(be16(obj, 0))
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
			p.unknownData(obj, "\n\t    ", olen)
		}
		if hlen < olen {
			break
		}
		hlen -= olen
		obj = obj[min(olen, len(obj)):]
	}
}

func icmpTS(ms uint32) string {
	if ms&0x80000000 != 0 {
		return fmt.Sprintf("%d", ms)
	}
	s := ms / 1000
	return fmt.Sprintf("%02d:%02d:%02d.%03d", s/3600, (s%3600)/60, s%60, ms%1000)
}
