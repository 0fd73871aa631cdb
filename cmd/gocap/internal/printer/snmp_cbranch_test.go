package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// snmpCBranchCases are SNMP messages whose elements fail to parse at
// each field tcpdump reads one by one: a variable's name, a PDU's error
// status and index, each field of a Trap PDU, each field of the SNMPv3
// header, USM parameters and scoped PDU (a lone 0x1f is a long-form tag
// with no tag octets after it).
func snmpCBranchCases() []crafted {
	const bad = "1f"
	sysDescr := ber("06", "2b06010201010100")
	ent := ber("06", "2b0601040109")
	addr := ber("40", "0a000001")
	msgs := []string{
		snmpMsg("00", "public", snmpPDU("a0", "00", "00", ber("30", bad))),
		snmpMsg("00", "public", snmpPDU("a0", "00", "00", vb(bad, berNull))),
		snmpMsg("01", "private", snmpPDU("a3", "00", "00", ber("30", sysDescr, bad))),
		snmpMsg("00", "public", ber("a2", berInt("07"), bad)),
		snmpMsg("00", "public", ber("a2", berInt("07"), berInt("00"), bad)),
		snmpMsg("00", "public", ber("a4", bad)),
		snmpMsg("00", "public", ber("a4", ent, bad)),
		snmpMsg("00", "public", ber("a4", ent, addr, bad)),
		snmpMsg("00", "public", ber("a4", ent, addr, berInt("06"), bad)),
		snmpMsg("00", "public", ber("a4", ent, addr, berInt("06"), berInt("09"), bad)),
		snmpMsg("00", "public", ber("a4", ent, addr, berInt("06"), berInt("09"), ber("43", "0100"), bad)),
		snmpMsg("02", "public", snmpPDU("a0", "00", "00")),
		snmpMsg("7f", "public", snmpPDU("a0", "00", "00")),
	}
	v3 := func(hdr, usm, scoped string) string {
		return ber("30", berInt("03"), ber("30", hdr), ber("04", usm), scoped)
	}
	hdr := []string{berInt("01"), berInt("0400"), ber("04", "04"), berInt("03")}
	for i := 0; i <= len(hdr); i++ {
		h := ""
		for _, f := range hdr[:i] {
			h += f
		}
		if i < len(hdr) {
			h += bad
		}
		msgs = append(msgs, v3(h, ber("30", ber("04", "80"), berInt("01"), berInt("02"), berStr("u"), berStr(""), berStr("")), ber("30", ber("04", "80"), berStr("c"), snmpPDU("a0", "00", "00"))))
	}
	h := hdr[0] + hdr[1] + hdr[2] + hdr[3]
	usm := []string{ber("04", "8000000001"), berInt("05"), berInt("0102"), berStr("alice"), berStr(""), berStr("")}
	for i := 0; i < len(usm); i++ {
		u := ""
		for _, f := range usm[:i] {
			u += f
		}
		msgs = append(msgs, v3(h, ber("30", u+bad), ber("30", ber("04", "80"), berStr("c"), snmpPDU("a0", "00", "00"))))
	}
	sc := []string{ber("04", "80000000"), berStr("ctx")}
	for i := 0; i < len(sc); i++ {
		s := ""
		for _, f := range sc[:i] {
			s += f
		}
		msgs = append(msgs, v3(h, ber("30", usm...), ber("30", s+bad)))
	}
	msgs = append(msgs, v3(h, ber("30", usm...), ber("30", "04 02 80", berStr("ctx"))))
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, snmpPkt(m))
	}
	return pkts
}

func init() { addFuzzSeeds(snmpCBranchCases()) }

// TestSNMPCBranchesLikeTcpdump prints snmpCBranchCases as tcpdump does,
// and OIDs named from the compiled-in MIB without -n.
func TestSNMPCBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "snmpcbranches", snmpCBranchCases())
	var pkts []crafted
	for _, oid := range snmpOIDs {
		pkts = append(pkts, snmpPkt(snmpMsg("00", "public", snmpPDU("a1", "00", "00", vb(oid, berNull)))))
	}
	compareWithTcpdump(t, "snmpmibnames", cbpf.LinkEN10MB, pkts,
		[]flagSet{{[]string{}, Options{}}, {[]string{"-v"}, Options{Verbose: 1}}})
}
