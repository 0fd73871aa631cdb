package printer

// GeoNetworking (ethertypes 0x8947 and 0x0707) and CALM FAST (0x1111) as
// tcpdump's print-geonet.c and print-calm-fast.c print them, and the
// dispatch of the ethertypes whose printers name the frame's source
// (or both) link-layer addresses.

// ethertypeFrom is ethertype for a caller that has the frame's source
// and destination link-layer addresses (nil when it has none): the
// printers of GeoNetworking, CALM FAST and Realtek print them.
func (p *Printer) ethertypeFrom(t uint16, b []byte, length int, src, dst []byte) bool {
	switch t {
	case 0x8947, 0x0707:
		p.geonet(b, length, src)
	case 0x1111:
		p.calmFast(b, length, src)
	case 0x8899:
		p.rtl(b, src, dst)
	default:
		return p.ethertype(t, b, length)
	}
	return true
}

// lladdrName formats a link-layer address the way the link's printer
// does (an Ethernet address, possibly by name, or colon-separated
// bytes).
func (p *Printer) lladdrName(a []byte) string {
	if len(a) == 6 {
		return p.etherAddr(a)
	}
	return linkAddr(a)
}

// hexASCIILen is tcpdump's hex_and_ascii_print: a dump of n bytes, of
// those captured, ending the packet if fewer were.
func (p *Printer) hexASCIILen(b []byte, n int) {
	p.hexASCII(b[:min(max(n, 0), len(b))])
	if n > len(b) {
		endPacket()
	}
}

var geonetMsgTypes = map[uint8]string{0: "CAM", 1: "DENM", 101: "TPEGM", 102: "TSPDM", 103: "VPM", 104: "SRM",
	105: "SLAM", 106: "ecoCAM", 107: "ITM", 150: "SA"}

var geonetNextHeaders = map[uint8]string{0: "Any", 1: "BTP-A", 2: "BTP-B", 3: "IPv6"}

// geonetHeaderTypes name the header types, keyed by type<<4|subtype;
// types 0 to 2 have the name whatever the subtype.
var geonetHeaderTypes = map[uint8]string{0x30: "GeoAnycastCircle", 0x31: "GeoAnycastRect",
	0x32: "GeoAnycastElipse", 0x40: "GeoBroadcastCircle", 0x41: "GeoBroadcastRect", 0x42: "GeoBroadcastElipse",
	0x50: "TopoScopeBcast-SH", 0x51: "TopoScopeBcast-MH", 0x60: "LocService-Request", 0x61: "LocService-Reply"}

// geonetHead prints what starts a GeoNetworking or CALM FAST packet's
// line: the name, the link-layer source address where there is one (after
// sep) and "; ".
func (p *Printer) geonetHead(name, sep string, src []byte) {
	p.print(name)
	if src != nil {
		p.printf("%ssrc:%s", sep, p.lladdrName(src))
	}
	p.print("; ")
}

// geonet prints a GeoNetworking packet.
func (p *Printer) geonet(b []byte, length int, src []byte) {
	r := p.reader("geonet", b)
	p.geonetHead("GeoNet ", "", src)
	if length < 36 {
		p.printf(" (common header length %d < 36)", length)
		p.print(" (invalid)")
		return
	}
	nh, ht, hs := r.u8(0)&0x0f, r.u8(1)>>4, r.u8(1)&0x0f
	pl, hop := r.be16(4), r.u8(7)
	var htName string
	switch {
	case ht <= 2:
		htName = [...]string{"Any", "Beacon", "GeoUnicast"}[ht]
	default:
		htName = mapName(geonetHeaderTypes, ht<<4|hs, "Unknown")
	}
	p.printf("v:%d NH:%d-%s HT:%d-%d-%s HopLim:%d Payload:%d ", r.u8(0)>>4, nh,
		mapName(geonetNextHeaders, nh, "Unknown"), ht, hs, htName, hop, pl)
	p.printf("GN_ADDR:%s ", linkAddr(r.bytes(8, 8)))
	p.printf("lat:%d ", r.be32(20))
	p.printf("lon:%d", r.be32(24))
	r.need(0, 36)
	off, n := 36, length-36
	size := -1
	switch {
	case ht == 0, ht == 1, ht == 5 && hs == 0:
		size = 0
	case ht == 5 && hs == 1:
		size = 68 - 36
	}
	if size >= 0 {
		if n < size {
			p.printf(" (header size %d > %d)", size, n)
			p.print(" (invalid)")
			return
		}
		r.need(off, size)
		off += size
		n -= size
		if nh == 1 || nh == 2 {
			if n < 4 {
				p.printf(" (BTP length %d < 4)", n)
				p.print(" (invalid)")
				return
			}
			p.printf("; BTP Dst:%d", r.be16(off))
			p.printf(" Src:%d", r.be16(off+2))
			off += 4
			n -= 4
			if n >= 2 {
				p.printf("; ItsPduHeader v:%d", r.u8(off))
				t := r.u8(off + 1)
				p.printf(" t:%d-%s", t, mapName(geonetMsgTypes, t, sprintf("unknown (%d)", t)))
			}
		}
	}
	if p.o.Verbose > 0 {
		p.hexASCIILen(r.b[min(off, len(r.b)):], n)
	}
}

// calmFast prints a CALM FAST packet.
func (p *Printer) calmFast(b []byte, length int, src []byte) {
	r := p.reader("calm_fast", b)
	p.geonetHead("CALM FAST", " ", src)
	if length < 2 {
		p.printf(" (length %d < 2)", length)
		p.print(" (invalid)")
		r.need(0, length)
		return
	}
	p.printf("SrcNwref:%d; ", r.u8(0))
	p.printf("DstNwref:%d; ", r.u8(1))
	if p.o.Verbose > 0 {
		p.hexASCIILen(b[2:], length-2)
	}
}

var rrcpOpcodes = map[uint8]string{0: "hello", 1: "get", 2: "set"}

// rtl prints a Realtek protocol frame (ethertype 0x8899): RRCP, REP,
// RLDP or a DSA tag.
func (p *Printer) rtl(b []byte, src, dst []byte) {
	r := p.reader("rtl", b)
	if src != nil && dst != nil {
		p.printf("%s > %s, ", p.lladdrName(src), p.lladdrName(dst))
	}
	switch proto := r.u8(0); {
	case proto == 1:
		p.rrcp(b)
	case proto == 2:
		p.print("REP")
	case proto == 3 || proto == 0x23:
		p.print("RLDP")
	case proto == 4:
		p.print("Realtek 8-byte DSA tag")
	case proto&0xf0 == 0x90:
		p.print("Realtek RTL8306 4-byte DSA tag")
	case proto&0xf0 == 0xa0:
		p.print("Realtek RTL8366RB 4-byte DSA tag")
	default:
		p.printf("Realtek unknown type 0x%02x", proto)
	}
}

// rrcp prints a Realtek Remote Control Protocol message.
func (p *Printer) rrcp(b []byte) {
	r := p.reader("rrcp", b)
	oc := r.u8(1)
	op := oc & 0x7f
	reply := oc&0x80 != 0
	p.printf("RRCP %s: %s", ifElse(reply, "reply", "query"), mapName(rrcpOpcodes, op, sprintf("unknown opcode (0x%02x)", op)))
	le16 := func(o int) uint16 { return uint16(r.u8(o)) | uint16(r.u8(o+1))<<8 }
	if op == 1 || op == 2 {
		p.printf(" addr=0x%04x, data=0x%08x", le16(4), uint32(le16(6))|uint32(le16(8))<<16)
	}
	p.printf(", auth=0x%04x", r.be16(2))
	if op == 0 && reply {
		p.printf(" downlink_port=%d, uplink_port=%d, uplink_mac=%s, vendor_id=%08x ,chip_id=%04x ",
			r.u8(4), r.u8(5), p.etherAddr(r.bytes(6, 6)), r.be32(14), r.be16(12))
	} else if op == 1 || op == 2 {
		p.printf(", cookie=0x%08x%08x ", r.be32(14), r.be32(10))
	}
}
