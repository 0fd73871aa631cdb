package golden

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/golden/internal/exprgen"
	"github.com/gocap/gocap/golden/internal/pcapfile"
	"github.com/gocap/gocap/parser"
)

// TestGrammarDiff compares gocap with libpcap master's filtertest on
// expressions generated from the grammar (golden/internal/exprgen): the
// unoptimized listing for several link types, and the per-packet verdicts
// on shared captures. docs/golden.md explains how to run it and how
// filtertest is found or built.

var (
	grammarN = flag.Int("grammar.n", envInt("GOCAP_GRAMMAR_N", 300),
		"TestGrammarDiff: how many expressions to generate (default: $GOCAP_GRAMMAR_N, else 300)")
	grammarSeed = flag.Uint64("grammar.seed", uint64(envInt("GOCAP_GRAMMAR_SEED", 1)),
		"TestGrammarDiff: generator seed (default: $GOCAP_GRAMMAR_SEED, else 1)")
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

// Every expression is compiled for EN10MB, for one link type of
// grammarLinkA and for one of grammarLinkB, rotating through the lists.
var (
	grammarLinkA = []string{"RAW", "LINUX_SLL2", "NULL", "LINUX_SLL", "IPV4", "IPV6", "LOOP"}
	grammarLinkB = []string{"PPP", "C_HDLC", "FDDI", "IEEE802", "IEEE802_11", "IEEE802_11_RADIO",
		"PRISM_HEADER", "IEEE802_11_RADIO_AVS", "SUNATM", "MTP2", "MTP3", "PFLOG", "ARCNET", "SLIP",
		"IP_OVER_FC", "NETANALYZER", "DSA_TAG_BRCM", "PPP_ETHER", "JUNIPER_ETHER", "ERF", "IPNET",
		"BACNET_MS_TP", "ATM_RFC1483", "LINUX_IRDA", "ENC", "LTALK", "FRELAY", "PPP_BSDOS", "SLIP_BSDOS",
		"PPP_SERIAL", "ARCNET_LINUX", "JUNIPER_PPPOE", "APPLE_IP_OVER_IEEE1394", "ATM_CLIP", "PPI",
		"NETANALYZER_TRANSPARENT", "DSA_TAG_DSA", "PPP_PPPD", "JUNIPER_MLPPP", "NFLOG", "USB_LINUX",
		"CAN_SOCKETCAN"}
)

// grammarMatrixLinks are the link types exprgen.ArithMatrix is compiled
// for.
var grammarMatrixLinks = []string{"EN10MB", "RAW", "LINUX_SLL2", "NULL", "IEEE802_11_RADIO"}

// grammarVariants are the other compile options, one per expression in
// turn, each on a link type where it matters: filtertest's arguments and
// the same options for gocap.
var grammarVariants = []struct {
	lt   string
	args []string
	set  func(*cbpf.Options)
}{
	{"EN10MB", []string{"-l"}, func(o *cbpf.Options) { o.LinuxExt = true }},
	{"LINUX_SLL2", []string{"-l"}, func(o *cbpf.Options) { o.LinuxExt = true }},
	{"EN10MB", []string{"-m", "255.255.0.0"}, func(o *cbpf.Options) { o.Netmask, o.NetmaskSet = 0xffff0000, true }},
	{"NULL", []string{"-S", "swapped"}, func(o *cbpf.Options) { o.Offline, o.Swapped = true, true }},
	{"LOOP", []string{"-S", "unswapped"}, func(o *cbpf.Options) { o.Offline = true }},
	{"RAW", []string{"-s", "96"}, func(o *cbpf.Options) { o.Snaplen = 96 }},
}

// grammarCaptures are the shared captures (../shared/corpus/tcpdump-pcaps)
// the verdicts are compared on, one per expression in turn.
var grammarCaptures = []string{"802.1ad_QinQ.pcap", "pppoes.pcap", "LINKTYPE_IPV4.pcap",
	"LINKTYPE_RAW_ipv6.pcap", "ipv6-routing-header.pcap", "ieee802.11_htc.pcap", "loopback.pcap",
	"dns_tcp.pcap", "mpls-over-udp.pcap", "vxlan_port_8472.pcap", "802.1D_spanning_tree.pcap",
	"icmpv6.pcap", "IGMP_V2.pcap", "ppp_ip_udp_dns.pcap", "isup.pcap", "tcp_rst_data.pcap"}

// filtertestExit is filtertest's exit status for an expression libpcap
// refused (EX_DATAERR).
const filtertestExit = 65

// referenceDir holds libpcap master's source and build script.
var referenceDir = filepath.Join("..", "..", "shared", "reference", "libpcap-master")

// findFiltertest returns the filtertest to use: $GOCAP_FILTERTEST, or one
// built from ../shared/reference/libpcap-master into the user's cache
// directory (once; later runs reuse it). It skips the test when neither
// is possible.
func findFiltertest(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("GOCAP_FILTERTEST"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("GOCAP_FILTERTEST: %v", err)
		}
		return p
	}
	script := filepath.Join(referenceDir, "build.sh")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("no filtertest: set GOCAP_FILTERTEST, or provide %s to build libpcap master", script)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Skipf("no filtertest: set GOCAP_FILTERTEST (no cache directory to build into: %v)", err)
	}
	dir := filepath.Join(cache, "gocap", "libpcap-master")
	bin := filepath.Join(dir, "prefix", "bin", "filtertest")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	for _, tool := range []string{"cc", "cmake", "make", "flex", "bison"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no filtertest: set GOCAP_FILTERTEST, or install %s to build libpcap master (apt-get install -y cmake flex bison)", tool)
		}
	}
	// Build beside the final place and rename, so that a concurrent or
	// interrupted build never leaves a half-built directory in use.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "libpcap-master-build-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	abs, err := filepath.Abs(script)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	out, err := exec.Command("sh", abs, tmp).CombinedOutput()
	if err != nil {
		t.Fatalf("building libpcap master: %v\n%s", err, out)
	}
	t.Logf("built libpcap master's filtertest in %v", time.Since(start).Round(time.Second))
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(bin); statErr != nil {
			t.Fatal(err)
		}
	}
	return bin
}

// runFiltertest runs filtertest with args and expr on standard input. It
// returns the standard output, and refused true for an orderly refusal of
// the expression; any other failure is an error.
func runFiltertest(bin string, expr string, args ...string) (out string, refused bool, err error) {
	cmd := exec.Command(bin, append([]string{"-F", "-"}, args...)...)
	cmd.Stdin = strings.NewReader(expr)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == filtertestExit {
		return stderr.String(), true, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("filtertest %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), false, nil
}

// filesResolver answers service and protocol names from /etc/services
// and /etc/protocols only, as libpcap (through the C library) does, and
// everything else as parser.DefaultResolver. DefaultResolver also knows
// the IANA assignments for names missing from those files (so that "udp
// port smtp" compiles on a host whose /etc/services lists smtp for tcp
// only, where libpcap refuses it); this test compares the compilers, not
// the name databases.
type filesResolver struct {
	parser.Resolver
	services map[string]int // "name/proto"
	protos   map[string]int
}

func newFilesResolver() *filesResolver {
	r := &filesResolver{Resolver: parser.DefaultResolver(), services: map[string]int{}, protos: map[string]int{}}
	readNames("/etc/services", func(f []string) {
		port, proto, ok := strings.Cut(f[1], "/")
		n, err := strconv.Atoi(port)
		if !ok || err != nil {
			return
		}
		for _, name := range append(f[:1], f[2:]...) {
			if _, dup := r.services[name+"/"+proto]; !dup {
				r.services[name+"/"+proto] = n
			}
		}
	})
	readNames("/etc/protocols", func(f []string) {
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return
		}
		for _, name := range append(f[:1], f[2:]...) {
			if _, dup := r.protos[name]; !dup {
				r.protos[name] = n
			}
		}
	})
	return r
}

// readNames calls fn with the fields (at least two) of every line of a
// services(5)-like file, comments removed.
func readNames(path string, fn func([]string)) {
	b, err := os.ReadFile(path)
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(b), "\n") {
		line, _, _ = strings.Cut(line, "#")
		if f := strings.Fields(line); len(f) >= 2 {
			fn(f)
		}
	}
}

func (r *filesResolver) LookupService(name, proto string) (int, bool) {
	n, ok := r.services[strings.ToLower(name)+"/"+strings.ToLower(proto)]
	return n, ok
}

func (r *filesResolver) LookupProtocol(name string) (int, bool) {
	n, ok := r.protos[strings.ToLower(name)]
	return n, ok
}

// grammarCapture is a shared capture read once.
type grammarCapture struct {
	name string
	path string
	file *pcapfile.File
	lt   cbpf.LinkType
}

// grammarJob is one comparison: a listing (capture nil) or verdicts.
type grammarJob struct {
	res     parser.Resolver
	n       int  // expression number
	matrix  bool // from exprgen.ArithMatrix, else generated
	expr    string
	lt      string
	args    []string            // more filtertest arguments
	set     func(*cbpf.Options) // the same for gocap, or nil
	capture *grammarCapture
}

// grammarResult is a comparison's outcome: kind is "" when the two agree.
type grammarResult struct {
	job     grammarJob
	kind    string
	detail  string
	refused bool // both refused
}

func TestGrammarDiff(t *testing.T) {
	bin := findFiltertest(t)
	if *grammarN <= 0 {
		t.Fatalf("-grammar.n must be positive, not %d", *grammarN)
	}
	var captures []*grammarCapture
	for _, name := range grammarCaptures {
		path := filepath.Join(tcpdumpPcapDir, name)
		pf, err := pcapfile.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		captures = append(captures, &grammarCapture{name: name, path: path, file: pf,
			lt: cbpf.LinkTypeFromFile(pf.Header.LinkType & 0x03ffffff)})
	}
	if len(captures) == 0 {
		t.Logf("no shared captures in %s: comparing listings only", tcpdumpPcapDir)
	}

	res := newFilesResolver()
	g := exprgen.New(*grammarSeed)
	jobs := make(chan grammarJob)
	results := make(chan grammarResult)
	var wg sync.WaitGroup
	for range 2 * runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- compareGrammarJob(bin, j)
			}
		}()
	}
	go func() {
		for i, e := range exprgen.ArithMatrix() {
			for _, lt := range grammarMatrixLinks {
				jobs <- grammarJob{res: res, n: i, matrix: true, expr: e, lt: lt}
			}
		}
		for i := range *grammarN {
			e := g.Expr()
			jobs <- grammarJob{res: res, n: i, expr: e, lt: "EN10MB"}
			jobs <- grammarJob{res: res, n: i, expr: e, lt: grammarLinkA[i%len(grammarLinkA)]}
			jobs <- grammarJob{res: res, n: i, expr: e, lt: grammarLinkB[i%len(grammarLinkB)]}
			v := grammarVariants[i%len(grammarVariants)]
			jobs <- grammarJob{res: res, n: i, expr: e, lt: v.lt, args: v.args, set: v.set}
			if len(captures) > 0 {
				jobs <- grammarJob{res: res, n: i, expr: e, capture: captures[i%len(captures)]}
			}
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()

	start := time.Now()
	var matrix, matrixRefused, listings, listingsRefused, verdicts, verdictsRefused, packets int
	var bad []grammarResult
	kinds := make(map[string]int)
	for r := range results {
		if r.kind != "" {
			bad = append(bad, r)
			kinds[r.kind]++
			continue
		}
		switch {
		case r.job.matrix && r.refused:
			matrixRefused++
		case r.job.matrix:
			matrix++
		case r.job.capture == nil && r.refused:
			listingsRefused++
		case r.job.capture == nil:
			listings++
		case r.refused:
			verdictsRefused++
		default:
			verdicts++
			packets += len(r.job.capture.file.Packets)
		}
	}
	t.Logf("arithmetic matrix: %d expressions on %d link types: %d identical, %d refused by both",
		len(exprgen.ArithMatrix()), len(grammarMatrixLinks), matrix, matrixRefused)
	t.Logf("seed %d, %d expressions in %v: listings (4 per expression: EN10MB, 2 other link types, 1 option variant): %d identical, %d refused by both; "+
		"verdicts on %d captures: %d identical (%d packets), %d refused by both; %d differences",
		*grammarSeed, *grammarN, time.Since(start).Round(time.Millisecond), listings, listingsRefused,
		len(captures), verdicts, packets, verdictsRefused, len(bad))
	if len(bad) == 0 {
		return
	}
	var ks []string
	for k, v := range kinds {
		ks = append(ks, fmt.Sprintf("%s: %d", k, v))
	}
	sort.Strings(ks)
	sort.Slice(bad, func(i, j int) bool {
		if bad[i].job.matrix != bad[j].job.matrix {
			return bad[i].job.matrix
		}
		if bad[i].job.n != bad[j].job.n {
			return bad[i].job.n < bad[j].job.n
		}
		return bad[i].job.lt < bad[j].job.lt
	})
	for i, r := range bad {
		if i == 40 {
			t.Logf("... and %d more", len(bad)-i)
			break
		}
		where := strings.Join(append(append([]string(nil), r.job.args...), r.job.lt), " ")
		if r.job.capture != nil {
			where = "-r " + r.job.capture.name
		}
		what := "expression"
		if r.job.matrix {
			what = "matrix expression"
		}
		t.Errorf("%s %d, %s: %s: %q\n%s", what, r.job.n, where, r.kind, r.job.expr, r.detail)
	}
	t.Errorf("%d differences from libpcap master (%s); reproduce with -grammar.seed=%d -grammar.n=%d",
		len(bad), strings.Join(ks, ", "), *grammarSeed, *grammarN)
}

// compareGrammarJob runs one comparison.
func compareGrammarJob(bin string, j grammarJob) grammarResult {
	if j.capture != nil {
		return compareGrammarVerdicts(bin, j)
	}
	res := grammarResult{job: j}
	lt, ok := cbpf.LinkTypeByName(j.lt)
	if !ok {
		res.kind, res.detail = "unknown link type", j.lt
		return res
	}
	want, refused, err := runFiltertest(bin, j.expr, append(append([]string{"-O"}, j.args...), j.lt)...)
	if err != nil {
		res.kind, res.detail = "filtertest failed", err.Error()
		return res
	}
	opts := cbpf.Options{LinkType: lt, Snaplen: 262144, Resolver: j.res}
	if j.set != nil {
		j.set(&opts)
	}
	prog, cerr := compile(j.expr, opts)
	switch {
	case refused && cerr != nil:
		res.refused = true
	case refused:
		res.kind, res.detail = "gocap accepts, master refuses", "master: "+strings.TrimSpace(want)
	case cerr != nil:
		res.kind, res.detail = "gocap refuses, master accepts", "gocap: "+cerr.Error()
	default:
		got, err := cbpf.Format(prog)
		if err != nil {
			res.kind, res.detail = "Format fails", err.Error()
		} else if got != want {
			res.kind, res.detail = "listing differs", shortDiff(want, got)
		}
	}
	return res
}

// compareGrammarVerdicts compares filtertest -r's value for every packet
// of the job's capture with gocap's, with the options libpcap uses for a
// savefile (offline, the file's snapshot length and byte order, netmask
// unknown), for gocap's unoptimized and then its optimized program.
func compareGrammarVerdicts(bin string, j grammarJob) grammarResult {
	res := grammarResult{job: j}
	c := j.capture
	out, refused, err := runFiltertest(bin, j.expr, "-O", "-r", c.path)
	if err != nil {
		res.kind, res.detail = "filtertest failed", err.Error()
		return res
	}
	opts := cbpf.Options{
		LinkType: c.lt,
		Snaplen:  c.file.Header.Snaplen,
		Offline:  true,
		Swapped:  c.file.Header.ByteOrder != hostOrder(),
		Resolver: j.res,
	}
	prog, cerr := compile(j.expr, opts)
	switch {
	case refused && cerr != nil:
		res.refused = true
		return res
	case refused:
		res.kind, res.detail = "gocap accepts, master refuses (savefile)", "master: "+strings.TrimSpace(out)
		return res
	case cerr != nil:
		res.kind, res.detail = "gocap refuses, master accepts (savefile)", "gocap: "+cerr.Error()
		return res
	}
	vm, err := cbpf.NewVMLibpcap(prog)
	if err != nil {
		res.kind, res.detail = "VM refuses the program", err.Error()
		return res
	}
	want := strings.Fields(out)
	if len(want) != len(c.file.Packets) {
		res.kind, res.detail = "filtertest output", fmt.Sprintf("%d values for %d packets", len(want), len(c.file.Packets))
		return res
	}
	for i, p := range c.file.Packets {
		got := vm.Run(p.Data, p.OrigLen, &cbpf.Ancillary{})
		if strconv.FormatUint(uint64(got), 10) != want[i] {
			res.kind = "verdict differs"
			res.detail = fmt.Sprintf("packet %d: master %s, gocap %d", i+1, want[i], got)
			return res
		}
	}
	// gocap's optimizer must keep master's verdicts too. It may refuse an
	// expression that matches nothing, as libpcap's does.
	opts.Optimize = true
	prog, cerr = compile(j.expr, opts)
	var perr *parser.Error
	if errors.As(cerr, &perr) && perr.Kind == parser.KindRejectsAll {
		for i := range c.file.Packets {
			if want[i] != "0" {
				res.kind = "optimizer rejects all packets"
				res.detail = fmt.Sprintf("packet %d: master %s", i+1, want[i])
				return res
			}
		}
		return res
	}
	if cerr != nil {
		res.kind, res.detail = "optimizer refuses", cerr.Error()
		return res
	}
	if vm, err = cbpf.NewVMLibpcap(prog); err != nil {
		res.kind, res.detail = "VM refuses the optimized program", err.Error()
		return res
	}
	for i, p := range c.file.Packets {
		got := vm.Run(p.Data, p.OrigLen, &cbpf.Ancillary{})
		if strconv.FormatUint(uint64(got), 10) != want[i] {
			res.kind = "optimized verdict differs"
			res.detail = fmt.Sprintf("packet %d: master %s, gocap optimized %d", i+1, want[i], got)
			return res
		}
	}
	return res
}
