package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrorKind says what kind of problem an Error reports, so that a caller
// can tell text to correct from an expression the link type cannot
// express. The zero value is KindInvalid.
type ErrorKind int

const (
	// KindInvalid is an expression that parses but cannot be compiled:
	// an unknown host, service or protocol name, a value out of range, a
	// qualifier that does not fit its primitive.
	KindInvalid ErrorKind = iota
	// KindSyntax is text the parser cannot read (package parser).
	KindSyntax
	// KindLinkType is a primitive the link type or the kind of capture
	// does not support: libpcap's "not supported on DLT_x", "supported
	// only on ..." and "not a live capture" errors (package cbpf).
	KindLinkType
	// KindRejectsAll is an expression no packet can match, which the
	// optimizer reports as "expression rejects all packets" (package
	// cbpf).
	KindRejectsAll
	// KindTooComplex is an expression whose program would pass the code
	// generator's bound on its size (cbpf.MaxGenerated), as libpcap
	// refuses a filter "too complex to optimize" (package cbpf).
	KindTooComplex
)

// String returns the kind's name: "invalid", "syntax", "link type",
// "rejects all packets" or "too complex".
func (k ErrorKind) String() string {
	switch k {
	case KindInvalid:
		return "invalid"
	case KindSyntax:
		return "syntax"
	case KindLinkType:
		return "link type"
	case KindTooComplex:
		return "too complex"
	case KindRejectsAll:
		return "rejects all packets"
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// Error is a compile error at a position in the filter text. Both the parser
// and the code generator (package cbpf) report errors with this type, so a
// caller can always point at the offending character.
type Error struct {
	Pos Pos    // byte offset of the offending character; NoPos if unknown
	End Pos    // offset just after the offending text, or NoPos
	Msg string // libpcap's wording where libpcap has one
	// Kind classifies the error; Error's text does not show it.
	Kind ErrorKind
}

// Error returns "filter:1:COL: MSG" (columns count from 1), or just the
// message when the position is unknown.
func (e *Error) Error() string {
	if e.Pos < 0 {
		return e.Msg
	}
	return fmt.Sprintf("filter:1:%d: %s", int(e.Pos)+1, e.Msg)
}

// Column returns the 1-based column of the error in expr counted in
// characters (runes), not bytes, or 0 when the position is unknown or
// outside expr. Error's "filter:1:COL" counts bytes; for ASCII text the
// two agree.
func (e *Error) Column(expr string) int {
	if e.Pos < 0 || int(e.Pos) > len(expr) {
		return 0
	}
	return utf8.RuneCountInString(expr[:e.Pos]) + 1
}

// Caret renders the error the way the command-line tools print it: the
// message, the expression, and a line with a '^' under the offending column
// (and '~' under the rest of the offending text). Columns count characters,
// not bytes, so the caret lines up under non-ASCII text too. Of an
// expression of several lines (read from a file) only the offending line
// is shown, and the message says "filter:LINE:COL" (COL in bytes, as
// Error's); tabs are shown as spaces so the caret lines up. Of an
// expression longer than 120 characters only the 40 or so on each side of
// the offending text are shown, between "...".
func (e *Error) Caret(expr string) string {
	var b strings.Builder
	if e.Pos < 0 || int(e.Pos) > len(expr) {
		return e.Error()
	}
	pos, end := int(e.Pos), int(e.End)
	if start := strings.LastIndexByte(expr[:pos], '\n') + 1; strings.IndexByte(expr, '\n') >= 0 && strings.TrimSpace(expr[start:]) != "" {
		// An expression of several lines (a -F file): the message
		// names the line and its byte column, and only that line is
		// shown.
		line := strings.Count(expr[:pos], "\n") + 1
		fmt.Fprintf(&b, "filter:%d:%d: %s", line, pos-start+1, e.Msg)
		stop := len(expr)
		if i := strings.IndexByte(expr[pos:], '\n'); i >= 0 {
			stop = pos + i
		}
		expr = expr[start:stop]
		pos -= start
		end = min(end-start, len(expr))
	} else {
		b.WriteString(e.Error())
	}
	col := utf8.RuneCountInString(expr[:pos])
	width := 0
	if end > pos+1 && end <= len(expr) {
		width = utf8.RuneCountInString(expr[pos:end]) - 1
	}
	flat := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, expr)
	// A long expression (a generated filter of thousands of terms) is
	// shown only around the offending text.
	const around = 40
	if runes := []rune(flat); len(runes) > 3*around {
		from := max(col-around, 0)
		width = min(width, around)
		to := min(col+width+1+around, len(runes))
		flat = string(runes[from:to])
		col -= from
		if from > 0 {
			flat = "..." + flat
			col += 3
		}
		if to < len(runes) {
			flat += "..."
		}
	}
	b.WriteString("\n    ")
	b.WriteString(flat)
	b.WriteString("\n    ")
	b.WriteString(strings.Repeat(" ", col))
	b.WriteByte('^')
	if width > 0 {
		b.WriteString(strings.Repeat("~", width))
	}
	return b.String()
}

// Errorf returns an *Error at pos.
func Errorf(pos, end Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, End: end, Msg: fmt.Sprintf(format, args...)}
}
