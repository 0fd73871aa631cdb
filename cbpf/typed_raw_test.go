package cbpf

import (
	"strings"
	"testing"

	"golang.org/x/net/bpf"
)

// TestRawLoadSize checks that Raw names the instruction and the size of
// a load no classic BPF load has, where x/net/bpf's own message speaks of
// a length of 0.
func TestRawLoadSize(t *testing.T) {
	for _, ins := range []bpf.Instruction{bpf.LoadAbsolute{Off: 12, Size: 3}, bpf.LoadIndirect{Off: 2, Size: 8}} {
		prog := []bpf.Instruction{bpf.LoadConstant{Dst: bpf.RegA, Val: 1}, ins, bpf.RetA{}}
		_, err := Raw(prog)
		if err == nil {
			t.Fatalf("%#v: no error", ins)
		}
		msg := err.Error()
		for _, want := range []string{"instruction 1", "load size", "1, 2 or 4 bytes"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%#v: %q does not say %q", ins, msg, want)
			}
		}
	}
	if _, err := Raw([]bpf.Instruction{bpf.LoadAbsolute{Off: 12, Size: 2}, bpf.RetA{}}); err != nil {
		t.Errorf("a valid program: %v", err)
	}
}
