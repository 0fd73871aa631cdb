package printer

import (
	"fmt"
	"strings"
)

// PIM, IP protocol 103 (version 2) and IGMP type 0x14 (version 1), as
// tcpdump's print-pim.c prints it.

var pimv1Types = map[uint8]string{0: "Query", 1: "Register", 2: "Register-Stop", 3: "Join/Prune",
	4: "RP-reachable", 5: "Assert", 6: "Graft", 7: "Graft-ACK"}

var pimv2Types = map[uint8]string{0: "Hello", 1: "Register", 2: "Register Stop",
	3: "Join / Prune", 4: "Bootstrap", 5: "Assert", 6: "Graft", 7: "Graft Acknowledgement",
	8: "Candidate RP Advertisement", 9: "Prune Refresh", 10: "DF Election", 11: "ECMP Redirect"}

var pimHelloOpts = map[uint16]string{1: "Hold Time", 2: "LAN Prune Delay",
	18: "DR Priority (Old)", 19: "DR Priority", 20: "Generation ID",
	21: "State Refresh Capability", 22: "Bi-Directional Capability", 24: "Address List",
	65001: "Address List (Old)"}

var pimRegisterFlags = map[uint32]string{0x80000000: "Border", 0x40000000: "Null"}

var pimDFSubtypes = map[uint8]string{1: "Offer", 2: "Winner", 3: "Backoff", 4: "Pass"}

// relTime formats a number of seconds as tcpdump's unsigned_relts_print
// does: "1m45s", "0s".
func relTime(secs uint32) string {
	if secs == 0 {
		return "0s"
	}
	var b strings.Builder
	for _, u := range []struct {
		n    uint32
		name string
	}{{31536000, "y"}, {604800, "w"}, {86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}} {
		if secs >= u.n {
			fmt.Fprintf(&b, "%d%s", secs/u.n, u.name)
			secs %= u.n
		}
	}
	return b.String()
}

// pim prints a PIM message carried in IP protocol 103 (pim_print).
func (p *Printer) pim(b []byte, length int, h *ipHdr) {
	r := p.reader("pim", b)
	vt := r.u8(0)
	ver, typ := vt>>4, vt&0xf
	if ver != 2 {
		p.printf("PIMv%d, length %d", ver, length)
		return
	}
	name := mapName(pimv2Types, typ, "Unknown Type")
	if p.o.Verbose == 0 {
		p.printf("PIMv%d, %s, length %d", ver, name, length)
		return
	}
	p.printf("PIMv%d, length %d\n\t%s", ver, length, name)
	r = p.reader("pimv2", b)
	r.label(func() { p.pimv2(r, length, h) })
}

// pimMsg walks a PIMv2 message: off is where the next field starts and
// left how much of the message's length remains from there (tcpdump's
// bp and len); addrLen is the RFC 2117 address length (0 for encoded
// addresses).
type pimMsg struct {
	reader
	off, left int
	addrLen   int
}

// skip moves past n bytes.
func (m *pimMsg) skip(n int) {
	m.off += n
	m.left -= n
}

// want jumps to the "trunc:" label unless n bytes of the message remain.
func (m *pimMsg) want(n int) {
	if m.left < n {
		gotoTrunc()
	}
}

// addr prints the encoded address of the kind ('u'nicast, 'g'roup or
// 's'ource) at the cursor and moves past it; one malformed or short
// jumps to the "trunc:" label.
func (m *pimMsg) addr(kind byte) {
	n := m.p.pimAddr(m.reader, m.off, m.left, m.addrLen, kind)
	if n < 0 {
		gotoTrunc()
	}
	m.skip(n)
}

// field prints text, then the address of the kind at the cursor.
func (m *pimMsg) field(text string, kind byte) {
	m.p.print(text)
	m.addr(kind)
}

// pimSourceFlagBits are the flags of an encoded source address.
var pimSourceFlagBits = []bitTok{{4, "S"}, {2, "W"}, {1, "R"}}

// pimAddr prints the encoded address of the kind at off, of which left
// bytes of the message remain, and returns its size, or -1 (printing
// nothing) where the family is unknown or it is cut short
// (pimv2_addr_print).
func (p *Printer) pimAddr(r reader, off, left, addrLen int, kind byte) int {
	hdr, v6 := 0, false
	switch {
	case addrLen == 0:
		if left < 2 {
			return -1
		}
		switch r.u8(off) {
		case 1:
			addrLen = 4
		case 2:
			addrLen, v6 = 16, true
		default:
			return -1
		}
		if r.u8(off+1) != 0 {
			return -1
		}
		hdr = 2
	case addrLen == 16:
		v6 = true
	case addrLen != 4:
		return -1
	}
	off += hdr
	left -= hdr
	host := func(at int) {
		if v6 {
			p.print(p.host(addr16(r.b[at:])))
		} else {
			p.print(p.host(addr4(r.b[at:])))
		}
	}
	if kind == 'u' {
		if left < addrLen || !r.has(off, addrLen) {
			return -1
		}
		host(off)
		return hdr + addrLen
	}
	if left < addrLen+2 || !r.has(off, addrLen+2) {
		return -1
	}
	host(off + 2)
	if ml := int(r.b[off+1]); ml != addrLen*8 {
		p.printf("/%d", ml)
	}
	if f := r.b[off]; f != 0 {
		if kind == 'g' {
			p.printf("(0x%02x)", f)
		} else {
			p.print("(")
			p.print(bitTokNoSep(pimSourceFlagBits, "", uint32(f)))
			if f&0xf8 != 0 {
				p.printf("+0x%02x", f&0xf8)
			}
			p.print(")")
		}
	}
	return hdr + 2 + addrLen
}

// pimv2Checksum tells how the checksum of the first n bytes of the
// message sums: "correct", "incorrect", or "unverified" when they were
// not all captured (pimv2_check_checksum).
func pimv2Checksum(b []byte, n int, h *ipHdr) string {
	if n > len(b) || n < 0 {
		return "unverified"
	}
	var pseudo uint32
	if h != nil && h.v6 {
		pseudo = pseudoSum(h, 103, n)
	}
	if checksum(b[:n], pseudo) != 0 {
		return "incorrect"
	}
	return "correct"
}

// pimv2 prints a PIMv2 message at -v and above, for pim, whose label
// the message's "trunc:" and "invalid:" jumps return to (pimv2_print).
func (p *Printer) pimv2(r reader, length int, h *ipHdr) {
	if length < 2 {
		p.printf("[length %d < 2]", length)
		invalid()
	}
	typ := r.u8(0) & 0xf
	rsv := r.u8(1)
	m := &pimMsg{reader: r, off: 4, left: length - 4, addrLen: int(rsv & 0xf)}
	if m.addrLen != 0 {
		p.print(", RFC2117-encoding")
	}
	if length < 4 {
		p.printf("[length %d < 4]", length)
		invalid()
	}
	sum := r.be16(2)
	p.printf(", cksum 0x%04x ", sum)
	switch {
	case sum == 0:
		p.print("(unverified)")
	case typ == 1:
		// The sum covers the Register's header, or (RFC 4601 accepts
		// both) the whole message.
		s := pimv2Checksum(r.b, 8, h)
		if s == "incorrect" {
			s = pimv2Checksum(r.b, length, h)
		}
		p.printf("(%s)", s)
	default:
		p.printf("(%s)", pimv2Checksum(r.b, length, h))
	}
	switch typ {
	case 0:
		p.pimHello(m)
	case 1:
		p.pimRegister(m)
	case 2:
		m.field(" group=", 'g')
		m.field(" source=", 'u')
	case 3, 6, 7:
		p.pimJoinPrune(m, typ)
	case 4:
		p.pimBootstrap(m)
	case 5:
		m.field(" group=", 'g')
		m.field(" src=", 'u')
		m.want(8)
		m.check(m.off, 8)
		if m.u8(m.off)&0x80 != 0 {
			p.print(" RPT")
		}
		p.printf(" pref=%d metric=%d", m.be32(m.off)&0x7fffffff, m.be32(m.off+4))
	case 8:
		p.pimCandidateRP(m)
	case 9:
		m.field(" src=", 'u')
		m.field(" grp=", 'g')
		m.field(" forwarder=", 'u')
		m.want(2)
		p.print(" TUNR ")
		p.print(relTime(uint32(m.be16(m.off))))
	case 10:
		p.pimDFElection(m, rsv>>4)
	default:
		p.printf(" [type %d]", typ)
	}
}

// pimHello prints a Hello's options.
func (p *Printer) pimHello(m *pimMsg) {
	for m.left > 0 {
		m.want(4)
		ot, ol := m.be16(m.off), int(m.be16(m.off+2))
		p.printf("\n\t  %s Option (%d), length %d, Value: ", mapName(pimHelloOpts, ot, "Unknown"), ot, ol)
		m.skip(4)
		m.want(ol)
		m.check(m.off, ol)
		v := m.off
		wantLen := func(n int) {
			if ol != n {
				p.printf("[option length %d != %d]", ol, n)
				invalid()
			}
		}
		switch ot {
		case 1:
			wantLen(2)
			p.print(relTime(uint32(m.be16(v))))
		case 2:
			wantLen(4)
			d := m.be16(v)
			p.printf("\n\t    T-bit=%d, LAN delay %dms, Override interval %dms", d>>15, d&0x7fff, m.be16(v+2))
		case 18, 19:
			if ol == 0 {
				p.print("Bi-Directional Capability (Old)")
				break
			}
			wantLen(4)
			p.printf("%d", m.be32(v))
		case 20:
			wantLen(4)
			p.printf("0x%08x", m.be32(v))
		case 21:
			wantLen(4)
			p.printf("v%d", m.u8(v))
			if iv := m.u8(v + 1); iv != 0 {
				p.printf(", interval %s", relTime(uint32(iv)))
			}
			if x := m.be16(v + 2); x != 0 {
				p.printf(" ?0x%04x?", x)
			}
		case 22:
		case 24, 65001:
			if p.o.Verbose > 1 {
				// The addresses may run past the option, up to the
				// end of the message.
				for at, left := v, m.left; at < v+ol; {
					p.print("\n\t    ")
					n := p.pimAddr(m.reader, at, left, m.addrLen, 'u')
					if n < 0 {
						gotoTrunc()
					}
					at += n
					left -= n
				}
			}
		default:
			if p.o.Verbose <= 1 {
				p.hexLinesPlain(m.b[v:v+ol], "\n\t    ")
			}
		}
		if p.o.Verbose > 1 {
			p.hexLinesPlain(m.b[v:v+ol], "\n\t    ")
		}
		m.skip(ol)
	}
}

// pimRegister prints a Register and the packet it carries.
func (p *Printer) pimRegister(m *pimMsg) {
	m.want(4)
	m.check(m.off, 4)
	p.printf(", Flags [ %s ]\n\t", mapName(pimRegisterFlags, m.be32(m.off), "none"))
	m.skip(4)
	if m.left == 0 {
		gotoTrunc()
	}
	inner := m.from(m.off)
	switch v := inner.u8(0) >> 4; v {
	case 0:
		src := inner.bytes(12, 4)
		p.printf("IP-Null-header %s > %s", p.host(addr4(src)), p.host(addr4(inner.bytes(16, 4))))
	case 4:
		p.ip(inner.b, m.left)
	case 6:
		p.ip6(inner.b, m.left)
	default:
		p.printf("IP ver %d", v)
	}
}

// pimJoinPrune prints a Join/Prune, Graft or Graft-Ack (typ 7, which has
// no upstream neighbour or hold time).
func (p *Printer) pimJoinPrune(m *pimMsg, typ byte) {
	if typ != 7 {
		m.field(", upstream-neighbor: ", 'u')
	}
	m.want(4)
	m.check(m.off, 4)
	ngroup := int(m.u8(m.off + 1))
	hold := m.be16(m.off + 2)
	p.printf("\n\t  %d group(s)", ngroup)
	if typ != 7 {
		p.print(", holdtime: ")
		if hold == 0xffff {
			p.print("infinite")
		} else {
			p.print(relTime(uint32(hold)))
		}
	}
	m.skip(4)
	for i := 1; i <= ngroup; i++ {
		m.field(sprintf("\n\t    group #%d: ", i), 'g')
		m.want(4)
		m.check(m.off, 4)
		nj, np := int(m.be16(m.off)), int(m.be16(m.off+2))
		p.printf(", joined sources: %d, pruned sources: %d", nj, np)
		m.skip(4)
		for j := 1; j <= nj; j++ {
			m.field(sprintf("\n\t      joined source #%d: ", j), 's')
		}
		for j := 1; j <= np; j++ {
			m.field(sprintf("\n\t      pruned source #%d: ", j), 's')
		}
	}
}

// pimBootstrap prints a Bootstrap message.
func (p *Printer) pimBootstrap(m *pimMsg) {
	m.want(2)
	p.printf(" tag=%x", m.be16(m.off))
	m.skip(2)
	m.want(1)
	p.printf(" hashmlen=%d", m.u8(m.off))
	m.want(2)
	// tcpdump checks the byte after the priority here.
	m.check(m.off+2, 1)
	p.printf(" BSRprio=%d", m.u8(m.off+1))
	m.skip(2)
	m.field(" BSR=", 'u')
	for i := 0; m.left > 0; i++ {
		m.field(sprintf(" (group%d: ", i), 'g')
		m.want(1)
		p.printf(" RPcnt=%d", m.u8(m.off))
		m.want(2)
		frp := int(m.u8(m.off + 1))
		p.printf(" FRPcnt=%d", frp)
		m.want(4)
		m.skip(4)
		for j := 0; j < frp && m.left > 0; j++ {
			m.field(sprintf(" RP%d=", j), 'u')
			m.want(2)
			p.print(",holdtime=")
			p.print(relTime(uint32(m.be16(m.off))))
			m.want(3)
			p.printf(",prio=%d", m.u8(m.off+2))
			m.want(4)
			m.skip(4)
		}
		p.print(")")
	}
}

// pimCandidateRP prints a Candidate-RP-Advertisement.
func (p *Printer) pimCandidateRP(m *pimMsg) {
	m.want(1)
	pfx := int(m.u8(m.off))
	p.printf(" prefix-cnt=%d", pfx)
	m.want(2)
	p.printf(" prio=%d", m.u8(m.off+1))
	m.want(4)
	p.print(" holdtime=")
	p.print(relTime(uint32(m.be16(m.off + 2))))
	m.skip(4)
	m.field(" RP=", 'u')
	for i := 0; i < pfx && m.left > 0; i++ {
		m.field(sprintf(" Group%d=", i), 'g')
	}
}

// pimDFElection prints a DF Election message of the subtype.
func (p *Printer) pimDFElection(m *pimMsg, sub byte) {
	p.printf("\n\t  %s,", mapName(pimDFSubtypes, sub, "Unknown"))
	m.field(" rpa=", 'u')
	p.printf(" sender pref=%d", m.be32(m.off))
	p.printf(" sender metric=%d", m.be32(m.off+4))
	m.skip(8)
	if sub != 3 && sub != 4 {
		return
	}
	who := "new winner"
	if sub == 3 {
		who = "offer"
	}
	m.field(sprintf("\n\t  %s addr=", who), 'u')
	p.printf(" %s pref=%d", who, m.be32(m.off))
	p.printf(" %s metric=%d", who, m.be32(m.off+4))
	m.skip(8)
	if sub == 3 {
		p.printf(" interval %dms", m.be16(m.off))
	}
}

// pimv1 prints a PIM version 1 message carried in IGMP (pimv1_print).
func (p *Printer) pimv1(b []byte, length int) {
	r := p.reader("pimv1", b)
	r.label(func() { p.pimv1Message(r, length) })
}

// pimv1Message prints a PIMv1 message for pimv1, whose label its
// "trunc:" jumps return to.
func (p *Printer) pimv1Message(r reader, length int) {
	typ := r.u8(1)
	if s, ok := pimv1Types[typ]; ok {
		p.printf(" %s", s)
	} else {
		p.printf(" [type %d]", typ)
	}
	ip := func(off int) string { return p.host(addr4(r.bytes(off, 4))) }
	// mask prints the mask at off unless it is all ones.
	mask := func(off int) {
		if r.be32(off) != 0xffffffff {
			p.printf("/%s", ip(off))
		}
	}
	switch typ {
	case 0:
		if r.has(8, 1) {
			switch mode := r.u8(8) >> 4; mode {
			case 0:
				p.print(" Dense-mode")
			case 1:
				p.print(" Sparse-mode")
			case 2:
				p.print(" Sparse-Dense-mode")
			default:
				p.printf(" mode-%d", mode)
			}
		}
		if p.o.Verbose > 0 {
			p.print(" (Hold-time ")
			p.printf("%s)", relTime(uint32(r.be16(10))))
		}
	case 1:
		r.check(8, 20)
		p.printf(" for %s > %s", ip(20), ip(24))
	case 2:
		src, dst := ip(8), ip(12)
		p.printf(" for %s > %s", src, dst)
	case 4:
		if p.o.Verbose > 0 {
			p.printf(" group %s", ip(8))
			mask(12)
			p.printf(" RP %s hold ", ip(16))
			p.print(relTime(uint32(r.be16(22))))
		}
	case 5:
		src, grp := ip(16), ip(8)
		p.printf(" for %s > %s", src, grp)
		mask(12)
		t := "SPT"
		if r.u8(20)&0x80 != 0 {
			t = "RP-tree"
		}
		p.printf(" %s pref %d metric %d", t, r.be32(20)&0x7fffffff, r.be32(24))
	case 3, 6, 7:
		if p.o.Verbose > 0 {
			if length < 8 {
				gotoTrunc()
			}
			// The Join/Prune's own "trunc:" label returns here.
			r.label(func() { p.pimv1JoinPrune(r.from(8), length-8) })
		}
	}
	if v := r.u8(4) >> 4; v != 1 {
		p.printf(" [v%d]", v)
	}
}

// pimv1JoinPrune prints a PIMv1 Join/Prune, Graft or Graft-ACK: on one
// line for a single group and source, else the neighbour and hold time
// and at -vv each group (pimv1_join_prune_print).
func (p *Printer) pimv1JoinPrune(r reader, length int) {
	ip := func(off int) string { return p.host(addr4(r.bytes(off, 4))) }
	flags := func(f0, f1 byte, sparse, dense, wc, rp, spt string) string {
		s := dense
		if f0&1 != 0 {
			s = sparse
		}
		if f1&0x80 != 0 {
			s += wc
		}
		if f1&0x40 != 0 {
			return s + rp
		}
		return s + spt
	}
	if r.has(0, 30) && r.u8(11) == 1 {
		nj := r.be16(20)
		if int(nj)+int(r.be16(22)) == 1 {
			p.printf(" RPF %s ", ip(0))
			if hold := r.be16(6); hold != 180 {
				p.printf("Hold %s", relTime(uint32(hold)))
			}
			w := "Prune"
			if nj != 0 {
				w = "Join"
			}
			p.printf("%s (%s/%d, %s", w, ip(26), r.u8(25)&0x3f, ip(12))
			if r.be32(16) != 0xffffffff {
				p.printf("/%s", ip(16))
			}
			p.printf(") %s", flags(r.u8(24), r.u8(25), "Sparse", "Dense", " WC", " RP", " SPT"))
			return
		}
	}
	nl := func() {
		if p.o.Verbose > 1 {
			p.print("\n")
		}
	}
	want := func(n int) {
		if length < n {
			gotoTrunc()
		}
	}
	want(4)
	nl()
	p.printf(" Upstream Nbr: %s", ip(0))
	length -= 4
	want(4)
	nl()
	p.print(" Hold time: ")
	p.print(relTime(uint32(r.be16(6))))
	if p.o.Verbose < 2 {
		return
	}
	length -= 4
	want(4)
	ngroups := int(r.u8(11))
	off := 12
	length -= 4
	for ; ngroups > 0; ngroups-- {
		want(4)
		p.printf("\n\tGroup: %s", ip(off))
		length -= 4
		want(4)
		if r.be32(off+4) != 0xffffffff {
			p.printf("/%s", ip(off+4))
		}
		length -= 4
		want(4)
		nj, np := int(r.be16(off+8)), int(r.be16(off+10))
		p.printf(" joined: %d pruned: %d", nj, np)
		off += 12
		length -= 4
		for j := 0; j < nj+np; j++ {
			t := "Prune"
			if j < nj {
				t = "Join "
			}
			want(6)
			f := flags(r.u8(off), r.u8(off+1), "Sparse ", "Dense ", "WC ", "RP ", "SPT ")
			p.printf("\n\t%s %s%s/%d", t, f, ip(off+2), r.u8(off+1)&0x3f)
			off += 6
			length -= 6
		}
	}
}

// ciscoAutoRP prints a Cisco Auto-RP message, UDP port 496
// (cisco_autorp_print).
func (p *Printer) ciscoAutoRP(b []byte, length int) {
	r := p.reader("cisco_autorp", b)
	r.label(func() { p.ciscoAutoRPMessage(r, length) })
}

// ciscoAutoRPMessage prints the message for ciscoAutoRP, whose label its
// "trunc:" jumps return to.
func (p *Printer) ciscoAutoRPMessage(r reader, length int) {
	want := func(n int) {
		if length < n {
			gotoTrunc()
		}
	}
	want(8)
	p.print(" auto-rp ")
	switch t := r.u8(0); t {
	case 0x11:
		p.print("candidate-advert")
	case 0x12:
		p.print("mapping")
	default:
		p.printf("type-0x%02x", t)
	}
	nrps := int(r.u8(1))
	p.print(" Hold ")
	if hold := r.be16(2); hold != 0 {
		p.print(relTime(uint32(hold)))
	} else {
		p.print("FOREVER")
	}
	off := 8
	length -= 8
	for ; nrps > 0; nrps-- {
		want(4)
		p.printf(" RP %s", p.host(addr4(r.bytes(off, 4))))
		off += 4
		length -= 4
		want(1)
		v := r.u8(off)
		p.print([]string{" PIMv?", " PIMv1", " PIMv2", " PIMv1+2"}[v&3])
		if v&0xfc != 0 {
			p.printf(" [rsvd=0x%02x]", v&0xfc)
		}
		off++
		length--
		want(1)
		n := int(r.u8(off))
		off++
		length--
		sep := " "
		for ; n > 0; n-- {
			want(6)
			f := r.u8(off)
			neg := ""
			if f&1 != 0 {
				neg = "!"
			}
			p.printf("%s%s%s/%d", sep, neg, p.host(addr4(r.bytes(off+2, 4))), r.u8(off+1))
			if f&2 != 0 {
				p.print(" bidir")
			}
			if f&0xfc != 0 {
				p.printf("[rsvd=0x%02x]", f&0xfc)
			}
			sep = ","
			off += 6
			length -= 6
		}
	}
}
