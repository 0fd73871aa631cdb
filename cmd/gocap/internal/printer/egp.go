package printer

// EGP, IP protocol 8, as tcpdump's print-egp.c prints it.

var (
	egpAcquireCodes  = []string{"request", "confirm", "refuse", "cease", "cease_ack"}
	egpAcquireStatus = []string{"unspecified", "active_mode", "passive_mode", "insufficient_resources",
		"administratively_prohibited", "going_down", "parameter_violation", "protocol_violation"}
	egpReachCodes = []string{"hello", "i-h-u"}
	egpUpDown     = []string{"indeterminate", "up", "down"}
	egpReasons    = []string{"unspecified", "bad_EGP_header_format", "bad_EGP_data_field_format",
		"reachability_info_unavailable", "excessive_polling_rate", "no_response", "unsupported_version"}
)

// egp prints an EGP message (egp_print).
func (p *Printer) egp(b []byte, length int) {
	r := p.reader("egp", b)
	if length < 16 || !r.has(0, 16) {
		r.trunc()
		return
	}
	ver := r.u8(0)
	if p.o.Verbose == 0 {
		p.printf("EGPv%d, AS %d, seq %d, length %d", ver, r.be16(6), r.be16(8), length)
		return
	}
	p.printf("EGPv%d, length %d", ver, length)
	if ver != 2 {
		p.printf("[version %d]", ver)
		return
	}
	typ, code, status := r.u8(1), r.u8(2), r.u8(3)
	upDown := func() {
		if status <= 2 {
			p.printf(" state:%s", egpUpDown[status])
		} else {
			p.printf(" [status %d]", status)
		}
	}
	switch typ {
	case 3:
		p.print(" acquire")
		switch code {
		case 0, 1:
			p.printf(" %s", egpAcquireCodes[code])
			if status <= 2 {
				p.printf(" %s", egpAcquireStatus[status])
			} else {
				p.printf(" [status %d]", status)
			}
			p.printf(" hello:%d poll:%d", r.be16(10), r.be16(12))
		case 2, 3, 4:
			p.printf(" %s", egpAcquireCodes[code])
			if status == 0 || (status >= 3 && status <= 7) {
				p.printf(" %s", egpAcquireStatus[status])
			} else {
				p.printf("[status %d]", status)
			}
		default:
			p.printf("[code %d]", code)
		}
	case 5:
		if code > 1 {
			p.printf("[reach code %d]", code)
			break
		}
		p.printf(" %s", egpReachCodes[code])
		upDown()
	case 2:
		p.print(" poll")
		upDown()
		p.printf(" net:%s", p.host(addr4(r.b[12:])))
	case 1:
		p.print(" update")
		if status&0x80 != 0 {
			status &^= 0x80
			p.print(" unsolicited")
		}
		upDown()
		p.printf(" %s int %d ext %d", p.host(addr4(r.b[12:])), r.u8(10), r.u8(11))
		if p.o.Verbose > 0 {
			r.label(func() { p.egpNetworks(r, length) })
		}
	case 8:
		p.print(" error")
		upDown()
		if why := r.be16(10); int(why) < len(egpReasons) {
			p.printf(" %s", egpReasons[why])
		} else {
			p.printf(" [reason %d]", why)
		}
	default:
		p.printf("[type %d]", typ)
	}
}

// leAddr prints an address held in a 32-bit value the way tcpdump's
// ipaddr_string of the value's memory does on a little-endian machine:
// its low byte first.
func (p *Printer) leAddr(v uint32) string {
	return p.host(addr4([]byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)}))
}

// egpNetworks prints an Update's gateways and the networks each reaches
// at each distance (egpnr_print). tcpdump keeps the source network and
// the addresses it prints in host-order integers it prints as bytes,
// and so, on the little-endian machines it runs on, takes the class of
// the source network from its last byte and prints the addresses with
// their bytes reversed; this does the same.
func (p *Printer) egpNetworks(r reader, length int) {
	src := uint32(r.b[12]) | uint32(r.b[13])<<8 | uint32(r.b[14])<<16 | uint32(r.b[15])<<24
	var net uint32
	netlen := 0
	switch {
	case src&0x80000000 == 0:
		net, netlen = src&0xff000000, 1
	case src&0xc0000000 == 0x80000000:
		net, netlen = src&0xffff0000, 2
	case src&0xe0000000 == 0xc0000000:
		net, netlen = src&0xffffff00, 3
	}
	off := 16
	left := length - 16
	want := func(n int) {
		if left < n {
			gotoTrunc()
		}
	}
	intgw := int(r.u8(10))
	total := intgw + int(r.u8(11))
	for gw := 0; gw < total; gw++ {
		var addr uint32
		want(4 - netlen)
		r.check(off, 4-netlen)
		// A class D or E source network takes no bytes here, though
		// four are counted.
		for i := 0; netlen > 0 && i < 4-netlen; i++ {
			addr = addr<<8 | uint32(r.u8(off))
			off++
		}
		addr |= net
		left -= 4 - netlen
		want(1)
		dists := int(r.u8(off))
		off++
		left--
		kind := "ext"
		if gw < intgw {
			kind = "int"
		}
		p.printf(" %s %s (", kind, p.leAddr(addr))
		comma := ""
		for ; dists > 0; dists-- {
			want(2)
			p.printf("%sd%d:", comma, r.u8(off))
			comma = ", "
			nets := int(r.u8(off + 1))
			off += 2
			left -= 2
			for ; nets > 0; nets-- {
				want(1)
				a := uint32(r.u8(off)) << 24
				off++
				left--
				switch {
				case a&0xc0000000 == 0x80000000:
					want(1)
					a |= uint32(r.u8(off)) << 16
					off++
					left--
				case a&0x80000000 != 0:
					want(2)
					a |= uint32(r.u8(off))<<16 | uint32(r.u8(off+1))<<8
					off += 2
					left -= 2
				}
				p.printf(" %s", p.leAddr(a))
			}
		}
		p.print(")")
	}
}
