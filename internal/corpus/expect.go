package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// ReadList reads an expected-failures file: one case ID a line, sorted;
// blank lines and lines starting with '#' are ignored. A missing file is an
// empty list.
func ReadList(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	list := make(map[string]bool)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if list[s] {
			return nil, fmt.Errorf("%s:%d: %q listed twice", path, line, s)
		}
		list[s] = true
	}
	return list, sc.Err()
}

// WriteList writes names, sorted, one a line, after header (each header
// line is prefixed with "# "). It writes a temporary file and renames it,
// so a failure never leaves a half-written list.
func WriteList(path string, header []string, names []string) error {
	var b strings.Builder
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	sorted := slices.Clone(names)
	slices.Sort(sorted)
	for _, n := range slices.Compact(sorted) {
		b.WriteString(n + "\n")
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// Reconciliation compares a run's results with an expected-failures list.
type Reconciliation struct {
	// UnexpectedFailures failed but are not listed: test failures.
	UnexpectedFailures []string
	// UnexpectedPasses passed but are listed: test failures, so that the
	// list can only shrink.
	UnexpectedPasses []string
	// Stale are listed but name no known case: test failures.
	Stale []string
	// Updated is the list that -update writes: every case that failed in
	// this run, plus the listed known cases this run did not run (another
	// link type selection, or skipped here by skip_if).
	Updated []string
	// ExpectedFailures is the number of listed cases that failed.
	ExpectedFailures int
}

// OK reports whether the run agrees with the list.
func (r *Reconciliation) OK() bool {
	return len(r.UnexpectedFailures) == 0 && len(r.UnexpectedPasses) == 0 && len(r.Stale) == 0
}

// Reconcile compares results (case ID → passed) of the cases that ran with
// the listed expected failures. known holds the IDs of every case that
// exists, whether it ran or not. All returned slices are sorted.
func Reconcile(listed, known, results map[string]bool) Reconciliation {
	var r Reconciliation
	for id, passed := range results {
		switch {
		case passed && listed[id]:
			r.UnexpectedPasses = append(r.UnexpectedPasses, id)
		case !passed && listed[id]:
			r.ExpectedFailures++
			r.Updated = append(r.Updated, id)
		case !passed:
			r.UnexpectedFailures = append(r.UnexpectedFailures, id)
			r.Updated = append(r.Updated, id)
		}
	}
	for id := range listed {
		_, ran := results[id]
		switch {
		case !known[id]:
			r.Stale = append(r.Stale, id)
		case !ran:
			r.Updated = append(r.Updated, id)
		}
	}
	slices.Sort(r.UnexpectedFailures)
	slices.Sort(r.UnexpectedPasses)
	slices.Sort(r.Stale)
	slices.Sort(r.Updated)
	return r
}
