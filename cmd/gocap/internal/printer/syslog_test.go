package printer

import (
	"encoding/hex"
	"testing"
)

// syslogCases are crafted syslog datagrams (UDP port 514): each
// facility range, an unknown facility, control characters and bytes
// past 0x7f in the text, malformed priorities and datagrams cut short.
func syslogCases() []crafted {
	msgs := []string{
		"<13>Dec  7 07:00:00 host app: hello world",
		"<0>kernel panic",
		"<191>local7 debug",
		"<999>unknown facility",
		"<34>1 2003-10-11T22:14:15.003Z host su - ID47 - BOM'su root' failed\x00\x01\x7f\xff",
		"<>empty priority",
		"<1234>too many digits",
		"<13",
		"13>no opening",
		"<13>",
		"<7a>letter",
	}
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, crafted{craftedUDP4(40000, 514, hex.EncodeToString([]byte(m))), 0})
	}
	full := craftedUDP4(514, 514, hex.EncodeToString([]byte(msgs[0])))
	for _, drop := range []int{1, 5, 30, 38, 39, 40} {
		pkts = append(pkts, craftedCut(full, drop))
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, syslogCases()...) }

func TestSyslogLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "syslog", syslogCases()) }
