package printer

// PPP's control and authentication protocols: LCP and the NCPs that
// share its packet format (IPCP, IP6CP, CCP, BACP and the others tcpdump
// names), with the options tcpdump decodes, and CHAP, PAP and multilink
// PPP (print-ppp.c's handle_ctrl_proto, the print_*_config_options,
// handle_chap, handle_pap and handle_mlppp).
//
// These printers leave p.proto to their caller (tcpdump's ndo_protocol is
// "ppp" from ppp_print, "ppp_hdlc" from the serial printer, and so on), so
// they read through the bare-slice reads. Where tcpdump tests the capture
// itself and jumps to its "trunc:" label, they print the label's own
// marker, such as "[|LCP]" or "[|lcp]", with no space before it.

var pppCPCodes = map[uint8]string{
	0: "Vendor-Extension", 1: "Conf-Request", 2: "Conf-Ack", 3: "Conf-Nack", 4: "Conf-Reject",
	5: "Term-Request", 6: "Term-Ack", 7: "Code-Reject", 8: "Prot-Reject", 9: "Echo-Request",
	10: "Echo-Reply", 11: "Disc-Req", 12: "Ident", 13: "Time-Rem", 14: "Reset-Req", 15: "Reset-Ack",
}

var lcpOptionNames = []string{
	"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num", "deprecated(6)", "PFC",
	"ACFC", "FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)",
	"deprecated(15)", "deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary",
	"DCE-Id", "MP+", "Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision",
	"Multilink-header-Form", "I18N", "SDL-over-SONET/SDH", "PPP-Muxing",
}

// pppCallbackOps names the LCP Call-Back option's operations (RFC 1570).
var pppCallbackOps = map[uint8]string{0: "UserAuth", 1: "DialString", 2: "LocalID",
	3: "E.164", 4: "X.500", 6: "CBCP"}

var chapAlgNames = map[uint8]string{5: "MD5", 128: "MS-CHAPv1", 129: "MS-CHAPv2"}

var ipcpOptionNames = map[uint8]string{1: "IP-Addrs", 2: "IP-Comp", 3: "IP-Addr", 4: "Home-Addr",
	129: "Pri-DNS", 130: "Pri-NBNS", 131: "Sec-DNS", 132: "Sec-NBNS"}

var ipcpCompNames = map[uint16]string{0x002d: "VJ-Comp", 0x0061: "IP Header Compression"}

var ipcpCompSubopts = map[uint8]string{1: "RTP-Compression", 2: "Enhanced RTP-Compression"}

var ccpOptionNames = map[uint8]string{0: "OUI", 1: "Pred-1", 2: "Pred-2", 3: "Puddle",
	16: "HP-PPC", 17: "Stac-LZS", 18: "MPPC", 19: "Gand-FZA", 20: "V.42bis", 21: "BSD-Comp",
	23: "LZS-DCP", 24: "MVRCA", 25: "DEC", 26: "Deflate", 255: "Reserved"}

var ip6cpOptionNames = map[uint8]string{1: "Interface-ID"}

var bacpOptionNames = map[uint8]string{1: "Favored-Peer"}

var chapCodes = map[uint8]string{1: "Challenge", 2: "Response", 3: "Success", 4: "Fail"}

var papCodes = map[uint8]string{1: "Auth-Req", 2: "Auth-ACK", 3: "Auth-NACK"}

// sliceFrom is b from off on, empty when off is past its end (a read of
// it then ends the packet, as a read past the capture does).
func sliceFrom(b []byte, off int) []byte { return b[min(max(off, 0), len(b)):] }

// pppControl prints an LCP or NCP packet: code, identifier and length,
// and with -v the options or data of the code.
func (p *Printer) pppControl(proto uint16, b []byte, length int) {
	name := pppTypeName(proto, "unknown ctrl-proto (0x%04x)")
	p.printf("%s, ", name)
	if length < 4 || len(b) < 2 {
		p.printf("[|%s]", name)
		return
	}
	code := b[0]
	p.printf("%s (0x%02x), id %d, length %d", mapName(pppCPCodes, code, "Unknown Opcode"), code, b[1], length+2)
	if p.o.Verbose == 0 {
		return
	}
	l := int(be16(b, 2))
	if l < 4 {
		p.printf("\n\tencoded length %d (< 4))", l)
		return
	}
	if l > length {
		p.printf("\n\tencoded length %d (> packet length %d))", l, length)
		return
	}
	p.printf("\n\tencoded length %d (=Option(s) length %d)", l, l-4)
	if l == 4 {
		return
	}
	// withProto is the packet from its protocol field on, which
	// tcpdump's dumps start at (a control protocol's field is never
	// compressed).
	withProto := func() []byte { return append([]byte{byte(proto >> 8), byte(proto)}, b...) }
	if p.o.Verbose > 1 {
		p.unknownData(withProto(), "\n\t", 6)
	}
	switch code {
	case 0: // Vendor-Extension
		if l < 11 {
			break
		}
		p.printf("\n\t  Magic-Num 0x%08x", be32(b, 4))
		oui := be24(b, 8)
		p.printf(" Vendor: %s (%d)", mapName(ouiNames, oui, "Unknown"), oui)
	case 1, 2, 3, 4: // Conf-Request, -Ack, -Nak, -Reject
		var opt func([]byte, int) int
		switch proto {
		case pppLCP:
			opt = p.lcpOption
		case pppIPCP:
			opt = p.ipcpOption
		case pppIPv6CP:
			opt = p.ip6cpOption
		case pppCCP:
			opt = p.ccpOption
		case pppBACP:
			opt = p.bacpOption
		default:
			return
		}
		// tcpdump hands each option printer the whole encoded length,
		// not what is left of it.
		for left, off := l-4, 4; left != 0; {
			n := opt(sliceFrom(b, off), l)
			if n == 0 {
				break
			}
			if left < n {
				p.printf(" [remaining options length %d < %d]", left, n)
				p.print(" (invalid)")
				break
			}
			left -= n
			off += n
		}
	case 8: // Prot-Reject
		if l < 6 {
			break
		}
		rp := be16(b, 4)
		p.printf("\n\t  Rejected %s Protocol (0x%04x)", mapName(pppTypeNames, rp, "unknown"), rp)
		if l > 6 {
			p.print("\n\t  Rejected Packet")
			p.unknownData(b[6:], "\n\t    ", l-2)
		}
	case 9, 10, 11: // Echo-Request, Echo-Reply, Disc-Req
		if l < 8 {
			break
		}
		p.printf("\n\t  Magic-Num 0x%08x", be32(b, 4))
		if l > 8 {
			p.print("\n\t  -----trailing data-----")
			if len(b) < l {
				p.printf("[|%s]", name)
				return
			}
			p.unknownData(b[8:], "\n\t  ", l-8)
		}
	case 12: // Ident
		if l < 8 {
			break
		}
		p.printf("\n\t  Magic-Num 0x%08x", be32(b, 4))
		if l > 8 {
			// tcpdump prints four bytes more than the message holds.
			p.print("\n\t  Message\n\t    ")
			m := b[8:]
			n := l - 4
			p.print(printableN(m[:min(n, len(m))]))
			if n > len(m) {
				p.printf("[|%s]", name)
			}
		}
	case 13: // Time-Rem
		if l < 12 {
			break
		}
		p.printf("\n\t  Magic-Num 0x%08x", be32(b, 4))
		p.printf(", Seconds-Remaining %ds", be32(b, 8))
	case 5, 6, 7:
	default:
		if p.o.Verbose <= 1 {
			p.unknownData(withProto(), "\n\t  ", l+2)
		}
	}
}

// pppOptionHeader reads a control protocol option's type and length and
// prints its header line, as every print_*_config_options does. It
// reports ok false, with the value to return, when the option ends the
// list: too short, past the length (total), or cut short in the capture
// (where trunc names tcpdump's marker). The option is named from names,
// else unknown.
func (p *Printer) pppOptionHeader(d []byte, total int, trunc string, names map[uint8]string, unknown string) (opt uint8, l int, ok bool) {
	if total < 2 {
		return 0, 0, false
	}
	if len(d) < 2 {
		p.printf("[|%s]", trunc)
		return 0, 0, false
	}
	opt, l = d[0], int(d[1])
	if total < l {
		return 0, 0, false
	}
	p.printf("\n\t  %s Option (0x%02x), length %d", mapName(names, opt, unknown), opt, l)
	if l < 2 {
		p.pppLenBogus(">= 2", 0)
		return 0, 0, false
	}
	return opt, l, true
}

// pppLenBogus prints tcpdump's complaint about an option's length, want
// being what it should be ("= 6", ">= 4"), and returns ret, the length
// tcpdump's option printer then returns (the option's own, or 0 to end
// the list).
func (p *Printer) pppLenBogus(want string, ret int) int {
	p.printf(" (length bogus, should be %s)", want)
	return ret
}

// pppOptionDump is the dump that ends every option printer: the value
// of an option it does not decode with -v, and of every option with -vv.
// The -vv dump starts at off (tcpdump's option pointer, which the IPCP
// header compression suboptions move on).
func (p *Printer) pppOptionDump(d []byte, off, l int, known bool) {
	r := reader{p: p, b: d, proto: p.proto}
	if !known && p.o.Verbose < 2 {
		p.unknownAt(r, 2, l-2, "\n\t    ")
	}
	if p.o.Verbose > 1 {
		p.unknownAt(r, off+2, l-2, "\n\t    ")
	}
}

// lcpOption prints one LCP configuration option and returns its length,
// or 0 when the list cannot go on.
func (p *Printer) lcpOption(d []byte, total int) int {
	if total < 2 {
		return 0
	}
	if len(d) < 2 {
		p.print("[|lcp]")
		return 0
	}
	opt, l := int(d[0]), int(d[1])
	if total < l {
		return 0
	}
	if l < 2 {
		if opt < len(lcpOptionNames) {
			p.printf("\n\t  %s Option (0x%02x), length %d", lcpOptionNames[opt], opt, l)
			p.pppLenBogus(">= 2", 0)
		} else {
			p.printf("\n\tunknown LCP option 0x%02x", opt)
		}
		return 0
	}
	if opt >= len(lcpOptionNames) {
		p.printf("\n\tunknown LCP option 0x%02x", opt)
		return l
	}
	p.printf("\n\t  %s Option (0x%02x), length %d", lcpOptionNames[opt], opt, l)
	known := true
	switch opt {
	case 0: // Vend-Ext
		if l < 6 {
			return p.pppLenBogus(">= 6", l)
		}
		oui := be24(d, 2)
		p.printf(": Vendor: %s (%d)", mapName(ouiNames, oui, "Unknown"), oui)
	case 1: // MRU
		if l != 4 {
			return p.pppLenBogus("= 4", l)
		}
		p.printf(": %d", be16(d, 2))
	case 2: // ACCM
		if l != 6 {
			return p.pppLenBogus("= 6", l)
		}
		p.printf(": 0x%08x", be32(d, 2))
	case 3: // Auth-Prot
		if l < 4 {
			return p.pppLenBogus(">= 4", l)
		}
		p.printf(": %s", mapName(pppTypeNames, be16(d, 2), "Unknown Auth Proto (0x04x)"))
		switch be16(d, 2) {
		case pppCHAP:
			alg := u8(d, 4)
			p.printf(", %s", mapName(chapAlgNames, alg, sprintf("Unknown Auth Alg %d", alg)))
		case pppPAP, 0xc227, 0xc027, 0xc123:
		default:
			p.unknownData(d, "\n\t", l)
		}
	case 4: // Qual-Prot
		if l < 4 {
			return p.pppLenBogus(">= 4", 0)
		}
		if be16(d, 2) == 0xc025 {
			p.print(": LQR")
		} else {
			p.print(": unknown")
		}
	case 5: // Magic-Num
		if l != 6 {
			return p.pppLenBogus("= 6", 0)
		}
		p.printf(": 0x%08x", be32(d, 2))
	case 7, 8: // PFC, ACFC
	case 23: // Link-Disc
		if l != 4 {
			return p.pppLenBogus("= 4", 0)
		}
		p.printf(": 0x%04x", be16(d, 2))
	case 13: // Call-Back
		if l < 3 {
			return p.pppLenBogus(">= 3", 0)
		}
		p.print(": ")
		op := u8(d, 2)
		p.printf(": Callback Operation %s (%d)", mapName(pppCallbackOps, op, "Unknown"), op)
	case 17: // MRRU
		if l != 4 {
			return p.pppLenBogus("= 4", 0)
		}
		p.printf(": %d", be16(d, 2))
	case 19: // End-Disc
		if l < 3 {
			return p.pppLenBogus(">= 3", 0)
		}
		switch class := u8(d, 2); class {
		case 0:
			p.print(": Null")
		case 1:
			p.print(": Local")
		case 2:
			if l != 7 {
				return p.pppLenBogus("= 7", 0)
			}
			need(d, 7)
			p.printf(": IPv4 %s", p.host(addr4(d[3:])))
		case 3:
			if l != 9 {
				return p.pppLenBogus("= 9", 0)
			}
			need(d, 9)
			p.printf(": MAC %s", p.etherAddr(d[3:9]))
		case 4:
			p.print(": Magic-Num-Block")
		case 5:
			p.print(": PSNDN")
		default:
			p.printf(": Unknown class %d", class)
		}
	default:
		known = false
	}
	p.pppOptionDump(d, 0, l, known)
	return l
}

// ipcpOption prints one IPCP configuration option and returns its
// length, or 0 when the list cannot go on.
func (p *Printer) ipcpOption(d []byte, total int) int {
	opt, l, ok := p.pppOptionHeader(d, total, "ipcp", ipcpOptionNames, "unknown")
	if !ok {
		return 0
	}
	known, dumpOff := true, 0
	switch opt {
	case 1: // IP-Addrs
		if l != 10 {
			return p.pppLenBogus("= 10", l)
		}
		need(d, 10)
		p.printf(": src %s, dst %s", p.host(addr4(d[2:])), p.host(addr4(d[6:])))
	case 2: // IP-Comp
		if l < 4 {
			return p.pppLenBogus(">= 4", 0)
		}
		cp := be16(d, 2)
		p.printf(": %s (0x%02x):", mapName(ipcpCompNames, cp, "Unknown"), cp)
		if cp != 0x0061 {
			break
		}
		const minLen = 14
		if l < minLen {
			return p.pppLenBogus(sprintf(">= %d", minLen), 0)
		}
		if len(d) < 2+minLen {
			p.print("[|ipcp]")
			return 0
		}
		p.printf("\n\t    TCP Space %d, non-TCP Space %d, maxPeriod %d, maxTime %d, maxHdr %d",
			be16(d, 4), be16(d, 6), be16(d, 8), be16(d, 10), be16(d, 12))
		if l == minLen {
			break
		}
		left, off := l-minLen, minLen
		p.printf("\n\t      Suboptions, length %d", left)
		for left >= 2 {
			if len(d) < off+2 {
				p.print("[|ipcp]")
				return 0
			}
			so, sl := d[off], int(d[off+1])
			if so == 0 || sl == 0 {
				break
			}
			p.printf("\n\t\t%s Suboption #%d, length %d", mapName(ipcpCompSubopts, so, "Unknown"), so, sl)
			if left < sl {
				p.printf(" [remaining suboptions length %d < %d]", left, sl)
				p.print(" (invalid)")
				break
			}
			left -= sl
			off += sl
		}
		dumpOff = off
	case 3, 4, 129, 130, 131, 132:
		if l != 6 {
			return p.pppLenBogus("= 6", 0)
		}
		need(d, 6)
		p.printf(": %s", p.host(addr4(d[2:])))
	default:
		known = false
	}
	p.pppOptionDump(d, dumpOff, l, known)
	return l
}

// ip6cpOption prints one IPV6CP configuration option and returns its
// length, or 0 when the list cannot go on.
func (p *Printer) ip6cpOption(d []byte, total int) int {
	return p.pppOneOption(d, total, "ip6cp", ip6cpOptionNames, "unknown", 10, func() bool {
		if len(d) < 10 {
			p.print("[|ip6cp]")
			return false
		}
		p.printf(": %04x:%04x:%04x:%04x", be16(d, 2), be16(d, 4), be16(d, 6), be16(d, 8))
		return true
	})
}

// pppOneOption prints an option of a control protocol that decodes one
// option, type 1, of exactly want bytes, with value (false: the list
// cannot go on); it returns as the option printers do.
func (p *Printer) pppOneOption(d []byte, total int, trunc string, names map[uint8]string, unknown string, want int, value func() bool) int {
	opt, l, ok := p.pppOptionHeader(d, total, trunc, names, unknown)
	if !ok {
		return 0
	}
	known := opt == 1
	if known {
		if l != want {
			return p.pppLenBogus(sprintf("= %d", want), l)
		}
		if !value() {
			return 0
		}
	}
	p.pppOptionDump(d, 0, l, known)
	return l
}

// ccpOption prints one CCP configuration option and returns its length,
// or 0 when the list cannot go on.
func (p *Printer) ccpOption(d []byte, total int) int {
	opt, l, ok := p.pppOptionHeader(d, total, "ccp", ccpOptionNames, "Unknown")
	if !ok {
		return 0
	}
	known := true
	switch opt {
	case 21: // BSD-Comp
		if l < 3 {
			return p.pppLenBogus(">= 3", l)
		}
		v := u8(d, 2)
		p.printf(": Version: %d, Dictionary Bits: %d", v>>5, v&0x1f)
	case 24: // MVRCA
		if l < 4 {
			return p.pppLenBogus(">= 4", l)
		}
		v := u8(d, 2)
		pxp := "Disabled"
		if v&0x20 != 0 {
			pxp = "Enabled"
		}
		p.printf(": Features: %d, PxP: %s, History: %d, #CTX-ID: %d", v>>6, pxp, v&0x1f, u8(d, 3))
	case 26: // Deflate
		if l < 4 {
			return p.pppLenBogus(">= 4", l)
		}
		v, w := u8(d, 2), u8(d, 3)
		method := "unknown"
		if v&0xf == 8 {
			method = "zlib"
		}
		p.printf(": Window: %dK, Method: %s (0x%x), MBZ: %d, CHK: %d", v>>4, method, v&0xf, w>>2, w&3)
	default:
		known = false
	}
	p.pppOptionDump(d, 0, l, known)
	return l
}

// bacpOption prints one BACP configuration option and returns its
// length, or 0 when the list cannot go on.
func (p *Printer) bacpOption(d []byte, total int) int {
	return p.pppOneOption(d, total, "bacp", bacpOptionNames, "Unknown", 6, func() bool {
		p.printf(": Magic-Num 0x%08x", be32(d, 2))
		return true
	})
}

// mlppp prints a multilink PPP fragment header (12-bit sequence numbers).
func (p *Printer) mlppp(b []byte, length int) {
	if !p.o.LinkHeader {
		p.print("MLPPP, ")
	}
	if length < 2 || len(b) < 2 {
		p.print("[|mlppp]")
		return
	}
	p.printf("seq 0x%03x, Flags [%s], length %d", be16(b, 0)&0xfff,
		bitTokString([]bitTok{{0x80, "begin"}, {0x40, "end"}}, "none", uint32(b[0]&0xc0)), length)
}

// pppChars prints n bytes from off as tcpdump's fn_print_char loop
// does, a byte at a time (a byte past the capture ends the packet).
func (p *Printer) pppChars(b []byte, off, n int) {
	for i := 0; i < n; i++ {
		c := u8(b, off+i)
		p.print(printableN([]byte{c}))
	}
}

// pppAuthHead prints the code and identifier that start a CHAP or PAP
// packet (the protocol named name, trunc in its truncation marks) and
// returns the code and the packet's length field; false when the header
// was cut short.
func (p *Printer) pppAuthHead(b []byte, length int, trunc, name string, codes map[uint8]string) (code uint8, l int, ok bool) {
	if length < 1 {
		p.printf("[|%s]", trunc)
		return 0, 0, false
	} else if length < 4 {
		p.printf("[|%s 0x%02x]", trunc, u8(b, 0))
		return 0, 0, false
	}
	code = u8(b, 0)
	p.printf("%s, %s (0x%02x)", name, mapName(codes, code, "unknown"), code)
	p.printf(", id %d", u8(b, 1))
	return code, int(be16(b, 2)), true
}

// chap prints a CHAP packet.
func (p *Printer) chap(b []byte, length int) {
	code, l, ok := p.pppAuthHead(b, length, "chap", "CHAP", chapCodes)
	if !ok {
		return
	}
	switch code {
	case 1, 2:
		if length-4 < 1 {
			return
		}
		vs := int(u8(b, 4))
		if length-5 < vs {
			return
		}
		p.print(", Value ")
		for i := 0; i < vs; i++ {
			p.printf("%02x", u8(b, 5+i))
		}
		off := 5 + vs
		p.print(", Name ")
		p.pppChars(b, off, int(uint32(l-off)))
	case 3, 4:
		p.print(", Msg ")
		p.pppChars(b, 4, int(uint32(l-4)))
	}
}

// pap prints a PAP packet.
func (p *Printer) pap(b []byte, length int) {
	code, l, ok := p.pppAuthHead(b, length, "pap", "PAP", papCodes)
	if !ok {
		return
	}
	if l > length {
		p.printf(", length %d > packet size", l)
		return
	}
	if l < 4 {
		p.printf(", length %d < PAP header length", l)
		return
	}
	// field prints a length-prefixed string at off as label, reporting
	// where the next field starts, or -1 if the packet ends first.
	field := func(off int, label string) int {
		if l-off < 1 {
			return -1
		}
		n := int(u8(b, off))
		off++
		if l-off < n {
			return -1
		}
		p.print(label)
		p.pppChars(b, off, n)
		return off + n
	}
	switch code {
	case 1:
		if l < 6 {
			p.print("[|pap]")
			return
		}
		if off := field(4, ", Peer "); off >= 0 {
			field(off, ", Name ")
		}
	case 2, 3:
		if l < 5 {
			p.print("[|pap]")
			return
		}
		field(4, ", Msg ")
	}
}
