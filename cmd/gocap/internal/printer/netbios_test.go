package printer

import (
	"fmt"
	"strings"
	"testing"
)

// The local tcpdump 4.99.3 is built without ENABLE_SMB: NetBIOS name,
// datagram and session service, SMB over TCP 445, NetBEUI in LLC and
// NetBIOS over IPX are not decoded, and a port pair with a NetBIOS port
// falls through to the printers tcpdump tries after them. netbiosCases
// checks that the printer does the same.
func netbiosCases() []crafted {
	nbName := "20 4648464145424545434143414341434143414341434143414341434143414141 00"
	query := "1234 0110 0001 0000 0000 0000 " + nbName + " 0020 0001"
	dgm := "11 02 0001 0a000001 008a 0040 0000 " + nbName + nbName + "ff534d42 25"
	negotiate := "ff534d42 72 00000000 18 4328 0000 0000000000000000 0000 0000 fffe 0000 0000 00 0c00 02 4e54204c4d20302e313200"
	session := fmt.Sprintf("00 %06x ", hexLen(negotiate)) + negotiate
	sip := "OPTIONS sip:a SIP/2.0\r\n\r\n"
	ftp := "220 ready\r\n"
	pkts := []crafted{
		{craftedUDP4(137, 137, query), 0},
		{craftedUDP4(40000, 137, query), 0},
		{craftedUDP4(138, 138, dgm), 0},
		{craftedUDP4(137, 5060, hexStr(sip, len(sip))), 0},
		{craftedUDP4(138, 514, hexStr("<13>hello", 9)), 0},
		{tcpSegment(139, 40000, session), 0},
		{tcpSegment(40000, 139, "81000044 "+nbName+nbName), 0},
		{tcpSegment(445, 40000, session), 0},
		{tcpSegment(139, 21, hexStr(ftp, len(ftp))), 0},
		{tcpSegment(445, 23, "fffb01"), 0},
	}
	// NetBEUI UI frame (LLC SAPs f0) and IPX to the NetBIOS and NWLink
	// datagram sockets, in 802.3 frames.
	llc := func(payload string) string {
		n := hexLen(payload)
		return "000000000002 000000000001 " + fmt.Sprintf("%04x ", n) + payload
	}
	nbf := "f0f003 2c00 ff ef 08 00 00 00 0000 0000 " + hexCut(nbName, 16) + hexCut(nbName, 16)
	pkts = append(pkts, crafted{llc(nbf), 0}, crafted{llc("f0f000 " + hexCut(nbName, 20)), 0})
	for _, sock := range []string{"0455", "0553"} {
		ipx := "ffff 0040 00 14 00000000 ffffffffffff " + sock + " 00000001 000000000001 " + sock +
			strings.Repeat("00", 32) + "ff534d42"
		pkts = append(pkts, crafted{llc("e0e003 " + ipx), 0})
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, netbiosCases()...) }

func TestNetBIOSLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "netbios", netbiosCases()) }
