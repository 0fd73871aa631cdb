package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// isisFrame is an 802.3 frame to the IS-IS multicast address carrying
// the IS-IS PDU given in hex after an OSI LLC header.
func isisFrame(pdu string) string {
	n := hexLen(pdu) + 3
	return fmt.Sprintf("0180c2000014 001122334455 %04x fefe03 ", n) + pdu
}

// isisPDUHex is an IS-IS PDU of the type, with the fixed header length
// fixed, followed by the rest of the header and the TLVs in hex.
func isisPDUHex(typ, fixed byte, rest string) string {
	return fmt.Sprintf("83 %02x 01 00 %02x 01 00 00 ", fixed, typ) + rest
}

// TestISISHeadersLikeTcpdump prints the fixed headers of the LAN and
// point-to-point hellos, LSPs and sequence number PDUs, with a fixed
// header length wrong for the type and headers cut short, as tcpdump
// does.
func TestISISHeadersLikeTcpdump(t *testing.T) {
	lan := isisPDUHex(15, 27, "01 1921680010ff 001e 001b 40 1921680010ff01")
	lan2 := isisPDUHex(16, 27, "07 1921680010fe 0384 001b 85 1921680010fe02")
	p2p := isisPDUHex(17, 20, "03 1921680010ff 001e 0014 05")
	lsp := isisPDUHex(18, 27, "001b 04b0 1921680010ff0000 00000042 1234 03")
	csnp := isisPDUHex(24, 33, "0021 1921680010ff00 0000000000000000 ffffffffffffffff")
	psnp := isisPDUHex(26, 17, "0011 1921680010ff00")
	pkts := []crafted{
		{isisFrame(lan), 0},
		{isisFrame(lan2), 0},
		{isisFrame(p2p), 0},
		{isisFrame(lsp), 0},
		{isisFrame(csnp), 0},
		{isisFrame(psnp), 0},
		{isisFrame(isisPDUHex(15, 20, "01 1921680010ff 001e 001b 40 1921680010ff01")), 0},
		{isisFrame(isisPDUHex(17, 27, "03 1921680010ff 001e 0014 05")), 0},
		{isisFrame(isisPDUHex(25, 17, "0021 1921680010ff00")), 0},
		{isisFrame(isisPDUHex(27, 33, "0021 1921680010ff00 0000000000000000 ffffffffffffffff")), 0},
		craftedCut(isisFrame(lan), 4),
		craftedCut(isisFrame(p2p), 3),
		craftedCut(isisFrame(lsp), 6),
		craftedCut(isisFrame(csnp), 10),
	}
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}
