package printer

import "fmt"

var greFlagBits = []flagBit{{0x8000, "checksum present"}, {0x4000, "routing present"},
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
		p.printf("GREv%d", flags&7)
		switch flags & 7 {
		case 0:
			p.greV0(r, length, flags)
		case 1:
			p.greV1(r, length, flags)
		default:
			p.print(" ERROR: unknown-version")
		}
	})
}

// greField checks that the n bytes at off were captured and are within
// the left bytes of the packet, going to the GRE label if not.
func greField(r reader, off, n, left int) {
	r.check(off, n)
	if left < n {
		gotoTrunc()
	}
}

// greV0 prints the rest of a version 0 header and its payload.
func (p *Printer) greV0(r reader, length int, flags uint16) {
	if p.o.Verbose > 0 {
		p.printf(", Flags [%s]", flagNames(greFlagBits, uint32(flags), "none", ", "))
	}
	off, left := 2, length-2
	greField(r, off, 2, left)
	prot := r.be16(off)
	off, left = off+2, left-2
	if flags&0xc000 != 0 {
		greField(r, off, 2, left)
		if p.o.Verbose > 0 {
			p.printf(", sum 0x%x", r.be16(off))
		}
		off, left = off+2, left-2
		greField(r, off, 2, left)
		p.printf(", off 0x%x", r.be16(off))
		off, left = off+2, left-2
	}
	if flags&0x2000 != 0 {
		greField(r, off, 4, left)
		p.printf(", key=0x%x", r.be32(off))
		off, left = off+4, left-4
	}
	if flags&0x1000 != 0 {
		greField(r, off, 4, left)
		p.printf(", seq %d", r.be32(off))
		off, left = off+4, left-4
	}
	if flags&0x4000 != 0 {
		for {
			greField(r, off, 4, left)
			af, sreoff, srelen := r.be16(off), int(r.u8(off+2)), int(r.u8(off+3))
			off, left = off+4, left-4
			if af == 0 && srelen == 0 {
				break
			}
			if !p.greSRE(r.from(off), af, sreoff, srelen, left) || left < srelen {
				gotoTrunc()
			}
			off, left = off+srelen, left-srelen
		}
	}
	if p.o.LinkHeader {
		p.printf(", proto %s (0x%04x)", ethertypeName(prot, "unknown"), prot)
	}
	p.printf(", length %d", length)
	if p.o.Verbose < 1 {
		p.print(": ")
	} else {
		p.print("\n\t")
	}
	rest := r.b[min(off, len(r.b)):]
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
		item = func(off int) string { return fmt.Sprintf("%d.%d.%d.%d", r.b[off], r.b[off+1], r.b[off+2], r.b[off+3]) }
	case 0xfffe:
		p.print(", (rtaf=asn")
		size = 2
		item = func(off int) string { return fmt.Sprintf("%x", r.be16(off)) }
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

// greV1 prints the rest of an enhanced GRE header as PPTP uses it: the
// key field's low half is the call id, and only a packet with a
// sequence number carries a (PPP) payload.
func (p *Printer) greV1(r reader, length int, flags uint16) {
	off, left := 2, length-2
	if p.o.Verbose > 0 {
		p.printf(", Flags [%s]", flagNames(greFlagBits, uint32(flags), "none", ", "))
	}
	greField(r, off, 2, left)
	prot := r.be16(off)
	off, left = off+2, left-2
	if flags&0x2000 != 0 {
		greField(r, off, 4, left)
		p.printf(", call %d", r.be32(off)&0xffff)
		off, left = off+4, left-4
	}
	if flags&0x1000 != 0 {
		greField(r, off, 4, left)
		p.printf(", seq %d", r.be32(off))
		off, left = off+4, left-4
	}
	if flags&0x0080 != 0 {
		greField(r, off, 4, left)
		p.printf(", ack %d", r.be32(off))
		off, left = off+4, left-4
	}
	if flags&0x1000 == 0 {
		p.print(", no-payload")
	}
	if p.o.LinkHeader {
		p.printf(", proto %s (0x%04x)", ethertypeName(prot, "unknown"), prot)
	}
	p.printf(", length %d", length)
	if flags&0x1000 == 0 {
		return
	}
	if p.o.Verbose < 1 {
		p.print(": ")
	} else {
		p.print("\n\t")
	}
	if prot == etPPP {
		p.ppp(r.b[min(off, len(r.b)):], left)
		return
	}
	p.printf("gre-proto-0x%x", prot)
}
