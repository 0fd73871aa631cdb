package printer

import (
	"strings"
)

// OLSR, UDP port 698, over IPv4 and IPv6, as tcpdump's print-olsr.c
// prints it.

var olsrMsgTypes = map[uint8]string{1: "Hello", 2: "TC", 3: "MID", 4: "HNA", 128: "Powerinfo",
	130: "Nameservice", 201: "Hello-LQ", 202: "TC-LQ"}

var olsrLinkTypes = map[uint8]string{0: "Unspecified", 1: "Asymmetric", 2: "Symmetric", 3: "Lost"}

var olsrNeighborTypes = map[uint8]string{0: "Not-Neighbor", 1: "Symmetric", 2: "Symmetric-MPR"}

// cHexWidth is C's "%#0Nx": the value with "0x" and zeros to width w in
// all, or only zeros for 0.
func cHexWidth(v uint32, w int) string {
	if v == 0 {
		return strings.Repeat("0", w)
	}
	s := sprintf("%x", v)
	if len(s) < w-2 {
		s = strings.Repeat("0", w-2-len(s)) + s
	}
	return "0x" + s
}

// olsrTime is an OLSR validity or hello time (mantissa and exponent) in
// seconds.
func olsrTime(me uint8) float64 {
	return 0.0625 * (1 + float64(me>>4)/16) * float64(uint32(1)<<(me&0xf))
}

// mask6Len is tcpdump's mask62plen: the bits of the mask's leading
// bytes up to the first not all ones (which adds its own leading ones
// if it is a prefix mask).
func mask6Len(m []byte) int {
	n := 0
	for _, c := range m {
		for bits := 0; bits <= 8; bits++ {
			if c == byte(uint16(0xff00)>>bits) {
				n += bits
				break
			}
		}
		if c != 0xff {
			break
		}
	}
	return n
}

// olsrGWSpeed is a smart gateway's link speed.
func olsrGWSpeed(v uint8) uint32 {
	switch v {
	case 0:
		return 0
	case 0xff:
		return 320000000
	}
	s := uint32(v>>3) + 1
	for e := v & 7; e > 0; e-- {
		s *= 10
	}
	return s
}

// olsr prints an OLSR packet; v6 says it came over IPv6 (olsr_print).
func (p *Printer) olsr(b []byte, length int, v6 bool) {
	r := p.reader("olsr", b)
	ver := 4
	if v6 {
		ver = 6
	}
	p.printf("OLSRv%d", ver)
	r.label(func() { p.olsrPacket(r, length, v6) })
}

// olsrPacket prints the packet for olsr, whose label its "trunc:" jumps
// return to.
func (p *Printer) olsrPacket(r reader, length int, v6 bool) {
	if length < 4 {
		gotoTrunc()
	}
	r.check(0, 4)
	length = min(length, int(r.be16(0)))
	p.printf(", seq 0x%04x, length %d", r.be16(2), length)
	if p.o.Verbose < 1 {
		return
	}
	alen := 4
	if v6 {
		alen = 16
	}
	addr := func(off int) string {
		if v6 {
			return p.host(addr16(r.bytes(off, 16)))
		}
		return p.host(addr4(r.bytes(off, 4)))
	}
	hlen := 8 + alen
	for off := 4; off < length; {
		r.check(off, hlen)
		typ, mlen := r.u8(off), int(r.be16(off+2))
		valid := mlen >= hlen && mlen <= length
		if typ == 0 || mlen == 0 {
			return
		}
		bad := ""
		if !valid {
			bad = " (invalid)"
		}
		p.printf("\n\t%s Message (%s), originator %s, ttl %d, hop %d\n\t  vtime %.3fs, msg-seq 0x%04x, length %d%s",
			mapName(olsrMsgTypes, typ, "Unknown"), cHexWidth(uint32(typ), 4), addr(off+4), r.u8(off+4+alen),
			r.u8(off+5+alen), olsrTime(r.u8(off+1)), r.be16(off+6+alen), mlen, bad)
		if !valid {
			return
		}
		m := &rsvpObj{reader: r, v: off + hlen, n: mlen - hlen}
		switch typ {
		case 1, 201:
			p.olsrHello(m, typ, v6, addr)
		case 2, 202:
			if m.n < 4 {
				gotoTrunc()
			}
			r.check(m.v, 4)
			p.printf("\n\t    advertised neighbor seq 0x%04x", m.at16(0))
			m.skip(4)
			p.olsrNeighbors(m, typ == 202, v6, addr)
		case 3:
			for ; m.n >= alen; m.skip(alen) {
				r.check(m.v, alen)
				p.printf("\n\t  interface address %s", addr(m.v))
			}
		case 4:
			p.olsrHNA(m, v6, addr)
		case 130:
			p.olsrNames(m, alen, addr)
		default:
			p.unknownData(r.b[min(m.v, len(r.b)):], "\n\t    ", m.n)
		}
		off += mlen
	}
}

// olsrHello prints a Hello's (or Hello-LQ's) link blocks.
func (p *Printer) olsrHello(m *rsvpObj, typ byte, v6 bool, addr func(int) string) {
	if m.n < 4 {
		gotoTrunc()
	}
	m.check(m.v, 4)
	p.printf("\n\t  hello-time %.3fs, MPR willingness %d", olsrTime(m.at8(2)), m.at8(3))
	m.skip(4)
	for m.n >= 4 {
		m.check(m.v, 4)
		hl := int(m.at16(2))
		code := m.at8(0)
		valid := hl <= m.n && hl >= 4
		bad := ""
		if !valid {
			bad = " (invalid)"
		}
		p.printf("\n\t    link-type %s, neighbor-type %s, len %d%s", mapName(olsrLinkTypes, code&3, "Unknown"),
			mapName(olsrNeighborTypes, code>>2, "Unknown"), hl, bad)
		if !valid {
			return
		}
		m.skip(4)
		hl -= 4
		m.check(m.v, hl)
		sub := &rsvpObj{reader: m.reader, v: m.v, n: hl}
		p.olsrNeighbors(sub, typ == 201, v6, addr)
		m.skip(hl)
	}
}

// olsrNeighbors prints neighbour addresses, with link qualities for the
// LQ messages.
func (p *Printer) olsrNeighbors(m *rsvpObj, lq, v6 bool, addr func(int) string) {
	if !lq {
		// tcpdump's count of neighbours a line never moves on.
		p.print("\n\t      neighbor\n\t\t")
		for ; m.n >= 4; m.skip(4) {
			p.printf("%s ", p.host(addr4(m.bytes(m.v, 4))))
		}
		return
	}
	size := 8
	if v6 {
		size = 20
	}
	for ; m.n >= size; m.skip(size) {
		m.check(m.v, size)
		p.printf("\n\t      neighbor %s, link-quality %.2f%%, neighbor-link-quality %.2f%%", addr(m.v),
			float64(m.at8(size-4))/2.55, float64(m.at8(size-3))/2.55)
	}
}

// olsrGatewayFlagBits are the Smart-Gateway flags of an HNA entry.
var olsrGatewayFlagBits = []bitTok{{1, " LINKSPEED"}, {2, " IPV4"}, {4, " IPV4-NAT"}, {8, " IPV6"},
	{16, " IPv6-PREFIX"}}

// olsrHNA prints an HNA message's networks (and smart gateways).
func (p *Printer) olsrHNA(m *rsvpObj, v6 bool, addr func(int) string) {
	if v6 {
		p.printf("\n\t  Advertised networks (total %d)", m.n/32)
		for ; m.n >= 32; m.skip(32) {
			m.check(m.v, 32)
			// tcpdump numbers them all #0.
			p.printf("\n\t    #0: %s/%d", addr(m.v), mask6Len(m.b[m.v+16:m.v+32]))
		}
		return
	}
	p.printf("\n\t  Advertised networks (total %d)", m.n/8)
	for col := 0; m.n >= 8; m.skip(8) {
		m.check(m.v, 8)
		lead := ", "
		if col == 0 {
			lead = "\n\t    "
		}
		mask := m.b[m.v+4 : m.v+8]
		if m.at32(0) == 0 && mask[0] == 0 && mask[1] != 0 {
			f := mask[1]
			p.printf("%sSmart-Gateway:", lead)
			p.print(bitTokNoSep(olsrGatewayFlagBits, "", uint32(f)))
			var up, down uint32
			if f&1 != 0 {
				up, down = olsrGWSpeed(mask[2]), olsrGWSpeed(mask[3])
			}
			p.printf(" %d/%d", up, down)
		} else {
			p.printf("%s%s/%d", lead, addr(m.v), uint32(mask2plen(m.at32(4))))
		}
		col = (col + 1) % 4
	}
}

// olsrNames prints a Nameservice message's entries.
func (p *Printer) olsrNames(m *rsvpObj, alen int, addr func(int) string) {
	if m.n < 4 {
		gotoTrunc()
	}
	n := int(m.at16(2))
	valid := n > 0 && n*(4+alen) <= m.n
	bad := ""
	if !valid {
		bad = " (invalid)"
	}
	p.printf("\n\t  Version %d, Entries %d%s", m.at16(0), n, bad)
	if !valid {
		return
	}
	m.skip(4)
	for i := 0; i < n; i++ {
		if m.n < 4 {
			break
		}
		typ, l := m.at16(0), int(m.at16(2))
		m.skip(4)
		ok := l > 0 && alen+l <= m.n
		bad := ""
		if !ok {
			bad = " (invalid)"
		}
		p.printf("\n\t    #%d: type %s, length %d%s", i, cHexWidth(uint32(typ), 6), l, bad)
		if !ok {
			break
		}
		pad := (4 - l%4) % 4
		if m.n < alen+l+pad {
			gotoTrunc()
		}
		m.check(m.v, alen+l+pad)
		p.printf(", address %s, name \"", addr(m.v))
		p.printN(m.b[m.v+alen:], l)
		p.print("\"")
		m.skip(alen + l + pad)
	}
}
