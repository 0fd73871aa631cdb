package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/gocap/gocap/internal/savefile"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// keepDir holds, for each shared capture, the packets "tcpdump -r X -w Y
// EXPR" kept for each golden expression (golden/gen.sh writes it with the
// local tcpdump 4.99.3).
const keepDir = "../../golden/testdata/keep"

// keepFailuresFile lists the cases of TestKeepsGoldenExpressions known to
// differ from tcpdump 4.99.3, with the reason in docs/golden.md.
const keepFailuresFile = "../../golden/testdata/keep_failures.txt"

// ownVerdictDir and ownCaptureDir are the project's own captures and the
// packets the local tcpdump keeps from them (golden/gen.sh; tcpdump -O,
// which keeps the same packets).
const (
	ownVerdictDir = "../../golden/testdata/verdicts"
	ownCaptureDir = "../../golden/testdata/pcap"
)

var updateKeep = flag.Bool("update-keep", false, "rewrite "+keepFailuresFile+" from this run of TestKeepsGoldenExpressions")

// keepFile is one golden/testdata/keep/*.json (see genverdicts).
type keepFile struct {
	Capture string `json:"capture"`
	Packets int    `json:"packets"`
	Records []struct {
		Expr  string `json:"expr"`
		Kept  []int  `json:"kept"`
		Error string `json:"error"`
	} `json:"records"`
}

// TestKeepsGoldenExpressions checks that gocap keeps what tcpdump keeps
// for every golden expression (golden/testdata/expressions.txt) on every
// shared capture that tcpdump reads cleanly and on the project's own
// captures, with both engines. It runs
// gocap's own reading, compiling and filtering code in-process (the
// command-line path is TestKeepsWhatTcpdumpKeeps) against kept sets that
// golden/gen.sh recorded from the local tcpdump.
func TestKeepsGoldenExpressions(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("shared corpus %s is absent: %v", corpusDir, err)
	}
	files, err := filepath.Glob(filepath.Join(keepDir, "*.json"))
	if err != nil || len(files) < 100 {
		t.Fatalf("found %d kept-set files in %s (%v); run golden/gen.sh", len(files), keepDir, err)
	}
	// The project's own captures, with TestVerdicts' kept sets.
	own, err := filepath.Glob(filepath.Join(ownVerdictDir, "*.json"))
	if err != nil || len(own) == 0 {
		t.Fatalf("no verdict files in %s (%v)", ownVerdictDir, err)
	}
	files = append(files, own...)
	var failed []string
	var compared, cases, rejectsAll int
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var kf keepFile
		if err := json.Unmarshal(b, &kf); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		own := filepath.Dir(file) == filepath.Clean(ownVerdictDir)
		path := filepath.Join(corpusDir, kf.Capture)
		if own {
			path = filepath.Join(ownCaptureDir, kf.Capture)
		}
		// Read each capture once; every expression and engine reads it
		// from memory.
		capture, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, eng := range []string{engineEBPF, engineCBPF} {
			for _, r := range kf.Records {
				cases++
				id := eng + "/" + kf.Capture + "/" + r.Expr
				if own {
					id = eng + "/gocap:" + kf.Capture + "/" + r.Expr
				}
				got, gerr := keptByGocap(capture, path, r.Expr, eng)
				var msg string
				switch {
				case r.Error != "" && gerr == nil:
					msg = fmt.Sprintf("tcpdump refused it (%s); gocap kept %d packets", r.Error, len(got))
				case r.Error != "":
					// Both refuse it; the messages are the parser's and
					// compiler's business (corpus tests).
				case gerr != nil && len(r.Kept) == 0 && strings.Contains(gerr.Error(), "expression rejects all packets"):
					// libpcap master (cbpf's reference) refuses at compile
					// time what 1.10.3 compiles into a filter that keeps
					// nothing: the same packets are kept.
					rejectsAll++
				case gerr != nil:
					msg = fmt.Sprintf("gocap: %v; tcpdump kept %d packets", gerr, len(r.Kept))
				case !slices.Equal(got, r.Kept):
					msg = fmt.Sprintf("gocap kept %d packets, tcpdump %d; first difference at packet %d", len(got), len(r.Kept), firstDiff(got, r.Kept))
				}
				compared++
				if msg != "" {
					failed = append(failed, id)
					if !*updateKeep && !expectedKeepFailure(t, id) {
						t.Errorf("%s: %s", id, msg)
					}
				}
			}
		}
	}
	sort.Strings(failed)
	if *updateKeep {
		writeKeepFailures(t, failed)
		return
	}
	for id := range loadKeepFailures(t) {
		if !slices.Contains(failed, id) {
			t.Errorf("%s is listed in %s but now agrees with tcpdump: remove it (-update-keep)", id, keepFailuresFile)
		}
	}
	t.Logf("%d cases (%d shared and own captures × expressions × 2 engines): %d agree with tcpdump (%d of them by refusing, as libpcap master does, an expression that keeps nothing), %d listed as known differences",
		cases, len(files), compared-len(failed), rejectsAll, len(failed))
}

// keptByGocap reads a capture (the bytes of the file at path) as gocap -r
// does and returns the indices of the packets expr keeps with the named
// engine.
func keptByGocap(capture []byte, path, expr, eng string) ([]int, error) {
	cfg, err := parseArgs([]string{"--engine", eng, "-r", path, "--", expr})
	if err != nil {
		return nil, err
	}
	src, err := savefile.Open(bytes.NewReader(capture), cfg.prec)
	if err != nil {
		return nil, err
	}
	c := &command{cfg: cfg}
	filters := &filterSet{expr: cfg.expr, opts: c.compileOpts(src.Snaplen(), src.Swapped()), engine: cfg.f.engine}
	if _, err := filters.compileFor(src.LinkType()); err != nil {
		return nil, err
	}
	kept := []int{}
	for i := 0; ; i++ {
		data, rec, err := src.Next()
		if errors.Is(err, io.EOF) {
			return kept, nil
		}
		if err != nil {
			return nil, err
		}
		ok, err := filters.match(rec.LinkType, data, rec.WireLen)
		if err != nil {
			return nil, err
		}
		if ok {
			kept = append(kept, i)
		}
	}
}

func firstDiff(a, b []int) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return min(a[i], b[i])
		}
	}
	if len(a) > len(b) {
		return a[len(b)]
	}
	if len(b) > len(a) {
		return b[len(a)]
	}
	return -1
}

var keepFailures map[string]bool

func loadKeepFailures(t *testing.T) map[string]bool {
	if keepFailures != nil {
		return keepFailures
	}
	keepFailures = map[string]bool{}
	b, err := os.ReadFile(keepFailuresFile)
	if errors.Is(err, os.ErrNotExist) {
		return keepFailures
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			keepFailures[l] = true
		}
	}
	return keepFailures
}

func expectedKeepFailure(t *testing.T, id string) bool { return loadKeepFailures(t)[id] }

func writeKeepFailures(t *testing.T, failed []string) {
	var b strings.Builder
	b.WriteString("# Cases of cmd/gocap's TestKeepsGoldenExpressions where gocap does not keep what tcpdump 4.99.3\n")
	b.WriteString("# keeps: ENGINE/CAPTURE/EXPR. The reasons are in docs/golden.md (libpcap 1.10.3 against master).\n")
	b.WriteString("# Generated by: go test ./cmd/gocap -run TestKeepsGoldenExpressions -update-keep; do not edit by hand.\n")
	for _, id := range failed {
		b.WriteString(id + "\n")
	}
	if err := os.WriteFile(keepFailuresFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("-update-keep: wrote %s with %d entries", keepFailuresFile, len(failed))
}
