package printer

import "testing"

// TestZephyrKindValuesLikeTcpdump prints Zephyr notices whose kind is in
// upper-case hex, has a sign, or is past the range of a long, as
// tcpdump (which reads it with strtol) does.
func TestZephyrKindValuesLikeTcpdump(t *testing.T) {
	var pkts []crafted
	for _, kind := range []string{"0XA", "B", "0xF", "-0x7fffffffffffffff", "-8000000000000000", "-ffffffffffffffffff", "0x", "+C"} {
		pkts = append(pkts, crafted{craftedUDP4(2104, 2103, zephyrNotice("ZEPH0.2", kind, "MESSAGE", "personal", "", "alice", "")), 0})
	}
	craftedLikeTcpdump(t, "zephyr-kinds", pkts)
}
