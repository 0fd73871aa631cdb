package exprlist

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "exprs.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRead(t *testing.T) {
	got, err := Read(write(t, "# comment\nip\n\n  tcp port 80 \n\t\n# another\nudp\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ip", "tcp port 80", "udp"}; !slices.Equal(got, want) {
		t.Errorf("Read = %q, want %q", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	for text, want := range map[string]string{
		"ip\ntcp\n ip\n": `"ip" listed twice`,
		"# only\n\n":     "no expressions",
	} {
		if _, err := Read(write(t, text)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Read(%q) error = %v, want one saying %s", text, err, want)
		}
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("Read of a missing file: no error")
	}
}

// TestGoldenExpressions reads the real file the generators read.
func TestGoldenExpressions(t *testing.T) {
	exprs, err := Read("../../testdata/expressions.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(exprs) < 100 {
		t.Errorf("%d golden expressions, want the whole list", len(exprs))
	}
}
