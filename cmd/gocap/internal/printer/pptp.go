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
	r := p.reader("pptp", b)
	p.print(": pptp")
	v := p.o.Verbose > 0
	if v {
		p.printf(" Length=%d", r.be16(0))
		switch r.be16(2) {
		case 1:
			p.print(" CTRL-MSG")
		case 2:
			p.print(" MGMT-MSG")
		default:
			p.print(" UNKNOWN-MSG-TYPE")
		}
	}
	mc := r.be32(4)
	if mc != 0x1a2b3c4d {
		p.printf(" UNEXPECTED Magic-Cookie!!(%08x)", mc)
	}
	if v || mc != 0x1a2b3c4d {
		p.printf(" Magic-Cookie=%08x", mc)
	}
	t := r.be16(8)
	if int(t) < len(pptpMsgTypes) {
		p.printf(" CTRL_MSGTYPE=%s", pptpMsgTypes[t])
	} else {
		p.printf(" UNKNOWN_CTRL_MSGTYPE(%d)", t)
	}
	pptpReserved(p, uint32(r.be16(10)))
	if int(t) < len(pptpMessages) && pptpMessages[t] != nil {
		pptpMessages[t](pptpMsg{reader: r.from(12), t: t, v: v})
	}
}

// pptpMsg is the body of a PPTP control message (after the 12-byte
// header), its type and whether -v is on. Its methods print one field
// each; every read ends the packet where it runs short.
type pptpMsg struct {
	reader
	t uint16
	v bool
}

// pptpMessages prints each control message type's body.
var pptpMessages = [...]func(m pptpMsg){
	1: pptpSCC, 2: pptpSCC, 3: pptpStopCCRQ, 4: pptpStopCCRP, 5: pptpEchoRQ,
	6: pptpEchoRP, 7: pptpOCRQ, 8: pptpOCRP, 9: pptpICRQ, 10: pptpICRP, 11: pptpICCN,
	12: pptpCCRQ, 13: pptpCDN, 14: pptpWEN, 15: pptpSLI,
}

func (m pptpMsg) u16(name string, off int) { m.p.printf(" %s(%d)", name, m.be16(off)) }
func (m pptpMsg) u32(name string, off int) { m.p.printf(" %s(%d)", name, m.be32(off)) }

// reserved prints a reserved 16-bit field that is not zero, as an
// error.
func (m pptpMsg) reserved(off int) { pptpReserved(m.p, uint32(m.be16(off))) }

// reserved8 is reserved for a one-byte field.
func (m pptpMsg) reserved8(off int) { pptpReserved(m.p, uint32(m.u8(off))) }

// pptpReserved prints tcpdump's complaint about a reserved field that
// holds v.
func pptpReserved(p *Printer, v uint32) {
	if v != 0 {
		p.printf(" [ERROR: reserved=%d must be zero]", v)
	}
}

// str prints the NUL-padded string of n bytes at off as NAME(...),
// reading it a byte at a time as tcpdump's nd_printjnp does, so a
// string cut short ends the packet after the characters captured.
func (m pptpMsg) str(name string, off, n int) {
	m.p.printf(" %s(", name)
	for i := 0; i < n; i++ {
		c := m.u8(off + i)
		if c == 0 {
			break
		}
		m.p.printChar(c)
	}
	m.p.print(")")
}

// code prints a one-byte code as NAME(n), with -v followed by its name
// from names ("?" for one not there).
func (m pptpMsg) code(name string, c uint8, names map[uint8]string) {
	m.p.printf(" %s(%d", name, c)
	if m.v {
		s, ok := names[c]
		if !ok {
			s = "?"
		}
		m.p.printf(":%s", s)
	}
	m.p.print(")")
}

// result prints the result code at off, named as the message type names
// them, and the error code after it.
func (m pptpMsg) result(off int) {
	m.code("RESULT_CODE", m.u8(off), pptpResults[m.t])
	m.code("ERR_CODE", m.u8(off+1), pptpErrCodes)
}

func (m pptpMsg) protoVer() {
	pv := m.be16(0)
	m.p.printf(" PROTO_VER(%d.%d)", pv>>8, pv&0xff)
}

func (m pptpMsg) caps(off int) {
	m.p.print(" FRAME_CAP(")
	fc := m.be32(off)
	if fc&1 != 0 {
		m.p.print("A")
	}
	if fc&2 != 0 {
		m.p.print("S")
	}
	m.p.print(")")
	bc := m.be32(off + 4)
	m.p.print(" BEARER_CAP(")
	if bc&2 != 0 {
		m.p.print("D")
	}
	if bc&1 != 0 {
		m.p.print("A")
	}
	m.p.print(")")
}

// kind prints the 32-bit field at off as NAME(letter), by names ("?"
// for a value not there).
func (m pptpMsg) kind(name string, off int, names map[uint32]string) {
	s, ok := names[m.be32(off)]
	if !ok {
		s = "?"
	}
	m.p.printf(" %s(%s)", name, s)
}

func (m pptpMsg) bearerType(off int) {
	m.kind("BEARER_TYPE", off, map[uint32]string{1: "A", 2: "D", 3: "Any"})
}

func (m pptpMsg) framingType(off int) {
	m.kind("FRAME_TYPE", off, map[uint32]string{1: "A", 2: "S", 3: "E"})
}

// pptpSCC prints a Start-Control-Connection request or reply (which has
// a result where the request has a reserved field).
func pptpSCC(m pptpMsg) {
	m.protoVer()
	if m.t == 2 {
		m.result(2)
	} else {
		m.reserved(2)
	}
	m.caps(4)
	m.u16("MAX_CHAN", 12)
	m.u16("FIRM_REV", 14)
	m.str("HOSTNAME", 16, 64)
	m.str("VENDOR", 80, 64)
}

func pptpStopCCRQ(m pptpMsg) {
	m.code("REASON", m.u8(0), map[uint8]string{1: "None", 2: "Stop-Protocol", 3: "Stop-Local-Shutdown"})
	m.reserved8(1)
	m.reserved(2)
}

func pptpStopCCRP(m pptpMsg) {
	m.result(0)
	m.reserved(2)
}

func pptpEchoRQ(m pptpMsg) { m.u32("ID", 0) }

func pptpEchoRP(m pptpMsg) {
	m.u32("ID", 0)
	m.result(4)
	m.reserved(6)
}

func pptpOCRQ(m pptpMsg) {
	m.u16("CALL_ID", 0)
	m.u16("CALL_SER_NUM", 2)
	m.u32("MIN_BPS", 4)
	m.u32("MAX_BPS", 8)
	m.bearerType(12)
	m.framingType(16)
	m.u16("RECV_WIN", 20)
	m.u16("PROC_DELAY", 22)
	m.u16("PHONE_NO_LEN", 24)
	m.reserved(26)
	m.str("PHONE_NO", 28, min(64, int(m.be16(24))))
	m.str("SUB_ADDR", 92, 64)
}

func pptpOCRP(m pptpMsg) {
	m.u16("CALL_ID", 0)
	m.u16("PEER_CALL_ID", 2)
	m.result(4)
	m.u16("CAUSE_CODE", 6)
	m.u32("CONN_SPEED", 8)
	m.u16("RECV_WIN", 12)
	m.u16("PROC_DELAY", 14)
	m.u32("PHY_CHAN_ID", 16)
}

func pptpICRQ(m pptpMsg) {
	m.u16("CALL_ID", 0)
	m.u16("CALL_SER_NUM", 2)
	m.bearerType(4)
	m.u32("PHY_CHAN_ID", 8)
	m.u16("DIALED_NO_LEN", 12)
	m.u16("DIALING_NO_LEN", 14)
	m.str("DIALED_NO", 16, min(64, int(m.be16(12))))
	m.str("DIALING_NO", 80, min(64, int(m.be16(14))))
	m.str("SUB_ADDR", 144, 64)
}

func pptpICRP(m pptpMsg) {
	m.u16("CALL_ID", 0)
	m.u16("PEER_CALL_ID", 2)
	m.result(4)
	m.u16("RECV_WIN", 6)
	m.u16("PROC_DELAY", 8)
	m.reserved(10)
}

func pptpICCN(m pptpMsg) {
	m.u16("PEER_CALL_ID", 0)
	m.reserved(2)
	m.u32("CONN_SPEED", 4)
	m.u16("RECV_WIN", 8)
	m.u16("PROC_DELAY", 10)
	m.framingType(12)
}

func pptpCCRQ(m pptpMsg) {
	m.u16("CALL_ID", 0)
	m.reserved(2)
}

func pptpCDN(m pptpMsg) {
	m.u16("CALL_ID", 0)
	m.result(2)
	m.u16("CAUSE_CODE", 4)
	m.reserved(6)
	m.str("CALL_STATS", 8, 128)
}

func pptpWEN(m pptpMsg) {
	m.u16("PEER_CALL_ID", 0)
	m.reserved(2)
	for i, n := range []string{"CRC_ERR", "FRAMING_ERR", "HARDWARE_OVERRUN", "BUFFER_OVERRUN", "TIMEOUT_ERR", "ALIGN_ERR"} {
		m.u32(n, 4+4*i)
	}
}

func pptpSLI(m pptpMsg) {
	m.u16("PEER_CALL_ID", 0)
	m.reserved(2)
	m.p.printf(" SEND_ACCM(0x%08x)", m.be32(4))
	m.p.printf(" RECV_ACCM(0x%08x)", m.be32(8))
}
