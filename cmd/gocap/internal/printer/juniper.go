package printer

import (
	"encoding/binary"
	"net/netip"

	"github.com/gocap/gocap/cbpf"
)

// Juniper's link types (tcpdump's print-juniper.c): every packet starts
// with the "MGC" magic, a flags byte and optional extension TLVs; then,
// for the PIC types that have one, a cookie; then the packet as the
// link type carries it (Ethernet, PPP, Frame Relay, ATM cells or AAL5
// frames, IP, ...). A packet whose layer-2 header was stripped holds IP
// after four more bytes.

const (
	jnxPktIn  = 0x01
	jnxNoL2   = 0x02
	jnxExt    = 0x80
	jnxMagic  = 0x4d4743
	jnxLSQIP4 = 0x00
	jnxLSQIP6 = 0x10
	jnxLSQMPL = 0x20
	jnxLSQISO = 0x30
	lsCookie  = 0x54
	asCookie  = 0x47
)

var jnxFlags = []bitTok{{0x80, "Ext"}, {0x40, "Filter"}, {0x04, "IIF"}, {0x02, "no-L2"}, {0x01, "In"}}

var jnxExtTLVs = map[uint8]string{
	1: "Device Interface Index", 2: "Device Interface Name", 3: "Device Media Type",
	4: "Logical Interface Index", 5: "Logical Unit Number", 6: "Logical Interface Encapsulation",
	7: "TTP derived Device Media Type", 8: "TTP derived Logical Interface Encapsulation",
}

var jnxMediaTypes = map[int32]string{
	1: "Ethernet", 2: "FDDI", 3: "Token-Ring", 4: "PPP", 57: "PPP-Subordinate", 5: "Frame-Relay", 6: "Cisco-HDLC",
	7: "SMDS-DXI", 8: "ATM-PVC", 9: "PPP-CCC", 10: "Frame-Relay-CCC", 48: "Extended FR-CCC", 11: "IP-over-IP",
	12: "GRE", 13: "PIM-Encapsulator", 14: "PIM-Decapsulator", 15: "Cisco-HDLC-CCC", 16: "VLAN-CCC",
	32: "Extended-VLAN-CCC", 17: "Multilink-PPP", 18: "Multilink-FR", 39: "Multilink-FR-UNI-NNI", 19: "Multilink",
	40: "LinkService", 20: "LSI", 22: "ATM-CCC-Cell-Relay", 23: "IPSEC-over-IP", 24: "GGSN", 27: "PPP-TCC",
	28: "Frame-Relay-TCC", 49: "Extended FR-TCC", 29: "Cisco-HDLC-TCC", 30: "Ethernet-CCC",
	31: "VPN-Loopback-tunnel", 33: "Ethernet-over-ATM", 46: "Ethernet-VPLS-over-ATM", 34: "Monitor",
	35: "Ethernet-TCC", 36: "VLAN-TCC", 37: "Extended-VLAN-TCC", 38: "Controller", 41: "VPLS", 42: "VLAN-VPLS",
	43: "Extended-VLAN-VPLS", 44: "Logical-tunnel", 45: "General-Services", 56: "PPPoE",
	52: "Flexible-Ethernet-Services", 50: "Flexible-FrameRelay", 53: "Flow-collection", 60: "PIC Peer",
	59: "Dynamic-Flow-Capture",
}

var jnxEncaps = map[int32]string{
	59: "Aggregator", 9: "CCC over ATM", 32: "ATM CCC Cell Relay", 26: "CISCO compatible NLPID",
	56: "Ethernet over ATM CCC", 41: "Ethernet over ATM LLC", 53: "Ethernet VPLS over ATM LLC", 5: "ATM LLC",
	55: "MLPPP over ATM LLC", 3: "ATM NLPID", 61: "PPPoE over ATM LLC", 8: "PPP over FUNI", 7: "PPP over ATM LLC",
	6: "PPP over ATM VCMUX", 2: "ATM SNAP", 43: "ATM SNAP TCC", 35: "ATM VCMUX TCC", 4: "ATM VCMUX", 18: "C-HDLC",
	25: "C-HDLC CCC", 65: "C-HDLC via dialer", 38: "C-HDLC TCC", 58: "Collector", 33: "Crypto", 14: "Ethernet",
	39: "Ethernet CCC", 51: "Extended VLAN VPLS", 62: "PPPoE over Ethernet", 45: "Ethernet TCC", 50: "VLAN VPLS",
	49: "VPLS", 42: "Extended VLAN CCC", 47: "Extended VLAN TCC", 13: "FR CCC", 10: "FR NLPID", 54: "FR CCC",
	12: "FR PPP", 11: "FR SNAP", 36: "FR TCC", 34: "GGSN", 22: "GRE NULL", 23: "PPP over GRE", 20: "IPIP",
	60: "LAPD", 30: "LSI Null", 57: "LT VLAN", 48: "MFR", 29: "MLFR", 28: "MLPPP", 44: "Monitor", 24: "PIMd",
	21: "PIM Null", 17: "PPP", 63: "PPPoE", 19: "PPP CCC", 64: "", 37: "PPP TCC", 52: "General Services",
	27: "VLAN CCC", 46: "VLAN TCC", 40: "VT",
}

// jnxPICs are the PIC types with a cookie: its length and the PIC's
// name.
var jnxPICs = map[cbpf.LinkType]struct {
	n    int
	name string
}{
	cbpf.LinkJuniperATM1: {4, "ATM1"}, cbpf.LinkJuniperATM2: {8, "ATM2"}, cbpf.LinkJuniperMLPPP: {2, "MLPPP"},
	cbpf.LinkJuniperMLFR: {2, "MLFR"}, cbpf.LinkJuniperMFR: {4, "MFR"}, cbpf.LinkJuniperPPPoE: {0, "PPPoE"},
	cbpf.LinkJuniperPPPoEATM: {0, "PPPoE ATM"}, cbpf.LinkJuniperGGSN: {8, "GGSN"},
	cbpf.LinkJuniperMonitor: {8, "MONITOR"}, cbpf.LinkJuniperServices: {8, "AS"}, cbpf.LinkJuniperES: {0, "ES"},
}

// jnxInfo is what the common header says (tcpdump's juniper_l2info_t).
type jnxInfo struct {
	pic        cbpf.LinkType
	length     int // the packet's length after the header
	caplen     int // of which captured
	hdrLen     int
	cookieLen  int
	cookieType byte
	cookie     [8]byte
	bundle     uint
	proto      uint16
	flags      byte
}

// jnxHeader prints the common header (with -e, and its extensions with
// -vv) and returns what it says; false where the packet goes no
// further (the header is bad, or the packet was printed as IP without a
// layer-2 header). The header length is set either way.
func (p *Printer) jnxHeader(r reader, length int, pic cbpf.LinkType) (l jnxInfo, ok bool) {
	l.pic = pic
	l.length, l.caplen = length, len(r.b)
	l.flags = r.u8(3)
	if uint32(r.be16(0))<<8|uint32(r.u8(2)) != jnxMagic {
		p.print("no magic-number found!")
		return l, false
	}
	if p.o.LinkHeader {
		if l.flags&jnxPktIn != 0 {
			p.print(" In ")
		} else {
			p.print("Out ")
		}
	}
	n := 4
	if p.o.Verbose > 1 {
		p.printf("\n\tJuniper PCAP Flags [%s]", bitTokString(jnxFlags, "none", uint32(l.flags)))
	}
	if l.flags&jnxExt != 0 {
		ext := int(r.be16(4))
		n += 2 + ext
		if p.o.Verbose > 1 {
			p.printf(", PCAP Extension(s) total length %d", ext)
		}
		r.need(6, ext)
		if !p.jnxExtensions(r, ext) {
			return l, false
		}
		if p.o.Verbose > 1 {
			p.print("\n\t-----original packet-----\n\t")
		}
	}
	if l.flags&jnxNoL2 != 0 {
		if p.o.LinkHeader {
			p.print("no-L2-hdr, ")
		}
		r.need(n+4, 1)
		if !p.jnxGuessIP(r.from(n+4).b, length-(n+4)) {
			p.print("no IP-hdr found!")
		}
		l.hdrLen = n + 4
		return l, false
	}
	l.hdrLen = n
	l.length -= n
	l.caplen -= n
	if pc, found := jnxPICs[pic]; found {
		l.cookieLen = pc.n
		switch r.u8(n) {
		case lsCookie:
			l.cookieType = lsCookie
			l.cookieLen += 2
		case asCookie:
			l.cookieType = asCookie
			l.cookieLen = 8
		}
		if pic == cbpf.LinkJuniperMFR && r.u8(n)&0xc0 == 0xc0 {
			// An MFR child link's frames carry no cookie.
			l.cookieLen = 0
		}
		l.hdrLen += l.cookieLen
		l.length -= l.cookieLen
		l.caplen -= l.cookieLen
		if p.o.LinkHeader {
			p.printf("%s-PIC, cookie-len %d", pc.name, l.cookieLen)
		}
		if l.cookieLen > 8 {
			p.print(" (invalid)")
			return l, false
		}
		if l.cookieLen > 0 {
			c := r.bytes(n, l.cookieLen)
			copy(l.cookie[:], c)
			if p.o.LinkHeader {
				p.printf(", cookie 0x%x", c)
			}
		}
		if p.o.LinkHeader {
			p.print(": ")
		}
		l.proto = r.be16(n + l.cookieLen)
	}
	at := n + l.cookieLen
	// The bundle and protocol of the multilink cookies.
	lsq := func() {
		l.bundle = uint(binary.BigEndian.Uint16(l.cookie[6:])>>3) & 0xfff
		l.proto = uint16(l.cookie[5]) & 0x170
	}
	skipProto := func() {
		l.hdrLen += 2
		l.length -= 2
		l.caplen -= 2
	}
	switch pic {
	case cbpf.LinkJuniperMLPPP:
		switch l.cookieType {
		case lsCookie:
			l.bundle = uint(l.cookie[1])
		case asCookie:
			lsq()
		default:
			l.bundle = uint(l.cookie[0])
		}
	case cbpf.LinkJuniperMLFR, cbpf.LinkJuniperMFR:
		switch l.cookieType {
		case lsCookie:
			l.bundle = uint(l.cookie[1])
			l.proto = r.be16(at)
			skipProto()
		case asCookie:
			lsq()
		default:
			l.bundle = uint(l.cookie[0])
			if pic == cbpf.LinkJuniperMLFR {
				skipProto()
			}
		}
	case cbpf.LinkJuniperATM2:
		r.need(at, 4)
		if l.cookie[7]&0x70 != 0 {
			// A cell relay control word, which some values say to skip.
			cw := r.be32(at)
			if cw == 0 || cw == 0x08000000 || cw == 0x08380000 {
				l.hdrLen += 4
			}
			if p.o.LinkHeader {
				p.printf("control-word 0x%08x ", cw)
			}
		}
	}
	if p.o.LinkHeader {
		p.printf("hlen %d, proto 0x%04x, ", l.hdrLen, l.proto)
	}
	return l, true
}

// jnxExtensions prints the extension TLVs (with -vv), the ext bytes
// from offset 6 on; false where one overruns them.
func (p *Printer) jnxExtensions(r reader, ext int) bool {
	off := 6
	for ext > 2 {
		t, n := r.u8(off), int(r.u8(off+1))
		off += 2
		if t == 0 || n == 0 {
			break
		}
		if ext < n+2 {
			p.printf(" [extension_length %d < %d] (invalid)", ext, n+2)
			return false
		}
		if p.o.Verbose > 1 {
			p.printf("\n\t  %s Extension TLV #%d, length %d, value ", mapName(jnxExtTLVs, t, "Unknown"), t, n)
		}
		v := jnxTLVValue(r, off, t, n)
		if v != -1 && p.o.Verbose > 1 {
			switch t {
			case 2: // the interface name, not printed
			case 3, 7:
				p.printf("%s (%d)", mapName(jnxMediaTypes, v, "Unknown"), uint32(v))
			case 6, 8:
				p.printf("%s (%d)", mapName(jnxEncaps, v, "Unknown"), uint32(v))
			default:
				p.printf("%d", uint32(v))
			}
		}
		off += n
		ext -= n + 2
	}
	return true
}

// jnxTLVValue is an extension TLV's value of 1 to 4 bytes, little-endian
// for types below 128; -1 for other lengths.
func jnxTLVValue(r reader, off int, t uint8, n int) int32 {
	if n < 1 || n > 4 {
		return -1
	}
	b := r.bytes(off, n)
	var v uint32
	for i := range n {
		if t < 128 {
			v |= uint32(b[i]) << (8 * i)
		} else {
			v = v<<8 | uint32(b[i])
		}
	}
	return int32(v)
}

// jnxGuessIP prints b as IPv4 or IPv6 if its first byte looks like the
// start of either header, reporting whether it did.
func (p *Printer) jnxGuessIP(b []byte, length int) bool {
	switch c := u8(b, 0); {
	case c >= 0x45 && c <= 0x4f:
		p.ip(b, length)
	case c >= 0x60 && c <= 0x6f:
		p.ip6(b, length)
	default:
		return false
	}
	return true
}

// jnxGuessPPP prints b as PPP if it starts with a protocol a Juniper
// router carries over PPP, reporting whether it did.
func (p *Printer) jnxGuessPPP(b []byte, length int) bool {
	switch be16(b, 0) {
	case 0x0021, 0x0023, 0x0281, 0x0283, 0x8021, 0x8023, 0x8281, 0xc021, 0xc023, 0xc223, 0x003d, 0x0057, 0x8057:
		p.ppp(b, length)
		return true
	}
	return false
}

// juniper returns the printer of a Juniper link type: the common header,
// then body.
func juniper(pic cbpf.LinkType, proto string, body func(p *Printer, r reader, l *jnxInfo) int) linkDecoder {
	return func(p *Printer, b []byte, length int) int {
		r := p.reader(proto, b)
		l, ok := p.jnxHeader(r, length, pic)
		if !ok {
			return l.hdrLen
		}
		return l.hdrLen + body(p, r, &l)
	}
}

// jnxGGSN prints what follows the header of a JUNIPER_GGSN packet: IP
// of the protocol the cookie names.
func (p *Printer) jnxGGSN(r reader, l *jnxInfo) int {
	proto := l.cookie[2]
	if p.o.LinkHeader {
		p.printf("proto %s (%d), vlan %d: ", mapName(jnxGGSNProtos, proto, "Unknown"), proto,
			binary.BigEndian.Uint16(l.cookie[4:]))
	}
	switch proto {
	case 2:
		p.ip(r.from(l.hdrLen).b, l.length)
	case 6:
		p.ip6(r.from(l.hdrLen).b, l.length)
	default:
		if !p.o.LinkHeader {
			p.printf("unknown GGSN proto (%d)", proto)
		}
	}
	return 0
}

// jnxServices prints what follows the header of a JUNIPER_SERVICES
// packet: the services header, then IP guessed from its first byte (the
// header's own, as tcpdump does).
func (p *Printer) jnxServices(r reader, l *jnxInfo) int {
	h := r.from(l.hdrLen)
	h.need(0, 8)
	if p.o.LinkHeader {
		p.printf("service-id %d flags 0x%02x service-set-id 0x%04x iif %d: ",
			h.u8(0), h.u8(1), h.be16(2), h.be32(4)&0xffffff)
	}
	p.jnxGuessIP(h.b, l.length)
	return 0
}

// jnxPPPoE prints what follows the header of a JUNIPER_PPPOE packet: an
// Ethernet frame, whose header tcpdump does not count.
func (p *Printer) jnxPPPoE(r reader, l *jnxInfo) int {
	p.ether(r.from(l.hdrLen).b, l.length)
	return 0
}

// jnxEther prints what follows the header of a JUNIPER_ETHER packet.
func (p *Printer) jnxEther(r reader, l *jnxInfo) int {
	return p.ether(r.from(l.hdrLen).b, l.length)
}

// jnxPPP prints what follows the header of a JUNIPER_PPP packet.
func (p *Printer) jnxPPP(r reader, l *jnxInfo) int {
	p.ppp(r.from(l.hdrLen).b, l.length)
	return 0
}

// jnxFrelay prints what follows the header of a JUNIPER_FRELAY packet.
func (p *Printer) jnxFrelay(r reader, l *jnxInfo) int {
	p.fr(r.from(l.hdrLen).b, l.length)
	return 0
}

// jnxCHDLC prints what follows the header of a JUNIPER_CHDLC packet.
func (p *Printer) jnxCHDLC(r reader, l *jnxInfo) int {
	p.chdlc(r.from(l.hdrLen).b, l.length)
	return 0
}

// jnxPPPoEATM prints what follows the header of a JUNIPER_PPPOE_ATM
// packet: an Ethernet type and what it carries.
func (p *Printer) jnxPPPoEATM(r reader, l *jnxInfo) int {
	b := r.from(l.hdrLen).b
	et := be16(b, 0)
	if !p.ethertype(et, b[2:], l.length-2) {
		p.printf("unknown ethertype 0x%04x", et)
	}
	return 0
}

var jnxGGSNProtos = map[uint8]string{1: "Null", 2: "IPv4", 6: "IPv6"}

var jnxIPsecTypes = map[uint8]string{1: "ESP ENCR-AUTH", 2: "ESP ENCR-AH AUTH", 3: "ESP AUTH", 4: "AH AUTH", 5: "ESP ENCR"}

// jnxES prints what follows the header of a JUNIPER_ES packet: an IPsec
// header of the encryption services PIC, then IP.
func (p *Printer) jnxES(r reader, l *jnxInfo) int {
	h := r.from(l.hdrLen)
	h.need(0, 16)
	t := h.u8(3)
	rewrite, bundle := 0, false
	switch t {
	case 1, 2:
		bundle = true
	case 3, 4, 5:
		rewrite = 16
	default:
		p.printf("ES Invalid type %d, length %d", t, l.length)
		return 0
	}
	length := l.length - rewrite
	if p.o.LinkHeader {
		p.printf("ES SA, index %d, ttl %d type %s (%d), ", h.be16(0), h.u8(2), mapName(jnxIPsecTypes, t, "Unknown"), t)
		if !bundle {
			p.printf("spi %d, Tunnel %s > %s, ", h.be32(4), p.host(ip4At(h.b, 8)), p.host(ip4At(h.b, 12)))
		}
		p.printf("length %d\n", length)
	}
	p.ip(h.from(rewrite).b, length)
	return 0
}

// ip4At is the IPv4 address at b[off:].
func ip4At(b []byte, off int) netip.Addr {
	return netip.AddrFrom4([4]byte(b[off : off+4]))
}

// jnxMonitor prints what follows the header of a JUNIPER_MONITOR
// packet: the monitor header, then IP guessed from its first byte (the
// header's own, as tcpdump does).
func (p *Printer) jnxMonitor(r reader, l *jnxInfo) int {
	h := r.from(l.hdrLen)
	h.need(0, 8)
	if p.o.LinkHeader {
		p.printf("service-id %d, iif %d, pkt-type %d: ", h.be32(4), h.be16(2), h.u8(0))
	}
	p.jnxGuessIP(h.b, l.length)
	return 0
}

// jnxLSQ prints the payload of a link services cookie's protocol,
// reporting false for one it does not name.
func (p *Printer) jnxLSQ(proto uint16, b []byte, length int) bool {
	switch proto {
	case jnxLSQIP4:
		p.ip(b, length)
	case jnxLSQIP6:
		p.ip6(b, length)
	case jnxLSQMPL:
		p.mpls(b, length)
	case jnxLSQISO:
		p.isoclns(b, length)
	default:
		return false
	}
	return true
}

// jnxMLPPP prints what follows the header of a JUNIPER_MLPPP packet.
func (p *Printer) jnxMLPPP(r reader, l *jnxInfo) int {
	c := binary.BigEndian.Uint16(l.cookie[:])
	if p.o.LinkHeader && c != 0x0023 && c != 0xff03 {
		p.printf("Bundle-ID %d: ", l.bundle)
	}
	b := r.from(l.hdrLen).b
	if l.proto == jnxLSQIP4 && l.cookie[4] == 0x0c {
		// IS-IS from the routing engine, in PPP.
		p.ppp(b, l.length)
		return 0
	}
	if p.jnxLSQ(l.proto, b, l.length) {
		return 0
	}
	if c == 0x0023 {
		p.ppp(r.from(l.hdrLen-2).b, l.length+2)
	} else {
		p.ppp(b, l.length)
	}
	return 0
}

// jnxMFR prints what follows the header of a JUNIPER_MFR packet.
func (p *Printer) jnxMFR(r reader, l *jnxInfo) int {
	b := r.from(l.hdrLen).b
	switch l.cookieLen {
	case 0:
		p.mfr(b, l.length)
		return 0
	case 8:
		p.jnxLSQ(l.proto, b, l.length)
		return 0
	}
	p.jnxMLFRPayload(r, l, false)
	return 0
}

// jnxMLFR prints what follows the header of a JUNIPER_MLFR packet.
func (p *Printer) jnxMLFR(r reader, l *jnxInfo) int {
	p.jnxMLFRPayload(r, l, true)
	return 0
}

// jnxMLFRPayload prints a multilink Frame Relay bundle's frame, chosen
// by the protocol after the cookie: OSI, or (for the NLPIDs of Q.933, IP
// and IPv6) the OSI printer from the NLPID.
func (p *Printer) jnxMLFRPayload(r reader, l *jnxInfo, mlfr bool) {
	if p.o.LinkHeader && binary.BigEndian.Uint32(l.cookie[:]) != 1 {
		p.printf("Bundle-ID %d, ", l.bundle)
	}
	b := r.from(l.hdrLen).b
	switch {
	case mlfr && (l.proto == 0x03 || l.proto == 0x0300):
		p.isoclns(b, l.length)
	case !mlfr && l.proto == 0xfefe:
		need(b, 1)
		p.isoclns(b[1:], l.length-1)
	case l.proto == 0x0308 || l.proto == 0x03cc || l.proto == 0x038e:
		p.isoclns(r.from(l.hdrLen-1).b, l.length+1)
	default:
		p.printf("unknown protocol 0x%04x, length %d", l.proto, l.length)
	}
}

// jnxATMLLC prints an ATM PIC's AAL5 frame as LLC when it starts with an
// NLPID or SNAP header, reporting whether the payload was decoded.
func (p *Printer) jnxATMLLC(b []byte, l *jnxInfo) bool {
	need(b, 3)
	if h := uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2]); h != 0xfefe03 && h != 0xaaaa03 {
		return false
	}
	return p.llc(b[:min(len(b), max(l.caplen, 0))], l.length, nil, nil) > 0
}

// jnxATM1 prints what follows the header of a JUNIPER_ATM1 packet: an
// OAM cell, or an AAL5 frame of LLC, Cisco's NLPID or IP.
func (p *Printer) jnxATM1(r reader, l *jnxInfo) int {
	b := r.from(l.hdrLen).b
	if l.cookie[0] == 0x80 {
		p.oam(b, l.length, 0)
		return 0
	}
	if p.jnxATMLLC(b, l) {
		return 0
	}
	if u8(b, 0) == 0x03 {
		p.isoclns(b[1:], l.length-1)
		return 0
	}
	p.jnxGuessIP(b, l.length)
	return 0
}

// jnxATM2 prints what follows the header of a JUNIPER_ATM2 packet: an
// OAM cell, or an AAL5 frame of LLC, bridged Ethernet, Cisco's NLPID,
// PPP or IP.
func (p *Printer) jnxATM2(r reader, l *jnxInfo) int {
	b := r.from(l.hdrLen).b
	if l.cookie[7]&0x70 != 0 {
		p.oam(b, l.length, 0)
		return 0
	}
	if p.jnxATMLLC(b, l) {
		return 0
	}
	if l.flags&jnxPktIn == 0 && binary.BigEndian.Uint32(l.cookie[:])&0x3f != 0 {
		p.ether(b[:min(len(b), max(l.caplen, 0))], l.length)
		return 0
	}
	if u8(b, 0) == 0x03 {
		p.isoclns(b[1:], l.length-1)
		return 0
	}
	if p.jnxGuessPPP(b, l.length) {
		return 0
	}
	p.jnxGuessIP(b, l.length)
	return 0
}
