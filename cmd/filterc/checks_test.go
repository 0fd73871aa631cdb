package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/cilium/ebpf/asm"
	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/internal/corpus"
	"github.com/gocap/gocap/parser"
	"github.com/gocap/gocap/translate"
)

// bpfAllowed reports whether this process may load BPF programs. It fails
// the test on any refusal other than a missing privilege.
func bpfAllowed(t *testing.T) bool {
	t.Helper()
	if runtime.GOOS != "linux" {
		return false
	}
	prog, err := ebpf.LoadSocketFilter(asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()})
	if errors.Is(err, syscall.EPERM) {
		return false
	}
	if err != nil {
		t.Fatalf("loading a trivial socket filter: %v", err)
	}
	prog.Close()
	return true
}

// requireBPF skips the test unless this process may load BPF programs.
func requireBPF(t *testing.T) {
	t.Helper()
	if !bpfAllowed(t) {
		t.Skip("skipping: this process may not load BPF programs (needs Linux and root or CAP_BPF)")
	}
}

var acceptedLine = regexp.MustCompile(`^kernel verifier: accepted the (\w+) program \((BPF_PROG_TYPE_\w+)\): (\d+) instructions, (\d+) processed by the verifier\n$`)

// TestVerify checks --verify against the kernel: the verdict line names the
// target's program type and the instruction count of the bytecode.
func TestVerify(t *testing.T) {
	requireBPF(t)
	for _, args := range formatExprs {
		for _, tgt := range targets {
			if !translatable(args, tgt) {
				continue
			}
			out := string(runOut(t, append([]string{"--verify", "--target", tgt.Info().Name}, args...)...))
			m := acceptedLine.FindStringSubmatch(out)
			eraw := runOut(t, append([]string{"--format", "ebpf-raw", "--target", tgt.Info().Name}, args...)...)
			if m == nil || m[1] != tgt.Info().Name || m[2] != tgt.Info().KernelType || m[3] != strconv.Itoa(len(eraw)/8) {
				t.Errorf("filterc --verify --target %s %q printed %q; want the %s program accepted with %d instructions", tgt.Info().Name, args, out, tgt.Info().Name, len(eraw)/8)
			}
		}
	}

	// With -o, the file is written once the kernel accepted the program.
	dir := t.TempDir()
	obj := filepath.Join(dir, "f.o")
	runOut(t, "--verify", "--format", "elf", "--target", "xdp", "-o", obj, "udp")
	if b, err := os.ReadFile(obj); err != nil || !bytes.HasPrefix(b, []byte("\x7fELF")) {
		t.Errorf("--verify -o: file %v (%v), want an ELF object", len(b), err)
	}
}

// TestVerifyRejected checks the rejection path with a program the verifier
// refuses (r0 is returned without being set).
func TestVerifyRejected(t *testing.T) {
	requireBPF(t)
	cfg, err := parseArgs([]string{"--verify", "tcp"})
	if err != nil {
		t.Fatal(err)
	}
	p := &program{tgt: translate.Socket, ebpf: asm.Instructions{asm.Return()}}
	var stdout, stderr bytes.Buffer
	err = verify(cfg, p, &stdout, &stderr)
	var rep *reportedError
	if !errors.As(err, &rep) || stdout.Len() != 0 {
		t.Fatalf("verify of a bad program: %v, stdout %q; want a reported rejection", err, stdout.String())
	}
	// The log is the kernel's: it names the offending register.
	if s := stderr.String(); !strings.HasPrefix(s, "filterc: kernel verifier: rejected the socket program (BPF_PROG_TYPE_SOCKET_FILTER):\n") || !strings.Contains(s, "R0 !read_ok") {
		t.Errorf("rejection printed %q; want the header and the verifier's log", s)
	}
}

const samplePcap = "../gocap/testdata/sample.pcap"

var keptLine = regexp.MustCompile(`^  (.+?) +kept (\d+) of (\d+)`)

// tcpdumpCount returns how many packets of file tcpdump keeps for expr.
func tcpdumpCount(t *testing.T, tcpdump, file, expr string) int {
	t.Helper()
	out, err := exec.Command(tcpdump, "-r", file, "-nn", "-q", expr).Output()
	if err != nil {
		t.Fatalf("tcpdump -r %s %q: %v", file, expr, err)
	}
	n := 0
	for sc := bufio.NewScanner(bytes.NewReader(out)); sc.Scan(); {
		n++
	}
	return n
}

// TestTestRun checks --test-run against tcpdump reading the same file: each
// engine must keep as many packets as tcpdump prints.
func TestTestRun(t *testing.T) {
	if _, err := os.Stat(samplePcap); err != nil {
		t.Fatalf("the bundled capture is missing: %v", err)
	}
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed (apt-get install tcpdump); skipping the comparison of kept counts")
	}
	kernel := bpfAllowed(t)
	if !kernel {
		t.Log("kernel runs skipped: this process may not load BPF programs (run as root)")
	}
	for _, expr := range []string{"tcp", "udp or arp", "tcp port 80 or icmp", "greater 100", "ip6", "not ip"} {
		want := tcpdumpCount(t, tcpdump, samplePcap, expr)
		for _, tgt := range targets {
			args := []string{"--test-run", samplePcap, "--target", tgt.Info().Name, expr}
			engines := 2
			if kernel {
				args = append([]string{"--kernel"}, args...)
				engines = 3
			}
			out := string(runOut(t, args...))
			lines := strings.Split(out, "\n")
			if !strings.HasPrefix(lines[0], fmt.Sprintf("test run: %q, 40 packets (EN10MB) from %s, eBPF target %s", expr, samplePcap, tgt.Info().Name)) {
				t.Errorf("filterc %q: first line %q", args, lines[0])
			}
			n := 0
			for _, l := range lines[1:] {
				if m := keptLine.FindStringSubmatch(l); m != nil {
					n++
					if m[2] != strconv.Itoa(want) || m[3] != "40" {
						t.Errorf("filterc %q: %s kept %s of %s; tcpdump keeps %d of 40", args, m[1], m[2], m[3], want)
					}
				}
			}
			if n != engines || !strings.Contains(out, "all engines agree on every packet") {
				t.Errorf("filterc %q printed\n%s\nwant %d engines that agree", args, out, engines)
			}
		}
	}
}

// TestTestRunDisagreement makes the kernel disagree with the in-process
// engines: BPF_PROG_TEST_RUN's packets arrive on the loopback device
// (interface 1), so "ifindex 1" with the Linux extensions (an ancillary
// load of the sk_buff's interface) keeps them all in the kernel, while the
// in-process engines, given interface 0, drop them all.
func TestTestRunDisagreement(t *testing.T) {
	requireBPF(t)
	var out, errb bytes.Buffer
	code := run([]string{"--test-run", samplePcap, "--kernel", "-l", "ifindex 1"}, &out, &errb)
	if code != 1 || errb.Len() != 0 {
		t.Fatalf("exit %d, stderr %q; want 1 and nothing", code, errb.String())
	}
	s := out.String()
	if !regexp.MustCompile(`(?m)^packet \d+ \(\d+ of \d+ bytes\): classic interpreter drops \(0\), eBPF VM drops \(0\), kernel keeps \(262144\)$`).MatchString(s) ||
		!regexp.MustCompile(`(?m)^the engines disagree on 40 of 40 packets$`).MatchString(s) {
		t.Errorf("test run printed\n%s\nwant every packet kept by the kernel and dropped by the others", s)
	}
}

// TestTestRunErrors checks a missing file, a file that is no capture and a
// -y that contradicts the file.
func TestTestRunErrors(t *testing.T) {
	junk := filepath.Join(t.TempDir(), "junk.pcap")
	os.WriteFile(junk, []byte("not a capture file at all"), 0o644)
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--test-run", junk, "ip"}, "--test-run: " + junk},
		{[]string{"--test-run", samplePcap, "-y", "RAW", "ip"}, "-y RAW, but packet 1"},
		{[]string{"--test-run", samplePcap, "tcp port 99999"}, "port number 99999"},
	} {
		code, stdout, stderr := runArgs(t, tt.args...)
		if code != 1 || stdout != "" || !strings.Contains(stderr, tt.msg) {
			t.Errorf("filterc %q: exit %d, stdout %q, stderr %q; want 1 and %q", tt.args, code, stdout, stderr, tt.msg)
		}
	}
}

// TestASTFormat checks --format ast: the tree printed is parser.Fprint's,
// an expression that parses but does not compile still prints its tree and
// fails, and a parse error fails with a caret.
func TestASTFormat(t *testing.T) {
	expr := "host 10.0.0.1 or 10.0.0.2 and port 80"
	x, err := parser.Parse(expr)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	parser.Fprint(&want, expr, x)
	if got := string(runOut(t, "--format", "ast", expr)); got != want.String() {
		t.Errorf("--format ast printed\n%s\nwant\n%s", got, want.String())
	}
	code, stdout, stderr := runArgs(t, "--format", "ast", "-y", "RAW", "vlan or 10.0.0.1")
	if code != 1 || !strings.HasPrefix(stdout, "reading: (vlan or 10.0.0.1)\n") || !strings.Contains(stderr, "not supported on DLT_RAW") {
		t.Errorf("ast of a parsed but uncompilable filter: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runArgs(t, "--format", "ast", "tcp and")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "^") {
		t.Errorf("ast of a syntax error: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestASTReadingCompilesAlike checks the reading --format ast shows against
// the compiler over libpcap's corpus: for every accept case that compiles,
// the reading (parser.ExprString) compiles to the same unoptimized program
// as the expression, so the reading is how the compiler understood it.
func TestASTReadingCompilesAlike(t *testing.T) {
	cases := corpus.LoadShared(t)
	compared, differ := 0, 0
	seen := make(map[string]bool)
	// No lookups: names the static tables lack fail fast, and those
	// expressions are left out.
	resolver := parser.NewStaticResolver(nil)
	for _, c := range cases {
		if c.Kind != "accept" || c.PseudoExpr || c.Expr == "" {
			continue
		}
		lt, ok := cbpf.LinkTypeByName(c.LinkType)
		if !ok {
			continue
		}
		opts := cbpf.Options{LinkType: lt, LinuxExt: c.LinuxExt, Snaplen: c.Snaplen, Resolver: resolver}
		if c.Netmask != "" {
			if m, err := parseNetmask(c.Netmask); err == nil {
				opts.Netmask, opts.NetmaskSet = m, true
			}
		}
		key := fmt.Sprintf("%v|%v|%v|%v|%s", lt, opts.LinuxExt, opts.Snaplen, opts.Netmask, c.Expr)
		if seen[key] {
			continue
		}
		seen[key] = true
		want, err := cbpf.CompileRaw(c.Expr, opts)
		if err != nil {
			continue // names this machine cannot resolve, and the like
		}
		x, err := parser.Parse(c.Expr)
		if err != nil {
			t.Errorf("%q compiles but does not parse: %v", c.Expr, err)
			continue
		}
		reading := parser.ExprString(c.Expr, x)
		got, err := cbpf.CompileRaw(reading, opts)
		compared++
		if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
			differ++
			if differ <= 20 {
				t.Errorf("%s %q reads as %q, which compiles differently (%v)", c.LinkType, c.Expr, reading, err)
			}
		}
	}
	if compared < 1000 {
		t.Errorf("only %d corpus expressions compared; the corpus should give well over 1000", compared)
	}
	t.Logf("%d corpus expressions: reading compiles alike for %d, differently for %d", compared, compared-differ, differ)
}

// TestOutputFile checks -o: the file holds what stdout would, and a failed
// run leaves an existing file as it was, with no temporary file behind.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "prog.json")
	want := runOut(t, "--format", "json", "tcp")
	if out := runOut(t, "--format", "json", "-o", name, "tcp"); len(out) != 0 {
		t.Errorf("-o also wrote %q to stdout", out)
	}
	if got, err := os.ReadFile(name); err != nil || !bytes.Equal(got, want) {
		t.Errorf("-o file holds %q (%v), want %q", got, err, want)
	}
	if st, _ := os.Stat(name); st.Mode().Perm() != 0o644 {
		t.Errorf("-o file mode %v, want 0644", st.Mode().Perm())
	}
	os.Chmod(name, 0o600)
	for _, args := range [][]string{
		{"--format", "json", "-o", name, "tcp port 99999"},                       // compile error
		{"--format", "ebpf-raw", "--target", "xdp", "-o", name, "-l", "inbound"}, // translate error
	} {
		if code, _, _ := runArgs(t, args...); code != 1 {
			t.Errorf("filterc %q: exit %d, want 1", args, code)
		}
		if got, _ := os.ReadFile(name); !bytes.Equal(got, want) {
			t.Errorf("filterc %q changed the existing file", args)
		}
	}
	// Rewriting keeps the file's mode.
	runOut(t, "--format", "listing", "-o", name, "udp")
	if st, _ := os.Stat(name); st.Mode().Perm() != 0o600 {
		t.Errorf("rewritten -o file mode %v, want the 0600 it had", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %d entries after the runs, want only the output file", len(entries))
	}
	if code, _, stderr := runArgs(t, "-o", filepath.Join(dir, "no", "such", "dir"), "tcp"); code != 1 || !strings.Contains(stderr, "writing") {
		t.Errorf("-o into a missing directory: exit %d, stderr %q", code, stderr)
	}
	// /dev/null is a character device but no terminal: binary output goes there.
	if devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		var errb bytes.Buffer
		if code := run([]string{"--format", "elf", "tcp"}, devnull, &errb); code != 0 {
			t.Errorf("--format elf > %s: exit %d, %s", os.DevNull, code, errb.String())
		}
		devnull.Close()
	}
}

// TestTestRunKernelLimits checks the packets the kernel cannot run: one
// shorter than an Ethernet header is not run, and one larger than
// BPF_PROG_TEST_RUN takes fails; neither counts as a disagreement.
func TestTestRunKernelLimits(t *testing.T) {
	requireBPF(t)
	name := filepath.Join(t.TempDir(), "limits.pcap")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w := pcapgo.NewWriterNanos(f)
	if err := w.WriteFileHeader(262144, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 100000) // IPv4 over Ethernet, past the kernel's test-run size
	big[12], big[13], big[14] = 0x08, 0x00, 0x45
	for _, pkt := range [][]byte{make([]byte, 10), big} {
		ci := gopacket.CaptureInfo{CaptureLength: len(pkt), Length: len(pkt)}
		if err := w.WritePacket(ci, pkt); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	out := string(runOut(t, "--test-run", name, "--kernel", "ip"))
	for _, want := range []string{
		"eBPF VM (socket)                                 kept 1 of 2\n",
		"kept 0 of 0 (1 packet shorter than 14 bytes not run) (1 run failed; the first, packet 2: ",
		"the engines agree on every packet they ran\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("test run printed\n%s\nwant %q", out, want)
		}
	}
}
