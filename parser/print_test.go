package parser_test

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gocap/gocap/parser"
)

// readingCases are expressions whose grouping or inherited qualifiers are
// easy to misread. Names are numeric so that tcpdump needs no resolver.
var readingCases = []string{
	"host 10.0.0.1 or 10.0.0.2 and port 80",
	"tcp dst port 80 or 443 and not 8080",
	"not tcp port 22 or udp",
	"src 10.0.0.1 and dst 10.0.0.2 or 10.0.0.3",
	"ip[0] & 0xf > 5 or ip[2:2] - 20 < 100",
	"tcp[tcpflags] & (tcp-syn|tcp-ack) != 0 and tcp port 80 or 81",
	"ether src 1:2:3:4:5:6 or 1:2:3:4:5:7 and arp",
	"vlan 100 and udp or vlan 200 and tcp",
	"net 10.0.0.0/8 or 192.168.0.0 mask 255.255.0.0 and not host 10.1.1.1",
	"src or dst host 10.0.0.1 and port (53 or 853)",
	"host (10.0.0.1 or 10.0.0.2) or ip6 and icmp6",
	"len - 4 > -3 or greater 100 and less 1000",
	"ip proto 6 or 17 and ip6",
	"portrange 1-1023 and tcp or udp port 53",
}

// TestExprStringAgainstTcpdump checks the reading against libpcap: tcpdump
// must compile each expression and its ExprString to the same program. For
// the first case it also checks that the other grouping compiles to a
// different program, so that the comparison can tell readings apart.
func TestExprStringAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed (apt-get install tcpdump); skipping the comparison with libpcap")
	}
	listing := func(expr string) string {
		t.Helper()
		out, err := exec.Command(tcpdump, "-y", "EN10MB", "-O", "-d", expr).Output()
		if err != nil {
			t.Fatalf("tcpdump -O -d %q: %v", expr, err)
		}
		return string(out)
	}
	for _, expr := range readingCases {
		x, err := parser.Parse(expr)
		if err != nil {
			t.Errorf("Parse(%q): %v", expr, err)
			continue
		}
		reading := parser.ExprString(expr, x)
		if got, want := listing(reading), listing(expr); got != want {
			t.Errorf("ExprString(%q) = %q, which tcpdump compiles to\n%s\nbut the expression to\n%s", expr, reading, got, want)
		}
	}
	const ambiguous = "host 10.0.0.1 or 10.0.0.2 and port 80"
	x, _ := parser.Parse(ambiguous)
	if got := parser.ExprString(ambiguous, x); got != "((host 10.0.0.1 or host 10.0.0.2) and port 80)" {
		t.Errorf("ExprString(%q) = %q", ambiguous, got)
	}
	if listing("host 10.0.0.1 or (host 10.0.0.2 and port 80)") == listing(ambiguous) {
		t.Errorf("tcpdump compiles both groupings of %q alike; the test cannot tell readings apart", ambiguous)
	}
}

// TestExprStringStable checks that the reading of a reading is itself.
func TestExprStringStable(t *testing.T) {
	for _, expr := range append(readingCases, "", "tcp", "ether proto \\ip", "llc rnr", "vpi > 5", "link host $1f or $2") {
		x, err := parser.Parse(expr)
		if err != nil {
			t.Errorf("Parse(%q): %v", expr, err)
			continue
		}
		once := parser.ExprString(expr, x)
		y, err := parser.Parse(once)
		if err != nil {
			t.Errorf("ExprString(%q) = %q does not parse: %v", expr, once, err)
			continue
		}
		if twice := parser.ExprString(once, y); twice != once {
			t.Errorf("ExprString(%q) = %q, but its own reading is %q", expr, once, twice)
		}
	}
}

var nodeLine = regexp.MustCompile(`^( *)(\S.*?) +(\d+):(\d+) +(".*")$`)

// TestFprint checks the tree: every node line covers the text it quotes,
// children lie inside their parent, and each primitive says where its
// qualifiers came from.
func TestFprint(t *testing.T) {
	for _, expr := range readingCases {
		x, err := parser.Parse(expr)
		if err != nil {
			t.Fatalf("Parse(%q): %v", expr, err)
		}
		var b bytes.Buffer
		if err := parser.Fprint(&b, expr, x); err != nil {
			t.Fatalf("Fprint(%q): %v", expr, err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if want := "reading: " + parser.ExprString(expr, x); lines[0] != want {
			t.Errorf("Fprint(%q) first line %q, want %q", expr, lines[0], want)
		}
		type span struct{ depth, pos, end int }
		var stack []span
		nodes, inherited := 0, 0
		for _, l := range lines[1:] {
			if strings.Contains(l, "inherited)") {
				inherited++
			}
			m := nodeLine.FindStringSubmatch(l)
			if m == nil {
				if !strings.Contains(l, "; id ") {
					t.Errorf("Fprint(%q): unexpected line %q", expr, l)
				}
				continue
			}
			nodes++
			depth := len(m[1]) / 2
			pos, _ := strconv.Atoi(m[3])
			end, _ := strconv.Atoi(m[4])
			text, err := strconv.Unquote(m[5])
			if err != nil || pos > end || end > len(expr) || text != strings.Join(strings.Fields(expr[pos:end]), " ") {
				t.Errorf("Fprint(%q): line %q quotes %q, which is not the text at %d:%d", expr, l, text, pos, end)
				continue
			}
			for len(stack) > 0 && stack[len(stack)-1].depth >= depth {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				if p := stack[len(stack)-1]; pos < p.pos || end > p.end || depth != p.depth+1 {
					t.Errorf("Fprint(%q): node %q (%d:%d) is not inside its parent (%d:%d)", expr, l, pos, end, p.pos, p.end)
				}
			} else if nodes > 1 {
				t.Errorf("Fprint(%q): second root %q", expr, l)
			}
			stack = append(stack, span{depth, pos, end})
		}
		if nodes == 0 {
			t.Errorf("Fprint(%q) printed no nodes:\n%s", expr, b.String())
		}
		// Each qualifier of a primitive that inherited them says so.
		if want := 3 * countInherited(x); inherited != want/3 || strings.Count(b.String(), "inherited)") != want {
			t.Errorf("Fprint(%q) shows %d inherited qualifiers, want %d:\n%s", expr, strings.Count(b.String(), "inherited)"), want, b.String())
		}
	}
}

// countInherited counts the primitives of x whose qualifiers were
// inherited.
func countInherited(x parser.Node) int {
	switch x := x.(type) {
	case *parser.BinaryExpr:
		return countInherited(x.X) + countInherited(x.Y)
	case *parser.NotExpr:
		return countInherited(x.X)
	case *parser.ParenExpr:
		return countInherited(x.X)
	case *parser.Primitive:
		if x.Inherited {
			return 1
		}
	}
	return 0
}

// FuzzExprString checks that printing never panics and that the reading of
// an expression that parses parses too, to the same reading.
func FuzzExprString(f *testing.F) {
	for _, s := range append(readingCases, "", "host (a or b)", "not not tcp", "ip[0:4] & 0xff != 1", "vpi > 5", "link host $1f") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		x, err := parser.Parse(expr)
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := parser.Fprint(&b, expr, x); err != nil {
			t.Fatalf("Fprint(%q): %v", expr, err)
		}
		once := parser.ExprString(expr, x)
		y, err := parser.Parse(once)
		if err != nil {
			t.Fatalf("ExprString(%q) = %q, which does not parse: %v", expr, once, err)
		}
		if twice := parser.ExprString(once, y); twice != once {
			t.Fatalf("ExprString(%q) = %q, whose reading is %q", expr, once, twice)
		}
	})
}
