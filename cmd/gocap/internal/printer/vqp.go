package printer

// The VLAN Query Protocol (Cisco, UDP port 1589) as tcpdump's
// print-vqp.c prints it.

var vqpMsgTypes = map[uint8]string{1: "Request, Join Port", 2: "Response, VLAN", 3: "Request, Reconfirm",
	4: "Response, Reconfirm"}

var vqpErrorCodes = map[uint8]string{0: "No error", 3: "Access denied", 4: "Shutdown port", 5: "Wrong VTP domain"}

var vqpObjects = map[uint32]string{0x0c01: "Client IP Address", 0x0c02: "Port Name", 0x0c03: "VLAN Name",
	0x0c04: "VTP Domain", 0x0c05: "Ethernet Packet", 0x0c06: "MAC Null", 0x0c08: "MAC Address"}

// vqp prints a VQP message.
func (p *Printer) vqp(b []byte, length int) {
	r := p.reader("vqp", b)
	r.label(func() { p.vqpMessage(r, length) })
}

// vqpMessage prints the message inside vqp's label, which prints
// " (invalid)" where tcpdump finds a length wrong.
func (p *Printer) vqpMessage(r reader, length int) {
	r.need(0, 8)
	if length < 8 {
		invalid()
	}
	v := r.u8(0)
	if v != 1 {
		p.printf("VQP version %d packet not supported", v)
		return
	}
	mt, ec := r.u8(1), r.u8(2)
	mtName := mapName(vqpMsgTypes, mt, sprintf("unknown (%d)", mt))
	if p.o.Verbose < 1 {
		p.printf("VQPv%d %s Message, error-code %s (%d), length %d", v, mtName,
			mapName(vqpErrorCodes, ec, "unknown"), ec, length)
		return
	}
	n := r.u8(3)
	p.printf("\n\tVQPv%d, %s Message, error-code %s (%d), seq 0x%08x, items %d, length %d", v, mtName,
		mapName(vqpErrorCodes, ec, "unknown"), ec, r.be32(4), n, length)
	off, left := 8, length-8
	for n != 0 && left != 0 {
		r.need(off, 6)
		if left < 6 {
			invalid()
		}
		typ, l := r.be32(off), int(r.be16(off+4))
		off += 6
		left -= 6
		p.printf("\n\t  %s Object (0x%08x), length %d, value: ", mapName(vqpObjects, typ, "Unknown"), typ, l)
		if typ == 0 || l == 0 {
			return
		}
		r.need(off, l)
		if l > left {
			invalid()
		}
		switch typ {
		case 0x0c01:
			if l != 4 {
				invalid()
			}
			p.printf("%s (0x%08x)", p.host(addr4(r.bytes(off, 4))), r.be32(off))
		case 0x0c02, 0x0c03, 0x0c04, 0x0c05:
			p.printJNP(r, off, l)
		case 0x0c06, 0x0c08:
			if l != 6 {
				invalid()
			}
			p.print(p.etherAddr(r.bytes(off, 6)))
		default:
			if p.o.Verbose <= 1 {
				p.unknownData(r.b[off:], "\n\t    ", l)
			}
		}
		off += l
		left -= l
		n--
	}
}
