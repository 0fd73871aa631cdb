//go:build linux

package ebpf_test

import (
	"errors"
	"testing"

	cebpf "github.com/cilium/ebpf"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// Load gives the kernel the program's name. Without the privilege to load
// programs the test is skipped.
func TestLoadNamesProgram(t *testing.T) {
	insns, err := translate.Compile("tcp", cbpf.LinkEN10MB, translate.Socket)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := ebpf.Load(cebpf.SocketFilter, insns, ebpf.LoadOptions{Name: "gocap_tcp"})
	if errors.Is(err, unix.EPERM) {
		t.Skipf("no privilege to load programs: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer prog.Close()
	info, err := prog.Info()
	if err != nil {
		t.Fatal(err)
	}
	if info.Name != "gocap_tcp" {
		t.Errorf("kernel name %q, want gocap_tcp", info.Name)
	}
	if info.Type != cebpf.SocketFilter {
		t.Errorf("type %v, want SocketFilter", info.Type)
	}

	_, err = ebpf.Load(cebpf.SocketFilter, nil, ebpf.LoadOptions{Name: "empty"})
	var lerr *ebpf.LoadError
	if !errors.As(err, &lerr) {
		t.Errorf("empty program: %v, want a *LoadError", err)
	}
}
