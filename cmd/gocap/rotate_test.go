package main

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestStrftimeLikeDate compares strftime with GNU date, which formats
// with the C library's strftime as tcpdump's -G names are made.
func TestStrftimeLikeDate(t *testing.T) {
	if _, err := exec.LookPath("date"); err != nil {
		t.Skip("date is not installed; skipping")
	}
	formats := []string{"%Y-%m-%d_%H:%M:%S", "%y%j %e %I%p", "%a %A %b %B %u %w", "%s.pcap", "%F %T %R %D %C", "%%x%z %Z"}
	for _, ts := range []int64{0, 1120622255, 1795305606, 951782400} {
		for _, f := range formats {
			out, err := exec.Command("date", "-u", "-d", "@"+strconv.FormatInt(ts, 10), "+"+f).Output()
			if err != nil {
				t.Skipf("date does not take -d @SECONDS: %v", err)
			}
			want := strings.TrimSuffix(string(out), "\n")
			if got := strftime(f, time.Unix(ts, 0).UTC()); got != want {
				t.Errorf("strftime(%q, %d) = %q, date says %q", f, ts, got, want)
			}
		}
	}
}

// TestRotatedNames checks tcpdump's naming rule (MakeFilename with
// getWflagChars): the live rotation test compares whole runs with tcpdump;
// this covers the widths those runs do not reach.
func TestRotatedNames(t *testing.T) {
	tm := time.Unix(1120622255, 0).UTC()
	for _, c := range []struct {
		base      string
		strf      bool
		cnt, maxW int
		want      string
	}{
		{"out", false, 0, 0, "out"},
		{"out", false, 3, 0, "out3"},
		{"out", false, 0, 10, "out0"},
		{"out", false, 7, 11, "out07"},
		{"out", false, 42, 101, "out042"},
		{"out", false, 0, 1, "out"},
		{"d-%H%M%S.pcap", true, 0, 0, "d-035735.pcap"},
		{"d-%H.pcap", true, 2, 3, "d-03.pcap2"},
	} {
		if got := rotatedName(c.base, c.strf, tm, c.cnt, numberWidth(c.maxW)); got != c.want {
			t.Errorf("rotatedName(%q, %d, -W %d) = %q, want %q", c.base, c.cnt, c.maxW, got, c.want)
		}
	}
}
