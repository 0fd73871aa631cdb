package printer

// L2TP (RFC 2661), UDP port 1701, as tcpdump's print-l2tp.c prints it.

var l2tpMsgTypes = map[uint32]string{1: "SCCRQ", 2: "SCCRP", 3: "SCCCN", 4: "StopCCN", 6: "HELLO",
	7: "OCRQ", 8: "OCRP", 9: "OCCN", 10: "ICRQ", 11: "ICRP", 12: "ICCN", 14: "CDN", 15: "WEN", 16: "SLI"}

var l2tpAVPs = []string{"MSGTYPE", "RESULT_CODE", "PROTO_VER", "FRAMING_CAP", "BEARER_CAP", "TIE_BREAKER",
	"FIRM_VER", "HOST_NAME", "VENDOR_NAME", "ASSND_TUN_ID", "RECV_WIN_SIZE", "CHALLENGE", "Q931_CC",
	"CHALLENGE_RESP", "ASSND_SESS_ID", "CALL_SER_NUM", "MINIMUM_BPS", "MAXIMUM_BPS", "BEARER_TYPE",
	"FRAMING_TYPE", "PACKET_PROC_DELAY", "CALLED_NUMBER", "CALLING_NUMBER", "SUB_ADDRESS",
	"TX_CONN_SPEED", "PHY_CHANNEL_ID", "INI_RECV_LCP", "LAST_SENT_LCP", "LAST_RECV_LCP",
	"PROXY_AUTH_TYPE", "PROXY_AUTH_NAME", "PROXY_AUTH_CHAL", "PROXY_AUTH_ID", "PROXY_AUTH_RESP",
	"CALL_ERRORS", "ACCM", "RANDOM_VECTOR", "PRIVATE_GRP_ID", "RX_CONN_SPEED", "SEQ_REQUIRED"}

var l2tpAuthTypes = map[uint32]string{0: "Reserved", 1: "Textual", 2: "CHAP", 3: "PAP", 4: "No Auth", 5: "MS-CHAPv1"}

var l2tpDirections = map[uint32]string{0: "global error", 1: "at peer", 2: "at local"}

// l2tpFlagBits are the L2TP header flags, printed run together.
var l2tpFlagBits = []bitTok{{0x8000, "T"}, {0x4000, "L"}, {0x0800, "S"}, {0x0200, "O"}, {0x0100, "P"}}

// l2tp prints an L2TP packet (l2tp_print); length is the UDP payload
// length.
func (p *Printer) l2tp(b []byte, length int) {
	r := p.reader("l2tp", b)
	f := r.be16(0)
	switch f & 0xf {
	case 2:
		p.print(" l2tp:")
	case 1:
		p.print(" l2f:")
		return
	default:
		p.print(" Unknown Version, neither L2F(1) nor L2TP(2)")
		return
	}
	p.print("[")
	p.print(bitTokNoSep(l2tpFlagBits, "", uint32(f)))
	p.print("]")
	off := 2
	l2len := 0
	if f&0x4000 != 0 {
		l2len = int(r.be16(off))
		off += 2
	}
	p.printf("(%d/", r.be16(off))
	p.printf("%d)", r.be16(off+2))
	off += 4
	if f&0x0800 != 0 {
		p.printf("Ns=%d,", r.be16(off))
		p.printf("Nr=%d", r.be16(off+2))
		off += 4
	}
	if f&0x0200 != 0 {
		pad := int(r.be16(off))
		if !r.has(off+2, pad) {
			r.trunc()
			return
		}
		off += 2 + pad
	}
	if f&0x4000 != 0 {
		if length < l2len {
			p.printf(" Length %d larger than packet", l2len)
			return
		}
		length = l2len
	}
	if length < off {
		p.printf(" Length %d smaller than header length", length)
		return
	}
	if f&0x8000 == 0 {
		p.print(" {")
		p.ppp(b[off:], length-off)
		p.print("}")
		return
	}
	if f&0x4000 == 0 {
		p.print(" No length")
		return
	}
	if length == off {
		p.print(" ZLB")
		return
	}
	for length != off {
		n := p.l2tpAVP(r, off, length-off)
		if n == 0 {
			break
		}
		off += n
	}
}

// l2tpAVP prints the AVP at off, with n bytes of the message left, and
// returns its length, or 0 after " [|l2tp]" where tcpdump gives up.
func (p *Printer) l2tpAVP(r reader, off, n int) int {
	p.print(" ")
	l := int(r.be16(off) & 0x3ff)
	if l < 6 || l > n || !r.has(off, l) {
		r.trunc()
		return 0
	}
	f := r.be16(off)
	if f&0x8000 != 0 {
		p.print("*")
	}
	hidden := f&0x4000 != 0
	if hidden {
		p.print("?")
	}
	v := r.b[off+6 : off+l]
	if vendor := r.be16(off + 2); vendor != 0 {
		p.printf("VENDOR%04x:ATTR%04x(%x)", vendor, r.be16(off+4), v)
		return l
	}
	t := r.be16(off + 4)
	switch {
	case int(t) < len(l2tpAVPs):
		p.print(l2tpAVPs[t])
	case t == 46:
		p.print("PPP_DISCON_CC")
	default:
		p.printf("AVP-#%d", t)
	}
	p.print("(")
	if hidden {
		p.print("???")
	} else {
		p.l2tpValue(t, v)
	}
	p.print(")")
	return l
}

// l2tpString prints an AVP's text as tcpdump's print_string does.
func (p *Printer) l2tpString(v []byte) {
	for _, c := range v {
		p.printChar(c)
	}
}

func (p *Printer) l2tpValue(t uint16, v []byte) {
	short := func(n int) bool {
		if len(v) < n {
			p.print("AVP too short")
			return true
		}
		return false
	}
	u16 := func(i int) uint16 { return uint16(v[i])<<8 | uint16(v[i+1]) }
	u32 := func(i int) uint32 { return uint32(u16(i))<<16 | uint32(u16(i+2)) }
	switch t {
	case 0:
		if !short(2) {
			p.print(nameOr(l2tpMsgTypes, uint32(u16(0)), sprintf("MSGTYPE-#%d", u16(0))))
		}
	case 1:
		if short(2) {
			return
		}
		p.printf("%d", u16(0))
		if len(v) == 2 {
			return
		}
		if len(v) < 4 {
			p.print(" AVP too short")
			return
		}
		p.printf("/%d", u16(2))
		if len(v) > 4 {
			p.print(" ")
			p.l2tpString(v[4:])
		}
	case 2:
		if !short(2) {
			p.printf("%d.%d", v[0], v[1])
		}
	case 3, 19, 4, 18: // framing (A, S) or bearer (A, D) capabilities, type
		if !short(4) {
			low := "S"
			if t == 4 || t == 18 {
				low = "D"
			}
			if u32(0)&2 != 0 {
				p.print("A")
			}
			if u32(0)&1 != 0 {
				p.print(low)
			}
		}
	case 5:
		if !short(8) {
			p.printf("%x", v[:8])
		}
	case 6, 9, 10, 14:
		if !short(2) {
			p.printf("%d", u16(0))
		}
	case 7, 8, 21, 22, 23, 30, 37:
		p.l2tpString(v)
	case 11, 26, 27, 28, 31, 33, 36:
		p.printf("%x", v)
	case 12:
		if short(3) {
			return
		}
		p.printf("%d, %02x", u16(0), v[2])
		if len(v) > 3 {
			p.print(" ")
			p.l2tpString(v[3:])
		}
	case 13:
		if !short(16) {
			p.printf("%x", v[:16])
		}
	case 15, 16, 17, 24, 25, 38:
		if !short(4) {
			p.printf("%d", u32(0))
		}
	case 20:
		p.print("obsolete")
	case 29:
		if !short(2) {
			p.print(nameOr(l2tpAuthTypes, uint32(u16(0)), sprintf("AuthType-#%d", u16(0))))
		}
	case 32:
		if !short(2) {
			p.printf("%d", u16(0)&0xff)
		}
	case 34, 35: // Call Errors' counters, ACCM's maps
		if short(2) {
			return
		}
		names, format := []string{"CRCErr", "FrameErr", "HardOver", "BufOver", "Timeout", "AlignErr"}, "%s=%d "
		if t == 35 {
			names, format = []string{"send", "recv"}, "%s=%08x "
		}
		for i, name := range names {
			if short(2 + 4*(i+1)) {
				return
			}
			p.printf(format, name, u32(2+4*i))
		}
	case 46:
		if short(5) {
			return
		}
		d := uint32(v[4])
		p.printf("%04x, %04x %s", u16(0), u16(2), nameOr(l2tpDirections, d, sprintf("Direction-#%d", d)))
		if len(v) > 5 {
			p.print(" ")
			p.l2tpString(v[5:])
		}
	}
}
