package main

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/cmd/gocap/internal/capture"
)

// sink receives the packets gocap keeps, for -w.
type sink interface {
	write(rec *record, data []byte) error
	// flush pushes buffered records to the file (-U).
	flush() error
}

// pcapWriter writes the classic pcap format in host byte order, as
// libpcap's pcap_dump does: version 2.4, thiszone and sigfigs 0.
type pcapWriter struct {
	o   *outFile
	dlt cbpf.LinkType
}

func newPcapWriter(o *outFile, dlt cbpf.LinkType, ltWord, snaplen uint32, prec int) (*pcapWriter, error) {
	var h [24]byte
	magic := uint32(magicMicro)
	if prec == precNano {
		magic = magicNano
	}
	binary.LittleEndian.PutUint32(h[0:], magic)
	binary.LittleEndian.PutUint16(h[4:], 2)
	binary.LittleEndian.PutUint16(h[6:], 4)
	binary.LittleEndian.PutUint32(h[16:], snaplen)
	binary.LittleEndian.PutUint32(h[20:], ltWord)
	o.buf = append(o.buf, h[:]...)
	o.endRecord()
	// The header goes out at once: from now on the file is a capture
	// that a reader can open, whatever happens to gocap.
	if err := o.flush(); err != nil {
		return nil, err
	}
	return &pcapWriter{o: o, dlt: dlt}, nil
}

func (p *pcapWriter) write(rec *record, data []byte) error {
	if rec.linkType != p.dlt {
		return fmt.Errorf("an interface has a type %d different from the type of the first interface (use --pcapng to write several link types)", rec.linkType.FileValue())
	}
	b := p.o.buf
	b = binary.LittleEndian.AppendUint32(b, uint32(rec.sec))
	b = binary.LittleEndian.AppendUint32(b, rec.frac)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = binary.LittleEndian.AppendUint32(b, rec.wirelen)
	p.o.buf = append(b, data...)
	return p.o.endRecord()
}

func (p *pcapWriter) flush() error { return p.o.flush() }

// ngWriter writes pcapng through gopacket's pcapgo.NgWriter, with one
// interface per link type seen (the first one described up front). The
// NgWriter's own buffer is emptied into the file's after every block, so
// that the file's buffer sees whole blocks.
type ngWriter struct {
	o     *outFile
	ng    *pcapgo.NgWriter
	ids   map[cbpf.LinkType]int
	snap  uint32
	prec  int
	ci    gopacket.CaptureInfo
	nifcs int
}

func ngIfaceFor(dlt cbpf.LinkType, snap uint32, prec int) pcapgo.NgInterface {
	res := pcapgo.NgResolution(6) // 10^-6
	if prec == precNano {
		res = 9
	}
	return pcapgo.NgInterface{
		Name:                fmt.Sprintf("if%d", 0),
		LinkType:            layers.LinkType(dlt.FileValue()),
		SnapLength:          snap,
		TimestampResolution: res,
	}
}

func newNgWriter(o *outFile, dlt cbpf.LinkType, snap uint32, prec int) (*ngWriter, error) {
	ifc := ngIfaceFor(dlt, snap, prec)
	ng, err := pcapgo.NewNgWriterInterface(o, ifc, pcapgo.NgWriterOptions{
		SectionInfo: pcapgo.NgSectionInfo{Application: "gocap"},
	})
	if err != nil {
		return nil, err
	}
	n := &ngWriter{o: o, ng: ng, ids: map[cbpf.LinkType]int{dlt: 0}, snap: snap, prec: prec, nifcs: 1}
	if err := n.endBlock(); err != nil {
		return nil, err
	}
	if err := o.flush(); err != nil {
		return nil, err
	}
	return n, nil
}

// endBlock moves the blocks written so far into the file's buffer and
// marks their end as a record boundary.
func (n *ngWriter) endBlock() error {
	if err := n.ng.Flush(); err != nil {
		return err
	}
	return n.o.endRecord()
}

func (n *ngWriter) write(rec *record, data []byte) error {
	id, ok := n.ids[rec.linkType]
	if !ok {
		ifc := ngIfaceFor(rec.linkType, n.snap, n.prec)
		ifc.Name = fmt.Sprintf("if%d", n.nifcs)
		var err error
		if id, err = n.ng.AddInterface(ifc); err != nil {
			return err
		}
		n.ids[rec.linkType] = id
		n.nifcs++
	}
	nsec := int64(rec.frac)
	if n.prec == precMicro {
		nsec *= 1000
	}
	n.ci.Timestamp = time.Unix(rec.sec, nsec)
	n.ci.CaptureLength = len(data)
	n.ci.Length = int(rec.wirelen)
	n.ci.InterfaceIndex = id
	if err := n.ng.WritePacket(n.ci, data); err != nil {
		return err
	}
	return n.endBlock()
}

func (n *ngWriter) flush() error {
	if err := n.ng.Flush(); err != nil {
		return err
	}
	return n.o.flush()
}

// flushAt is how many bytes of whole records outFile gathers before it
// writes them out. A process killed without warning (kill -9, the OOM
// killer) loses at most this much; -U writes every packet at once.
const flushAt = 64 << 10

// outFile is one file -w writes. It is opened where the user said, as
// tcpdump's fopen opens it: created with mode 0666 less the umask, or
// truncated in place when it exists (its inode, owner and mode kept; a
// symbolic link followed, not replaced). It is written as it goes, and
// only ever whole records at a time: records are gathered in a buffer
// and written out, up to the end of the last whole record, once flushAt
// bytes are waiting, on flush (-U, SIGUSR2, the end of each ring block
// of a live capture) and on close. Whatever ends gocap, the file then
// holds a valid capture with every record written out so far, which a
// second reader (tail -f, Wireshark) can follow meanwhile.
type outFile struct {
	name  string
	f     *os.File  // the file gocap opened; nil for standard output
	w     io.Writer // where the bytes go
	buf   []byte
	whole int   // buf[:whole] ends on a record boundary
	err   error // the first write error; every later write returns it
}

func createOutput(name string, stdout io.Writer) (*outFile, error) {
	o := &outFile{name: name, w: stdout, buf: make([]byte, 0, flushAt+(flushAt>>2))}
	if name == "-" {
		return o, nil
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, capture.ErrnoText(err))
	}
	o.f, o.w = f, f
	return o, nil
}

// Write adds p to the record being written (it is part of one; endRecord
// says where a record ends).
func (o *outFile) Write(p []byte) (int, error) {
	o.buf = append(o.buf, p...)
	return len(p), nil
}

// endRecord marks the end of a record, and writes the whole records out
// once flushAt bytes of them are waiting.
func (o *outFile) endRecord() error {
	o.whole = len(o.buf)
	if o.whole >= flushAt {
		return o.flush()
	}
	return nil
}

// flush writes out every whole record waiting.
func (o *outFile) flush() error {
	if o.err != nil {
		return o.err
	}
	if o.whole == 0 {
		return nil
	}
	if _, err := o.w.Write(o.buf[:o.whole]); err != nil {
		o.err = err
		return err
	}
	rest := copy(o.buf, o.buf[o.whole:])
	o.buf = o.buf[:rest]
	o.whole = 0
	return nil
}

// close writes out what is waiting and closes the file (not standard
// output). The file stays, whole or not, as tcpdump's does.
func (o *outFile) close() error {
	err := o.flush()
	if o.f != nil {
		if cerr := o.f.Close(); err == nil {
			err = cerr
		}
		o.f = nil
	}
	if err != nil {
		return fmt.Errorf("%s: %s", o.name, capture.ErrnoText(err))
	}
	return nil
}

// chown gives the file to uid and gid, as Debian's tcpdump does with the
// first file before it becomes -Z's user.
func (o *outFile) chown(uid, gid int) error {
	if o.f == nil {
		return nil
	}
	if err := o.f.Chown(uid, gid); err != nil {
		return fmt.Errorf("%s: %s", o.name, capture.ErrnoText(err))
	}
	return nil
}

// textWriter is standard output's printed text with -w - --print: each
// write is a unit of its own, so that text and records keep their order.
type textWriter struct{ o *outFile }

func (t textWriter) Write(p []byte) (int, error) {
	t.o.Write(p)
	if err := t.o.endRecord(); err != nil {
		return 0, err
	}
	return len(p), nil
}
