package corpus

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the directory of libpcap's corpus: corpus/libpcap in the
// shared directory that sits beside the checkout (../shared as seen from
// the module root). The module root is the nearest directory at or above
// the working directory that holds go.mod, so the answer is the same from
// every package's tests. Without a go.mod above, it falls back to the
// layout of a package one level below the root.
func Dir() string {
	return filepath.Join(sharedDir(), "corpus", "libpcap")
}

func sharedDir() string {
	wd, err := os.Getwd()
	if err == nil {
		for dir := wd; ; {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return filepath.Join(dir, "..", "shared")
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return filepath.Join("..", "..", "shared")
}

// LoadShared is Load of Dir's filtertests.jsonl for a test or benchmark:
// it skips tb, saying where the corpus was looked for, when the file is
// absent, and fails tb when the file is malformed or holds no cases.
func LoadShared(tb testing.TB) []Case {
	tb.Helper()
	path := filepath.Join(Dir(), "filtertests.jsonl")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("libpcap corpus not found at %s: it is in ../shared beside the checkout (see DEVELOPERS.md)", path)
	}
	cases, err := Load(path)
	if err != nil {
		tb.Fatal(err)
	}
	if len(cases) == 0 {
		tb.Fatalf("%s holds no cases", path)
	}
	return cases
}

// GocapEnv is the platform gocap compiles for, as skip_if sees it: Linux,
// this machine's byte order, a libpcap built with protochain and with
// SKF_AD_VLAN_TAG_PRESENT, and the resolver fixtures installed (the tests
// load them into a StaticResolver, which compares names
// case-insensitively).
func GocapEnv() Env {
	return Env{
		OS:        "linux",
		BigEndian: binary.NativeEndian.Uint16([]byte{0, 1}) == 1,
		Config:    map[string]bool{"NO_PROTOCHAIN": false, "HAVE_DECL_SKF_AD_VLAN_TAG_PRESENT": true},
		Missing:   map[string]bool{},
	}
}
