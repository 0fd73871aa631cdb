package printer

// UniDirectional Link Detection (Cisco, SNAP PID 0x0111) as tcpdump's
// print-udld.c prints it.

var udldTLVNames = map[uint16]string{1: "Device-ID TLV", 2: "Port-ID TLV", 3: "Echo TLV",
	4: "Message Interval TLV", 5: "Timeout Interval TLV", 6: "Device Name TLV", 7: "Sequence Number TLV"}

var udldCodes = map[uint8]string{0: "Reserved", 1: "Probe message", 2: "Echo message", 3: "Flush message"}

var udldFlagBits = []bitTok{{0x01, "RT"}, {0x02, "RSY"}, {0x04, "MBZ-2"}, {0x08, "MBZ-3"},
	{0x10, "MBZ-4"}, {0x20, "MBZ-5"}, {0x40, "MBZ-6"}, {0x80, "MBZ-7"}}

// udld prints a UDLD PDU. Where tcpdump finds it invalid it prints
// " (invalid)" and then, like its tail, ends the packet if the rest of
// the PDU was not captured.
func (p *Printer) udld(b []byte, length int) {
	r := p.reader("udld", b)
	if off, bad, tail := p.udldBody(r, length); bad {
		r.invalidRest(off, length)
	} else if tail {
		r.need(off, length-off)
	}
}

// udldBody prints the PDU and returns the offset it stopped at, whether
// it stopped on something invalid, and whether the rest must have been
// captured all the same (without -v).
func (p *Printer) udldBody(r reader, length int) (off int, bad, tail bool) {
	if length < 4 {
		return 0, true, false
	}
	ver, code := r.u8(0)>>5, r.u8(0)&0x1f
	flags := r.u8(1)
	p.printf("UDLDv%d, Code %s (%x), Flags [%s] (0x%02x), length %d", ver, mapName(udldCodes, code, "Reserved"), code,
		bitTokString(udldFlagBits, "none", uint32(flags)), flags, length)
	if p.o.Verbose < 1 {
		return 2, false, true
	}
	p.printf("\n\tChecksum 0x%04x (unverified)", r.be16(2))
	off = 4
	for off < length {
		if length-off < 4 {
			return off, true, false
		}
		typ, l := r.be16(off), int(r.be16(off+2))
		off += 4
		p.printf("\n\t%s (0x%04x) TLV, length %d", mapName(udldTLVNames, typ, "Unknown"), typ, l)
		if l <= 4 {
			return off, true, false
		}
		l -= 4
		if length-off < l {
			return off, true, false
		}
		switch typ {
		case 1, 2, 6:
			p.print(", ")
			p.printJNP(r, off, l)
		case 3:
			p.print(", ")
			for i := 0; i < l; i++ {
				p.printChar(r.u8(off + i))
			}
		case 4, 5:
			if l != 1 {
				return off, true, false
			}
			p.printf(", %ds", r.u8(off))
		case 7:
			if l != 4 {
				return off, true, false
			}
			p.printf(", %d", r.be32(off))
		default:
			r.need(off, l)
		}
		off += l
	}
	return off, false, false
}
