package golden

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// masterListingsFile holds libpcap master's listings for
// testdata/master_exprs.txt, written by golden/internal/genmaster.
const masterListingsFile = "testdata/master_listings.json"

// masterServices are the service entries the recorded listings were made
// with: those of Debian's netbase /etc/services for the names the
// expressions use. The test compiles with exactly these, so that it does
// not depend on the host's /etc/services; regenerate the listings on a host
// whose /etc/services agrees.
var masterServices = map[string]int{
	"smtp/tcp": 25, "http/tcp": 80, "ntp/udp": 123, "ftp/tcp": 21, "ftp-data/tcp": 20,
	"domain/tcp": 53, "domain/udp": 53,
}

// TestMasterListings compares gocap's unoptimized listings with the ones
// libpcap master's filtertest printed for testdata/master_exprs.txt (the
// behaviours of docs/quirks.md): the same listing, or both refuse. It
// needs no filtertest; TestGrammarDiff covers far more where one is
// available.
func TestMasterListings(t *testing.T) {
	b, err := os.ReadFile(masterListingsFile)
	if err != nil {
		t.Fatalf("%v (regenerate it with golden/internal/genmaster, see docs/golden.md)", err)
	}
	var f struct {
		Filtertest string `json:"filtertest"`
		Records    []struct {
			LinkType string `json:"linktype"`
			LinuxExt bool   `json:"linuxext"`
			Expr     string `json:"expr"`
			Listing  string `json:"listing"`
			Error    string `json:"error"`
		} `json:"records"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", masterListingsFile, err)
	}
	if len(f.Records) == 0 || !strings.Contains(f.Filtertest, "libpcap") {
		t.Fatalf("%s: no records, or no filtertest version", masterListingsFile)
	}
	res := newFilesResolver()
	res.services = masterServices
	accepted := 0
	for _, r := range f.Records {
		if (r.Listing == "") == (r.Error == "") {
			t.Fatalf("%s: %s %q must have exactly one of listing and error", masterListingsFile, r.LinkType, r.Expr)
		}
		lt, ok := cbpf.LinkTypeByName(r.LinkType)
		if !ok {
			t.Errorf("%s %q: link type unknown to cbpf.LinkTypeByName", r.LinkType, r.Expr)
			continue
		}
		prog, err := compile(r.Expr, cbpf.Options{LinkType: lt, Snaplen: 262144, LinuxExt: r.LinuxExt, Resolver: res})
		switch {
		case r.Error != "" && err == nil:
			t.Errorf("%s %q: gocap accepts it, master refuses: %s", r.LinkType, r.Expr, r.Error)
		case r.Error != "":
		case err != nil:
			t.Errorf("%s %q: gocap refuses it (%v), master accepts it", r.LinkType, r.Expr, err)
		default:
			accepted++
			got, err := cbpf.Format(prog)
			if err != nil {
				t.Errorf("%s %q: Format: %v", r.LinkType, r.Expr, err)
			} else if got != r.Listing {
				t.Errorf("%s %q: %s", r.LinkType, r.Expr, shortDiff(r.Listing, got))
			}
		}
	}
	t.Logf("%d recorded expressions (%s), %d with a listing", len(f.Records), f.Filtertest, accepted)
}
