package printer

import (
	"strings"
	"testing"
)

// Crafted packets of the small application protocols tcpdump chooses by
// port (timed, BEEP, SOME/IP, the LBL whiteboard, Zephyr, lwres) or by
// EtherType (MS NLB), compared with the local tcpdump.

// timedCases are the packets TestTimedLikeTcpdump prints.
func timedCases() []crafted {
	msg := func(typ, rest string) string { return typ + "01 0102 " + rest }
	name := hexStr("host.example", 20)
	pkts := []crafted{
		{craftedUDP4(525, 525, msg("18", "05000000 00000000")+name), 0},
		{craftedUDP4(525, 525, msg("05", words(100, 500000))+name), 0},
		{craftedUDP4(525, 525, msg("01", words(0xffffffff, 500000))+name), 0},
		{craftedUDP4(525, 525, msg("16", words(0xfffffffe, 250000))+name), 0},
		{craftedUDP4(525, 525, msg("17", words(0xfffffffe, 0))+name), 0},
		{craftedUDP4(525, 525, msg("05", words(1, 0x80000000))+name), 0},
		{craftedUDP4(525, 525, msg("02", words(0, 0))+name), 0},
		{craftedUDP4(525, 525, msg("00", words(0, 0))+hexStr("a\x01\xffz", 4)+"00"), 0},
		{craftedUDP4(525, 525, msg("19", words(0, 0))+name), 0},
		{craftedUDP4(525, 525, msg("ff", words(0, 0))+name), 0},
		{craftedUDP4(525, 525, msg("08", words(0, 0))+strings.Repeat("41", 300)), 0},
		{craftedUDP4(525, 525, msg("08", words(0, 0))+"4142"), 0},
		{craftedUDP4(525, 525, msg("05", "00000001")), 0},
		{craftedUDP4(525, 525, "0501"), 0},
		{craftedUDP4(525, 525, ""), 0},
		{craftedUDP4(1024, 525, msg("07", words(0, 0))+name), 0},
	}
	return pkts
}

// TestTimedLikeTcpdump prints TSP messages of each kind (loop, the time
// carrying ones with positive and negative times, the rest), an unknown
// type, and messages cut short.
func TestTimedLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "timed", timedCases())
}

// beepCases are the packets TestBEEPLikeTcpdump prints.
func beepCases() []crafted {
	var pkts []crafted
	for _, s := range []string{"MSG 0 1 . 0 10\r\n", "MSG\x00", "RPY 0 1 . 0 5\r\n", "ERR 1", "ANS 2",
		"NUL 3", "SEQ 1 2 3\r\n", "END\r\n", "END\x00", "HELLO", "RPY", "R\x00Y "} {
		pkts = append(pkts, crafted{tcpSegment(10288, 40000, hexStr(s, len(s))), 0})
	}
	pkts = append(pkts, crafted{tcpSegment(40000, 10288, hexStr("ANS ", 4)), 0},
		craftedCut(tcpSegment(40000, 10288, hexStr("ANS 1", 5)), 3))
	return pkts
}

// TestBEEPLikeTcpdump prints BEEP frames of each keyword (MSG and END
// match only with a NUL after them, as tcpdump compares), others, and
// segments too short to hold a keyword.
func TestBEEPLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "beep", beepCases())
}

// msnlbCases are the packets TestMSNLBLikeTcpdump prints.
func msnlbCases() []crafted {
	hb := "000000000002 000000000001 886f 01020304 05060708 2a000000 c0000201 0a000001 " + strings.Repeat("00", 20)
	pkts := []crafted{
		{hb, 0},
		craftedCut(hb, 20),
		craftedCut(hb, 22),
		craftedCut(hb, 26),
		craftedCut(hb, 30),
		craftedCut(hb, 38),
	}
	return pkts
}

// TestMSNLBLikeTcpdump prints MS NLB heartbeats, whole and cut short.
func TestMSNLBLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "msnlb", msnlbCases())
}

// someipCases are the packets TestSOMEIPLikeTcpdump prints.
func someipCases() []crafted {
	hdr := func(id uint32, mt, rc string) string {
		return words(id, 8, 0x00010002) + "01 02 " + mt + rc + "0000"
	}
	var pkts []crafted
	for _, mt := range []string{"00", "01", "02", "80", "81", "20", "21", "22", "a0", "a1", "03"} {
		pkts = append(pkts, crafted{craftedUDP4(30490, 30490, hdr(0x12340001, mt, "00")), 0})
	}
	for rc := 0; rc < 0x12; rc++ {
		pkts = append(pkts, crafted{craftedUDP4(40000, 30490, hdr(0xffff8001, "02", hexStr(string(rune(rc)), 1))), 0})
	}
	pkts = append(pkts,
		crafted{craftedUDP4(30490, 40000, words(1, 2, 3)+"0102"), 0},
		crafted{craftedUDP4(30490, 40000, ""), 0},
		craftedCut(craftedUDP4(30490, 40000, hdr(1, "00", "00")), 5),
		craftedCut(craftedUDP4(30490, 40000, hdr(1, "00", "00")), 8),
		craftedCut(craftedUDP4(30490, 40000, hdr(1, "00", "00")), 14),
	)
	return pkts
}

// TestSOMEIPLikeTcpdump prints SOME/IP headers of methods and events, of
// each message type and return code (and unknown ones), too short ones,
// and headers cut short.
func TestSOMEIPLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "someip", someipCases())
}

func zephyrNotice(version, kind, class, inst, opcode, sender, recipient string, extra ...string) string {
	fields := []string{version, "11", kind, "uid", "7f", "0", "0", "", class, inst, opcode, sender,
		recipient, "fmt", "abc", "0", "muid"}
	fields = append(fields, extra...)
	var b strings.Builder
	for _, f := range fields {
		b.WriteString(hexStr(f, len(f)+1))
	}
	return b.String()
}

// zephyrCases are the packets TestZephyrLikeTcpdump prints.
func zephyrCases() []crafted {
	v := "ZEPH0.2"
	n := func(kind, class, inst, opcode, sender, recipient string, extra ...string) crafted {
		return crafted{craftedUDP4(2104, 2103, zephyrNotice(v, kind, class, inst, opcode, sender, recipient, extra...)), 0}
	}
	pkts := []crafted{
		n("2", "MESSAGE", "personal", "PING", "alice@X", "bob@X"),
		n("1", "MESSAGE", "personal", "", "", ""),
		n("0x5", "MESSAGE", "personal", "", "alice", "", "SENT"),
		n("5", "MESSAGE", "personal", "", "alice", "", "LOST\x01"),
		n("5", "MESSAGE", "personal", "", "alice", ""),
		n("-1", "USER_LOCATE", "bob", "USER_HIDE", "", ""),
		n("8", "USER_LOCATE", "bob", "USER_UNHIDE", "", ""),
		n(" 7", "USER_LOCATE", "bob", "LOCATE", "", ""),
		n("9", "ZEPHYR_ADMIN", "x", "Hello\tWorld", "", ""),
		n("ffffffffffffffffff", "ZEPHYR_CTL", "CLIENT", "SUBSCRIBE", "", "", "c", "i", ""),
		n("3", "ZEPHYR_CTL", "CLIENT", "SUBSCRIBE_NODEFS", "", "", "c", "i", "r"),
		n("3", "ZEPHYR_CTL", "CLIENT", "UNSUBSCRIBE", "", "", "c", "i"),
		n("5", "ZEPHYR_CTL", "CLIENT", "UNSUBSCRIBE", "", "", "SENT", "c", "i", "r"),
		n("3", "ZEPHYR_CTL", "CLIENT", "GIMME", "", ""),
		n("3", "ZEPHYR_CTL", "CLIENT", "GIMMEDEFS", "", ""),
		n("3", "ZEPHYR_CTL", "CLIENT", "CLEARSUB", "", ""),
		n("3", "ZEPHYR_CTL", "CLIENT", "FLUSH", "", ""),
		n("3", "ZEPHYR_CTL", "HM", "BOOT", "", ""),
		n("3", "ZEPHYR_CTL", "REALM", "ADD_SUBSCRIBE", "", ""),
		n("3", "ZEPHYR_CTL", "REALM", "REQ_SUBSCRIBE", "", ""),
		n("3", "ZEPHYR_CTL", "REALM", "RLM_SUBSCRIBE", "", ""),
		n("3", "ZEPHYR_CTL", "REALM", "RLM_UNSUBSCRIBE", "", ""),
		n("3", "ZEPHYR_CTL", "REALM", "OTHER", "", ""),
		n("3", "ZEPHYR_CTL", "OTHER", "X", "", ""),
		n("4", "HM_CTL", "SERVER", "SHUTDOWN", "", ""),
		n("4", "HM_STAT", "HMST_CLIENT", "GIMMESTATS", "", ""),
		n("4", "HM_STAT", "HMST_CLIENT", "OTHER", "", ""),
		n("4", "WG_CTL", "Inst", "Op", "", ""),
		n("4", "LOGIN", "bob", "USER_FLUSH", "", ""),
		n("4", "LOGIN", "bob", "NET-ANNOUNCED", "", ""),
		n("4", "LOGIN", "bob", "OTHER", "", ""),
		n("4", "MESSAGE", strings.Repeat("i", 200), "op", "", strings.Repeat("r", 100)),
		n("4", "ZEPHYR_ADMIN", "x", strings.Repeat("O", 300), "", ""),
		{craftedUDP4(2103, 2104, zephyrNotice("ZEPH0.3", "2", "MESSAGE", "i", "o", "s", "r")), 0},
		{craftedUDP4(2103, 2104, zephyrNotice("ZEPH\x01x", "2", "MESSAGE", "i", "o", "s", "r")), 0},
		{craftedUDP4(2103, 2104, zephyrNotice("ZEP", "2", "MESSAGE", "i", "o", "s", "r")), 0},
		{craftedUDP4(2103, 2104, zephyrNotice("XEPH0.2", "2", "MESSAGE", "i", "o", "s", "r")), 0},
		{craftedUDP4(2103, 2104, hexStr("ZEPH0.2", 8)+hexStr("1", 2)), 0},
		{craftedUDP4(2103, 2104, hexStr("ZEPH0.2", 7)), 0},
		{craftedUDP4(2103, 2104, ""), 0},
		craftedCut(craftedUDP4(2103, 2104, zephyrNotice(v, "2", "MESSAGE", "i", "o", "s", "r")), 10),
		craftedCut(craftedUDP4(2103, 2104, zephyrNotice(v, "2", "MESSAGE", "i", "o", "s", "r")), 60),
		{craftedUDP4(2103, 40000, zephyrNotice(v, "2", "MESSAGE", "i", "o", "s", "r")), 0},
	}
	return pkts
}

// TestZephyrLikeTcpdump prints Zephyr notices of each class tcpdump
// summarises, other versions and kinds, notices missing fields, and
// notices cut short.
func TestZephyrLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "zephyr", zephyrCases())
}

// lwresPkt is a lightweight resolver packet of the version, flags and
// opcode with the body; its length field is its length plus lenAdj.
func lwresPkt(version, flags uint16, op uint32, body string, lenAdj int) string {
	n := 28 + len(strings.ReplaceAll(body, " ", ""))/2
	return words(uint32(n+lenAdj)) + hexStr(string([]byte{byte(version >> 8), byte(version), byte(flags >> 8), byte(flags)}), 4) +
		words(0x1234, op, 5, 1024) + "0001 0000" + body
}

// lwresCases are the packets TestLWRESLikeTcpdump prints.
func lwresCases() []crafted {
	name := func(s string) string { return hexStr(s, len(s)+1) }
	nameLen := func(s string) string { return hexStr(string([]byte{0, byte(len(s))}), 2) + name(s) }
	addr4 := words(1) + "0004" + "c0000201"
	addr6 := words(2) + "0010" + "20010db8000000000000000000000001"
	addrX := words(9) + "0003" + "010203"
	pkts := []crafted{
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0, "0000", 0)), 0},
		{craftedUDP4(921, 40000, lwresPkt(0, 1, 0, "0000", 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10001, words(1, 3)+"0007"+name("example"), 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10001, words(1, 1)+"0003"+name("abc")+"00", 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10001, words(1, 0x12)+"0003"+"6162637a", 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10001, words(1, 0)+"0003"+name("a\x01c"), 5)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10002, words(1)+addr4, 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10002, words(1)+addr6, 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10002, words(1)+addrX, 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10002, words(1)+words(1)+"0002"+"c000", 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10002, words(1)+words(2)+"0004"+"c0000201", 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10003, words(1)+"0001 000f 0003"+name("org"), 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10003, words(1)+"0003 1234 0003"+name("org"), 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10003, words(1)+"0099 0001 0003"+name("org"), 0)), 0},
		{craftedUDP4(40000, 921, lwresPkt(0, 0, 0x20000, words(1, 2), 0)), 0},
		{craftedUDP4(921, 40000, lwresPkt(0, 1, 0x10001, words(0)+"0002 0002 0004"+name("host")+nameLen("a1")+nameLen("a2")+addr4+addr6, 0)), 0},
		{craftedUDP4(921, 40000, lwresPkt(0, 1, 0x10001, words(0)+"0000 0002 0004"+name("host")+addrX+words(1)+"0002"+"0102", 0)), 0},
		{craftedUDP4(921, 40000, lwresPkt(0, 3, 0x10002, words(0)+"0001 0004"+name("host")+nameLen("alias"), -3)), 0},
		{craftedUDP4(921, 40000, lwresPkt(0, 1, 0x10003, words(0)+"0001 0001"+words(3725)+"0002 0001"+nameLen("n")+"0002abcd 0001ff 0000", 0)), 0},
		{craftedUDP4(921, 40000, lwresPkt(0, 1, 0x10003, words(0)+"00ff 0010"+words(0)+"0000 0000"+nameLen(""), 0)), 0},
		{craftedUDP4(921, 40000, lwresPkt(0, 1, 0x30000, "", 0)), 0},
		{craftedUDP4(921, 40000, lwresPkt(1, 1, 0, "", 0)), 0},
		{craftedUDP4(921, 40000, lwresPkt(7, 1, 0, "01020304", 100)), 0},
		{craftedUDP4(921, 40000, words(1, 2, 3, 4, 5, 6)), 0},
		craftedCut(craftedUDP4(921, 40000, lwresPkt(0, 1, 0x10001, words(0)+"0002 0002 0004"+name("host")+nameLen("a1")+nameLen("a2")+addr4+addr6, 0)), 10),
		craftedCut(craftedUDP4(921, 40000, lwresPkt(0, 1, 0x10001, words(0)+"0002 0002 0004"+name("host")+nameLen("a1")+nameLen("a2")+addr4+addr6, 0)), 40),
		craftedCut(craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10001, words(1, 3)+"0007"+name("example"), 0)), 4),
		craftedCut(craftedUDP4(40000, 921, lwresPkt(0, 0, 0x10002, words(1)+addr6, 0)), 4),
	}
	return pkts
}

// TestLWRESLikeTcpdump prints lightweight resolver queries and responses
// of each opcode, addresses of each family, names without their NUL,
// lengths that disagree, other versions, and packets cut short.
func TestLWRESLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "lwres", lwresCases())
}

func init() {
	craftedSeeds = append(craftedSeeds, timedCases()...)
	craftedSeeds = append(craftedSeeds, beepCases()...)
	craftedSeeds = append(craftedSeeds, msnlbCases()...)
	craftedSeeds = append(craftedSeeds, someipCases()...)
	craftedSeeds = append(craftedSeeds, zephyrCases()...)
	craftedSeeds = append(craftedSeeds, lwresCases()...)
}
