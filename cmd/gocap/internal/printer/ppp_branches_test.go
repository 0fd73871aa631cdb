package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// pppBranchCases are PPP frames reaching the branches the other PPP tests
// leave out: control packets whose encoded length is too short for
// their code, LCP options of bogus lengths and unknown numbers, IPCP
// compression protocols and options tcpdump does not name, CCP and BACP
// options shorter than their header, PAP packets whose length field
// runs past the frame at each field, multilink fragments cut short, and
// the IPX and compressed-data protocols.
var pppBranchCases = []crafted{
	{"ff03 c021 08 07 0005 c0", 0},
	{"ff03 c021 09 07 0007 000000", 0},
	{"ff03 c021 0a 07 0006 0000", 0},
	{"ff03 c021 0b 07 0004", 0},
	{"ff03 c021 0c 07 0007 000000", 0},
	{"ff03 c021 0c 07 0008 00000001", 0},
	{"ff03 c021 0d 07 000b 00000001 000e", 0},
	{"ff03 c021 0d 07 000b 00000001 000e00", 0},
	{"ff03 c021 00 07 000a 00000001 0000", 0},
	{"ff03 c021 00 07 000b 00000001 00000c", 0},
	{pppCP(0xc021, 1, "ff01"), 0},
	{pppCP(0xc021, 1, "ff03 00 0104 05dc"), 0},
	{pppCP(0xc021, 1, "0004 0000"), 0},
	{pppCP(0xc021, 1, "0006 00000c 01"), 0},
	{pppCP(0xc021, 1, "0303 c0"), 0},
	{pppCP(0xc021, 1, "0304 c227 0304 c027 0304 c223 0304 1234"), 0},
	{pppCP(0xc021, 1, "0403 c0 0104 05dc"), 0},
	{pppCP(0xc021, 1, "0404 1234 0404 c025"), 0},
	{pppCP(0xc021, 1, "0c03 00 0104 05dc"), 0},
	{pppCP(0xc021, 1, "0c04 0001"), 0},
	{pppCP(0xc021, 1, "1703 00 0104 05dc"), 0},
	{pppCP(0x8057, 1, "0101"), 0},
	{pppCP(0x8057, 1, "0203 00 0104 0000"), 0},
	{pppCP(0xc021, 1, "1103 00 0104 05dc"), 0},
	{pppCP(0xc021, 1, "0505 112233 0104 05dc"), 0},
	{pppCP(0xc021, 1, "0d02 0104 05dc"), 0},
	{pppCP(0xc021, 1, "1202 1302 0e02 0f02 1002 1402 1502 1602 1802 1902 1a02 1b02 1c02 1d02 1e02"), 0},
	{pppCP(0xc021, 1, "0902 0a02 0b02 0602 0702 0802"), 0},
	{pppCP(0x8021, 1, "0206 1234 0000 0306 0a000001"), 0},
	{pppCP(0x8021, 1, "0404 0000 0502 0604 0000"), 0},
	{pppCP(0x8021, 1, "9006 0a000001 0101"), 0},
	{pppCP(0x8021, 1, "0201"), 0},
	{pppCP(0x80fd, 1, "1a01"), 0},
	{pppCP(0x80fd, 1, "0004 0000 0106 00000000 1103 00 1303 00"), 0},
	{pppCP(0xc02b, 1, "0101"), 0},
	{pppCP(0xc02b, 1, "0206 0000"), 0},
	{"ff03 c023 01 09 000a", 0},
	{"ff03 c023 01 09 000a 02 4142", 0},
	{"ff03 c023 02 09 0009", 0},
	{"ff03 c023 03 09 0009", 0},
	{"ff03 c023 01 09 000a 02 4142 01", 0},
	{"ff03 003d", 0},
	{"ff03 002b ffff 001e 00 00 00000000 ffffffffffff 0453 00000000 ffffffffffff 0452", 0},
	{"ff03 8137 ffff 001e 00 00 00000000 ffffffffffff 0453 00000000 ffffffffffff 0452", 0},
	{"ff03 00fd 0102 0304", 0},
	{"ff03 80fd 0f07 0004", 0},
	{"ff03 8207 0107 0004", 0},
	{"ff03 0201 0107 0004", 0},
	{"ff03 7e7d 23", 0},
	{"ff03 7eff 7d23 00", 0},
	{"ff03 7eff 7d23 c0", 0},
	{"ff03 7e7d", 0},
	{"ff03 7e7d 7d", 0},
}

func TestPPPBranchLikeTcpdump(t *testing.T) {
	pkts := append([]crafted(nil), pppBranchCases...)
	pkts = append(pkts, craftedCut("ff03 003d c0000102 0021 "+linkICMP4, 30))
	linkTypeLikeTcpdump(t, cbpf.LinkPPP, pkts)
}

// TestPPPSerialBranchLikeTcpdump prints PPP_SERIAL frames shorter than
// the header tcpdump reads for each address, and escaped frames whose
// capture ends at an escape byte, as tcpdump does.
func TestPPPSerialBranchLikeTcpdump(t *testing.T) {
	linkTypeLikeTcpdump(t, cbpf.LinkPPPSerial, []crafted{
		{"ff03 00", 0},
		{"ff03", 0},
		{"1234 00", 0},
		{"0f00 08", 0},
		{"8f00", 0},
		{"ff03 7e21 4500 7d", 0},
		{"ff03 7e21 7d", 0},
		{"ff03 7e7d", 0},
		{"ff03 7e7d 23", 0},
		{"ff03 7eff 7d23 00", 0},
		{"0f00 8847 000101ff " + linkICMP4, 0},
		{"0f00 8848 000101ff " + linkICMP4, 0},
		{"0f00 fefe 03", 0},
		craftedCut("ff03 7e21 "+linkICMP4, 20),
	})
}

// pppoeDisc is an Ethernet frame of PPPoE discovery (ver/type vt, the
// code, session sid) holding the tags given in hex, its length field
// plen (the tags' length when -1).
func pppoeDisc(vt, code byte, sid uint16, plen int, tags string) string {
	if plen < 0 {
		plen = hexLen(tags)
	}
	return fmt.Sprintf("ffffffffffff 000000000001 8863 %02x%02x %04x %04x ", vt, code, sid, plen) + tags
}

// TestPPPoEBranchLikeTcpdump prints PPPoE discovery packets with long
// text and binary tags, empty and unknown tags, lengths past the frame
// (a PADI longer than the Ethernet MTU allows), other versions and
// types, and sessions, as tcpdump does.
func TestPPPoEBranchLikeTcpdump(t *testing.T) {
	long := hex.EncodeToString([]byte(strings.Repeat("access-concentrator-", 6)))
	bin := strings.Repeat("00ff", 50)
	half := strings.Repeat("4100", 50)
	pkts := []crafted{
		{pppoeDisc(0x11, 0x09, 0, 0x5c7, "0101 0000 0103 0004 01020304"), 0},
		{pppoeDisc(0x11, 0x09, 0, 0x5c6, "0101 0000"), 0},
		{pppoeDisc(0x11, 0x07, 0, -1, fmt.Sprintf("0102 %04x ", hexLen(long))+long+" 0101 0000"), 0},
		{pppoeDisc(0x11, 0x07, 0, -1, fmt.Sprintf("0104 %04x ", hexLen(bin))+bin), 0},
		{pppoeDisc(0x11, 0x07, 0, -1, fmt.Sprintf("0105 %04x ", hexLen(half))+half), 0},
		{pppoeDisc(0x11, 0x07, 0, -1, "0105 0003 410041 0105 0003 004100"), 0},
		{pppoeDisc(0x11, 0x19, 0, -1, "0000 0000 0101 0000"), 0},
		{pppoeDisc(0x11, 0x65, 0, -1, "0201 0004 41424344 0202 0002 4142 0203 0001 41 1234 0000 0110 0000"), 0},
		{pppoeDisc(0x11, 0xa7, 0x1234, -1, "0101 0000"), 0},
		{pppoeDisc(0x22, 0x09, 0, -1, "0101 0000"), 0},
		{pppoeDisc(0x11, 0x09, 0, -1, "0101 0008 4142"), 0},
		{pppoeDisc(0x11, 0x09, 0, -1, "01"), 0},
		{"ffffffffffff 000000000001 8863 1109 0000", 0},
		{"ffffffffffff 000000000001 8864 1100 0001 0008 c021 0101 0004", 0},
		{"ffffffffffff 000000000001 8864 1100 0001 0010 c021 0101 0004", 0},
	}
	protoLikeTcpdump(t, "pppoe-branch", pkts)
}

// TestRoutingAndPPPBranchNamesLikeTcpdump prints the PPP control packets of
// pppBranchCases and pppCtlCrafted in PPPoE sessions, and the BGP, OSI,
// OpenFlow 1.0 and ForCES packets of the branch tests, without -n, where
// tcpdump names the addresses they carry (from a hosts file) and the
// Ethernet addresses, run as in TestNamesLikeTcpdump.
func TestRoutingAndPPPBranchNamesLikeTcpdump(t *testing.T) {
	var all []crafted
	for _, c := range append(append([]crafted{}, pppCtlCrafted()...), pppBranchCases...) {
		h := strings.ReplaceAll(c.hex, " ", "")
		if !strings.HasPrefix(h, "ff03") || c.wire != 0 {
			continue
		}
		ppp := h[4:]
		all = append(all, crafted{fmt.Sprintf("ffffffffffff 000000000001 8864 1100 0001 %04x ", hexLen(ppp)) + ppp, 0})
	}
	all = append(all, bgpBranchCases...)
	all = append(all, isoBranchCases()...)
	all = append(all, of10BranchCases...)
	all = append(all, forcesBranchCases()...)
	hosts := writeTemp(t, "hosts", "10.0.0.1 a.x.test\n10.0.0.2 b.x.test\n10.0.0.3 c.x.test\n8.8.8.8 dns.x.test\n"+
		"2001:db8::1 h6.x.test\n232.0.0.1 group.x.test\n10.0.0.0 net.x.test\n")
	namedLikeTcpdump(t, t.TempDir(), all, map[string]string{"hosts": hosts}, nil)
}
