package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// wpanFCS16 is the 802.15.4 frame given in hex followed by its 2-byte
// FCS; wpanFCS32 by its 4-byte one.
func wpanFCS16(h string) string {
	b, err := hex.DecodeString(strings.ReplaceAll(h, " ", ""))
	if err != nil {
		panic(err)
	}
	c := wpanCRC16(b)
	return h + fmt.Sprintf(" %02x%02x", byte(c), byte(c>>8))
}

func wpanFCS32(h string) string {
	b, err := hex.DecodeString(strings.ReplaceAll(h, " ", ""))
	if err != nil {
		panic(err)
	}
	c := wpanCRC32(b)
	return h + fmt.Sprintf(" %02x%02x%02x%02x", byte(c), byte(c>>8), byte(c>>16), byte(c>>24))
}

// wpanFC is a frame control field in hex (little-endian): frame type,
// flag bits, destination and source addressing modes and version.
func wpanFC(t, flags, dst, src, ver uint16) string {
	fc := t | flags | dst<<10 | src<<14 | ver<<12
	return fmt.Sprintf("%02x%02x ", byte(fc), byte(fc>>8))
}

// Frame control flag bits.
const (
	wpanSec     = 1 << 3
	wpanPending = 1 << 4
	wpanAR      = 1 << 5
	wpanComp    = 1 << 6
	wpanNoSeq   = 1 << 8
	wpanIE      = 1 << 9
)

const (
	wpanLong = "0102030405060708 "
	wpanPAN  = "cdab "
)

// wpanCases are 802.15.4 frames of each type, addressing form and
// version, with and without an FCS, secured ones with each key
// identifier mode, frames with IEs, beacons, commands, multipurpose
// frames, and frames cut short at each step.
var wpanCases = []crafted{
	// Data frames: addressing modes, PAN ID compression, versions.
	{hex: wpanFCS16(wpanFC(1, wpanComp|wpanAR, 2, 2, 0) + "05" + wpanPAN + "3412 7856 01020304")},
	{hex: wpanFC(1, wpanComp, 2, 2, 1) + "06" + wpanPAN + "3412 7856 01020304"},
	{hex: wpanFCS32(wpanFC(1, wpanPending, 3, 3, 1) + "07" + wpanPAN + wpanLong + "1100" + wpanLong + "0a0b")},
	{hex: wpanFCS16(wpanFC(1, 0, 0, 2, 0) + "08 1100 7856 0a0b")},
	{hex: wpanFCS16(wpanFC(1, wpanComp, 0, 2, 0) + "08 1100 7856 0a0b")},
	{hex: wpanFCS16(wpanFC(1, 0, 2, 0, 0) + "09" + wpanPAN + "3412 0a0b")},
	{hex: wpanFCS16(wpanFC(1, wpanComp, 0, 0, 2) + "0a" + wpanPAN + "0a0b")},
	{hex: wpanFCS16(wpanFC(1, wpanComp, 2, 0, 2) + "0a 3412 0a0b")},
	{hex: wpanFCS16(wpanFC(1, wpanComp, 3, 3, 2) + "0a" + wpanLong + wpanLong + "0a0b")},
	{hex: wpanFCS16(wpanFC(1, 0, 3, 3, 2) + "0a" + wpanPAN + wpanLong + wpanLong + "0a0b")},
	{hex: wpanFCS16(wpanFC(1, 0, 2, 3, 2) + "0a" + wpanPAN + "3412" + wpanPAN + wpanLong + "0a0b")},
	{hex: wpanFCS16(wpanFC(1, wpanNoSeq, 2, 2, 2) + wpanPAN + "3412" + wpanPAN + "7856 0a0b")},
	{hex: wpanFCS16(wpanFC(1, wpanNoSeq, 2, 2, 1) + wpanPAN + "3412" + wpanPAN + "7856 0a0b")},
	{hex: wpanFC(1, 0, 1, 2, 0) + "0b 0102030405"},
	{hex: wpanFC(1, 0, 2, 1, 0) + "0b 0102030405"},
	// ACK
	{hex: wpanFCS16(wpanFC(2, 0, 0, 0, 0) + "0c")},
	{hex: wpanFC(2, 0, 0, 0, 0) + "0c"},
	// Secured: each key identifier mode, MIC lengths, frame counter
	// suppression.
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856 05 01000000 aabbccdd 11223344")},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856 0e 01000000 07 aabbccdd 1122334455667788")},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856 17 01000000 34127856 07 aabbccdd" + strings.Repeat("99", 16))},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856 1c 01000000 0102030405060708 07 aabbccdd")},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 2) + "0d" + wpanPAN + "3412 7856 2d 09 aabbccdd 11223344")},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856")},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856 05 0100")},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856 15 01000000 3412")},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856 1d 01000000 01020304")},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856 0d 01000000")},
	{hex: wpanFCS16(wpanFC(1, wpanSec|wpanComp, 2, 2, 1) + "0d" + wpanPAN + "3412 7856 07 01000000 aabb")},
	// IEs: header IEs, the termination starting payload IEs, payload
	// IEs of each group, errors.
	{hex: wpanFCS16(wpanFC(1, wpanIE|wpanComp, 2, 2, 2) + "0e" + wpanPAN + "3412 7856 020d 0102 003f 03a8 010203 0390 aabbcc 0188 05 00f8 c0c1")},
	{hex: wpanFCS16(wpanFC(1, wpanIE|wpanComp, 2, 2, 2) + "0e" + wpanPAN + "3412 7856 0000 8000 023f c0c1")},
	{hex: wpanFCS16(wpanFC(1, wpanIE|wpanComp, 2, 2, 2) + "0e" + wpanPAN + "3412 7856 0811 0102")},
	{hex: wpanFCS16(wpanFC(1, wpanIE|wpanComp, 2, 2, 2) + "0e" + wpanPAN + "3412 7856 02")},
	{hex: wpanFCS16(wpanFC(1, wpanIE|wpanComp, 2, 2, 2) + "0e" + wpanPAN + "3412 7856 003f 0500 0102")},
	{hex: wpanFCS16(wpanFC(1, wpanIE|wpanComp, 2, 2, 2) + "0e" + wpanPAN + "3412 7856 003f 01")},
	{hex: wpanFCS16(wpanFC(1, wpanIE|wpanSec|wpanComp, 2, 2, 2) + "0e" + wpanPAN + "3412 7856 2d 09 003f 01a8 02 aabbccdd")},
	{hex: wpanFCS16(wpanFC(1, wpanIE|wpanSec|wpanComp, 2, 2, 2) + "0e" + wpanPAN + "3412 7856 2c 09 003f 01a8 02 aabb")},
	// Beacons
	{hex: wpanFCS16(wpanFC(0, 0, 0, 2, 0) + "10" + wpanPAN + "7856 ffdf 00 00 0102")},
	{hex: wpanFCS16(wpanFC(0, 0, 0, 2, 1) + "11" + wpanPAN + "7856 1200 82 05 3412 21 7856 43 21 3412" + wpanLong + "0102")},
	{hex: wpanFCS16(wpanFC(0, 0, 0, 3, 0) + "12" + wpanPAN + wpanLong + "1200 83 05 3412 21")},
	{hex: wpanFCS16(wpanFC(0, 0, 0, 2, 0) + "13" + wpanPAN + "7856 1200 00 22 3412")},
	{hex: wpanFCS16(wpanFC(0, 0, 0, 2, 0) + "14" + wpanPAN + "7856 1200")},
	{hex: wpanFCS16(wpanFC(0, 0, 0, 2, 0) + "15" + wpanPAN + "7856 12")},
	{hex: wpanFCS16(wpanFC(0, 0, 0, 2, 0) + "15" + wpanPAN + "7856")},
	{hex: wpanFCS16(wpanFC(0, 0, 0, 2, 2) + "16" + wpanPAN + "7856 1200 00 00")},
	// Commands
	{hex: wpanFCS16(wpanFC(3, wpanAR, 2, 3, 0) + "20" + wpanPAN + "0000" + wpanPAN + wpanLong + "01 8e")},
	{hex: wpanFCS16(wpanFC(3, wpanAR, 2, 3, 0) + "20" + wpanPAN + "0000" + wpanPAN + wpanLong + "01 4c")},
	{hex: wpanFCS16(wpanFC(3, wpanAR, 2, 3, 0) + "20" + wpanPAN + "0000" + wpanPAN + wpanLong + "01 4c4c")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "21" + wpanPAN + wpanLong + "0000 02 3412 00")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "21" + wpanPAN + wpanLong + "0000 02 3412 01")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "21" + wpanPAN + wpanLong + "0000 02 3412 02")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "21" + wpanPAN + wpanLong + "0000 02 3412 03")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "21" + wpanPAN + wpanLong + "0000 02 3412 80")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "21" + wpanPAN + wpanLong + "0000 02 3412 42")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "21" + wpanPAN + wpanLong + "0000 02 3412")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "22" + wpanPAN + "3412 7856 03 00")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "22" + wpanPAN + "3412 7856 03 01")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "22" + wpanPAN + "3412 7856 03 02")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "22" + wpanPAN + "3412 7856 03 07")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "22" + wpanPAN + "3412 7856 03 0708")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "23" + wpanPAN + "3412 7856 04")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "23" + wpanPAN + "3412 7856 05")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 3, 0) + "23" + wpanPAN + "3412" + wpanLong + "06")},
	{hex: wpanFCS16(wpanFC(3, 0, 2, 0, 0) + "23 ffff ffff 07")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "23" + wpanPAN + "3412 7856 07 99")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "24" + wpanPAN + wpanLong + "0000 08 cdab 0000 0b 3412")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "24" + wpanPAN + wpanLong + "0000 08 cdab 0000 0b 3412 00")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "24" + wpanPAN + wpanLong + "0000 08 cdab 0000 0b 3412 81")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 3, 2, 0) + "24" + wpanPAN + wpanLong + "0000 08 cdab 0000 0b")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "25" + wpanPAN + "3412 7856 09 3a")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "25" + wpanPAN + "3412 7856 09 05")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "25" + wpanPAN + "3412 7856 09")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "25" + wpanPAN + "3412 7856 13 010203")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "25" + wpanPAN + "3412 7856 24 0a0b")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "25" + wpanPAN + "3412 7856 2e 0a0b")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "25" + wpanPAN + "3412 7856 31 0a0b")},
	{hex: wpanFCS16(wpanFC(3, wpanComp, 2, 2, 0) + "25" + wpanPAN + "3412 7856")},
	// Other frame types
	{hex: "0400 01 02"},
	{hex: "0600 01 02"},
	{hex: "0700 01 02"},
	// Multipurpose frames: short and long frame control.
	{hex: wpanFCS16("a5 26" + "3412 0102")},
	{hex: wpanFCS16("e5 30" + wpanLong + wpanLong + "0102")},
	{hex: "25 26" + "3412"},
	{hex: wpanFCS16("2d 21 27" + wpanPAN + "3412 0102")},
	{hex: wpanFCS16("ad 6f 27" + wpanPAN + "3412 7856 0102")},
	{hex: wpanFCS16("2d 05" + wpanPAN + "3412 0102")},
	{hex: wpanFCS16("2d 83 28" + wpanPAN + "3412 05 01000000 aabb 11223344")},
	{hex: wpanFCS16("1d 81 28" + wpanPAN)},
	{hex: wpanFCS16("2d 81 28" + wpanPAN)},
	{hex: wpanFCS16("2d 81 28 cd")},
	{hex: wpanFCS16("3d 80 28 0102")},
	{hex: wpanFCS16("2d 80 28 3412 003f 0188 05 00f8")},
	{hex: "2d 81"},
	{hex: "2d 85 03"},
	{hex: "25 26"},
	{hex: "25 26 01"},
	// Cut short
	{hex: "41"},
	{hex: "4188"},
	{hex: "418805"},
	{hex: "41 88 05 cd"},
	{hex: "41 88 05 cdab 34"},
	{hex: "41 88 05 cdab 3412 78"},
	{hex: "41 c8 05 cdab 3412 0102030405"},
	{hex: "41 98 05 cdab 3412 cdab 7856"},
	{hex: "41 80 05"},
}

// TestIEEE802154LikeTcpdump prints the frames of wpanCases on each
// 802.15.4 link type (the TAP one after a pseudo-header, with the
// pseudo-header's own errors) with the flags of craftedFlagSets.
func TestIEEE802154LikeTcpdump(t *testing.T) {
	name := func(s string) string { return strings.ReplaceAll(t.Name()+"_"+s, "/", "_") }
	compareWithTcpdump(t, name("fcs"), cbpf.LinkIEEE802154, wpanCases, craftedFlagSets)
	compareWithTcpdump(t, name("nofcs"), cbpf.LinkIEEE802154NoFCS, wpanCases[:20], craftedFlagSets)
	tap := []crafted{
		{hex: "00 00 0400" + wpanCases[0].hex},
		{hex: "00 00 0c00 0100 0400 01020304" + wpanCases[1].hex},
		{hex: "00 00 0c00 0100 0400 0102030405"},
		{hex: "01 00 0400" + wpanCases[0].hex},
		{hex: "00 00 0200" + wpanCases[0].hex},
		{hex: "00 00 04"},
		{hex: "00 00 0400"},
		{hex: "00 00 0400 41"},
	}
	compareWithTcpdump(t, name("tap"), cbpf.LinkIEEE802154TAP, tap, craftedFlagSets)
}

// wpanHIE is a header IE of element id with the content given in hex;
// wpanPIE a payload IE of group g; wpanMLME an MLME sub-IE of the long
// or the short format.
func wpanHIE(id int, content string) string {
	n := hexLen(content)
	v := id<<7 | n
	return fmt.Sprintf("%02x%02x %s ", byte(v), byte(v>>8), content)
}

func wpanPIE(g int, content string) string {
	n := hexLen(content)
	v := 0x8000 | g<<11 | n
	return fmt.Sprintf("%02x%02x %s ", byte(v), byte(v>>8), content)
}

func wpanMLME(long bool, id int, content string) string {
	n := hexLen(content)
	v := id<<8 | n
	if long {
		v = 0x8000 | id<<11 | n
	}
	return fmt.Sprintf("%02x%02x %s ", byte(v), byte(v>>8), content)
}

// wpanIEFrame is a version 2 data frame with the header IEs and the
// payload IEs given.
func wpanIEFrame(hies, pies string) string {
	f := wpanFC(1, wpanIE|wpanComp, 2, 2, 2) + "0e" + wpanPAN + "3412 7856 " + hies
	if pies != "" {
		f += "003f " + pies + "00f8 "
	}
	return wpanFCS16(f + "c0c1")
}

// TestIEEE802154IEsLikeTcpdump prints frames with header and payload
// IEs of each kind tcpdump decodes at -vvvv (and their errors), with
// -vvv and -vvvv.
func TestIEEE802154IEsLikeTcpdump(t *testing.T) {
	dsme := "ff0f 00 15 0102030405060708 0300 0100 aa 07 08 0900 01 00"
	dsmeExt := "ff0f 12 3412 0514 0102030405060708 0300 0200 aabb 07 08 0900 01 00 02 0100 0200"
	timeslot25 := "07" + strings.Repeat("0100", 12)
	timeslot27 := "07" + strings.Repeat("0100", 10) + "010000 020000"
	slotframes := "02 01 6500 02 0100 0200 1f 0300 0400 00 02 0a00 01 0500 0600 03"
	pkts := []crafted{
		{hex: wpanIEFrame(wpanHIE(0x00, "aabbcc 0102")+wpanHIE(0x00, "aabb")+wpanHIE(0x1a, "01000200")+
			wpanHIE(0x1a, "010002000300")+wpanHIE(0x1a, "0100020003")+wpanHIE(0x1a, "010002"), "")},
		{hex: wpanIEFrame(wpanHIE(0x1b, "01020300")+wpanHIE(0x1b, "0102")+wpanHIE(0x1d, "01000200")+
			wpanHIE(0x1d, "010002")+wpanHIE(0x1e, "ff8f")+wpanHIE(0x1e, "3400")+wpanHIE(0x1e, "34")+
			wpanHIE(0x22, "0102")+wpanHIE(0x40, "03"), "")},
		{hex: wpanIEFrame(wpanHIE(0x1c, dsme)+wpanHIE(0x21, dsmeExt), "")},
		{hex: wpanIEFrame(wpanHIE(0x1c, "ff")+wpanHIE(0x1c, "ff0f")+wpanHIE(0x1c, "ff0f 21")+
			wpanHIE(0x1c, "ff0f 00")+wpanHIE(0x21, "ff0f 00 12")+wpanHIE(0x1c, "ff0f 00 15 0102"), "")},
		{hex: wpanIEFrame(wpanHIE(0x1c, "ff0f 00 15 0102030405060708 03")+
			wpanHIE(0x1c, "ff0f 00 15 0102030405060708 0300 0500 aa")+
			wpanHIE(0x1c, "ff0f 00 15 0102030405060708 0300 0100 aa 0708")+
			wpanHIE(0x1c, "ff0f 00 15 0102030405060708 0300 0100 aa 07 08 0900 05 00"), "")},
		{hex: wpanIEFrame(wpanHIE(0x21, "ff0f 12 3412 0014 0102030405060708 0300 0100 aa 07 08 0900 01 00")+
			wpanHIE(0x21, "ff0f 00 0010 0102030405060708 0300 0000 07 08 0900 00 00")+
			wpanHIE(0x21, "ff0f 00 0010 0102030405060708 0300 0000 07 08 0900 00 00 05 0100"), "")},
		// every superframe flag in both forms, the hopping sequence whole,
		// without its length and cut short
		{hex: wpanIEFrame(wpanHIE(0x1c, "ff0f 00 d5 0102030405060708 0300 0100 aa 07 08 0900 01 00")+
			wpanHIE(0x21, "ff0f 00 05ff 0102030405060708 0300 0100 aa 07 08 0900 01 00 02 0100 0200")+
			wpanHIE(0x21, "ff0f 00 051d 0102030405060708 0300 0100 aa 07 08 0900 01 00")+
			wpanHIE(0x21, "ff0f 00 0512 0102030405060708 0300 0100 aa 07 08 0900 01 00 03 0100"), "")},
		{hex: wpanIEFrame("", wpanPIE(1, wpanMLME(false, 0x1a, "0102030405 07")+wpanMLME(false, 0x1a, "0102")+
			wpanMLME(false, 0x1b, slotframes)+wpanMLME(false, 0x1b, "02 01 6500 02 0100")+
			wpanMLME(false, 0x1c, "07")+wpanMLME(false, 0x1c, timeslot25)+wpanMLME(false, 0x1c, timeslot27)+
			wpanMLME(false, 0x1c, "070809")))},
		{hex: wpanIEFrame("", wpanPIE(1, wpanMLME(true, 0x09, "05")+
			wpanMLME(true, 0x09, "05 00 0300 01000000 0200 0100 0200 0300")+
			wpanMLME(true, 0x09, "05 09 0a00 01000000 ff03 0100 0500")+
			wpanMLME(true, 0x09, "05 09 1000 01000000")+
			wpanMLME(true, 0x09, "05 00 0300")+
			wpanMLME(true, 0x09, "05 00 0300 01000000 0300 0100")+
			wpanMLME(true, 0x09, "05 00 0300 01000000 0100 0100")+
			wpanMLME(true, 0x08, "aabbcc 0102")+wpanMLME(true, 0x0a, "01")+wpanMLME(false, 0x05, "02")+
			wpanMLME(false, 0x08, "aabbcc")+wpanMLME(false, 0x30, "0102")+wpanMLME(false, 0x7f, "")))},
		{hex: wpanIEFrame("", wpanPIE(1, "01")+wpanPIE(1, "0501 0102"))},
		{hex: wpanIEFrame("", wpanPIE(3, "00 3412 aabb")+wpanPIE(3, "f9 aabb")+wpanPIE(3, "08 34")+
			wpanPIE(3, "02 00 1000 3412 aa")+wpanPIE(3, "02 03 aa")+wpanPIE(3, "0c 00 10")+wpanPIE(3, "04 05 bb")+
			wpanPIE(3, "02")+wpanPIE(3, "0e")+wpanPIE(3, "0e 0004")+wpanPIE(3, "0e 0102 03")+wpanPIE(3, "0b 01")+
			wpanPIE(3, "05 01")+wpanPIE(3, "07"))},
		{hex: wpanIEFrame("", wpanPIE(2, "aabbcc 0102")+wpanPIE(2, "aabb")+wpanPIE(5, "01 0203")+
			wpanPIE(4, "0102"))},
	}
	sets := []flagSet{
		{[]string{"-nn", "-vvv"}, Options{NumericLevel: 2, Verbose: 3}},
		{[]string{"-nn", "-vvvv"}, Options{NumericLevel: 2, Verbose: 4}},
		{[]string{"-nn", "-vvvv", "-x"}, Options{NumericLevel: 2, Verbose: 4, Hex: 1}},
	}
	compareWithTcpdump(t, strings.ReplaceAll(t.Name(), "/", "_"), cbpf.LinkIEEE802154, pkts, sets)
}
