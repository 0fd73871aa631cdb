package printer

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSupports checks Supports against Packet itself: a link type is
// supported exactly when Packet decodes it rather than printing the
// fallback for a type without a decoder, which is "UNSUPPORTED" and a hex
// and ASCII dump of the whole packet (TestFaultsLikeTcpdump compares that
// with tcpdump). decodedLinkTypes, which the fuzz target seeds, must
// list the same types.
func TestSupports(t *testing.T) {
	data := make([]byte, 64)
	for i := range data {
		data[i] = byte(i)
	}
	// The dump as -X prints it (TestGolden checks that against tcpdump).
	var dumper Printer
	dumper.hexASCII(data)
	fallback := "00:00:00.000000 UNSUPPORTED" + dumper.buf.String() + "\n"
	supported := 0
	for lt := uint32(0); lt < 300; lt++ {
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
		if Supports(lt) != slices.Contains(decodedLinkTypes, lt) {
			t.Errorf("link type %d: Supports says %v, but decodedLinkTypes (the fuzz seeds) disagrees", lt, Supports(lt))
		}
		if !unsupported {
			supported++
		}
	}
	if supported != len(decodedLinkTypes) {
		t.Errorf("%d link types decoded, decodedLinkTypes lists %d", supported, len(decodedLinkTypes))
	}
}
