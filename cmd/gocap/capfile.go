package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/gocap/gocap/cbpf"
)

// This file reads capture files the way libpcap 1.10.3 does (sf-pcap.c and
// sf-pcapng.c): the same checks, in the same order, with the same error
// texts, so that gocap fails where tcpdump fails and says the same thing.
// Both readers hand out packet data without copying it: the slice points
// into the input buffer and stays valid until the next call to next.

// maxSnaplen is libpcap's largest snapshot length for ordinary link types
// (MAXIMUM_SNAPLEN); a file header snaplen of 0 means this.
const maxSnaplen = 262144

// Timestamp precisions, as --time-stamp-precision names them.
const (
	precMicro = 0
	precNano  = 1
)

// record describes one packet read from a capture file.
type record struct {
	sec      int64         // seconds since the epoch
	frac     uint32        // fraction of a second, in the reader's precision
	caplen   uint32        // bytes captured (len(data))
	wirelen  uint32        // bytes on the wire
	linkType cbpf.LinkType // the link type of the packet's interface
	iface    int           // pcapng interface number; 0 for pcap
}

// source is an open capture file.
type source interface {
	// next returns the next packet, io.EOF at the clean end of the file,
	// or an error with libpcap's wording. data stays valid until the
	// following call.
	next() (data []byte, rec *record, err error)
	// linkType is the file's link type (pcapng: the first interface's).
	linkType() cbpf.LinkType
	// linkTypeHeader is the link-type word to write in a pcap header for
	// the file's link type (LINKTYPE_ value plus any FCS bits).
	linkTypeHeader() uint32
	// snaplen is the file's snapshot length, as tcpdump reports it.
	snaplen() uint32
	// swapped says the file was written in the other byte order than the
	// host's (little-endian hosts are assumed: Go's supported
	// byte-order-sensitive targets for gocap are amd64 and arm64).
	swapped() bool
}

// capError is a read error that tcpdump reports with a "pcap_loop: " prefix
// (it happened after the file was opened).
type capError struct{ msg string }

func (e *capError) Error() string { return e.msg }

func loopErr(format string, args ...any) error {
	return &capError{msg: "pcap_loop: " + fmt.Sprintf(format, args...)}
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
	return fmt.Errorf("error reading dump file: %v", err)
}

// pcap magic numbers, as read little-endian.
const (
	magicMicro     = 0xa1b2c3d4
	magicNano      = 0xa1b23c4d
	magicKuznetzov = 0xa1b2cd34 // Alexey Kuznetzov's patched format: 24-byte records
	magicPcapng    = 0x0a0d0d0a // a pcapng Section Header Block's type
)

// openCapture reads the file header from r and returns a reader for the
// packets, converting timestamps to prec.
func openCapture(r io.Reader, prec int) (source, error) {
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
	case magicMicro, magicNano, magicKuznetzov,
		swap32(magicMicro), swap32(magicNano), swap32(magicKuznetzov):
		return openPcap(in, m, prec)
	case magicPcapng:
		return openPcapng(in, prec)
	}
	return nil, errors.New("unknown file format")
}

func swap32(v uint32) uint32 {
	return v>>24 | v>>8&0xff00 | v<<8&0xff0000 | v<<24
}

// pcapReader reads the classic pcap format.
type pcapReader struct {
	in      *inbuf
	order   binary.ByteOrder
	swap    bool
	hdrLen  int  // 16, or 24 for the Kuznetzov format
	nano    bool // the file has nanosecond timestamps
	prec    int
	minor   uint16
	dlt     cbpf.LinkType
	ltWord  uint32
	snap    uint32
	rec     record
	discard []byte
}

func openPcap(in *inbuf, magic uint32, prec int) (source, error) {
	p := &pcapReader{in: in, hdrLen: 16, prec: prec}
	p.order = binary.LittleEndian
	if magic>>24 != 0xa1 {
		p.order = binary.BigEndian
		p.swap = true
		magic = swap32(magic)
	}
	p.nano = magic == magicNano
	if magic == magicKuznetzov {
		p.hdrLen = 24
	}
	h, err := in.take(20)
	if len(h) < 20 {
		if e := readErr(err); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("truncated dump file; tried to read 24 file header bytes, only got %d", len(h))
	}
	major, minor := p.order.Uint16(h[0:]), p.order.Uint16(h[2:])
	if major < 2 {
		return nil, errors.New("archaic pcap savefile format")
	}
	if !(major == 2 && minor <= 4) && !(major == 543 && minor == 0) {
		return nil, fmt.Errorf("unsupported pcap savefile version %d.%d", major, minor)
	}
	p.minor = minor
	p.snap = p.order.Uint32(h[12:])
	if p.snap == 0 || p.snap > 0x7fffffff {
		p.snap = maxSnaplen
	}
	word := p.order.Uint32(h[16:])
	p.dlt = cbpf.LinkTypeFromFile(word & 0x03ffffff)
	p.ltWord = p.dlt.FileValue() | word&^0x03ffffff
	p.rec.linkType = p.dlt
	return p, nil
}

func (p *pcapReader) linkType() cbpf.LinkType { return p.dlt }
func (p *pcapReader) linkTypeHeader() uint32  { return p.ltWord }
func (p *pcapReader) snaplen() uint32         { return p.snap }
func (p *pcapReader) swapped() bool           { return p.swap }

func (p *pcapReader) next() ([]byte, *record, error) {
	h, err := p.in.take(p.hdrLen)
	if len(h) < p.hdrLen {
		if e := readErr(err); e != nil {
			return nil, nil, loopErr("%v", e)
		}
		if len(h) == 0 {
			return nil, nil, io.EOF
		}
		return nil, nil, loopErr("truncated dump file; tried to read %d header bytes, only got %d", p.hdrLen, len(h))
	}
	r := &p.rec
	r.sec = int64(p.order.Uint32(h[0:]))
	frac := p.order.Uint32(h[4:])
	caplen, wirelen := p.order.Uint32(h[8:]), p.order.Uint32(h[12:])
	if p.minor < 3 || (p.minor == 3 && caplen > wirelen) {
		// Old files had the two lengths the other way round.
		caplen, wirelen = wirelen, caplen
	}
	// libpcap holds the fraction as a signed 32-bit number and converts
	// it with signed arithmetic, which shows on impossible values.
	switch {
	case p.nano && p.prec == precMicro:
		frac = uint32(int32(frac) / 1000)
	case !p.nano && p.prec == precNano:
		frac = uint32(int64(int32(frac)) * 1000)
	}
	r.frac = frac
	r.wirelen = wirelen

	if caplen > p.snap {
		if caplen > maxSnaplen {
			return nil, nil, loopErr("invalid packet capture length %d, bigger than snaplen of %d", caplen, p.snap)
		}
		// Keep the first snap bytes and skip the rest, as libpcap does.
		data, err := p.in.take(int(p.snap))
		if uint32(len(data)) < p.snap {
			return nil, nil, p.shortData(err, caplen, uint32(len(data)))
		}
		// data points into the buffer, which skip may reuse: copy it.
		p.discard = append(p.discard[:0], data...)
		n, err := p.in.skip(int64(caplen - p.snap))
		if n < int64(caplen-p.snap) {
			return nil, nil, p.shortData(err, caplen, p.snap+uint32(n))
		}
		r.caplen = p.snap
		return p.discard, r, nil
	}
	data, err := p.in.take(int(caplen))
	if uint32(len(data)) < caplen {
		return nil, nil, p.shortData(err, caplen, uint32(len(data)))
	}
	r.caplen = caplen
	return data, r, nil
}

func (p *pcapReader) shortData(err error, want, got uint32) error {
	if e := readErr(err); e != nil {
		return loopErr("%v", e)
	}
	return loopErr("truncated dump file; tried to read %d captured bytes, only got %d", want, got)
}
