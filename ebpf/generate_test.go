package ebpf

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"testing"
)

// TestGeneratedLoops checks that fast_socket.go and fast_xdp.go are what
// internal/genloops/genloops.py writes (go generate), so that a change to
// one loop's cases is not lost at the next generation.
func TestGeneratedLoops(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed; cannot check that fast_socket.go and fast_xdp.go match internal/genloops/genloops.py")
	}
	for _, target := range []string{"socket", "xdp"} {
		out, err := exec.Command(py, "internal/genloops/genloops.py", target).Output()
		if err != nil {
			t.Fatalf("genloops.py %s: %v", target, err)
		}
		want, err := format.Source(out)
		if err != nil {
			t.Fatalf("genloops.py %s: output does not parse: %v", target, err)
		}
		name := "fast_" + target + ".go"
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what internal/genloops/genloops.py %s writes: edit the script and run go generate in ebpf/", name, target)
		}
	}
}
