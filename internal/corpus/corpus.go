// Package corpus is the one home of libpcap's filter test corpus for the
// tests of every package: it finds filtertests.jsonl (in
// ../shared/corpus/libpcap beside the checkout, described by the README
// there) and loads it, skipping a test where it is absent (LoadShared),
// evaluates the cases' skip_if conditions (Env, GocapEnv), and keeps the
// expected-failures lists of the golden tests. It also finds the shared
// tcpdump captures beside it (TcpdumpDir) and lists them with the golden
// tests' own for the tests that read every capture (Captures).
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Case is one line of filtertests.jsonl. Fields absent from a line keep
// their zero value.
type Case struct {
	Kind     string   `json:"kind"` // "accept" or "reject"
	Name     string   `json:"name"`
	Alias    int      `json:"alias"`
	LinkType string   `json:"linktype"` // DLT name without "DLT_"
	Expr     string   `json:"expr"`
	Netmask  string   `json:"netmask"` // dotted quad; "" means PCAP_NETMASK_UNKNOWN
	SkipIf   string   `json:"skip_if"` // see Env.Eval
	Labels   []string `json:"labels"`

	// Accept cases.
	Snaplen               uint32  `json:"snaplen"` // 0 means 262144
	ExpectedUnopt         string  `json:"expected_unopt"`
	ExpectedOpt           *string `json:"expected_opt"`
	OptEqualsUnopt        bool    `json:"opt_equals_unopt"`
	OptimizerRejects      bool    `json:"optimizer_rejects"`
	LinuxExt              bool    `json:"linuxext"`
	GenerateOfflineFilter string  `json:"generate_offline_filter"` // "swapped", "unswapped" or ""
	PseudoExpr            bool    `json:"pseudo_expr"`

	// Reject cases.
	Opt           bool    `json:"opt"`
	ExpectedError string  `json:"expected_error"`
	Timeout       float64 `json:"timeout"`
}

// ID returns the case's name in the expected-failures list:
// "accept/LINKTYPE/NAME/ALIAS" or "reject/LINKTYPE/NAME". The corpus
// README's counts and a check of the file show these are unique.
func (c *Case) ID() string {
	if c.Kind == "accept" {
		return c.Kind + "/" + c.LinkType + "/" + c.Name + "/" + strconv.Itoa(c.Alias)
	}
	return c.Kind + "/" + c.LinkType + "/" + c.Name
}

// Load reads filtertests.jsonl. It fails on a malformed line, an unknown
// kind, or two cases with the same ID.
func Load(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []Case
	seen := make(map[string]int)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c Case
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if c.Kind != "accept" && c.Kind != "reject" {
			return nil, fmt.Errorf("%s:%d: unknown kind %q", path, line, c.Kind)
		}
		if prev, ok := seen[c.ID()]; ok {
			return nil, fmt.Errorf("%s:%d: case %s already on line %d", path, line, c.ID(), prev)
		}
		seen[c.ID()] = line
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// Fixtures is resolver_fixtures.json: the hosts(5), ethers(5) and
// networks(5) lines that the name-based corpus cases expect.
type Fixtures struct {
	HostsLines    []string `json:"hosts_lines"`
	EthersLines   []string `json:"ethers_lines"`
	NetworksLines []string `json:"networks_lines"` // "name number", as networks(5)
	Nonexistent   string   `json:"nonexistent"`
}

// LoadFixtures reads resolver_fixtures.json.
func LoadFixtures(path string) (*Fixtures, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var fx Fixtures
	if err := json.Unmarshal(b, &fx); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(fx.HostsLines) == 0 || len(fx.EthersLines) == 0 || len(fx.NetworksLines) == 0 {
		return nil, fmt.Errorf("%s: hosts, ethers or networks lines missing", path)
	}
	return &fx, nil
}
