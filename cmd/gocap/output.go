package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	w   *bufio.Writer
	dlt cbpf.LinkType
	hdr [16]byte
}

func newPcapWriter(w *bufio.Writer, dlt cbpf.LinkType, ltWord, snaplen uint32, prec int) (*pcapWriter, error) {
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
	if _, err := w.Write(h[:]); err != nil {
		return nil, err
	}
	return &pcapWriter{w: w, dlt: dlt}, nil
}

func (p *pcapWriter) write(rec *record, data []byte) error {
	if rec.linkType != p.dlt {
		return fmt.Errorf("an interface has a type %d different from the type of the first interface (use --pcapng to write several link types)", rec.linkType.FileValue())
	}
	binary.LittleEndian.PutUint32(p.hdr[0:], uint32(rec.sec))
	binary.LittleEndian.PutUint32(p.hdr[4:], rec.frac)
	binary.LittleEndian.PutUint32(p.hdr[8:], uint32(len(data)))
	binary.LittleEndian.PutUint32(p.hdr[12:], rec.wirelen)
	p.w.Write(p.hdr[:])
	_, err := p.w.Write(data)
	return err
}

func (p *pcapWriter) flush() error { return p.w.Flush() }

// ngWriter writes pcapng through gopacket's pcapgo.NgWriter, with one
// interface per link type seen (the first one described up front).
type ngWriter struct {
	w     *bufio.Writer
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

func newNgWriter(w *bufio.Writer, dlt cbpf.LinkType, snap uint32, prec int) (*ngWriter, error) {
	ifc := ngIfaceFor(dlt, snap, prec)
	ng, err := pcapgo.NewNgWriterInterface(w, ifc, pcapgo.NgWriterOptions{
		SectionInfo: pcapgo.NgSectionInfo{Application: "gocap"},
	})
	if err != nil {
		return nil, err
	}
	return &ngWriter{w: w, ng: ng, ids: map[cbpf.LinkType]int{dlt: 0}, snap: snap, prec: prec, nifcs: 1}, nil
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
	return n.ng.WritePacket(n.ci, data)
}

func (n *ngWriter) flush() error {
	if err := n.ng.Flush(); err != nil {
		return err
	}
	return n.w.Flush()
}

// outFile is the file behind -w. A regular file is written under a
// temporary name in the same directory and renamed into place only when
// complete, so an interrupted or failed run never leaves a half-written
// capture under the requested name. Standard output ("-"), devices and
// FIFOs, and -U (where the file should grow packet by packet) are written
// in place, each record with one write once the header is out.
type outFile struct {
	name  string // as given
	f     *os.File
	tmp   string // temporary path, "" when writing in place
	owned bool   // f is ours to close
	buf   *bufio.Writer
}

func createOutput(name string, stdout io.Writer, packetBuffered bool) (*outFile, *bufio.Writer, error) {
	if name == "-" {
		buf := bufio.NewWriterSize(stdout, 1<<20)
		return &outFile{name: name, buf: buf}, buf, nil
	}
	inPlace := packetBuffered
	if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
		inPlace = true
	}
	o := &outFile{name: name, owned: true}
	var err error
	if inPlace {
		o.f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	} else {
		o.f, err = os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".gocap-*")
		if err == nil {
			o.tmp = o.f.Name()
			if err = o.f.Chmod(0o644); err != nil {
				o.f.Close()
				os.Remove(o.tmp)
			}
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %s", name, capture.ErrnoText(err))
	}
	o.buf = bufio.NewWriterSize(o.f, 1<<20)
	return o, o.buf, nil
}

// commit flushes everything and puts the file in place.
func (o *outFile) commit() error {
	err := o.buf.Flush()
	if o.owned {
		if cerr := o.f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		o.abort()
		return fmt.Errorf("%s: %s", o.name, capture.ErrnoText(err))
	}
	if o.tmp != "" {
		if err := os.Rename(o.tmp, o.name); err != nil {
			os.Remove(o.tmp)
			return fmt.Errorf("%s: %s", o.name, capture.ErrnoText(err))
		}
	}
	return nil
}

// abort drops a temporary file.
func (o *outFile) abort() {
	if o.owned {
		o.f.Close()
	}
	if o.tmp != "" {
		os.Remove(o.tmp)
		o.tmp = ""
	}
}
