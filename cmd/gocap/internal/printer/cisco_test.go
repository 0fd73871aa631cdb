package printer

import (
	"fmt"
	"strings"
	"testing"
)

// cdpTLV is a CDP TLV of the type and value, its length right.
func cdpTLV(t uint16, v string) string { return fmt.Sprintf("%04x %04x ", t, 4+hexLen(v)) + v + " " }

// vtpHeader is a VTP header of the version, type, third byte, domain
// length and domain (zero-padded to 32 bytes).
func vtpHeader(ver, typ, b3, dlen byte, domain string) string {
	return fmt.Sprintf("%02x %02x %02x %02x ", ver, typ, b3, dlen) + hexStr(domain, 32) + " "
}

// vtpVLAN is a VLAN info field: status, type, name and TLVs, its length
// right, the name padded to four bytes.
func vtpVLAN(status, typ byte, name, tlvs string) string {
	padded := (len(name) + 3) / 4 * 4
	n := 12 + padded + hexLen(tlvs)
	return fmt.Sprintf("%02x %02x %02x %02x 0064 05dc 000186a4 ", n, status, typ, len(name)) + hexStr(name, padded) + " " + tlvs + " "
}

func ciscoCrafted() []crafted {
	addrs := "00000004 01 01 cc 0004 0a000001 02 08 aaaa0300000086dd 0010 20010db8000000000000000000000001 " +
		"01 01 81 0002 0102 02 02 0102 0001 09"
	cdp := cdpTLV(1, "7377697463682d31") + cdpTLV(2, addrs) + cdpTLV(3, "4769302f31") + cdpTLV(4, "00000029") +
		cdpTLV(5, "436973636f20494f530a56657273696f6e2031320a") + cdpTLV(6, "636973636f") + cdpTLV(7, "0a000000 08 c0a80100 18") +
		cdpTLV(8, "0102") + cdpTLV(9, "646f6d") + cdpTLV(0xa, "0064") + cdpTLV(0xb, "01") + cdpTLV(0xb, "00") +
		cdpTLV(0xe, "01 0064") + cdpTLV(0xf, "2000") + cdpTLV(0xf, "01 0064") + cdpTLV(0x10, "0f") + cdpTLV(0x10, "1770") +
		cdpTLV(0x10, "01d4c0") + cdpTLV(0x11, "000005dc") + cdpTLV(0x12, "ff") + cdpTLV(0x13, "05") + cdpTLV(0x14, "73797331") +
		cdpTLV(0x15, "060102") + cdpTLV(0x16, "00000001 01 01 cc 0004 0a000002") + cdpTLV(0x17, "02 6c6f63") + cdpTLV(0x17, "02") +
		cdpTLV(0x0c, "0102") + cdpTLV(0x99, "03")
	malformed := cdpTLV(4, "000000") + cdpTLV(0xa, "01") + cdpTLV(0xb, "0101") + cdpTLV(0xe, "0102") + cdpTLV(0x10, "01020304") +
		cdpTLV(0x16, "0102") + cdpTLV(0x17, "")
	badAddrs := []string{"000000", "00000001 01", "00000001 01 05 0102", "00000001 01 01 cc 0004 0a00",
		"00000001 02 08 aaaa0300000086dd 0010 2001", "00000001 01 02 0102 0003 0a00", "00000001 01 01 cc 0004 0a000001 0102",
		"00000002 01 01 cc 0004 0a000001"}
	pkts := []crafted{
		{ciscoSNAP(0x2000, "02 b4 abcd "+cdp), 0},
		{ciscoSNAP(0x2000, "01 b4 abcd "+malformed), 0},
		{ciscoSNAP(0x2000, "02 b4 abcd "+cdpTLV(7, "0a000000")), 0},
		{ciscoSNAP(0x2000, "02 b4 abcd "+cdpTLV(1, "")), 0},
		// CDP invalid: short header, TLV header and lengths
		{ciscoSNAP(0x2000, "02 b4"), 0},
		{ciscoSNAP(0x2000, "02 b4 abcd 0001"), 0},
		{ciscoSNAP(0x2000, "02 b4 abcd 0001 0002"), 0},
		{ciscoSNAP(0x2000, "02 b4 abcd 0001 0040 61"), 0},
		{ciscoSNAP(0x2000, "02 b4 abcd 0006 0003 0001 0040 61"), 0},
	}
	for _, a := range badAddrs {
		pkts = append(pkts, crafted{ciscoSNAP(0x2000, "02 b4 abcd "+cdpTLV(2, a)+cdpTLV(6, "61")), 0})
	}
	whole := ciscoSNAP(0x2000, "02 b4 abcd "+cdp)
	for _, n := range []int{22 + 3, 22 + 4 + 6, 22 + 4 + 12 + 10, 22 + 4 + 12 + 60, 22 + 4 + 12 + 72 + 14} {
		pkts = append(pkts, crafted{hexCut(whole, n), hexLen(whole)})
	}
	bad := ciscoSNAP(0x2000, "02 b4 abcd 0001 0002 0102 0304")
	pkts = append(pkts, crafted{hexCut(bad, 22+8), hexLen(bad)})

	// VTP: each message, VLAN info with each TLV, invalid ones
	tlvs := "01 01 0001 02 01 0002 03 01 0002 03 01 0009 04 01 0004 05 01 0005 06 01 0001 06 01 0000 07 01 0001 07 01 0000 " +
		"08 01 0007 09 01 0007 0a 01 0001 0a 01 0000 0b 01 0001"
	vtps := []string{
		vtpHeader(1, 1, 2, 3, "dom") + "00000005 0a000001 " + strings.Repeat("31", 12) + " " + strings.Repeat("ab", 16),
		vtpHeader(1, 2, 1, 3, "dom") + "00000005 " + vtpVLAN(0, 1, "default", "") + vtpVLAN(1, 3, "tr", tlvs) + vtpVLAN(0, 9, "abcde", "") + "00",
		vtpHeader(1, 3, 0, 3, "dom") + "00000007",
		vtpHeader(2, 4, 0, 32, strings.Repeat("d", 32)) + "0102",
		vtpHeader(1, 9, 0, 3, "dom"),
		vtpHeader(1, 1, 0, 0, ""),
		vtpHeader(1, 1, 0, 33, "dom"),
		vtpHeader(1, 2, 1, 3, "dom") + "00000005 08 00 01 00 0064 05dc 00000001",
		vtpHeader(1, 2, 1, 3, "dom") + "00000005 10 00 01 08 0064 05dc 00000001 61626364",
		vtpHeader(1, 2, 1, 3, "dom") + "00000005 11 00 01 04 0064 05dc 00000001 61626364 01",
		vtpHeader(1, 2, 1, 3, "dom") + "00000005 12 00 01 04 0064 05dc 00000001 61626364 01 02",
		vtpHeader(1, 2, 1, 3, "dom") + "00000005 14 00 01 04 0064 05dc 00000001 61626364 01 02 0001",
		vtpHeader(1, 2, 1, 3, "dom") + "00000005 14 00 01 04 0064 05dc 00000001 61626364 01 01 0001 99",
		vtpHeader(1, 2, 1, 3, "dom") + "00000005 40 00 01 04 0064 05dc 00000001 61626364",
		vtpHeader(1, 1, 0, 3, "dom")[:40],
	}
	for _, v := range vtps {
		pkts = append(pkts, crafted{ciscoSNAP(0x2003, v), 0})
	}
	vw := ciscoSNAP(0x2003, vtps[1])
	pkts = append(pkts, crafted{hexCut(vw, 22+36+4+10), hexLen(vw)}, crafted{hexCut(vw, 22+20), hexLen(vw)})

	// DTP: each TLV, invalid ones
	dtps := []string{
		"01 0001 0008 646f6d00 0002 0005 81 0003 0005 a5 0004 000a 001122334455 0009 0006 0102",
		"01 0001 000d 646f6d 00 61 62 63 64 65 0000 0004",
		"01 0002 0006 0102",
		"01 0004 0008 00112233",
		"01 0001 0003 61",
		"01 0001 0040 61",
		"01 0002",
		"",
	}
	for _, d := range dtps {
		pkts = append(pkts, crafted{ciscoSNAP(0x2004, d), 0})
	}
	dw := ciscoSNAP(0x2004, dtps[0])
	pkts = append(pkts, crafted{hexCut(dw, 22+1+6), hexLen(dw)}, crafted{hexCut(dw, 22+1+8+5+5+6), hexLen(dw)})
	db := ciscoSNAP(0x2004, "01 0002 0006 0102")
	pkts = append(pkts, crafted{hexCut(db, 22+4), hexLen(db)})
	return pkts
}

// TestCiscoLikeTcpdump prints CDP (every TLV print-cdp.c knows, each
// address form, malformed and invalid TLVs), VTP (each message, VLAN info
// TLVs, invalid lengths) and DTP (each TLV, invalid lengths), whole and
// cut short, as tcpdump does.
func TestCiscoLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "cisco", ciscoCrafted()) }

func init() { addFuzzSeeds(ciscoCrafted()) }
