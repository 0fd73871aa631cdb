package printer

import (
	"fmt"
	"math"
)

// LMP, the Link Management Protocol (RFC 4204, with the OIF UNI 1.0
// service discovery), UDP port 701, as tcpdump's print-lmp.c prints it.

var lmpMsgTypes = map[uint8]string{1: "Config", 2: "Config ACK", 3: "Config NACK", 4: "Hello",
	5: "Begin Verify", 6: "Begin Verify ACK", 7: "Begin Verify NACK", 8: "End Verify", 9: "End Verify ACK",
	10: "Test", 11: "Test Status Success", 12: "Test Status Failure", 13: "Test Status ACK",
	14: "Link Summary", 15: "Link Summary ACK", 16: "Link Summary NACK", 17: "Channel Status",
	18: "Channel Status ACK", 19: "Channel Status Request", 20: "Channel Status Response",
	50: "Service Config", 51: "Service Config ACK", 52: "Service Config NACK"}

var lmpObjNames = map[uint8]string{1: "Control Channel ID", 2: "Node ID", 3: "Link ID", 4: "Interface ID",
	5: "Message ID", 6: "Configuration", 7: "Hello", 8: "Verify Begin", 9: "Verify Begin ACK", 10: "Verify ID",
	11: "TE Link", 12: "Data Link", 13: "Channel Status", 14: "Channel Status Request", 20: "Error Code",
	51: "Service Config"}

// lmpCTypes names a class's C-Types, keyed by class<<8 | ctype.
var lmpCTypes = map[uint16]string{1<<8 | 1: "Local", 1<<8 | 2: "Remote", 2<<8 | 1: "Local", 2<<8 | 2: "Remote",
	3<<8 | 1: "IPv4 Local", 3<<8 | 2: "IPv4 Remote", 3<<8 | 3: "IPv6 Local", 3<<8 | 4: "IPv6 Remote",
	3<<8 | 5: "Unnumbered Local", 3<<8 | 6: "Unnumbered Remote",
	4<<8 | 1: "IPv4 Local", 4<<8 | 2: "IPv4 Remote", 4<<8 | 3: "IPv6 Local", 4<<8 | 4: "IPv6 Remote",
	4<<8 | 5: "Unnumbered Local", 4<<8 | 6: "Unnumbered Remote", 5<<8 | 1: "1", 5<<8 | 2: "2", 6<<8 | 1: "1",
	7<<8 | 1: "1", 8<<8 | 1: "1", 9<<8 | 1: "1", 10<<8 | 1: "1", 11<<8 | 1: "IPv4", 11<<8 | 2: "IPv6",
	11<<8 | 3: "Unnumbered", 12<<8 | 1: "IPv4", 12<<8 | 2: "IPv6", 12<<8 | 3: "Unnumbered",
	13<<8 | 1: "IPv4", 13<<8 | 2: "IPv6", 13<<8 | 3: "Unnumbered", 14<<8 | 1: "IPv4", 14<<8 | 2: "IPv6",
	14<<8 | 3: "Unnumbered", 20<<8 | 1: "1", 20<<8 | 2: "2", 51<<8 | 1: "1", 51<<8 | 2: "2", 51<<8 | 3: "3",
	51<<8 | 4: "4"}

var (
	lmpHeaderFlags       = []bitTok{{0x01, "Control Channel Down"}, {0x02, "LMP restart"}}
	lmpTELinkFlags       = []bitTok{{0x01, "Fault Management Supported"}, {0x02, "Link Verification Supported"}}
	lmpDataLinkFlags     = []bitTok{{0x01, "Data Link Port"}, {0x02, "Allocated for user traffic"}, {0x04, "Failed link"}}
	lmpBeginVerifyFlags  = []bitTok{{0x0001, "Verify all links"}, {0x0002, "Data link type"}}
	lmpBeginVerifyErrors = []bitTok{{0x01, "Link Verification Procedure Not supported"},
		{0x02, "Unwilling to verify"}, {0x04, "Unsupported verification transport mechanism"},
		{0x08, "Link-Id configuration error"}, {0x10, "Unknown object c-type"}}
	lmpLinkSummaryErrors = []bitTok{{0x01, "Unacceptable non-negotiable LINK-SUMMARY parameters"},
		{0x02, "Renegotiate LINK-SUMMARY parameters"}, {0x04, "Invalid TE-LINK Object"},
		{0x08, "Invalid DATA-LINK Object"}, {0x10, "Unknown TE-LINK Object c-type"},
		{0x20, "Unknown DATA-LINK Object c-type"}}
	lmpSCProtocols    = []bitTok{{0x01, "RSVP Supported"}, {0x02, "LDP Supported"}}
	lmpSCTransparency = []bitTok{{0x01, "Path/VC Overhead Transparency Supported"},
		{0x02, "Line/MS Overhead Transparency Supported"}, {0x04, "Section/RS Overhead Transparency Supported"}}
	lmpSCConcat       = []bitTok{{0x01, "Contiguous Concatenation Types Supported"}}
	lmpSCNSATransp    = []bitTok{{0x01, "Standard SOH/RSOH Transparency Supported"}, {0x02, "Standard LOH/MSOH Transparency Supported"}}
	lmpSCNSATCM       = []bitTok{{0x01, "Transparent Tandem Connection Monitoring Supported"}}
	lmpSCNSADiversity = []bitTok{{0x01, "Node Diversity Supported"}, {0x02, "Link Diversity Supported"},
		{0x04, "SRLG Diversity Supported"}}
)

var lmpDataLinkSubobjects = map[uint8]string{1: "Interface Switching Type", 2: "Wavelength"}

var lmpChannelStatus = map[uint32]string{1: "Signal Okay", 2: "Signal Degraded", 3: "Signal Fail"}

var lmpCPSALinkTypes = map[uint8]string{5: "SDH ITU-T G.707", 6: "SONET ANSI T1.105"}

var lmpCPSASDHSignals = map[uint8]string{5: "VC-3", 6: "VC-4", 7: "STM-0", 8: "STM-1", 9: "STM-4",
	10: "STM-16", 11: "STM-64", 12: "STM-256"}

var lmpCPSASONETSignals = map[uint8]string{5: "STS-1 SPE", 6: "STS-3c SPE", 7: "STS-1", 8: "STM-3",
	9: "STM-12", 10: "STM-48", 11: "STM-192", 12: "STM-768"}

// floatF3 is C's "%.3f" of a bandwidth in bytes per second, a single
// precision float, in Mbps.
func floatF3(v uint32) string {
	d := mbps(v)
	switch {
	case math.IsInf(d, 0) || math.IsNaN(d):
		return floatG(float32(d))
	}
	return sprintf("%.3f", d)
}

// lmp prints an LMP message (lmp_print).
func (p *Printer) lmp(b []byte, length int) {
	r := p.reader("lmp", b)
	r.need(0, 8)
	ver := r.be16(0) >> 12
	if ver != 1 {
		p.printf("LMP version %d packet not supported", ver)
		return
	}
	mt := r.u8(3)
	if p.o.Verbose < 1 {
		p.printf("LMPv%d %s Message, length: %d", ver, mapName(lmpMsgTypes, mt, sprintf("unknown (%d)", mt)), length)
		return
	}
	tlen := uint32(r.be16(4))
	p.printf("\n\tLMPv%d, msg-type: %s, Flags: [%s], length: %d", ver, mapName(lmpMsgTypes, mt, sprintf("unknown, type: %d", mt)),
		bitTokString(lmpHeaderFlags, "none", uint32(r.u8(2))), tlen)
	if tlen < 8 {
		p.print(" (too short)")
		return
	}
	if tlen > uint32(length) {
		p.print(" (too long)")
		tlen = uint32(length)
	}
	// Unsigned, as tcpdump's: a length under the header's wraps.
	tlen -= 8
	off := 8
	for tlen > 0 {
		olen, ct := int(r.be16(off+2)), r.u8(off)&0x7f
		class := r.u8(off + 1)
		neg := "non-"
		if r.u8(off)&0x80 != 0 {
			neg = ""
		}
		p.printf("\n\t  %s Object (%d), Class-Type: %s (%d) Flags: [%snegotiable], length: %d",
			mapName(lmpObjNames, class, "Unknown"), class, mapName(lmpCTypes, uint16(class)<<8|uint16(ct), "Unknown"),
			ct, neg, olen)
		if !p.lmpLengthOK(olen) {
			return
		}
		r.need(off, olen)
		o := &rsvpObj{reader: r, v: off + 4, n: olen - 4}
		p.lmpObject(o, class, ct)
		if p.o.Verbose > 1 || o.hexdump {
			p.unknownData(r.b[off+4:], "\n\t    ", olen-4)
		}
		if tlen < uint32(olen) {
			p.printf(" [remaining objects length %d < %d]", tlen, olen)
			p.print(" (invalid)")
			break
		}
		off += olen
		tlen -= uint32(olen)
	}
}

// lmpLengthOK reports whether the length l of an object or subobject
// (its header included) is a whole number of words, printing tcpdump's
// complaint if not.
func (p *Printer) lmpLengthOK(l int) bool {
	if l < 4 {
		p.print(" (too short)")
		return false
	}
	if l%4 != 0 {
		p.print(" (not a multiple of 4)")
		return false
	}
	return true
}

// lmpObject prints an object's value (the object's bytes were all
// captured), setting o.hexdump where tcpdump dumps it instead.
func (p *Printer) lmpObject(o *rsvpObj, class, ct byte) {
	// exact reports whether the value is n bytes long, printing
	// tcpdump's complaint if not.
	exact := func(n int) bool {
		if o.n != n {
			p.print(" (not correct for object)")
			return false
		}
		return true
	}
	atLeast := func(n int) bool {
		if o.n < n {
			p.print(" (not correct for object)")
			return false
		}
		return true
	}
	// only1 reports whether the object is of the one C-Type tcpdump
	// decodes for its class, 1, (dumping it if not) and n bytes long.
	only1 := func(n int) bool {
		if ct != 1 {
			o.hexdump = true
			return false
		}
		return exact(n)
	}
	switch class {
	case 1, 2: // Control Channel ID, Node ID
		if ct != 1 && ct != 2 {
			o.hexdump = true
		} else if exact(4) {
			if class == 1 {
				p.printf("\n\t    Control Channel ID: %d (0x%08x)", o.at32(0), o.at32(0))
			} else {
				p.printf("\n\t    Node ID: %s (0x%08x)", o.ip4(0), o.at32(0))
			}
		}
	case 3, 4: // Link ID, Interface ID
		switch ct {
		case 1, 2:
			if exact(4) {
				p.printf("\n\t    IPv4 Link ID: %s (0x%08x)", o.ip4(0), o.at32(0))
			}
		case 3, 4:
			if exact(16) {
				p.printf("\n\t    IPv6 Link ID: %s (0x%08x)", o.ip6(0), o.at32(0))
			}
		case 5, 6:
			if exact(4) {
				p.printf("\n\t    Link ID: %d (0x%08x)", o.at32(0), o.at32(0))
			}
		default:
			o.hexdump = true
		}
	case 5:
		switch ct {
		case 1, 2:
			if exact(4) {
				ack := ""
				if ct == 2 {
					ack = " Ack"
				}
				p.printf("\n\t    Message ID%s: %d (0x%08x)", ack, o.at32(0), o.at32(0))
			}
		default:
			o.hexdump = true
		}
	case 6:
		if only1(4) {
			p.printf("\n\t    Hello Interval: %d\n\t    Hello Dead Interval: %d", o.at16(0), o.at16(2))
		}
	case 7:
		if only1(8) {
			p.printf("\n\t    Tx Seq: %d, Rx Seq: %d", o.at32(0), o.at32(4))
		}
	case 11:
		p.lmpTELink(o, ct, exact)
	case 12:
		p.lmpDataLink(o, ct, atLeast)
	case 8:
		if only1(20) {
			p.printf("\n\t    Flags: %s", bitTokString(lmpBeginVerifyFlags, "none", uint32(o.at16(0))))
			p.printf("\n\t    Verify Interval: %d", o.at16(2))
			p.printf("\n\t    Data links: %d", o.at32(4))
			p.printf("\n\t    Encoding type: %s", nameOr(gmplsEncodings, uint32(o.at8(8)), "Unknown"))
			vtm := o.at16(10)
			capable := ""
			// tcpdump tests the bits of decimal 8000.
			if vtm&8000 != 0 {
				capable = " (Payload test messages capable)"
			}
			p.printf("\n\t    Verify Transport Mechanism: %d (0x%x)%s", vtm, vtm, capable)
			p.printf("\n\t    Transmission Rate: %s Mbps", floatF3(o.at32(12)))
			p.printf("\n\t    Wavelength: %d", o.at32(16))
		}
	case 9:
		if only1(4) {
			p.printf("\n\t    Verify Dead Interval: %d\n\t    Verify Transport Response: %d", o.at16(0), o.at16(2))
		}
	case 10:
		if only1(4) {
			p.printf("\n\t    Verify ID: %d", o.at32(0))
		}
	case 13, 14:
		p.lmpChannelStatus(o, class, ct)
	case 20:
		switch ct {
		case 1, 2:
			if exact(4) {
				t := lmpBeginVerifyErrors
				if ct == 2 {
					t = lmpLinkSummaryErrors
				}
				p.printf("\n\t    Error Code: %s", bitTokString(t, "none", o.at32(0)))
			}
		default:
			o.hexdump = true
		}
	case 51:
		p.lmpServiceConfig(o, ct, exact)
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(o.b[o.v:], "\n\t    ", o.n)
		}
	}
}

// lmpTELink prints a TE Link object.
func (p *Printer) lmpTELink(o *rsvpObj, ct byte, exact func(int) bool) {
	if size := lmpLinkSize(o, ct); size > 0 && exact(size) {
		p.lmpLinkHead(o, ct, lmpTELinkFlags, "Link-ID")
	}
}

// lmpLinkSize is the size of the fixed part of a TE Link or Data Link
// object of the C-Type, or 0 for a C-Type tcpdump does not decode, which
// it dumps.
func lmpLinkSize(o *rsvpObj, ct byte) int {
	switch ct {
	case 1, 3:
		return 12
	case 2:
		return 36
	}
	o.hexdump = true
	return 0
}

// lmpLinkHead prints the fixed part of a TE Link or Data Link object of
// the C-Type: its flags, named from flags, then its local and remote IDs
// (what names them) from 4 on, IPv4 addresses (1), IPv6 addresses (2) or
// unnumbered (3).
func (p *Printer) lmpLinkHead(o *rsvpObj, ct byte, flags []bitTok, what string) {
	p.printf("\n\t    Flags: [%s]", bitTokString(flags, "none", uint32(o.at8(0))))
	var local, remote string
	at := 8
	switch ct {
	case 1:
		local, remote = o.ip4(4), o.ip4(8)
	case 2:
		local, remote, at = o.ip6(4), o.ip6(20), 20
	case 3:
		local, remote = fmt.Sprint(o.at32(4)), fmt.Sprint(o.at32(8))
	}
	p.printf("\n\t    Local %s: %s (0x%08x)\n\t    Remote %s: %s (0x%08x)", what, local, o.at32(4), what, remote, o.at32(at))
}

// lmpDataLink prints a Data Link object and its subobjects.
func (p *Printer) lmpDataLink(o *rsvpObj, ct byte, atLeast func(int) bool) {
	fixed := lmpLinkSize(o, ct)
	if fixed == 0 || !atLeast(fixed) {
		return
	}
	p.lmpLinkHead(o, ct, lmpDataLinkFlags, "Interface ID")
	// The subobjects; an unknown one ends them with a hex dump of the
	// object.
	for total, off := o.n-fixed, fixed; total > 0; {
		typ, l := o.at8(off), int(o.at8(off+1))
		p.printf("\n\t    Subobject, Type: %s (%d), Length: %d", mapName(lmpDataLinkSubobjects, typ, "Unknown"), typ, l)
		if !p.lmpLengthOK(l) {
			return
		}
		if total < l {
			p.print(" (goes past the end of the object)")
			return
		}
		switch typ {
		case 1:
			p.printf("\n\t      Switching Type: %s (%d)", nameOr(gmplsSwitchCaps, uint32(o.at8(off+2)), "Unknown"), o.at8(off+2))
			p.printf("\n\t      Encoding Type: %s (%d)", nameOr(gmplsEncodings, uint32(o.at8(off+3)), "Unknown"), o.at8(off+3))
			p.printf("\n\t      Min Reservable Bandwidth: %s Mbps", floatF3(o.at32(off+4)))
			p.printf("\n\t      Max Reservable Bandwidth: %s Mbps", floatF3(o.at32(off+8)))
		case 2:
			p.printf("\n\t      Wavelength: %d", o.at32(off+4))
		default:
			o.hexdump = true
			return
		}
		total -= l
		off += l
	}
}

// lmpChannelStatus prints a Channel Status object (class 13: interface
// and status pairs) or a Channel Status Request (14: interfaces).
func (p *Printer) lmpChannelStatus(o *rsvpObj, class, ct byte) {
	idLen := 4
	switch ct {
	case 1, 3:
	case 2:
		idLen = 16
	default:
		o.hexdump = true
		return
	}
	step := idLen
	if class == 13 {
		step += 4
	}
	for off := 0; off+step <= o.n; off += step {
		switch ct {
		case 1:
			p.printf("\n\t    Interface ID: %s (0x%08x)", o.ip4(off), o.at32(off))
		case 2:
			p.printf("\n\t    Interface ID: %s (0x%08x)", o.ip6(off), o.at32(off))
		case 3:
			p.printf("\n\t    Interface ID: %d (0x%08x)", o.at32(off), o.at32(off))
		}
		if class != 13 {
			continue
		}
		st := o.at32(off + idLen)
		active, dir := "Non-allocated", "Receive"
		if st>>31 != 0 {
			active = "Allocated"
		}
		if (st>>30)&1 != 0 {
			dir = "Transmit"
		}
		p.printf("\n\t\t    Active: %s (%d)", active, st>>31)
		p.printf("\n\t\t    Direction: %s (%d)", dir, (st>>30)&1)
		p.printf("\n\t\t    Channel Status: %s (%d)", nameOr(lmpChannelStatus, st&0x3ffffff, "Unknown"), st&0x3ffffff)
	}
}

// lmpServiceConfig prints a Service Config object (UNI 1.0).
func (p *Printer) lmpServiceConfig(o *rsvpObj, ct byte, exact func(int) bool) {
	switch ct {
	case 1:
		if exact(4) {
			p.printf("\n\t Flags: %s", bitTokString(lmpSCProtocols, "none", uint32(o.at8(0))))
			p.printf("\n\t  UNI Version: %d", o.at8(1))
		}
	case 2:
		if !exact(16) {
			return
		}
		lt := o.at8(0)
		p.printf("\n\t Link Type: %s (%d)", mapName(lmpCPSALinkTypes, lt, "Unknown"), lt)
		switch lt {
		case 5:
			p.printf("\n\t Signal Type: %s (%d)", mapName(lmpCPSASDHSignals, o.at8(1), "Unknown"), o.at8(1))
		case 6:
			p.printf("\n\t Signal Type: %s (%d)", mapName(lmpCPSASONETSignals, o.at8(1), "Unknown"), o.at8(1))
		}
		p.printf("\n\t Transparency: %s", bitTokString(lmpSCTransparency, "none", uint32(o.at8(2))))
		p.printf("\n\t Contiguous Concatenation Types: %s", bitTokString(lmpSCConcat, "none", uint32(o.at8(3))))
		p.printf("\n\t Minimum NCC: %d", o.at16(4))
		p.printf("\n\t Maximum NCC: %d", o.at16(6))
		p.printf("\n\t Minimum NVC:%d", o.at16(8))
		p.printf("\n\t Maximum NVC:%d", o.at16(10))
		p.printf("\n\t    Local Interface ID: %s (0x%08x)", o.ip4(12), o.at32(12))
	case 3:
		if exact(8) {
			p.printf("\n\t Transparency Flags: %s", bitTokString(lmpSCNSATransp, "none", o.at32(0)))
			p.printf("\n\t TCM Monitoring Flags: %s", bitTokString(lmpSCNSATCM, "none", uint32(o.at8(7))))
		}
	case 4:
		if exact(4) {
			p.printf("\n\t Diversity: Flags: %s", bitTokString(lmpSCNSADiversity, "none", uint32(o.at8(3))))
		}
	default:
		o.hexdump = true
	}
}
