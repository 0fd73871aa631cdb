package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// osiLIRange is the PDU (hex) once for each length indicator from lo to
// hi, written into its second byte: the length indicator running out
// at each field of the header.
func osiLIRange(pdu string, lo, hi int) []string {
	h := strings.ReplaceAll(pdu, " ", "")
	var out []string
	for li := lo; li <= hi; li++ {
		out = append(out, h[:2]+fmt.Sprintf("%02x", li)+h[4:])
	}
	return out
}

// isoBranchCases are CLNP, ES-IS and IS-IS PDUs reaching the branches the
// other OSI tests leave out: CLNP and ES-IS headers whose length
// indicator ends inside each field, IS-IS system ID lengths, PDU lengths
// shorter than the capture, fixed header lengths wrong for each PDU
// type, LSP flags, and TLVs and sub-TLVs ending inside their fields.
func isoBranchCases() []crafted {
	var pdus []string
	// CLNP: the length indicator ends at each field of the header
	pdus = append(pdus, osiLIRange("81 00 01 3d 1c 0018 0000 01 49 01 4a cd 05 0f 00000000 aabbcc", 9, 16)...)
	pdus = append(pdus, osiLIRange("81 00 01 3d 9c 001a 0000 01 49 01 4a 1234 0000 0040 cd 01 0f aa", 9, 19)...)
	// ES-IS redirect, ESH and ISH ending at each field
	pdus = append(pdus, osiLIRange("82 00 01 00 06 001e 0000 03 490001 06 001122334455 03 490002 aabb", 11, 27)...)
	pdus = append(pdus, osiLIRange("82 00 01 00 02 001e 0000 02 03 490001 03 490002 aabb", 11, 20)...)
	pdus = append(pdus, osiLIRange("82 00 01 00 04 001e 0000 03 490001 aabb", 11, 15)...)
	// IS-IS system ID lengths and maximum area addresses
	lsp := "%04x 04b0 1921680010ff0000 00000042 0000 %s 81 01 cc"
	for _, id := range []string{"01", "03", "06", "08", "ff", "09", "fe"} {
		pdus = append(pdus, "83 1b 01 "+id+" 14 01 00 00 "+fmt.Sprintf(lsp, 30, "03"))
	}
	pdus = append(pdus, "83 1b 01 00 14 01 00 05 "+fmt.Sprintf(lsp, 30, "03"))
	// LSP flags: overload, partition repair, attached bits, IS types
	for _, tb := range []string{"07", "84", "fb", "80", "08", "00", "02", "7c"} {
		pdus = append(pdus, isisPDUHex(20, 27, fmt.Sprintf(lsp, 30, tb)))
	}
	// PDU lengths shorter than the capture, fixed lengths wrong
	pdus = append(pdus,
		isisPDUHex(15, 27, "01 1921680010ff 001e 001d 40 1921680010ff01 8101cc 8101cc"),
		isisPDUHex(17, 20, "03 1921680010ff 001e 0016 05 8101cc 8101cc"),
		isisPDUHex(20, 27, fmt.Sprintf(lsp, 28, "03")),
		isisPDUHex(24, 33, "0022 1921680010ff00 0000000000000000 ffffffffffffffff 8101cc"),
		isisPDUHex(26, 17, "0012 1921680010ff00 8101cc"),
		isisPDUHex(15, 28, "01 1921680010ff 001e 001e 40 1921680010ff01 8101cc"),
		isisPDUHex(17, 21, "03 1921680010ff 001e 0017 05 8101cc"),
		isisPDUHex(18, 26, fmt.Sprintf(lsp, 30, "03")),
		isisPDUHex(25, 34, "0024 1921680010ff00 0000000000000000 ffffffffffffffff 8101cc"),
		isisPDUHex(27, 16, "0014 1921680010ff00 8101cc"),
		isisPDUHex(17, 20, "03 1921680010ff 001e 0010 05 8101cc"),
	)
	// TLVs ending inside their fields
	for _, tlv := range []string{
		isisTLV(138, "1921680010ff01"),
		isisTLV(138, "1921680010ff01 01 0a00"),
		isisTLV(138, "1921680010ff01 00 0a000001 0a00"),
		isisTLV(138, "1921680010ff01 01 0a000001 0a000002 00000001 0000"),
		isisTLV(13, "02 1921680010ff 19216800"),
		isisTLV(13, "01 1921680010ff"),
		isisTLV(211, "03 00"),
		isisTLV(211, "01 00ff 1921680010"),
		isisTLV(131, "02 fd"),
		isisTLV(131, "01"),
		isisTLV(131, "03 0102"),
		isisTLV(10, "03 00"),
		isisTLV(10, "03"),
		isisTLV(10, "01"),
		isisTLV(143, "0001 06 05 00000001 00"),
		isisTLV(143, "0001 06 03 000000"),
		isisTLV(143, "0001 06 0c 00000001 0010 00000002 0020"),
		isisTLV(143, "0001 05 10 00"),
		isisTLV(143, "0001 07 02 0000"),
		isisTLV(144, "0001 01 1a 0011223344556677 00000010 8000 00012345 01 e0 00000001 0010"),
		isisTLV(144, "0001 01 13 0011223344556677 00000010 8000 00012345 00"),
		isisTLV(144, "0001 01 12 0011223344556677 00000010 8000 000123"),
		isisTLV(144, "8001 03 0b 001122334455 0064 800000"),
		isisTLV(144, "0001 09 02 abcd"),
		isisTLV(242, "0a000001 00 02 0b 80 000064 01 07 000064 0000"),
		isisTLV(242, "0a000001 00 02 0b 80 000064 01 03 000064 0000"),
		isisTLV(242, "0a000001 00 02 0a 80 000064 01 04 00000064"),
		isisTLV(242, "0a000001 00 02 03 80 0000"),
		isisTLV(242, "0a000001 00 13 01 00 09 02 00"),
		isisTLV(22, "1921680010ff01 00000a 07 0303 000001 0a"),
		isisTLV(22, "1921680010ff01 00000a 05 0303 000001"),
		isisTLV(22, "1921680010ff01 00000a 01"),
		isisTLV(22, "1921680010ff01 00000a 01 00"),
		isisTLV(24, "1921680010ff01 03 0302 0000"),
		isisTLV(222, "0002 1921680010ff01 00000a 02 0300"),
		isisTLV(222, "0002 1921680010ff01 00000a"),
		isisTLV(223, "0002 1921680010ff01 00000a 00"),
		isisTLV(135, "0000000a 58 0a0101 03 0304 40000000"),
		isisTLV(135, "0000000a 58 0a0101 05 0303 40 00 00"),
		isisTLV(135, "0000000a 58 0a0101 07 0304 08 00 0000 00"),
		isisTLV(135, "0000000a 58 0a0101 08 0306 08 00 000010 00"),
		isisTLV(135, "0000000a 58 0a0101 08 0305 00 00 000010"),
		isisTLV(135, "0000000a 58 0a0101 09 0306 00 00 00000010 00"),
		isisTLV(135, "0000000a 40 0a010101"),
		isisTLV(237, "0002 0000000a 00 40 20010db8000000"),
		isisTLV(237, "0002 0000000a 40 40 20010db800000001 02 0100"),
		isisTLV(236, "0000000a 20 40 20010db800000001 01 00"),
		isisTLV(235, "8000 0000000a 58 0a0101 03 0101 00"),
		isisTLV(235, "0000 0000000a 18"),
		isisTLV(128, "0a808080 0a000000 ffffff00 0a"),
		isisTLV(130, "4a808080 0b000000 ffffffff 00"),
		isisTLV(9, "04b0 1921680010ff0000 00000042 1234 04b0"),
		isisTLV(2, "00 0a808080 1921680010ff01 0a"),
		isisTLV(3, "0a808080 1921680010"),
		isisTLV(6, "001122334455 0011"),
		isisTLV(240, "02 0000000a 1921680010fe"),
		isisTLV(240, "01 0000"),
		isisTLV(240, "03 0000000a"),
		isisTLV(129, ""),
		isisTLV(1, "00"),
		isisTLV(1, "02 49"),
		isisTLV(134, "0a00"),
		isisTLV(132, "0a000001 0a"),
		isisTLV(232, "20010db8"),
		isisTLV(14, "05"),
		isisTLV(12, "ab"),
		isisTLV(229, "4002 8f"),
		isisTLV(8, ""),
		isisTLV(176, ""),
		isisTLV(7, "00"),
		isisTLV(137, ""),
		isisTLV(4, "19216800"),
		isisTLV(5, "0a808080 04 4900 0a 49"),
		isisTLV(250, "00000c"),
		isisTLV(250, "0000"),
	} {
		pdus = append(pdus, isisLSPWith(tlv+isisTLV(129, "cc")))
	}
	var pkts []crafted
	for _, pdu := range pdus {
		pkts = append(pkts, crafted{isisFrame(pdu), 0})
	}
	// ES-IS redirect and ESH cut by the capture at each byte
	pkts = append(pkts, craftedCuts(isisFrame(esisPDU(6, "03 490001 06 001122334455 03 490002")), 20, 1)...)
	pkts = append(pkts, craftedCuts(isisFrame(esisPDU(2, "02 03 490001 03 490002")), 10, 1)...)
	// LSPs whose right checksum has a byte of 0xff (the Fletcher sum's
	// 0 written as 255)
	for _, want := range []uint16{0x00ff, 0xff00} {
		for v := 0; v < 0x10000; v++ {
			lsp := isisLSPWith(isisTLV(129, fmt.Sprintf("%04x", v)))
			b, _ := hex.DecodeString(strings.ReplaceAll(lsp, " ", ""))
			if osiChecksum(b[12:], 12)&want == want {
				b[24], b[25] = 0x12, 0x34
				pkts = append(pkts, crafted{isisFrame(hex.EncodeToString(b)), 0})
				break
			}
		}
	}
	// SPB sub-TLVs cut by the capture at each byte
	spb := isisFrame(isisLSPWith(isisTLV(143, "0002 04 33 01"+hexStr("mcid", 32)+"0001"+strings.Repeat("aa", 16)+
		" 06 06 00000001 0010 05 21 14 "+strings.Repeat("00000001", 8))))
	pkts = append(pkts, craftedCuts(spb, 95, 2)...)
	return pkts
}

func TestISOBranchLikeTcpdump(t *testing.T) {
	pkts := isoBranchCases()
	for _, c := range isoBranchCases() {
		pkts = append(pkts, craftedCuts(c.hex, 8, 3)...)
	}
	craftedLikeTcpdump(t, "iso-branch", pkts)
}

func init() { craftedSeeds = append(craftedSeeds, isoBranchCases()...) }
