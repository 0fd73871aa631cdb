package printer

import (
	"encoding/hex"
	"strings"
	"testing"
)

// ber is a BER element of the tag (one octet, in hex) around the
// contents given in hex, with a short-form length (or the long form when
// the contents need it).
func ber(tag string, contents ...string) string {
	c := strings.ReplaceAll(strings.Join(contents, ""), " ", "")
	n := len(c) / 2
	var l string
	switch {
	case n < 0x80:
		l = hex.EncodeToString([]byte{byte(n)})
	case n < 0x100:
		l = hex.EncodeToString([]byte{0x81, byte(n)})
	default:
		l = hex.EncodeToString([]byte{0x82, byte(n >> 8), byte(n)})
	}
	return tag + l + c
}

// berInt is a BER INTEGER of the contents in hex.
func berInt(v string) string { return ber("02", v) }

// berStr is a BER OCTET STRING holding s.
func berStr(s string) string { return ber("04", hex.EncodeToString([]byte(s))) }

// berNull is a BER NULL.
const berNull = "0500"

// snmpOIDs are OIDs in BER: the Internet MIB's sysDescr.0 and ifInOctets.2,
// an enterprise's, an experimental one, an SNMP module's, one outside
// every abbreviated prefix, one of the joint-iso arc with a large first
// arc, one with a sub-identifier of several octets and one ending in the
// middle of a sub-identifier.
var snmpOIDs = []string{
	ber("06", "2b06010201010100"),
	ber("06", "2b06010201020201 0a02"),
	ber("06", "2b0601040109 0102 03"),
	ber("06", "2b060103 11"),
	ber("06", "2b060106030f 0101 0400"),
	ber("06", "2b060105 0501"),
	ber("06", "8837 01"),
	ber("06", "2b06018f7f 8180 00"),
	ber("06", "2b0601 82"),
	ber("06", "2b"),
	ber("06", ""),
	ber("06", "2b06010201"),
	ber("06", "2b06010201 0b 0f00"),
	ber("06", "2b 8fffffff7f ffffffffff7f 8180808000"),
	ber("06", "ffffffff7f 01"),
}

// snmpMsg is an SNMP message of the version (hex INTEGER contents) and
// community around the PDU.
func snmpMsg(version, community, pdu string) string {
	return ber("30", berInt(version), berStr(community), pdu)
}

// snmpPDU is a PDU of the tag with the request id, error status and index
// and the variable bindings.
func snmpPDU(tag, status, index string, vbs ...string) string {
	return ber(tag, berInt("01"), berInt(status), berInt(index), ber("30", vbs...))
}

// vb is a variable binding of the OID and the value.
func vb(oid, val string) string { return ber("30", oid, val) }

// snmpPkt is the message in a UDP datagram to port 161.
func snmpPkt(msg string) crafted { return crafted{craftedUDP4(1024, 161, msg), 0} }

// snmpCases are SNMP messages of every version and PDU type, every kind
// of value and every complaint tcpdump's decoder prints, and messages cut
// short.
var snmpCases = func() []crafted {
	sysDescr := snmpOIDs[0]
	var values = []string{
		berStr("Linux box"), berStr("a\x01b"), berStr(""), berInt("2a"), berInt("ff38"),
		berInt("0102030405"), ber("41", "ffffffff"), ber("42", "00"), ber("43", "0a0b0c"),
		ber("40", "c0000201"), ber("40", "c00002"), ber("46", "0102030405060708"), ber("44", "0102"),
		ber("45", "01"), berNull, ber("80", ""), ber("81", ""), ber("82", ""), ber("83", ""),
		ber("01", "ff"), ber("03", "00"), ber("c0", "01"), ber("60", "00"), ber("31", "00"),
		ber("a5", ""), ber("10", ""), ber("e0", "00"),
	}
	var vbs []string
	for _, v := range values {
		vbs = append(vbs, vb(sysDescr, v))
	}
	var oidVBs []string
	for _, o := range snmpOIDs {
		oidVBs = append(oidVBs, vb(o, berNull))
	}
	trap := func(generic, specific string) string {
		return ber("a4", snmpOIDs[2], ber("40", "0a000001"), berInt(generic), berInt(specific),
			ber("43", "0100"), ber("30", vb(sysDescr, berStr("x"))))
	}
	v3 := func(flags, model, usm, scoped string) string {
		return ber("30", berInt("03"), ber("30", berInt("01"), berInt("0400"), ber("04", flags), berInt(model)),
			ber("04", usm), scoped)
	}
	usm := ber("30", ber("04", "8000000001"), berInt("05"), berInt("0102"), berStr("alice"), berStr(""), berStr(""))
	scoped := ber("30", ber("04", "80000000"), berStr("ctx"), snmpPDU("a0", "00", "00", vb(sysDescr, berNull)))
	pkts := []crafted{
		snmpPkt(snmpMsg("00", "public", snmpPDU("a0", "00", "00", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("00", "private", snmpPDU("a1", "00", "00", oidVBs...))),
		snmpPkt(snmpMsg("00", "public", snmpPDU("a2", "00", "00", vbs...))),
		snmpPkt(snmpMsg("01", "pub\x7flic", snmpPDU("a2", "01", "02", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a2", "63", "00", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a2", "ff", "03", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a2", "00", "03", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a2", "00", "00"))),
		snmpPkt(snmpMsg("00", "public", snmpPDU("a3", "00", "00", vb(sysDescr, berInt("05"))))),
		snmpPkt(snmpMsg("00", "public", snmpPDU("a3", "05", "01", vb(sysDescr, berInt("05"))))),
		snmpPkt(snmpMsg("00", "public", snmpPDU("a0", "00", "00", vb(sysDescr, berInt("05"))))),
		snmpPkt(snmpMsg("00", "public", snmpPDU("a1", "00", "00", vb(sysDescr, berStr("x")), vb(sysDescr, ber("41", "01"))))),
		snmpPkt(snmpMsg("00", "public", trap("06", "05"))),
		snmpPkt(snmpMsg("00", "public", trap("02", "03"))),
		snmpPkt(snmpMsg("00", "public", trap("02", "00"))),
		snmpPkt(snmpMsg("00", "public", trap("09", "00"))),
		snmpPkt(snmpMsg("00", "public", trap("ff", "00"))),
		snmpPkt(snmpMsg("00", "public", ber("a4", berInt("01")))),
		snmpPkt(snmpMsg("00", "public", ber("a4", snmpOIDs[2], berInt("01")))),
		snmpPkt(snmpMsg("00", "public", ber("a4", snmpOIDs[2], ber("40", "0a000001"), berStr("x")))),
		snmpPkt(snmpMsg("00", "public", ber("a4", snmpOIDs[2], ber("40", "0a000001"), berInt("06"), berNull))),
		snmpPkt(snmpMsg("00", "public", ber("a4", snmpOIDs[2], ber("40", "0a000001"), berInt("06"), berInt("01"), berInt("01")))),
		snmpPkt(snmpMsg("00", "public", snmpPDU("a5", "00", "0a", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a5", "02", "0a", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a6", "00", "00", vb(sysDescr, ber("43", "05"))))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a7", "00", "00", vb(sysDescr, ber("43", "05"))))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a8", "00", "00", vb(sysDescr, ber("41", "05"))))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a8", "01", "01", vb(sysDescr, ber("41", "05"))))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a6", "00", "02", vb(sysDescr, ber("43", "05"))))),
		snmpPkt(snmpMsg("01", "public", snmpPDU("a0", "00", "00", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("01", "public", trap("06", "05"))),
		snmpPkt(snmpMsg("00", "public", snmpPDU("a6", "00", "00", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("00", "public", snmpPDU("a7", "00", "00", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("00", "public", snmpPDU("a8", "00", "00", vb(sysDescr, berNull)))),
		snmpPkt(snmpMsg("02", "public", snmpPDU("a0", "00", "00"))),
		snmpPkt(snmpMsg("05", "public", snmpPDU("a0", "00", "00"))),
		snmpPkt(snmpMsg("ff", "public", snmpPDU("a0", "00", "00"))),
		// Malformed fields.
		snmpPkt(berInt("01")),
		snmpPkt(ber("30", berStr("x"))),
		snmpPkt(ber("30", berInt("00"), berInt("01"))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), berInt("01"))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), ber("a0", berStr("x")))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), ber("a0", berInt("01"), berStr("x")))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), ber("a0", berInt("01"), berInt("00"), berStr("x")))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), ber("a0", berInt("01"), berInt("00"), berInt("00"), berInt("00")))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), ber("a2", berInt("01"), berInt("00"), berInt("00"), ber("30", berInt("00"))))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), ber("a2", berInt("01"), berInt("00"), berInt("00"), ber("30", ber("30", berInt("00")))))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), ber("a2", berInt("01"), berInt("00"), berInt("00"), ber("30", ber("30", sysDescr))))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), ber("a2", berInt("01"), berInt("00"), berInt("00"), ber("30", ber("30", sysDescr, berNull)), "00"))),
		snmpPkt(ber("30", berInt("00"), berStr("public"), snmpPDU("a0", "00", "00"), "0500")),
		snmpPkt(ber("30", berInt("00"), berStr("public"), snmpPDU("a0", "00", "00")) + "0500"),
		snmpPkt(ber("30", berInt(""))),
		snmpPkt(""),
		snmpPkt("30"),
		snmpPkt("3005"),
		snmpPkt("3083000003" + berInt("00")),
		snmpPkt("3081"),
		snmpPkt("308105" + berInt("00") + berInt("00")),
		snmpPkt("3f"),
		snmpPkt("3f81"),
		snmpPkt("3f8101"),
		snmpPkt("3f10 00"),
		snmpPkt("3f0300"),
		snmpPkt("47 00"),
		snmpPkt("9f8104 00"),
		snmpPkt("30 80"),
		snmpPkt(ber("30", "1f8181 00")),
		// SNMPv3.
		snmpPkt(v3("00", "03", usm, scoped)),
		snmpPkt(v3("01", "03", usm, scoped)),
		snmpPkt(v3("03", "03", usm, ber("04", "0102030405"))),
		snmpPkt(v3("04", "03", usm, scoped)),
		snmpPkt(v3("05", "03", usm, scoped)),
		snmpPkt(v3("07", "03", usm, scoped)),
		snmpPkt(v3("02", "03", usm, scoped)),
		snmpPkt(v3("0101", "03", usm, scoped)),
		snmpPkt(v3("00", "01", usm, scoped)),
		snmpPkt(v3("00", "03", usm+"0500", scoped)),
		snmpPkt(v3("00", "03", ber("30", ber("04", "80"), berInt("05"), berInt("0102"), berStr("bob\x02"), berStr(""), berStr("")), scoped)),
		snmpPkt(v3("00", "03", berInt("01"), scoped)),
		snmpPkt(v3("00", "03", ber("30", berInt("01")), scoped)),
		snmpPkt(v3("00", "03", ber("30", ber("04", "80"), berStr("")), scoped)),
		snmpPkt(v3("00", "03", ber("30", ber("04", "80"), berInt("05"), berStr("")), scoped)),
		snmpPkt(v3("00", "03", ber("30", ber("04", "80"), berInt("05"), berInt("05"), berInt("00")), scoped)),
		snmpPkt(v3("00", "03", ber("30", ber("04", "80"), berInt("05"), berInt("05"), berStr(""), berInt("00")), scoped)),
		snmpPkt(v3("00", "03", ber("30", ber("04", "80"), berInt("05"), berInt("05"), berStr(""), berStr(""), berInt("00")), scoped)),
		snmpPkt(v3("00", "03", usm, ber("30", berInt("00")))),
		snmpPkt(v3("00", "03", usm, ber("30", ber("04", "80"), berInt("00")))),
		snmpPkt(v3("00", "03", usm, ber("30", ber("04", "80"), berStr("c\x00"), snmpPDU("a4", "00", "00")))),
		snmpPkt(ber("30", berInt("03"), berInt("00"))),
		snmpPkt(ber("30", berInt("03"), ber("30", berStr("")))),
		snmpPkt(ber("30", berInt("03"), ber("30", berInt("01"), berStr("")))),
		snmpPkt(ber("30", berInt("03"), ber("30", berInt("01"), berInt("01"), berInt("00")))),
		snmpPkt(ber("30", berInt("03"), ber("30", berInt("01"), berInt("01"), ber("04", "00"), berStr("")))),
		snmpPkt(ber("30", berInt("03"), ber("30", berInt("01"), berInt("01"), ber("04", "00"), berInt("03"), berNull))),
		snmpPkt(ber("30", berInt("03"), ber("30", berInt("01"), berInt("01"), ber("04", "00"), berInt("03")), berInt("00"))),
		// To the trap port, and from port 161.
		{craftedUDP4(1024, 162, snmpMsg("01", "public", snmpPDU("a7", "00", "00", vb(sysDescr, ber("43", "05"))))), 0},
		{craftedUDP4(161, 1024, snmpMsg("01", "public", snmpPDU("a2", "00", "00", vb(sysDescr, ber("43", "05"))))), 0},
	}
	// The same messages cut short at several places.
	long := craftedUDP4(1024, 161, snmpMsg("00", "private", snmpPDU("a2", "00", "00", vbs...)))
	for _, drop := range []int{1, 5, 40, 200, 230, 260, 275, 285, 290, 296} {
		pkts = append(pkts, craftedCut(long, drop))
	}
	long3 := craftedUDP4(1024, 161, v3("00", "03", usm, scoped))
	for _, drop := range []int{1, 10, 20, 30, 45, 60, 70} {
		pkts = append(pkts, craftedCut(long3, drop))
	}
	return pkts
}()

// TestSNMPLikeTcpdump prints SNMPv1, v2c and v3 messages of every PDU
// type, every value type and every malformed field tcpdump's decoder
// names, and messages cut short, as tcpdump does.
func TestSNMPLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "snmp", snmpCases)
}

func init() { craftedSeeds = append(craftedSeeds, snmpCases...) }
