package printer

// SNMP (RFC 1157, RFC 3416, RFC 3412) on UDP ports 161 and 162, as
// tcpdump 4.99.3 prints it when built without libsmi: a small BER decoder
// walks the message, printing each element as it goes and stopping at the
// first one that is not what the message needs there (with a bracketed
// complaint). OIDs are named from the compiled-in MIB tree (snmpmib.go)
// unless -n is given.

// The element kinds the BER decoder recognises (tcpdump's BE_* values).
const (
	beAny = iota
	beNull
	beOctet
	beOID
	beInt
	beUns
	beStr
	beSeq
	beInetAddr
	bePDU
	beUns64
	beNoSuchObject
	beNoSuchInst
	beEndOfMIBView
)

// The BER tag classes and forms, and the tags SNMP uses.
const (
	asnUniversal   = 0
	asnApplication = 1
	asnContext     = 2

	asnPrimitive = 0

	asnInteger  = 2
	asnString   = 4
	asnNull     = 5
	asnOID      = 6
	asnSequence = 16

	asnIPAddr    = 0
	asnCounter   = 1
	asnGauge     = 2
	asnTimeTicks = 3
	asnCounter64 = 6
)

// The SNMP PDU types (context-specific tags).
const (
	snmpGetReq = iota
	snmpGetNextReq
	snmpGetResp
	snmpSetReq
	snmpTrap
	snmpGetBulkReq
	snmpInformReq
	snmpV2Trap
	snmpReport
)

// snmpTagNames names the tags of each class, indexed by class; the
// decoder refuses a tag past the end of its class's list. Its exception
// values are named by snmpExceptions.
var snmpTagNames = [4][]string{
	{"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID", "ObjectDes",
		"U-8", "U-9", "U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set"},
	{"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64"},
	{"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap", "GetBulk",
		"Inform", "V2Trap", "Report"},
	{"P-0"},
}

// snmpExceptions names the SNMPv2 exception values.
var snmpExceptions = []string{"noSuchObject", "noSuchInstance", "endOfMibView"}

// snmpErrorStatus names the error-status values of a PDU.
var snmpErrorStatus = []string{"noError", "tooBig", "noSuchName", "badValue", "readOnly",
	"genErr", "noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue",
	"noCreation", "inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed",
	"authorizationError", "notWritable", "inconsistentName"}

// snmpGenericTrap names the generic-trap values of an SNMPv1 trap.
var snmpGenericTrap = []string{"coldStart", "warmStart", "linkDown", "linkUp",
	"authenticationFailure", "egpNeighborLoss", "enterpriseSpecific"}

// snmpVersions names the versions in a message's version field.
var snmpVersions = []string{"SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3"}

// snmpAbbrev is an OID prefix tcpdump prints as a short prefix (and the
// MIB subtree naming the rest), without -n.
type snmpAbbrev struct {
	prefix string
	node   int
	oid    []byte
}

// snmpAbbrevs are the abbreviated prefixes, tried in order: the Internet
// MIB, the enterprises, the experimental tree and the SNMP modules.
var snmpAbbrevs = []snmpAbbrev{
	{"", snmpMIBMib, []byte{43, 6, 1, 2, 1}},
	{"E:", snmpMIBEnterprises, []byte{43, 6, 1, 4, 1}},
	{"X:", snmpMIBExperimental, []byte{43, 6, 1, 3}},
	{"S:", snmpMIBModules, []byte{43, 6, 1, 6, 3}},
}

// berElem is one decoded BER element: its tag, its length, where its
// contents start in the message, and the value of the scalar kinds.
type berElem struct {
	typ     int
	class   int
	form    int
	id      int
	asnlen  uint32
	off     int
	integer int32
	uns     uint32
	uns64   uint64
}

// snmpDec decodes one SNMP message. Reads past the captured bytes end the
// packet; an element whose contents were not captured prints the marker
// and ends the decoding, as do malformed elements (with tcpdump's
// bracketed complaint).
type snmpDec struct {
	p *Printer
	r reader
}

// snmp prints the SNMP message b of length bytes.
func (p *Printer) snmp(b []byte, length int) {
	d := snmpDec{p: p, r: p.reader("snmp", b)}
	p.print(" ")
	e, count, ok := d.parse(0, uint32(length))
	if !ok {
		return
	}
	if e.typ != beSeq {
		p.print("[!init SEQ]")
		d.print(e)
		return
	}
	if uint32(count) < uint32(length) {
		p.printf("[%d extra after iSEQ]", int32(uint32(length)-uint32(count)))
	}
	np, n := e.off, e.asnlen
	e, count, ok = d.parse(np, n)
	if !ok {
		return
	}
	if e.typ != beInt {
		p.print("[version!=INT]")
		d.print(e)
		return
	}
	version := e.integer
	switch version {
	case 0, 1, 3:
		d.vprint("{ %s ", snmpVersions[version])
	default:
		p.printf("SNMP [version = %d]", version)
		return
	}
	np += count
	n -= uint32(count)
	if version == 3 {
		d.v3msg(np, n)
	} else {
		d.community(np, n, int(version))
	}
	d.vprint("} ")
}

// parse decodes the element at off, of which n bytes belong to the
// enclosing element, returning it and the bytes it takes (header and
// contents); ok is false when it is malformed or its contents were not
// captured, after printing why.
func (d *snmpDec) parse(off int, n uint32) (e berElem, count int, ok bool) {
	p, r := d.p, d.r
	e.typ = beAny
	if n < 1 {
		p.print("[nothing to parse]")
		return e, 0, false
	}
	c := r.u8(off)
	id := c & 0x1f
	form := int(c&0x20) >> 5
	class := int(c&0xc0) >> 6
	e.form, e.class = form, class
	off++
	n--
	hdr := 1
	if id == 0x1f {
		// A long tag: seven bits an octet while the top bit is set; the
		// value keeps only its low eight bits, as tcpdump's does.
		id = 0
		for r.u8(off)&0x80 != 0 {
			if n < 1 {
				p.print("[Xtagfield?]")
				return e, 0, false
			}
			id = id<<7 | r.u8(off)&0x7f
			n--
			hdr++
			off++
		}
		if n < 1 {
			p.print("[Xtagfield?]")
			return e, 0, false
		}
		id = id<<7 | r.u8(off)
		n--
		hdr++
		off++
	}
	e.id = int(id)
	if n < 1 {
		p.print("[no asnlen]")
		return e, 0, false
	}
	e.asnlen = uint32(r.u8(off))
	off++
	n--
	hdr++
	if e.asnlen&0x80 != 0 {
		noct := e.asnlen % 0x80
		e.asnlen = 0
		if n < noct {
			p.printf("[asnlen? %d<%d]", int32(n), int32(noct))
			return e, 0, false
		}
		if !r.has(off, int(noct)) {
			r.trunc()
			return e, 0, false
		}
		for ; noct != 0; noct-- {
			e.asnlen = e.asnlen<<8 | uint32(r.b[off])
			off++
			n--
			hdr++
		}
	}
	if n < e.asnlen {
		p.printf("[len%d<asnlen%d]", int32(n), e.asnlen)
		return e, 0, false
	}
	// The class name in these complaints is a literal "x" in tcpdump's
	// table (a macro that meant to quote its argument).
	if e.id >= len(snmpTagNames[class]) {
		p.printf("[id?%c/x/%d]", "PC"[form], e.id)
		return e, 0, false
	}
	if uint64(off)+uint64(e.asnlen) > uint64(len(r.b)) {
		r.trunc()
		return e, 0, false
	}
	e.off = off
	name := snmpTagNames[class][e.id]
	data := r.b[off : off+int(e.asnlen)]
	if form == asnPrimitive {
		switch class {
		case asnUniversal:
			switch e.id {
			case asnString:
				e.typ = beStr
			case asnInteger:
				e.typ = beInt
				if e.asnlen == 0 {
					p.print("[asnlen=0]")
					return e, 0, false
				}
				var v int32
				if data[0]&0x80 != 0 {
					v = -1
				}
				for _, c := range data {
					v = v<<8 | int32(c)
				}
				e.integer = v
			case asnOID:
				e.typ = beOID
			case asnNull:
				e.typ = beNull
			default:
				e.typ = beOctet
				p.printf("[P/U/%s]", name)
			}
		case asnApplication:
			switch e.id {
			case asnIPAddr:
				e.typ = beInetAddr
			case asnCounter, asnGauge, asnTimeTicks:
				e.typ = beUns
				for _, c := range data {
					e.uns = e.uns<<8 + uint32(c)
				}
			case asnCounter64:
				e.typ = beUns64
				for _, c := range data {
					e.uns64 = e.uns64<<8 + uint64(c)
				}
			default:
				e.typ = beOctet
				p.printf("[P/A/%s]", name)
			}
		case asnContext:
			switch e.id {
			case 0:
				e.typ = beNoSuchObject
			case 1:
				e.typ = beNoSuchInst
			case 2:
				e.typ = beEndOfMIBView
			}
		default:
			p.printf("[P/x/%s]", name)
			e.typ = beOctet
		}
	} else {
		switch {
		case class == asnUniversal && e.id == asnSequence:
			e.typ = beSeq
		case class == asnUniversal:
			e.typ = beOctet
			p.printf("C/U/%s", name)
		case class == asnContext:
			e.typ = bePDU
		default:
			e.typ = beOctet
			p.printf("C/x/%s", name)
		}
	}
	return e, int(e.asnlen) + hdr, true
}

// contents is the element's contents (captured, as parse checked).
func (d *snmpDec) contents(e berElem) []byte {
	return d.r.b[e.off : e.off+int(e.asnlen)]
}

// octets prints the contents as "_xx" for each byte.
func (d *snmpDec) octets(e berElem) {
	for _, c := range d.contents(e) {
		d.p.printf("_%02x", c)
	}
}

// str prints a string: quoted when every byte is printable ASCII, else
// its bytes in hex joined by underscores.
func (d *snmpDec) str(e berElem) {
	s := d.contents(e)
	printable := true
	for _, c := range s {
		if c < 0x20 || c > 0x7e {
			printable = false
			break
		}
	}
	if printable {
		d.p.print(`"`)
		d.p.buf.Write(s)
		d.p.print(`"`)
		return
	}
	for i, c := range s {
		if i > 0 {
			d.p.print("_")
		}
		d.p.printf("%02x", c)
	}
}

// print prints an element's value as tcpdump's asn1_print does.
func (d *snmpDec) print(e berElem) {
	p := d.p
	switch e.typ {
	case beOctet:
		d.octets(e)
	case beNull:
	case beOID:
		d.oid(d.contents(e))
	case beInt:
		p.printf("%d", e.integer)
	case beUns:
		p.printf("%d", e.uns)
	case beUns64:
		p.printf("%d", e.uns64)
	case beStr:
		d.str(e)
	case beSeq:
		p.printf("Seq(%d)", e.asnlen)
	case beInetAddr:
		if e.asnlen != 4 {
			p.print("[inetaddr len!=4]")
		}
		for i, c := range d.contents(e) {
			if i > 0 {
				p.print(".")
			}
			p.printf("%d", c)
		}
	case beNoSuchObject, beNoSuchInst, beEndOfMIBView:
		p.printf("[%s]", snmpExceptions[e.id])
	case bePDU:
		p.printf("%s(%d)", snmpTagNames[asnContext][e.id], e.asnlen)
	case beAny:
		p.print("[BE_ANY!?]")
	}
}

// oid prints an object identifier: without -n, a known prefix
// abbreviated and the sub-identifiers named from the MIB tree as long as
// the tree knows them; with -n, dotted numbers.
func (d *snmpDec) oid(b []byte) {
	p := d.p
	names := p.o.NumericLevel == 0
	node := -1 // the MIB object whose children name the next sub-identifier
	first := -1
	if names && len(b) > 2 {
		for _, a := range snmpAbbrevs {
			if len(b) >= len(a.oid) && string(b[:len(a.oid)]) == string(a.oid) {
				node = int(snmpMIB[a.node].child)
				b = b[len(a.oid):]
				p.print(a.prefix)
				first = 1
				break
			}
		}
	}
	emit := func(o int32, nodot bool) {
		for node >= 0 && int32(snmpMIB[node].oid) != o {
			node = int(snmpMIB[node].next)
		}
		dot := "."
		if nodot {
			dot = ""
		}
		if node >= 0 {
			p.print(dot + snmpMIB[node].name)
			node = int(snmpMIB[node].child)
		} else {
			p.printf("%s%d", dot, uint32(o))
		}
	}
	var o int32
	for _, c := range b {
		o = o<<7 + int32(c&0x7f)
		if c&0x80 != 0 {
			continue
		}
		if first < 0 {
			// The first sub-identifier holds the first two arcs.
			if names {
				node = snmpMIBRoot
			}
			first = 0
			s := o / 40
			if s > 2 {
				s = 2
			}
			emit(s, false)
			o -= s * 40
		}
		emit(o, first != 0)
		if first--; first < 0 {
			first = 0
		}
		o = 0
	}
}

// snmpErrorName names an error-status value.
func snmpErrorName(v int32) string {
	if v >= 0 && int(v) < len(snmpErrorStatus) {
		return snmpErrorStatus[v]
	}
	return sprintf("err=%d", uint32(v))
}

// community prints an SNMPv1 or SNMPv2c message after its version: the
// community (unless it is "public") and the PDU.
func (d *snmpDec) community(np int, n uint32, version int) {
	p := d.p
	e, count, ok := d.parse(np, n)
	if !ok {
		return
	}
	if e.typ != beStr {
		p.print("[comm!=STR]")
		d.print(e)
		return
	}
	if string(d.contents(e)) != "public" {
		p.print("C=")
		d.str(e)
		p.print(" ")
	}
	d.pdu(np+count, n-uint32(count), version)
}

// pdu prints a PDU: its type and length, then its fields.
func (d *snmpDec) pdu(np int, n uint32, version int) {
	p := d.p
	e, count, ok := d.parse(np, n)
	if !ok {
		return
	}
	if e.typ != bePDU {
		p.print("[no PDU]")
		return
	}
	if uint32(count) < n {
		p.printf("[%d extra after PDU]", int32(n-uint32(count)))
	}
	d.vprint("{ ")
	d.print(e)
	p.print(" ")
	switch {
	case version == 0 && (e.id == snmpGetBulkReq || e.id == snmpInformReq || e.id == snmpV2Trap || e.id == snmpReport):
		p.print("[v2 PDU in v1 message]")
		return
	case version == 1 && e.id == snmpTrap:
		p.print("[v1 PDU in v2 message]")
		return
	case e.id == snmpTrap:
		d.trap(e.off, e.asnlen)
	default:
		d.request(e.id, e.off, e.asnlen)
	}
	d.vprint(" } ")
}

// expect parses the element at np and reports it when it is of type typ;
// otherwise it prints the complaint "[what]" and the element (when it
// parsed).
func (d *snmpDec) expect(np int, n uint32, typ int, what string) (berElem, int, bool) {
	e, count, ok := d.parse(np, n)
	if !ok {
		return e, 0, false
	}
	if e.typ != typ {
		d.p.printf("[%s]", what)
		d.print(e)
		return e, 0, false
	}
	return e, count, true
}

// field expects an element of type typ at *np (with *n bytes left from
// there, see expect) and steps both past it, returning its encoded size.
func (d *snmpDec) field(np *int, n *uint32, typ int, what string) (berElem, int, bool) {
	e, count, ok := d.expect(*np, *n, typ, what)
	if ok {
		*np += count
		*n -= uint32(count)
	}
	return e, count, ok
}

// vprint prints only with -v (the braces around the parts of a message
// and the fields shown only then).
func (d *snmpDec) vprint(format string, a ...any) {
	if d.p.o.Verbose > 0 {
		d.p.printf(format, a...)
	}
}

// enter expects a SEQUENCE at np (n bytes left there) and returns the
// offset and length of its contents.
func (d *snmpDec) enter(np int, n uint32, what string) (int, uint32, bool) {
	e, _, ok := d.expect(np, n, beSeq, what)
	return e.off, e.asnlen, ok
}

// strField expects an OCTET STRING field (field) and prints it as
// label, its text and a space.
func (d *snmpDec) strField(np *int, n *uint32, what, label string) bool {
	e, _, ok := d.field(np, n, beStr, what)
	if ok {
		d.p.print(label)
		d.str(e)
		d.p.print(" ")
	}
	return ok
}

// request prints the fields of every PDU but the SNMPv1 trap: the
// request id (with -v), the error status and index (or GetBulk's
// non-repeaters and max-repetitions), and the variable bindings.
func (d *snmpDec) request(id, np int, n uint32) {
	p := d.p
	e, _, ok := d.field(&np, &n, beInt, "reqId!=INT")
	if !ok {
		return
	}
	d.vprint("R=%d ", e.integer)
	mustBeZero := id == snmpGetReq || id == snmpGetNextReq || id == snmpSetReq ||
		id == snmpInformReq || id == snmpV2Trap || id == snmpReport
	e, _, ok = d.field(&np, &n, beInt, "errorStatus!=INT")
	if !ok {
		return
	}
	var status int32
	switch {
	case mustBeZero && e.integer != 0:
		p.printf("[errorStatus(%s)!=0]", snmpErrorName(e.integer))
	case id == snmpGetBulkReq:
		p.printf(" N=%d", e.integer)
	case e.integer != 0:
		p.printf(" %s", snmpErrorName(e.integer))
		status = e.integer
	}
	e, _, ok = d.field(&np, &n, beInt, "errorIndex!=INT")
	if !ok {
		return
	}
	switch {
	case mustBeZero && e.integer != 0:
		p.printf("[errorIndex(%d)!=0]", e.integer)
	case id == snmpGetBulkReq:
		p.printf(" M=%d", e.integer)
	case e.integer != 0 && status == 0:
		p.printf("[errorIndex(%d) w/o errorStatus]", e.integer)
	case e.integer != 0:
		p.printf("@%d", e.integer)
	case status != 0:
		p.print("[errorIndex==0]")
	}
	d.varbinds(id, np, n)
}

// trap prints an SNMPv1 trap's fields: enterprise, agent address, the
// generic and specific trap, the time stamp, and the variable bindings.
func (d *snmpDec) trap(np int, n uint32) {
	p := d.p
	p.print(" ")
	e, _, ok := d.field(&np, &n, beOID, "enterprise!=OID")
	if !ok {
		return
	}
	d.print(e)
	p.print(" ")
	e, _, ok = d.field(&np, &n, beInetAddr, "agent-addr!=INETADDR")
	if !ok {
		return
	}
	d.print(e)
	e, _, ok = d.field(&np, &n, beInt, "generic-trap!=INT")
	if !ok {
		return
	}
	generic := e.integer
	if generic >= 0 && int(generic) < len(snmpGenericTrap) {
		p.printf(" %s", snmpGenericTrap[generic])
	} else {
		p.printf(" gt=%d", generic)
	}
	e, _, ok = d.field(&np, &n, beInt, "specific-trap!=INT")
	if !ok {
		return
	}
	if generic != 6 {
		if e.integer != 0 {
			p.printf("[specific-trap(%d)!=0]", e.integer)
		}
	} else {
		p.printf(" s=%d", e.integer)
	}
	p.print(" ")
	e, _, ok = d.field(&np, &n, beUns, "time-stamp!=TIMETICKS")
	if !ok {
		return
	}
	d.print(e)
	d.varbinds(snmpTrap, np, n)
}

// varbinds prints a PDU's variable bindings: each name, and for all but
// the read requests "=" and the value (a read request's values must be
// NULL).
func (d *snmpDec) varbinds(id, np int, n uint32) {
	p := d.p
	e, count, ok := d.expect(np, n, beSeq, "!SEQ of varbind")
	if !ok {
		return
	}
	if uint32(count) < n {
		p.printf("[%d extra after SEQ of varbind]", int32(n-uint32(count)))
	}
	read := id == snmpGetReq || id == snmpGetNextReq || id == snmpGetBulkReq
	np, n = e.off, e.asnlen
	for n != 0 {
		p.print(" ")
		e, _, ok = d.field(&np, &n, beSeq, "!varbind")
		if !ok {
			return
		}
		vp, vn := e.off, e.asnlen
		e, _, ok = d.field(&vp, &vn, beOID, "objName!=OID")
		if !ok {
			return
		}
		d.print(e)
		if !read {
			p.print("=")
		}
		e, _, ok = d.parse(vp, vn)
		if !ok {
			return
		}
		if e.typ != beNull {
			if read {
				p.print("[objVal!=NULL]")
			}
			d.print(e)
		}
	}
}

// snmpMsgFlagBits are the msgFlags of an SNMPv3 message, printed after "F=".
var snmpMsgFlagBits = []bitTok{{0x01, "a"}, {0x02, "p"}, {0x04, "r"}}

// v3msg prints an SNMPv3 message after its version: the header's flags
// (and with -v its braces), the user-based security parameters, and the
// scoped PDU.
func (d *snmpDec) v3msg(np int, n uint32) {
	p := d.p
	start, total := np, n
	np, n, ok := d.enter(np, n, "!message")
	if !ok {
		return
	}
	d.vprint("{ ")
	_, _, ok = d.field(&np, &n, beInt, "msgID!=INT")
	if !ok {
		return
	}
	_, _, ok = d.field(&np, &n, beInt, "msgMaxSize!=INT")
	if !ok {
		return
	}
	e, _, ok := d.field(&np, &n, beStr, "msgFlags!=STR")
	if !ok {
		return
	}
	if e.asnlen != 1 {
		p.printf("[msgFlags size %d]", int32(e.asnlen))
		return
	}
	flags := d.contents(e)[0]
	switch flags {
	case 0, 1, 3, 4, 5, 7:
	default:
		p.printf("[msgFlags=0x%02X]", flags)
		return
	}
	p.print("F=" + bitTokNoSep(snmpMsgFlagBits, "", uint32(flags)))
	p.print(" ")
	e, count, ok := d.field(&np, &n, beInt, "msgSecurityModel!=INT")
	if !ok {
		return
	}
	model := e.integer
	if uint32(count) < n {
		p.printf("[%d extra after message SEQ]", int32(n-uint32(count)))
	}
	d.vprint("} ")
	if model != 3 {
		p.printf("[security model %d]", model)
		return
	}
	d.vprint("{ USM ")
	n = total - uint32(np-start)
	e, _, ok = d.field(&np, &n, beStr, "msgSecurityParameters!=STR")
	if !ok {
		return
	}
	d.usm(e.off, e.asnlen)
	d.vprint("} { ScopedPDU ")
	d.scopedPDU(np, n)
	d.vprint("} ")
}

// usm prints the user-based security parameters: with -v the engine
// boots and time, and the user name.
func (d *snmpDec) usm(np int, n uint32) {
	p := d.p
	np, n, ok := d.enter(np, n, "!usm")
	if !ok {
		return
	}
	_, _, ok = d.field(&np, &n, beStr, "msgAuthoritativeEngineID!=STR")
	if !ok {
		return
	}
	e, _, ok := d.field(&np, &n, beInt, "msgAuthoritativeEngineBoots!=INT")
	if !ok {
		return
	}
	d.vprint("B=%d ", e.integer)
	e, _, ok = d.field(&np, &n, beInt, "msgAuthoritativeEngineTime!=INT")
	if !ok {
		return
	}
	d.vprint("T=%d ", e.integer)
	if !d.strField(&np, &n, "msgUserName!=STR", "U=") {
		return
	}
	_, _, ok = d.field(&np, &n, beStr, "msgAuthenticationParameters!=STR")
	if !ok {
		return
	}
	_, count, ok := d.expect(np, n, beStr, "msgPrivacyParameters!=STR")
	if !ok {
		return
	}
	n -= uint32(count)
	if uint32(count) < n {
		p.printf("[%d extra after usm SEQ]", int32(n-uint32(count)))
	}
}

// scopedPDU prints an SNMPv3 scoped PDU: the context engine id and name,
// then the PDU.
func (d *snmpDec) scopedPDU(np int, n uint32) {
	p := d.p
	np, n, ok := d.enter(np, n, "!scoped PDU")
	if !ok {
		return
	}
	e, _, ok := d.field(&np, &n, beStr, "contextEngineID!=STR")
	if !ok {
		return
	}
	p.print("E=")
	d.octets(e)
	p.print(" ")
	if !d.strField(&np, &n, "contextName!=STR", "C=") {
		return
	}
	d.pdu(np, n, 3)
}
