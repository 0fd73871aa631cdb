package savefile

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"testing"

	"github.com/gopacket/gopacket/pcapgo"

	"github.com/gocap/gocap/internal/corpus"
)

// corpusDir holds the shared real captures (../shared beside the checkout).
var corpusDir = corpus.TcpdumpDir()

// TestReadersAgreeWithPcapgo reads every shared capture with savefile's
// readers and with gopacket's pcapgo, and requires the same packets.
func TestReadersAgreeWithPcapgo(t *testing.T) {
	compared := 0
	for _, file := range corpus.Captures(t) {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		ours, snap, oerr := readAll(f)
		f.Seek(0, io.SeekStart)
		theirs, terr := readAllPcapgo(f)
		f.Close()
		if oerr != nil || terr != nil {
			// Broken files: the readers word errors differently;
			// they must at least agree on the packets before it.
			n := min(len(ours), len(theirs))
			ours, theirs = ours[:n], theirs[:n]
		}
		if len(ours) != len(theirs) {
			t.Errorf("%s: %d packets, pcapgo %d", file, len(ours), len(theirs))
			continue
		}
		for i := range ours {
			// libpcap (and savefile) cut a record longer than the
			// file's snapshot length to it; pcapgo does not (the
			// other differences, in the package comment, change
			// no packet's bytes).
			same := bytes.Equal(ours[i], theirs[i]) ||
				len(ours[i]) == int(snap) && bytes.HasPrefix(theirs[i], ours[i])
			if !same {
				t.Errorf("%s: packet %d differs from pcapgo's", file, i)
				break
			}
		}
		compared++
	}
	if compared == 0 {
		t.Fatal("no capture compared")
	}
}

func readAll(r io.Reader) ([][]byte, uint32, error) {
	src, err := Open(r, Nano)
	if err != nil {
		return nil, 0, err
	}
	var pkts [][]byte
	for {
		data, _, err := src.Next()
		if err == io.EOF {
			return pkts, src.Snaplen(), nil
		}
		if err != nil {
			return pkts, src.Snaplen(), err
		}
		pkts = append(pkts, bytes.Clone(data))
	}
}

func readAllPcapgo(f *os.File) ([][]byte, error) {
	var magic [4]byte
	if _, err := io.ReadFull(f, magic[:]); err != nil {
		return nil, err
	}
	f.Seek(0, io.SeekStart)
	var next func() ([]byte, error)
	if binary.LittleEndian.Uint32(magic[:]) == MagicPcapng {
		ng, err := pcapgo.NewNgReader(f, pcapgo.NgReaderOptions{WantMixedLinkType: true})
		if err != nil {
			return nil, err
		}
		next = func() ([]byte, error) { d, _, err := ng.ReadPacketData(); return d, err }
	} else {
		r, err := pcapgo.NewReader(f)
		if err != nil {
			return nil, err
		}
		next = func() ([]byte, error) { d, _, err := r.ReadPacketData(); return d, err }
	}
	var pkts [][]byte
	for {
		d, err := next()
		if err == io.EOF {
			return pkts, nil
		}
		if err != nil {
			return pkts, err
		}
		pkts = append(pkts, d)
	}
}
