package printer

import "strings"

// IEEE 802.2 SAP values the printer names or decodes.
const (
	sapGlobal  = 0xff
	sapIP      = 0x06
	sapSTP     = 0x42
	sapSNAP    = 0xaa
	sapIPX     = 0xe0
	sapNetBEUI = 0xf0
	sapISONS   = 0xfe
)

var llcSAPNames = map[uint8]string{
	0x00: "Null", 0xff: "Global", 0x02: "802.1B I", 0x03: "802.1B G", 0x06: "IP", 0x04: "SNA",
	0x0e: "ProWay NM", 0x42: "STP", 0x4e: "RS511", 0x7e: "ISO8208", 0x8e: "ProWay", 0xaa: "SNAP",
	0xe0: "IPX", 0xf0: "NetBeui", 0xfe: "OSI",
}

// llcUCmdNames names the commands of unnumbered frames (control with the
// poll/final bit cleared).
var llcUCmdNames = map[uint8]string{
	0x03: "ui", 0xe3: "test", 0xaf: "xid", 0x63: "ua", 0x43: "disc", 0x0f: "dm", 0x6f: "sabme",
	0x87: "frmr",
}

var llcSupervisoryNames = map[uint16]string{0: "Receiver Ready", 1: "Receiver not Ready", 2: "Reject"}

// llcFlagName names the command/response bit of the SSAP combined with the
// poll/final bit of the control field, as tcpdump does.
func llcFlagName(v uint16) string {
	switch v {
	case 0:
		return "Command"
	case 0x01:
		return "Response"
	case 0x10, 0x100:
		return "Poll"
	case 0x11, 0x101:
		return "Final"
	}
	return "?"
}

func llcSAPName(s uint8, def string) string {
	if n, ok := llcSAPNames[s]; ok {
		return n
	}
	if !strings.Contains(def, "%") {
		return def
	}
	return sprintf(def, s)
}

// llc prints an IEEE 802.2 LLC frame. src and dst are the link-layer
// addresses of the frame, or nil when the link has none. It returns the
// length of the LLC (and SNAP) header, negated when the payload is of a
// kind the printer does not decode and the caller should dump it.
func (p *Printer) llc(b []byte, length int, src, dst []byte) int {
	r := p.reader("llc", b)
	caplen := min(len(b), length)
	// tcpdump dumps a header cut short even with -q, -x or -X.
	if !r.has(0, 3) || length < 3 {
		r.trunc()
		p.hexASCII(b)
		return caplen
	}
	dsapField, ssapField := b[0], b[1]
	control := uint16(b[2])
	isU := control&3 == 3
	hdrlen := 3
	if !isU {
		if !r.has(0, 4) || length < 4 {
			r.trunc()
			p.hexASCII(b)
			return caplen
		}
		control = uint16(b[2]) | uint16(b[3])<<8
		hdrlen = 4
	}
	if dsapField == sapGlobal && ssapField == sapGlobal {
		// Novell "raw" 802.3: IPX right after the MAC header.
		if p.o.LinkHeader {
			p.print("IPX 802.3: ")
		}
		p.ipx(b, length)
		return 0
	}
	dsap, ssap := dsapField&^1, ssapField&^1
	if p.o.LinkHeader {
		ig := "Individual"
		if dsapField&1 != 0 {
			ig = "Group"
		}
		cr := "Command"
		if ssapField&1 != 0 {
			cr = "Response"
		}
		p.printf("LLC, dsap %s (0x%02x) %s, ssap %s (0x%02x) %s",
			llcSAPName(dsap, "Unknown"), dsap, ig, llcSAPName(ssap, "Unknown"), ssap, cr)
		if isU {
			p.printf(", ctrl 0x%02x: ", control)
		} else {
			p.printf(", ctrl 0x%04x: ", control)
		}
	}
	rest := b[hdrlen:]
	length -= hdrlen
	ui := control == 0x03
	switch {
	case ssap == sapSNAP && dsap == sapSNAP && ui:
		if !p.snap(rest, length, src, dst) {
			return -(hdrlen + 5)
		}
		return hdrlen + 5
	case ssap == sapSTP && dsap == sapSTP && ui:
		p.stp(rest, length)
		return hdrlen
	case ssap == sapIP && dsap == sapIP && ui:
		p.ip(rest, length)
		return hdrlen
	case ssap == sapISONS && dsap == sapISONS && ui:
		p.isoclns(rest, length)
		return hdrlen
	case ssap == sapIPX && dsap == sapIPX && ui:
		if p.o.LinkHeader {
			p.print("IPX 802.2: ")
		}
		p.ipx(rest, length)
		return hdrlen
	}
	if !p.o.LinkHeader {
		if ssap == dsap {
			if src == nil || dst == nil {
				p.printf("%s ", llcSAPName(dsap, "Unknown DSAP 0x%02x"))
			} else {
				p.printf("%s > %s %s ", p.linkAddrName(src), p.linkAddrName(dst), llcSAPName(dsap, "Unknown DSAP 0x%02x"))
			}
		} else {
			if src == nil || dst == nil {
				p.printf("%s > %s ", llcSAPName(ssap, "Unknown SSAP 0x%02x"), llcSAPName(dsap, "Unknown DSAP 0x%02x"))
			} else {
				p.printf("%s %s > %s %s ", p.linkAddrName(src), llcSAPName(ssap, "Unknown SSAP 0x%02x"),
					p.linkAddrName(dst), llcSAPName(dsap, "Unknown DSAP 0x%02x"))
			}
		}
	}
	cr := uint16(ssapField & 1)
	if isU {
		cmd := uint8(control) &^ 0x10
		name, ok := llcUCmdNames[cmd]
		if !ok {
			name = sprintf("%02x", cmd)
		}
		p.printf("Unnumbered, %s, Flags [%s], length %d", name, llcFlagName(cr|control&0x10), length+hdrlen)
		if cmd == 0xaf {
			if length == 0 {
				return hdrlen
			}
			if len(rest) < 1 {
				r.trunc()
				return hdrlen
			}
			if rest[0] == 0x81 {
				if len(rest) < 3 || length < 3 {
					r.trunc()
					// tcpdump's default printer here, even with -x or -q.
					p.hexASCII(rest)
				} else {
					p.printf(": %02x %02x", rest[1], rest[2])
				}
				return hdrlen
			}
		}
	} else if control&1 == 1 {
		p.printf("Supervisory, %s, rcv seq %d, Flags [%s], length %d",
			mapName(llcSupervisoryNames, (control>>2)&3, "?"), (control>>9)&0x7f,
			llcFlagName(cr|control&0x100), length+hdrlen)
		return hdrlen
	} else {
		p.printf("Information, send seq %d, rcv seq %d, Flags [%s], length %d",
			(control>>1)&0x7f, (control>>9)&0x7f, llcFlagName(cr|control&0x100), length+hdrlen)
	}
	return -hdrlen
}

// mapName looks k up in m, returning def when it is absent.
func mapName[K comparable](m map[K]string, k K, def string) string {
	if s, ok := m[k]; ok {
		return s
	}
	return def
}

// Organisation codes (OUIs) SNAP headers carry.
const (
	ouiEther     = 0x000000
	ouiCisco     = 0x00000c
	ouiCisco90   = 0x0000f8
	ouiAppletalk = 0x080007
	ouiRFC2684   = 0x0080c2
)

var ouiNames = map[uint32]string{
	0x000000: "Ethernet", 0x00000c: "Cisco", 0x00005e: "IANA", 0x000081: "Nortel Networks SONMP",
	0x0000f8: "Cisco bridged", 0x0080c2: "Ethernet bridged", 0x00a03e: "ATM Forum",
	0x00e02f: "DOCSIS Spanning Tree", 0x080007: "Appletalk", 0x009069: "Juniper",
	0x080009: "Hewlett-Packard", 0x00120f: "IEEE 802.3 Private", 0x0012bb: "ANSI/TIA",
	0x001b21: "DCBX", 0x002320: "Nicira Networks", 0x5c16c7: "Big Switch Networks",
	0xb0d2f5: "Vello Systems", 0x002481: "HP", 0x0004ea: "HP-Labs", 0x74e277: "Infoblox Inc",
	0xa42305: "Open Networking Lab", 0x00049f: "Freescale", 0x0015ad: "Netronome",
	0x001018: "Broadcom", 0x00e004: "PMC-Sierra", 0xd0f0db: "Ericsson",
}

var ciscoPIDNames = map[uint16]string{
	0x2000: "CDP", 0x2003: "VTP", 0x2004: "DTP", 0x0111: "UDLD", 0x010b: "PVST",
	0x010c: "VLAN Bridge",
}

var bridgedPIDNames = map[uint16]string{
	0x01: "Ethernet + FCS", 0x07: "Ethernet w/o FCS", 0x02: "802.4 + FCS", 0x08: "802.4 w/o FCS",
	0x03: "Token Ring + FCS", 0x09: "Token Ring w/o FCS", 0x04: "FDDI + FCS", 0x0a: "FDDI w/o FCS",
	0x05: "802.6 + FCS", 0x0b: "802.6 w/o FCS", 0x0e: "BPDU",
}

// snapPIDName names a SNAP protocol ID as tcpdump does for the given OUI.
func snapPIDName(oui uint32, pid uint16) string {
	switch oui {
	case ouiEther, ouiCisco90, ouiAppletalk:
		return ethertypeName(pid, "Unknown")
	case ouiCisco:
		return mapName(ciscoPIDNames, pid, "Unknown")
	case ouiRFC2684:
		return mapName(bridgedPIDNames, pid, "Unknown")
	}
	return "Unknown"
}

// snap prints a SNAP header and its payload, reporting false when the
// payload is unknown (the header has been printed then).
func (p *Printer) snap(b []byte, length int, src, dst []byte) bool {
	return p.snapPad(b, length, src, dst, 2)
}

// snapPad is snap for a link whose bridged Ethernet frames (RFC 2684)
// start after pad bytes of padding: 2 after LLC, none after Frame
// Relay's NLPID.
func (p *Printer) snapPad(b []byte, length int, src, dst []byte, pad int) bool {
	r := p.reader("snap", b)
	if !r.has(0, 5) || length < 5 {
		// tcpdump prints the marker and counts the header as printed.
		r.trunc()
		return true
	}
	oui := uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])
	pid := r.be16(3)
	if p.o.LinkHeader {
		kind := "pid"
		if oui == ouiEther {
			kind = "ethertype"
		}
		p.printf("oui %s (0x%06x), %s %s (0x%04x), length %d: ",
			mapName(ouiNames, oui, "Unknown"), oui, kind, snapPIDName(oui, pid), pid, length-5)
	}
	b = b[5:]
	length -= 5
	switch oui {
	case ouiEther, ouiCisco90:
		if p.ethertypeFrom(pid, b, length, src, dst) {
			return true
		}
	case ouiAppletalk:
		if pid == 0x809b && p.ethertype(pid, b, length) {
			return true
		}
	case ouiCisco:
		switch pid {
		case 0x2000:
			p.cdp(b, length)
			return true
		case 0x2004:
			p.dtp(b, length)
			return true
		case 0x2003:
			p.vtp(b, length)
			return true
		case 0x0111:
			p.udld(b, length)
			return true
		case 0x010b, 0x010c:
			p.stp(b, length)
			return true
		}
	case ouiRFC2684:
		switch pid {
		case 0x01, 0x07:
			// Bridged Ethernet, after the link's padding.
			if !r.has(5, pad) {
				r.trunc()
				return true
			}
			p.ether(b[pad:], length-pad)
			return true
		case 0x03, 0x09:
			// Bridged Token Ring, keeping its access control field.
			if !r.has(5, pad) {
				r.trunc()
				return true
			}
			p.token(b[pad:], length-pad)
			return true
		case 0x04, 0x0a:
			// Bridged FDDI, after the padding and one more byte.
			if !r.has(5, pad+1) {
				r.trunc()
				return true
			}
			p.fddi(b[pad+1:], length-pad-1)
			return true
		case 0x0e:
			p.stp(b, length)
			return true
		}
	}
	if !p.o.LinkHeader {
		if src != nil && dst != nil {
			p.printf("%s > %s ", p.linkAddrName(src), p.linkAddrName(dst))
		}
		if oui == ouiEther {
			p.printf("SNAP, ethertype %s (0x%04x), length %d: ", ethertypeName(pid, "Unknown"), pid, length)
		} else {
			p.printf("SNAP, oui %s (0x%06x), pid %s (0x%04x), length %d: ",
				mapName(ouiNames, oui, "Unknown"), oui, snapPIDName(oui, pid), pid, length)
		}
	}
	return false
}
