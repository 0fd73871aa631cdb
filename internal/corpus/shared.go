package corpus

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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
	if root, ok := moduleRoot(); ok {
		return filepath.Join(root, "..", "shared")
	}
	return filepath.Join("..", "..", "shared")
}

// moduleRoot returns the nearest directory at or above the working
// directory that holds go.mod, and false when there is none.
func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// TcpdumpDir returns the directory of the shared tcpdump captures:
// corpus/tcpdump-pcaps in the shared directory beside the checkout (see
// Dir).
func TcpdumpDir() string {
	return filepath.Join(sharedDir(), "corpus", "tcpdump-pcaps")
}

// Captures returns, sorted, the capture files of the shared tcpdump
// corpus (with its generated and libpcap-filter directories) and of the
// module's golden/testdata/pcap, for a test: it skips tb, saying where
// the corpus was looked for, when the shared captures are absent, and
// fails it when it finds fewer than 100 files.
func Captures(tb testing.TB) []string {
	tb.Helper()
	dir := TcpdumpDir()
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("shared corpus %s is absent: %v", dir, err)
	}
	golden := filepath.Join("..", "golden")
	if root, ok := moduleRoot(); ok {
		golden = filepath.Join(root, "golden")
	}
	var files []string
	for _, pat := range []string{
		"*.pcap", "*.pcapng",
		"generated/*.pcap", "generated/*.pcapng",
		"libpcap-filter/*.pcap", "libpcap-filter/*.pcapng",
	} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	m, _ := filepath.Glob(filepath.Join(golden, "testdata", "pcap", "*.pcap"))
	files = append(files, m...)
	if len(files) < 100 {
		tb.Fatalf("found only %d capture files; the corpus layout changed?", len(files))
	}
	sort.Strings(files)
	return files
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
