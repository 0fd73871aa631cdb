package printer

import (
	"fmt"
	"testing"
)

// sflowAgentTypeCases are sFlow v5 datagrams with agent address types 0
// to 3 and 0xffffffff whose UDP length is shorter than the capture. A
// type other than 1 (IPv4) or 2 (IPv6) escapes tcpdump's first length
// check and is printed with the IPv6 layout, so one shorter than that
// header ends in " [tlen N < 40]" and " (invalid)".
func sflowAgentTypeCases() []crafted {
	head := func(typ uint32) string {
		return fmt.Sprintf("00000005 %08x 20010db8 00000000 00000000 0000000a 00000007 0000002a 00001000", typ)
	}
	// shortUDP is a datagram whose UDP length says ulen bytes of
	// payload while the IP packet carries all of payload.
	shortUDP := func(ulen int, payload string) string {
		n := hexLen(payload)
		return faultEther + faultIP4(17, 8+n) + fmt.Sprintf("18c7 18c7 %04x 0000 ", 8+ulen) + payload
	}
	var pkts []crafted
	for _, typ := range []uint32{0, 1, 2, 3, 0xffffffff} {
		for _, ulen := range []int{0, 8, 22, 36, 39} {
			pkts = append(pkts, crafted{shortUDP(ulen, head(typ)+"00000001"+sflowRec(9, "c1c2")), 0})
		}
		// The samples count beyond both lengths.
		pkts = append(pkts, crafted{shortUDP(36, head(typ)), 0})
		pkts = append(pkts, crafted{craftedUDP4(6343, 6343, head(typ)+"00000000"), 0})
		whole := head(typ) + "00000001" + sflowRec(9, "c1c2c3c4")
		pkts = append(pkts, crafted{craftedUDP4(6343, 6343, whole), 0})
		pkts = append(pkts, craftedCuts(craftedUDP4(6343, 6343, whole), hexLen(whole), 5)...)
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, sflowAgentTypeCases()...) }

func TestSFlowAgentTypeLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "sflow_agent_type", sflowAgentTypeCases())
}
