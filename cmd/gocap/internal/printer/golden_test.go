package printer

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/pcapgo"

	"github.com/gocap/gocap/cbpf"
)

var update = flag.Bool("update", false, "rewrite golden/testdata/print/expected_mismatches.txt from this run")

const (
	goldenDir      = "../../../../golden/testdata/print"
	projectPcaps   = "../../../../golden/testdata/pcap"
	mismatchesFile = goldenDir + "/expected_mismatches.txt"
)

// flagSets maps the flag-set part of a golden file name to Options.
var flagSets = map[string]Options{
	"-nn":       {NumericLevel: 2},
	"-nn_-e":    {NumericLevel: 2, LinkHeader: true},
	"-nn_-v":    {NumericLevel: 2, Verbose: 1},
	"-nn_-x":    {NumericLevel: 2, Hex: 1},
	"-nn_-tttt": {NumericLevel: 2, TimestampMode: TimeDate},
}

func sharedCorpus(t testing.TB) string {
	dir := os.Getenv("GOCAP_SHARED")
	if dir == "" {
		dir = "../../../../../shared"
	}
	dir = filepath.Join(dir, "corpus", "tcpdump-pcaps")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared tcpdump captures not found at %s (set GOCAP_SHARED): %v", dir, err)
	}
	return dir
}

// capturePacket is one packet read from a capture file.
type capturePacket struct {
	ci       PacketInfo
	data     []byte
	linkType cbpf.LinkType
}

// readCapture reads a pcap or pcapng file with gopacket/pcapgo. It returns
// the packets read before any error, and the error. Link types are DLT
// values, turned from the files' LINKTYPE values as libpcap does.
//
// It stays on pcapgo, not gocap's internal/savefile, so that the printer
// is checked against tcpdump apart from gocap's reader (both refuse
// pcapng interfaces of mixed link types, as libpcap 1.10.3 does). pcapgo
// normalizes a fraction of a second or more into the seconds, so the
// timestamp_invalid captures differ here; cmd/gocap, which passes the file's raw timestamps
// (PacketInfo.Raw), prints them as tcpdump does.
func readCapture(path string) ([]capturePacket, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var (
		read func() ([]byte, gopacket.CaptureInfo, error)
		link func(gopacket.CaptureInfo) cbpf.LinkType
		snap int // 0 for pcapng, whose records are not cut
	)
	if len(raw) >= 4 && bytes.Equal(raw[:4], []byte{0x0a, 0x0d, 0x0d, 0x0a}) {
		r, err := pcapgo.NewNgReader(bytes.NewReader(raw), pcapgo.DefaultNgReaderOptions)
		if err != nil {
			return nil, err
		}
		read = r.ReadPacketData
		link = func(ci gopacket.CaptureInfo) cbpf.LinkType {
			if ifc, err := r.Interface(ci.InterfaceIndex); err == nil {
				return cbpf.LinkTypeFromFile(uint32(ifc.LinkType))
			}
			return cbpf.LinkTypeFromFile(uint32(r.LinkType()))
		}
	} else {
		r, err := pcapgo.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, err
		}
		read = r.ReadPacketData
		lt := cbpf.LinkTypeFromFile(uint32(r.LinkType()))
		link = func(gopacket.CaptureInfo) cbpf.LinkType { return lt }
		snap = int(r.Snaplen())
	}
	var pkts []capturePacket
	for {
		data, ci, err := read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return pkts, nil
			}
			return pkts, err
		}
		// libpcap cuts a record longer than the file's snapshot length
		// to that length, as gocap's reader does.
		if snap > 0 && len(data) > snap {
			data = data[:snap]
			ci.CaptureLength = snap
		}
		info := PacketInfo{Timestamp: ci.Timestamp, CaptureLength: ci.CaptureLength, Length: ci.Length, InterfaceIndex: ci.InterfaceIndex}
		if snap > 0 {
			// A pcap record's time stamp as the file has it, as
			// libpcap hands it to tcpdump (and gocap's reader to the
			// printer): pcapgo carries a fraction of a second or more
			// into the seconds.
			if st, ok := pcapStamp(raw, len(pkts)); ok {
				info.Raw, info.Seconds, info.Fraction = true, st.sec, st.frac
			}
		}
		pkts = append(pkts, capturePacket{info, data, link(ci)})
	}
}

type rawStamp struct {
	sec, frac int64
}

// pcapStamp is record n's time stamp in the pcap file raw: the seconds and
// the fraction as signed 32-bit numbers (unsigned in a file of the other
// byte order), the fraction in microseconds, a nanosecond file's divided
// by 1000 with C's division, as libpcap 1.10.3 reads them.
func pcapStamp(raw []byte, n int) (rawStamp, bool) {
	if len(raw) < 24 {
		return rawStamp{}, false
	}
	var order binary.ByteOrder = binary.LittleEndian
	magic := order.Uint32(raw)
	swapped := magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1
	if swapped {
		order = binary.BigEndian
		magic = order.Uint32(raw)
	}
	if magic != 0xa1b2c3d4 && magic != 0xa1b23c4d {
		return rawStamp{}, false
	}
	off := 24
	for i := 0; ; i++ {
		if off+16 > len(raw) {
			return rawStamp{}, false
		}
		if i == n {
			st := rawStamp{int64(int32(order.Uint32(raw[off:]))), int64(int32(order.Uint32(raw[off+4:])))}
			if swapped {
				st = rawStamp{int64(order.Uint32(raw[off:])), int64(order.Uint32(raw[off+4:]))}
			}
			if magic == 0xa1b23c4d {
				st.frac /= 1000
			}
			return st, true
		}
		off += 16 + int(order.Uint32(raw[off+8:]))
	}
}

// packetOrNone is the printer's packet j, or "(no packet)" when it
// printed fewer.
func packetOrNone(got []string, j int) string {
	if j < len(got) {
		return got[j]
	}
	return "(no packet)"
}

var (
	tsDefault = regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d\.-?\d{6,10} `)
	tsDate    = regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.-?\d{6,10} `)
)

// splitPackets cuts tcpdump output into one string per packet, each
// ending in a newline.
func splitPackets(out string, re *regexp.Regexp) []string {
	idx := re.FindAllStringIndex(out, -1)
	var pkts []string
	for i, m := range idx {
		end := len(out)
		if i+1 < len(idx) {
			end = idx[i+1][0]
		}
		pkts = append(pkts, out[m[0]:end])
	}
	return pkts
}

// printAll prints every packet with a fresh Printer, returning the text of
// each and the innermost protocol each reached.
func printAll(pkts []capturePacket, o Options) (texts, protos []string) {
	var buf bytes.Buffer
	p := New(&buf, o)
	for _, pk := range pkts {
		buf.Reset()
		if err := p.Packet(pk.ci, pk.data, pk.linkType); err != nil {
			panic(err)
		}
		texts = append(texts, buf.String())
		protos = append(protos, p.lastProto())
	}
	return texts, protos
}

type tally struct{ same, total int }

func (t tally) String() string {
	if t.total == 0 {
		return "0/0"
	}
	return fmt.Sprintf("%d/%d (%.1f%%)", t.same, t.total, 100*float64(t.same)/float64(t.total))
}

// TestGolden prints every capture golden/print-gen.sh ran tcpdump over,
// with each flag set, and compares the output packet by packet. It
// reports the share printed identically per flag set and per protocol,
// and fails when a packet not listed in expected_mismatches.txt differs or
// a listed one now matches (run with -update to accept the new list; the
// list can only shrink without a reviewed change).
func TestGolden(t *testing.T) {
	shared := sharedCorpus(t)
	outs, err := filepath.Glob(filepath.Join(goldenDir, "*.out"))
	if err != nil || len(outs) == 0 {
		t.Fatalf("no golden outputs in %s (run sh golden/print-gen.sh): %v", goldenDir, err)
	}
	listed, err := readList(mismatchesFile)
	if err != nil {
		t.Fatal(err)
	}
	utc := time.UTC
	perFlags := map[string]*tally{}
	perFlagsShared := map[string]*tally{}
	perProto := map[string]*tally{}
	var failed []string
	seen := map[string]bool{}
	// PRINTER_SHOW=substring logs the differences of matching packets.
	show, shown := os.Getenv("PRINTER_SHOW"), 0
	cache := map[string][]capturePacket{}
	for _, out := range outs {
		base := strings.TrimSuffix(filepath.Base(out), ".out")
		i := strings.LastIndex(base, "__")
		name, fl := base[:i], base[i+2:]
		o, ok := flagSets[fl]
		if !ok {
			t.Errorf("%s: unknown flag set %q", out, fl)
			continue
		}
		o.Location = utc
		var path string
		isShared := !strings.HasPrefix(name, "gocap__")
		if isShared {
			path = filepath.Join(shared, strings.ReplaceAll(name, "__", "/"))
		} else {
			path = filepath.Join(projectPcaps, strings.TrimPrefix(name, "gocap__"))
		}
		pkts, ok := cache[path]
		if !ok {
			pkts, _ = readCapture(path) // tcpdump printed what it could read too
			cache[path] = pkts
		}
		want, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		re := tsDefault
		if o.TimestampMode == TimeDate {
			re = tsDate
		}
		wantPkts := splitPackets(string(want), re)
		got, protos := printAll(pkts, o)
		for j, w := range wantPkts {
			id := fmt.Sprintf("%s/%s/%d", fl, name, j+1)
			seen[id] = true
			proto := "missing"
			same := false
			if j < len(got) {
				proto = protos[j]
				same = got[j] == w
			}
			for k, m := range []map[string]*tally{perFlags, perProto} {
				key := fl
				if k == 1 {
					key = proto
				}
				if m[key] == nil {
					m[key] = &tally{}
				}
				m[key].total++
				if same {
					m[key].same++
				}
			}
			if isShared {
				if perFlagsShared[fl] == nil {
					perFlagsShared[fl] = &tally{}
				}
				perFlagsShared[fl].total++
				if same {
					perFlagsShared[fl].same++
				}
			}
			if !same {
				if show != "" && strings.Contains(id, show) && shown < 30 {
					shown++
					t.Logf("%s:\n got: %q\nwant: %q", id, packetOrNone(got, j), w)
				}
				failed = append(failed, id)
				if !listed[id] && !*update {
					t.Errorf("%s: differs from tcpdump and is not in %s\n got: %q\nwant: %q", id, mismatchesFile, packetOrNone(got, j), w)
				}
			} else if listed[id] && !*update {
				t.Errorf("%s: now prints like tcpdump but is listed in %s (run with -update)", id, mismatchesFile)
			}
		}
	}
	for id := range listed {
		if !seen[id] && !*update {
			t.Errorf("%s lists %s, which names no packet (run with -update)", mismatchesFile, id)
		}
	}
	logTallies(t, "flag set (all captures)", perFlags)
	logTallies(t, "flag set (shared tcpdump captures)", perFlagsShared)
	logTallies(t, "protocol (innermost decoder reached; all flag sets)", perProto)
	if *update {
		if err := writeList(mismatchesFile, "TestGolden", "FLAGS/CAPTURE/PACKET", failed); err != nil {
			t.Fatal(err)
		}
		t.Logf("-update: wrote %s with %d entries", mismatchesFile, len(failed))
	}
}

func logTallies(t *testing.T, what string, m map[string]*tally) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]].total != m[keys[j]].total {
			return m[keys[i]].total > m[keys[j]].total
		}
		return keys[i] < keys[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "identical to tcpdump, per %s:", what)
	for _, k := range keys {
		fmt.Fprintf(&b, "\n\t%-12s %s", k, m[k])
	}
	t.Log(b.String())
}

func readList(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		m[s] = true
	}
	return m, sc.Err()
}

// writeList writes the sorted ids to path, saying which test generated it
// and what an id is made of.
func writeList(path, test, idForm string, ids []string) error {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var b strings.Builder
	fmt.Fprintf(&b, "# Packets the printer does not yet print like tcpdump 4.99.3: %s.\n", idForm)
	fmt.Fprintf(&b, "# Generated by: go test ./cmd/gocap/internal/printer -run %s -update; do not edit by hand.\n", test)
	fmt.Fprintf(&b, "# %s fails if a listed packet matches or an unlisted one differs, so the list only shrinks.\n", test)
	for _, id := range ids {
		b.WriteString(id + "\n")
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
