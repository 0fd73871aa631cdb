package golden

import (
	"flag"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/corpus"
	"github.com/gocap/gocap/parser"
)

// TestCorpus runs every link type unless -linktypes or GOCAP_LINKTYPES
// says otherwise.
var linkTypesFlag = flag.String("linktypes", "",
	`link types for TestCorpus: comma-separated DLT names, or "all" (default: $GOCAP_LINKTYPES, else all)`)

// corpusDir is libpcap's test corpus, in ../shared beside the checkout.
var corpusDir = corpus.Dir()

const expectedFailuresFile = "testdata/expected_failures.txt"

// selectedLinkTypes returns the link types to run, nil meaning all.
func selectedLinkTypes() (map[string]bool, string) {
	spec := *linkTypesFlag
	if spec == "" {
		spec = os.Getenv("GOCAP_LINKTYPES")
	}
	if spec == "" {
		spec = "all"
	}
	if strings.EqualFold(spec, "all") {
		return nil, "all"
	}
	sel := make(map[string]bool)
	for _, name := range strings.Split(spec, ",") {
		if name = strings.ToUpper(strings.TrimPrefix(strings.TrimSpace(name), "DLT_")); name != "" {
			sel[name] = true
		}
	}
	return sel, spec
}

// fixtureResolver returns a StaticResolver holding resolver_fixtures.json,
// falling back to parser.DefaultResolver for other names.
func fixtureResolver(t *testing.T) parser.Resolver {
	t.Helper()
	fx, err := corpus.LoadFixtures(filepath.Join(corpusDir, "resolver_fixtures.json"))
	if err != nil {
		t.Fatal(err)
	}
	r := parser.NewStaticResolver(parser.DefaultResolver())
	if err := r.LoadHosts(strings.NewReader(strings.Join(fx.HostsLines, "\n") + "\n")); err != nil {
		t.Fatalf("loading the hosts fixture: %v", err)
	}
	if err := r.LoadEthers(strings.NewReader(strings.Join(fx.EthersLines, "\n") + "\n")); err != nil {
		t.Fatalf("loading the ethers fixture: %v", err)
	}
	if err := r.LoadNetworks(strings.NewReader(strings.Join(fx.NetworksLines, "\n") + "\n")); err != nil {
		t.Fatalf("loading the networks fixture: %v", err)
	}
	return glibcOrder{r}
}

// glibcOrder returns a host's addresses in the order glibc's getaddrinfo
// gave them on the machine that produced the corpus listings: IPv4 before
// IPv6, each family in ascending order (RFC 6724 sorting with no preferred
// source address). The corpus listings depend on that order, not on the
// order of the lines in the hosts fixture.
type glibcOrder struct{ parser.Resolver }

// LookupHost sorts what the wrapped resolver returns.
func (g glibcOrder) LookupHost(name string) ([]netip.Addr, error) {
	addrs, err := g.Resolver.LookupHost(name)
	sort.SliceStable(addrs, func(i, j int) bool {
		if addrs[i].Is4() != addrs[j].Is4() {
			return addrs[i].Is4()
		}
		return addrs[i].Less(addrs[j])
	})
	return addrs, err
}

// linkStats counts one kind of case for one link type.
type linkStats struct {
	run, pass, skipped, expected int
	msgMatch                     int // reject cases whose error contains expected_error
}

// TestCorpus compiles libpcap's filter test corpus: each accept case must
// give exactly the expected unoptimized listing (and a program NewVM
// accepts), each reject case must fail to compile. Cases listed in
// testdata/expected_failures.txt must fail and all others must pass; -update
// rewrites the list.
func TestCorpus(t *testing.T) {
	cases := corpus.LoadShared(t)
	sel, selName := selectedLinkTypes()
	env := corpus.GocapEnv()
	res := fixtureResolver(t)
	listed, err := corpus.ReadList(expectedFailuresFile)
	if err != nil {
		t.Fatal(err)
	}

	known := make(map[string]bool)
	results := make(map[string]bool)
	details := make(map[string]string)
	stats := make(map[string]*linkStats) // "accept/EN10MB" → counts
	var order []string
	statsFor := func(c *corpus.Case) *linkStats {
		k := c.Kind + "/" + c.LinkType
		if stats[k] == nil {
			stats[k] = &linkStats{}
			order = append(order, k)
		}
		return stats[k]
	}
	for i := range cases {
		c := &cases[i]
		if c.PseudoExpr {
			continue // _enumerate_bpf_image is not a filter; package cbpf tests it
		}
		id := c.ID()
		known[id] = true
		if sel != nil && !sel[c.LinkType] {
			continue
		}
		st := statsFor(c)
		skip, err := env.Eval(c.SkipIf)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if skip {
			st.skipped++
			continue
		}
		st.run++
		var detail string
		var msgOK bool
		if c.Kind == "accept" {
			detail = runAccept(c, res)
		} else {
			detail, msgOK = runReject(c, res)
		}
		if msgOK {
			st.msgMatch++
		}
		results[id] = detail == ""
		if detail == "" {
			st.pass++
		} else {
			details[id] = detail
			if listed[id] {
				st.expected++
			}
		}
	}
	if len(results) == 0 {
		t.Fatalf("no corpus case ran for link types %q", selName)
	}
	for name := range sel {
		if stats["accept/"+name] == nil && stats["reject/"+name] == nil {
			t.Errorf("-linktypes: the corpus has no case for link type %q", name)
		}
	}

	slices.Sort(order)
	var tot [2]linkStats // accept, reject
	for _, k := range order {
		st := stats[k]
		line := fmt.Sprintf("%-28s %4d/%-4d pass, %4d expected failures, %4d skipped by skip_if", k, st.pass, st.run, st.expected, st.skipped)
		i := 0
		if strings.HasPrefix(k, "reject/") {
			i = 1
			line += fmt.Sprintf(", %4d/%d messages contain expected_error", st.msgMatch, st.run)
		}
		t.Log(line)
		tot[i].run += st.run
		tot[i].pass += st.pass
		tot[i].expected += st.expected
		tot[i].msgMatch += st.msgMatch
	}
	summary := fmt.Sprintf("corpus summary (link types %s): accept %d/%d pass, reject %d/%d pass (%d messages match), %d expected failures",
		selName, tot[0].pass, tot[0].run, tot[1].pass, tot[1].run, tot[1].msgMatch, tot[0].expected+tot[1].expected)
	t.Log(summary)
	fmt.Println(summary)

	reconcile(t, expectedFailuresFile, []string{
		"Corpus cases (golden/corpus_test.go) that do not pass yet: accept/LINKTYPE/NAME/ALIAS or reject/LINKTYPE/NAME.",
		"Generated by: go test ./golden -run TestCorpus -update [-linktypes=...]; do not edit by hand.",
		"TestCorpus fails if a listed case passes or an unlisted one fails.",
	}, listed, known, results, details)
}

// runAccept compiles an accept case and returns "" if it passes, else what
// went wrong.
func runAccept(c *corpus.Case, res parser.Resolver) string {
	opts, err := caseOptions(c, res)
	if err != nil {
		return err.Error()
	}
	prog, err := compile(c.Expr, opts)
	if err != nil {
		return fmt.Sprintf("compile %q: %v", c.Expr, err)
	}
	got, err := cbpf.Format(prog)
	if err != nil {
		return fmt.Sprintf("compile %q: Format: %v", c.Expr, err)
	}
	if got != c.ExpectedUnopt {
		return fmt.Sprintf("compile %q: %s", c.Expr, shortDiff(c.ExpectedUnopt, got))
	}
	if _, err := cbpf.NewVMLibpcap(prog); err != nil {
		return fmt.Sprintf("compile %q: listing matches but NewVM refuses the program: %v", c.Expr, err)
	}
	return ""
}

// runReject compiles a reject case and returns "" if compilation fails as
// it should, and whether the error contains the expected message.
func runReject(c *corpus.Case, res parser.Resolver) (detail string, msgMatch bool) {
	lt, ok := cbpf.LinkTypeByName(c.LinkType)
	if !ok {
		// Nothing to compile against; the case cannot pass.
		return fmt.Sprintf("link type %s unknown to cbpf.LinkTypeByName", c.LinkType), false
	}
	// libpcap's test harness compiles every reject case with its
	// optimizer on; some messages ("expression rejects all packets")
	// come from that step.
	opts := cbpf.Options{LinkType: lt, Snaplen: 262144, Resolver: res, Optimize: true}
	if c.Netmask != "" {
		a, err := netip.ParseAddr(c.Netmask)
		if err != nil || !a.Is4() {
			return fmt.Sprintf("corpus netmask %q is not a dotted quad", c.Netmask), false
		}
		b := a.As4()
		opts.Netmask = uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
		opts.NetmaskSet = true
	}
	prog, err := compile(c.Expr, opts)
	if err == nil {
		listing, _ := cbpf.Format(prog)
		first, _, _ := strings.Cut(listing, "\n")
		return fmt.Sprintf("compile %q succeeded (%d instructions, starting %q), want an error containing %q",
			c.Expr, len(prog), first, c.ExpectedError), false
	}
	if strings.HasPrefix(err.Error(), "compiler panic") || strings.HasPrefix(err.Error(), "compiler still running") {
		return fmt.Sprintf("compile %q: %v", c.Expr, err), false
	}
	return "", strings.Contains(err.Error(), c.ExpectedError)
}

// reconcile compares a run with its expected-failures list, reports
// unexpected results, and with -update rewrites the list.
func reconcile(t *testing.T, file string, header []string, listed, known, results map[string]bool, details map[string]string) {
	t.Helper()
	r := corpus.Reconcile(listed, known, results)
	if *update {
		if err := corpus.WriteList(file, header, r.Updated); err != nil {
			t.Fatal(err)
		}
		t.Logf("-update: wrote %s with %d entries (%d unexpected failures and %d unexpected passes accepted, %d stale entries dropped)",
			file, len(r.Updated), len(r.UnexpectedFailures), len(r.UnexpectedPasses), len(r.Stale))
		return
	}
	for i, id := range r.UnexpectedFailures {
		if i == maxReported {
			t.Errorf("... and %d more unexpected failures", len(r.UnexpectedFailures)-maxReported)
			break
		}
		t.Errorf("FAIL (not in %s) %s: %s", file, id, details[id])
	}
	for i, id := range r.UnexpectedPasses {
		if i == maxReported {
			t.Errorf("... and %d more listed cases that now pass", len(r.UnexpectedPasses)-maxReported)
			break
		}
		t.Errorf("PASS but listed in %s (remove it, or run with -update): %s", file, id)
	}
	for _, id := range r.Stale {
		t.Errorf("%s lists %q, which names no case (run with -update)", file, id)
	}
	if !r.OK() {
		t.Errorf("%d unexpected failures, %d unexpected passes, %d stale entries; if the change is intended, run go test ./golden -run %s -update",
			len(r.UnexpectedFailures), len(r.UnexpectedPasses), len(r.Stale), t.Name())
	}
}

// caseOptions returns the compile options libpcap's harness uses for a
// corpus accept case: its link type, snapshot length (262144 by default),
// netmask, Linux extensions and savefile byte order.
func caseOptions(c *corpus.Case, res parser.Resolver) (cbpf.Options, error) {
	lt, ok := cbpf.LinkTypeByName(c.LinkType)
	if !ok {
		return cbpf.Options{}, fmt.Errorf("link type %s unknown to cbpf.LinkTypeByName", c.LinkType)
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
			return cbpf.Options{}, fmt.Errorf("corpus netmask %q is not a dotted quad", c.Netmask)
		}
		b := a.As4()
		opts.Netmask = uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
		opts.NetmaskSet = true
	}
	return opts, nil
}
