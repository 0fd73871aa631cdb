package printer

// SOME/IP (UDP port 30490), as tcpdump's print-someip.c prints it.

// someipMsgTypes names the message types.
var someipMsgTypes = map[uint8]string{
	0x00: "REQUEST", 0x01: "REQUEST_NO_RETURN", 0x02: "NOTIFICATION", 0x80: "RESPONSE",
	0x81: "ERROR", 0x20: "TP_REQUEST", 0x21: "TP_REQUEST_NO_RETURN", 0x22: "TP_NOTIFICATION",
	0xa0: "TP_RESPONSE", 0xa1: "TP_ERROR",
}

// someipReturnCodes names the return codes.
var someipReturnCodes = []string{"E_OK", "E_NOT_OK", "E_UNKNOWN_SERVICE", "E_UNKNOWN_METHOD",
	"E_NOT_READY", "E_NOT_REACHABLE", "E_TIMEOUT", "E_WRONG_PROTOCOL_VERSION",
	"E_WRONG_INTERFACE_VERSION", "E_MALFORMED_MESSAGE", "E_WRONG_MESSAGE_TYPE",
	"E_E2E_REPEATED", "E_E2E_WRONG_SEQUENCE", "E_E2E", "E_E2E_NOT_AVAILABLE",
	"E_E2E_NO_NEW_DATA"}

// someip prints a SOME/IP header (and ends the line, as tcpdump does).
func (p *Printer) someip(b []byte, length int) {
	r := p.reader("someip", b)
	p.print("SOMEIP")
	if length < 16 {
		p.print(" (invalid)")
		return
	}
	id := r.be32(0)
	kind := "method"
	if id&0x8000 != 0 {
		kind = "event"
	}
	p.printf(", service %d, %s %d", id>>16, kind, id&0x7fff)
	p.printf(", len %d", r.be32(4))
	req := r.be32(8)
	p.printf(", client %d, session %d", req>>16, req&0xffff)
	p.printf(", pver %d", r.u8(12))
	p.printf(", iver %d", r.u8(13))
	mt, ok := someipMsgTypes[r.u8(14)]
	if !ok {
		mt = "Unknown"
	}
	p.printf(", msgtype %s", mt)
	rc := "Unknown"
	if c := r.u8(15); int(c) < len(someipReturnCodes) {
		rc = someipReturnCodes[c]
	}
	p.printf(", retcode %s\n", rc)
}
