package translate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/savefile"
)

// Captures the kernel tests read: the shared corpus beside the checkout
// and gocap's own sample.
const (
	corpusPcaps = "../../shared/corpus/tcpdump-pcaps"
	samplePcap  = "../cmd/gocap/testdata/sample.pcap"
)

// packet is one captured Ethernet frame.
type packet struct {
	name string
	data []byte
}

// capturePackets reads every distinct Ethernet frame of at least 14 bytes
// from the captures, skipping the test when there are none.
func capturePackets(t *testing.T) []packet {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusPcaps, "*.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(samplePcap); err == nil {
		files = append(files, samplePcap)
	}
	if len(files) == 0 {
		t.Skipf("no captures: neither %s (../shared beside the checkout) nor %s is there", corpusPcaps, samplePcap)
	}
	seen := make(map[string]bool)
	var pkts []packet
	for _, path := range files {
		ps, err := readEthernet(path)
		if err != nil {
			continue // another link type, or not a capture
		}
		for i, p := range ps {
			if len(p) < 14 || seen[string(p)] {
				continue
			}
			seen[string(p)] = true
			pkts = append(pkts, packet{name: fmt.Sprintf("%s#%d", filepath.Base(path), i), data: p})
		}
	}
	if len(pkts) == 0 {
		t.Skipf("no Ethernet packets in %v", files)
	}
	return pkts
}

// readEthernet returns the frames of a capture file whose link type is
// Ethernet, read with savefile as libpcap reads them; a damaged tail ends
// the list.
func readEthernet(path string) ([][]byte, error) {
	r, recs, err := savefile.ReadFile(path, savefile.Micro)
	if r == nil {
		return nil, err
	}
	if r.LinkType() != cbpf.LinkEN10MB {
		return nil, fmt.Errorf("%s: link type %v", path, r.LinkType())
	}
	out := make([][]byte, len(recs))
	for i, p := range recs {
		out[i] = p.Data
	}
	return out, nil
}
