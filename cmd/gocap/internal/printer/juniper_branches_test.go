package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestJuniperBranchesLikeTcpdump prints, for each Juniper link type, a
// header without the magic number and one flagged as having no layer-2
// header (under -x tcpdump then dumps what follows the header); the
// layer-3 protocols of the MLPPP and MFR service cookies; and extension
// TLVs of each length, little and big endian, as tcpdump does.
func TestJuniperBranchesLikeTcpdump(t *testing.T) {
	esis := "82 0e 01 00 02 001e 0000 04 49000102"
	for _, c := range []struct {
		name string
		lt   cbpf.LinkType
	}{
		{"GGSN", cbpf.LinkJuniperGGSN}, {"ES", cbpf.LinkJuniperES}, {"MONITOR", cbpf.LinkJuniperMonitor},
		{"SERVICES", cbpf.LinkJuniperServices}, {"PPPOE", cbpf.LinkJuniperPPPoE}, {"PPP", cbpf.LinkJuniperPPP},
		{"FRELAY", cbpf.LinkJuniperFrelay}, {"CHDLC", cbpf.LinkJuniperCHDLC}, {"PPPOE_ATM", cbpf.LinkJuniperPPPoEATM},
		{"MLPPP", cbpf.LinkJuniperMLPPP}, {"MFR", cbpf.LinkJuniperMFR}, {"MLFR", cbpf.LinkJuniperMLFR},
		{"ATM1", cbpf.LinkJuniperATM1}, {"ATM2", cbpf.LinkJuniperATM2},
	} {
		pkts := []crafted{
			{hex: "4d4742 01 00000000 " + linkICMP4},
			{hex: jnx(0x03, "") + "00000000 " + linkICMP4},
			{hex: jnx(0x03, "") + "00000000 0102"},
		}
		switch c.lt {
		case cbpf.LinkJuniperMLPPP:
			pkts = append(pkts, crafted{hex: jnx(0x01, "") + "4700 0000 0030 0028 " + esis})
		case cbpf.LinkJuniperMFR:
			pkts = append(pkts,
				crafted{hex: jnx(0x01, "") + "4700 0000 0010 0028 " + linkUDP6},
				crafted{hex: jnx(0x01, "") + "4700 0000 0020 0028 00001140 " + linkICMP4},
				crafted{hex: jnx(0x01, "") + "4700 0000 0030 0028 " + esis})
		case cbpf.LinkJuniperATM2:
			pkts = append(pkts,
				crafted{hex: jnx(0x01, "") + "0000000100000000 fefe"},
				crafted{hex: jnx(0x01, "") + "0000000100000000 aaaa03 000000 9999 0102"})
		}
		t.Run(c.name, func(t *testing.T) { juniperLikeTcpdump(t, c.lt, pkts) })
	}
	tlvs := "01 01 05 02 03 010203 04 05 0102030405 81 01 07 82 03 010203 83 04 01020304 84 04 00000009 8a 01 02"
	juniperLikeTcpdump(t, cbpf.LinkJuniperEther, []crafted{
		{hex: jnx(0x81, tlvs) + jnxEth},
		{hex: jnx(0x81, "04 00 01 02") + jnxEth},
	})
}
