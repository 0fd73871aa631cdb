package printer

// Switch tags inside Ethernet frames: Broadcom's (tcpdump's
// print-brcmtag.c: DLT_DSA_TAG_BRCM between the source address and the
// type field, DLT_DSA_TAG_BRCM_PREPEND before the frame) and Marvell's
// DSA and EDSA tags (print-dsa.c: DLT_DSA_TAG_DSA, DLT_DSA_TAG_EDSA).

const (
	brcmTagLen = 4
	dsaTagLen  = 4
	edsaTagLen = 8
)

var (
	brcmTEs = map[uint8]string{0: "None", 1: "Untag", 2: "Header", 3: "Reserved"}
	brcmRCs = map[uint8]string{1: "mirror", 2: "MAC learning", 4: "switching", 8: "prot term", 16: "prot snoop", 32: "exception"}
)

// brcmTag prints a Broadcom tag: an ingress or an egress one.
func (p *Printer) brcmTag(b []byte) {
	need(b, brcmTagLen)
	op := "EG"
	if b[0] != 0 {
		op = "IG"
	}
	p.printf("BRCM tag OP: %s", op)
	if b[0]&0x20 != 0 {
		p.printf(", TC: %d, TE: %s, TS: %d, DST map: 0x%04x", b[1]>>2&7, mapName(brcmTEs, b[1]&3, "unknown"),
			b[1]>>7, (uint16(b[2])<<8|uint16(b[3]))&0x1ff)
	} else {
		p.printf(", CID: %d, RC: %s, TC: %d, port: %d", b[1], mapName(brcmRCs, b[2], "reserved"), b[3]>>5, b[3]&0x1f)
	}
	p.print(", ")
}

// brcmLink prints a DLT_DSA_TAG_BRCM frame.
func (p *Printer) brcmLink(b []byte, length int) int {
	return p.etherWith(p.reader("brcm-tag", b), length, etherEncap{tagLen: brcmTagLen, tag: p.brcmTag})
}

// brcmPrependLink prints a DLT_DSA_TAG_BRCM_PREPEND frame.
func (p *Printer) brcmPrependLink(b []byte, length int) int {
	r := p.reader("brcm-tag-prepend", b)
	r.need(0, brcmTagLen)
	if p.o.LinkHeader {
		p.brcmTag(b)
	}
	return brcmTagLen + p.ether(b[brcmTagLen:], length-brcmTagLen)
}

var (
	dsaModes = [4]string{"To CPU", "From CPU", "To Sniffer", "Forward"}
	dsaCodes = map[uint8]string{0: "BPDU (MGMT) Trap", 1: "Frame2Reg", 2: "IGMP/MLD Trap", 3: "Policy Trap", 4: "ARP Mirror", 5: "Policy Mirror"}
)

// dsaTagFields prints the fields of a 4-byte Marvell DSA tag, in full
// with -e, else in brief.
func (p *Printer) dsaTagFields(b []byte) {
	need(b, 4)
	mode := b[0] >> 6
	tagged := b[0]&0x20 != 0
	dev, port := b[0]&0x1f, b[1]>>3
	bit18 := b[1]&0x04 != 0 // a trunk, or a sniffed frame's direction
	kind := ifElse(bit18, "trunk", "port")
	vid := uint16(b[2]&0x0f)<<8 | uint16(b[3])
	if p.o.LinkHeader {
		p.printf("mode %s, ", dsaModes[mode])
		switch mode {
		case 3:
			p.printf("dev %d, %s %d, ", dev, kind, port)
		case 1:
			p.printf("target dev %d, port %d, ", dev, port)
		case 0:
			code := (b[1]&0x06)>>1<<1 | (b[2]&0x10)>>4
			p.printf("source dev %d, port %d, code %s, ", dev, port, mapName(dsaCodes, code, "reserved"))
		case 2:
			p.printf("source dev %d, port %d, %s sniff, ", dev, port, ifElse(bit18, "ingress", "egress"))
		}
		p.print(ifElse(tagged, "tagged, ", "untagged, "))
		if b[1]&1 != 0 {
			p.print("CFI, ")
		}
		p.printf("VID %d, FPri %d, ", vid, b[2]>>5)
		return
	}
	switch mode {
	case 3:
		p.printf("Forward %s %d.%d, ", kind, dev, port)
	case 1:
		p.printf("CPU > port %d.%d, ", dev, port)
	case 0:
		p.printf("port %d.%d > CPU, ", dev, port)
	case 2:
		p.printf("port %d.%d > %s Sniffer, ", dev, port, ifElse(bit18, "Rx", "Tx"))
	}
	t := 'u'
	if tagged {
		t = 't'
	}
	p.printf("VLAN %d%c, ", vid, t)
}

// dsaTag prints a Marvell DSA tag.
func (p *Printer) dsaTag(b []byte) {
	if p.o.LinkHeader {
		p.print("Marvell DSA ")
	} else {
		p.print("DSA ")
	}
	p.dsaTagFields(b)
}

// edsaTag prints a Marvell EDSA tag: an Ethernet type, two reserved
// bytes and a DSA tag.
func (p *Printer) edsaTag(b []byte) {
	et := be16(b, 0)
	if p.o.LinkHeader {
		p.printf("Marvell EDSA ethertype 0x%04x (%s), rsvd %d %d, ", et, ethertypeName(et, "Unknown"), u8(b, 2), u8(b, 3))
	} else {
		p.printf("EDSA 0x%04x, ", et)
	}
	p.dsaTagFields(b[4:])
}

// dsaLink prints a DLT_DSA_TAG_DSA frame.
func (p *Printer) dsaLink(b []byte, length int) int {
	return p.etherWith(p.reader("dsa", b), length, etherEncap{tagLen: dsaTagLen, tag: p.dsaTag})
}

// edsaLink prints a DLT_DSA_TAG_EDSA frame.
func (p *Printer) edsaLink(b []byte, length int) int {
	return p.etherWith(p.reader("edsa", b), length, etherEncap{tagLen: edsaTagLen, tag: p.edsaTag})
}
