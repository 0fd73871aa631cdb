package printer

// sFlow version 5 datagrams on UDP port 6343 (print-sflow.c). tcpdump
// reads every field with a packet-ending check, so a short capture ends
// the packet with " [|sflow]"; lengths that do not add up print
// " (invalid)".

var (
	sflowSampleTypes  = map[uint32]string{1: "flow sample", 2: "counter sample", 3: "expanded flow sample", 4: "expanded counter sample"}
	sflowFlowTypes    = map[uint32]string{1: "Raw packet", 2: "Ethernet frame", 3: "IPv4 Data", 4: "IPv6 Data", 1001: "Extended Switch data", 1002: "Extended Router data", 1003: "Extended Gateway data", 1004: "Extended User data", 1005: "Extended URL data", 1006: "Extended MPLS data", 1007: "Extended NAT data", 1008: "Extended MPLS tunnel", 1009: "Extended MPLS VC", 1010: "Extended MPLS FEC", 1011: "Extended MPLS LVP FEC", 1012: "Extended VLAN Tunnel"}
	sflowRawProtos    = map[uint32]string{1: "Ethernet", 11: "IPv4", 12: "IPv6"}
	sflowCounterTypes = map[uint32]string{1: "Generic counter", 2: "Ethernet counter", 3: "Token ring counter", 4: "100 BaseVG counter", 5: "Vlan counter", 1001: "Processor counter"}
	sflowDirections   = map[uint32]string{0: "unknown", 1: "full-duplex", 2: "half-duplex", 3: "in", 4: "out"}
)

func sflowName(m map[uint32]string, v uint32) string {
	if s, ok := m[v]; ok {
		return s
	}
	return "Unknown"
}

// sflow64 and sflow24 read 64- and 24-bit big-endian numbers.
func sflow64(r reader, off int) uint64 {
	return uint64(r.be32(off))<<32 | uint64(r.be32(off+4))
}

func (p *Printer) sflow(b []byte, length int) {
	r := p.reader("sflow", b)
	ipv := r.be32(4)
	if (length < 28 && ipv == 1) || (length < 40 && ipv == 2) {
		p.printf("sFlowv%d [length %d < 28] (invalid)", r.be32(0), length)
		return
	}
	r.need(0, 28)
	if v := r.be32(0); v != 5 {
		p.printf("sFlow version %d packet not supported", v)
		return
	}
	if p.o.Verbose < 1 {
		if ipv == 1 {
			p.printf("sFlowv%d, IPv4 agent %s, agent-id %d, length %d", r.be32(0), p.host(addr4(r.bytes(8, 4))), r.be32(12), length)
		} else {
			p.printf("sFlowv%d, IPv6 agent %s, agent-id %d, length %d", r.be32(0), p.host(addr16(r.bytes(8, 16))), r.be32(24), length)
		}
		return
	}
	off, tlen := 28, length
	var n uint32
	if ipv == 1 {
		n = r.be32(24)
		p.printf("sFlowv%d, IPv4 agent %s, agent-id %d, seqnum %d, uptime %d, samples %d, length %d",
			r.be32(0), p.host(addr4(r.bytes(8, 4))), r.be32(12), r.be32(16), r.be32(20), n, length)
		tlen -= 28
	} else {
		n = r.be32(36)
		p.printf("sFlowv%d, IPv6 agent %s, agent-id %d, seqnum %d, uptime %d, samples %d, length %d",
			r.be32(0), p.host(addr16(r.bytes(8, 16))), r.be32(24), r.be32(28), r.be32(32), n, length)
		if tlen < 40 {
			// An agent address type other than 1 or 2 reaches here
			// without the length check above.
			p.printf(" [tlen %d < 40]", tlen)
			p.sflowInvalid(r, 0, tlen)
			return
		}
		off, tlen = 40, tlen-40
	}
	for n > 0 && tlen > 0 {
		typ, slen := r.be32(off)&0x0fff, r.be32(off+4)
		if tlen < 8 {
			p.sflowInvalid(r, off, tlen)
			return
		}
		off += 8
		tlen -= 8
		p.printf("\n\t%s (%d), length %d,", sflowName(sflowSampleTypes, typ), typ, slen)
		if typ == 0 || slen == 0 {
			return
		}
		if uint64(tlen) < uint64(slen) {
			p.sflowInvalid(r, off, tlen)
			return
		}
		r.need(off, int(slen))
		ok := true
		switch typ {
		case 1:
			ok = p.sflowFlowSample(r, off, tlen, false)
		case 2:
			ok = p.sflowCounterSample(r, off, tlen, false)
		case 3:
			ok = p.sflowFlowSample(r, off, tlen, true)
		case 4:
			ok = p.sflowCounterSample(r, off, tlen, true)
		default:
			if p.o.Verbose <= 1 {
				p.unknownAt(r, off, int(slen), "\n\t    ")
			}
		}
		if !ok {
			p.sflowInvalid(r, off, tlen)
			return
		}
		off += int(slen)
		tlen -= int(slen)
		n--
	}
}

// sflowInvalid is the printer's "invalid:" label: the marker, then a
// check that the rest was captured.
func (p *Printer) sflowInvalid(r reader, off, tlen int) {
	p.print(" (invalid)")
	r.need(off, tlen)
}

func (p *Printer) sflowFlowSample(r reader, off, tlen int, expanded bool) bool {
	var n uint32
	if expanded {
		if tlen < 44 {
			return false
		}
		n = r.be32(off + 40)
		p.printf(" seqnum %d, type %d, idx %d, rate %d, pool %d, drops %d, records %d",
			r.be32(off), r.be32(off+4), r.be32(off+8), r.be32(off+12), r.be32(off+16), r.be32(off+20), n)
		return p.sflowFlowRecords(r, off+44, tlen-44, n)
	}
	if tlen < 32 {
		return false
	}
	n = r.be32(off + 28)
	p.printf(" seqnum %d, type %d, idx %d, rate %d, pool %d, drops %d, input %d output %d records %d",
		r.be32(off), r.u8(off+4), r.be24(off+5), r.be32(off+8), r.be32(off+12), r.be32(off+16), r.be32(off+20), r.be32(off+24), n)
	return p.sflowFlowRecords(r, off+32, tlen-32, n)
}

// sflowRecords prints the n records of a sample, from off with tlen
// bytes left: each one's header (its enterprise taken from bit entShift
// of the first word up, and named from names when 0, printed with
// format: tcpdump differs between flow and counter records in both), then
// for a standard record (enterprise 0) what body prints, handed its type,
// offset and length. It returns false when a record does not fit: its
// length, or the size sizes gives its type, past the bytes left.
func (p *Printer) sflowRecords(r reader, off, tlen int, n uint32, entShift int, names map[uint32]string, format string,
	sizes map[uint32]int, body func(typ uint32, off, rlen int)) bool {
	for ; n > 0; n-- {
		if tlen < 8 {
			return false
		}
		f := r.be32(off)
		typ, ent := f&0x0fff, f>>entShift
		rlen := r.be32(off + 4)
		name := "Unknown"
		if ent == 0 {
			name = sflowName(names, typ)
		}
		p.printf(format, ent, name, typ, rlen)
		off += 8
		tlen -= 8
		if uint64(tlen) < uint64(rlen) {
			return false
		}
		if ent == 0 {
			if tlen < sizes[typ] {
				return false
			}
			body(typ, off, int(rlen))
		}
		off += int(rlen)
		tlen -= int(rlen)
	}
	return true
}

// sflowFlowSizes and sflowCounterSizes are the sizes of the standard
// flow and counter records tcpdump decodes, which must be left before
// it does.
var (
	sflowFlowSizes    = map[uint32]int{1: 16, 2: 24, 1001: 16}
	sflowCounterSizes = map[uint32]int{1: 88, 2: 52, 4: 80, 5: 28, 1001: 28}
)

func (p *Printer) sflowFlowRecords(r reader, off, tlen int, n uint32) bool {
	return p.sflowRecords(r, off, tlen, n, 12, sflowFlowTypes, "\n\t    enterprise %d %s (%d) length %d", sflowFlowSizes,
		func(typ uint32, off, flen int) {
			switch typ {
			case 1:
				proto := r.be32(off)
				p.printf("\n\t      protocol %s (%d), length %d, stripped bytes %d, header_size %d",
					sflowName(sflowRawProtos, proto), proto, r.be32(off+4), r.be32(off+8), r.be32(off+12))
			case 1001:
				p.printf("\n\t      src vlan %d, src pri %d, dst vlan %d, dst pri %d",
					r.be32(off), r.be32(off+4), r.be32(off+8), r.be32(off+12))
			case 2:
				p.printf("\n\t      frame len %d, type %d", r.be32(off), r.be32(off+20))
			case 3, 4, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012:
			default:
				if p.o.Verbose <= 1 {
					p.unknownAt(r, off, flen, "\n\t\t")
				}
			}
		})
}

func (p *Printer) sflowCounterSample(r reader, off, tlen int, expanded bool) bool {
	if expanded {
		if tlen < 16 {
			return false
		}
		n := r.be32(off + 12)
		p.printf(" seqnum %d, type %d, idx %d, records %d", r.be32(off), r.be32(off+4), r.be32(off+8), n)
		return p.sflowCounterRecords(r, off+16, tlen-16, n)
	}
	if tlen < 12 {
		return false
	}
	n := r.be32(off + 8)
	p.printf(" seqnum %d, type %d, idx %d, records %d", r.be32(off), r.u8(off+4), r.be24(off+5), n)
	return p.sflowCounterRecords(r, off+12, tlen-12, n)
}

func upDown(b bool) string {
	if b {
		return "up"
	}
	return "down"
}

func (p *Printer) sflowCounterRecords(r reader, off, tlen int, n uint32) bool {
	return p.sflowRecords(r, off, tlen, n, 20, sflowCounterTypes, "\n\t    enterprise %d, %s (%d) length %d", sflowCounterSizes,
		func(typ uint32, o, clen int) {
			switch typ {
			case 1:
				dir := r.be32(o + 16)
				p.printf("\n\t      ifindex %d, iftype %d, ifspeed %d, ifdirection %d (%s)", r.be32(o), r.be32(o+4), sflow64(r, o+8), dir, sflowName(sflowDirections, dir))
				st := r.be32(o + 20)
				p.printf("\n\t      ifstatus %d, adminstatus: %s, operstatus: %s", st, upDown(st&1 != 0), upDown(st>>1&1 != 0))
				p.printf("\n\t      In octets %d, unicast pkts %d, multicast pkts %d, broadcast pkts %d, discards %d",
					sflow64(r, o+24), r.be32(o+32), r.be32(o+36), r.be32(o+40), r.be32(o+44))
				p.printf("\n\t      In errors %d, unknown protos %d", r.be32(o+48), r.be32(o+52))
				p.printf("\n\t      Out octets %d, unicast pkts %d, multicast pkts %d, broadcast pkts %d, discards %d",
					sflow64(r, o+56), r.be32(o+64), r.be32(o+68), r.be32(o+72), r.be32(o+76))
				p.printf("\n\t      Out errors %d, promisc mode %d", r.be32(o+80), r.be32(o+84))
			case 2:
				p.printf("\n\t      align errors %d, fcs errors %d, single collision %d, multiple collision %d, test error %d",
					r.be32(o), r.be32(o+4), r.be32(o+8), r.be32(o+12), r.be32(o+16))
				p.printf("\n\t      deferred %d, late collision %d, excessive collision %d, mac trans error %d",
					r.be32(o+20), r.be32(o+24), r.be32(o+28), r.be32(o+32))
				p.printf("\n\t      carrier error %d, frames too long %d, mac receive errors %d, symbol errors %d",
					r.be32(o+36), r.be32(o+40), r.be32(o+44), r.be32(o+48))
			case 3:
			case 4:
				p.printf("\n\t      in high prio frames %d, in high prio octets %d", r.be32(o), sflow64(r, o+4))
				p.printf("\n\t      in norm prio frames %d, in norm prio octets %d", r.be32(o+12), sflow64(r, o+16))
				p.printf("\n\t      in ipm errors %d, oversized %d, in data errors %d, null addressed frames %d",
					r.be32(o+24), r.be32(o+28), r.be32(o+32), r.be32(o+36))
				p.printf("\n\t      out high prio frames %d, out high prio octets %d, trans into frames %d",
					r.be32(o+40), sflow64(r, o+44), r.be32(o+52))
				p.printf("\n\t      in hc high prio octets %d, in hc norm prio octets %d, out hc high prio octets %d",
					sflow64(r, o+56), sflow64(r, o+64), sflow64(r, o+72))
			case 5:
				p.printf("\n\t      vlan_id %d, octets %d, unicast_pkt %d, multicast_pkt %d, broadcast_pkt %d, discards %d",
					r.be32(o), sflow64(r, o+4), r.be32(o+12), r.be32(o+16), r.be32(o+20), r.be32(o+24))
			case 1001:
				p.printf("\n\t      5sec %d, 1min %d, 5min %d, total_mem %d, total_mem %d",
					r.be32(o), r.be32(o+4), r.be32(o+8), sflow64(r, o+12), sflow64(r, o+20))
			default:
				if p.o.Verbose <= 1 {
					p.unknownAt(r, o, clen, "\n\t\t")
				}
			}
		})
}
