package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// sunatmHdr is a SunATM pseudo-header: direction and traffic type, VPI
// and VCI.
func sunatmHdr(dir, vpi byte, vci uint16) string {
	return fmt.Sprintf("%02x%02x%04x ", dir, vpi, vci)
}

// oamCell is an OAM cell as SunATM carries it: a HEC byte, the cell
// header for vpi/vci (PTI pti, CLP clp) and a 48-byte payload of the
// cell and function types and body (padded with 0x6a), its CRC-10 set
// right unless bad.
func oamCell(vpi byte, vci uint16, pti, clp byte, types byte, body string, bad bool) string {
	h := uint32(vpi)<<20 | uint32(vci)<<4 | uint32(pti)<<1 | uint32(clp)
	pl := make([]byte, 48)
	for i := range pl {
		pl[i] = 0x6a
	}
	pl[0] = types
	b, err := hex.DecodeString(strings.ReplaceAll(body, " ", ""))
	if err != nil {
		panic(err)
	}
	copy(pl[1:46], b)
	for v := range 1024 {
		pl[46], pl[47] = byte(v>>8), byte(v)
		if crc10(pl) == 0 {
			break
		}
	}
	if bad {
		pl[47] ^= 1
	}
	return fmt.Sprintf("00 %08x ", h) + hex.EncodeToString(pl)
}

// TestSunATMLikeTcpdump prints SunATM packets of each traffic type and
// reserved circuit: LLC and LANE data, LANE control frames, Q.2931
// signalling, ILMI (SNMP), OAM cells of each cell and function type, and packets cut
// short, as tcpdump does.
func TestSunATMLikeTcpdump(t *testing.T) {
	eth := "000000000002 000000000001 "
	lb := "01 0000002a 0102030405060708090a0b0c 1112131415161718191a1b1c" + strings.Repeat("00", 16)
	ais := "05 000102030405060708090a0b0c0d0e0f" + strings.Repeat("6a", 28)
	pkts := []crafted{
		{hex: sunatmHdr(0x02, 1, 100) + "aaaa03 000000 0800" + linkICMP4},
		{hex: sunatmHdr(0x82, 1, 100) + "aaaa03 000000 86dd" + linkUDP6},
		{hex: sunatmHdr(0x00, 1, 100) + "aaaa03 000000 0806" + linkARP},
		{hex: sunatmHdr(0x07, 1, 100) + "060603" + linkICMP4},
		{hex: sunatmHdr(0x02, 1, 100) + "aaaa03 00000c 9999 01020304"},
		{hex: sunatmHdr(0x02, 1, 100) + "aa"},
		{hex: sunatmHdr(0x01, 1, 101) + "0001 " + eth + "0800" + linkICMP4},
		{hex: sunatmHdr(0x81, 1, 101) + "0a0b " + eth + "0806" + linkARP},
		{hex: sunatmHdr(0x01, 1, 101) + "0001 " + eth + "88b5 0102030405"},
		{hex: sunatmHdr(0x01, 1, 101) + "0001 " + eth + "0020 aaaa03 000000 0800" + linkICMP4},
		{hex: sunatmHdr(0x01, 1, 101) + "0001 " + hexCut(eth, 8)},
		{hex: sunatmHdr(0x01, 1, 101) + "ff00 01 02 0102"},
		{hex: sunatmHdr(0x01, 1, 101) + "ff00 01 02 0009"},
		{hex: sunatmHdr(0x01, 1, 101) + "ff00 01 02 0203"},
		{hex: sunatmHdr(0x01, 1, 101) + "ff00 01"},
		{hex: sunatmHdr(0x01, 1, 101) + "00"},
		{hex: sunatmHdr(0x02, 0, 5) + "09 03 00abcd 05 8000 0000"},
		{hex: sunatmHdr(0x02, 0, 5) + "09 03 000001 99 8000"},
		{hex: sunatmHdr(0x02, 0, 5) + "09 03 000001 82"},
		{hex: sunatmHdr(0x02, 0, 5) + "07 03 000001"},
		{hex: sunatmHdr(0x02, 0, 5) + "09 03 0000"},
		{hex: sunatmHdr(0x02, 0, 2) + "0102"},
		{hex: sunatmHdr(0x02, 0, 1) + "0102"},
		{hex: sunatmHdr(0x02, 0, 6) + "aaaa03 000000 0800" + linkICMP4},
		// ILMI: SNMP on VCI 16, whole, cut short and of a bad length
		{hex: sunatmHdr(0x02, 0, 16) + "3027 020100 0406 696c6d697878 a01a 020107 020100 020100 300f 300d 06092b06010401035401010500"},
		{hex: sunatmHdr(0x02, 0, 16) + "3027 020100 0406 696c6d69"},
		{hex: sunatmHdr(0x02, 0, 16) + "301e 020100"},
		{hex: sunatmHdr(0x82, 0, 16) + "ff"},
		{hex: sunatmHdr(0x02, 0, 3) + oamCell(0, 3, 4, 0, 0x18, lb, false)},
		{hex: sunatmHdr(0x02, 0, 4) + oamCell(0, 4, 5, 1, 0x18, "00"+lb[2:], true)},
		{hex: sunatmHdr(0x02, 0, 3) + oamCell(0, 7, 0, 0, 0x10, ais, false)},
		{hex: sunatmHdr(0x02, 0, 3) + oamCell(0, 3, 7, 0, 0x11, ais, true)},
		{hex: sunatmHdr(0x02, 0, 3) + oamCell(2, 3, 6, 0, 0x14, "", false)},
		{hex: sunatmHdr(0x02, 0, 3) + oamCell(0, 3, 0, 0, 0x21, "", false)},
		{hex: sunatmHdr(0x02, 0, 3) + oamCell(0, 3, 0, 0, 0x83, "", false)},
		{hex: sunatmHdr(0x02, 0, 3) + oamCell(0, 3, 0, 0, 0xf1, "", false)},
		{hex: sunatmHdr(0x02, 0, 3) + oamCell(0, 3, 0, 0, 0x35, "", false)},
		{hex: sunatmHdr(0x02, 0, 3) + hexCut(oamCell(0, 3, 0, 0, 0x18, lb, false), 30)},
		{hex: sunatmHdr(0x02, 0, 3) + hexCut(oamCell(0, 3, 0, 0, 0x10, ais, false), 40)},
		{hex: sunatmHdr(0x02, 0, 3) + hexCut(oamCell(0, 3, 0, 0, 0x21, "", false), 51)},
		{hex: sunatmHdr(0x02, 0, 3) + hexCut(oamCell(0, 3, 0, 0, 0x21, "", false), 4)},
		{hex: "020100"},
	}
	linkTypeLikeTcpdump(t, cbpf.LinkSunATM, pkts)
}
