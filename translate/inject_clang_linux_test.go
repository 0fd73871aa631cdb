//go:build linux

package translate_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/translate"
)

// TestInjectClang injects filters into a host program compiled from C by
// clang with debug info (testdata/stubhost.c), as elibpcap's users build
// theirs: BTF function info for the static stubs and line info on every
// instruction. In every access mode the program must load and its stubs
// must give the classic interpreter's verdicts on every Ethernet packet of
// the captures.
func TestInjectClang(t *testing.T) {
	requireBPF(t)
	clang, err := exec.LookPath("clang")
	if err != nil {
		t.Skipf("skipping: clang is not installed (apt-get install -y clang): %v", err)
	}
	obj := filepath.Join(t.TempDir(), "stubhost.o")
	if out, err := exec.Command(clang, "-O2", "-g", "-target", "bpf", "-c", "testdata/stubhost.c", "-o", obj).CombinedOutput(); err != nil {
		t.Fatalf("clang: %v\n%s", err, out)
	}
	spec, err := cebpf.LoadCollectionSpec(obj)
	if err != nil {
		t.Fatal(err)
	}
	host := spec.Programs["classify"]
	if host == nil {
		t.Fatalf("no program classify in %s", obj)
	}
	var lines, funcs int
	for i := range host.Instructions {
		if _, ok := host.Instructions[i].Source().(*btf.Line); ok {
			lines++
		}
		if btf.FuncMetadata(&host.Instructions[i]) != nil {
			funcs++
		}
	}
	if lines == 0 || funcs != 3 {
		t.Fatalf("the object has %d instructions with line info and %d functions with BTF info; want line info and 3 functions", lines, funcs)
	}

	pkts := capturePackets(t)
	runnable := testRunnable(t, pkts)
	exprs := []string{"tcp port 80", "ip6 protochain 17", "vlan and tcp", "greater 200", "udp portrange 53-5353"}
	for _, mode := range accessModes {
		var runs, agree int
		for _, expr := range exprs {
			l2, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
			if err != nil {
				t.Fatal(err)
			}
			vm2, err := cbpf.NewVMLibpcap(l2)
			if err != nil {
				t.Fatal(err)
			}
			l3, vm3 := acceptAll, (*cbpf.VM)(nil)
			if p, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkRaw, Optimize: true}); err == nil {
				l3 = p
				if vm3, err = cbpf.NewVMLibpcap(p); err != nil {
					t.Fatal(err)
				}
			}
			s := host.Copy()
			opts := translate.InjectOptions{Access: mode}
			if s.Instructions, err = translate.Inject(s.Instructions, "filter_l2", l2, opts); err != nil {
				t.Fatal(err)
			}
			if s.Instructions, err = translate.Inject(s.Instructions, "filter_l3", l3, opts); err != nil {
				t.Fatal(err)
			}
			prog, err := cebpf.NewProgram(s)
			if err != nil {
				t.Fatalf("%v %q: %v", mode, expr, err)
			}
			for i, p := range pkts {
				if !runnable[i] {
					continue
				}
				got, err := ebpf.TestRun(prog, p.data)
				if err != nil {
					t.Fatal(err)
				}
				var want uint32
				if vm2.Run(p.data, uint32(len(p.data)), &cbpf.Ancillary{}) != 0 {
					want |= 1
				}
				if vm3 == nil || vm3.Run(p.data[14:], uint32(len(p.data)-14), &cbpf.Ancillary{}) != 0 {
					want |= 2
				}
				runs++
				if got == want {
					agree++
				} else {
					t.Errorf("%v %q %s: the C host returns %d, classic verdicts give %d", mode, expr, p.name, got, want)
				}
			}
			prog.Close()
		}
		t.Logf("%v: %d of %d runs agree", mode, agree, runs)
	}

	// The control: the same injection with the stub's line info dropped
	// is what the kernel refuses, so the test above is one of line info.
	s := host.Copy()
	if s.Instructions, err = translate.Inject(s.Instructions, "filter_l2", acceptAll, translate.InjectOptions{}); err != nil {
		t.Fatal(err)
	}
	for i := range s.Instructions {
		if s.Instructions[i].Symbol() == "filter_l2" {
			s.Instructions[i] = s.Instructions[i].WithSource(nil)
		}
	}
	if prog, err := cebpf.NewProgram(s); err == nil {
		prog.Close()
		t.Error("the program without line info at a stub loads: the kernel does not check what this test relies on")
	} else if !strings.Contains(err.Error(), "bpf_line_info") {
		t.Errorf("the control fails with %v, not missing line info", err)
	}
}
