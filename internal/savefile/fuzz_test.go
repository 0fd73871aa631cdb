package savefile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// fuzzRead reads everything from data and checks the reader's contract:
// no panic, each packet no longer than its caplen says, an error or EOF
// at the end, and a bounded number of packets.
func fuzzRead(t *testing.T, data []byte) {
	for _, prec := range []Precision{Micro, Nano} {
		src, err := Open(bytes.NewReader(data), prec)
		if err != nil {
			if src != nil {
				t.Fatal("both a reader and an error")
			}
			continue
		}
		for n := 0; ; n++ {
			pkt, rec, err := src.Next()
			if err != nil {
				var le *LoopError
				if err != io.EOF && !errors.As(err, &le) {
					t.Fatalf("error %v is neither EOF nor a LoopError", err)
				}
				break
			}
			if uint32(len(pkt)) != rec.CapLen || rec.CapLen > src.Snaplen() && rec.CapLen > MaxSnaplen {
				t.Fatalf("packet of %d bytes, caplen %d, snaplen %d", len(pkt), rec.CapLen, src.Snaplen())
			}
			if n > len(data) {
				t.Fatal("more packets than input bytes")
			}
		}
	}
}

func addSeeds(f *testing.F, patterns ...string) {
	for _, pat := range patterns {
		files, _ := filepath.Glob(pat)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
}

// onePacketPcap is a little-endian microsecond pcap file, snapshot length
// 40, Ethernet, with one 60-byte record (cut to 40 when read).
func onePacketPcap() []byte {
	le := binary.LittleEndian
	b := le.AppendUint32(nil, MagicMicro)
	b = le.AppendUint16(b, 2)
	b = le.AppendUint16(b, 4)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 40)
	b = le.AppendUint32(b, 1)
	for _, v := range []uint32{1, 2, 60, 60} {
		b = le.AppendUint32(b, v)
	}
	for i := range 60 {
		b = append(b, byte(i))
	}
	return b
}

// FuzzReadPcap feeds arbitrary bytes to the pcap reader.
func FuzzReadPcap(f *testing.F) {
	addSeeds(f, corpusDir+"/*.pcap", "../../golden/testdata/pcap/*.pcap")
	f.Add(onePacketPcap())
	f.Fuzz(fuzzRead)
}

// FuzzReadPcapng feeds arbitrary bytes to the pcapng reader.
func FuzzReadPcapng(f *testing.F) {
	addSeeds(f, corpusDir+"/*.pcapng", corpusDir+"/generated/*.pcapng", corpusDir+"/libpcap-filter/*.pcapng")
	f.Add([]byte{0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 28, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		// Make every input look like pcapng so the fuzzer explores
		// past the magic number.
		if len(data) < 4 || data[0] != 0x0a {
			data = append([]byte{0x0a, 0x0d, 0x0d, 0x0a}, data...)
		}
		fuzzRead(t, data)
	})
}
