package printer

var ahcpMsgs = map[uint8]string{0: "Discover", 1: "Offer", 2: "Request", 3: "Ack", 4: "Nack", 5: "Release"}

var ahcpOpts = map[uint8]string{0: "Pad", 1: "Mandatory", 2: "Origin Time", 3: "Expires",
	4: "My-IPv6-Address", 5: "My-IPv4-Address", 6: "IPv6 Prefix", 7: "IPv4 Prefix",
	8: "IPv6 Address", 9: "IPv4 Address", 10: "IPv6 Prefix Delegation",
	11: "IPv4 Prefix Delegation", 12: "Name Server", 13: "NTP Server"}

// ahcp prints an Ad-Hoc Configuration Protocol message (UDP port 5359).
// Every truncation ends the packet with " [|ahcp]".
func (p *Printer) ahcp(b []byte, length int) {
	r := p.reader("ahcp", b)
	p.print("AHCP")
	invalid := func(off, n int) {
		p.print(" (invalid)")
		r.need(0, off+n)
	}
	if length < 2 || r.u8(0) != 43 {
		invalid(0, length)
		return
	}
	ver := r.u8(1)
	off, n := 2, length-2
	if ver != 1 {
		p.printf(" Version %d (unknown)", ver)
		r.need(0, off+n)
		return
	}
	p.print(" Version 1")
	if n < 22 {
		invalid(off, n)
		return
	}
	if p.o.Verbose == 0 {
		r.need(0, off+22)
	} else {
		// Each field is printed as it is read, as far as the capture goes.
		p.printf("\n\tHopcount %d", r.u8(off))
		p.printf(", Original Hopcount %d", r.u8(off+1))
		p.printf(", Nonce 0x%08x", r.be32(off+2))
		p.printf(", Source Id %s", colonHex(r.bytes(off+6, 8)))
		p.printf(", Destination Id %s", colonHex(r.bytes(off+14, 8)))
	}
	off += 22
	n -= 22
	if n < 4 {
		invalid(off, n)
		return
	}
	typ, mbz, blen := r.u8(off), r.u8(off+1), int(r.be16(off+2))
	off += 4
	n -= 4
	if p.o.Verbose > 0 {
		name, ok := ahcpMsgs[typ]
		if !ok {
			name = sprintf("Unknown-%d", typ)
		}
		p.printf("\n\t%s", name)
		if mbz != 0 {
			p.printf(", MBZ %d", mbz)
		}
		p.printf(", Length %d", blen)
	}
	if blen > n {
		invalid(off, n)
		return
	}
	if p.o.Verbose < 2 {
		r.need(0, off+blen)
		return
	}
	p.ahcpOptions(b, off, blen)
}

func colonHex(b []byte) string {
	s := make([]byte, 0, 3*len(b))
	for i, c := range b {
		if i > 0 {
			s = append(s, ':')
		}
		s = append(s, hexdigits[c>>4], hexdigits[c&15])
	}
	return string(s)
}

func (p *Printer) ahcpOptions(b []byte, off, n int) {
	for n > 0 {
		no := u8(b, off)
		off++
		n--
		if s, ok := ahcpOpts[no]; ok {
			p.printf("\n\t %s", s)
		} else {
			p.printf("\n\t Unknown-%d", no)
		}
		if no == 0 || no == 1 {
			continue
		}
		if n == 0 {
			p.print(" (invalid)")
			return
		}
		ol := int(u8(b, off))
		off++
		n--
		if ol > n {
			p.print(" (invalid)")
			need(b, off+n)
			return
		}
		list := func(size int, f func(o int) string) {
			sep := ": "
			for q := 0; q < ol; q += size {
				if ol-q < size {
					p.print(" (invalid)")
					need(b, off+ol)
					return
				}
				need(b, off+q+size)
				p.print(sep + f(off+q))
				sep = ", "
			}
		}
		switch no {
		case 2:
			if ol != 4 {
				p.print(" (invalid)")
				need(b, off+ol)
			} else {
				t := p.localTime(int64(be32(b, off))).UTC()
				p.printf(": %s", t.Format("2006-01-02 15:04:05 UTC"))
			}
		case 3:
			if ol != 4 {
				p.print(" (invalid)")
				need(b, off+ol)
			} else {
				p.printf(": %ds", be32(b, off))
			}
		case 4, 8, 12, 13:
			list(16, func(o int) string { return p.host(addr16(b[o:])) })
		case 5, 9:
			list(4, func(o int) string { return p.host(addr4(b[o:])) })
		case 6, 10:
			list(17, func(o int) string { return sprintf("%s/%d", p.host(addr16(b[o:])), b[o+16]) })
		case 11:
			list(5, func(o int) string { return sprintf("%s/%d", p.host(addr4(b[o:])), b[o+4]) })
		default:
			p.printf(" (Length %d)", ol)
			need(b, off+ol)
		}
		off += ol
		n -= ol
	}
}
