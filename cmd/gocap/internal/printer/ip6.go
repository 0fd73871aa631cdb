package printer

import (
	"encoding/binary"
	"net/netip"
)

// ip6 prints an IPv6 packet and its extension headers.
func (p *Printer) ip6(b []byte, length int) {
	r := p.reader("ip6", b)
	if !r.has(0, 40) {
		// tcpdump checks that the fixed header was captured before
		// anything else, and returns normally.
		r.trunc()
		return
	}
	if length < 40 {
		// tcpdump prints "IP6 " only after this check.
		p.printf("truncated-ip6 %d", length)
		return
	}
	if !p.o.LinkHeader {
		p.print("IP6 ")
	}
	if b[0]>>4 != 6 {
		p.printf("version error: %d != 6", b[0]>>4)
		return
	}
	r.need(0, 40)
	plen := int(binary.BigEndian.Uint16(b[4:]))
	var l int
	if plen != 0 {
		l = plen + 40
		if length < l {
			p.printf("truncated-ip6 - %d bytes missing!", l-length)
		}
	} else {
		// tcpdump 4.99.3 counts the header twice here; the extension
		// headers are then bounded by the captured bytes alone.
		l = length + 40
	}
	if l < len(b) {
		b = b[:l]
	}
	nh := b[6]
	if p.o.Verbose > 0 {
		flow := binary.BigEndian.Uint32(b)
		p.print("(")
		if flow&0x0ff00000 != 0 {
			p.printf("class 0x%02x, ", (flow&0x0ff00000)>>20)
		}
		if flow&0x000fffff != 0 {
			p.printf("flowlabel 0x%05x, ", flow&0x000fffff)
		}
		p.printf("hlim %d, next-header %s (%d) payload length: %d) ", b[7], ipProtoName(nh), nh, plen)
	}
	h := &ipHdr{v6: true, src: addr16(b[8:]), dst: addr16(b[24:]), nh: nh, ttl: b[7], plen6: uint16(b[4])<<8 | uint16(b[5])}
	whole := b
	off := 40
	rem := l - 40
	first := true
	// What tcpdump tracks across the extension headers: the previous
	// header (prev, 255 for the IPv6 header itself), whether any
	// extension header or a hop-by-hop header was seen, and a valid
	// jumbo payload option with the payload length it gives.
	prevHdr := 255
	extSeen, hbhSeen, jumbo, rtSeen := false, false, false, false
	payloadLen := plen
	// Like tcpdump, the header after an extension header is decoded
	// whenever that extension header began before the end the IPv6
	// header gives (not the end of the captured bytes): one announced
	// but not captured ends the packet with its own marker.
	for prev := 0; prev < l; {
		prev = off
		if first && nh != 6 && nh != 17 && nh != 33 && nh != 132 {
			p.hostPair(h.src, h.dst, ": ")
		}
		first = false
		cp := b[min(off, len(b)):]
		adv := 0
		switch nh {
		case 0:
			if hbhSeen {
				p.print("[The Hop-by-Hop Options header was already found]")
				p.print(" (invalid)")
				return
			}
			if prevHdr != 255 {
				p.print("[The Hop-by-Hop Options header don't follow the IPv6 header]")
				p.print(" (invalid)")
				return
			}
			// The length byte must be captured (else the packet ends),
			// then the whole header (else the header's own marker ends
			// it), before the name is printed; the options are always
			// checked, printed only with -v.
			o := p.reader("hbhopt", cp)
			hl := (int(o.u8(1)) + 1) * 8
			ok := o.has(0, hl)
			if ok {
				p.print("HBH ")
				ok = p.ip6Opts(cp[2:hl], true, &payloadLen, &jumbo)
			}
			if !ok {
				o.trunc()
			}
			if payloadLen == 0 && !jumbo {
				p.print("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)")
				return
			}
			if !ok {
				return
			}
			adv = hl
			hbhSeen = true
			nh = cp[0]
		case 60:
			o := p.reader("dstopt", cp)
			hl := (int(o.u8(1)) + 1) * 8
			if !o.has(0, hl) {
				o.trunc()
				return
			}
			p.print("DSTOPT ")
			if p.o.Verbose > 0 && !p.ip6Opts(cp[2:hl], false, nil, nil) {
				o.trunc()
				return
			}
			adv = hl
			nh = cp[0]
		case 44:
			f := p.reader("frag6", cp)
			fl := 40 + plen - off - 8
			if p.o.Verbose > 0 {
				id := f.be32(4)
				p.printf("frag (0x%08x:%d|%d)", id, f.be16(2)&0xfff8, uint64(fl))
			} else {
				p.printf("frag (%d|%d)", f.be16(2)&0xfff8, uint64(fl))
			}
			if f.be16(2)&0xfff8 != 0 {
				return
			}
			p.print(" ")
			adv = 8
			nh = cp[0]
			h.frag = true
			if off+adv >= len(b) {
				return
			}
		case 135, 62:
			p.mobility(cp)
			return
		case 43:
			if len(cp) == 0 {
				// tcpdump checks the first byte before naming it
				p.truncMark("ip6")
				return
			}
			adv = p.rt6(cp)
			if adv < 0 {
				return
			}
			if !rtSeen {
				// the pseudo-header takes the first routing header's
				rtSeen = true
				h.finalDst = ip6RouteDst(cp)
			}
			rtSeen = true
			nh = cp[0]
		default:
			if jumbo {
				// The jumbo payload length replaces the header's.
				jl := payloadLen + 40
				if jl < off {
					p.truncMark("ip6")
					return
				}
				if length < jl {
					p.printf("truncated-ip6 - %d bytes missing!", jl-length)
				}
				b = whole[:min(jl, len(whole))]
				cp = b[min(off, len(b)):]
				rem = jl - off
			} else if plen == 0 {
				if extSeen {
					p.truncMark("ip6")
					return
				}
				// no payload: tcpdump cuts the capture to the header
				rem = 0
				cp = cp[:0]
			}
			p.demux(cp, rem, h, nh)
			return
		}
		if rem < adv {
			p.truncMark("ip6")
			return
		}
		extSeen = true
		prevHdr = int(nh)
		off += adv
		rem -= adv
	}
}

// ip6RouteDst is the destination tcpdump's ip6_finddst takes from a
// routing header rh (as captured, printed already): the last captured
// address of type 0 or 2, the first segment (the final one) of a
// segment routing header, none (the IPv6 header's) for other types or
// an odd length.
func ip6RouteDst(rh []byte) netip.Addr {
	n := int(rh[1])
	if n%2 == 1 {
		return netip.Addr{}
	}
	var a netip.Addr
	switch rh[2] {
	case 0, 2:
		for i := 0; i < n/2 && 8+16*(i+1) <= len(rh); i++ {
			a = addr16(rh[8+16*i:])
		}
	case 4:
		if len(rh) >= 24 {
			a = addr16(rh[8:])
		}
	}
	return a
}

// ip6Opts checks hop-by-hop (hbh) or destination options and prints
// them with -v; the complaints about a bad option are printed at any
// verbosity. It reports false where tcpdump gives up on the header: an
// option running past it, or an option of the wrong length. For a
// hop-by-hop header, plen is the IPv6 payload length, replaced by a
// valid jumbo payload option's, which sets *jumbo.
func (p *Printer) ip6Opts(b []byte, hbh bool, plen *int, jumbo *bool) bool {
	if len(b) == 0 {
		return true
	}
	v := p.o.Verbose > 0
	seen := false
	for i := 0; i < len(b); {
		t := b[i]
		ol, ok := ip6OptLen(b, i)
		if !ok {
			return false
		}
		left := len(b) - i
		switch t {
		case 0:
			if v {
				p.print("(pad1)")
			}
		case 1:
			if v {
				p.print("(padn)")
			}
		case 5:
			if left < 4 {
				p.print("(rtalert: trunc)")
				return false
			}
			if b[i+1] != 2 {
				p.printf("(rtalert: invalid len %d)", b[i+1])
				return false
			}
			if v {
				p.printf("(rtalert: 0x%04x) ", binary.BigEndian.Uint16(b[i+2:]))
			}
		case 0xc2:
			if left < 6 {
				p.print("(jumbo: trunc)")
				return false
			}
			if b[i+1] != 4 {
				p.printf("(jumbo: invalid len %d)", b[i+1])
				return false
			}
			j := binary.BigEndian.Uint32(b[i+2:])
			var note string
			switch {
			case seen:
				note = " - already seen"
			case !hbh:
				note = " - not a hop-by-hop option"
			case *plen != 0:
				note = " - payload len != 0"
			case j < 65536:
				note = " - < 65536"
			default:
				*jumbo = true
				*plen = int(j)
			}
			seen = true
			if v {
				p.printf("(jumbo: %d%s) ", j, note)
			}
		case 0xc9:
			if left < 18 {
				p.print("(homeaddr: trunc)")
				return false
			}
			if b[i+1] < 16 {
				p.printf("(homeaddr: invalid len %d)", b[i+1])
				return false
			}
			if v {
				p.printf("(homeaddr: %s", p.host(addr16(b[i+2:])))
				if b[i+1] > 16 && !p.ip6SubOpts(b[i+18:i+ol]) {
					return false
				}
				p.print(")")
			}
		default:
			if left < 2 {
				p.printf("(type %d: trunc)", t)
				return false
			}
			if v {
				p.printf("(opt_type 0x%02x: len=%d)", t, b[i+1])
			}
		}
		i += ol
	}
	if v {
		p.print(" ")
	}
	return true
}

// ip6OptLen is the length of the option (or sub-option) at b[i], 1 for
// a Pad1; false when its length byte or its data run past b.
func ip6OptLen(b []byte, i int) (int, bool) {
	if b[i] == 0 {
		return 1, true
	}
	if i+1 >= len(b) {
		return 0, false
	}
	ol := int(b[i+1]) + 2
	return ol, i+ol <= len(b)
}

// ip6SubOpts prints the sub-options of a home address option; false
// means one runs past the option.
func (p *Printer) ip6SubOpts(b []byte) bool {
	for i := 0; i < len(b); {
		t := b[i]
		ol, ok := ip6OptLen(b, i)
		if !ok {
			return false
		}
		switch t {
		case 0:
			p.print(", pad1")
		case 1:
			p.print(", padn")
		default:
			p.printf(", sopt_type 0x%02x: len=%d", t, b[i+1])
		}
		i += ol
	}
	return true
}

// rt6 prints a routing header and returns its length, or -1 when it
// cannot be decoded (the rest of the packet is not printed then).
func (p *Printer) rt6(b []byte) int {
	r := p.reader("rt6", b)
	p.print("RT6")
	l := int(r.u8(1))
	p.printf(" (len=%d", l)
	typ := r.u8(2)
	p.printf(", type=%d", typ)
	if typ == 0 {
		p.print(" [Deprecated]")
	}
	p.printf(", segleft=%d", r.u8(3))
	switch typ {
	case 0, 2:
		if rsv := r.be32(4); rsv != 0 || p.o.Verbose > 0 {
			p.printf(", rsv=0x%0x", rsv)
		}
	case 4:
		p.printf(", last-entry=%d", r.u8(4))
		if f := r.u8(5); f != 0 || p.o.Verbose > 0 {
			p.printf(", flags=0x%0x", f)
		}
		p.printf(", tag=%x", r.be16(6))
	default:
		p.print(" (unknown type) (invalid)")
		return -1
	}
	if l%2 == 1 {
		p.printf(" (invalid length %d) (invalid)", l)
		return -1
	}
	for i := 0; i < l/2; i++ {
		r.need(8+16*i, 16)
		p.printf(", [%d]%s", i, p.host(addr16(b[8+16*i:])))
	}
	p.print(") ")
	p.announce("ip6") // back to its caller's name
	return (l + 1) * 8
}

var icmp6Types = map[uint8]string{
	1: "destination unreachable", 2: "packet too big", 3: "time exceeded in-transit",
	4: "parameter problem", 128: "echo request", 129: "echo reply",
	130: "multicast listener query", 131: "multicast listener report",
	132: "multicast listener done", 133: "router solicitation", 134: "router advertisement",
	135: "neighbor solicitation", 136: "neighbor advertisement", 137: "redirect",
	138: "router renumbering", 139: "who-are-you request", 140: "who-are-you reply",
	141: "inverse neighbor solicitation", 142: "inverse neighbor advertisement",
	143: "multicast listener report v2", 144: "ha discovery request",
	145: "ha discovery reply", 146: "mobile router solicitation",
	147: "mobile router advertisement", 155: "RPL", 200: "mtrace response", 201: "mtrace message",
}

var icmp6Unreach = map[uint8]string{
	0: "unreachable route", 1: " unreachable prohibited", 2: "beyond scope",
	3: "unreachable address", 4: "unreachable port",
}

// icmp6 prints an ICMPv6 message.
func (p *Printer) icmp6(b []byte, length int, h *ipHdr) {
	r := p.reader("icmp6", b)
	if length == 0 {
		p.print("ICMP6, length 0 (invalid)")
		return
	}
	typ := r.u8(0)
	if p.o.Verbose > 0 && !h.frag && r.has(0, length) {
		// tcpdump reads the checksum field with its checked getter,
		// even in a message of fewer than 4 bytes.
		is := r.be16(2)
		sum := checksum(b[:length], pseudoSum(h, 58, length))
		if sum != 0 {
			p.printf("[bad icmp6 cksum 0x%04x -> 0x%04x!] ", is, shouldBe(is, sum))
		} else {
			p.print("[icmp6 sum ok] ")
		}
	}
	tn, ok := icmp6Types[typ]
	if !ok {
		tn = sprintf("unknown icmp6 type (%d)", typ)
	}
	p.printf("ICMP6, %s", tn)
	if p.o.Verbose > 0 && (typ == 133 || typ == 134 || typ == 135 || typ == 136 || typ == 137 || typ == 145 || typ == 147) {
		p.printf(", length %d", length)
	}
	code := r.u8(1) // read after the type's name, as tcpdump does
	// nd prints the neighbour discovery options from off; false (after
	// the truncation marker) where they run past what was captured.
	nd := func(off int) bool {
		if p.ndOptions(b[min(off, len(b)):], length-off) {
			return true
		}
		r.trunc()
		return false
	}
	switch typ {
	case 1:
		cn, ok := icmp6Unreach[code]
		if !ok {
			cn = sprintf("unknown unreach code (%d)", code)
		}
		p.printf(", %s", cn)
		switch code {
		case 0, 1, 3:
			r.need(0, 48)
			p.printf(" %s", p.host(addr16(b[32:])))
		case 2:
			r.need(0, 48)
			p.printf(" %s, source address %s", p.host(addr16(b[32:])), p.host(addr16(b[16:])))
		case 4:
			// No transport header found: tcpdump's "goto trunc", a
			// marker and a normal return.
			prot, up := upperLayer6(b[min(8, len(b)):])
			if up == nil {
				r.trunc()
				return
			}
			dport := be16(up, 2)
			d := p.host(addr16(b[32:]))
			if prot == 6 {
				p.printf(", %s tcp port %s", d, p.tcpPort(dport))
			} else {
				p.printf(", %s udp port %s", d, p.udpPort(dport))
			}
		default:
			if p.o.Verbose <= 1 {
				p.unknownData(b, "\n\t", length)
				return
			}
		}
	case 2:
		p.printf(", mtu %d", r.be32(4))
	case 3:
		switch code {
		case 0:
			r.need(0, 48)
			p.printf(" for %s", p.host(addr16(b[32:])))
		case 1:
			p.print(" (reassembly)")
		default:
			p.printf(", unknown code (%d)", code)
		}
	case 4:
		if !r.has(0, 48) {
			r.trunc()
			return
		}
		switch code {
		case 0:
			p.printf(", erroneous - octet %d", r.be32(4))
		case 1:
			p.printf(", next header - octet %d", r.be32(4))
		case 2:
			p.printf(", option - octet %d", r.be32(4))
		case 3:
			p.printf(", incomplete header chain - octet %d", r.be32(4))
		default:
			p.printf(", code-#%d", code)
		}
	case 128, 129:
		p.printf(", id %d, seq %d", r.be16(4), r.be16(6))
	case 130:
		if length == 24 {
			p.mld(r)
		} else if length >= 28 {
			p.print(" v2")
			p.mldv2Query(b, length)
		} else {
			p.printf(" unknown-version (len %d) ", length)
		}
	case 131, 132:
		p.mld(r)
	case 133:
		if p.o.Verbose > 0 && !nd(8) {
			return
		}
	case 134:
		if p.o.Verbose > 0 {
			r.need(0, 16)
			f := b[5]
			p.printf("\n\thop limit %d, Flags [%s], pref %s, router lifetime %ds, reachable time %dms, retrans timer %dms",
				b[4], bitTokString(raFlags, "none", uint32(f)), routerPref(f), r.be16(6), r.be32(8), r.be32(12))
			if !nd(16) {
				return
			}
		}
	case 135:
		r.need(0, 24)
		p.printf(", who has %s", p.host(addr16(b[8:])))
		if p.o.Verbose > 0 && !nd(24) {
			return
		}
	case 136:
		r.need(0, 24)
		p.printf(", tgt is %s", p.host(addr16(b[8:])))
		if p.o.Verbose > 0 {
			f := r.be32(4)
			var fl []string
			if f&0x80000000 != 0 {
				fl = append(fl, "router")
			}
			if f&0x40000000 != 0 {
				fl = append(fl, "solicited")
			}
			if f&0x20000000 != 0 {
				fl = append(fl, "override")
			}
			s := "none"
			if len(fl) > 0 {
				s = join(fl, ", ")
			}
			p.printf(", Flags [%s]", s)
			if !nd(24) {
				return
			}
		}
	case 137:
		r.need(0, 40)
		p.printf(", %s to %s", p.host(addr16(b[24:])), p.host(addr16(b[8:])))
		if p.o.Verbose > 0 && !nd(40) {
			return
		}
	case 143:
		p.mldv2Report(b, length)
	case 138:
		if !p.rrenum(b) {
			r.trunc()
		}
	case 139, 140:
		if !p.nodeInfo(b, length) {
			r.trunc()
		}
	case 141, 142:
	case 144, 146:
		p.printf(", id 0x%04x", r.be16(4))
	case 145:
		if p.o.Verbose > 0 {
			p.printf(", id 0x%04x", r.be16(4))
			for off := 8; off < length; off += 16 {
				r.need(off, 16)
				p.printf(", %s", p.host(addr16(b[off:])))
			}
		}
	case 147:
		if p.o.Verbose > 0 {
			p.printf(", id 0x%04x", r.be16(4))
			f := r.be16(6)
			if f&0xc000 != 0 {
				p.print(" ")
			}
			if f&0x8000 != 0 {
				p.print("M")
			}
			if f&0x4000 != 0 {
				p.print("O")
			}
			if !nd(8) {
				return
			}
		}
	case 155:
		p.rpl(code, b[min(4, len(b)):], length-4)
	default:
		p.printf(", length %d", length)
		if p.o.Verbose <= 1 {
			p.unknownData(b, "\n\t", length)
		}
		return
	}
	if p.o.Verbose == 0 {
		p.printf(", length %d", length)
	}
}

func join(s []string, sep string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += sep
		}
		out += x
	}
	return out
}

// upperLayer6 finds the transport header in the IPv6 packet quoted by an
// ICMPv6 error, skipping extension headers as tcpdump's get_upperlayer
// does: it returns the protocol and the header only for TCP and UDP
// (with the destination port captured), nil for anything else.
func upperLayer6(b []byte) (uint8, []byte) {
	if len(b) < 7 {
		return 0, nil
	}
	nh := b[6]
	off, hlen := 0, 40
	for off < len(b) {
		off += hlen
		switch nh {
		case 6, 17:
			if off+4 > len(b) {
				return 0, nil
			}
			return nh, b[off:]
		case 0, 60, 43: // hop-by-hop, destination options, routing
			if off+2 > len(b) {
				return 0, nil
			}
			nh, hlen = b[off], (int(b[off+1])+1)<<3
		case 44: // fragment: only a first one has the header
			if off+4 > len(b) || binary.BigEndian.Uint16(b[off+2:])&0xfff8 != 0 {
				return 0, nil
			}
			nh, hlen = b[off], 8
		case 51: // AH
			if off+2 > len(b) {
				return 0, nil
			}
			nh, hlen = b[off], (int(b[off+1])+2)<<2
		default:
			return 0, nil
		}
	}
	return 0, nil
}

// mld prints an MLDv1 message's delay and address, or nothing when the
// message was not captured whole (tcpdump's mld6_print).
func (p *Printer) mld(r reader) {
	if !r.has(0, 24) {
		return
	}
	p.printf("max resp delay: %d ", r.be16(4)) // no space before, as tcpdump prints it
	p.printf("addr: %s", p.host(addr16(r.b[8:])))
}

func (p *Printer) mldv2Query(b []byte, length int) {
	if length < 28 {
		p.printf(" [invalid len %d]", length)
		return
	}
	mrc := int(be16(b, 4))
	mrt := mrc
	if mrc >= 32768 {
		mrt = ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3)
	}
	if p.o.Verbose > 0 {
		p.printf(" [max resp delay=%d]", mrt)
	}
	need(b, 24)
	p.printf(" [gaddr %s", p.host(addr16(b[8:])))
	if p.o.Verbose > 0 {
		if u8(b, 24)&0x08 != 0 {
			p.print(" sflag")
		}
		if b[24]&0x07 != 0 {
			p.printf(" robustness=%d", b[24]&0x07)
		}
		qqi := int(u8(b, 25))
		if qqi >= 128 {
			qqi = ((qqi & 0x0f) | 0x10) << (((qqi & 0x70) >> 4) + 3)
		}
		p.printf(" qqi=%d", qqi)
	}
	n := int(be16(b, 26))
	if n > 0 {
		switch {
		case length < 28+n*16:
			p.print(" [invalid number of sources]")
		case p.o.Verbose > 1:
			p.print(" {")
			for i := 0; i < n; i++ {
				need(b, 28+16*(i+1))
				p.printf(" %s", p.host(addr16(b[28+16*i:])))
			}
			p.print(" }")
		default:
			p.printf(", %d source(s)", n)
		}
	}
	p.print("]")
}

func (p *Printer) mldv2Report(b []byte, length int) {
	if length < 8 {
		p.printf(" [invalid len %d]", length)
		return
	}
	need(b, 8)
	p.groupRecords(b, length, 16, "v2")
}
