package printer

import (
	"io"
	"testing"
	"time"
)

// fuzzNames names the addresses whose text has an even length.
type fuzzNames struct{}

func (fuzzNames) lookup(addr string) ([]string, bool) {
	if len(addr)%2 == 0 {
		return []string{"h." + addr + ".example."}, true
	}
	return nil, false
}

// FuzzPacket feeds arbitrary bytes with an arbitrary link type to every
// flag combination that changes the decoding path: the printer must never
// panic (truncation is reported in the output, not as a crash).
func FuzzPacket(f *testing.F) {
	seeds := [][]byte{
		{},
		make([]byte, 14),
		append([]byte{0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0x08, 0x00}, 0x45, 0, 0, 40, 0, 0, 0, 0, 64, 6, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 80, 0, 81, 0, 0, 0, 1, 0, 0, 0, 2, 0x50, 0x12, 1, 0, 0, 0, 0, 0),
	}
	for _, s := range seeds {
		for _, lt := range []uint32{0, 1, 12, 101, 108, 113, 228, 229, 276} {
			f.Add(s, lt, uint8(0))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, linkType uint32, flags uint8) {
		o := Options{
			NumericLevel: int(flags & 1),
			LinkHeader:   flags&2 != 0,
			Verbose:      int(flags>>2) & 3,
			Hex:          int(flags>>4) & 1,
			HexASCII:     int(flags>>5) & 1,
			Quiet:        flags&0x40 != 0,
			AbsoluteSeq:  flags&0x80 != 0,
			Location:     time.UTC,
		}
		if o.NumericLevel == 0 {
			// Names without -n: every other address gets a host name.
			o.Resolver = &fakeResolver{names: fuzzNames{}}
			o.NoDomain = flags&8 != 0
		}
		p := New(io.Discard, o)
		ci := PacketInfo{Timestamp: time.Unix(1, 0), CaptureLength: len(data), Length: len(data) + int(flags)}
		for range 2 {
			if err := p.Packet(ci, data, linkType%300); err != nil {
				t.Fatal(err)
			}
		}
	})
}
