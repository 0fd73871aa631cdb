package printer

import (
	"strings"
)

// ISAKMP (IKEv1 and IKEv2) on UDP 500 and, after a non-ESP marker, 4500,
// printed as tcpdump 4.99.3's print-isakmp.c does. Offsets below are into
// the ISAKMP message; the end of the captured bytes (tcpdump's snapend)
// is len(r.b). Payload printers return the offset of what follows them,
// or -1 where tcpdump returns NULL.

// isakmpNP names payload types (tcpdump's npstr).
var isakmpNP = strings.Fields("none sa p t ke id cert cr hash sig nonce n d vid " +
	"pay14 pay15 pay16 pay17 pay18 pay19 pay20 pay21 pay22 pay23 pay24 pay25 pay26 pay27 pay28 " +
	"pay29 pay30 pay31 pay32 v2sa v2ke v2IDi v2IDr v2cert v2cr v2auth v2nonce v2n v2d " +
	"v2vid v2TSi v2TSr v2e v2cp v2eap")

// strOrID is tab[x] or "#x" (tcpdump's STR_OR_ID).
func strOrID(x uint32, tab []string) string {
	if int64(x) < int64(len(tab)) && tab[x] != "" {
		return tab[x]
	}
	return sprintf("#%d", x)
}

func npStr(np byte) string { return strOrID(uint32(np), isakmpNP) }

var isakmpEtype = []string{
	0: "none", 1: "base", 2: "ident", 3: "auth", 4: "agg", 5: "inf",
	32: "oakley-quick", 33: "oakley-newgroup",
	34: "ikev2_init", 35: "ikev2_auth", 36: "child_sa", 37: "inf2",
}

var isakmpProtoID = []string{1: "isakmp", 2: "ipsec-ah", 3: "ipsec-esp", 4: "ipcomp"}

// isakmpCookies is tcpdump's cache of initiator cookies, remembered across
// packets to tell the initiator's packets from the responder's.
type isakmpCookies struct {
	next    int
	entries [20]struct {
		ck           [8]byte
		version      int
		iaddr, raddr [16]byte
	}
}

func (c *isakmpCookies) find(ck []byte) int {
	for i := range c.entries {
		if string(c.entries[i].ck[:]) == string(ck) {
			return i
		}
	}
	return -1
}

func ipKey(h *ipHdr) (v int, src, dst [16]byte) {
	if h.v6 {
		return 6, h.src.As16(), h.dst.As16()
	}
	s, d := h.src.As4(), h.dst.As4()
	copy(src[:], s[:])
	copy(dst[:], d[:])
	return 4, src, dst
}

func (c *isakmpCookies) record(ck []byte, h *ipHdr) {
	if i := c.find(ck); i >= 0 {
		c.next = (i + 1) % len(c.entries)
		return
	}
	e := &c.entries[c.next]
	e.version, e.iaddr, e.raddr = ipKey(h)
	copy(e.ck[:], ck)
	c.next = (c.next + 1) % len(c.entries)
}

// side reports whether the packet comes from entry i's initiator
// (initiator true) or responder.
func (c *isakmpCookies) side(i int, h *ipHdr, initiator bool) bool {
	v, src, _ := ipKey(h)
	e := &c.entries[i]
	if e.version != v {
		return false
	}
	if initiator {
		return src == e.iaddr
	}
	return src == e.raddr
}

// isakmpRFC3948 prints what arrives on UDP port 4500: a NAT keepalive,
// IKE after a non-ESP marker, or ESP.
func (p *Printer) isakmpRFC3948(b []byte, length int, h *ipHdr) {
	r := p.reader("isakmp_rfc3948", b)
	if length == 1 && r.u8(0) == 0xff {
		p.print("isakmp-nat-keep-alive")
		return
	}
	if length < 4 {
		r.trunc()
		return
	}
	if r.be32(0) == 0 {
		p.print("NONESP-encap: ")
		p.isakmp(b[4:], length-4, h)
		return
	}
	p.print("UDP-encap: ")
	p.esp(b, length, h)
}

// isakmp prints an ISAKMP message; length is the UDP payload length.
func (p *Printer) isakmp(b []byte, length int, h *ipHdr) {
	r := p.reader("isakmp", b)
	if p.o.ESPSecret != "" {
		p.espSecrets() // tcpdump reads -E's keys at the first ISAKMP message too
	}
	if !r.has(0, 28) {
		r.trunc()
		return
	}
	p.print("isakmp")
	vers := r.u8(17)
	major, minor := vers>>4, vers&0x0f
	if p.o.Verbose > 0 {
		p.printf(" %d.%d", major, minor)
		p.printf(" msgid %x", b[20:24])
	}
	if p.o.Verbose > 1 {
		p.printf(" cookie %x->%x", b[0:8], b[8:16])
	}
	p.print(":")
	switch major {
	case 1:
		p.ikev1(r, length, h)
	case 2:
		p.ikev2(r, length)
	}
}

func (p *Printer) ikev1(r reader, length int, h *ipHdr) {
	b := r.b
	phase := 2
	if r.be32(20) == 0 {
		phase = 1
		p.print(" phase 1")
	} else {
		p.print(" phase 2/others")
	}
	c := &p.state.isakmp
	if i := c.find(b[0:8]); i < 0 {
		if string(b[8:16]) == "\x00\x00\x00\x00\x00\x00\x00\x00" {
			p.print(" I")
			c.record(b[0:8], h)
		} else {
			p.print(" ?")
		}
	} else if c.side(i, h, true) {
		p.print(" I")
	} else if c.side(i, h, false) {
		p.print(" R")
	} else {
		p.print(" ?")
	}
	p.isakmpTail(r, length, phase, false)
}

func (p *Printer) ikev2(r reader, length int) {
	phase := 2
	if r.be32(20) == 0 {
		phase = 1
		p.print(" parent_sa")
	} else {
		p.print(" child_sa ")
	}
	p.isakmpTail(r, length, phase, true)
}

// isakmpTail prints the exchange type, the flags and, with -v, the
// payload chain and a length mismatch.
func (p *Printer) isakmpTail(r reader, length, phase int, v2 bool) {
	p.printf(" %s", strOrID(uint32(r.u8(18)), isakmpEtype))
	flags := r.u8(19)
	if flags != 0 {
		if v2 {
			p.printf("[%s%s%s]", flagStr(flags&0x08, "I"), flagStr(flags&0x10, "V"), flagStr(flags&0x20, "R"))
		} else {
			p.printf("[%s%s]", flagStr(flags&0x01, "E"), flagStr(flags&0x02, "C"))
		}
	}
	if p.o.Verbose == 0 {
		return
	}
	p.print(":")
	np := r.u8(16)
	if flags&0x01 != 0 {
		p.printf(" [encrypted %s]", npStr(np))
	} else {
		p.ikeChain(r, np, 28, phase, 0, 0, 0, v2)
	}
	if l := r.be32(24); int64(l) != int64(length) {
		p.printf(" (len mismatch: isakmp %d/ip %d)", l, length)
	}
}

func flagStr(set byte, s string) string {
	if set != 0 {
		return s
	}
	return ""
}

// ikeChain prints a chain of payloads starting with type np at off, each
// on a line of its own indented by depth (ikev1_sub_print and
// ikev2_sub_print).
func (p *Printer) ikeChain(r reader, np byte, off, phase int, doi uint32, proto byte, depth int, v2 bool) int {
	for np != 0 {
		if !r.has(off, 4) || !r.has(off, int(r.be16(off+2))) {
			p.printf(" [|%s]", npStr(np))
			return -1
		}
		depth++
		p.print("\n" + strings.Repeat("    ", depth) + "(")
		cp := p.ikePayload(r, np, off, phase, doi, proto, depth, v2)
		p.print(")")
		depth--
		if cp < 0 {
			return -1
		}
		np = r.u8(off)
		off = cp
	}
	return off
}

// ikePayload prints one payload (ike_sub0_print, ikev2_sub0_print).
func (p *Printer) ikePayload(r reader, np byte, off, phase int, doi uint32, proto byte, depth int, v2 bool) int {
	itemLen := int(r.be16(off + 2))
	if itemLen <= 4 {
		return -1
	}
	a := ikeArgs{r: r, np: np, off: off, n: itemLen, phase: phase, doi: doi, proto: proto, depth: depth}
	if v2 && np == 46 {
		return p.ikev2E(a)
	}
	if int(np) < len(ikePrinters) && ikePrinters[np] != nil {
		return ikePrinters[np](p, a)
	}
	p.print(npStr(np))
	return off + itemLen
}

// ikeArgs are what a payload printer is handed: the message, the
// payload's type, offset and length, and the context of the chain.
type ikeArgs struct {
	r      reader
	np     byte
	off, n int
	phase  int
	doi    uint32
	proto  byte
	depth  int
}

// end is tcpdump's snapend as an offset.
func (a ikeArgs) end() int { return len(a.r.b) }

// trunc prints the payload's truncation marker and reports -1.
// ikeDump dumps the n bytes of a's payload at off in hex, after a space,
// with -vvv when there are any; false where the packet ended (after the
// payload's marker).
func (p *Printer) ikeDump(a ikeArgs, off, n int) bool {
	if p.o.Verbose > 2 && n > 0 {
		p.print(" ")
		if !p.ikeRaw(a.r, off, n) {
			p.ikeTrunc(a.np)
			return false
		}
	}
	return true
}

func (p *Printer) ikeTrunc(np byte) int {
	p.printf(" [|%s]", npStr(np))
	return -1
}

var ikePrinters []func(*Printer, ikeArgs) int

func init() {
	ikePrinters = make([]func(*Printer, ikeArgs) int, 49)
	ikePrinters[1] = (*Printer).ikev1SA
	ikePrinters[2] = (*Printer).ikev1P
	ikePrinters[3] = (*Printer).ikev1T
	ikePrinters[4] = func(p *Printer, a ikeArgs) int { return p.ikev1Blob(a, "ke", " key len=%d") }
	ikePrinters[5] = (*Printer).ikev1ID
	ikePrinters[6] = (*Printer).ikev1Cert
	ikePrinters[7] = (*Printer).ikev1Cert
	ikePrinters[8] = func(p *Printer, a ikeArgs) int { return p.ikev1Blob(a, "hash", " len=%d") }
	ikePrinters[9] = func(p *Printer, a ikeArgs) int { return p.ikev1Blob(a, "sig", " len=%d") }
	ikePrinters[10] = (*Printer).ikev1Nonce
	ikePrinters[11] = (*Printer).ikev1N
	ikePrinters[12] = (*Printer).ikev1D
	ikePrinters[13] = func(p *Printer, a ikeArgs) int { return p.ikev1Blob(a, "vid", " len=%d") }
	ikePrinters[33] = (*Printer).ikev2SA
	ikePrinters[34] = (*Printer).ikev2KE
	ikePrinters[35] = (*Printer).ikev2ID
	ikePrinters[36] = (*Printer).ikev2ID
	ikePrinters[37] = (*Printer).ikev2Gen
	ikePrinters[38] = (*Printer).ikev2Gen
	ikePrinters[39] = (*Printer).ikev2Auth
	ikePrinters[40] = (*Printer).ikev2Nonce
	ikePrinters[41] = (*Printer).ikev2N
	ikePrinters[42] = (*Printer).ikev2Gen
	ikePrinters[43] = (*Printer).ikev2VID
	ikePrinters[44] = (*Printer).ikev2Gen
	ikePrinters[45] = (*Printer).ikev2Gen
	ikePrinters[47] = (*Printer).ikev2Gen
	ikePrinters[48] = (*Printer).ikev2Gen
}

// ikeRaw prints n bytes from off in hex, reporting false (printing
// nothing) if they were not all captured (rawprint).
func (p *Printer) ikeRaw(r reader, off, n int) bool {
	if !r.has(off, n) {
		return false
	}
	p.printf("%x", r.b[off:off+n])
	return true
}

// ikeSomeData prints the first ten and last twenty bytes from off to the
// end of the capture (ike_show_somedata).
func (p *Printer) ikeSomeData(r reader, off int) bool {
	ep := len(r.b)
	n := ep - off
	if n < 0 || n > 10 {
		n = 10
	}
	end, elen := ep-20, 20
	if end < off+n {
		end = off + n
		elen = ep - end
	}
	p.print(" data=(")
	if !p.ikeRaw(r, off, n) {
		return false
	}
	p.print("...")
	if elen != 0 && !p.ikeRaw(r, end, elen) {
		return false
	}
	p.print(")")
	return true
}

// ikeAttrMap names an attribute type and its values.
type ikeAttrMap struct {
	name   string
	nvalue int
	values []string
}

var ikeGroups = []string{"", "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185", "modp1536",
	"iana-grp06", "iana-grp07", "iana-grp08", "iana-grp09", "iana-grp10", "iana-grp11",
	"iana-grp12", "iana-grp13", "modp2048", "modp3072", "modp4096", "modp6144", "modp8192"}

var ipsecTMap = []ikeAttrMap{
	{},
	{"lifetype", 3, []string{"", "sec", "kb"}},
	{"life", 0, nil},
	{"group desc", 18, ikeGroups},
	{"enc mode", 3, []string{"", "tunnel", "transport"}},
	{"auth", 5, []string{"", "hmac-md5", "hmac-sha1", "1des-mac", "keyed"}},
	{"keylen", 0, nil},
	{"rounds", 0, nil},
	{"dictsize", 0, nil},
	{"privalg", 0, nil},
}

var encrTMap = []ikeAttrMap{14: {"keylen", 14, nil}}

var oakleyTMap = []ikeAttrMap{
	{},
	{"enc", 8, []string{"", "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes"}},
	{"hash", 7, []string{"", "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512"}},
	{"auth", 6, []string{"", "preshared", "dss", "rsa sig", "rsa enc", "rsa enc revised"}},
	{"group desc", 18, ikeGroups},
	{"group type", 4, []string{"", "MODP", "ECP", "EC2N"}},
	{"group prime", 0, nil},
	{"group gen1", 0, nil},
	{"group gen2", 0, nil},
	{"group curve A", 0, nil},
	{"group curve B", 0, nil},
	{"lifetype", 3, []string{"", "sec", "kb"}},
	{"lifeduration", 0, nil},
	{"prf", 0, nil},
	{"keylen", 0, nil},
	{"field", 0, nil},
	{"order", 0, nil},
}

// ikeAttr prints one data attribute at off, which ends by ep2, naming it
// from m when m is not nil (ikev1_attrmap_print, ikev1_attr_print). It
// returns what follows, or -1.
func (p *Printer) ikeAttr(r reader, off, ep2 int, m []ikeAttrMap) int {
	tv := r.u8(off)&0x80 != 0
	total := 4
	if !tv {
		total = 4 + int(r.be16(off+2))
	}
	if ep2 < off+total {
		p.print("[|attr]")
		return ep2 + 1
	}
	p.print("(")
	t := int(r.be16(off) & 0x7fff)
	if m != nil && t < len(m) && m[t].name != "" {
		p.printf("type=%s ", m[t].name)
	} else {
		p.printf("type=#%d ", t)
	}
	if tv {
		p.print("value=")
		v := int(r.be16(off + 2))
		if m != nil && t < len(m) && v < m[t].nvalue && v < len(m[t].values) && m[t].values[v] != "" {
			p.print(m[t].values[v])
		} else if !p.ikeRaw(r, off+2, 2) {
			p.print(")")
			return -1
		}
	} else {
		p.printf("len=%d value=", total-4)
		if !p.ikeRaw(r, off+4, total-4) {
			p.print(")")
			return -1
		}
	}
	p.print(")")
	return off + total
}

// ikeAttrs prints the attributes from off to the payload's end ep2 or
// the capture's; it reports -1 on truncation.
func (p *Printer) ikeAttrs(r reader, off, ep2 int, m []ikeAttrMap) int {
	for off < len(r.b) && off < ep2 {
		if off = p.ikeAttr(r, off, ep2, m); off < 0 {
			return -1
		}
	}
	return off
}

// ikev1Start prints an IKEv1 payload's name and checks that its first n
// bytes were captured; false after the truncation mark of payload np.
func (p *Printer) ikev1Start(a ikeArgs, name string, n int, np byte) bool {
	p.print(name)
	if !a.r.has(a.off, n) {
		p.ikeTrunc(np)
		return false
	}
	return true
}

// ikeDOIProto prints a payload's domain of interpretation and protocol,
// named for the IPsec DOI, and reports whether it is that DOI.
func (p *Printer) ikeDOIProto(doi uint32, proto byte) bool {
	if doi != 1 {
		p.printf(" doi=%d proto=%d", doi, proto)
		return false
	}
	p.printf(" doi=ipsec proto=%s", strOrID(uint32(proto), isakmpProtoID))
	return true
}

func (p *Printer) ikev1SA(a ikeArgs) int {
	r := a.r
	if !p.ikev1Start(a, "sa:", 12, 1) {
		return -1
	}
	doi, sit := r.be32(a.off+4), r.be32(a.off+8)
	if doi != 1 {
		p.printf(" doi=%d situation=%d", doi, sit)
		return a.off + 12
	}
	p.print(" doi=ipsec situation=")
	sep := ""
	if sit&1 != 0 {
		p.print("identity")
		sep = "+"
	}
	if sit&2 != 0 {
		p.print(sep + "secrecy")
		sep = "+"
	}
	if sit&4 != 0 {
		p.print(sep + "integrity")
	}
	next := a.off + 12
	if sit != 1 {
		// tcpdump reads the "ident" one word after the generic header:
		// the DOI.
		p.printf(" ident=%d", r.be32(a.off+4))
		next += 4
	}
	if !r.has(next, 4) {
		return p.ikeTrunc(1)
	}
	return p.ikeChain(r, 2, next, a.phase, doi, a.proto, a.depth, false)
}

func (p *Printer) ikev1P(a ikeArgs) int {
	r := a.r
	if !p.ikev1Start(a, "p:", 8, 2) {
		return -1
	}
	proto := r.u8(a.off + 5)
	p.printf(" #%d protoid=%s transform=%d", r.u8(a.off+4), strOrID(uint32(proto), isakmpProtoID), r.u8(a.off+7))
	spi := int(r.u8(a.off + 6))
	if spi != 0 {
		p.print(" spi=")
		if !p.ikeRaw(r, a.off+8, spi) {
			return p.ikeTrunc(2)
		}
	}
	next := a.off + 8 + spi
	if !r.has(next, 4) {
		return p.ikeTrunc(2)
	}
	return p.ikeChain(r, 3, next, a.phase, a.doi, proto, a.depth, false)
}

var (
	ikev1PMap   = []string{1: "ike"}
	ahPMap      = []string{"", "(reserved)", "md5", "sha", "1des", "sha2-256", "sha2-384", "sha2-512"}
	espPMap     = []string{"", "1des-iv64", "1des", "3des", "rc5", "idea", "cast", "blowfish", "3idea", "1des-iv32", "rc4", "null", "aes"}
	ipcompPMap  = []string{"", "oui", "deflate", "lzs"}
	ikev2TTypes = []string{"", "encr", "prf", "integ", "dh", "esn"}
	prfPMap     = []string{"", "hmac-md5", "hmac-sha", "hmac-tiger", "aes128_xcbc"}
	integPMap   = []string{"", "hmac-md5", "hmac-sha", "dec-mac", "kpdk-md5", "aes-xcbc"}
	esnPMap     = []string{"no-esn", "esn"}
)

func (p *Printer) ikev1T(a ikeArgs) int {
	r := a.r
	if !p.ikev1Start(a, "t:", 8, 3) {
		return -1
	}
	var ids []string
	var m []ikeAttrMap
	switch a.proto {
	case 1:
		ids, m = ikev1PMap, oakleyTMap
	case 2:
		ids, m = ahPMap, ipsecTMap
	case 3:
		ids, m = espPMap, ipsecTMap
	case 4:
		ids, m = ipcompPMap, ipsecTMap
	}
	tid := r.u8(a.off + 5)
	if ids != nil {
		p.printf(" #%d id=%s ", r.u8(a.off+4), strOrID(uint32(tid), ids))
	} else {
		p.printf(" #%d id=%d ", r.u8(a.off+4), tid)
	}
	ep2 := a.off + a.n
	cp := p.ikeAttrs(r, a.off+8, ep2, m)
	if cp < 0 {
		return p.ikeTrunc(3)
	}
	if a.end() < ep2 {
		p.print("...")
	}
	return cp
}

// ikev1Blob prints a payload tcpdump summarizes by its length, with the
// data in hex at -vvv.
func (p *Printer) ikev1Blob(a ikeArgs, name, format string) int {
	p.print(name + ":")
	p.printf(format, a.n-4)
	if !p.ikeDump(a, a.off+4, a.n-4) {
		return -1
	}
	return a.off + a.n
}

var (
	ipsecIDTypes = []string{"", "IPv4", "FQDN", "user FQDN", "IPv4net", "IPv6",
		"IPv6net", "IPv4range", "IPv6range", "ASN1 DN", "ASN1 GN", "keyid"}
	ikeCertTypes = []string{"none", "pkcs7", "pgp", "dns", "x509sign", "x509ke",
		"kerberos", "crl", "arl", "spki", "x509attr"}
)

func (p *Printer) ikev1ID(a ikeArgs) int {
	r := a.r
	if !p.ikev1Start(a, "id:", 8, 5) {
		return -1
	}
	data, n := -1, 0
	if a.n > 8 {
		data, n = a.off+8, a.n-8
	}
	typ := r.u8(a.off + 4)
	p.printf(" idtype=%s", strOrID(uint32(typ), ipsecIDTypes))
	proto := r.u8(a.off + 5)
	if name, ok := p.protoName(proto); ok && proto != 0 {
		p.printf(" protoid=%s", name)
	} else {
		p.printf(" protoid=%d", proto)
	}
	p.printf(" port=%d", r.be16(a.off+6))
	if n != 0 {
		if !r.has(data, n) {
			return p.ikeTrunc(5)
		}
		b := r.b[data:]
		bad := func(min int) bool {
			if n < min {
				p.printf(" len=%d [bad: < %d]", n, min)
				return true
			}
			return false
		}
		switch typ {
		case 1:
			if !bad(4) {
				p.printf(" len=%d %s", n, p.host(addr4(b)))
			}
			n = 0
		case 2, 3:
			p.printf(" len=%d ", n)
			for _, c := range b[:n] {
				p.printChar(c)
			}
			n = 0
		case 4:
			if !bad(8) {
				p.printf(" len=%d %s/%d.%d.%d.%d", n, p.host(addr4(b)), b[4], b[5], b[6], b[7])
			}
			n = 0
		case 5:
			if !bad(16) {
				p.printf(" len=%d %s", n, p.host(addr16(b)))
			}
			n = 0
		case 6:
			if !bad(32) {
				p.printf(" len=%d %s/0x%x", n, p.host(addr16(b)), b[16:32])
			}
			n = 0
		case 7:
			if !bad(8) {
				p.printf(" len=%d %s-%s", n, p.host(addr4(b)), p.host(addr4(b[4:])))
			}
			n = 0
		case 8:
			if !bad(32) {
				p.printf(" len=%d %s-%s", n, p.host(addr16(b)), p.host(addr16(b[16:])))
			}
			n = 0
		}
	}
	if data >= 0 && n != 0 {
		p.printf(" len=%d", n)
		if p.o.Verbose > 2 {
			p.print(" ")
			if !p.ikeRaw(r, data, n) {
				return p.ikeTrunc(5)
			}
		}
	}
	return a.off + a.n
}

func (p *Printer) ikev1Cert(a ikeArgs) int {
	p.printf("%s:", npStr(a.np))
	if !a.r.has(a.off, 6) { // the header, encoding and first data byte
		return p.ikeTrunc(a.np)
	}
	p.printf(" len=%d type=%s", a.n-4, strOrID(uint32(a.r.u8(a.off+4)), ikeCertTypes))
	if !p.ikeDump(a, a.off+4, a.n-4) {
		return -1
	}
	return a.off + a.n
}

func (p *Printer) ikev1Nonce(a ikeArgs) int {
	p.printf("nonce: n len=%d", a.n-4)
	if a.n > 4 {
		ok := true
		if p.o.Verbose > 2 {
			p.print(" ")
			ok = p.ikeRaw(a.r, a.off+4, a.n-4)
		} else if p.o.Verbose > 1 {
			p.print(" ")
			ok = p.ikeSomeData(a.r, a.off+4)
		}
		if !ok {
			return p.ikeTrunc(10)
		}
	}
	return a.off + a.n
}

var (
	ikeNotifyErrors = []string{"", "INVALID-PAYLOAD-TYPE",
		"DOI-NOT-SUPPORTED", "SITUATION-NOT-SUPPORTED",
		"INVALID-COOKIE", "INVALID-MAJOR-VERSION",
		"INVALID-MINOR-VERSION", "INVALID-EXCHANGE-TYPE",
		"INVALID-FLAGS", "INVALID-MESSAGE-ID",
		"INVALID-PROTOCOL-ID", "INVALID-SPI",
		"INVALID-TRANSFORM-ID", "ATTRIBUTES-NOT-SUPPORTED",
		"NO-PROPOSAL-CHOSEN", "BAD-PROPOSAL-SYNTAX",
		"PAYLOAD-MALFORMED", "INVALID-KEY-INFORMATION",
		"INVALID-ID-INFORMATION", "INVALID-CERT-ENCODING",
		"INVALID-CERTIFICATE", "CERT-TYPE-UNSUPPORTED",
		"INVALID-CERT-AUTHORITY", "INVALID-HASH-INFORMATION",
		"AUTHENTICATION-FAILED", "INVALID-SIGNATURE",
		"ADDRESS-NOTIFICATION", "NOTIFY-SA-LIFETIME",
		"CERTIFICATE-UNAVAILABLE", "UNSUPPORTED-EXCHANGE-TYPE",
		"UNEQUAL-PAYLOAD-LENGTHS"}
	ipsecNotifyErrors   = []string{"RESERVED"}
	ikeNotifyStatus     = []string{"CONNECTED"}
	ipsecNotifyStatuses = []string{"RESPONDER-LIFETIME", "REPLAY-STATUS", "INITIAL-CONTACT"}
)

func (p *Printer) ikev1N(a ikeArgs) int {
	r := a.r
	if !p.ikev1Start(a, "n:", 12, 11) {
		return -1
	}
	doi, proto := r.be32(a.off+4), r.u8(a.off+8)
	typ := uint32(r.be16(a.off + 10))
	spi := int(r.u8(a.off + 9))
	ipsec := p.ikeDOIProto(doi, proto)
	// The IPsec DOI adds its own errors and statuses to the IKE ones.
	s := sprintf("#%d", typ)
	switch {
	case typ < 8192:
		s = strOrID(typ, ikeNotifyErrors)
	case typ < 16384:
		if ipsec {
			s = strOrID(typ-8192, ipsecNotifyErrors)
		}
	case typ < 24576:
		s = strOrID(typ-16384, ikeNotifyStatus)
	case typ < 32768:
		if ipsec {
			s = strOrID(typ-24576, ipsecNotifyStatuses)
		}
	}
	p.printf(" type=%s", s)
	if spi != 0 {
		p.print(" spi=")
		if !p.ikeRaw(r, a.off+12, spi) {
			return p.ikeTrunc(11)
		}
	}
	cp := a.off + 12 + spi
	if !ipsec {
		return cp
	}
	ep2 := a.off + a.n
	if cp < a.end() {
		switch typ {
		case 24576:
			p.print(" attrs=(")
			if p.ikeAttrs(r, cp, ep2, oakleyTMap) < 0 {
				p.print(")")
				return p.ikeTrunc(11)
			}
			p.print(")")
		case 24577:
			p.print(" status=(")
			if r.be32(cp) != 0 {
				p.print("replay detection enabled)")
			} else {
				p.print("replay detection disabled)")
			}
		default:
			if p.o.Verbose > 3 {
				p.printf(" data=(%x)", r.b[cp:])
			} else if !p.ikeSomeData(r, cp) {
				return p.ikeTrunc(11)
			}
		}
	}
	return a.off + a.n
}

func (p *Printer) ikev1D(a ikeArgs) int {
	r := a.r
	if !p.ikev1Start(a, "d:", 12, 12) {
		return -1
	}
	p.ikeDOIProto(r.be32(a.off+4), r.u8(a.off+8))
	spi, nspi := int(r.u8(a.off+9)), int(r.be16(a.off+10))
	p.printf(" spilen=%d nspi=%d spi=", spi, nspi)
	q := a.off + 12
	for i := 0; i < nspi; i++ {
		if i != 0 {
			p.print(",")
		}
		if !p.ikeRaw(r, q, spi) {
			return p.ikeTrunc(12)
		}
		q += spi
	}
	return q
}

// ikev2Head prints an IKEv2 payload's name and critical flag.
func (p *Printer) ikev2Head(name string, a ikeArgs) {
	c := ""
	if a.r.u8(a.off+1)&0x80 != 0 {
		c = "[C]"
	}
	p.printf("%s%s:", name, c)
}

func (p *Printer) ikev2Gen(a ikeArgs) int {
	p.ikev2Head(npStr(a.np), a)
	p.printf(" len=%d", a.n-4)
	if !p.ikeDump(a, a.off+4, a.n-4) {
		return -1
	}
	return a.off + a.n
}

func (p *Printer) ikev2E(a ikeArgs) int {
	p.ikev2Head(npStr(a.np), a)
	n := a.n - 4
	p.printf(" len=%d", n)
	if p.o.Verbose > 2 && n > 4 {
		p.print(" ")
		if !p.ikeRaw(a.r, a.off+4, n) {
			return p.ikeTrunc(a.np)
		}
	}
	if !a.r.has(a.off+4, n) {
		return p.ikeTrunc(a.np)
	}
	// With -E keys for the exchange, the payloads inside, one level
	// deeper; E is the last payload, so the chain ends here either way.
	if pt := p.ikev2Decrypt(a.r, a.r.b[a.off+4:a.off+4+n]); pt != nil {
		p.ikeChain(reader{p: p, b: pt, proto: a.r.proto}, a.r.u8(a.off), 0, a.phase, a.doi, a.proto, a.depth+1, true)
	}
	return -1
}

func (p *Printer) ikev2KE(a ikeArgs) int {
	r := a.r
	if !r.has(a.off, 8) {
		return p.ikeTrunc(a.np)
	}
	p.ikev2Head(npStr(a.np), a)
	if a.n < 8 {
		p.printf(" len=%d < 8", a.n)
		return a.off + a.n
	}
	p.printf(" len=%d group=%s", a.n-8, strOrID(uint32(r.be16(a.off+4)), ikeGroups))
	if !p.ikeDump(a, a.off+8, a.n-8) {
		return -1
	}
	return a.off + a.n
}

func (p *Printer) ikev2ID(a ikeArgs) int {
	r := a.r
	if !r.has(a.off, 8) {
		return p.ikeTrunc(a.np)
	}
	p.ikev2Head(npStr(a.np), a)
	p.printf(" len=%d", a.n-4)
	if !p.ikeDump(a, a.off+4, a.n-4) {
		return -1
	}
	n := a.n - 8
	data := a.off + 8
	t, ok := ikev2IDTypes[r.u8(a.off+4)]
	if !ok {
		return a.off + a.n
	}
	p.printf(" %s:", t.label)
	// The length is unsigned in tcpdump: a payload shorter than its
	// header asks for more than was captured.
	if n < 0 || !r.has(data, n) {
		return p.ikeTrunc(a.np)
	}
	if t.ascii {
		p.printASCIIDots(r.b[data : data+n])
	} else {
		p.printf("%x", r.b[data:data+n])
	}
	return a.off + a.n
}

// ikev2IDTypes are the identification types tcpdump prints the data of:
// the label, and whether the data is text (else it prints in hex).
var ikev2IDTypes = map[byte]struct {
	label string
	ascii bool
}{
	1: {"ipv4", false}, 2: {"fqdn", true}, 3: {"rfc822", true}, 5: {"ipv6", false},
	9: {"dn", false}, 10: {"gn", false}, 11: {"keyid", false},
}

// printASCIIDots prints printable ASCII as is and anything else as '.'.
func (p *Printer) printASCIIDots(b []byte) {
	for _, c := range b {
		if c >= 0x20 && c < 0x7f {
			p.buf.WriteByte(c)
		} else {
			p.buf.WriteByte('.')
		}
	}
}

func (p *Printer) ikev2Auth(a ikeArgs) int {
	r := a.r
	if !r.has(a.off, 8) {
		return p.ikeTrunc(a.np)
	}
	p.ikev2Head(npStr(a.np), a)
	p.printf(" len=%d method=%s", a.n-4, strOrID(uint32(r.u8(a.off+4)), []string{"invalid", "rsasig", "shared-secret", "dsssig"}))
	if a.n > 4 {
		if p.o.Verbose > 1 {
			p.print(" authdata=(")
			if a.n < 8 || !p.ikeRaw(r, a.off+8, a.n-8) {
				return p.ikeTrunc(a.np)
			}
			p.print(") ")
		} else if p.o.Verbose > 0 && !p.ikeSomeData(r, a.off+8) {
			return p.ikeTrunc(a.np)
		}
	}
	return a.off + a.n
}

func (p *Printer) ikev2Nonce(a ikeArgs) int {
	p.ikev2Head("nonce", a)
	p.printf(" len=%d", a.n-4)
	if p.o.Verbose > 1 && a.n > 4 {
		p.print(" nonce=(")
		if !p.ikeRaw(a.r, a.off+4, a.n-4) {
			return p.ikeTrunc(a.np)
		}
		p.print(") ")
	} else if p.o.Verbose > 0 && a.n > 4 && !p.ikeSomeData(a.r, a.off+4) {
		return p.ikeTrunc(a.np)
	}
	return a.off + a.n
}

func (p *Printer) ikev2VID(a ikeArgs) int {
	p.ikev2Head(npStr(a.np), a)
	n := a.n - 4
	p.printf(" len=%d vid=", n)
	if !a.r.has(a.off+4, n) {
		return p.ikeTrunc(a.np)
	}
	p.printASCIIDots(a.r.b[a.off+4 : a.off+4+n])
	if p.o.Verbose > 2 && n > 4 {
		p.print(" ")
		p.ikeRaw(a.r, a.off+4, n)
	}
	return a.off + a.n
}

// ikev2SA prints an IKEv2 SA payload's proposals.
func (p *Printer) ikev2SA(a ikeArgs) int {
	r := a.r
	p.ikev2Head("sa", a)
	saLen := a.n - 4
	p.printf(" len=%d", saLen)
	return p.ikev2Items(r, a.np, 2, a.off+4, saLen, a.depth, func(_, off, itemLen, depth int) int {
		return p.ikev2P(r, off, itemLen, depth)
	})
}

// ikev2Items prints the items inside an IKEv2 payload of type outer: the
// proposals of an SA (kind 2) or the transforms of a proposal (kind 3),
// starting at cp and filling n bytes, each on a line of its own at one
// more level of depth. item prints one item of the kind, given its number
// in the list, its offset and length, and returns where it ends (or -1);
// an item of another kind prints its name only. It returns where the
// items end, or -1 when the packet ended.
func (p *Printer) ikev2Items(r reader, outer, kind byte, cp, n, depth int, item func(count, off, itemLen, depth int) int) int {
	tooLong := func() int {
		p.printf(" [|%s]", npStr(outer))
		return cp + n
	}
	count := 0
	for np, ext := kind, 0; np != 0; np = r.u8(ext) {
		count++
		ext = cp
		if n < 4 {
			return tooLong()
		}
		if !r.has(ext, 4) {
			return p.ikeTrunc(outer)
		}
		itemLen := int(r.be16(ext + 2))
		if itemLen <= 4 {
			return p.ikeTrunc(outer)
		}
		if n < itemLen {
			return tooLong()
		}
		if !r.has(cp, itemLen) {
			return p.ikeTrunc(outer)
		}
		p.print("\n" + strings.Repeat("    ", depth+1) + "(")
		if np == kind {
			if cp = item(count, ext, itemLen, depth+1); cp < 0 {
				return -1
			}
		} else {
			p.print(npStr(np))
			cp += itemLen
		}
		p.print(")")
		n -= itemLen
	}
	return cp
}

// ikev2P prints a proposal and its transforms.
func (p *Printer) ikev2P(r reader, off, oLen, depth int) int {
	if !r.has(off, 8) {
		return p.ikeTrunc(2)
	}
	p.ikev2Head("p", ikeArgs{r: r, off: off})
	propLen := oLen - 4
	p.printf(" #%d protoid=%s transform=%d len=%d", r.u8(off+4), strOrID(uint32(r.u8(off+5)), isakmpProtoID), r.u8(off+7), oLen)
	cp := off + 8
	if spi := int(r.u8(off + 6)); spi != 0 {
		if propLen < spi {
			p.print(" [|p]")
			return cp + propLen
		}
		p.print(" spi=")
		if !p.ikeRaw(r, cp, spi) {
			return p.ikeTrunc(2)
		}
		cp += spi
		propLen -= spi
	}
	return p.ikev2Items(r, 2, 3, cp, propLen, depth, func(tcount, off, itemLen, _ int) int {
		return p.ikev2T(r, tcount, off, itemLen)
	})
}

// ikev2T prints a transform and its attributes.
func (p *Printer) ikev2T(r reader, tcount, off, itemLen int) int {
	if !r.has(off, 8) {
		return p.ikeTrunc(3)
	}
	p.ikev2Head("t", ikeArgs{r: r, off: off})
	tid := uint32(r.be16(off + 6))
	ttype := r.u8(off + 4)
	var ids []string
	var m []ikeAttrMap
	switch ttype {
	case 1:
		ids, m = espPMap, encrTMap
	case 2:
		ids = prfPMap
	case 3:
		ids = integPMap
	case 4:
		ids = ikeGroups
	case 5:
		ids = esnPMap
	}
	if ids != nil {
		p.printf(" #%d type=%s id=%s ", tcount, strOrID(uint32(ttype), ikev2TTypes), strOrID(tid, ids))
	} else {
		p.printf(" #%d type=%s id=%d ", tcount, strOrID(uint32(ttype), ikev2TTypes), tid)
	}
	ep2 := off + itemLen
	cp := p.ikeAttrs(r, off+8, ep2, m)
	if cp < 0 {
		return p.ikeTrunc(3)
	}
	if len(r.b) < ep2 {
		p.print("...")
	}
	return cp
}

// ikev2Notify names IKEv2 notify types; spi tells whether tcpdump shows
// the SPI, data whether it shows some of the notification data.
var ikev2Notify = map[uint16]struct {
	name      string
	spi, data bool
}{
	1:     {"unsupported_critical_payload", false, false},
	4:     {"invalid_ike_spi", true, false},
	5:     {"invalid_major_version", false, false},
	7:     {"invalid_syntax", true, false},
	9:     {"invalid_message_id", true, false},
	11:    {"invalid_spi", true, false},
	14:    {"no_protocol_chosen", true, false},
	17:    {"invalid_ke_payload", true, false},
	24:    {"authentication_failed", true, false},
	34:    {"single_pair_required", true, false},
	35:    {"no_additional_sas", false, false},
	36:    {"internal_address_failure", false, false},
	37:    {"failed:cp_required", false, false},
	39:    {"invalid_selectors", false, false},
	16384: {"initial_contact", false, false},
	16385: {"set_window_size", false, false},
	16386: {"additional_ts_possible", false, false},
	16387: {"ipcomp_supported", false, false},
	16388: {"nat_detection_source_ip", true, false},
	16389: {"nat_detection_destination_ip", true, false},
	16390: {"cookie", true, true},
	16391: {"use_transport_mode", false, false},
	16392: {"http_cert_lookup_supported", false, false},
	16393: {"rekey_sa", true, false},
	16394: {"tfc_padding_not_supported", false, false},
	16395: {"non_first_fragment_also", false, false},
}

func (p *Printer) ikev2N(a ikeArgs) int {
	r := a.r
	if !r.has(a.off, 8) {
		return p.ikeTrunc(11)
	}
	p.ikev2Head("n", a)
	p.printf(" prot_id=%s", strOrID(uint32(r.u8(a.off+4)), isakmpProtoID))
	typ := r.be16(a.off + 6)
	n, ok := ikev2Notify[typ]
	if !ok {
		n.spi = true
		switch {
		case typ < 8192:
			n.name = "error"
		case typ < 16384:
			n.name = "private-error"
		case typ < 40960:
			n.name = "status"
		default:
			n.name = "private-status"
		}
	}
	p.printf(" type=%d(%s)", typ, n.name)
	spi := int(r.u8(a.off + 5))
	if n.spi && spi != 0 {
		p.print(" spi=")
		if !p.ikeRaw(r, a.off+8, spi) {
			return p.ikeTrunc(11)
		}
	}
	cp := a.off + 8 + spi
	if ep := a.end(); cp < ep {
		if p.o.Verbose > 3 || (n.data && ep-cp < 30) {
			p.printf(" data=(%x)", r.b[cp:])
		} else if n.data && !p.ikeSomeData(r, cp) {
			return p.ikeTrunc(11)
		}
	}
	return a.off + a.n
}
