package printer

import "fmt"

var dhcp6MsgTypes = map[uint8]string{
	1: "solicit", 2: "advertise", 3: "request", 4: "confirm", 5: "renew", 6: "rebind", 7: "reply",
	8: "release", 9: "decline", 10: "reconfigure", 11: "inf-req", 12: "relay-fwd", 13: "relay-reply",
	14: "leasequery", 15: "leasequery-reply",
}

var dhcp6OptNames = map[uint16]string{
	1: "client-ID", 2: "server-ID", 3: "IA_NA", 4: "IA_TA", 5: "IA_ADDR", 6: "option-request",
	7: "preference", 8: "elapsed-time", 9: "relay-message", 11: "authentication",
	12: "server-unicast", 13: "status-code", 14: "rapid-commit", 15: "user-class",
	16: "vendor-class", 17: "vendor-specific-info", 18: "interface-ID", 19: "reconfigure-message",
	20: "reconfigure-accept", 21: "SIP-servers-domain", 22: "SIP-servers-address",
	23: "DNS-server", 24: "DNS-search-list", 25: "IA_PD", 26: "IA_PD-prefix", 27: "NIS-server",
	28: "NIS+-server", 29: "NIS-domain-name", 30: "NIS+-domain-name", 31: "SNTP-servers",
	32: "lifetime", 33: "BCMCS-domain-name", 34: "BCMCS-server", 36: "Geoconf-Civic",
	37: "Remote-ID", 38: "Subscriber-ID", 39: "Client-FQDN", 40: "PANA-agent",
	41: "POSIX-timezone", 42: "POSIX-tz-database", 43: "Echo-request-option", 44: "Lease-query",
	45: "LQ-client-data", 46: "Clt-time", 47: "LQ-relay-data", 48: "LQ-client-link",
	56: "NTP-server", 64: "AFTR-Name", 112: "MUD-URL",
}

var dhcp6StatusCodes = map[uint16]string{
	0: "success", 1: "unspec failure", 2: "no addresses", 3: "no binding", 4: "not on-link",
	5: "use multicast", 6: "no prefixes", 7: "unknown query type", 8: "malformed query",
	9: "not configured", 10: "not allowed",
}

func dhcp6OptName(t uint16) string {
	return mapName(dhcp6OptNames, t, fmt.Sprintf("opt_%d", t))
}

// dhcp6 prints a DHCPv6 message; its options with -v.
func (p *Printer) dhcp6(b []byte, length int) {
	p.print("dhcp6")
	r := p.reader("dhcp6", b)
	// The first check is against what was captured and goes to
	// tcpdump's local "trunc:" label (the line keeps the IP header's
	// -x dump); the options end where the message does.
	r.label(func() {
		r.check(0, 4)
		if length < len(b) {
			b = b[:max(length, 0)]
		}
		p.dhcp6Body(p.reader("dhcp6", b), b)
	})
}

// dhcp6Body prints a DHCPv6 message from its type on.
func (p *Printer) dhcp6Body(r reader, b []byte) {
	typ := r.u8(0)
	name := mapName(dhcp6MsgTypes, typ, fmt.Sprintf("msgtype-%d", typ))
	if p.o.Verbose == 0 {
		p.printf(" %s", name)
		return
	}
	p.printf(" %s (", name)
	if typ != 12 && typ != 13 {
		p.printf("xid=%x", r.be32(0)&0xffffff)
		p.dhcp6Opts(b[4:])
	} else {
		r.need(0, 34)
		p.printf("linkaddr=%s", p.host(addr16(b[2:])))
		p.printf(" peeraddr=%s", p.host(addr16(b[18:])))
		p.dhcp6Opts(b[34:])
	}
	p.print(")")
}

// dhcp6Opts prints a list of DHCPv6 options; b ends where the list does
// (or where the capture does).
func (p *Printer) dhcp6Opts(b []byte) {
	for len(b) > 0 {
		if len(b) < 4 {
			endPacket()
		}
		typ, l := be16(b, 0), int(be16(b, 2))
		if len(b) < 4+l {
			endPacket()
		}
		v := b[4 : 4+l]
		b = b[4+l:]
		p.printf(" (%s", dhcp6OptName(typ))
		bad := func() { p.print(" ?)") }
		// subOpts ends an option whose fixed part is n bytes: its
		// sub-options, if any, and the parenthesis.
		subOpts := func(n int) {
			if l > n {
				p.dhcp6Opts(v[n:])
			}
			p.print(")")
		}
		switch typ {
		case 1, 2:
			if l < 2 {
				bad()
				break
			}
			switch be16(v, 0) {
			case 1:
				if l < 8 {
					bad()
					break
				}
				p.printf(" hwaddr/time type %d time %d ", be16(v, 2), be32(v, 4))
				p.printf("%x)", v[8:])
			case 2:
				if l < 10 {
					bad()
					break
				}
				p.printf(" vid %x)", v[2:10])
			case 3:
				if l < 4 {
					bad()
					break
				}
				p.printf(" hwaddr type %d %x)", be16(v, 2), v[4:])
			default:
				p.printf(" type %d)", be16(v, 0))
			}
		case 5:
			if l < 24 {
				bad()
				break
			}
			p.printf(" %s pltime:%d vltime:%d", p.host(addr16(v)), be32(v, 16), be32(v, 20))
			subOpts(24)
		case 6, 43:
			if l%2 != 0 {
				bad()
				break
			}
			for i := 0; i < l; i += 2 {
				p.printf(" %s", dhcp6OptName(be16(v, i)))
			}
			p.print(")")
		case 7:
			if l != 1 {
				bad()
				break
			}
			p.printf(" %d)", v[0])
		case 8:
			if l != 2 {
				bad()
				break
			}
			p.printf(" %d)", be16(v, 0))
		case 9:
			p.print(" (")
			p.dhcp6(v, l)
			p.print(")")
		case 14, 20:
			p.print(")")
		case 18, 38:
			p.printf(" %x...)", v[:min(l, 10)])
		case 19:
			if l != 1 {
				bad()
				break
			}
			switch v[0] {
			case 5:
				p.print(" for renew)")
			case 11:
				p.print(" for inf-req)")
			default:
				p.printf(" for ???(%02x))", v[0])
			}
		case 22, 23, 31, 27, 28, 34, 40, 48:
			if l%16 != 0 {
				bad()
				break
			}
			for i := 0; i < l; i += 16 {
				p.printf(" %s", p.host(addr16(v[i:])))
			}
			p.print(")")
		case 21, 24:
			for rest := v; len(rest) > 0; {
				p.print(" ")
				rest = p.fqdn(rest)
			}
			p.print(")")
		case 13:
			if l < 2 {
				bad()
				break
			}
			c := be16(v, 0)
			p.printf(" %s)", mapName(dhcp6StatusCodes, c, fmt.Sprintf("code%d", c)))
		case 3, 25:
			if l < 12 {
				bad()
				break
			}
			p.printf(" IAID:%d T1:%d T2:%d", be32(v, 0), be32(v, 4), be32(v, 8))
			subOpts(12)
		case 4:
			if l < 4 {
				bad()
				break
			}
			p.printf(" IAID:%d", be32(v, 0))
			subOpts(4)
		case 26:
			if l < 25 {
				bad()
				break
			}
			p.printf(" %s/%d pltime:%d vltime:%d", p.host(addr16(v[9:])), v[8], be32(v, 0), be32(v, 4))
			subOpts(25)
		case 32, 46:
			if l != 4 {
				bad()
				break
			}
			p.printf(" %d)", be32(v, 0))
		case 37:
			if l < 4 {
				bad()
				break
			}
			p.printf(" %d %x...)", be32(v, 0), v[4:min(l, 14)])
		case 45:
			if l > 0 {
				p.dhcp6Opts(v)
			}
			p.print(")")
		default:
			p.print(")")
		}
	}
}

// fqdn prints one uncompressed domain name (a sequence of labels) and
// returns what follows it.
func (p *Printer) fqdn(b []byte) []byte {
	if len(b) > 0 && b[0] == 0 {
		p.print(".")
		return b[1:]
	}
	for len(b) > 0 {
		n := int(b[0])
		if n == 0 {
			return b[1:]
		}
		if n > 63 || len(b) < 1+n {
			endPacket()
		}
		p.printf("%s.", printableN(b[1:1+n]))
		b = b[1+n:]
	}
	return b
}
