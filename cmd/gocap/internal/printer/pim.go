package printer

import (
	"fmt"
	"strings"
)

var pimv1Types = map[uint8]string{0: "Query", 1: "Register", 2: "Register-Stop", 3: "Join/Prune",
	4: "RP-reachable", 5: "Assert", 6: "Graft", 7: "Graft-ACK"}

var pimv2Types = map[uint8]string{0: "Hello", 1: "Register", 2: "Register Stop",
	3: "Join / Prune", 4: "Bootstrap", 5: "Assert", 6: "Graft", 7: "Graft Acknowledgement",
	8: "Candidate RP Advertisement", 9: "Prune Refresh", 10: "DF Election", 11: "ECMP Redirect"}

var pimHelloOpts = map[uint16]string{1: "Hold Time", 2: "LAN Prune Delay",
	18: "DR Priority (Old)", 19: "DR Priority", 20: "Generation ID",
	21: "State Refresh Capability", 22: "Bi-Directional Capability", 24: "Address List",
	65001: "Address List (Old)"}

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

// pim prints a PIM message carried in IP protocol 103.
func (p *Printer) pim(b []byte, length int, h *ipHdr) {
	r := p.reader("pim", b)
	if !r.has(0, 1) {
		return
	}
	ver, typ := b[0]>>4, b[0]&0xf
	if ver != 2 {
		p.printf("PIMv%d, length %d", ver, length)
		return
	}
	name := "Unknown Type"
	if s, ok := pimv2Types[typ]; ok {
		name = s
	}
	if p.o.Verbose == 0 {
		p.printf("PIMv%d, %s, length %d", ver, name, length)
		return
	}
	p.printf("PIMv%d, length %d\n\t%s", ver, length, name)
	p.pimv2(b, length, h)
}

// pimAddr decodes a PIMv2 encoded address (unicast, group or source)
// and returns its text and size, or ok false where tcpdump prints "...".
func (p *Printer) pimAddr(b []byte, addrLen int, kind byte) (s string, n int, ok bool) {
	af, l, hdr := 0, 0, 0
	if addrLen == 0 {
		if len(b) < 2 {
			return "", 0, false
		}
		switch b[0] {
		case 1:
			af, l = 4, 4
		case 2:
			af, l = 6, 16
		default:
			return "", 0, false
		}
		if b[1] != 0 {
			return "", 0, false
		}
		hdr = 2
	} else {
		switch addrLen {
		case 4:
			af = 4
		case 16:
			af = 6
		default:
			return "", 0, false
		}
		l = addrLen
	}
	b = b[hdr:]
	addr := func(x []byte) string {
		if af == 4 {
			return p.host(addr4(x))
		}
		return p.host(addr16(x))
	}
	if kind == 'u' {
		if len(b) < l {
			return "", 0, false
		}
		return addr(b), hdr + l, true
	}
	if len(b) < l+2 {
		return "", 0, false
	}
	s = addr(b[2:])
	if (af == 4 && b[1] != 32) || (af == 6 && b[1] != 128) {
		s += fmt.Sprintf("/%d", b[1])
	}
	if b[0] != 0 {
		if kind == 'g' {
			s += fmt.Sprintf("(0x%02x)", b[0])
		} else {
			s += "("
			if b[0]&4 != 0 {
				s += "S"
			}
			if b[0]&2 != 0 {
				s += "W"
			}
			if b[0]&1 != 0 {
				s += "R"
			}
			if b[0]&0xf8 != 0 {
				s += fmt.Sprintf("+0x%02x", b[0]&0xf8)
			}
			s += ")"
		}
	}
	return s, hdr + 2 + l, true
}

func (p *Printer) pimv2(whole []byte, length int, h *ipHdr) {
	// tcpdump prints its own "[|pim]", without the leading space.
	if p.label("", func() { p.pimv2Message(whole, length, h) }) != ran {
		p.truncMarkTight("pim")
	}
}

// pimMsg is the PIMv2 message being printed: its bytes (cut to the PIM
// length), the RFC 2117 address length (0 for encoded addresses) and
// its type.
type pimMsg struct {
	reader
	addrLen int
	typ     byte
}

// addr prints the encoded address of the given kind ('u'nicast,
// 'g'roup, 's'ource) at off, returning its size, or false where it is
// malformed or cut short (printing nothing).
func (m *pimMsg) addr(off int, kind byte) (int, bool) {
	s, n, ok := m.p.pimAddr(m.b[min(off, len(m.b)):], m.addrLen, kind)
	if ok {
		m.p.print(s)
	}
	return n, ok
}

// pimv2Message prints a PIMv2 message for pimv2, whose label check
// returns to.
func (p *Printer) pimv2Message(whole []byte, length int, h *ipHdr) {
	b := whole
	if len(b) > length {
		b = b[:length]
	}
	check(b, 0, 4)
	addrLen := int(b[1])
	if addrLen != 0 {
		p.print(", RFC2117-encoding")
	}
	typ := b[0] & 0xf
	sum := be16(b, 2)
	p.printf(", cksum 0x%04x ", sum)
	if sum == 0 {
		p.print("(unverified)")
	} else {
		n := length
		if typ == 1 {
			n = 8
		}
		switch {
		case len(whole) < n:
			p.print("(unverified)")
		case pimChecksum(whole[:n], h) != 0:
			p.print("(incorrect)")
		default:
			p.print("(correct)")
		}
	}
	m := pimMsg{reader: reader{p: p, b: b, proto: "pim"}, addrLen: addrLen, typ: typ}
	switch typ {
	case 0: // Hello
		p.pimHello(&m, length)
	case 1: // Register
		p.pimRegister(&m, length)
	case 2: // Register-Stop
		p.pimRegisterStop(&m, length)
	case 3, 6, 7: // Join/Prune, Graft, Graft-Ack
		p.pimJoinPrune(&m, length)
	case 4: // Bootstrap
		p.pimBootstrap(&m, length)
	case 5: // Assert
		p.pimAssert(&m, length)
	case 8: // Candidate RP
		p.pimCandidateRP(&m, length)
	case 9: // Prune Refresh
		p.pimPruneRefresh(&m, length)
	default:
		p.printf(" [type %d]", typ)
	}
}

// pimHello prints a Hello's options.
func (p *Printer) pimHello(m *pimMsg, length int) {
	b, addrLen := m.b, m.addrLen
	off := 4
	for off < len(b) {
		m.check(off, 4)
		ot, ol := m.be16(off), int(m.be16(off+2))
		m.check(off, 4+ol)
		name := "Unknown"
		if s, ok := pimHelloOpts[ot]; ok {
			name = s
		}
		p.printf("\n\t  %s Option (%d), length %d, Value: ", name, ot, ol)
		off += 4
		v := b[off : off+ol]
		switch ot {
		case 1:
			p.print(relTime(uint32(be16(v, 0))))
		case 2:
			if ol != 4 {
				p.printf("ERROR: Option Length != 4 Bytes (%d)", ol)
			} else {
				d := be16(v, 0)
				t := 0
				if d&0x8000 != 0 {
					t = 1
				}
				p.printf("\n\t    T-bit=%d, LAN delay %dms, Override interval %dms", t, d&0x7fff, be16(v, 2))
			}
		case 18, 19:
			switch ol {
			case 0:
				p.print("Bi-Directional Capability (Old)")
			case 4:
				p.printf("%d", be32(v, 0))
			default:
				p.printf("ERROR: Option Length != 4 Bytes (%d)", ol)
			}
		case 20:
			if ol != 4 {
				p.printf("ERROR: Option Length != 4 Bytes (%d)", ol)
			} else {
				p.printf("0x%08x", be32(v, 0))
			}
		case 21:
			if ol != 4 {
				p.printf("ERROR: Option Length != 4 Bytes (%d)", ol)
			} else {
				p.printf("v%d", v[0])
				if v[1] != 0 {
					p.printf(", interval %s", relTime(uint32(v[1])))
				}
				if x := be16(v, 2); x != 0 {
					p.printf(" ?0x%04x?", x)
				}
			}
		case 22:
		case 24, 65001:
			if p.o.Verbose > 1 {
				for q := 0; q < ol; {
					p.print("\n\t    ")
					s, n, ok := p.pimAddr(v[q:], addrLen, 'u')
					if !ok {
						p.print("...")
						break
					}
					p.print(s)
					q += n
				}
			}
		default:
			if p.o.Verbose <= 1 {
				p.hexLinesPlain(v, "\n\t    ")
			}
		}
		if p.o.Verbose > 1 {
			p.hexLinesPlain(v, "\n\t    ")
		}
		off += ol
	}
}

// pimRegister prints a Register and the packet it carries.
func (p *Printer) pimRegister(m *pimMsg, length int) {
	b := m.b
	m.check(4, 4)
	flags := m.be32(4)
	fs := "none"
	switch flags {
	case 0x80000000:
		fs = "Border"
	case 0x40000000:
		fs = "Null"
	}
	p.printf(", Flags [ %s ]\n\t", fs)
	inner := b[8:]
	switch u8(inner, 0) >> 4 {
	case 0:
		check(inner, 0, 20)
		p.printf("IP-Null-header %s > %s", p.host(addr4(inner[12:])), p.host(addr4(inner[16:])))
	case 4:
		p.ip(inner, length-8)
	case 6:
		p.ip6(inner, length-8)
	default:
		p.printf("IP ver %d", inner[0]>>4)
	}
}

// pimRegisterStop prints a Register-Stop.
func (p *Printer) pimRegisterStop(m *pimMsg, length int) {
	b, addr := m.b, m.addr
	off := 4
	if off >= len(b) {
		return
	}
	p.print(" group=")
	n, ok := addr(off, 'g')
	if !ok {
		p.print("...")
		return
	}
	off += n
	if off >= len(b) {
		return
	}
	p.print(" source=")
	if _, ok := addr(off, 'u'); !ok {
		p.print("...")
	}
}

// pimJoinPrune prints a Join/Prune, Graft or Graft-Ack.
func (p *Printer) pimJoinPrune(m *pimMsg, length int) {
	b, typ, addr := m.b, m.typ, m.addr
	off := 4
	if typ != 7 {
		if off >= len(b) {
			return
		}
		p.print(", upstream-neighbor: ")
		n, ok := addr(off, 'u')
		if !ok {
			p.print("...")
			return
		}
		off += n
	}
	if off+4 > len(b) {
		return
	}
	ngroup := int(b[off+1])
	hold := m.be16(off + 2)
	p.printf("\n\t  %d group(s)", ngroup)
	if typ != 7 {
		p.print(", holdtime: ")
		if hold == 0xffff {
			p.print("infinite")
		} else {
			p.print(relTime(uint32(hold)))
		}
	}
	off += 4
groups:
	for i := 0; i < ngroup; i++ {
		if off >= len(b) {
			break
		}
		p.printf("\n\t    group #%d: ", i+1)
		n, ok := addr(off, 'g')
		if !ok {
			p.print("...)")
			break
		}
		off += n
		if off+4 > len(b) {
			p.print("...)")
			break
		}
		nj, np := int(m.be16(off)), int(m.be16(off+2))
		p.printf(", joined sources: %d, pruned sources: %d", nj, np)
		off += 4
		for j := 0; j < nj+np; j++ {
			if j < nj {
				p.printf("\n\t      joined source #%d: ", j+1)
			} else {
				p.printf("\n\t      pruned source #%d: ", j-nj+1)
			}
			n, ok := addr(off, 's')
			if !ok {
				p.print("...)")
				break groups
			}
			off += n
		}
	}
}

// pimBootstrap prints a Bootstrap message.
func (p *Printer) pimBootstrap(m *pimMsg, length int) {
	b, addr := m.b, m.addr
	off := 4
	if off+2 >= len(b) {
		return
	}
	p.printf(" tag=%x", m.be16(off))
	off += 2
	if off >= len(b) {
		return
	}
	p.printf(" hashmlen=%d", b[off])
	if off+1 >= len(b) {
		return
	}
	p.printf(" BSRprio=%d", b[off+1])
	off += 2
	if off >= len(b) {
		return
	}
	p.print(" BSR=")
	n, ok := addr(off, 'u')
	if !ok {
		p.print("...")
		return
	}
	off += n
bs:
	for i := 0; off < len(b); i++ {
		p.printf(" (group%d: ", i)
		n, ok := addr(off, 'g')
		if !ok {
			p.print("...)")
			break
		}
		off += n
		if off >= len(b) {
			p.print("...)")
			break
		}
		p.printf(" RPcnt=%d", b[off])
		if off+1 >= len(b) {
			p.print("...)")
			break
		}
		frp := int(b[off+1])
		p.printf(" FRPcnt=%d", frp)
		off += 4
		for j := 0; j < frp && off < len(b); j++ {
			p.printf(" RP%d=", j)
			n, ok := addr(off, 'u')
			if !ok {
				p.print("...)")
				break bs
			}
			off += n
			if off+1 >= len(b) {
				p.print("...)")
				break bs
			}
			p.printf(",holdtime=%s", relTime(uint32(m.be16(off))))
			if off+2 >= len(b) {
				p.print("...)")
				break bs
			}
			p.printf(",prio=%d", b[off+2])
			off += 4
		}
		p.print(")")
	}
}

// pimAssert prints an Assert.
func (p *Printer) pimAssert(m *pimMsg, length int) {
	b, addr := m.b, m.addr
	off := 4
	if off >= len(b) {
		return
	}
	p.print(" group=")
	n, ok := addr(off, 'g')
	if !ok {
		p.print("...")
		return
	}
	off += n
	if off >= len(b) {
		return
	}
	p.print(" src=")
	n, ok = addr(off, 'u')
	if !ok {
		p.print("...")
		return
	}
	off += n
	if off+8 > len(b) {
		return
	}
	if b[off]&0x80 != 0 {
		p.print(" RPT")
	}
	p.printf(" pref=%d", m.be32(off)&0x7fffffff)
	p.printf(" metric=%d", m.be32(off+4))
}

// pimCandidateRP prints a Candidate-RP-Advertisement.
func (p *Printer) pimCandidateRP(m *pimMsg, length int) {
	b, addr := m.b, m.addr
	off := 4
	if off >= len(b) {
		return
	}
	pfx := int(b[off])
	p.printf(" prefix-cnt=%d", pfx)
	if off+1 >= len(b) {
		return
	}
	p.printf(" prio=%d", b[off+1])
	if off+3 >= len(b) {
		return
	}
	p.printf(" holdtime=%s", relTime(uint32(m.be16(off+2))))
	off += 4
	if off >= len(b) {
		return
	}
	p.print(" RP=")
	n, ok := addr(off, 'u')
	if !ok {
		p.print("...")
		return
	}
	off += n
	for i := 0; i < pfx && off < len(b); i++ {
		p.printf(" Group%d=", i)
		n, ok := addr(off, 'g')
		if !ok {
			p.print("...")
			break
		}
		off += n
	}
}

// pimPruneRefresh prints a Prune Refresh.
func (p *Printer) pimPruneRefresh(m *pimMsg, length int) {
	addr := m.addr
	off := 4
	p.print(" src=")
	n, ok := addr(off, 'u')
	if !ok {
		p.print("...")
		return
	}
	off += n
	p.print(" grp=")
	if n, ok = addr(off, 'g'); !ok {
		p.print("...")
		return
	}
	off += n
	p.print(" forwarder=")
	if n, ok = addr(off, 'u'); !ok {
		p.print("...")
		return
	}
	off += n
	m.check(off, 2)
	p.printf(" TUNR %s", relTime(uint32(m.be16(off))))
}

// pimChecksum is zero when the PIM message (with the IPv6 pseudo-header
// for PIM over IPv6) sums correctly.
func pimChecksum(b []byte, h *ipHdr) uint16 {
	if h != nil && h.v6 {
		return checksum(b, pseudoSum(h, 103, len(b)))
	}
	return checksum(b, 0)
}

// pimv1 prints a PIM version 1 message carried in IGMP.
func (p *Printer) pimv1(b []byte, length int) {
	if p.label("", func() { p.pimv1Message(b, length) }) != ran {
		p.truncMarkTight("pim")
	}
}

// pimv1Message prints a PIMv1 message for pimv1, whose label check
// returns to.
func (p *Printer) pimv1Message(b []byte, length int) {
	if len(b) == 0 {
		return
	}
	check(b, 1, 1)
	typ := b[1]
	if s, ok := pimv1Types[typ]; ok {
		p.printf(" %s", s)
	} else {
		p.printf(" [type %d]", typ)
	}
	mask := func(off int) {
		if be32(b, off) != 0xffffffff {
			p.printf("/%s", p.host(addr4(b[off:])))
		}
	}
	switch typ {
	case 0:
		if len(b) > 8 {
			switch b[8] >> 4 {
			case 0:
				p.print(" Dense-mode")
			case 1:
				p.print(" Sparse-mode")
			case 2:
				p.print(" Sparse-Dense-mode")
			default:
				p.printf(" mode-%d", b[8]>>4)
			}
		}
		if p.o.Verbose > 0 {
			check(b, 10, 2)
			p.printf(" (Hold-time %s)", relTime(uint32(be16(b, 10))))
		}
	case 1:
		check(b, 8, 20)
		p.printf(" for %s > %s", p.host(addr4(b[20:])), p.host(addr4(b[24:])))
	case 2:
		check(b, 12, 4)
		p.printf(" for %s > %s", p.host(addr4(b[8:])), p.host(addr4(b[12:])))
	case 4:
		if p.o.Verbose > 0 {
			check(b, 22, 2)
			p.printf(" group %s", p.host(addr4(b[8:])))
			mask(12)
			p.printf(" RP %s hold %s", p.host(addr4(b[16:])), relTime(uint32(be16(b, 22))))
		}
	case 5:
		check(b, 16, 4)
		p.printf(" for %s > %s", p.host(addr4(b[16:])), p.host(addr4(b[8:])))
		mask(12)
		check(b, 24, 4)
		t := "SPT"
		if b[20]&0x80 != 0 {
			t = "RP-tree"
		}
		p.printf(" %s pref %d metric %d", t, be32(b, 20)&0x7fffffff, be32(b, 24))
	case 3, 6, 7:
		if p.o.Verbose > 0 {
			p.pimv1JoinPrune(b[min(8, len(b)):], length-8)
		}
	}
	check(b, 4, 1)
	if b[4]>>4 != 1 {
		p.printf(" [v%d]", b[4]>>4)
	}
}

func (p *Printer) pimv1JoinPrune(b []byte, length int) {
	if len(b) >= 30 && b[11] == 1 {
		nj := int(be16(b, 20))
		if nj+int(be16(b, 22)) == 1 {
			p.printf(" RPF %s ", p.host(addr4(b)))
			if hold := be16(b, 6); hold != 180 {
				p.printf("Hold %s", relTime(uint32(hold)))
			}
			w := "Prune"
			if nj != 0 {
				w = "Join"
			}
			p.printf("%s (%s/%d, %s", w, p.host(addr4(b[26:])), b[25]&0x3f, p.host(addr4(b[12:])))
			if be32(b, 16) != 0xffffffff {
				p.printf("/%s", p.host(addr4(b[16:])))
			}
			mode, wc, rp := "Dense", "", "SPT"
			if b[24]&1 != 0 {
				mode = "Sparse"
			}
			if b[25]&0x80 != 0 {
				wc = " WC"
			}
			if b[25]&0x40 != 0 {
				rp = "RP"
			}
			p.printf(") %s%s %s", mode, wc, rp)
			return
		}
	}
	check(b, 0, 4)
	if p.o.Verbose > 1 {
		p.print("\n")
	}
	p.printf(" Upstream Nbr: %s", p.host(addr4(b)))
	check(b, 6, 2)
	if p.o.Verbose > 1 {
		p.print("\n")
	}
	p.printf(" Hold time: %s", relTime(uint32(be16(b, 6))))
	if p.o.Verbose < 2 {
		return
	}
	off := 8
	check(b, off, 4)
	ngroups := int(b[off+3])
	off += 4
	for ; ngroups > 0; ngroups-- {
		check(b, off, 4)
		p.printf("\n\tGroup: %s", p.host(addr4(b[off:])))
		check(b, off+4, 4)
		if be32(b, off+4) != 0xffffffff {
			p.printf("/%s", p.host(addr4(b[off+4:])))
		}
		check(b, off+8, 4)
		nj, np := int(be16(b, off+8)), int(be16(b, off+10))
		p.printf(" joined: %d pruned: %d", nj, np)
		off += 12
		for j := 0; j < nj+np; j++ {
			t := "Prune"
			if j < nj {
				t = "Join "
			}
			check(b, off, 6)
			mode, wc, rp := "Dense ", "", "SPT "
			if b[off]&1 != 0 {
				mode = "Sparse "
			}
			if b[off+1]&0x80 != 0 {
				wc = "WC "
			}
			if b[off+1]&0x40 != 0 {
				rp = "RP "
			}
			p.printf("\n\t%s %s%s%s%s/%d", t, mode, wc, rp, p.host(addr4(b[off+2:])), b[off+1]&0x3f)
			off += 6
		}
	}
}
