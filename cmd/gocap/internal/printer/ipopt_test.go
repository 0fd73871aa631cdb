package printer

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// ipOptSegment is an Ethernet frame with an IPv4 header carrying opts
// (hex, a multiple of 4 bytes) and a BGP KEEPALIVE in TCP, or with
// udp set a UDP datagram, so that -v checks the transport checksum
// against tcpdump's pseudo-header destination.
func ipOptSegment(opts string, udp bool) string {
	opts = strings.ReplaceAll(opts, " ", "")
	proto, payload := 6, "00b3 c5db 90331f1a 5ef34ec5 5018 7c11 0000 0000 "+bgpKeepalive
	if udp {
		proto, payload = 17, "9c40 9c41 0010 0000 0102030405060708"
	}
	return faultEther + fmt.Sprintf("4%x00 %04x 0001 0000 40%02x 0000 0a000001 0a000002 ", 5+len(opts)/8, 20+len(opts)/2+hexLen(payload), proto) +
		opts + payload
}

// ipOptCases are source routes, whose last address tcpdump puts in the
// pseudo-header of the TCP and UDP checksums (the first loose or strict
// route of 7 bytes or more, unless an EOL or a bad length comes first),
// and record routes with a pointer of 0, which tcpdump takes as past
// every address.
var ipOptCases = []crafted{
	{ipOptSegment("01 830b04 c0000201 c0000202", false), 0},
	{ipOptSegment("01 890b08 c0000201 c0000202", true), 0},
	{ipOptSegment("830704 c0000201 890708 c0000202 0000", false), 0},
	{ipOptSegment("00 830704 c0000201", false), 0},
	{ipOptSegment("9401 830704 c0000201 000000", false), 0},
	{ipOptSegment("830604 c00002 830704 c0000201 000000", true), 0},
	{ipOptSegment("070b00 c0000201 c0000202 01", false), 0},
	{ipOptSegment("830800 c0000201 00 00000000", false), 0},
}

// ipOptGenerated is n IPv4 packets with random option lists (record and
// source routes, timestamps, router alert, security, unknown kinds),
// header lengths, TOS, flags and lengths, carrying TCP, UDP or ICMP;
// a fifth are cut by the capture.
func ipOptGenerated(seed int64, n int) []crafted {
	g := bgpGen{rand.New(rand.NewSource(seed))}
	var pkts []crafted
	for i := 0; i < n; i++ {
		optlen := g.pick(0, 0, 0, 4, 8, 12, 40)
		opts := ""
		for len(opts)/2 < optlen {
			switch g.rng.Intn(7) {
			case 0:
				opts += "01"
			case 1:
				opts += "9404" + g.bytes(2)
			case 2:
				l := g.pick(3, 7, 11, 15)
				opts += fmt.Sprintf("%02x%02x04", g.pick(7, 131, 137), l) + g.bytes(l-3)
			case 3:
				l := g.pick(4, 8, 12, 36)
				opts += fmt.Sprintf("44%02x05%02x", l, g.rng.Intn(4)|g.rng.Intn(16)<<4) + g.bytes(l-4)
			case 4:
				opts += fmt.Sprintf("%02x%02x", g.rng.Intn(256), g.pick(2, 3, 4, 6)) + g.bytes(4)
			case 5:
				opts += "830704" + g.bytes(4)
			default:
				opts += "00"
			}
		}
		opts = opts[:2*optlen]
		ihl := 5 + optlen/4
		if g.rng.Intn(8) == 0 {
			ihl = g.rng.Intn(16)
		}
		proto := g.pick(6, 6, 6, 17, 1)
		payload := "00b3 c5db 90331f1a 5ef34ec5 5018 7c11 0000 0000 " + bgpKeepalive
		switch proto {
		case 17:
			payload = "9c40 0035 0010 0000 0102030405060708"
		case 1:
			payload = "0800 0000 0001 0002 0102030405060708"
		}
		total := 4*ihl + hexLen(payload)
		if g.rng.Intn(6) == 0 {
			total = g.rng.Intn(total + 8)
		}
		hdr := fmt.Sprintf("4%x%02x %04x %04x %04x %02x%02x 0000 ac110000 ac110003 ", ihl, g.pick(0, 0xc0, 0x1f, 3, 2, 1, g.rng.Intn(256)),
			total, g.rng.Intn(65536), g.pick(0, 0, 0x4000, 0x2000, 0x2001, 0x0010, 0x8000, 0xe000, g.rng.Intn(65536)), g.pick(64, 1, 0, 255), proto)
		full := strings.ReplaceAll(faultEther+hdr+opts+payload, " ", "")
		if size := len(full) / 2; g.rng.Intn(5) == 0 {
			pkts = append(pkts, crafted{full[:2*(14+g.rng.Intn(size-14))], size})
			continue
		}
		pkts = append(pkts, crafted{full, 0})
	}
	return pkts
}

// TestIPOptionsLikeTcpdump prints IPv4 options, crafted and generated,
// and compares the output with the local tcpdump's.
func TestIPOptionsLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ipopt", append(append([]crafted(nil), ipOptCases...), ipOptGenerated(1, 800)...))
}

func init() { craftedSeeds = append(craftedSeeds, ipOptCases...) }

// ip6ExtCases are IPv6 packets whose transport checksum takes the
// destination from the first routing header only (type 2, then a
// segment routing header), and a routing header past the payload
// length, which tcpdump does not name.
var ip6ExtCases = []crafted{
	{"000000000002 000000000001 86dd 6000 0000 0060 2b40 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"2b04 0201 00000000 20010db8000000000000000000000010 20010db8000000000000000000000011 " +
		"1104 0400 00000000 20010db8000000000000000000000012 20010db8000000000000000000000013 " +
		"9c40 0035 0010 0000 0102030405060708", 0},
	{"000000000002 000000000001 86dd 6000 0000 0008 3c40 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"2b00 0104 00000000 1102 0201 00000000 20010db8000000000000000000000010", 0},
}

// ip6ExtGenerated is n IPv6 packets with up to two extension headers
// (hop-by-hop options with jumbo, router alert, pads and unknown
// options, routing headers of types 0, 2, 3 and 4, fragments,
// destination options) before TCP or UDP, some of a wrong payload length
// and a fifth cut by the capture.
func ip6ExtGenerated(seed int64, n int) []crafted {
	g := bgpGen{rand.New(rand.NewSource(seed))}
	var pkts []crafted
	for i := 0; i < n; i++ {
		var nhs, bodies []string // each header's own type, its body after the next-header byte
		for k := g.rng.Intn(3); k > 0; k-- {
			switch g.rng.Intn(5) {
			case 0:
				opts := ""
				for len(opts)/2 < 6 || (len(opts)/2+2)%8 != 0 {
					switch g.rng.Intn(5) {
					case 0:
						opts += "00"
					case 1:
						opts += "0100"
					case 2:
						opts += "05020000"
					case 3:
						opts += "c204" + g.bytes(4)
					default:
						l := g.rng.Intn(4)
						opts += fmt.Sprintf("%02x%02x", g.rng.Intn(256), l) + g.bytes(l)
					}
				}
				nhs, bodies = append(nhs, "00"), append(bodies, fmt.Sprintf("%02x", (len(opts)/2+2)/8-1)+opts)
			case 1:
				segs := g.pick(1, 2)
				body := fmt.Sprintf("%02x%02x%02x00000000", 2*segs, g.pick(0, 2, 4, 3), g.rng.Intn(3))
				for s := 0; s < segs; s++ {
					body += fmt.Sprintf("20010db8000000000000000000000%03x", 0x10+s)
				}
				nhs, bodies = append(nhs, "2b"), append(bodies, body)
			case 2:
				nhs, bodies = append(nhs, "2c"), append(bodies, "00"+fmt.Sprintf("%04x", g.pick(0, 1, 8, 9))+g.bytes(4))
			case 3:
				nhs, bodies = append(nhs, "3c"), append(bodies, "0001 0400000000")
			default:
				nhs, bodies = append(nhs, "3c"), append(bodies, "00c2 040000ffff")
			}
		}
		nh, body := "06", "00b3 c5db 90331f1a 5ef34ec5 5018 7c11 0000 0000 "+bgpKeepalive
		if g.rng.Intn(3) == 0 {
			nh, body = "11", "9c40 0035 0010 0000 0102030405060708"
		}
		for k := len(nhs) - 1; k >= 0; k-- {
			nh, body = nhs[k], nh+bodies[k]+body
		}
		plen := hexLen(body)
		if g.rng.Intn(6) == 0 {
			plen = g.pick(0, g.rng.Intn(plen+8))
		}
		full := strings.ReplaceAll(fmt.Sprintf("000000000002 000000000001 86dd 6000 0000 %04x %s40 20010db8000000000000000000000001 20010db8000000000000000000000002 ",
			plen, nh)+body, " ", "")
		if size := len(full) / 2; g.rng.Intn(5) == 0 {
			pkts = append(pkts, crafted{full[:2*(54+g.rng.Intn(size-54))], size})
			continue
		}
		pkts = append(pkts, crafted{full, 0})
	}
	return pkts
}

// TestIP6ExtensionsLikeTcpdump prints IPv6 extension headers before TCP
// and UDP, crafted and generated, and compares the output with the
// local tcpdump's.
func TestIP6ExtensionsLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "ip6ext", append(append([]crafted(nil), ip6ExtCases...), ip6ExtGenerated(1, 800)...))
}

func init() { craftedSeeds = append(craftedSeeds, ip6ExtCases...) }
