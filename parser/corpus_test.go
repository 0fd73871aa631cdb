package parser

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// corpusDir is libpcap's test corpus in the shared directory beside the
// checkout.
var corpusDir = filepath.Join("..", "..", "shared", "corpus", "libpcap")

type corpusCase struct {
	Kind          string `json:"kind"`
	Name          string `json:"name"`
	Linktype      string `json:"linktype"`
	Expr          string `json:"expr"`
	PseudoExpr    bool   `json:"pseudo_expr"`
	SkipIf        string `json:"skip_if"`
	ExpectedError string `json:"expected_error"`
}

func loadCorpus(t *testing.T) []corpusCase {
	t.Helper()
	path := filepath.Join(corpusDir, "filtertests.jsonl")
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("libpcap corpus not found at %s (the shared directory is absent)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []corpusCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var c corpusCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s holds no cases", path)
	}
	return cases
}

// osSkipped evaluates the operating-system atoms of a skip_if condition
// for this machine; other atoms (resolver fixtures, byte order, build
// options) do not change what the parser accepts and count as false.
func osSkipped(cond string) bool {
	if cond == "" {
		return false
	}
	for _, alt := range strings.Split(cond, "||") {
		all := true
		for _, atom := range strings.Split(alt, "&&") {
			atom = strings.Trim(strings.TrimSpace(atom), "()")
			atom = strings.TrimSpace(atom)
			var v bool
			switch {
			case strings.HasPrefix(atom, "os=="):
				v = runtime.GOOS == strings.TrimPrefix(atom, "os==")
			case strings.HasPrefix(atom, "os!="):
				v = runtime.GOOS != strings.TrimPrefix(atom, "os!=")
			}
			if !v {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// TestCorpusAccept parses every expression libpcap compiles successfully.
func TestCorpusAccept(t *testing.T) {
	n := 0
	for _, c := range loadCorpus(t) {
		if c.Kind != "accept" || c.PseudoExpr || osSkipped(c.SkipIf) {
			continue
		}
		n++
		x, err := Parse(c.Expr)
		if err != nil {
			t.Errorf("%s (%s): Parse(%q): %v", c.Name, c.Linktype, c.Expr, err)
			continue
		}
		if x == nil && strings.TrimSpace(c.Expr) != "" {
			t.Errorf("%s: Parse(%q) returned no tree", c.Name, c.Expr)
		}
		checkBounds(t, c.Expr, x)
	}
	if n < 2000 {
		t.Fatalf("only %d accept cases ran", n)
	}
	t.Logf("%d accept cases parsed", n)
}

// parseLevelErrors are the message prefixes the parser itself produces;
// corpus rejects expecting one of them must fail in Parse with that text.
var parseLevelErrors = []string{
	"can't parse filter expression",
	"qualifier applied to IPv",
	"overflows 32 bits",
	"contains non-octal digit",
	"unknown PF reason",
	"unknown PF action",
	"unknown 802.11",
	"invalid 802.11",
	"invalid IPv6 address",
	"invalid Ethernet address",
}

// TestCorpusRejectAtParse checks the corpus rejects whose message comes
// from the scanner or the grammar.
func TestCorpusRejectAtParse(t *testing.T) {
	n := 0
	for _, c := range loadCorpus(t) {
		if c.Kind != "reject" || osSkipped(c.SkipIf) {
			continue
		}
		parseLevel := false
		for _, m := range parseLevelErrors {
			if strings.Contains(c.ExpectedError, m) {
				parseLevel = true
			}
		}
		if !parseLevel {
			continue
		}
		n++
		x, err := Parse(c.Expr)
		if err == nil {
			t.Errorf("%s: Parse(%q) = %T, want error %q", c.Name, c.Expr, x, c.ExpectedError)
			continue
		}
		if !strings.Contains(err.Error(), c.ExpectedError) {
			t.Errorf("%s: Parse(%q): %v, want %q", c.Name, c.Expr, err, c.ExpectedError)
		}
		pe := err.(*Error)
		if pe.Pos < 0 || int(pe.Pos) > len(c.Expr) {
			t.Errorf("%s: Parse(%q): position %d out of range", c.Name, c.Expr, pe.Pos)
		}
	}
	if n == 0 {
		t.Fatal("no parse-level reject cases found")
	}
	t.Logf("%d parse-level reject cases", n)
}
