package printer

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestSupports checks Supports against Packet itself: a link type is
// supported exactly when Packet does not call it unknown.
func TestSupports(t *testing.T) {
	data := make([]byte, 64)
	supported := 0
	for lt := uint32(0); lt < 300; lt++ {
		var out bytes.Buffer
		p := New(&out, Options{Location: time.UTC})
		if err := p.Packet(PacketInfo{Timestamp: time.Unix(0, 0), CaptureLength: len(data), Length: len(data)}, data, lt); err != nil {
			t.Fatal(err)
		}
		unknown := strings.Contains(out.String(), "unknown data link type")
		if Supports(lt) == unknown {
			t.Errorf("link type %d: Supports says %v, Packet printed %q", lt, Supports(lt), out.String())
		}
		if !unknown {
			supported++
		}
	}
	if supported == 0 {
		t.Fatal("no link type printed")
	}
}
