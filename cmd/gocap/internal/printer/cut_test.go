package printer

import (
	"encoding/hex"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cutMismatchesFile lists the cut packets of TestCutCapturesLikeTcpdump
// that do not print like tcpdump yet.
const cutMismatchesFile = goldenDir + "/expected_mismatches_cut.txt"

// cutFlagSets are the flag sets the cut packets are printed with.
var cutFlagSets = []flagSet{
	{[]string{"-nn"}, Options{NumericLevel: 2}},
	{[]string{"-nn", "-v"}, Options{NumericLevel: 2, Verbose: 1}},
	{[]string{"-nn", "-vvv"}, Options{NumericLevel: 2, Verbose: 3}},
	{[]string{"-nn", "-e"}, Options{NumericLevel: 2, LinkHeader: true}},
}

// cutPackets is how many packets of each capture are cut, and cutsPer
// how many cuts, evenly spaced, each packet gets at most.
const (
	cutPackets = 40
	cutsPer    = 40
)

// TestCutCapturesLikeTcpdump prints the packets of the shared tcpdump
// captures cut short at many lengths (as a small snapshot length or a
// damaged file would leave them) and compares each with the local
// tcpdump: every printer's truncation branches on real traffic. Packets
// listed in expected_mismatches_cut.txt are known to differ; the test
// fails when an unlisted one differs or a listed one matches (-update
// rewrites the list). An id is FLAGS/CAPTURE/PACKET@CUT.
func TestCutCapturesLikeTcpdump(t *testing.T) {
	shared := sharedCorpus(t)
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed: it is the reference this test compares with")
	}
	listed, err := readList(cutMismatchesFile)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(shared, "*.pcap*"))
	dir := t.TempDir()
	var failed []string
	seen := map[string]bool{}
	total, same := 0, 0
	for _, file := range files {
		pkts, _ := readCapture(file)
		if len(pkts) == 0 {
			continue
		}
		lt := pkts[0].linkType
		var cuts []crafted
		var ids []string
		for i, pk := range pkts {
			if i >= cutPackets {
				break
			}
			if pk.linkType != lt {
				continue
			}
			n := len(pk.data)
			step := max(1, n/cutsPer)
			for c := 1; c < n; c += step {
				cuts = append(cuts, crafted{hex.EncodeToString(pk.data[:c]), pk.ci.Length})
				ids = append(ids, fmt.Sprintf("%s/%d@%d", filepath.Base(file), i+1, c))
			}
		}
		if len(cuts) == 0 {
			continue
		}
		path := filepath.Join(dir, filepath.Base(file)+".pcap")
		cps := writeCrafted(t, path, lt, cuts)
		for _, fs := range cutFlagSets {
			want, got := bothPrint(t, tcpdump, path, fs, cps)
			for i := range got {
				id := strings.Join(fs.args, "_") + "/" + ids[i]
				seen[id] = true
				total++
				if i < len(want) && got[i] == want[i] {
					same++
					if listed[id] && !*update {
						t.Errorf("%s: now prints like tcpdump but is listed in %s (run with -update)", id, cutMismatchesFile)
					}
					continue
				}
				failed = append(failed, id)
				if !listed[id] && !*update {
					w := "(nothing)"
					if i < len(want) {
						w = want[i]
					}
					t.Errorf("%s: differs from tcpdump and is not in %s\n got: %q\nwant: %q", id, cutMismatchesFile, got[i], w)
				}
			}
		}
	}
	for id := range listed {
		if !seen[id] && !*update {
			t.Errorf("%s lists %s, which names no packet (run with -update)", cutMismatchesFile, id)
		}
	}
	t.Logf("cut packets identical to tcpdump: %d/%d (%.2f%%)", same, total, 100*float64(same)/float64(max(total, 1)))
	if *update {
		if err := writeList(cutMismatchesFile, "TestCutCapturesLikeTcpdump", "FLAGS/CAPTURE/PACKET@CUT", failed); err != nil {
			t.Fatal(err)
		}
		t.Logf("-update: wrote %s with %d entries", cutMismatchesFile, len(failed))
	}
}
