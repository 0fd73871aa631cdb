package printer

import (
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// jnx is Juniper's common header: the magic, the flags and (when flags
// has 0x80) the extension TLVs given in hex, after their length.
func jnx(flags byte, ext string) string {
	h := "4d4743" + hexByte(flags) + " "
	if flags&0x80 != 0 {
		ext = strings.ReplaceAll(ext, " ", "")
		n := len(ext) / 2
		h += hexByte(byte(n>>8)) + hexByte(byte(n)) + " " + ext + " "
	}
	return h
}

// jnxEth is an Ethernet frame carrying an ICMP echo.
const jnxEth = "000000000002 000000000001 0800 " + linkICMP4

// juniperFlagSets add -vv -e to linkEFlagSets, where the extension TLVs
// print.
var juniperFlagSets = []flagSet{{[]string{"-nn", "-vv", "-e"}, Options{NumericLevel: 2, Verbose: 2, LinkHeader: true}}}

// juniperLikeTcpdump compares the packets of a Juniper link type with
// tcpdump under the link-type flag sets and -vv -e.
func juniperLikeTcpdump(t *testing.T, lt cbpf.LinkType, pkts []crafted) {
	t.Helper()
	linkTypeLikeTcpdump(t, lt, pkts)
	compareWithTcpdump(t, strings.ReplaceAll(t.Name(), "/", "_")+"_vve", lt, pkts, juniperFlagSets)
}

// TestJuniperHeaderLikeTcpdump prints JUNIPER_ETHER packets with each
// form of the common header: both directions, extension TLVs of each
// type and length, a stripped layer-2 header, and headers wrong or cut
// short.
func TestJuniperHeaderLikeTcpdump(t *testing.T) {
	tlvs := "01 04 01000000 02 04 65746830 03 01 01 06 01 0e 07 01 63 08 02 3e00 04 02 0500 05 03 010000 " +
		"81 02 0102 85 05 0102030405 04 04 ffffffff 09 04 11223344"
	juniperLikeTcpdump(t, cbpf.LinkJuniperEther, []crafted{
		{hex: jnx(0x01, "") + jnxEth},
		{hex: jnx(0x44, "") + jnxEth},
		{hex: jnx(0x81, tlvs) + jnxEth},
		{hex: jnx(0x80, "03 01 01 00 00") + jnxEth},
		{hex: jnx(0x80, "03 01 01 0a 05 0102") + jnxEth},
		{hex: jnx(0x80, "") + jnxEth},
		{hex: jnx(0x03, "") + "00000000 " + linkICMP4},
		{hex: jnx(0x02, "") + "00000000 " + linkUDP6},
		{hex: jnx(0x83, "03 01 01") + "00000000 " + linkICMP4},
		{hex: jnx(0x03, "") + "00000000 0102"},
		{hex: jnx(0x03, "") + "000000"},
		{hex: "4d4744 01 " + jnxEth},
		{hex: "4d4743"},
		{hex: "4d4743 81 0010 0301"},
		{hex: jnx(0x01, "") + hexCut(jnxEth, 10)},
	})
}

// TestJuniperLinksLikeTcpdump prints packets of each Juniper link type:
// the PIC cookies (plain, link services, adaptive services), the
// payloads each type carries and the ways it guesses them, as tcpdump
// does.
func TestJuniperLinksLikeTcpdump(t *testing.T) {
	ppp := "ff03 0021 " + linkICMP4
	oam := func(ct byte) string {
		return "00000030 " + hexByte(ct) + "01 0000002a 0102030405060708090a0b0c 1112131415161718191a1b1c" +
			strings.Repeat("00", 16) + "0000"
	}
	ipsec := func(t string) string { return "0001 40 " + t + " 00001234 c0000201 c0000202 " }
	cases := []struct {
		name string
		lt   cbpf.LinkType
		pkts []crafted
	}{
		{"ATM1", cbpf.LinkJuniperATM1, []crafted{
			{hex: jnx(0x01, "") + "00000001 aaaa03 000000 0800 " + linkICMP4},
			{hex: jnx(0x01, "") + "00000001 aaaa03 00000c 9999 0102"},
			{hex: jnx(0x01, "") + "00000001 fefe03 cc " + linkICMP4},
			{hex: jnx(0x01, "") + "00000001 03 cc " + linkICMP4},
			{hex: jnx(0x01, "") + "00000001 " + linkICMP4},
			{hex: jnx(0x01, "") + "00000001 " + linkUDP6},
			{hex: jnx(0x01, "") + "00000001 0102"},
			{hex: jnx(0x01, "") + "80000001 " + oam(0x18)},
			{hex: jnx(0x01, "") + "80000001 " + hexCut(oam(0x18), 20)},
			{hex: jnx(0x01, "") + "54050000 0001 aaaa03 000000 0800 " + linkICMP4},
			{hex: jnx(0x01, "") + "47000000 00000001 " + linkICMP4},
			{hex: jnx(0x01, "") + "0000"},
		}},
		{"ATM2", cbpf.LinkJuniperATM2, []crafted{
			{hex: jnx(0x01, "") + "0000000100000000 aaaa03 000000 0800 " + linkICMP4},
			{hex: jnx(0x01, "") + "0000000100000010 08000000 " + oam(0x10)[8:]},
			{hex: jnx(0x01, "") + "0000000100000010 00000000 " + oam(0x10)[8:]},
			{hex: jnx(0x01, "") + "0000000100000010 12345678 " + oam(0x21)[8:]},
			{hex: jnx(0x00, "") + "0000000100000000 " + jnxEth},
			{hex: jnx(0x01, "") + "0000000100000000 03 cc " + linkICMP4},
			{hex: jnx(0x01, "") + "0000000100000000 " + ppp[5:]},
			{hex: jnx(0x01, "") + "0000000100000000 c021 01 01 0004"},
			{hex: jnx(0x01, "") + "0000000100000000 " + linkICMP4},
			{hex: jnx(0x01, "") + "0000000100000000 0102"},
			{hex: jnx(0x01, "") + "5401020304050607 0102"},
			{hex: jnx(0x01, "") + "0000000100000010 0800"},
		}},
		{"MLPPP", cbpf.LinkJuniperMLPPP, []crafted{
			{hex: jnx(0x01, "") + "0102 " + ppp},
			{hex: jnx(0x01, "") + "ff03 0021 " + linkICMP4},
			{hex: jnx(0x01, "") + "0023 0021 " + linkICMP4},
			{hex: jnx(0x01, "") + "5407 0000 " + ppp},
			{hex: jnx(0x01, "") + "4700 0000 0000 0028 " + linkICMP4},
			{hex: jnx(0x01, "") + "4700 0000 0010 0028 " + linkUDP6},
			{hex: jnx(0x01, "") + "4700 0000 0020 0028 00001140 " + linkICMP4},
			{hex: jnx(0x01, "") + "4700 0000 0c00 0028 " + ppp},
			{hex: jnx(0x01, "") + "4700 0000 0c40 0028 " + ppp},
			{hex: jnx(0x01, "") + "0102 0000 " + linkICMP4},
		}},
		{"MFR", cbpf.LinkJuniperMFR, []crafted{
			{hex: jnx(0x01, "") + "c1 05 1841 03cc " + linkICMP4},
			{hex: jnx(0x01, "") + "00000001 fefe 82 0e 01 00 02 001e 0000 04 49000102"},
			{hex: jnx(0x01, "") + "000000cc 03cc " + linkICMP4},
			{hex: jnx(0x01, "") + "00000007 1234 0102"},
			{hex: jnx(0x01, "") + "5407 0000 0000 03cc " + linkICMP4},
			{hex: jnx(0x01, "") + "4700 0000 0000 0028 " + linkICMP4},
			{hex: jnx(0x01, "") + "4700 0000 0070 0028 " + linkICMP4},
		}},
		{"MLFR", cbpf.LinkJuniperMLFR, []crafted{
			{hex: jnx(0x01, "") + "0102 0300 82 0e 01 00 02 001e 0000 04 49000102"},
			{hex: jnx(0x01, "") + "0102 03cc " + linkICMP4},
			{hex: jnx(0x01, "") + "0000 0001 0102"},
			{hex: jnx(0x01, "") + "5407 0000 03cc " + linkICMP4},
			{hex: jnx(0x01, "") + "4700 0000 0000 0028 " + linkICMP4},
		}},
		{"GGSN", cbpf.LinkJuniperGGSN, []crafted{
			{hex: jnx(0x01, "") + "01 00 02 00 0064 0000 " + linkICMP4},
			{hex: jnx(0x01, "") + "01 00 06 00 0064 0000 " + linkUDP6},
			{hex: jnx(0x01, "") + "01 00 09 00 0064 0000 0102"},
			{hex: jnx(0x01, "") + "01 00 02"},
		}},
		{"ES", cbpf.LinkJuniperES, []crafted{
			{hex: jnx(0x01, "") + ipsec("01") + linkICMP4},
			{hex: jnx(0x01, "") + ipsec("03") + linkICMP4},
			{hex: jnx(0x01, "") + ipsec("05") + linkICMP4},
			{hex: jnx(0x01, "") + ipsec("09") + linkICMP4},
			{hex: jnx(0x01, "") + "0001 40 03"},
		}},
		{"MONITOR", cbpf.LinkJuniperMonitor, []crafted{
			{hex: jnx(0x01, "") + "0000000000000000 45 00 0007 00000009 " + linkICMP4},
			{hex: jnx(0x01, "") + "0000000000000000 01 00 0007 00000009 " + linkICMP4},
			{hex: jnx(0x01, "") + "0000000000000000 01 00"},
		}},
		{"SERVICES", cbpf.LinkJuniperServices, []crafted{
			{hex: jnx(0x01, "") + "0000000000000000 45 01 0203 00 000007 " + linkICMP4},
			{hex: jnx(0x01, "") + "0000000000000000 05 01 0203 00 000007 " + linkICMP4},
			{hex: jnx(0x01, "") + "0000000000000000 05 01"},
		}},
		{"PPPOE", cbpf.LinkJuniperPPPoE, []crafted{
			{hex: jnx(0x01, "") + jnxEth},
			{hex: jnx(0x01, "") + "000000000002 000000000001 8864 1100 0001 001e 0021 " + linkICMP4},
		}},
		{"PPPOE_ATM", cbpf.LinkJuniperPPPoEATM, []crafted{
			{hex: jnx(0x01, "") + "8864 1100 0001 001e 0021 " + linkICMP4},
			{hex: jnx(0x01, "") + "0800 " + linkICMP4},
			{hex: jnx(0x01, "") + "88b5 0102"},
		}},
		{"PPP", cbpf.LinkJuniperPPP, []crafted{
			{hex: jnx(0x01, "") + ppp},
			{hex: jnx(0x00, "") + "ff03 c021 01 01 0004"},
		}},
		{"FRELAY", cbpf.LinkJuniperFrelay, []crafted{
			{hex: jnx(0x01, "") + "1841 03cc " + linkICMP4},
			{hex: jnx(0x01, "") + q933LMI("00 75 95 01 01 01 03 02 05 04")},
		}},
		{"CHDLC", cbpf.LinkJuniperCHDLC, []crafted{
			{hex: jnx(0x01, "") + "0f00 0800 " + linkICMP4},
			{hex: jnx(0x01, "") + "8f00 86dd " + linkUDP6},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { juniperLikeTcpdump(t, c.lt, c.pkts) })
	}
}
