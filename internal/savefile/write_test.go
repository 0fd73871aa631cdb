package savefile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/gopacket/gopacket/pcapgo"

	"github.com/gocap/gocap/cbpf"
)

type testPacket struct {
	rec  Record
	data []byte
}

func testPackets(lts ...cbpf.LinkType) []testPacket {
	var pkts []testPacket
	for i, lt := range lts {
		data := bytes.Repeat([]byte{byte(i + 1)}, 40+i)
		pkts = append(pkts, testPacket{
			rec:  Record{Sec: 1700000000 + int64(i), Frac: int64(1000*i + 7), CapLen: uint32(len(data)), WireLen: uint32(len(data) + 10), LinkType: lt},
			data: data,
		})
	}
	return pkts
}

// TestWritersReadBack writes packets with both writers in both
// precisions, then reads the files with this package's reader and with
// pcapgo: the same packets, time stamps and lengths must come back.
func TestWritersReadBack(t *testing.T) {
	eth, raw := cbpf.LinkTypeFromFile(1), cbpf.LinkTypeFromFile(101)
	for _, ng := range []bool{false, true} {
		for _, prec := range []Precision{Micro, Nano} {
			lts := []cbpf.LinkType{eth, eth, eth}
			if ng {
				lts = append(lts, raw, eth)
			}
			pkts := testPackets(lts...)
			var file bytes.Buffer
			buf := NewRecordBuffer(&file)
			var w Writer
			var err error
			if ng {
				w, err = NewNgWriter(buf, eth, 1000, prec)
			} else {
				w, err = NewPcapWriter(buf, eth, eth.FileValue(), 1000, prec)
			}
			if err != nil {
				t.Fatal(err)
			}
			for i := range pkts {
				if err := w.Write(&pkts[i].rec, pkts[i].data); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}

			if ng {
				// Two link types: libpcap, and Open, refuse the file at
				// the second interface.
				r, err := Open(bytes.NewReader(file.Bytes()), prec)
				if err == nil {
					for err == nil {
						_, _, err = r.Next()
					}
				}
				if want := "pcap_loop: an interface has a type 101 different from the type of the first interface"; err == nil || err.Error() != want {
					t.Errorf("ng prec %d: Open read the mixed file to %v, want %q", prec, err, want)
				}
			}
			r, err := OpenMixed(bytes.NewReader(file.Bytes()), prec)
			if err != nil {
				t.Fatalf("ng %v prec %d: %v", ng, prec, err)
			}
			if r.Snaplen() != 1000 || r.LinkType() != eth {
				t.Errorf("ng %v prec %d: snaplen %d, link type %v", ng, prec, r.Snaplen(), r.LinkType())
			}
			for i, want := range pkts {
				data, rec, err := r.Next()
				if err != nil {
					t.Fatalf("ng %v prec %d: packet %d: %v", ng, prec, i, err)
				}
				got := *rec
				want.rec.Iface = got.Iface
				if got != want.rec || !bytes.Equal(data, want.data) {
					t.Errorf("ng %v prec %d: packet %d is %+v, wrote %+v", ng, prec, i, got, want.rec)
				}
			}
			if _, _, err := r.Next(); err != io.EOF {
				t.Errorf("ng %v prec %d: after the last packet: %v", ng, prec, err)
			}

			// pcapgo, the outside check.
			unit := time.Microsecond
			if prec == Nano {
				unit = time.Nanosecond
			}
			var next func() ([]byte, time.Time, int, error)
			if ng {
				nr, err := pcapgo.NewNgReader(bytes.NewReader(file.Bytes()), pcapgo.NgReaderOptions{WantMixedLinkType: true})
				if err != nil {
					t.Fatal(err)
				}
				next = func() ([]byte, time.Time, int, error) {
					d, ci, err := nr.ReadPacketData()
					return d, ci.Timestamp, ci.Length, err
				}
			} else {
				pr, err := pcapgo.NewReader(bytes.NewReader(file.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				next = func() ([]byte, time.Time, int, error) {
					d, ci, err := pr.ReadPacketData()
					return d, ci.Timestamp, ci.Length, err
				}
			}
			for i, want := range pkts {
				d, ts, n, err := next()
				if err != nil {
					t.Fatalf("ng %v prec %d: pcapgo: packet %d: %v", ng, prec, i, err)
				}
				wantTS := time.Unix(want.rec.Sec, int64(want.rec.Frac)*int64(unit))
				if !bytes.Equal(d, want.data) || !ts.Equal(wantTS) || n != int(want.rec.WireLen) {
					t.Errorf("ng %v prec %d: pcapgo: packet %d: %d bytes at %v, length %d", ng, prec, i, len(d), ts, n)
				}
			}
		}
	}
}

// TestPcapWriterOneLinkType: a pcap file holds one link type; a packet of
// another is refused with libpcap's message and nothing of it is written.
func TestPcapWriterOneLinkType(t *testing.T) {
	eth := cbpf.LinkTypeFromFile(1)
	var file bytes.Buffer
	buf := NewRecordBuffer(&file)
	w, err := NewPcapWriter(buf, eth, 1, 100, Micro)
	if err != nil {
		t.Fatal(err)
	}
	p := testPackets(cbpf.LinkTypeFromFile(101))[0]
	err = w.Write(&p.rec, p.data)
	want := "an interface has a type 101 different from the type of the first interface (use --pcapng to write several link types)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	w.Flush()
	if file.Len() != 24 {
		t.Errorf("file has %d bytes, want the 24 of the header", file.Len())
	}
}

// chunkRecorder records the size of every write it is given.
type chunkRecorder struct {
	sizes []int
	fail  error
}

func (c *chunkRecorder) Write(p []byte) (int, error) {
	if c.fail != nil {
		return 0, c.fail
	}
	c.sizes = append(c.sizes, len(p))
	return len(p), nil
}

// TestRecordBufferWholeRecords: the writer below sees whole records only,
// first once FlushAt bytes of them wait, and the first write error sticks.
func TestRecordBufferWholeRecords(t *testing.T) {
	var c chunkRecorder
	b := NewRecordBuffer(&c)
	rec := make([]byte, 1000)
	n := 0
	for len(c.sizes) == 0 {
		b.Write(rec[:400])
		if len(c.sizes) != 0 {
			t.Fatal("a part of a record was written out")
		}
		b.Write(rec[400:])
		if err := b.EndRecord(); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if c.sizes[0] != n*1000 || c.sizes[0] < FlushAt || (n-1)*1000 >= FlushAt {
		t.Errorf("first write of %d bytes after %d records; FlushAt is %d", c.sizes[0], n, FlushAt)
	}
	b.Write(rec[:10]) // an unfinished record stays
	if err := b.Flush(); err != nil || len(c.sizes) != 1 {
		t.Errorf("flush with no whole record waiting: %v, writes %v", err, c.sizes)
	}
	b.EndRecord()
	if err := b.Flush(); err != nil || len(c.sizes) != 2 || c.sizes[1] != 10 {
		t.Errorf("flush: %v, writes %v", err, c.sizes)
	}
	c.fail = errors.New("disk full")
	b.Write(rec[:5])
	b.EndRecord()
	if err := b.Flush(); err != c.fail {
		t.Errorf("flush into a failing writer: %v", err)
	}
	c.fail = nil
	if err := b.Flush(); err == nil {
		t.Error("the write error did not stick")
	}
}

// TestWriteBigEndian: Write in the other byte order gives a file the
// reader finds swapped, with the same packets.
func TestWriteBigEndian(t *testing.T) {
	pkts := testPackets(cbpf.LinkEN10MB, cbpf.LinkEN10MB)
	in := make([]Packet, len(pkts))
	for i, p := range pkts {
		in[i] = Packet{Record: p.rec, Data: p.data}
	}
	var file bytes.Buffer
	if err := Write(&file, binary.BigEndian, 1, 500, Nano, in); err != nil {
		t.Fatal(err)
	}
	if got := binary.BigEndian.Uint32(file.Bytes()); got != MagicNano {
		t.Fatalf("magic %#x read big-endian, want %#x", got, MagicNano)
	}
	r, err := Open(bytes.NewReader(file.Bytes()), Nano)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Swapped() || !r.Nano() || r.Snaplen() != 500 || r.LinkType() != cbpf.LinkEN10MB {
		t.Errorf("swapped %v, nano %v, snaplen %d, link type %v", r.Swapped(), r.Nano(), r.Snaplen(), r.LinkType())
	}
	out, err := ReadAll(r)
	if err != nil || len(out) != len(in) {
		t.Fatalf("read %d packets (%v), wrote %d", len(out), err, len(in))
	}
	for i := range in {
		if out[i].Record != in[i].Record || !bytes.Equal(out[i].Data, in[i].Data) {
			t.Errorf("packet %d: read %+v, wrote %+v", i, out[i].Record, in[i].Record)
		}
	}
}
