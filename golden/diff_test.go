package golden

import (
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/golden/internal/corpus"
	"github.com/gocap/gocap/golden/internal/pcapfile"
	"github.com/gocap/gocap/parser"
	"github.com/gocap/gocap/translate"
)

// This file checks package translate against the Linux kernel: every
// program of the libpcap corpus and of the golden verdict files is
// translated for each target and loaded (the verifier must accept it), and
// each one runs over every packet of the shared captures, where the
// classic reference interpreter (cbpf.VM) and the kernel
// (BPF_PROG_TEST_RUN) must agree on the verdict.

// tcpdumpPcapDir holds the shared captures.
var tcpdumpPcapDir = filepath.Join("..", "..", "shared", "corpus", "tcpdump-pcaps")

// diffProgram is one classic program under test.
type diffProgram struct {
	id   string // where it came from: a corpus case ID or verdict/CAPTURE/EXPR
	prog []bpf.Instruction
}

// diffPrograms compiles the corpus's accept cases for the link types cbpf
// supports and the golden verdict expressions, keeping one program per
// distinct listing. Cases that do not compile yet (the expected-failures
// lists) are counted and left out.
func diffPrograms(t *testing.T) []diffProgram {
	t.Helper()
	path := filepath.Join(corpusDir, "filtertests.jsonl")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("libpcap corpus not found at %s: it is in ../shared beside the checkout (see DEVELOPERS.md)", path)
	}
	cases, err := corpus.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	env := corpusEnv()
	res := fixtureResolver(t)
	seen := make(map[string]bool)
	var progs []diffProgram
	add := func(id string, prog []bpf.Instruction) {
		listing, err := cbpf.Format(prog)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if seen[listing] {
			return
		}
		seen[listing] = true
		progs = append(progs, diffProgram{id: id, prog: prog})
	}
	var corpusN, corpusBad int
	for i := range cases {
		c := &cases[i]
		if c.Kind != "accept" || c.PseudoExpr || !slices.Contains(defaultLinkTypes, c.LinkType) {
			continue
		}
		if skip, err := env.Eval(c.SkipIf); err != nil || skip {
			continue
		}
		lt, ok := cbpf.LinkTypeByName(c.LinkType)
		if !ok {
			continue
		}
		opts := cbpf.Options{
			LinkType: lt,
			Snaplen:  c.Snaplen,
			LinuxExt: c.LinuxExt,
			Offline:  c.GenerateOfflineFilter != "",
			Swapped:  c.GenerateOfflineFilter == "swapped",
			Resolver: res,
		}
		if opts.Snaplen == 0 {
			opts.Snaplen = 262144
		}
		if c.Netmask != "" {
			a, err := netip.ParseAddr(c.Netmask)
			if err != nil || !a.Is4() {
				t.Fatalf("%s: netmask %q", c.ID(), c.Netmask)
			}
			b := a.As4()
			opts.Netmask = uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
			opts.NetmaskSet = true
		}
		prog, err := compile(c.Expr, opts)
		if err != nil {
			corpusBad++
			continue
		}
		corpusN++
		add(c.ID(), prog)
	}
	var goldenN, goldenBad int
	for _, vf := range loadVerdicts(t) {
		lt, ok := cbpf.LinkTypeByName(vf.LinkType)
		if !ok {
			continue
		}
		pf, err := pcapfile.ReadFile(filepath.Join("testdata", "pcap", vf.Capture))
		if err != nil {
			t.Fatal(err)
		}
		opts := cbpf.Options{
			LinkType: lt, Snaplen: vf.Snaplen, NetmaskSet: true,
			Offline: true, Swapped: pf.Header.ByteOrder != hostOrder(),
			Resolver: parser.DefaultResolver(),
		}
		for _, r := range vf.Records {
			if r.Error != "" {
				continue
			}
			prog, err := compile(r.Expr, opts)
			if err != nil {
				goldenBad++
				continue
			}
			goldenN++
			add("verdict/"+strings.TrimSuffix(vf.Capture, ".pcap")+"/"+r.Expr, prog)
		}
	}
	if len(progs) == 0 {
		t.Fatal("no programs to translate")
	}
	t.Logf("programs: %d corpus accept cases compiled (%d do not compile yet), %d golden verdict expressions (%d do not compile yet); %d distinct programs",
		corpusN, corpusBad, goldenN, goldenBad, len(progs))
	return progs
}

// requireKernel skips the test unless this process may load BPF programs:
// it skips only when the kernel answers EPERM (no CAP_BPF / not root) or
// the OS is not Linux, and fails on any other error.
func requireKernel(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skipf("kernel tests need Linux; this is %s", runtime.GOOS)
	}
	prog, err := ebpf.LoadSocketFilter(asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()})
	if errors.Is(err, unix.EPERM) {
		t.Skipf("skipping: loading a BPF program failed with EPERM; run the tests as root or with CAP_BPF (%v)", err)
	}
	if err != nil {
		t.Fatalf("loading a trivial socket filter: %v", err)
	}
	prog.Close()
}

// kernelProgs are the three translations of one classic program, loaded.
type kernelProgs struct {
	socket    *cebpf.Program // SocketFilter body loaded as SchedCLS, to test-run from the link-layer header
	tc, xdp   *cebpf.Program // Direct(TC), Direct(XDP); xdp is nil when XDP cannot express the program
	socketBPF asm.Instructions
}

func (k *kernelProgs) close() {
	for _, p := range []*cebpf.Program{k.socket, k.tc, k.xdp} {
		if p != nil {
			p.Close()
		}
	}
}

// verifierStats counts translations and loads per target.
type verifierStats struct {
	translated, loaded, unsupported int
}

// loadTranslations translates p for every target and loads each result;
// the socket-filter body is loaded both as a socket filter and as SchedCLS.
// Failures are reported with t.Errorf; a nil result means something
// failed.
func loadTranslations(t *testing.T, p diffProgram, st map[string]*verifierStats) *kernelProgs {
	t.Helper()
	var kp kernelProgs
	ok := true
	fail := func(format string, args ...any) {
		ok = false
		msg := fmt.Sprintf(format, args...)
		if len(msg) > 4000 {
			msg = msg[:2000] + "\n[...]\n" + msg[len(msg)-2000:]
		}
		t.Errorf("%s: %s", p.id, msg)
	}
	sock, err := translate.SocketFilter(p.prog)
	if err != nil {
		fail("SocketFilter: %v", err)
		return nil
	}
	st["socket"].translated++
	kp.socketBPF = sock
	if prog, err := ebpf.LoadSocketFilter(sock); err != nil {
		fail("%v", err)
	} else {
		st["socket"].loaded++
		prog.Close()
	}
	if kp.socket, err = ebpf.LoadSchedCLS(sock); err != nil {
		fail("socket body as SchedCLS: %v", err)
	} else {
		st["socket-as-SchedCLS"].loaded++
		st["socket-as-SchedCLS"].translated++
	}
	for _, target := range []translate.Target{translate.TC, translate.XDP} {
		name := target.String()
		insns, err := translate.Direct(p.prog, target)
		if target == translate.XDP && errors.Is(err, translate.ErrUnsupported) {
			st[name].unsupported++
			continue
		}
		if err != nil {
			fail("Direct(%v): %v", target, err)
			continue
		}
		st[name].translated++
		load := ebpf.LoadSchedCLS
		if target == translate.XDP {
			load = ebpf.LoadXDP
		}
		prog, err := load(insns)
		if err != nil {
			fail("Direct(%v): %v", target, err)
			continue
		}
		st[name].loaded++
		if target == translate.TC {
			kp.tc = prog
		} else {
			kp.xdp = prog
		}
	}
	if !ok {
		kp.close()
		return nil
	}
	return &kp
}

// TestKernelVerifier translates every program for every target and loads
// it into the kernel: the verifier must accept all of them.
func TestKernelVerifier(t *testing.T) {
	requireKernel(t)
	progs := diffPrograms(t)
	st := newVerifierStats()
	for _, p := range progs {
		if kp := loadTranslations(t, p, st); kp != nil {
			kp.close()
		}
	}
	logVerifierStats(t, len(progs), st)
}

func newVerifierStats() map[string]*verifierStats {
	return map[string]*verifierStats{
		"socket": {}, "socket-as-SchedCLS": {}, "TC": {}, "XDP": {},
	}
}

func logVerifierStats(t *testing.T, n int, st map[string]*verifierStats) {
	t.Helper()
	for _, name := range []string{"socket", "socket-as-SchedCLS", "TC", "XDP"} {
		s := st[name]
		line := fmt.Sprintf("verifier: %-18s %4d/%d programs translated, %4d loaded", name, s.translated, n, s.loaded)
		if s.unsupported > 0 {
			line += fmt.Sprintf(", %d not expressible (translate.ErrUnsupported)", s.unsupported)
		}
		t.Log(line)
	}
}
