package printer

import (
	"encoding/binary"
	"math/bits"
)

// IEEE 802.11 frames, bare (DLT_IEEE802_11) or after a radiotap header
// (DLT_IEEE802_11_RADIO).

// Radiotap fields tcpdump 4.99 decodes; any other bit stops the decoding
// of the radiotap header with "[bit N]".
const (
	rtTSFT     = 0
	rtFlags    = 1
	rtRate     = 2
	rtChannel  = 3
	rtFHSS     = 4
	rtSignal   = 5
	rtNoise    = 6
	rtLockQ    = 7
	rtTxAtt    = 8
	rtDBTxAtt  = 9
	rtTxPower  = 10
	rtAntenna  = 11
	rtDBSignal = 12
	rtDBNoise  = 13
	rtRxFlags  = 14
	rtXChannel = 18
	rtMCS      = 19
	rtAMPDU    = 20
	rtVHT      = 21

	rtNamespace       = 29
	rtVendorNamespace = 30
	rtExt             = 31
)

// Radiotap flags.
const (
	rtfCFP      = 0x01
	rtfShortPre = 0x02
	rtfWEP      = 0x04
	rtfFrag     = 0x08
	rtfFCS      = 0x10
	rtfDataPad  = 0x20
	rtfBadFCS   = 0x40
)

// radiotapReader reads radiotap fields with their natural alignment,
// counted from the start of the radiotap header.
type radiotapReader struct {
	b   []byte
	off int
}

func (r *radiotapReader) take(align, n int) []byte {
	off := (r.off + align - 1) &^ (align - 1)
	if off+n > len(r.b) {
		return nil
	}
	r.off = off + n
	return r.b[off : off+n]
}

func (r *radiotapReader) u8() (uint8, bool) {
	v := r.take(1, 1)
	if v == nil {
		return 0, false
	}
	return v[0], true
}

func (r *radiotapReader) u16() (uint16, bool) {
	v := r.take(2, 2)
	if v == nil {
		return 0, false
	}
	return binary.LittleEndian.Uint16(v), true
}

// radiotap prints a radiotap header and the 802.11 frame after it; it
// returns the length of both headers (and the LLC header). A field cut
// short or of unknown size ends the header's decoding, not the packet's:
// the frame is printed after it as tcpdump does.
func (p *Printer) radiotap(b []byte, length int) int {
	rd := p.reader("802.11_radio", b)
	if !rd.has(0, 8) {
		rd.trunc()
		return len(b)
	}
	hl := int(binary.LittleEndian.Uint16(b[2:]))
	if hl < 8 || !rd.has(0, hl) {
		rd.trunc()
		return len(b)
	}
	// The presence words: the first, then one more while the last one
	// read has bit 31 set and fits in the header.
	last := 0 // index of the last presence word
	for 4+4*last+4 <= hl && binary.LittleEndian.Uint32(b[4+4*last:])&(1<<rtExt) != 0 {
		last++
	}
	if 4+4*last+4 > hl {
		rd.trunc()
		return len(b)
	}
	r := &radiotapReader{b: b[:hl], off: 8 + 4*last}
	var flags uint8
	bit0 := 0
	vendor := false
	skip := 0
words:
	for w := 0; w <= last; w++ {
		present := binary.LittleEndian.Uint32(b[4+4*w:])
		if vendor {
			// Fields of a vendor namespace are skipped whole.
			if r.off+skip > hl {
				break
			}
			r.off += skip
			skip = 0
		} else {
			for rest := present; rest != 0; rest &= rest - 1 {
				bitno := bits.TrailingZeros32(rest)
				if bitno >= rtNamespace {
					break
				}
				if !p.radiotapField(r, bit0+bitno, &flags, present) {
					break words
				}
			}
		}
		switch present & (1<<rtNamespace | 1<<rtVendorNamespace) {
		case 0:
			bit0 += 32
		case 1 << rtNamespace:
			bit0 = 0
			vendor = false
			skip = 0
		case 1 << rtVendorNamespace:
			bit0 = 0
			vendor = true
			p.radiotapVendor(r, &skip)
		}
	}
	pad := flags&rtfDataPad != 0
	fcs := 0
	if flags&rtfFCS != 0 {
		fcs = 4
	}
	return hl + p.ieee80211(b[hl:], length-hl, pad, fcs)
}

// radiotapVendor reads a vendor namespace's OUI, sub-namespace and
// length into skip. As in tcpdump, the OUI is read where the reader
// stands once two aligned bytes are known to fit; a read that does not
// fit prints the marker and leaves the rest unread.
func (p *Printer) radiotapVendor(r *radiotapReader, skip *int) {
	if (r.off+1)&^1+2 > len(r.b) {
		p.truncMark("802.11_radio")
		return
	}
	for i := 0; i < 4; i++ { // the OUI and the sub-namespace
		if _, ok := r.u8(); !ok {
			p.truncMark("802.11_radio")
			return
		}
	}
	v, ok := r.u16()
	if !ok {
		p.truncMark("802.11_radio")
		return
	}
	*skip = int(v)
}

// radiotapField prints one radiotap field, reporting false when the
// header cannot be decoded past it: the field is cut short (the marker
// is printed) or its size is unknown ("[bit N]").
func (p *Printer) radiotapField(r *radiotapReader, bit int, flags *uint8, present uint32) bool {
	ok := p.radiotapValue(r, bit, flags, present)
	if !ok && bit <= rtVHT && radiotapKnown[bit] {
		p.truncMark("802.11_radio")
	}
	return ok
}

// radiotapKnown tells the fields radiotapValue decodes.
var radiotapKnown = [rtVHT + 1]bool{
	rtTSFT: true, rtFlags: true, rtRate: true, rtChannel: true, rtFHSS: true,
	rtSignal: true, rtNoise: true, rtLockQ: true, rtTxAtt: true, rtDBTxAtt: true,
	rtTxPower: true, rtAntenna: true, rtDBSignal: true, rtDBNoise: true,
	rtRxFlags: true, rtXChannel: true, rtMCS: true, rtAMPDU: true, rtVHT: true,
}

// radiotapFlagBits are the radiotap Flags field's bits tcpdump names.
var radiotapFlagBits = []bitTok{{rtfCFP, "cfp "}, {rtfShortPre, "short preamble "}, {rtfWEP, "wep "},
	{rtfFrag, "fragmented "}, {rtfBadFCS, "bad-fcs "}}

// radiotapValue reads and prints one radiotap field, reporting false
// when it does not fit in the header or is of a kind it does not know.
func (p *Printer) radiotapValue(r *radiotapReader, bit int, flags *uint8, present uint32) bool {
	switch bit {
	case rtTSFT:
		v := r.take(8, 8)
		if v == nil {
			return false
		}
		p.printf("%dus tsft ", binary.LittleEndian.Uint64(v))
	case rtFlags:
		f, ok := r.u8()
		if !ok {
			return false
		}
		*flags = f
		p.print(bitTokNoSep(radiotapFlagBits, "", uint32(f)))
	case rtRate:
		v, ok := r.u8()
		if !ok {
			return false
		}
		if v >= 0x80 && v <= 0x8f {
			p.printf("MCS %d ", v&0x7f)
		} else {
			p.printf("%2.1f Mb/s ", 0.5*float64(v))
		}
	case rtChannel:
		freq, ok := r.u16()
		if !ok {
			return false
		}
		cf, ok := r.u16()
		if !ok {
			return false
		}
		if present&(1<<rtXChannel) == 0 {
			p.chanInfo(freq, uint32(cf), present)
		}
	case rtFHSS:
		set, ok := r.u8()
		if !ok {
			return false
		}
		pat, ok := r.u8()
		if !ok {
			return false
		}
		p.printf("fhset %d fhpat %d ", set, pat)
	case rtSignal, rtNoise, rtTxPower:
		v, ok := r.u8()
		if !ok {
			return false
		}
		what := map[int]string{rtSignal: "signal", rtNoise: "noise", rtTxPower: "tx power"}[bit]
		p.printf("%ddBm %s ", int8(v), what)
	case rtLockQ:
		v, ok := r.u16()
		if !ok {
			return false
		}
		p.printf("%d sq ", v)
	case rtTxAtt:
		v, ok := r.u16()
		if !ok {
			return false
		}
		p.printf("%d tx power ", -int(int16(v)))
	case rtDBTxAtt:
		// tcpdump 4.99 reads this one as a signed byte.
		v, ok := r.u8()
		if !ok {
			return false
		}
		p.printf("%ddB tx attenuation ", -int(int8(v)))
	case rtAntenna:
		v, ok := r.u8()
		if !ok {
			return false
		}
		p.printf("antenna %d ", v)
	case rtDBSignal, rtDBNoise:
		v, ok := r.u8()
		if !ok {
			return false
		}
		if bit == rtDBSignal {
			p.printf("%ddB signal ", v)
		} else {
			p.printf("%ddB noise ", v)
		}
	case rtRxFlags:
		if _, ok := r.u16(); !ok {
			return false
		}
	case rtXChannel:
		v := r.take(4, 4)
		if v == nil {
			return false
		}
		cf := binary.LittleEndian.Uint32(v)
		freq, ok := r.u16()
		if !ok {
			return false
		}
		for i := 0; i < 2; i++ { // channel number, maximum power
			if _, ok := r.u8(); !ok {
				return false
			}
		}
		p.chanInfo(freq, cf, present)
	case rtMCS:
		var v [3]uint8
		for i := range v {
			var ok bool
			if v[i], ok = r.u8(); !ok {
				return false
			}
		}
		p.radiotapMCS(v[0], v[1], v[2])
	case rtAMPDU:
		if r.take(4, 4) == nil {
			return false
		}
		if _, ok := r.u16(); !ok {
			return false
		}
		for i := 0; i < 2; i++ {
			if _, ok := r.u8(); !ok {
				return false
			}
		}
	case rtVHT:
		return p.radiotapVHT(r)
	default:
		p.printf("[bit %d] ", bit)
		return false
	}
	return true
}

// vhtBandwidths names the VHT field's bandwidth values, as tcpdump does
// (with its repeated "UUU").
var vhtBandwidths = [32]string{
	"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)",
	"80 MHz", "80 MHz (L)", "80 MHz (U)", "80 MHz (LL)", "80 MHz (LU)", "80 MHz (UL)", "80 MHz (UU)",
	"160 MHz", "160 MHz (L)", "160 MHz (U)", "160 MHz (LL)", "160 MHz (LU)", "160 MHz (UL)", "160 MHz (UU)",
	"160 MHz (LLL)", "160 MHz (LLU)", "160 MHz (LUL)", "160 MHz (UUU)",
	"160 MHz (ULL)", "160 MHz (ULU)", "160 MHz (UUL)", "160 MHz (UUU)",
	"unknown (26)", "unknown (27)", "unknown (28)", "unknown (29)", "unknown (30)", "unknown (31)",
}

// radiotapVHT reads and prints the VHT field: each user's MCS and coding
// (users with streams), the bandwidth and the guard interval when known.
func (p *Printer) radiotapVHT(r *radiotapReader) bool {
	known, ok := r.u16()
	if !ok {
		return false
	}
	var v [8]uint8 // flags, bandwidth, 4 MCS/NSS, coding, group ID
	for i := range v {
		if v[i], ok = r.u8(); !ok {
			return false
		}
	}
	if _, ok := r.u16(); !ok { // partial AID
		return false
	}
	flags, bw, coding := v[0], v[1], v[6]
	for i, mn := range v[2:6] {
		if mn&0x0f == 0 {
			continue
		}
		fec := "BCC"
		if coding&(1<<i) != 0 {
			fec = "LDPC"
		}
		p.printf("User %d MCS %d %s FEC ", i, mn>>4, fec)
	}
	if known&0x0040 != 0 {
		p.printf("%s ", vhtBandwidths[bw&0x1f])
	}
	if known&0x0004 != 0 {
		if flags&0x04 != 0 {
			p.print("short GI ")
		} else {
			p.print("long GI ")
		}
	}
	return true
}

// Channel flags.
const (
	chanTurbo   = 0x0010
	chanCCK     = 0x0020
	chanOFDM    = 0x0040
	chan2GHz    = 0x0080
	chan5GHz    = 0x0100
	chanDyn     = 0x0400
	chanGFSK    = 0x0800
	chanHalf    = 0x4000
	chanQuarter = 0x8000
	chanHT20    = 0x10000
	chanHT40U   = 0x20000
	chanHT40D   = 0x40000
)

// chanInfo prints a channel's frequency and kind as tcpdump does.
func (p *Printer) chanInfo(freq uint16, f uint32, present uint32) {
	p.printf("%d MHz", freq)
	is := func(m uint32) bool { return f&m == m }
	if present&(1<<rtMCS) != 0 {
		p.print(" 11n")
	} else {
		if is(chan2GHz | chanGFSK) {
			p.print(" FHSS")
		}
		if is(chan5GHz | chanOFDM) {
			switch {
			case f&chanHalf != 0:
				p.print(" 11a/10Mhz")
			case f&chanQuarter != 0:
				p.print(" 11a/5Mhz")
			default:
				p.print(" 11a")
			}
		}
		if is(chan2GHz|chanOFDM) || is(chan2GHz|chanDyn) {
			switch {
			case f&chanHalf != 0:
				p.print(" 11g/10Mhz")
			case f&chanQuarter != 0:
				p.print(" 11g/5Mhz")
			default:
				p.print(" 11g")
			}
		} else if is(chan2GHz | chanCCK) {
			p.print(" 11b")
		}
		if f&chanTurbo != 0 {
			p.print(" Turbo")
		}
	}
	switch {
	case f&chanHT20 != 0:
		p.print(" ht/20")
	case f&chanHT40D != 0:
		p.print(" ht/40-")
	case f&chanHT40U != 0:
		p.print(" ht/40+")
	}
	p.print(" ")
}

// htRate returns the 802.11n data rate in Mb/s of MCS index mcs (0-76)
// with a 40 MHz channel or a 20 MHz one, and a short or long guard
// interval, or 0 when there is none (MCS 32 at 20 MHz, indexes past 76).
func htRate(mcs uint8, ht40, shortGI bool) float64 {
	// Coded bits per data subcarrier and symbol, all streams together,
	// times 2 (so that they stay integers): for MCS 0-31 the modulation
	// and coding of one stream times the number of streams.
	perStream := [8]float64{1, 2, 3, 4, 6, 8, 9, 10}
	var twice float64
	switch {
	case mcs < 32:
		twice = perStream[mcs%8] * float64(mcs/8+1)
	case mcs == 32:
		// The duplicate format: 40 MHz only, 48 subcarriers at BPSK 1/2.
		if !ht40 {
			return 0
		}
		return perSymbolTime(24, shortGI)
	case mcs <= 76:
		// Unequal modulation: the bits of the streams' modulations
		// summed, at coding rate 1/2 for the first half of each
		// group of indexes and 3/4 for the second half.
		groups := []struct {
			first uint8
			sums  []float64
		}{
			{33, []float64{6, 8, 10}},
			{39, []float64{8, 10, 10, 12, 14, 14, 16}},
			{53, []float64{10, 12, 14, 12, 14, 16, 18, 16, 18, 20, 20, 22}},
		}
		for i := len(groups) - 1; i >= 0; i-- {
			g := groups[i]
			if mcs < g.first {
				continue
			}
			k := int(mcs - g.first)
			if k < len(g.sums) {
				twice = g.sums[k] // rate 1/2: bits times 2 times 1/2
			} else {
				twice = g.sums[k-len(g.sums)] * 3 / 2
			}
			break
		}
	default:
		return 0
	}
	subcarriers := 52.0
	if ht40 {
		subcarriers = 108
	}
	return perSymbolTime(twice*subcarriers/2, shortGI)
}

// perSymbolTime is a rate in Mb/s for bits sent per OFDM symbol, with a
// short (3.6 us) or long (4 us) guard interval.
func perSymbolTime(bits float64, shortGI bool) float64 {
	if shortGI {
		return bits / 3.6
	}
	return bits / 4
}

var htBandwidths = [4]string{"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)"}

// radiotapMCS prints the radiotap MCS field.
func (p *Printer) radiotapMCS(known, flags, mcs uint8) {
	if known&0x02 != 0 {
		rate := 0.0
		if mcs <= 76 && known&(0x01|0x04) != 0 {
			rate = htRate(mcs, flags&0x03 == 0x01, flags&0x04 != 0)
		}
		if rate != 0 {
			p.printf("%.1f Mb/s MCS %d ", rate, mcs)
		} else {
			p.printf("MCS %d ", mcs)
		}
	}
	if known&0x01 != 0 {
		p.printf("%s ", htBandwidths[flags&0x03])
	}
	if known&0x04 != 0 {
		if flags&0x04 != 0 {
			p.print("short GI ")
		} else {
			p.print("long GI ")
		}
	}
	if known&0x08 != 0 {
		if flags&0x08 != 0 {
			p.print("greenfield ")
		} else {
			p.print("mixed ")
		}
	}
	if known&0x10 != 0 {
		if flags&0x10 != 0 {
			p.print("LDPC FEC ")
		} else {
			p.print("BCC FEC ")
		}
	}
	if known&0x20 != 0 {
		p.printf("RX-STBC%d ", (flags&0x60)>>5)
	}
}

// 802.11 frame types.
const (
	wlanMgmt = 0
	wlanCtrl = 1
	wlanData = 2
)

var wlanMgmtNames = map[uint16]string{
	0: "Assoc Request", 1: "Assoc Response", 2: "ReAssoc Request", 3: "ReAssoc Response",
	4: "Probe Request", 5: "Probe Response", 8: "Beacon", 9: "ATIM", 10: "Disassociation",
	11: "Authentication", 12: "DeAuthentication", 13: "Action",
}

var wlanCtrlNames = map[uint16]string{
	7: "Control Wrapper", 8: "BAR", 9: "BA", 10: "Power Save-Poll", 11: "Request-To-Send",
	12: "Clear-To-Send", 13: "Acknowledgment", 14: "CF-End", 15: "CF-End+CF-Ack",
}

// Header lengths of the control frames.
var wlanCtrlHdrLen = map[uint16]int{7: 16, 8: 20, 9: 10, 10: 16, 11: 16, 12: 10, 13: 10, 14: 16, 15: 16}

var wlanAuthAlgs = []string{"Open System", "Shared Key", "EAP"}

// ieee80211Bare prints a frame of the DLT_IEEE802_11 link type.
func (p *Printer) ieee80211Bare(b []byte, length int) int {
	return p.ieee80211(b, length, false, 0)
}

// ieee80211 prints an 802.11 frame; pad says the header is padded to 4
// bytes, fcs how many FCS bytes end the frame. It returns the length of
// the MAC header (and of the LLC header of data frames).
func (p *Printer) ieee80211(b []byte, length int, pad bool, fcs int) int {
	r := p.reader("802.11", b)
	if length < fcs {
		r.trunc()
		return len(b)
	}
	length -= fcs
	caplen := len(b)
	if len(b) > length {
		b = b[:max(length, 0)]
	}
	if len(b) < 2 {
		p.truncMark("802.11")
		return caplen
	}
	fc := binary.LittleEndian.Uint16(b)
	typ, sub := fc>>2&3, fc>>4&0xf
	toDS, fromDS := fc&0x0100 != 0, fc&0x0200 != 0
	protected := fc&0x4000 != 0
	var hl int
	switch typ {
	case wlanMgmt:
		hl = 24
	case wlanCtrl:
		var ok bool
		if hl, ok = wlanCtrlHdrLen[sub]; !ok {
			p.printf("unknown 802.11 ctrl frame subtype (%d)", sub)
			return 0
		}
	case wlanData:
		hl = 24
		if toDS && fromDS {
			hl = 30
		}
		if sub&0x08 != 0 {
			hl += 2
		}
	default:
		p.printf("unknown 802.11 frame type (%d)", typ)
		return 0
	}
	if pad {
		hl = (hl + 3) &^ 3
	}
	meshLen := 0
	if p.o.MeshHeaders && typ == wlanData && sub&0x08 != 0 {
		// An 802.11s mesh control field after the QoS header: its
		// flags give its length (0 when they are not a mesh's).
		if len(b) <= hl {
			p.truncMark("802.11")
			return hl
		}
		if f := b[hl]; f&^3 == 0 {
			meshLen = 6 * (1 + int(f&3))
		}
		hl += meshLen
	}
	if len(b) < hl {
		p.truncMark("802.11")
		return hl
	}
	if p.o.LinkHeader {
		p.wlanHeader(fc, b, b[hl-meshLen:hl])
	}
	body := b[hl:]
	blen := length - hl
	switch typ {
	case wlanMgmt:
		if !p.wlanMgmt(fc, b, body, blen) {
			p.truncMark("802.11")
		}
	case wlanCtrl:
		p.wlanCtrl(sub, b)
	case wlanData:
		if sub&0x04 != 0 {
			return hl
		}
		if protected {
			p.print("Data")
			if !p.wep(body) {
				p.truncMark("802.11")
			}
			return hl
		}
		var src, dst []byte
		switch {
		case !toDS && !fromDS:
			src, dst = b[10:16], b[4:10]
		case !toDS && fromDS:
			src, dst = b[16:22], b[4:10]
		case toDS && !fromDS:
			src, dst = b[10:16], b[16:22]
		default:
			src, dst = b[24:30], b[16:22]
		}
		n := p.llc(body, blen, src, dst)
		if n < 0 {
			p.defaultPrint(body)
			n = -n
		}
		hl += n
	}
	return hl
}

// wlanFCFlagBits are the 802.11 frame control flags -v names.
var wlanFCFlagBits = []bitTok{{0x2000, "More Data "}, {0x0400, "More Fragments "}, {0x1000, "Pwr Mgmt "},
	{0x0800, "Retry "}, {0x8000, "Strictly Ordered "}, {0x4000, "Protected "}}

// wlanHeader prints the addresses of an 802.11 header (-e), after its
// flags and duration (-v) and its mesh control field (mesh, when not
// empty).
func (p *Printer) wlanHeader(fc uint16, b, mesh []byte) {
	typ, sub := fc>>2&3, fc>>4&0xf
	if p.o.Verbose > 0 {
		p.print(bitTokNoSep(wlanFCFlagBits, "", uint32(fc)))
		if typ != wlanCtrl || sub != 10 {
			p.printf("%dus ", binary.LittleEndian.Uint16(b[2:]))
		}
	}
	if len(mesh) != 0 {
		ae := mesh[0] & 3
		p.printf("MeshData (AE %d TTL %d seq %d", ae, mesh[1], binary.LittleEndian.Uint32(mesh[2:]))
		for i, name := range []string{" A4:", " A5:", " A6:"} {
			if int(ae) > i {
				p.print(name + p.etherAddr(mesh[6+6*i:12+6*i]))
			}
		}
		p.print(") ")
	}
	a1, a2 := p.etherAddr(b[4:10]), ""
	if len(b) >= 16 {
		a2 = p.etherAddr(b[10:16])
	}
	switch typ {
	case wlanMgmt:
		p.printf("BSSID:%s DA:%s SA:%s ", p.etherAddr(b[16:22]), a1, a2)
	case wlanCtrl:
		switch sub {
		case 8:
			p.printf(" RA:%s TA:%s CTL(%x) SEQ(%d) ", a1, a2, binary.LittleEndian.Uint16(b[16:]), binary.LittleEndian.Uint16(b[18:]))
		case 9, 12, 13:
			p.printf("RA:%s ", a1)
		case 10:
			p.printf("BSSID:%s TA:%s ", a1, a2)
		case 11:
			p.printf("RA:%s TA:%s ", a1, a2)
		case 14, 15:
			p.printf("RA:%s BSSID:%s ", a1, a2)
		}
	case wlanData:
		if sub&0x0b != 0 {
			p.print("CF ")
			switch {
			case sub&0x01 != 0 && sub&0x02 != 0:
				p.print("Ack/Poll")
			case sub&0x01 != 0:
				p.print("Ack")
			case sub&0x02 != 0:
				p.print("Poll")
			}
			if sub&0x08 != 0 {
				p.print("+QoS")
			}
			p.print(" ")
		}
		a3 := p.etherAddr(b[16:22])
		switch toDS, fromDS := fc&0x0100 != 0, fc&0x0200 != 0; {
		case !toDS && !fromDS:
			p.printf("DA:%s SA:%s BSSID:%s ", a1, a2, a3)
		case !toDS && fromDS:
			p.printf("DA:%s BSSID:%s SA:%s ", a1, a2, a3)
		case toDS && !fromDS:
			p.printf("BSSID:%s SA:%s DA:%s ", a1, a2, a3)
		default:
			p.printf("RA:%s TA:%s DA:%s SA:%s ", a1, a2, a3, p.etherAddr(b[24:30]))
		}
	}
}

// wlanCtrl prints a control frame.
func (p *Printer) wlanCtrl(sub uint16, b []byte) {
	p.print(mapName(wlanCtrlNames, sub, "Unknown Ctrl Subtype"))
	switch sub {
	case 8:
		if !p.o.LinkHeader {
			p.printf(" RA:%s TA:%s CTL(%x) SEQ(%d) ", p.etherAddr(b[4:]), p.etherAddr(b[10:]), binary.LittleEndian.Uint16(b[16:]), binary.LittleEndian.Uint16(b[18:]))
		}
	case 9, 12, 13, 14, 15:
		if !p.o.LinkHeader {
			p.printf(" RA:%s ", p.etherAddr(b[4:]))
		}
	case 10:
		p.printf(" AID(%x)", binary.LittleEndian.Uint16(b[2:]))
	case 11:
		if !p.o.LinkHeader {
			p.printf(" TA:%s ", p.etherAddr(b[10:]))
		}
	}
}

// wep prints the IV of a protected frame.
func (p *Printer) wep(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	iv := binary.LittleEndian.Uint32(b)
	p.printf(" IV:%3x Pad %x KeyID %x", iv&0xffffff, iv>>24&0x3f, iv>>30&3)
	return true
}

// wlanElements holds the information elements a management frame
// printer shows.
type wlanElements struct {
	ssid     []byte
	hasSSID  bool
	rates    []byte
	hasRates bool
	channel  uint8
	hasDS    bool
}

// parse reads the information elements in b (length bytes long),
// reporting false when they are truncated or malformed.
func (e *wlanElements) parse(b []byte, length int) bool {
	for length > 0 {
		if len(b) < 2 || length < 2 {
			return false
		}
		id, l := b[0], int(b[1])
		if len(b) < 2+l || length < 2+l {
			return false
		}
		v := b[2 : 2+l]
		switch id {
		case 0:
			if l > 32 {
				return false
			}
			if !e.hasSSID {
				e.ssid, e.hasSSID = v, true
			}
		case 1:
			if l > 16 {
				return false
			}
			if !e.hasRates && l != 0 {
				e.rates, e.hasRates = v, true
			}
		case 3:
			if l == 1 && !e.hasDS {
				e.channel, e.hasDS = v[0], true
			}
		case 5:
			if l > 3 && l-3 > 251 {
				return false
			}
		case 16:
			if l > 253 {
				return false
			}
		}
		b = b[2+l:]
		length -= 2 + l
	}
	return true
}

func (p *Printer) printSSID(e *wlanElements) {
	if e.hasSSID {
		p.printf(" (%s)", printableZ(e.ssid))
	}
}

func (p *Printer) printRates(e *wlanElements) {
	if !e.hasRates {
		return
	}
	sep := " ["
	for _, r := range e.rates {
		star := ""
		if r&0x80 != 0 {
			star = "*"
		}
		p.printf("%s%2.1f%s", sep, 0.5*float64(r&0x7f), star)
		sep = " "
	}
	p.print(" Mbit]")
}

func (p *Printer) printDSChannel(e *wlanElements, capInfo uint16) {
	if e.hasDS {
		p.printf(" CH: %d", e.channel)
	}
	if capInfo&0x0010 != 0 {
		p.print(", PRIVACY")
	}
}

// wlanMgmt prints a management frame's body, reporting false when it is
// truncated.
func (p *Printer) wlanMgmt(fc uint16, hdr, b []byte, length int) bool {
	sub := fc >> 4 & 0xf
	p.print(mapName(wlanMgmtNames, sub, "Unhandled Management subtype("+string(hexdigits[sub])+")"))
	if fc&0x4000 != 0 {
		return p.wep(b)
	}
	var e wlanElements
	fixed := func(n int) bool { return len(b) >= n && length >= n }
	switch sub {
	case 0, 2:
		n := 4
		if sub == 2 {
			n = 10
		}
		if !fixed(n) {
			return false
		}
		ok := e.parse(b[n:], length-n)
		p.printSSID(&e)
		if sub == 0 {
			p.printRates(&e)
		} else {
			p.printf(" AP : %s", p.etherAddr(b[4:10]))
		}
		return ok
	case 1, 3:
		if !fixed(6) {
			return false
		}
		capInfo := binary.LittleEndian.Uint16(b)
		status := binary.LittleEndian.Uint16(b[2:])
		aid := binary.LittleEndian.Uint16(b[4:])
		ok := e.parse(b[6:], length-6)
		priv := ""
		if capInfo&0x0010 != 0 {
			priv = " PRIVACY "
		}
		p.printf(" AID(%x) :%s: %s", aid<<2>>2, priv, wlanStatusText(status))
		return ok
	case 4:
		ok := e.parse(b, length)
		p.printSSID(&e)
		p.printRates(&e)
		return ok
	case 5, 8:
		if !fixed(12) {
			return false
		}
		capInfo := binary.LittleEndian.Uint16(b[10:])
		ok := e.parse(b[12:], length-12)
		p.printSSID(&e)
		p.printRates(&e)
		if sub == 8 {
			if capInfo&0x0001 != 0 {
				p.print(" ESS")
			} else {
				p.print(" IBSS")
			}
		}
		p.printDSChannel(&e, capInfo)
		return ok
	case 11:
		if !fixed(6) {
			return false
		}
		alg := binary.LittleEndian.Uint16(b)
		seq := binary.LittleEndian.Uint16(b[2:])
		status := binary.LittleEndian.Uint16(b[4:])
		ok := e.parse(b[6:], length-6)
		an := "Reserved"
		if int(alg) < len(wlanAuthAlgs) {
			an = wlanAuthAlgs[alg]
		}
		st := ""
		if seq%2 == 1 {
			st = wlanStatusText(status)
		}
		if alg == 1 && (seq == 2 || seq == 3) {
			p.printf(" (%s)-%x [Challenge Text] %s", an, seq, st)
		} else {
			p.printf(" (%s)-%x: %s", an, seq, st)
		}
		return ok
	case 10, 12: // disassociation, deauthentication: a reason code
		if !fixed(2) {
			return false
		}
		reason := wlanReasonText(binary.LittleEndian.Uint16(b))
		if sub == 12 && !p.o.LinkHeader {
			p.print(" (" + p.etherAddr(hdr[10:16]) + ")")
		}
		p.print(": " + reason)
	case 13:
		if !fixed(2) {
			return false
		}
		if p.o.LinkHeader {
			p.print(": ")
		} else {
			p.print(" (" + p.etherAddr(hdr[10:16]) + "): ")
		}
		p.wlanAction(b[0], b[1])
	}
	return true
}

// wlanActions names the actions of the action frame categories tcpdump
// names them for; the others print as "Act#N".
var wlanActions = map[uint8]struct {
	category string
	actions  []string // by action number; "" for none
}{
	3:  {"BA ", []string{"ADDBA Request", "ADDBA Response", "DELBA"}},
	7:  {"HT ", []string{"TxChWidth", "MIMOPwrSave"}},
	13: {"MeshAction ", []string{"MeshLink", "HWMP", "Gate Announcement", "Congestion Control", "MCCA Setup Request", "MCCA Setup Reply", "MCCA Advertisement Request", "MCCA Advertisement", "MCCA Teardown", "TBTT Adjustment Request", "TBTT Adjustment Response"}},
	14: {"MultiohopAction ", []string{"Proxy Update", "Proxy Update Confirmation"}},
	15: {"SelfprotectAction ", []string{"", "Peering Open", "Peering Confirm", "Peering Close", "Group Key Inform", "Group Key Acknowledge"}},
}

// wlanAction prints an action frame's category and action as tcpdump's
// handle_action does.
func (p *Printer) wlanAction(category, action uint8) {
	switch category {
	case 0:
		p.printf("Spectrum Management Act#%d", action)
	case 1:
		p.printf("QoS Act#%d", action)
	case 2:
		p.printf("DLS Act#%d", action)
	case 127:
		p.printf("Vendor Act#%d", action)
	default:
		c, ok := wlanActions[category]
		if !ok {
			p.printf("Reserved(%d) Act#%d", category, action)
			return
		}
		p.print(c.category)
		if int(action) < len(c.actions) && c.actions[action] != "" {
			p.print(c.actions[action])
		} else {
			p.printf("Act#%d", action)
		}
	}
}
