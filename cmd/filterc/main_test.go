package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/parser"
	"github.com/gocap/gocap/translate"
)

// runArgs runs the command in-process and returns its exit status and
// output.
func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func mustLinkType(t *testing.T, name string) cbpf.LinkType {
	t.Helper()
	lt, ok := cbpf.LinkTypeByName(name)
	if !ok {
		t.Fatalf("cbpf.LinkTypeByName(%q) found nothing", name)
	}
	return lt
}

// defaultOptions is what filterc compiles with when given no flags.
func defaultOptions(t *testing.T) cbpf.Options {
	return cbpf.Options{
		LinkType: mustLinkType(t, "EN10MB"),
		Snaplen:  cbpf.DefaultSnaplen,
		Optimize: true,
	}
}

func withNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

func TestParseArgs(t *testing.T) {
	en10mb := mustLinkType(t, "EN10MB")
	raw := mustLinkType(t, "RAW")
	tests := []struct {
		args []string
		want config
	}{
		{nil, config{out: fmtListing, opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"-d", "ip"}, config{out: fmtListing, expr: "ip", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"-dd", "ip"}, config{out: fmtC, expr: "ip", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"-ddd", "ip"}, config{out: fmtDecimal, expr: "ip", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"-d", "-d", "ip"}, config{out: fmtC, expr: "ip", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"-Oldd", "tcp", "port", "80"}, config{out: fmtC, expr: "tcp port 80", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, LinuxExt: true}}},
		{[]string{"-y", "RAW", "ip"}, config{out: fmtListing, expr: "ip", linkTypeSet: true, opts: cbpf.Options{LinkType: raw, Snaplen: 262144, Optimize: true}}},
		{[]string{"-yRAW", "-s", "100", "ip"}, config{out: fmtListing, expr: "ip", linkTypeSet: true, opts: cbpf.Options{LinkType: raw, Snaplen: 100, Optimize: true}}},
		{[]string{"--format", "ebpf-asm", "--target", "xdp", "ip"}, config{out: fmtEBPFAsm, tgt: translate.XDP, expr: "ip", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"--format=go", "--package", "pkt", "--var", "TCP", "-o", "f.go", "tcp"}, config{out: fmtGo, pkg: "pkt", varName: "TCP", output: "f.go", expr: "tcp", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"-d", "--format", "listing", "--verify", "tcp"}, config{out: fmtListing, verify: true, expr: "tcp", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"--format", "elf", "--name", "web", "--test-run", "x.pcap", "--kernel", "tcp"}, config{out: fmtELF, progName: "web", testRun: "x.pcap", kernel: true, expr: "tcp", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"-s", "0", "ip"}, config{out: fmtListing, expr: "ip", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Optimize: true}}},
		{[]string{"-s", "0x20", "ip"}, config{out: fmtListing, expr: "ip", opts: cbpf.Options{LinkType: en10mb, Snaplen: 32, Optimize: true}}},
		{[]string{"-m", "255.255.255.0", "ip", "broadcast"}, config{out: fmtListing, expr: "ip broadcast", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144, Netmask: 0xffffff00, NetmaskSet: true, Optimize: true}}},
		{[]string{"ip", "-O", "--", "-d"}, config{out: fmtListing, expr: "ip -d", opts: cbpf.Options{LinkType: en10mb, Snaplen: 262144}}},
	}
	for _, tt := range tests {
		// The naming flags' defaults.
		if tt.want.pkg == "" {
			tt.want.pkg = "filter"
		}
		if tt.want.varName == "" {
			tt.want.varName = "Filter"
		}
		if tt.want.progName == "" {
			tt.want.progName = "gocap_filter"
		}
		got, err := parseArgs(tt.args)
		if err != nil {
			t.Errorf("parseArgs(%q): %v", tt.args, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseArgs(%q) = %+v, want %+v", tt.args, got, tt.want)
		}
	}
}

func TestBadFlags(t *testing.T) {
	tests := []struct {
		args  []string
		msg   string // what the first stderr line must contain
		usage bool   // whether the usage line must follow
	}{
		{[]string{"-q", "ip"}, "unknown shorthand flag: 'q'", true},
		{[]string{"--frobnicate", "ip"}, "unknown flag: --frobnicate", true},
		{[]string{"ip", "-y"}, "flag needs an argument", true},
		{[]string{"-y", "NOSUCHTYPE", "ip"}, "invalid data link type NOSUCHTYPE", false},
		{[]string{"-s", "-1", "ip"}, "invalid snaplen -1 (must be >= 0 and <= 262144)", false},
		{[]string{"-s", "262145", "ip"}, "invalid snaplen 262145", false},
		{[]string{"-s", "ten", "ip"}, "invalid snaplen ten", false},
		{[]string{"-m", "255.255.0", "ip"}, "invalid netmask 255.255.0", false},
		{[]string{"-m", "::1", "ip"}, "invalid netmask ::1", false},
		{[]string{"-F", filepath.Join(t.TempDir(), "missing"), "ip"}, "can't read filter file", false},
		{[]string{"--format", "pdf", "ip"}, `unknown format "pdf"`, true},
		{[]string{"-dd", "--format", "listing", "ip"}, "-dd asks for the c format, --format for listing", true},
		{[]string{"--target", "ebpf", "--format", "elf", "ip"}, `unknown target "ebpf"`, true},
		{[]string{"--target", "xdp", "ip"}, "--target applies to the eBPF formats", true},
		{[]string{"--kernel", "ip"}, "--kernel applies only to --test-run", true},
		{[]string{"--format", "go", "--package", "my-pkg", "ip"}, `--package "my-pkg" is not a Go identifier`, true},
		{[]string{"--format", "elf", "--name", "1st", "ip"}, `--name "1st" is not a C identifier`, true},
		{[]string{"--format", "ast", "--verify", "ip"}, "--format ast prints none", true},
		{[]string{"--test-run", filepath.Join(t.TempDir(), "missing.pcap"), "ip"}, "--test-run: open", false},
		{[]string{"--format", "ebpf-asm", "--target", "xdp", "-l", "inbound"}, "translate:", false},
	}
	for _, tt := range tests {
		code, stdout, stderr := runArgs(t, tt.args...)
		if code != 1 {
			t.Errorf("filterc %q: exit %d, want 1", tt.args, code)
		}
		if stdout != "" {
			t.Errorf("filterc %q: wrote %q to stdout, want nothing", tt.args, stdout)
		}
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		if !strings.HasPrefix(lines[0], "filterc: ") || !strings.Contains(lines[0], tt.msg) {
			t.Errorf("filterc %q: stderr %q, want a line \"filterc: ...%s...\"", tt.args, stderr, tt.msg)
		}
		hasUsage := len(lines) == 2 && lines[1] == usageLine
		if hasUsage != tt.usage {
			t.Errorf("filterc %q: stderr %q; usage line printed = %v, want %v", tt.args, stderr, hasUsage, tt.usage)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "--help"} {
		code, stdout, stderr := runArgs(t, arg)
		if code != 0 || stderr != "" {
			t.Errorf("filterc %s: exit %d, stderr %q; want 0 and nothing", arg, code, stderr)
		}
		if !strings.HasPrefix(stdout, usageLine+"\n") || !strings.Contains(stdout, "--linktype") {
			t.Errorf("filterc %s: stdout %q, want the usage line and the flag list", arg, stdout)
		}
	}
}

// TestOutputMatchesLibrary checks that each output form is exactly what the
// cbpf formatter gives for the same compilation.
func TestOutputMatchesLibrary(t *testing.T) {
	base := defaultOptions(t)
	raw := base
	raw.LinkType = mustLinkType(t, "RAW")
	snap := base
	snap.Snaplen = 100
	unopt := base
	unopt.Optimize = false
	linux := base
	linux.LinuxExt = true
	masked := base
	masked.Netmask, masked.NetmaskSet = 0xffffff00, true

	type formatter func([]bpf.Instruction) (string, error)
	tests := []struct {
		args   []string
		expr   string
		opts   cbpf.Options
		format formatter
	}{
		{[]string{"tcp", "port", "80"}, "tcp port 80", base, cbpf.Format},
		{[]string{"-d", "tcp port 80"}, "tcp port 80", base, cbpf.Format},
		{[]string{"-dd", "tcp", "port", "80"}, "tcp port 80", base, cbpf.FormatC},
		{[]string{"-ddd", "tcp", "port", "80"}, "tcp port 80", base, cbpf.FormatDecimal},
		{[]string{"-dddd", "ip"}, "ip", base, cbpf.FormatDecimal},
		{[]string{"-y", "RAW", "-d", "ip"}, "ip", raw, cbpf.Format},
		{[]string{"-s", "100", "-d", "ip"}, "ip", snap, cbpf.Format},
		{[]string{"-Od", "arp"}, "arp", unopt, cbpf.Format},
		{[]string{"-ld", "vlan"}, "vlan", linux, cbpf.Format},
		{[]string{"-d", "vlan"}, "vlan", base, cbpf.Format},
		{[]string{"-m", "255.255.255.0", "ip", "broadcast"}, "ip broadcast", masked, cbpf.Format},
		{[]string{"-d"}, "", base, cbpf.Format},
	}
	for _, tt := range tests {
		prog, err := cbpf.Compile(tt.expr, tt.opts)
		if err != nil {
			t.Errorf("cbpf.Compile(%q, %+v): %v", tt.expr, tt.opts, err)
			continue
		}
		want, err := tt.format(prog)
		if err != nil {
			t.Errorf("formatting %q: %v", tt.expr, err)
			continue
		}
		code, stdout, stderr := runArgs(t, tt.args...)
		if code != 0 || stderr != "" {
			t.Errorf("filterc %q: exit %d, stderr %q; want 0 and nothing", tt.args, code, stderr)
			continue
		}
		if stdout != withNewline(want) {
			t.Errorf("filterc %q printed\n%s\nwant\n%s", tt.args, stdout, want)
		}
	}
}

// TestCompileErrorCaret checks that a bad expression exits 1 with the
// message, the expression and a caret under the offending text, as
// parser.Error.Caret renders it.
func TestCompileErrorCaret(t *testing.T) {
	for _, expr := range []string{
		"tcp port 99999",
		"tcp and",
		"ip host 10.0.0.1 and (udp",
		"ether host 1:2:3:4:5:6:7",
		"ip[1:3] = 1",
	} {
		_, cerr := cbpf.Compile(expr, defaultOptions(t))
		var perr *parser.Error
		if !errors.As(cerr, &perr) {
			t.Errorf("cbpf.Compile(%q) = %v, want a *parser.Error", expr, cerr)
			continue
		}
		code, stdout, stderr := runArgs(t, strings.Fields(expr)...)
		if code != 1 || stdout != "" {
			t.Errorf("filterc %q: exit %d, stdout %q; want 1 and nothing", expr, code, stdout)
		}
		if want := "filterc: " + perr.Caret(expr) + "\n"; stderr != want {
			t.Errorf("filterc %q: stderr\n%s\nwant\n%s", expr, stderr, want)
		}
		// Independently of Caret's rendering: the caret sits under a
		// character of the expression.
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		if len(lines) != 3 || !strings.HasSuffix(lines[1], expr) {
			t.Errorf("filterc %q: stderr %q, want message, expression and caret lines", expr, stderr)
			continue
		}
		exprCol := len(lines[1]) - len(expr)
		caretCol := strings.IndexByte(lines[2], '^')
		if caretCol < exprCol || caretCol > exprCol+len(expr) {
			t.Errorf("filterc %q: caret at column %d, outside the expression (columns %d..%d)", expr, caretCol, exprCol, exprCol+len(expr))
		}
	}
}

// TestFilterFile checks -F: the expression comes from the file, '#'
// comments are ignored, and command-line words are ignored as tcpdump does.
func TestFilterFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	if err := os.WriteFile(good, []byte("tcp # web only\n  and port 80\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	prog, err := cbpf.Compile("tcp and port 80", defaultOptions(t))
	if err != nil {
		t.Fatalf("cbpf.Compile: %v", err)
	}
	want, err := cbpf.Format(prog)
	if err != nil {
		t.Fatalf("cbpf.Format: %v", err)
	}
	code, stdout, stderr := runArgs(t, "-F", good, "udp")
	if code != 0 || stderr != "" || stdout != withNewline(want) {
		t.Errorf("filterc -F %s udp: exit %d, stderr %q, stdout\n%s\nwant exit 0 and\n%s", good, code, stderr, stdout, want)
	}

	bad := filepath.Join(dir, "bad")
	text := "tcp # comment\nand port 99999\n"
	if err := os.WriteFile(bad, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	blanked := "tcp          \nand port 99999\n"
	_, cerr := cbpf.Compile(blanked, defaultOptions(t))
	var perr *parser.Error
	if !errors.As(cerr, &perr) {
		t.Fatalf("cbpf.Compile(%q) = %v, want a *parser.Error", blanked, cerr)
	}
	code, _, stderr = runArgs(t, "-F", bad)
	if want := "filterc: " + perr.Caret(blanked) + "\n"; code != 1 || stderr != want {
		t.Errorf("filterc -F %s: exit %d, stderr\n%s\nwant exit 1 and\n%s", bad, code, stderr, want)
	}
}

// TestAgainstTcpdump compares the unoptimized listing with local tcpdump's
// for expressions where libpcap 1.10.3 and libpcap master agree. Where the
// shared corpus has the expression, its master listing was checked to equal
// 1.10.3's. Not "ip host 10.0.0.1": master tests the ethertype once for
// both addresses, 1.10.3 twice.
func TestAgainstTcpdump(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump is not installed (apt-get install tcpdump); skipping the comparison with libpcap")
	}
	for _, expr := range []string{
		"ip",
		"arp",
		"tcp",
		"ip6",
		"ip proto 6",
		"ether host 1:2:3:4:5:6",
		"ether host ab:cd:ef:0:0:1",
		"less 100",
		"udp port 53",
		"not ip6",
	} {
		cmd := exec.Command(tcpdump, "-y", "EN10MB", "-O", "-d", expr)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Errorf("tcpdump -y EN10MB -O -d %q: %v; stderr: %s", expr, err, errb.String())
			continue
		}
		code, stdout, stderr := runArgs(t, "-y", "EN10MB", "-O", "-d", expr)
		if code != 0 {
			t.Errorf("filterc -y EN10MB -O -d %q: exit %d, stderr %q", expr, code, stderr)
			continue
		}
		if stdout != out.String() {
			t.Errorf("filterc -y EN10MB -O -d %q printed\n%s\ntcpdump printed\n%s", expr, stdout, out.String())
		}
	}
}
