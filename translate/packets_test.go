package translate_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
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
			continue // another link type, pcapng, or damaged
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

// readEthernet returns the frames of a pcap file whose link type is
// Ethernet; a damaged tail ends the list.
func readEthernet(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := pcapgo.NewReader(f)
	if err != nil {
		return nil, err
	}
	if r.LinkType() != layers.LinkTypeEthernet {
		return nil, fmt.Errorf("%s: link type %v", path, r.LinkType())
	}
	var out [][]byte
	for {
		data, _, err := r.ReadPacketData()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, nil
		}
		out = append(out, data)
	}
}
