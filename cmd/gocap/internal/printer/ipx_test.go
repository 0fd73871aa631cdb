package printer

import (
	"fmt"
	"strings"
	"testing"
)

// ipxDatagram is an IPX header to the socket dskt (from socket 0x4000)
// carrying data (hex), whose length field is n, or the real length when
// n is 0.
func ipxDatagram(dskt uint16, n int, data string) string {
	if n == 0 {
		n = 30 + hexLen(data)
	}
	return fmt.Sprintf("ffff %04x 00 04 00000001 ffffffffffff %04x 0000000a 000000000001 4000 ", n, dskt) + data
}

// ipxSAPEntry is one SAP response entry for the service type and name.
func ipxSAPEntry(typ uint16, name string) string {
	return fmt.Sprintf("%04x ", typ) + hexStr(name, 48) + " 0000000a 000000000001 0451 0001 "
}

// TestIPXLikeTcpdump prints IPX datagrams over Ethernet II, raw 802.3,
// 802.2 and SNAP: SAP requests and responses, RIP requests and
// responses, the named sockets, EIGRP, invalid lengths and datagrams cut
// short, as tcpdump does.
func TestIPXLikeTcpdump(t *testing.T) {
	sapResp := "0002 " + ipxSAPEntry(4, "FS1") + ipxSAPEntry(0x0640, "a-very-long-name-that-fills-all-of-the-48-bytes!!")
	dgrams := []string{
		ipxDatagram(0x0452, 0, "0001 0004"),
		ipxDatagram(0x0452, 0, "0003 0278"),
		ipxDatagram(0x0452, 0, sapResp),
		ipxDatagram(0x0452, 0, "0004 "+ipxSAPEntry(7, "PRN")),
		ipxDatagram(0x0452, 0, "0002 0004 41"),                            // entry shorter than a name
		ipxDatagram(0x0452, 0, "0002 "+hexCut(ipxSAPEntry(4, "FS1"), 55)), // no room for the address
		ipxDatagram(0x0452, 0, "0002 "+hexCut(ipxSAPEntry(4, "FS1"), 62)), // nor for the socket
		ipxDatagram(0x0452, 0, "0002 0004"+strings.Repeat(" ", 0)+" 00"),  // odd length
		ipxDatagram(0x0452, 0, "0009"),
		ipxDatagram(0x0452, 31, "0001"),
		ipxDatagram(0x0453, 0, "0001 ffffffff 0001 0002"),
		ipxDatagram(0x0453, 0, "0001"),
		ipxDatagram(0x0453, 0, "0001 ffff"),
		ipxDatagram(0x0453, 0, "0002 0000000a 0001 0002 0000000b 0002 0003"),
		ipxDatagram(0x0453, 0, "0002 0000000a 0001 0002 0000"),
		ipxDatagram(0x0453, 0, "0005"),
		ipxDatagram(0x0451, 0, "1111 0001 00"),
		ipxDatagram(0x0455, 0, "0000"),
		ipxDatagram(0x0456, 0, "0000"),
		ipxDatagram(0x0553, 0, "0000"),
		ipxDatagram(0x85be, 0, "02 05 0000 00000000 00000000 00000000 00000001 0001 000c 0100 0100 000f 0004 0008 0c00 0102"),
		ipxDatagram(0x9000, 0, "0000"),
		ipxDatagram(0x0452, 20, "0001 0004"),
		ipxDatagram(0x0452, 0, ""),
	}
	var pkts []crafted
	for _, d := range dgrams {
		pkts = append(pkts, crafted{"000000000002 000000000001 8137 " + d, 0})
	}
	d := dgrams[2]
	pkts = append(pkts,
		crafted{fmt.Sprintf("ffffffffffff 000000000001 %04x ", hexLen(d)) + d, 0},
		crafted{fmt.Sprintf("ffffffffffff 000000000001 %04x e0e003 ", 3+hexLen(d)) + d, 0},
		crafted{fmt.Sprintf("ffffffffffff 000000000001 %04x aaaa03 000000 8137 ", 8+hexLen(d)) + d, 0},
	)
	for _, i := range []int{0, 2, 13} {
		f := pkts[i].hex
		for n := 14; n < hexLen(f); n += 5 {
			pkts = append(pkts, crafted{hexCut(f, n), hexLen(f)})
		}
	}
	craftedLikeTcpdump(t, "ipx", pkts)
}
