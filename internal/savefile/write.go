package savefile

import (
	"encoding/binary"
	"fmt"
	"io"

	"github.com/gocap/gocap/cbpf"
)

// FlushAt is how many bytes of whole records a RecordBuffer gathers before
// it writes them out. A process killed without warning (kill -9, the OOM
// killer) loses at most this much; Flush after every packet (tcpdump's -U)
// loses nothing.
const FlushAt = 64 << 10

// RecordBuffer gathers the bytes of a capture file and hands them to its
// io.Writer only ever as whole records (the file header counts as one):
// once FlushAt bytes of them are waiting, and on Flush. A file written
// through it therefore always holds a valid capture of every record
// written out so far, whatever ends the program, and a second reader
// (tail -f, Wireshark) can follow it meanwhile. After a write error every
// later Flush returns that error.
type RecordBuffer struct {
	w     io.Writer
	buf   []byte
	whole int   // buf[:whole] ends on a record boundary
	err   error // the first write error
}

// NewRecordBuffer returns a RecordBuffer that writes to w.
func NewRecordBuffer(w io.Writer) *RecordBuffer {
	return &RecordBuffer{w: w, buf: make([]byte, 0, FlushAt+(FlushAt>>2))}
}

// Write adds p to the record being written (it is part of one; EndRecord
// says where a record ends). It never fails.
func (b *RecordBuffer) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// EndRecord marks the end of a record, and writes the whole records out
// once FlushAt bytes of them are waiting.
func (b *RecordBuffer) EndRecord() error {
	b.whole = len(b.buf)
	if b.whole >= FlushAt {
		return b.Flush()
	}
	return nil
}

// Flush writes out every whole record waiting.
func (b *RecordBuffer) Flush() error {
	if b.err != nil {
		return b.err
	}
	if b.whole == 0 {
		return nil
	}
	if _, err := b.w.Write(b.buf[:b.whole]); err != nil {
		b.err = err
		return err
	}
	rest := copy(b.buf, b.buf[b.whole:])
	b.buf = b.buf[:rest]
	b.whole = 0
	return nil
}

// Writer writes packets into a capture file.
type Writer interface {
	// Write adds one packet: rec's time stamp (in the writer's
	// Precision), wire length and link type, and data as captured.
	Write(rec *Record, data []byte) error
	// Flush pushes the records written so far out to the file.
	Flush() error
}

// PcapWriter writes the classic pcap format in host byte order, as
// libpcap's pcap_dump does: version 2.4, thiszone and sigfigs 0. (Write
// and WriteFile can also write the other byte order, for tests.)
type PcapWriter struct {
	o     *RecordBuffer
	order binary.ByteOrder
	dlt   cbpf.LinkType
	hdr   [16]byte
}

// NewPcapWriter writes a pcap file header to o, and writes it out at once:
// from then on the file is a capture a reader can open. dlt is the one
// link type the file holds; ltWord is the header's link-type word (dlt's
// LINKTYPE_ value, plus any FCS bits); prec selects the micro- or
// nanosecond magic number.
func NewPcapWriter(o *RecordBuffer, dlt cbpf.LinkType, ltWord, snaplen uint32, prec Precision) (*PcapWriter, error) {
	return newPcapWriter(o, binary.LittleEndian, dlt, ltWord, snaplen, prec)
}

func newPcapWriter(o *RecordBuffer, order binary.ByteOrder, dlt cbpf.LinkType, ltWord, snaplen uint32, prec Precision) (*PcapWriter, error) {
	var h [24]byte
	magic := uint32(MagicMicro)
	if prec == Nano {
		magic = MagicNano
	}
	order.PutUint32(h[0:], magic)
	order.PutUint16(h[4:], 2)
	order.PutUint16(h[6:], 4)
	order.PutUint32(h[16:], snaplen)
	order.PutUint32(h[20:], ltWord)
	o.Write(h[:])
	o.EndRecord()
	if err := o.Flush(); err != nil {
		return nil, err
	}
	return &PcapWriter{o: o, order: order, dlt: dlt}, nil
}

// Write adds one record. A packet of another link type than the file's is
// refused with libpcap's message (less its "pcap_loop: " prefix).
func (p *PcapWriter) Write(rec *Record, data []byte) error {
	if rec.LinkType != p.dlt {
		return fmt.Errorf("an interface has a type %d different from the type of the first interface (use --pcapng to write several link types)", rec.LinkType.FileValue())
	}
	p.order.PutUint32(p.hdr[0:], uint32(rec.Sec))
	p.order.PutUint32(p.hdr[4:], uint32(rec.Frac))
	p.order.PutUint32(p.hdr[8:], uint32(len(data)))
	p.order.PutUint32(p.hdr[12:], rec.WireLen)
	p.o.Write(p.hdr[:])
	p.o.Write(data)
	return p.o.EndRecord()
}

// Flush writes out the records waiting.
func (p *PcapWriter) Flush() error { return p.o.Flush() }
