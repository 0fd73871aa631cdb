package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
)

// TestClassicFromTcpdump reads programs tcpdump printed with -ddd, with
// -dd and as -ddd's lines joined by commas (the iptables form) through
// --classic, and requires filterc's -d listing of each to be tcpdump's -d
// listing of the same expression, byte for byte but for the blanks 1.10.3
// leaves at the end of some lines, and --test-run on the
// bundled capture to keep as many packets as tcpdump prints.
func TestClassicFromTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed (apt-get install tcpdump); .ci/run installs it")
	}
	dir := t.TempDir()
	cases := []struct{ linkType, expr string }{
		{"EN10MB", "tcp port 80"},
		{"EN10MB", "vlan and (udp or icmp6)"},
		{"EN10MB", "ip[2:2] - ((tcp[12] & 0xf0) >> 2) > 100"},
		{"EN10MB", "ip proto \\tcp and tcp[tcpflags] & tcp-syn != 0"},
		{"EN10MB", "greater 100 or ether broadcast"},
		{"RAW", "net 10.0.0.0/8 and not src host 10.1.2.3"},
		{"LINUX_SLL", "arp or ip6 multicast"},
		{"EN10MB", "ip protochain 17"},
	}
	for i, c := range cases {
		tcpdumpOut := func(flag string) string {
			out, err := exec.Command(tcpdump, "-y", c.linkType, flag, c.expr).Output()
			if err != nil {
				t.Fatalf("tcpdump -y %s %s %q: %v", c.linkType, flag, c.expr, err)
			}
			return string(out)
		}
		// libpcap 1.10.3 pads an instruction without an operand ("tax")
		// with blanks, master (the listing reference) does not.
		listing := regexp.MustCompile(`(?m) +$`).ReplaceAllString(tcpdumpOut("-d"), "")
		decimal := tcpdumpOut("-ddd")
		forms := map[string]string{
			"ddd":   decimal,
			"dd":    tcpdumpOut("-dd"),
			"comma": strings.Join(strings.Split(strings.TrimSpace(decimal), "\n"), ",") + ",",
		}
		for name, text := range forms {
			file := filepath.Join(dir, fmt.Sprintf("%d.%s", i, name))
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runArgs(t, "--classic", file, "-d")
			if code != 0 || out != listing {
				t.Errorf("%s %q as %s: exit %d, %s\n%s\ntcpdump -d:\n%s", c.linkType, c.expr, name, code, errOut, out, listing)
			}
		}
		if c.linkType != "EN10MB" {
			continue
		}
		want := tcpdumpCount(t, tcpdump, samplePcap, c.expr)
		code, out, errOut := runArgs(t, "--classic", filepath.Join(dir, fmt.Sprintf("%d.ddd", i)), "--test-run", samplePcap)
		if code != 0 {
			t.Errorf("--test-run of %q: exit %d, %s%s", c.expr, code, out, errOut)
			continue
		}
		for _, l := range strings.Split(out, "\n") {
			if m := keptLine.FindStringSubmatch(l); m != nil && m[2] != strconv.Itoa(want) {
				t.Errorf("--test-run of %q: %s kept %s; tcpdump prints %d", c.expr, m[1], m[2], want)
			}
		}
	}
}

// TestClassicMistakes gives --classic programs that are wrong and
// combinations of flags that make no sense: each fails with status 1 and
// a message that says what is wrong and where.
func TestClassicMistakes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good", "2\n6 0 0 1\n6 0 0 0\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--classic", write("count", "3\n6 0 0 1\n")}, "the count says 3 instructions, 1 follow"},
		{[]string{"--classic", write("word", "1\nret 0 0 1\n")}, `line 2: "ret" is not a number from 0 to 65535`},
		{[]string{"--classic", write("three", "1\n6 0 1\n")}, `line 2: want four numbers (code jt jf k), found "6 0 1"`},
		{[]string{"--classic", write("jt", "1\n6 256 0 1\n")}, `line 2: "256" is not a number from 0 to 255`},
		{[]string{"--classic", write("range", "1\n21 1 0 1\n")}, "not a valid program"},
		{[]string{"--classic", write("noret", "1\n40 0 0 12\n")}, "not a valid program"},
		{[]string{"--classic", write("c", "{ 0x28, 0, 0, 0x0c },\n{ 0x6, 0, 0\n")}, "line 2: '{' without '}'"},
		{[]string{"--classic", write("empty", "# nothing\n")}, "no instructions"},
		{[]string{"--classic", write("many", "5000\n")}, `"5000" is not a number from 0 to 4096`},
		{[]string{"--classic", filepath.Join(dir, "none")}, "no such file"},
		{[]string{"--classic", write("huge", strings.Repeat(" ", maxClassicText+1))}, "longer than 1048576 bytes"},
		{[]string{"--classic", good, "tcp"}, "takes no expression"},
		{[]string{"--classic", good, "-O"}, "--no-optimize applies to compiling an expression"},
		{[]string{"--classic", good, "-s", "100"}, "--snapshot-length applies to compiling an expression"},
		{[]string{"--classic", good, "--format", "ast"}, "--format ast needs an expression"},
		{[]string{"--classic="}, "--classic needs a file name"},
	} {
		code, out, errOut := runArgs(t, c.args...)
		if code != 1 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("filterc %q: exit %d, stdout %q, stderr %q; want exit 1 and %q", c.args, code, out, errOut, c.want)
		}
	}
	// Comments, a negative k and C's octal are read.
	p := write("forms", "# a comment\n{ 0x6, 0, 0, 0177 }, // octal\n")
	if code, out, errOut := runArgs(t, "--classic", p, "-d"); code != 0 || out != "(000) ret      #127\n" {
		t.Errorf("octal: exit %d, %q, %q", code, out, errOut)
	}
	p = write("neg", "1\n6 0 0 -1\n")
	if code, out, errOut := runArgs(t, "--classic", p, "-ddd"); code != 0 || out != "1\n6 0 0 4294967295\n" {
		t.Errorf("negative k: exit %d, %q, %q", code, out, errOut)
	}
}

// FuzzParseClassic feeds --classic's reader arbitrary text: it must never
// panic, and a program it accepts must read back the same from its own
// -ddd and -dd renderings.
func FuzzParseClassic(f *testing.F) {
	f.Add("4\n40 0 0 12\n21 0 1 2048\n6 0 0 65535\n6 0 0 0\n")
	f.Add("4,40 0 0 12,21 0 1 2048,6 0 0 65535,6 0 0 0,")
	f.Add("{ 0x28, 0, 0, 0x0000000c },\n{ 0x15, 0, 1, 0x00000800 },\n{ 0x6, 0, 0, 0x00040000 },\n{ 0x6, 0, 0, 0x00000000 },\n")
	f.Add("# comment\n1\n6 0 0 -1 // all\n")
	f.Add("{ 06 0 0 0177 }")
	f.Fuzz(func(t *testing.T, text string) {
		prog, err := parseClassic(text)
		if err != nil {
			return
		}
		typed := cbpf.Typed(prog)
		for _, render := range []func([]bpf.Instruction) (string, error){cbpf.FormatDecimal, cbpf.FormatC} {
			out, err := render(typed)
			if err != nil {
				t.Fatalf("%q: rendering the program read: %v", text, err)
			}
			again, err := parseClassic(out)
			if err != nil || !reflect.DeepEqual(again, prog) {
				t.Fatalf("%q: read as %v; its rendering %q reads as %v, %v", text, prog, out, again, err)
			}
		}
	})
}
