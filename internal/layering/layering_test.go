// Package layering holds the test that keeps gocap's data flow one way:
// text → parser → cbpf → translate → ebpf → the commands. A package never
// imports one to its right; golden/, bench/ and examples/ sit on top and
// may use any of them, and nothing imports them. Tests may look to the
// right to check a package's output (translate's tests run programs in
// ebpf's VM and the kernel), never at golden, bench or examples.
package layering

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/gocap/gocap"

// rank is a package's place in the flow; -1 for packages outside it.
func rank(path string) int {
	rel, ok := strings.CutPrefix(path, module+"/")
	if !ok {
		return -1
	}
	top, sub, _ := strings.Cut(rel, "/")
	switch top {
	case "parser":
		return 0
	case "cbpf":
		return 1
	case "translate":
		return 2
	case "ebpf":
		return 3
	case "cmd":
		return 4
	case "internal":
		// Shared helpers. Each sits just right of the highest layer it
		// imports: internalRank lists those that import any; the rest
		// import none and sit below every layer.
		name, _, _ := strings.Cut(sub, "/")
		return internalRank[name]
	}
	return 5 // golden, bench, examples: on top of everything
}

// internalRank places the packages under internal/ that import a layer:
// at that layer's rank, so that the layer and everything to its right may
// use them and nothing to its left may.
var internalRank = map[string]int{
	"savefile": 1, // capture files: imports cbpf for link types
}

// TestOneWayImports lists every package of the module with its imports
// and its tests' imports, and fails on any import of a package to the
// importer's right (for tests: of golden, bench or examples).
func TestOneWayImports(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH; skipping")
	}
	cmd := exec.Command("go", "list", "-json", module+"/...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	type pkg struct {
		ImportPath                         string
		Imports, TestImports, XTestImports []string
	}
	n := 0
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
		r := rank(p.ImportPath)
		for i, imps := range [][]string{p.Imports, p.TestImports, p.XTestImports} {
			test := i > 0
			for _, imp := range imps {
				q := rank(imp)
				if q < 0 || imp == p.ImportPath {
					continue
				}
				if q == 5 && r != 5 {
					t.Errorf("%s imports %s: golden, bench and examples are on top; nothing imports them", p.ImportPath, imp)
				} else if q > r && !test {
					t.Errorf("%s imports %s, which is to its right in parser → cbpf → translate → ebpf → cmd", p.ImportPath, imp)
				}
			}
		}
	}
	if n < 10 {
		t.Fatalf("go list found only %d packages", n)
	}
}
