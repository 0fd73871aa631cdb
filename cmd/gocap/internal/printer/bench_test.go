package printer

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPacket prints every packet of the shared tcpdump captures with
// -nn -v into io.Discard; ns/op and allocs/op are per packet.
func BenchmarkPacket(b *testing.B) {
	shared := sharedCorpus(b)
	var pkts []capturePacket
	_ = filepath.WalkDir(shared, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if ext := filepath.Ext(path); ext == ".pcap" || ext == ".pcapng" {
			ps, _ := readCapture(path)
			pkts = append(pkts, ps...)
		}
		return nil
	})
	if len(pkts) == 0 {
		b.Skip("no packets")
	}
	p := New(io.Discard, Options{NumericLevel: 2, Verbose: 1, Location: time.UTC})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pk := pkts[i%len(pkts)]
		_ = p.Packet(pk.ci, pk.data, pk.linkType)
	}
}
