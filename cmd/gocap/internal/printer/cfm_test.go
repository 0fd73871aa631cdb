package printer

import (
	"fmt"
	"strings"
	"testing"
)

// cfmFrame is an Ethernet frame of CFM (or the old ethertype) with the
// PDU.
func cfmFrame(pdu string) string { return "0180c2000030 000000000001 8902 " + pdu }

// cfmCCMBody is a CCM body: sequence, MEP ID and the 48 bytes of names
// (given, padded with zeros) and 16 of Y.1731.
func cfmCCMBody(names string) string {
	n := hexLen(names)
	return "00000102 0003 " + names + strings.Repeat("00", 48-n) + strings.Repeat("00", 16)
}

// cfmTLV is a CFM TLV of the type and value, its length right.
func cfmTLV(t byte, v string) string { return fmt.Sprintf("%02x %04x ", t, hexLen(v)) + v + " " }

func cfmCrafted() []crafted {
	senders := cfmTLV(1, "06 04 001122334455") + cfmTLV(1, "05 05 01 0a000001") + cfmTLV(1, "11 05 02 20010db8000000000000000000000001") +
		cfmTLV(1, "04 06 65746830") + cfmTLV(1, "03 01 0102") + cfmTLV(1, "03 05 010203 0102 02 0a0b") + cfmTLV(1, "00 02 0102 00") +
		cfmTLV(1, "02 09 0102") + cfmTLV(1, "") + cfmTLV(1, "05 04 0102030405") + cfmTLV(1, "03 05 01 0a00") + cfmTLV(1, "00 01 01")
	tlvs := cfmTLV(2, "02") + cfmTLV(2, "07") + cfmTLV(3, "01") + cfmTLV(3, "05") + cfmTLV(3, "09") +
		cfmTLV(31, "00000c 05 0102") + cfmTLV(4, "01020304") + cfmTLV(5, "01") + cfmTLV(6, "02") + cfmTLV(9, "") + "00"
	ccm := func(flags byte, names string, rest string) crafted {
		return crafted{cfmFrame(fmt.Sprintf("00 01 %02x 46 ", flags) + cfmCCMBody(names) + rest), 0}
	}
	lbm := func(tlvs string) crafted { return crafted{cfmFrame("e0 03 00 04 00000009 " + tlvs + "00"), 0} }
	pkts := []crafted{
		ccm(0x01, "04 05 646f6d31 61 02 03 6d6131", "00"),
		ccm(0x82, "01 02 03 6d6131", "00"),
		ccm(0x83, "02 03 612e62 03 02 0064", tlvs),
		ccm(0x04, "03 06 001122334455 00 02 0102", senders+"00"),
		ccm(0x05, "03 04 00112233 01 02 0064", "00"),
		ccm(0x06, "00 03 010203 04 03 010203", "00"),
		ccm(0x07, "09 01 ff 09 01 ff", "00"),
		ccm(0x00, "04 2c 61", "00"),
		ccm(0x00, "04 2b 61", "00"),
		ccm(0x00, "01 02 2e 61", "00"),
		ccm(0x00, "01 02 2d 61", "00"),
		{cfmFrame("00 01 00 10 " + cfmCCMBody("01 02 01 61")), 0},
		{cfmFrame("00 01 00 46 " + hexCut(cfmCCMBody("01 02 01 61"), 20)), 0},
		{cfmFrame("00 01 00 ff " + cfmCCMBody("01 02 01 61")), 0},
		// linktrace, loopback and unknown opcodes
		{cfmFrame("a0 05 80 11 00000007 40 001122334455 66778899aabb " + cfmTLV(1, "06 04 001122334455") + "00"), 0},
		{cfmFrame("a0 05 00 11 00000007 40 001122334455 66778899aabb 00"), 0},
		{cfmFrame("a0 05 00 10 00000007 40 001122334455 66778899aabb 00"), 0},
		{cfmFrame("a0 05 00 11 00000007 40 0011"), 0},
		{cfmFrame("40 04 e0 06 00000008 3f 01 " + cfmTLV(5, "01020304") + "00"), 0},
		{cfmFrame("40 04 00 06 00000008 3f 07 00"), 0},
		{cfmFrame("40 04 00 05 00000008 3f 07 00"), 0},
		{cfmFrame("40 04 00 06 00000008"), 0},
		{cfmFrame("e0 03 00 04 00000009 " + cfmTLV(4, "0102") + "00"), 0},
		{cfmFrame("e0 02 00 04 00000009 00"), 0},
		{cfmFrame("e0 2f 00 00 00"), 0},
		{cfmFrame("01 01 00 46"), 0},
		{cfmFrame("00 03"), 0},
		// TLVs too short, cut short, past the PDU
		{cfmFrame("00 03 00 00 " + cfmTLV(2, "") + cfmTLV(3, "") + cfmTLV(31, "0102")), 0},
		{cfmFrame("00 03 00 00 02 00"), 0},
		{cfmFrame("00 03 00 00 02 0010 01"), 0},
		{cfmFrame("00 03 00 00 " + cfmTLV(1, "03 05 010203 0102 05 0a0b")), 0},
		{cfmFrame("00 03 00 00 " + cfmTLV(1, "03 05 010203 0102")), 0},
		{cfmFrame("00 03 00 00 " + cfmTLV(1, "03 05 010203 0102 00")), 0},
		// each kind of Sender ID, one a PDU
		lbm(cfmTLV(1, "03 01 0102")), lbm(cfmTLV(1, "03 05 010203 0102 02 0a0b")), lbm(cfmTLV(1, "00 02 0102 00")),
		lbm(cfmTLV(1, "02 09 0102")), lbm(cfmTLV(1, "")), lbm(cfmTLV(1, "05 04 0102030405")), lbm(cfmTLV(1, "03 05 01 0a00")),
		lbm(cfmTLV(1, "00 01 01")), lbm(cfmTLV(1, "04 07 0a000001 0203")), lbm(cfmTLV(1, "05 05 02 0a000001")),
		lbm(cfmTLV(1, "05 05 09 0a000001")), lbm(cfmTLV(1, "00 04 08 0102030405060708")), lbm(cfmTLV(1, "01 04 00")),
		lbm(cfmTLV(1, "01 07 61626300")), lbm(cfmTLV(1, "01 02 6162 03 010203 04 01020304")),
		lbm(cfmTLV(1, "01 02 6162 03 010203")), lbm(cfmTLV(1, "01 02 6162 03 010203 00")),
		lbm(cfmTLV(1, "01 02 6162 03 010203 09 01")), lbm(cfmTLV(1, "01 02 6162 05")), lbm(cfmTLV(1, "01 02 6162 00")),
		lbm(cfmTLV(1, "01 02 6162 00") + cfmTLV(2, "01")),
		// the old ethertype
		{"0180c2000030 000000000001 abcd 00 03 00 04 00000009 00", 0},
	}
	lt := cfmFrame("a0 05 80 11 00000007 40 001122334455 66778899aabb " + cfmTLV(1, "06 04 001122334455") + "00")
	c := ccm(0x83, "02 03 612e62 03 02 0064", tlvs)
	pkts = append(pkts, crafted{hexCut(lt, 14+4+10), hexLen(lt)}, crafted{hexCut(lt, 14+4+17+5), hexLen(lt)},
		crafted{hexCut(c.hex, 14+4+70+8), hexLen(c.hex)}, crafted{hexCut(c.hex, 14+2), hexLen(c.hex)})
	return pkts
}

// TestCFMLikeTcpdump prints CFM continuity checks (each MD and MA name
// format, each interval), linktrace and loopback messages and every TLV
// print-cfm.c decodes, with bad lengths and cut short, as tcpdump does.
func TestCFMLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "cfm", cfmCrafted()) }

func init() { addFuzzSeeds(cfmCrafted()) }
