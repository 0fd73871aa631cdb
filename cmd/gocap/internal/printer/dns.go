package printer

import (
	"encoding/binary"
	"fmt"
	"strings"
)

var dnsTypes = map[uint16]string{
	1: "A", 2: "NS", 3: "MD", 4: "MF", 5: "CNAME", 6: "SOA", 7: "MB", 8: "MG", 9: "MR",
	10: "NULL", 11: "WKS", 12: "PTR", 13: "HINFO", 14: "MINFO", 15: "MX", 16: "TXT", 17: "RP",
	18: "AFSDB", 19: "X25", 20: "ISDN", 21: "RT", 22: "NSAP", 23: "NSAP_PTR", 24: "SIG",
	25: "KEY", 26: "PX", 27: "GPOS", 28: "AAAA", 29: "LOC", 30: "NXT", 31: "EID", 32: "NIMLOC",
	33: "SRV", 34: "ATMA", 35: "NAPTR", 36: "KX", 37: "CERT", 38: "A6", 39: "DNAME", 40: "SINK",
	41: "OPT", 42: "APL", 43: "DS", 44: "SSHFP", 45: "IPSECKEY", 46: "RRSIG", 47: "NSEC",
	48: "DNSKEY", 49: "DHCID", 50: "NSEC3", 51: "NSEC3PARAM", 52: "TLSA", 53: "SMIMEA",
	55: "HIP", 56: "NINFO", 57: "RKEY", 58: "TALINK", 59: "CDS", 60: "CDNSKEY",
	61: "OPENPGPKEY", 62: "CSYNC", 99: "SPF", 100: "UINFO", 101: "UID", 102: "GID",
	103: "UNSPEC", 104: "NID", 105: "L32", 106: "L64", 107: "LP", 108: "EUI48", 109: "EUI64",
	249: "TKEY", 250: "TSIG", 251: "IXFR", 252: "AXFR", 253: "MAILB", 254: "MAILA", 255: "ANY",
	256: "URI", 257: "CAA", 258: "AVC", 259: "DOA", 260: "AMTRELAY", 32768: "TA", 32769: "DLV",
}

var dnsClasses = map[uint16]string{1: "IN", 3: "CHAOS", 4: "HS", 255: "ANY"}

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
	return fmt.Sprintf(" Resp%d", rc)
}

// dnsSkipName steps over a name the way tcpdump's response printer does
// without following compression pointers: a pointer ends the name, a
// label is skipped by its length without checking its bytes, and only
// each length byte must be captured. ok is false when a length byte is
// missing or the name uses a reserved (0x80) or unknown extended label
// type.
func dnsSkipName(b []byte, off int) (int, bool) {
	for {
		if off < 0 || off >= len(b) {
			return 0, false
		}
		l := int(b[off])
		off++
		switch {
		case l == 0:
			return off, true
		case l&0xc0 == 0xc0:
			return off + 1, true
		case l&0xc0 == 0x80:
			return 0, false
		case l&0xc0 == 0x40:
			if l&0x3f != 0x01 { // only the bit-string label is known
				return 0, false
			}
			if off >= len(b) {
				return 0, false
			}
			bits := int(b[off])
			if bits == 0 {
				bits = 256
			}
			off += 1 + (bits+7)/8
		default:
			off += l
		}
	}
}

// dnsExtRcode looks through the additional section for the first OPT
// record and returns the extended response code bits it carries (the
// first byte of its TTL field), shifted into place; 0 when the sections
// cannot be walked as far as an OPT record.
func dnsExtRcode(b []byte, qd, an, ns, ar int) int {
	off := 12
	for i := 0; i < qd; i++ {
		n, ok := dnsSkipName(b, off)
		if !ok {
			return 0
		}
		off = n + 4
	}
	for i := 0; i < an+ns+ar; i++ {
		n, ok := dnsSkipName(b, off)
		if !ok || n+10 > len(b) {
			return 0
		}
		if i >= an+ns && binary.BigEndian.Uint16(b[n:]) == 41 {
			return int(b[n+4]) << 4
		}
		off = n + 10 + int(binary.BigEndian.Uint16(b[n+8:]))
	}
	return 0
}

var dnsOps = []string{"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef"}

func dnsType(t uint16) string {
	if s, ok := dnsTypes[t]; ok {
		return s
	}
	return fmt.Sprintf("Type%d", t)
}

// dnsTCP prints DNS over TCP: a two-byte length, then the message.
func (p *Printer) dnsTCP(b []byte, length int) {
	p.print(" ")
	p.dns(b[min(2, len(b)):], length-2, false)
}

// dnsName reads the (possibly compressed) name at off in msg, returning
// its text and the offset after it in the original position; ok is false
// if the name runs past the captured data.
func dnsName(msg []byte, off int) (string, int, bool) {
	var s strings.Builder
	end := -1
	hops := 0
	for {
		if off >= len(msg) {
			return "", 0, false
		}
		l := int(msg[off])
		switch {
		case l == 0:
			if end < 0 {
				end = off + 1
			}
			if s.Len() == 0 {
				s.WriteByte('.')
			}
			return s.String(), end, true
		case l&0xc0 == 0xc0:
			if off+1 >= len(msg) {
				return "", 0, false
			}
			if end < 0 {
				end = off + 2
			}
			off = (l&0x3f)<<8 | int(msg[off+1])
			hops++
			if hops > 64 {
				return s.String(), end, true
			}
		case l&0xc0 != 0:
			return "", 0, false
		default:
			if off+1+l > len(msg) {
				return "", 0, false
			}
			for _, c := range msg[off+1 : off+1+l] {
				switch {
				case c == '.' || c == '\\':
					s.WriteByte('\\')
					s.WriteByte(c)
				case c >= 0x20 && c < 0x7f:
					s.WriteByte(c)
				default:
					fmt.Fprintf(&s, "\\%03d", c)
				}
			}
			s.WriteByte('.')
			off += 1 + l
		}
	}
}

// dns prints a DNS message of the given length. A message whose sections
// run past the captured bytes ends with " [|domain]" printed by the DNS
// printer itself, as tcpdump does, rather than unwinding the whole packet,
// which matters for -x: the dump still starts at the network header.
func (p *Printer) dns(b []byte, length int, mdns bool) {
	r := p.reader("domain", b)
	if length < 12 {
		p.printf("domain [length %d < 12] (invalid)", length)
		return
	}
	r.need(0, 12)
	r.label(func() { p.dnsMessage(b, length, mdns) })
}

// dnsMessage prints the DNS message after dns's checks; where the
// sections run past the captured bytes it returns to dns's label.
func (p *Printer) dnsMessage(b []byte, length int, mdns bool) {
	if length < len(b) {
		b = b[:length]
	}
	id := binary.BigEndian.Uint16(b)
	f := binary.BigEndian.Uint16(b[2:])
	qd := int(binary.BigEndian.Uint16(b[4:]))
	an := int(binary.BigEndian.Uint16(b[6:]))
	ns := int(binary.BigEndian.Uint16(b[8:]))
	ar := int(binary.BigEndian.Uint16(b[10:]))
	op := (f >> 11) & 0xf
	off := 12
	if f&0x8000 != 0 {
		rcode := int(f&0xf) | dnsExtRcode(b, qd, an, ns, ar)
		rc := dnsRcode(rcode)
		s := fmt.Sprintf("%d%s%s", id, dnsOps[op], rc)
		if f&0x0400 != 0 {
			s += "*"
		}
		if f&0x0080 == 0 {
			s += "-"
		}
		if f&0x0200 != 0 {
			s += "|"
		}
		if f&0x0020 != 0 {
			s += "$"
		}
		p.print(s)
		if qd != 1 {
			p.printf(" [%dq]", qd)
		}
		// Questions are skipped, a comma standing for each one after
		// the first; only a missing length byte stops the walk.
		for i := 0; i < qd; i++ {
			if i > 0 {
				p.print(",")
			}
			n, ok := dnsSkipName(b, off)
			if !ok {
				gotoTrunc()
			}
			off = n + 4
		}
		p.printf(" %d/%d/%d", an, ns, ar)
		if an > 0 {
			var ok bool
			off, ok = p.dnsRR(b, off)
			if !ok {
				gotoTrunc()
			}
			an--
			for off < len(b) && an > 0 {
				p.print(",")
				off, ok = p.dnsRR(b, off)
				if !ok {
					gotoTrunc()
				}
				an--
			}
		}
		if an > 0 {
			gotoTrunc()
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
		for qd > 0 {
			name, n, ok := dnsName(b, off)
			if !ok || n+4 > len(b) {
				gotoTrunc()
			}
			t := binary.BigEndian.Uint16(b[n:])
			c := binary.BigEndian.Uint16(b[n+2:])
			p.printf(" %s", dnsType(t))
			if c != 1 {
				if cn, ok := dnsClasses[c]; ok {
					p.printf(" %s", cn)
				} else {
					p.printf(" (Class %d)", c)
				}
			}
			p.printf("? %s", name)
			off = n + 4
			qd--
			if off >= len(b) {
				break
			}
		}
		if qd > 0 {
			gotoTrunc()
		}
	}
	p.printf(" (%d)", length)
}

// dnsRR prints one resource record as tcpdump does without -vv.
func (p *Printer) dnsRR(b []byte, off int) (int, bool) {
	name, n, ok := dnsName(b, off)
	if !ok {
		return 0, false
	}
	if p.o.Verbose > 0 {
		p.printf(" %s", name)
	}
	if n+10 > len(b) {
		return len(b), true
	}
	t := binary.BigEndian.Uint16(b[n:])
	c := binary.BigEndian.Uint16(b[n+2:])
	if c != 1 && t != 41 {
		if cn, ok := dnsClasses[c]; ok {
			p.printf(" %s", cn)
		} else {
			p.printf(" (Class %d)", c)
		}
	}
	ttlHi := binary.BigEndian.Uint16(b[n+6:])
	rdl := int(binary.BigEndian.Uint16(b[n+8:]))
	d := n + 10
	rp := d + rdl
	p.printf(" %s", dnsType(t))
	if rp > len(b) {
		return 0, false
	}
	rd := b[d:rp]
	switch t {
	case 1:
		if len(rd) < 4 {
			return 0, false
		}
		p.printf(" %s", addr4(rd)) // numeric even without -n, as tcpdump prints it
	case 28:
		if len(rd) < 16 {
			return 0, false
		}
		p.printf(" %s", addr16(rd))
	case 2, 5, 12, 39:
		nm, _, ok := dnsName(b, d)
		if !ok {
			return 0, false
		}
		p.printf(" %s", nm)
	case 6:
		// The SOA's names and numbers are printed with -v only.
		if p.o.Verbose == 0 {
			break
		}
		mname, n1, ok := dnsName(b, d)
		if !ok {
			return 0, false
		}
		p.printf(" %s", mname)
		rname, n2, ok := dnsName(b, n1)
		if !ok {
			return 0, false
		}
		p.printf(" %s", rname)
		for i := 0; i < 5; i++ {
			if n2+4*i+4 > len(b) {
				return 0, false
			}
			p.printf(" %d", binary.BigEndian.Uint32(b[n2+4*i:]))
		}
	case 15:
		nm, _, ok := dnsName(b, d+2)
		if !ok || len(rd) < 2 {
			return 0, false
		}
		p.printf(" %s %d", nm, binary.BigEndian.Uint16(rd))
	case 33:
		nm, _, ok := dnsName(b, d+6)
		if !ok || len(rd) < 6 {
			return 0, false
		}
		p.printf(" %s:%d %d %d", nm, binary.BigEndian.Uint16(rd[4:]), binary.BigEndian.Uint16(rd), binary.BigEndian.Uint16(rd[2:]))
	case 16:
		for i := 0; i < len(rd); {
			l := int(rd[i])
			p.print(" \"")
			if i+1+l > len(rd) {
				return 0, false
			}
			for _, ch := range rd[i+1 : i+1+l] {
				if ch >= 0x20 && ch < 0x7f {
					p.buf.WriteByte(ch)
				} else {
					p.printf("\\%03d", ch)
				}
			}
			p.print("\"")
			i += 1 + l
		}
	case 41:
		p.printf(" UDPsize=%d", c)
		if ttlHi&0x8000 != 0 {
			p.print(" DO")
		}
	}
	return rp, true
}
