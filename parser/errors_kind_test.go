package parser_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gocap/gocap/parser"
)

func TestParseErrorsAreSyntax(t *testing.T) {
	for _, expr := range []string{"tcp port", "(", "tcp and ±", "port 1.2.3.4", "host and"} {
		_, err := parser.Parse(expr)
		var perr *parser.Error
		if !errors.As(err, &perr) {
			t.Fatalf("%q: error %v is not a *parser.Error", expr, err)
		}
		if perr.Kind != parser.KindSyntax {
			t.Errorf("%q: kind %v, want syntax", expr, perr.Kind)
		}
	}
}

// Columns and carets count characters: with two-byte characters before
// the error, the byte offset and the column differ.
func TestColumnCountsRunes(t *testing.T) {
	const expr = "ü and é and ±±"
	pos := strings.Index(expr, "±±")
	e := &parser.Error{Pos: parser.Pos(pos), End: parser.Pos(len(expr)), Msg: "bad"}
	if got, want := e.Column(expr), len("u and e and ")+1; got != want {
		t.Errorf("Column = %d, want %d (byte offset %d)", got, want, pos)
	}
	lines := strings.Split(e.Caret(expr), "\n")
	if len(lines) != 3 {
		t.Fatalf("Caret gave %d lines: %q", len(lines), lines)
	}
	// The expression line and the caret line start with the same indent;
	// the caret must sit under the first '±', counted in runes.
	exprRunes := []rune(lines[1])
	caretRunes := []rune(lines[2])
	at := strings.IndexRune(lines[2], '^')
	col := len([]rune(lines[2][:at]))
	if exprRunes[col] != '±' {
		t.Errorf("caret under %q, not '±':\n%s\n%s", exprRunes[col], lines[1], lines[2])
	}
	if got := string(caretRunes[col:]); got != "^~" {
		t.Errorf("caret line ends %q, want \"^~\" (two characters)", got)
	}
	// Error's text keeps its byte column, as before.
	if got, want := e.Error(), "filter:1:"+itoa(pos+1)+": bad"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if (&parser.Error{Pos: parser.NoPos}).Column(expr) != 0 {
		t.Error("Column of an unknown position is not 0")
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestNewSystemResolverTimeout(t *testing.T) {
	r := parser.NewSystemResolver(0)
	// Names under .invalid never resolve and never reach DNS.
	addrs, err := r.LookupHost("nothing.invalid")
	if err != nil || len(addrs) != 0 {
		t.Errorf("LookupHost(nothing.invalid) = %v, %v; want nothing", addrs, err)
	}
	if p, ok := r.LookupProtocol("tcp"); !ok || p != 6 {
		t.Errorf("LookupProtocol(tcp) = %d, %v; want 6", p, ok)
	}
	if parser.DefaultDNSTimeout <= 0 {
		t.Errorf("DefaultDNSTimeout = %v", parser.DefaultDNSTimeout)
	}
	// A bound of a nanosecond expires before any DNS answer: the
	// timeout is the resolver's own, not a package-level setting.
	quick := parser.NewSystemResolver(time.Nanosecond)
	if addrs, err := quick.LookupHost("gocap-timeout-test.example.com"); err == nil {
		t.Errorf("LookupHost with a 1ns DNS bound = %v, nil; want a timeout error", addrs)
	}
}

// An expression of several lines (a -F file) gets its line and column in
// the message, and only the offending line is shown above the caret.
func TestCaretMultiLine(t *testing.T) {
	const expr = "tcp and\n  port 99999\n"
	pos := strings.Index(expr, "99999")
	e := &parser.Error{Pos: parser.Pos(pos), End: parser.Pos(pos + 5), Msg: "bad port"}
	got := e.Caret(expr)
	want := "filter:2:8: bad port\n      port 99999\n           ^~~~~"
	if got != want {
		t.Errorf("Caret:\n%s\nwant:\n%s", got, want)
	}
	// One line keeps Error's text.
	one := &parser.Error{Pos: 8, End: 12, Msg: "bad"}
	if got := strings.SplitN(one.Caret("tcp and port 99999"), "\n", 2)[0]; got != one.Error() {
		t.Errorf("one line: %q, want %q", got, one.Error())
	}
}
