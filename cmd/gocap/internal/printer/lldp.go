package printer

// LLDP (IEEE 802.1AB), EtherType 0x88cc, as tcpdump's print-lldp.c
// prints it: the system name alone, every TLV with -v, and the
// organisation-specific TLVs of IEEE 802.1 and 802.3, TIA LLDP-MED, the
// IANA MUD URL and the pre-standard DCBX.

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

var lldpCapabilities = []bitTok{
	{0x01, "Other"}, {0x02, "Repeater"}, {0x04, "Bridge"}, {0x08, "WLAN AP"}, {0x10, "Router"},
	{0x20, "Telephone"}, {0x40, "Docsis"}, {0x80, "Station Only"},
}

var lldp8021Subtypes = map[uint8]string{
	1: "Port VLAN Id", 2: "Port and Protocol VLAN ID", 3: "VLAN name", 4: "Protocol Identity",
	7: "Link aggregation", 8: "Congestion Notification", 9: "ETS Configuration",
	10: "ETS Recommendation", 11: "Priority Flow Control Configuration",
	12: "Application Priority", 13: "EVB", 14: "CDCP",
}

var lldp8023Subtypes = map[uint8]string{
	1: "MAC/PHY configuration/status", 2: "Power via MDI", 3: "Link aggregation", 4: "Max frame size",
}

var lldpAutoneg = []bitTok{{0x01, "supported"}, {0x02, "enabled"}}

var lldpPMDCapabilities = []bitTok{
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
	31: "10GBASEX", 32: "10GBASELX4", 33: "10GBASER", 34: "10GBASEER", 35: "10GBASELR",
	36: "10GBASESR", 37: "10GBASEW", 38: "10GBASEEW", 39: "10GBASELW", 40: "10GBASESW",
}

var lldpMDIBits = []bitTok{{0x01, "PSE"}, {0x02, "supported"}, {0x04, "enabled"}, {0x08, "can be controlled"}}

var lldpMDIPairs = map[uint8]string{1: "signal", 2: "spare"}

var lldpMDIClasses = map[uint8]string{1: "class0", 2: "class1", 3: "class2", 4: "class3", 5: "class4"}

var lldpAggregation = []bitTok{{0x01, "supported"}, {0x02, "enabled"}}

var lldpIntfNumbering = map[uint8]string{2: "Interface Index", 3: "System Port Number"}

var lldpEVBModes = map[uint8]string{0: "Not Supported", 1: "EVB Bridge", 2: "EVB Station",
	3: "Reserved for future Standardization"}

var lldpTIASubtypes = map[uint8]string{
	1: "LLDP-MED Capabilities", 2: "Network policy", 3: "Location identification",
	4: "Extended power-via-MDI", 5: "Inventory - hardware revision", 6: "Inventory - firmware revision",
	7: "Inventory - software revision", 8: "Inventory - serial number",
	9: "Inventory - manufacturer name", 10: "Inventory - model name", 11: "Inventory - asset ID",
}

var lldpTIAInventory = map[uint8]string{5: "Hardware revision", 6: "Firmware revision",
	7: "Software revision", 8: "Serial number", 9: "Manufacturer name", 10: "Model name", 11: "Asset ID"}

var lldpTIACapabilities = []bitTok{{0x01, "LLDP-MED capabilities"}, {0x02, "network policy"},
	{0x04, "location identification"}, {0x08, "extended power via MDI-PSE"},
	{0x10, "extended power via MDI-PD"}, {0x20, "Inventory"}}

var lldpTIADeviceTypes = map[uint8]string{1: "endpoint class 1", 2: "endpoint class 2",
	3: "endpoint class 3", 4: "network connectivity"}

var lldpTIAApplications = map[uint8]string{1: "voice", 2: "voice signaling", 3: "guest voice",
	4: "guest voice signaling", 5: "softphone voice", 6: "video conferencing", 7: "streaming video",
	8: "video signaling"}

var lldpTIAPolicyBits = []bitTok{{0x80, "Unknown"}, {0x40, "Tagged"}, {0x20, "reserved"}}

var lldpTIALocationFormats = map[uint8]string{1: "coordinate-based LCI", 2: "civic address LCI", 3: "ECS ELIN"}

var lldpTIAAltitudeTypes = map[uint8]string{1: "meters", 2: "floors"}

var lldpTIADatums = map[uint8]string{1: "World Geodesic System 1984",
	2: "North American Datum 1983 (NAVD88)", 3: "North American Datum 1983 (MLLW)"}

var lldpTIALCIWhat = map[uint8]string{0: "location of DHCP server",
	1: "location of the network element believed to be closest to the client", 2: "location of the client"}

var lldpTIACATypes = map[uint8]string{1: "national subdivisions (state,canton,region,province,prefecture)",
	2: "county, parish, gun, district", 3: "city, township, shi",
	4: "city division, borough, city district, ward chou", 5: "neighborhood, block", 6: "street"}

var lldpTIAPowerSources = map[uint8]string{1: "PSE - primary power source",
	2: "local - backup power source", 3: "PSE+local - reserved"}

var lldpTIAPowerPriorities = map[uint8]string{1: "critical", 2: "high", 3: "low"}

var lldpDCBXSubtypes = map[uint8]string{1: "DCB Capability Exchange Protocol Rev 1",
	2: "DCB Capability Exchange Protocol Rev 1.01"}

// lldp prints a Link Layer Discovery Protocol frame: the system name
// only, or every TLV with -v.
func (p *Printer) lldp(b []byte, length int) {
	r := p.reader("lldp", b)
	p.printf("LLDP, length %d", length)
	p.label("lldp", func() { p.lldpTLVs(r, length) })
}

// lldpTLVs prints the TLVs of an LLDP frame; what tcpdump finds short
// jumps to its "trunc" label (gotoTrunc), which prints " [|lldp]" and
// lets the frame's printing end normally.
func (p *Printer) lldpTLVs(r reader, length int) {
	v := p.o.Verbose > 0
	for rem := length; rem >= 2; {
		r.check(0, 2)
		hdr := r.be16(0)
		typ, l := hdr>>9, int(hdr&0x1ff)
		r = r.from(2)
		rem -= 2
		if v {
			p.printf("\n\t%s TLV (%d), length %d", mapName(lldpTLVNames, typ, "Unknown"), typ, l)
		}
		if typ == 0 || l == 0 {
			break
		}
		r.check(0, l)
		if rem < l {
			gotoTrunc()
		}
		hexdump := false
		if v || typ == 5 {
			hexdump = p.lldpTLV(r, typ, l)
		}
		if p.o.Verbose > 1 || (v && hexdump) {
			p.unknownData(r.b, "\n\t  ", l)
		}
		r = r.from(l)
		rem -= l
	}
}

// lldpTLV prints the value of a TLV of the type, the l bytes (captured)
// at the start of r, and reports whether tcpdump also dumps it in hex
// with -v. What tcpdump finds too short jumps to its "trunc" label.
func (p *Printer) lldpTLV(r reader, typ uint16, l int) bool {
	switch typ {
	case 1, 2:
		if l < 2 {
			gotoTrunc()
		}
		sub := r.u8(0)
		names, macSub, netSub := lldpChassisSubtypes, uint8(4), uint8(5)
		if typ == 2 {
			names, macSub, netSub = lldpPortSubtypes, 3, 4
		}
		p.printf("\n\t  Subtype %s (%d): ", mapName(names, sub, "Unknown"), sub)
		switch {
		case sub == macSub:
			if l < 7 {
				gotoTrunc()
			}
			p.print(p.etherAddr(r.bytes(1, 6)))
		case sub == netSub:
			s, ok := p.lldpNetAddr(r.b[1:l])
			if !ok {
				gotoTrunc()
			}
			p.print(s)
		case sub >= 1 && sub <= 7:
			p.print(printableZ(r.b[1:l]))
		default:
			return true
		}
	case 3:
		if l < 2 {
			gotoTrunc()
		}
		p.printf(": TTL %ds", r.be16(0))
	case 4, 5:
		p.printf(": %s", printableZ(r.b[:l]))
	case 6:
		p.printf("\n\t  %s", printableZ(r.b[:l]))
	case 7:
		if l < 4 {
			gotoTrunc()
		}
		c, e := r.be16(0), r.be16(2)
		p.printf("\n\t  System  Capabilities [%s] (0x%04x)", bitTokString(lldpCapabilities, "none", uint32(c)), c)
		p.printf("\n\t  Enabled Capabilities [%s] (0x%04x)", bitTokString(lldpCapabilities, "none", uint32(e)), e)
	case 8:
		if !p.lldpMgmtAddr(r.b[:l]) {
			gotoTrunc()
		}
	case 127:
		if l < 3 {
			gotoTrunc()
		}
		oui := r.be24(0)
		p.printf(": OUI %s (0x%06x)", mapName(ouiNames, oui, "Unknown"), oui)
		t := r.b[:l]
		switch oui {
		case 0x0080c2:
			return p.lldp8021(t)
		case 0x00120f:
			return p.lldp8023(t)
		case 0x00005e:
			if l < 8 {
				return false
			}
			p.printf("\n\t  %s Subtype (%d)", mapName(map[uint8]string{1: "MUD-URL"}, t[3], "unknown"), t[3])
			if t[3] != 1 {
				return true
			}
			p.printf("\n\t  MUD-URL=%s", printableN(t[4:]))
		case 0x0012bb:
			return p.lldpTIA(t)
		case 0x001b21:
			return p.lldpDCBX(t)
		default:
			return true
		}
	default:
		return true
	}
	return false
}

// lldpNetAddr formats an address-family-prefixed network address.
func (p *Printer) lldpNetAddr(b []byte) (string, bool) {
	if len(b) < 1 {
		return "", false
	}
	af := b[0]
	a := b[1:]
	name := mapName(afNumbers, uint16(af), "Unknown")
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
		return sprintf("AFI %s (%d), no AF printer !", name, af), true
	}
	return sprintf("AFI %s (%d): %s", name, af, s), true
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

// lldpBits prints the eight bits of v, lowest first, as tcpdump's
// per-priority tables do.
func (p *Printer) lldpBits(v byte) {
	p.print("\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ")
	for i := range 8 {
		p.printf("%-2d ", (v>>i)&1)
	}
}

// lldpETSTables prints the priority assignment, TC bandwidth and TSA
// assignment tables of an ETS TLV, which start at t[5].
func (p *Printer) lldpETSTables(t []byte) {
	p.print("\n\t    Priority Assignment Table\n\t     Priority : 0   1   2   3   4   5   6   7\n\t     Value    :")
	for _, c := range t[5:9] {
		p.printf(" %-3d %-3d", c>>4, c&0x0f)
	}
	p.print("\n\t    TC Bandwidth Table\n\t     TC%   : 0   1   2   3   4   5   6   7\n\t     Value :")
	for _, c := range t[9:17] {
		p.printf(" %-3d", c)
	}
	p.print("\n\t    TSA Assignment Table\n\t     Traffic Class: 0   1   2   3   4   5   6   7\n\t     Value        :")
	for _, c := range t[17:25] {
		p.printf(" %-3d", c)
	}
}

// lldp8021 prints an IEEE 802.1 organisation-specific TLV, reporting
// whether it should also be dumped in hex.
func (p *Printer) lldp8021(t []byte) bool {
	sub, ok := p.lldpSubtype(t, lldp8021Subtypes)
	if !ok {
		return false
	}
	n := len(t)
	switch sub {
	case 1:
		if n < 6 {
			return false
		}
		p.printf("\n\t    port vlan id (PVID): %d", be16(t, 4))
	case 2:
		if n < 7 {
			return false
		}
		f := t[4]
		p.printf("\n\t    port and protocol vlan id (PPVID): %d, flags [%s] (0x%02x)", be16(t, 5),
			bitTokString([]bitTok{{1 << 1, "supported"}, {1 << 2, "enabled"}}, "none", uint32(f)), f)
	case 3:
		if n < 6 {
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
	case 7:
		if n < 9 {
			return false
		}
		p.printf("\n\t    aggregation status [%s], aggregation port ID %d",
			bitTokString(lldpAggregation, "none", uint32(t[4])), be32(t, 5))
	case 8:
		if n < 6 {
			return false
		}
		p.print("\n\t    Pre-Priority CNPV Indicator")
		p.lldpBits(t[4])
		p.print("\n\t    Pre-Priority Ready Indicator")
		p.lldpBits(t[5])
	case 9:
		if n < 25 {
			return false
		}
		v := t[4]
		p.printf("\n\t    Willing:%d, CBS:%d, RES:%d, Max TCs:%d", v>>7, (v>>6)&0x02, (v>>3)&0x07, v&0x07)
		p.lldpETSTables(t)
	case 10:
		if n < 25 {
			return false
		}
		p.printf("\n\t    RES: %d", t[4])
		p.lldpETSTables(t)
	case 11:
		if n < 6 {
			return false
		}
		v := t[4]
		p.printf("\n\t    Willing: %d, MBC: %d, RES: %d, PFC cap:%d ", v>>7, (v>>6)&0x01, (v>>4)&0x03, v&0x0f)
		p.print("\n\t    PFC Enable")
		p.lldpBits(t[5])
	case 12:
		if n < 5 {
			return false
		}
		p.printf("\n\t    RES: %d", t[4])
		if n == 5 || (n-5)%3 != 0 {
			return false
		}
		p.print("\n\t    Application Priority Table")
		for i := 5; i < n; i += 3 {
			v := t[i]
			p.printf("\n\t      Priority: %d, RES: %d, Sel: %d, Protocol ID: %d", v>>5, (v>>3)&0x03, v&0x07, be16(t, i+1))
		}
	case 13:
		if n < 9 {
			return false
		}
		v := t[4]
		p.printf("\n\t    EVB Bridge Status\n\t      RES: %d, BGID: %d, RRCAP: %d, RRCTR: %d", v>>3, (v>>2)&1, (v>>1)&1, v&1)
		v = t[5]
		p.printf("\n\t    EVB Station Status\n\t      RES: %d, SGID: %d, RRREQ: %d,RRSTAT: %d", v>>4, (v>>3)&1, (v>>2)&1, v&0x03)
		v = t[6]
		p.printf("\n\t    R: %d, RTE: %d, ", v>>5, v&0x1f)
		v = t[7]
		p.printf("EVB Mode: %s [%d]", mapName(lldpEVBModes, v>>6, "unknown"), v>>6)
		p.printf("\n\t    ROL: %d, RWD: %d, ", (v>>5)&1, v&0x1f)
		v = t[8]
		p.printf("RES: %d, ROL: %d, RKA: %d", v>>6, (v>>5)&1, v&0x1f)
	case 14:
		if n < 8 {
			return false
		}
		v := t[4]
		p.printf("\n\t    Role: %d, RES: %d, Scomp: %d ", v>>7, (v>>4)&0x07, (v>>3)&1)
		p.printf("ChnCap: %d", be16(t, 6)&0x0fff)
		if (n-8)%3 != 0 {
			return false
		}
		for i := 8; i < n; i += 3 {
			c := be24(t, i)
			p.printf("\n\t    SCID: %d, SVID: %d", c>>12, c&0xfff)
		}
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
		p.printf("\n\t    autonegotiation [%s] (0x%02x)", bitTokString(lldpAutoneg, "none", uint32(t[4])), t[4])
		c := be16(t, 5)
		p.printf("\n\t    PMD autoneg capability [%s] (0x%04x)", bitTokString(lldpPMDCapabilities, "unknown", uint32(c)), c)
		m := be16(t, 7)
		p.printf("\n\t    MAU type %s (0x%04x)", mapName(lldpMAUTypes, m, "unknown"), m)
	case 2:
		if len(t) < 7 {
			return false
		}
		p.printf("\n\t    MDI power support [%s], power pair %s, power class %s",
			bitTokString(lldpMDIBits, "none", uint32(t[4])), mapName(lldpMDIPairs, t[5], "unknown"),
			mapName(lldpMDIClasses, t[6], "unknown"))
	case 3:
		if len(t) < 9 {
			return false
		}
		p.printf("\n\t    aggregation status [%s], aggregation port ID %d",
			bitTokString(lldpAggregation, "none", uint32(t[4])), be32(t, 5))
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

// lldpLatLon is a 34-bit latitude or longitude at t[0:5].
func lldpLatLon(t []byte) uint64 {
	return uint64(t[0]&0x3)<<32 | uint64(be32(t, 1))
}

// lldpTIA prints a TIA LLDP-MED organisation-specific TLV, reporting
// whether it should also be dumped in hex.
func (p *Printer) lldpTIA(t []byte) bool {
	sub, ok := p.lldpSubtype(t, lldpTIASubtypes)
	if !ok {
		return false
	}
	n := len(t)
	switch sub {
	case 1:
		if n < 7 {
			return false
		}
		c := be16(t, 4)
		p.printf("\n\t    Media capabilities [%s] (0x%04x)", bitTokString(lldpTIACapabilities, "none", uint32(c)), c)
		p.printf("\n\t    Device type [%s] (0x%02x)", mapName(lldpTIADeviceTypes, t[6], "unknown"), t[6])
	case 2:
		if n < 8 {
			return false
		}
		p.printf("\n\t    Application type [%s] (0x%02x)", mapName(lldpTIAApplications, t[4], "none"), t[4])
		p.printf(", Flags [%s]", bitTokString(lldpTIAPolicyBits, "none", uint32(t[5])))
		p.printf("\n\t    Vlan id %d", (be16(t, 5)&0x1ffe)>>1)
		p.printf(", L2 priority %d", (be16(t, 6)&0x01ff)>>6)
		p.printf(", DSCP value %d", be16(t, 6)&0x003f)
	case 3:
		if n < 5 {
			return false
		}
		f := t[4]
		p.printf("\n\t    Location data format %s (0x%02x)", mapName(lldpTIALocationFormats, f, "unknown"), f)
		switch f {
		case 1:
			if n < 21 {
				return false
			}
			p.printf("\n\t    Latitude resolution %d, latitude value %d", t[5]>>2, lldpLatLon(t[5:]))
			p.printf("\n\t    Longitude resolution %d, longitude value %d", t[10]>>2, lldpLatLon(t[10:]))
			p.printf("\n\t    Altitude type %s (%d)", mapName(lldpTIAAltitudeTypes, t[15]>>4, "unknown"), t[15]>>4)
			p.printf("\n\t    Altitude resolution %d, altitude value 0x%x", (be16(t, 15)>>6)&0x3f, be32(t, 16)&0x3fffffff)
			p.printf("\n\t    Datum %s (0x%02x)", mapName(lldpTIADatums, t[20], "unknown"), t[20])
		case 2:
			if n < 6 {
				return false
			}
			lci := int(t[5])
			if lci < 3 || n < 7+lci {
				return false
			}
			p.printf("\n\t    LCI length %d, LCI what %s (0x%02x), Country-code %s", lci,
				mapName(lldpTIALCIWhat, t[6], "unknown"), t[6], printableZ(t[7:9]))
			lci -= 3
			k := 9
			for lci > 0 {
				if lci < 2 {
					return false
				}
				ct, cl := t[k], int(t[k+1])
				k += 2
				lci -= 2
				p.printf("\n\t      CA type '%s' (%d), length %d: ", mapName(lldpTIACATypes, ct, "unknown"), ct, cl)
				if ct == 0 || cl == 0 || lci < cl {
					return false
				}
				p.print(printableZ(t[k : k+cl]))
				k += cl
				lci -= cl
			}
		case 3:
			p.printf("\n\t    ECS ELIN id %s", printableZ(t[5:]))
		default:
			p.print("\n\t    Location ID ")
			p.unknownData(t[5:], "\n\t      ", n-5)
		}
	case 4:
		if n < 7 {
			return false
		}
		v := t[4]
		// tcpdump tests v & (0xC0 >> 6), the two low bits.
		typ := "PSE device"
		if v&0x03 != 0 {
			typ = "PD device"
		}
		p.printf("\n\t    Power type [%s]", typ)
		p.printf(", Power source [%s]", mapName(lldpTIAPowerSources, (v&0x30)>>4, "none"))
		p.printf("\n\t    Power priority [%s] (0x%02x)", mapName(lldpTIAPowerPriorities, v&0x0f, "none"), v&0x0f)
		if w := be16(t, 5); w < 1024 {
			p.printf(", Power %.1f Watts", float64(float32(w)/10))
		} else {
			p.printf(", Power %d (Reserved)", w)
		}
	case 5, 6, 7, 8, 9, 10, 11:
		p.printf("\n\t  %s %s", lldpTIAInventory[sub], printableZ(t[4:]))
	default:
		return true
	}
	return false
}

// lldpDCBXInfo prints the versions, info block and subtype that start
// every DCBX feature TLV.
func (p *Printer) lldpDCBXInfo(v []byte) {
	p.printf("\n\t      Oper_Version: %d\n\t      Max_Version: %d", v[0], v[1])
	i := v[2]
	p.printf("\n\t      Info block(0x%02X): Enable bit: %d, Willing bit: %d, Error Bit: %d",
		i, i>>7, (i>>6)&1, (i>>5)&1)
	p.printf("\n\t      SubType: %d", v[3])
}

// lldpDCBX prints a DCBX (version 1.01) organisation-specific TLV,
// reporting whether it should also be dumped in hex.
func (p *Printer) lldpDCBX(t []byte) bool {
	sub, ok := p.lldpSubtype(t, lldpDCBXSubtypes)
	if !ok {
		return false
	}
	if sub == 1 {
		return true
	}
	hexdump := false
	for t = t[4:]; len(t) >= 2; {
		h := be16(t, 0)
		typ, l := h>>9, int(h&0x1ff)
		t = t[2:]
		hexdump = false
		if typ == 0 || l == 0 || len(t) < l {
			// tcpdump's own "trunc" label: no marker, and the hex
			// dump flag as it stands.
			break
		}
		v := t[:l]
		switch typ {
		case 1:
			if l < 10 {
				return hexdump
			}
			p.printf("\n\t    Control - Protocol Control (type 0x%x, length %d)", typ, l)
			p.printf("\n\t      Oper_Version: %d\n\t      Max_Version: %d", v[0], v[1])
			p.printf("\n\t      Sequence Number: %d\n\t      Acknowledgement Number: %d", be32(v, 2), be32(v, 6))
		case 2:
			if l < 17 {
				return hexdump
			}
			p.printf("\n\t    Feature - Priority Group (type 0x%x, length %d)", typ, l)
			p.lldpDCBXInfo(v)
			p.print("\n\t      Priority Allocation")
			pg := be32(v, 4)
			for i := range 8 {
				p.printf("\n\t          PgId_%d: %d", i, (pg>>(28-4*i))&0xf)
			}
			p.print("\n\t      Priority Group Allocation")
			for i := range 8 {
				p.printf("\n\t          Pg percentage[%d]: %d", i, v[8+i])
			}
			p.printf("\n\t      NumTCsSupported: %d", v[16])
		case 3:
			if l < 6 {
				return hexdump
			}
			p.printf("\n\t    Feature - Priority Flow Control (type 0x%x, length %d)", typ, l)
			p.lldpDCBXInfo(v)
			p.printf("\n\t      PFC Config (0x%02X)", v[4])
			for i := range 8 {
				s := "Disabled"
				if v[4]&(1<<i) != 0 {
					s = "Enabled"
				}
				p.printf("\n\t          Priority Bit %d: %s", i, s)
			}
			p.printf("\n\t      NumTCPFCSupported: %d", v[5])
		case 4:
			if l < 4 {
				return hexdump
			}
			p.printf("\n\t    Feature - Application (type 0x%x, length %d)", typ, l)
			p.lldpDCBXInfo(v)
			for m := v[4:]; len(m) >= 6; m = m[6:] {
				p.printf("\n\t      Application Value\n\t          Application Protocol ID: 0x%04x", be16(m, 0))
				u := be24(m, 2)
				what := "L2 EtherType"
				if u>>22 != 0 {
					what = "Socket Number"
				}
				p.printf("\n\t          SF (0x%x) Application Protocol ID is %s", u>>22, what)
				p.printf("\n\t          OUI: 0x%06x\n\t          User Priority Map: 0x%02x", u&0x3fffff, m[5])
			}
		default:
			hexdump = true
		}
		if p.o.Verbose > 1 || hexdump {
			p.unknownData(v, "\n\t    ", l)
		}
		t = t[l:]
	}
	return hexdump
}
