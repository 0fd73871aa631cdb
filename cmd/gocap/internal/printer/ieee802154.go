package printer

import (
	"encoding/binary"
	"math/bits"
)

// IEEE 802.15.4 (tcpdump's print-802_15_4.c): DLT_IEEE802_15_4 and
// DLT_IEEE802_15_4_NOFCS, and DLT_IEEE802_15_4_TAP with its TLV
// pseudo-header. Beacon, data, acknowledgement and MAC command frames
// and multipurpose frames are decoded: addressing, the auxiliary
// security header, the header and payload IE lists (their contents in
// hex, and at -vvvv decoded as ieee802154ie.go does), the beacon's
// superframe, GTS and pending-address fields, and the command data
// tcpdump decodes.
//
// tcpdump works here on the captured length alone, which it shortens by
// an FCS it finds to check (4 bytes, else 2) and by a MIC; lengths are
// unsigned, as tcpdump's are, so a length it takes below zero wraps.

var wpanFrameTypes = [8]string{"Beacon", "Data", "ACK", "Command", "Reserved", "Multipurpose", "Fragment", "Extended"}

// wpanHeaderIENames are the header IEs tcpdump names; the others are
// "Reserved 0xNN".
var wpanHeaderIENames = map[uint16]string{
	0x00: "Vendor Specific Header IE", 0x1a: "LE CSL IE", 0x1b: "LE RIT IE", 0x1c: "DSME PAN descriptor IE",
	0x1d: "Rendezvous Time IE", 0x1e: "Time Correction IE", 0x21: "Extended DSME PAN descriptor IE",
	0x22: "Fragment Sequence Context Description IE", 0x23: "Simplified Superframe Specification IE",
	0x24: "Simplified GTS Specification IE", 0x25: "LECIM Capabilities IE", 0x26: "TRLE Descriptor IE",
	0x27: "RCC Capabilities IE", 0x28: "RCCN Descriptor IE", 0x29: "Global Time IE", 0x2a: "Omnibus Header IE",
	0x2b: "DA IE", 0x7e: "Header Termination 1 IE", 0x7f: "Header Termination 2 IE",
}

var wpanPayloadIENames = map[uint16]string{
	0: "ESDU IE", 1: "MLME IE", 2: "Vendor Specific Nested IE", 3: "Multiplexed IE (802.15.9)",
	4: "Omnibus Payload Group IE", 5: "IETF IE", 15: "List termination",
}

// wpanCommands are the MAC commands tcpdump names below 0x30; the
// others are "Reserved 0xNN".
var wpanCommands = map[uint8]string{
	0x01: "Association Request command", 0x02: "Association Response command",
	0x03: "Disassociation Notification command", 0x04: "Data Request command",
	0x05: "PAN ID Conflict Notification command", 0x06: "Orphan Notification command",
	0x07: "Beacon Request command", 0x08: "Coordinator realignment command", 0x09: "GTS request command",
	0x0a: "TRLE Management Request command", 0x0b: "TRLE Management Response command",
	0x13: "DSME Association Request command", 0x14: "DSME Association Response command",
	0x15: "DSME GTS Request command", 0x16: "DSME GTS Response command", 0x17: "DSME GTS Notify command",
	0x18: "DSME Information Request command", 0x19: "DSME Information Response command",
	0x1a: "DSME Beacon Allocation Notification command", 0x1b: "DSME Beacon Collision Notification command",
	0x1c: "DSME Link Report command", 0x20: "RIT Data Request command", 0x21: "DBS Request command",
	0x22: "DBS Response command", 0x23: "RIT Data Response command", 0x24: "Vendor Specific command",
}

// wpanMICLens are the MIC lengths of the security levels.
var wpanMICLens = [8]uint32{0, 4, 8, 16, 0, 4, 8, 16}

// le16At and le32At are the little-endian values at off; a short read
// ends the packet.
func le16At(r reader, off int) uint16 {
	r.need(off, 2)
	return binary.LittleEndian.Uint16(r.b[off:])
}

func le32At(r reader, off int) uint32 {
	r.need(off, 4)
	return binary.LittleEndian.Uint32(r.b[off:])
}

// le64Addr formats the 8-byte little-endian address at off, most
// significant byte first.
func le64Addr(r reader, off int) string {
	a := r.bytes(off, 8)
	return sprintf("%02x:%02x:%02x:%02x:%02x:%02x:%02x:%02x", a[7], a[6], a[5], a[4], a[3], a[2], a[1], a[0])
}

// wpanCRC16 is 802.15.4's 16-bit FCS (CCITT, initial value 0, bits
// reflected) of b.
func wpanCRC16(b []byte) uint32 {
	var crc uint16
	for _, c := range b {
		x := byte(crc>>8) ^ bits.Reverse8(c)
		x ^= x >> 4
		crc = crc<<8 ^ uint16(x)<<12 ^ uint16(x)<<5 ^ uint16(x)
	}
	return uint32(bits.Reverse16(crc))
}

// wpanCRC32 is 802.15.4's 32-bit FCS (polynomial 0x04c11db7, initial
// value 0, bits reflected) of b.
func wpanCRC32(b []byte) uint32 {
	var crc uint32
	for _, c := range b {
		v := bits.Reverse32(uint32(c))
		for range 8 {
			if int32(crc^v) < 0 {
				crc = crc<<1 ^ 0x04c11db7
			} else {
				crc <<= 1
			}
			v <<= 1
		}
	}
	return bits.Reverse32(crc)
}

// wpanFCS finds the FCS at the end of the n captured bytes as tcpdump
// does, a 4-byte one first, and returns the length without it, the
// FCS and the CRC computed (equal when one was found). Multipurpose
// frames (mp) test shorter frames for a 2-byte one only.
func wpanFCS(r reader, n uint32, mp bool) (uint32, uint32, uint32) {
	if n < 4 && (!mp || n < 3) {
		return n, 0, 0
	}
	// The FCS reads end the packet when n is more than was captured.
	if !mp || n > 4 {
		fcs := le32At(r, int(n-4))
		crc := wpanCRC32(r.b[:n-4])
		if crc == fcs {
			return n - 4, fcs, crc
		}
	}
	fcs := uint32(le16At(r, int(n-2)))
	crc := wpanCRC16(r.b[:n-2])
	if crc == fcs {
		return n - 2, fcs, crc
	}
	return n, fcs, crc
}

// wpanFrameControlBits are the frame control flags tcpdump names with
// -vvv, each followed by ", ".
var wpanFrameControlBits = []bitTok{{0x08, "Security Enabled, "}, {0x10, "Frame Pending, "}, {0x20, "AR, "},
	{0x40, "PAN ID Compression, "}, {0x100, "Sequence Number Suppression, "}, {0x200, "IE present, "}}

// wpanMPControlBits are the flags of a multipurpose frame's long frame
// control tcpdump names with -vvv, in its order, each followed by ", ".
var wpanMPControlBits = []bitTok{{0x200, "Security Enabled, "}, {0x800, "Frame Pending, "}, {0x4000, "AR, "},
	{0x100, "PAN ID Present, "}, {0x400, "Sequence Number Suppression, "}, {0x8000, "IE present, "}}

// wpanCapabilityBits are the capabilities of an association request
// after the device type, each followed by ", ".
var wpanCapabilityBits = []bitTok{{0x04, "AC powered, "}, {0x08, "Receiver on when idle, "},
	{0x10, "Fast association, "}, {0x40, "Security supported, "}, {0x80, "Allocate address, "}}

// wpanAddrLen is the length of an address of the addressing mode, -1
// for the reserved one.
func wpanAddrLen(mode uint16) int {
	switch mode {
	case 1:
		return -1
	case 2:
		return 2
	case 3:
		return 8
	}
	return 0
}

// wpanAddrModes is the lengths of the destination and source addresses
// of the addressing modes; it reports false after tcpdump's error where
// either mode is the reserved one.
func (p *Printer) wpanAddrModes(dst, src uint16) (dl, sl int, ok bool) {
	dl, sl = wpanAddrLen(dst), wpanAddrLen(src)
	if sl < 0 {
		p.print("[ERROR: Invalid src address mode]")
		return 0, 0, false
	}
	if dl < 0 {
		p.print("[ERROR: Invalid dst address mode]")
		return 0, 0, false
	}
	return dl, sl, true
}

// wpanAddr prints the address of n bytes at off.
func (p *Printer) wpanAddr(r reader, off, n int) {
	switch n {
	case 0:
		p.print("none")
	case 2:
		p.printf("%04x", le16At(r, off))
	case 8:
		p.print(le64Addr(r, off))
	}
}

// wpanLink prints a DLT_IEEE802_15_4 or DLT_IEEE802_15_4_NOFCS frame.
func (p *Printer) wpanLink(b []byte, _ int) int {
	return p.wpan(b, len(b))
}

// wpanTAPLink prints a DLT_IEEE802_15_4_TAP frame: a version, a
// reserved byte and the TLVs' total length, then the frame.
func (p *Printer) wpanTAPLink(b []byte, _ int) int {
	r := p.reader("802.15.4_tap", b)
	if len(b) < 4 {
		r.trunc()
		return len(b)
	}
	n := int(le16At(r, 2))
	if b[0] != 0 || n < 4 {
		p.print(" (invalid)")
		return 0
	}
	if len(b) < n {
		r.trunc()
		return len(b)
	}
	return p.wpan(b[n:], len(b)-n) + n
}

// wpan prints an 802.15.4 frame of n bytes (which b may hold fewer of)
// and returns what tcpdump counts as its header length: 1 when a frame
// was printed through, else 0.
func (p *Printer) wpan(b []byte, n int) int {
	r := p.reader("802.15.4", b)
	if n < 2 {
		r.trunc()
		return n
	}
	fc := le16At(r, 0)
	t := fc & 7
	p.printf("IEEE 802.15.4 %s packet ", wpanFrameTypes[t])
	ok := false
	switch t {
	case 0, 1, 2, 3:
		ok = p.wpanStd(r, fc, uint32(n))
	case 5:
		ok = p.wpanMP(r, fc, uint32(n))
	}
	if ok {
		return 1
	}
	return 0
}

// wpanFrame is the state of a frame's decoding: where the next field is
// and how many bytes tcpdump counts from there on.
type wpanFrame struct {
	r   reader
	off int
	n   uint32
}

func (f *wpanFrame) skip(k uint32) {
	f.off += int(k)
	f.n -= k
}

// panAddr prints a PAN ID (or "-" without one) and an address of alen
// bytes, reporting false where tcpdump stops on a short frame.
// wpanSeq steps over the two-byte frame control and, unless suppressed,
// the sequence number after it (printed with -v), reporting false (after
// the truncation marker) when the frame is shorter.
func (p *Printer) wpanSeq(f *wpanFrame, suppressed bool) bool {
	n := uint32(3)
	if suppressed {
		n = 2
	} else if seq := f.r.u8(2); p.o.Verbose > 0 {
		p.printf("seq %02x ", seq)
	}
	if f.n < n {
		f.r.trunc()
		return false
	}
	f.skip(n)
	return true
}

func (p *Printer) wpanPANAddr(f *wpanFrame, pan bool, alen int) bool {
	if pan {
		if f.n < 2 {
			p.print("[ERROR: Truncated before dst_pan]")
			return false
		}
		p.printf("%04x:", le16At(f.r, f.off))
		f.skip(2)
	} else {
		p.print("-:")
	}
	return p.wpanAddrField(f, alen)
}

func (p *Printer) wpanAddrField(f *wpanFrame, alen int) bool {
	if f.n < uint32(alen) {
		p.print("[ERROR: Truncated before dst_addr]")
		return false
	}
	p.wpanAddr(f.r, f.off, alen)
	f.skip(uint32(alen))
	return true
}

// wpanStd prints a beacon, data, acknowledgement or command frame.
func (p *Printer) wpanStd(r reader, fc uint16, n uint32) bool {
	n, fcs, crc := wpanFCS(r, n, false)
	f := &wpanFrame{r: r, n: n}
	ver := int(fc >> 12 & 3)
	p.printf("v%d ", ver)
	if p.o.Verbose > 2 {
		p.print(bitTokNoSep(wpanFrameControlBits, "", uint32(fc)))
	}
	if fc>>8&1 != 0 {
		if ver < 2 {
			p.print("[ERROR: Sequence number suppressed on frames where version < 2]")
		}
		if p.o.Verbose > 0 {
			p.print("seq suppressed ")
		}
	}
	if !p.wpanSeq(f, fc>>8&1 != 0) {
		return false
	}
	dl, sl, ok := p.wpanAddrModes(fc>>10&3, fc>>14&3)
	if !ok {
		return false
	}
	comp := fc>>6&1 != 0
	dpan, span := true, !comp
	if ver < 2 && comp && (dl <= 0 || sl <= 0) {
		p.print("[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]")
	}
	if dl <= 0 {
		dpan = false
	}
	if sl <= 0 {
		span = false
	}
	if ver >= 2 {
		// The 2015 rules' special cases.
		switch {
		case comp && sl == 0 && dl == 0:
			dpan = true
		case comp && (sl == 0) != (dl == 0):
			dpan, span = false, false
		case comp && sl == 8 && dl == 8:
			dpan, span = false, false
		case !comp && sl == 8 && dl == 8:
			dpan, span = true, false
		case !comp && sl == 8 && dl == 2:
			// tcpdump's #ifdef for "broken 6tisch" implementations is
			// on (the macro is defined, as 0).
			span = false
		}
	}
	if !p.wpanPANAddr(f, dpan, dl) {
		return false
	}
	p.print(" < ")
	if !p.wpanPANAddr(f, span, sl) {
		return false
	}
	p.print(" ")
	return p.wpanRest(f, fc>>3&1 != 0, fc>>9&1 != 0, fcs, crc, func() { p.wpanStdPayload(f, fc&7, ver) })
}

// wpanRest prints what follows the addresses of a frame: the auxiliary
// security header, the IEs, the MIC and FCS with -vvv, then the
// payload.
func (p *Printer) wpanRest(f *wpanFrame, secure, ies bool, fcs, crc uint32, payload func()) bool {
	level := 0
	if secure {
		l, lv := p.wpanAuxSec(f.r, f.off, f.n)
		if l < 0 {
			return false
		}
		f.r.need(f.off, l)
		f.skip(uint32(l))
		level = lv
	}
	mic := wpanMICLens[level]
	micAt := 0
	if mic != 0 {
		if f.n < mic {
			p.print("[ERROR: Truncated before MIC]")
			return false
		}
		f.n -= mic
		micAt = f.off + int(f.n)
	}
	payloadIEs := false
	if ies {
		l, pl := p.wpanHeaderIEs(f)
		if l < 0 {
			return false
		}
		payloadIEs = pl
		f.skip(uint32(l))
	}
	if payloadIEs {
		if level >= 4 {
			p.print("Payload IEs present, but encrypted, cannot print ")
		} else {
			l := p.wpanPayloadIEs(f)
			if l < 0 {
				return false
			}
			f.skip(uint32(l))
		}
	}
	if p.o.Verbose > 2 && mic != 0 {
		p.print("\n\tMIC ")
		for i := range int(mic) {
			p.printf("%02x", f.r.u8(micAt+i))
		}
		p.print(" ")
	}
	if p.o.Verbose > 2 {
		if crc == fcs {
			p.printf("FCS %x ", fcs)
		} else {
			p.printf("wrong FCS %x vs %x (assume no FCS stored) ", fcs, crc)
		}
	}
	payload()
	return true
}

// wpanDefault is tcpdump's default print of the rest of the frame.
func (p *Printer) wpanDefault(f *wpanFrame) {
	if p.suppressDefault() {
		return
	}
	p.defaultPrintAll(f.r.from(f.off).b, int(min(f.n, 1<<31-1)))
}

// wpanStdPayload prints the body of a beacon, data, acknowledgement or
// command frame.
func (p *Printer) wpanStdPayload(f *wpanFrame, t uint16, ver int) {
	r := f.r
	switch t {
	case 0:
		if ver < 2 {
			if f.n < 2 {
				p.print("[ERROR: Truncated before beacon information]")
				return
			}
			p.wpanSuperframe(le16At(r, f.off))
			f.skip(2)
			if f.n < 1 {
				p.print("[ERROR: Truncated before GTS info]")
				return
			}
			l := p.wpanGTS(r, f.off, f.n)
			if l < 0 {
				return
			}
			f.skip(uint32(l))
			if f.n < 1 {
				p.print("[ERROR: Truncated before pending addresses]")
				return
			}
			l = p.wpanPending(r, f.off, f.n)
			if l < 0 {
				return
			}
			r.need(f.off, l)
			f.skip(uint32(l))
		}
	case 3:
		if f.n < 1 {
			p.print("[ERROR: Truncated before Command ID]")
			break
		}
		id := r.u8(f.off)
		if id >= 0x30 {
			p.printf("Command ID = Reserved 0x%02x ", id)
		} else {
			p.printf("Command ID = %s ", mapName(wpanCommands, id, sprintf("Reserved 0x%02x", id)))
		}
		f.skip(1)
		if f.n != 0 {
			if l := p.wpanCommand(id, r, f.off, f.n); l >= 0 {
				f.skip(uint32(l))
			}
		}
	}
	p.wpanDefault(f)
}

// wpanSuperframe prints a beacon's superframe specification with -v.
func (p *Printer) wpanSuperframe(ss uint16) {
	if p.o.Verbose < 1 {
		return
	}
	p.printf("\n\tBeacon order = %d, Superframe order = %d, Final CAP Slot = %d", ss&0xf, ss>>4&0xf, ss>>8&0xf)
	if ss>>12&1 != 0 {
		p.print(", BLE enabled")
	}
	if ss>>14&1 != 0 {
		p.print(", PAN Coordinator")
	}
	if ss>>15&1 != 0 {
		p.print(", Association Permit")
	}
}

// wpanGTS prints a beacon's GTS fields and returns their length, -1
// where they do not fit in n.
func (p *Printer) wpanGTS(r reader, off int, n uint32) int {
	cnt := int(r.u8(off) & 7)
	if cnt == 0 {
		if p.o.Verbose > 0 {
			p.printf("\n\tGTS Descriptor Count = %d, ", cnt)
		}
		return 1
	}
	l := 2 + 3*cnt
	if n < uint32(l) {
		p.print(" [ERROR: Truncated GTS Info List]")
		return -1
	}
	if p.o.Verbose < 2 {
		return l
	}
	p.printf("GTS Descriptor Count = %d, GTS Directions Mask = %02x, [ ", cnt, r.u8(off+1)&0x7f)
	for i := range cnt {
		// tcpdump reads the slot byte from the address's second byte.
		d := off + 2 + 3*i
		p.print("[ ")
		p.wpanAddr(r, d, 2)
		s := r.u8(d + 1)
		p.printf(", Start slot = %d, Length = %d ] ", s&0xf, s>>4&0xf)
	}
	p.print("]")
	return l
}

// wpanPending prints a beacon's pending addresses and returns their
// length, -1 where they do not fit in n.
func (p *Printer) wpanPending(r reader, off int, n uint32) int {
	pas := r.u8(off)
	s, e := int(pas&7), int(pas>>4&7)
	l := 1 + 2*s + 8*e
	if p.o.Verbose > 0 {
		p.printf("\n\tPending address list, # short addresses = %d, # extended addresses = %d", s, e)
	}
	if n < uint32(l) {
		p.print(" [ERROR: Pending address list truncated]")
		return -1
	}
	if p.o.Verbose < 2 {
		return l
	}
	if s != 0 {
		p.print(", Short address list = [ ")
		for i := range s {
			p.wpanAddr(r, off+1+2*i, 2)
			p.print(" ")
		}
		p.print("]")
	}
	if e != 0 {
		p.print(", Extended address list = [ ")
		for i := range e {
			p.wpanAddr(r, off+1+2*s+8*i, 8)
			p.print(" ")
		}
		p.print("]")
	}
	return l
}

// wpanAuxSec prints the auxiliary security header and returns its
// length (as tcpdump counts it) and the security level, or -1 where the
// frame is too short for it.
func (p *Printer) wpanAuxSec(r reader, off int, n uint32) (int, int) {
	// short reports, after tcpdump's error, that fewer than size bytes
	// are left for the field what.
	short := func(size uint32, what string) bool {
		if n < size {
			p.printf("[ERROR: Truncated before %s]", what)
			return true
		}
		return false
	}
	// skip steps past a field of size bytes.
	l := 0
	skip := func(size int) {
		off += size
		n -= uint32(size)
		l += size
	}
	if short(1, "Aux Security Header") {
		return -1, 0
	}
	sc := r.u8(off)
	level, kim := int(sc&7), sc>>3&3
	skip(1)
	if p.o.Verbose > 0 {
		p.printf("\n\tSecurity Level %d, Key Id Mode %d, ", level, kim)
	}
	if sc&0x20 == 0 {
		if short(4, "Frame Counter") {
			return -1, level
		}
		if p.o.Verbose > 1 {
			p.printf("Frame Counter 0x%08x ", le32At(r, off))
		}
		skip(4)
	}
	switch kim {
	case 0:
		if p.o.Verbose > 1 {
			p.print("Implicit")
		}
		return l, level
	case 2:
		if short(4, "Key Source") {
			return -1, level
		}
		if p.o.Verbose > 1 {
			// tcpdump's format has a typo: "%0x4x".
			p.printf("KeySource 0x%04x:%x4x, ", le16At(r, off), le16At(r, off+2))
		}
		skip(4)
	case 3:
		if short(8, "Key Source") {
			return -1, level
		}
		if p.o.Verbose > 1 {
			p.printf("KeySource %s, ", le64Addr(r, off))
		}
		// tcpdump steps over only half of the extended address.
		skip(4)
	}
	if short(1, "Key Index") {
		return -1, level
	}
	if p.o.Verbose > 1 {
		p.printf("KeyIndex 0x%02x, ", r.u8(off))
	}
	return l + 1, level
}

// wpanIEData prints an IE's n bytes at off in hex.
func (p *Printer) wpanIEData(r reader, off, n int, label string) {
	p.print(label)
	p.wpanHex(r, off, off+n)
}

// wpanHeaderIEs prints the header IE list and returns its length, or
// -1 where it does not fit; payload reports a payload IE list follows.
func (p *Printer) wpanHeaderIEs(f *wpanFrame) (l int, payload bool) {
	r, off, n := f.r, f.off, f.n
	for {
		if n < 2 {
			p.print("[ERROR: Truncated header IE]")
			return -1, false
		}
		ie := le16At(r, off)
		if ie&0x8000 != 0 {
			p.print("[ERROR: Header IE with type 1] ")
		}
		il, id := int(ie&0x7f), ie>>7&0xff
		if id > 127 {
			p.printf("Reserved Element ID %02x, length = %d ", id, il)
		} else {
			p.wpanIEStart(mapName(wpanHeaderIENames, id, sprintf("Reserved 0x%02x", id)), il)
		}
		if n < uint32(2+il) {
			p.print("[ERROR: Truncated IE data]")
			return -1, false
		}
		off += 2
		switch {
		case il == 0:
		case p.o.Verbose > 3:
			p.wpanHeaderIE(r.from(off), il, id)
		default:
			p.wpanIEData(r, off, il, "IE Data = ")
		}
		p.print("] ")
		l += 2 + il
		off += il
		n -= uint32(2 + il)
		if id == 0x7e {
			return l, true
		}
		if id == 0x7f || n == 0 {
			return l, false
		}
	}
}

// wpanIEStart opens an IE's brackets after its name, giving its length
// where it is not empty.
func (p *Printer) wpanIEStart(name string, il int) {
	if il == 0 {
		p.printf("\n\t%s [", name)
		return
	}
	p.printf("\n\t%s [ length = %d, ", name, il)
}

// wpanPayloadIEs prints the payload IE list and returns its length, or
// -1 where it does not fit.
func (p *Printer) wpanPayloadIEs(f *wpanFrame) int {
	r, off, n := f.r, f.off, f.n
	l := 0
	for {
		if n < 2 {
			p.print("[ERROR: Truncated header IE]")
			return -1
		}
		ie := le16At(r, off)
		if ie&0x8000 == 0 {
			p.print("[ERROR: Payload IE with type 0] ")
		}
		il, g := int(ie&0x3ff), ie>>11&0xf
		off += 2
		p.wpanIEStart(mapName(wpanPayloadIENames, g, sprintf("Reserved 0x%02x", g)), il)
		if n < uint32(2+il) {
			p.print("[ERROR: Truncated IE data]")
			return -1
		}
		switch {
		case il == 0:
		case p.o.Verbose > 3 && g == 2:
			p.wpanVendorIE(r.from(off), il)
		case p.o.Verbose > 3 && g == 5:
			p.printf("Subtype ID = 0x%02x, ", r.u8(off))
			p.wpanIEData(r, off+1, il-1, "Subtype content = ")
		case p.o.Verbose > 3 && g == 1:
			p.wpanMLMEList(r.from(off), il)
		case p.o.Verbose > 3 && g == 3:
			p.wpanMPXIE(r.from(off), il)
		default:
			p.wpanIEData(r, off, il, "IE Data = ")
		}
		p.print("]\n\t")
		l += 2 + il
		off += il
		n -= uint32(2 + il)
		if g == 0xf || n == 0 {
			return l
		}
	}
}

// wpanCommand prints a MAC command's data (n bytes at off) and returns
// the length of what it decoded, -1 for data of a wrong length.
func (p *Printer) wpanCommand(id uint8, r reader, off int, n uint32) int {
	wrong := func(what string) int {
		p.printf("Invalid %s command length", what)
		return -1
	}
	switch id {
	case 0x01:
		if n != 1 {
			return wrong("Association request")
		}
		c := r.u8(off)
		if c&0x02 != 0 {
			p.print("FFD, ")
		} else {
			p.print("RFD, ")
		}
		p.print(bitTokNoSep(wpanCapabilityBits, "", uint32(c)))
		return int(n)
	case 0x02:
		if n != 3 {
			return wrong("Association response")
		}
		p.print("Short address = ")
		p.wpanAddr(r, off, 2)
		switch s := r.u8(off + 2); s {
		case 0x00:
			p.print(", Association successful")
		case 0x01:
			p.print(", PAN at capacity")
		case 0x02:
			p.print(", PAN access denied")
		case 0x03:
			p.print(", Hooping sequence offset duplication")
		case 0x80:
			p.print(", Fast association successful")
		default:
			p.printf(", Status = 0x%02x", s)
		}
		return int(n)
	case 0x03:
		if n != 1 {
			return wrong("Disassociation Notification")
		}
		switch r.u8(off) {
		case 0x00:
			p.print("Reserved")
		case 0x01:
			p.print("Reason = The coordinator wishes the device to leave PAN")
		case 0x02:
			p.print("Reason = The device wishes to leave the PAN")
		default:
			// tcpdump prints the byte two further on.
			p.printf("Reason = 0x%02x", r.u8(off+2))
		}
		return int(n)
	case 0x04, 0x05, 0x06, 0x07:
		return 0
	case 0x08:
		if n < 7 || n > 8 {
			return wrong("Coordinator Realignment")
		}
		p.printf("Pan ID = 0x%04x, Coordinator short address = ", le16At(r, off))
		p.wpanAddr(r, off+2, 2)
		ch := uint16(r.u8(off + 4))
		page := uint16(0x80)
		if n == 8 {
			page = uint16(r.u8(off + 7))
		}
		if page&0x80 != 0 {
			// No page: its byte holds the channel's high bits.
			ch |= (page & 0x7f) << 8
			p.printf(", Channel Number = %d", ch)
		} else {
			p.printf(", Channel Number = %d, page = %d", ch, page)
		}
		p.print(", Short address = ")
		p.wpanAddr(r, off+5, 2)
		return int(n)
	case 0x09:
		if n != 1 {
			return wrong("GTS Request")
		}
		g := r.u8(off)
		p.printf("GTS Length = %d, %s, %s", g&0xf, ifElse(g&0x10 != 0, "Receive-only GTS", "Transmit-only GTS"),
			ifElse(g&0x20 != 0, "GTS allocation", "GTS deallocations"))
		return int(n)
	}
	p.wpanIEData(r, off, int(n), "Command Data = ")
	return 0
}

// wpanMP prints a multipurpose frame, of the short or the long frame
// control.
func (p *Printer) wpanMP(r reader, fc uint16, n uint32) bool {
	n, fcs, crc := wpanFCS(r, n, true)
	f := &wpanFrame{r: r, n: n}
	pan, ies, secure := false, false, false
	if fc>>3&1 != 0 {
		p.printf("v%d ", fc>>12&3)
		pan, ies, secure = fc>>8&1 != 0, fc>>15&1 != 0, fc>>9&1 != 0
		if p.o.Verbose > 2 {
			p.print(bitTokNoSep(wpanMPControlBits, "", uint32(fc)))
		}
		if !p.wpanSeq(f, fc>>10&1 != 0) {
			return false
		}
	} else {
		seq := r.u8(1)
		f.skip(2)
		if p.o.Verbose > 0 {
			p.printf("seq %02x ", seq)
		}
	}
	dl, sl, ok := p.wpanAddrModes(fc>>4&3, fc>>6&3)
	if !ok {
		return false
	}
	if !p.wpanPANAddr(f, pan, dl) {
		return false
	}
	p.print(" <  -:")
	if !p.wpanAddrField(f, sl) {
		return false
	}
	p.print(" ")
	return p.wpanRest(f, secure, ies, fcs, crc, func() { p.wpanDefault(f) })
}
