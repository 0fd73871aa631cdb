package printer

import (
	"strings"
	"testing"
)

// of10BranchCases are OpenFlow 1.0 messages reaching the branches the
// other OpenFlow tests leave out: Big Switch Networks messages and
// actions of every subtype with good and bad lengths and VLAN tags,
// queue properties of bad lengths and disabled rates, matches with
// bogus wildcards, ICMP types and codes and no VLAN, unknown action
// types, statistics requests and replies of bad lengths, and queue
// statistics requests of all queues.
var of10BranchCases = func() []crafted {
	bsn := func(sub, body string) string { return ofMsg(1, 4, "005c16c7 "+sub+" "+body) }
	msgs := []string{
		bsn("00000000", "05 000000 ffffff00"), bsn("00000000", "05"), bsn("00000001", "05 00000000000000"),
		bsn("00000001", "05 0000"), bsn("00000002", "05 000000"), bsn("00000003", "00 000000"),
		bsn("00000004", "02 00000000"), bsn("00000005", "01"), bsn("00000009", ""), bsn("0000000d", "00"),
		bsn("00000013", ""), bsn("00000015", "0000"), bsn("0000001b", ""), bsn("00000011", "00000007"),
		bsn("00000011", "0007"), bsn("00000006", "000001"), bsn("00000006", "00000001"),
		bsn("00000007", ""), bsn("00000008", "0000"), bsn("00000008", "00000001 00"), bsn("0000000e", "01020304"),
		bsn("", ""), bsn("0000", ""),
	}
	match := func(w, vlan, dlType, proto string) string {
		return w + " 0003 000000000001 000000000002 " + vlan + " 00 00 " + dlType + " 00 " + proto + " 0000 0a000001 0a000002 0008 0003"
	}
	flowMod := func(m, actions string) string {
		return ofMsg(1, 14, m+" 0102030405060708 0000 000a 001e 8000 ffffffff fffd 0000 "+actions)
	}
	msgs = append(msgs,
		flowMod(match("00000000", "ffff", "0800", "01"), ""),
		flowMod(match("00000010", "0000", "0800", "01"), ""),
		flowMod(match("00000020", "0fff", "0800", "01"), ""),
		flowMod(match("00000000", "1000", "86dd", "01"), ""),
		flowMod(match("00000000", "0001", "0800", "06"), ""),
		flowMod(match("ffc00000", "0001", "0800", "01"), ""),
		flowMod(match("00000040", "0001", "0800", "01"), ""),
		flowMod(match("00000080", "0001", "0800", "01"), ""),
		flowMod(match("00000000", "0001", "0806", "01"), ""),
		flowMod(of10MatchAll, "ffff 0018 005c16c7 00000001 00000005 00000000 01 000000"),
		flowMod(of10MatchAll, "ffff 0018 005c16c7 00000001 00000005 12340000 02 000000"),
		flowMod(of10MatchAll, "ffff 0018 005c16c7 00000001 00000005 81000fff 00 000000"),
		flowMod(of10MatchAll, "ffff 0010 005c16c7 00000001 00000005"),
		flowMod(of10MatchAll, "ffff 0010 005c16c7 00000002 0a000001"),
		flowMod(of10MatchAll, "ffff 0010 005c16c7 00000004 00000000"),
		flowMod(of10MatchAll, "ffff 0008 005c16c7"),
		flowMod(of10MatchAll, "ffff 0008 00002320"),
		flowMod(of10MatchAll, "ffff 0010 005c16c7 000000"),
		flowMod(of10MatchAll, "ffff 000c 005c16c7 0000"),
		flowMod(of10MatchAll, "000c 0008 00000000 0042 0010 0000000000000000 0000000000000000"),
		flowMod(of10MatchAll, "0001 0008 ffff 0000 0001 0008 0000 0000 0001 0008 0fff 0000 0002 0008 08 000000"),
		flowMod(of10MatchAll, "000b 0010 0003 000000000000 00000007 000b 0008 0003 0000"),
		flowMod(of10MatchAll, "0000 0008 fffd 0000 0000 0008 fff8 0000 0000 0008 fff9 0000 0000 0008 fffa 0000 0000 0008 fffc 0000 0000 0008 fffe 0000 0000 0008 ffff 0000 0000 0008 ff00 0000"),
		flowMod(of10MatchAll, "0000 0004"),
		flowMod(of10MatchAll, "0000 0010 0001 0000 00000000"),
		// queue properties (-vv) of bad lengths, rates, unknown
		ofMsg(1, 21, "0001 000000000000 00000001 0040 0000 0001 0010 00000000 03e9 000000000000"+
			" 0001 0010 00000000 01f5 000000000000 0000 0008 00000000 0007 0008 00000000 0001 0008 00000000"),
		ofMsg(1, 21, "0001 000000000000 00000001 0018 0000 0000 0001 0004 00000000 0000 0000"),
		ofMsg(1, 21, "0001 000000000000 00000001 0004 0000"),
		ofMsg(1, 21, "0001 000000000000 00000001 0008 0000 01020304"),
		ofMsg(1, 21, "0001 000000000000 00000001 000c 0000 01020304"),
		ofMsg(1, 21, "0001 000000000000 00000001 0018 0000 0001 0010 00000000 0064 000000000000 00000002 0008 0000"),
		ofMsg(1, 21, "0001 000000000000 00000001 0010 0000 0000 0001 0010"),
		// statistics requests of bad lengths, queue ALL
		ofMsg(1, 16, "0000 0000 00"), ofMsg(1, 16, "0003 0000 0000"), ofMsg(1, 16, "0004 0000 0001 0000"),
		ofMsg(1, 16, "0005 0000 0001 0000"), ofMsg(1, 16, "0005 0000 fffc 0000 ffffffff"),
		ofMsg(1, 16, "0005 0001 fffd 0000 00000003"), ofMsg(1, 16, "0001 0000 "+of10MatchAll),
		ofMsg(1, 16, "0002 0000 "+of10MatchAll+" fe 00 fff8"), ofMsg(1, 16, "0006 0000"), ofMsg(1, 16, "ffff 0000 00"),
		ofMsg(1, 16, "ffff 0000 005c16c7 00"),
		// statistics replies of bad lengths
		ofMsg(1, 17, "0000 0000 00"), ofMsg(1, 17, "0001 0000 0050 00 00"+strings.Repeat("00", 84)),
		ofMsg(1, 17, "0001 0000 0060 00 00"+strings.Repeat("00", 84)),
		ofMsg(1, 17, "0001 0000 0058 ff 00 "+of10MatchAll+strings.Repeat("00", 44)+" 0058 fe 00"),
		ofMsg(1, 17, "0002 0000 00"), ofMsg(1, 17, "0003 0000 00"), ofMsg(1, 17, "0004 0000 0001"),
		ofMsg(1, 17, "0005 0000 0001"), ofMsg(1, 17, "0006 0001"), ofMsg(1, 17, "ffff 0001 005c16c7"),
		ofMsg(1, 17, "0005 0000 0001 0000 ffffffff 0000000000000003 0000000000000004 ffffffffffffffff"),
		// a queue config request and other bad lengths
		ofMsg(1, 20, "0001"), ofMsg(1, 20, "fff8 0000"), ofMsg(1, 21, "0001 0000"),
		ofMsg(1, 15, "0003 0a0b0c0d0e0f 00000001 00000081 00000003"),
		ofMsg(1, 12, "01 00000000000000"), ofMsg(1, 11, of10MatchAll), ofMsg(1, 13, "ffffffff 0002 0010 0000 0008"),
		ofMsg(1, 10, "00000100 0040 0001 00"), ofMsg(1, 6, "0000000000000001 00000100 fe 000000 000000d7 00000fff 00"),
		ofMsg(1, 9, "0000"), ofMsg(1, 8, "0001"), ofMsg(1, 14, of10MatchAll), ofMsg(1, 1, "0001"),
		ofMsg(1, 1, "0006 0000"), ofMsg(1, 1, "0009 0000"),
		ofMsg(1, 2, ""), ofMsg(1, 3, "01"), ofMsg(1, 18, "00"), ofMsg(1, 19, "00"), ofMsg(1, 7, "00"), ofMsg(1, 5, ""),
	)
	var pkts []crafted
	for _, m := range msgs {
		pkts = append(pkts, crafted{tcpSegment(6653, 40000, m), 0})
	}
	return pkts
}()

func TestOpenFlowBranchLikeTcpdump(t *testing.T) {
	pkts := append([]crafted(nil), of10BranchCases...)
	for _, c := range of10BranchCases {
		pkts = append(pkts, craftedCuts(c.hex, 6, 4)...)
	}
	craftedLikeTcpdump(t, "openflow10-branch", pkts)
}

func init() { craftedSeeds = append(craftedSeeds, of10BranchCases...) }
