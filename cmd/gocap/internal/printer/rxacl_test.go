package printer

import (
	"encoding/hex"
	"fmt"
	"testing"
)

// rxFSData is an Rx data packet of the AFS file server service (hex):
// call number callNum, client-initiated when client is true, its payload
// the opcode op and then body.
func rxFSData(callNum uint32, client bool, op uint32, body []byte) string {
	flags := 0
	if client {
		flags = 1
	}
	h := fmt.Sprintf("0000abcd 00001230 %08x 00000001 00000001 01 %02x 00 00 0000 0001 %08x", callNum, flags, op)
	return h + hex.EncodeToString(body)
}

// rxACLBody is pre followed by an ACL as StoreACL carries it: a
// length-prefixed string.
func rxACLBody(pre []byte, acl string) []byte {
	n := len(acl)
	return append(append(pre, byte(n>>24), byte(n>>16), byte(n>>8), byte(n)), acl...)
}

// rxACLCases are StoreACL calls whose ACL entries give every right
// alone, all together (127 and -1), none, and only bits beyond the named
// ones.
func rxACLCases() []crafted {
	fid := []byte{0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3}
	acl := "3 3\nalice 1\nbob 127\ncarol 0\ndave 8\neve 1024\nfrank -1\n"
	other := "7 0\nr 1\nw 2\ni 4\nl 8\nd 16\nk 32\na 64\n"
	return []crafted{
		{craftedUDP4(7001, 7000, rxFSData(5, true, 134, rxACLBody(append([]byte{}, fid...), acl))), 0},
		{craftedUDP4(7001, 7000, rxFSData(6, true, 134, rxACLBody(append([]byte{}, fid...), other))), 0},
	}
}

// TestRxACLLikeTcpdump compares the rights letters of AFS ACL entries
// (rxACLBits, printed with bitTokNoSep) with tcpdump.
func TestRxACLLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "rxacl", rxACLCases()) }

func init() { addFuzzSeeds(rxACLCases()) }
