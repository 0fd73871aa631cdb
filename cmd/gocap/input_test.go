package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocap/gocap/internal/savefile"
)

// pcapFile builds a little-endian pcap file: header fields, then records.
type pcapFile struct {
	magic        uint32
	major, minor uint16
	snaplen      uint32
	linkType     uint32
	recs         []pcapRec
}

type pcapRec struct {
	sec, frac, caplen, wirelen uint32
	data                       []byte
}

func (f pcapFile) bytes() []byte {
	var b bytes.Buffer
	w := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	w(f.magic)
	w(f.major)
	w(f.minor)
	w(uint32(0))
	w(uint32(0))
	w(f.snaplen)
	w(f.linkType)
	for _, r := range f.recs {
		w(r.sec)
		w(r.frac)
		w(r.caplen)
		w(r.wirelen)
		b.Write(r.data)
	}
	return b.Bytes()
}

func ethFrame(n int) []byte {
	p := make([]byte, n)
	for i := range p {
		p[i] = byte(i)
	}
	return p
}

// badInputs are capture files with something wrong, built here.
func badInputs(t *testing.T) map[string][]byte {
	good := pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 100, linkType: 1,
		recs: []pcapRec{{1, 2, 60, 60, ethFrame(60)}, {1, 3, 60, 60, ethFrame(60)}}}
	goodBytes := good.bytes()
	m := map[string][]byte{
		"empty":                {},
		"two-bytes":            {0xd4, 0xc3},
		"short-header":         goodBytes[:10],
		"record-header-cut":    goodBytes[:24+16+60+7],
		"record-data-cut":      goodBytes[:24+16+30],
		"not-a-capture":        []byte("this is not a capture file at all\n"),
		"archaic":              pcapFile{magic: savefile.MagicMicro, major: 1, minor: 4, snaplen: 100, linkType: 1}.bytes(),
		"version-2.5":          pcapFile{magic: savefile.MagicMicro, major: 2, minor: 5, snaplen: 100, linkType: 1}.bytes(),
		"unknown-linktype":     pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 100, linkType: 9999, recs: good.recs}.bytes(),
		"snaplen-0":            pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 0, linkType: 1, recs: good.recs}.bytes(),
		"caplen-over-snap":     pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 40, linkType: 1, recs: good.recs}.bytes(),
		"caplen-over-max":      pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 40, linkType: 1, recs: []pcapRec{{1, 2, 300000, 300000, nil}}}.bytes(),
		"caplen-over-len":      pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 100, linkType: 1, recs: []pcapRec{{1, 2, 60, 30, ethFrame(60)}}}.bytes(),
		"version-2.2-swap":     pcapFile{magic: savefile.MagicMicro, major: 2, minor: 2, snaplen: 100, linkType: 1, recs: []pcapRec{{1, 2, 80, 60, ethFrame(60)}}}.bytes(),
		"linktype-raw-101":     pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 100, linkType: 101, recs: []pcapRec{{1, 2, 20, 20, append([]byte{0x45}, make([]byte, 19)...)}}}.bytes(),
		"nano-magic":           pcapFile{magic: savefile.MagicNano, major: 2, minor: 4, snaplen: 100, linkType: 1, recs: []pcapRec{{1, 999999999, 60, 60, ethFrame(60)}}}.bytes(),
		"usec-out-of-range":    pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 100, linkType: 1, recs: []pcapRec{{1, 2000000, 60, 60, ethFrame(60)}}}.bytes(),
		"caplen-over-snap-cut": pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 53, linkType: 1, recs: []pcapRec{{1, 2, 90, 90, ethFrame(35)}}}.bytes(),
		"caplen-over-snap-c":   pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 40, linkType: 1, recs: []pcapRec{{1, 2, 60, 60, ethFrame(50)}}}.bytes(),
		// Over the link type's largest captured length but not over the
		// header's snapshot length; D-Bus and USBPcap have larger ones.
		"caplen-over-max-only": pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 0x7fffffff, linkType: 1, recs: []pcapRec{{1, 2, 300000, 300000, ethFrame(300000)}}}.bytes(),
		"dbus-snaplen-0":       pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 0, linkType: 231, recs: []pcapRec{{1, 2, 300000, 300000, ethFrame(300000)}}}.bytes(),
		"dbus-snaplen-2g":      pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 0x80000000, linkType: 231, recs: []pcapRec{{1, 2, 60, 60, ethFrame(60)}}}.bytes(),
		"usbpcap-snaplen-0":    pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 0, linkType: 249, recs: []pcapRec{{1, 2, 2000000, 2000000, ethFrame(60)}}}.bytes(),
		"dbus-caplen-over-max": pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 100, linkType: 231, recs: []pcapRec{{1, 2, 200 << 20, 200 << 20, nil}}}.bytes(),
	}
	if ng, err := os.ReadFile(filepath.Join(corpusDir, "generated", "gen-lo-dumpcap.pcapng")); err == nil {
		for _, n := range []int{5, 12, 27, 100, 300, 1000, 5000} {
			m["pcapng-cut-"+itoa(n)] = ng[:n]
		}
	}
	return m
}

// TestBadInputLikeTcpdump: for each broken file, gocap's exit status,
// stderr (with the "tcpdump: " prefix as "gocap: ") and -w output match
// tcpdump's.
func TestBadInputLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	dir := t.TempDir()
	for name, data := range badInputs(t) {
		in := filepath.Join(dir, name+".in")
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, expr := range []string{"", "tcp or not tcp"} {
			if expr != "" && (strings.Contains(name, "dbus") || strings.Contains(name, "usbpcap")) {
				// No filter compiles for these link types, and the
				// message is libpcap master's, not 1.10.3's
				// (docs/quirks.md, "Compile errors are master's words").
				continue
			}
			gOut, tOut := filepath.Join(dir, name+".g"), filepath.Join(dir, name+".t")
			tc, _, te := runTcpdump("-r", in, "-w", tOut, expr)
			gc, _, ge := runGocap(t, nil, "-r", in, "-w", gOut, expr)
			if gc != tc || ge != tcpdumpMessage(te) {
				t.Errorf("%s %q: exit %d, stderr %q\ntcpdump: exit %d, stderr %q", name, expr, gc, ge, tc, tcpdumpMessage(te))
			}
			want, werr := os.ReadFile(tOut)
			got, gerr := os.ReadFile(gOut)
			if (werr == nil) != (gerr == nil) || !bytes.Equal(got, want) {
				t.Errorf("%s %q: output file differs from tcpdump's (gocap err %v, tcpdump err %v, %d vs %d bytes)", name, expr, gerr, werr, len(got), len(want))
			}
			// Whatever gocap left must be a capture tcpdump reads.
			if gerr == nil {
				if c, _, e := runTcpdump("-r", gOut); c != 0 {
					t.Errorf("%s: tcpdump cannot read gocap's output: %s", name, e)
				}
			}
		}
	}
}

// TestMissingFile needs no tcpdump: the message is fixed.
func TestMissingFile(t *testing.T) {
	code, out, errs := runGocap(t, nil, "-r", "no/such/file.pcap")
	if code != 1 || out != "" || errs != "gocap: no/such/file.pcap: No such file or directory\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestNoHalfWrittenOutput: a filter that does not compile and an input
// that cannot be opened leave no output file; an unwritable output
// directory is an error naming the file.
func TestNoHalfWrittenOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	f := pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 100, linkType: 1,
		recs: []pcapRec{{1, 2, 60, 60, ethFrame(60)}}}
	if err := os.WriteFile(in, f.bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.pcap")
	code, _, errs := runGocap(t, nil, "-r", in, "-w", out, "tcp port 99999")
	if code != 1 || !strings.Contains(errs, "gocap: ") || !strings.Contains(errs, "^") {
		t.Errorf("bad filter: exit %d, stderr %q (want a caret under the port)", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a filter error left an output file")
	}
	code, _, errs = runGocap(t, nil, "-r", in, "-w", filepath.Join(dir, "no", "such", "dir.pcap"))
	if code != 1 || !strings.Contains(errs, "No such file or directory") {
		t.Errorf("unwritable output: exit %d, stderr %q", code, errs)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".gocap-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	// Success: the file is there and complete.
	if code, _, errs := runGocap(t, nil, "-r", in, "-w", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got, err := os.ReadFile(out)
	if err != nil || !bytes.Equal(got, f.bytes()) {
		t.Errorf("copying a pcap file changed it (err %v)", err)
	}
}

// TestFlags checks grouped and repeated short flags, stdin and stdout.
func TestFlags(t *testing.T) {
	f := pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 100, linkType: 1,
		recs: []pcapRec{{1, 2, 60, 60, ethFrame(60)}, {1, 3, 60, 60, ethFrame(60)}, {3, 3, 60, 60, ethFrame(60)}}}
	data := f.bytes()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}

	cfg, err := parseArgs([]string{"-nnvvvXXttt", "-#", "-c", "2", "-nvr", in, "-e", "tcp", "port", "80"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.f.numeric != 3 || cfg.f.verbose != 4 || cfg.f.hexASCII != 2 || cfg.f.tstamp != 3 ||
		!cfg.f.number || cfg.limit != 2 || cfg.f.read != in || !cfg.f.link || cfg.expr != "tcp port 80" {
		t.Errorf("parsed %+v, expr %q, limit %d", cfg.f, cfg.expr, cfg.limit)
	}

	// -r - and -w -: a pass-through copy.
	code, out, errs := runGocap(t, bytes.NewReader(data), "-r", "-", "-w", "-")
	if code != 0 || out != string(data) {
		t.Errorf("-r - -w -: exit %d, %d bytes out (want %d), stderr %q", code, len(out), len(data), errs)
	}
	if want := "reading from file -, link-type EN10MB (Ethernet), snapshot length 100\n"; errs != want {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	// --count and -c.
	if _, out, _ := runGocap(t, nil, "-r", in, "--count"); out != "3 packets\n" {
		t.Errorf("--count printed %q", out)
	}
	if _, out, _ := runGocap(t, nil, "-r", in, "--count", "-c", "1"); out != "1 packet\n" {
		t.Errorf("--count -c 1 printed %q", out)
	}
	// -# and -tt on the stand-in printer: number and epoch timestamp.
	_, out, _ = runGocap(t, nil, "-#tt", "-r", in, "-c1")
	if !strings.HasPrefix(out, "    1  1.000002 ") {
		t.Errorf("-# -tt printed %q", out)
	}
	// Bad flags and values.
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"-c", "0", "-r", in},
		{"-y", "NOPE", "-d"},
		{"--time-stamp-precision", "pico", "-r", in},
		{"-s", "300000", "-r", in},
	} {
		if code, _, errs := runGocap(t, nil, args...); code != 1 || !strings.HasPrefix(errs, "gocap: ") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
	// Both engines, and an unknown one.
	for _, e := range []string{"ebpf", "cbpf"} {
		if code, out, errs := runGocap(t, nil, "--engine", e, "-r", in, "--count", "ether[0] = 0"); code != 0 || out != "3 packets\n" {
			t.Errorf("--engine %s: exit %d, %q, stderr %q", e, code, out, errs)
		}
	}
	if code, _, errs := runGocap(t, nil, "--engine", "jit", "-r", in); code != 1 || !strings.Contains(errs, "unknown engine") {
		t.Errorf("--engine jit: exit %d, stderr %q", code, errs)
	}
}

// TestFlagsLikeTcpdump runs flags that change little or nothing offline
// next to tcpdump: same exit status, output and messages.
func TestFlagsLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	f := pcapFile{magic: savefile.MagicMicro, major: 2, minor: 4, snaplen: 100, linkType: 1,
		recs: []pcapRec{{1, 2, 60, 60, ethFrame(60)}, {1, 3, 60, 60, ethFrame(60)}}}
	in := filepath.Join(t.TempDir(), "in.pcap")
	if err := os.WriteFile(in, f.bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-f", "-r", in},
		{"-N", "-nn", "-e", "-r", in},
		{"-j", "bogus", "-r", in},
	} {
		tc, to, te := runTcpdump(args...)
		gc, gout, ge := runGocap(t, nil, args...)
		if gc != tc || gout != to || ge != tcpdumpMessage(te) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q\ntcpdump: exit %d, stdout %q, stderr %q", args, gc, gout, ge, tc, to, tcpdumpMessage(te))
		}
	}
}

// TestDumpLikeTcpdump compares -d, -dd and -ddd with tcpdump's, with and
// without -r. It uses -O: cbpf has no optimizer yet, so only unoptimized
// programs can match.
func TestDumpLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	file := filepath.Join(corpusDir, "print-flags.pcap")
	if _, err := os.Stat(file); err != nil {
		t.Skipf("shared corpus file %s is absent", file)
	}
	for _, args := range [][]string{
		{"-O", "-d", "tcp port 80"},
		{"-O", "-dd", "ip broadcast"},
		{"-O", "-ddd", "udp"},
		{"-O", "-d", "-y", "RAW", "tcp"},
		{"-O", "-d", "-r", file, "tcp"},
		{"-O", "-dd", "-r", file, "ip broadcast"},
		{"-O", "-d", "-r", file, "-y", "RAW", "udp"},
	} {
		tc, to, te := runTcpdump(args...)
		gc, gout, ge := runGocap(t, nil, args...)
		if tc != gc || to != gout || tcpdumpMessage(te) != ge {
			t.Errorf("%q: exit %d, stdout\n%s\nstderr %q\ntcpdump: exit %d, stdout\n%s\nstderr %q", args, gc, gout, ge, tc, to, te)
		}
	}
}

// TestFileListLikeTcpdump runs -V next to tcpdump: lists of shared
// captures with one or several link types, -c (counted per file, as
// tcpdump does), --count, a filter, -w (one link type only), a missing
// file in the middle, an empty list, a name ending in a carriage return,
// and -V with -r. Exit status, output, messages and the -w file must be
// tcpdump's.
func TestFileListLikeTcpdump(t *testing.T) {
	needTcpdump(t)
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("shared corpus %s is absent: %v", corpusDir, err)
	}
	dir := t.TempDir()
	c := func(name string) string { return filepath.Join(corpusDir, name) }
	lists := map[string]string{
		"same":    c("802.1D_spanning_tree.pcap") + "\n" + c("dns_udp.pcap") + "\n",
		"mixed":   c("802.1D_spanning_tree.pcap") + "\n" + c("dns_udp.pcap") + "\n" + c("LINKTYPE_IPV4.pcap") + "\n" + c("OSPFv2_Capture_FINAL.pcapng") + "\n",
		"missing": c("802.1D_spanning_tree.pcap") + "\n" + c("no-such-file.pcap") + "\n" + c("dns_udp.pcap") + "\n",
		"empty":   "",
		"cr":      c("dns_udp.pcap") + "\r\n",
		"blank":   c("dns_udp.pcap") + "\n\n",
	}
	for name, text := range lists {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := func(name string) string { return filepath.Join(dir, name) }
	out := filepath.Join(dir, "out.pcap")
	for _, args := range [][]string{
		{"-nn", "-V", l("same")},
		{"-nn", "-V", l("same"), "-c", "2"},
		{"-nn", "-V", l("same"), "-c", "2", "--count"},
		{"-nn", "-V", l("mixed")},
		{"-nn", "-V", l("mixed"), "ip"},
		{"-nn", "-V", l("mixed"), "-c", "1", "tcp"},
		{"-nn", "-V", l("mixed"), "-w", out},
		{"-nn", "-V", l("same"), "-w", out},
		{"-nn", "-V", l("missing"), "-c", "1"},
		{"-V", l("empty")},
		{"-V", l("cr")},
		{"-nn", "-V", l("blank")},
		{"-V", l("no-such-list")},
		{"-V", l("same"), "-r", l("same")},
		{"-d", "-V", l("mixed"), "ip"},
	} {
		os.Remove(out)
		tc, to, te := runTcpdump(args...)
		want, werr := os.ReadFile(out)
		os.Remove(out)
		gc, gout, ge := runGocap(t, nil, args...)
		got, gerr := os.ReadFile(out)
		if gc != tc || gout != to || ge != tcpdumpMessage(te) {
			t.Errorf("%q: exit %d, stderr %q\ntcpdump: exit %d, stderr %q\nstdout same: %v", args, gc, ge, tc, tcpdumpMessage(te), gout == to)
		}
		if (werr == nil) != (gerr == nil) || !bytes.Equal(got, want) {
			t.Errorf("%q: -w file differs from tcpdump's (%d vs %d bytes, errors %v, %v)", args, len(got), len(want), gerr, werr)
		}
	}
	// -V - reads the list from standard input.
	list, _ := os.ReadFile(l("same"))
	if code, gout, _ := runGocap(t, bytes.NewReader(list), "-nn", "--count", "-V", "-"); code != 0 || gout == "" {
		t.Errorf("-V -: exit %d, stdout %q", code, gout)
	} else if _, to, _ := runTcpdump("-nn", "--count", "-V", l("same")); gout != to {
		t.Errorf("-V - printed %q, tcpdump -V FILE %q", gout, to)
	}
}
