package printer

import (
	"fmt"
	"strings"
	"testing"
)

// stpFrame is an 802.3 frame to the bridge group address with an LLC
// header for spanning tree and the BPDU given in hex.
func stpFrame(bpdu string) string {
	return fmt.Sprintf("0180c2000000 00000000aa01 %04x 424203 ", 3+hexLen(bpdu)) + bpdu
}

// stpConfigBPDU is a configuration or RSTP BPDU of the version and type
// with the flags, ending with the version 1 length byte when v1 is set.
func stpConfigBPDU(ver, typ, flags string, v1 bool) string {
	s := "0000" + ver + typ + flags + " 8000 0000000000aa 00000004 8001 0000000000bb 8002 0100 1400 0200 0f00"
	if v1 {
		s += " 00"
	}
	return s
}

// stpMSTI is one MSTI configuration message for the instance.
func stpMSTI(flags string, inst int) string {
	return fmt.Sprintf("%s %04x 0000000000cc 00000014 80 80 14", flags, 0x8000|inst)
}

// stpMSTP is an MSTP BPDU of the version (3, or 4 for SPB) with the
// MSTIs given, and the v3 length the MSTIs make unless v3 is not 0.
func stpMSTP(ver string, v3 int, mstis ...string) string {
	if v3 == 0 {
		v3 = 64 + 16*len(mstis)
	}
	return "0000" + ver + "02 3c 8000 0000000000aa 00000004 8001 0000000000bb 8002 0100 1400 0200 0f00 00" +
		fmt.Sprintf(" %04x 00", v3) + hexStr("region-1", 32) + " 0005 " + strings.Repeat("5a", 16) +
		" 000000c8 8000 0000000000dd 13 " + strings.Join(mstis, " ")
}

// stpSPBPart is the SPB part of a BPDU with the v4 length given.
func stpSPBPart(v4 int) string {
	return fmt.Sprintf("%04x 00", v4) + hexStr("spb-region", 32) + " 0002 " + strings.Repeat("a5", 16) +
		" d4 00 13 2c 0040 0000000000000000 " + strings.Repeat("0f", 20)
}

// TestSTPLikeTcpdump prints BPDUs of each version and type (802.1D
// configuration and topology change, RSTP, MSTP with MSTIs, SPB), with
// invalid lengths and cut short everywhere, as tcpdump does.
func TestSTPLikeTcpdump(t *testing.T) {
	mstp := stpMSTP("03", 0, stpMSTI("7c", 1), stpMSTI("0e", 2))
	spb := stpMSTP("04", 0, stpMSTI("3c", 10)) + " " + stpSPBPart(85)
	bpdus := []string{
		stpConfigBPDU("00", "00", "81", false),
		stpConfigBPDU("00", "00", "00", false),
		stpConfigBPDU("02", "02", "7e", true),
		stpConfigBPDU("02", "02", "0c", true),
		"0000 00 80",
		"0000 01 00",
		"0000 07 00",
		"0000 00 33",
		"0001 00 00",
		"0000",
		mstp,
		stpMSTP("03", 0),
		stpMSTP("03", 70, stpMSTI("00", 3)), // a part MSTI left over
		stpMSTP("03", 200, stpMSTI("00", 3)),
		strings.Replace(stpMSTP("03", 0), "0f00 00", "0f00 01", 1), // version 1 length not 0
		spb,
		stpMSTP("04", 0) + " " + stpSPBPart(84),
		stpMSTP("04", 0) + " " + stpSPBPart(90),
		stpMSTP("04", 0) + " " + hexCut(stpSPBPart(85), 40),
		stpConfigBPDU("02", "02", "0c", false),
		hexCut(stpConfigBPDU("00", "00", "01", false), 34),
		hexCut(mstp, 100),
	}
	var pkts []crafted
	for _, b := range bpdus {
		pkts = append(pkts, crafted{stpFrame(b), 0})
	}
	// Cut short at every few bytes.
	for _, b := range []string{stpConfigBPDU("00", "00", "01", false), stpConfigBPDU("02", "02", "0c", true), mstp, spb} {
		f := stpFrame(b)
		for n := 18; n < hexLen(f); n += 3 {
			pkts = append(pkts, crafted{hexCut(f, n), hexLen(f)})
		}
	}
	craftedLikeTcpdump(t, "stp", pkts)
}
