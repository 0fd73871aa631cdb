package printer

import (
	"fmt"
	"testing"
)

// vqpObj is a VQP object of the type and value, its length right.
func vqpObj(t uint32, v string) string { return fmt.Sprintf("%08x %04x ", t, hexLen(v)) + v + " " }

func vqpCrafted() []crafted {
	objs := vqpObj(0xc01, "0a000005") + vqpObj(0xc02, "46613021") + vqpObj(0xc03, "76 6c 00 61") + vqpObj(0xc04, "646f6d") +
		vqpObj(0xc05, "0102") + vqpObj(0xc06, "000000000000") + vqpObj(0xc08, "001122334455") + vqpObj(0xc09, "0102")
	msg := func(hdr string, n int, objs string) crafted {
		return crafted{craftedUDP4(1589, 1589, fmt.Sprintf(hdr, n)+" "+objs), 0}
	}
	whole := craftedUDP4(40000, 1589, "01 01 00 08 00000042 "+objs)
	return []crafted{
		{whole, 0},
		msg("01 02 %02x 00000001", 0, ""),
		msg("01 03 03 %02x 00000001", 1, vqpObj(0xc04, "61")),
		msg("01 04 04 %02x 00000001", 1, vqpObj(0xc04, "61")),
		msg("01 09 05 %02x 00000001", 1, vqpObj(0xc04, "61")),
		msg("01 01 07 %02x 00000001", 3, vqpObj(0xc04, "61")),
		msg("02 01 00 %02x 00000001", 1, ""),
		// invalid objects and headers, a zero type or length
		msg("01 01 00 %02x 00000001", 1, vqpObj(0xc01, "0a00")),
		msg("01 01 00 %02x 00000001", 1, vqpObj(0xc08, "0a00")),
		msg("01 01 00 %02x 00000001", 1, "00000c04 0001"),
		msg("01 01 00 %02x 00000001", 1, "00000c04 0010 61"),
		msg("01 01 00 %02x 00000001", 2, vqpObj(0, "61")+vqpObj(0xc04, "61")),
		msg("01 01 00 %02x 00000001", 2, vqpObj(0xc04, "")+vqpObj(0xc04, "61")),
		{craftedUDP4(1589, 1589, "01 01 00 01"), 0},
		{craftedUDP4(1589, 1589, "01 01 00 01 00000001 0000"), 0},
		craftedCut(whole, 30),
		craftedCut(whole, 66),
		craftedCut(whole, 75),
	}
}

// TestVQPLikeTcpdump prints VQP messages of each type with every object
// print-vqp.c decodes, invalid and cut short, as tcpdump does.
func TestVQPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "vqp", vqpCrafted()) }

func init() { addFuzzSeeds(vqpCrafted()) }
