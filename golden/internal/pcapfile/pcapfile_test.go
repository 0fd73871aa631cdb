package pcapfile

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		in := &File{
			Header: Header{VersionMajor: 2, VersionMinor: 4, Snaplen: 262144, LinkType: 1, ByteOrder: bo},
			Packets: []Packet{
				{Sec: 1, Frac: 2, OrigLen: 3, Data: []byte{1, 2, 3}},
				{Sec: 4, Frac: 5, OrigLen: 100, Data: []byte{9, 8}},
			},
		}
		var buf bytes.Buffer
		if err := Write(&buf, in); err != nil {
			t.Fatal(err)
		}
		if got := buf.Len(); got != 24+16+3+16+2 {
			t.Fatalf("%v: wrote %d bytes, want %d", bo, got, 24+16+3+16+2)
		}
		out, err := Read(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(in, out) {
			t.Errorf("%v: round trip:\n got %+v\nwant %+v", bo, out, in)
		}
	}
}

func TestReadErrors(t *testing.T) {
	good := new(bytes.Buffer)
	if err := Write(good, &File{Header: Header{Snaplen: 65535, LinkType: 1}, Packets: []Packet{{OrigLen: 4, Data: []byte{1, 2, 3, 4}}}}); err != nil {
		t.Fatal(err)
	}
	b := good.Bytes()
	for name, in := range map[string][]byte{
		"empty":          nil,
		"short header":   b[:10],
		"bad magic":      append([]byte{0, 0, 0, 0}, b[4:]...),
		"short record":   b[:24+8],
		"truncated data": b[:len(b)-1],
	} {
		if _, err := Read(bytes.NewReader(in)); err == nil {
			t.Errorf("%s: Read succeeded, want an error", name)
		}
	}
}
