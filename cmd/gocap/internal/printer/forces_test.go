package printer

import (
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// forcesTLVHex is a ForCES TLV of the type around body (hex), its length
// counting the header, padded to four bytes.
func forcesTLVHex(typ uint16, body string) string {
	n := hexLen(body)
	return fmt.Sprintf("%04x%04x ", typ, 4+n) + body + strings.Repeat("00", (4-n%4)%4) + " "
}

// forcesTLVLenHex is a TLV with a length field of l whatever its body.
func forcesTLVLenHex(typ, l uint16, body string) string {
	return fmt.Sprintf("%04x%04x ", typ, l) + body + " "
}

// forcesILVHex is a ForCES ILV of the type around body, padded to four bytes.
func forcesILVHex(typ uint32, body string) string {
	n := hexLen(body)
	return fmt.Sprintf("%08x%08x ", typ, 8+n) + body + strings.Repeat("00", (4-n%4)%4) + " "
}

// forcesPathHex is a path data: flags, the IDs and what follows them.
func forcesPathHex(flags uint16, rest string, ids ...uint32) string {
	s := fmt.Sprintf("%04x%04x ", flags, len(ids))
	for _, id := range ids {
		s += fmt.Sprintf("%08x ", id)
	}
	return s + rest
}

// forcesLFBHex is an LFBselect TLV of class 1, instance 2 with the operation TLVs.
func forcesLFBHex(ops ...string) string {
	return forcesTLVHex(0x1000, "00000001 00000002 "+strings.Join(ops, ""))
}

// forcesMsgHex is a ForCES message of the type with the flags and the TLVs, its
// length field counting them.
func forcesMsgHex(tom byte, flags uint32, tlvs ...string) string {
	body := strings.Join(tlvs, "")
	return forcesMsgLenHex(tom, uint16((24+hexLen(body))/4), flags, body)
}

// forcesMsgLenHex is a ForCES message with a length field (in words) of l.
func forcesMsgLenHex(tom byte, l uint16, flags uint32, body string) string {
	return fmt.Sprintf("10%02x%04x 40000001 00000002 0102030405060708 %08x ", tom, l, flags) + body
}

// forcesPktHex is an Ethernet frame holding the ForCES message in an SCTP DATA
// chunk to the ForCES HP port.
func forcesPktHex(msg string) string {
	return craftIP4(132, sctpPkt(6704, sctpChunk(0, 3, "0000002a 0001 0002 00000000 "+msg)))
}

// forcesCrafted are ForCES messages of every type, with each TLV tcpdump
// decodes, well formed, malformed and cut short.
func forcesCrafted() []crafted {
	full := forcesTLVHex(0x112, "0000000100000002 0a0b0c")
	sparse := forcesTLVHex(0x113, forcesILVHex(1, "01020304")+forcesILVHex(2, "aabbcc"))
	result := func(code byte) string { return forcesTLVHex(0x114, fmt.Sprintf("%02x000000", code)) }
	path := func(flags uint16, rest string, ids ...uint32) string {
		return forcesTLVHex(0x110, forcesPathHex(flags, rest, ids...))
	}
	keyinfo := forcesTLVHex(0x111, "00000007 "+forcesTLVHex(0x112, "01020304"))
	big := forcesMsgHex(3, 0x40480000, forcesLFBHex(forcesTLVHex(1, path(0, sparse, 1, 2)), forcesTLVHex(2, path(0, full, 3)), forcesTLVHex(5, path(0, "", 4)),
		forcesTLVHex(12, "0000000000000000"), forcesTLVHex(14, "0000000000000000")))
	msgs := []string{
		// Association Setup: with and without TLVs, too many TLVs.
		forcesMsgHex(1, 0xc0000000),
		forcesMsgHex(1, 0x00000000, forcesLFBHex(forcesTLVHex(11, path(0, full, 1)))),
		forcesMsgHex(1, 0, forcesLFBHex(forcesTLVHex(11, path(0, full, 1))), forcesLFBHex(forcesTLVHex(11, path(0, full, 1))), forcesLFBHex(forcesTLVHex(11, path(0, full, 1)))),
		// Association TearDown reasons, illegal ones.
		forcesMsgHex(2, 0, forcesTLVHex(0x11, "00000000")),
		forcesMsgHex(2, 0, forcesTLVHex(0x11, "00000001")),
		forcesMsgHex(2, 0, forcesTLVHex(0x11, "00000002")),
		forcesMsgHex(2, 0, forcesTLVHex(0x11, "00000003")),
		forcesMsgHex(2, 0, forcesTLVHex(0x11, "00000004")),
		forcesMsgHex(2, 0, forcesTLVHex(0x11, "000000fe")),
		forcesMsgHex(2, 0, forcesTLVHex(0x11, "00000100")),
		forcesMsgHex(2, 0, forcesTLVHex(0x11, "0000000000000000")),
		forcesMsgHex(2, 0),
		// Association Response results.
		forcesMsgHex(0x11, 0, forcesTLVHex(0x10, "00000000")),
		forcesMsgHex(0x11, 0, forcesTLVHex(0x10, "00000001")),
		forcesMsgHex(0x11, 0, forcesTLVHex(0x10, "00000002")),
		forcesMsgHex(0x11, 0, forcesTLVHex(0x10, "00000003")),
		forcesMsgHex(0x11, 0, forcesTLVHex(0x10, "00000004")),
		forcesMsgHex(0x11, 0, forcesTLVHex(0x10, "00")),
		// Config: every operation it takes, and ones it does not.
		big,
		forcesMsgHex(3, 0xffffffff, forcesLFBHex(forcesTLVHex(7, path(0, "", 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(0x8001, path(0, "", 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, "0000"))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(0, "0000000000000000"))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, result(0), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(4, full, 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, forcesTLVHex(0x113, "0102"), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, forcesTLVHex(0x113, forcesILVHex(1, "01")+"00000001 00000040"), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, forcesTLVHex(0x113, forcesILVHex(1, "01")+"00000001 00000004"), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, forcesTLVHex(0x113, "00000001 0000000a 0102"), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, forcesTLVHex(0x113, "01020304"), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, path(0, full, 9), 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, full+"00010004", 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, full+"00010040", 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, "01230008 01020304", 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, "01120040 01020304", 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, "01120000 01020304", 1)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, hexCut(forcesPathHex(0, "", 1, 2), 6)))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, "", 1)+"00010040"))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, "", 1)+"0001000300000000"))),
		forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, path(0, "", 1)), "00010040")),
		forcesMsgHex(3, 0, forcesTLVHex(0x1000, "00000001 00000002 00010008")),
		forcesMsgHex(3, 0, forcesTLVHex(0x1000, "ffffffff 00000002 "+forcesTLVHex(5, path(0, "", 1)))),
		forcesMsgHex(3, 0, forcesTLVHex(0x1000, "00000002 00000002 "+forcesTLVHex(5, path(0, "", 1)))),
		forcesMsgHex(3, 0),
		forcesMsgHex(3, 0, forcesTLVHex(0x8000, "00000000")),
		forcesMsgHex(3, 0, forcesTLVHex(0x1000, "00000001")),
		forcesMsgHex(3, 0, "10000040 00000001"),
		// Query: keys, table ranges, appends.
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(7, path(1, "00000005 "+forcesTLVHex(0x55, "aabbccdd")+keyinfo, 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(7, path(1, "00000005 "+forcesTLVHex(0x55, "aabbccdd")+full, 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(7, path(1, "00000005 "+forcesTLVHex(0x55, "aabbccdd")+forcesTLVHex(0x111, "00000007 "+forcesTLVHex(0x113, "01020304")), 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(7, path(1, "00000005 "+forcesTLVHex(0x55, "aabbccdd")+forcesTLVHex(0x111, "00000007 "+forcesTLVLenHex(0x112, 0x80, "01020304")), 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(7, path(1, "00000005 00020000 00000000", 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(7, path(1, "00000005 00020040 00000000", 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(7, path(1, "00000005 0002", 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(8, path(2, "00000008 00000001 00000005", 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(8, path(2, "00000008 00000001 00000005 "+full, 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(8, path(2, "00000008", 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(8, path(3, "00000008 00000001 00000005", 1)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(8, path(4, full, 1, 2, 3)))),
		forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(8, hexCut(forcesPathHex(0, "", 1, 2, 3, 4), 12)))),
		// Query Response: results and data.
		forcesMsgHex(0x14, 0, forcesLFBHex(forcesTLVHex(9, path(0, result(0), 1)), forcesTLVHex(9, path(0, result(0x13), 1)), forcesTLVHex(10, path(0, result(0xff), 1)))),
		forcesMsgHex(0x14, 0, forcesLFBHex(forcesTLVHex(9, path(0, result(0x18), 1)))),
		forcesMsgHex(0x14, 0, forcesLFBHex(forcesTLVHex(9, path(0, forcesTLVHex(0x114, "0000"), 1)))),
		forcesMsgHex(0x14, 0, forcesLFBHex(forcesTLVHex(9, path(0, forcesTLVHex(0x114, "00000000 00"), 1)))),
		forcesMsgHex(0x14, 0, forcesLFBHex(forcesTLVHex(9, path(0, full, 1)), forcesTLVHex(10, path(0, sparse, 1)))),
		// Config Response, RCommit.
		forcesMsgHex(0x13, 0, forcesLFBHex(forcesTLVHex(3, path(0, result(1), 1)), forcesTLVHex(4, path(0, result(2), 1)), forcesTLVHex(6, path(0, result(3), 1)))),
		forcesMsgHex(0x13, 0, forcesLFBHex(forcesTLVHex(13, path(0, result(0), 1)))),
		forcesMsgHex(0x13, 0, forcesLFBHex(forcesTLVHex(13, forcesTLVHex(0x8000, forcesPathHex(0, "", 1))))),
		forcesMsgHex(0x13, 0, forcesLFBHex(forcesTLVHex(13, forcesTLVHex(0x0115, forcesPathHex(0, "", 1))))),
		forcesMsgHex(0x13, 0, forcesLFBHex(forcesTLVHex(13, forcesTLVLenHex(0x0110, 0x40, forcesPathHex(0, "", 1))))),
		forcesMsgHex(0x13, 0, forcesLFBHex(forcesTLVHex(1, path(0, "", 1)))),
		// Event Notification.
		forcesMsgHex(5, 0x80000000, forcesLFBHex(forcesTLVHex(11, path(0, sparse, 1)))),
		forcesMsgHex(5, 0, forcesLFBHex(forcesTLVHex(11, path(0, full, 1))), forcesLFBHex(forcesTLVHex(11, path(0, full, 1)))),
		// Packet Redirect.
		forcesMsgHex(6, 0, forcesTLVHex(1, forcesTLVHex(0x115, forcesILVHex(1, "0102")+forcesILVHex(0x22, "01020304050607"))+forcesTLVHex(0x116, strings.Repeat("45", 20)))),
		forcesMsgHex(6, 0, forcesTLVHex(1, forcesTLVHex(0x115, forcesILVHex(1, "0102")+"00000001 00000040")+forcesTLVHex(0x117, "01020304"))),
		forcesMsgHex(6, 0, forcesTLVHex(1, forcesTLVHex(0x116, "0102")+"00010040")),
		forcesMsgHex(6, 0, forcesTLVHex(1, forcesTLVHex(0x116, "0102")+"00010003")),
		forcesMsgHex(6, 0, forcesTLVHex(1, "01020304")),
		// HeartBeat, unknown and invalid types, bad lengths.
		forcesMsgHex(0x0f, 0x40000000),
		forcesMsgHex(0x0f, 0, "00000000 00000000"),
		forcesMsgHex(0x0f, 0, "00000000"),
		forcesMsgHex(0x12, 0),
		forcesMsgHex(0x07, 0),
		forcesMsgHex(0x00, 0),
		forcesMsgHex(0x15, 0),
		forcesMsgLenHex(3, 5, 0, "00000000"),
		forcesMsgLenHex(3, 40, 0, ""),
		"1003",
	}
	// Path data nested deep enough for tcpdump's indent to reach its
	// limit, and more top-level TLVs than a Config may have.
	nest := full
	for i := 0; i < 90; i++ {
		nest = forcesTLVHex(0x110, forcesPathHex(0, nest))
	}
	msgs = append(msgs, forcesMsgHex(3, 0, forcesLFBHex(forcesTLVHex(1, nest))))
	msgs = append(msgs, forcesMsgHex(3, 0, strings.Repeat(forcesLFBHex(forcesTLVHex(5, path(0, "", 1))), 16)))
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, crafted{forcesPktHex(m), 0})
	}
	// Source and destination IDs of every kind, and the PPID instead of
	// the port.
	for _, ids := range []string{"3fffffff 7fffffff", "c0000000 fffffffd", "fffffffe ffffffff", "80000000 fffffff0"} {
		m := "100f0006 " + ids + " 0102030405060708 00000000"
		pkts = append(pkts, crafted{forcesPktHex(m), 0})
	}
	pkts = append(pkts, crafted{craftIP4(132, sctpPkt(80, sctpChunk(0, 3, "0000002a 0001 0002 00000016 "+forcesMsgHex(1, 0)))), 0})
	pkts = append(pkts, crafted{craftIP4(132, sctpPkt(80, sctpChunk(0, 3, "0000002a 0001 0002 00000017 "+big))), 0})
	// A KEYINFO TLV too short for its key: tcpdump reads past the chunk,
	// into the next one or past the end of the capture.
	short := forcesMsgHex(4, 0, forcesLFBHex(forcesTLVHex(7, path(0, forcesTLVHex(0x111, ""), 1))))
	pkts = append(pkts, crafted{forcesPktHex(short), 0})
	pkts = append(pkts, crafted{craftIP4(132, sctpPkt(6704, sctpChunk(0, 3, "0000002a 0001 0002 00000000 "+short),
		sctpChunk(0, 3, "0000002b 0001 0002 00000000 "+forcesMsgHex(0x0f, 0)))), 0})
	// The SCTP chunk must be captured whole before ForCES is printed:
	// packets cut short end in SCTP.
	for _, drop := range []int{1, 30} {
		pkts = append(pkts, craftedCut(forcesPktHex(big), drop))
	}
	return pkts
}

func init() { addFuzzSeeds(forcesCrafted()) }

// TestForCESLikeTcpdump prints ForCES messages of every type with their
// top-level TLVs, LFB selectors, operations, path data (full, sparse,
// result, key info, table ranges), redirect and association TLVs, the
// malformed variants tcpdump complains about and messages cut short,
// under every flag set of faultFlagSets and -vvv -x, as tcpdump does.
func TestForCESLikeTcpdump(t *testing.T) {
	sets := append([]flagSet{
		{[]string{"-nn", "-vvv", "-x"}, Options{NumericLevel: 2, Verbose: 3, Hex: 1}},
		{[]string{"-nn", "-vvvv"}, Options{NumericLevel: 2, Verbose: 4}},
	}, faultFlagSets...)
	compareWithTcpdump(t, "forces", cbpf.LinkEN10MB, forcesCrafted(), sets)
}

// TestForCESCaptureLikeTcpdump prints the shared capture forces1.pcap
// (ForCES over SCTP, every message of an association) with -vvv, where
// tcpdump decodes the TLVs, and the other verbosities, as tcpdump does.
func TestForCESCaptureLikeTcpdump(t *testing.T) {
	pkts, err := readCapture(filepath.Join(sharedCorpus(t), "forces1.pcap"))
	if err != nil || len(pkts) == 0 {
		t.Fatalf("forces1.pcap: %d packets: %v", len(pkts), err)
	}
	var cs []crafted
	for _, c := range pkts {
		cs = append(cs, crafted{hex.EncodeToString(c.data), c.ci.Length})
	}
	sets := []flagSet{
		{[]string{"-nn", "-vvv"}, Options{NumericLevel: 2, Verbose: 3}},
		{[]string{"-nn", "-vvvv", "-x"}, Options{NumericLevel: 2, Verbose: 4, Hex: 1}},
		{[]string{"-nn", "-vv"}, Options{NumericLevel: 2, Verbose: 2}},
		{[]string{"-nn"}, Options{NumericLevel: 2}},
	}
	compareWithTcpdump(t, "forces1", pkts[0].linkType, cs, sets)
}
