package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// snmpBranchCases are SNMP messages reaching what snmp_test.go leaves
// out: long tags running out of bytes (in the continuation octets and
// after them), a SEQUENCE as a variable's value, a v1 message and a
// scoped PDU whose PDU is missing or unparsable, and SNMPv3 header and
// USM sequences with elements past their last field.
func snmpBranchCases() []crafted {
	sysDescr := ber("06", "2b06010201010100")
	v3 := func(hdr, usm, scoped string) string {
		return ber("30", berInt("03"), ber("30", hdr), ber("04", usm), scoped)
	}
	hdr := berInt("01") + berInt("0400") + ber("04", "00") + berInt("03")
	usm := ber("30", ber("04", "8000000001"), berInt("05"), berInt("0102"), berStr("alice"), berStr(""), berStr(""))
	scoped := ber("30", ber("04", "80000000"), berStr("ctx"), snmpPDU("a0", "00", "00", vb(sysDescr, berNull)))
	msgs := []string{
		snmpMsg("00", "public", snmpPDU("a2", "00", "00", vb(sysDescr, "1f81"))),
		snmpMsg("00", "public", snmpPDU("a2", "00", "00", vb(sysDescr, "1f"))),
		snmpMsg("00", "public", snmpPDU("a2", "00", "00", vb(sysDescr, "1f81"), "8181")),
		snmpMsg("00", "public", snmpPDU("a2", "00", "00", vb(sysDescr, "3f8101 00"))),
		snmpMsg("00", "public", snmpPDU("a2", "00", "00", vb(sysDescr, ber("30", berInt("05"), berNull)))),
		snmpMsg("00", "public", snmpPDU("a2", "00", "00", vb(sysDescr, ber("30")))),
		snmpMsg("00", "public", ""),
		snmpMsg("01", "public", "1f"),
		v3(hdr+berInt("07")+berInt("0809"), usm, scoped),
		v3(hdr+berInt("07"), usm, scoped),
		v3(hdr, ber("30", ber("04", "80"), berInt("05"), berInt("0102"), berStr("bob"), berStr(""), berStr(""), berStr("xyz"), berInt("01")), scoped),
		v3(hdr, ber("30", ber("04", "80"), berInt("05"), berInt("0102"), berStr("bob"), berStr("")), scoped),
		v3(hdr, ber("30", ber("04", "80"), berInt("05"), berInt("0102"), berStr("bob"), berStr(""), "1f"), scoped),
		v3(hdr, usm, ber("30", ber("04", "80000000"), berStr("ctx"))),
		v3(hdr, usm, ber("30", ber("04", "80000000"), berStr("ctx"), "1f")),
	}
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, snmpPkt(m))
	}
	return pkts
}

func init() { addFuzzSeeds(snmpBranchCases()) }

// TestSNMPBranchesLikeTcpdump prints snmpBranchCases as tcpdump does.
func TestSNMPBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "snmpbranches", snmpBranchCases())
}

// snmpOIDHex is the OID 1.3 followed by the arcs, in BER.
func snmpOIDHex(arcs ...int) string {
	b := []byte{0x2b}
	for _, a := range arcs {
		if a >= 128 {
			b = append(b, byte(0x80|a>>7))
		}
		b = append(b, byte(a&0x7f))
	}
	return ber("06", fmt.Sprintf("%x", b))
}

// TestSNMPNameTablesLikeTcpdump prints OIDs under every abbreviated
// prefix (mib-2 two levels deep, enterprises, experimental, SNMP
// modules) and outside them, each error status, and values of each
// application and context tag, as tcpdump does: the compiled-in MIB and
// the name tables of snmp.go are compared entry by entry.
func TestSNMPNameTablesLikeTcpdump(t *testing.T) {
	var vbs []string
	for x := 0; x < 80; x++ {
		for y := 0; y < 40; y++ {
			vbs = append(vbs, vb(snmpOIDHex(6, 1, 2, 1, x, y, 1), berNull))
		}
		vbs = append(vbs, vb(snmpOIDHex(6, 1, 4, 1, x*5, 1), berNull), vb(snmpOIDHex(6, 1, 3, x, 1), berNull),
			vb(snmpOIDHex(6, 1, 6, 3, x, 1, 1), berNull), vb(snmpOIDHex(6, 1, x), berNull), vb(snmpOIDHex(6, x), berNull))
	}
	for x := 0; x < 300; x++ {
		vbs = append(vbs, vb(snmpOIDHex(6, 1, 4, 1, x), berNull))
	}
	var pkts []crafted
	for _, g := range groupsOf(vbs, 60) {
		pkts = append(pkts, snmpPkt(snmpMsg("00", "public", snmpPDU("a2", "00", "00", g...))))
	}
	for st := 0; st < 25; st++ {
		pkts = append(pkts, snmpPkt(snmpMsg("01", "public", snmpPDU("a2", fmt.Sprintf("%02x", st), "01", vb(snmpOIDHex(6, 1), berNull)))))
	}
	for _, tag := range []string{"80", "81", "82", "83", "40", "41", "42", "43", "44", "45", "46", "47", "48", "01", "03", "09", "0a", "13", "16"} {
		pkts = append(pkts, snmpPkt(snmpMsg("01", "public", snmpPDU("a2", "00", "00", vb(snmpOIDHex(6, 1), ber(tag, "0102"))))))
	}
	compareWithTcpdump(t, "snmptables", cbpf.LinkEN10MB, pkts, craftedFlagSets[:3])
}
