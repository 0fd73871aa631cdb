package printer

import (
	"net/netip"
	"strings"
)

// HNCP, the Home Networking Control Protocol (DNCP's profile, RFC 7788),
// UDP port 8231, as tcpdump's print-hncp.c prints it.

// The ranges of TLV types without a name of their own.
const (
	hncpReserved   = 0x10000
	hncpUnassigned = 0x10001
	hncpPrivate    = 0x10002
	hncpFuture     = 0x10003
)

var hncpTypes = map[uint32]string{1: "Request network state", 2: "Request node state", 3: "Node endpoint",
	4: "Network state", 5: "Node state", 8: "Peer", 9: "Keep-alive interval", 10: "Trust-Verdict",
	32: "HNCP-Version", 33: "External-Connection", 34: "Delegated-Prefix", 43: "Prefix-Policy",
	37: "DHCPv4-Data", 38: "DHCPv6-Data", 35: "Assigned-Prefix", 36: "Node-Address",
	39: "DNS-Delegated-Zone", 40: "Domain-Name", 41: "Node-Name", 42: "Managed-PSK",
	hncpReserved: "Reserved", hncpUnassigned: "Unassigned", hncpPrivate: "Private use", hncpFuture: "Future use"}

var hncpDHCP4Opts = map[uint16]string{6: "DNS-server", 42: "NTP-server", 119: "DNS-search"}

var hncpDHCP6Opts = map[uint16]string{23: "DNS-server", 24: "DNS-search-list", 31: "SNTP-servers"}

// hncp prints an HNCP message: its TLVs, nested ones indented (and at
// low verbosity summarised on one line by type).
func (p *Printer) hncp(b []byte, length int) {
	r := p.reader("hncp", b)
	p.printf("hncp (%d)", length)
	p.hncpTLVs(r, 0, length, 1)
}

// hncpTLVType is the type a TLV is printed as: its own for the named
// types, else the range it falls in.
func hncpTLVType(t uint16) uint32 {
	if t != 6 && t != 7 {
		if _, ok := hncpTypes[uint32(t)]; ok {
			return uint32(t)
		}
	}
	switch {
	case t == 0:
		return hncpReserved
	case t >= 44 && t <= 511:
		return hncpUnassigned
	case t >= 768 && t <= 1023:
		return hncpPrivate
	}
	return hncpFuture
}

// hncpIndent starts a new line indented by n tabs.
func (p *Printer) hncpIndent(n int) {
	p.print("\n" + strings.Repeat("\t", n))
}

// hncpTLVs prints the TLVs in the n bytes at off at the nesting depth
// indent (hncp_print_rec); its "trunc:" and "invalid:" labels end only
// this level.
func (p *Printer) hncpTLVs(r reader, off, n, indent int) {
	inLine := indent-1 >= p.o.Verbose && p.o.Verbose < 3
	first := true
	lastType, lastCount := uint32(0xffffffff), -1
	// inLineType adds the run of count TLVs of type t to the one-line
	// summary.
	inLineType := func(t uint32, count int) {
		if count <= 0 {
			return
		}
		switch {
		case !first:
			p.print(", ")
		case indent > 1:
			p.hncpIndent(indent)
		default:
			p.print(" ")
		}
		first = false
		p.print(nameOr(hncpTypes, t, "Easter Egg"))
		if count > 1 {
			p.printf(" (x%d)", count)
		}
	}
	if r.label(func() {
		for i := 0; i < n; {
			at := off + i
			if !inLine {
				p.hncpIndent(indent)
			}
			r.check(at, 4)
			if i+4 > n {
				invalid()
			}
			typ, blen := r.be16(at), int(r.be16(at+2))
			r.check(at+4, blen)
			if i+blen+4 > n {
				invalid()
			}
			tm := hncpTLVType(typ)
			if inLine {
				if lastType == tm {
					lastCount++
				} else {
					inLineType(lastType, lastCount)
					lastType, lastCount = tm, 1
				}
			} else {
				p.print(nameOr(hncpTypes, tm, "Easter Egg (42)"))
				if tm > 0xffff {
					p.printf(": type=%d", typ)
				}
				p.printf(" (%d)", blen+4)
				p.hncpTLV(r, tm, at+4, blen, indent)
			}
			i += 4 + (blen+3)&^3
		}
	}) == ran {
		inLineType(lastType, lastCount)
	}
}

// hncpNID formats a node identifier.
func hncpNID(r reader, off int) string {
	return sprintf("%02x:%02x:%02x:%02x", r.u8(off), r.u8(off+1), r.u8(off+2), r.u8(off+3))
}

// hncpInterval formats milliseconds as seconds.
func hncpInterval(ms uint32) string { return sprintf("%d.%03ds", ms/1000, ms%1000) }

// hncp256 formats 32 bytes in hex.
func hncp256(r reader, off int) string { return sprintf("%x", r.bytes(off, 32)) }

// hncpIP6 formats an IPv6 address, an IPv4-mapped one as IPv4.
func (p *Printer) hncpIP6(r reader, off int) string {
	b := r.bytes(off, 16)
	if string(b[:12]) == "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff" {
		return p.host(addr4(b[12:]))
	}
	return p.host(addr16(b))
}

// hncpPrefix prints a prefix (its length, then its bytes; IPv4-mapped
// ones as IPv4) of at most max bytes and returns its size, or -1 for a
// bad length, -2 or -3 where it runs past max (print_prefix).
func (p *Printer) hncpPrefix(r reader, off, max int) int {
	if pl := int(r.u8(off)); pl >= 96 && max >= 13 &&
		string(r.b[off+1:off+13]) == "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff" {
		pl -= 96
		if pl > 32 {
			return -1
		}
		nb := (pl + 7) / 8
		if max-1 < nb+12 {
			return -3
		}
		var a [4]byte
		copy(a[:], r.b[off+13:off+13+nb])
		if pl%8 != 0 {
			a[nb-1] &= byte(uint16(0xff00) >> (pl % 8))
		}
		p.printf("%s/%d", p.host(addr4(a[:])), pl)
		return nb + 13
	}
	if max < 1 {
		return -2
	}
	pl := int(r.u8(off))
	if pl > 128 {
		return -1
	}
	nb := (pl + 7) / 8
	if max-1 < nb {
		return -2
	}
	var a [16]byte
	copy(a[:], r.bytes(off+1, nb))
	if pl%8 != 0 {
		a[nb-1] &= byte(uint16(0xff00) >> (pl % 8))
	}
	p.printf("%s/%d", p.host(addr16(a[:])), pl)
	return 1 + nb
}

// hncpLabels prints the DNS labels in at most max bytes at off and
// returns their size, or -1 (after "[|DNS]") where they do not end in
// it (print_dns_label).
func (p *Printer) hncpLabels(r reader, off, max int) int {
	for n := 0; n < max; {
		l := int(r.u8(off + n))
		n++
		if l == 0 {
			return n
		}
		if n > 1 {
			p.print(".")
		}
		if n+l > max {
			p.printJNP(r, off+n, max-n)
			break
		}
		p.printJNP(r, off+n, l)
		n += l
	}
	p.print("[|DNS]")
	return -1
}

// hncpTLV prints the value of a TLV printed as type t (blen bytes at v).
func (p *Printer) hncpTLV(r reader, t uint32, v, blen, indent int) {
	bad := func() { p.print(" (invalid)") }
	// nested prints the TLVs after the first n bytes of the value,
	// rounded up to a multiple of 4, if there are any.
	nested := func(n int) {
		n += (4 - n%4) % 4
		if blen >= n {
			p.hncpTLVs(r, v+n, blen-n, indent+1)
		}
	}
	// nestedAfter is nested after fixed bytes and a field of l bytes, a
	// negative l marking the field invalid.
	nestedAfter := func(l, fixed int) {
		if l < 0 {
			bad()
			return
		}
		nested(l + fixed)
	}
	switch t {
	case 1:
		if blen != 0 {
			bad()
		}
	case 2:
		if blen != 4 {
			bad()
			return
		}
		p.printf(" NID: %s", hncpNID(r, v))
	case 3:
		if blen != 8 {
			bad()
			return
		}
		p.printf(" NID: %s EPID: %08x", hncpNID(r, v), r.be32(v+4))
	case 4:
		if blen != 8 {
			bad()
			return
		}
		p.printf(" hash: %08x%08x", r.be32(v), r.be32(v+4))
	case 5:
		if blen < 20 {
			bad()
			return
		}
		p.printf(" NID: %s seqno: %d %s hash: %08x%08x", hncpNID(r, v), r.be32(v+4), hncpInterval(r.be32(v+8)),
			r.be32(v+12), r.be32(v+16))
		p.hncpTLVs(r, v+20, blen-20, indent+1)
	case 8:
		if blen != 12 {
			bad()
			return
		}
		p.printf(" Peer-NID: %s Peer-EPID: %08x Local-EPID: %08x", hncpNID(r, v), r.be32(v+4), r.be32(v+8))
	case 9:
		if blen < 8 {
			bad()
			return
		}
		p.printf(" EPID: %08x Interval: %s", r.be32(v), hncpInterval(r.be32(v+4)))
	case 10:
		if blen <= 36 {
			bad()
			return
		}
		p.printf(" Verdict: %d Fingerprint: %s Common Name: ", r.u8(v), hncp256(r, v+4))
		p.printJNP(r, v+36, blen-36)
	case 32:
		if blen < 5 {
			bad()
			return
		}
		c := r.be16(v + 2)
		p.printf(" M: %d P: %d H: %d L: %d User-agent: ", c>>12, c>>8&0xf, c>>4&0xf, c&0xf)
		p.printJNP(r, v+4, blen-4)
	case 33:
		p.hncpTLVs(r, v, blen, indent+1)
	case 34:
		if blen < 9 || blen < 9+(int(r.u8(v+8))+7)/8 {
			bad()
			return
		}
		p.printf(" VLSO: %s PLSO: %s Prefix: ", hncpInterval(r.be32(v)), hncpInterval(r.be32(v+4)))
		l := p.hncpPrefix(r, v+8, blen-8)
		if l == -1 {
			p.print("(length is invalid)")
			return
		}
		nestedAfter(l, 8)
	case 43:
		p.hncpPolicy(r, v, blen)
	case 37, 38:
		if blen == 0 {
			bad()
			return
		}
		if t == 37 {
			if !p.hncpDHCP4(r, v, blen, indent+1) {
				invalid()
			}
		} else if !p.hncpDHCP6(r, v, blen, indent+1) {
			bad()
		}
	case 35:
		if blen < 6 || blen < 6+(int(r.u8(v+5))+7)/8 {
			bad()
			return
		}
		p.printf(" EPID: %08x Prty: %d Prefix: ", r.be32(v), r.u8(v+4)&0xf)
		l := p.hncpPrefix(r, v+5, blen-5)
		nestedAfter(l, 5)
	case 36:
		if blen < 20 {
			bad()
			return
		}
		epid := r.be32(v)
		p.printf(" EPID: %08x IP Address: %s", epid, p.hncpIP6(r, v+4))
		p.hncpTLVs(r, v+20, blen-20, indent+1)
	case 39:
		if blen < 17 {
			bad()
			return
		}
		f := r.u8(v + 16)
		flag := func(bit byte, c string) string {
			if f&bit != 0 {
				return c
			}
			return "-"
		}
		p.printf(" IP-Address: %s %s%s%s ", p.hncpIP6(r, v), flag(4, "l"), flag(2, "b"), flag(1, "s"))
		l := p.hncpLabels(r, v+17, blen-17)
		nestedAfter(l, 17)
	case 40:
		if blen == 0 {
			bad()
			return
		}
		p.print(" Domain: ")
		p.hncpLabels(r, v, blen)
	case 41:
		if blen < 17 {
			bad()
			return
		}
		l := int(r.u8(v + 16))
		if blen < 17+l {
			bad()
			return
		}
		p.printf(" IP-Address: %s Name: ", p.hncpIP6(r, v))
		if l < 64 {
			p.print("\"")
			p.printJNP(r, v+17, l)
			p.print("\"")
		} else {
			bad()
		}
		nested(l + 17)
	case 42:
		if blen < 32 {
			bad()
			return
		}
		p.printf(" PSK: %s", hncp256(r, v))
		p.hncpTLVs(r, v+32, blen-32, indent+1)
	}
}

// hncpPolicy prints a Prefix-Policy TLV's value.
func (p *Printer) hncpPolicy(r reader, v, blen int) {
	if blen < 1 {
		p.print(" (invalid)")
		return
	}
	pol := r.u8(v)
	p.print(" type: ")
	switch {
	case pol == 0:
		if blen != 1 {
			p.print(" (invalid)")
			return
		}
		p.print("Internet connectivity")
	case pol <= 128:
		p.print("Dest-Prefix: ")
		l := p.hncpPrefix(r, v, blen)
		if l == -1 {
			p.print("(length is invalid)")
		} else if l < 0 {
			p.print(" (invalid)")
		}
	case pol == 129:
		p.print("DNS domain: ")
		p.hncpLabels(r, v+1, blen-1)
	case pol == 130:
		p.print("Opaque UTF-8: ")
		p.printJNP(r, v+1, blen-1)
	case pol == 131:
		if blen != 1 {
			p.print(" (invalid)")
			return
		}
		p.print("Restrictive assignment")
	default:
		p.printf("Unknown (%d)", pol)
	}
}

// hncpDHCP4 prints DHCPv4 options; false where tcpdump's dhcpv4_print
// fails.
func (p *Printer) hncpDHCP4(r reader, v, n, indent int) bool {
	return p.hncpOptions(r, v, n, indent, 2, hncpDHCP4Opts, func(typ uint16, val, l int) bool {
		switch typ {
		case 6, 42:
			if l < 4 || l%4 != 0 {
				return false
			}
			p.hncpAddrs(r, val, l, addr4, 4)
		case 119:
			return p.hncpNames(r, val, val+l)
		}
		return true
	})
}

// hncpDHCP6 prints DHCPv6 options; false where tcpdump's dhcpv6_print
// fails.
func (p *Printer) hncpDHCP6(r reader, v, n, indent int) bool {
	return p.hncpOptions(r, v, n, indent, 4, hncpDHCP6Opts, func(typ uint16, val, l int) bool {
		switch typ {
		case 23, 31:
			if l%16 != 0 {
				p.print(" (invalid)")
				return false
			}
			p.hncpAddrs(r, val, l, addr16, 16)
		case 24:
			return p.hncpNames(r, val, val+l)
		}
		return true
	})
}

// hncpAddrs prints the addresses, size bytes each, that fill the l
// bytes at off, each after a space.
func (p *Printer) hncpAddrs(r reader, off, l int, addr func([]byte) netip.Addr, size int) {
	for t := 0; t < l; t += size {
		p.printf(" %s", p.host(addr(r.bytes(off+t, size))))
	}
}

// hncpOptions walks the DHCPv4 (hdr 2: a byte of type and one of length)
// or DHCPv6 (hdr 4: 16-bit type and length) options in the n bytes at v,
// each on a line of its own with its name from names and its length; value
// prints an option's value (l bytes at val). It reports false where an
// option does not fit or value fails.
func (p *Printer) hncpOptions(r reader, v, n, indent, hdr int, names map[uint16]string, value func(typ uint16, val, l int) bool) bool {
	for i := 0; i < n; {
		if i+hdr > n {
			return false
		}
		var typ uint16
		var l int
		if hdr == 2 {
			typ, l = uint16(r.u8(v+i)), int(r.u8(v+i+1))
		} else {
			typ, l = r.be16(v+i), int(r.be16(v+i+2))
		}
		p.hncpIndent(indent)
		p.printf("%s (%d)", mapName(names, typ, "Unknown"), l+hdr)
		if i+hdr+l > n || !value(typ, v+i+hdr, l) {
			return false
		}
		i += hdr + l
	}
	return true
}

// hncpNames prints the domain names from off up to end, each after a
// space; false where one cannot be printed.
func (p *Printer) hncpNames(r reader, off, end int) bool {
	for off < end {
		p.print(" ")
		next, ok := p.fqdnAt(r, off, end)
		if !ok {
			return false
		}
		off = next
	}
	return true
}

// fqdnLabelLen is tcpdump's labellen: the size of the label at cp (for
// a pointer, its first byte's value), or false (after a complaint for a
// bad label type) where it cannot be had.
func (p *Printer) fqdnLabelLen(r reader, cp int) (int, bool) {
	if !r.has(cp, 1) {
		return 0, false
	}
	i := r.b[cp]
	switch i & 0xc0 {
	case 0x40:
		if i&0x3f != 1 {
			p.printf("<ELT %d>", i&0x3f)
			return 0, false
		}
		if !r.has(cp+1, 1) {
			return 0, false
		}
		bits := int(r.b[cp+1])
		if bits == 0 {
			bits = 256
		}
		return (bits+7)/8 + 1, true
	case 0x80:
		p.print("<BAD LABEL TYPE>")
		return 0, false
	}
	return int(i), true
}

// fqdnLabel is the byte that starts the label at cp and the label's
// size (fqdnLabelLen).
func (p *Printer) fqdnLabel(r reader, cp int) (byte, int, bool) {
	l, ok := p.fqdnLabelLen(r, cp)
	if !ok {
		return 0, 0, false
	}
	return r.b[cp], l, true
}

// fqdnAt prints the domain name at cp, whose compression pointers count
// from bp, and returns where it ends, or false where tcpdump's
// fqdn_print returns NULL.
func (p *Printer) fqdnAt(r reader, cp, bp int) (int, bool) {
	const maxName = 255
	i, l, ok := p.fqdnLabel(r, cp)
	if !ok {
		return 0, false
	}
	// Unsigned, as tcpdump's: a base after the name makes it huge.
	maxOff := uint32(cp - bp)
	cp++
	// rp is where the name ends; -1 (tcpdump's NULL) until known, which a
	// name that is only a pointer cut before its second byte never is.
	rp, compress := -1, false
	if i&0xc0 != 0xc0 {
		rp = cp + l
	}
	if i == 0 {
		p.print(".")
		return rp, true
	}
	chars := 0
	for i != 0 && cp < len(r.b) {
		switch i & 0xc0 {
		case 0xc0:
			if !compress {
				rp = cp + 1
				compress = true
			}
			if !r.has(cp, 1) {
				return 0, false
			}
			off := uint32(i)<<8 | uint32(r.b[cp])&0x3fff
			off &= 0x3fff
			if off >= maxOff {
				p.print("<BAD PTR>")
				return 0, false
			}
			maxOff = off
			cp = bp + int(off)
			if i, l, ok = p.fqdnLabel(r, cp); !ok {
				return 0, false
			}
			cp++
			continue
		case 0x40:
			if i&0x3f != 1 {
				p.printf("<ELT %d>", i&0x3f)
				return 0, false
			}
			if !p.fqdnBitLabel(r, cp) {
				return 0, false
			}
		case 0x80:
			p.print("<BAD LABEL TYPE>")
			return 0, false
		default:
			n := l
			if chars+l > maxName {
				n = max(maxName-chars, 0)
			}
			if n > 0 && !p.printN(r.b[cp:], n) {
				return 0, false
			}
			chars += l
		}
		cp += l
		if chars <= maxName {
			p.print(".")
		}
		chars++
		if i, l, ok = p.fqdnLabel(r, cp); !ok {
			return 0, false
		}
		cp++
		if !compress {
			rp += l + 1
		}
	}
	if chars > maxName {
		p.print("<DOMAIN NAME TOO LONG>")
	}
	return rp, rp >= 0
}

// fqdnBitLabel prints an EDNS0 bit-string label at cp (its bit count
// first), as tcpdump's blabel_print does; false where it is cut short.
func (p *Printer) fqdnBitLabel(r reader, cp int) bool {
	if !r.has(cp, 1) {
		return false
	}
	bits := int(r.b[cp])
	if bits == 0 {
		bits = 256
	}
	lim := cp + 1 + (bits+3)/4
	p.print("\\[x")
	at, b := cp+1, bits
	for ; at < lim && b > 7; b, at = b-8, at+1 {
		p.printf("%02x", r.u8(at))
	}
	if b > 4 {
		p.printf("%02x", r.u8(at)&byte(0xff<<(8-b)))
	} else if b > 0 {
		p.printf("%1x", (r.u8(at)>>4)&byte(0x0f<<(4-b)))
	}
	p.printf("/%d]", bits)
	return true
}
