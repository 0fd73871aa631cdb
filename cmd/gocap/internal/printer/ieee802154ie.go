package printer

// The contents of 802.15.4 information elements, which tcpdump decodes
// at -vvvv (print-802_15_4.c): header IEs, the MLME sub-IEs of an MLME
// payload IE and the multiplexed (802.15.9) payload IE. Each printer
// gets a reader from the IE's first content byte and the content's
// length n; reads past n (but inside the capture) are tcpdump's own.

var wpanMLMEShortNames = map[int]string{
	0x1a: "TSCH Synchronization IE", 0x1b: "TSCH Slotframe and Link IE", 0x1c: "TSCH Timeslot IE",
	0x1d: "Hopping timing IE", 0x1e: "Enhanced Beacon Filter IE", 0x1f: "MAC Metrics IE", 0x20: "All MAC Metrics IE",
	0x21: "Coexistence Specification IE", 0x22: "SUN Device Capabilities IE", 0x23: "SUN FSK Generic PHY IE",
	0x24: "Mode Switch Parameter IE", 0x25: "PHY Parameter Change IE", 0x26: "O-QPSK PHY Mode IE",
	0x27: "PCA Allocation IE", 0x28: "LECIM DSSS Operating Mode IE", 0x29: "LECIM FSK Operating Mode IE",
	0x2b: "TVWS PHY Operating Mode Description IE", 0x2c: "TVWS Device Capabilities IE",
	0x2d: "TVWS Device Category IE", 0x2e: "TVWS Device Identiication IE", 0x2f: "TVWS Device Location IE",
	0x30: "TVWS Channel Information Query IE", 0x31: "TVWS Channel Information Source IE", 0x32: "CTM IE",
	0x33: "Timestamp IE", 0x34: "Timestamp Difference IE", 0x35: "TMCTP Specification IE",
	0x36: "RCC PHY Operating Mode IE",
}

var wpanMLMELongNames = map[int]string{0x08: "Vendor Specific MLME Nested IE", 0x09: "Channel Hopping IE"}

// wpanMLMEName names an MLME sub-IE of the short or long format.
func wpanMLMEName(long bool, id int) string {
	if long {
		return mapName(wpanMLMELongNames, id, sprintf("Reserved 0x%02x", id))
	}
	if id < 0x10 {
		return sprintf("Reserved for long format 0x%x", id)
	}
	return mapName(wpanMLMEShortNames, id, sprintf("Reserved 0x%02x", id))
}

// le16 and le24 of an IE reader, at off.
func (r reader) le16(off int) uint16 { return le16At(r, off) }

func (r reader) leN(off, n int) uint64 {
	var v uint64
	for i := n - 1; i >= 0; i-- {
		v = v<<8 | uint64(r.u8(off+i))
	}
	return v
}

// wpanLinkOptionBits are a TSCH link's options, each followed by a
// space.
var wpanLinkOptionBits = []bitTok{{0x1, "TX "}, {0x2, "RX "}, {0x4, "Shared "}, {0x8, "Timekeeping "}, {0x10, "Priority "}}

// wpanHex prints the bytes from..n of an IE, each as "%02x ".
func (p *Printer) wpanHex(r reader, from, n int) {
	for i := from; i < n; i++ {
		p.printf("%02x ", r.u8(i))
	}
}

// wpanVendorIE prints a vendor-specific IE: the OUI and the data.
func (p *Printer) wpanVendorIE(r reader, n int) {
	if n < 3 {
		p.print("[ERROR: Vendor OUI missing]")
		return
	}
	p.printf("OUI = 0x%02x%02x%02x, Data = ", r.u8(0), r.u8(1), r.u8(2))
	p.wpanHex(r, 3, n)
}

// wpanHeaderIE prints a header IE's content at -vvvv.
func (p *Printer) wpanHeaderIE(r reader, n int, id uint16) {
	switch id {
	case 0x00:
		p.wpanVendorIE(r, n)
	case 0x1a: // LE CSL
		if n < 4 {
			p.print("[ERROR: Truncated CSL IE]")
			return
		}
		p.printf("CSL Phase = %d, CSL Period = %d", r.le16(0), r.le16(2))
		if n >= 6 {
			p.printf(", Rendezvous time = %d", r.le16(4))
		}
		if n != 4 && n != 6 {
			p.print(" [ERROR: CSL IE length wrong]")
		}
	case 0x1b: // LE RIT
		if n < 4 {
			p.print("[ERROR: Truncated RIT IE]")
			return
		}
		p.printf("Time to First Listen = %d, # of Repeat Listen = %d, Repeat Listen Interval = %d",
			r.u8(0), r.u8(1), r.le16(2))
	case 0x1c, 0x21:
		p.wpanDSMEPAN(r, n, id == 0x21)
	case 0x1d: // rendezvous time
		if n != 4 {
			p.print("[ERROR: Length != 2]")
			return
		}
		p.printf("Rendezvous time = %d, Wake-up Interval = %d", r.le16(0), r.le16(2))
	case 0x1e: // time correction
		if n != 2 {
			p.print("[ERROR: Length != 2]")
			return
		}
		v := r.le16(0)
		if v&0x8000 != 0 {
			p.print("Negative ")
		}
		// The low 12 bits, sign-extended.
		p.printf("Ack time correction = %d, ", int16((v&0xfff)<<4)>>4)
	default:
		p.print("IE Data = ")
		p.wpanHex(r, 0, n)
	}
}

// wpanDSMEPAN prints a (extended) DSME PAN descriptor IE.
func (p *Printer) wpanDSMEPAN(r reader, n int, ext bool) {
	ptr := 0
	// short reports, after tcpdump's error msg, that fewer than k bytes
	// are left from ptr.
	short := func(k int, msg string) bool {
		if n < ptr+k {
			p.print(msg)
			return true
		}
		return false
	}
	// bitmap prints the ulen bytes from ptr in hex after label, or msg
	// where they are not there.
	bitmap := func(ulen int, msg, label string) bool {
		if short(ulen, msg) {
			return false
		}
		p.print(label)
		p.wpanHex(r, ptr, ptr+ulen)
		ptr += ulen
		return true
	}
	if short(2, "[ERROR: Truncated DSME PAN IE]") {
		return
	}
	p.wpanSuperframe(r.le16(0))
	if short(3, "[ERROR: Truncated before pending addresses field]") {
		return
	}
	ptr = 2
	l := p.wpanPending(r, ptr, uint32(n-ptr))
	if l < 0 {
		return
	}
	ptr += l
	// The DSME superframe specification: in the extended IE two bytes,
	// the order in the low one; otherwise one byte, the order in its low
	// four bits, the flags above it moved here to the extended places.
	size := 1
	if ext {
		size = 2
	}
	if short(size, "[ERROR: Truncated before DSME Superframe Specification]") {
		return
	}
	var order, flags uint16
	if ext {
		ss := r.le16(ptr)
		order, flags = ss&0xff, ss&^0xff
	} else {
		ss := uint16(r.u8(ptr))
		order, flags = ss&0x0f, ss>>4<<8
	}
	ptr += size
	mode := "Channel adaptation mode"
	if flags&0x100 != 0 {
		mode = "Channel hopping mode"
	}
	p.printf("Multi-superframe Order = %d, %s", order, mode)
	if flags&0x400 != 0 {
		p.print(", CAP reduction enabled")
	}
	if flags&0x800 != 0 {
		p.print(", Deferred beacon enabled")
	}
	hopping := flags&0x1000 != 0
	if hopping {
		p.print(", Hopping Sequence Present")
	}
	if short(8, " [ERROR: Truncated before Time synchronization specification]") {
		return
	}
	p.printf("Beacon timestamp = %d, offset = %d", r.leN(ptr, 6), r.le16(ptr+6))
	ptr += 8
	if short(4, " [ERROR: Truncated before Beacon Bitmap]") {
		return
	}
	ulen := int(r.le16(ptr + 2))
	p.printf("SD Index = %d, Bitmap len = %d, ", r.le16(ptr), ulen)
	ptr += 4
	if !bitmap(ulen, " [ERROR: Truncated in SD bitmap]", " SD Bitmap = ") {
		return
	}
	if short(5, " [ERROR: Truncated before Channel hopping specification]") {
		return
	}
	ulen = int(r.le16(ptr + 4))
	p.printf("Hopping Seq ID = %d, PAN Coordinator BSN = %d, Channel offset = %d, Bitmap length = %d, ",
		r.u8(ptr), r.u8(ptr+1), r.le16(ptr+2), ulen)
	ptr += 5
	if !bitmap(ulen, " [ERROR: Truncated in Channel offset bitmap]", " Channel offset bitmap = ") {
		return
	}
	if hopping {
		if short(1, " [ERROR: Truncated in Hopping Sequence length]") {
			return
		}
		ulen = int(r.u8(ptr))
		ptr++
		p.printf("Hopping Seq length = %d [ ", ulen)
		if short(ulen*2, " [ERROR: Truncated in Channel offset bitmap]") {
			return
		}
		for i := range ulen {
			p.printf("%02x ", r.le16(ptr+2*i))
		}
		p.print("]")
	}
}

// wpanMLMEList prints the sub-IEs of an MLME payload IE.
func (p *Printer) wpanMLMEList(r reader, n int) {
	off := 0
	for {
		if n < 2 {
			p.print("[ERROR: Truncated MLME IE]")
			return
		}
		ie := r.le16(off)
		long := ie&0x8000 != 0
		var sl, id int
		if long {
			sl, id = int(ie&0x3ff), int(ie>>11&0x0f)
		} else {
			sl, id = int(ie&0xff), int(ie>>8&0x7f)
		}
		off += 2
		p.printf("\n\t\t%s [ length = %d, ", wpanMLMEName(long, id), sl)
		if n < 2+sl {
			p.print("[ERROR: Truncated IE data]")
			return
		}
		if sl != 0 {
			p.wpanMLMEIE(r.from(off), sl, id)
		}
		p.print("] ")
		off += sl
		n -= 2 + sl
		if n <= 0 {
			return
		}
	}
}

// wpanMLMEIE prints an MLME sub-IE's content (short and long sub-IE
// numbers share the switch, as in tcpdump).
func (p *Printer) wpanMLMEIE(r reader, n, id int) {
	switch id {
	case 0x08:
		p.wpanVendorIE(r, n)
	case 0x09:
		p.wpanChannelHopping(r, n)
	case 0x1a: // TSCH synchronization
		if n < 6 {
			p.print("[ERROR: Length != 6]")
		}
		p.printf("ASN = %010x, Join Metric = %d ", r.leN(0, 5), r.u8(5))
	case 0x1b:
		p.wpanSlotframes(r, n)
	case 0x1c: // TSCH timeslot
		switch n {
		case 1:
			p.printf("Time slot ID = %d ", r.u8(0))
		case 25, 27:
			p.printf("Time slot ID = %d, CCA Offset = %d, CCA = %d, TX Offset = %d, RX Offset = %d, "+
				"RX Ack Delay = %d, TX Ack Delay = %d, RX Wait = %d, Ack Wait = %d, RX TX = %d, Max Ack = %d, ",
				r.u8(0), r.le16(1), r.le16(3), r.le16(5), r.le16(7), r.le16(9), r.le16(11), r.le16(13),
				r.le16(15), r.le16(17), r.le16(19))
			if n == 25 {
				p.printf("Max TX = %d, Time slot Length = %d ", r.le16(21), r.le16(23))
			} else {
				p.printf("Max TX = %d, Time slot Length = %d ", r.leN(21, 3), r.leN(24, 3))
			}
		default:
			p.print("[ERROR: Length not 1, 25, or 27]\n\t\t\tIE Data = ")
			p.wpanHex(r, 0, n)
		}
	default:
		p.print("IE Data = ")
		p.wpanHex(r, 0, n)
	}
}

// wpanChannelHopping prints a channel hopping sub-IE.
func (p *Printer) wpanChannelHopping(r reader, n int) {
	p.printf("Hopping Sequence ID = %d", r.u8(0))
	if n == 1 {
		return
	}
	r, n = r.from(1), n-1
	if n < 7 {
		p.print("[ERROR: IE truncated]")
		return
	}
	page, chans := r.u8(0), int(r.le16(1))
	p.printf("Channel Page = %d, Number of Channels = %d, Phy Configuration = 0x%08x, ", page, chans, r.leN(3, 4))
	r, n = r.from(7), n-7
	if page == 9 || page == 10 {
		l := (chans + 7) / 8
		if n < l {
			p.print("[ERROR: IE truncated]")
			return
		}
		p.print("Extended bitmap = 0x")
		for i := range l {
			p.printf("%02x", r.u8(i))
		}
		p.print(", ")
		r, n = r.from(l), n-l
	}
	if n < 2 {
		p.print("[ERROR: IE truncated]")
		return
	}
	l := int(r.le16(0))
	r, n = r.from(2), n-2
	p.printf("Hopping Seq length = %d [ ", l)
	if n < l*2 {
		p.print(" [ERROR: IE truncated]")
		return
	}
	for i := range l {
		p.printf("%02x ", r.le16(2*i))
	}
	p.print("]")
	r, n = r.from(2*l), n-2*l
	if n < 2 {
		p.print("[ERROR: IE truncated]")
		return
	}
	p.printf("Current hop = %d", r.le16(0))
}

// wpanSlotframes prints a TSCH slotframe and link sub-IE.
func (p *Printer) wpanSlotframes(r reader, n int) {
	sf := int(r.u8(0))
	p.printf("Slotframes = %d ", sf)
	off := 1
	for range sf {
		if n < off+4 {
			p.print("[ERROR: Truncated IE before slotframes]")
			return
		}
		links := int(r.u8(off + 3))
		p.printf("\n\t\t\t[ Handle %d, size = %d, links = %d ", r.u8(off), r.le16(off+1), links)
		off += 4
		for range links {
			if n < off+5 {
				p.print("[ERROR: Truncated IE links]")
				break
			}
			opts := r.u8(off + 4)
			p.printf("\n\t\t\t\t[ Timeslot =  %d, Offset = %d, Options = ", r.le16(off), r.le16(off+2))
			p.print(bitTokNoSep(wpanLinkOptionBits, "", uint32(opts)))
			off += 5
			p.print("] ")
		}
		p.print("] ")
	}
}

// wpanMPXIE prints a multiplexed (802.15.9) payload IE.
func (p *Printer) wpanMPXIE(r reader, n int) {
	tc := r.u8(0)
	tt, tid := tc&7, tc>>3
	start := 1
	switch tt {
	case 0, 1:
		small := ""
		if tt == 1 {
			small = " with small Multiplex ID"
		}
		p.printf("Type = Full upper layer fragment%s, ", small)
		if tt == 0 {
			if n < 3 {
				p.print("[ERROR: Multiplex ID missing]")
				return
			}
			start = 3
			p.printf("tid = 0x%02x, Multiplex ID = 0x%04x, ", tid, r.le16(1))
		} else {
			p.printf("Multiplex ID = 0x%04x, ", tid)
		}
	case 2, 4:
		if n < 2 {
			p.print("[ERROR: fragment number missing]")
			return
		}
		fn := r.u8(1)
		kind := "Last fragment"
		if tt == 2 {
			kind = "Middle fragment"
			if fn == 0 {
				kind = "First fragment"
			}
		}
		p.printf("Type = %s, tid = 0x%02x, fragment = 0x%02x, ", kind, tid, fn)
		start = 2
		if fn == 0 {
			if n < 6 {
				p.print("[ERROR: Total upper layer size or multiplex ID missing]")
				return
			}
			p.printf("Total upper layer size = 0x%04x, Multiplex ID = 0x%04x, ", r.le16(2), r.le16(4))
			start = 6
		}
	case 6:
		switch n {
		case 1:
			p.printf("Type = Abort, tid = 0x%02x, no max size given", tid)
		case 3:
			p.printf("Type = Abort, tid = 0x%02x, max size = 0x%04x", tid, r.le16(1))
		default:
			p.printf("Type = Abort, tid = 0x%02x, invalid length = %d (not 1 or 3)Abort data = ", tid, n)
			p.wpanHex(r, 1, n)
		}
		return
	default:
		p.printf("Type = %d (Reserved), tid = 0x%02x, ", tt, tid)
	}
	p.print("Upper layer data = ")
	p.wpanHex(r, start, n)
}
