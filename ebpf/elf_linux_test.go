//go:build linux

package ebpf_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/ebpf"
)

// requireBPF skips the test unless this process may load BPF programs.
func requireBPF(t *testing.T) {
	t.Helper()
	prog, err := ebpf.LoadSocketFilter(asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()})
	if errors.Is(err, unix.EPERM) {
		t.Skipf("skipping: loading a BPF program failed with EPERM; run the tests as root or with CAP_BPF (%v)", err)
	}
	if err != nil {
		t.Fatalf("loading a trivial socket filter: %v", err)
	}
	prog.Close()
}

// TestWriteELFKernel loads every object through cilium/ebpf into the
// running kernel, and test-runs the XDP ones against the in-process VM.
func TestWriteELFKernel(t *testing.T) {
	requireBPF(t)
	pkt := make([]byte, 60) // an Ethernet frame carrying ARP
	pkt[12], pkt[13] = 0x08, 0x06
	for _, c := range elfCases(t) {
		b := writeELF(t, ebpf.ELFObject{Programs: []ebpf.ELFProgram{{Section: c.section, Name: "gocap_filter", Instructions: c.insns}}})
		spec, err := cebpf.LoadCollectionSpecFromReader(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s %s: LoadCollectionSpec: %v", c.expr, c.section, err)
			continue
		}
		coll, err := cebpf.NewCollection(spec)
		if err != nil {
			t.Errorf("%s %s: the kernel refused the object's program: %v", c.expr, c.section, err)
			continue
		}
		prog := coll.Programs["gocap_filter"]
		if info, err := prog.Info(); err != nil || info.Type != c.typ {
			t.Errorf("%s %s: loaded program info %+v (%v), want type %v", c.expr, c.section, info, err, c.typ)
		}
		if c.typ == cebpf.XDP {
			got, err := ebpf.TestRun(prog, pkt)
			vm, verr := ebpf.NewVM(c.insns)
			if err != nil || verr != nil {
				t.Errorf("%s xdp: test run %v, VM %v", c.expr, err, verr)
			} else if want, err := vm.RunXDP(append([]byte(nil), pkt...), nil); err != nil || got != want {
				t.Errorf("%s xdp: kernel returned %d, the VM %d (%v)", c.expr, got, want, err)
			}
		}
		coll.Close()
	}
}

// TestWriteELFBpftool loads each object with bpftool (libbpf), pinning it in
// a bpf file system mounted for the test.
func TestWriteELFBpftool(t *testing.T) {
	bpftool, err := exec.LookPath("bpftool")
	if err != nil {
		t.Skip("skipping: bpftool is not installed (apt-get install bpftool)")
	}
	requireBPF(t)
	fs := t.TempDir()
	if err := unix.Mount("bpf", fs, "bpf", 0, ""); err != nil {
		t.Skipf("skipping: cannot mount a bpf file system on %s: %v", fs, err)
	}
	defer func() {
		if err := unix.Unmount(fs, 0); err != nil {
			t.Errorf("unmounting the test's bpf file system %s: %v", fs, err)
		}
	}()
	dir := t.TempDir()
	for i, c := range elfCases(t) {
		obj := filepath.Join(dir, "filter.o")
		b := writeELF(t, ebpf.ELFObject{Programs: []ebpf.ELFProgram{{Section: c.section, Name: "gocap_filter", Instructions: c.insns}}})
		if err := os.WriteFile(obj, b, 0o644); err != nil {
			t.Fatal(err)
		}
		pin := filepath.Join(fs, "p"+strings.Repeat("x", i))
		out, err := exec.Command(bpftool, "prog", "load", obj, pin).CombinedOutput()
		if err != nil {
			t.Errorf("%s %s: bpftool prog load: %v\n%s", c.expr, c.section, err, out)
			continue
		}
		show, err := exec.Command(bpftool, "prog", "show", "pinned", pin).CombinedOutput()
		if err != nil {
			t.Errorf("%s %s: bpftool prog show: %v\n%s", c.expr, c.section, err, show)
			continue
		}
		// bpftool names the type as libbpf does: socket_filter, sched_cls, xdp.
		want := map[cebpf.ProgramType]string{cebpf.SocketFilter: "socket_filter", cebpf.SchedCLS: "sched_cls", cebpf.XDP: "xdp"}[c.typ]
		if !strings.Contains(string(show), ": "+want+"  name gocap_filter") {
			t.Errorf("%s %s: bpftool prog show says\n%s\nwant type %s and name gocap_filter", c.expr, c.section, show, want)
		}
		os.Remove(pin)
	}
}
