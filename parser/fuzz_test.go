package parser

import (
	"errors"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "tcp port 80 or 443", "host (a or b) and not c", "ip[0] & 0xf > 5",
		"ether host a:b:c:d:e:f", "net fe80::/10", "vlan 100 and mpls", "len - 1 % 2 ^ 3 = 0",
		"wlan type data subtype qos", "dpc (1 or 2)", "((1)) == 1", "byte 1 & 2",
		"0x100000000", "\\host", "$ab", "port 80 and (443 or (8080))",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		x, err := Parse(expr)
		if err != nil {
			if x != nil {
				t.Fatalf("Parse(%q) returned both a tree and %v", expr, err)
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q): error %T is not *Error", expr, err)
			}
			if pe.Pos < 0 || int(pe.Pos) > len(expr) || pe.End < pe.Pos || int(pe.End) > len(expr) {
				t.Fatalf("Parse(%q): error span [%d,%d) out of range", expr, pe.Pos, pe.End)
			}
			return
		}
		if x == nil {
			if toks := scan(expr); len(toks) != 1 || toks[0].kind != tEOF {
				t.Fatalf("Parse(%q) = nil, nil for a non-empty expression", expr)
			}
			return
		}
		checkBounds(t, expr, x)
	})
}
