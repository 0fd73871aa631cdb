package printer

import (
	"strings"
	"testing"
)

// aoeFrame is an Ethernet frame of AoE: version 1 with the flags, error,
// shelf 0x0102, slot 3, the command, tag 0x11223344 and the argument.
func aoeFrame(flags, errc, cmd, arg string) string {
	return "ffffffffffff 000000000001 88a2 1" + flags + " " + errc + " 0102 03 " + cmd + " 11223344 " + arg
}

func aoeCrafted() []crafted {
	ata := "53 00 02 ec 01 02 03 04 05 06 0000"
	return []crafted{
		{aoeFrame("0", "00", "00", ata), 0},
		{aoeFrame("8", "00", "00", ata+" "+strings.Repeat("00", 32)), 0},
		{aoeFrame("c", "03", "00", "ff"+ata[2:]), 0},
		{aoeFrame("f", "09", "01", "0010 0400 02 21 0005 68656c6c6f"), 0},
		{aoeFrame("0", "00", "01", "0010 0400 02 1f 0000"), 0},
		{aoeFrame("0", "00", "01", "0010 0400 02 10 0009 68656c6c6f"), 0},
		{aoeFrame("0", "00", "01", "0010 0400 02 10 0401"), 0},
		{aoeFrame("0", "00", "02", "00 01 02 02 00 01 001122334455 00 05 66778899aabb"), 0},
		{aoeFrame("0", "00", "02", "00 07 09 00"), 0},
		{aoeFrame("0", "00", "02", "00 00 00 02 00 01 001122334455"), 0},
		{aoeFrame("0", "00", "03", "01 02 001122334455 66778899aabb"), 0},
		{aoeFrame("0", "00", "03", "09 00"), 0},
		{aoeFrame("0", "00", "03", "01 01 001122334455 66778899aabb"), 0},
		{aoeFrame("0", "00", "03", "01 01 0011223344"), 0},
		{aoeFrame("0", "00", "07", "0102"), 0},
		// invalid and cut short
		{aoeFrame("0", "00", "00", "53 00 02"), 0},
		{aoeFrame("0", "00", "01", "0010"), 0},
		{aoeFrame("0", "00", "02", "00"), 0},
		{"ffffffffffff 000000000001 88a2 10 00 0102 03", 0},
		{"ffffffffffff 000000000001 88a2 20 00 0102 03", 0},
		{"ffffffffffff 000000000001 88a2", 0},
		{hexCut(aoeFrame("0", "00", "00", ata), 14+10+11), hexLen(aoeFrame("0", "00", "00", ata))},
		{hexCut(aoeFrame("0", "00", "01", "0010 0400 02 21 0005 68656c6c6f"), 14+10+10), hexLen(aoeFrame("0", "00", "01", "0010 0400 02 21 0005 68656c6c6f"))},
		{hexCut(aoeFrame("0", "00", "02", "00 01 02 02 00 01 001122334455 00 05 66778899aabb"), 14+10+4+8+4), hexLen(aoeFrame("0", "00", "02", "00 01 02 02 00 01 001122334455 00 05 66778899aabb"))},
		{hexCut(aoeFrame("0", "00", "02", "00 01 02 04 00 01 001122334455"), 14+10+4), hexLen(aoeFrame("0", "00", "02", "00 01 02 04 00 01 001122334455"))},
		{hexCut(aoeFrame("0", "00", "00", ata), 14+4), hexLen(aoeFrame("0", "00", "00", ata))},
		{hexCut(aoeFrame("0", "00", "00", ata), 14+10+2), hexLen(aoeFrame("0", "00", "00", ata))},
		{hexCut(aoeFrame("0", "00", "00", ata), 14+10+3), hexLen(aoeFrame("0", "00", "00", ata))},
		{hexCut(aoeFrame("0", "00", "00", ata), 14+10+7), hexLen(aoeFrame("0", "00", "00", ata))},
		{hexCut(aoeFrame("0", "00", "01", "0010 0400 02 21 0005 68656c6c6f"), 14+10+1), hexLen(aoeFrame("0", "00", "01", "0010 0400 02 21 0005 68656c6c6f"))},
		{hexCut(aoeFrame("0", "00", "01", "0010 0400 02 21 0005 68656c6c6f"), 14+10+3), hexLen(aoeFrame("0", "00", "01", "0010 0400 02 21 0005 68656c6c6f"))},
		{hexCut(aoeFrame("0", "00", "01", "0010 0400 02 21 0005 68656c6c6f"), 14+10+5), hexLen(aoeFrame("0", "00", "01", "0010 0400 02 21 0005 68656c6c6f"))},
	}
}

// TestAoELikeTcpdump prints AoE PDUs of each command, invalid and cut
// short, as tcpdump does.
func TestAoELikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "aoe", aoeCrafted()) }

func init() { addFuzzSeeds(aoeCrafted()) }
