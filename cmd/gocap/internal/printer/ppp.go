package printer

// PPP protocol numbers the printer decodes.
const (
	pppIP        = 0x0021
	pppIPv6      = 0x0057
	pppIPX       = 0x002b
	pppOSI       = 0x0023
	pppVJNC      = 0x002f
	pppMPLS      = 0x0281
	pppMPLSM     = 0x0283
	pppComp      = 0x00fd
	pppLCP       = 0xc021
	pppIPCP      = 0x8021
	pppOSICP     = 0x8023
	pppMPLSCP    = 0x8281
	pppIPv6CP    = 0x8057
	pppCCP       = 0x80fd
	pppBACP      = 0xc02b
	pppPAP       = 0xc023
	pppCHAP      = 0xc223
	pppBAP       = 0xc02d
	pppML        = 0x003d
	pppAddress   = 0xff
	pppControl   = 0x03
	pppdIn       = 0x00 // pppd's direction byte in the address field
	pppdOut      = 0x01
	chdlcUnicast = 0x0f
	chdlcBcast   = 0x8f
)

var pppTypeNames = map[uint16]string{
	0x0021: "IP", 0x0023: "OSI", 0x0025: "NS", 0x0027: "DECNET", 0x0029: "APPLE", 0x002b: "IPX",
	0x002d: "VJC IP", 0x002f: "VJNC IP", 0x0031: "BRPDU", 0x0033: "STII", 0x0035: "VINES",
	0x0281: "MPLS", 0x0283: "MPLS", 0x00fd: "Compressed", 0x003d: "MLPPP", 0x0057: "IP6",
	0x0201: "HELLO", 0x0231: "LUXCOM", 0x0233: "SNS", 0x8021: "IPCP", 0x8023: "OSICP",
	0x8025: "NSCP", 0x8027: "DECNETCP", 0x8029: "APPLECP", 0x802b: "IPXCP", 0x8033: "STIICP",
	0x8035: "VINESCP", 0x8057: "IP6CP", 0x8281: "MPLSCP", 0xc021: "LCP", 0xc023: "PAP",
	0xc025: "LQM", 0xc223: "CHAP", 0xc02b: "BACP", 0xc02d: "BAP", 0xc03d: "MLPPP-CP",
	0x80fd: "CCP", 0xc227: "EAP", 0xc027: "SPAP", 0xc123: "Old-SPAP",
}

func pppTypeName(t uint16, def string) string {
	if s, ok := pppTypeNames[t]; ok {
		return s
	}
	return sprintf(def, t)
}

// pppLink prints a frame of the PPP link type and returns the length of
// the PPP header.
func (p *Printer) pppLink(b []byte, length int) int {
	r := p.reader("ppp", b)
	if !r.has(0, 4) {
		r.trunc()
		return len(b)
	}
	// tcpdump counts four header bytes whatever the frame holds.
	p.ppp(b, length)
	return 4
}

// ppp prints a PPP frame, with or without the address and control fields
// and with a one- or two-byte protocol field, and returns its header
// length.
func (p *Printer) ppp(b []byte, length int) int {
	r := p.reader("ppp", b)
	olen := length
	hdr := 0
	if length < 2 {
		r.trunc()
		return 0
	}
	switch r.be16(0) {
	case pppdIn<<8 | pppControl:
		if p.o.LinkHeader {
			p.print("In  ")
		}
		hdr = 2
	case pppdOut<<8 | pppControl:
		if p.o.LinkHeader {
			p.print("Out ")
		}
		hdr = 2
	case pppAddress<<8 | pppControl:
		hdr = 2
	}
	if length-hdr < 2 {
		r.trunc()
		return 0
	}
	var proto uint16
	if r.u8(hdr)%2 == 1 {
		proto = uint16(b[hdr])
		hdr++
	} else {
		proto = r.be16(hdr)
		hdr += 2
	}
	if p.o.LinkHeader {
		name, known := pppTypeNames[proto]
		if !known {
			// tcpdump names the protocol "unknown" and prints no more.
			p.printf("unknown (0x%04x), length %d", proto, olen)
			return hdr
		}
		p.printf("%s (0x%04x), length %d: ", name, proto, olen)
	}
	p.pppPayload(proto, b[hdr:], length-hdr)
	return hdr
}

// pppPayload prints what follows a PPP protocol field.
func (p *Printer) pppPayload(proto uint16, b []byte, length int) {
	if proto&0xff00 == 0x7e00 {
		// An HDLC escape where the protocol should be: undo the escaping
		// from the protocol's second byte on and guess again.
		p.pppHDLC(byte(proto), b, length)
		return
	}
	switch proto {
	case pppLCP, pppIPCP, pppOSICP, pppMPLSCP, pppIPv6CP, pppCCP, pppBACP:
		p.pppControl(proto, b, length)
	case pppML:
		p.mlppp(b, length)
	case pppCHAP:
		p.chap(b, length)
	case pppPAP:
		p.pap(b, length)
	case pppBAP:
		// tcpdump prints nothing of BAP.
	case etIPv4, pppVJNC, pppIP:
		p.ip(b, length)
	case etIPv6, pppIPv6:
		p.ip6(b, length)
	case 0x8137, pppIPX:
		p.ipx(b, length)
	case pppOSI:
		p.isoclns(b, length)
	case pppMPLS, pppMPLSM:
		p.mpls(b, length)
	case pppComp:
		p.print("compressed PPP data")
	default:
		p.printf("%s ", pppTypeName(proto, "unknown PPP protocol (0x%04x)"))
		p.unknownData(b, "\n\t", length)
	}
}

// pppHDLC decodes a frame whose protocol field was an HDLC escape, as
// tcpdump does: it undoes the escaping from the protocol field's second
// byte (first) on and guesses the protocol again.
func (p *Printer) pppHDLC(first byte, b []byte, length int) {
	if length == 0 {
		return
	}
	src := append([]byte{first}, b...)
	var u []byte
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == 0x7d {
			if i+1 >= len(src) {
				break
			}
			i++
			c = src[i] ^ 0x20
		}
		u = append(u, c)
	}
	if len(u) < 1 {
		p.truncMark(p.proto)
		return
	}
	switch u[0] {
	case pppIP:
		p.ip(u[1:], len(u)-1)
		return
	case pppIPv6:
		p.ip6(u[1:], len(u)-1)
		return
	}
	if len(u) < 2 {
		p.truncMark(p.proto)
		return
	}
	proto := uint16(u[0])<<8 | uint16(u[1])
	rest, l := u[2:], len(u)-2
	if proto == pppAddress<<8|pppControl {
		if len(u) < 4 {
			p.truncMark(p.proto)
			return
		}
		proto = uint16(u[2])<<8 | uint16(u[3])
		rest, l = u[4:], len(u)-4
	}
	if proto&0xff00 == 0x7e00 {
		p.printf("(protocol 0x%04x invalid)", proto)
		return
	}
	p.pppPayload(proto, rest, l)
}

// pppSerial prints a frame of the PPP_SERIAL link type (PPP in HDLC-like
// framing, or Cisco HDLC) and returns the header length.
func (p *Printer) pppSerial(b []byte, length int) int {
	r := p.reader("ppp_hdlc", b)
	if !r.has(0, 2) {
		r.trunc()
		return len(b)
	}
	switch b[0] {
	case pppAddress:
		if !r.has(0, 4) {
			r.trunc()
			return len(b)
		}
		if p.o.LinkHeader {
			p.printf("%02x %02x %d ", b[0], b[1], length)
		}
		proto := r.be16(2)
		p.printf("%s: ", pppTypeName(proto, "unknown PPP protocol (0x%04x)"))
		p.pppPayload(proto, b[4:], length-4)
		return 4
	case chdlcUnicast, chdlcBcast:
		return p.chdlc(b, length)
	}
	if !r.has(0, 4) {
		r.trunc()
		return len(b)
	}
	if p.o.LinkHeader {
		p.printf("%02x %02x %d ", b[0], b[1], length)
	}
	p.printf("unknown addr %02x; ctrl %02x", b[2], b[3])
	return 2
}

// chdlc prints a Cisco HDLC frame and returns its header length.
func (p *Printer) chdlc(b []byte, length int) int {
	r := p.reader("chdlc", b)
	if length < 4 {
		r.trunc()
		return len(b)
	}
	proto := r.be16(2)
	if p.o.LinkHeader {
		cast := sprintf("0x%02x", b[0])
		switch b[0] {
		case chdlcUnicast:
			cast = "unicast"
		case chdlcBcast:
			cast = "bcast"
		}
		p.printf("%s, ethertype %s (0x%04x), length %d: ", cast, ethertypeName(proto, "Unknown"), proto, length)
	}
	b = b[4:]
	length -= 4
	switch proto {
	case etIPv4:
		p.ip(b, length)
	case etIPv6:
		p.ip6(b, length)
	case 0x8035:
		p.slarp(b, length)
	case etMPLS, etMPLSM:
		p.mpls(b, length)
	case 0xfefe:
		if length < 2 {
			// tcpdump's trunc label: the rest is taken as header.
			r.trunc()
			return len(r.b)
		}
		if c := u8(b, 1); c == 0x81 || c == 0x82 || c == 0x83 {
			p.isoclns(b[1:], length-1)
		} else {
			p.isoclns(b, length)
		}
	default:
		if !p.o.LinkHeader {
			p.printf("unknown CHDLC protocol (0x%04x)", proto)
		}
	}
	return 4
}

// slarp prints a Cisco SLARP message.
func (p *Printer) slarp(b []byte, length int) {
	r := p.reader("chdlc_slarp", b)
	p.printf("SLARP (length: %d), ", length)
	if length < 14 || !r.has(0, 14) {
		r.trunc()
		return
	}
	// dump is where the -vv dump starts: tcpdump moves its pointer past
	// the fixed fields to read the uptime.
	dump := 4
	switch code := r.be32(0); code {
	case 0:
		p.print("request")
	case 1:
		p.printf("reply %s/%s", p.host(addr4(b[4:])), p.host(addr4(b[8:])))
	case 2:
		p.printf("keepalive: mineseen=0x%08x, yourseen=0x%08x, reliability=0x%04x", r.be32(4), r.be32(8), r.be16(12))
		if length >= 18 {
			dump += 14
			sec := r.be32(14) / 1000
			min := sec / 60
			sec -= min * 60
			hrs := min / 60
			min -= hrs * 60
			days := hrs / 24
			hrs -= days * 24
			p.printf(", link uptime=%dd%dh%dm%ds", days, hrs, min, sec)
		}
	default:
		p.printf("0x%02x unknown", code)
		if p.o.Verbose <= 1 {
			p.unknownData(b[4:], "\n\t", length-4)
		}
	}
	if length > 18 && p.o.Verbose > 0 {
		p.printf(", (trailing junk: %d bytes)", length-18)
	}
	if p.o.Verbose > 1 {
		p.unknownAt(r, dump, length-4, "\n\t")
	}
}

var pppoeCodes = map[uint8]string{0x09: "PADI", 0x07: "PADO", 0x19: "PADR", 0x65: "PADS", 0xa7: "PADT", 0: ""}

var pppoeTags = map[uint16]string{
	0: "EOL", 0x0101: "Service-Name", 0x0102: "AC-Name", 0x0103: "Host-Uniq", 0x0104: "AC-Cookie",
	0x0105: "Vendor-Specific", 0x0110: "Relay-Session-ID", 0x0120: "PPP-Max-Payload",
	0x0201: "Service-Name-Error", 0x0202: "AC-System-Error", 0x0203: "Generic-Error",
}

// pppoe prints a PPPoE discovery or session packet and returns the
// length of the headers it printed (tcpdump's count for -x).
func (p *Printer) pppoe(b []byte, length int) int {
	r := p.reader("pppoe", b)
	if length < 6 {
		p.printf(" (length %d < 6) (invalid)", length)
		return 0
	}
	r.need(0, 6)
	length -= 6
	ver, typ, code := b[0]>>4, b[0]&0xf, b[1]
	sid := r.be16(2)
	plen := int(r.be16(4))
	if ver != 1 {
		p.printf(" [ver %d]", ver)
	}
	if typ != 1 {
		p.printf(" [type %d]", typ)
	}
	p.printf("PPPoE %s", mapName(pppoeCodes, code, sprintf("PAD-%x", code)))
	if code == 0x09 && plen > 1484-6 {
		p.printf(" [len %d!]", plen)
	}
	if plen > length {
		p.printf(" [len %d > %d!]", plen, length)
		plen = length
	}
	if sid != 0 {
		p.printf(" [ses 0x%x]", sid)
	}
	b = b[6:]
	if code == 0 {
		p.print(" ")
		return 6 + p.ppp(b, plen)
	}
	tag := uint16(0xffff)
	for off := 0; tag != 0 && off < plen; {
		tag = be16(b, off)
		tl := int(be16(b, off+2))
		off += 4
		name := mapName(pppoeTags, tag, sprintf("TAG-0x%x", tag))
		if tl == 0 {
			p.printf(" [%s]", name)
			continue
		}
		need(b, off+tl)
		v := b[off : off+tl]
		var s []byte
		ascii := 0
		for _, c := range v {
			if len(s) >= 79 {
				break
			}
			if c >= 0x20 && c < 0x7f {
				s = append(s, c)
				ascii++
			} else {
				s = append(s, '.')
			}
		}
		if ascii > len(s)-ascii {
			p.printf(" [%s \"%s\"]", name, s)
		} else {
			p.printf(" [%s 0x", name)
			for _, c := range v {
				p.printf("%02X", c)
			}
			p.print("]")
		}
		off += tl
	}
	return 6
}
