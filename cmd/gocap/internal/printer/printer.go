package printer

import (
	"bytes"
	"fmt"
	"io"
	"net/netip"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/gocap/gocap/cbpf"
)

// TimestampMode selects how the timestamp at the start of each packet is
// printed, like tcpdump's -t options.
type TimestampMode int

// Timestamp modes. The zero value is tcpdump's default.
const (
	// TimeDefault prints the local time of day, HH:MM:SS.ffffff.
	TimeDefault TimestampMode = iota
	// TimeNone prints no timestamp (-t).
	TimeNone
	// TimeEpoch prints seconds since the epoch and the fraction (-tt).
	TimeEpoch
	// TimeDelta prints the time since the previous packet (-ttt).
	TimeDelta
	// TimeDate prints the local date and time of day (-tttt).
	TimeDate
	// TimeSinceFirst prints the time since the first packet (-ttttt).
	TimeSinceFirst
)

// Options holds tcpdump's printing flags. The zero value prints like
// tcpdump with no flags, except that host names are not resolved (see
// Resolver).
type Options struct {
	// NumericLevel is the number of -n flags. 0 prints names as tcpdump
	// does without -n: ports by their /etc/services names, IP protocols
	// by tcpdump's names, Ethernet addresses by /etc/ethers or with their
	// maker's OUI, and hosts by Resolver's names (names.go).
	// 1 and 2 print every address, port and protocol as a number.
	NumericLevel int
	// Resolver finds host names for IPv4 and IPv6 addresses when
	// NumericLevel is 0; nil prints addresses as numbers.
	// NewSystemResolver gives tcpdump's behaviour.
	Resolver Resolver
	// NoDomain prints host names without their domain part (-N).
	NoDomain bool
	// LocalNet, when valid, is the capture interface's IPv4 network:
	// other IPv4 addresses print as numbers (-f).
	LocalNet netip.Prefix
	// LinkHeader prints the link-level header (-e).
	LinkHeader bool
	// Quiet prints less protocol information (-q).
	Quiet bool
	// VeryQuiet (-qq) also leaves out the addresses and protocol of an
	// IPv4 fragment other than the first.
	VeryQuiet bool
	// Verbose is the number of -v flags, 0 to 3.
	Verbose int
	// TimestampMode selects the timestamp format (-t, -tt, ...).
	TimestampMode TimestampMode
	// Location is the time zone for TimeDefault and TimeDate; nil means
	// time.Local, as tcpdump uses the local time zone.
	Location *time.Location
	// Hex is the number of -x flags: 1 dumps the packet in hex without the
	// link header, 2 with it.
	Hex int
	// HexASCII is the number of -X flags: like Hex, with an ASCII column.
	// It takes precedence over Hex.
	HexASCII int
	// ASCII is the number of -A flags: 1 prints the packet as ASCII without
	// the link header, 2 with it. Hex and HexASCII take precedence.
	ASCII int
	// AbsoluteSeq prints absolute TCP sequence numbers (-S).
	AbsoluteSeq bool
	// Number prints the packet number first (-#).
	Number bool
	// Nano prints timestamps with nine fraction digits
	// (--time-stamp-precision nano).
	Nano bool
	// PacketType decodes the payloads of UDP and TCP (and IP protocol
	// 112 for PacketCARP) as that type whatever their ports (-T);
	// ParsePacketType gives it for a -T name.
	PacketType PacketType
	// ASDot prints BGP AS numbers above 65535 in ASDOT notation (-b).
	ASDot bool
	// ESPSecret holds the keys for decrypting IPsec ESP (and IKEv2's
	// encrypted payloads), in tcpdump's -E syntax (see espsecret.go):
	// "spi@addr algo:secret" entries separated by commas or newlines,
	// or "file NAME".
	ESPSecret string
	// RawNFSHandles prints NFS file handles as their 32-bit words in hex
	// instead of decoding them (-u).
	RawNFSHandles bool
	// NoChecksum leaves out the IPv4 header, TCP and UDP checksum checks
	// (-K, --dont-verify-checksums).
	NoChecksum bool
	// SigSecret is -M's shared secret: it checks TCP MD5 signature
	// options (RFC 2385) and the keyed-MD5 signatures of IS-IS
	// authentication TLVs and RSVP integrity objects; without it they
	// print as not checked.
	SigSecret string
	// Warn, when set, receives the warnings tcpdump prints on standard
	// error while printing (a bad -E entry, a ciphertext of the wrong
	// size), without its "tcpdump: " prefix.
	Warn func(msg string)
	// MeshHeaders looks for an 802.11s mesh control field in 802.11 QoS
	// data frames (-H).
	MeshHeaders bool
}

// PacketInfo describes a captured packet.
type PacketInfo struct {
	// Timestamp is when the packet was captured.
	Timestamp time.Time
	// CaptureLength is the number of bytes captured; data passed to Packet
	// is cut to it when shorter.
	CaptureLength int
	// Length is the packet's length on the wire.
	Length int
	// InterfaceIndex is the pcapng interface the packet came from.
	InterfaceIndex int
	// Raw says that Seconds and Fraction hold the timestamp as a capture
	// file gives it and libpcap hands it to tcpdump: the fraction in
	// microseconds (nanoseconds with Options.Nano) as a signed 32-bit
	// value, not carried into the seconds even when it is a second or
	// more. tcpdump prints such a timestamp as it stands
	// ("17:16:10.1000000"), and so does the printer; Timestamp is then
	// not used.
	Raw      bool
	Seconds  int64
	Fraction int64
}

// stamp is a timestamp as tcpdump keeps it (a struct timeval): seconds
// and a fraction in the printer's unit, neither normalized.
type stamp struct{ sec, frac int64 }

// Printer prints packets to a writer. It keeps the state tcpdump keeps
// between packets, so one Printer must see a capture's packets in order.
// A Printer is not safe for concurrent use.
type Printer struct {
	w   io.Writer
	o   Options
	buf bytes.Buffer
	n   uint64
	ref stamp // -ttt's previous packet, -ttttt's first

	secText secText // the last second printed (hmsFrac)

	tcpSeq  tcpConns
	espKeys espKeys               // -E, parsed at the first ESP packet
	state   protoState            // application decoders' memory (state.go)
	names   *nameTables           // service, protocol and ethers names (names.go)
	hosts   map[netip.Addr]string // host names already looked up

	linkDec linkDecoder // linkDecoders' decoder for decType, kept from the last packet
	decType cbpf.LinkType

	// per-packet state
	proto  string // protocol named in " [|proto]" on truncation
	ci     PacketInfo
	whole  []byte        // the captured packet
	hdrlen int           // link header length, for -x
	fault  *decoderFault // the bug decode caught in this packet, or nil
	fatal  *FatalError   // the error that ends printing, or nil
}

// FatalError is an error that makes tcpdump exit while printing a packet,
// such as an -E secrets file that cannot be read. Packet returns it after
// writing the packet's line as far as it got (without a newline, as
// tcpdump leaves it); Status is tcpdump's exit status for it, and Err,
// when set, the system error tcpdump names after Msg.
type FatalError struct {
	Status int
	Msg    string
	Err    error
}

func (e *FatalError) Error() string {
	if e.Err != nil {
		return e.Msg + ": " + e.Err.Error()
	}
	return e.Msg
}

// Unwrap returns the system error, if any.
func (e *FatalError) Unwrap() error { return e.Err }

// New returns a Printer writing to w.
func New(w io.Writer, o Options) *Printer {
	if o.Location == nil {
		o.Location = time.Local
	}
	return &Printer{w: w, o: o}
}

// decoderFault records a panic out of a decoder other than toLine, the
// end of a truncated packet (trunc.go): a bug, caught by decode.
type decoderFault struct {
	value any    // what the decoder panicked with
	stack []byte // the goroutine's stack where it was recovered
}

func (f *decoderFault) String() string {
	return sprintf("decoder panic: %v\n%s", f.value, f.stack)
}

// Packet prints one packet: data holds the captured bytes (cut to
// ci.CaptureLength if that is smaller), linkType the capture's link type
// as a DLT value (cbpf.LinkTypeFromFile gives it for the LINKTYPE value a
// capture file stores; internal/savefile has done so). It returns the writer's error, if any. Malformed or
// truncated packets are printed as tcpdump prints them, never rejected,
// and a panic in a decoder is recovered and printed as a truncation (see
// decode), so Packet always returns and the next packet can be printed.
func (p *Printer) Packet(ci PacketInfo, data []byte, linkType cbpf.LinkType) error {
	if ci.CaptureLength >= 0 && ci.CaptureLength < len(data) {
		data = data[:ci.CaptureLength]
	}
	p.buf.Reset()
	p.ci = ci
	p.whole = data
	p.hdrlen = 0
	p.proto = ""
	p.fault = nil
	p.n++
	if p.o.Number {
		p.padded(p.n, 5, ' ')
		p.print("  ")
	}
	if p.invalidHeader(ci, len(data)) {
		p.buf.WriteByte('\n')
		_, err := p.w.Write(p.buf.Bytes())
		return err
	}
	p.timestamp(p.stampOf(ci))
	trunc := p.decode(data, linkType, ci.Length)
	if fe := p.fatal; fe != nil {
		// tcpdump exits at once, its line as far as it got.
		p.fatal = nil
		if _, err := p.w.Write(p.buf.Bytes()); err != nil {
			return err
		}
		return fe
	}
	if trunc {
		p.hdrlen = 0
	}
	p.dump(data)
	p.buf.WriteByte('\n')
	_, err := p.w.Write(p.buf.Bytes())
	return err
}

// maxSnaplen is tcpdump's MAXIMUM_SNAPLEN, the most it believes a
// packet's lengths can be.
const maxSnaplen = 262144

// invalidHeader prints, as tcpdump does instead of the packet, what is
// wrong with a packet header of caplen captured bytes whose lengths
// tcpdump refuses (none captured, none on the wire, more captured than
// sent, either more than maxSnaplen), reporting whether it did.
func (p *Printer) invalidHeader(ci PacketInfo, caplen int) bool {
	var bad []string
	if caplen == 0 {
		bad = append(bad, "caplen==0")
	}
	if ci.Length == 0 {
		bad = append(bad, "len==0")
	} else if ci.Length < caplen {
		bad = append(bad, sprintf("len(%d) < caplen(%d)", ci.Length, caplen))
	}
	if caplen > maxSnaplen {
		bad = append(bad, sprintf("caplen(%d) > %d", caplen, maxSnaplen))
	}
	if ci.Length > maxSnaplen {
		bad = append(bad, sprintf("len(%d) > %d", ci.Length, maxSnaplen))
	}
	if bad == nil {
		return false
	}
	p.print("[Invalid header: " + strings.Join(bad, ", ") + "]")
	return true
}

// decode runs the link-layer printer, reporting whether it stopped on a
// truncated packet.
//
// Every panic out of a decoder that no label took ends here: toLine, a
// short read that ends the packet (trunc.go), and a decoder bug alike,
// be it a runtime error (an index out of range) or a toLabel or
// toInvalid no label was there to take. All are printed as tcpdump
// prints a packet it gave up on, " [|proto]" after
// what was printed so far and a dump of the whole packet with -x, so one
// bad packet never ends the run. A bug is also kept in p.fault, where
// the tests and the fuzz target look for it.
func (p *Printer) decode(data []byte, linkType cbpf.LinkType, length int) (trunc bool) {
	defer func() {
		if r := recover(); r != nil {
			if fe, ok := r.(*FatalError); ok {
				p.fatal = fe
				return
			}
			if r != toLine {
				p.fault = &decoderFault{value: r, stack: debug.Stack()}
			}
			p.truncMark(p.proto)
			trunc = true
		}
	}()
	if p.linkDec == nil || p.decType != linkType {
		p.linkDec, p.decType = linkDecoders[linkType], linkType
	}
	if p.linkDec != nil {
		p.hdrlen = p.linkDec(p, data, length)
	} else {
		p.unsupported(data)
	}
	return false
}

// unsupported prints a packet of a link type with no decoder as tcpdump
// prints one of a type it has no printer for: the protocol name in
// capitals and a hex and ASCII dump of every captured byte. The link
// header length stays 0, so -x and -X dump the whole packet again.
func (p *Printer) unsupported(data []byte) {
	p.announce("unsupported")
	p.print("UNSUPPORTED")
	p.hexASCII(data)
}

// printf prints as fmt.Fprintf does; appendf formats the common verbs
// straight into the buffer.
func (p *Printer) printf(format string, args ...any) {
	if b, ok := appendf(p.buf.AvailableBuffer(), format, args); ok {
		p.buf.Write(b)
		return
	}
	fmt.Fprintf(&p.buf, format, args...)
}

func (p *Printer) print(s string) { p.buf.WriteString(s) }

// stampOf returns the packet's timestamp in the printer's unit.
func (p *Printer) stampOf(ci PacketInfo) stamp {
	if ci.Raw {
		return stamp{ci.Seconds, ci.Fraction}
	}
	t := ci.Timestamp
	ns := int64(t.Nanosecond())
	if !p.o.Nano {
		ns /= 1000
	}
	return stamp{t.Unix(), ns}
}

// timestamp prints the packet's timestamp in the selected format, as
// tcpdump's ts_print does: the seconds, if bit 31 of their low 32 bits is
// clear, as local time (UTC for the offsets of -ttt and -ttttt, which
// therefore wrap at a day), else "[Error converting time]"; the fraction
// as an unsigned 32-bit number of at least six (nine) digits.
func (p *Printer) timestamp(ts stamp) {
	switch p.o.TimestampMode {
	case TimeNone:
		return
	case TimeDefault:
		p.hmsFrac(ts, false, p.o.Location)
	case TimeEpoch:
		if uint32(ts.sec)&0x80000000 != 0 {
			p.print("[Error converting time]")
		} else {
			p.buf.Write(strconv.AppendUint(p.buf.AvailableBuffer(), uint64(uint32(ts.sec)), 10))
			p.fracPrint(ts.frac)
		}
	case TimeDate:
		p.hmsFrac(ts, true, p.o.Location)
	case TimeDelta, TimeSinceFirst:
		if p.ref == (stamp{}) {
			p.ref = ts // the first packet (tcpdump tests for a zero reference)
		}
		a, b := ts, p.ref
		neg := a.sec < b.sec || a.sec == b.sec && a.frac < b.frac
		if neg {
			a, b = b, a
		}
		d := stamp{a.sec - b.sec, a.frac - b.frac}
		if d.frac < 0 {
			d.sec--
			if p.o.Nano {
				d.frac += 1e9
			} else {
				d.frac += 1e6
			}
		}
		if neg {
			p.print("-")
		} else {
			p.print(" ")
		}
		p.hmsFrac(d, false, time.UTC)
		if p.o.TimestampMode == TimeDelta {
			p.ref = ts
		}
	}
	p.print(" ")
}

// hmsFrac prints a timestamp as [YYYY-MM-DD ]HH:MM:SS.FRAC in loc. The
// text before the fraction is kept for the next packet, most often of the
// same second.
func (p *Printer) hmsFrac(ts stamp, date bool, loc *time.Location) {
	// The C library's localtime fails past the year it can hold in an
	// int (a 64-bit time taken from a packet can be that far).
	const maxTime = 67768036191676799
	if uint32(ts.sec)&0x80000000 != 0 || ts.sec > maxTime || ts.sec < -maxTime {
		p.print("[Error converting time]")
		return
	}
	c := &p.secText
	if c.text == nil || c.sec != ts.sec || c.date != date || c.loc != loc {
		lt := time.Unix(ts.sec, 0).In(loc)
		b := c.text[:0]
		if date {
			y, m, d := lt.Date()
			b = append(append3(b, y, int(m), d, 4, '-'), ' ')
		}
		h, mi, sec := lt.Clock()
		b = append3(b, h, mi, sec, 2, ':')
		*c = secText{sec: ts.sec, date: date, loc: loc, text: b}
	}
	p.buf.Write(c.text)
	p.fracPrint(ts.frac)
}

// append3 appends x, y and z separated by sep, zero-padded to w, 2 and 2
// digits ("2006-01-02", "15:04:05").
func append3(b []byte, x, y, z, w int, sep byte) []byte {
	b = appendPadded(b, uint64(x), w, '0')
	b = appendPadded(append(b, sep), uint64(y), 2, '0')
	return appendPadded(append(b, sep), uint64(z), 2, '0')
}

// secText is the text hmsFrac printed last, for the second sec.
type secText struct {
	sec  int64
	date bool
	loc  *time.Location
	text []byte
}

// fracPrint prints ".FRAC" as tcpdump does, of an unsigned 32-bit value,
// in at least six digits (nine with nanoseconds).
func (p *Printer) fracPrint(frac int64) {
	p.print(".")
	if p.o.Nano {
		p.padded(uint64(uint32(frac)), 9, '0')
	} else {
		p.padded(uint64(uint32(frac)), 6, '0')
	}
}

// dec prints v in decimal (what %d prints).
func (p *Printer) dec(v uint64) {
	p.buf.Write(strconv.AppendUint(p.buf.AvailableBuffer(), v, 10))
}

// decInt prints v in decimal, with a sign when negative.
func (p *Printer) decInt(v int) {
	p.buf.Write(strconv.AppendInt(p.buf.AvailableBuffer(), int64(v), 10))
}

// hostAddr prints what host returns for a, without building a string
// when numbers are printed.
func (p *Printer) hostAddr(a netip.Addr) {
	if p.o.NumericLevel > 0 || p.o.Resolver == nil {
		p.buf.Write(appendAddr(p.buf.AvailableBuffer(), a))
		return
	}
	p.print(p.host(a))
}

// hostPair prints "src > dst" and then end, the addresses as host
// gives them.
func (p *Printer) hostPair(src, dst netip.Addr, end string) {
	p.hostAddr(src)
	p.print(" > ")
	p.hostAddr(dst)
	p.print(end)
}

// hexNum prints v in lower-case hexadecimal, padded with zeros to width
// digits (what %0Nx prints).
func (p *Printer) hexNum(v uint64, width int) {
	var digits [16]byte
	d := strconv.AppendUint(digits[:0], v, 16)
	for n := len(d); n < width; n++ {
		p.buf.WriteByte('0')
	}
	p.buf.Write(d)
}

// padded prints v in decimal, padded on the left with pad to width.
func (p *Printer) padded(v uint64, width int, pad byte) {
	p.buf.Write(appendPadded(p.buf.AvailableBuffer(), v, width, pad))
}

// appendPadded appends v in decimal to b, padded on the left with pad to
// width characters (what %0Nd and %Nd print for a number).
func appendPadded(b []byte, v uint64, width int, pad byte) []byte {
	var digits [20]byte
	d := strconv.AppendUint(digits[:0], v, 10)
	for n := len(d); n < width; n++ {
		b = append(b, pad)
	}
	return append(b, d...)
}

// lastProto names the innermost protocol decoder the last packet reached
// (tcpdump's name for it, as in " [|proto]").
func (p *Printer) lastProto() string { return p.proto }
