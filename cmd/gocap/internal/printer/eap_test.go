package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// eapolFrame is an Ethernet frame of type 0x888e holding an 802.1X frame
// of version 1 (or 2 for a key), the type and body, its length right.
func eapolFrame(typ byte, body string) string {
	return fmt.Sprintf("0180c2000003 000000000001 888e %02x%02x %04x ", 1+typ/3, typ, hexLen(body)) + body
}

// eapPkt is an EAP packet of the code and id with the body after the
// header, its length right.
func eapPkt(code, id byte, body string) string {
	return fmt.Sprintf("%02x%02x %04x ", code, id, 4+hexLen(body)) + body
}

func eapCrafted() []crafted {
	bodies := []string{
		eapPkt(1, 1, "01"),
		eapPkt(2, 1, "01 75736572406578616d706c652e636f6d"),
		eapPkt(2, 1, "01 7573657200796f75"),
		eapPkt(1, 2, "02 50617373776f7264"),
		eapPkt(1, 2, "02"),
		eapPkt(2, 3, "03 0d 15 19 2b"),
		eapPkt(2, 3, "03"),
		eapPkt(1, 4, "04 10 00112233445566778899aabbccddeeff"),
		eapPkt(1, 5, "05 6f7470"),
		eapPkt(1, 6, "06"),
		eapPkt(1, 7, "0d 20"),
		eapPkt(2, 7, "0d c0 00001000 16030100"),
		eapPkt(2, 7, "0d 80 0000"),
		eapPkt(2, 7, "0d 00"),
		eapPkt(2, 7, "0d"),
		eapPkt(1, 8, "15 21"),
		eapPkt(1, 8, "15 a0 00000020"),
		eapPkt(1, 8, "15"),
		eapPkt(1, 9, "19 01"),
		eapPkt(1, 9, "19 80"),
		eapPkt(1, 10, "2b 21"),
		eapPkt(1, 10, "2b 81 00000004"),
		eapPkt(1, 10, "2b a1 00"),
		eapPkt(1, 10, "2b"),
		eapPkt(1, 11, "12 0a 0000 0f02 0000"),
		eapPkt(2, 11, "17 01 0000"),
		eapPkt(2, 11, "17 03 0000"),
		eapPkt(1, 11, "12"),
		eapPkt(1, 12, "fe 000000 00000001"),
		eapPkt(1, 12, "ff 01"),
		eapPkt(1, 12, "63 01"),
		eapPkt(3, 13, ""),
		eapPkt(4, 13, ""),
		eapPkt(9, 13, "0102"),
		eapPkt(1, 13, ""),
		"01 0e 0003 01",
		"01 0e 0000",
	}
	var pkts []crafted
	for _, b := range bodies {
		pkts = append(pkts, crafted{eapolFrame(0, b), 0})
	}
	pkts = append(pkts,
		crafted{eapolFrame(1, ""), 0},
		crafted{eapolFrame(2, ""), 0},
		crafted{eapolFrame(3, "02 0088 0010 0000000000000001 "+fmt.Sprintf("%0192x", 0)), 0},
		crafted{eapolFrame(4, "0102"), 0},
		crafted{eapolFrame(7, ""), 0},
		crafted{"0180c2000003 000000000001 888e 0100 0000", 0},                               // length 0
		crafted{"0180c2000003 000000000001 888e 0100 0009 0101000901", 0},                    // longer than the frame
		crafted{"0180c2000003 000000000001 888e 0100 0005 01010006 01", 0},                   // EAP fragment
		crafted{"0180c2000003 000000000001 888e 0100", 0},                                    // header cut
		crafted{"0180c2000003 000000000001 888e 0100 0008 0101", 0},                          // EAP header cut
		crafted{"0180c2000003 000000000001 0012 aaaa03 000000 888e 0100 0005 0201000501", 0}, // LLC/SNAP
		craftedCut(eapolFrame(0, eapPkt(2, 1, "01 75736572")), 2),
		craftedCut(eapolFrame(0, eapPkt(2, 7, "0d c0 00001000")), 3),
	)
	return pkts
}

func init() { addFuzzSeeds(eapCrafted()) }

// TestEAPLikeTcpdump prints 802.1X frames of each type, and the EAP
// packets they carry of each code and of each method tcpdump decodes
// (Identity, Notification, Nak, the TLS, TTLS and FAST flags and
// lengths, the SIM and AKA subtypes), too short for their method, cut
// short or of a wrong length, as tcpdump does.
func TestEAPLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "eap", cbpf.LinkEN10MB, eapCrafted(), faultFlagSets)
}

// radiusEAP is a RADIUS Access-Request to port 1812 with the attributes.
func radiusEAP(attrs string) string {
	return craftedUDP4(40000, 1812, fmt.Sprintf("01 07 %04x ", 20+hexLen(attrs))+fmt.Sprintf("%032x ", 1)+attrs)
}

func radiusEAPCrafted() []crafted {
	attr := func(body string) string { return fmt.Sprintf("4f %02x ", 2+hexLen(body)) + body + " " }
	pkts := []crafted{
		{radiusEAP(attr(eapPkt(2, 1, "01 75736572")) + "0106 75736572"), 0},
		{radiusEAP(attr(eapPkt(1, 2, "0d 20"))), 0},
		{radiusEAP(attr(eapPkt(3, 2, ""))), 0},
		{radiusEAP(attr("01020010 0d")), 0},
		{radiusEAP(attr("")), 0},
		{radiusEAP(attr("01")), 0},
	}
	return pkts
}

func init() { addFuzzSeeds(radiusEAPCrafted()) }

// TestRADIUSEAPLikeTcpdump prints EAP packets carried in RADIUS
// EAP-Message attributes, whole, empty, and not matching the attribute's
// length, as tcpdump does.
func TestRADIUSEAPLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "radius_eap", cbpf.LinkEN10MB, radiusEAPCrafted(), faultFlagSets)
}
