package printer

import "encoding/binary"

// Frame Relay (tcpdump's print-fr.c): DLT_FRELAY, a Q.922 address and a
// UI control byte before an NLPID (RFC 2427) or, Cisco style, an
// Ethernet type; DLT_MFR, multilink Frame Relay (FRF.16) control
// messages and fragments; FRF.15 fragments and Q.933 signalling (the
// LMI of ANSI T1.617 Annex D and ITU-T Q.933 Annex A).

// The Q.922 address flags as frHeader gathers them: the C/R, FECN, BECN
// and DE bits where the first two address bytes hold them, and the last
// byte's D/C bit of a longer address.
const (
	frFlagCR   = 0x02000000
	frFlagDE   = 0x00020000
	frFlagBECN = 0x00040000
	frFlagFECN = 0x00080000
	frFlagSDLC = 0x00000002
)

var frAddrFlags = []bitTok{
	{frFlagCR, "C!"}, {frFlagDE, "DE"}, {frFlagBECN, "BECN"}, {frFlagFECN, "FECN"}, {frFlagSDLC, "sdlcore"},
}

// The NLPIDs Frame Relay dispatches on besides the OSI ones.
const (
	nlpidQ933 = 0x08
	nlpidSNAP = 0x80
	nlpidMFR  = 0xb1
	nlpidIP   = 0xcc
	nlpidPPP  = 0xcf
	nlpidIP6  = 0x8e
)

// The B(egin), E(nd) and C(ontrol) bits of an FRF.15 or FRF.16 header.
const (
	mfrB    = 0x80
	mfrE    = 0x40
	mfrC    = 0x20
	mfrBEC  = mfrB | mfrE | mfrC
	mfrCtrl = mfrB | mfrE | mfrC
	mfrFrag = mfrB | mfrE
)

var mfrFlagNames = []bitTok{{mfrB, "Begin"}, {mfrE, "End"}, {mfrC, "Control"}}

// q922 is a parsed Q.922 address.
type q922 struct {
	dlci  uint32
	alen  int    // the address length, 2 to 4 bytes
	flags uint32 // frFlag bits
}

// q922Status is what parsing a Q.922 address found.
type q922Status int

const (
	q922Short   q922Status = iota // the packet (or its capture) ends in it
	q922Invalid                   // an address of 1 or more than 4 bytes
	q922OK
)

// parseQ922 reads the Q.922 address at the start of b, of a packet of
// length bytes: each byte's low bit (EA) says whether it is the last.
func parseQ922(b []byte, length int) (q q922, st q922Status) {
	if len(b) < 1 || length < 1 {
		return q, q922Short
	}
	if b[0]&1 != 0 {
		return q, q922Invalid
	}
	if len(b) < 2 || length < 2 {
		return q, q922Short
	}
	q.alen = 2
	q.dlci = uint32(b[0]&0xfc)<<2 | uint32(b[1]&0xf0)>>4
	q.flags = uint32(b[0]&0x02)<<24 | uint32(b[1]&0x0e)<<16
	if b[1]&1 != 0 {
		return q, q922OK
	}
	i, left := 2, length-2
	if len(b) < i+1 || left < 1 {
		return q, q922Short
	}
	q.alen++
	if b[i]&1 == 0 {
		// A four-byte address: seven more DLCI bits here.
		q.dlci = q.dlci<<7 | uint32(b[i]>>1)
		q.alen++
		i++
		left--
	}
	if len(b) < i+1 || left < 1 {
		return q, q922Short
	}
	if b[i]&1 == 0 {
		return q, q922Invalid
	}
	q.flags |= uint32(b[i] & 0x02)
	q.dlci = q.dlci<<6 | uint32(b[i]>>2)
	return q, q922OK
}

// frHeader prints the -e (or -q) form of the Frame Relay header; proto
// is the NLPID, or the Ethernet type of Cisco's encapsulation when above
// 0xff.
func (p *Printer) frHeader(length, alen int, q q922, proto uint16) {
	if p.o.Quiet {
		p.printf("Q.922, DLCI %d, length %d: ", q.dlci, length)
		return
	}
	flags := bitTokString(frAddrFlags, "none", q.flags)
	if proto <= 0xff {
		p.printf("Q.922, hdr-len %d, DLCI %d, Flags [%s], NLPID %s (0x%02x), length %d: ",
			alen, q.dlci, flags, mapName(nlpidNames, uint8(proto), "unknown"), proto, length)
		return
	}
	p.printf("Q.922, hdr-len %d, DLCI %d, Flags [%s], cisco-ethertype %s (0x%04x), length %d: ",
		alen, q.dlci, flags, ethertypeName(proto, "unknown"), proto, length)
}

// frLink prints a DLT_FRELAY packet.
func (p *Printer) frLink(b []byte, length int) int {
	if len(b) < 4 {
		p.reader("fr", b).trunc()
		return len(b)
	}
	return p.fr(b, length)
}

// fr prints a Frame Relay frame and returns its header length (0 where
// it stops on a bad or short header).
func (p *Printer) fr(b []byte, length int) int {
	r := p.reader("fr", b)
	q, st := parseQ922(b, length)
	switch st {
	case q922Short:
		r.trunc()
		return 0
	case q922Invalid:
		p.print("Q.922, invalid address")
		return 0
	}
	a := q.alen
	if !r.has(a, 1) || length < a+1 {
		r.trunc()
		return 0
	}
	if b[a] != 0x03 && q.dlci != 0 {
		// Not UI: perhaps Cisco's encapsulation, an Ethernet type after
		// the address.
		if r.has(a, 2) && length >= a+2 {
			et := r.be16(a)
			if p.o.LinkHeader {
				p.frHeader(length, a, q, et)
			}
			if p.ethertype(et, b[a+2:], length-a-2) {
				return a + 2
			}
		}
		p.printf("UI %02x! ", b[a])
	}
	if !r.has(a+1, 1) || length < a+2 {
		r.trunc()
		return 0
	}
	hdr := a + 2 // the address, UI and the NLPID
	if b[a+1] == 0 {
		// A pad byte, which belongs only after a three-byte address.
		if a != 3 {
			p.print("Pad! ")
		}
		hdr++
	} else if a == 3 {
		p.print("No pad! ")
	}
	if !r.has(hdr-1, 1) || length < hdr {
		r.trunc()
		return 0
	}
	nlpid := b[hdr-1]
	if p.o.LinkHeader {
		p.frHeader(length, a, q, uint16(nlpid))
	}
	pl := b[hdr:]
	length -= hdr
	switch nlpid {
	case nlpidIP:
		p.ip(pl, length)
	case nlpidIP6:
		p.ip6(pl, length)
	case nlpidCLNP, nlpidESIS, nlpidISIS:
		// The OSI printers read the NLPID themselves.
		p.isoclns(b[hdr-1:], length+1)
	case nlpidSNAP:
		if !p.snapPad(pl, length, nil, nil, 0) {
			if !p.o.LinkHeader {
				// tcpdump passes the whole header's length here.
				p.frHeader(length+hdr, hdr, q, uint16(nlpid))
			}
			if !p.suppressDefault() {
				p.defaultPrintAll(b, length+hdr)
			}
		}
	case nlpidQ933:
		p.q933(pl, length)
	case nlpidMFR:
		p.frf15(pl, length)
	case nlpidPPP:
		p.ppp(pl, length)
	default:
		if !p.o.LinkHeader {
			p.frHeader(length+hdr, a, q, uint16(nlpid))
		}
		if p.o.Hex == 0 {
			p.defaultPrintAll(pl, length)
		}
	}
	return hdr
}

// suppressDefault reports whether tcpdump leaves out its default hex and
// ASCII dump of an unknown payload (ndo_suppress_default_print, set by
// -q, -x and -X).
func (p *Printer) suppressDefault() bool {
	return p.o.Quiet || p.o.Hex > 0 || p.o.HexASCII > 0
}

// defaultPrintAll is tcpdump's default printer with nothing left out:
// the hex and ASCII dump of the length bytes of b, ending the packet
// when fewer were captured.
func (p *Printer) defaultPrintAll(b []byte, length int) {
	length = max(length, 0)
	if length <= len(b) {
		p.hexASCII(b[:length])
		return
	}
	p.hexASCII(b)
	endPacket()
}

// frf15 prints an FRF.15 (end-to-end or interface) fragmentation header.
func (p *Printer) frf15(b []byte, length int) {
	if length < 2 {
		p.truncMark(p.proto)
		return
	}
	f := u8(b, 0)
	seq := uint16(f&0x1e)<<7 | uint16(u8(b, 1))
	kind := "End-to-End"
	if f&1 != 0 {
		kind = "Interface"
	}
	p.printf("FRF.15, seq 0x%03x, Flags [%s],%s Fragmentation, length %d",
		seq, bitTokString(mfrFlagNames, "none", uint32(f&mfrBEC)), kind, length)
}

// mfrLink prints a DLT_MFR packet.
func (p *Printer) mfrLink(b []byte, length int) int {
	if len(b) < 2 {
		p.reader("mfr", b).trunc()
		return len(b)
	}
	return p.mfr(b, length)
}

// The FRF.16 control messages and their information elements.
var (
	mfrMessages = map[uint8]string{
		1: "Add Link", 2: "Add Link ACK", 3: "Add Link Reject", 4: "Hello", 5: "Hello ACK",
		6: "Remove Link", 7: "Remove Link ACK",
	}
	mfrIEs = map[uint8]string{
		1: "Bundle ID", 2: "Link ID", 3: "Magic Number", 5: "Timestamp", 6: "Vendor Extension", 7: "Cause",
	}
)

// mfr prints an FRF.16 frame: a control message, or a fragment of a
// Frame Relay frame, the first with the frame's header. It returns the
// header length, as tcpdump counts it.
func (p *Printer) mfr(b []byte, length int) int {
	r := p.reader("mfr", b)
	if length < 4 {
		p.printf("[length %d < 4] (invalid)", length)
		return length
	}
	if !r.has(0, 4) {
		r.trunc()
		return length
	}
	f := b[0]
	flags := bitTokString(mfrFlagNames, "none", uint32(f&mfrBEC))
	if f&mfrBEC == mfrCtrl && b[1] == 0 {
		p.printf("FRF.16 Control, Flags [%s], %s, length %d", flags,
			tokStr(mfrMessages, "Unknown Message (0x%02x)", b[2]), length)
		if p.o.Verbose > 0 && !p.mfrIEs(r, length) {
			r.trunc()
			return length
		}
		return 3
	}
	seq := uint16(f&0x1e)<<7 | uint16(b[1])
	if f&mfrBEC == mfrFrag || f&mfrBEC == mfrB {
		// A whole frame or its first fragment.
		p.printf("FRF.16 Frag, seq %d, Flags [%s], ", seq, flags)
		p.fr(b[2:], length-2)
		return 2
	}
	p.printf("FRF.16 Frag, seq %d, Flags [%s]", seq, flags)
	p.unknownData(b, "\n\t", length)
	return 0
}

// mfrIEs prints the information elements of an FRF.16 control message,
// reporting false where they were cut short.
func (p *Printer) mfrIEs(r reader, length int) bool {
	off, left := 3, uint32(length-3)
	for left > 2 {
		if !r.has(off, 2) {
			return false
		}
		t, l := r.b[off], int(r.b[off+1])
		p.printf("\n\tIE %s (%d), length %d: ", mapName(mfrIEs, t, "Unknown"), t, l)
		if t == 0 || l <= 2 {
			return true
		}
		if !r.has(off, l) {
			return false
		}
		off += 2
		l -= 2
		left -= 2
		v := r.b[off : off+l]
		switch {
		case t == 3: // magic number
			if l != 4 {
				p.printf("[IE data length %d != 4] (invalid)", l)
				break
			}
			p.printf("0x%08x", binary.BigEndian.Uint32(v))
		case t == 1 || t == 2: // bundle or link ID
			for i := 0; i < l && i < 50 && v[i] != 0; i++ {
				p.printChar(v[i])
			}
		case t == 5 && l == 16:
			// A struct timeval as the sender's host laid it out; tcpdump
			// takes it as its own (little-endian, 64-bit) one.
			p.timestamp(stamp{int64(binary.LittleEndian.Uint64(v)), int64(binary.LittleEndian.Uint64(v[8:]))})
		default:
			if p.o.Verbose <= 1 {
				p.unknownData(v, "\n\t  ", l)
			}
		}
		if p.o.Verbose > 1 {
			p.unknownData(v, "\n\t  ", l)
		}
		left -= uint32(l)
		off += l
	}
	return true
}

// Q.933 message types and the information elements of codesets 0 and 5
// (the LMI's).
var (
	q933Messages = map[uint8]string{
		0x00: "ESC to National", 0x01: "Alert", 0x02: "Call proceeding", 0x07: "Connect",
		0x0f: "Connect ACK", 0x03: "Progress", 0x05: "Setup", 0x45: "Disconnect", 0x4d: "Release",
		0x5a: "Release Complete", 0x46: "Restart", 0x4e: "Restart ACK", 0x7d: "Status Reply",
		0x75: "Status Enquiry",
	}
	q933LMIIEs = map[uint8]string{
		0x01: "ANSI Report Type", 0x19: "ANSI Link Verify", 0x03: "ANSI Link Verify",
		0x07: "ANSI PVC Status", 0x51: "CCITT Report Type", 0x53: "CCITT Link Verify",
		0x57: "CCITT PVC Status",
	}
	lmiReportTypes = map[uint8]string{0: "Full Status", 1: "Link verify", 2: "Async PVC Status"}
)

// q933 prints a Q.933 (or Q.931) message: the call reference, the
// message type and the information elements, which -v spells out.
func (p *Printer) q933(b []byte, length int) {
	r := p.reader("q.933", b)
	e := p.o.LinkHeader
	sep := func() {
		if !e {
			p.print(", ")
		}
	}
	if !e {
		p.print("Q.933")
	}
	olen := length
	short := func(n int) {
		sep()
		p.printf("length %d", n)
		r.trunc()
	}
	if length == 0 || !r.has(0, 1) {
		short(length)
		return
	}
	refLen := int(b[0] & 0x0f)
	off := 1
	length--
	for range refLen {
		if length == 0 || !r.has(off, 1) {
			short(olen)
			return
		}
		off++
		length--
	}
	ref := b[1:off]
	if length == 0 || !r.has(off, 1) {
		short(olen)
		return
	}
	msg := b[off]
	off++
	length--

	// A shift first sets the codeset; a locking one to codeset 5 means
	// ANSI T1.617 Annex D.
	codeset, unshift := 0, 0
	ansi := false
	nonLocking := 0
	if length != 0 {
		if !r.has(off, 1) {
			short(olen)
			return
		}
		if c := b[off]; c&0xf0 == 0x90 {
			off++
			length--
			codeset = int(c & 7)
			if c&0x08 == 0 {
				ansi = codeset == 5
			} else {
				nonLocking = 1
				unshift = 0
			}
		}
	}
	sep()
	if ansi {
		p.print("ANSI")
	} else {
		p.print("CCITT")
	}
	p.printf(", codeset %d", codeset)
	// tcpdump tests the byte after the message type here, not the call
	// reference's first.
	if refLen != 0 && (refLen > 1 || r.u8(off) != 0) {
		p.print(", Call Ref: 0x")
		for _, c := range ref {
			p.printf("%02x", c)
		}
	}
	if p.o.Verbose > 0 {
		p.printf(", %s (0x%02x), length %d", mapName(q933Messages, msg, "unknown message"), msg, olen)
	} else {
		p.printf(", %s", tokStr(q933Messages, "unknown message 0x%02x", msg))
	}
	shortIE := func() {
		if p.o.Verbose == 0 {
			p.printf(", length %d", olen)
		}
		r.trunc()
	}
	for length != 0 {
		switch nonLocking {
		case 1:
			nonLocking = 2
		case 2:
			codeset = unshift
			nonLocking = 0
		}
		if !r.has(off, 1) {
			shortIE()
			return
		}
		c := b[off]
		off++
		length--
		if c&0x80 != 0 {
			// A single-octet IE; only the shifts mean anything.
			if c&0xf0 == 0x90 {
				if c&0x08 == 0 {
					nonLocking = 0
				} else {
					nonLocking = 1
					unshift = codeset
				}
				codeset = int(c & 7)
			}
			continue
		}
		if length == 0 || !r.has(off, 1) {
			shortIE()
			return
		}
		l := int(b[off])
		off++
		length--
		lmi := codeset == 0 || codeset == 5
		if p.o.Verbose > 0 {
			name := "unknown"
			if lmi {
				name = mapName(q933LMIIEs, c, "unknown")
			}
			p.printf("\n\t%s IE (0x%02x), length %d: ", name, c, l)
		}
		if c == 0 || l == 0 {
			return
		}
		if length < l || !r.has(off, l) {
			shortIE()
			return
		}
		v := b[off : off+l]
		if lmi && p.q933LMIIE(c, v) {
			if p.o.Verbose > 1 {
				p.unknownData(v, "\n\t  ", l)
			}
		} else if p.o.Verbose > 0 {
			p.unknownData(v, "\n\t", l)
		}
		length -= l
		off += l
	}
	if p.o.Verbose == 0 {
		p.printf(", length %d", olen)
	}
}

// q933LMIIE prints an information element of codeset 0 or 5 (v holds
// all its bytes), reporting false for one it does not know. The link
// verification and PVC status print without -v too.
func (p *Printer) q933LMIIE(c byte, v []byte) bool {
	sep := func() {
		if p.o.Verbose == 0 {
			p.print(", ")
		}
	}
	switch c {
	case 0x01, 0x51: // report type
		if p.o.Verbose > 0 {
			p.printf("%s (%d)", mapName(lmiReportTypes, v[0], "unknown"), v[0])
		}
	case 0x03, 0x53, 0x19: // link verification
		sep()
		if len(v) < 2 {
			p.print("Invalid LINK VERIFY IE")
			break
		}
		p.printf("TX Seq: %3d, RX Seq: %3d", v[0], v[1])
	case 0x07, 0x57: // PVC status
		sep()
		dlci, ok := lmiDLCI(v)
		if !ok {
			p.print("Invalid DLCI in PVC STATUS IE")
			break
		}
		st := v[len(v)-1]
		n := ""
		if st&0x08 != 0 {
			n = "New, "
		}
		a := "Inactive"
		if st&0x02 != 0 {
			a = "Active"
		}
		p.printf("DLCI %d: status %s%s", dlci, n, a)
	default:
		return false
	}
	return true
}

// lmiDLCI decodes the DLCI of a PVC status IE of 3 to 5 bytes: the
// extension bit must be set in the last two and clear in the others.
func lmiDLCI(v []byte) (uint32, bool) {
	n := len(v)
	if n < 3 || n > 5 || v[0]&0x80 != 0 || v[n-1]&0x80 == 0 {
		return 0, false
	}
	if v[n-2]&0x80 == 0 {
		return 0, false
	}
	for i := 1; i < n-2; i++ {
		if v[i]&0x80 != 0 {
			return 0, false
		}
	}
	dlci := uint32(v[0]&0x3f)<<4 | uint32(v[1]&0x78)>>3
	switch n {
	case 4:
		dlci = dlci<<6 | uint32(v[2]&0x7e)>>1
	case 5:
		// tcpdump's arithmetic, which overlaps the two low parts.
		dlci = dlci<<13 | uint32(v[2]&0x7f) | uint32(v[3]&0x7e)>>1
	}
	return dlci, true
}
