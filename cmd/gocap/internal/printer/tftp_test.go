package printer

import (
	"encoding/hex"
	"testing"
)

// tftpBranchCases are TFTP messages (UDP port 69) reaching each branch of
// tcpdump's tftp_print: every opcode, options with and without empty
// strings, the strings left without their NUL within the datagram or the
// capture, and the lengths too short for a block number or error code.
func tftpBranchCases() []crafted {
	s := func(v string) string { return hex.EncodeToString([]byte(v)) }
	pkt := func(payload string) string { return craftedUDP4(1069, 69, payload) }
	cases := []crafted{
		{hex: pkt("")},   // no opcode at all
		{hex: pkt("00")}, // one byte
		{hex: pkt("0000")},
		{hex: pkt("0007 41 00")},
		{hex: pkt("ff01")},
		{hex: pkt("0001 " + s("boot/pxe.0") + "00 " + s("octet") + "00")},
		{hex: pkt("0002 " + s("up\x01load\x7f") + "00 " + s("netascii") + "00 " + s("blksize") + "00 " + s("1428") + "00 " + s("tsize") + "00 " + s("0") + "00")},
		{hex: pkt("0001 " + s("f") + "00 " + s("octet") + "00 00 00 " + s("x") + "00")}, // empty options
		{hex: pkt("0001")},                                                   // no file name
		{hex: pkt("0001 " + s("name"))},                                      // no NUL after the name
		{hex: pkt("0001 " + s("name") + "00")},                               // no mode
		{hex: pkt("0001 " + s("name") + "00 " + s("oct"))},                   // mode without NUL
		{hex: pkt("0001 " + s("n") + "00 " + s("octet") + "00 " + s("blk"))}, // option without NUL
		{hex: pkt("0006 " + s("blksize") + "00 " + s("512") + "00")},
		{hex: pkt("0006")},
		{hex: pkt("0006 00 00")},
		{hex: pkt("0006 " + s("timeout"))},
		{hex: pkt("0003 0001 " + s("data bytes"))},
		{hex: pkt("0003 ffff")},
		{hex: pkt("0003 01")},
		{hex: pkt("0003")},
		{hex: pkt("0004 0102")},
		{hex: pkt("0004")},
		{hex: pkt("0004 00")},
		{hex: pkt("0005 0001 " + s("File not found") + "00")},
		{hex: pkt("0005 0007 " + s("who?") + "00")},
		{hex: pkt("0005 0008 " + s("bad option") + "00")},
		{hex: pkt("0005 1234 " + s("odd\tcode") + "00")},
		{hex: pkt("0005 0000")},                // no message
		{hex: pkt("0005 0002 " + s("denied"))}, // message without NUL
		{hex: pkt("0005 00")},
		{hex: pkt("0005")},
	}
	// Messages whose UDP length ends before their captured end: in the
	// file name, in the mode, between options, in the error message.
	rrq := "0001 " + s("boot.img") + "00 " + s("octet") + "00 " + s("tsize") + "00 " + s("0") + "00"
	for _, n := range []int{5, 11, 13, 17, 19, 25, 27} {
		cases = append(cases, crafted{hex: udpULen(1, 2, 1069, 69, 8+n, rrq)})
	}
	for _, n := range []int{3, 4, 6, 9} {
		cases = append(cases, crafted{hex: udpULen(1, 2, 1069, 69, 8+n, "0005 0001 "+s("gone")+"00")})
	}
	// The same messages cut short by the capture.
	cases = append(cases, craftedCuts(pkt("0001 "+s("boot/pxe.0")+"00 "+s("octet")+"00 "+s("blksize")+"00 "+s("1428")+"00"), 36, 2)...)
	cases = append(cases, craftedCuts(pkt("0005 0003 "+s("disk full")+"00"), 14, 1)...)
	cases = append(cases, craftedCuts(pkt("0006 "+s("tsize")+"00 "+s("100")+"00"), 12, 1)...)
	cases = append(cases, craftedCuts(pkt("0004 0203"), 4, 1)...)
	return cases
}

// TestTFTPBranchLikeTcpdump compares the TFTP messages with the local
// tcpdump.
func TestTFTPBranchLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "tftp-branch", tftpBranchCases()) }

func init() { addFuzzSeeds(tftpBranchCases()) }

// TestTFTPBranchForcedLikeTcpdump prints the same messages with -T tftp,
// and over IPv6 between ports tcpdump would not decode TFTP on.
func TestTFTPBranchForcedLikeTcpdump(t *testing.T) {
	pkts := tftpBranchCases()
	for _, pl := range []string{"0001 6100 6f637465 7400", "0005 0009 6f6f7000", "0004"} {
		pkts = append(pkts, crafted{hex: craftedUDP6(40000, 40001, pl, false)})
	}
	forcedLikeTcpdump(t, "tftp", pkts)
}
