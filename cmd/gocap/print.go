package main

import (
	"bufio"
	"strconv"
	"time"

	"github.com/gocap/gocap/cbpf"
)

// printOptions are the printing flags, passed on to the printer.
type printOptions struct {
	numeric   int  // -n count
	link      bool // -e
	quiet     bool // -q
	verbose   int  // -v count
	tstamp    int  // -t count
	hex       int  // -x count
	hexASCII  int  // -X count
	ascii     int  // -A count
	absSeq    bool // -S
	number    bool // -#
	precision int  // precMicro or precNano
}

// packetPrinter prints one packet.
type packetPrinter interface {
	packet(rec *record, data []byte) error
}

// lineBuffered flushes w after each packet, for -l and -U.
type lineBuffered struct {
	p packetPrinter
	w *bufio.Writer
}

func (l lineBuffered) packet(rec *record, data []byte) error {
	if err := l.p.packet(rec, data); err != nil {
		return err
	}
	return l.w.Flush()
}

// summaryPrinter is the stand-in until the protocol printer is wired in:
// tcpdump's packet number and timestamp, then the link type and lengths.
type summaryPrinter struct {
	w     *bufio.Writer
	opts  printOptions
	n     uint64
	prev  time.Time
	first time.Time
	buf   []byte
}

func (s *summaryPrinter) packet(rec *record, data []byte) error {
	s.n++
	b := s.buf[:0]
	if s.opts.number {
		b = appendPadded(b, s.n, 5)
		b = append(b, "  "...)
	}
	b = s.appendStamp(b, rec)
	b = append(b, rec.linkType.String()...)
	b = append(b, ", length "...)
	b = strconv.AppendUint(b, uint64(rec.wirelen), 10)
	if len(data) < int(rec.wirelen) {
		b = append(b, ", captured "...)
		b = strconv.AppendUint(b, uint64(len(data)), 10)
	}
	b = append(b, '\n')
	s.buf = b
	_, err := s.w.Write(b)
	return err
}

func appendPadded(b []byte, v uint64, width int) []byte {
	s := strconv.FormatUint(v, 10)
	for i := len(s); i < width; i++ {
		b = append(b, ' ')
	}
	return append(b, s...)
}

// appendStamp writes the timestamp as -t, -tt, -ttt, -tttt, -ttttt or the
// default ask, followed by a space (nothing at all for -t).
func (s *summaryPrinter) appendStamp(b []byte, rec *record) []byte {
	digits := 6
	unit := time.Microsecond
	if s.opts.precision == precNano {
		digits, unit = 9, time.Nanosecond
	}
	frac := func(b []byte, v uint64) []byte {
		f := strconv.FormatUint(v, 10)
		for i := len(f); i < digits; i++ {
			b = append(b, '0')
		}
		return append(b, f...)
	}
	t := time.Unix(rec.sec, int64(rec.frac)*int64(unit))
	switch s.opts.tstamp {
	case 1:
		return b
	case 2:
		b = strconv.AppendInt(b, rec.sec, 10)
		b = append(b, '.')
		b = frac(b, uint64(rec.frac))
	case 3, 5:
		ref := s.prev
		if s.opts.tstamp == 5 {
			ref = s.first
		}
		if s.n == 1 {
			ref = t
			s.first = t
		}
		d := t.Sub(ref)
		if d < 0 {
			b = append(b, '-')
			d = -d
		} else {
			b = append(b, ' ')
		}
		b = appendClock(b, int64(d/time.Second), uint64(d%time.Second/unit), frac)
		s.prev = t
	case 4:
		lt := t.Local()
		b = lt.AppendFormat(b, "2006-01-02 ")
		b = appendClock(b, int64(lt.Hour()*3600+lt.Minute()*60+lt.Second()), uint64(rec.frac), frac)
	default:
		lt := t.Local()
		b = appendClock(b, int64(lt.Hour()*3600+lt.Minute()*60+lt.Second()), uint64(rec.frac), frac)
	}
	return append(b, ' ')
}

func appendClock(b []byte, secs int64, f uint64, frac func([]byte, uint64) []byte) []byte {
	h, m, sec := secs/3600, secs/60%60, secs%60
	if h < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, h, 10)
	b = append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+sec/10), byte('0'+sec%10), '.')
	return frac(b, f)
}

// linkTypeLine is tcpdump's "link-type EN10MB (Ethernet)" text, or just
// the number when libpcap has no name for it.
func linkTypeLine(lt cbpf.LinkType) string {
	name := lt.String()
	if name == strconv.FormatUint(uint64(lt), 10) {
		return "link-type " + name
	}
	return "link-type " + name + " (" + lt.Description() + ")"
}
