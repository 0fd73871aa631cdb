// Package pcapfile reads and writes classic libpcap capture files (not
// pcapng), just enough for gocap's golden tests and their generator. It
// handles microsecond and nanosecond files in either byte order.
package pcapfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// Magic numbers of the classic pcap file header.
const (
	magicMicro = 0xa1b2c3d4
	magicNano  = 0xa1b23c4d
)

// maxRecord bounds a record's captured length so that a corrupt file cannot
// make the reader allocate gigabytes.
const maxRecord = 1 << 24

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

// Read reads a whole pcap file from r.
func Read(r io.Reader) (*File, error) {
	var hdr [24]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, fmt.Errorf("reading file header: %w", err)
	}
	var f File
	switch {
	case binary.LittleEndian.Uint32(hdr[:]) == magicMicro:
		f.Header.ByteOrder = binary.LittleEndian
	case binary.LittleEndian.Uint32(hdr[:]) == magicNano:
		f.Header.ByteOrder, f.Header.Nano = binary.LittleEndian, true
	case binary.BigEndian.Uint32(hdr[:]) == magicMicro:
		f.Header.ByteOrder = binary.BigEndian
	case binary.BigEndian.Uint32(hdr[:]) == magicNano:
		f.Header.ByteOrder, f.Header.Nano = binary.BigEndian, true
	default:
		return nil, fmt.Errorf("not a pcap file (magic % x)", hdr[:4])
	}
	bo := f.Header.ByteOrder
	f.Header.VersionMajor = bo.Uint16(hdr[4:])
	f.Header.VersionMinor = bo.Uint16(hdr[6:])
	f.Header.Snaplen = bo.Uint32(hdr[16:])
	f.Header.LinkType = bo.Uint32(hdr[20:]) & 0x03ffffff // low bits: link type; high bits: FCS info
	for i := 0; ; i++ {
		var rec [16]byte
		if _, err := io.ReadFull(r, rec[:]); err != nil {
			if errors.Is(err, io.EOF) {
				return &f, nil
			}
			return nil, fmt.Errorf("record %d header: %w", i, err)
		}
		p := Packet{Sec: bo.Uint32(rec[0:]), Frac: bo.Uint32(rec[4:]), OrigLen: bo.Uint32(rec[12:])}
		n := bo.Uint32(rec[8:])
		if n > maxRecord {
			return nil, fmt.Errorf("record %d: captured length %d too large", i, n)
		}
		p.Data = make([]byte, n)
		if _, err := io.ReadFull(r, p.Data); err != nil {
			return nil, fmt.Errorf("record %d data: %w", i, err)
		}
		f.Packets = append(f.Packets, p)
	}
}

// Write writes f to w as a microsecond-resolution pcap file (version 2.4)
// in f.Header.ByteOrder, or little-endian if that is nil.
func Write(w io.Writer, f *File) error {
	bo := f.Header.ByteOrder
	if bo == nil {
		bo = binary.LittleEndian
	}
	magic := uint32(magicMicro)
	if f.Header.Nano {
		magic = magicNano
	}
	var hdr [24]byte
	bo.PutUint32(hdr[0:], magic)
	bo.PutUint16(hdr[4:], 2)
	bo.PutUint16(hdr[6:], 4)
	bo.PutUint32(hdr[16:], f.Header.Snaplen)
	bo.PutUint32(hdr[20:], f.Header.LinkType)
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	for _, p := range f.Packets {
		var rec [16]byte
		bo.PutUint32(rec[0:], p.Sec)
		bo.PutUint32(rec[4:], p.Frac)
		bo.PutUint32(rec[8:], uint32(len(p.Data)))
		bo.PutUint32(rec[12:], p.OrigLen)
		if _, err := w.Write(rec[:]); err != nil {
			return err
		}
		if _, err := w.Write(p.Data); err != nil {
			return err
		}
	}
	return nil
}
