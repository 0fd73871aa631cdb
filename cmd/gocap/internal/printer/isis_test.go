package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// isisFrame is an 802.3 frame to the IS-IS multicast address carrying
// the IS-IS PDU given in hex after an OSI LLC header.
func isisFrame(pdu string) string {
	n := hexLen(pdu) + 3
	return fmt.Sprintf("0180c2000014 001122334455 %04x fefe03 ", n) + pdu
}

// isisPDUHex is an IS-IS PDU of the type, with the fixed header length
// fixed, followed by the rest of the header and the TLVs in hex.
func isisPDUHex(typ, fixed byte, rest string) string {
	return fmt.Sprintf("83 %02x 01 00 %02x 01 00 00 ", fixed, typ) + rest
}

// TestISISHeadersLikeTcpdump prints the fixed headers of the LAN and
// point-to-point hellos, LSPs and sequence number PDUs, with a fixed
// header length wrong for the type and headers cut short, as tcpdump
// does.
func TestISISHeadersLikeTcpdump(t *testing.T) {
	lan := isisPDUHex(15, 27, "01 1921680010ff 001e 001b 40 1921680010ff01")
	lan2 := isisPDUHex(16, 27, "07 1921680010fe 0384 001b 85 1921680010fe02")
	p2p := isisPDUHex(17, 20, "03 1921680010ff 001e 0014 05")
	lsp := isisPDUHex(18, 27, "001b 04b0 1921680010ff0000 00000042 1234 03")
	csnp := isisPDUHex(24, 33, "0021 1921680010ff00 0000000000000000 ffffffffffffffff")
	psnp := isisPDUHex(26, 17, "0011 1921680010ff00")
	pkts := []crafted{
		{isisFrame(lan), 0},
		{isisFrame(lan2), 0},
		{isisFrame(p2p), 0},
		{isisFrame(lsp), 0},
		{isisFrame(csnp), 0},
		{isisFrame(psnp), 0},
		{isisFrame(isisPDUHex(15, 20, "01 1921680010ff 001e 001b 40 1921680010ff01")), 0},
		{isisFrame(isisPDUHex(17, 27, "03 1921680010ff 001e 0014 05")), 0},
		{isisFrame(isisPDUHex(25, 17, "0021 1921680010ff00")), 0},
		{isisFrame(isisPDUHex(27, 33, "0021 1921680010ff00 0000000000000000 ffffffffffffffff")), 0},
		{isisFrame(isisPDUHex(18, 20, "001b 04b0 1921680010ff0000 00000042 1234 03")), 0},
		craftedCut(isisFrame(lan), 4),
		craftedCut(isisFrame(p2p), 3),
		craftedCut(isisFrame(lsp), 6),
		craftedCut(isisFrame(csnp), 10),
	}
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}

// isisTLV is a TLV of type t with the value v, in hex.
func isisTLV(t byte, v string) string {
	return fmt.Sprintf("%02x %02x ", t, hexLen(v)) + v + " "
}

// isisSubs is head (an entry up to its sub-TLVs) followed by the length
// of the sub-TLVs and the sub-TLVs.
func isisSubs(head string, subs ...string) string {
	v := strings.Join(subs, "")
	return head + fmt.Sprintf("%02x ", hexLen(v)) + v
}

// isisLSPWith is an L2 LSP whose PDU length covers the TLVs given in hex.
func isisLSPWith(tlvs string) string {
	return isisPDUHex(20, 27, fmt.Sprintf("%04x 04b0 1921680010ff0000 00000042 0000 03 ", 27+hexLen(tlvs))+tlvs)
}

// isisLSPSummed is the LSP (in hex) with its checksum set.
func isisLSPSummed(lsp string) string {
	b, _ := hex.DecodeString(strings.ReplaceAll(lsp, " ", ""))
	sum := osiChecksum(b[12:], 12)
	b[24], b[25] = byte(sum>>8), byte(sum)
	return hex.EncodeToString(b)
}

// isisChecksumTLV is an L1 CSNP with a checksum TLV (RFC 3358) holding
// the right checksum.
func isisChecksumTLV() string {
	pdu := isisCSNPWith(isisTLV(12, "0000") + isisTLV(129, "cc"))
	b, _ := hex.DecodeString(strings.ReplaceAll(pdu, " ", ""))
	sum := osiChecksum(b, 35)
	b[35], b[36] = byte(sum>>8), byte(sum)
	return hex.EncodeToString(b)
}

// isisLANHelloWith is an L1 LAN hello carrying the TLVs.
func isisLANHelloWith(tlvs string) string {
	return isisPDUHex(15, 27, fmt.Sprintf("01 1921680010ff 001e %04x 40 1921680010ff01 ", 27+hexLen(tlvs))+tlvs)
}

// isisP2PHelloWith is a point-to-point hello carrying the TLVs.
func isisP2PHelloWith(tlvs string) string {
	return isisPDUHex(17, 20, fmt.Sprintf("03 1921680010ff 001e %04x 05 ", 20+hexLen(tlvs))+tlvs)
}

// isisCSNPWith is an L1 CSNP carrying the TLVs.
func isisCSNPWith(tlvs string) string {
	return isisPDUHex(24, 33, fmt.Sprintf("%04x 1921680010ff00 0000000000000000 ffffffffffffffff ", 33+hexLen(tlvs))+tlvs)
}

// isisPSNPWith is an L2 PSNP carrying the TLVs.
func isisPSNPWith(tlvs string) string {
	return isisPDUHex(27, 17, fmt.Sprintf("%04x 1921680010ff00 ", 17+hexLen(tlvs))+tlvs)
}

const isisBW = "4cee6b28" // 1 Gbps as an IEEE float of bytes per second

// isisTLVCases are hellos, LSPs and sequence number PDUs
// with every TLV tcpdump decodes (and the sub-TLVs of the reachability
// and capability TLVs), unknown TLVs, and malformed and cut-short TLVs.
func isisTLVCases() []crafted {
	nb := "1921680010fe02 000014 "
	extIS := isisTLV(22, "1921680010ff01 00000a 00 "+isisSubs(nb, isisTLV(3, "00000001"), isisTLV(6, "0a000001"),
		isisTLV(8, "0a000002"), isisTLV(9, isisBW), isisTLV(10, isisBW), isisTLV(18, "00000a"), isisTLV(20, "0205"),
		isisTLV(19, "0003"), isisTLV(29, "00000a 01 0002"), isisTLV(250, "abcd"), isisTLV(4, "00000007"),
		isisTLV(5, "00000001 00000002"), isisTLV(19, "000001"), isisTLV(3, "0001")))
	unres := isisTLV(22, isisSubs(nb, isisTLV(11, strings.Repeat(isisBW, 8)), isisTLV(11, isisBW)))
	swcap := isisTLV(22, isisSubs(nb, isisTLV(21, "01010000 "+strings.Repeat(isisBW, 8)+" "+isisBW+" 05dc"),
		isisTLV(21, "64050000 "+strings.Repeat(isisBW, 8)+" "+isisBW+" 01000000"),
		isisTLV(21, "96080000 "+strings.Repeat(isisBW, 8)+" 01020304"), isisTLV(21, "01010000 "+strings.Repeat(isisBW, 8)),
		isisTLV(21, "64010000 "+strings.Repeat(isisBW, 8)+" 0000"), isisTLV(21, "02010000")))
	bc := isisTLV(22, isisSubs(nb, isisTLV(22, "00 "+isisBW+" "+isisBW+" ff02"), isisTLV(12, "01 "+isisBW), isisTLV(22, ""),
		isisTLV(22, "fe 7f800000 ff800000 7fc00000 ffc00000 00000001 cf000000")))
	adj := isisTLV(22, isisSubs(nb, isisTLV(32, "30 01 1921680010fe 000064"), isisTLV(32, "00 02 1921680010fe 00000065"),
		isisTLV(32, "20 01 1921680010fe 00"), isisTLV(32, "10 01 0102")))
	ipReach := isisTLV(128, "0a808080 0a000000 ffffff00 8a000000 0a010000 ff00ff00 4a3f0102 c0a80000 ffff0000")
	extIP := isisTLV(135, "0000000a 18 0a0000 "+isisSubs("00000014 58 0a0101 ", isisTLV(1, "00000064 00000065"),
		isisTLV(3, "40000000 0010"), isisTLV(2, "0000000100000002"), isisTLV(117, "00000005"), isisTLV(99, "0102"))+
		" 000000ff a0 0a000001 000000ff 00")
	sid := isisTLV(135, isisSubs("00000001 58 0a0102 ", isisTLV(3, "48 01 000010"), isisTLV(3, "f4 00 00000010")))
	ip6 := isisTLV(236, "0000000a 00 40 20010db800000000 "+isisSubs("00000001 e0 80 20010db8000000000000000000000001 ",
		isisTLV(1, "00000001"))+" 00000002 40 00 "+isisSubs("00000003 20 38 20010db8000001 ", isisTLV(3, "00 01 00000011")))
	lsp1 := isisLSPWith(isisTLV(1, "03 490001 0d 49000100000000000000000001") + isisTLV(129, "cc 8e 99") +
		isisTLV(137, hexStr("router1", 7)) + isisTLV(132, "c0a80001 0a000001") + isisTLV(134, "0a000001") +
		isisTLV(232, "20010db8000000000000000000000001") + isisTLV(8, "0000") +
		isisTLV(2, "00 0a808080 1921680010ff01 0a0a4a80 1921680010fe02") + isisTLV(3, "0a808080 1921680010ff"))
	lsp2 := isisLSPWith(extIS + unres + swcap + bc + adj)
	lsp3 := isisLSPWith(ipReach + isisTLV(130, "4a808080 0b000000 ffffffff") + extIP + sid + ip6)
	lsp4 := isisLSPWith(isisTLV(222, "0002 1921680010ff01 00000a 00") + isisTLV(237, "0002 0000000a 00 40 20010db800000001") +
		isisTLV(235, "8000 0000000a 18 0a0000") + isisTLV(229, "0000 4002 8fff 0fff 0005") +
		isisTLV(211, "03 001e 1921680010ff") + isisTLV(211, "00") + isisTLV(211, "04 0010") +
		isisTLV(13, "02 1921680010ff 1921680010fe") + isisTLV(13, "00") + isisTLV(13, "01 1921680010ff") +
		isisTLV(242, "0a000001 03 02 09 c0 000064 01 03 003e80") + isisTLV(242, "0a000001 00 02 0a 40 000064 01 04 00003e80 03 01 ff") +
		isisTLV(24, "1921680010ff01 00") + isisTLV(138, "1921680010ff01 01 0a000001 0a000002 00000007") +
		isisTLV(131, "02 fde8") + isisTLV(131, "01 aabb") + isisTLV(250, "00000c abcd") + isisTLV(99, "0102") +
		isisTLV(4, "1921680010ff") + isisTLV(5, "0a808080 04 4900 06 490001") + isisTLV(14, "05dc") + isisTLV(12, "0000") +
		isisTLV(176, "01"))
	lsp5 := isisLSPWith(isisTLV(10, "01 "+hexStr("secret", 6)) + isisTLV(10, "36 "+strings.Repeat("ab", 16)) +
		isisTLV(10, "36 abcd") + isisTLV(10, "03 0001 abcdef") + isisTLV(10, "ff 0102") + isisTLV(10, "07 01"))
	lsp6 := isisLSPWith(isisTLV(143, "0001 06 06 00000001 0010 05 21 14 "+strings.Repeat("00000001", 8)) +
		isisTLV(143, "0002 04 66 "+strings.Repeat("01"+hexStr("mcid", 32)+"0001"+strings.Repeat("aa", 16), 2)) +
		isisTLV(144, "8001 03 0c 001122334455 0064 80000001") +
		isisTLV(144, "0001 01 1b 0011223344556677 00000010 8000 00012345 01 e0 00000001 001002"))
	hello := isisLANHelloWith(isisTLV(129, "cc") + isisTLV(1, "03 490001") + isisTLV(6, "001122334455 00aabbccddee") +
		isisTLV(132, "c0a80001") + isisTLV(7, "0001 0002 0003") + isisTLV(241, "00000005") + isisTLV(8, "000000"))
	p2p := isisP2PHelloWith(isisTLV(240, "00 00000001 1921680010fe 00000002") + isisTLV(240, "01") + isisTLV(240, "02 00000003") +
		isisTLV(129, "cc 8e") + isisTLV(7, "0001"))
	csnp := isisCSNPWith(isisTLV(9, "04b0 1921680010ff0000 00000042 1234 0000 1921680010fe0100 00000001 abcd"))
	psnp := isisPSNPWith(isisTLV(9, "04b0 1921680010ff0000 00000042 1234 00"))
	bad := []string{
		isisLSPWith(isisTLV(128, "0a808080 0a00")),
		isisLSPWith(isisTLV(135, "0000000a 3f 0a0000")),
		isisLSPWith(isisTLV(236, "0000000a 00 90 0a0000")),
		isisLSPWith(isisTLV(135, "0000000a 18 0a0000 0000")),
		isisLSPWith(isisTLV(22, "1921680010ff01 00000a 04 0302 00")),
		isisLSPWith(isisTLV(22, "1921680010ff01 00000a 06 0308 00000001")),
		isisLSPWith(isisTLV(22, "1921680010ff01 00000a 03 030100")),
		isisLSPWith(isisTLV(22, "1921680010ff01 00000a 08 0306 00000001 00") + isisTLV(129, "cc")),
		isisLSPWith(isisTLV(22, "1921680010ff01 00")),
		isisLSPWith(isisTLV(242, "0a000001")),
		isisLSPWith(isisTLV(229, "00")),
		isisLSPWith(isisTLV(229, "0000 01")),
		isisLSPWith(isisTLV(1, "05 4900")),
		isisLSPWith(isisTLV(2, "00 0a808080 19216800")),
		isisLSPWith(isisTLV(135, "0000000a 58 0a0000 06 0103 000000")),
		isisLSPWith(isisTLV(222, "00")),
		isisLSPWith(isisTLV(2, "05")),
		isisLSPWith(isisTLV(99, "0102")) + "00",
	}
	pkts := []crafted{{isisFrame(isisLSPSummed(lsp1)), 0}, {isisFrame(isisLSPSummed(lsp4)), 0},
		{isisFrame(isisPDUHex(20, 27, "0010 04b0 1921680010ff0000 00000042 0000 03")), 0},
		{isisFrame(isisPDUHex(17, 20, "03 1921680010ff 001e 0010 05")), 0},
		{isisFrame(isisLSPWith(isisTLV(12, "ffff"))), 0}, {isisFrame(isisChecksumTLV()), 0}}
	for _, pdu := range []string{lsp1, lsp2, lsp3, lsp4, lsp5, lsp6, hello, p2p, csnp, psnp} {
		pkts = append(pkts, crafted{isisFrame(pdu), 0})
	}
	for _, pdu := range bad {
		pkts = append(pkts, crafted{isisFrame(pdu), 0})
	}
	pkts = append(pkts, craftedCut(isisFrame(lsp1), 10), craftedCut(isisFrame(lsp2), 30), craftedCut(isisFrame(lsp3), 20),
		craftedCut(isisFrame(lsp3), 70), craftedCut(isisFrame(lsp4), 50), craftedCut(isisFrame(hello), 5),
		craftedCut(isisFrame(isisLSPWith(isisTLV(211, "03 001e"))), 2), craftedCut(isisFrame(isisLSPWith(isisTLV(211, "03"))), 1),
		craftedCut(isisFrame(csnp), 24), craftedCut(isisFrame(isisLSPWith(isisTLV(12, "abcd"))), 1),
		craftedCut(isisFrame(isisLSPWith(isisTLV(2, "00 0a808080 1921680010ff01"))), 3),
		craftedCut(isisFrame(isisLSPWith(isisTLV(137, hexStr("router1", 7)))), 3))
	return pkts
}

// TestISISTLVsLikeTcpdump prints hellos, LSPs and sequence number PDUs
// with every TLV tcpdump decodes (and the sub-TLVs of the reachability
// and capability TLVs), unknown TLVs, and malformed and cut-short TLVs,
// as tcpdump does.
func TestISISTLVsLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, t.Name(), isisTLVCases())
}

// clnpPDU is a CLNP PDU of the type with the flags (0x80 adds a segment
// part), the addresses, options and data given in hex.
func clnpPDU(typ byte, dst, src, opts, data string) string {
	seg := ""
	if typ&0x80 != 0 {
		seg = "1234 0000 0040 "
	}
	li := 9 + 2 + hexLen(dst) + hexLen(src) + hexLen(seg) + hexLen(opts)
	return fmt.Sprintf("81 %02x 01 3d %02x %04x 0000 %02x %s %02x %s ", li, typ, li+hexLen(data), hexLen(dst), dst, hexLen(src), src) +
		seg + opts + " " + data
}

// esisPDU is an ES-IS PDU of the type with the body (addresses and
// options) given in hex.
func esisPDU(typ byte, body string) string {
	return fmt.Sprintf("82 %02x 01 00 %02x 001e 0000 ", 9+hexLen(body), typ) + body
}

// clnpCases are CLNP data, echo and error report PDUs with
// each option tcpdump decodes, a segment part, an original packet inside
// an error report, and malformed and cut-short headers.
func clnpCases() []crafted {
	dst := "49000100000000000000000001"
	src := "490001aabbccddeeff00"
	inner := clnpPDU(0x9c, dst, src, "", "0102")
	summed, _ := hex.DecodeString(strings.ReplaceAll(clnpPDU(0x1c, dst, src, "cd01 0f", "0102"), " ", ""))
	sum := osiChecksum(summed[:summed[1]], 7)
	summed[7], summed[8] = byte(sum>>8), byte(sum)
	pdus := []string{
		hex.EncodeToString(summed),
		clnpPDU(0x1c, dst, src, "", "0102030405"),
		clnpPDU(0xfc, dst, src, "cd01 0f c302 c000 c3 01 3f c501 40 c502 8005 cc03 000000", "aa"),
		clnpPDU(0x1e, dst, src, "c103 00 00 00 c101 21 c101 95 c101 c0 c101 b4 c101 d0 c101 80", "aabb"),
		clnpPDU(0x01, dst, src, "c101 a0", inner),
		clnpPDU(0x1f, dst, src, "", inner),
		clnpPDU(0x01, dst, src, "", "0102"),
		clnpPDU(0x1d, dst, src, "c80a 01 03 03 490001 02 4900 00", ""),
		clnpPDU(0x1c, dst, src, "cb05 00 01 02 4900", ""),
		clnpPDU(0x1c, dst, src, "cb04 00 00 0000", ""),
		clnpPDU(0x1c, dst, src, "cb04 00 09 0000", ""),
		clnpPDU(0x1c, dst, src, "c801 00", ""),
		clnpPDU(0x1c, dst, src, "cd00", ""),
		clnpPDU(0x1c, dst, src, "c300", ""),
		clnpPDU(0x1c, dst, src, "c501 00", ""),
		clnpPDU(0x1c, dst, src, "c100", ""),
		clnpPDU(0x1c, dst, src, "99 03 010203", ""),
		clnpPDU(0x15, "", "49", "", ""),
		"81 08 01 3d 1c 0010 0000 aabbcc",
		"81 40 01 3d 1c 0010 0000 0349000149",
		"81 09 02 3d 1c 0010 0000",
		"81 0c 01 3d 1c 0010 0000 05 4900",
		"81 0d 01 3d 1c 0010 0000 01 49 05",
		"81 0e 01 3d 9c 0010 0000 01 49 01 49",
		"81 10 01 3d 1c 0010 0000 01 49 01 49 cd",
		"81 10 01 3d 1c 0010 0000 01 49 01 49 cd 03",
	}
	var pkts []crafted
	for _, pdu := range pdus {
		pkts = append(pkts, crafted{isisFrame(pdu), 0})
	}
	full := isisFrame(clnpPDU(0x01, dst, src, "c101 a0", inner))
	pkts = append(pkts, craftedCut(full, 3), craftedCut(full, 14), craftedCut(full, 40), craftedCut(full, 55))
	return pkts
}

// TestCLNPLikeTcpdump prints CLNP data, echo and error report PDUs with
// each option tcpdump decodes, a segment part, an original packet inside
// an error report, and malformed and cut-short headers, as tcpdump does.
func TestCLNPLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, t.Name(), clnpCases())
}

// esisCases are ES-IS ESH, ISH and redirect PDUs with their
// options, unknown types and malformed and cut-short PDUs.
func esisCases() []crafted {
	net := "49000100000000000000000001"
	pdus := []string{
		esisPDU(2, "02 0d "+net+" 03 490001 c602 0032 8102 cc8e c301 00"),
		esisPDU(4, "0d "+net+" c603 000000 8101 81 e101 ff"),
		esisPDU(6, "0d "+net+" 06 001122334455 0d "+net),
		esisPDU(6, "03 490001 04 00112233 00"),
		esisPDU(6, "03 490001 00 00"),
		esisPDU(9, "0102030405"),
		esisPDU(2, "00"),
		esisPDU(2, "02 03 490001"),
		esisPDU(2, "01 05 4900"),
		esisPDU(4, "05 4900"),
		esisPDU(4, "01 49 c6"),
		esisPDU(4, "01 49 c605 00"),
		esisPDU(6, "05 4900"),
		esisPDU(6, "01 49 03 00"),
		"82 0a 01 00 02 001e 0000 00",
		"82 20 01 00 02 001e 0000 00",
		"82 0b 02 00 02 001e 0000 0000",
		"82 01",
	}
	var pkts []crafted
	for _, pdu := range pdus {
		pkts = append(pkts, crafted{isisFrame(pdu), 0})
	}
	full := isisFrame(esisPDU(6, "0d "+net+" 06 001122334455 0d "+net))
	pkts = append(pkts, craftedCut(full, 5), craftedCut(full, 20), craftedCut(full, 32),
		craftedCut(isisFrame(esisPDU(2, "02 0d "+net+" 03 490001")), 3), craftedCut(isisFrame(esisPDU(4, "0d "+net)), 20))
	return pkts
}

// TestESISLikeTcpdump prints ES-IS ESH, ISH and redirect PDUs with their
// options, unknown types and malformed and cut-short PDUs, as tcpdump
// does.
func TestESISLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, t.Name(), esisCases())
}

// osiNLPIDCases are the PDUs behind the other NLPIDs
// tcpdump's isoclns_print dispatches on (null, Q.933, IPv4, IPv6, PPP,
// unknown) and IS-IS common headers cut short or with bad fields.
func osiNLPIDCases() []crafted {
	pdus := []string{
		"00 0102",
		"08 0001 75 0801 03",
		"cc 4500001c 0001 0000 40 11 0000 0a000001 0a000002 0035 0035 0008 0000",
		"8e 60000000 0000 3b 40 20010db8000000000000000000000001 20010db8000000000000000000000002",
		"cf c021 01 01 0004",
		"cf c01a 0101 0004",
		"99 0102 03",
		"83 1b 01",
		"83 1b 02 00 12 01 00 00",
		"83 1b 01 04 12 01 00 00",
		"83 1b 01 00 12 02 00 00",
		"83 ff 01 00 12 01 00 00",
		"83 05 01 00 12 01 00 00",
		"83 08 01 00 12 01 00 ff",
		"83 08 01 00 07 01 00 02 0102",
	}
	var pkts []crafted
	for _, pdu := range pdus {
		pkts = append(pkts, crafted{isisFrame(pdu), 0})
	}
	return pkts
}

// TestOSINLPIDsLikeTcpdump prints the PDUs behind the other NLPIDs
// tcpdump's isoclns_print dispatches on (null, Q.933, IPv4, IPv6, PPP,
// unknown) and IS-IS common headers cut short or with bad fields.
func TestOSINLPIDsLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, t.Name(), osiNLPIDCases())
}

func init() {
	for _, cs := range [][]crafted{isisTLVCases(), clnpCases(), esisCases(), osiNLPIDCases()} {
		craftedSeeds = append(craftedSeeds, cs...)
	}
}
