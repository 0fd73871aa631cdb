package capture

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"

	cebpf "github.com/cilium/ebpf"

	"github.com/gocap/gocap/ebpf"
)

// TestFallbackReason checks the one line that says why the eBPF filter
// was refused: for a verifier refusal, the cause and the log's last lines
// (not its statistics), never the whole log.
func TestFallbackReason(t *testing.T) {
	var log []string
	for i := range 1250 {
		log = append(log, fmt.Sprintf("%d: (bf) r6 = r1", i))
	}
	log = append(log, "R0 !read_ok", "processed 1250 insns (limit 1000000) max_states_per_insn 0 total_states 12 peak_states 12 mark_read 3", "")
	ve := &cebpf.VerifierError{Cause: syscall.EACCES, Log: log}
	err := &ebpf.LoadError{Type: cebpf.SocketFilter, Err: ve}
	got := fallbackReason(err)
	if strings.Contains(got, "\n") {
		t.Fatalf("the reason is more than one line: %q", got)
	}
	for _, want := range []string{"permission denied", "1249: (bf) r6 = r1 / R0 !read_ok", "(1251 lines of the verifier's log not shown: use -v)"} {
		if !strings.Contains(got, want) {
			t.Errorf("reason %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "processed") {
		t.Errorf("reason %q quotes the verifier's statistics", got)
	}
	// Any other error: its first line.
	if got := fallbackReason(fmt.Errorf("load: %w\nmore", errors.New("operation not permitted"))); got != "load: operation not permitted" {
		t.Errorf("fallbackReason = %q", got)
	}
}
