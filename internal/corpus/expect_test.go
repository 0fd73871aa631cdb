package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

func set(ids ...string) map[string]bool {
	m := make(map[string]bool)
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func TestReconcile(t *testing.T) {
	known := set("a/pass", "a/fail", "a/listed-fail", "a/listed-pass", "b/not-run", "b/not-run-listed")
	listed := set("a/listed-fail", "a/listed-pass", "b/not-run-listed", "gone")
	results := map[string]bool{
		"a/pass":        true,
		"a/fail":        false,
		"a/listed-fail": false,
		"a/listed-pass": true,
	}
	r := Reconcile(listed, known, results)
	want := Reconciliation{
		UnexpectedFailures: []string{"a/fail"},
		UnexpectedPasses:   []string{"a/listed-pass"},
		Stale:              []string{"gone"},
		Updated:            []string{"a/fail", "a/listed-fail", "b/not-run-listed"},
		ExpectedFailures:   1,
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("Reconcile:\n got %+v\nwant %+v", r, want)
	}
	if r.OK() {
		t.Error("OK() = true with unexpected failures, passes and stale entries")
	}

	// A run that matches its list exactly is OK, and -update keeps it.
	listed = set("a/fail", "a/listed-fail", "b/not-run-listed")
	delete(results, "a/listed-pass")
	r = Reconcile(listed, known, results)
	if !r.OK() || r.ExpectedFailures != 2 {
		t.Errorf("matching run: OK=%v ExpectedFailures=%d (%+v)", r.OK(), r.ExpectedFailures, r)
	}
	if want := []string{"a/fail", "a/listed-fail", "b/not-run-listed"}; !slices.Equal(r.Updated, want) {
		t.Errorf("matching run: Updated = %q, want %q", r.Updated, want)
	}
}

func TestListRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "list.txt")
	if l, err := ReadList(path); err != nil || len(l) != 0 {
		t.Fatalf("ReadList(missing) = %v, %v; want empty, nil", l, err)
	}
	names := []string{"reject/RAW/x", "accept/EN10MB/y/0", "accept/EN10MB/y/1 with space"}
	if err := WriteList(path, []string{"header line"}, names); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const wantText = "# header line\naccept/EN10MB/y/0\naccept/EN10MB/y/1 with space\nreject/RAW/x\n"
	if string(b) != wantText {
		t.Errorf("file = %q, want %q", b, wantText)
	}
	got, err := ReadList(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := set(names...); !reflect.DeepEqual(got, want) {
		t.Errorf("ReadList = %v, want %v", got, want)
	}
	if err := os.WriteFile(path, []byte("a\na\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadList(path); err == nil {
		t.Error("ReadList accepted a duplicate entry")
	}
}

func TestLoadSharedCorpus(t *testing.T) {
	path := filepath.Join(Dir(), "filtertests.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("libpcap corpus not available (%v); it lives in ../shared beside the checkout", err)
	}
	cases, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var accept, reject int
	env := Env{OS: "linux", Config: map[string]bool{}, Missing: map[string]bool{}}
	for _, c := range cases {
		switch c.Kind {
		case "accept":
			accept++
			if c.ExpectedUnopt == "" && !c.PseudoExpr && c.Expr != "" {
				t.Errorf("%s: no expected_unopt", c.ID())
			}
		case "reject":
			reject++
		}
		if _, err := env.Eval(c.SkipIf); err != nil {
			t.Errorf("%s: %v", c.ID(), err)
		}
	}
	// The README gives these counts; a smaller file means a broken copy.
	if accept < 2230 || reject < 16071 {
		t.Errorf("loaded %d accept and %d reject cases, want at least 2230 and 16071", accept, reject)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"bad json":  `{"kind": "accept"`,
		"bad kind":  `{"kind": "other", "name": "x", "linktype": "EN10MB"}`,
		"duplicate": "{\"kind\": \"reject\", \"name\": \"x\", \"linktype\": \"RAW\"}\n{\"kind\": \"reject\", \"name\": \"x\", \"linktype\": \"RAW\"}\n",
	} {
		path := filepath.Join(dir, "f.jsonl")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(path); err == nil {
			t.Errorf("%s: Load succeeded", name)
		}
	}
}
