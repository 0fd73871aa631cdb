package printer

import (
	"fmt"
	"testing"
)

// ntpStrataTimestampCases are NTP time messages of strata 61 to 64 (62
// and 63 are the INFO_QUERY and INFO_REPLY reference IDs) and of
// originate, receive and transmit timestamps whose differences borrow
// from the seconds, are negative, equal in seconds or from a zero
// originate timestamp.
func ntpStrataTimestampCases() []crafted {
	ts := func(orig, recv, xmit string) string {
		return "dd47f049 03498a9f " + orig + " " + recv + " " + xmit
	}
	var pkts []crafted
	for _, st := range []int{61, 62, 63, 64} {
		pkts = append(pkts, crafted{craftedUDP4(123, 123, fmt.Sprintf("23%02x 06ec 00010000 00020000 0a000001 %s", st,
			ts("00000000 00000000", "dd47f049 00000100", "dd47f04a 00000200"))), 0})
	}
	for _, t := range []string{
		ts("dd47f049 80000000", "dd47f04a 00000001", "dd47f04b 7fffffff"),
		ts("dd47f04a 00000001", "dd47f049 80000000", "dd47f048 ffffffff"),
		ts("dd47f049 80000000", "dd47f049 80000000", "dd47f049 7fffffff"),
		ts("00000000 00000001", "dd47f049 00000000", "00000000 00000000"),
	} {
		pkts = append(pkts, crafted{craftedUDP4(123, 123, "2302 06ec 00010000 00020000 0a000001 "+t), 0})
	}
	return pkts
}

// TestNTPStrataTimestampsLikeTcpdump prints ntpStrataTimestampCases as
// tcpdump does.
func TestNTPStrataTimestampsLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ntp-strata-ts", ntpStrataTimestampCases())
}

func init() { addFuzzSeeds(ntpStrataTimestampCases()) }
