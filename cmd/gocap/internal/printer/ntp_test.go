package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ntpCases are crafted NTP messages: time messages of every leap
// indicator, mode and kind of stratum (reference IDs as text, address
// and number), with a key ID and MD5 or SHA-1 digest or other trailing
// bytes; control messages (mode 6) of each flag, with and without
// data, a count past the message (invalid, then cut short or not), and
// private mode 7 requests and responses; each cut short.
func ntpCases() []crafted {
	ts := "dd47f049 03498a9f 00000000 00000000 dd47f049 00000100 dd47f04a 00000200"
	var pkts []crafted
	for li := 0; li < 4; li++ {
		for mode := 0; mode < 6; mode++ {
			for _, st := range []int{0, 1, 2, 16, 255} {
				ref := "0a000001"
				switch {
				case st == 0:
					ref = "52415445"
				case st == 1:
					ref = "47505300"
				}
				pl := fmt.Sprintf("%02x%02x06ec 00010000 00020000 %s %s", li<<6|4<<3|mode, st, ref, ts)
				pkts = append(pkts, crafted{craftedUDP4(123, 123, pl), 0})
			}
		}
	}
	hdr := "2302 06ec 00000000 00000000 0a000001 " + ts
	for _, tail := range []string{"00000005" + strings.Repeat("11", 16), "00000005" + strings.Repeat("22", 20),
		"00000005" + strings.Repeat("33", 8), "0102", strings.Repeat("44", 40)} {
		pkts = append(pkts, crafted{craftedUDP4(123, 123, hdr+tail), 0})
	}
	data := fmt.Sprintf("%x", "version=\"ntpd\", leap=0")
	for _, c := range []int{0x02, 0x81, 0xc2, 0xa2, 0x9f, 0x47} {
		for _, sa := range []string{"0000 0000", "0618 0000", "8011 bc39", "961a 0001"} {
			pl := fmt.Sprintf("16%02x 0046 %s 0000 %04x %s", c, sa, hexLen(data), data)
			pkts = append(pkts, crafted{craftUDP6(38531, 123, pl), 0})
		}
	}
	bad := "1681 0045 0618 0000 0000 0190 7878"
	pkts = append(pkts, crafted{craftUDP6(123, 38531, bad), 0}, craftedCut(craftUDP6(123, 38531, bad+"7878"), 2),
		crafted{craftUDP6(123, 38531, "1681 0045"), 0})
	for _, m := range []string{"17 01 1c 00 0000 0000", "97 01 08 00 0100 2400", "97 01 01 01 0600 487f", "d7 01 03 2a 0002 0008", "57 01 02 10 f000 ffff",
		"27 01 1c 00 0000 0000", "0f 01 1c 00 0000 0000"} {
		pkts = append(pkts, crafted{craftedUDP4(32795, 123, m+strings.Repeat("00", 40)), 0}, crafted{craftedUDP4(123, 32795, m), 0})
	}
	full := craftedUDP4(123, 123, hdr+"00000005"+strings.Repeat("11", 16))
	for drop := 1; drop < 68; drop += 3 {
		pkts = append(pkts, craftedCut(full, drop))
	}
	return pkts
}

func init() { addFuzzSeeds(ntpCases()) }

func TestNTPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "ntp", ntpCases()) }
