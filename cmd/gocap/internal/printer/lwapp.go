package printer

// LWAPP on UDP ports 12222 (data) and 12223 (control), printed as
// tcpdump's print-lwapp.c does: the transport header, and the control
// messages' headers.

var lwappHeaderBits = []bitTok{{0x01, "Last Fragment Bit"}, {0x02, "Fragment Bit"}, {0x04, "Control Bit"}}

var lwappMsgTypes = map[uint8]string{
	1: "Discovery req", 2: "Discovery resp", 3: "Join req", 4: "Join resp", 5: "Join ack",
	6: "Join confirm", 10: "Configure req", 11: "Configure resp", 12: "Update req",
	13: "Update resp", 14: "WTP event req", 15: "WTP event resp", 16: "Change state event req",
	17: "Change state event resp", 22: "Echo req", 23: "Echo resp", 24: "Image data req",
	25: "Image data resp", 26: "Channel status req", 27: "Channel status resp",
	30: "Key update req", 31: "Key update resp", 32: "Primary discovery req",
	33: "Primary discovery resp", 34: "Data transfer req", 35: "Data transfer resp",
	36: "Clear config ind", 37: "Wlan config req", 38: "Wlan config resp",
	39: "Mobile config req", 40: "Mobile config resp",
}

// lwappHeader checks the transport header at off and prints the
// non-verbose line; it reports whether to go on.
func (p *Printer) lwappHeader(r reader, off, length int) (version byte, ok bool) {
	version = r.u8(off)
	if v := version >> 6; v != 0 {
		p.printf("LWAPP version %d packet not supported", v)
		return version, false
	}
	if p.o.Verbose < 1 {
		p.printf("LWAPPv%d, %s frame, Flags [%s], length %d", version>>6, lwappKind(version),
			bitTokString(lwappHeaderBits, "none", uint32(version&7)), length)
		return version, false
	}
	return version, true
}

func lwappKind(version byte) string {
	if version&0x04 != 0 {
		return "Control"
	}
	return "Data"
}

// lwappControl prints an LWAPP control packet; apIdent tells whether the
// AP's MAC address precedes the header (packets to the controller).
func (p *Printer) lwappControl(b []byte, length int, apIdent bool) {
	r := p.reader("lwapp_control", b)
	h := 0
	if apIdent {
		if !r.has(0, 6) {
			r.trunc()
			return
		}
		h = 6
	}
	if !r.has(h, 6) {
		r.trunc()
		return
	}
	version, ok := p.lwappHeader(r, h, length)
	if !ok {
		return
	}
	tlen := int(r.be16(h + 2))
	p.printf("LWAPPv%d, %s frame, Radio-id %d, Flags [%s], Frag-id %d, length %d", version>>6, lwappKind(version),
		version>>3&7, bitTokString(lwappHeaderBits, "none", uint32(version&7)), r.u8(h+1), tlen)
	t := h + 6
	if apIdent {
		p.printf("\n\tAP identity: %s", p.etherAddr(r.bytes(0, 6)))
	}
	for tlen != 0 {
		if !r.has(t, 8) {
			r.trunc()
			return
		}
		msgLen := int(r.be16(t + 2))
		if tlen < 8 || tlen < 8+msgLen {
			p.print("\n\t  Msg goes past end of PDU")
			return
		}
		typ := r.u8(t)
		p.printf("\n\t  Msg type: %s (%d), Seqnum: %d, Msg len: %d, Session: 0x%08x",
			mapName(lwappMsgTypes, typ, "Unknown"), typ, r.u8(t+1), msgLen, r.be32(t+4))
		// tcpdump checks the message's length from its header, not
		// from its body.
		if !r.has(t, msgLen) {
			r.trunc()
			return
		}
		t += 8 + msgLen
		tlen -= 8 + msgLen
	}
}

// lwappData prints an LWAPP data packet: the header and, at -v, the
// 802.11 frame in hex.
func (p *Printer) lwappData(b []byte, length int) {
	r := p.reader("lwapp_data", b)
	if !r.has(0, 6) {
		r.trunc()
		return
	}
	version, ok := p.lwappHeader(r, 0, length)
	if !ok {
		return
	}
	tlen := int(r.be16(2))
	flags := bitTokString(lwappHeaderBits, "none", uint32(version&7))
	if tlen < 6 {
		p.printf("LWAPPv%d, %s frame, Radio-id  %d, Flags [%s], length %d < transport header length",
			version>>6, lwappKind(version), version>>3&7, flags, tlen)
		return
	}
	p.printf("LWAPPv%d, %s frame, Radio-id  %d, Flags [%s], Frag-id  %d, length %d",
		version>>6, lwappKind(version), version>>3&7, flags, r.u8(1), tlen)
	p.unknownAt(r, 6, tlen-6, "\n\t")
}
