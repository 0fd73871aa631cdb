package printer

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/gocap/gocap/cbpf"
)

// TestLinkDecoders checks linkDecoders against what Packet prints: a link
// type in the table is decoded, and every other one gets the fallback for
// a type without a decoder, "UNSUPPORTED" and a hex and ASCII dump of the
// whole packet (TestFaultsLikeTcpdump compares that with tcpdump). Every
// decoded type must also have fuzz seeds of its own.
func TestLinkDecoders(t *testing.T) {
	data := make([]byte, 64)
	for i := range data {
		data[i] = byte(i)
	}
	// The dump as -X prints it (TestGolden checks that against tcpdump).
	var dumper Printer
	dumper.hexASCII(data)
	fallback := "00:00:00.000000 UNSUPPORTED" + dumper.buf.String() + "\n"
	decoded := 0
	for lt := range cbpf.LinkType(320) {
		var out bytes.Buffer
		p := New(&out, Options{Location: time.UTC})
		if err := p.Packet(PacketInfo{Timestamp: time.Unix(0, 0), CaptureLength: len(data), Length: len(data)}, data, lt); err != nil {
			t.Fatal(err)
		}
		unsupported := out.String() == fallback
		if !unsupported && strings.Contains(out.String(), "UNSUPPORTED") {
			t.Errorf("link type %d: the fallback is not what it should be: %q, want %q", lt, out.String(), fallback)
		}
		if Supports(lt) == unsupported {
			t.Errorf("link type %d: Supports says %v, Packet printed %q", lt, Supports(lt), out.String())
		}
		if !unsupported {
			decoded++
		}
	}
	if decoded != len(linkDecoders) {
		t.Errorf("%d link types below 320 decoded, linkDecoders has %d", decoded, len(linkDecoders))
	}
	seeds := fuzzSeeds()
	for _, lt := range decodedLinkTypes() {
		if len(seeds[lt]) == 0 {
			t.Errorf("link type %s is decoded but has no fuzz seeds", lt)
		}
	}
	for lt := range seeds {
		if !Supports(lt) {
			t.Errorf("fuzz seeds for link type %s, which is not decoded", lt)
		}
	}
}
