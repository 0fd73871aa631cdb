package cbpf

import (
	"strconv"
	"strings"

	"github.com/gocap/gocap/parser"
)

// IP protocol numbers.
const (
	ipprotoHopOpts  = 0
	ipprotoICMP     = 1
	ipprotoIGMP     = 2
	ipprotoTCP      = 6
	ipprotoUDP      = 17
	ipprotoRouting  = 43
	ipprotoFragment = 44
	ipprotoESP      = 50
	ipprotoAH       = 51
	ipprotoICMPv6   = 58
	ipprotoNone     = 59
	ipprotoDstOpts  = 60
	ipprotoPIM      = 103
	ipprotoVRRP     = 112
	ipprotoSCTP     = 132

	// protoUndef means "TCP, UDP or SCTP" for ports.
	protoUndef = 0xffffffff
)

// portProto maps the protocol qualifier of a port primitive to an IP
// protocol number.
func (c *compiler) portProto(p parser.Proto, what string) uint32 {
	switch p {
	case parser.ProtoTCP:
		return ipprotoTCP
	case parser.ProtoUDP:
		return ipprotoUDP
	case parser.ProtoSCTP:
		return ipprotoSCTP
	case parser.ProtoDefault:
		return protoUndef
	}
	c.fail("'%s' is not a valid qualifier for '%s'", p, what)
	return 0
}

func (c *compiler) checkPortDir(d parser.Dir, what string) {
	switch d {
	case parser.DirAddr1, parser.DirAddr2, parser.DirAddr3, parser.DirAddr4, parser.DirRA, parser.DirTA:
		c.fail("'%s' is not a valid qualifier for '%s'", d, what)
	}
}

// portBoth tests a port (or range) over IPv6 and IPv4, IPv6 first as
// libpcap master lays it out.
func (c *compiler) portBoth(lo, hi, ipproto uint32, dir parser.Dir, isRange bool) *block {
	b := c.portIP(lo, hi, ipproto, dir, isRange, false)
	b6 := c.portIP(lo, hi, ipproto, dir, isRange, true)
	genOr(b6, b)
	return b
}

// portIP: link type, then transport protocol(s), then (IPv4) not a later
// fragment, then the port fields.
func (c *compiler) portIP(lo, hi, ipproto uint32, dir parser.Dir, isRange, v6 bool) *block {
	protoOff := uint32(9)
	rel := orTranIPv4
	llProto := uint32(etherTypeIP)
	if v6 {
		protoOff = 6
		rel = orTranIPv6
		llProto = etherTypeIPv6
	}
	// The protocol tests are made before the link type check, which
	// decides which scratch registers variable offsets get.
	var b1 *block
	if ipproto == protoUndef {
		b1 = c.cmp(orLinkPL, protoOff, SizeB, ipprotoTCP)
		t := c.cmp(orLinkPL, protoOff, SizeB, ipprotoUDP)
		genOr(b1, t)
		b1 = t
		t = c.cmp(orLinkPL, protoOff, SizeB, ipprotoSCTP)
		genOr(b1, t)
		b1 = t
	} else {
		b1 = c.cmp(orLinkPL, protoOff, SizeB, ipproto)
	}
	b0 := c.linktypeCheck(llProto)
	genAnd(b0, b1)
	if !v6 {
		f := c.ipFrag()
		genAnd(b1, f)
		b1 = f
	}
	atom := func(off uint32) *block {
		if !isRange || lo == hi {
			return c.cmp(rel, off, SizeH, lo)
		}
		g := c.cmpGE(rel, off, SizeH, lo)
		l := c.cmpLE(rel, off, SizeH, hi)
		genAnd(g, l)
		return l
	}
	p := c.hostDirCmp(dir, atom, 0, 2)
	genAnd(b1, p)
	return p
}

// ipFrag is true for an IPv4 packet that is not a later fragment.
func (c *compiler) ipFrag() *block {
	b := c.newBlock(ClassJMP|JumpJSET|SrcK, 0x1fff)
	b.stmts = c.loadA(orLinkPL, 6, SizeH)
	genNot(b)
	return b
}

// lookupPort resolves a service name.
func (c *compiler) lookupPort(name string, ipproto uint32) (int, uint32) {
	if n, err := strconv.ParseUint(name, 10, 32); err == nil {
		if n > 65535 {
			c.fail("port number %d greater than maximum 65535", n)
		}
		return int(n), ipproto
	}
	switch ipproto {
	case ipprotoTCP, ipprotoUDP, ipprotoSCTP:
		pn := map[uint32]string{ipprotoTCP: "tcp", ipprotoUDP: "udp", ipprotoSCTP: "sctp"}[ipproto]
		if p, ok := c.resolver.LookupService(name, pn); ok {
			return p, ipproto
		}
		// libpcap accepts a name known for another protocol too.
		if p, real, ok := c.anyService(name); ok {
			_ = real
			return p, ipproto
		}
		c.fail("unknown port '%s'", name)
	}
	p, real, ok := c.anyService(name)
	if !ok {
		c.fail("unknown port '%s'", name)
	}
	return p, real
}

// anyService looks a service name up for TCP and UDP (then SCTP) and
// says which protocol it belongs to: protoUndef when TCP and UDP agree.
func (c *compiler) anyService(name string) (int, uint32, bool) {
	t, tok := c.resolver.LookupService(name, "tcp")
	u, uok := c.resolver.LookupService(name, "udp")
	switch {
	case tok && uok:
		if t == u {
			return t, protoUndef, true
		}
		return t, ipprotoTCP, true
	case tok:
		return t, ipprotoTCP, true
	case uok:
		return u, ipprotoUDP, true
	}
	if s, ok := c.resolver.LookupService(name, "sctp"); ok {
		return s, ipprotoSCTP, true
	}
	return 0, 0, false
}

// lookupPortrange resolves "a-b" where each side is a number or a name.
func (c *compiler) lookupPortrange(name string, ipproto uint32) (uint32, uint32, uint32) {
	i := strings.IndexByte(name, '-')
	if i < 0 {
		p, real := c.lookupPort(name, ipproto)
		return uint32(p), uint32(p), real
	}
	// The range's protocol is the one asked for, whatever each name
	// resolved to.
	p1, _ := c.lookupPort(name[:i], ipproto)
	p2, _ := c.lookupPort(name[i+1:], ipproto)
	lo, hi := uint32(p1), uint32(p2)
	if lo > hi {
		lo, hi = hi, lo
	}
	return lo, hi, ipproto
}
