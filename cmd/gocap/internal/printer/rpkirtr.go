package printer

import "net/netip"

// RPKI-Router protocol (RFC 6810, TCP port 323), as tcpdump's
// print-rpki-rtr.c prints it: a bare ", RPKI-RTR" without -v; with -v
// every PDU of the segment on lines of its own, and with -vv (or -v for
// a PDU type it does not know) a hex dump of each. Its bounds checks end
// the packet (ND_LONGJMP_FROM_TCHECK).

var rpkiRTRPDUTypes = map[uint8]string{0: "Serial Notify", 1: "Serial Query", 2: "Reset Query",
	3: "Cache Response", 4: "IPV4 Prefix", 6: "IPV6 Prefix", 7: "End of Data", 8: "Cache Reset",
	10: "Error Report"}

var rpkiRTRErrors = map[uint16]string{0: "Corrupt Data", 1: "Internal Error", 2: "No Data Available",
	3: "Invalid Request", 4: "Unsupported Protocol Version", 5: "Unsupported PDU Type",
	6: "Withdrawal of Unknown Record", 7: "Duplicate Announcement Received"}

// rpkiIndent is tcpdump's indent_string: a newline, a tab for every 8
// columns and a space for every one left.
func rpkiIndent(n int) string {
	s := "\n"
	for ; n >= 8; n -= 8 {
		s += "\t"
	}
	for ; n > 0; n-- {
		s += " "
	}
	return s
}

// rpkiRTR prints the PDUs of a TCP segment's payload, length bytes on
// the wire.
func (p *Printer) rpkiRTR(b []byte, length int) {
	r := p.reader("rpki_rtr", b)
	if p.o.Verbose == 0 {
		p.print(", RPKI-RTR")
		return
	}
	off := 0
	for length > 0 {
		n := p.rpkiRTRPDU(r.from(off), length, true, 8)
		length -= n
		off += n
	}
}

// rpkiRTRPDU prints the PDU at the start of r, of at most length bytes,
// and returns the bytes it took; recurse says whether an Error Report's
// encapsulated PDU is decoded.
func (p *Printer) rpkiRTRPDU(r reader, length int, recurse bool, indent int) int {
	if v := r.u8(0); v != 0 {
		// No way to know how long a PDU of another version is.
		p.printf("%sRPKI-RTRv%d (unknown)", rpkiIndent(8), v)
		return length
	}
	bad := func() int {
		p.print(" (invalid)")
		r.need(0, length)
		return length
	}
	if length < 8 {
		p.printf("(%d bytes is too few to decode)", length)
		return bad()
	}
	r.need(0, 8)
	typ := r.u8(1)
	plen64 := r.be32(4)
	plen := int(plen64)
	p.printf("%sRPKI-RTRv%d, %s PDU (%d), length: %d", rpkiIndent(8), r.u8(0),
		mapName(rpkiRTRPDUTypes, typ, "Unknown"), typ, plen64)
	if plen64 < 8 || plen64 > uint32(length) {
		return bad()
	}
	in := rpkiIndent(indent + 2)
	hexdump := false
	switch typ {
	case 0, 1, 7: // Serial Notify, Serial Query, End of Data
		if plen != 12 {
			return bad()
		}
		p.printf("%sSession ID: 0x%04x, Serial: %d", in, r.be16(2), r.be32(8))
	case 2, 8: // Reset Query, Cache Reset
		if plen != 8 {
			return bad()
		}
	case 3: // Cache Response
		if plen != 8 {
			return bad()
		}
		p.printf("%sSession ID: 0x%04x", in, r.be16(2))
	case 4: // IPv4 Prefix
		if plen != 20 {
			return bad()
		}
		p.printf("%sIPv4 Prefix %s/%d-%d, origin-as %d, flags 0x%02x", in,
			p.host(addr4(r.bytes(12, 4))), r.u8(9), r.u8(10), r.be32(16), r.u8(8))
	case 6: // IPv6 Prefix
		if plen != 32 {
			return bad()
		}
		p.printf("%sIPv6 Prefix %s/%d-%d, origin-as %d, flags 0x%02x", in,
			p.host(netip.AddrFrom16([16]byte(r.bytes(12, 16)))), r.u8(9), r.u8(10), r.be32(28), r.u8(8))
	case 10: // Error Report
		if !p.rpkiRTRError(r, plen, recurse, indent) {
			return bad()
		}
	default:
		r.need(0, plen)
		hexdump = true
	}
	if p.o.Verbose > 1 || hexdump {
		p.unknownData(r.b, "\n\t  ", plen)
	}
	return plen
}

// rpkiRTRError prints the body of an Error Report PDU of plen bytes; it
// reports false where tcpdump jumps to its "invalid" label.
func (p *Printer) rpkiRTRError(r reader, plen int, recurse bool, indent int) bool {
	tlen := 8
	if plen < tlen+4 {
		return false
	}
	r.need(0, tlen+4)
	encLen := r.be32(8)
	tlen += 4
	code := r.be16(2)
	p.printf("%sError code: %s (%d), Encapsulated PDU length: %d", rpkiIndent(indent+2),
		mapName(rpkiRTRErrors, code, "Unknown"), code, encLen)
	if encLen != 0 {
		if uint64(plen) < uint64(tlen)+uint64(encLen) {
			return false
		}
		if !recurse {
			r.need(0, tlen+int(encLen))
		} else {
			p.printf("%s-----encapsulated PDU-----", rpkiIndent(indent+4))
			p.rpkiRTRPDU(r.from(tlen), int(encLen), false, indent+2)
		}
		tlen += int(encLen)
	}
	if plen < tlen+4 {
		return false
	}
	r.need(0, tlen+4)
	textLen := r.be32(tlen)
	tlen += 4
	if textLen != 0 {
		if uint64(plen) < uint64(tlen)+uint64(textLen) {
			return false
		}
		p.printf("%sError text: ", rpkiIndent(indent+2))
		for i := 0; i < int(textLen); i++ {
			p.printChar(r.u8(tlen + i))
		}
	}
	return true
}
