package cbpf

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/gocap/gocap/parser"
)

// ehostop compares a MAC-48 address with the Ethernet source and/or
// destination.
func (c *compiler) ehostop(eaddr []byte, dir parser.Dir) *block {
	switch dir {
	case parser.DirSrc:
		return c.bcmp(orLinkHdr, 6, eaddr)
	case parser.DirDst:
		return c.bcmp(orLinkHdr, 0, eaddr)
	case parser.DirAnd:
		b0 := c.bcmp(orLinkHdr, 6, eaddr)
		b1 := c.bcmp(orLinkHdr, 0, eaddr)
		genAnd(b0, b1)
		return b1
	case parser.DirDefault, parser.DirOr:
		b0 := c.bcmp(orLinkHdr, 6, eaddr)
		b1 := c.bcmp(orLinkHdr, 0, eaddr)
		genOr(b0, b1)
		return b1
	}
	c.checkDir80211(dir)
	c.fail("'%s' is not a valid qualifier for Ethernet addresses", dir)
	return nil
}

// etherHost tests a MAC-48 address on the link layer.
func (c *compiler) etherHost(mac []byte, dir parser.Dir, what string) *block {
	if isWLAN(c.linktype) {
		return c.wlanHostop(mac, dir)
	}
	switch c.linktype {
	case LinkEN10MB:
		tmp := c.prevLinkHdrCheck()
		b := c.ehostop(mac, dir)
		if tmp != nil {
			genAnd(tmp, b)
		}
		return b
	}
	if b := c.otherMACHost(mac, dir); b != nil {
		return b
	}
	c.failLink("'link host %s' not supported on DLT_%s", what, c.linktype)
	return nil
}

// parseMAC reads the MAC-48 forms libpcap accepts: groups separated by
// ':', '.' or '-' (1 or 2 hex digits each), "xxxx.xxxx.xxxx", or 12 hex
// digits.
func parseMAC(s string) ([]byte, bool) {
	hexv := func(t string) (uint64, bool) {
		if t == "" {
			return 0, false
		}
		v, err := strconv.ParseUint(t, 16, 64)
		return v, err == nil
	}
	var out []byte
	switch {
	case strings.ContainsAny(s, ":-") || strings.Count(s, ".") == 5:
		// One separator throughout, and no empty group.
		sep := s[strings.IndexAny(s, ":-.")]
		parts := strings.Split(s, string(sep))
		if len(parts) != 6 {
			return nil, false
		}
		for _, p := range parts {
			if len(p) > 2 {
				return nil, false
			}
			v, ok := hexv(p)
			if !ok {
				return nil, false
			}
			out = append(out, byte(v))
		}
	case strings.Count(s, ".") == 2:
		parts := strings.Split(s, ".")
		for _, p := range parts {
			if len(p) != 4 {
				return nil, false
			}
			v, ok := hexv(p)
			if !ok {
				return nil, false
			}
			out = append(out, byte(v>>8), byte(v))
		}
	case len(s) == 12:
		v, ok := hexv(s)
		if !ok {
			return nil, false
		}
		for i := 5; i >= 0; i-- {
			out = append(out, byte(v>>(8*uint(i))))
		}
	default:
		return nil, false
	}
	return out, true
}

// ecode handles a MAC-48 address ID.
func (c *compiler) ecode(s string, q parser.Qual) *block {
	if (q.Addr == parser.AddrHost || q.Addr == parser.AddrDefault) && q.Proto == parser.ProtoLink {
		mac, ok := parseMAC(s)
		if !ok {
			c.fail("invalid Ethernet address")
		}
		return c.etherHost(mac, q.Dir, "XX:XX:XX:XX:XX:XX")
	}
	c.fail("Ethernet address used in non-ether expression")
	return nil
}

// acode handles a "$XX" (MAC-8) ID: only ARCNET and MS/TP have those.
func (c *compiler) acode(s string, q parser.Qual) *block {
	if q.Addr == parser.AddrGateway {
		c.fail("'gateway' is not a valid qualifier for '$XX'")
	}
	if q.Proto != parser.ProtoLink {
		c.fail("'link' is the only valid proto qualifier for 'host $XX'")
	}
	if q.Addr != parser.AddrHost && q.Addr != parser.AddrDefault {
		c.fail("'%s' is not a valid qualifier for '$XX'", q.Addr)
	}
	addr, ok := parseMAC8(s)
	if !ok {
		c.fail("invalid MAC-8 address '%s'", s)
	}
	return c.mac8Host(addr, q.Dir)
}

// etherHostName is "link host NAME" with a name from ethers(5).
func (c *compiler) etherHostName(name string, dir parser.Dir) *block {
	if !c.hasMAC48() && !isWLAN(c.linktype) {
		c.failLink("'link host NAME' not supported on DLT_%s", c.linktype)
	}
	mac, ok := c.resolver.LookupEther(name)
	if !ok {
		c.fail("unknown Ethernet-like host '%s'", name)
	}
	return c.etherHost(mac[:], dir, "NAME")
}

// gateway is "gateway NAME": the Ethernet address is the host's, the IP
// address is not.
func (c *compiler) gateway(name string, q parser.Qual) *block {
	switch q.Proto {
	case parser.ProtoDefault, parser.ProtoIP, parser.ProtoARP, parser.ProtoRARP:
	default:
		c.fail("'%s' is not a valid qualifier for 'gateway'", q.Proto)
	}
	if c.labelStackDepth > 0 {
		c.fail("'gateway' cannot be used within MPLS")
	}
	if c.isGeneve || c.isVXLAN {
		c.fail("'gateway' cannot be used within VXLAN or Geneve")
	}
	if !c.hasMAC48() && !isWLAN(c.linktype) {
		c.failLink("'gateway' not supported on DLT_%s", c.linktype)
	}
	if q.Dir != parser.DirDefault {
		c.fail("'%s' is not a valid qualifier for 'gateway'", q.Dir)
	}
	mac, ok := c.resolver.LookupEther(name)
	if !ok {
		c.fail("unknown Ethernet-like host '%s'", name)
	}
	addrs, _ := c.resolver.LookupHost(name)
	var v4 []uint32
	for _, a := range addrs {
		a = a.Unmap()
		if a.Is4() {
			b := a.As4()
			v4 = append(v4, uint32(b[0])<<24|uint32(b[1])<<16|uint32(b[2])<<8|uint32(b[3]))
		}
	}
	if len(v4) == 0 {
		c.fail("unknown host '%s'", name)
	}
	b0 := c.etherHost(mac[:], parser.DirOr, "NAME")
	b1 := c.host4x(v4, 0xffffffff, q.Proto, parser.DirOr, descHostName, true)
	genAnd(b0, b1)
	return b1
}

var _ = netip.Addr{}

// atodn parses a DECnet address "AREA.NODE" (area 0-63, node 0-1023).
func atodn(s string) (uint32, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 2 {
		return 0, false
	}
	area, err1 := strconv.ParseUint(parts[0], 10, 32)
	node, err2 := strconv.ParseUint(parts[1], 10, 32)
	if err1 != nil || err2 != nil || area > 63 || node > 1023 {
		return 0, false
	}
	return uint32(area<<10 | node), true
}
