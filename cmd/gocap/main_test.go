package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gocap/gocap/internal/corpus"
)

// corpusDir is the shared tcpdump capture corpus beside the checkout.
var corpusDir = corpus.TcpdumpDir()

// runGocap runs the command in-process.
func runGocap(t *testing.T, stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	code = run(args, stdin, &out, &errb)
	return code, out.String(), errb.String()
}

// runTcpdump runs the local tcpdump, in UTC.
func runTcpdump(args ...string) (code int, stdout, stderr string) {
	cmd := exec.Command("tcpdump", args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		code = -1
	}
	return code, out.String(), errb.String()
}

func needTcpdump(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump is not installed (apt-get install tcpdump); the comparison with it cannot run")
	}
}

// tcpdumpMessage rewrites tcpdump's stderr into gocap's: the "tcpdump: "
// prefix becomes "gocap: ".
func tcpdumpMessage(s string) string {
	return strings.ReplaceAll(s, "tcpdump: ", "gocap: ")
}

// mixedLinkTypes is a pcapng file whose interfaces have different link
// types: libpcap 1.10.3 refuses it, and so does gocap.
const mixedLinkTypes = "gen-multi-if-mixed-linktype.pcapng"

// TestKeepsWhatTcpdumpKeeps runs "-r X -w Y EXPR" through gocap (with
// each engine) and tcpdump for every capture and a set of expressions,
// and requires the same exit status and byte-identical output files. When tcpdump fails
// before compiling (a broken file), the messages must match too.
func TestKeepsWhatTcpdumpKeeps(t *testing.T) {
	needTcpdump(t)
	exprs := []string{
		"",
		"tcp",
		"udp",
		"ip",
		"ip6",
		"arp",
		"icmp or icmp6",
		"tcp port 80 or udp port 53",
		"not ip and not ip6",
		"greater 200",
		"ip[8] < 64",
		"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0",
		"vlan",
		"ip6 protochain 58",
		"net 10.0.0.0/8 or host 127.0.0.1",
		"ether broadcast or ether multicast",
	}
	files := corpus.Captures(t)
	var (
		mu                     sync.Mutex
		compared, notSupported int
		unsupported            []string
	)
	t.Run("files", func(t *testing.T) {
		for _, file := range files {
			t.Run(filepath.Base(file), func(t *testing.T) {
				t.Parallel()
				c, n := compareWithTcpdump(t, file, exprs)
				mu.Lock()
				defer mu.Unlock()
				compared += c
				notSupported += n
				if n > 0 {
					unsupported = append(unsupported, filepath.Base(file))
				}
			})
		}
	})
	if compared == 0 {
		t.Fatal("nothing was compared")
	}
	sort.Strings(unsupported)
	t.Logf("%d runs compared with tcpdump; %d not compared because cbpf does not support the link type yet: %s",
		compared, notSupported, strings.Join(unsupported, ", "))
}

// compareWithTcpdump runs each expression over file through both tools
// and reports how many runs it compared and how many it could not.
func compareWithTcpdump(t *testing.T, file string, exprs []string) (compared, notSupported int) {
	dir := t.TempDir()
	base := filepath.Base(file)
	{
		for _, expr := range exprs {
			var args []string
			if expr != "" {
				args = []string{expr}
			}
			gOut := filepath.Join(dir, "g.pcap")
			tOut := filepath.Join(dir, "t.pcap")
			os.Remove(gOut)
			os.Remove(tOut)
			tc, _, te := runTcpdump(append([]string{"-r", file, "-w", tOut}, args...)...)
			for _, eng := range []string{engineEBPF, engineCBPF} {
				os.Remove(gOut)
				gc, _, ge := runGocap(t, nil, append([]string{"--engine", eng, "-r", file, "-w", gOut}, args...)...)
				name := base + " '" + expr + "' (" + eng + ")"
				if tc == 0 && gc != 0 && strings.Contains(ge, "not supported") {
					// cbpf does not generate code for this link type
					// yet; say so rather than pass silently.
					notSupported++
					continue
				}
				if tc == 0 && gc == 1 && strings.Contains(ge, "gocap: expression rejects all packets") {
					// libpcap master (cbpf's reference) refuses at compile
					// time what 1.10.3 compiles into a filter that keeps
					// nothing: then tcpdump's file must hold no packet.
					if recs, err := readPcapFile(tOut); err != nil || len(recs) != 0 {
						t.Errorf("%s: gocap says the expression rejects all packets, tcpdump kept %d (%v)", name, len(recs), err)
					}
					continue
				}
				if tc != gc {
					t.Errorf("%s: exit %d, tcpdump %d\ngocap stderr: %stcpdump stderr: %s", name, gc, tc, ge, te)
					continue
				}
				compared++
				firstLine := func(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
				if tc == 0 || !strings.HasPrefix(te, "reading from file") {
					// Either all went well or the file itself is bad:
					// the messages must be tcpdump's.
					if want := tcpdumpMessage(te); ge != want {
						t.Errorf("%s: stderr\n%q, tcpdump\n%q", name, ge, want)
					}
				} else if firstLine(ge) != firstLine(te) {
					t.Errorf("%s: first stderr line %q, tcpdump %q", name, firstLine(ge), firstLine(te))
				}
				if tc != 0 && strings.HasPrefix(te, "reading from file") && !strings.Contains(te, "pcap_loop") {
					continue // a filter error: no output file from either
				}
				want, werr := os.ReadFile(tOut)
				got, gerr := os.ReadFile(gOut)
				if (werr == nil) != (gerr == nil) {
					t.Errorf("%s: output file: gocap %v, tcpdump %v", name, gerr, werr)
					continue
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: output differs: %s", name, describeDiff(got, want))
				}
			}
		}
	}
	return compared, notSupported
}

// describeDiff says how two pcap files differ: packet counts and the first
// differing record.
func describeDiff(got, want []byte) string {
	g, gerr := pcapRecords(got)
	w, werr := pcapRecords(want)
	if gerr != nil || werr != nil {
		return "unreadable: gocap " + errString(gerr) + ", tcpdump " + errString(werr)
	}
	if len(g) != len(w) {
		return "gocap kept " + itoa(len(g)) + " packets, tcpdump " + itoa(len(w))
	}
	for i := range g {
		if !bytes.Equal(g[i], w[i]) {
			return "record " + itoa(i) + " differs"
		}
	}
	return "file headers differ: " + hexPrefix(got) + " vs " + hexPrefix(want)
}

func errString(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}

func itoa(n int) string { return strconv.Itoa(n) }

func hexPrefix(b []byte) string {
	const hexdigits = "0123456789abcdef"
	var s []byte
	for i := 0; i < len(b) && i < 24; i++ {
		s = append(s, hexdigits[b[i]>>4], hexdigits[b[i]&15])
	}
	return string(s)
}

func readPcapFile(name string) ([][]byte, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return pcapRecords(b)
}

// pcapRecords splits a little-endian pcap file into its records (header
// and data), for comparisons.
func pcapRecords(b []byte) ([][]byte, error) {
	if len(b) < 24 {
		return nil, errors.New("short file")
	}
	var recs [][]byte
	for off := 24; off < len(b); {
		if len(b)-off < 16 {
			return nil, errors.New("short record header")
		}
		n := int(binary.LittleEndian.Uint32(b[off+8:]))
		if len(b)-off-16 < n {
			return nil, errors.New("short record")
		}
		recs = append(recs, b[off:off+16+n])
		off += 16 + n
	}
	return recs, nil
}

// TestMixedLinkTypes: libpcap 1.10.3 refuses a pcapng file whose
// interfaces have different link types when it reads the second interface
// block, and so does gocap, with the same message, output and exit status,
// whether it prints, counts or writes.
func TestMixedLinkTypes(t *testing.T) {
	needTcpdump(t)
	file := filepath.Join(corpusDir, "generated", mixedLinkTypes)
	if _, err := os.Stat(file); err != nil {
		t.Skipf("shared corpus file %s is absent", file)
	}
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-n"}, {"-n", "-e"}, {"--count"}, {"-n", "icmp or tcp"},
		{"-w", filepath.Join(dir, "out.pcap")}, {"-w", filepath.Join(dir, "out.pcapng"), "--pcapng"},
	} {
		tArgs := append([]string{"-r", file}, args...)
		if args[len(args)-1] == "--pcapng" {
			tArgs = tArgs[:len(tArgs)-1] // tcpdump 4.99.3 has no --pcapng
		}
		tc, to, te := runTcpdump(tArgs...)
		gc, gout, ge := runGocap(t, nil, append([]string{"-r", file}, args...)...)
		if gc != tc || gout != to || ge != tcpdumpMessage(te) {
			t.Errorf("%q: gocap exit %d, stdout %q, stderr %q; tcpdump exit %d, stdout %q, stderr %q", args, gc, gout, ge, tc, to, te)
		}
	}
}

// sample is the capture the README's quick start reads.
const sample = "testdata/sample.pcap"

// TestPrintsLikeTcpdump prints the bundled sample and two shared captures
// with -nn -tt and compares with tcpdump line by line. The protocol
// printer has its own golden tests; this checks the plumbing: one line
// per packet, in order, with the stderr line. It logs the share of lines
// identical to tcpdump's.
func TestPrintsLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	files := []string{sample, filepath.Join(corpusDir, "print-flags.pcap"), filepath.Join(corpusDir, "generated", "gen-lo-nano.pcap")}
	for _, file := range files {
		if _, err := os.Stat(file); err != nil {
			t.Logf("skipping %s: %v", file, err)
			continue
		}
		for _, args := range [][]string{{"-nn", "-tt"}, {"-nn", "-tt", "-#", "tcp"}, {"-nn", "-tt", "--nano"}} {
			args = append([]string{"-r", file}, args...)
			tc, to, te := runTcpdump(args...)
			gc, gout, ge := runGocap(t, nil, args...)
			if gc != tc || ge != tcpdumpMessage(te) {
				t.Errorf("%q: exit %d, stderr %q; tcpdump exit %d, stderr %q", args, gc, ge, tc, te)
			}
			want, got := strings.Split(to, "\n"), strings.Split(gout, "\n")
			if len(got) != len(want) {
				t.Errorf("%q: %d lines, tcpdump %d", args, len(got), len(want))
				continue
			}
			same := 0
			for i := range want {
				// The packet number and timestamp come before the
				// protocol text; they must always match.
				if w, g := strings.Fields(want[i]), strings.Fields(got[i]); len(w) > 1 && (len(g) < 2 || g[0] != w[0]) {
					t.Errorf("%q line %d: %q, tcpdump %q", args, i+1, got[i], want[i])
				}
				if want[i] == got[i] {
					same++
				}
			}
			t.Logf("%q: %d/%d lines identical to tcpdump's", args, same, len(want))
		}
	}
}

// TestTimestampsLikeTcpdump prints the shared captures with unusual time
// stamps (a pcapng one past 2106, one at 2038, fractions of a second or
// more in microseconds and nanoseconds) in every -t form and both
// precisions, and compares the whole output with tcpdump's.
func TestTimestampsLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	for _, name := range []string{"time_2107.pcapng", "time_2038.pcap", "timestamp_invalid_micro.pcap", "timestamp_invalid_nano.pcap"} {
		file := filepath.Join(corpusDir, name)
		if _, err := os.Stat(file); err != nil {
			t.Skipf("shared captures not found (%v): they are in ../shared beside the checkout", err)
		}
		timestampsLikeTcpdump(t, file)
	}
}

// timestampsLikeTcpdump prints file in every -t form and both precisions
// and compares the whole output, exit status and messages with tcpdump's.
func timestampsLikeTcpdump(t *testing.T, file string) {
	t.Helper()
	for _, tflag := range []string{"-nn", "-t", "-tt", "-ttt", "-tttt", "-ttttt"} {
		for _, prec := range [][]string{nil, {"--nano"}, {"--micro"}} {
			args := append([]string{"-r", file, "-nn", tflag}, prec...)
			tc, to, te := runTcpdump(args...)
			gc, gout, ge := runGocap(t, nil, args...)
			if gc != tc || ge != tcpdumpMessage(te) || gout != to {
				t.Errorf("%q: exit %d, stderr %q, output:\n%s\ntcpdump: exit %d, stderr %q, output:\n%s", args, gc, ge, gout, tc, te, to)
			}
		}
	}
}
