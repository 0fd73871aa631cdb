package golden

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/bits"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/corpus"
	"github.com/gocap/gocap/internal/savefile"
	"github.com/gocap/gocap/parser"
)

const applyFailuresFile = "testdata/apply_failures.txt"

// applyCase is one line of filterapply.jsonl (see the README beside it).
type applyCase struct {
	Kind          string   `json:"kind"` // "apply" or "savefile_reject"
	Name          string   `json:"name"`
	Savefile      string   `json:"savefile"` // relative to savefiles/
	Expr          string   `json:"expr"`
	Netmask       string   `json:"netmask"` // "" is PCAP_NETMASK_UNKNOWN
	SkipIf        string   `json:"skip_if"`
	Results       []uint32 `json:"results"` // pcap_offline_filter's value per packet
	ExpectedError string   `json:"expected_error"`
	Labels        []string `json:"labels"`
}

// loadApplyCases reads filterapply.jsonl, rejecting unknown kinds and
// duplicate names.
func loadApplyCases(path string) ([]applyCase, error) {
	return readJSONL(path, func(c *applyCase) (string, error) {
		if c.Kind != "apply" && c.Kind != "savefile_reject" {
			return "", fmt.Errorf("unknown kind %q", c.Kind)
		}
		return c.Name, nil
	})
}

// readJSONL reads one JSON object a line from path. check validates a
// case and returns the name that must be unique in the file.
func readJSONL[T any](path string, check func(*T) (string, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []T
	seen := make(map[string]bool)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c T
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		name, err := check(&c)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if seen[name] {
			return nil, fmt.Errorf("%s:%d: case %q appears twice", path, line, name)
		}
		seen[name] = true
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// offlineFile is a capture as libpcap's offline reader presents it.
type offlineFile struct {
	dlt       cbpf.LinkType
	snaplen   uint32 // pcap_snapshot(): what a matching packet returns
	bigEndian bool   // the byte order the file was written in
	packets   []savedPacket
}

type savedPacket struct {
	data    []byte
	wireLen uint32
}

// readSavefile reads a pcap or pcapng file with gocap's reader
// (internal/savefile), which opens and reads files as libpcap 1.10.3 does
// and with its messages. The corpus records libpcap master, which also
// refuses a pcap header whose link-type word has bits set in its reserved
// field; that check is made here.
func readSavefile(path string) (*offlineFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if err := masterReservedCheck(raw); err != nil {
		return nil, err
	}
	r, err := savefile.Open(bytes.NewReader(raw), savefile.Micro)
	if err != nil {
		return nil, err
	}
	sf := &offlineFile{dlt: r.LinkType(), snaplen: r.Snaplen(), bigEndian: r.Swapped()}
	pkts, err := savefile.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("packet %d: %w", len(pkts)+1, err)
	}
	for _, p := range pkts {
		sf.packets = append(sf.packets, savedPacket{data: p.Data, wireLen: p.WireLen})
	}
	return sf, nil
}

// masterReservedCheck is libpcap master's check of a pcap header's
// link-type word, which 1.10.3 (and so savefile) does not make.
func masterReservedCheck(raw []byte) error {
	if len(raw) < 24 {
		return nil
	}
	var order binary.ByteOrder
	switch binary.LittleEndian.Uint32(raw) {
	case savefile.MagicMicro, savefile.MagicNano:
		order = binary.LittleEndian
	case bits.ReverseBytes32(savefile.MagicMicro), bits.ReverseBytes32(savefile.MagicNano):
		order = binary.BigEndian
	default:
		return nil
	}
	if r := order.Uint32(raw[20:]) & 0x03ff0000; r != 0 {
		return fmt.Errorf("savefile linktype reserved field not zero (0x%08x)", r)
	}
	return nil
}

// parseNetmask turns a corpus netmask into Options fields; "" is unknown.
func parseNetmask(s string, opts *cbpf.Options) error {
	if s == "" {
		return nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return fmt.Errorf("corpus netmask %q is not a dotted quad", s)
	}
	b := a.As4()
	opts.Netmask = binary.BigEndian.Uint32(b[:])
	opts.NetmaskSet = true
	return nil
}

// TestApply runs libpcap's apply tests: each filter is compiled for the
// savefile's link type as pcap_compile does for an offline handle (byte
// order, snapshot length, netmask), once with the optimizer off and once
// with it on, and run by cbpf's VM over every packet; the values must be
// the ones pcap_offline_filter returned. The savefile_reject cases must
// fail to open. Cases listed in testdata/apply_failures.txt must fail and
// all others must pass; -update rewrites the list.
func TestApply(t *testing.T) {
	path := filepath.Join(corpusDir, "filterapply.jsonl")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("libpcap corpus not found at %s: it is in ../shared beside the checkout (see DEVELOPERS.md)", path)
	}
	cases, err := loadApplyCases(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s holds no cases", path)
	}
	listed, err := corpus.ReadList(applyFailuresFile)
	if err != nil {
		t.Fatal(err)
	}
	env := corpus.GocapEnv()
	res := fixtureResolver(t)
	files := make(map[string]*offlineFile)
	fileErrs := make(map[string]error)
	open := func(name string) (*offlineFile, error) {
		if sf, ok := files[name]; ok || fileErrs[name] != nil {
			return sf, fileErrs[name]
		}
		sf, err := readSavefile(filepath.Join(corpusDir, "savefiles", name))
		files[name], fileErrs[name] = sf, err
		return sf, err
	}

	known := make(map[string]bool)
	results := make(map[string]bool)
	details := make(map[string]string)
	var (
		applyRun, applyPass, skipped     int
		rejectRun, rejectPass, rejectMsg int
		expected                         int
	)
	record := func(id, detail string) {
		results[id] = detail == ""
		if detail != "" {
			details[id] = detail
			if listed[id] {
				expected++
			}
		}
	}
	for i := range cases {
		c := &cases[i]
		if c.Kind == "savefile_reject" {
			id := "savefile_reject/" + c.Name
			known[id] = true
			rejectRun++
			detail, msgOK := runSavefileReject(t, c)
			if detail == "" {
				rejectPass++
			}
			if msgOK {
				rejectMsg++
			}
			record(id, detail)
			continue
		}
		ids := [2]string{"apply/" + c.Name + "/unopt", "apply/" + c.Name + "/opt"}
		known[ids[0]], known[ids[1]] = true, true
		skip, err := env.Eval(c.SkipIf)
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
			continue
		}
		if skip {
			skipped += 2
			continue
		}
		sf, err := open(c.Savefile)
		for j, optimize := range []bool{false, true} {
			applyRun++
			var detail string
			if err != nil {
				detail = fmt.Sprintf("reading %s: %v", c.Savefile, err)
			} else {
				detail = runApply(c, sf, optimize, res)
			}
			if detail == "" {
				applyPass++
			}
			record(ids[j], detail)
		}
	}

	summary := fmt.Sprintf("apply summary: apply %d/%d pass (%d cases x unopt/opt, %d skipped by skip_if), savefile_reject %d/%d fail to open (%d with libpcap's message), %d expected failures",
		applyPass, applyRun, applyRun/2, skipped, rejectPass, rejectRun, rejectMsg, expected)
	t.Log(summary)
	fmt.Println(summary)

	reconcile(t, applyFailuresFile, []string{
		"Apply cases (golden/apply_test.go) that do not pass yet: apply/NAME/{unopt,opt} or savefile_reject/NAME.",
		"Generated by: go test ./golden -run TestApply -update; do not edit by hand; the list may only shrink.",
		"TestApply fails if a listed case passes or an unlisted one fails.",
	}, listed, known, results, details)
}

// runApply compiles c for sf and runs it over every packet; it returns ""
// if every value is libpcap's, else what went wrong.
func runApply(c *applyCase, sf *offlineFile, optimize bool, res parser.Resolver) string {
	if len(sf.packets) != len(c.Results) {
		return fmt.Sprintf("%s has %d packets, the case expects %d results", c.Savefile, len(sf.packets), len(c.Results))
	}
	opts := cbpf.Options{
		LinkType: sf.dlt,
		Snaplen:  sf.snaplen,
		Offline:  true,
		Swapped:  sf.bigEndian != hostBigEndian(),
		Optimize: optimize,
		Resolver: res,
	}
	if err := parseNetmask(c.Netmask, &opts); err != nil {
		return err.Error()
	}
	prog, err := compile(c.Expr, opts)
	if err != nil {
		return fmt.Sprintf("compile %q for DLT_%s: %v", c.Expr, sf.dlt, err)
	}
	vm, err := cbpf.NewVMLibpcap(prog)
	if err != nil {
		return fmt.Sprintf("compile %q for DLT_%s: NewVMLibpcap: %v", c.Expr, sf.dlt, err)
	}
	var wrong []string
	for i, p := range sf.packets {
		if got := vm.Run(p.data, p.wireLen, nil); got != c.Results[i] {
			wrong = append(wrong, fmt.Sprintf("packet %d: got %d, want %d", i+1, got, c.Results[i]))
		}
	}
	if len(wrong) > 0 {
		return fmt.Sprintf("%q on %s (DLT_%s): %s", c.Expr, c.Savefile, sf.dlt, strings.Join(wrong, "; "))
	}
	return ""
}

// runSavefileReject opens c's savefile, which must fail. Only the failure
// is required (the corpus records master's messages, which may differ
// from 1.10.3's); msgOK reports whether the message also contains
// libpcap's (without its "Failed opening: " prefix).
func runSavefileReject(t *testing.T, c *applyCase) (detail string, msgOK bool) {
	want := strings.TrimPrefix(c.ExpectedError, "Failed opening: ")
	sf, err := readSavefile(filepath.Join(corpusDir, "savefiles", c.Savefile))
	if err == nil {
		return fmt.Sprintf("%s opened (DLT_%s, %d packets), libpcap fails with %q", c.Savefile, sf.dlt, len(sf.packets), want), false
	}
	msgOK = strings.Contains(err.Error(), want)
	t.Logf("savefile_reject/%s: gocap: %v; libpcap: %s", c.Name, err, want)
	return "", msgOK
}
