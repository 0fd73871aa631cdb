package printer

import (
	"bytes"
	"fmt"
	"io"
	"net/netip"
	"runtime/debug"
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
}

// Printer prints packets to a writer. It keeps the state tcpdump keeps
// between packets, so one Printer must see a capture's packets in order.
// A Printer is not safe for concurrent use.
type Printer struct {
	w    io.Writer
	o    Options
	buf  bytes.Buffer
	n    uint64
	prev time.Time
	frst time.Time
	seen bool

	tcpSeq map[tcpKey]*tcpState
	state  protoState            // application decoders' memory (state.go)
	names  *nameTables           // service, protocol and ethers names (names.go)
	hosts  map[netip.Addr]string // host names already looked up

	// per-packet state
	proto  string // protocol named in " [|proto]" on truncation
	ci     PacketInfo
	whole  []byte        // the captured packet
	hdrlen int           // link header length, for -x
	fault  *decoderFault // the bug decode caught in this packet, or nil
}

// New returns a Printer writing to w.
func New(w io.Writer, o Options) *Printer {
	if o.Location == nil {
		o.Location = time.Local
	}
	return &Printer{w: w, o: o, tcpSeq: make(map[tcpKey]*tcpState)}
}

// decoderFault records a panic out of a decoder other than toLine, the
// end of a truncated packet (trunc.go): a bug, caught by decode.
type decoderFault struct {
	value any    // what the decoder panicked with
	stack []byte // the goroutine's stack where it was recovered
}

func (f *decoderFault) String() string {
	return fmt.Sprintf("decoder panic: %v\n%s", f.value, f.stack)
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
		fmt.Fprintf(&p.buf, "%5d  ", p.n)
	}
	p.timestamp(ci.Timestamp)
	trunc := p.decode(data, linkType, ci.Length)
	if trunc {
		p.hdrlen = 0
	}
	p.dump(data)
	p.buf.WriteByte('\n')
	_, err := p.w.Write(p.buf.Bytes())
	return err
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
			if r != toLine {
				p.fault = &decoderFault{value: r, stack: debug.Stack()}
			}
			p.truncMark(p.proto)
			trunc = true
		}
	}()
	if dec, ok := linkDecoders[linkType]; ok {
		p.hdrlen = dec(p, data, length)
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

func (p *Printer) printf(format string, args ...any) {
	fmt.Fprintf(&p.buf, format, args...)
}

func (p *Printer) print(s string) { p.buf.WriteString(s) }

// timestamp prints the packet's timestamp in the selected format.
func (p *Printer) timestamp(t time.Time) {
	if !p.seen {
		p.seen = true
		p.frst = t
		p.prev = t
	}
	switch p.o.TimestampMode {
	case TimeNone:
		return
	case TimeDefault:
		lt := t.In(p.o.Location)
		p.printf("%02d:%02d:%02d.%s ", lt.Hour(), lt.Minute(), lt.Second(), p.frac(t))
	case TimeEpoch:
		p.printf("%d.%s ", uint32(t.Unix()), p.frac(t))
	case TimeDate:
		lt := t.In(p.o.Location)
		p.printf("%04d-%02d-%02d %02d:%02d:%02d.%s ", lt.Year(), lt.Month(), lt.Day(),
			lt.Hour(), lt.Minute(), lt.Second(), p.frac(t))
	case TimeDelta:
		p.delta(t.Sub(p.prev))
		p.prev = t
	case TimeSinceFirst:
		p.delta(t.Sub(p.frst))
	}
}

func (p *Printer) frac(t time.Time) string {
	ns := t.Nanosecond()
	if p.o.Nano {
		return fmt.Sprintf("%09d", ns)
	}
	return fmt.Sprintf("%06d", ns/1000)
}

func (p *Printer) delta(d time.Duration) {
	sign := " "
	if d < 0 {
		sign = "-"
		d = -d
	}
	s := int64(d / time.Second)
	ns := int64(d % time.Second)
	var f string
	if p.o.Nano {
		f = fmt.Sprintf("%09d", ns)
	} else {
		f = fmt.Sprintf("%06d", ns/1000)
	}
	p.printf("%s%02d:%02d:%02d.%s ", sign, s/3600, s%3600/60, s%60, f)
}

// lastProto names the innermost protocol decoder the last packet reached
// (tcpdump's name for it, as in " [|proto]").
func (p *Printer) lastProto() string { return p.proto }
