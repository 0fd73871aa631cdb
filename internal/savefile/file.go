package savefile

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"

	"github.com/gocap/gocap/cbpf"
)

// Packet is one record with its own copy of the data, for callers that
// hold a whole capture in memory.
type Packet struct {
	Record
	Data []byte
}

// ReadAll reads the packets r has left. On a damaged file it returns the
// packets before the damage with the error; io.EOF is no error.
func ReadAll(r Reader) ([]Packet, error) {
	var pkts []Packet
	for {
		data, rec, err := r.Next()
		if err == io.EOF {
			return pkts, nil
		}
		if err != nil {
			return pkts, err
		}
		pkts = append(pkts, Packet{Record: *rec, Data: bytes.Clone(data)})
	}
}

// ReadFile opens the capture file at path and reads all of it, with time
// stamps in prec. It returns the reader, for the file's link type and
// snapshot length, with the packets; on a damaged file the packets before
// the damage come with the error. A file that cannot be opened as a
// capture gives a nil Reader.
func ReadFile(path string, prec Precision) (Reader, []Packet, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	r, err := Open(bytes.NewReader(b), prec)
	if err != nil {
		return nil, nil, err
	}
	pkts, err := ReadAll(r)
	return r, pkts, err
}

// WriteFile writes pkts to path as a pcap file (see PcapWriter) in the
// byte order order (nil: little-endian, as PcapWriter writes), whose
// header's link-type word is ltWord (a LINKTYPE_ value, plus any FCS
// bits). Time stamps are in prec. Every packet is written under the file's
// link type, whatever its Record.LinkType says.
func WriteFile(path string, order binary.ByteOrder, ltWord, snaplen uint32, prec Precision, pkts []Packet) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Write(f, order, ltWord, snaplen, prec, pkts); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Write writes pkts to w as WriteFile does.
func Write(w io.Writer, order binary.ByteOrder, ltWord, snaplen uint32, prec Precision, pkts []Packet) error {
	if order == nil {
		order = binary.LittleEndian
	}
	lt := cbpf.LinkTypeFromFile(ltWord & 0x03ffffff)
	buf := NewRecordBuffer(w)
	pw, err := newPcapWriter(buf, order, lt, ltWord, snaplen, prec)
	if err != nil {
		return err
	}
	for i := range pkts {
		rec := pkts[i].Record
		rec.LinkType = lt
		if err := pw.Write(&rec, pkts[i].Data); err != nil {
			return err
		}
	}
	return pw.Flush()
}
