package printer

import (
	"fmt"
	"strings"
	"testing"
)

// dnFrame is an Ethernet frame of DECnet whose routing message is body,
// its length word right.
func dnFrame(body string) string {
	return fmt.Sprintf("aa0004000104 aa0004000204 6003 %02x%02x ", hexLen(body)+2, (hexLen(body)+2)>>8) + body
}

// dnShortHdr is a short data header of the flags, from 1.2 to 1.3.
func dnShortHdr(flags byte) string { return fmt.Sprintf("%02x 0304 0204 05 ", flags) }

func decnetCrafted() []crafted {
	long := "26 0000 aa0004000304 0000 aa0004000204 00 07 00 00 "
	nsps := []string{
		"20 0100 0200 0500", "40 0100 0200 0180 0500", "60 0100 0200 0190 03a0 0600", "00 0100 0200 0180 02b0 0700",
		"00 0100 0200 0180", "00 0100 0200 0180 03a0", "00 0100",
		"30 0100 0200 0900", "30 0100 0200 0180 04a0 0a00", "30 0100 0200 0190 05b0 0b00", "30 0100 0200 0180",
		"10 0100 0200 0180 06a0 0c00 00 05", "10 0100 0200 0000 0000 0c00 01 05", "10 0100 0200 0000 0000 0c00 02 05",
		"10 0100 0200 0000 0000 0c00 03 05", "10 0100 0200 0000 0000 0c00 04 05", "10 0100 0200 0000 0000 0c00 0c 05",
		"10 0100 0200 0000", "70 0100 0200",
		"04 0100 0200 0180 02a0", "04 0100 0200 0190 02b0", "14 0100 0200 0180 02a0", "14 0100 0200 0190 03b0",
		"04 0100 0200 0080", "24 0100 0200", "34 0100 0200",
		"18 0000 0200 05 00 0002", "68 0000 0200 09 01 0004", "18 0000 0200 01 02 0004", "18 0000 0200 0d 03 0004", "18 0000 0200",
		"28 0100 0200 05 02 0004 00", "28 0100 0200 05 02 0004 07", "28 0100 0200",
		"38 0100 0200 0500 00", "38 0100 0200 2a00 03", "38 0100 0200 6300 00", "38 0100 0200", "38 0100 0200 6300",
		"48 0100 0200 2900", "48 0100 0200 0300", "08 0100 0200", "58 0100 0200", "0c 0100 0200", "01 02",
	}
	var pkts []crafted
	for _, n := range nsps {
		pkts = append(pkts, crafted{dnFrame(dnShortHdr(0x02) + n), 0})
	}
	pkts = append(pkts,
		crafted{dnFrame(dnShortHdr(0x3a) + "20 0100 0200 0500"), 0},
		crafted{dnFrame(long + "20 0100 0200 0500"), 0},
		crafted{dnFrame("26 0000 aa00040003"), 0},
		crafted{dnFrame("83 000000 " + dnShortHdr(0x02) + "20 0100 0200 0500"), 0},
		crafted{dnFrame("8f 0000"), 0},
		crafted{dnFrame("42 0102 0304 0506"), 0},
		crafted{dnFrame("05 0102 0304 0506"), 0},
		// control messages
		crafted{dnFrame("01 0204 07 0005 02 00 00 0f00 00"), 0},
		crafted{dnFrame("01 0204 0c 0005 02 00 00 0f00 00"), 0},
		crafted{dnFrame("01 0204 07"), 0},
		crafted{dnFrame("03 0204 07"), 0},
		crafted{dnFrame("05 0204 aa"), 0},
		crafted{dnFrame("07 0204 00 0300 0100 0204 0100 0204 0008 0a08 0000"), 0},
		crafted{dnFrame("09 0204 00 0200 0100 0204 0000 0500 0008 0000"), 0},
		crafted{dnFrame("07 0204 00 0300 0100 0204"), 0},
		crafted{dnFrame("0b 02 00 00 aa0004000204 25 0005 40 00 0f00 00" + strings.Repeat("00", 6)), 0},
		crafted{dnFrame("0b 02 00 00 aa0004000204 62 0005 40 00 0f00 00"), 0},
		crafted{dnFrame("0d 02 00 00 aa0004000204 03 0005 00 0000000000000000 aa0004000104 0a00 00 aa"), 0},
		crafted{dnFrame("0d 02 00 00 aa0004000204 43 0005 00"), 0},
		crafted{dnFrame("0f 0204 00 0102"), 0},
		// lengths wrong
		crafted{"aa0004000104 aa0004000204 6003 0600 02 0304 02", 0},
		crafted{"aa0004000104 aa0004000204 6003 0400 02 0304 0204 05", 0},
		crafted{"aa0004000104 aa0004000204 6003 4000 02 0304 0204 05", 0},
		crafted{"aa0004000104 aa0004000204 6003 0a00 02 0304 0204 05 2001 00", 0},
	)
	w := dnFrame(dnShortHdr(0x02) + "60 0100 0200 0190 03a0 0600")
	pkts = append(pkts, crafted{hexCut(w, 14+2+6+6), hexLen(w)}, crafted{hexCut(w, 14+3), hexLen(w)})
	l := dnFrame(long + "20 0100 0200 0500")
	pkts = append(pkts, crafted{hexCut(l, 14+2+15), hexLen(l)})
	rt := dnFrame("07 0204 00 0300 0100 0204 0100 0204 0008 0a08 0000")
	pkts = append(pkts, crafted{hexCut(rt, 14+2+4+8), hexLen(rt)})
	unk := dnFrame("0f 0204 00 0102")
	pkts = append(pkts, crafted{hexCut(unk, 14+2+5), hexLen(unk)})
	return pkts
}

// TestDECnetLikeTcpdump prints DECnet routing messages (short and long
// data headers, padding, each control message) and the NSP messages
// they carry (data, interrupt, link service, acknowledgements, connect
// and disconnect), invalid and cut short, as tcpdump does.
func TestDECnetLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "decnet", decnetCrafted()) }

func init() { addFuzzSeeds(decnetCrafted()) }
