package names

import (
	"bufio"
	"io"
	"os"
	"strings"
)

// The system's name databases.
const (
	HostsFile     = "/etc/hosts"
	EthersFile    = "/etc/ethers"
	NetworksFile  = "/etc/networks"
	ServicesFile  = "/etc/services"
	ProtocolsFile = "/etc/protocols"
)

// maxLine bounds the length of one line of a database; reading stops with
// an error at a longer one, keeping the entries before it.
const maxLine = 1 << 20

// Fields returns the white-space-separated words of a line of one of the
// databases, without its comment: a '#' anywhere starts one.
func Fields(line string) []string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	return strings.Fields(line)
}

// eachEntry calls fn with the words of every line of r that has at least
// two (every database's entries do); it returns the reader's error.
func eachEntry(r io.Reader, fn func(words []string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	for sc.Scan() {
		if w := Fields(sc.Text()); len(w) >= 2 {
			fn(w)
		}
	}
	return sc.Err()
}

// ReadFile opens path and gives it to load (one of the Load methods of
// Table or Reverse), returning the error of either; after a read error the
// entries read so far stay loaded.
func ReadFile(path string, load func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return load(f)
}

// nameAndAliases returns the names of a services or protocols line: the
// first word and those after the number.
func nameAndAliases(w []string) []string {
	return append(w[:1:1], w[2:]...)
}
