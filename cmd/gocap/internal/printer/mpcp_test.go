package printer

import "testing"

// mpcpFrame is an Ethernet frame of MPCP carrying the PDU.
func mpcpFrame(pdu string) string { return "0180c2000001 000000000001 8808 " + pdu }

func mpcpCrafted() []crafted {
	pkts := []crafted{
		{mpcpFrame("0001 00000064 0102"), 0},
		{mpcpFrame("0002 00000064 fb 00000010 0020 00000030 0040 00000050 0060 1234"), 0},
		{mpcpFrame("0002 00000064 00 1234"), 0},
		{mpcpFrame("0002 00000064 0a 00000010 0020 00000030 0040 1234"), 0},
		{mpcpFrame("0003 00000064 03 81 0001 0002 00 ff 0001 0002 0003 0004 0005 0006 0007 0008"), 0},
		{mpcpFrame("0003 00000064 01"), 0},
		{mpcpFrame("0004 00000064 01 05"), 0},
		{mpcpFrame("0004 00000064 03 05"), 0},
		{mpcpFrame("0004 00000064 02 05"), 0}, // one bit of De-Register's two: not named
		{mpcpFrame("0004 00000064 04 05"), 0},
		{mpcpFrame("0005 00000064 0007 01 1234 09"), 0},
		{mpcpFrame("0005 00000064 0007 07 1234 09"), 0},
		{mpcpFrame("0005 00000064 0007 08 1234 09"), 0},
		{mpcpFrame("0006 00000064 00 0007 1234"), 0},
		{mpcpFrame("0006 00000064 01 0007 1234"), 0},
		{mpcpFrame("0006 00000064 02 0007 1234"), 0},
		{mpcpFrame("0009 00000064 0102030405"), 0},
		// cut short
		{mpcpFrame("0002 00000064 fb 00000010"), 0},
		{mpcpFrame("0003 00000064 03 81 0001"), 0},
		{mpcpFrame("0005 00000064 0007"), 0},
		{mpcpFrame("0002 0000"), 0},
	}
	return pkts
}

// TestMPCPLikeTcpdump prints MPCP PDUs of each opcode, and cut short, as
// tcpdump does.
func TestMPCPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "mpcp", mpcpCrafted()) }

func init() { addFuzzSeeds(mpcpCrafted()) }
