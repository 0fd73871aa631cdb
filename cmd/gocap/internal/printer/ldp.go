package printer

// LDP (RFC 5036) on TCP and UDP port 646, printed as tcpdump's
// print-ldp.c does. Every short read ends the packet with " [|ldp]".

var ldpMsgTypes = map[uint16]string{
	0x0001: "Notification", 0x0100: "Hello", 0x0200: "Initialization", 0x0201: "Keepalive",
	0x0300: "Address", 0x0301: "Address Withdraw", 0x0400: "Label Mapping", 0x0401: "Label Request",
	0x0402: "Label Withdraw", 0x0403: "Label Release", 0x0404: "Label Abort Request",
}

var ldpTLVTypes = map[uint16]string{
	0x0100: "FEC", 0x0101: "Address List", 0x0103: "Hop Count", 0x0104: "Path Vector",
	0x0200: "Generic Label", 0x0201: "ATM Label", 0x0202: "Frame-Relay Label",
	0x0300: "Status", 0x0301: "Extended Status", 0x0302: "Returned PDU", 0x0303: "Returned Message",
	0x0400: "Common Hello Parameters", 0x0401: "IPv4 Transport Address",
	0x0402: "Configuration Sequence Number", 0x0403: "IPv6 Transport Address",
	0x0500: "Common Session Parameters", 0x0501: "ATM Session Parameters",
	0x0502: "Frame-Relay Session Parameters", 0x0503: "Fault-Tolerant Session Parameters",
	0x0600: "Label Request Message ID", 0x0601: "MTU",
}

var ldpFECTypes = map[uint8]string{1: "Wildcard", 2: "Prefix", 3: "Host address", 0x80: "Martini VC"}

var ldpIfParams = map[uint8]string{1: "MTU", 3: "Description", 0x0c: "VCCV"}

var (
	ldpVCCVcc = []bitTok{{1, "PWE3 control word"}, {2, "MPLS Router Alert Label"}, {4, "MPLS inner label TTL = 1"}}
	ldpVCCVcv = []bitTok{{1, "ICMP Ping"}, {2, "LSP Ping"}, {4, "BFD"}}
)

// afNumbers are the IANA address families (tcpdump's af_values).
var afNumbers = map[uint16]string{
	0: "Reserved", 1: "IPv4", 2: "IPv6", 3: "NSAP", 4: "HDLC", 5: "BBN 1822", 6: "802",
	7: "E.163", 8: "E.164", 9: "F.69", 10: "X.121", 11: "Novell IPX", 12: "Appletalk",
	13: "Decnet IV", 14: "Banyan Vines", 15: "E.164 with NSAP subaddress", 196: "Layer-2 VPN", 25: "VPLS",
}

func (p *Printer) ldp(b []byte, length int) {
	r := p.reader("ldp", b)
	off := 0
	for length > 18 {
		n := p.ldpPDU(r, off)
		if n == 0 {
			return
		}
		if length < n {
			p.printf(" [remaining length %d < %d] (invalid)", length, n)
			return
		}
		length -= n
		off += n
	}
}

// ldpPDU prints one PDU at off and returns its length, or 0 where tcpdump
// stops.
func (p *Printer) ldpPDU(r reader, off int) int {
	r.need(off, 10)
	sep := ""
	if p.o.Verbose > 0 {
		sep = "\n\t"
	}
	if v := r.be16(off); v != 1 {
		p.printf("%sLDP version %d packet not supported", sep, v)
		return 0
	}
	pduLen := r.be16(off + 2)
	if pduLen < 6 {
		p.printf("%sLDP, pdu-length: %d (too short, < 6)", sep, pduLen)
		return 0
	}
	p.printf("%sLDP, Label-Space-ID: %s:%d, pdu-length: %d", sep, p.host(addr4(r.bytes(off+4, 4))), r.be16(off+8), pduLen)
	if p.o.Verbose < 1 {
		return 0
	}
	t := off + 10
	tlen := pduLen - 6
	for tlen > 0 {
		r.need(t, 8)
		msgLen := r.be16(t + 2)
		typ := r.be16(t) & 0x7fff
		name := mapName(ldpMsgTypes, typ, "Unknown")
		if msgLen < 4 {
			p.printf("\n\t  %s Message (0x%04x), length: %d (too short, < 4)", name, typ, msgLen)
			return 0
		}
		cont := "ignore"
		if r.be16(t)&0x8000 != 0 {
			cont = "continue processing"
		}
		p.printf("\n\t  %s Message (0x%04x), length: %d, Message ID: 0x%08x, Flags: [%s if unknown]", name, typ, msgLen, r.be32(t+4), cont)
		m := t + 8
		mlen := int(msgLen) - 4
		r.need(t, int(msgLen))
		switch typ {
		case 0x0001, 0x0100, 0x0200, 0x0201, 0x0300, 0x0400, 0x0301, 0x0402:
			for mlen >= 4 {
				n := p.ldpTLV(r, m, mlen)
				if n == 0 {
					break
				}
				mlen -= n
				m += n
			}
		default:
			if p.o.Verbose <= 1 {
				p.unknownAt(r, m, mlen, "\n\t  ")
			}
		}
		if p.o.Verbose > 1 {
			p.unknownAt(r, t+8, int(msgLen), "\n\t  ")
		}
		t += int(msgLen) + 4
		tlen -= msgLen + 4
	}
	return int(pduLen) + 4
}

// ldpTLVMin is the least value length of each TLV type decoded
// (tcpdump's TLV_TCHECK at the start of each).
var ldpTLVMin = map[uint16]int{
	0x0400: 4, 0x0401: 4, 0x0403: 16, 0x0402: 4, 0x0101: 2, 0x0500: 8, 0x0100: 1, 0x0200: 4, 0x0300: 8, 0x0503: 12, 0x0601: 2,
}

// ldpTLV prints the TLV at off in a message with mlen bytes left and
// returns its length, or 0.
func (p *Printer) ldpTLV(r reader, off, mlen int) int {
	r.need(off, 4)
	tlvLen := int(r.be16(off + 2))
	if tlvLen+4 > mlen {
		p.print("\n\t\t TLV contents go past end of message")
		return 0
	}
	raw := r.be16(off)
	typ := raw & 0x3fff
	cont, fwd := "ignore", "don't"
	if raw&0x8000 != 0 {
		cont = "continue processing"
	}
	if raw&0x4000 != 0 {
		fwd = "do"
	}
	p.printf("\n\t    %s TLV (0x%04x), length: %d, Flags: [%s and %s forward if unknown]",
		mapName(ldpTLVTypes, typ, "Unknown"), typ, tlvLen, cont, fwd)
	t := off + 4
	tl := tlvLen // tcpdump's tlv_tlen, an unsigned short
	done := tlvLen + 4
	short := func(min int) bool {
		if tl < min {
			p.printf(" [tlv length %d < %d] (invalid)", tl, min)
			return true
		}
		return false
	}
	ip4 := func(o int) string { return p.host(addr4(r.bytes(o, 4))) }
	ip6 := func(o int) string { return p.host(addr16(r.bytes(o, 16))) }
	if least, ok := ldpTLVMin[typ]; ok && short(least) {
		return done
	}
	switch typ {
	case 0x0400:
		fl := r.be16(t + 2)
		p.printf("\n\t      Hold Time: %ds, Flags: [%s Hello%s]", r.be16(t), ifElse(fl&0x8000 != 0, "Targeted", "Link"),
			ifElse(fl&0x4000 != 0, ", Request for targeted Hellos", ""))
	case 0x0401:
		p.printf("\n\t      IPv4 Transport Address: %s", ip4(t))
	case 0x0403:
		p.printf("\n\t      IPv6 Transport Address: %s", ip6(t))
	case 0x0402:
		p.printf("\n\t      Sequence Number: %d", r.be32(t))
	case 0x0101:
		af := r.be16(t)
		t += 2
		tl -= 2
		name, ok := afNumbers[af]
		if !ok {
			name = sprintf("Unknown (%d)", af)
		}
		p.printf("\n\t      Address Family: %s, addresses", name)
		switch af {
		case 1:
			for ; tl >= 4; tl, t = tl-4, t+4 {
				p.printf(" %s", ip4(t))
			}
		case 2:
			for ; tl >= 16; tl, t = tl-16, t+16 {
				p.printf(" %s", ip6(t))
			}
		}
	case 0x0500:
		fl := r.be16(t + 6)
		p.printf("\n\t      Version: %d, Keepalive: %ds, Flags: [Downstream %s, Loop Detection %s]", r.be16(t), r.be16(t+2),
			ifElse(fl&0x8000 != 0, "On Demand", "Unsolicited"), ifElse(fl&0x4000 != 0, "Enabled", "Disabled"))
	case 0x0100:
		p.ldpFEC(r, t, &tl, short)
	case 0x0200:
		p.printf("\n\t      Label: %d", r.be32(t)&0xfffff)
	case 0x0300:
		ui := r.be32(t)
		p.printf("\n\t      Status: 0x%02x, Flags: [%s and %s forward]", ui&0x3fffffff,
			ifElse(ui&0x80000000 != 0, "Fatal error", "Advisory Notification"), ifElse(ui&0x40000000 != 0, "do", "don't"))
		if id := r.be32(t + 4); id != 0 {
			p.printf(", causing Message ID: 0x%08x", id)
		}
	case 0x0503:
		fl := r.be16(t)
		pick := func(bit uint16, yes, no string) string {
			if fl&bit != 0 {
				return yes
			}
			return no
		}
		p.printf("\n\t      Flags: [%sReconnect, %sSave State, %sAll-Label Protection, %s Checkpoint, %sRe-Learn State]",
			pick(0x8000, "", "No "), pick(0x8, "", "Don't "), pick(0x4, "", "No "),
			pick(0x2, "Sequence Numbered Label", "All Labels"), pick(0x1, "", "Don't "))
		if v := r.be32(t + 4); v != 0 {
			p.printf(", Reconnect Timeout: %dms", v)
		}
		if v := r.be32(t + 8); v != 0 {
			p.printf(", Recovery Time: %dms", v)
		}
	case 0x0601:
		p.printf("\n\t      MTU: %d", r.be16(t))
	default:
		if p.o.Verbose <= 1 {
			p.unknownAt(r, t, tl, "\n\t      ")
		}
	}
	return done
}

// ldpFEC prints a FEC TLV's first element; tl is the TLV's length
// left, shared with short, tcpdump's TLV_TCHECK.
func (p *Printer) ldpFEC(r reader, t int, tl *int, short func(int) bool) {
	fec := r.u8(t)
	p.printf("\n\t      %s FEC (0x%02x)", mapName(ldpFECTypes, fec, "Unknown"), fec)
	t++
	*tl--
	switch fec {
	case 2:
		if short(2) {
			return
		}
		af := r.be16(t)
		t += 2
		*tl -= 2
		if af != 1 && af != 2 {
			p.printf(": Address family %d prefix", af)
			break
		}
		fam, size := "IPv4", 4
		if af == 2 {
			fam, size = "IPv6", 16
		}
		if s, ok := p.ldpPrefix(r, t, *tl, size); ok {
			p.printf(": %s prefix %s", fam, s)
		} else {
			p.printf(": %s prefix (invalid length)", fam)
		}
	case 0x80:
		if short(7) {
			return
		}
		vcLen := int(r.u8(t + 2))
		pw := r.be16(t)
		cw := "no "
		if pw&0x8000 != 0 {
			cw = ""
		}
		pwName := mapName(mplsPWTypes, pw&0x7fff, "Unknown")
		if vcLen == 0 {
			p.printf(": %s, %scontrol word, group-ID %d, VC-info-length: %d", pwName, cw, r.be32(t+3), vcLen)
			return
		}
		if short(11) {
			return
		}
		p.printf(": %s, %scontrol word, group-ID %d, VC-ID %d, VC-info-length: %d", pwName, cw, r.be32(t+3), r.be32(t+7), vcLen)
		if vcLen < 4 {
			p.print(" (invalid, < 4")
			return
		}
		vcLen -= 4
		t += 11
		*tl -= 11
		if short(vcLen) {
			return
		}
		for vcLen > 2 {
			pt, pl := r.u8(t), int(r.u8(t+1))
			if pl < 2 || vcLen < pl {
				break
			}
			p.printf("\n\t\tInterface Parameter: %s (0x%02x), len %d", mapName(ldpIfParams, pt, "Unknown"), pt, pl)
			switch pt {
			case 1:
				p.printf(": %d", r.be16(t+2))
			case 3:
				p.print(": ")
				for i := 2; i < pl; i++ {
					p.printChar(r.u8(t + i))
				}
			case 0x0c:
				// Each byte is read as its line is printed: a parameter
				// cut after the first still shows the control channels.
				cc := r.u8(t + 2)
				p.printf("\n\t\t  Control Channels (0x%02x) = [%s]", cc, bitTokString(ldpVCCVcc, "none", uint32(cc)))
				cv := r.u8(t + 3)
				p.printf("\n\t\t  CV Types (0x%02x) = [%s]", cv, bitTokString(ldpVCCVcv, "none", uint32(cv)))
			default:
				p.unknownAt(r, t+2, pl-2, "\n\t\t  ")
			}
			vcLen -= pl
			t += pl
		}
	}
}

// ldpPrefix decodes a prefix of an address of size bytes (tcpdump's
// decode_prefix4 and decode_prefix6); false for a prefix length too
// long. A prefix longer than the TLV ends the packet, as in tcpdump.
func (p *Printer) ldpPrefix(r reader, t, tl, size int) (string, bool) {
	if tl < 1 {
		endPacket()
	}
	plen := int(r.u8(t))
	if plen > size*8 {
		return "", false
	}
	n := (plen + 7) / 8
	if tl-1 < n {
		endPacket()
	}
	a := make([]byte, size)
	copy(a, r.bytes(t+1, n))
	if plen%8 != 0 {
		a[n-1] &= byte(uint(0xff00) >> (plen % 8))
	}
	if size == 4 {
		return sprintf("%s/%d", p.host(addr4(a)), plen), true
	}
	return sprintf("%s/%d", p.host(addr16(a)), plen), true
}
