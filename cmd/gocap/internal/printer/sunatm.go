package printer

// sunatm prints a DLT_SUNATM packet (tcpdump's print-sunatm.c): a 4-byte
// pseudo-header, the direction and traffic type, the VPI and the VCI,
// then the ATM PDU.
func (p *Printer) sunatm(b []byte, length int) int {
	r := p.reader("sunatm", b)
	d := r.u8(0)
	if p.o.LinkHeader {
		if d&0x80 != 0 {
			p.print("Tx: ")
		} else {
			p.print("Rx: ")
		}
	}
	traffic := atmUnknown
	switch d & 0x0f {
	case 1:
		traffic = atmLANE
	case 2:
		traffic = atmLLCTraffic
	}
	vpi, vci := r.u8(1), r.be16(2)
	p.atmPDU(vpi, vci, traffic, b[4:], length-4)
	return 4
}

var laneOpcodes = map[uint16]string{
	0x0001: "configure request", 0x0101: "configure response", 0x0002: "join request",
	0x0102: "join response", 0x0003: "ready query", 0x0103: "ready indication",
	0x0004: "register request", 0x0104: "register response", 0x0005: "unregister request",
	0x0105: "unregister response", 0x0006: "ARP request", 0x0106: "ARP response",
	0x0007: "flush request", 0x0107: "flush response", 0x0008: "NARP request",
	0x0009: "topology request",
}

// lane prints an ATM LAN Emulation frame (print-lane.c): a control frame,
// or an LE client ID and an 802.3 frame.
func (p *Printer) lane(b []byte, length int) {
	r := p.reader("lane", b)
	if r.be16(0) == 0xff00 {
		p.printf("lec: proto %x vers %x %s", r.u8(2), r.u8(3), tokStr(laneOpcodes, "opcode-#%d", r.be16(4)))
		return
	}
	id := r.be16(0)
	p.etherWith(p.reader("ether", b[2:]), length-2, etherEncap{header: func() { p.printf("lecid:%x ", id) }})
}
