package printer

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// tcpOptSegment is an Ethernet frame with an IPv4 TCP segment of the
// flags (hex) from the BGP port, its header carrying opts (hex, padded
// with EOLs to a multiple of 4 bytes) before the payload (hex).
func tcpOptSegment(flags int, opts, payload string) string {
	opts = strings.ReplaceAll(opts, " ", "")
	for len(opts)%8 != 0 {
		opts += "00"
	}
	tcp := fmt.Sprintf("00b3 c5db 90331f1a 5ef34ec5 %x%03x 7c11 0000 0000 ", 5+len(opts)/8, flags) + opts + payload
	return faultEther + fmt.Sprintf("45c0 %04x 02b8 0000 fe06 0000 ac110000 ac110003 ", 20+hexLen(tcp)) + tcp
}

// tcpOptCases are the options whose printing 4.99.3 has its own way
// for: echo and echo reply as numbers, CC.ECHO without a name, kinds it
// has no name for (SNACK, records, gates, the first experimental kind),
// a SACK block cut by the capture, a user timeout in minutes past 16
// bits, TCP-AO and Fast Open of bad lengths; and a header too long.
var tcpOptCases = []crafted{
	{tcpOptSegment(0x18, "0606 01020304 0706 0a0b0c0d 0d06 00000001 0b06 00000002 0c06 00000003", bgpKeepalive), 0},
	{tcpOptSegment(0x10, "0604 0102 0702", ""), 0},
	{tcpOptSegment(0x10, "1503 c0 1604 0102 1702 fd06 00b60000 1b04 8100", ""), 0},
	{tcpOptSegment(0x10, "0101 050a 5ef34ec6 5ef34ed0", bgpKeepalive), 0},
	{tcpOptSegment(0x10, "0101 0512 5ef34ec6 5ef34ed0 5ef34ee0 5ef34ef0", ""), 0},
	{tcpOptSegment(0x10, "1c04 e103 1c04 0f00 1c04 0f01", ""), 0},
	{tcpOptSegment(0x02, "1d03 01 1d04 0102 1d08 01020304 0506", ""), 0},
	{tcpOptSegment(0x02, "2203 01 2202 2206 01020304 fe06 f989 0102", ""), 0},
	{hexCut(tcpOptSegment(0x10, "0101 0512 5ef34ec6 5ef34ed0 5ef34ee0 5ef34ef0", ""), 14+20+20+8), 14 + 20 + 40},
	{hexCut(tcpOptSegment(0x10, "0101 0512 5ef34ec6 5ef34ed0 5ef34ee0 5ef34ef0", ""), 14+20+20+14), 14 + 20 + 40},
	{hexCut(tcpOptSegment(0x10, "0606 01020304", ""), 14+20+20+4), 14 + 20 + 28},
}

// tcpHdrCases are TCP headers tcpdump takes its own way: one longer than
// the segment, whose length -q prints unsigned, and IPv6 packets of
// payload length 0 without a jumbo option, whose payload tcpdump cuts
// off (so the connection's sequence numbers are not recorded).
var tcpHdrCases = []crafted{
	{faultEther + "45c0 0035 02b8 0000 fe06 0000 ac110000 ac110003 00b3 c5db 90331f1a 5ef34ec5 9010 7c11 0000 0000 0101080a 01020304 05060708 09", 0},
	{craftIP6(6, "00b3 9c40 00000001 00000002 5012 0100 0000 0000") + " 0000", 0},
	{"000000000002 000000000001 86dd 6000 0000 0000 0640 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"00b3 9c40 00000001 00000002 5012 0100 0000 0000", 0},
	{"000000000002 000000000001 86dd 6000 0000 0000 1140 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"00b3 9c40 0010 0000 0102030405060708", 0},
	{craftIP6(6, "00b3 9c40 00000011 00000002 5010 0100 0000 0000 "+bgpKeepalive), 0},
}

// tcpHdrGenerated is n segments over IPv4 or IPv6 with random header
// lengths, flags, numbers and windows, a few option layouts, a payload
// (often a BGP KEEPALIVE) and sometimes a wrong IP length; a fifth are
// cut by the capture. Its few ports keep connections recurring, so
// relative sequence numbers are exercised too.
func tcpHdrGenerated(seed int64, n int, v6 bool) []crafted {
	g := bgpGen{rand.New(rand.NewSource(seed))}
	var pkts []crafted
	for i := 0; i < n; i++ {
		optlen := g.pick(0, 0, 4, 8, 12, 40)
		opts := ""
		for len(opts)/2 < optlen {
			switch g.rng.Intn(6) {
			case 0:
				opts += "01"
			case 1:
				opts += "080a" + g.bytes(8)
			case 2:
				opts += "0204" + g.bytes(2)
			case 3:
				opts += "0402"
			case 4:
				opts += "030303"
			default:
				opts += "00"
			}
		}
		hl := 5 + optlen/4
		if g.rng.Intn(6) == 0 {
			hl = g.rng.Intn(16)
		}
		payload := g.bytes(g.pick(0, 0, 1, 5, 19, 30, 40))
		if g.rng.Intn(3) == 0 {
			payload = bgpKeepalive
		}
		tcp := fmt.Sprintf("%04x %04x %s %s %x%03x %04x 0000 %04x ", g.pick(179, 40000, 0, 1023), g.pick(179, 40000, 65535, 2),
			g.bytes(4), g.bytes(4), hl, g.rng.Intn(0x1000), g.rng.Intn(65536), g.rng.Intn(65536)) + opts[:2*optlen] + payload
		plen := hexLen(tcp)
		if g.rng.Intn(8) == 0 {
			plen = g.rng.Intn(plen + 4)
		}
		full := faultEther + fmt.Sprintf("45c0 %04x 02b8 0000 fe06 0000 ac110000 ac110003 ", 20+plen) + tcp
		if v6 {
			full = fmt.Sprintf("000000000002 000000000001 86dd 6c07 9b0e %04x 0601 fe800000000000001eea0bfffe6a39de 20010db8000000000000000000000002 ", plen) + tcp
		}
		full = strings.ReplaceAll(full, " ", "")
		if size := len(full) / 2; g.rng.Intn(5) == 0 {
			pkts = append(pkts, crafted{full[:2*(34+g.rng.Intn(size-34))], size})
			continue
		}
		pkts = append(pkts, crafted{full, 0})
	}
	return pkts
}

// tcpOptGenerated is n segments with up to four options of random
// kinds and lengths (MPTCP with each subtype), some cut by the capture.
func tcpOptGenerated(seed int64, n int) []crafted {
	g := bgpGen{rand.New(rand.NewSource(seed))}
	var pkts []crafted
	for i := 0; i < n; i++ {
		opts := ""
		for k := g.rng.Intn(4); k >= 0; k-- {
			kind := g.pick(0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 13, 19, 20, 21, 27, 28, 29, 30, 34, 253, 254, g.rng.Intn(256))
			if kind <= 1 {
				opts += fmt.Sprintf("%02x", kind)
				continue
			}
			l := g.pick(2, 3, 4, 6, 8, 10, 12, 18, 20, g.rng.Intn(24))
			if kind == 30 && g.rng.Intn(2) == 0 {
				l = g.pick(4, 8, 12, 16, 20, 24)
				opts += fmt.Sprintf("%02x%02x%02x", kind, l, g.rng.Intn(9)<<4|g.rng.Intn(16)) + g.bytes(l-3)
				continue
			}
			opts += fmt.Sprintf("%02x%02x", kind, l) + g.bytes(max(l-2, 0))
		}
		opts = opts[:min(len(opts), 80)]
		payload := ""
		if g.rng.Intn(2) == 0 {
			payload = bgpKeepalive
		}
		full := strings.ReplaceAll(tcpOptSegment(g.pick(0x10, 0x18, 0x02, 0x12, 0x11, 0x04, 0x14, g.rng.Intn(256)), opts, payload), " ", "")
		if size := len(full) / 2; g.rng.Intn(5) == 0 {
			pkts = append(pkts, crafted{full[:2*(34+g.rng.Intn(size-34))], size})
			continue
		}
		pkts = append(pkts, crafted{full, 0})
	}
	return pkts
}

// TestTCPOptionsLikeTcpdump prints TCP options and headers, crafted and
// generated, and compares the output with the local tcpdump's.
func TestTCPOptionsLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "tcpopt", append(append([]crafted(nil), tcpOptCases...), tcpOptGenerated(1, 800)...))
	craftedLikeTcpdump(t, "tcphdr", append(append([]crafted(nil), tcpHdrCases...), tcpHdrGenerated(1, 600, false)...))
	craftedLikeTcpdump(t, "tcphdr6", tcpHdrGenerated(2, 600, true))
}

func init() {
	craftedSeeds = append(craftedSeeds, tcpOptCases...)
	craftedSeeds = append(craftedSeeds, tcpHdrCases...)
}
