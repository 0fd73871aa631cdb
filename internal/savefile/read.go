package savefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/strerror"
)

// MaxSnaplen is libpcap's largest snapshot length for ordinary link types
// (MAXIMUM_SNAPLEN); a file header snaplen of 0 means this.
const MaxSnaplen = 262144

// Precision is the unit of a Record's Frac: what tcpdump's
// --time-stamp-precision selects.
type Precision int

// The two precisions.
const (
	Micro Precision = 0 // microseconds
	Nano  Precision = 1 // nanoseconds
)

// Record describes one packet read from a capture file (or to write).
type Record struct {
	Sec      int64         // seconds since the epoch (a pcap file's, past 2038, negative as libpcap 1.10.3 reads them)
	Frac     int64         // fraction of a second, in the reader's Precision, as libpcap hands it (a C long: impossible values kept; writers take the low 32 bits)
	CapLen   uint32        // bytes captured (the length of the data)
	WireLen  uint32        // bytes on the wire
	LinkType cbpf.LinkType // the link type of the packet's interface
	Iface    int           // pcapng interface number; 0 for pcap
}

// Reader is an open capture file.
type Reader interface {
	// Next returns the next packet, io.EOF at the clean end of the file,
	// or a *LoopError with libpcap's wording. The data and the record
	// stay valid until the following call.
	Next() (data []byte, rec *Record, err error)
	// LinkType is the file's link type (pcapng: the first interface's).
	LinkType() cbpf.LinkType
	// LinkTypeHeader is the link-type word to write in a pcap header for
	// the file's link type (LINKTYPE_ value plus any FCS bits).
	LinkTypeHeader() uint32
	// Snaplen is the file's snapshot length, as tcpdump reports it.
	Snaplen() uint32
	// Swapped says the file was written in the other byte order than the
	// host's (little-endian hosts are assumed: Go's supported
	// byte-order-sensitive targets for gocap are amd64 and arm64).
	Swapped() bool
	// Nano says the file itself holds nanosecond time stamps (a pcap
	// file with the nanosecond magic; pcapng: false).
	Nano() bool
}

// LoopError is a read error that tcpdump reports with a "pcap_loop: "
// prefix: it happened after the file was opened. Msg includes the prefix.
type LoopError struct{ Msg string }

func (e *LoopError) Error() string { return e.Msg }

// LoopErrorf returns a *LoopError with the prefix and the formatted text.
func LoopErrorf(format string, args ...any) error {
	return &LoopError{Msg: "pcap_loop: " + fmt.Sprintf(format, args...)}
}

// inbuf is a read buffer that can hand out n contiguous bytes without
// copying them again, growing when a single request is larger than it.
type inbuf struct {
	r    io.Reader
	buf  []byte
	r0   int // start of unread data
	w    int // end of unread data
	err  error
	read int64 // bytes consumed so far
}

func newInbuf(r io.Reader, size int) *inbuf {
	return &inbuf{r: r, buf: make([]byte, size)}
}

// fill reads until at least n bytes are buffered or the input ends.
func (b *inbuf) fill(n int) {
	if b.w-b.r0 >= n {
		return
	}
	if b.r0 > 0 {
		copy(b.buf, b.buf[b.r0:b.w])
		b.w -= b.r0
		b.r0 = 0
	}
	for b.w < n && b.err == nil {
		if b.w == len(b.buf) {
			// Grow step by step as data arrives, so that a bogus
			// length in a damaged file costs no more memory than
			// the file has bytes.
			nb := make([]byte, min(n, 2*len(b.buf)))
			copy(nb, b.buf[:b.w])
			b.buf = nb
		}
		m, err := b.r.Read(b.buf[b.w:])
		b.w += m
		if err != nil {
			b.err = err
		}
		if m == 0 && err == nil {
			// A reader that returns nothing and no error again and
			// again would spin; io.ReadFull treats it the same way.
			b.err = io.ErrNoProgress
		}
	}
}

// take returns the next n bytes, or fewer if the input ends first (then
// the error is the reader's, io.EOF for a clean end). The bytes are
// consumed either way.
func (b *inbuf) take(n int) ([]byte, error) {
	b.fill(n)
	avail := b.w - b.r0
	if avail >= n {
		p := b.buf[b.r0 : b.r0+n]
		b.r0 += n
		b.read += int64(n)
		return p, nil
	}
	p := b.buf[b.r0:b.w]
	b.r0 = b.w
	b.read += int64(avail)
	err := b.err
	if err == nil {
		err = io.EOF
	}
	return p, err
}

// skip discards n bytes and returns how many there were.
func (b *inbuf) skip(n int64) (int64, error) {
	var done int64
	for done < n {
		chunk := min(n-done, int64(len(b.buf)))
		p, err := b.take(int(chunk))
		done += int64(len(p))
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// readErr turns a low-level read error into libpcap's "error reading dump
// file" text, or nil for a plain end of file.
func readErr(err error) error {
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil
	}
	// libpcap prints strerror's text alone ("Is a directory"), where
	// Go's error also names the operation and the file.
	return fmt.Errorf("error reading dump file: %s", strerror.Text(err))
}

// Magic numbers, as read little-endian: pcap's, and the pcapng Section
// Header Block's type.
const (
	MagicMicro     = 0xa1b2c3d4
	MagicNano      = 0xa1b23c4d
	MagicKuznetzov = 0xa1b2cd34 // Alexey Kuznetzov's patched format: 24-byte records
	MagicPcapng    = 0x0a0d0d0a // a pcapng Section Header Block's type
)

// Open reads the file header from r and returns a reader for its packets,
// with time stamps converted to prec. It reads as libpcap 1.10.3 does,
// with its errors: a pcapng interface whose link type or snapshot length
// differs from the first interface's ends the read, as it ends tcpdump's.
func Open(r io.Reader, prec Precision) (Reader, error) {
	return open(r, prec, false)
}

// OpenMixed is Open, except that a pcapng file's interfaces may have
// different link types and snapshot lengths (libpcap refuses such files):
// each Record then carries its interface's link type, and a packet is
// checked against its own interface's snapshot length. For tools that
// handle every record's link type (filterc --test-run); gocap reads
// with Open, as tcpdump reads.
func OpenMixed(r io.Reader, prec Precision) (Reader, error) {
	return open(r, prec, true)
}

func open(r io.Reader, prec Precision, mixed bool) (Reader, error) {
	in := newInbuf(r, 256<<10)
	magic, err := in.take(4)
	if len(magic) < 4 {
		if e := readErr(err); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("truncated dump file; tried to read 4 file header bytes, only got %d", len(magic))
	}
	m := binary.LittleEndian.Uint32(magic)
	switch m {
	case MagicMicro, MagicNano, MagicKuznetzov,
		swap32(MagicMicro), swap32(MagicNano), swap32(MagicKuznetzov):
		return openPcap(in, m, prec)
	case MagicPcapng:
		return openPcapng(in, prec, mixed)
	}
	return nil, errors.New("unknown file format")
}

// maxSnaplenFor is libpcap's largest snapshot length for a link type
// (max_snaplen_for_dlt): MaxSnaplen but for D-Bus, EBHSCR and USBPcap.
func maxSnaplenFor(dlt cbpf.LinkType) uint32 {
	switch dlt {
	case 231: // DBUS
		return 128 << 20
	case 279: // EBHSCR
		return 8 << 20
	case 249: // USBPCAP
		return 1 << 20
	}
	return MaxSnaplen
}

// adjustSnaplen is the snapshot length libpcap 1.10.3 takes from a file
// header or an interface block: the value written, unless it is 0 or too
// large for a C int, which stand for the link type's largest.
func adjustSnaplen(dlt cbpf.LinkType, snap uint32) uint32 {
	if snap == 0 || snap > 0x7fffffff {
		return maxSnaplenFor(dlt)
	}
	return snap
}

func swap32(v uint32) uint32 {
	return v>>24 | v>>8&0xff00 | v<<8&0xff0000 | v<<24
}
