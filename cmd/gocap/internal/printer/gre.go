package printer

var greFlagBits = []bitTok{{0x8000, "checksum present"}, {0x4000, "routing present"},
	{0x2000, "key present"}, {0x1000, "sequence# present"}, {0x0800, "source routing present"},
	{0x0080, "ack present"}}

// etPPP is the ethertype enhanced GRE carries PPP under.
const etPPP = 0x880b

// gre prints a GRE packet: version 0 (RFC 1701/2784/2890) with its
// optional fields, source routes and payload, version 1 (the enhanced
// GRE of PPTP, RFC 2637), or a note of an unknown version. Every length
// or capture check of tcpdump's goes to its own "trunc:" label, which
// ends the GRE part with " [|gre]".
func (p *Printer) gre(b []byte, length int) {
	r := p.reader("gre", b)
	p.label("gre", func() {
		r.check(0, 2)
		if length < 2 {
			gotoTrunc()
		}
		flags := r.be16(0)
		v := flags & 7
		p.printf("GREv%d", v)
		if v > 1 {
			p.print(" ERROR: unknown-version")
			return
		}
		if p.o.Verbose > 0 {
			p.printf(", Flags [%s]", bitTokString(greFlagBits, "none", uint32(flags)))
		}
		h := greHeader{r: r, off: 2, left: length - 2}
		prot := r.be16(h.field(2))
		if v == 0 {
			p.greV0(&h, length, flags, prot)
		} else {
			p.greV1(&h, length, flags, prot)
		}
	})
}

// greHeader walks a GRE header's fields: where the next one starts and
// how many bytes of the packet are left from there.
type greHeader struct {
	r         reader
	off, left int
}

// field is the offset of the next field, of n bytes, which it steps
// past; it goes to the GRE label unless the field was captured and is
// within the packet.
func (h *greHeader) field(n int) int {
	h.r.check(h.off, n)
	if h.left < n {
		gotoTrunc()
	}
	off := h.off
	h.off, h.left = h.off+n, h.left-n
	return off
}

// greTail prints what ends both versions' headers: the protocol with
// -e, the length and, where a payload follows, the separator before it.
func (p *Printer) greTail(prot uint16, length int, payload bool) {
	if p.o.LinkHeader {
		p.printf(", proto %s (0x%04x)", ethertypeName(prot, "unknown"), prot)
	}
	p.printf(", length %d", length)
	if !payload {
		return
	}
	if p.o.Verbose < 1 {
		p.print(": ")
	} else {
		p.print("\n\t")
	}
}

// greV0 prints the rest of a version 0 header, after its protocol
// field, and its payload.
func (p *Printer) greV0(h *greHeader, length int, flags, prot uint16) {
	r := h.r
	if flags&0xc000 != 0 {
		sum := h.field(2)
		if p.o.Verbose > 0 {
			p.printf(", sum 0x%x", r.be16(sum))
		}
		p.printf(", off 0x%x", r.be16(h.field(2)))
	}
	if flags&0x2000 != 0 {
		p.printf(", key=0x%x", r.be32(h.field(4)))
	}
	if flags&0x1000 != 0 {
		p.printf(", seq %d", r.be32(h.field(4)))
	}
	if flags&0x4000 != 0 {
		for {
			off := h.field(4)
			af, sreoff, srelen := r.be16(off), int(r.u8(off+2)), int(r.u8(off+3))
			if af == 0 && srelen == 0 {
				break
			}
			if !p.greSRE(r.from(h.off), af, sreoff, srelen, h.left) || h.left < srelen {
				gotoTrunc()
			}
			h.off, h.left = h.off+srelen, h.left-srelen
		}
	}
	p.greTail(prot, length, true)
	rest, left := r.b[min(h.off, len(r.b)):], h.left
	switch prot {
	case etIPv4:
		p.ip(rest, left)
	case etIPv6:
		p.ip6(rest, left)
	case etMPLS:
		p.mpls(rest, left)
	case 0x8137: // IPX
		p.ipx(rest, left)
	case 0x809b: // AppleTalk
		p.atalk(rest, left)
	case 0x00fe: // OSI, an ethertype only GRE uses
		p.isoclns(rest, left)
	case etTEB:
		p.ether(rest, left)
	default:
		p.printf("gre-proto-0x%x", prot)
	}
}

// greSRE prints a source route entry of the address family af: its
// addresses, the one at sreoff starred, or what is wrong with its offset
// or length. It reports false where the entry runs past the packet.
func (p *Printer) greSRE(r reader, af uint16, sreoff, srelen, left int) bool {
	var size int
	var item func(off int) string
	switch af {
	case 0x0800:
		p.print(", (rtaf=ip")
		size = 4
		item = func(off int) string { return sprintf("%d.%d.%d.%d", r.b[off], r.b[off+1], r.b[off+2], r.b[off+3]) }
	case 0xfffe:
		p.print(", (rtaf=asn")
		size = 2
		item = func(off int) string { return sprintf("%x", r.be16(off)) }
	default:
		p.printf(", (rtaf=0x%x)", af)
		return true
	}
	defer p.print(")")
	switch {
	case sreoff%size != 0:
		p.printf(", badoffset=%d", sreoff)
		return true
	case srelen%size != 0:
		p.printf(", badlength=%d", srelen)
		return true
	case sreoff >= srelen:
		p.printf(", badoff/len=%d/%d", sreoff, srelen)
		return true
	}
	for off := 0; srelen != 0; off += size {
		if !r.has(off, size) || left < size {
			return false
		}
		star := ""
		if off == sreoff {
			star = "*"
		}
		p.printf(" %s%s", star, item(off))
		left -= size
		srelen -= size
	}
	return true
}

// greV1 prints the rest of an enhanced GRE header as PPTP uses it,
// after its protocol field: the key field's low half is the call id, and
// only a packet with a sequence number carries a (PPP) payload.
func (p *Printer) greV1(h *greHeader, length int, flags, prot uint16) {
	r := h.r
	if flags&0x2000 != 0 {
		p.printf(", call %d", r.be32(h.field(4))&0xffff)
	}
	if flags&0x1000 != 0 {
		p.printf(", seq %d", r.be32(h.field(4)))
	}
	if flags&0x0080 != 0 {
		p.printf(", ack %d", r.be32(h.field(4)))
	}
	payload := flags&0x1000 != 0
	if !payload {
		p.print(", no-payload")
	}
	p.greTail(prot, length, payload)
	if !payload {
		return
	}
	if prot == etPPP {
		p.ppp(r.b[min(h.off, len(r.b)):], h.left)
		return
	}
	p.printf("gre-proto-0x%x", prot)
}
