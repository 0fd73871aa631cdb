package printer

import ()

// DNS as tcpdump 4.99.3's print-domain.c prints it. The message is
// walked by offsets into m, the message's captured bytes (tcpdump's
// snapend is len(m)); an offset of -1 stands for tcpdump's NULL, the
// "give up" answer of its helpers.

// dnsTypes names the record types tcpdump knows (ns_type2str); others
// print as "Type%d".
var dnsTypes = map[uint16]string{
	1: "A", 2: "NS", 3: "MD", 4: "MF", 5: "CNAME", 6: "SOA", 7: "MB", 8: "MG", 9: "MR",
	10: "NULL", 11: "WKS", 12: "PTR", 13: "HINFO", 14: "MINFO", 15: "MX", 16: "TXT", 17: "RP",
	18: "AFSDB", 19: "X25", 20: "ISDN", 21: "RT", 22: "NSAP", 23: "NSAP_PTR", 24: "SIG",
	25: "KEY", 26: "PX", 27: "GPOS", 28: "AAAA", 29: "LOC", 30: "NXT", 31: "EID", 32: "NIMLOC",
	33: "SRV", 34: "ATMA", 35: "NAPTR", 36: "KX", 37: "CERT", 38: "A6", 39: "DNAME", 40: "SINK",
	41: "OPT", 42: "APL", 43: "DS", 44: "SSHFP", 45: "IPSECKEY", 46: "RRSIG", 47: "NSEC",
	48: "DNSKEY", 99: "SPF", 100: "UINFO", 101: "UID", 102: "GID", 103: "UNSPEC",
	104: "UNSPECA", 249: "TKEY", 250: "TSIG", 251: "IXFR", 252: "AXFR", 253: "MAILB",
	254: "MAILA", 255: "ANY", 256: "URI",
}

var dnsClasses = map[uint16]string{1: "IN", 3: "CHAOS", 4: "HS", 255: "ANY"}

// dnsEDNSOpts names the EDNS options (edns_opt2str).
var dnsEDNSOpts = map[uint16]string{1: "LLQ", 2: "UL", 3: "NSID", 5: "DAU", 6: "DHU", 7: "N3U",
	8: "ECS", 9: "EXPIRE", 10: "COOKIE", 11: "KEEPALIVE", 12: "PADDING", 13: "CHAIN",
	14: "KEY-TAG", 16: "CLIENT-TAG", 17: "SERVER-TAG"}

// dnsDAU, dnsDHU and dnsN3U name the algorithms of the DAU, DHU and N3U
// options.
var (
	dnsDAU = map[uint8]string{0: "DELETE", 1: "RSAMD5", 2: "DH", 3: "DS", 5: "RSASHA1",
		6: "DSA-NSEC3-SHA1", 7: "RSASHA1-NSEC3-SHA1", 8: "RSASHA256", 10: "RSASHA512",
		12: "ECC-GOST", 13: "ECDSAP256SHA256", 14: "ECDSAP384SHA384", 15: "ED25519",
		16: "ED448", 252: "INDIRECT", 253: "PRIVATEDNS", 254: "PRIVATEOID"}
	dnsDHU = map[uint8]string{1: "SHA-1", 2: "SHA-256", 3: "GOST_R_34.11-94", 4: "SHA-384"}
	dnsN3U = map[uint8]string{1: "SHA-1"}
)

// dnsRcodes names response codes as tcpdump 4.99.3 does, its quirks
// included: 17 and 21 lack the leading space and 18-22 have no names.
var dnsRcodes = []string{"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
	" YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12",
	" Resp13", " Resp14", " NoChange", " BadVers", "Resp17", " Resp18", " Resp19", " Resp20",
	"Resp21", " Resp22", " BadCookie"}

func dnsRcode(rc int) string {
	if rc < len(dnsRcodes) {
		return dnsRcodes[rc]
	}
	return sprintf(" Resp%d", rc&0xfff)
}

var dnsOps = []string{"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef"}

func dnsType(t uint16) string {
	if s, ok := dnsTypes[t]; ok {
		return s
	}
	return sprintf("Type%d", t)
}

func dnsClass(c uint16) string {
	if s, ok := dnsClasses[c]; ok {
		return s
	}
	return sprintf("(Class %d)", c)
}

// dnsMsg is a DNS message being printed: m holds its captured bytes.
type dnsMsg struct {
	p    *Printer
	r    reader
	m    []byte
	mdns bool
}

// has reports whether n bytes at off were captured.
func (d *dnsMsg) has(off, n int) bool { return off >= 0 && n >= 0 && off+n <= len(d.m) }

// skipName steps over the name at off without following compression
// pointers (ns_nskip): a pointer ends the name, a label is skipped by its
// length unchecked, and only each length byte must be captured. It
// returns -1 where a length byte is missing or a label type is reserved
// or unknown.
func (d *dnsMsg) skipName(off int) int {
	if !d.has(off, 1) {
		return -1
	}
	l := int(d.m[off])
	off++
	for l != 0 {
		switch l & 0xc0 {
		case 0xc0:
			return off + 1
		case 0x40:
			if l&0x3f != 0x01 {
				return -1
			}
			if !d.has(off, 1) {
				return -1
			}
			bits := int(d.m[off])
			if bits == 0 {
				bits = 256
			}
			off += 1 + (bits+7)/8
		case 0x80:
			return -1
		default:
			off += l
		}
		if !d.has(off, 1) {
			return -1
		}
		l = int(d.m[off])
		off++
	}
	return off
}

// label returns the length byte at off and labelLen's length for it; ok
// is false where labelLen gives -1.
func (d *dnsMsg) label(off int) (i, l int, ok bool) {
	if l = d.labelLen(off); l < 0 {
		return 0, 0, false
	}
	return int(d.m[off]), l, true
}

// labelLen is the length to step over for the label whose length byte
// is at off (labellen): a bit-string label's bytes plus its count byte,
// a pointer's first byte as it stands. Unknown label types are named and
// give -1, as does a length byte not captured.
func (d *dnsMsg) labelLen(off int) int {
	if !d.has(off, 1) {
		return -1
	}
	l := int(d.m[off])
	switch l & 0xc0 {
	case 0x40:
		if l&0x3f != 0x01 {
			d.p.printf("<ELT %d>", l&0x3f)
			return -1
		}
		if !d.has(off+1, 1) {
			return -1
		}
		bits := int(d.m[off+1])
		if bits == 0 {
			bits = 256
		}
		return (bits+7)/8 + 1
	case 0x80:
		d.p.print("<BAD LABEL TYPE>")
		return -1
	}
	return l
}

// bitLabel prints a bit-string label whose count byte is at off as
// "\[xHEX/BITS]" (blabel_print); its bytes are read with the unwinding
// reads. It reports false when the count byte is not captured.
func (d *dnsMsg) bitLabel(off int) bool {
	if !d.has(off, 1) {
		return false
	}
	bits := int(d.m[off])
	if bits == 0 {
		bits = 256
	}
	lim := off + 1 + (bits+3)/4
	d.p.print("\\[x")
	at, b := off+1, bits
	for ; at < lim && b > 7; b, at = b-8, at+1 {
		d.p.printf("%02x", d.r.u8(at))
	}
	if b > 4 {
		d.p.printf("%02x", int(d.r.u8(at))&(0xff<<(8-b)))
	} else if b > 0 {
		d.p.printf("%1x", (int(d.r.u8(at)>>4)&0x0f)&(0x0f<<(4-b)))
	}
	d.p.printf("/%d]", bits)
	return true
}

// name prints the possibly compressed name at off (fqdn_print), with
// pointers taken from base, and returns the offset after the name where
// it started, or -1 where tcpdump gives up. A pointer must point
// backwards, else "<BAD PTR>"; a name longer than 255 characters is cut
// there and marked.
func (d *dnsMsg) name(off, base int) int {
	const maxName = 255
	i, l, ok := d.label(off)
	if !ok {
		return -1
	}
	maxOff := uint32(off - base)
	off++
	rp, compress := -1, false
	if i&0xc0 != 0xc0 {
		rp = off + l
	}
	if i == 0 {
		d.p.print(".")
		return rp
	}
	chars := 0
	for i != 0 && off < len(d.m) {
		switch i & 0xc0 {
		case 0xc0:
			if !compress {
				rp = off + 1
				compress = true
			}
			if !d.has(off, 1) {
				return -1
			}
			ptr := uint32((i<<8 | int(d.m[off])) & 0x3fff)
			if ptr >= maxOff {
				d.p.print("<BAD PTR>")
				return -1
			}
			maxOff = ptr
			off = base + int(ptr)
			if i, l, ok = d.label(off); !ok {
				return -1
			}
			off++
			continue
		case 0x40:
			if i&0x3f != 0x01 {
				d.p.printf("<ELT %d>", i&0x3f)
				return -1
			}
			if !d.bitLabel(off) {
				return -1
			}
		case 0x80:
			d.p.print("<BAD LABEL TYPE>")
			return -1
		default:
			if chars+l <= maxName {
				if !d.p.printN(d.m[off:], l) {
					return -1
				}
			} else if chars < maxName {
				if !d.p.printN(d.m[off:], maxName-chars) {
					return -1
				}
			}
			chars += l
		}
		off += l
		if chars <= maxName {
			d.p.print(".")
		}
		chars++
		if i, l, ok = d.label(off); !ok {
			return -1
		}
		off++
		if !compress {
			rp += l + 1
		}
	}
	if chars > maxName {
		d.p.print("<DOMAIN NAME TOO LONG>")
	}
	return rp
}

// charString prints a <character-string> (ns_cprint) and returns the
// offset after it, or -1 where it is cut short.
func (d *dnsMsg) charString(off int) int {
	if !d.has(off, 1) {
		return -1
	}
	n := int(d.m[off])
	off++
	if !d.p.printN(d.m[min(off, len(d.m)):], n) {
		return -1
	}
	return off + n
}

// question prints a question (ns_qprint): its type, class when not IN,
// mDNS's QU/QM bit, and its name.
func (d *dnsMsg) question(off int) int {
	start := off
	off = d.skipName(off)
	if off < 0 || !d.has(off, 4) {
		return -1
	}
	p := d.p
	p.printf(" %s", dnsType(be16(d.m, off)))
	c := be16(d.m, off+2)
	class := c
	if d.mdns {
		class &^= 0x8000
	}
	if class != 1 {
		p.printf(" %s", dnsClass(class))
	}
	if d.mdns {
		if c&0x8000 != 0 {
			p.print(" (QU)")
		} else {
			p.print(" (QM)")
		}
	}
	p.print("? ")
	if off = d.name(start, 0); off < 0 {
		return -1
	}
	return off + 4
}

// rr prints a resource record (ns_rprint) and returns the offset after
// it by its data length, or -1 where tcpdump gives up; a record whose
// fixed part was not captured ends the section (len(m)) instead.
func (d *dnsMsg) rr(off int) int {
	p := d.p
	if p.o.Verbose > 0 {
		p.print(" ")
		if off = d.name(off, 0); off < 0 {
			return -1
		}
	} else {
		off = d.skipName(off)
	}
	if off < 0 || !d.has(off, 10) {
		return len(d.m)
	}
	typ := be16(d.m, off)
	c := be16(d.m, off+2)
	class := c
	if d.mdns {
		class &^= 0x8000
	}
	if class != 1 && typ != 41 {
		p.printf(" %s", dnsClass(class))
	}
	if d.mdns && c&0x8000 != 0 {
		p.print(" (Cache flush)")
	}
	var optFlags uint16
	if typ == 41 {
		optFlags = be16(d.m, off+6)
	} else if p.o.Verbose > 2 {
		p.printf(" [%s]", relTime(be32(d.m, off+4)))
	}
	n := int(be16(d.m, off+8))
	off += 10
	end := off + n
	p.printf(" %s", dnsType(typ))
	if end > len(d.m) {
		return -1
	}
	if !d.rdata(typ, class, optFlags, off, n) {
		return -1
	}
	return end
}

// rdata prints the data of the record types tcpdump decodes; it reports
// false where tcpdump gives up on the record.
func (d *dnsMsg) rdata(typ, class, optFlags uint16, off, n int) bool {
	p := d.p
	switch typ {
	case 1: // A
		if !d.has(off, 4) {
			return false
		}
		p.printf(" %s", addr4(d.m[off:])) // numeric even without -n
	case 2, 5, 12, 39: // NS, CNAME, PTR, DNAME
		p.print(" ")
		return d.name(off, 0) >= 0
	case 6: // SOA
		if p.o.Verbose == 0 {
			break
		}
		for k := 0; k < 2; k++ {
			p.print(" ")
			if off = d.name(off, 0); off < 0 {
				return false
			}
		}
		if !d.has(off, 20) {
			return false
		}
		for k := 0; k < 5; k++ {
			p.printf(" %d", be32(d.m, off+4*k))
		}
	case 15: // MX
		p.print(" ")
		if !d.has(off, 2) || d.name(off+2, 0) < 0 {
			return false
		}
		p.printf(" %d", be16(d.m, off))
	case 16: // TXT
		for end := off + n; off < end; {
			p.print(" \"")
			if off = d.charString(off); off < 0 {
				return false
			}
			p.print("\"")
		}
	case 33: // SRV
		p.print(" ")
		if !d.has(off, 6) || d.name(off+6, 0) < 0 {
			return false
		}
		p.printf(":%d %d %d", be16(d.m, off+4), be16(d.m, off), be16(d.m, off+2))
	case 28: // AAAA
		if !d.has(off, 16) {
			return false
		}
		p.printf(" %s", addrString(addr16(d.m[off:])))
	case 38: // A6
		return d.a6(off)
	case 256: // URI
		if !d.has(off, n) {
			return false
		}
		p.printf(" %d %d ", d.r.be16(off), d.r.be16(off+2))
		// A length under 4 wraps around in tcpdump: the rest of the
		// capture is printed and the record given up.
		cnt := n - 4
		if cnt < 0 {
			cnt = len(d.m) + 1
		}
		return p.printN(d.m[min(off+4, len(d.m)):], cnt)
	case 41: // OPT
		p.printf(" UDPsize=%d", class)
		if optFlags&0x8000 != 0 {
			p.print(" DO")
		}
		end := off + n
		if off < end {
			p.print(" [")
			for off < end {
				if off = d.ednsOption(off); off < 0 {
					return false
				}
				if off < end {
					p.print(",")
				}
			}
			p.print("]")
		}
	case 104: // UNSPECA: one string
		if !d.has(off, n) {
			return false
		}
		return p.printN(d.m[off:], n)
	case 250: // TSIG
		if p.o.Verbose == 0 {
			break
		}
		p.print(" ")
		if off = d.name(off, 0); off < 0 {
			return false
		}
		off += 6
		if !d.has(off, 2) {
			return false
		}
		p.printf(" fudge=%d", be16(d.m, off))
		off += 2
		if !d.has(off, 2) {
			return false
		}
		mac := int(be16(d.m, off))
		p.printf(" maclen=%d", mac)
		off += 2 + mac
		for _, f := range []string{" origid=%d", " error=%d", " otherlen=%d"} {
			if !d.has(off, 2) {
				return false
			}
			p.printf(f, be16(d.m, off))
			off += 2
		}
	}
	return true
}

// a6 prints an A6 record: prefix length, address suffix, prefix name.
func (d *dnsMsg) a6(off int) bool {
	p := d.p
	if !d.has(off, 1) {
		return false
	}
	pbit := int(d.m[off])
	pbyte := (pbit &^ 7) / 8
	if pbit > 128 {
		p.printf(" %d(bad plen)", pbit)
		return true
	}
	if pbit < 128 {
		var a [16]byte
		copy(a[pbyte:], d.r.bytes(off+1, 16-pbyte))
		p.printf(" %d %s", pbit, addrString(addr16(a[:])))
	}
	if pbit > 0 {
		p.print(" ")
		return d.name(off+1+16-pbyte, 0) >= 0
	}
	return true
}

// ednsOption prints one EDNS option of an OPT record (eopt_print) and
// returns the offset after it, or -1 where it is cut short.
func (d *dnsMsg) ednsOption(off int) int {
	p := d.p
	if !d.has(off, 2) {
		return -1
	}
	opt := be16(d.m, off)
	if s, ok := dnsEDNSOpts[opt]; ok {
		p.print(s)
	} else {
		p.printf("Opt%d", opt)
	}
	if !d.has(off+2, 2) {
		return -1
	}
	n := int(be16(d.m, off+2))
	off += 4
	if !d.has(off, n) {
		return -1
	}
	if n == 0 {
		return off
	}
	p.print(" ")
	data := d.m[off : off+n]
	algs := func(names map[uint8]string) {
		for i, a := range data {
			if i > 0 {
				p.print(" ")
			}
			if s, ok := names[a]; ok {
				p.print(s)
			} else {
				p.printf("Alg_%d", a)
			}
		}
	}
	switch opt {
	case 8: // ECS
		d.ecs(data)
	case 10: // COOKIE
		if n < 8 || (n > 8 && n < 16) || n > 40 {
			p.print(" (invalid)")
			break
		}
		for i, c := range data {
			if i == 8 {
				p.print(" ")
			}
			p.printf("%02x", c)
		}
	case 11: // KEEPALIVE, in units of 100 ms
		if n != 2 {
			p.print(" (invalid)")
		} else {
			p.printf("%.1f sec", float64(be16(data, 0))/10)
		}
	case 9: // EXPIRE
		if n != 4 {
			p.print(" (invalid)")
		} else {
			p.printf("%d sec", be32(data, 0))
		}
	case 12: // PADDING
		p.printf("(%d)", n)
	case 14: // KEY-TAG
		if n%2 != 0 {
			p.print(" (invalid)")
			break
		}
		for i := 0; i < n; i += 2 {
			if i > 0 {
				p.print(" ")
			}
			p.printf("%d", be16(data, i))
		}
	case 5:
		algs(dnsDAU)
	case 6:
		algs(dnsDHU)
	case 7:
		algs(dnsN3U)
	case 13: // CHAIN: a name, pointers counted from the option's end
		d.name(off, off+n)
	default: // NSID and the rest: hex
		for _, c := range data {
			p.printf("%02x", c)
		}
	}
	return off + n
}

// ecs prints an EDNS client subnet option: address/source/scope.
func (d *dnsMsg) ecs(data []byte) {
	p := d.p
	if len(data) < 4 {
		p.print(" (invalid)")
		return
	}
	family, src, scope := be16(data, 0), int(data[2]), int(data[3])
	var bits int
	switch family {
	case 1:
		bits = 32
	case 2:
		bits = 128
	default:
		p.print(" (invalid)")
		return
	}
	n := len(data) - 4
	if n > bits/8 || src > bits || scope > bits || (src+7)/8 != n {
		p.print(" (invalid)")
		return
	}
	var a [16]byte
	copy(a[:], data[4:])
	if family == 1 {
		p.printf("%s/%d/%d", addr4(a[:]), src, scope)
	} else {
		p.printf("%s/%d/%d", addrString(addr16(a[:])), src, scope)
	}
}

// dnsTCP prints DNS over TCP: a two-byte length, then the message.
func (p *Printer) dnsTCP(b []byte, length int) {
	r := p.reader("domain", b)
	if length < 2 {
		p.printf(" [DNS over TCP: length %d < 2] (invalid)", length)
		return
	}
	length -= 2
	if pl := int(r.be16(0)); pl != length {
		p.printf(" [prefix length(%d) != length(%d)] (invalid)", pl, length)
		return
	}
	p.print(" ")
	p.dns(b[2:], length, false)
}

// dns prints a DNS message of the given length (domain_print); mdns
// selects the mDNS reading of the class fields.
func (p *Printer) dns(b []byte, length int, mdns bool) {
	r := p.reader("domain", b)
	if length < 12 {
		p.printf("domain [length %d < 12] (invalid)", length)
		return
	}
	if !r.has(0, 12) {
		r.trunc()
		return
	}
	d := &dnsMsg{p: p, r: r, m: b, mdns: mdns}
	if !d.message(length) {
		r.trunc()
	}
}

// extRcode looks through the message for the first OPT record of the
// additional section and returns rcode with the extended bits it
// carries; it stops quietly where the sections cannot be walked.
func (d *dnsMsg) extRcode(rcode, qd, an, ns, ar int) int {
	end := len(d.m)
	off := 12
	for i := 0; i < qd; i++ {
		if off = d.skipName(off); off < 0 {
			return rcode
		}
		if off += 4; off >= end {
			return rcode
		}
	}
	for i := 0; i < an+ns; i++ {
		if off = d.skipName(off); off < 0 {
			return rcode
		}
		if off += 8; off+2 > end {
			return rcode
		}
		if off += 2 + int(be16(d.m, off)); off >= end {
			return rcode
		}
	}
	for i := 0; i < ar; i++ {
		if off = d.skipName(off); off < 0 || off+2 > end {
			return rcode
		}
		typ := be16(d.m, off)
		if off += 4; off+1 > end {
			return rcode
		}
		if typ == 41 {
			return rcode | int(d.m[off])<<4
		}
		if off += 4; off+2 > end {
			return rcode
		}
		if off += 2 + int(be16(d.m, off)); off >= end {
			return rcode
		}
	}
	return rcode
}

// section prints count records from off, separated by commas, after
// the prefix; tcpdump's loop stops early at the end of the capture, and
// records left over make the message truncated. It returns -1 for that.
func (d *dnsMsg) section(off, count int, prefix string, always bool) int {
	if count > 0 && (always || off < len(d.m)) {
		d.p.print(prefix)
		if off = d.rr(off); off < 0 {
			return -1
		}
		count--
		for off < len(d.m) && count > 0 {
			d.p.print(",")
			if off = d.rr(off); off < 0 {
				return -1
			}
			count--
		}
	}
	if count > 0 {
		return -1
	}
	return off
}

// message prints the header and sections; it reports false where
// tcpdump jumps to its trunc label.
func (d *dnsMsg) message(length int) bool {
	p, m := d.p, d.m
	id := be16(m, 0)
	f := be16(m, 2)
	qd := int(be16(m, 4))
	an := int(be16(m, 6))
	ns := int(be16(m, 8))
	ar := int(be16(m, 10))
	op := (f >> 11) & 0xf
	off := 12
	if f&0x8000 != 0 {
		rc := dnsRcode(d.extRcode(int(f&0xf), qd, an, ns, ar))
		p.printf("%d%s%s", id, dnsOps[op], rc)
		if f&0x0400 != 0 {
			p.print("*")
		}
		if f&0x0080 == 0 {
			p.print("-")
		}
		if f&0x0200 != 0 {
			p.print("|")
		}
		if f&0x0020 != 0 {
			p.print("$")
		}
		if qd != 1 {
			p.printf(" [%dq]", qd)
		}
		for i := 0; i < qd; i++ {
			if i != 0 {
				p.print(",")
			}
			if p.o.Verbose > 1 {
				p.print(" q:")
				off = d.question(off)
			} else if off = d.skipName(off); off >= 0 {
				off += 4
			}
			if off < 0 {
				return false
			}
		}
		p.printf(" %d/%d/%d", an, ns, ar)
		if off = d.section(off, an, "", true); off < 0 {
			return false
		}
	} else {
		p.printf("%d%s", id, dnsOps[op])
		if f&0x0100 != 0 {
			p.print("+")
		}
		if f&0x0010 != 0 {
			p.print("%")
		}
		if f&0x6cf != 0 {
			p.printf(" [b2&3=0x%x]", f)
		}
		if op == 1 { // IQUERY
			if qd != 0 {
				p.printf(" [%dq]", qd)
			}
			if an != 1 {
				p.printf(" [%da]", an)
			}
		} else {
			if an != 0 {
				p.printf(" [%da]", an)
			}
			if qd != 1 {
				p.printf(" [%dq]", qd)
			}
		}
		if ns != 0 {
			p.printf(" [%dn]", ns)
		}
		if ar != 0 {
			p.printf(" [%dau]", ar)
		}
		if qd > 0 {
			if off = d.question(off); off < 0 {
				return false
			}
			qd--
			for off < len(m) && qd > 0 {
				if off = d.question(off); off < 0 {
					return false
				}
				qd--
			}
		}
		if qd > 0 {
			return false
		}
		if p.o.Verbose > 1 {
			if off = d.section(off, an, "", true); off < 0 {
				return false
			}
		}
	}
	if p.o.Verbose > 1 {
		if off = d.section(off, ns, " ns:", false); off < 0 {
			return false
		}
		if d.section(off, ar, " ar:", false) < 0 {
			return false
		}
	}
	p.printf(" (%d)", length)
	return true
}
