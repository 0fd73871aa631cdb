package printer

import (
	"encoding/binary"
	"encoding/hex"
	"net/netip"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// vrrpPacket is an Ethernet frame carrying the VRRP message m (hex) in
// IPv4 (from 10.0.0.1 to 224.0.0.18) or IPv6 (from fe80::1 to ff02::12)
// with the ttl or hop limit given. With sum, the message's checksum is
// made right: over the message for version 2, with the pseudo-header
// for version 3.
func vrrpPacket(v6 bool, ttl byte, m string, sum bool) string {
	b, err := hex.DecodeString(strings.ReplaceAll(m, " ", ""))
	if err != nil {
		panic(err)
	}
	h := &ipHdr{v6: v6, src: netip.MustParseAddr("10.0.0.1"), dst: netip.MustParseAddr("224.0.0.18")}
	if v6 {
		h.src, h.dst = netip.MustParseAddr("fe80::1"), netip.MustParseAddr("ff02::12")
	}
	if sum && len(b) >= 8 {
		binary.BigEndian.PutUint16(b[6:], 0)
		var pseudo uint32
		if b[0]>>4 == 3 {
			pseudo = pseudoSum(h, 112, len(b))
		}
		binary.BigEndian.PutUint16(b[6:], checksum(b, pseudo))
	}
	if v6 {
		ip := []byte{0x60, 0, 0, 0, byte(len(b) >> 8), byte(len(b)), 112, ttl}
		ip = append(append(append(ip, h.src.AsSlice()...), h.dst.AsSlice()...), b...)
		return "01005e000012 000000000001 86dd " + hex.EncodeToString(ip)
	}
	ip := []byte{0x45, 0, byte((20 + len(b)) >> 8), byte(20 + len(b)), 0, 1, 0, 0, ttl, 112, 0, 0, 10, 0, 0, 1, 224, 0, 0, 18}
	binary.BigEndian.PutUint16(ip[10:], checksum(ip, 0))
	return "01005e000012 000000000001 0800 " + hex.EncodeToString(append(ip, b...))
}

// TestVRRPLikeTcpdump prints VRRP version 2 advertisements with each
// authentication type, version 3 ones over IPv4 and IPv6, right and
// wrong checksums, a ttl other than 255, other types and versions and
// messages cut short, as tcpdump does.
func TestVRRPLikeTcpdump(t *testing.T) {
	pkts := []crafted{
		{vrrpPacket(false, 255, "2101 64 01 00 01 0000 0a0000fe", true), 0},
		{vrrpPacket(false, 255, "2101 64 01 00 01 1234 0a0000fe", false), 0}, // bad checksum
		{vrrpPacket(false, 255, "2102 c8 03 01 05 0000 0a0000fd 0a0000fe 0a0000ff 6369736300000000", true), 0},
		{vrrpPacket(false, 255, "2102 c8 01 01 05 0000 0a0000fd 41424344454647 48", true), 0},     // password of 8
		{vrrpPacket(false, 255, "2102 c8 01 01 05 0000 0a0000fd 01ff7f80 00000000", true), 0},     // odd characters
		{vrrpPacket(false, 255, "2102 c8 01 02 05 0000 0a0000fd 0000000000000000", true), 0},      // ah
		{vrrpPacket(false, 255, "2102 c8 01 07 05 0000 0a0000fd", true), 0},                       // unknown auth
		{vrrpPacket(false, 64, "2102 c8 00 00 05 0000", true), 0},                                 // ttl, no addresses
		{vrrpPacket(false, 255, "3103 64 01 0064 0000 0a0000fe", true), 0},                        // v3
		{vrrpPacket(false, 255, "3103 64 02 f064 0000 0a0000fe 0a0000fd", false), 0},              // v3 bad checksum
		{vrrpPacket(true, 255, "3104 64 01 0064 0000 fe800000000000000000000000000001", true), 0}, // v3 IPv6
		{vrrpPacket(true, 255, "3104 64 01 0064 0000 fe800000000000000000000000000001", false), 0},
		{vrrpPacket(true, 1, "3104 64 02 0064 0000 fe800000000000000000000000000001 fe800000000000000000000000000002", true), 0},
		{vrrpPacket(false, 255, "2201 64 01 00 01 0000 0a0000fe", true), 0}, // unknown type
		{vrrpPacket(false, 255, "1101 64 01 00 01 0000 0a0000fe", true), 0}, // version 1
		{vrrpPacket(false, 255, "4101 64 01 00 01 0000 0a0000fe", true), 0}, // version 4
		craftedCut(vrrpPacket(false, 255, "2102 c8 03 01 05 0000 0a0000fd 0a0000fe 0a0000ff 6369736300000000", true), 6),
		craftedCut(vrrpPacket(false, 255, "2102 c8 03 01 05 0000 0a0000fd 0a0000fe 0a0000ff 6369736300000000", true), 9),
		craftedCut(vrrpPacket(false, 255, "2102 c8 03 01 05 0000 0a0000fd 0a0000fe 0a0000ff 6369736300000000", true), 16),
		craftedCut(vrrpPacket(false, 255, "2102 c8 03 01 05 0000 0a0000fd 0a0000fe 0a0000ff 6369736300000000", true), 27),
		craftedCut(vrrpPacket(false, 255, "2102 c8 03 01 05 0000 0a0000fd 0a0000fe 0a0000ff 6369736300000000", true), 31),
		craftedCut(vrrpPacket(true, 255, "3104 64 01 0064 0000 fe800000000000000000000000000001", true), 3),
		{vrrpPacket(false, 255, "", true), 0},
	}
	linkCraftedLikeTcpdump(t, cbpf.LinkEN10MB, pkts)
}
