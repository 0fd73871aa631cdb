package printer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// pppCP is a PPP frame (address, control, protocol proto) carrying a
// control protocol packet of the code and identifier 7 whose data is
// given in hex; its length field counts the data.
func pppCP(proto uint16, code byte, data string) string {
	n := 4 + hexLen(data)
	return fmt.Sprintf("ff03 %04x %02x07 %04x ", proto, code, n) + data
}

// pppAuth is a PPP frame of the protocol (CHAP or PAP) with a packet of
// the code, identifier 9 and the data given in hex, whose length field
// is n (or counts the data when n is 0).
func pppAuth(proto uint16, code byte, n int, data string) string {
	if n == 0 {
		n = 4 + hexLen(data)
	}
	return fmt.Sprintf("ff03 %04x %02x09 %04x ", proto, code, n) + data
}

// pppCtlCrafted are PPP frames of each control protocol code, with each
// option tcpdump decodes for LCP, IPCP, IP6CP, CCP and BACP (and bogus
// lengths), CHAP, PAP, BAP and multilink fragments, whole and cut short.
func pppCtlCrafted() []crafted {
	lcpOpts := "0104 05dc 0206 00000000 0305 c223 05 0305 c223 80 0304 c023 0306 1234 abcd 0408 c025 000003e8" +
		" 0506 11223344 0702 0802 0d03 06 0d03 07 1104 0640 1303 00 1303 01 1307 02 0a000001 1309 03 000000000001" +
		" 1303 04 1303 05 1303 09 1704 0001 1f04 abcd 0008 00000c 01 0203 0a04 0001"
	ipcpOpts := "0306 0a000001 8106 08080808 8206 0a000002 8306 08080404 8406 0a000003 0406 0a000004" +
		" 010a 0a000001 0a000002 0206 002d 0f01 020e 0061 000f 000f 0100 0100 0100 0214 0061 000f 000f 0100 0100 0100 0102 0204 0704 abcd"
	pkts := []crafted{
		{pppCP(0xc021, 1, lcpOpts), 0},
		{pppCP(0xc021, 2, "0104 05dc 0506 11223344"), 0},
		{pppCP(0xc021, 3, "0103 05 0504 1122"), 0},       // bogus lengths
		{pppCP(0xc021, 4, "0101"), 0},                    // option length 1
		{pppCP(0xc021, 1, "2004 0000"), 0},               // unknown option number
		{pppCP(0xc021, 1, "0204 0000 0104 05dc"), 0},     // ACCM of a bad length
		{pppCP(0xc021, 1, "0103 05 1302 1702"), 0},       // lengths 3 and 2
		{pppCP(0xc021, 1, "1308 02 0a000001 00"), 0},     // End-Disc IPv4 of a bad length
		{pppCP(0xc021, 1, "130a 03 000000000001 00"), 0}, // End-Disc MAC of a bad length
		{pppCP(0xc021, 1, "0d02 0402 0505"), 0},
		{pppCP(0xc021, 1, "0104 05dc 0108 05dc"), 0}, // the second runs past the list
		{pppCP(0xc021, 9, "11223344"), 0},
		{pppCP(0xc021, 10, "11223344 deadbeef 0102"), 0},
		{pppCP(0xc021, 11, "11223344"), 0},
		{pppCP(0xc021, 12, "11223344 68656c6c6f"), 0},
		{pppCP(0xc021, 13, "11223344 00000e10"), 0},
		{pppCP(0xc021, 8, "8021 0101 0004"), 0},
		{pppCP(0xc021, 8, "8021"), 0},
		{pppCP(0xc021, 7, "0101 0004"), 0},
		{pppCP(0xc021, 5, "0102"), 0},
		{pppCP(0xc021, 6, ""), 0},
		{pppCP(0xc021, 0, "11223344 00000c 01 02"), 0},
		{pppCP(0xc021, 0, "11223344"), 0},
		{pppCP(0xc021, 14, "0102 0304"), 0},
		{pppCP(0xc021, 40, "0102"), 0},
		{"ff03 c021 0107 0003", 0},           // encoded length < 4
		{"ff03 c021 0107 0040 0104 05dc", 0}, // encoded length past the packet
		{"ff03 c021 01", 0},                  // shorter than a header
		{pppCP(0x8021, 1, ipcpOpts), 0},
		{pppCP(0x8021, 1, "0305 0a0000 8104 0808"), 0},
		{pppCP(0x8021, 1, "0204 002d 0203 00"), 0},
		{pppCP(0x8021, 1, "020c 0061 000f 000f 0100 0100"), 0},
		{pppCP(0x8021, 1, "0212 0061 000f 000f 0100 0100 0100 0108"), 0}, // suboption past the option
		{pppCP(0x8021, 1, "0212 0061 000f 000f 0100 0100 0100 0000"), 0}, // suboption 0
		{pppCP(0x8021, 1, "0108 0a000001 0000"), 0},
		{pppCP(0x8021, 2, "0301"), 0},
		{pppCP(0x8057, 1, "010a 0211 22ff fe33 4455 0204 0000"), 0},
		{pppCP(0x8057, 1, "0108 0211 22ff fe33"), 0},
		{pppCP(0x80fd, 1, "1a04 7800 1503 2f 1804 e502 1206 01000000 0004 0000"), 0},
		{pppCP(0x80fd, 1, "1a03 78 1502 1803 00"), 0},
		{pppCP(0x80fd, 1, "1a04 6f03"), 0},
		{pppCP(0x80fd, 14, ""), 0},
		{pppCP(0x80fd, 15, "00"), 0},
		{pppCP(0xc02b, 1, "0106 11223344 0204 0000"), 0},
		{pppCP(0xc02b, 1, "0104 1122"), 0},
		{pppCP(0x8281, 1, "0104 0000"), 0}, // MPLSCP: no option printer
		{pppCP(0x8023, 2, ""), 0},
		{pppAuth(0xc223, 1, 0, "04 01020304 726f75746572"), 0},
		{pppAuth(0xc223, 2, 0, "10 "+strings.Repeat("ab", 16)+" 75736572"), 0},
		{pppAuth(0xc223, 3, 0, "57656c636f6d65"), 0},
		{pppAuth(0xc223, 4, 0, "6e6f"), 0},
		{pppAuth(0xc223, 9, 0, "00"), 0},
		{pppAuth(0xc223, 1, 0, "09 0102"), 0}, // value past the packet
		{pppAuth(0xc223, 1, 0, ""), 0},
		{pppAuth(0xc223, 3, 2, "4142"), 0}, // length smaller than the header
		{"ff03 c223 01", 0},
		{"ff03 c223", 0},
		{pppAuth(0xc023, 1, 0, "04 75736572 06 736563726574"), 0},
		{pppAuth(0xc023, 2, 0, "02 6f6b"), 0},
		{pppAuth(0xc023, 3, 0, "03 6e6f21"), 0},
		{pppAuth(0xc023, 2, 0, ""), 0},
		{pppAuth(0xc023, 1, 0, "00"), 0},
		{pppAuth(0xc023, 1, 0, "05 7573"), 0},
		{pppAuth(0xc023, 1, 0, "02 7573 09 61"), 0},
		{pppAuth(0xc023, 1, 40, "02 7573"), 0},
		{pppAuth(0xc023, 1, 3, "02 7573"), 0},
		{pppAuth(0xc023, 7, 0, ""), 0},
		{"ff03 c023 02", 0},
		{"ff03 c02d 0101 0008 00000000", 0},
		{"ff03 003d c0000102 0021 " + linkICMP4, 0},
		{"ff03 003d 4123", 0},
		{"ff03 003d 01", 0},
		{"ff03 c025 0102", 0},
		{"ff03 c227 0101 0005 01", 0},
	}
	// Each of the longer ones cut short at several places.
	for _, i := range []int{0, 11, 12, 14, 15, 16, 21, 28, 31, 36, 38, 43, 47, 48, 56} {
		h := pkts[i].hex
		for _, drop := range []int{1, 3, 5, 9, 13} {
			if drop < hexLen(h)-4 {
				pkts = append(pkts, craftedCut(h, drop))
			}
		}
	}
	return pkts
}

// TestPPPControlLikeTcpdump prints the packets of pppCtlCrafted on a PPP
// link as tcpdump does, with and without -e.
func TestPPPControlLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkPPP, pppCtlCrafted())
}

// TestPPPSerialLikeTcpdump prints frames of the PPP_SERIAL link type
// (PPP in HDLC-like framing and Cisco HDLC): control protocols, IP, a
// protocol field holding an HDLC escape (un-escaped, then guessed again)
// and unknown addresses, as tcpdump does.
func TestPPPSerialLikeTcpdump(t *testing.T) {
	pkts := append([]crafted{}, pppCtlCrafted()[:30]...)
	pkts = append(pkts,
		crafted{"ff03 0021 " + linkICMP4, 0},
		crafted{"ff03 7e21 " + strings.ReplaceAll(linkICMP4, "00", "7d20"), 0},
		crafted{"ff03 7eff 03 c021 0101 0008 0104 05dc", 0},
		crafted{"ff03 7eff 7d23 c021 0101 0008 0104 05dc", 0},
		crafted{"ff03 7ec0 21 0101 0008 0104 05dc", 0},
		crafted{"ff03 7e57 " + linkUDP6, 0},
		crafted{"ff03 7e7e 21 0000", 0},
		crafted{"ff03 7eff 03 7e21 0000", 0},
		crafted{"ff03 7e7d", 0},
		crafted{"ff03 7eff", 0},
		crafted{"ff03 7d21 " + linkICMP4, 0},
		crafted{"0f00 0800 " + linkICMP4, 0},
		crafted{"8f00 8035 00000002 00000001 00000002 ffff 0001 e240", 0},
		crafted{"1234 0021 " + linkICMP4, 0},
		crafted{"ff", 0},
	)
	linkTypeLikeTcpdump(t, cbpf.LinkPPPSerial, pkts)
}
