package parser

import (
	"fmt"
	"strings"
)

// Error is a compile error at a position in the filter text. Both the parser
// and the code generator (package cbpf) report errors with this type, so a
// caller can always point at the offending character.
type Error struct {
	Pos Pos    // byte offset of the offending character; NoPos if unknown
	End Pos    // offset just after the offending text, or NoPos
	Msg string // libpcap's wording where libpcap has one
}

// Error returns "filter:1:COL: MSG" (columns count from 1), or just the
// message when the position is unknown.
func (e *Error) Error() string {
	if e.Pos < 0 {
		return e.Msg
	}
	return fmt.Sprintf("filter:1:%d: %s", int(e.Pos)+1, e.Msg)
}

// Caret renders the error the way the command-line tools print it: the
// message, the expression, and a line with a '^' under the offending column
// (and '~' under the rest of the offending text). Newlines and tabs in the
// expression are shown as spaces so the caret lines up.
func (e *Error) Caret(expr string) string {
	var b strings.Builder
	b.WriteString(e.Error())
	if e.Pos < 0 || int(e.Pos) > len(expr) {
		return b.String()
	}
	flat := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, expr)
	b.WriteString("\n    ")
	b.WriteString(flat)
	b.WriteString("\n    ")
	b.WriteString(strings.Repeat(" ", int(e.Pos)))
	b.WriteByte('^')
	if e.End > e.Pos+1 && int(e.End) <= len(expr) {
		b.WriteString(strings.Repeat("~", int(e.End-e.Pos-1)))
	}
	return b.String()
}

// Errorf returns an *Error at pos.
func Errorf(pos, end Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, End: end, Msg: fmt.Sprintf(format, args...)}
}
