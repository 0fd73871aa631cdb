package printer

// EIGRP, IP protocol 88, as tcpdump's print-eigrp.c prints it.

var eigrpOpcodes = map[uint32]string{1: "Update", 3: "Query", 4: "Reply", 5: "Hello", 6: "IPX SAP", 7: "Probe"}

var eigrpFlags = []bitTok{{0x01, "Init"}, {0x02, "Conditionally Received"}, {0x04, "Restart"}, {0x08, "End-of-Table"}}

var eigrpTLVs = map[uint32]string{1: "General Parameters", 2: "Authentication", 3: "Sequence",
	4: "Software Version", 5: "Next Multicast Sequence", 0x102: "IP Internal routes",
	0x103: "IP External routes", 0x202: "AppleTalk Internal routes", 0x203: "AppleTalk External routes",
	0x204: "AppleTalk Cable setup", 0x302: "IPX Internal routes", 0x303: "IPX External routes"}

var eigrpExtProtos = map[uint32]string{1: "IGRP", 2: "EIGRP", 3: "Static", 4: "RIP", 5: "Hello", 6: "OSPF",
	7: "IS-IS", 8: "EGP", 9: "BGP", 10: "IDRP", 11: "Connected"}

// eigrpTLVMin is the least length of a TLV's value by type, for the
// types tcpdump decodes.
var eigrpTLVMin = map[uint16]int{1: 8, 4: 4, 0x102: 22, 0x103: 42, 0x204: 8, 0x202: 24, 0x203: 40}

func eigrpOpcode(op uint8, unknown string) string {
	if s, ok := eigrpOpcodes[uint32(op)]; ok {
		return s
	}
	return sprintf(unknown, op)
}

// eigrp prints an EIGRP packet (eigrp_print).
func (p *Printer) eigrp(b []byte, length int) {
	r := p.reader("eigrp", b)
	if !r.has(0, 20) {
		r.trunc()
		return
	}
	if v := r.u8(0); v != 2 {
		p.printf("EIGRP version %d packet not supported", v)
		return
	}
	op := r.u8(1)
	if p.o.Verbose < 1 {
		p.printf("EIGRP %s, length: %d", eigrpOpcode(op, "unknown (%d)"), length)
		return
	}
	if length < 20 {
		p.printf("EIGRP %s, length: %d (too short, < 20)", eigrpOpcode(op, "unknown (%d)"), length)
		return
	}
	n := length - 20
	p.printf("\n\tEIGRP v%d, opcode: %s (%d), chksum: 0x%04x, Flags: [%s]\n\tseq: 0x%08x, ack: 0x%08x, VRID: %d, AS: %d, length: %d",
		r.u8(0), eigrpOpcode(op, "unknown, type: %d"), op, r.be16(2), bitTokString(eigrpFlags, "none", r.be32(4)),
		r.be32(8), r.be32(12), r.be16(16), r.be16(18), n)
	for off := 20; n > 0; {
		if !r.has(off, 4) {
			r.trunc()
			return
		}
		l, t := int(r.be16(off+2)), r.be16(off)
		if l < 4 || l > n {
			p.unknownAt(r, off+4, n, "\n\t    ")
			return
		}
		p.printf("\n\t  %s TLV (0x%04x), length: %d", nameOr(eigrpTLVs, uint32(t), "Unknown"), t, l)
		if !r.has(off, l) {
			r.trunc()
			return
		}
		v := off + 4
		if m, ok := eigrpTLVMin[t]; ok && l-4 < m {
			p.printf(" (too short, < %d)", 4+m)
		} else {
			p.eigrpTLV(r, t, v, l-4)
		}
		if p.o.Verbose > 1 {
			p.unknownAt(r, v, l-4, "\n\t    ")
		}
		off += l
		n -= l
	}
}

// eigrpMetric prints the metric fields shared by the route TLVs, at off.
func (p *Printer) eigrpMetric(r reader, off int) {
	p.printf("\n\t      delay %d ms, bandwidth %d Kbps, mtu %d, hop %d, reliability %d, load %d",
		r.be32(off)/100, r.be32(off+4), uint32(r.be16(off+8))<<8|uint32(r.u8(off+10)),
		r.u8(off+11), r.u8(off+12), r.u8(off+13))
}

// eigrpPrefix prints an IPv4 route's prefix (its length at off, the
// bytes it needs after) and next hop; false for an illegal length.
func (p *Printer) eigrpPrefix(r reader, v, off int) bool {
	bl := int(r.u8(off))
	if bl > 32 {
		p.printf("\n\t    illegal prefix length %d", bl)
		return false
	}
	var a [4]byte
	copy(a[:], r.bytes(off+1, (bl+7)/8))
	p.printf("\n\t    IPv4 prefix: %15s/%d, nexthop: ", p.host(addr4(a[:])), bl)
	if r.be32(v) == 0 {
		p.print("self")
	} else {
		p.print(p.host(addr4(r.bytes(v, 4))))
	}
	return true
}

// eigrpATNexthop prints an AppleTalk route's cable range and next hop.
func (p *Printer) eigrpATNexthop(r reader, v, cable int) {
	p.printf("\n\t     Cable-Range: %d-%d, nexthop: ", r.be16(cable), r.be16(cable+2))
	if r.be32(v) == 0 {
		p.print("self")
	} else {
		p.printf("%d.%d", r.be16(v), r.be16(v+2))
	}
}

// eigrpTLV prints the value of a TLV at v, n bytes.
func (p *Printer) eigrpTLV(r reader, t uint16, v, n int) {
	switch t {
	case 1:
		p.printf("\n\t    holdtime: %ds, k1 %d, k2 %d, k3 %d, k4 %d, k5 %d",
			r.be16(v+6), r.u8(v), r.u8(v+1), r.u8(v+2), r.u8(v+3), r.u8(v+4))
	case 4:
		p.printf("\n\t    IOS version: %d.%d, EIGRP version %d.%d", r.u8(v), r.u8(v+1), r.u8(v+2), r.u8(v+3))
	case 0x102:
		if p.eigrpPrefix(r, v, v+20) {
			p.eigrpMetric(r, v+4)
		}
	case 0x103:
		if !p.eigrpPrefix(r, v, v+40) {
			return
		}
		proto := uint32(r.u8(v + 22))
		p.printf("\n\t      origin-router %s, origin-as %d, origin-proto %s, flags [0x%02x], tag 0x%08x, metric %d",
			p.host(addr4(r.bytes(v+4, 4))), r.be32(v+8), nameOr(eigrpExtProtos, proto, "unknown"),
			r.u8(v+23), r.be32(v+12), r.be32(v+16))
		p.eigrpMetric(r, v+24)
	case 0x204:
		p.printf("\n\t    Cable-range: %d-%d, Router-ID %d", r.be16(v), r.be16(v+2), r.be32(v+4))
	case 0x202:
		p.eigrpATNexthop(r, v, v+20)
		p.eigrpMetric(r, v+4)
	case 0x203:
		p.eigrpATNexthop(r, v, v+36)
		proto := uint32(r.u8(v + 16))
		p.printf("\n\t      origin-router %d, origin-as %d, origin-proto %s, flags [0x%02x], tag 0x%08x, metric %d",
			r.be32(v+4), r.be32(v+8), nameOr(eigrpExtProtos, proto, "unknown"), r.u8(v+17), r.be32(v+12), r.be16(v+18))
		p.eigrpMetric(r, v+20)
	default:
		if p.o.Verbose <= 1 {
			p.unknownAt(r, v, n, "\n\t    ")
		}
	}
}
