package printer

// ARCNET packet types (tcpdump's print-arcnet.c) and their names.
const (
	arcTypeIPOld    = 240
	arcTypeARPOld   = 241
	arcTypeIP       = 212
	arcTypeARP      = 213
	arcTypeRARP     = 214
	arcTypeAtalk    = 221
	arcTypeIPX      = 250
	arcTypeIPv6     = 0xc4
	arcTypeDiagnose = 0x80
)

var arcTypeNames = map[uint8]string{arcTypeIPOld: "oldip", arcTypeARPOld: "oldarp", arcTypeIP: "ip",
	arcTypeARP: "arp", arcTypeRARP: "rarp", arcTypeAtalk: "atalk", 247: "banyan", arcTypeIPX: "ipx",
	arcTypeIPv6: "ipv6", arcTypeDiagnose: "diag"}

// arcOldType reports whether an ARCNET type uses the short RFC 1051
// header, without the fragmentation fields.
func arcOldType(t uint8) bool {
	return t == arcTypeIPOld || t == arcTypeARPOld || t == arcTypeDiagnose
}

// arcnetHeader prints the -e form of an ARCNET header: source, destination,
// type and, for the RFC 1201 header (phds), the sequence number and
// fragment.
func (p *Printer) arcnetHeader(b []byte, length int, phds bool, flag uint8, seqid uint16) {
	if p.o.Quiet {
		p.printf("%02x %02x %d: ", b[0], b[1], length)
		return
	}
	name := arcTypeNames[b[2]]
	if name == "" {
		name = sprintf("%02x", b[2])
	}
	switch {
	case !phds:
		p.printf("%02x %02x %s %d: ", b[0], b[1], name, length)
	case flag == 0:
		p.printf("%02x %02x %s seqid %04x %d: ", b[0], b[1], name, seqid, length)
	case flag&1 != 0:
		p.printf("%02x %02x %s seqid %04x (first of %d fragments) %d: ", b[0], b[1], name, seqid, (int(flag)+3)/2, length)
	default:
		p.printf("%02x %02x %s seqid %04x (fragment %d) %d: ", b[0], b[1], name, seqid, int(flag)/2+1, length)
	}
}

// arcnet prints an ARCNET frame with the BSD header (DLT_ARCNET): source,
// destination and type, then for the newer types a fragmentation flag
// (0xff for the exception header) and sequence number.
func (p *Printer) arcnet(b []byte, length int) int {
	r := p.reader("arcnet", b)
	r.need(0, 3)
	t := b[2]
	n, phds := 3, !arcOldType(t)
	var flag uint8
	var seqid uint16
	if phds {
		if len(b) < 6 {
			p.arcnetHeader(b, length, false, 0, 0)
			p.print(" phds")
			endPacket()
		}
		flag, seqid, n = b[3], r.be16(4), 6
		if flag == 0xff {
			if len(b) < 10 {
				p.arcnetHeader(b, length, false, 0, 0)
				p.print(" phds extended")
				endPacket()
			}
			flag, seqid, n = b[7], r.be16(8), 10
		}
	}
	if p.o.LinkHeader {
		p.arcnetHeader(b, length, phds, flag, seqid)
	}
	if phds && flag != 0 && flag&1 == 0 {
		return n // a later fragment
	}
	if !p.arcnetPayload(t, b[n:], length-n) {
		p.hexASCII(b[n:])
	}
	return n
}

// arcnetLinux prints an ARCNET frame with Linux's header (DLT_ARCNET_LINUX):
// source, destination, a 2-byte offset and the type, then for the newer
// types the flag and sequence number, not printed.
func (p *Printer) arcnetLinux(b []byte, length int) int {
	r := p.reader("arcnet_linux", b)
	r.need(0, 5)
	t := b[4]
	n := 5
	if !arcOldType(t) {
		n = 8
		r.need(0, n)
	}
	if p.o.LinkHeader {
		// tcpdump prints this header with the BSD layout: the type it
		// shows is the first byte of the offset.
		p.arcnetHeader(b, length, false, 0, 0)
	}
	if !p.arcnetPayload(t, b[n:], length-n) {
		p.hexASCII(b[n:])
	}
	return n
}

// arcnetPayload prints what an ARCNET type carries, reporting false for a
// type it does not know.
func (p *Printer) arcnetPayload(t uint8, b []byte, length int) bool {
	switch t {
	case arcTypeIPOld, arcTypeIP:
		p.ip(b, length)
	case arcTypeIPv6:
		p.ip6(b, length)
	case arcTypeARPOld, arcTypeARP, arcTypeRARP:
		p.arp(b, length)
	case arcTypeIPX:
		p.ipx(b, length)
	case arcTypeAtalk:
		if p.o.Verbose > 0 {
			p.print("et1 ")
		}
		p.atalk(b, length)
	default:
		return false
	}
	return true
}
