package printer

var pptpMsgTypes = []string{"NOT_DEFINED", "SCCRQ", "SCCRP", "StopCCRQ", "StopCCRP", "ECHORQ",
	"ECHORP", "OCRQ", "OCRP", "ICRQ", "ICRP", "ICCN", "CCRQ", "CDN", "WEN", "SLI"}

var pptpErrCodes = map[uint8]string{0: "None", 1: "Not-Connected", 2: "Bad-Format", 3: "Bad-Value",
	4: "No-Resource", 5: "Bad-Call-ID", 6: "PAC-Error"}

// pptpResults names result codes per message type, for -v.
var pptpResults = map[uint16]map[uint8]string{
	2: {1: "Successful channel establishment", 2: "General error", 3: "Command channel already exists",
		4: "Requester is not authorized to establish a command channel",
		5: "The protocol version of the requester is not supported"},
	4:  {1: "OK", 2: "General Error"},
	6:  {1: "OK", 2: "General Error"},
	8:  {1: "Connected", 2: "General Error", 3: "No Carrier", 4: "Busy", 5: "No Dial Tone", 6: "Time-out", 7: "Do Not Accept"},
	10: {1: "Connect", 2: "General Error", 3: "Do Not Accept"},
	13: {1: "Lost Carrier", 2: "General Error", 3: "Admin Shutdown", 4: "Request"},
}

// pptp prints a PPTP control message (TCP port 1723).
func (p *Printer) pptp(b []byte) {
	p.proto = "pptp"
	p.print(": pptp")
	v := p.o.Verbose > 0
	if v {
		p.printf(" Length=%d", be16(b, 0))
		switch be16(b, 2) {
		case 1:
			p.print(" CTRL-MSG")
		case 2:
			p.print(" MGMT-MSG")
		default:
			p.print(" UNKNOWN-MSG-TYPE")
		}
	}
	mc := be32(b, 4)
	if mc != 0x1a2b3c4d {
		p.printf(" UNEXPECTED Magic-Cookie!!(%08x)", mc)
	}
	if v || mc != 0x1a2b3c4d {
		p.printf(" Magic-Cookie=%08x", mc)
	}
	t := be16(b, 8)
	if int(t) < len(pptpMsgTypes) {
		p.printf(" CTRL_MSGTYPE=%s", pptpMsgTypes[t])
	} else {
		p.printf(" UNKNOWN_CTRL_MSGTYPE(%d)", t)
	}
	be16(b, 10)
	d := b[12:]
	u16 := func(name string, off int) { p.printf(" %s(%d)", name, be16(d, off)) }
	u32 := func(name string, off int) { p.printf(" %s(%d)", name, be32(d, off)) }
	str := func(name string, off, n int) {
		need(d, off+n)
		p.printf(" %s(", name)
		p.printZeroPadded(d[off:off+n], n)
		p.print(")")
	}
	result := func(off int) {
		rc := u8(d, off)
		p.printf(" RESULT_CODE(%d", rc)
		if v {
			s, ok := pptpResults[t][rc]
			if !ok {
				s = "?"
			}
			p.printf(":%s", s)
		}
		p.print(")")
	}
	errCode := func(off int) {
		ec := u8(d, off)
		p.printf(" ERR_CODE(%d", ec)
		if v {
			s, ok := pptpErrCodes[ec]
			if !ok {
				s = "?"
			}
			p.printf(":%s", s)
		}
		p.print(")")
	}
	protoVer := func() {
		pv := be16(d, 0)
		p.printf(" PROTO_VER(%d.%d)", pv>>8, pv&0xff)
	}
	caps := func(off int) {
		fc := be32(d, off)
		p.print(" FRAME_CAP(")
		if fc&1 != 0 {
			p.print("A")
		}
		if fc&2 != 0 {
			p.print("S")
		}
		p.print(")")
		bc := be32(d, off+4)
		p.print(" BEARER_CAP(")
		if bc&2 != 0 {
			p.print("D")
		}
		if bc&1 != 0 {
			p.print("A")
		}
		p.print(")")
	}
	bearerType := func(off int) {
		s := map[uint32]string{1: "A", 2: "D", 3: "Any"}[be32(d, off)]
		if s == "" {
			s = "?"
		}
		p.printf(" BEARER_TYPE(%s)", s)
	}
	framingType := func(off int) {
		s := map[uint32]string{1: "A", 2: "S", 3: "E"}[be32(d, off)]
		if s == "" {
			s = "?"
		}
		p.printf(" FRAME_TYPE(%s)", s)
	}
	switch t {
	case 1: // SCCRQ
		protoVer()
		be16(d, 2)
		caps(4)
		u16("MAX_CHAN", 12)
		u16("FIRM_REV", 14)
		str("HOSTNAME", 16, 64)
		str("VENDOR", 80, 64)
	case 2: // SCCRP
		protoVer()
		result(2)
		errCode(3)
		caps(4)
		u16("MAX_CHAN", 12)
		u16("FIRM_REV", 14)
		str("HOSTNAME", 16, 64)
		str("VENDOR", 80, 64)
	case 3: // StopCCRQ
		r := u8(d, 0)
		p.printf(" REASON(%d", r)
		if v {
			s := map[uint8]string{1: ":None", 2: ":Stop-Protocol", 3: ":Stop-Local-Shutdown"}[r]
			if s == "" {
				s = ":?"
			}
			p.print(s)
		}
		p.print(")")
		be16(d, 2)
	case 4: // StopCCRP
		result(0)
		errCode(1)
		be16(d, 2)
	case 5: // ECHORQ
		u32("ID", 0)
	case 6: // ECHORP
		u32("ID", 0)
		result(4)
		errCode(5)
		be16(d, 6)
	case 7: // OCRQ
		u16("CALL_ID", 0)
		u16("CALL_SER_NUM", 2)
		u32("MIN_BPS", 4)
		u32("MAX_BPS", 8)
		bearerType(12)
		framingType(16)
		u16("RECV_WIN", 20)
		u16("PROC_DELAY", 22)
		u16("PHONE_NO_LEN", 24)
		be16(d, 26)
		str("PHONE_NO", 28, 64)
		str("SUB_ADDR", 92, 64)
	case 8: // OCRP
		u16("CALL_ID", 0)
		u16("PEER_CALL_ID", 2)
		result(4)
		errCode(5)
		u16("CAUSE_CODE", 6)
		u32("CONN_SPEED", 8)
		u16("RECV_WIN", 12)
		u16("PROC_DELAY", 14)
		u32("PHY_CHAN_ID", 16)
	case 9: // ICRQ
		u16("CALL_ID", 0)
		u16("CALL_SER_NUM", 2)
		bearerType(4)
		u32("PHY_CHAN_ID", 8)
		u16("DIALED_NO_LEN", 12)
		u16("DIALING_NO_LEN", 14)
		str("DIALED_NO", 16, 64)
		str("DIALING_NO", 80, 64)
		str("SUB_ADDR", 144, 64)
	case 10: // ICRP
		u16("CALL_ID", 0)
		u16("PEER_CALL_ID", 2)
		result(4)
		errCode(5)
		u16("RECV_WIN", 6)
		u16("PROC_DELAY", 8)
		be16(d, 10)
	case 11: // ICCN
		u16("PEER_CALL_ID", 0)
		be16(d, 2)
		u32("CONN_SPEED", 4)
		u16("RECV_WIN", 8)
		u16("PROC_DELAY", 10)
		framingType(12)
	case 12: // CCRQ
		u16("CALL_ID", 0)
		be16(d, 2)
	case 13: // CDN
		u16("CALL_ID", 0)
		result(2)
		errCode(3)
		u16("CAUSE_CODE", 4)
		be16(d, 6)
		str("CALL_STATS", 8, 128)
	case 14: // WEN
		u16("PEER_CALL_ID", 0)
		be16(d, 2)
		for i, n := range []string{"CRC_ERR", "FRAMING_ERR", "HARDWARE_OVERRUN", "BUFFER_OVERRUN", "TIMEOUT_ERR", "ALIGN_ERR"} {
			u32(n, 4+4*i)
		}
	case 15: // SLI
		u16("PEER_CALL_ID", 0)
		be16(d, 2)
		p.printf(" SEND_ACCM(0x%08x)", be32(d, 4))
		p.printf(" RECV_ACCM(0x%08x)", be32(d, 8))
	}
}
