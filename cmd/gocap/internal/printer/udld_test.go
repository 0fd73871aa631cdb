package printer

import (
	"fmt"
	"testing"
)

// ciscoSNAP is an 802.3 frame with a SNAP header of Cisco's OUI, the PID
// and the payload.
func ciscoSNAP(pid uint16, payload string) string {
	return fmt.Sprintf("01000ccccccc 000000000001 %04x aaaa03 00000c %04x ", 8+hexLen(payload), pid) + payload
}

// udldTLV is a UDLD TLV of the type and value, its length right.
func udldTLV(t uint16, v string) string { return fmt.Sprintf("%04x %04x ", t, 4+hexLen(v)) + v + " " }

func udldCrafted() []crafted {
	all := udldTLV(1, "464f58303631 00 41") + udldTLV(2, "4769302f31") + udldTLV(3, "00000001 0004 4667 ff0a") +
		udldTLV(4, "07") + udldTLV(5, "05") + udldTLV(6, "73776974636831") + udldTLV(7, "00000102") + udldTLV(9, "0102")
	pkts := []crafted{
		{ciscoSNAP(0x0111, "21 03 abcd "+all), 0},
		{ciscoSNAP(0x0111, "42 ff abcd "+udldTLV(1, "61")), 0},
		{ciscoSNAP(0x0111, "63 00 abcd"), 0},
		{ciscoSNAP(0x0111, "3f 00 abcd"), 0},
		// invalid: too short, TLV lengths, interval and sequence sizes
		{ciscoSNAP(0x0111, "21 00 ab"), 0},
		{ciscoSNAP(0x0111, "21 00 abcd 0001 00"), 0},
		{ciscoSNAP(0x0111, "21 00 abcd 0001 0004 0102"), 0},
		{ciscoSNAP(0x0111, "21 00 abcd 0001 0010 0102"), 0},
		{ciscoSNAP(0x0111, "21 00 abcd "+udldTLV(4, "0102")), 0},
		{ciscoSNAP(0x0111, "21 00 abcd "+udldTLV(7, "0102")), 0},
	}
	whole := ciscoSNAP(0x0111, "21 03 abcd "+all)
	for _, n := range []int{22 + 2, 22 + 4 + 6, 22 + 4 + 11 + 9 + 4 + 5, 22 + 4 + 11 + 9 + 14 + 5 + 5 + 11 + 8 + 5} {
		pkts = append(pkts, crafted{hexCut(whole, n), hexLen(whole)})
	}
	bad := ciscoSNAP(0x0111, "21 00 abcd 0001 0004 0102")
	pkts = append(pkts, crafted{hexCut(bad, 22+8), hexLen(bad)})
	return pkts
}

// TestUDLDLikeTcpdump prints UDLD PDUs with every TLV print-udld.c
// decodes, invalid ones and ones cut short, as tcpdump does.
func TestUDLDLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "udld", udldCrafted()) }

func init() { addFuzzSeeds(udldCrafted()) }
