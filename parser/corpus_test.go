package parser

import (
	"strings"
	"testing"

	"github.com/gocap/gocap/internal/corpus"
)

// corpusDir is libpcap's test corpus in the shared directory beside the
// checkout.
var corpusDir = corpus.Dir()

// skipped evaluates a case's skip_if condition for the platform gocap
// compiles for. The parser's verdict depends on none of the atoms; the
// cases skipped here for byte order or build options have twins, with the
// same expression, that run.
func skipped(t *testing.T, c *corpus.Case) bool {
	t.Helper()
	skip, err := corpus.GocapEnv().Eval(c.SkipIf)
	if err != nil {
		t.Fatalf("%s: %v", c.ID(), err)
	}
	return skip
}

// TestCorpusAccept parses every expression libpcap compiles successfully.
func TestCorpusAccept(t *testing.T) {
	n := 0
	for _, c := range corpus.LoadShared(t) {
		if c.Kind != "accept" || c.PseudoExpr || skipped(t, &c) {
			continue
		}
		n++
		x, err := Parse(c.Expr)
		if err != nil {
			t.Errorf("%s (%s): Parse(%q): %v", c.Name, c.LinkType, c.Expr, err)
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
	for _, c := range corpus.LoadShared(t) {
		if c.Kind != "reject" || skipped(t, &c) {
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
