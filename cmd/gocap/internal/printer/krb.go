package printer

// Kerberos on UDP ports 88 and 750 (print-krb.c): the protocol version
// and, for Kerberos 4, the message type and the names it carries.
// tcpdump leaves Kerberos 5 (ASN.1) undecoded.

var krb4Types = map[byte]string{
	1 << 1: "KDC_REQUEST", 2 << 1: "KDC_REPLY", 3 << 1: "APPL_REQUEST", 4 << 1: "APPL_REQUEST_MUTUAL",
	5 << 1: "ERR_REPLY", 6 << 1: "PRIVATE", 7 << 1: "SAFE", 8 << 1: "APPL_ERR", 63 << 1: "DIE",
}

var krb4Errors = map[uint16]string{
	0: "OK", 1: "NAME_EXP", 2: "SERVICE_EXP", 3: "AUTH_EXP", 4: "PKT_VER", 5: "NAME_MAST_KEY_VER",
	6: "SERV_MAST_KEY_VER", 7: "BYTE_ORDER", 8: "PRINCIPAL_UNKNOWN", 9: "PRINCIPAL_NOT_UNIQUE", 10: "NULL_KEY",
}

// tokOrNum is tcpdump's tok2str with no format: the name, or "#n".
func tokOrNum[K byte | uint16](m map[K]string, k K) string {
	if s, ok := m[k]; ok {
		return s
	}
	return sprintf("#%d", k)
}

func (p *Printer) krb(b []byte) {
	r := p.reader("krb", b)
	if len(b) == 0 {
		r.trunc()
		return
	}
	switch v := r.u8(0); v {
	case 1, 2, 3:
		p.printf(" v%d", v)
	case 4:
		p.printf(" v%d", v)
		p.krb4(r)
	case 106, 107:
		p.print(" v5")
	}
}

// krb4String prints the NUL-terminated string at off and returns the
// offset after its NUL, or -1 if the capture ends first (c_print).
func (p *Printer) krb4String(r reader, off int) int {
	for ; off < len(r.b); off++ {
		c := r.b[off]
		if c == 0 {
			return off + 1
		}
		p.printChar(c)
	}
	return -1
}

// krb4Names prints name.instance@realm from off, returning what follows
// or -1 after printing the truncation marker (krb4_print_hdr).
func (p *Printer) krb4Names(r reader, off int) int {
	for i, sep := range []string{".", "@", ""} {
		if off = p.krb4String(r, off); off < 0 {
			r.trunc()
			return -1
		}
		if i < 2 {
			p.print(sep)
		}
	}
	return off
}

func (p *Printer) krb4(r reader) {
	t := r.u8(1)
	le := t&1 != 0
	typ := t & 0xfe
	order := "be"
	if le {
		order = "le"
	}
	p.printf(" %s %s: ", order, tokOrNum(krb4Types, typ))
	u16 := func(off int) uint16 {
		v := r.be16(off)
		if le {
			v = v>>8 | v<<8
		}
		return v
	}
	str := func(off int) int {
		if off = p.krb4String(r, off); off < 0 {
			r.trunc()
		}
		return off
	}
	switch typ {
	case 1 << 1:
		cp := p.krb4Names(r, 2)
		if cp < 0 {
			return
		}
		cp += 4
		p.printf(" %dmin ", int(r.u8(cp))*5)
		if cp = str(cp + 1); cp < 0 {
			return
		}
		p.print(".")
		str(cp)
	case 3 << 1:
		p.printf("v%d ", r.u8(2))
		cp := str(3)
		if cp < 0 {
			return
		}
		p.printf(" (%d)", r.u8(cp))
		p.printf(" (%d)", r.u8(cp+1))
	case 2 << 1:
		cp := p.krb4Names(r, 2)
		if cp < 0 {
			return
		}
		p.printf(" (%d)", u16(cp+10))
	case 5 << 1:
		cp := p.krb4Names(r, 2)
		if cp < 0 {
			return
		}
		p.printf(" %s ", tokOrNum(krb4Errors, u16(cp+4)))
		str(cp + 8)
	default:
		p.print("(unknown)")
	}
}
