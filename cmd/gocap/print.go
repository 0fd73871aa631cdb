package main

import (
	"bufio"
	"strconv"
	"time"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/cmd/gocap/internal/printer"
)

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

// protoPrinter hands packets to the protocol printer.
type protoPrinter struct {
	p    *printer.Printer
	unit int64 // nanoseconds per unit of record.frac
}

// newPrinter returns the packet printer for the printing flags.
func newPrinter(w *bufio.Writer, cfg *config) packetPrinter {
	f := cfg.f
	o := printer.Options{
		NumericLevel: f.numeric,
		LinkHeader:   f.link,
		Quiet:        f.quiet,
		Verbose:      min(f.verbose, 3),
		Hex:          f.hex,
		HexASCII:     f.hexASCII,
		ASCII:        f.ascii,
		AbsoluteSeq:  f.absSeq,
		Number:       f.number,
		Nano:         cfg.prec == precNano,
		NoDomain:     f.noDomain,
		LocalNet:     cfg.localNet,
	}
	if f.numeric == 0 {
		// Host names as tcpdump looks them up (names.go bounds the wait).
		o.Resolver = printer.NewSystemResolver()
	}
	switch f.tstamp {
	case 0:
		o.TimestampMode = printer.TimeDefault
	case 1:
		o.TimestampMode = printer.TimeNone
	case 2:
		o.TimestampMode = printer.TimeEpoch
	case 3:
		o.TimestampMode = printer.TimeDelta
	case 4:
		o.TimestampMode = printer.TimeDate
	default:
		o.TimestampMode = printer.TimeSinceFirst
	}
	unit := int64(1000)
	if cfg.prec == precNano {
		unit = 1
	}
	return &protoPrinter{p: printer.New(w, o), unit: unit}
}

func (pp *protoPrinter) packet(rec *record, data []byte) error {
	ci := printer.PacketInfo{
		Timestamp:      time.Unix(rec.sec, int64(rec.frac)*pp.unit),
		CaptureLength:  int(rec.caplen),
		Length:         int(rec.wirelen),
		InterfaceIndex: rec.iface,
	}
	return pp.p.Packet(ci, data, uint32(rec.linkType))
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
