package printer

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

// dhcp6StatusCodes names the status codes (dh6opt_stcode_str).
var dhcp6StatusCodes = map[uint16]string{
	0: "Success", 1: "UnspecFail", 2: "NoAddrsAvail", 3: "NoBinding", 4: "NotOnLink",
	5: "UseMulticast", 6: "NoPrefixAvail", 7: "UnknownQueryType", 8: "MalformedQuery",
	9: "NotConfigured", 10: "NotAllowed",
}

func dhcp6OptName(t uint16) string {
	return mapName(dhcp6OptNames, t, sprintf("opt_%d", t))
}

// dhcp6 prints a DHCPv6 message of the given length; its options with
// -v. b is what was captured of it (tcpdump's snapend); the options end
// where the message or the capture does, whichever is first.
func (p *Printer) dhcp6(b []byte, length int) {
	p.print("dhcp6")
	r := p.reader("dhcp6", b)
	r.label(func() {
		r.check(0, 4)
		p.dhcp6Body(r, b, min(max(length, 0), len(b)))
	})
}

// dhcp6Body prints a DHCPv6 message from its type on; ep is where its
// options end.
func (p *Printer) dhcp6Body(r reader, b []byte, ep int) {
	typ := r.u8(0)
	name := mapName(dhcp6MsgTypes, typ, sprintf("msgtype-%d", typ))
	if p.o.Verbose == 0 {
		p.printf(" %s", name)
		return
	}
	p.printf(" %s (", name)
	if typ != 12 && typ != 13 {
		p.printf("xid=%x", r.be32(0)&0xffffff)
		p.dhcp6Opts(b, 4, ep)
	} else {
		p.printf("linkaddr=%s", p.host(addr16(r.bytes(2, 16))))
		p.printf(" peeraddr=%s", p.host(addr16(r.bytes(18, 16))))
		p.dhcp6Opts(b, 34, ep)
	}
	p.print(")")
}

// dhcp6Opts prints the DHCPv6 options in b from off to ep
// (dhcp6opt_print); an option running past ep ends the list with
// " [|dhcp6]", and the caller goes on.
func (p *Printer) dhcp6Opts(b []byte, off, ep int) {
	r := p.reader("dhcp6", b)
	p.label("dhcp6", func() {
		for off < ep {
			if ep < off+4 {
				gotoTrunc()
			}
			l := int(r.be16(off + 2))
			if ep < off+4+l {
				gotoTrunc()
			}
			typ := r.be16(off)
			p.printf(" (%s", dhcp6OptName(typ))
			r.check(off+4, l)
			p.dhcp6Opt(r, typ, off+4, l)
			off += 4 + l
		}
	})
}

// dhcp6Hex prints the bytes of v from i up to end in hex.
func (p *Printer) dhcp6Hex(v []byte, i, end int) {
	for ; i < end; i++ {
		p.printf("%02x", v[i])
	}
}

// dhcp6Opt prints the value of one option, at off in r's bytes and l
// long (all of it captured), and the closing parenthesis.
func (p *Printer) dhcp6Opt(r reader, typ uint16, off, l int) {
	b := r.b
	v := b[off : off+l]
	bad := func() { p.print(" ?)") }
	switch typ {
	case 1, 2: // client-ID, server-ID: a DUID
		if l < 2 {
			bad()
			return
		}
		switch be16(v, 0) {
		case 1:
			if l < 8 {
				bad()
				return
			}
			p.printf(" hwaddr/time type %d time %d ", be16(v, 2), be32(v, 4))
			p.dhcp6Hex(v, 8, l)
			p.print(")")
		case 2:
			if l < 10 {
				bad()
				return
			}
			p.print(" vid ")
			p.dhcp6Hex(v, 2, 10)
			p.print(")")
		case 3:
			if l < 4 {
				bad()
				return
			}
			p.printf(" hwaddr type %d ", be16(v, 2))
			p.dhcp6Hex(v, 4, l)
			p.print(")")
		default:
			p.printf(" type %d)", be16(v, 0))
		}
	case 5: // IA_ADDR
		if l < 24 {
			bad()
			return
		}
		p.printf(" %s pltime:%d vltime:%d", p.host(addr16(v)), be32(v, 16), be32(v, 20))
		if l > 24 {
			p.dhcp6Opts(b, off+24, off+l)
		}
		p.print(")")
	case 6, 43: // option-request, echo-request
		if l%2 != 0 {
			bad()
			return
		}
		for i := 0; i < l; i += 2 {
			p.printf(" %s", dhcp6OptName(be16(v, i)))
		}
		p.print(")")
	case 7:
		if l != 1 {
			bad()
			return
		}
		p.printf(" %d)", v[0])
	case 8:
		if l != 2 {
			bad()
			return
		}
		p.printf(" %d)", be16(v, 0))
	case 9: // relay-message: a whole message, the capture ending with it
		p.print(" (")
		p.dhcp6(b[off:min(off+l, len(b))], l)
		p.announce("dhcp6")
		p.print(")")
	case 11:
		p.dhcp6Auth(v)
	case 14, 20:
		p.print(")")
	case 18, 38: // interface-ID, subscriber-ID: ten bytes at most
		p.print(" ")
		p.dhcp6Hex(v, 0, min(l, 10))
		p.print("...)")
	case 19:
		if l != 1 {
			bad()
			return
		}
		switch v[0] {
		case 5:
			p.print(" for renew)")
		case 11:
			p.print(" for inf-req)")
		default:
			p.printf(" for ???(%02x))", v[0])
		}
	case 22, 23, 31, 27, 28, 34, 40, 48: // lists of addresses
		if l%16 != 0 {
			bad()
			return
		}
		for i := 0; i < l; i += 16 {
			p.printf(" %s", p.host(addr16(v[i:])))
		}
		p.print(")")
	case 21, 24: // lists of names, in DNS form, pointers and all
		d := &dnsMsg{p: p, r: r, m: b}
		for at, end := off, off+l; at < end; {
			p.print(" ")
			if at = d.name(at, end); at < 0 {
				gotoTrunc()
			}
		}
		p.print(")")
	case 13:
		if l < 2 {
			bad()
			return
		}
		c := be16(v, 0)
		if c > 255 {
			p.print(" INVALID code)")
			return
		}
		p.printf(" %s)", mapName(dhcp6StatusCodes, c, sprintf("code%d", c)))
	case 3, 25: // IA_NA, IA_PD
		if l < 12 {
			bad()
			return
		}
		p.printf(" IAID:%d T1:%d T2:%d", be32(v, 0), be32(v, 4), be32(v, 8))
		if l > 12 {
			p.dhcp6Opts(b, off+12, off+l)
		}
		p.print(")")
	case 4: // IA_TA
		if l < 4 {
			bad()
			return
		}
		p.printf(" IAID:%d", be32(v, 0))
		if l > 4 {
			p.dhcp6Opts(b, off+4, off+l)
		}
		p.print(")")
	case 26: // IA_PD-prefix
		if l < 25 {
			bad()
			return
		}
		p.printf(" %s/%d pltime:%d vltime:%d", p.host(addr16(v[9:])), v[8], be32(v, 0), be32(v, 4))
		if l > 25 {
			p.dhcp6Opts(b, off+25, off+l)
		}
		p.print(")")
	case 32, 46:
		if l != 4 {
			bad()
			return
		}
		p.printf(" %d)", be32(v, 0))
	case 37: // Remote-ID
		if l < 4 {
			bad()
			return
		}
		p.printf(" %d ", be32(v, 0))
		p.dhcp6Hex(v, 4, min(l, 14))
		p.print("...)")
	case 44: // Lease-query
		if l < 17 {
			bad()
			return
		}
		switch v[0] {
		case 1:
			p.print(" by-address")
		case 2:
			p.print(" by-clientID")
		default:
			p.printf(" type_%d", v[0])
		}
		p.printf(" %s", p.host(addr16(v[1:])))
		if l > 17 {
			p.dhcp6Opts(b, off+17, off+l)
		}
		p.print(")")
	case 45: // LQ-client-data
		if l > 0 {
			p.dhcp6Opts(b, off, off+l)
		}
		p.print(")")
	case 47: // LQ-relay-data
		if l < 16 {
			bad()
			return
		}
		p.printf(" %s ", p.host(addr16(v)))
		p.dhcp6Hex(v, 16, min(l, 26))
		p.print("...)")
	case 56:
		p.dhcp6NTP(r, off, l)
	case 64: // AFTR-Name: labels without the final root
		if l < 3 {
			bad()
			return
		}
		p.print(" ")
		for at, rem := 0, l; rem > 0 && v[at] != 0; {
			n := int(v[at])
			at++
			if n >= rem-1 {
				p.print(" ?")
				break
			}
			p.dhcp6Text(v[at : at+n])
			at += n
			rem -= n + 1
			if v[at] != 0 {
				p.print(".")
			}
		}
		p.print(")")
	case 41, 42, 112: // time zones, MUD URL: text
		if l < 5 {
			bad()
			return
		}
		p.print(" ")
		p.dhcp6Text(v)
		p.print(")")
	default:
		p.print(")")
	}
}

// dhcp6Text prints v up to its first NUL (nd_printjnp).
func (p *Printer) dhcp6Text(v []byte) {
	for _, c := range v {
		if c == 0 {
			return
		}
		p.printChar(c)
	}
}

// dhcp6Auth prints an authentication option.
func (p *Printer) dhcp6Auth(v []byte) {
	l := len(v)
	if l < 11 {
		p.print(" ?)")
		return
	}
	proto, alg, rdm := v[0], v[1], v[2]
	switch proto {
	case 2:
		p.print(" proto: delayed")
	case 3:
		p.print(" proto: reconfigure")
	default:
		p.printf(" proto: %d", proto)
	}
	if alg == 1 {
		p.print(", alg: HMAC-MD5")
	} else {
		p.printf(", alg: %d", alg)
	}
	if rdm == 0 {
		p.print(", RDM: mono")
	} else {
		p.printf(", RDM: %d", rdm)
	}
	p.print(", RD:")
	for i := 0; i < 4; i++ {
		p.printf(" %04x", be16(v, 3+2*i))
	}
	at := 11
	info := l - 11
	// Reads past the option are tcpdump's unchecked reads: they end
	// the packet where the capture ends.
	r := p.reader("dhcp6", v)
	switch proto {
	case 2:
		if info == 0 {
			break
		}
		if info < 20 {
			p.print(" ??")
			break
		}
		if realm := info - 20; realm > 0 {
			p.print(", realm: ")
			p.dhcp6Hex(v, at, at+realm)
			at += realm
		}
		p.printf(", key ID: %08x", r.be32(at))
		at += 4
		p.print(", HMAC-MD5:")
		for i := 0; i < 4; i++ {
			p.printf(" %08x", r.be32(at+4*i))
		}
	case 3:
		if info != 17 {
			p.print(" ??")
			break
		}
		switch v[at] {
		case 1:
			p.print(" reconfig-key")
		case 2:
			p.print(" type: HMAC-MD5")
		default:
			p.print(" type: ??")
		}
		at++
		p.print(" value:")
		for i := 0; i < 4; i++ {
			p.printf(" %08x", be32(v, at+4*i))
		}
	default:
		p.print(" ??")
	}
	p.print(")")
}

// dhcp6NTP prints an NTP-server option's suboptions; one running past
// the option ends the list (tcpdump's "goto trunc").
func (p *Printer) dhcp6NTP(r reader, off, l int) {
	if l < 4 {
		p.print(" ?)")
		return
	}
	end := off + l
	for at := off; at < end-4; {
		code, sl := r.be16(at), int(r.be16(at+2))
		at += 4
		if at+sl > end {
			gotoTrunc()
		}
		p.printf(" subopt:%d", code)
		switch code {
		case 1, 2:
			if sl != 16 {
				p.print(" ?")
				break
			}
			p.printf(" %s", p.host(addr16(r.bytes(at, 16))))
		case 3:
			p.print(" ")
			d := &dnsMsg{p: p, r: r, m: r.b}
			if d.name(at, at+sl) < 0 {
				gotoTrunc()
			}
		default:
			p.print(" ?")
		}
		at += sl
	}
	p.print(")")
}
