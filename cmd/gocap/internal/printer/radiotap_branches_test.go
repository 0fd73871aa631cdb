package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestRadiotapShortFieldsLikeTcpdump prints radiotap headers whose
// extended channel, A-MPDU, VHT and vendor namespace fields end inside
// the header at each of their members, and MCS fields of index 32 at 20
// and 40 MHz (which has a rate only at 40 MHz) and of indexes past the
// rate table, as tcpdump does.
func TestRadiotapShortFieldsLikeTcpdump(t *testing.T) {
	ack := wlanFC(1, 13, 0) + "0000 " + wlanA1
	var pkts []crafted
	for _, h := range []string{
		radiotapAligned([]uint32{0x00040000}, "4:400101"),
		radiotapAligned([]uint32{0x00040000}, "4:40010100 3c"),
		radiotapAligned([]uint32{0x00040000}, "4:40010100 3c14 24"),
		radiotapAligned([]uint32{0x00100000}, "4:010000"),
		radiotapAligned([]uint32{0x00100000}, "4:01000000 02"),
		radiotapAligned([]uint32{0x00100000}, "4:01000000 0200 00"),
		radiotapAligned([]uint32{0x00200000}, "2:44"),
		radiotapAligned([]uint32{0x00200000}, "2:4400 00 0b 92 21 00 00 05 00 00"),
		radiotapAligned([]uint32{0x00200000}, "2:4400 00 0b 92 21 00"),
		radiotapAligned([]uint32{0xc0000020, 0x00000004}, "1:c0", "2:001122 03 04"),
		radiotapAligned([]uint32{0xc0000020, 0x00000004}, "1:c0", "2:001122 03"),
		radiotapAligned([]uint32{0x00080000}, "1:07 00 20"),
		radiotapAligned([]uint32{0x00080000}, "1:07 01 20"),
		radiotapAligned([]uint32{0x00080000}, "1:07 05 20"),
		radiotapAligned([]uint32{0x00080000}, "1:02 01 20"),
		radiotapAligned([]uint32{0x00080000}, "1:07 01 4d"),
		radiotapAligned([]uint32{0x00080000}, "1:07 01 ff"),
		radiotapAligned([]uint32{0x00080000}, "1:07 00 4c"),
		radiotapAligned([]uint32{0x00080000}, "1:07 04 21"),
		radiotapAligned([]uint32{0x00080000}, "1:07 01 27"),
		radiotapAligned([]uint32{0x00080000}, "1:07 00 35"),
		radiotapAligned([]uint32{0x00080000}, "1:07 05 3e"),
	} {
		pkts = append(pkts, crafted{hex: h + ack})
	}
	linkTypeLikeTcpdump(t, cbpf.LinkIEEE80211Radio, pkts)
}
