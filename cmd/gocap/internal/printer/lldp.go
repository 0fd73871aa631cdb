package printer

import "fmt"

var lldpTLVNames = map[uint16]string{
	0: "End", 1: "Chassis ID", 2: "Port ID", 3: "Time to Live", 4: "Port Description",
	5: "System Name", 6: "System Description", 7: "System Capabilities", 8: "Management Address",
	127: "Organization specific",
}

var lldpChassisSubtypes = map[uint8]string{
	1: "Chassis component", 2: "Interface alias", 3: "Port component", 4: "MAC address",
	5: "Network address", 6: "Interface name", 7: "Local",
}

var lldpPortSubtypes = map[uint8]string{
	1: "Interface alias", 2: "Port component", 3: "MAC address", 4: "Network Address",
	5: "Interface Name", 6: "Agent circuit ID", 7: "Local",
}

var lldpCapabilities = []flagBit{
	{0x01, "Other"}, {0x02, "Repeater"}, {0x04, "Bridge"}, {0x08, "WLAN AP"}, {0x10, "Router"},
	{0x20, "Telephone"}, {0x40, "Docsis"}, {0x80, "Station Only"},
}

var lldp8021Subtypes = map[uint8]string{
	1: "Port VLAN Id", 2: "Port and Protocol VLAN ID", 3: "VLAN name", 4: "Protocol Identity",
	5: "VID Usage Digest", 6: "Management VID", 7: "Link aggregation", 8: "Congestion Notification",
	9: "ETS Configuration", 10: "ETS Recommendation", 11: "Priority Flow Control Configuration",
	12: "Application Priority", 13: "EVB", 14: "CDCP",
}

var lldp8023Subtypes = map[uint8]string{
	1: "MAC/PHY configuration/status", 2: "Power via MDI", 3: "Link aggregation", 4: "Max frame size",
}

var lldpAutoneg = []flagBit{{0x01, "supported"}, {0x02, "enabled"}}

var lldpPMDCapabilities = []flagBit{
	{1 << 14, "10BASE-T hdx"}, {1 << 13, "10BASE-T fdx"}, {1 << 12, "100BASE-T4"},
	{1 << 11, "100BASE-TX hdx"}, {1 << 10, "100BASE-TX fdx"}, {1 << 9, "100BASE-T2 hdx"},
	{1 << 8, "100BASE-T2 fdx"}, {1 << 7, "Pause for fdx links"}, {1 << 6, "Asym PAUSE for fdx"},
	{1 << 5, "Sym PAUSE for fdx"}, {1 << 4, "Asym and Sym PAUSE for fdx"},
	{1 << 3, "1000BASE-{X LX SX CX} hdx"}, {1 << 2, "1000BASE-{X LX SX CX} fdx"},
	{1 << 1, "1000BASE-T hdx"}, {1 << 0, "1000BASE-T fdx"},
}

var lldpMAUTypes = map[uint16]string{
	0: "Unknown", 1: "AUI", 2: "10BASE_5", 3: "FOIRL", 4: "10BASE2", 5: "10BASET duplex mode unknown",
	6: "10BASEFP", 7: "10BASEFB", 8: "10BASEFL duplex mode unknown", 9: "10BROAD36",
	10: "10BASET hdx", 11: "10BASET fdx", 12: "10BASEFL hdx", 13: "10BASEFL fdx", 14: "100BASET4",
	15: "100BASETX hdx", 16: "100BASETX fdx", 17: "100BASEFX hdx", 18: "100BASEFX fdx",
	19: "100BASET2 hdx", 20: "100BASET2 fdx", 21: "1000BASEX hdx", 22: "1000BASEX fdx",
	23: "1000BASELX hdx", 24: "1000BASELX fdx", 25: "1000BASESX hdx", 26: "1000BASESX fdx",
	27: "1000BASECX hdx", 28: "1000BASECX fdx", 29: "1000BASET hdx", 30: "1000BASET fdx",
}

var addressFamilies = map[uint8]string{1: "IPv4", 2: "IPv6", 3: "NSAP", 4: "HDLC", 5: "BBN 1822", 6: "802"}

var lldpIntfNumbering = map[uint8]string{1: "Unknown", 2: "Interface Index", 3: "System Port Number"}

// lldp prints a Link Layer Discovery Protocol frame: the system name
// only, or every TLV with -v.
func (p *Printer) lldp(b []byte, length int) {
	r := p.reader("lldp", b)
	p.printf("LLDP, length %d", length)
	v := p.o.Verbose > 0
	for rem := length; rem >= 2; {
		hdr := r.be16(0)
		typ, l := hdr>>9, int(hdr&0x1ff)
		r = r.from(2)
		b = r.b
		rem -= 2
		if v {
			p.printf("\n\t%s TLV (%d), length %d", mapName(lldpTLVNames, typ, "Unknown"), typ, l)
		}
		if typ == 0 || l == 0 {
			break
		}
		r.need(0, l)
		if rem < l {
			endPacket()
		}
		t := b[:l]
		hexdump := false
		switch typ {
		case 1, 2:
			if !v {
				break
			}
			if l < 2 {
				endPacket()
			}
			sub := t[0]
			names, macSub, netSub := lldpChassisSubtypes, uint8(4), uint8(5)
			if typ == 2 {
				names, macSub, netSub = lldpPortSubtypes, 3, 4
			}
			p.printf("\n\t  Subtype %s (%d): ", mapName(names, sub, "Unknown"), sub)
			switch {
			case sub == macSub:
				if l < 7 {
					endPacket()
				}
				p.print(p.etherAddr(t[1:]))
			case sub == netSub:
				s, ok := p.lldpNetAddr(t[1:])
				if !ok {
					endPacket()
				}
				p.print(s)
			case sub >= 1 && sub <= 7:
				p.print(printableZ(t[1:]))
			default:
				hexdump = true
			}
		case 3:
			if v {
				if l < 2 {
					endPacket()
				}
				p.printf(": TTL %ds", be16(t, 0))
			}
		case 4:
			if v {
				p.printf(": %s", printableZ(t))
			}
		case 5:
			p.printf(": %s", printableZ(t))
		case 6:
			if v {
				p.printf("\n\t  %s", printableZ(t))
			}
		case 7:
			if v {
				if l < 4 {
					endPacket()
				}
				c, e := be16(t, 0), be16(t, 2)
				p.printf("\n\t  System  Capabilities [%s] (0x%04x)", flagNames(lldpCapabilities, uint32(c), "none", ", "), c)
				p.printf("\n\t  Enabled Capabilities [%s] (0x%04x)", flagNames(lldpCapabilities, uint32(e), "none", ", "), e)
			}
		case 8:
			if v && !p.lldpMgmtAddr(t) {
				endPacket()
			}
		case 127:
			if !v {
				break
			}
			if l < 3 {
				endPacket()
			}
			oui := be24(t, 0)
			p.printf(": OUI %s (0x%06x)", mapName(ouiNames, oui, "Unknown"), oui)
			switch oui {
			case 0x0080c2:
				hexdump = p.lldp8021(t)
			case 0x00120f:
				hexdump = p.lldp8023(t)
			default:
				hexdump = true
			}
		default:
			hexdump = true
		}
		if p.o.Verbose > 1 || (v && hexdump) {
			p.unknownData(t, "\n\t  ", l)
		}
		r = r.from(l)
		rem -= l
	}
}

// lldpNetAddr formats an address-family-prefixed network address.
func (p *Printer) lldpNetAddr(b []byte) (string, bool) {
	if len(b) < 1 {
		return "", false
	}
	af := b[0]
	a := b[1:]
	name := mapName(addressFamilies, af, "Unknown")
	var s string
	switch af {
	case 1:
		if len(a) < 4 {
			return "", false
		}
		s = p.host(addr4(a))
	case 2:
		if len(a) < 16 {
			return "", false
		}
		s = p.host(addr16(a))
	case 6:
		if len(a) < 6 {
			return "", false
		}
		s = p.etherAddr(a)
	default:
		return fmt.Sprintf("AFI %s (%d), no AF printer !", name, af), true
	}
	return fmt.Sprintf("AFI %s (%d): %s", name, af, s), true
}

func (p *Printer) lldpMgmtAddr(t []byte) bool {
	if len(t) < 1 {
		return false
	}
	al := int(t[0])
	t = t[1:]
	if len(t) < al {
		return false
	}
	s, ok := p.lldpNetAddr(t[:al])
	if !ok {
		return false
	}
	p.printf("\n\t  Management Address length %d, %s", al, s)
	t = t[al:]
	if len(t) < 5 {
		return false
	}
	p.printf("\n\t  %s Interface Numbering (%d): %d", mapName(lldpIntfNumbering, t[0], "Unknown"), t[0], be32(t, 1))
	t = t[5:]
	if len(t) > 0 {
		oid, ok := lldpCounted(t, 0)
		if !ok {
			return false
		}
		if t[0] > 0 {
			p.printf("\n\t  OID length %d", t[0])
			p.print(oid)
		}
	}
	return true
}

// lldpCounted returns, made printable, the string of as many bytes as
// the count at t[at] says after it, and whether they are all in t.
func lldpCounted(t []byte, at int) (string, bool) {
	if len(t) < at+1 || len(t) < at+1+int(t[at]) {
		return "", false
	}
	return printableZ(t[at+1 : at+1+int(t[at])]), true
}

// lldpSubtype prints the subtype of an organisation-specific TLV named
// from names; it returns it, or false when the TLV is too short for it.
func (p *Printer) lldpSubtype(t []byte, names map[byte]string) (byte, bool) {
	if len(t) < 4 {
		return 0, false
	}
	p.printf("\n\t  %s Subtype (%d)", mapName(names, t[3], "unknown"), t[3])
	return t[3], true
}

// lldp8021 prints an IEEE 802.1 organisation-specific TLV, reporting
// whether it should also be dumped in hex.
func (p *Printer) lldp8021(t []byte) bool {
	sub, ok := p.lldpSubtype(t, lldp8021Subtypes)
	if !ok {
		return false
	}
	switch sub {
	case 1:
		if len(t) < 6 {
			return false
		}
		p.printf("\n\t    port vlan id (PVID): %d", be16(t, 4))
	case 2:
		if len(t) < 7 {
			return false
		}
		f := t[4]
		p.printf("\n\t    port and protocol vlan id (PPVID): %d, flags [%s] (0x%02x)", be16(t, 5),
			flagNames([]flagBit{{1 << 1, "supported"}, {1 << 2, "enabled"}}, uint32(f), "none", ", "), f)
	case 3:
		if len(t) < 6 {
			return false
		}
		p.printf("\n\t    vlan id (VID): %d", be16(t, 4))
		name, ok := lldpCounted(t, 6)
		if !ok {
			return false
		}
		p.printf("\n\t    vlan name: %s", name)
	case 4:
		id, ok := lldpCounted(t, 4)
		if !ok {
			return false
		}
		p.printf("\n\t    protocol identity: %s", id)
	default:
		return true
	}
	return false
}

// lldp8023 prints an IEEE 802.3 organisation-specific TLV, reporting
// whether it should also be dumped in hex.
func (p *Printer) lldp8023(t []byte) bool {
	sub, ok := p.lldpSubtype(t, lldp8023Subtypes)
	if !ok {
		return false
	}
	switch sub {
	case 1:
		if len(t) < 9 {
			return false
		}
		p.printf("\n\t    autonegotiation [%s] (0x%02x)", flagNames(lldpAutoneg, uint32(t[4]), "none", ", "), t[4])
		c := be16(t, 5)
		p.printf("\n\t    PMD autoneg capability [%s] (0x%04x)", flagNames(lldpPMDCapabilities, uint32(c), "unknown", ", "), c)
		m := be16(t, 7)
		p.printf("\n\t    MAU type %s (0x%04x)", mapName(lldpMAUTypes, m, "unknown"), m)
	case 4:
		if len(t) < 6 {
			return false
		}
		p.printf("\n\t    MTU size %d", be16(t, 4))
	default:
		return true
	}
	return false
}
