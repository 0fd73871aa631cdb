package main

import (
	"strings"
	"testing"
)

// TestFlagMistakesLikeTcpdump gives gocap and the local tcpdump the same
// mistaken options and requires tcpdump's exit status and the same first
// line on stderr (getopt_long's wording); what follows it (tcpdump's
// version lines and usage, gocap's usage) differs by design.
func TestFlagMistakesLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	cases := [][]string{
		{"-k"},
		{"-nvk"},
		{"--foo"},
		{"--foo=1"},
		{"-w"},
		{"-c"},
		{"-r"},
		{"-nr"},
		{"--count=3"},
		{"--print=yes"},
		{"-F"},
	}
	for _, args := range cases {
		gc, _, ge := runGocap(t, nil, args...)
		tc, _, te := runTcpdump(args...)
		g, _, _ := strings.Cut(ge, "\n")
		w, _, _ := strings.Cut(tcpdumpMessage(te), "\n")
		if gc != tc || g != w {
			t.Errorf("%q: exit %d, %q; tcpdump: exit %d, %q", args, gc, g, tc, w)
		}
	}
}

// TestHarnessOptionsLikeTcpdump checks the two options tcpdump's own test
// harness relies on beyond the documented ones: --fp-type (its stdout and
// status) and -m MODULE, which a build without libsmi ignores with a
// warning before reading on.
func TestHarnessOptionsLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	gc, gout, ge := runGocap(t, nil, "--fp-type")
	tc, tout, te := runTcpdump("--fp-type")
	if gc != tc || gout != tout || ge != tcpdumpMessage(te) {
		t.Errorf("--fp-type: exit %d, %q, %q; tcpdump: exit %d, %q, %q", gc, gout, ge, tc, tout, te)
	}
	args := []string{"-n", "-m", "RFC1213-MIB", "-m", "IF-MIB", "-r", "testdata/sample.pcap", "-c", "2"}
	gc, gout, ge = runGocap(t, nil, args...)
	tc, tout, te = runTcpdump(args...)
	if gc != tc || gout != tout || ge != tcpdumpMessage(te) {
		t.Errorf("%q: exit %d\n%s%s\ntcpdump: exit %d\n%s%s", args, gc, gout, ge, tc, tout, te)
	}
}

// TestMistakesLikeTcpdump runs command lines a tcpdump user gets wrong, or
// right in ways easy to miss, through gocap and the local tcpdump and
// requires the same exit status, standard output and standard error (the
// program's name aside): -d's snapshot length from -s, too many -t, a
// -F file that cannot be read (reported once the input is open), a
// directory given to -r or -V, and -y with a number or a "DLT_" name.
func TestMistakesLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	dir := t.TempDir()
	const s = "testdata/sample.pcap"
	cases := [][]string{
		{"-d", "-s", "100", "tcp"},
		{"-d", "-s", "0", "tcp"},
		{"-d", "-y", "RAW", "-s", "70000", "ip"},
		{"-ddd", "-s", "96", "udp"},
		{"-tttttt", "-r", s},
		{"-r", s, "-F", dir + "/none"},
		{"-r", s, "-F", dir},
		{"-d", "-F", dir + "/none"},
		{"-r", dir},
		{"-V", dir},
		{"-d", "-y", "12", "ip"},
		{"-d", "-y", "DLT_EN10MB", "ip"},
		{"-d", "-y", "en10mb", "ip"},
		{"--time-stamp-precision", "pico", "-r", s},
	}
	for _, args := range cases {
		gc, gout, ge := runGocap(t, nil, args...)
		tc, tout, te := runTcpdump(args...)
		if gc != tc || gout != tout || ge != tcpdumpMessage(te) {
			t.Errorf("%q: exit %d\n%s%s\ntcpdump: exit %d\n%s%s", args, gc, gout, ge, tc, tout, tcpdumpMessage(te))
		}
	}
}

// TestOldOptionsLikeTcpdump checks two letters tcpdump 4.99.3 takes
// without documenting them: -a, ignored (alone and inside a group of
// letters), and -Y, which a build without the filter parser's debugging
// answers with its usage and status 1 and no word about the option.
func TestOldOptionsLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	for _, args := range [][]string{
		{"-a", "-r", "testdata/sample.pcap", "-c", "2"},
		{"-nav", "-r", "testdata/sample.pcap", "-c", "2"},
	} {
		gc, gout, ge := runGocap(t, nil, args...)
		tc, tout, te := runTcpdump(args...)
		if gc != tc || gout != tout || ge != tcpdumpMessage(te) {
			t.Errorf("%q: exit %d\n%s%s\ntcpdump: exit %d\n%s%s", args, gc, gout, ge, tc, tout, te)
		}
	}
	for _, args := range [][]string{{"-Y"}, {"-nY", "-r", "testdata/sample.pcap"}} {
		gc, gout, ge := runGocap(t, nil, args...)
		tc, tout, te := runTcpdump(args...)
		if gc != tc || gout != tout || !strings.Contains(te, "Usage: tcpdump") || !strings.HasPrefix(ge, "Usage: gocap") {
			t.Errorf("%q: exit %d, %q, %q; tcpdump: exit %d, %q, %q", args, gc, gout, ge, tc, tout, te)
		}
	}
}
