package printer

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// withZeroSum returns the Ethernet/IPv4 frame pkt (hex, TCP or UDP, at
// least two bytes of payload) with its transport checksum field set to
// field and its last two payload bytes chosen so that the sum of all the
// other bytes, pseudo-header included, is 0xffff: the checksum field
// should then hold one's complement zero, which tcpdump prints as
// 0xffff.
func withZeroSum(t *testing.T, pkt string, field uint16) string {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(pkt, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	ip := b[14:]
	ihl := int(ip[0]&15) * 4
	seg := ip[ihl:]
	at := 16 // TCP
	if ip[9] == 17 {
		at = 6
	}
	seg[at], seg[at+1] = 0, 0
	seg[len(seg)-2], seg[len(seg)-1] = 0, 0
	sum := uint32(ip[9]) + uint32(len(seg))
	for _, w := range [][]byte{ip[12:20], seg} {
		for i := 0; i+1 < len(w); i += 2 {
			sum += uint32(binary.BigEndian.Uint16(w[i:]))
		}
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	binary.BigEndian.PutUint16(seg[len(seg)-2:], 0xffff-uint16(sum))
	binary.BigEndian.PutUint16(seg[at:], field)
	return hex.EncodeToString(b)
}

// TestChecksumShouldBeLikeTcpdump prints, with -v and -vv, segments
// whose right checksum is one's complement zero, where tcpdump's
// "should be" value is 0xffff rather than 0: TCP and UDP segments with a
// wrong value in the field and with the right one (0xffff; 0 in UDP
// meaning no checksum), ICMP echo requests whose checksum field and the
// sum of their other words cancel, and others.
func TestChecksumShouldBeLikeTcpdump(t *testing.T) {
	udp := craftedUDP4(40000, 7000, "0102030405060708090a")
	tcp := tcpSegment(40000, 9, "0102030405060708090a")
	var pkts []crafted
	for _, field := range []uint16{0x3614, 0xffff, 0x0000, 0x0001} {
		pkts = append(pkts, crafted{withZeroSum(t, udp, field), 0}, crafted{withZeroSum(t, tcp, field), 0})
	}
	pkts = append(pkts,
		crafted{craftIP4(1, "0800 0001 f7ff 0000"), 0},
		crafted{craftIP4(1, "0800 0001 f7ff 0000 ffff"), 0},
		crafted{craftIP4(1, "0800 fffe f7ff 0000"), 0},
		crafted{craftIP4(1, "0800 0000 f7ff 0000"), 0},
		crafted{craftIP4(1, "0800 1234 0001 0002 6869"), 0},
	)
	craftedLikeTcpdump(t, "cksumshouldbe", pkts)
}

// withPayloadLength is the Ethernet/IPv6 frame pkt (hex) with its
// payload length field set to n.
func withPayloadLength(pkt string, n int) string {
	h := strings.ReplaceAll(pkt, " ", "")
	return h[:2*18] + fmt.Sprintf("%04x", n) + h[2*20:]
}

// TestTransportLengthsLikeTcpdump prints TCP and UDP over IPv6 with a
// payload length of zero (no jumbo option: tcpdump cuts the capture at
// the fixed header), shorter and longer than the segment, and TCP over
// IPv4 whose length leaves less than the TCP header, as tcpdump does.
func TestTransportLengthsLikeTcpdump(t *testing.T) {
	tcp := craftIP6(6, "9c40 0016 00000001 00000002 5018 0100 0000 0000 5353482d322e302d780d0a")
	udp := craftIP6(17, "9c40 1b58 000e 0000 010203040506")
	var pkts []crafted
	for _, n := range []int{0, 4, 20, 24, 200} {
		pkts = append(pkts, crafted{withPayloadLength(tcp, n), 0}, crafted{withPayloadLength(udp, n), 0})
	}
	// IPv4 lengths shorter than the TCP header it gives (24 and 12
	// bytes), which tcpdump subtracts in unsigned arithmetic
	opts24 := "9c40 0016 00000001 00000002 6018 0100 0000 0000 020405b4"
	short12 := "9c40 0016 00000001 00000002 3018 0100 0000 0000 00000000"
	pkts = append(pkts,
		crafted{faultEther + faultIP4(6, 20) + opts24, 0},
		crafted{faultEther + faultIP4(6, 10) + short12, 0})
	craftedLikeTcpdump(t, "translen", pkts)
}
