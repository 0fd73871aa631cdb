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

// lookupPort resolves a service name as libpcap master does: the name is
// looked up for TCP and UDP whatever the protocol qualifier says (SCTP is
// never asked), and a qualifier that contradicts what the name was found
// for is an error ("udp port smtp" where smtp is TCP only).
func (c *compiler) lookupPort(name string, ipproto uint32) (int, uint32) {
	if n, err := strconv.ParseUint(name, 10, 32); err == nil {
		if n > 65535 {
			c.fail("port number %d greater than maximum 65535", n)
		}
		return int(n), ipproto
	}
	p, real, ok := c.anyService(name)
	if !ok {
		c.fail("unknown port '%s'", name)
	}
	return p, c.portQualCheck(ipproto, real, "port '%s' is %s", name)
}

// portQualCheck reconciles a port's protocol qualifier (ipproto) with the
// protocol its name was found for (real): a contradiction is an error,
// formatted from format, name and the protocol found; otherwise the
// qualifier wins, and with no qualifier the name's protocol stays.
func (c *compiler) portQualCheck(ipproto, real uint32, format, name string) uint32 {
	if ipproto == protoUndef {
		return real
	}
	if real != protoUndef && real != ipproto {
		c.fail(format, name, map[uint32]string{ipprotoTCP: "tcp", ipprotoUDP: "udp", ipprotoSCTP: "sctp"}[real])
	}
	return ipproto
}

// anyService looks a service name up for TCP and UDP and says which
// protocol it belongs to: TCP when it is known for TCP (protoUndef when
// UDP has the same port), else UDP.
func (c *compiler) anyService(name string) (int, uint32, bool) {
	t, tok := c.resolver.LookupService(name, "tcp")
	u, uok := c.resolver.LookupService(name, "udp")
	switch {
	case tok && uok && t == u:
		return t, protoUndef, true
	case tok:
		return t, ipprotoTCP, true
	case uok:
		return u, ipprotoUDP, true
	}
	return 0, 0, false
}

// lookupPortrange resolves "a-b" where each side is a number (decimal,
// octal or hex) or a name, as libpcap master's stringtoportrange. A number
// has no protocol; the range has its sides' protocol when they agree and
// none otherwise, and is then reconciled with the qualifier as for a port.
func (c *compiler) lookupPortrange(name string, ipproto uint32) (uint32, uint32, uint32) {
	i := strings.IndexByte(name, '-')
	switch {
	case i < 0:
		c.fail("port range '%s' contains no hyphen", name)
	case strings.IndexByte(name[i+1:], '-') >= 0:
		c.fail("port range '%s' contains more than one hyphen", name)
	case i == 0:
		c.fail("port range '%s' has no starting port", name)
	case i == len(name)-1:
		c.fail("port range '%s' has no ending port", name)
	}
	p1, r1 := c.rangePort(name[:i])
	p2, r2 := c.rangePort(name[i+1:])
	real := r1
	if r1 != r2 {
		real = protoUndef
	}
	real = c.portQualCheck(ipproto, real, "port in range '%s' is %s", name)
	for _, p := range []uint32{p1, p2} {
		if p > 65535 {
			c.fail("port number %d greater than maximum 65535", p)
		}
	}
	if p1 > p2 {
		p1, p2 = p2, p1
	}
	return p1, p2, real
}

// rangePort resolves one side of a port range: a number, else a service
// name.
func (c *compiler) rangePort(s string) (uint32, uint32) {
	if n, ok := c.portNumber(s); ok {
		return n, protoUndef
	}
	// A string of decimal digits that is not a valid octal number ("08")
	// goes to the C library's service lookup, which reads it as a
	// decimal port number for TCP and UDP alike.
	if n, err := strconv.ParseUint(s, 10, 32); err == nil {
		return uint32(n), protoUndef
	}
	p, real, ok := c.anyService(s)
	if !ok {
		c.fail("'%s' is not a valid port", s)
	}
	return uint32(p), real
}

// portNumber converts s if it is a number as libpcap's stoulen reads one:
// 0x and hex digits, 0 and octal digits, or decimal digits. Anything else
// is not a number (and may be a service name); a number that does not fit
// in 32 bits is an error.
func (c *compiler) portNumber(s string) (uint32, bool) {
	base, digits, kind := uint64(10), s, "decimal"
	switch {
	case len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		base, digits, kind = 16, s[2:], "hexadecimal"
	case len(s) >= 1 && s[0] == '0':
		base, digits, kind = 8, s[1:], "octal"
	}
	var n uint64
	for _, ch := range []byte(digits) {
		var d uint64
		switch {
		case '0' <= ch && ch <= '9':
			d = uint64(ch - '0')
		case 'a' <= ch && ch <= 'f':
			d = uint64(ch-'a') + 10
		case 'A' <= ch && ch <= 'F':
			d = uint64(ch-'A') + 10
		default:
			return 0, false
		}
		if d >= base {
			return 0, false
		}
		n = n*base + d
		if n > 0xffffffff {
			// libpcap reports the overflow when it happens, before
			// looking at the remaining digits.
			c.fail("%s number %s overflows 32 bits", kind, s)
		}
	}
	return uint32(n), true
}
