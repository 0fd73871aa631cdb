package printer

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/gocap/gocap/cbpf"
)

// TestInvalidHeadersLikeTcpdump prints packets whose record headers
// tcpdump refuses (no byte captured, a wire length over its maximum
// snapshot length, both) between good ones, with and without -#, as
// tcpdump does: a line naming what is wrong, without the timestamp.
// Such a line cannot be told from the packet before it by its timestamp,
// so the whole output is compared rather than packet by packet
// (compareWithTcpdump's way).
func TestInvalidHeadersLikeTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed: it is the reference this test compares with")
	}
	frame := "000000000002 000000000001 0800 4500001c 0001 0000 40 11 0000 0a000001 0a000002 0035 0035 0008 0000"
	pkts := []crafted{{frame, 0}, {"", 60}, {frame, 300000}, {frame, 262144}, {"", 262145}, {frame, 0}}
	path := filepath.Join(t.TempDir(), "invalid-header.pcap")
	cps := writeCrafted(t, path, cbpf.LinkEN10MB, pkts)
	sets := append([]flagSet{{[]string{"-nn", "-#"}, Options{NumericLevel: 2, Number: true}}}, craftedFlagSets...)
	for _, fs := range sets {
		cmd := exec.Command(tcpdump, append(fs.args, "-r", path)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", fs.args, err)
		}
		o := fs.o
		o.Location = time.UTC
		var got bytes.Buffer
		p := New(&got, o)
		for _, pk := range cps {
			if err := p.Packet(pk.ci, pk.data, pk.linkType); err != nil {
				t.Fatal(err)
			}
		}
		if got.String() != string(want) {
			t.Errorf("%v:\n got: %q\nwant: %q", fs.args, got.String(), want)
		}
	}
}
