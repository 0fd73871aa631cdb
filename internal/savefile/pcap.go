package savefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/gocap/gocap/cbpf"
)

// pcapReader reads the classic pcap format.
type pcapReader struct {
	in      *inbuf
	order   binary.ByteOrder
	swap    bool
	hdrLen  int  // 16, or 24 for the Kuznetzov format
	nano    bool // the file has nanosecond timestamps
	prec    Precision
	minor   uint16
	dlt     cbpf.LinkType
	ltWord  uint32
	snap    uint32
	rec     Record
	discard []byte
}

// u32 reads a 32-bit field of a record header in the file's byte order
// (without the interface call of order, on the per-record path).
func (p *pcapReader) u32(b []byte) uint32 {
	if p.swap {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func openPcap(in *inbuf, magic uint32, prec Precision) (Reader, error) {
	p := &pcapReader{in: in, hdrLen: 16, prec: prec}
	p.order = binary.LittleEndian
	if magic>>24 != 0xa1 {
		p.order = binary.BigEndian
		p.swap = true
		magic = swap32(magic)
	}
	p.nano = magic == MagicNano
	if magic == MagicKuznetzov {
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
	word := p.order.Uint32(h[16:])
	p.dlt = cbpf.LinkTypeFromFile(word & 0x03ffffff)
	p.snap = adjustSnaplen(p.dlt, p.order.Uint32(h[12:]))
	if p.hdrLen == 24 && p.dlt == cbpf.LinkEN10MB {
		// libpcap allows for the Ethernet header that Kuznetzov's
		// cooked-mode captures added after the snapshot length.
		p.snap = min(p.snap+14, 0x7fffffff)
	}
	p.ltWord = p.dlt.FileValue() | word&^0x03ffffff
	p.rec.LinkType = p.dlt
	return p, nil
}

func (p *pcapReader) LinkType() cbpf.LinkType { return p.dlt }
func (p *pcapReader) LinkTypeHeader() uint32  { return p.ltWord }
func (p *pcapReader) Snaplen() uint32         { return p.snap }
func (p *pcapReader) Swapped() bool           { return p.swap }
func (p *pcapReader) Nano() bool              { return p.nano }

func (p *pcapReader) Next() ([]byte, *Record, error) {
	h, err := p.in.take(p.hdrLen)
	if len(h) < p.hdrLen {
		if e := readErr(err); e != nil {
			return nil, nil, LoopErrorf("%v", e)
		}
		if len(h) == 0 {
			return nil, nil, io.EOF
		}
		return nil, nil, LoopErrorf("truncated dump file; tried to read %d header bytes, only got %d", p.hdrLen, len(h))
	}
	r := &p.rec
	// libpcap 1.10.3, which tcpdump 4.99.3 reads files with, holds the
	// seconds as a signed 32-bit number too: a time stamp past 2038 is
	// before 1970 to it, which shows in the offsets of -ttt and -ttttt.
	// The bits are kept: writers take the low 32. In a file of the other
	// byte order its byte swap leaves them unsigned.
	sec, fracBits := p.u32(h[0:]), p.u32(h[4:])
	r.Sec = int64(int32(sec))
	// The fraction too: signed, unsigned after a byte swap, then held
	// in a C long and scaled there.
	frac := int64(int32(fracBits))
	if p.swap {
		r.Sec, frac = int64(sec), int64(fracBits)
	}
	caplen, wirelen := p.u32(h[8:]), p.u32(h[12:])
	if p.minor < 3 || (p.minor == 3 && caplen > wirelen) {
		// Old files had the two lengths the other way round.
		caplen, wirelen = wirelen, caplen
	}
	// libpcap converts it with C's arithmetic on a long, which shows on
	// impossible values.
	switch {
	case p.nano && p.prec == Micro:
		frac /= 1000
	case !p.nano && p.prec == Nano:
		frac *= 1000
	}
	r.Frac = frac
	r.WireLen = wirelen

	if limit := maxSnaplenFor(p.dlt); caplen > limit {
		// libpcap gives up on a record longer than it allows for the
		// link type, whatever the header's snapshot length.
		if caplen > p.snap {
			return nil, nil, LoopErrorf("invalid packet capture length %d, bigger than snaplen of %d", caplen, p.snap)
		}
		return nil, nil, LoopErrorf("invalid packet capture length %d, bigger than maximum of %d", caplen, limit)
	}
	if caplen > p.snap {
		// Keep the first snap bytes and skip the rest, as libpcap does.
		data, err := p.in.take(int(p.snap))
		if uint32(len(data)) < p.snap {
			// libpcap names the snapshot length here, the
			// record's length only when the skip falls short.
			return nil, nil, p.shortData(err, p.snap, uint32(len(data)))
		}
		// data points into the buffer, which skip may reuse: copy it.
		p.discard = append(p.discard[:0], data...)
		n, err := p.in.skip(int64(caplen - p.snap))
		if n < int64(caplen-p.snap) {
			return nil, nil, p.shortData(err, caplen, p.snap+uint32(n))
		}
		r.CapLen = p.snap
		postProcess(p.ltWord&0x03ffffff, p.swap, &r.WireLen, p.discard)
		return p.discard, r, nil
	}
	data, err := p.in.take(int(caplen))
	if uint32(len(data)) < caplen {
		return nil, nil, p.shortData(err, caplen, uint32(len(data)))
	}
	r.CapLen = caplen
	postProcess(p.ltWord&0x03ffffff, p.swap, &r.WireLen, data)
	return data, r, nil
}

func (p *pcapReader) shortData(err error, want, got uint32) error {
	if e := readErr(err); e != nil {
		return LoopErrorf("%v", e)
	}
	return LoopErrorf("truncated dump file; tried to read %d captured bytes, only got %d", want, got)
}
