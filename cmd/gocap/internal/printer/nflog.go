package printer

import "encoding/binary"

// nflogHeader prints the NFLOG header as tcpdump's -e does.
func (p *Printer) nflogHeader(b []byte, length int) {
	p.printf("version %d, resource ID %d", b[1], be16(b, 2))
	fam := b[0]
	name := map[byte]string{2: "IPv4", 10: "IPv6"}[fam]
	if !p.o.Quiet {
		if name == "" {
			name = "Unknown"
		}
		p.printf(", family %s (%d)", name, fam)
	} else {
		if name == "" {
			name = "Unknown NFLOG (0x" + string(hexdigits[fam>>4]) + string(hexdigits[fam&15]) + ")"
		}
		p.printf(", %s", name)
	}
	p.printf(", length %d: ", length)
}

// nflog prints a Linux NFLOG frame: the TLVs are skipped up to the one
// holding the packet, which is printed by its address family. It returns
// the length of the header and the skipped TLVs.
func (p *Printer) nflog(b []byte, length int) int {
	r := p.reader("nflog", b)
	if !r.has(0, 4) {
		r.trunc()
		return len(b)
	}
	if b[1] != 0 {
		p.printf("version %d (unknown)", b[1])
		return 4
	}
	if p.o.LinkHeader {
		p.nflogHeader(b, length)
	}
	hdr := b
	hsize := 4
	b = b[4:]
	length -= 4
	for length > 0 {
		if len(b) < 4 {
			p.truncMark("nflog")
			return hsize
		}
		// The TLV header is in the capturing host's byte order.
		size := int(binary.LittleEndian.Uint16(b))
		if size%4 != 0 {
			size += 4 - size%4
		}
		if size < 4 || len(b) < size {
			p.truncMark("nflog")
			return hsize
		}
		if binary.LittleEndian.Uint16(b[2:]) == 9 {
			b = b[4:]
			hsize += 4
			length -= 4
			break
		}
		b = b[size:]
		hsize += size
		length -= size
	}
	switch hdr[0] {
	case 2:
		p.ip(b, length)
	case 10:
		p.ip6(b, length)
	default:
		if !p.o.LinkHeader {
			p.nflogHeader(hdr, length+4)
		}
		p.defaultPrint(b)
	}
	return hsize
}
