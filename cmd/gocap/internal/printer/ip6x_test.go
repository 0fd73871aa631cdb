package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ip6Frame is an Ethernet frame with an IPv6 header (next header nh,
// payload length plen, or the length of payload when plen < 0) and
// payload, given in hex.
func ip6Frame(first string, nh uint8, plen int, payload string) string {
	if plen < 0 {
		plen = hexLen(payload)
	}
	return fmt.Sprintf("000000000002 000000000001 86dd %s %04x %02x40 ", first, plen, nh) +
		"20010db8000000000000000000000001 20010db8000000000000000000000002 " + payload
}

// TestIP6ExtLikeTcpdump compares IPv6 headers and their extension
// headers (fragment, hop-by-hop and destination options, routing) with
// the local tcpdump, whole, cut short and invalid.
func TestIP6ExtLikeTcpdump(t *testing.T) {
	udp := "1234 0035 000c 0000 41424344"
	icmp := "8000 0000 0001 0002"
	p := func(nh uint8, payload string) crafted { return crafted{ip6Frame("6000 0000", nh, -1, payload), 0} }
	cut := func(c crafted, n int) crafted {
		return crafted{hexCut(c.hex, n), hexLen(c.hex)}
	}
	frag1 := p(44, "11 00 0001 deadbeef "+udp)
	frag2 := p(44, "11 00 05c8 deadbeef "+udp)
	hbh := p(0, "3a 00 00 01 00 05 02 0000 "+icmp)
	hbhJumbo := crafted{ip6Frame("6000 0000", 0, 0, "3a 00 c2 04 00010010 "+icmp), 0}
	dst := p(60, "3a 02 c9 10 20010db8000000000000000000000009 3e 01 00 "+icmp)
	rt0 := p(43, "3a 04 00 01 00000000 20010db8000000000000000000000003 20010db8000000000000000000000004 "+icmp)
	rt2 := p(43, "3a 02 02 01 00000000 20010db8000000000000000000000003 "+icmp)
	rt4 := p(43, "3a 04 04 01 01 00 0000 20010db8000000000000000000000003 20010db8000000000000000000000004 "+icmp)
	pkts := []crafted{
		frag1, frag2, cut(frag1, 14+40+4), cut(frag1, 14+40+8), cut(frag1, 14+40+10),
		p(44, "3a 00 0000 00000001 "+icmp),
		hbh, cut(hbh, 14+40+1), cut(hbh, 14+40+6),
		p(0, "3a 00 05 03 000000 00 "+icmp),
		p(0, "3a 00 c2 04 00010010 "+icmp),
		hbhJumbo,
		crafted{ip6Frame("6000 0000", 0, 0, "3a 00 c2 04 00000010 "+icmp), 0},
		crafted{ip6Frame("6000 0000", 0, 0, "3a 00 01 04 00000000 "+icmp), 0},
		p(0, "3a 00 c2 03 000000 00 "+icmp),
		p(0, "3a 00 01 05 00000000 "+icmp),
		p(0, "3a 00 3e 02 0000 01 00 "+icmp),
		p(0, "00 00 01 04 00000000 3a 00 01 04 00000000 "+icmp),
		p(60, "00 00 01 04 00000000 00 00 01 04 00000000 "+icmp),
		dst, cut(dst, 14+40+10),
		p(60, "3a 02 c9 08 20010db8000000000000000000000009 01 00 "+icmp),
		p(60, "3a 03 c9 12 20010db8000000000000000000000009 00 01 00 3e 04 00000000 0000 "+icmp),
		p(60, "3a 00 c2 04 00010010 "+icmp),
		p(60, "3a 00 05 02 0000 01 00 "+icmp),
		rt0, cut(rt0, 14+40+20), cut(rt0, 14+40+3),
		rt2, rt4, cut(rt4, 14+40+30),
		// Only the first routing header gives the checksum's destination;
		// an SRH of length 0 still names its first segment.
		p(43, "2b 02 02 01 00000000 20010db8000000000000000000000003 3a 02 02 01 00000000 20010db8000000000000000000000004 "+icmp),
		p(43, "11 00 04 01 00000000 "+udp+" 0000 0000 0000 0000 0000 0000"),
		p(43, "3a 03 00 01 00000000 20010db8000000000000000000000003 20010db8000000000000000000000004 "+icmp),
		p(43, "3a 03 00 01 00000000 20010db8000000000000000000000003 "+icmp),
		p(43, "3a 02 03 01 00000000 20010db8000000000000000000000003 "+icmp),
		p(43, "3a 00 07 00 00000000 "+icmp),
		p(253, "01020304"),
		crafted{ip6Frame("6000 0000", 0, 0, "3a 00 01 07 00000000 "+icmp), 0},
		crafted{hexCut(ip6Frame("6000 0000", 0, 0, "3a 00 01 04 00000000 "+icmp), 14+40+4), 62},
		crafted{ip6Frame("6000 0000", 60, 0, "3a 00 01 04 00000000 "+icmp), 0},
		p(0, "3a 00 01 02 0000 05 00 "+icmp),
		p(0, "3a 00 01 00 01 00 c2 00 "+icmp),
		p(60, "3a 00 01 02 0000 c9 00 "+icmp),
		p(60, "3a 03 c9 14 20010db8000000000000000000000009 00 01 00 3e 00 00 00 01 01 00 "+icmp),
		p(60, "3a 00 01 07 00000000 "+icmp),
		p(0, "3a 00 c2 04 00010010 "+icmp),
		p(0, "3c 00 01 04 00000000 2c 00 01 04 00000000 06 00 0001 00000001 0014 0050 00000001 00000002 5002 0100 0000 0000"),
		p(44, "11 00 0001 deadbeef "+udp),
		cut(p(44, "2b 00 0001 deadbeef 3a 02 02 01 00000000 20010db8000000000000000000000003 "+icmp), 14+40+8+10),
		crafted{ip6Frame("6000 0000", 44, 4, "11 00 0000 deadbeef "+udp), 0},
		p(43, "3a 03 04 01 01 00 0000 20010db8000000000000000000000003 "+icmp),
		p(43, "3a 02 04 00 00 81 1234 20010db8000000000000000000000003 "+udp),
		cut(p(43, "3a 02 04 00 00 81 1234 20010db8000000000000000000000003 "+udp), 14+40+7),
		cut(p(43, "3a 02 04 00 00 81 1234 20010db8000000000000000000000003 "+udp), 14+40+5),
		p(43, "11 02 02 00 00000001 20010db8000000000000000000000003 "+udp),
		p(43, "3a 00 00 00 00000000 "+icmp),
		crafted{ip6Frame("6000 0000", 44, 6, "11 00 05c8 deadbeef"), 0},
		crafted{ip6Frame("6000 0000", 0, 0, "3c 00 c2 04 00010010 3a 00 01 04 00000000 "+icmp), 0},
		crafted{ip6Frame("6000 0000", 0, 0, "2c 00 c2 04 00010010 3a 00 0000 00000001 "+icmp), 0},
		crafted{ip6Frame("6000 0000", 0, 0, "87 00 c2 04 00010010 3b 00 00 00 0000 0000"), 0},
		p(0, "87 00 01 04 00000000 3b 00 00 00 0000 0000"),
		p(44, "2c 00 0001 00000001 3a 00 0000 00000002 "+icmp),
		p(0, "29 00 01 04 00000000 6000 0000 0008 3a40 20010db8000000000000000000000005 20010db8000000000000000000000006 "+icmp),
		p(59, ""),
		p(59, "0102"),
		crafted{ip6Frame("6000 0000", 58, 0, icmp), 0},
		crafted{ip6Frame("6000 0000", 58, 100, icmp), 0},
		crafted{ip6Frame("6abc def1", 58, -1, icmp), 0},
		crafted{ip6Frame("5000 0000", 58, -1, icmp), 0},
		crafted{ip6Frame("6000 0000", 17, -1, udp), 0},
		crafted{strings.TrimSpace(hexCut(ip6Frame("6000 0000", 58, -1, icmp), 14+30)), 0},
	}
	craftedLikeTcpdump(t, "ip6ext", pkts)
}
