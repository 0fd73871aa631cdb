package printer

import (
	"fmt"
	"strings"
)

// Cisco's SNAP protocols: CDP, DTP and VTP.

var cdpTLVNames = map[uint16]string{
	0x01: "Device-ID", 0x02: "Address", 0x03: "Port-ID", 0x04: "Capability",
	0x05: "Version String", 0x06: "Platform", 0x07: "Prefixes", 0x08: "Protocol-Hello option",
	0x09: "VTP Management Domain", 0x0a: "Native VLAN ID", 0x0b: "Duplex",
	0x0e: "ATA-186 VoIP VLAN request", 0x0f: "ATA-186 VoIP VLAN assignment",
	0x10: "power consumption", 0x11: "MTU", 0x12: "AVVID trust bitmap",
	0x13: "AVVID untrusted ports CoS", 0x14: "sysName", 0x15: "sysObjectID",
	0x16: "Management Addresses", 0x17: "Physical Location",
}

var cdpCapabilities = []flagBit{
	{0x01, "Router"}, {0x02, "Transparent Bridge"}, {0x04, "Source Route Bridge"},
	{0x08, "L2 Switch"}, {0x10, "L3 capable"}, {0x20, "IGMP snooping"}, {0x40, "L1 capable"},
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// unknownData prints up to n bytes of b (fewer if fewer were captured) as
// tcpdump's print_unknown_data does: hex lines, each starting with ident.
func (p *Printer) unknownData(b []byte, ident string, n int) {
	if n > len(b) {
		n = len(b)
	}
	b = b[:max(n, 0)]
	for off := 0; off < len(b); off += 16 {
		p.printf("%s0x%04x: ", ident, off)
		end := min(off+16, len(b))
		for i := off; i < end; i += 2 {
			if i+1 < end {
				p.printf(" %02x%02x", b[i], b[i+1])
			} else {
				p.printf(" %02x", b[i])
			}
		}
	}
}

// cdp prints a Cisco Discovery Protocol message.
func (p *Printer) cdp(b []byte, length int) {
	r := p.reader("cdp", b)
	r.need(0, 4)
	p.printf("CDPv%d, ttl: %ds", b[0], b[1])
	if p.o.Verbose > 0 {
		p.printf(", checksum: 0x%04x (unverified), length %d", r.be16(2), length)
	}
	off := 4
	for off < length {
		r.need(0, off+4)
		typ := r.be16(off)
		tl := int(r.be16(off + 2))
		name := mapName(cdpTLVNames, typ, "unknown field type")
		if tl < 4 {
			if p.o.Verbose > 0 {
				p.printf("\n\t%s (0x%02x), TLV length: %d byte%s (too short)", name, typ, tl, plural(tl))
			} else {
				p.printf(", %s TLV length %d too short", name, tl)
			}
			break
		}
		off += 4
		l := tl - 4
		r.need(0, off+l)
		v := b[off : off+l]
		if p.o.Verbose > 0 {
			p.printf("\n\t%s (0x%02x), value length: %d byte%s: ", name, typ, l, plural(l))
		}
		if p.o.Verbose == 0 && typ != 0x01 {
			p.unknownData(v, "\n\t  ", l)
		} else if !p.cdpTLV(typ, v) {
			p.print(" (invalid)")
			return
		}
		off += l
	}
	if p.o.Verbose == 0 {
		p.printf(", length %d", length)
	}
}

// cdpTLV prints the value of one CDP TLV, reporting false if it is too
// short for its type.
func (p *Printer) cdpTLV(typ uint16, v []byte) bool {
	quoted := func() { p.printf("'%s'", printableN(v)) }
	switch typ {
	case 0x01:
		if p.o.Verbose == 0 {
			p.print(", Device-ID ")
		}
		quoted()
	case 0x02, 0x16:
		if !p.cdpAddrs(v) {
			return false
		}
	case 0x03, 0x06, 0x09, 0x14:
		quoted()
	case 0x04:
		if len(v) < 4 {
			return false
		}
		c := be32(v, 0)
		p.printf("(0x%08x): %s", c, flagNames(cdpCapabilities, c, "none", ", "))
	case 0x05:
		p.print("\n\t  ")
		var s strings.Builder
		for _, c := range v {
			if c == '\n' {
				s.WriteString("\n\t  ")
			} else {
				writeEscaped(&s, c)
			}
		}
		p.print(s.String())
	case 0x07:
		if len(v)%5 != 0 {
			return false
		}
		for i := 0; i < len(v); i += 5 {
			p.printf("%s/%d ", p.host(addr4(v[i:])), v[i+4])
		}
	case 0x08:
	case 0x0a:
		if len(v) < 2 {
			return false
		}
		p.printf("%d", be16(v, 0))
	case 0x0b:
		if len(v) < 1 {
			return false
		}
		if v[0] != 0 {
			p.print("full")
		} else {
			p.print("half")
		}
	case 0x0e:
		if len(v) < 3 {
			return false
		}
		p.printf("app %d, vlan %d", v[0], be16(v, 1))
	case 0x10:
		if len(v) < 2 {
			return false
		}
		var n uint64
		for _, c := range v[:min(len(v), 4)] {
			n = n<<8 | uint64(c)
		}
		p.printf("%1.2fW", float64(n)/1000)
	case 0x11:
		if len(v) < 4 {
			return false
		}
		p.printf("%d bytes", be32(v, 0))
	case 0x12, 0x13:
		if len(v) < 1 {
			return false
		}
		p.printf("0x%02x", v[0])
	case 0x17:
		if len(v) < 1 {
			return false
		}
		p.printf("0x%02x", v[0])
		if len(v) > 1 {
			p.printf("/%s", printableN(v[1:]))
		}
	default:
		p.unknownData(v, "\n\t  ", len(v))
	}
	return true
}

// cdpAddrs prints the address list of a CDP Address TLV.
func (p *Printer) cdpAddrs(v []byte) bool {
	if len(v) < 4 {
		return false
	}
	num := be32(v, 0)
	off := 4
	ipv6Proto := []byte{0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd}
	for off < len(v) && num != 0 {
		if off+2 > len(v) {
			return false
		}
		pt, pl := v[off], int(v[off+1])
		off += 2
		if off+pl+2 > len(v) {
			return false
		}
		al := int(be16(v, off+pl))
		switch {
		case pt == 1 && pl == 1 && v[off] == 0xcc && al == 4:
			off += 3
			if off+4 > len(v) {
				return false
			}
			p.printf("IPv4 (%d) %s", num, p.host(addr4(v[off:])))
			off += 4
		case pt == 2 && pl == 8 && string(v[off:off+8]) == string(ipv6Proto) && al == 16:
			off += 10
			if off+16 > len(v) {
				return false
			}
			p.printf("IPv6 (%d) %s", num, p.host(addr16(v[off:])))
			off += 16
		default:
			p.printf("pt=0x%02x, pl=%d, pb=", pt, pl)
			for _, c := range v[off : off+pl] {
				p.printf(" %02x", c)
			}
			off += pl + 2
			p.printf(", al=%d, a=", al)
			if off+al > len(v) {
				return false
			}
			for _, c := range v[off : off+al] {
				p.printf(" %02x", c)
			}
			off += al
		}
		num--
		if num != 0 {
			p.print(" ")
		}
	}
	return true
}

var dtpTLVNames = map[uint16]string{1: "Domain", 2: "Status", 3: "DTP type", 4: "Neighbor"}

// dtp prints a Dynamic Trunking Protocol message.
func (p *Printer) dtp(b []byte, length int) {
	r := p.reader("dtp", b)
	p.printf("DTPv%d, length %d", r.u8(0), length)
	if p.o.Verbose == 0 {
		return
	}
	for off := 1; off < length; {
		typ := r.be16(off)
		l := int(r.be16(off + 2))
		if typ == 0 {
			return
		}
		p.printf("\n\t%s (0x%04x) TLV, length %d", mapName(dtpTLVNames, typ, "Unknown"), typ, l)
		if l < 4 || l > length {
			p.printf("[invalid TLV length %d]", l)
			return
		}
		r.need(0, off+l)
		switch typ {
		case 1:
			p.printf(", %s", printableZ(b[off+4:off+l]))
		case 2, 3:
			if l != 5 {
				p.print(" (invalid)")
				return
			}
			p.printf(", 0x%x", b[off+4])
		case 4:
			if l != 10 {
				p.print(" (invalid)")
				return
			}
			p.printf(", %s", p.etherAddr(b[off+4:]))
		}
		off += l
	}
}

var vtpMessageNames = map[uint8]string{
	1: "Summary advertisement", 2: "Subset advertisement", 3: "Advertisement request", 4: "Join message",
}

var vtpHeaderFieldNames = map[uint8]string{1: "Followers", 2: "Seq number", 3: "Rsvd", 4: "Rsvd"}

// vtp prints a VLAN Trunking Protocol message; with -v the summary
// advertisement's fields and the subset advertisement's VLANs.
func (p *Printer) vtp(b []byte, length int) {
	r := p.reader("vtp", b)
	r.need(0, 4)
	typ := b[1]
	p.printf("VTPv%d, Message %s (0x%02x), length %d", b[0],
		mapName(vtpMessageNames, typ, "Unknown message type"), typ, length)
	if p.o.Verbose == 0 {
		return
	}
	p.print("\n\tDomain name: ")
	dl := int(b[3])
	if dl < 1 || dl > 32 {
		p.printf(" [invalid MgmtD Len %d]", dl)
		p.print(" (invalid)")
		return
	}
	r.need(0, 4+dl)
	p.print(printableZ(b[4 : 4+dl]))
	p.printf(", %s: %d", mapName(vtpHeaderFieldNames, typ, "Unknown"), b[2])
	off := 36
	switch typ {
	case 1:
		r.need(0, off+40)
		p.printf("\n\t  Config Rev %x", r.be32(off))
		p.printf(", Updater %s", p.host(addr4(b[off+4:])))
		p.printf(", Timestamp 0x%08x 0x%08x 0x%08x", r.be32(off+8), r.be32(off+12), r.be32(off+16))
		p.printf(", MD5 digest: %08x%08x%08x%08x", r.be32(off+20), r.be32(off+24), r.be32(off+28), r.be32(off+32))
	case 2:
		p.printf(", Config Rev %x", r.be32(off))
	case 3:
		p.printf("\n\tStart value: %d", r.be32(off))
	}
}

var _ = fmt.Sprint
