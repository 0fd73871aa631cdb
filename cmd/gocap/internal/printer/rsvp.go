package printer

import (
	"math"
	"slices"
)

// RSVP, IP protocol 46, as tcpdump's print-rsvp.c prints it: the common
// header, and at -v each object of the message (or of each message of a
// Bundle).

var rsvpMsgTypes = map[uint8]string{1: "Path", 2: "Resv", 3: "PathErr", 4: "ResvErr", 5: "PathTear",
	6: "ResvTear", 7: "ResvConf", 12: "Bundle", 13: "Acknowledgement", 14: "Hello (Old)",
	15: "Refresh", 20: "Hello"}

var rsvpObjNames = map[uint8]string{1: "Session", 3: "RSVP Hop", 4: "Integrity", 5: "Time Values",
	6: "Error Spec", 7: "Scope", 8: "Style", 9: "Flowspec", 10: "FilterSpec", 11: "Sender Template",
	12: "Sender TSpec", 13: "Adspec", 14: "Policy Data", 15: "Confirm", 16: "Label", 19: "Label Request",
	20: "ERO", 21: "RRO", 22: "Hello", 23: "Message ID", 24: "Message ID Ack", 25: "Message ID List",
	34: "Recovery Label", 35: "Upstream Label", 36: "Label Set", 130: "Acceptable Label Set",
	63: "Detour", 66: "Class Type", 125: "Class Type (old)", 129: "Suggested Label", 204: "Properties",
	205: "Fast Re-Route", 207: "Session Attribute", 229: "Generalized UNI", 230: "Call-ID",
	236: "Call Capability", 131: "Restart Capability", 134: "Capability", 195: "Notify Request",
	37: "Protection", 196: "Administrative Status", 50: "Sub-LSP to LSP"}

// rsvpCTypes names a class's C-Types, keyed by class<<8 | ctype.
var rsvpCTypes = map[uint16]string{
	3<<8 | 1: "IPv4", 3<<8 | 2: "IPv6", 3<<8 | 3: "IPv4 plus opt. TLVs", 3<<8 | 4: "IPv6 plus opt. TLVs",
	195<<8 | 1: "IPv4", 195<<8 | 2: "IPv6", 15<<8 | 1: "IPv4", 15<<8 | 2: "IPv6", 5<<8 | 1: "1",
	9<<8 | 1: "obsolete", 9<<8 | 2: "IntServ", 12<<8 | 2: "IntServ", 13<<8 | 2: "IntServ",
	10<<8 | 1: "IPv4", 10<<8 | 2: "IPv6", 10<<8 | 3: "IPv6 Flow-label", 10<<8 | 7: "Tunnel IPv4",
	10<<8 | 12: "IPv4 P2MP LSP Tunnel", 10<<8 | 13: "IPv6 P2MP LSP Tunnel",
	1<<8 | 1: "IPv4", 1<<8 | 2: "IPv6", 1<<8 | 7: "Tunnel IPv4", 1<<8 | 11: "UNI IPv4",
	1<<8 | 13: "IPv4 P2MP LSP Tunnel", 1<<8 | 14: "IPv6 P2MP LSP Tunnel",
	11<<8 | 1: "IPv4", 11<<8 | 2: "IPv6", 11<<8 | 7: "Tunnel IPv4", 11<<8 | 12: "IPv4 P2MP LSP Tunnel",
	11<<8 | 13: "IPv6 P2MP LSP Tunnel", 23<<8 | 1: "1", 24<<8 | 1: "Message id ack",
	24<<8 | 2: "Message id nack", 25<<8 | 1: "1", 8<<8 | 1: "1", 22<<8 | 1: "Hello Request",
	22<<8 | 2: "Hello Ack", 19<<8 | 1: "without label range", 19<<8 | 2: "with ATM label range",
	19<<8 | 3: "with FR label range", 19<<8 | 4: "Generalized Label",
	16<<8 | 1: "Label", 16<<8 | 2: "Generalized Label", 16<<8 | 3: "Waveband Switching",
	129<<8 | 1: "Label", 129<<8 | 2: "Generalized Label", 129<<8 | 3: "Waveband Switching",
	35<<8 | 1: "Label", 35<<8 | 2: "Generalized Label", 35<<8 | 3: "Waveband Switching",
	34<<8 | 1: "Label", 34<<8 | 2: "Generalized Label", 34<<8 | 3: "Waveband Switching",
	20<<8 | 1: "IPv4", 21<<8 | 1: "IPv4", 6<<8 | 1: "IPv4", 6<<8 | 2: "IPv6",
	6<<8 | 3: "IPv4 plus opt. TLVs", 6<<8 | 4: "IPv6 plus opt. TLVs", 131<<8 | 1: "IPv4",
	134<<8 | 1: "1", 207<<8 | 7: "Tunnel IPv4", 205<<8 | 7: "Tunnel IPv4", 205<<8 | 1: "1",
	63<<8 | 7: "Tunnel IPv4", 204<<8 | 1: "1", 196<<8 | 1: "1", 66<<8 | 1: "1", 125<<8 | 1: "1",
	36<<8 | 1: "1", 229<<8 | 1: "1", 50<<8 | 1: "IPv4 sub-LSP", 50<<8 | 2: "IPv6 sub-LSP"}

var rsvpXROTypes = map[uint8]string{0: "Reserved", 1: "IPv4 prefix", 2: "IPv6 prefix", 3: "Label",
	32: "Autonomous system number", 64: "MPLS label switched path termination"}

var (
	rsvpHeaderFlags     = []bitTok{{0x01, "Refresh reduction capable"}}
	rsvpCapabilityFlags = []bitTok{{0x0004, "RecoveryPath Transmit Enabled"}, {0x0002, "RecoveryPath Desired"},
		{0x0001, "RecoveryPath Srefresh Capable"}}
	rsvpRROFlags = []bitTok{{0x01, "Local protection available"}, {0x02, "Local protection in use"},
		{0x04, "Bandwidth protection"}, {0x08, "Node protection"}}
	rsvpRROLabelFlags   = []bitTok{{0x01, "Global"}}
	rsvpSessionAttFlags = []bitTok{{0x01, "Local Protection"}, {0x02, "Label Recording"}, {0x04, "SE Style"},
		{0x08, "Bandwidth protection"}, {0x10, "Node protection"}}
	rsvpIntegrityFlags   = []bitTok{{0x80, "Handshake"}}
	rsvpAdminStatusFlags = []bitTok{{0x80000000, "Reflect"}, {0x00000004, "Testing"}, {0x00000002, "Admin-down"},
		{0x00000001, "Delete-in-progress"}}
)

var rsvpResStyles = map[uint32]string{17: "Wildcard Filter", 10: "Fixed Filter", 18: "Shared Explicit"}

var rsvpIntservServices = map[uint8]string{1: "Default/Global Information", 2: "Guaranteed Service",
	5: "Controlled Load"}

var rsvpIntservParams = map[uint8]string{4: "IS hop cnt", 6: "Path b/w estimate", 8: "Minimum path latency",
	10: "Composed MTU", 127: "Token Bucket TSpec", 130: "Guaranteed Service RSpec",
	133: "End-to-end composed value for C", 134: "End-to-end composed value for D",
	135: "Since-last-reshaping point composed C", 136: "Since-last-reshaping point composed D"}

var rsvpPropTLVs = map[uint8]string{0x01: "Cos", 0x02: "Metric 1", 0x04: "Metric 2", 0x08: "CCC Status",
	0x10: "Path Type"}

var rsvpErrorCodes = map[uint8]string{24: "Routing Problem", 25: "Notify Error", 28: "Diffserv TE Error",
	125: "Diffserv TE Error (Old)"}

var rsvpRoutingErrors = map[uint16]string{1: "Bad EXPLICIT_ROUTE object", 2: "Bad strict node",
	3: "Bad loose node", 4: "Bad initial subobject", 5: "No route available toward destination",
	6: "Unacceptable label value", 7: "RRO indicated routing loops", 8: "non-RSVP-capable router in the path",
	9: "MPLS label allocation failure", 10: "Unsupported L3PID"}

var rsvpDiffservErrors = map[uint16]string{1: "Unexpected CT object", 2: "Unsupported CT",
	3: "Invalid CT value", 4: "CT/setup priority do not form a configured TE-Class",
	5: "CT/holding priority do not form a configured TE-Class",
	6: "CT/setup priority and CT/holding priority do not form a configured TE-Class",
	7: "Inconsistency between signaled PSC and signaled CT",
	8: "Inconsistency between signaled PHBs and signaled CT"}

var rsvpLabelSetActions = map[uint8]string{0: "Inclusive list", 1: "Exclusive list", 2: "Inclusive range",
	3: "Exclusive range"}

var rsvpUNISubobjects = map[uint8]string{1: "Source TNA address", 2: "Destination TNA address",
	3: "Diversity", 4: "Egress label", 5: "Service level"}

// gmplsPayloads is tcpdump's gmpls_payload_values (G-PIDs).
var gmplsPayloads = map[uint16]string{0: "Unknown", 1: "Reserved", 2: "Reserved", 3: "Reserved",
	4: "Reserved", 5: "Asynchronous mapping of E4", 6: "Asynchronous mapping of DS3/T3",
	7: "Asynchronous mapping of E3", 8: "Bit synchronous mapping of E3", 9: "Byte synchronous mapping of E3",
	10: "Asynchronous mapping of DS2/T2", 11: "Bit synchronous mapping of DS2/T2", 12: "Reserved",
	13: "Asynchronous mapping of E1", 14: "Byte synchronous mapping of E1",
	15: "Byte synchronous mapping of 31 * DS0", 16: "Asynchronous mapping of DS1/T1",
	17: "Bit synchronous mapping of DS1/T1", 18: "Byte synchronous mapping of DS1/T1", 19: "VC-11 in VC-12",
	20: "Reserved", 21: "Reserved", 22: "DS1 SF Asynchronous", 23: "DS1 ESF Asynchronous",
	24: "DS3 M23 Asynchronous", 25: "DS3 C-Bit Parity Asynchronous", 26: "VT/LOVC", 27: "STS SPE/HOVC",
	28: "POS - No Scrambling, 16 bit CRC", 29: "POS - No Scrambling, 32 bit CRC",
	30: "POS - Scrambling, 16 bit CRC", 31: "POS - Scrambling, 32 bit CRC", 32: "ATM mapping",
	33: "Ethernet PHY", 34: "SONET/SDH", 35: "Reserved (SONET deprecated)", 36: "Digital Wrapper",
	37: "Lambda", 38: "ANSI/ETSI PDH", 39: "Reserved", 40: "Link Access Protocol SDH (X.85 and X.86)",
	41: "FDDI", 42: "DQDB (ETSI ETS 300 216)", 43: "FiberChannel-3 (Services)", 44: "HDLC",
	45: "Ethernet V2/DIX (only)", 46: "Ethernet 802.3 (only)", 47: "G.709 ODUj", 48: "G.709 OTUk(v)",
	49: "CBR/CBRa", 50: "CBRb", 51: "BSOT", 52: "BSNT", 53: "IP/PPP (GFP)", 54: "Ethernet MAC (framed GFP)",
	55: "Ethernet PHY (transparent GFP)", 56: "ESCON", 57: "FICON", 58: "Fiber Channel"}

// rsvp prints an RSVP message (rsvp_print).
func (p *Printer) rsvp(b []byte, length int) {
	r := p.reader("rsvp", b)
	r.label(func() { p.rsvpMessage(r, length) })
}

// rsvpHeader prints the common header at off at -v, after lead.
func (p *Printer) rsvpHeader(r reader, off int, lead string) {
	vf, mt := r.u8(off), r.u8(off+1)
	p.printf("%sRSVPv%d %s Message (%d), Flags: [%s], length: %d, ttl: %d, checksum: 0x%04x", lead,
		vf>>4, mapName(rsvpMsgTypes, mt, sprintf("unknown, type: %d", mt)), mt,
		bitTokString(rsvpHeaderFlags, "none", uint32(vf&0xf)), r.be16(off+6), r.u8(off+4), r.be16(off+2))
}

// rsvpMessage prints the message for rsvp, whose label its "trunc:"
// jumps return to.
func (p *Printer) rsvpMessage(r reader, length int) {
	r.check(0, 8)
	vf := r.u8(0)
	if vf>>4 != 1 {
		p.printf("ERROR: RSVP version %d packet not supported", vf>>4)
		return
	}
	mt := r.u8(1)
	if p.o.Verbose < 1 {
		p.printf("RSVPv%d %s Message, length: %d", vf>>4, mapName(rsvpMsgTypes, mt, sprintf("unknown (%d)", mt)), length)
		return
	}
	tlen := int(r.be16(6))
	p.rsvpHeader(r, 0, "\n\t")
	if tlen < 8 {
		p.printf("ERROR: common header too short %d < 8", tlen)
		return
	}
	off := 8
	tlen -= 8
	switch mt {
	case 12:
		// A Bundle's messages, each with its header (and none a
		// Bundle).
		for tlen > 0 {
			r.check(off, 8)
			if v := r.u8(off) >> 4; v != 1 {
				p.printf("ERROR: RSVP version %d packet not supported", v)
				return
			}
			sub := int(r.be16(off + 6))
			p.rsvpHeader(r, off, "\n\t  ")
			if sub < 8 {
				p.printf("ERROR: common header too short %d < 8", sub)
				return
			}
			if tlen < sub {
				p.printf("ERROR: common header too large %d > %d", sub, tlen)
				return
			}
			if !p.rsvpObjects(r, off+8, sub-8, "\n\t    ") {
				return
			}
			off += sub
			tlen -= sub
		}
	case 1, 2, 3, 4, 5, 6, 7, 13, 14, 15, 20:
		p.rsvpObjects(r, off, tlen, "\n\t  ")
	default:
		p.unknownData(r.b[off:], "\n\t    ", tlen)
	}
}

// rsvpObjects prints the objects in the tlen bytes at off, reporting
// false where tcpdump's rsvp_obj_print returns -1 (an error printed, or
// its "trunc:" or "invalid:" label).
func (p *Printer) rsvpObjects(r reader, off, tlen int, indent string) bool {
	ok := false
	if r.label(func() { ok = p.rsvpObjectList(r, off, tlen, indent) }) != ran {
		return false
	}
	return ok
}

// rsvpObj is one object being printed: its value's bytes from v on, n
// of them left (obj_tlen), and whether a hex dump of it follows.
type rsvpObj struct {
	reader
	v, n    int
	indent  string
	hexdump bool
	msg     int // where the object's message starts in the reader
	msgLen  int // the message's length, from its common header
}

// ip4 and ip6 are the addresses at off in the object's value.
func (o *rsvpObj) ip4(off int) string { return o.p.host(addr4(o.bytes(o.v+off, 4))) }
func (o *rsvpObj) ip6(off int) string { return o.p.host(addr16(o.bytes(o.v+off, 16))) }

// at32, at16 and at8 read the value at off.
func (o *rsvpObj) at32(off int) uint32 { return o.be32(o.v + off) }
func (o *rsvpObj) at16(off int) uint16 { return o.be16(o.v + off) }
func (o *rsvpObj) at8(off int) uint8   { return o.u8(o.v + off) }

// at24 is the 24-bit value at off.
func (o *rsvpObj) at24(off int) uint32 { return uint32(o.at8(off))<<16 | uint32(o.at16(off+1)) }

// skip moves past n bytes of the value.
func (o *rsvpObj) skip(n int) {
	o.v += n
	o.n -= n
}

// short prints tcpdump's error for an object shorter than n and reports
// whether it was.
func (o *rsvpObj) short(n int) bool {
	if o.n < n {
		o.p.printf("%sERROR: object is too short", o.indent)
		return true
	}
	return false
}

func (p *Printer) rsvpObjectList(r reader, off, tlen int, indent string) bool {
	msg, msgLen := off-8, tlen+8 // the objects follow their message's header
	for tlen >= 4 {
		r.check(off, 4)
		olen, ctype := int(r.be16(off)), r.u8(off+3)
		if olen%4 != 0 {
			p.printf("%sERROR: object header size %d not a multiple of 4", indent, olen)
			return false
		}
		if olen < 4 {
			p.printf("%sERROR: object header too short %d < 4", indent, olen)
			return false
		}
		class := r.u8(off + 2)
		how := "reject"
		if class&0x80 != 0 {
			how = "ignore silently"
			if class&0x40 != 0 {
				how = "ignore and forward"
			}
		}
		p.printf("%s%s Object (%d) Flags: [%s if unknown], Class-Type: %s (%d), length: %d", indent,
			mapName(rsvpObjNames, class, "Unknown"), class, how,
			mapName(rsvpCTypes, uint16(class)<<8|uint16(ctype), "Unknown"), ctype, olen)
		if tlen < olen {
			p.printf("%sERROR: object goes past end of objects TLV", indent)
			return false
		}
		r.check(off, olen)
		o := &rsvpObj{reader: r, v: off + 4, n: olen - 4, indent: indent, msg: msg, msgLen: msgLen}
		if !p.rsvpObject(o, class, ctype) {
			return false
		}
		if p.o.Verbose > 1 || o.hexdump {
			p.unknownData(r.b[off+4:], "\n\t    ", olen-4)
		}
		off += olen
		tlen -= olen
	}
	return true
}

// rsvpDecodedCTypes are the C-Types tcpdump decodes of the classes it
// decodes only some of; an object of another C-Type is dumped in hex.
var rsvpDecodedCTypes = map[byte][]byte{4: {1}, 5: {1}, 8: {1}, 9: {2}, 12: {2}, 13: {2}, 20: {1}, 21: {1},
	22: {1, 2}, 23: {1, 2}, 24: {1, 2}, 25: {1, 2}, 36: {1}, 63: {7}, 66: {1}, 125: {1}, 131: {1}, 134: {1},
	196: {1}, 204: {1}, 207: {7}, 229: {1}}

// rsvpObject prints an object's value by class and C-Type; false is
// tcpdump's return of -1.
func (p *Printer) rsvpObject(o *rsvpObj, class, ctype byte) bool {
	in := o.indent
	if ctypes, ok := rsvpDecodedCTypes[class]; ok && !slices.Contains(ctypes, ctype) {
		o.hexdump = true
		return true
	}
	switch class {
	case 1:
		return p.rsvpSession(o, ctype)
	case 15, 195: // Confirm, Notify Request
		what := "Receiver"
		if class == 195 {
			what = "Notify Node"
		}
		switch ctype {
		case 1:
			if o.short(4) {
				return false
			}
			p.printf("%s  IPv4 %s Address: %s", in, what, o.ip4(0))
		case 2:
			if o.short(16) {
				return false
			}
			p.printf("%s  IPv6 %s Address: %s", in, what, o.ip6(0))
		default:
			o.hexdump = true
		}
	case 16, 34, 35, 129: // the labels
		switch ctype {
		case 1:
			for ; o.n >= 4; o.skip(4) {
				p.printf("%s  Label: %d", in, o.at32(0))
			}
		case 2:
			if o.short(4) {
				return false
			}
			p.printf("%s  Generalized Label: %d", in, o.at32(0))
		case 3:
			if o.short(12) {
				return false
			}
			p.printf("%s  Waveband ID: %d%s  Start Label: %d, Stop Label: %d", in, o.at32(0), in, o.at32(4), o.at32(8))
		default:
			o.hexdump = true
		}
	case 8:
		if o.short(4) {
			return false
		}
		p.printf("%s  Reservation Style: %s, Flags: [0x%02x]", in, mapName(rsvpResStyles, o.at24(1), "Unknown"), o.at8(0))
	case 11, 10: // Sender Template, FilterSpec
		return p.rsvpSender(o, class, ctype)
	case 19:
		return p.rsvpLabelRequest(o, ctype)
	case 20, 21:
		return p.rsvpRoute(o)
	case 22:
		if o.short(8) {
			return false
		}
		p.printf("%s  Source Instance: 0x%08x, Destination Instance: 0x%08x", in, o.at32(0), o.at32(4))
	case 131:
		if o.short(8) {
			return false
		}
		p.printf("%s  Restart  Time: %dms, Recovery Time: %dms", in, o.at32(0), o.at32(4))
	case 134:
		if o.short(4) {
			return false
		}
		f := o.at32(0)
		if f&^7 != 0 {
			p.printf("%s  [reserved=0x%08x must be zero]", in, f&^7)
		}
		p.printf("%s  Flags: [%s]", in, bitTokString(rsvpCapabilityFlags, "none", f&7))
	case 207:
		if o.short(4) {
			return false
		}
		nl := int(o.at8(3))
		if o.short(4 + nl) {
			return false
		}
		p.printf("%s  Session Name: ", in)
		for i := 0; i < nl; i++ {
			p.printChar(o.at8(4 + i))
		}
		f := o.at8(2)
		p.printf("%s  Setup Priority: %d, Holding Priority: %d, Flags: [%s] (%s)", in, o.at8(0), o.at8(1),
			bitTokString(rsvpSessionAttFlags, "none", uint32(f)), cAltHex(uint64(f)))
	case 229:
		return p.rsvpGeneralizedUNI(o)
	case 3: // RSVP Hop
		switch ctype {
		case 1, 3:
			if o.short(8) {
				return false
			}
			p.printf("%s  Previous/Next Interface: %s, Logical Interface Handle: 0x%08x", in, o.ip4(0), o.at32(4))
			// No decoder of the TLVs that may follow: a hex dump.
			o.hexdump = o.n > 8
		case 2, 4:
			if o.short(20) {
				return false
			}
			p.printf("%s  Previous/Next Interface: %s, Logical Interface Handle: 0x%08x", in, o.ip6(0), o.at32(16))
			o.hexdump = true
		default:
			o.hexdump = true
		}
	case 5:
		if o.short(4) {
			return false
		}
		p.printf("%s  Refresh Period: %dms", in, o.at32(0))
	case 12, 13, 9: // Sender TSpec, Adspec, Flowspec
		if o.short(4) {
			return false
		}
		p.rsvpIntservObject(o)
	case 205:
		return p.rsvpFastReroute(o, ctype)
	case 63:
		for ; o.n >= 8; o.skip(8) {
			p.printf("%s  PLR-ID: %s, Avoid-Node-ID: %s", in, o.ip4(0), o.ip4(4))
		}
	case 66, 125:
		if o.short(4) {
			return false
		}
		p.printf("%s  CT: %d", in, o.at32(0)&7)
	case 6:
		return p.rsvpErrorSpec(o, ctype)
	case 204:
		return p.rsvpProperties(o)
	case 23, 24, 25:
		if o.short(4) {
			return false
		}
		p.printf("%s  Flags [0x%02x], epoch: %d", in, o.at8(0), o.at24(1))
		for o.skip(4); o.n >= 4; o.skip(4) {
			p.printf("%s    Message-ID 0x%08x (%d)", in, o.at32(0), o.at32(0))
		}
	case 4:
		if o.short(32) {
			return false
		}
		p.printf("%s  Key-ID 0x%04x%08x, Sequence 0x%08x%08x, Flags [%s]", in, o.at16(2), o.at32(4),
			o.at32(8), o.at32(12), bitTokString(rsvpIntegrityFlags, "none", uint32(o.at8(0))))
		p.printf("%s  MD5-sum 0x%08x%08x%08x%08x ", in, o.at32(16), o.at32(20), o.at32(24), o.at32(28))
		// The digest covers the message with its checksum zeroed.
		res := p.signatureCheck(o.b[o.msg:], o.msgLen, o.v+16-o.msg, 2, 3)
		p.print(" (" + res + ")")
	case 196:
		if o.short(4) {
			return false
		}
		p.printf("%s  Flags [%s]", in, bitTokString(rsvpAdminStatusFlags, "none", o.at32(0)))
	case 36:
		return p.rsvpLabelSet(o)
	case 50:
		switch ctype {
		case 1:
			if o.short(4) {
				return false
			}
			p.printf("%s  Sub-LSP destination address: %s", in, o.ip4(0))
		case 2:
			if o.short(16) {
				return false
			}
			p.printf("%s  Sub-LSP destination address: %s", in, o.ip6(0))
		default:
			o.hexdump = true
		}
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(o.b[o.v:], "\n\t    ", o.n)
		}
	}
	return true
}

// rsvpSession prints a Session object.
func (p *Printer) rsvpSession(o *rsvpObj, ctype byte) bool {
	in := o.indent
	switch ctype {
	case 1:
		if o.short(8) {
			return false
		}
		p.printf("%s  IPv4 DestAddress: %s, Protocol ID: 0x%02x", in, o.ip4(0), o.at8(4))
		p.printf("%s  Flags: [0x%02x], DestPort %d", in, o.at8(5), o.at16(6))
	case 2:
		if o.short(20) {
			return false
		}
		p.printf("%s  IPv6 DestAddress: %s, Protocol ID: 0x%02x", in, o.ip6(0), o.at8(16))
		p.printf("%s  Flags: [0x%02x], DestPort %d", in, o.at8(17), o.at16(18))
	case 8:
		if o.short(36) {
			return false
		}
		p.printf("%s  IPv6 Tunnel EndPoint: %s, Tunnel ID: 0x%04x, Extended Tunnel ID: %s", in, o.ip6(0), o.at16(18), o.ip6(20))
	case 14:
		if o.short(26) {
			return false
		}
		p.printf("%s  IPv6 P2MP LSP ID: 0x%08x, Tunnel ID: 0x%04x, Extended Tunnel ID: %s", in, o.at32(0), o.at16(6), o.ip6(8))
	case 13:
		if o.short(12) {
			return false
		}
		p.printf("%s  IPv4 P2MP LSP ID: %s, Tunnel ID: 0x%04x, Extended Tunnel ID: %s", in, o.ip4(0), o.at16(6), o.ip4(8))
	case 7, 11:
		if o.short(12) {
			return false
		}
		p.printf("%s  IPv4 Tunnel EndPoint: %s, Tunnel ID: 0x%04x, Extended Tunnel ID: %s", in, o.ip4(0), o.at16(6), o.ip4(8))
	default:
		o.hexdump = true
	}
	return true
}

// rsvpSender prints a Sender Template or (class 10) a FilterSpec, which
// share their C-Types but for two.
func (p *Printer) rsvpSender(o *rsvpObj, class, ctype byte) bool {
	in := o.indent
	switch {
	case ctype == 1:
		if o.short(8) {
			return false
		}
		p.printf("%s  Source Address: %s, Source Port: %d", in, o.ip4(0), o.at16(6))
	case ctype == 2:
		if o.short(20) {
			return false
		}
		p.printf("%s  Source Address: %s, Source Port: %d", in, o.ip6(0), o.at16(18))
	case ctype == 3 && class == 10:
		if o.short(20) {
			return false
		}
		p.printf("%s  Source Address: %s, Flow Label: %d", in, o.ip6(0), o.at24(17))
	case ctype == 8 && class == 10:
		if o.short(20) {
			return false
		}
		// tcpdump prints the first four bytes as an IPv4 address.
		p.printf("%s  Source Address: %s, LSP-ID: 0x%04x", in, o.ip4(0), o.at16(18))
	case ctype == 13:
		if o.short(40) {
			return false
		}
		p.printf("%s  IPv6 Tunnel Sender Address: %s, LSP ID: 0x%04x%s  Sub-Group Originator ID: %s, Sub-Group ID: 0x%04x",
			in, o.ip6(0), o.at16(18), in, o.ip6(20), o.at16(38))
	case ctype == 7:
		if o.short(8) {
			return false
		}
		if class == 10 {
			p.printf("%s  Source Address: %s, LSP-ID: 0x%04x", in, o.ip4(0), o.at16(6))
		} else {
			p.printf("%s  IPv4 Tunnel Sender Address: %s, LSP-ID: 0x%04x", in, o.ip4(0), o.at16(6))
		}
	case ctype == 12:
		if o.short(16) {
			return false
		}
		p.printf("%s  IPv4 Tunnel Sender Address: %s, LSP ID: 0x%04x%s  Sub-Group Originator ID: %s, Sub-Group ID: 0x%04x",
			in, o.ip4(0), o.at16(6), in, o.ip4(8), o.at16(12))
	default:
		o.hexdump = true
	}
	return true
}

// rsvpLabelRequest prints a Label Request.
func (p *Printer) rsvpLabelRequest(o *rsvpObj, ctype byte) bool {
	in := o.indent
	l3 := func() string {
		t := o.at16(2)
		return ethertypeName(t, sprintf("Unknown Protocol (0x%04x)", t))
	}
	switch ctype {
	case 1:
		for ; o.n >= 4; o.skip(4) {
			p.printf("%s  L3 Protocol ID: %s", in, l3())
		}
	case 2:
		if o.short(12) {
			return false
		}
		p.printf("%s  L3 Protocol ID: %s", in, l3())
		no := ""
		if o.at8(4)&0x80 != 0 {
			no = "no"
		}
		p.printf(",%s merge capability", no)
		p.printf("%s  Minimum VPI/VCI: %d/%d", in, o.at16(4)&0xfff, o.at16(6)&0xfff)
		p.printf("%s  Maximum VPI/VCI: %d/%d", in, o.at16(8)&0xfff, o.at16(10)&0xfff)
	case 3:
		if o.short(12) {
			return false
		}
		p.printf("%s  L3 Protocol ID: %s", in, l3())
		bits := (o.at16(4) >> 7) & 3
		b10, b23 := "", ""
		if bits == 0 {
			b10 = "10"
		}
		if bits == 2 {
			b23 = "23"
		}
		p.printf("%s  Minimum/Maximum DLCI: %d/%d, %s%s bit DLCI", in, o.at32(4)&0x7fffff, o.at32(8)&0x7fffff, b10, b23)
	case 4:
		if o.short(4) {
			return false
		}
		p.printf("%s  LSP Encoding Type: %s (%d)", in, nameOr(gmplsEncodings, uint32(o.at8(0)), "Unknown"), o.at8(0))
		p.printf("%s  Switching Type: %s (%d), Payload ID: %s (0x%04x)", in,
			nameOr(gmplsSwitchCaps, uint32(o.at8(1)), "Unknown"), o.at8(1),
			mapName(gmplsPayloads, o.at16(2), "Unknown"), o.at16(2))
	default:
		o.hexdump = true
	}
	return true
}

// rsvpRoute prints the subobjects of an ERO or RRO of C-Type 1.
func (p *Printer) rsvpRoute(o *rsvpObj) bool {
	in := o.indent
	for o.n >= 4 {
		typ, l := o.at8(0)&0x7f, int(o.at8(1))
		p.printf("%s  Subobject Type: %s, length %d", in, mapName(rsvpXROTypes, typ, sprintf("Unknown %d", typ)), l)
		if o.n < l {
			p.printf("%s  ERROR: ERO subobject length > object length", in)
			break
		}
		if l == 0 {
			p.printf("%s  ERROR: zero length ERO subtype", in)
			break
		}
		switch typ {
		case 1:
			if l != 8 {
				p.print(" ERROR: length != 8")
				invalid()
			}
			if pl := o.at8(6); pl != 32 {
				p.printf(" ERROR: Prefix length %d != 32", pl)
				invalid()
			}
			loose := "Strict"
			if o.at8(0)&0x80 != 0 {
				loose = "Loose"
			}
			p.printf(", %s, %s/%d, Flags: [%s]", loose, o.ip4(2), o.at8(6), bitTokString(rsvpRROFlags, "none", uint32(o.at8(7))))
		case 3:
			if l != 8 {
				p.print(" ERROR: length != 8")
				invalid()
			}
			f, ct := o.at8(2), o.at8(3)
			p.printf(", Flags: [%s] (%s), Class-Type: %s (%d), %d", bitTokString(rsvpRROLabelFlags, "none", uint32(f)),
				cAltHex(uint64(f)), mapName(rsvpCTypes, uint16(ct)+21<<8, "Unknown"), ct, o.at32(4))
		}
		o.skip(l)
	}
	return true
}

// rsvpGeneralizedUNI prints a Generalized UNI's subobjects.
func (p *Printer) rsvpGeneralizedUNI(o *rsvpObj) bool {
	in := o.indent
	if o.short(4) {
		return false
	}
	subShort := func(n, l int) bool {
		if l < n {
			p.printf("%sERROR: sub-object is too short", in)
			return true
		}
		return false
	}
	for total := o.n; total > 0; {
		if total < 4 {
			invalid()
		}
		l := int(o.at16(0))
		typ, af := o.at8(2), o.at8(3)
		p.printf("%s  Subobject Type: %s (%d), AF: %s (%d), length: %d", in, mapName(rsvpUNISubobjects, typ, "Unknown"),
			typ, mapName(afNames, uint16(af), "Unknown"), af, l)
		if l < 4 || l > total || o.n < l {
			invalid()
		}
		switch typ {
		case 1, 2:
			switch af {
			case 1:
				if subShort(8, l) {
					return false
				}
				p.printf("%s    UNI IPv4 TNA address: %s", in, o.ip4(4))
			case 2:
				if subShort(20, l) {
					return false
				}
				p.printf("%s    UNI IPv6 TNA address: %s", in, o.ip6(4))
			case 3:
				o.hexdump = true
			}
		case 3:
			if l > 4 {
				o.hexdump = true
			}
		case 4:
			if subShort(16, l) {
				return false
			}
			p.printf("%s    U-bit: %x, Label type: %d, Logical port id: %d, Label: %d", in, o.at32(4)>>31, o.at32(4)&0xff,
				o.at32(8), o.at32(12))
		case 5:
			if subShort(8, l) {
				return false
			}
			p.printf("%s    Service level: %d", in, o.at32(4)>>24)
		default:
			o.hexdump = true
		}
		total -= l
		// tcpdump adds the length to what is left rather than taking
		// it away.
		o.v += l
		o.n += l
	}
	return true
}

// rsvpIntservObject prints the services and parameters of a Sender
// TSpec, Adspec or Flowspec.
func (p *Printer) rsvpIntservObject(o *rsvpObj) {
	in := o.indent
	p.printf("%s  Msg-Version: %d, length: %d", in, o.at8(0)>>4, int(o.at16(2))<<2)
	o.skip(4)
	for o.n >= 4 {
		// A count of bytes left in the service that wraps as tcpdump's
		// unsigned one does.
		svc := uint32(o.at16(2)) << 2
		brk := "not "
		if o.at8(1)&0x80 != 0 {
			brk = ""
		}
		st := o.at8(0)
		p.printf("%s  Service Type: %s (%d), break bit %sset, Service length: %d", in,
			mapName(rsvpIntservServices, st, "unknown"), st, brk, svc)
		o.skip(4)
		for svc >= 4 {
			n := p.rsvpIntserv(o)
			if n == 0 {
				break
			}
			o.skip(n)
			svc -= uint32(n)
		}
	}
}

// rsvpIntserv prints the parameter at the cursor and returns its size,
// or 0 where there is too little left for it (rsvp_intserv_print).
func (p *Printer) rsvpIntserv(o *rsvpObj) int {
	if o.n < 4 {
		return 0
	}
	id, pl := o.at8(0), int(o.at16(2))<<2
	p.printf("\n\t      Parameter ID: %s (%d), length: %d, Flags: [0x%02x]", mapName(rsvpIntservParams, id, "unknown"), id, pl, o.at8(1))
	if o.n < pl+4 {
		return 0
	}
	f := func(off int) float32 { return math.Float32frombits(o.at32(off)) }
	switch id {
	case 4:
		if pl == 4 {
			p.printf("\n\t\tIS hop count: %d", o.at32(4))
		}
	case 6:
		if pl == 4 {
			p.printf("\n\t\tPath b/w estimate: %s Mbps", floatG(f(4)/125000))
		}
	case 8:
		if pl == 4 {
			p.print("\n\t\tMinimum path latency: ")
			if v := o.at32(4); v == 0xffffffff {
				p.print("don't care")
			} else {
				p.printf("%d", v)
			}
		}
	case 10:
		if pl == 4 {
			p.printf("\n\t\tComposed MTU: %d bytes", o.at32(4))
		}
	case 127:
		if pl == 20 {
			p.printf("\n\t\tToken Bucket Rate: %s Mbps", floatG(f(4)/125000))
			p.printf("\n\t\tToken Bucket Size: %s bytes", floatG(f(8)))
			p.printf("\n\t\tPeak Data Rate: %s Mbps", floatG(f(12)/125000))
			p.printf("\n\t\tMinimum Policed Unit: %d bytes", o.at32(16))
			p.printf("\n\t\tMaximum Packet Size: %d bytes", o.at32(20))
		}
	case 130:
		if pl == 8 {
			p.printf("\n\t\tRate: %s Mbps", floatG(f(4)/125000))
			p.printf("\n\t\tSlack Term: %d", o.at32(8))
		}
	case 133, 134, 135, 136:
		if pl == 4 {
			p.printf("\n\t\tValue: %d", o.at32(4))
		}
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(o.b[o.v+4:], "\n\t\t", pl)
		}
	}
	return pl + 4
}

// rsvpFastReroute prints a Fast Re-Route object, new style (C-Type 1)
// or old (7).
func (p *Printer) rsvpFastReroute(o *rsvpObj, ctype byte) bool {
	in := o.indent
	if ctype != 1 && ctype != 7 {
		o.hexdump = true
		return true
	}
	need := 20
	if ctype == 7 {
		need = 16
	}
	if o.short(need) {
		return false
	}
	p.printf("%s  Setup Priority: %d, Holding Priority: %d, Hop-limit: %d, Bandwidth: %s Mbps", in,
		o.at8(0), o.at8(1), o.at8(2), floatG(float32(mbps(o.at32(4)))))
	if ctype == 1 {
		p.printf("%s  Include-any: 0x%08x, Exclude-any: 0x%08x, Include-all: 0x%08x", in, o.at32(8), o.at32(12), o.at32(16))
	} else {
		p.printf("%s  Include Colors: 0x%08x, Exclude Colors: 0x%08x", in, o.at32(8), o.at32(12))
	}
	return true
}

// rsvpErrorSpec prints an Error Spec.
func (p *Printer) rsvpErrorSpec(o *rsvpObj, ctype byte) bool {
	in := o.indent
	var addr string
	var at int
	switch ctype {
	case 1, 3:
		if o.short(8) {
			return false
		}
		addr, at = o.ip4(0), 4
	case 2, 4:
		if o.short(20) {
			return false
		}
		addr, at = o.ip6(0), 16
	default:
		o.hexdump = true
		return true
	}
	code, val := o.at8(at+1), o.at16(at+2)
	p.printf("%s  Error Node Address: %s, Flags: [0x%02x]%s  Error Code: %s (%d)", in, addr, o.at8(at), in,
		mapName(rsvpErrorCodes, code, "unknown"), code)
	switch {
	case code == 24:
		p.printf(", Error Value: %s (%d)", mapName(rsvpRoutingErrors, val, "unknown"), val)
	case at == 16:
	case code == 28 || code == 125:
		p.printf(", Error Value: %s (%d)", mapName(rsvpDiffservErrors, val, "unknown"), val)
	default:
		p.printf(", Unknown Error Value (%d)", val)
	}
	return true
}

// rsvpProperties prints a Properties object's TLVs.
func (p *Printer) rsvpProperties(o *rsvpObj) bool {
	in := o.indent
	if o.short(4) {
		return false
	}
	pad := int(o.at16(2))
	p.printf("%s  TLV count: %d, padding bytes: %d", in, o.at16(0), pad)
	for o.skip(4); o.n >= 2+pad; {
		t, l := o.at8(0), int(o.at8(1))
		p.printf("%s    %s TLV (0x%02x), length: %d", in, mapName(rsvpPropTLVs, t, "unknown"), t, l)
		if o.short(l) {
			return false
		}
		if l < 2 {
			p.printf("%sERROR: property TLV is too short", in)
			return false
		}
		p.unknownData(o.b[o.v+2:], "\n\t\t", l-2)
		o.skip(l)
	}
	return true
}

// rsvpLabelSet prints a Label Set.
func (p *Printer) rsvpLabelSet(o *rsvpObj) bool {
	in := o.indent
	if o.short(4) {
		return false
	}
	action := o.at8(0)
	p.printf("%s  Action: %s (%d), Label type: %d", in, mapName(rsvpLabelSetActions, action, "Unknown"), action, o.at32(0)&0x7f)
	if action == 2 || action == 3 {
		if o.short(12) {
			return false
		}
		p.printf("%s  Start range: %d, End range: %d", in, o.at32(4), o.at32(8))
		return true
	}
	o.skip(4)
	for sub := 1; o.n >= 4; sub++ {
		p.printf("%s  Subchannel #%d: %d", in, sub, o.at32(0))
		o.skip(4)
	}
	return true
}
