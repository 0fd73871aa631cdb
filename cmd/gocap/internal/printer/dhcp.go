package printer

import ()

// dhcpOptions gives each DHCP/BOOTP option tcpdump's name, prefixed by the
// letter saying how its value is printed: i IPv4 addresses, l 32-bit
// numbers, L signed 32-bit numbers, s 16-bit numbers, b bytes, B
// booleans, a text, p address pairs, $ a format of its own, and a space
// for the options printed specially (PAD, END, DHCP message type).
var dhcpOptions = map[uint8]string{
	0: " PAD", 1: "iSubnet-Mask", 2: "LTime-Zone", 3: "iDefault-Gateway", 4: "iTime-Server",
	5: "iIEN-Name-Server", 6: "iDomain-Name-Server", 7: "iLOG", 8: "iCS", 9: "iLPR-Server",
	10: "iIM", 11: "iRL", 12: "aHostname", 13: "sBS", 255: " END", 14: "aDP", 15: "aDomain-Name",
	16: "iSS", 17: "aRP", 18: "aEP", 19: "BIPF", 20: "BSRT", 21: "pPF", 22: "sRSZ", 23: "bTTL",
	24: "lMTU-Timeout", 25: "sMTU-Table", 26: "sMTU", 27: "BLSN", 28: "iBR", 29: "BMD", 30: "BMS",
	31: "BRouter-Discovery", 32: "iRSA", 33: "pStatic-Route", 34: "BUT", 35: "lAT", 36: "BIE",
	37: "bTT", 38: "lKI", 39: "BKG", 40: "aYD", 41: "iYS", 42: "iNTP", 43: "bVendor-Option",
	44: "iNetbios-Name-Server", 45: "iWDD", 46: "$Netbios-Node", 47: "aNetbios-Scope",
	48: "iXFS", 49: "iXDM", 64: "sN+D", 65: "iN+S", 68: "iMH", 69: "iSMTP", 70: "iPOP3",
	71: "iNNTP", 72: "iWWW", 73: "iFG", 74: "iIRC", 75: "iSTS", 76: "iSTDA",
	50: "iRequested-IP", 51: "lLease-Time", 52: "$OO", 66: "aTFTP", 67: "aBF",
	53: " DHCP-Message", 54: "iServer-ID", 55: "bParameter-Request", 56: "aMSG", 57: "sMSZ",
	58: "lRN", 59: "lRB", 60: "aVendor-Class", 61: "$Client-ID", 98: "aUAP", 116: "BNOAUTO",
	78: "bSLP-DA", 79: "bSLP-SCOPE", 117: "sNSSEARCH", 77: "$User-Class", 118: "iSUBNET",
	121: "$Classless-Static-Route", 249: "$Classless-Static-Route-Microsoft",
	150: "iTFTP-Server-Address", 80: "aSLP-NA", 81: "$FQDN", 82: "$Agent-Information",
	83: "bARMT", 88: "aTZSTR", 89: "bFQDNS", 90: "bAUTH", 91: "LLast-Transaction-Time",
	92: "iAssociated-IP", 93: "sARCH", 94: "bNDI", 97: "bGUID", 95: "aLDAP",
	100: "aPOSIX-TZ", 101: "aTZ-Name", 112: "iNI", 113: "aNITAG", 114: "aURL",
	161: "aMUD-URL",
}

func dhcpOption(tag uint8) string {
	if s, ok := dhcpOptions[tag]; ok {
		return s
	}
	return "?Unknown"
}

var dhcpMessageTypes = map[uint8]string{
	1: "Discover", 2: "Offer", 3: "Request", 4: "Decline", 5: "ACK", 6: "NACK", 7: "Release",
	8: "Inform", 10: "LeaseQuery", 11: "LeaseUnassigned", 12: "LeaseUnknown", 13: "LeaseActive",
}

var netbiosNodeTypes = map[uint8]string{1: "b-node", 2: "p-node", 4: "m-node", 8: "h-node"}

var optOverload = map[uint8]string{1: "file", 2: "sname", 3: "file+sname"}

var dhcpHardwareTypes = map[uint8]string{1: "ether", 6: "ieee802", 7: "arcnet", 15: "frelay", 23: "strip", 24: "ieee1394"}

var agentSubOptions = map[uint8]string{1: "Circuit-ID", 2: "Remote-ID", 6: "Subscriber-ID"}

// bootp prints a BOOTP or DHCP message.
func (p *Printer) bootp(b []byte, length int) {
	r := p.reader("bootp", b)
	op := r.u8(0)
	switch op {
	case 1:
		p.print("BOOTP/DHCP, Request")
	case 2:
		p.print("BOOTP/DHCP, Reply")
	default:
		p.printf("BOOTP/DHCP, unknown (0x%02x)", op)
	}
	htype, hlen := r.u8(1), r.u8(2)
	if htype == 1 && hlen == 6 && op == 1 {
		r.need(0, 34)
		p.printf(" from %s", p.etherAddr(b[28:34]))
	}
	p.printf(", length %d", length)
	if p.o.Verbose == 0 {
		return
	}
	// The rest has tcpdump's "trunc:" label: a short field checked
	// first prints " [|bootp]" and ends the message, not the packet.
	p.label("bootp", func() { p.bootpFields(r, b, htype, hlen) })
}

// bootpFields prints the BOOTP fields after the length, with -v.
func (p *Printer) bootpFields(r reader, b []byte, htype, hlen uint8) {
	r.check(8, 2)
	if htype != 1 {
		p.printf(", htype %d", htype)
	}
	if htype != 1 || hlen != 6 {
		p.printf(", hlen %d", hlen)
	}
	if h := r.u8(3); h != 0 {
		p.printf(", hops %d", h)
	}
	if x := r.be32(4); x != 0 {
		p.printf(", xid 0x%x", x)
	}
	if s := r.be16(8); s != 0 {
		p.printf(", secs %d", s)
	}
	flags := r.be16(10)
	if flags&0x8000 != 0 {
		p.print(", Flags [Broadcast]")
	} else {
		p.print(", Flags [none]")
	}
	if p.o.Verbose > 1 {
		p.printf(" (0x%04x)", flags)
	}
	for i, name := range []string{"Client-IP", "Your-IP", "Server-IP", "Gateway-IP"} {
		if r.be32(12+4*i) != 0 {
			p.printf("\n\t  %s %s", name, p.host(addr4(b[12+4*i:])))
		}
	}
	if htype == 1 && hlen == 6 {
		r.need(28, 6)
		p.printf("\n\t  Client-Ethernet-Address %s", p.etherAddr(b[28:34]))
	}
	for _, f := range []struct {
		name     string
		off, len int
	}{{"sname", 44, 64}, {"file", 108, 128}} {
		if r.u8(f.off) == 0 {
			continue
		}
		p.printf("\n\t  %s \"", f.name)
		// tcpdump's nd_printztn: the string must end with a NUL
		// inside the field and the capture, else it is truncated.
		ended := false
		for i := 0; i < f.len && f.off+i < len(b); i++ {
			c := b[f.off+i]
			if c == 0 {
				ended = true
				break
			}
			p.printChar(c)
		}
		p.print("\"")
		if !ended {
			gotoTrunc()
		}
	}
	r.check(236, 4)
	switch cookie := r.be32(236); cookie {
	case 0x63825363:
		p.rfc1048(b[236:])
	case 0x434d5500:
		p.cmuVendor(b[236:])
	default:
		if cookie != 0 {
			p.printf("\n\t  Vendor-#0x%x", cookie)
		}
	}
}

// rfc1048 prints DHCP options (RFC 2132 and later) after the magic
// cookie.
func (p *Printer) rfc1048(b []byte) {
	p.print("\n\t  Vendor-rfc1048 Extensions")
	p.printf("\n\t    Magic Cookie 0x%08x", be32(b, 0))
	b = b[4:]
	for len(b) > 0 {
		tag := b[0]
		b = b[1:]
		if tag == 0 && p.o.Verbose < 3 {
			continue
		}
		if tag == 255 && p.o.Verbose < 3 {
			return
		}
		name := dhcpOption(tag)
		c := name[0]
		name = name[1:]
		l := 0
		if tag != 0 && tag != 255 {
			l = int(u8(b, 0))
			b = b[1:]
		}
		sep := ""
		if l > 0 {
			sep = ": "
		}
		p.printf("\n\t    %s (%d), length %d%s", name, tag, l, sep)
		if tag == 0 && p.o.Verbose > 2 {
			n := 1
			for len(b) > 0 && b[0] == 0 {
				b = b[1:]
				n++
			}
			if n > 1 {
				p.printf(", occurs %d", n)
			}
		}
		check(b, 0, l)
		v := b[:l]
		b = b[l:]
		if tag == 53 && l == 1 {
			p.print(mapName(dhcpMessageTypes, v[0], sprintf("Unknown (%d)", v[0])))
			continue
		}
		if tag == 55 {
			for i, t := range v {
				if i%4 == 0 {
					p.print("\n\t      ")
				} else {
					p.print(", ")
				}
				p.printf("%s (%d)", dhcpOption(t)[1:], t)
			}
			continue
		}
		if c == '?' {
			switch {
			case l&1 != 0:
				c = 'b'
			case l&2 != 0:
				c = 's'
			default:
				c = 'l'
			}
		}
		left := p.dhcpValue(c, tag, v)
		if left > 0 {
			p.printf("\n\t  trailing data length %d", left)
		}
	}
}

// dhcpValue prints an option's value in the format c and returns the
// number of bytes left over.
func (p *Printer) dhcpValue(c byte, tag uint8, v []byte) int {
	sep := func(i int, s string) {
		if i > 0 {
			p.print(s)
		}
	}
	switch c {
	case 'a':
		p.printf("\"%s\"", printableN(v))
		return 0
	case 'i', 'l', 'L':
		i := 0
		for ; len(v) >= 4; i++ {
			sep(i, ",")
			switch c {
			case 'i':
				p.print(p.host(addr4(v)))
			case 'L':
				p.printf("%d", int32(be32(v, 0)))
			default:
				p.printf("%d", be32(v, 0))
			}
			v = v[4:]
		}
		return len(v)
	case 'p':
		for i := 0; len(v) >= 8; i++ {
			sep(i, ",")
			p.printf("(%s:%s)", p.host(addr4(v)), p.host(addr4(v[4:])))
			v = v[8:]
		}
		return len(v)
	case 's':
		for i := 0; len(v) >= 2; i++ {
			sep(i, ",")
			p.printf("%d", be16(v, 0))
			v = v[2:]
		}
		return len(v)
	case 'B':
		for i, x := range v {
			sep(i, ",")
			switch x {
			case 0:
				p.print("N")
			case 1:
				p.print("Y")
			default:
				p.printf("%d?", x)
			}
		}
		return 0
	case '$':
		return p.dhcpSpecial(tag, v)
	}
	for i, x := range v {
		sep(i, ".")
		p.printf("%d", x)
	}
	return 0
}

// dhcpSpecial prints the options with a format of their own.
func (p *Printer) dhcpSpecial(tag uint8, v []byte) int {
	switch tag {
	case 46, 52:
		if len(v) < 1 {
			p.print("[ERROR: length < 1 bytes]")
			return 0
		}
		if tag == 46 {
			p.print(mapName(netbiosNodeTypes, v[0], sprintf("#%d", v[0])))
		} else {
			p.print(mapName(optOverload, v[0], sprintf("#%d", v[0])))
		}
		return len(v) - 1
	case 81:
		if len(v) < 3 {
			p.print("[ERROR: length < 3 bytes]")
			return 0
		}
		if v[0]&0xf0 != 0 {
			p.printf("[ERROR: MBZ nibble 0x%x != 0] ", v[0]>>4)
		}
		if v[0]&0x0f != 0 {
			p.printf("[%s] ", pick(v[0]&1 != 0, "S")+pick(v[0]&2 != 0, "O")+pick(v[0]&4 != 0, "E")+pick(v[0]&8 != 0, "N"))
		}
		if v[1] != 0 || v[2] != 0 {
			p.printf("%d/%d ", v[1], v[2])
		}
		p.printf("\"%s\"", printableN(v[3:]))
		return 0
	case 61:
		if len(v) < 1 {
			p.print("[ERROR: length < 1 bytes]")
			return 0
		}
		if v[0] == 0 {
			p.printf("\"%s\"", printableN(v[1:]))
			return 0
		}
		p.printf("%s ", mapName(dhcpHardwareTypes, v[0], sprintf("hardware-type %d,", v[0])))
		for i, x := range v[1:] {
			if i > 0 {
				p.print(":")
			}
			p.printf("%02x", x)
		}
		return 0
	case 82:
		for len(v) >= 2 {
			sub, sl := v[0], int(v[1])
			v = v[2:]
			name := mapName(agentSubOptions, sub, "Unknown")
			if sl > len(v) {
				p.printf("\n\t      %s SubOption %d, length %d: length goes past end of option", name, sub, sl)
				return 0
			}
			p.printf("\n\t      %s SubOption %d, length %d: ", name, sub, sl)
			switch sub {
			case 1, 2, 6:
				p.print(printableN(v[:sl]))
			default:
				p.unknownData(v, "\n\t\t", sl)
			}
			v = v[sl:]
		}
		return len(v)
	case 121, 249:
		if len(v) < 5 {
			p.print("[ERROR: length < 5 bytes]")
			return 0
		}
		for i := 0; len(v) > 0; i++ {
			if i > 0 {
				p.print(",")
			}
			w := int(v[0])
			v = v[1:]
			if w > 32 {
				p.printf("[ERROR: Mask width (%d) > 32]", w)
				return 0
			}
			n := (w + 7) / 8
			if len(v) < n+4 {
				p.printf("[ERROR: Remaining length (%d) < %d bytes]", len(v), n+4)
				return 0
			}
			p.print("(")
			if w == 0 {
				p.print("default")
			} else {
				for j := 0; j < n; j++ {
					if j > 0 {
						p.print(".")
					}
					p.printf("%d", v[j])
				}
				for j := n; j < 4; j++ {
					p.print(".0")
				}
				p.printf("/%d", w)
			}
			p.printf(":%s)", p.host(addr4(v[n:])))
			v = v[n+4:]
		}
		return 0
	case 77:
		if len(v) < 2 {
			p.print("[ERROR: length < 2 bytes]")
			return 0
		}
		for n := 1; len(v) > 0; n++ {
			sl := int(v[0])
			v = v[1:]
			p.printf("\n\t      instance#%d: ", n)
			if sl == 0 {
				p.print("[ERROR: suboption length must be non-zero]")
				return 0
			}
			if len(v) < sl {
				p.print("[ERROR: invalid option]")
				return 0
			}
			p.printf("\"%s\", length %d", printableN(v[:sl]), sl)
			v = v[sl:]
		}
		return 0
	}
	p.printf("[unknown special tag %d, size %d]", tag, len(v))
	return 0
}

// cmuVendor prints the CMU vendor extension area of a BOOTP message:
// the flags byte when bits other than "subnet mask valid" are set, then
// the addresses that are not zero, each checked as tcpdump checks it.
func (p *Printer) cmuVendor(b []byte) {
	p.print(" vend-cmu")
	check(b, 4, 4)
	f := b[4]
	if f&^1 != 0 {
		p.printf(" F:0x%x", f)
	}
	sm := "SM*"
	if f&1 != 0 {
		sm = "SM"
	}
	for _, a := range []struct {
		off  int
		name string
	}{{12, "DG"}, {8, sm}, {16, "NS1"}, {20, "NS2"}, {24, "IEN1"}, {28, "IEN2"}, {32, "TS1"}, {36, "TS2"}} {
		check(b, a.off, 4)
		if be32(b, a.off) != 0 {
			p.printf(" %s:%s", a.name, p.host(addr4(b[a.off:])))
		}
	}
}
