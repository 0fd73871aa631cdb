package printer

// The IEEE "slow protocols" (ethertype 0x8809) as tcpdump's print-slow.c
// prints them: LACP and Marker (802.3ad) and Ethernet OAM (802.3ah).

// Slow protocol subtypes.
const (
	slowLACP   = 1
	slowMarker = 2
	slowOAM    = 3
)

var slowSubtypeNames = map[uint8]string{slowLACP: "LACP", slowMarker: "MARKER", slowOAM: "OAM"}

// slowTLVNames names the LACP and Marker TLVs, keyed by subtype<<8|type.
var slowTLVNames = map[uint16]string{
	slowLACP << 8: "Terminator", slowLACP<<8 | 1: "Actor Information",
	slowLACP<<8 | 2: "Partner Information", slowLACP<<8 | 3: "Collector Information",
	slowMarker << 8: "Terminator", slowMarker<<8 | 1: "Marker Information",
}

var lacpStateBits = []bitTok{{0x01, "Activity"}, {0x02, "Timeout"}, {0x04, "Aggregation"},
	{0x08, "Synchronization"}, {0x10, "Collecting"}, {0x20, "Distributing"}, {0x40, "Default"},
	{0x80, "Expired"}}

var oamFlagBits = []bitTok{{0x0001, "Link Fault"}, {0x0002, "Dying Gasp"}, {0x0004, "Critical Event"},
	{0x0008, "Local Evaluating"}, {0x0010, "Local Stable"}, {0x0020, "Remote Evaluating"},
	{0x0040, "Remote Stable"}}

var oamCodeNames = map[uint8]string{0: "Information", 1: "Event Notification", 2: "Variable Request",
	3: "Variable Response", 4: "Loopback Control", 0xfe: "Vendor Private"}

var oamInfoTypeNames = map[uint8]string{0: "End of TLV marker", 1: "Local", 2: "Remote", 0xfe: "Organization specific"}

var oamParserActions = map[uint8]string{0: "forwarding", 1: "looping back", 2: "discarding", 3: "reserved"}

var oamMuxActions = map[uint8]string{0: "forwarding", 4: "discarding"}

var oamConfigBits = []bitTok{{0x01, "Active"}, {0x02, "Unidirectional"}, {0x04, "Remote-Loopback"},
	{0x08, "Link-Events"}, {0x10, "Variable-Retrieval"}}

var oamLinkEventNames = map[uint8]string{0: "End of TLV marker", 1: "Errored Symbol Period Event",
	2: "Errored Frame Event", 3: "Errored Frame Period Event", 4: "Errored Frame Seconds Summary Event",
	0xfe: "Organization specific"}

var oamLoopbackCommands = map[uint8]string{1: "Enable OAM Remote Loopback", 2: "Disable OAM Remote Loopback"}

// Sizes of the fixed parts print-slow.c checks.
const (
	lacpPartnerInfoSize = 18
	lacpCollectorSize   = 14
	markerInfoSize      = 14
	oamInfoSize         = 16
	oamLinkEventSize    = 40
)

// slowTooShort is print-slow.c's "packet is too short".
func (p *Printer) slowTooShort() { p.print("\n\t\t packet is too short") }

// slow prints a slow-protocols PDU.
func (p *Printer) slow(b []byte, length int) {
	r := p.reader("slow", b)
	tooShort := func() {
		if p.o.Verbose == 0 {
			p.print(" (packet is too short)")
		} else {
			p.slowTooShort()
		}
	}
	if length < 1 {
		tooShort()
		return
	}
	sub := r.u8(0)
	name := mapName(slowSubtypeNames, sub, sprintf("unknown (%d)", sub))
	switch sub {
	case slowLACP, slowMarker:
		if length < 2 {
			tooShort()
			return
		}
		if v := r.u8(1); v != 1 {
			p.printf("%s version %d packet not supported", name, v)
			return
		}
		p.printf("%sv%d, length %d", name, r.u8(1), length)
	case slowOAM:
		p.printf("%s, length %d", name, length)
	default:
		p.printf("%s, length %d", name, length)
		p.unknownData(b, "\n\t", length)
		return
	}
	if p.o.Verbose == 0 {
		return
	}
	if sub == slowOAM {
		p.slowOAM(r.from(1), length-1)
	} else {
		p.slowLACP(r.from(2), length-2, sub)
	}
}

// slowTLVFits reports whether a TLV of the type and length l at off,
// n bytes left, goes on to its value: it is not the terminator, its
// length takes in its header and stays within the PDU (or tcpdump's
// complaint is printed), and it was captured (or the packet ends).
func (p *Printer) slowTLVFits(r reader, off, n int, typ uint8, l int) bool {
	if typ == 0 {
		return false
	}
	if l < 2 {
		p.print("\n\t    ERROR: illegal length - should be >= 2")
		return false
	}
	if n < l {
		p.slowTooShort()
		return false
	}
	r.need(off, l)
	return true
}

// slowLACP prints the TLVs of an LACP or Marker PDU.
func (p *Printer) slowLACP(r reader, n int, sub uint8) {
	off := 0
	for n > 0 {
		if n < 2 {
			p.slowTooShort()
			return
		}
		typ, l := r.u8(off), int(r.u8(off+1))
		key := uint16(sub)<<8 | uint16(typ)
		p.printf("\n\t%s TLV (0x%02x), length %d", mapName(slowTLVNames, key, "Unknown"), typ, l)
		if !p.slowTLVFits(r, off, n, typ, l) {
			return
		}
		v := off + 2
		size := -1
		switch key {
		case slowLACP<<8 | 1, slowLACP<<8 | 2:
			size = lacpPartnerInfoSize
		case slowLACP<<8 | 3:
			size = lacpCollectorSize
		case slowMarker<<8 | 1:
			size = markerInfoSize
		}
		switch {
		case size < 0:
			if p.o.Verbose <= 1 {
				p.unknownData(r.b[v:], "\n\t  ", l-2)
			}
		case l-2 != size:
			p.printf("\n\t    ERROR: illegal length - should be %d", size+2)
		case key == slowLACP<<8|3:
			p.printf("\n\t  Max Delay %d", r.be16(v))
		case key == slowMarker<<8|1:
			p.printf("\n\t  Request System %s, Request Port %d, Request Transaction ID 0x%08x",
				p.etherAddr(r.bytes(v+2, 6)), r.be16(v), r.be32(v+8))
		default:
			p.printf("\n\t  System %s, System Priority %d, Key %d, Port %d, Port Priority %d\n\t  State Flags [%s]",
				p.etherAddr(r.bytes(v+2, 6)), r.be16(v), r.be16(v+8), r.be16(v+12), r.be16(v+10),
				bitTokString(lacpStateBits, "none", uint32(r.u8(v+14))))
		}
		if p.o.Verbose > 1 {
			p.unknownData(r.b[v:], "\n\t  ", l-2)
		}
		off += l
		n -= l
	}
}

// slowOAM prints an Ethernet OAM PDU after its subtype.
func (p *Printer) slowOAM(r reader, n int) {
	if n < 3 {
		p.slowTooShort()
		return
	}
	r.need(0, 3)
	code := r.u8(2)
	p.printf("\n\tCode %s OAM PDU, Flags [%s]", mapName(oamCodeNames, code, sprintf("Unknown (%d)", code)),
		bitTokString(oamFlagBits, "none", uint32(r.be16(0))))
	off := 3
	n -= 3
	switch code {
	case 0:
		p.oamTLVs(r, off, n, true)
	case 1:
		if n < 2 {
			p.slowTooShort()
			return
		}
		p.printf("\n\t  Sequence Number %d", r.be16(off))
		p.oamTLVs(r, off+2, n-2, false)
	case 4:
		if n < 1 {
			p.slowTooShort()
			return
		}
		c := r.u8(off)
		p.printf("\n\t  Command %s (%d)", mapName(oamLoopbackCommands, c, "Unknown"), c)
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(r.b[min(off, len(r.b)):], "\n\t  ", n)
		}
	}
}

// oamTLVs prints the TLVs of an OAM Information PDU (info) or Event
// Notification.
func (p *Printer) oamTLVs(r reader, off, n int, info bool) {
	for n > 0 {
		if n < 2 {
			p.slowTooShort()
			return
		}
		if info {
			r.need(off, 2)
		}
		typ, l := r.u8(off), int(r.u8(off+1))
		if info {
			p.printf("\n\t  %s Information Type (%d), length %d", mapName(oamInfoTypeNames, typ, "Reserved"), typ, l)
		} else {
			p.printf("\n\t  %s Link Event Type (%d), length %d", mapName(oamLinkEventNames, typ, "Reserved"), typ, l)
		}
		if !p.slowTLVFits(r, off, n, typ, l) {
			return
		}
		hexdump := true
		switch {
		case info && (typ == 1 || typ == 2):
			hexdump = p.oamInfo(r, off)
		case !info && typ >= 1 && typ <= 4:
			hexdump = p.oamLinkEvent(r, off)
		}
		if p.o.Verbose > 1 || hexdump {
			p.unknownData(r.b[off:], "\n\t  ", l)
		}
		off += l
		n -= l
	}
}

// oamInfo prints a Local or Remote Information TLV, reporting whether its
// length was wrong (and so calls for a hex dump).
func (p *Printer) oamInfo(r reader, off int) bool {
	if r.u8(off+1) != oamInfoSize {
		p.printf("\n\t    ERROR: illegal length - should be %d", oamInfoSize)
		return true
	}
	p.printf("\n\t    OAM-Version %d, Revision %d", r.u8(off+2), r.be16(off+3))
	state := r.u8(off + 5)
	p.printf("\n\t    State-Parser-Action %s, State-MUX-Action %s",
		mapName(oamParserActions, state&3, "Reserved"), mapName(oamMuxActions, state&4, "Reserved"))
	p.printf("\n\t    OAM-Config Flags [%s], OAM-PDU-Config max-PDU size %d",
		bitTokString(oamConfigBits, "none", uint32(r.u8(off+6))), r.be16(off+7)&0x7ff)
	oui := uint32(r.u8(off+9))<<16 | uint32(r.be16(off+10))
	p.printf("\n\t    OUI %s (0x%06x), Vendor-Private 0x%08x", mapName(ouiNames, oui, "Unknown"), oui, r.be32(off+12))
	return false
}

// oamLinkEvent prints an errored-event TLV, reporting whether its length
// was wrong.
func (p *Printer) oamLinkEvent(r reader, off int) bool {
	if r.u8(off+1) != oamLinkEventSize {
		p.printf("\n\t    ERROR: illegal length - should be %d", oamLinkEventSize)
		return true
	}
	be64 := func(o int) uint64 { return uint64(r.be32(o))<<32 | uint64(r.be32(o+4)) }
	p.printf("\n\t    Timestamp %d ms, Errored Window %d\n\t    Errored Threshold %d\n\t    Errors %d"+
		"\n\t    Error Running Total %d\n\t    Event Running Total %d",
		uint32(r.be16(off+2))*100, be64(off+4), be64(off+12), be64(off+20), be64(off+28), r.be32(off+36))
	return false
}
