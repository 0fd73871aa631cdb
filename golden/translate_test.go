package golden

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/corpus"
)

const translateFailuresFile = "testdata/translate_failures.txt"

// translateCase is one line of translatetests.jsonl: libpcap's testprogs
// translate tests, which call one helper function on arg and compare what
// it prints.
type translateCase struct {
	Kind           string          `json:"kind"` // "translate_accept" or "translate_reject"
	Name           string          `json:"name"`
	Alias          int             `json:"alias"`
	CFunc          string          `json:"cfunc"`
	Arg            json.RawMessage `json:"arg"` // a string, a number (pcapint_xdtoi) or null
	ExpectedOutput string          `json:"expected_output"`
	ExpectedError  string          `json:"expected_error"`
	SkipIf         string          `json:"skip_if"`
}

// ID names the case in testdata/translate_failures.txt.
func (c *translateCase) ID() string {
	return c.Kind + "/" + c.Name + "/" + strconv.Itoa(c.Alias)
}

func loadTranslateCases(path string) ([]translateCase, error) {
	return readJSONL(path, func(c *translateCase) (string, error) {
		if c.Kind != "translate_accept" && c.Kind != "translate_reject" {
			return "", fmt.Errorf("unknown kind %q", c.Kind)
		}
		return c.ID(), nil
	})
}

// translator runs gocap's counterpart of one libpcap helper on arg and
// returns what libpcap's translate test program prints: "OK: ...\n" on
// success, or the error text ("ERROR: NULL", "ERROR: 0").
type translator func(arg string) string

// translators maps libpcap helpers to gocap's counterparts, printing the
// result the way libpcap's test program does.
var translators = map[string]translator{
	"pcap_nametoeproto": func(arg string) string {
		if v, ok := cbpf.EtherProtoByName(arg); ok {
			return fmt.Sprintf("OK: 0x%04x\n", v)
		}
		return "OK: PROTO_UNDEF\n"
	},
	"pcap_nametollc": func(arg string) string {
		if v, ok := cbpf.LLCByName(arg); ok {
			return fmt.Sprintf("OK: 0x%02x\n", v)
		}
		return "OK: PROTO_UNDEF\n"
	},
	"pcap_ether_aton": func(arg string) string {
		mac, err := cbpf.ParseMAC(arg)
		if err != nil {
			return "ERROR: NULL"
		}
		return fmt.Sprintf("OK: %02x:%02x:%02x:%02x:%02x:%02x\n", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5])
	},
	"pcapint_atodn": func(arg string) string {
		v, err := cbpf.ParseDECnet(arg)
		if err != nil {
			return "ERROR: 0"
		}
		return fmt.Sprintf("OK: %d.%d\n", v>>10, v&0x3ff)
	},
	"pcapint_atoan": func(arg string) string {
		v, err := cbpf.ParseARCnet(arg)
		if err != nil {
			return "ERROR: 0"
		}
		return fmt.Sprintf("OK: $%02x\n", v)
	},
}

// untranslated are the helpers of the translate tests that gocap has no
// counterpart of, with the reason. Their cases are counted, not run.
var untranslated = map[string]string{
	"pcapint_xdtoi": "converts one hex digit; gocap parses whole numbers with strconv and has no per-digit helper",
	"pcapint_get_decuint/noendp": "libpcap's strict decimal-number parser; gocap has no such helper " +
		"(filter numbers are lexed by package parser, which also takes hex and octal)",
	"pcapint_get_decuint/endp": "as pcapint_get_decuint/noendp",
	"pcapint_parsesrcstr_ex":   "parses rpcap:// and file:// source strings for remote capture, which gocap does not implement",
}

// translateEnv is corpus.GocapEnv for the translate tests. Their conditions also
// use no_translatetest (libpcap's test program was not built), which
// corpus.Env does not know; translateSkipIf rewrites it as the config macro
// NO_TRANSLATETEST, false here because gocap's helpers are always there.
// ENABLE_REMOTE (rpcap) is not defined: gocap has no remote capture.
func translateEnv() corpus.Env {
	env := corpus.GocapEnv()
	env.Config["NO_TRANSLATETEST"] = false
	env.Config["ENABLE_REMOTE"] = false
	return env
}

func translateSkipIf(cond string) string {
	return strings.ReplaceAll(cond, "no_translatetest", "config(NO_TRANSLATETEST)")
}

// TestTranslate runs libpcap's translate tests (translatetests.jsonl) for
// the helpers gocap has a counterpart of (see translators) and compares the
// printed results. Cases listed in testdata/translate_failures.txt must fail
// and all others must pass; -update rewrites the list.
func TestTranslate(t *testing.T) {
	path := filepath.Join(corpusDir, "translatetests.jsonl")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("libpcap corpus not found at %s: it is in ../shared beside the checkout (see DEVELOPERS.md)", path)
	}
	cases, err := loadTranslateCases(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s holds no cases", path)
	}
	listed, err := corpus.ReadList(translateFailuresFile)
	if err != nil {
		t.Fatal(err)
	}
	env := translateEnv()

	type funcStats struct{ run, pass, skipped, expected, noEquivalent int }
	stats := make(map[string]*funcStats)
	known := make(map[string]bool)
	results := make(map[string]bool)
	details := make(map[string]string)
	for i := range cases {
		c := &cases[i]
		id := c.ID()
		known[id] = true
		st := stats[c.CFunc]
		if st == nil {
			st = &funcStats{}
			stats[c.CFunc] = st
		}
		tr, ok := translators[c.CFunc]
		if !ok {
			if _, ok := untranslated[c.CFunc]; !ok {
				t.Errorf("%s: helper %s is neither translated nor listed as having no gocap counterpart", id, c.CFunc)
			}
			st.noEquivalent++
			continue
		}
		skip, err := env.Eval(translateSkipIf(c.SkipIf))
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if skip {
			st.skipped++
			continue
		}
		st.run++
		detail := runTranslate(c, tr)
		results[id] = detail == ""
		if detail == "" {
			st.pass++
		} else {
			details[id] = detail
			if listed[id] {
				st.expected++
			}
		}
	}

	names := make([]string, 0, len(stats))
	for name := range stats {
		names = append(names, name)
	}
	slices.Sort(names)
	var run, pass, expected, none int
	for _, name := range names {
		st := stats[name]
		if st.noEquivalent > 0 {
			t.Logf("%-28s %3d cases not run: gocap has no counterpart: %s", name, st.noEquivalent, untranslated[name])
			none += st.noEquivalent
			continue
		}
		t.Logf("%-28s %3d/%-3d pass, %3d expected failures, %3d skipped by skip_if", name, st.pass, st.run, st.expected, st.skipped)
		run += st.run
		pass += st.pass
		expected += st.expected
	}
	summary := fmt.Sprintf("translate summary: %d/%d pass, %d expected failures, %d cases for helpers gocap has no counterpart of",
		pass, run, expected, none)
	t.Log(summary)
	fmt.Println(summary)
	if run == 0 {
		t.Fatal("no translate case ran")
	}

	reconcile(t, translateFailuresFile, []string{
		"Translate cases (golden/translate_test.go) that do not pass yet: KIND/NAME/ALIAS.",
		"Generated by: go test ./golden -run TestTranslate -update; do not edit by hand; the list may only shrink.",
		"TestTranslate fails if a listed case passes or an unlisted one fails.",
	}, listed, known, results, details)
}

// runTranslate returns "" if tr prints what libpcap printed for c.
func runTranslate(c *translateCase, tr translator) string {
	var arg string
	if err := json.Unmarshal(c.Arg, &arg); err != nil {
		return fmt.Sprintf("%s: argument %s is not a string", c.CFunc, c.Arg)
	}
	got := tr(arg)
	want := c.ExpectedOutput
	if c.Kind == "translate_reject" {
		want = c.ExpectedError
	}
	if got != want {
		return fmt.Sprintf("%s(%q): got %q, want %q", c.CFunc, arg, got, want)
	}
	return ""
}
