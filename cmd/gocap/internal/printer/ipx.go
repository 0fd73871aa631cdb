package printer

// ipxAddr formats an IPX network and node as tcpdump does.
func ipxAddr(net uint32, node []byte) string {
	// tcpdump prints the node in hex even without -n.
	return sprintf("%08x.%s", net, mac(node))
}

// IPX sockets tcpdump decodes or names.
const (
	ipxSocketNCP      = 0x0451
	ipxSocketSAP      = 0x0452
	ipxSocketRIP      = 0x0453
	ipxSocketNetBIOS  = 0x0455
	ipxSocketDiags    = 0x0456
	ipxSocketNWLink   = 0x0553
	ipxSocketEIGRP    = 0x85be
	ipxHeaderLen      = 30
	ipxMaxSAPEntries  = 8
	ipxMaxRIPEntries  = 50
	ipxRIPEntryLength = 8
)

// ipx prints an IPX datagram: its addresses and, for the sockets tcpdump
// knows, what it carries (SAP and RIP decoded, EIGRP handed on).
func (p *Printer) ipx(b []byte, length int) {
	r := p.reader("ipx", b)
	if !p.o.LinkHeader {
		p.print("IPX ")
	}
	src := ipxAddr(r.be32(18), r.bytes(22, 6))
	p.printf("%s.%04x > ", src, r.be16(28))
	dst := ipxAddr(r.be32(6), r.bytes(10, 6))
	p.printf("%s.%04x: ", dst, r.be16(16))
	l := int(r.be16(2))
	if l < ipxHeaderLen {
		p.printf("[length %d < %d]", l, ipxHeaderLen)
		p.print(" (invalid)")
		return
	}
	l -= ipxHeaderLen
	data := r.from(ipxHeaderLen)
	switch skt := r.be16(16); skt {
	case ipxSocketNCP:
		p.printf("ipx-ncp %d", l)
	case ipxSocketSAP:
		p.ipxSAP(data, l)
	case ipxSocketRIP:
		p.ipxRIP(data, l)
	case ipxSocketNetBIOS:
		p.printf("ipx-netbios %d", l)
	case ipxSocketDiags:
		p.printf("ipx-diags %d", l)
	case ipxSocketNWLink:
		p.printf("ipx-nwlink-dgm %d", l)
	case ipxSocketEIGRP:
		p.eigrp(data.b, l)
	default:
		p.printf("ipx-#%x %d", skt, l)
	}
}

// ipxSAPName names a SAP service type (without -n) or gives it in hex.
func (p *Printer) ipxSAPName(t uint16) string {
	if p.o.NumericLevel == 0 {
		if s, ok := ipxSAPNames[t]; ok {
			return s
		}
	}
	return sprintf("%04x", t)
}

// ipxCommand reads the command that starts a SAP or RIP message, length
// bytes long; false after the complaint about one too short for it.
func (p *Printer) ipxCommand(r reader, length int) (uint16, bool) {
	cmd := r.be16(0)
	if length < 2 {
		p.printf(" [length %d < 2] (invalid)", length)
		return 0, false
	}
	return cmd, true
}

// ipxSAP prints a Service Advertising Protocol message.
func (p *Printer) ipxSAP(r reader, length int) {
	cmd, ok := p.ipxCommand(r, length)
	if !ok {
		return
	}
	off, left := 2, length-2
	switch cmd {
	case 1, 3:
		if cmd == 1 {
			p.print("ipx-sap-req")
		} else {
			p.print("ipx-sap-nearest-req")
		}
		p.printf(" %s", p.ipxSAPName(r.be16(off)))
	case 2, 4:
		if cmd == 2 {
			p.print("ipx-sap-resp")
		} else {
			p.print("ipx-sap-nearest-resp")
		}
		// fits checks that the next n bytes of an entry were captured
		// and are in the message.
		fits := func(n int) bool {
			r.need(off, n)
			if left < n {
				p.print(" (invalid)")
				return false
			}
			return true
		}
		for i := 0; i < ipxMaxSAPEntries && left != 0; i++ {
			if !fits(2) {
				return
			}
			p.printf(" %s '", p.ipxSAPName(r.be16(off)))
			off, left = off+2, left-2
			if left < 48 {
				p.print("' (invalid)")
				return
			}
			p.printJNP(r, off, 48)
			p.print("'")
			off, left = off+48, left-48
			if !fits(10) {
				return
			}
			p.printf(" addr %s", ipxAddr(r.be32(off), r.bytes(off+4, 6)))
			off, left = off+10, left-10
			if !fits(4) {
				return
			}
			off, left = off+4, left-4
		}
	default:
		p.printf("ipx-sap-?%x", cmd)
	}
}

// ipxRIP prints an IPX Routing Information Protocol message.
func (p *Printer) ipxRIP(r reader, length int) {
	cmd, ok := p.ipxCommand(r, length)
	if !ok {
		return
	}
	off, left := 2, length-2
	entry := func() {
		p.printf(" %08x/%d.%d", r.be32(off), r.be16(off+4), r.be16(off+6))
	}
	switch cmd {
	case 1:
		p.print("ipx-rip-req")
		if left != 0 {
			if left < ipxRIPEntryLength {
				p.print(" (invalid)")
				return
			}
			entry()
		}
	case 2:
		p.print("ipx-rip-resp")
		for i := 0; i < ipxMaxRIPEntries && left != 0; i++ {
			if left < ipxRIPEntryLength {
				p.print(" (invalid)")
				return
			}
			entry()
			off, left = off+ipxRIPEntryLength, left-ipxRIPEntryLength
		}
	default:
		p.printf("ipx-rip-?%x", cmd)
	}
}
