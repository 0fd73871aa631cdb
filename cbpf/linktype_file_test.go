package cbpf

import "testing"

// The pairs are libpcap's (pcap-common.c, linktype_to_dlt on Linux).
func TestLinkTypeFromFile(t *testing.T) {
	for _, c := range []struct {
		file uint32
		dlt  LinkType
	}{
		{1, LinkEN10MB}, {101, 12}, {100, 11}, {102, 15}, {103, 16}, {106, 19},
		{113, LinkLinuxSLL}, {276, LinkLinuxSLL2}, {50, 50}, {228, 228},
	} {
		if got := LinkTypeFromFile(c.file); got != c.dlt {
			t.Errorf("LinkTypeFromFile(%d) = %d, want %d", c.file, got, c.dlt)
		}
		if got := c.dlt.FileValue(); got != c.file {
			t.Errorf("LinkType(%d).FileValue() = %d, want %d", c.dlt, got, c.file)
		}
	}
}
