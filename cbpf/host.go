package cbpf

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/gocap/gocap/parser"
)

// This file generates host and net primitives: IPv4 and IPv6 addresses and
// prefixes, host names, network names and the ID dispatch (libpcap's
// gen_scode, gen_ncode, gen_mcode, gen_mcode6).

// addrDesc names what an ID is in "'X' is not a valid qualifier for ..."
// messages.
const (
	descHost4     = "host <IPv4 address>"
	descNet4      = "net <IPv4 address>"
	descNet4Pfx   = "net <IPv4 prefix>"
	descHost6     = "host <IPv6 address>"
	descNet6      = "net <IPv6 prefix>"
	descHostName  = "host <Internet hostname>"
	descNetName   = "net <IPv4 network name>"
	descGatewayIP = "gateway"
)

// hostProtoOK says whether an IPv4 host/net test can take the protocol
// qualifier.
func hostProtoOK(p parser.Proto) bool {
	switch p {
	case parser.ProtoDefault, parser.ProtoIP, parser.ProtoARP, parser.ProtoRARP:
		return true
	}
	return false
}

// host4 tests IPv4 addresses (all of them, or-ed) against the source
// and/or destination fields of IP, ARP and RARP.
func (c *compiler) host4(addrs []uint32, mask uint32, proto parser.Proto, dir parser.Dir, desc string) *block {
	return c.host4x(addrs, mask, proto, dir, desc, false)
}

// host4x is host4; with negate, each protocol's address test is negated
// (but not its link type check), as "gateway" needs.
func (c *compiler) host4x(addrs []uint32, mask uint32, proto parser.Proto, dir parser.Dir, desc string, negate bool) *block {
	switch proto {
	case parser.ProtoDefault:
		b0 := c.host4x(addrs, mask, parser.ProtoIP, dir, desc, negate)
		if c.labelStackDepth == 0 {
			b1 := c.host4x(addrs, mask, parser.ProtoARP, dir, desc, negate)
			genOr(b0, b1)
			b0 = c.host4x(addrs, mask, parser.ProtoRARP, dir, desc, negate)
			genOr(b1, b0)
		}
		return b0
	case parser.ProtoIP:
		return c.hostop4(addrs, mask, dir, etherTypeIP, 12, 16, negate)
	case parser.ProtoARP:
		return c.hostop4(addrs, mask, dir, etherTypeARP, 14, 24, negate)
	case parser.ProtoRARP:
		return c.hostop4(addrs, mask, dir, etherTypeRevARP, 14, 24, negate)
	case parser.ProtoLink:
		c.fail("illegal link-layer address")
	}
	c.fail("'%s' is not a valid qualifier for '%s'", proto, desc)
	return nil
}

func (c *compiler) checkDir80211(dir parser.Dir) {
	switch dir {
	case parser.DirAddr1, parser.DirAddr2, parser.DirAddr3, parser.DirAddr4, parser.DirRA, parser.DirTA:
		c.fail("'%s' is valid for 802.11 syntax only", dir)
	}
}

// hostop4: link type check, then (src or dst) address compares for each
// address. The link type check is generated first, as libpcap does, so
// that the offset registers it needs are allocated first; when it is
// always false the compares are not generated at all.
func (c *compiler) hostop4(addrs []uint32, mask uint32, dir parser.Dir, llProto uint32, srcOff, dstOff uint32, negate bool) *block {
	c.checkDir80211(dir)
	b0 := c.linktypeCheck(llProto)
	if r := b0.res(); r.isConst && !r.constValue() {
		return b0
	}
	var b *block
	for _, a := range addrs {
		t := c.hostDirCmp(dir, func(off uint32) *block {
			return c.mcmp(orLinkPL, off, SizeW, a, mask)
		}, srcOff, dstOff)
		if b != nil {
			genOr(b, t)
		}
		b = t
	}
	if negate {
		genNot(b)
	}
	genAnd(b0, b)
	return b
}

// hostDirCmp applies a direction qualifier to a comparison at the source
// or destination offset.
func (c *compiler) hostDirCmp(dir parser.Dir, cmp func(off uint32) *block, srcOff, dstOff uint32) *block {
	switch dir {
	case parser.DirSrc:
		return cmp(srcOff)
	case parser.DirDst:
		return cmp(dstOff)
	case parser.DirAnd:
		b0 := cmp(srcOff)
		b1 := cmp(dstOff)
		genAnd(b0, b1)
		return b1
	case parser.DirDefault, parser.DirOr:
		b0 := cmp(srcOff)
		b1 := cmp(dstOff)
		genOr(b0, b1)
		return b1
	}
	c.checkDir80211(dir)
	c.fail("direction qualifier '%s' not valid here", dir)
	return nil
}

// host6 tests IPv6 addresses or prefixes.
func (c *compiler) host6(addrs []netip.Addr, masklen int, proto parser.Proto, dir parser.Dir, desc string) *block {
	switch proto {
	case parser.ProtoDefault, parser.ProtoIPv6:
		return c.hostop6(addrs, masklen, dir)
	case parser.ProtoLink:
		c.fail("'link' is not a valid qualifier for '%s'", desc)
	}
	c.fail("'%s' is not a valid qualifier for '%s'", proto, desc)
	return nil
}

func (c *compiler) hostop6(addrs []netip.Addr, masklen int, dir parser.Dir) *block {
	c.checkDir80211(dir)
	b0 := c.linktypeCheck(etherTypeIPv6)
	var mask [16]byte
	for i := 0; i < masklen && i < 128; i++ {
		mask[i/8] |= 0x80 >> (i % 8)
	}
	var b *block
	for _, a := range addrs {
		a16 := a.As16()
		t := c.hostDirCmp(dir, func(off uint32) *block {
			return c.cmp6(off, a16, mask)
		}, 8, 24)
		if b != nil {
			genOr(b, t)
		}
		b = t
	}
	genAnd(b0, b)
	return b
}

// cmp6 compares a 128-bit address under a mask, word by word.
func (c *compiler) cmp6(off uint32, a, m [16]byte) *block {
	word := func(p [16]byte, i int) uint32 {
		return uint32(p[4*i])<<24 | uint32(p[4*i+1])<<16 | uint32(p[4*i+2])<<8 | uint32(p[4*i+3])
	}
	b1 := c.mcmp(orLinkPL, off+12, SizeW, word(a, 3), word(m, 3))
	for i := 2; i >= 0; i-- {
		b0 := c.mcmp(orLinkPL, off+uint32(4*i), SizeW, word(a, i), word(m, i))
		genAnd(b0, b1)
	}
	return b1
}

// atoin parses a dotted IPv4 number with 1 to 4 parts as libpcap's
// __pcap_atoin: it returns the value (left in the low bits) and the number
// of bits given, or -1.
func atoin(s string) (uint32, int) {
	var v uint32
	parts := 0
	for {
		p, rest, more := strings.Cut(s, ".")
		if parts++; parts > 4 {
			return 0, -1
		}
		n, err := strconv.ParseUint(p, 10, 32)
		if err != nil || n > 255 {
			return 0, -1
		}
		v = v<<8 | uint32(n)
		if !more {
			return v, 8 * parts
		}
		s = rest
	}
}

// ncode handles a numeric ID: a plain number (hid false) or a dotted IPv4
// number (hid true).
func (c *compiler) ncode(text string, v uint32, q parser.Qual, hid bool) *block {
	proto, dir := q.Proto, q.Dir
	vlen := 32
	if hid {
		if proto == parser.ProtoDECnet {
			a, ok := atodn(text)
			if !ok {
				c.fail("invalid DECnet address '%s'", text)
			}
			v = a
		} else {
			var n int
			v, n = atoin(text)
			if n < 0 {
				c.fail("invalid IPv4 address '%s'", text)
			}
			vlen = n
		}
	} else if proto == parser.ProtoDECnet {
		c.fail("invalid DECnet address '%d'", v)
	}
	switch q.Addr {
	case parser.AddrDefault, parser.AddrHost, parser.AddrNet:
		if proto == parser.ProtoDECnet {
			if q.Addr == parser.AddrNet {
				c.fail("'decnet' is not a valid qualifier for 'net'")
			}
			return c.dnHost(v, dir)
		}
		if proto == parser.ProtoLink {
			lit := text
			if !hid {
				lit = strconv.FormatUint(uint64(v), 10)
			}
			c.fail("illegal link-layer address '%s'", lit)
		}
		mask := uint32(0xffffffff)
		if !hid && q.Addr == parser.AddrNet {
			for v != 0 && v&0xff000000 == 0 {
				v <<= 8
				mask <<= 8
			}
		} else {
			v <<= uint(32 - vlen)
			mask <<= uint(32 - vlen)
		}
		desc := descHost4
		if q.Addr == parser.AddrNet {
			desc = descNet4
		}
		if !hostProtoOK(proto) && proto != parser.ProtoLink {
			c.fail("'%s' is not a valid qualifier for '%s'", proto, desc)
		}
		return c.host4([]uint32{v}, mask, proto, dir, desc)
	case parser.AddrPort, parser.AddrPortrange:
		ipproto := c.portProto(proto, q.Addr.String())
		c.checkPortDir(dir, q.Addr.String())
		if v > 65535 {
			c.fail("port number %d greater than maximum 65535", v)
		}
		return c.portBoth(v, v, ipproto, dir, q.Addr == parser.AddrPortrange)
	case parser.AddrGateway:
		lit := text
		if !hid {
			lit = strconv.FormatUint(uint64(v), 10)
		}
		c.fail("'gateway' is not a valid qualifier for '%s'", lit)
	case parser.AddrProto:
		return c.protoQual(v, proto, dir)
	case parser.AddrProtochain:
		return c.protochain(v, proto)
	}
	c.failKind(parser.KindSyntax, "can't parse filter expression: syntax error")
	return nil
}

// mcode handles "A.B.C.D/len" and "A.B.C.D mask M.M.M.M".
func (c *compiler) mcode(s1, s2 string, masklen uint32, isLen bool, q parser.Qual) *block {
	lit := s1 + "/" + strconv.FormatUint(uint64(masklen), 10)
	if !isLen {
		lit = s1 + " mask " + s2
	}
	n, nlen := atoin(s1)
	if nlen < 0 {
		c.fail("invalid IPv4 address '%s'", s1)
	}
	n <<= uint(32 - nlen)
	var m uint32
	if !isLen {
		mv, mlen := atoin(s2)
		if mlen < 0 {
			c.fail("invalid IPv4 address '%s'", s2)
		}
		m = mv << uint(32-mlen)
	} else {
		if masklen > 32 {
			c.fail("netmask length %d greater than maximum 32", masklen)
		}
		if masklen == 0 {
			m = 0
		} else {
			m = 0xffffffff << (32 - masklen)
		}
	}
	if n&^m != 0 {
		c.fail("non-network bits set in \"%s\"", lit)
	}
	switch q.Addr {
	case parser.AddrNet:
		if !hostProtoOK(q.Proto) {
			c.fail("'%s' is not a valid qualifier for '%s'", q.Proto, descNet4Pfx)
		}
		return c.host4([]uint32{n}, m, q.Proto, q.Dir, descNet4Pfx)
	case parser.AddrDefault, parser.AddrHost, parser.AddrGateway:
		c.fail("'%s' is not a valid qualifier for '%s'", addrWord(q.Addr), lit)
	}
	c.fail("'%s' is not a valid qualifier for '%s'", q.Addr, lit)
	return nil
}

func addrWord(a parser.Addr) string {
	if a == parser.AddrDefault {
		return "host"
	}
	return a.String()
}

// mcode6 handles an IPv6 address, with or without "/len".
func (c *compiler) mcode6(s string, masklen uint32, q parser.Qual, isLen bool) *block {
	lit := s
	if isLen {
		lit = s + "/" + strconv.FormatUint(uint64(masklen), 10)
	}
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is6() || a.Zone() != "" {
		c.fail("invalid IPv6 address %s", s)
	}
	if masklen > 128 {
		c.fail("mask length must be <= 128")
	}
	if isLen {
		pfx := netip.PrefixFrom(a, int(masklen))
		if pfx.Masked().Addr() != a {
			c.fail("non-network bits set in \"%s\"", lit)
		}
	}
	switch q.Addr {
	case parser.AddrDefault, parser.AddrHost:
		if masklen != 128 {
			c.fail("'host' is not a valid qualifier for '%s'", lit)
		}
		return c.host6([]netip.Addr{a}, 128, q.Proto, q.Dir, descHost6)
	case parser.AddrNet:
		return c.host6([]netip.Addr{a}, int(masklen), q.Proto, q.Dir, descNet6)
	case parser.AddrGateway:
		c.fail("'gateway' is not a valid qualifier for '%s'", lit)
	}
	c.fail("'%s' is not a valid qualifier for '%s'", q.Addr, lit)
	return nil
}

// hostName resolves a host name and tests all its addresses.
func (c *compiler) hostName(name string, q parser.Qual) *block {
	proto, dir := q.Proto, q.Dir
	switch proto {
	case parser.ProtoDefault, parser.ProtoIP, parser.ProtoARP, parser.ProtoRARP, parser.ProtoIPv6:
	default:
		c.fail("'%s' is not a valid qualifier for '%s'", proto, descHostName)
	}
	c.checkDir80211(dir)
	addrs, _ := c.resolver.LookupHost(name)
	var v4 []uint32
	var v6 []netip.Addr
	for _, a := range addrs {
		a = a.Unmap()
		if a.Is4() {
			b := a.As4()
			v4 = append(v4, uint32(b[0])<<24|uint32(b[1])<<16|uint32(b[2])<<8|uint32(b[3]))
		} else if a.Is6() {
			v6 = append(v6, a)
		}
	}
	tproto, tproto6 := proto, proto
	if c.offLinkType.constPart == offsetNotSet && proto == parser.ProtoDefault {
		tproto, tproto6 = parser.ProtoIP, parser.ProtoIPv6
	}
	if tproto == parser.ProtoIPv6 {
		v4 = nil
	}
	if tproto6 == parser.ProtoIP || tproto6 == parser.ProtoARP || tproto6 == parser.ProtoRARP {
		v6 = nil
	}
	if len(v4) == 0 && len(v6) == 0 {
		if len(addrs) == 0 {
			c.fail("unknown host '%s'", name)
		}
		c.fail("unknown host '%s' for specified address family", name)
	}
	var b *block
	if len(v4) > 0 {
		b = c.host4(v4, 0xffffffff, tproto, dir, descHostName)
	}
	if len(v6) > 0 {
		t := c.host6(v6, 128, tproto6, dir, descHostName)
		if b != nil {
			genOr(b, t)
		}
		b = t
	}
	return b
}

// netName resolves a network name from networks(5).
func (c *compiler) netName(name string, q parser.Qual) *block {
	if !hostProtoOK(q.Proto) {
		if q.Proto == parser.ProtoDECnet {
			c.fail("'decnet' is not a valid qualifier for 'net'")
		}
		c.fail("'%s' is not a valid qualifier for '%s'", q.Proto, descNetName)
	}
	addr, ok := c.resolver.LookupNetwork(name)
	if !ok || addr == 0 {
		c.fail("unknown network '%s'", name)
	}
	mask := uint32(0xffffffff)
	for addr != 0 && addr&0xff000000 == 0 {
		addr <<= 8
		mask <<= 8
	}
	return c.host4([]uint32{addr}, mask, q.Proto, q.Dir, descNetName)
}
