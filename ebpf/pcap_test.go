package ebpf

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/savefile"
)

// tcpdumpPcaps is the directory of real captures in ../shared.
const tcpdumpPcaps = "../../shared/corpus/tcpdump-pcaps"

// readPcap returns the captured bytes of each record of a capture file
// whose link type is Ethernet, read with savefile as libpcap reads it, or
// nil for any other file (other link types, damaged headers). Damaged
// trailing records end the list.
func readPcap(path string) [][]byte {
	r, recs, _ := savefile.ReadFile(path, savefile.Micro)
	if r == nil || r.LinkType() != cbpf.LinkEN10MB {
		return nil
	}
	pkts := make([][]byte, len(recs))
	for i, p := range recs {
		pkts[i] = p.Data
	}
	return pkts
}

// ethernetPackets returns the packets of every Ethernet capture in
// ../shared/corpus/tcpdump-pcaps, skipping the test if the corpus is absent
// and failing it if the corpus holds none.
func ethernetPackets(tb testing.TB) [][]byte {
	tb.Helper()
	if _, err := os.Stat(tcpdumpPcaps); err != nil {
		tb.Skipf("captures not found at %s (../shared is absent); skipping", tcpdumpPcaps)
	}
	files, err := filepath.Glob(filepath.Join(tcpdumpPcaps, "*.pcap"))
	if err != nil {
		tb.Fatal(err)
	}
	var pkts [][]byte
	for _, f := range files {
		pkts = append(pkts, readPcap(f)...)
	}
	if len(pkts) == 0 {
		tb.Fatalf("no Ethernet packets in %s", tcpdumpPcaps)
	}
	return pkts
}
