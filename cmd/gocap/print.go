package main

import (
	"bufio"
	"strconv"
	"time"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/cmd/gocap/internal/printer"
	"github.com/gocap/gocap/internal/savefile"
)

// packetPrinter prints one packet.
type packetPrinter interface {
	packet(rec *savefile.Record, data []byte) error
}

// lineBuffered flushes w after each packet, for -l and -U.
type lineBuffered struct {
	p packetPrinter
	w *bufio.Writer
}

func (l lineBuffered) packet(rec *savefile.Record, data []byte) error {
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
		Nano:         cfg.prec == savefile.Nano,
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
	if cfg.prec == savefile.Nano {
		unit = 1
	}
	return &protoPrinter{p: printer.New(w, o), unit: unit}
}

func (pp *protoPrinter) packet(rec *savefile.Record, data []byte) error {
	ci := printer.PacketInfo{
		Timestamp:      time.Unix(rec.Sec, int64(rec.Frac)*pp.unit),
		CaptureLength:  int(rec.CapLen),
		Length:         int(rec.WireLen),
		InterfaceIndex: rec.Iface,
	}
	return pp.p.Packet(ci, data, uint32(rec.LinkType))
}

// linkTypeLine is tcpdump's "link-type EN10MB (Ethernet)" text, or just
// the number when libpcap has no name for it. The names are those of
// libpcap 1.10.3, whose pcap_datalink_val_to_name tcpdump 4.99.3 calls:
// it lacks a few that master has, and calls 209 by its old name.
func linkTypeLine(lt cbpf.LinkType) string {
	name := lt.String()
	if name == strconv.FormatUint(uint64(lt), 10) || !namedIn110(lt) {
		return "link-type " + strconv.FormatUint(uint64(lt), 10)
	}
	if lt == 209 {
		return "link-type IPMB_LINUX (IPMB with Linux/Pigeon Point pseudo-header)"
	}
	return "link-type " + name + " (" + lt.Description() + ")"
}

// namedIn110 reports whether libpcap 1.10.3 has a name for a link type
// gocap has one for (checked against tcpdump for every value to 320 by
// TestLinkTypesReadLikeTcpdump).
func namedIn110(lt cbpf.LinkType) bool {
	switch lt {
	case 2, 3, 4, 5, 32:
		return false
	}
	return lt < 290
}

// plural is "1 packet" or "N packets".
func plural(n uint64) string {
	if n == 1 {
		return "1 packet"
	}
	return strconv.FormatUint(n, 10) + " packets"
}
