package printer

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestARCNETBranchesLikeTcpdump prints ARCNET frames carrying IPX, the
// first of several fragments, old-style IP and diagnose frames, and
// frames cut inside the new-style and exception headers, with -e and -q
// too, as tcpdump does.
func TestARCNETBranchesLikeTcpdump(t *testing.T) {
	ipx := "ffff 0022 00 04 00000001 0a0b0c0d0e0f 0452 00000002 010203040506 0453 0102"
	raw := []crafted{
		{hex: "01 02 fa 00 0001 " + ipx},
		{hex: "01 02 d4 01 0001 " + linkICMP4},
		{hex: "01 02 d4 05 0001 " + linkICMP4},
		{hex: "01 02 d4 ff 0000 d4 01 0002 " + linkICMP4},
		{hex: "01 02 d4 ff 0000 d4 02 0002 " + linkICMP4},
		{hex: "01 02 d4 ff 0000 d4 01", wire: 40},
		{hex: "01 02 d4 00", wire: 40},
		{hex: "01 02 f1 " + linkICMP4},
		{hex: "01 02 80 0102 0304"},
		{hex: "01", wire: 20},
	}
	linux := []crafted{
		{hex: "01 02 0000 fa 00 0001 " + ipx},
		{hex: "01 02 0000 f1 " + linkICMP4},
		{hex: "01 02 0000 80 0102"},
	}
	// subtests, so that each link type's capture has a name of its own
	t.Run("arcnet", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkARCNET, raw) })
	t.Run("linux", func(t *testing.T) { linkTypeLikeTcpdump(t, cbpf.LinkARCNETLinux, linux) })
}
