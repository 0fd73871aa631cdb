package printer

import "encoding/binary"

// PTP, the IEEE 1588 Precision Time Protocol, UDP ports 319 (event) and
// 320 (general). tcpdump decodes version 2 only.

var ptpMsgTypes = map[byte]string{
	0x0: "sync msg", 0x1: "delay req msg", 0x2: "peer delay req msg", 0x3: "peer delay resp msg",
	0x8: "follow up msg", 0x9: "delay resp msg", 0xa: "pdelay resp fup msg", 0xb: "announce msg",
	0xc: "signalling msg", 0xd: "management msg",
}

var ptpControls = map[byte]string{0: "Sync", 1: "Delay_Req", 2: "Follow_Up", 3: "Delay_Resp", 4: "Management", 5: "Other"}

// ptpFlags are the flag bits tcpdump names; "unknown" stands for the
// undefined bits together.
var ptpFlags = []bitTok{
	{0x1, "l1 61"}, {0x2, "l1 59"}, {0x4, "utc reasonable"}, {0x8, "timescale"},
	{0x10, "time tracable"}, {0x20, "frequency tracable"}, {0x100, "alternate master"},
	{0x200, "two step"}, {0x400, "unicast"}, {0x1000, "profile specific 1"},
	{0x2000, "profile specific 2"}, {0x4000, "security mask"}, {0x18c0, "unknown"},
}

// ptpHeaderLen is the length of the common header.
const ptpHeaderLen = 34

// ptpBE48 is the big-endian 48-bit value at off; a short read ends the
// packet.
func ptpBE48(r reader, off int) uint64 {
	b := r.bytes(off, 6)
	return uint64(binary.BigEndian.Uint16(b))<<32 | uint64(binary.BigEndian.Uint32(b[2:]))
}

// ptpBE64 is the big-endian 64-bit value at off; a short read ends the
// packet.
func ptpBE64(r reader, off int) uint64 { return binary.BigEndian.Uint64(r.bytes(off, 8)) }

// ptp prints a PTP message; length is the UDP payload length.
func (p *Printer) ptp(b []byte, length int) {
	r := p.reader("ptp", b)
	if length < ptpHeaderLen {
		p.printf(" [length %d < %d] (invalid)", length, ptpHeaderLen)
		return
	}
	ver := r.be16(0) & 0xff
	p.printf("PTPv%d", ver)
	switch ver {
	case 1:
		p.print(" (not implemented)")
	case 2:
		p.ptp2(r)
	}
}

// ptp2 prints a version 2 message: the header, then the body of the
// message types tcpdump knows.
func (p *Printer) ptp2(r reader) {
	first := r.u8(0)
	compat := "no"
	if first&0x10 != 0 {
		compat = "yes"
	}
	typ := first & 0xf
	p.printf(", v1 compat : %s, msg type : %s", compat, mapName(ptpMsgTypes, typ, "Reserved"))
	p.printf(", length : %d", r.be16(2))
	p.printf(", domain : %d", r.be16(4)>>8)
	p.printf(", reserved1 : %d", r.be16(4)&0xff)
	p.printf(", Flags [%s]", bitTokString(ptpFlags, "none", uint32(r.be16(6))))
	p.printf(", NS correction : %d", ptpBE48(r, 8))
	p.printf(", sub NS correction : %d", r.be16(14))
	p.printf(", reserved2 : %d", r.be32(16))
	p.printf(", clock identity : 0x%x", ptpBE64(r, 20))
	p.printf(", port id : %d", r.be16(28))
	p.printf(", seq id : %d", r.be16(30))
	ctl := r.u8(32)
	p.printf(", control : %d (%s)", ctl, mapName(ptpControls, ctl, "Reserved"))
	p.printf(", log message interval : %d", r.be16(32)&0xff)
	body := r.from(ptpHeaderLen)
	switch typ {
	case 0x0, 0x1:
		p.ptpTimestamp(body, "originTimeStamp")
	case 0x8:
		p.ptpTimestamp(body, "preciseOriginTimeStamp")
	case 0x2, 0xa:
		p.ptpTimestamp(body, "preciseOriginTimeStamp")
		p.ptpPortID(body.from(10))
	case 0x3, 0x9:
		p.ptpTimestamp(body, "receiveTimeStamp")
		p.ptpPortID(body.from(10))
	case 0xb:
		p.ptpAnnounce(body)
	case 0xc:
		p.ptpPortID(body)
	case 0xd:
		p.ptpPortID(body)
		// tcpdump reads the four fields that follow the port identity
		// all from where the identity starts, and names each with a
		// doubled separator.
		v := r.u8(ptpHeaderLen)
		p.printf(", , start boundary hops  %d", v)
		p.printf(", , boundary hops  %d", v)
		p.printf(", , flags  0x%x", v)
		p.printf(", , reserved  0x%x", v)
	}
}

// ptpTimestamp prints a 48-bit seconds and 32-bit nanoseconds timestamp.
func (p *Printer) ptpTimestamp(r reader, name string) {
	p.printf(", %s :", name)
	p.printf(" %d seconds,", ptpBE48(r, 0))
	p.printf(" %d nanoseconds", r.be32(6))
}

// ptpPortID prints a port identity: a clock identity and a port number.
func (p *Printer) ptpPortID(r reader) {
	p.printf(", port identity : 0x%x", ptpBE64(r, 0))
	p.printf(", port id : %d", r.be16(8))
}

// ptpAnnounce prints the body of an announce message.
func (p *Printer) ptpAnnounce(r reader) {
	p.print(", originTimeStamp :")
	p.printf(" %d seconds", ptpBE48(r, 0))
	p.printf(" %d nanoseconds", r.be32(6))
	p.printf(", origin cur utc :%d", r.be16(10))
	p.printf(", rsvd : %d", r.u8(12))
	p.printf(", gm priority_1 : %d", r.u8(13))
	p.printf(", gm clock class : %d", r.u8(14))
	p.printf(", gm clock accuracy : %d", r.u8(15))
	p.printf(", gm clock variance : %d", r.be16(16))
	p.printf(", gm priority_2 : %d", r.u8(18))
	p.printf(", gm clock id : 0x%x", ptpBE64(r, 19))
	p.printf(", steps removed : %d", r.be16(27))
	p.printf(", time source : 0x%x", r.u8(29))
}
