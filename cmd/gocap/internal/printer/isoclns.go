package printer

// OSI connectionless network layer (ISO 8473 CLNP, ISO 9542 ES-IS,
// ISO 10589 IS-IS) behind LLC SAP 0xfe, printed as tcpdump 4.99.3 does.
// Decoded: the IS-IS common and PDU-specific headers and their TLVs
// (isoclns_tlv.go), the ES-IS header and the start of an ESH, and the
// CLNP header checks.

const (
	nlpidCLNP = 0x81
	nlpidESIS = 0x82
	nlpidISIS = 0x83
)

// isoclns prints an OSI network-layer PDU chosen by its NLPID.
func (p *Printer) isoclns(b []byte, length int) {
	r := p.reader("isoclns", b)
	n := r.u8(0)
	if p.o.LinkHeader {
		p.printf("OSI NLPID %s (0x%02x): ", mapName(nlpidNames, n, "Unknown"), n)
	}
	switch n {
	case nlpidCLNP:
		if !p.clnp(b, length) {
			p.unknownData(b, "\n\t", length)
		}
	case nlpidESIS:
		p.esis(b, length)
	case nlpidISIS:
		if !p.isis(b, length) {
			p.unknownData(b, "\n\t", length)
		}
	case 0x00: // null network layer
		p.printf("%slength: %d", p.osiSep(), length)
	case 0x08:
		p.q933(b[1:], length-1)
	case 0xcc:
		p.ip(b[1:], length-1)
	case 0x8e:
		p.ip6(b[1:], length-1)
	case 0xcf:
		p.ppp(b[1:], length-1)
	default:
		if !p.o.LinkHeader {
			p.printf("OSI NLPID 0x%02x unknown", n)
		}
		p.printf("%slength: %d", p.osiSep(), length)
		if length > 1 {
			p.unknownData(b, "\n\t", length)
		}
	}
}

// osiChecksum computes the ISO 8473 (Fletcher) checksum of b with the
// two bytes at off taken as zero: the value that belongs there.
func osiChecksum(b []byte, off int) uint16 {
	var c0, c1 int
	for i, v := range b {
		if i != off && i != off+1 {
			c0 += int(v)
		}
		c1 += c0
	}
	c0 %= 255
	c1 %= 255
	mul := (len(b) - off) * c0
	x := mul - c0 - c1
	y := c1 - mul - 1
	if y >= 0 {
		y++
	}
	if x < 0 {
		x--
	}
	x %= 255
	y %= 255
	if x == 0 {
		x = 255
	}
	if y == 0 {
		y = 255
	}
	return uint16((x&0xff)<<8 | y&0xff)
}

// osiCksum prints whether the checksum sum at off within the n bytes of
// b is right, as tcpdump's osi_print_cksum does.
func (p *Printer) osiCksum(b []byte, sum uint16, off, n int) {
	if sum == 0 || off+2 > len(b) || off > n || n > len(b) || n < 0 {
		p.print(" (unverified)")
		return
	}
	if want := osiChecksum(b[:n], off); want == sum {
		p.print(" (correct)")
	} else {
		p.printf(" (incorrect should be 0x%04x)", want)
	}
}

// sep is ", " without -e and nothing with it: the OSI printers start
// their text with it after the protocol name.
func (p *Printer) osiSep() string {
	if p.o.LinkHeader {
		return ""
	}
	return ", "
}

var clnpPDUNames = map[uint8]string{1: "Error Report", 29: "MD", 28: "Data", 30: "Echo Request", 31: "Echo Response"}

var clnpFlags = []bitTok{{0x80, "Segmentation permitted"}, {0x40, "more Segments"}, {0x20, "request Error Report"}}

var clnpOptionNames = map[uint8]string{193: "Discard Reason", 205: "Priority", 195: "QoS Maintenance",
	197: "Security", 200: "Source Routing", 203: "Route Recording", 204: "Padding"}

var clnpScopes = map[uint8]string{0x40: "Source Address Specific", 0x80: "Destination Address Specific",
	0xc0: "Globally unique"}

var clnpQoSFlags = []bitTok{{0x20, "reserved"}, {0x10, "sequencing vs. delay"}, {0x08, "congested"},
	{0x04, "delay vs. cost"}, {0x02, "error vs. delay"}, {0x01, "error vs. cost"}}

var clnpRFDClasses = map[uint8]string{0x0: "General", 0x8: "Address", 0x9: "Source Routeing",
	0xa: "Lifetime", 0xb: "PDU Discarded", 0xc: "Reassembly"}

// clnpRFDErrors names the errors of each class of a discard reason.
var clnpRFDErrors = map[uint8]map[uint8]string{
	0x0: {0: "Reason not specified", 1: "Protocol procedure error", 2: "Incorrect checksum",
		3: "PDU discarded due to congestion", 4: "Header syntax error (cannot be parsed)",
		5: "Segmentation needed but not permitted", 6: "Incomplete PDU received", 7: "Duplicate option"},
	0x8: {0: "Destination address unreachable", 1: "Destination address unknown"},
	0x9: {0: "Unspecified source routeing error", 1: "Syntax error in source routeing field",
		2: "Unknown address in source routeing field", 3: "Path not acceptable"},
	0xa: {0: "Lifetime expired while data unit in transit", 1: "Lifetime expired during reassembly"},
	0xb: {0: "Unsupported option not specified", 1: "Unsupported protocol version",
		2: "Unsupported security option", 3: "Unsupported source routeing option",
		4: "Unsupported recording of route option"},
	0xc: {0: "Reassembly interference"},
}

// clnp prints a CLNP PDU; it reports false where tcpdump gives up (and
// the caller dumps the PDU).
func (p *Printer) clnp(b []byte, length int) bool {
	r := p.reader("clnp", b)
	ok := true
	if r.label(func() { ok = p.clnpPDU(r, length) }) != ran {
		return true
	}
	return ok
}

// clnpPDU prints the CLNP PDU in r for clnp; tcpdump's checks
// (ND_TCHECK) return to clnp's label.
func (p *Printer) clnpPDU(r reader, length int) bool {
	b := r.b
	r.check(0, 9)
	li := int(b[1])
	if !p.o.LinkHeader {
		p.print("CLNP")
	}
	if b[2] != 1 {
		p.printf("version %d packet not supported", b[2])
		return false
	}
	if li > length {
		p.printf(" length indicator(%d) > PDU size (%d)!", li, length)
		return false
	}
	if li < 9 {
		p.printf(" length indicator %d < min PDU size:", li)
		for _, c := range b {
			p.printf("%02X", c)
		}
		return false
	}
	typ, flags := b[4]&0x1f, b[4]&0xe0
	rem := li - 9
	off := 9
	const short = "li < size of fixed part of CLNP header and addresses"
	var addrs [2][]byte // destination, then source
	for i := range addrs {
		if rem < 1 {
			p.print(short)
			return false
		}
		al := int(r.u8(off))
		off++
		rem--
		if rem < al {
			p.print(short)
			return false
		}
		r.check(off, al)
		addrs[i] = b[off : off+al]
		off += al
		rem -= al
	}
	dst, src := addrs[0], addrs[1]
	name := mapName(clnpPDUNames, typ, sprintf("unknown (%d)", typ))
	if p.o.Verbose < 1 {
		p.printf("%s%s > %s, %s, length %d", p.osiSep(), nsapString(src), nsapString(dst), name, length)
		return true
	}
	p.printf("%slength %d", p.osiSep(), length)
	sum := r.be16(7)
	p.printf("\n\t%s PDU, hlen: %d, v: %d, lifetime: %d.%ds, Segment PDU length: %d, checksum: 0x%04x",
		name, li, b[2], b[3]/2, (b[3]%2)*5, r.be16(5), sum)
	p.osiCksum(b, sum, 7, li)
	p.printf("\n\tFlags [%s]", bitTokString(clnpFlags, "none", uint32(flags)))
	p.printf("\n\tsource address (length %d): %s\n\tdest   address (length %d): %s",
		len(src), nsapString(src), len(dst), nsapString(dst))
	if flags&0x80 != 0 {
		if rem < 6 {
			p.print("li < size of fixed part of CLNP header, addresses, and segment part")
			return false
		}
		r.check(off, 6)
		p.printf("\n\tData Unit ID: 0x%04x, Segment Offset: %d, Total PDU Length: %d",
			r.be16(off), r.be16(off+2), r.be16(off+4))
		off += 6
		rem -= 6
	}
	for rem != 0 {
		if rem < 2 {
			p.print(", bad opts/li")
			return false
		}
		op, ol := r.u8(off), int(r.u8(off+1))
		off += 2
		rem -= 2
		if ol > rem {
			p.printf(", opt (%d) too long", op)
			return false
		}
		r.check(off, ol)
		rem -= ol
		p.printf("\n\t  %s Option #%d, length %d, value: ", mapName(clnpOptionNames, op, "Unknown"), op, ol)
		if !p.clnpOption(r, op, off, ol) {
			return false
		}
		if p.o.Verbose > 1 {
			p.unknownData(b[off:], "\n\t  ", ol)
		}
		off += ol
	}
	if typ == 1 || typ == 31 {
		if r.u8(off) == nlpidCLNP {
			p.print("\n\t-----original packet-----\n\t")
			p.clnp(b[off:], length-li)
			return true
		}
	}
	if length > off {
		p.printf("\n\t  undecoded non-header data, length %d", length-li)
		p.unknownData(b[off:], "\n\t  ", length-off)
	}
	return true
}

// clnpOption prints the value of the CLNP option op (n bytes at off,
// captured); false where tcpdump gives up on the PDU.
func (p *Printer) clnpOption(r reader, op byte, off, n int) bool {
	b := r.b
	switch op {
	case 200, 203: // source routing, route recording
		if n < 2 {
			p.print(", bad opt len")
			return false
		}
		what := "source routing"
		if op == 203 {
			what = "recording of route in progress"
		}
		p.printf("%s %s", mapName(map[uint8]string{0: "partial", 1: "complete"}, b[off], "Unknown"), what)
		no := int(b[off+1])
		if no == 0 {
			p.print(" Bad NSAP offset (0)")
			break
		}
		no--
		if no > n {
			p.print(" Bad NSAP offset (past end of option)")
			break
		}
		// tcpdump reads the same address over and over: it never moves
		// past it.
		at, tl := off+no, n-no
		for tl > 0 {
			al := int(r.u8(at))
			if tl < al+1 {
				p.print("\n\t    NSAP address goes past end of option")
				break
			}
			if al > 0 {
				p.printf("\n\t    NSAP address (length %d): %s", al, nsapString(r.bytes(at+1, al)))
			}
			tl -= al + 1
		}
	case 205: // priority
		if n < 1 {
			p.print(", bad opt len")
			return false
		}
		p.printf("0x%1x", b[off]&0x0f)
	case 195: // QoS maintenance
		if n < 1 {
			p.print(", bad opt len")
			return false
		}
		p.printf("\n\t    Format Code: %s", mapName(clnpScopes, b[off]&0xc0, "Reserved"))
		if b[off]&0xc0 == 0xc0 {
			p.printf("\n\t    QoS Flags [%s]", bitTokString(clnpQoSFlags, "none", uint32(b[off]&0x3f)))
		}
	case 197: // security
		if n < 2 {
			p.print(", bad opt len")
			return false
		}
		p.printf("\n\t    Format Code: %s, Security-Level %d", mapName(clnpScopes, b[off]&0xc0, "Reserved"), b[off+1])
	case 193: // discard reason
		if n < 1 {
			p.print(", bad opt len")
			return false
		}
		major, minor := b[off]>>4, b[off]&0x0f
		p.printf("\n\t    Class: %s Error (0x%01x), %s (0x%01x)", mapName(clnpRFDClasses, major, "Unknown"), major,
			mapName(clnpRFDErrors[major], minor, "Unknown"), minor)
	case 204: // padding
		p.print("padding data")
	default:
		p.unknownData(b[off:], "\n\t  ", n)
	}
	return true
}

var esisTypes = map[uint8]string{2: "ESH", 4: "ISH", 6: "redirect"}

var esisOptionNames = map[uint8]string{129: "Protocols supported", 195: "QoS Maintenance", 197: "Security",
	198: "ES Configuration Time", 205: "Priority", 225: "Addressk Mask", 226: "SNPA Mask"}

// esis prints an ES-IS PDU.
func (p *Printer) esis(b []byte, length int) {
	r := p.reader("esis", b)
	if !p.o.LinkHeader {
		p.print("ES-IS")
	}
	if length <= 2 {
		if p.o.Quiet {
			p.print("bad pkt!")
		} else {
			p.print("no header at all!")
		}
		return
	}
	if !r.has(0, 9) {
		r.trunc()
		return
	}
	li := int(b[1])
	if b[0] != nlpidESIS {
		p.printf(" nlpid 0x%02x packet not supported", b[0])
		return
	}
	ver := b[2]
	if ver != 1 {
		p.printf(" version %d packet not supported", ver)
		return
	}
	if li > length {
		p.printf(" length indicator(%d) > PDU size (%d)!", li, length)
		return
	}
	if li < 11 {
		p.printf(" length indicator %d < min PDU size:", li)
		for _, c := range b {
			p.printf("%02X", c)
		}
		return
	}
	typ := b[4] & 0x1f
	if p.o.Verbose < 1 {
		p.printf("%s%s, length %d", p.osiSep(), mapName(esisTypes, typ, sprintf("unknown type (%d)", typ)), length)
		return
	}
	p.printf("%slength %d\n\t%s (%d)", p.osiSep(), length, mapName(esisTypes, typ, sprintf("unknown type: %d", typ)), typ)
	p.printf(", v: %d", ver)
	sum := r.be16(7)
	p.printf(", checksum: 0x%04x", sum)
	p.osiCksum(b, sum, 7, li)
	p.printf(", holding time: %ds, length indicator: %d", r.be16(5), li)
	if p.o.Verbose > 1 {
		p.unknownData(b, "\n\t", 9)
	}
	off := 9
	li -= 9
	// field reads the next length-prefixed field of the PDU (a count
	// where n is false); false after the marker or complaint where it is
	// not there.
	field := func(bad string, n bool) (int, []byte, bool) {
		if !r.has(off, 1) {
			r.trunc()
			return 0, nil, false
		}
		if li < 1 {
			p.print(bad)
			return 0, nil, false
		}
		v := int(b[off])
		off++
		li--
		if !n {
			return v, nil, true
		}
		if !r.has(off, v) {
			r.trunc()
			return 0, nil, false
		}
		if li < v {
			p.print(bad)
			return 0, nil, false
		}
		f := b[off : off+v]
		off += v
		li -= v
		return v, f, true
	}
	switch typ {
	case 6: // redirect
		const bad = ", bad redirect/li"
		_, dst, ok := field(bad, true)
		if !ok {
			return
		}
		p.printf("\n\t  %s", nsapString(dst))
		snpal, snpa, ok := field(bad, true)
		if !ok {
			return
		}
		// tcpdump does not take the NET's length byte off li.
		if !r.has(off, 1) {
			r.trunc()
			return
		}
		if li < 1 {
			p.print(bad)
			return
		}
		netal := int(b[off])
		off++
		if !r.has(off, netal) {
			r.trunc()
			return
		}
		if li < netal {
			p.print(bad)
			return
		}
		neta := b[off : off+netal]
		off += netal
		li -= netal
		p.printf("\n\t  SNPA (length: %d): %s", snpal, p.linkAddrName(snpa))
		if netal != 0 {
			p.printf("\n\t  NET (length: %d) %s", netal, nsapString(neta))
		}
	case 2: // ESH
		n, _, ok := field(", bad esh/li", false)
		if !ok {
			return
		}
		p.printf("\n\t  Number of Source Addresses: %d", n)
		for ; n > 0; n-- {
			al, a, ok := field(", bad esh/li", true)
			if !ok {
				return
			}
			p.printf("\n\t  NET (length: %d): %s", al, nsapString(a))
		}
	case 4: // ISH
		al, a, ok := field(", bad ish/li", true)
		if !ok {
			return
		}
		p.printf("\n\t  NET (length: %d): %s", al, nsapString(a))
	default:
		if p.o.Verbose <= 1 && r.has(off, 1) {
			p.unknownData(b[off:], "\n\t  ", len(b)-off)
		}
		return
	}
	for li != 0 {
		if li < 2 {
			p.print(", bad opts/li")
			return
		}
		op, ol := r.u8(off), int(r.u8(off+1))
		off += 2
		li -= 2
		if ol > li {
			p.printf(", opt (%d) too long", op)
			return
		}
		li -= ol
		p.printf("\n\t  %s Option #%d, length %d, value: ", mapName(esisOptionNames, op, "Unknown"), op, ol)
		dump, step := ol, ol
		switch op {
		case 198:
			if ol == 2 {
				if !r.has(off, 2) {
					r.trunc()
					return
				}
				p.printf("%ds", r.be16(off))
			} else {
				p.print("(bad length)")
			}
		case 129:
			for i := 0; i < ol; i++ {
				v := r.u8(off + i)
				p.printf("%s (0x%02x)", mapName(nlpidNames, v, "unknown"), v)
				if ol-i > 1 {
					p.print(", ")
				}
			}
			// tcpdump counted the length down to nothing: it neither
			// dumps the option nor moves past it.
			dump, step = 0, 0
		default:
			p.unknownData(b[min(off, len(b)):], "\n\t  ", ol)
		}
		if p.o.Verbose > 1 {
			p.unknownData(b[min(off, len(b)):], "\n\t  ", dump)
		}
		off += step
	}
}

var isisPDUNames = map[uint8]string{
	15: "L1 Lan IIH", 16: "L2 Lan IIH", 17: "p2p IIH", 18: "L1 LSP", 20: "L2 LSP",
	24: "L1 CSNP", 25: "L2 CSNP", 26: "L1 PSNP", 27: "L2 PSNP",
}

var isisCircuitTypes = map[uint8]string{1: "Level 1 only", 2: "Level 2 only", 3: "Level 1, Level 2"}

var isisLSPTypes = map[uint8]string{0: "Unused 0x0 (invalid)", 1: "L1 IS", 2: "Unused 0x2 (invalid)", 3: "L2 IS"}

// isisID formats a system (6 bytes), node (7) or LSP (8) identifier as
// tcpdump does: 0102.0304.0506, then .07, then -08.
func isisID(b []byte) string {
	s := ""
	for i, c := range b {
		switch {
		case i == 7:
			s += "-"
		case i == 2 || i == 4 || i == 6:
			s += "."
		}
		s += sprintf("%02x", c)
	}
	return s
}

// isis prints an IS-IS PDU; it reports false where tcpdump gives up and
// dumps the PDU.
func (p *Printer) isis(b []byte, length int) bool {
	r := p.reader("isis", b)
	if !r.has(0, 8) || length < 8 {
		r.trunc()
		return true
	}
	if !p.o.LinkHeader {
		p.print("IS-IS")
	}
	if b[2] != 1 {
		p.printf("version %d packet not supported", b[2])
		return false
	}
	if idl := b[3]; idl != 6 && idl != 0 {
		p.printf("system ID length of %d is not supported", idl)
		return false
	}
	if b[5] != 1 {
		p.printf("version %d packet not supported", b[5])
		return false
	}
	fixed := int(b[1])
	if length < fixed {
		p.printf("fixed header length %d > packet length %d", fixed, length)
		return false
	}
	if fixed < 8 {
		p.printf("fixed header length %d < minimum header size 8", fixed)
		return false
	}
	maxArea := int(b[7])
	switch maxArea {
	case 0:
		maxArea = 3
	case 255:
		p.print("bad packet -- 255 areas")
		return false
	}
	idLen := int(b[3])
	switch {
	case idLen == 0:
		idLen = 6
	case idLen == 255:
		idLen = 0
	case idLen > 8:
		p.printf("bad packet -- illegal sys-ID length (%d)", idLen)
		return false
	}
	typ := b[4]
	if p.o.Verbose == 0 {
		p.printf("%s%s", p.osiSep(), mapName(isisPDUNames, typ, sprintf("unknown PDU-Type %d", typ)))
	} else {
		p.printf("%slength %d", p.osiSep(), length)
		p.printf("\n\t%s, hlen: %d, v: %d, pdu-v: %d, sys-id-len: %d (%d), max-area: %d (%d)",
			mapName(isisPDUNames, typ, sprintf("unknown, type %d", typ)), fixed, b[2], b[5],
			idLen, b[3], maxArea, b[7])
		if p.o.Verbose > 1 {
			p.unknownData(b, "\n\t", 8)
		}
	}
	x := isisPDU{h: r.from(8), typ: typ, fixed: fixed, length: length}
	pduLen := p.isisPDUHeader(&x)
	switch pduLen {
	case isisDone:
		return true
	case isisGiveUp:
		return false
	}
	p.isisTLVs(r, fixed, min(length, pduLen))
	return true
}

// isisPDU is an IS-IS PDU's header after its common 8 bytes, as the
// per-type printers see it.
type isisPDU struct {
	h      reader // the bytes after the common header
	typ    byte
	fixed  int // the header length the PDU states
	length int // the PDU length
}

// What the per-type printers return when the TLVs are not to be printed:
// isisDone ends the PDU, isisGiveUp ends it as tcpdump does where it then
// dumps the PDU.
const (
	isisDone   = -1
	isisGiveUp = -2
)

// isisBogus prints a fixed header length that does not suit the type
// (tcpdump sets a PSNP's message off with a dash, and for an LSP gives
// the length without the common header).
func (p *Printer) isisBogus(x *isisPDU, want int) int {
	sep := ","
	switch x.typ {
	case 26, 27:
		sep = "-"
	case 18, 20:
		want -= 8
	}
	p.printf("%s bogus fixed header length %d should be %d", sep, x.fixed, want)
	return isisGiveUp
}

// isisHeader checks that the PDU's fixed header is want bytes long, as
// its type has it, and that the first n of them were captured and fit the
// length (if not it prints tcpdump's own marker). It returns the header,
// or nil and what the PDU printer then returns.
func (p *Printer) isisHeader(x *isisPDU, want, n int) ([]byte, int) {
	if x.fixed != want {
		return nil, p.isisBogus(x, want)
	}
	if !x.h.has(0, n) || x.length < 8+n {
		x.h.trunc()
		return nil, isisDone
	}
	return x.h.b, 0
}

// isisPDUHeader prints the header of the PDU x by its type and returns
// the PDU length the header gives, or isisDone or isisGiveUp.
func (p *Printer) isisPDUHeader(x *isisPDU) int {
	var pduLen int
	switch x.typ {
	case 15, 16:
		pduLen = isisLANHello(p, x)
	case 17:
		pduLen = isisP2PHello(p, x)
	case 18, 20:
		pduLen = isisLSP(p, x)
	case 24, 25, 26, 27:
		pduLen = isisSNP(p, x)
	default:
		return isisUnknownPDU(p, x)
	}
	// With -vv tcpdump dumps a known type's header after decoding it.
	if pduLen >= 0 && p.o.Verbose > 1 {
		p.unknownData(x.h.b, "\n\t  ", x.fixed-8)
	}
	return pduLen
}

// isisHelloSource prints the source ID, holding time and circuit type a
// hello starts with under -v; tcpdump puts one more space before a LAN
// hello's holding time, so the caller gives the gap.
func (p *Printer) isisHelloSource(x *isisPDU, gap string) {
	h := x.h.b
	p.printf("\n\t  source-id: %s,%sholding time: %ds, Flags: [%s]", isisID(h[1:7]), gap, x.h.be16(7),
		mapName(isisCircuitTypes, h[0], sprintf("unknown circuit type 0x%02x", h[0])))
}

// isisLANHello prints a LAN IIH (level 1 or 2).
func isisLANHello(p *Printer, x *isisPDU) int {
	h, ret := p.isisHeader(x, 27, 19)
	if h == nil {
		return ret
	}
	if p.o.Verbose == 0 {
		p.printf(", src-id %s, lan-id %s, prio %d, length %d", isisID(h[1:7]), isisID(h[12:19]), h[11], x.length)
		return isisDone
	}
	pduLen := int(x.h.be16(9))
	p.isisHelloSource(x, "  ")
	p.printf("\n\t  lan-id:    %s, Priority: %d, PDU length: %d", isisID(h[12:19]), h[11]&0x7f, pduLen)
	return pduLen
}

// isisP2PHello prints a point-to-point IIH.
func isisP2PHello(p *Printer, x *isisPDU) int {
	h, ret := p.isisHeader(x, 20, 12)
	if h == nil {
		return ret
	}
	if p.o.Verbose == 0 {
		p.printf(", src-id %s, length %d", isisID(h[1:7]), x.length)
		return isisDone
	}
	pduLen := int(x.h.be16(9))
	p.isisHelloSource(x, " ")
	p.printf("\n\t  circuit-id: 0x%02x, PDU length: %d", h[11], pduLen)
	return pduLen
}

// isisLSPATTBits are the metric kinds of an LSP's ATT bits.
var isisLSPATTBits = []bitTok{{0x08, "default "}, {0x10, "delay "}, {0x20, "expense "}, {0x40, "error "}}

// isisLSP prints a link state PDU's header (level 1 or 2).
func isisLSP(p *Printer, x *isisPDU) int {
	h, ret := p.isisHeader(x, 27, 19)
	if h == nil {
		return ret
	}
	if p.o.Verbose == 0 {
		p.printf(", lsp-id %s, seq 0x%08x, lifetime %5ds, length %d", isisID(h[4:12]), x.h.be32(12), x.h.be16(2), x.length)
		return isisDone
	}
	pduLen := int(x.h.be16(0))
	sum := x.h.be16(16)
	p.printf("\n\t  lsp-id: %s, seq: 0x%08x, lifetime: %5ds\n\t  chksum: 0x%04x", isisID(h[4:12]), x.h.be32(12), x.h.be16(2), sum)
	ln := x.length
	if ln > pduLen {
		ln = pduLen
	}
	p.osiCksum(h[4:], sum, 12, ln-12)
	tb := h[18]
	p.printf(", PDU length: %d, Flags: [ ", pduLen)
	if tb&0x04 != 0 {
		p.print("Overload bit set, ")
	}
	if tb&0x78 != 0 {
		p.print(bitTokNoSep(isisLSPATTBits, "", uint32(tb)))
		p.print("ATT bit set, ")
	}
	if tb&0x80 != 0 {
		p.print("P bit set, ")
	}
	p.printf("%s ]", isisLSPTypes[tb&3])
	return pduLen
}

// isisSNP prints a CSNP (types 24, 25) or PSNP (26, 27): the same head;
// a CSNP adds the range of LSP ids it covers.
func isisSNP(p *Printer, x *isisPDU) int {
	csnp := x.typ <= 25
	wantFixed, head := 17, 9
	if csnp {
		wantFixed, head = 33, 25
	}
	h, ret := p.isisHeader(x, wantFixed, head)
	if h == nil {
		return ret
	}
	if p.o.Verbose == 0 {
		p.printf(", src-id %s, length %d", isisID(h[2:9]), x.length)
		return isisDone
	}
	pduLen := int(x.h.be16(0))
	p.printf("\n\t  source-id:    %s, PDU length: %d", isisID(h[2:9]), pduLen)
	if csnp {
		p.printf("\n\t  start lsp-id: %s", isisID(h[9:17]))
		p.printf("\n\t  end lsp-id:   %s", isisID(h[17:25]))
	}
	return pduLen
}

// isisUnknownPDU prints a PDU of a type tcpdump does not decode.
func isisUnknownPDU(p *Printer, x *isisPDU) int {
	if p.o.Verbose == 0 {
		p.printf(", length %d", x.length)
		return isisDone
	}
	p.unknownData(x.h.b, "\n\t  ", x.length-8)
	return isisGiveUp
}
