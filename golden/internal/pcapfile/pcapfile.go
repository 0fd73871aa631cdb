// Package pcapfile holds classic libpcap capture files (not pcapng) in
// memory, for gocap's golden tests and their generator. It reads and
// writes them through internal/savefile, gocap's one capture-file reader
// and writer; what it adds is the whole-file form the tests compare.
package pcapfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"

	"github.com/gocap/gocap/internal/savefile"
)

// Header is a pcap file header.
type Header struct {
	VersionMajor, VersionMinor uint16
	Snaplen                    uint32
	LinkType                   uint32 // LINKTYPE_ value as stored in the file
	// ByteOrder is the byte order the file was written in.
	ByteOrder binary.ByteOrder
	// Nano says timestamps are in nanoseconds rather than microseconds.
	Nano bool
}

// Packet is one record of a pcap file.
type Packet struct {
	Sec, Frac uint32 // timestamp: seconds and micro- or nanoseconds
	OrigLen   uint32 // length of the packet on the wire
	Data      []byte // captured bytes; len(Data) may be less than OrigLen
}

// File is a whole pcap file in memory.
type File struct {
	Header  Header
	Packets []Packet
}

// ReadFile reads the pcap file at path.
func ReadFile(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pf, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return pf, nil
}

// Read reads a whole pcap file from r with savefile's reader, so that the
// packets are those libpcap hands to a filter (a record longer than the
// snapshot length cut to it, old files' swapped lengths put right). The
// header's version, which savefile does not report, comes from its bytes.
func Read(r io.Reader) (*File, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if len(raw) >= 4 && binary.LittleEndian.Uint32(raw) == savefile.MagicPcapng {
		return nil, errors.New("not a pcap file: pcapng")
	}
	var f File
	prec := savefile.Micro
	if len(raw) >= 4 {
		m := binary.LittleEndian.Uint32(raw)
		if m == savefile.MagicNano || m == bits.ReverseBytes32(savefile.MagicNano) {
			prec, f.Header.Nano = savefile.Nano, true
		}
	}
	sr, err := savefile.Open(bytes.NewReader(raw), prec)
	if err != nil {
		return nil, err
	}
	f.Header.ByteOrder = binary.LittleEndian
	if sr.Swapped() {
		f.Header.ByteOrder = binary.BigEndian
	}
	f.Header.VersionMajor = f.Header.ByteOrder.Uint16(raw[4:])
	f.Header.VersionMinor = f.Header.ByteOrder.Uint16(raw[6:])
	f.Header.Snaplen = sr.Snaplen()
	f.Header.LinkType = sr.LinkTypeHeader() & 0x03ffffff // low bits: link type; high bits: FCS info
	pkts, err := savefile.ReadAll(sr)
	if err != nil {
		return nil, fmt.Errorf("record %d: %w", len(pkts), err)
	}
	for _, p := range pkts {
		f.Packets = append(f.Packets, Packet{Sec: uint32(p.Sec), Frac: uint32(p.Frac), OrigLen: p.WireLen, Data: p.Data})
	}
	return &f, nil
}

// Write writes f to w as a pcap file (version 2.4) with savefile's pcap
// writer, in f.Header.ByteOrder (little-endian if nil) and in micro- or
// nanoseconds as f.Header.Nano says.
func Write(w io.Writer, f *File) error {
	prec := savefile.Micro
	if f.Header.Nano {
		prec = savefile.Nano
	}
	pkts := make([]savefile.Packet, len(f.Packets))
	for i, p := range f.Packets {
		pkts[i] = savefile.Packet{Record: savefile.Record{Sec: int64(p.Sec), Frac: int64(p.Frac), WireLen: p.OrigLen}, Data: p.Data}
	}
	return savefile.Write(w, f.Header.ByteOrder, f.Header.LinkType, f.Header.Snaplen, prec, pkts)
}
