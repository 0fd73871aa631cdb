package printer

var m3uaClasses = map[uint8]string{0: "Management", 1: "Transfer", 2: "SS7", 3: "ASP", 4: "ASP",
	9: "Routing Key Management"}

// m3uaMessages names the message types of each class tcpdump knows.
var m3uaMessages = map[uint8]map[uint8]string{
	0: {0: "Error", 1: "Notify"},
	1: {1: "Data"},
	2: {1: "Destination Unavailable", 2: "Destination Available", 3: "Destination State Audit",
		4: "Signalling Congestion", 5: "Destination User Part Unavailable", 6: "Destination Restricted"},
	3: {1: "Up", 2: "Down", 3: "Heartbeat", 4: "Up Acknowledgement", 5: "Down Acknowledgement",
		6: "Heartbeat Acknowledgement"},
	4: {1: "Active", 2: "Inactive", 3: "Active Acknowledgement", 4: "Inactive Acknowledgement"},
	9: {1: "Registration Request", 2: "Registration Response", 3: "Deregistration Request",
		4: "Deregistration Response"},
}

var m3uaParams = map[uint16]string{0x0004: "INFO String", 0x0006: "Routing Context",
	0x0007: "Diagnostic Info", 0x0009: "Heartbeat Data", 0x000b: "Traffic Mode Type",
	0x000c: "Error Code", 0x000d: "Status", 0x0011: "ASP Identifier", 0x0012: "Affected Point Code",
	0x0013: "Correlation ID", 0x0200: "Network Appearance", 0x0204: "User/Cause",
	0x0205: "Congestion Indications", 0x0206: "Concerned Destination", 0x0207: "Routing Key",
	0x0208: "Registration Result", 0x0209: "Deregistration Result",
	0x020a: "Local Routing Key Identifier", 0x020b: "Destination Point Code",
	0x020c: "Service Indicators", 0x020e: "Originating Point Code List", 0x0210: "Protocol Data",
	0x0212: "Registration Status", 0x0213: "Deregistration Status"}

// m3ua prints an M3UA message (RFC 4666) carried in an SCTP DATA chunk,
// which tcpdump decodes only with -vv: its class and type, then each
// parameter's name and, for the few tcpdump decodes, its value.
func (p *Printer) m3ua(b []byte, length int) {
	r := p.reader("m3ua", b)
	if length < 8 {
		p.print(" (invalid)")
		r.need(0, length)
		return
	}
	r.need(0, 8)
	if b[0] != 1 {
		return
	}
	class := b[2]
	if s, ok := m3uaClasses[class]; ok {
		p.printf("\n\t\t%s", s)
	} else {
		p.printf("\n\t\tUnknown message class %d", class)
	}
	if dict, ok := m3uaMessages[class]; ok {
		if s, ok := dict[b[3]]; ok {
			p.printf(" %s Message", s)
		} else {
			p.printf(" Unknown (0x%02x) Message", b[3])
		}
	}
	mlen := r.be32(4)
	if uint32(length) != mlen {
		p.printf("\n\t\t\t@@@@@@ Corrupted length %d of message @@@@@@", mlen)
		return
	}
	p.m3uaParams(r.from(8), int(mlen-8))
}

// m3uaParams prints the parameters filling size bytes of r.
func (p *Printer) m3uaParams(r reader, size int) {
	bad := func() {
		p.print(" (invalid)")
		r.need(0, size)
	}
	for off := 0; off < size; {
		if off+4 > size {
			bad()
			return
		}
		tag := r.be16(off)
		if s, ok := m3uaParams[tag]; ok {
			p.printf("\n\t\t\t%s: ", s)
		} else {
			p.printf("\n\t\t\tUnknown Parameter (0x%04x): ", tag)
		}
		plen := int(r.be16(off + 2))
		if plen < 4 {
			bad()
			return
		}
		align := (off + plen) % 4
		if align != 0 {
			align = 4 - align
		}
		r.need(off, plen+align)
		switch tag {
		case 0x0200, 0x0006, 0x0013:
			if plen-4 < 4 {
				p.print(" (invalid)")
			} else {
				// tcpdump reads the value where the parameter starts.
				p.printf("0x%08x", r.be32(off))
			}
		default:
			p.printf("(length %d)", plen)
		}
		off += plen + align
	}
}
