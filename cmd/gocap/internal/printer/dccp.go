package printer

// DCCP (RFC 4340), IP protocol 33, as tcpdump's print-dccp.c prints it.

var dccpTypes = []string{"DCCP-Request", "DCCP-Response", "DCCP-Data", "DCCP-Ack", "DCCP-DataAck",
	"DCCP-CloseReq", "DCCP-Close", "DCCP-Reset", "DCCP-Sync", "DCCP-SyncAck"}

var dccpResetCodes = []string{"unspecified", "closed", "aborted", "no_connection", "packet_error",
	"option_error", "mandatory_error", "connection_refused", "bad_service_code", "too_busy",
	"bad_init_cookie", "aggression_penalty"}

var dccpFeatures = []string{"reserved", "ccid", "allow_short_seqno", "sequence_window", "ecn_incapable",
	"ack_ratio", "send_ack_vector", "send_ndp_count", "minimum checksum coverage", "check data checksum"}

var dccpOptions = map[uint8]string{0: "nop", 1: "mandatory", 2: "slowreceiver", 32: "change_l",
	33: "confirm_l", 34: "change_r", 35: "confirm_r", 36: "initcookie", 37: "ndp_count",
	38: "ack_vector0", 39: "ack_vector1", 40: "data_dropped", 41: "timestamp", 42: "timestamp_echo",
	43: "elapsed_time", 44: "data_checksum"}

// dccpExtra is the length of the header after the generic one, by
// packet type, for the types that have one.
var dccpExtra = map[uint8]int{0: 4, 1: 12, 3: 8, 4: 8, 5: 8, 6: 8, 7: 12, 8: 8, 9: 8}

// dccp prints a DCCP packet (dccp_print); length is the IP payload
// length.
func (p *Printer) dccp(b []byte, length int, h *ipHdr) {
	r := p.reader("dccp", b)
	if !r.has(0, 12) {
		r.trunc()
		return
	}
	if length < 12 {
		p.printf("truncated-dccp - %d bytes missing!", 12-length)
		return
	}
	ext := b[8]&1 != 0
	fixed := 12
	if ext {
		fixed = 16
	}
	if length < fixed {
		p.printf("truncated-dccp - %d bytes missing!", fixed-length)
		return
	}
	if !r.has(0, fixed) {
		r.trunc()
		return
	}
	hlen := int(b[4]) * 4
	p.printf("%s.%d > %s.%d: DCCP", p.host(h.src), r.be16(0), p.host(h.dst), r.be16(2))
	if p.o.Quiet {
		p.printf(" %d", uint32(length-hlen))
		if hlen > length {
			p.printf(" [bad hdr length %d - too long, > %d]", hlen, length)
		}
		return
	}
	if p.o.Verbose > 0 {
		p.printf(" (CCVal %d, CsCov %d", b[5]>>4, b[5]&0xf)
		if r.has(0, length) {
			cs := r.be16(6)
			p.printf(", cksum 0x%04x ", cs)
			cov := length
			if c := int(b[5] & 0xf); c != 0 {
				cov = min((int(b[4])+c-1)*4, length)
			}
			if sum := checksum(b[:cov], pseudoSum(h, 33, length)); sum != 0 {
				p.printf("(incorrect -> 0x%04x)", shouldBe(cs, sum))
			} else {
				p.print("(correct)")
			}
		}
		p.print(")")
	}
	p.print(" ")
	typ := b[8] >> 1 & 0xf
	name := sprintf("unknown-type-%d", typ)
	if int(typ) < len(dccpTypes) {
		name = dccpTypes[typ]
	}
	if n, ok := dccpExtra[typ]; ok {
		at := fixed
		fixed += n
		if length < fixed {
			p.printf("truncated-%s - %d bytes missing!", name, fixed-length)
			return
		}
		switch typ {
		case 0:
			if !r.has(at, 4) {
				r.trunc()
				return
			}
			p.printf("%s (service=%d) ", name, r.be32(at))
		case 1:
			if !r.has(at, 12) {
				r.trunc()
				return
			}
			p.printf("%s (service=%d) ", name, r.be32(at+8))
		case 7:
			if !r.has(at, 12) {
				r.trunc()
				return
			}
			code := "invalid"
			if c := int(r.u8(at + 8)); c < len(dccpResetCodes) {
				code = dccpResetCodes[c]
			}
			p.printf("%s (code=%s) ", name, code)
		default:
			p.printf("%s ", name)
		}
	} else {
		p.printf("%s ", name)
	}
	base := 12
	if ext {
		base = 16
	}
	if typ != 0 && typ != 2 {
		if ext {
			p.printf("(ack=%d) ", be48(r, base+2))
		} else {
			p.printf("(ack=%d) ", r.be24(base+1))
		}
	}
	if p.o.Verbose < 2 {
		return
	}
	if ext {
		p.printf("seq %d", be48(r, 10))
	} else {
		p.printf("seq %d", r.be24(9))
	}
	if hlen > fixed {
		p.print(" <")
		n := hlen - fixed
		for off := fixed; ; {
			ol := p.dccpOption(r, off, n)
			if ol == 0 || n <= ol {
				break
			}
			n -= ol
			off += ol
			p.print(", ")
		}
		p.print(">")
	}
}

// be48 is the big-endian 48-bit value at off; a short read ends the
// packet.
func be48(r reader, off int) uint64 {
	b := r.bytes(off, 6)
	return uint64(b[0])<<40 | uint64(b[1])<<32 | uint64(b[2])<<24 | uint64(b[3])<<16 | uint64(b[4])<<8 | uint64(b[5])
}

// dccpOption prints the option at off, with n bytes of header left, and
// returns its length, or 0 where tcpdump stops.
func (p *Printer) dccpOption(r reader, off, n int) int {
	t := r.u8(off)
	name := dccpOptions[t]
	if name == "" {
		name = sprintf("Option %d", t)
	}
	if t >= 128 {
		name = sprintf("CCID option %d", t)
	}
	ol := 1
	if t >= 32 {
		ol = int(r.u8(off + 1))
		if ol < 2 {
			p.printf("%s optlen too short", name)
			return 0
		}
	}
	if n < ol {
		p.printf("%s optlen goes past header length", name)
		return 0
	}
	if !r.has(off, ol) {
		r.trunc()
		return 0
	}
	var v []byte
	if ol > 2 {
		v = r.b[off+2 : off+ol]
	}
	p.print(name)
	if t >= 128 {
		switch ol {
		case 4:
			p.printf(" %d", r.be16(off+2))
		case 6:
			p.printf(" %d", r.be32(off+2))
		}
		return ol
	}
	hexv := func(pre string) {
		if ol > 2 {
			p.print(pre)
			for _, c := range v {
				p.printf("%02x", c)
			}
		}
	}
	switch t {
	case 32, 33, 34, 35:
		if ol < 3 {
			p.print(" optlen too short")
			return ol
		}
		if f := v[0]; f < 10 {
			p.printf(" %s", dccpFeatures[f])
			for _, c := range v[1:] {
				p.printf(" %d", c)
			}
		}
	case 36, 38, 39, 40:
		hexv(" 0x")
	case 37:
		for _, c := range v {
			p.printf(" %d", c)
		}
	case 41:
		if ol == 6 {
			p.printf(" %d", r.be32(off+2))
		} else {
			p.print(" [optlen != 6]")
		}
	case 42:
		switch ol {
		case 6:
			p.printf(" %d", r.be32(off+2))
		case 8:
			p.printf(" %d (elapsed time %d)", r.be32(off+2), r.be16(off+6))
		case 10:
			p.printf(" %d (elapsed time %d)", r.be32(off+2), r.be32(off+6))
		default:
			p.print(" [optlen != 6 or 8 or 10]")
		}
	case 43:
		switch ol {
		case 6:
			p.printf(" %d", r.be32(off+2))
		case 4:
			p.printf(" %d", r.be16(off+2))
		default:
			p.print(" [optlen != 4 or 6]")
		}
	case 44:
		hexv(" ")
	}
	return ol
}
