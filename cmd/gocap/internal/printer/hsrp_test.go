package printer

import (
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// hsrpMsg is an HSRP message: version, op code, state, hello time 3,
// hold time 10, priority 100, the group, the reserved byte, the
// authentication data and virtual address 10.0.0.254.
func hsrpMsg(ver, op, state, group, res, auth string) string {
	return ver + op + state + "03 0a 64" + group + res + auth + " 0a0000fe"
}

// TestHSRPLikeTcpdump prints HSRP hellos, coups and resigns in each
// state, unknown op codes and states, a set reserved byte, other
// versions and messages cut short, as tcpdump does.
func TestHSRPLikeTcpdump(t *testing.T) {
	cisco := "6369736300000000"
	pkts := []crafted{
		{craftedUDP4(1985, 1985, hsrpMsg("00", "00", "10", "01", "00", cisco)), 0},
		{craftedUDP4(1985, 1985, hsrpMsg("00", "01", "08", "02", "00", cisco)), 0},
		{craftedUDP4(1985, 1985, hsrpMsg("00", "02", "04", "03", "00", "6162636465666768")), 0},
		{craftedUDP4(1985, 1985, hsrpMsg("00", "03", "02", "04", "00", "01ff7f8000000000")), 0},
		{craftedUDP4(1985, 1985, hsrpMsg("00", "00", "01", "05", "07", cisco)), 0},
		{craftedUDP4(1985, 1985, hsrpMsg("00", "00", "00", "06", "00", cisco)), 0},
		{craftedUDP4(1985, 1985, hsrpMsg("00", "00", "03", "07", "00", cisco)), 0},
		{craftedUDP4(1985, 1985, hsrpMsg("01", "00", "10", "01", "00", cisco)), 0},
		{craftedUDP4(1985, 1985, hsrpMsg("00", "00", "10", "01", "00", "6369736300000000")[:30]), 0},
		craftedCut(craftedUDP4(1985, 1985, hsrpMsg("00", "00", "10", "01", "00", cisco)), 1),
		craftedCut(craftedUDP4(1985, 1985, hsrpMsg("00", "00", "10", "01", "00", cisco)), 19),
		{craftedUDP4(1985, 1985, ""), 0},
		{craftedUDP4(1985, 2000, hsrpMsg("00", "00", "10", "01", "00", cisco)), 0}, // source port only: not HSRP
		{craftedUDP4(2000, 1985, hsrpMsg("00", "00", "10", "01", "00", cisco)), 0},
		{craftedUDP4(514, 1985, hsrpMsg("00", "00", "10", "01", "00", cisco)), 0}, // before syslog
		{craftedUDP4(1812, 1985, "01010014"+strings.Repeat("00", 16)), 0},         // RADIUS first
	}
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}
