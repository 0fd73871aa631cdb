package parser

import (
	"fmt"
	"strings"
	"testing"
)

// show renders a tree compactly so tests can compare structure.
func show(x Node) string {
	switch x := x.(type) {
	case nil:
		return "<nil>"
	case *BinaryExpr:
		op := "and"
		if x.Op == Or {
			op = "or"
		}
		return fmt.Sprintf("(%s %s %s)", show(x.X), op, show(x.Y))
	case *NotExpr:
		return "!" + show(x.X)
	case *ParenExpr:
		return "[" + show(x.X) + "]"
	case *Primitive:
		s := fmt.Sprintf("%s/%s/%s:%s", x.Q.Proto, x.Q.Dir, x.Q.Addr, x.ID.Text)
		if x.Q == QualUndef {
			s = "undef:" + x.ID.Text
		}
		if x.Inherited {
			s = "^" + s
		}
		return s
	case *ProtoAbbrev:
		return x.Proto.String()
	case *Relation:
		return fmt.Sprintf("{%s %s %s}", show(x.X), x.Op, show(x.Y))
	case *Builtin:
		var args []string
		for _, a := range x.Args {
			if a.IsNum {
				args = append(args, fmt.Sprintf("%#x", a.Num))
			} else {
				args = append(args, a.Text)
			}
		}
		return fmt.Sprintf("kw%d%s(%s)", x.Kw, x.Proto, strings.Join(args, ","))
	case *FieldExpr:
		var vals []string
		for _, a := range x.Values {
			vals = append(vals, fmt.Sprint(a.Num))
		}
		return fmt.Sprintf("field%d%s(%s)", x.Field, x.Op, strings.Join(vals, ","))
	case *Number:
		return fmt.Sprint(x.Value)
	case *Len:
		return "len"
	case *Index:
		return fmt.Sprintf("%s[%s:%d]", x.Proto, show(x.Index), x.Size)
	case *BinaryArith:
		return fmt.Sprintf("(%s %s %s)", show(x.X), x.Op, show(x.Y))
	case *NegArith:
		return "-" + show(x.X)
	case *ParenArith:
		return show(x.X)
	}
	return fmt.Sprintf("?%T", x)
}

func TestParseTrees(t *testing.T) {
	tests := []struct{ expr, want string }{
		// Qualifier inheritance.
		{"tcp port 80 or 443", "(tcp//port:80 or ^tcp//port:443)"},
		{"host a or b", "(//host:a or ^//host:b)"},
		{"host (a or b)", "[(^//host:a or ^//host:b)]"},
		{"port 80 and not 443", "(//port:80 and !^//port:443)"},
		{"tcp dst port ftp or ftp-data", "(tcp/dst/port:ftp or ^tcp/dst/port:ftp-data)"},
		{"ip src or dst host x", "ip/src or dst/host:x"},
		{"src and dst net 10", "/src and dst/net:10"},
		{"tcp and 80", "(tcp and ^undef:80)"},
		{"vlan 1 or 2", "(kw9(0x1) or ^undef:2)"},
		{"ip[0] = 1 or x", "({ip[0:1] = 1} or ^undef:x)"},
		{"(host a) or b", "([//host:a] or ^undef:b)"},
		{"host a and (tcp) or b", "((//host:a and [tcp]) or ^//host:b)"},
		{"host a and (b or not c)", "(//host:a and [(^//host:b or !^//host:c)])"},
		{"port 1 and ((2) or 3)", "(//port:1 and [(^//port:2 or ^//port:3)])"},
		{"host a and not (b or c)", "(//host:a and ![(^//host:b or ^//host:c)])"},
		// Precedence: and/or equal and left-associative, not binds tighter.
		{"tcp or udp and icmp", "((tcp or udp) and icmp)"},
		{"tcp and udp or icmp", "((tcp and udp) or icmp)"},
		{"not tcp and udp", "(!tcp and udp)"},
		{"! tcp || udp && icmp", "((!tcp or udp) and icmp)"},
		// Arithmetic precedence.
		{"1 + 2 * 3 = 7", "{(1 + (2 * 3)) = 7}"},
		{"1 | 2 & 3 = 1", "{(1 | (2 & 3)) = 1}"},
		{"1 << 2 + 3 = 1", "{(1 << (2 + 3)) = 1}"},
		{"1 - 2 - 3 = 0", "{((1 - 2) - 3) = 0}"},
		{"-1 * 2 = 0", "{(-1 * 2) = 0}"},
		{"len - 1 % 2 - 3 = 0", "{(len - (1 % (2 - 3))) = 0}"},
		{"len * 2 ^ 3 + 4 = 0", "{(len * (2 ^ (3 + 4))) = 0}"},
		{"(1 + 2) * 3 != 9", "{((1 + 2) * 3) != 9}"},
		{"((1)) == 1", "{1 = 1}"},
		{"(ip[0] & 0xf > 5)", "[{(ip[0:1] & 15) > 5}]"},
		{"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0", "{(tcp[13:1] & (2 | 1)) != 0}"},
		{"ether[12:2] = 0x800", "{link[12:2] = 2048}"},
		{"len <= 100 and length > 2", "({len <= 100} and {len > 2})"},
		// Keyword primitives.
		{"less 64", "kw3(0x40)"},
		{"byte 8 == 5", "kw5(0x8,=,0x5)"},
		{"ether broadcast", "kw1link()"},
		{"wlan type data subtype qos", "kw21link(0xc8,0xfc)"},
		{"type mgt", "kw21(0x0,0xc)"},
		{"subtype ack", "kw21(0xd4,0xfc)"},
		{"dir fromds", "kw22(0x2)"},
		{"llc rnr", "kw23(rnr)"},
		{"llc UI", "kw23(ui)"},
		{"action block", "kw20(0x1)"},
		{"reason short", "kw19(0x3)"},
		{"vpi > 5", "field41>(5)"},
		{"dpc (1 or 2)", "field45=(1,2)"},
		{"vlan (100)", "kw9(0x64)"},
		{"pppoes", "kw12()"},
		{"on eth0", "kw15(eth0)"},
		{"ip proto \\tcp", "ip//proto:tcp"},
		{"es-is or is-is", "(esis or isis)"},
		{"icmp6-echo = 128", "{128 = 128}"},
	}
	for _, tc := range tests {
		x, err := Parse(tc.expr)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.expr, err)
			continue
		}
		if got := show(x); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.expr, got, tc.want)
		}
		checkBounds(t, tc.expr, x)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, e := range []string{"", " ", "\n\t \r"} {
		x, err := Parse(e)
		if x != nil || err != nil {
			t.Errorf("Parse(%q) = %v, %v; want nil, nil", e, x, err)
		}
	}
}

// TestIDKinds checks how the scanner classifies addresses and numbers.
func TestIDKinds(t *testing.T) {
	tests := []struct {
		expr string
		kind IDKind
		text string
		num  uint32
	}{
		{"host 10.0.0.1", IDIPv4, "10.0.0.1", 0},
		{"net 10.1", IDIPv4, "10.1", 0},
		{"net 0x0a.1", IDIPv4, "0x0a.1", 0},
		{"net 10.0.0.0/8", IDIPv4Len, "10.0.0.0", 8},
		{"net 10.0.0.0 mask 255.0.0.0", IDIPv4Mask, "10.0.0.0", 0},
		{"host 1.2.3.4.5", IDName, "1.2.3.4.5", 0},
		{"host 1.2.3.", IDName, "1.2.3.", 0},
		{"host ::1", IDIPv6, "::1", 128},
		{"host ::", IDIPv6, "::", 128},
		{"host fe80::1:2", IDIPv6, "fe80::1:2", 128},
		{"host 1:2:3:4:5:6:7:8", IDIPv6, "1:2:3:4:5:6:7:8", 128},
		{"host ::ffff:1.2.3.4", IDIPv6, "::ffff:1.2.3.4", 128},
		{"host 1:2:3:4:5:6:1.2.3.4", IDIPv6, "1:2:3:4:5:6:1.2.3.4", 128},
		{"net fe80::/10", IDIPv6Len, "fe80::", 10},
		{"ether host a:b:c:d:e:f", IDMAC, "a:b:c:d:e:f", 0},
		{"ether host 0a-0b-0c-0d-0e-0f", IDMAC, "0a-0b-0c-0d-0e-0f", 0},
		{"ether host a.b.c.d.e.f", IDMAC, "a.b.c.d.e.f", 0},
		{"ether host aabb.ccdd.eeff", IDMAC, "aabb.ccdd.eeff", 0},
		{"ether host aabbccddeeff", IDMAC, "aabbccddeeff", 0},
		{"ether host 123456789012", IDMAC, "123456789012", 0},
		{"link host $e", IDMAC8, "$e", 0},
		{"link host $A7", IDMAC8, "$A7", 0},
		{"port 0x50", IDNum, "0x50", 80},
		{"port 0120", IDNum, "0120", 80},
		{"port 4294967295", IDNum, "4294967295", 0xffffffff},
		{"port 0037777777777", IDNum, "0037777777777", 0xffffffff},
		{"port 037777777777", IDMAC, "037777777777", 0}, // 12 digits: a MAC address, as in libpcap
		{"port 0xffffffff", IDNum, "0xffffffff", 0xffffffff},
		{"host a-b_c.d", IDName, "a-b_c.d", 0},
		{"host 1a", IDName, "1a", 0},
		{"host a-", IDName, "a", 0}, // trailing '-' is not part of a name
		{"host \\host", IDName, "host", 0},
		{"host hostname", IDName, "hostname", 0},
		{"host tcp-synx", IDName, "tcp-synx", 0},
	}
	for _, tc := range tests {
		x, err := Parse(tc.expr)
		if tc.expr == "host a-" {
			// "a" then '-' then the end: a syntax error after the ID.
			if err == nil {
				t.Errorf("Parse(%q) succeeded", tc.expr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.expr, err)
			continue
		}
		p, ok := x.(*Primitive)
		if !ok {
			t.Errorf("Parse(%q) = %T", tc.expr, x)
			continue
		}
		if p.ID.Kind != tc.kind || p.ID.Text != tc.text || p.ID.Num != tc.num {
			t.Errorf("Parse(%q): ID %+v, want kind %d text %q num %d", tc.expr, p.ID, tc.kind, tc.text, tc.num)
		}
		if got := tc.expr[p.ID.TextPos:p.ID.EndPos]; !strings.HasSuffix(tc.expr, got) {
			t.Errorf("Parse(%q): ID spans %q", tc.expr, got)
		}
	}
}

// TestErrors checks messages and positions. In want, the expected column
// is marked with '^' under the expression.
func TestErrors(t *testing.T) {
	tests := []struct{ expr, caret, msg string }{
		{"tcp port", "        ^", "syntax error: unexpected end"},
		{"host a b", "       ^", "syntax error: unexpected 'b'"},
		{"tcp 80", "    ^", "syntax error"},
		{"a", "^", "syntax error"},
		{"host a and", "          ^", "syntax error"},
		{"(tcp", "    ^", "syntax error"},
		{"tcp)", "   ^", "syntax error"},
		{"host a # b", "       ^", "syntax error: unexpected character \"#\""},
		{"host 1.2.3.4 and 08", "                 ^", "number 08 contains non-octal digit"},
		{"4294967296 = 1", "^", "decimal number 4294967296 overflows 32 bits"},
		{"0x100000000", "^", "hexadecimal number 0x100000000 overflows 32 bits"},
		{"0040000000000", "^", "octal number 0040000000000 overflows 32 bits"},
		{"port 1.2.3.4", "     ^", "'port' qualifier applied to IPv4 address"},
		{"port 80 or 1.2.3.4", "           ^", "'port' qualifier applied to IPv4 address"},
		{"proto 10.0.0.0/8", "      ^", "'proto' qualifier applied to IPv4 address and prefix length"},
		{"portrange 10.0.0.0 mask 255.0.0.0", "          ^", "'portrange' qualifier applied to IPv4 address and netmask"},
		{"protochain ::1", "           ^", "'protochain' qualifier applied to IPv6 address"},
		{"tcp port fe80::/64", "         ^", "'port' qualifier applied to IPv6 address and prefix length"},
		{"ip6 host fe80::256.1.2.3", "         ^", "invalid IPv6 address fe80::256.1.2.3"},
		{"ether ab:cd:ef:0g:00:00", "      ^", "invalid Ethernet address"},
		{"type x", "     ^", `unknown 802.11 type name "x"`},
		{"type 16", "     ^", "invalid 802.11 type value 0x10"},
		{"type ctl subtype beacon", "                 ^", `unknown 802.11 subtype name "beacon"`},
		{"type 0 subtype 0xff", "               ^", "invalid 802.11 subtype value 0xff"},
		{"subtype nosuch", "        ^", "unknown 802.11 subtype name"},
		{"dir 4", "    ^", "invalid 802.11 direction"},
		{"dir abc", "    ^", "unknown 802.11 direction"},
		{"reason x", "       ^", `unknown PF reason "x"`},
		{"action x", "       ^", `unknown PF action "x"`},
		{"llc x", "    ^", `unknown LLC type name "x"`},
		{"src proto 1", "    ^", "syntax error"},
		{"byte 1 << 2", "       ^", "syntax error"},
		{"link host $123", "             ^", "syntax error"},
		{"link host $", "          ^", "syntax error"},
		{"net 10 mask 255.0.0.0", "       ^", "syntax error"},
		{"link[0:-1] != 0", "       ^", "syntax error"},
		{"vlan any", "     ^", "syntax error"},
		{"tcp src or udp", "           ^", "syntax error"},
		{"src and src host a", "        ^", "syntax error"},
		{"lldp", "^", "syntax error"},
	}
	for _, tc := range tests {
		_, err := Parse(tc.expr)
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want %q", tc.expr, tc.msg)
			continue
		}
		pe, ok := err.(*Error)
		if !ok {
			t.Errorf("Parse(%q): error %T, want *Error", tc.expr, err)
			continue
		}
		if !strings.Contains(pe.Msg, tc.msg) {
			t.Errorf("Parse(%q): %q, want %q", tc.expr, pe.Msg, tc.msg)
		}
		if strings.Contains(tc.msg, "syntax error") && !strings.Contains(pe.Msg, "can't parse filter expression: syntax error") {
			t.Errorf("Parse(%q): %q lacks libpcap's syntax-error text", tc.expr, pe.Msg)
		}
		if want := Pos(strings.Index(tc.caret, "^")); pe.Pos != want {
			t.Errorf("Parse(%q): error at %d, want %d\n%s", tc.expr, pe.Pos, want, pe.Caret(tc.expr))
		}
	}
}

func TestNesting(t *testing.T) {
	for _, e := range []string{
		strings.Repeat("(", 5000) + "tcp" + strings.Repeat(")", 5000),
		strings.Repeat("not ", 5000) + "tcp",
		strings.Repeat("-", 5000) + "1 = 1",
		"host a and " + strings.Repeat("(", 5000) + "b" + strings.Repeat(")", 5000),
		strings.Repeat("(", 5000),
	} {
		_, err := Parse(e)
		if err == nil {
			t.Errorf("Parse(%.20q...) succeeded", e)
		}
	}
	deep := strings.Repeat("(", 100) + "tcp" + strings.Repeat(")", 100)
	if _, err := Parse(deep); err != nil {
		t.Errorf("100 levels: %v", err)
	}
}
