package printer

import "net/netip"

// Cisco's SNAP protocols CDP, DTP and VTP, as tcpdump's print-cdp.c,
// print-dtp.c and print-vtp.c print them.

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

// cdpTLVInfo is what print-cdp.c knows of a TLV type: its name, its
// printer (nil for the types it only names) and the value lengths it
// accepts (0 for no bound).
type cdpTLVInfo struct {
	name     string
	print    func(p *Printer, r reader, off, n int)
	min, max int
}

// cdpTLVs are the TLV types 0 to 0x17; the ones without a name are still
// known to tcpdump, which prints no hex dump of them with -v.
var cdpTLVs = [0x18]cdpTLVInfo{
	0x01: {"Device-ID", (*Printer).cdpString, 0, 0},
	0x02: {"Address", (*Printer).cdpAddrs, 0, 0},
	0x03: {"Port-ID", (*Printer).cdpString, 0, 0},
	0x04: {"Capability", (*Printer).cdpCapability, 4, 4},
	0x05: {"Version String", (*Printer).cdpVersion, 0, 0},
	0x06: {"Platform", (*Printer).cdpString, 0, 0},
	0x07: {"Prefixes", (*Printer).cdpPrefixes, 0, 0},
	0x08: {"Protocol-Hello option", nil, 0, 0},
	0x09: {"VTP Management Domain", (*Printer).cdpString, 0, 0},
	0x0a: {"Native VLAN ID", func(p *Printer, r reader, off, _ int) { p.printf("%d", r.be16(off)) }, 2, 2},
	0x0b: {"Duplex", (*Printer).cdpDuplex, 1, 1},
	0x0e: {"ATA-186 VoIP VLAN assignment", (*Printer).cdpATA186, 3, 3},
	0x0f: {"ATA-186 VoIP VLAN request", (*Printer).cdpATA186, 2, 3},
	0x10: {"power consumption", (*Printer).cdpPower, 1, 3},
	0x11: {"MTU", func(p *Printer, r reader, off, _ int) { p.printf("%d bytes", r.be32(off)) }, 4, 4},
	0x12: {"AVVID trust bitmap", func(p *Printer, r reader, off, _ int) { p.printf("0x%02x", r.u8(off)) }, 1, 1},
	0x13: {"AVVID untrusted ports CoS", func(p *Printer, r reader, off, _ int) { p.printf("0x%02x", r.u8(off)) }, 1, 1},
	0x14: {"System Name", (*Printer).cdpString, 0, 0},
	0x15: {"System Object ID (not decoded)", nil, 0, 0},
	0x16: {"Management Addresses", (*Printer).cdpAddrs, 4, 0},
	0x17: {"Physical Location", (*Printer).cdpPhysLoc, 1, 0},
}

var cdpCapabilityBits = []bitTok{{0x01, "Router"}, {0x02, "Transparent Bridge"}, {0x04, "Source Route Bridge"},
	{0x08, "L2 Switch"}, {0x10, "L3 capable"}, {0x20, "IGMP snooping"}, {0x40, "L1 capable"}}

// printBytes prints n bytes at off with printChar (tcpdump's nd_printn
// without an end): a byte not captured ends the packet.
func (p *Printer) printBytes(r reader, off, n int) {
	for i := 0; i < n; i++ {
		p.printChar(r.u8(off + i))
	}
}

// cdp prints a Cisco Discovery Protocol message. Where tcpdump finds it
// invalid it prints " (invalid)" and ends the packet if the rest was not
// captured.
func (p *Printer) cdp(b []byte, length int) { p.orInvalid("cdp", b, length, p.cdpBody) }

// orInvalid runs body, the printer of the protocol proto, on a reader of
// b; where body reports false (tcpdump's "goto invalid") it goes on as
// tcpdump's "invalid:" label does, with invalidRest from where body
// stopped.
func (p *Printer) orInvalid(proto string, b []byte, length int, body func(r reader, length int) (off int, ok bool)) {
	r := p.reader(proto, b)
	if off, ok := body(r, length); !ok {
		r.invalidRest(off, length)
	}
}

// invalidRest prints " (invalid)" (nd_print_invalid) and ends the packet
// unless the rest of the message, from off to length, was captured (the
// ND_TCHECK_LEN after it).
func (r reader) invalidRest(off, length int) {
	r.p.print(" (invalid)")
	r.need(off, length-off)
}

// cdpBody prints the message; on something invalid it reports false and
// where it stopped.
func (p *Printer) cdpBody(r reader, length int) (int, bool) {
	if length < 4 {
		p.printf(" (packet length %d < 4)", length)
		return 0, false
	}
	p.printf("CDPv%d, ttl: %ds", r.u8(0), r.u8(1))
	sum := r.be16(2)
	if p.o.Verbose > 0 {
		p.printf(", checksum: 0x%04x (unverified), length %d", sum, length)
	}
	off := 4
	for off < length {
		left := length - off
		if left < 4 {
			p.printf(" (remaining packet length %d < 4)", left)
			return off, false
		}
		typ, tl := r.be16(off), int(r.be16(off+2))
		var info *cdpTLVInfo
		name := "unknown field type"
		if int(typ) < len(cdpTLVs) {
			info = &cdpTLVs[typ]
			if info.name != "" {
				name = info.name
			}
		}
		if tl < 4 {
			if p.o.Verbose > 0 {
				p.printf("\n\t%s (0x%02x), TLV length: %d byte%s (too short)", name, typ, tl, plural(tl))
			} else {
				p.printf(", %s TLV length %d too short", name, tl)
			}
			return off, false
		}
		if tl > left {
			p.printf(" (TLV length %d > %d)", tl, left)
			return off, false
		}
		off += 4
		n := tl - 4
		if p.o.Verbose == 0 && typ == 1 {
			p.print(", Device-ID ")
		} else if p.o.Verbose > 0 {
			p.printf("\n\t%s (0x%02x), value length: %d byte%s: ", name, typ, n, plural(n))
		}
		covered := false
		if info != nil {
			if (info.min > 0 && n < info.min) || (info.max > 0 && n > info.max) {
				p.print(" (malformed TLV)")
			} else if p.o.Verbose > 0 || typ == 1 {
				if info.print != nil {
					info.print(p, r, off, n)
				} else {
					r.need(off, n)
				}
				covered = true
			}
		}
		if !covered {
			r.need(off, n)
			p.unknownData(r.b[off:], "\n\t  ", n)
		}
		off += n
	}
	if p.o.Verbose < 1 {
		p.printf(", length %d", length)
	}
	return off, true
}

// cdpString prints a string TLV in quotes.
func (p *Printer) cdpString(r reader, off, n int) {
	p.print("'")
	p.printBytes(r, off, n)
	p.print("'")
}

func (p *Printer) cdpCapability(r reader, off, _ int) {
	v := r.be32(off)
	p.printf("(0x%08x): %s", v, bitTokString(cdpCapabilityBits, "none", v))
}

// cdpVersion prints the version string, each of its lines indented.
func (p *Printer) cdpVersion(r reader, off, n int) {
	p.print("\n\t  ")
	for i := 0; i < n; i++ {
		if c := r.u8(off + i); c == '\n' {
			p.print("\n\t  ")
		} else {
			p.printChar(c)
		}
	}
}

func (p *Printer) cdpDuplex(r reader, off, _ int) {
	if r.u8(off) != 0 {
		p.print("full")
	} else {
		p.print("half")
	}
}

func (p *Printer) cdpATA186(r reader, off, n int) {
	if n == 2 {
		p.printf("unknown 0x%04x", r.be16(off))
	} else {
		p.printf("app %d, vlan %d", r.u8(off), r.be16(off+1))
	}
}

func (p *Printer) cdpPower(r reader, off, n int) {
	var v uint32
	switch n {
	case 1:
		v = uint32(r.u8(off))
	case 2:
		v = uint32(r.be16(off))
	case 3:
		v = uint32(r.u8(off))<<16 | uint32(r.be16(off+1))
	}
	p.printf("%1.2fW", float64(v)/1000)
}

func (p *Printer) cdpPhysLoc(r reader, off, n int) {
	p.printf("0x%02x", r.u8(off))
	if n > 1 {
		p.print("/")
		p.printBytes(r, off+1, n-1)
	}
}

// cdpPrefixes prints the IPv4 prefixes of a Prefixes TLV.
func (p *Printer) cdpPrefixes(r reader, off, n int) {
	if n%5 != 0 {
		p.printf(" [length %d is not a multiple of 5]", n)
		r.need(off, n)
		return
	}
	p.printf(" IPv4 Prefixes (%d):", n/5)
	for ; n > 0; n -= 5 {
		p.printf(" %d.%d.%d.%d/%d", r.u8(off), r.u8(off+1), r.u8(off+2), r.u8(off+3), r.u8(off+4))
		off += 5
	}
}

// cdpIPv6Proto is the protocol field of an IPv6 address: an LLC and SNAP
// header of the IPv6 ethertype.
var cdpIPv6Proto = [8]byte{0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd}

// cdpAddrs prints the address list of an Address or Management Addresses
// TLV; where it runs out of room it ends the packet if the rest was not
// captured, as tcpdump does.
func (p *Printer) cdpAddrs(r reader, off, l int) {
	if l < 4 {
		p.print(" (not enough space for num)")
		r.need(off, l)
		return
	}
	num := r.be32(off)
	off += 4
	l -= 4
	short := func(what string) {
		p.printf(" (not enough space for %s)", what)
		r.need(off, l)
	}
	// hexBytes prints the next n bytes in hex, stepping past them.
	hexBytes := func(n int) {
		for ; n != 0; n-- {
			p.printf(" %02x", r.u8(off))
			off++
			l--
		}
	}
	for num != 0 {
		if l < 2 {
			short("PT+PL")
			return
		}
		pt, pl := r.u8(off), int(r.u8(off+1))
		off += 2
		l -= 2
		if l < pl+2 {
			short("P+AL")
			return
		}
		al := int(r.be16(off + pl))
		family := ""
		switch {
		case pt == 1 && pl == 1 && r.u8(off) == 0xcc && al == 4:
			family = "IPv4"
		case pt == 2 && pl == 8 && r.has(off, 8) && [8]byte(r.b[off:off+8]) == cdpIPv6Proto && al == 16:
			family = "IPv6"
		}
		if family == "" {
			p.printf("pt=0x%02x, pl=%d, pb=", pt, pl)
			hexBytes(pl)
			p.printf(", al=%d, a=", al)
		} else {
			off += pl
			l -= pl
		}
		off += 2
		l -= 2
		if l < al {
			short("A")
			return
		}
		if family == "" {
			hexBytes(al)
		} else {
			a, _ := netip.AddrFromSlice(r.bytes(off, al))
			p.printf("%s (%d) %s", family, num, p.host(a))
			off += al
			l -= al
		}
		num--
		if num != 0 {
			p.print(" ")
		}
	}
	if l != 0 {
		p.printf(" (%d bytes of stray data)", l)
	}
}

var dtpTLVNames = map[uint16]string{1: "Domain", 2: "Status", 3: "DTP type", 4: "Neighbor"}

// dtp prints a Dynamic Trunking Protocol message.
func (p *Printer) dtp(b []byte, length int) { p.orInvalid("dtp", b, length, p.dtpBody) }

// dtpBody prints the message; on something invalid it reports false and
// where it stopped.
func (p *Printer) dtpBody(r reader, length int) (int, bool) {
	if length < 1 {
		p.print("[zero packet length]")
		return 0, false
	}
	p.printf("DTPv%d, length %d", r.u8(0), length)
	if p.o.Verbose < 1 {
		return 0, true
	}
	off := 1
	for off < length {
		left := length - off
		if left < 4 {
			p.printf("[%d bytes remaining]", left)
			return off, false
		}
		typ, l := r.be16(off), int(r.be16(off+2))
		if typ == 0 {
			return off, true
		}
		p.printf("\n\t%s (0x%04x) TLV, length %d", mapName(dtpTLVNames, typ, "Unknown"), typ, l)
		if l < 4 || l > left {
			p.printf("[invalid TLV length %d]", l)
			return off, false
		}
		switch typ {
		case 1:
			p.print(", ")
			p.printJNP(r, off+4, l-4)
		case 2, 3:
			if l != 5 {
				return off, false
			}
			p.printf(", 0x%x", r.u8(off+4))
		case 4:
			if l != 10 {
				return off, false
			}
			p.printf(", %s", p.etherAddr(r.bytes(off+4, 6)))
		default:
			r.need(off, l)
		}
		off += l
	}
	return off, true
}

var vtpMessageNames = map[uint8]string{
	1: "Summary advertisement", 2: "Subset advertisement", 3: "Advertisement request", 4: "Join message",
}

var vtpHeaderFieldNames = map[uint8]string{1: "Followers", 2: "Seq number", 3: "Rsvd", 4: "Rsvd"}

var vtpVLANTypes = map[uint8]string{1: "Ethernet", 2: "FDDI", 3: "TrCRF", 4: "FDDI-net", 5: "TrBRF"}

var vtpVLANStatus = map[uint8]string{0: "Operational", 1: "Suspended"}

var vtpVLANTLVNames = map[uint8]string{1: "Source-Routing Ring Number TLV", 2: "Source-Routing Bridge Number TLV",
	3: "STP type TLV", 4: "Parent VLAN TLV", 5: "Translationally bridged VLANs TLV", 6: "Pruning TLV",
	7: "Bridge Type TLV", 8: "Max ARP Hop Count TLV", 9: "Max STE Hop Count TLV", 10: "Backup CRF Mode TLV"}

var vtpSTPTypes = map[uint16]string{1: "SRT", 2: "SRB", 3: "Auto"}

// vtp prints a VLAN Trunking Protocol message. Without -v, and where
// tcpdump finds it invalid (after " (invalid)"), it ends the packet if
// the message was not captured whole.
func (p *Printer) vtp(b []byte, length int) {
	r := p.reader("vtp", b)
	if ok, whole := p.vtpBody(r, length); !ok {
		r.invalidRest(0, length)
	} else if whole {
		r.need(0, length)
	}
}

// vtpBody prints the message; it reports false on something invalid,
// and whether the whole message must have been captured all the same.
func (p *Printer) vtpBody(r reader, length int) (ok, whole bool) {
	if length < 36 {
		return false, false
	}
	r.need(0, 36)
	typ := r.u8(1)
	p.printf("VTPv%d, Message %s (0x%02x), length %d", r.u8(0),
		mapName(vtpMessageNames, typ, "Unknown message type"), typ, length)
	if p.o.Verbose < 1 {
		return true, true
	}
	p.print("\n\tDomain name: ")
	dl := int(r.u8(3))
	if dl < 1 || dl > 32 {
		p.printf(" [invalid MgmtD Len %d]", dl)
		return false, false
	}
	p.printJNP(r, 4, dl)
	p.printf(", %s: %d", mapName(vtpHeaderFieldNames, typ, "Unknown"), r.u8(2))
	off := 36
	switch typ {
	case 1:
		p.printf("\n\t  Config Rev %x, Updater %s", r.be32(off), p.host(addr4(r.bytes(off+4, 4))))
		p.printf(", Timestamp 0x%08x 0x%08x 0x%08x", r.be32(off+8), r.be32(off+12), r.be32(off+16))
		p.printf(", MD5 digest: %08x%08x%08x%08x", r.be32(off+20), r.be32(off+24), r.be32(off+28), r.be32(off+32))
	case 2:
		p.printf(", Config Rev %x", r.be32(off))
		off += 4
		for off < length {
			l := int(r.u8(off))
			if l == 0 {
				break
			}
			r.need(off, l)
			if l < 12 {
				return false, false
			}
			var ok bool
			if off, ok = p.vtpVLAN(r, off, l); !ok {
				return false, false
			}
		}
	case 3:
		p.printf("\n\tStart value: %d", r.be32(off))
	}
	return true, false
}

// vtpVLAN prints one VLAN info field of l bytes at off and returns the
// offset after it, false if it is invalid.
func (p *Printer) vtpVLAN(r reader, off, l int) (int, bool) {
	p.printf("\n\tVLAN info status %s, type %s, VLAN-id %d, MTU %d, SAID 0x%08x, Name ",
		mapName(vtpVLANStatus, r.u8(off+1), "Unknown"), mapName(vtpVLANTypes, r.u8(off+2), "Unknown"),
		r.be16(off+4), r.be16(off+6), r.be32(off+8))
	nl := int(r.u8(off + 3))
	l -= 12
	off += 12
	padded := 4 * ((nl + 3) / 4)
	if l < padded {
		return off, false
	}
	p.printJNP(r, off, nl)
	l -= padded
	off += padded
	for l > 0 {
		if l < 2 {
			return off, false
		}
		typ, tl := r.u8(off), int(r.u8(off+1))
		p.printf("\n\t\t%s (0x%04x) TLV", mapName(vtpVLANTLVNames, typ, "Unknown"), typ)
		if l < tl*2+2 {
			p.print(" (TLV goes past the end of the packet)")
			return off, false
		}
		r.need(off, tl*2+2)
		if tl != 1 {
			p.printf(" (invalid TLV length %d != 1)", tl)
			return off, false
		}
		v := r.be16(off + 2)
		switch typ {
		case 9:
			p.printf(", %d", v)
		case 6:
			p.printf(", %s (%d)", ifElse(v == 1, "Enabled", "Disabled"), v)
		case 3:
			p.printf(", %s (%d)", mapName(vtpSTPTypes, v, "Unknown"), v)
		case 7:
			p.printf(", %s (%d)", ifElse(v == 1, "SRB", "SRT"), v)
		case 10:
			p.printf(", %s (%d)", ifElse(v == 1, "Backup", "Not backup"), v)
		default:
			p.unknownData(r.b[off:], "\n\t\t  ", 2+tl*2)
		}
		l -= 2 + tl*2
		off += 2 + tl*2
	}
	return off, true
}

// ifElse is a when cond holds, else b.
func ifElse(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
