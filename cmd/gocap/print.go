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
		NumericLevel:  f.numeric,
		LinkHeader:    f.link,
		Quiet:         f.quiet > 0,
		VeryQuiet:     f.quiet > 1,
		Verbose:       f.verbose,
		Hex:           f.hex,
		HexASCII:      f.hexASCII,
		ASCII:         f.ascii,
		AbsoluteSeq:   f.absSeq,
		Number:        f.number,
		Nano:          cfg.prec == savefile.Nano,
		NoDomain:      f.noDomain,
		LocalNet:      cfg.localNet,
		PacketType:    cfg.packetType,
		ASDot:         f.asdot,
		ESPSecret:     f.espSecret,
		SigSecret:     f.tcpSecret,
		NoChecksum:    f.noChecksum,
		RawNFSHandles: f.rawNFS,
		Warn:          cfg.warn,
		MeshHeaders:   f.mesh,
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
		// As libpcap hands it to tcpdump: a fraction of a second or
		// more (timestamp_invalid_micro.pcap) is printed as it stands.
		Raw:      true,
		Seconds:  rec.Sec,
		Fraction: rec.Frac,
	}
	return pp.p.Packet(ci, data, rec.LinkType)
}

// linkTypeLine is tcpdump's "link-type EN10MB (Ethernet)" text, or just
// the number when libpcap 1.10.3, whose names tcpdump 4.99.3 prints, has
// none for the link type (see cbpf.LinkType.NameIn110).
func linkTypeLine(lt cbpf.LinkType) string {
	if name, desc, ok := lt.NameIn110(); ok {
		return "link-type " + name + " (" + desc + ")"
	}
	return "link-type " + strconv.FormatUint(uint64(lt), 10)
}

// plural is "1 packet" or "N packets".
func plural(n uint64) string {
	if n == 1 {
		return "1 packet"
	}
	return strconv.FormatUint(n, 10) + " packets"
}
