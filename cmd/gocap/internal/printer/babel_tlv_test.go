package printer

import (
	"fmt"
	"testing"
)

// bTLV is a Babel TLV of type typ with the body given in hex.
func bTLV(typ int, body string) string {
	return fmt.Sprintf("%02x%02x ", typ, hexLen(body)) + body + " "
}

// babelRawPacket is a Babel packet with the given magic, version and
// body length fields, followed by rest (hex), in a UDP datagram to port
// dport.
func babelRawPacket(dport uint16, magic, version, bodylen int, rest string) string {
	return craftedUDP4(6696, dport, fmt.Sprintf("%02x%02x%04x ", magic, version, bodylen)+rest)
}

// babelShortUDP is a Babel packet whose UDP length claims only ulen
// bytes of payload while the IP datagram carries all of payload.
func babelShortUDP(ulen int, payload string) string {
	n := hexLen(payload)
	return faultEther + faultIP4(17, 8+n) + fmt.Sprintf("1a28 1a28 %04x 0000 ", 8+ulen) + payload
}

// babelTLVCases are Babel packets reaching every TLV and sub-TLV branch
// of tcpdump's printer: each message type, well formed, too short for
// its fixed part, with each address encoding, with sub-TLVs, in the body
// and in a trailer, and cut short.
func babelTLVCases() []crafted {
	hello := bTLV(4, "8000 1234 0190")                                          // unicast
	helloUnsched := bTLV(4, "0000 0001 0000")                                   // interval 0
	helloSubs := bTLV(4, "0000 0002 0064 00 0102aabb 03040001e240 0201ff 8300") // pad1, padn, timestamp, diversity (bogus), mandatory unknown
	helloTSShort := bTLV(4, "0000 0003 0064 0303010203")
	helloSubNoLen := bTLV(4, "0000 0003 0064 05")
	helloSubLong := bTLV(4, "0000 0003 0064 0509 0102")
	ihu0 := bTLV(5, "00 00 0060 04b0")
	ihu1 := bTLV(5, "01 00 0060 04b0 c0a80101")
	ihu2 := bTLV(5, "02 00 0060 04b0 20010db8000000000000000000000042 030800000001000f4240")
	ihu3 := bTLV(5, "03 00 ffff 0000 021122fffe334455 0306 0000000100000002")
	ihuBadAE := bTLV(5, "07 00 0060 04b0 0000")
	ihuShortAddr := bTLV(5, "02 00 0060 04b0 20010db8")
	ihuShortTS := bTLV(5, "01 00 0060 04b0 c0a80101 0304 00000001")
	rid := bTLV(6, "0000 0102030405060708")
	ridShort := bTLV(6, "0000 01020304")
	nh0 := bTLV(7, "00 00")
	nh1 := bTLV(7, "01 00 0a000001")
	nh2 := bTLV(7, "02 00 fe800000000000000000000000000001")
	nh3 := bTLV(7, "03 00 0211223344556677")
	nhBad := bTLV(7, "09 00")
	nhShort := bTLV(7, "01 00 0a00")
	nhNoBody := bTLV(7, "")
	upd1 := bTLV(8, "01 80 18 00 0190 0010 0100 c0a801")               // /prefix, v4 /24
	upd1Omit := bTLV(8, "01 40 20 02 ffff 0011 0000 0203")             // /id, omitted 2 from default
	upd2 := bTLV(8, "02 c0 40 00 0000 0012 0002 20010db8 00010002")    // prefix+id, /64, interval 0
	upd2Omit := bTLV(8, "02 3f 80 08 0064 0013 0003 0000000000000001") // unknown flags, omitted 8
	upd3 := bTLV(8, "03 00 80 00 0064 0014 0004 0000000000000009")
	upd0 := bTLV(8, "00 00 00 00 0064 0015 0005")
	updSubs := bTLV(8, "02 00 30 00 0064 0016 0006 20010db80005 0203000aff 0200 0304 00000001 01 00")
	updBadAE := bTLV(8, "05 00 20 00 0064 0017 0007 00000000")
	updPlenLong := bTLV(8, "01 00 28 00 0064 0018 0008 0102030405")
	updOmitV4Long := bTLV(8, "01 00 20 05 0064 0019 0009")
	updShortPfx := bTLV(8, "02 00 80 00 0064 001a 000a 2001")
	updShort := bTLV(8, "02 00 00 00 0064 00")
	rr0 := bTLV(9, "00 00")
	rr1 := bTLV(9, "01 18 c0a805")
	rr2 := bTLV(9, "02 30 20010db80009")
	rr3 := bTLV(9, "03 80 0000000000000001")
	rrBad := bTLV(9, "01 30 c0a80501")
	rrShort := bTLV(9, "02")
	sr0 := bTLV(10, "00 00 0102 05 00 1122334455667788")
	sr1 := bTLV(10, "01 20 0103 06 00 1122334455667788 0a0a0a0a")
	sr2 := bTLV(10, "02 38 0104 07 00 1122334455667788 20010db800000a")
	srBad := bTLV(10, "02 80 0104 07 00 1122334455667788 2001")
	srShort := bTLV(10, "02 80 0104 07 00 11223344")
	tspc := bTLV(11, "0007 5f5e1000")
	tspcShort := bTLV(11, "0007 5f5e")
	hmac := bTLV(12, "0064 00112233445566778899aabbccddeeff0011")
	hmacShort := bTLV(12, "0064 0011223344556677")
	mac := bTLV(16, "0102030405060708090a0b0c0d0e0f10")
	pc := bTLV(17, "0000002a 01020304")
	pcShort := bTLV(17, "0000")
	chReq := bTLV(18, "0102030405060708")
	chRep := bTLV(19, "")
	chLong := bTLV(18, hexStr("", 193))
	chRepLong := bTLV(19, hexStr("", 200))
	unknown := bTLV(20, "0102")
	unknownHi := bTLV(200, "")
	padN := bTLV(1, "000000")
	ackReq := bTLV(2, "0000 beef 0190")
	ackReqShort := bTLV(2, "0000 beef")
	ack := bTLV(3, "beef")
	ackShort := bTLV(3, "")
	ssMH0 := bTLV(15, "00 00 0009 04 00 0102030405060708")
	ssUpdOmit := bTLV(13, "02 00 40 04 0064 0020 0030 00010002") + " "

	var pkts []crafted
	add := func(tlvs string) { pkts = append(pkts, crafted{babelPacket(tlvs), 0}) }
	add(hello + helloUnsched + helloSubs)
	add(helloTSShort + hello)
	add(helloSubNoLen + hello)
	add(helloSubLong + hello)
	add(ihu0 + ihu1 + ihu2 + ihu3)
	add(ihuBadAE + hello)
	add(ihuShortAddr + hello)
	add(ihuShortTS + hello)
	add(rid + ridShort + hello)
	add(nh0 + nh1 + nh2 + nh3)
	add(nhBad + hello)
	add(nhShort)
	add(nhNoBody)
	add(upd1 + upd1Omit + upd2 + upd2Omit + upd3 + upd0)
	add(updSubs + ssUpdOmit)
	add(upd2 + ssUpdOmit)
	add(updBadAE)
	add(updPlenLong)
	add(updOmitV4Long)
	add(upd1Omit)
	add(updShortPfx)
	add(updShort + hello)
	add(rr0 + rr1 + rr2 + rr3)
	add(rrBad)
	add(rrShort)
	add(sr0 + sr1 + sr2)
	add(srBad)
	add(srShort)
	add(tspc + hmac + mac + pc + chReq + chRep)
	add(tspcShort)
	add(hmacShort)
	add(pcShort)
	add(chLong)
	add(chRepLong)
	add(unknown + unknownHi + padN + "00" + ackReq + ack)
	add(ackReqShort)
	add(ackShort)
	add(ssMH0)
	add(hmac + hmac)
	// TLVs running past the body, a lone type byte, an empty body.
	add("")
	add("04")
	add(hexCut(hello, 5))
	// A trailer after the body, well formed and invalid.
	body := hello + ihu1
	pkts = append(pkts,
		crafted{craftedUDP4(6696, 6696, fmt.Sprintf("2a02%04x ", hexLen(body))+body+pc+mac), 0},
		crafted{craftedUDP4(6696, 6696, fmt.Sprintf("2a02%04x ", hexLen(body))+body+hexCut(mac, 6)), 0},
		crafted{craftedUDP4(6696, 6696, fmt.Sprintf("2a02%04x ", hexLen(body))+body+"00 01"), 0},
		crafted{craftedUDP4(6697, 6697, fmt.Sprintf("2a02%04x ", hexLen(body))+body+"00"), 0},
		crafted{craftedUDP4(6696, 6696, "2a02ffff "+body), 0},      // body longer than the packet
		crafted{babelRawPacket(6696, 0x2b, 2, 0, ""), 0},           // bad magic
		crafted{babelRawPacket(6696, 42, 1, 0, ""), 0},             // version 1
		crafted{babelRawPacket(6697, 42, 0, 0, ""), 0},             // version 0
		crafted{babelShortUDP(2, "2a020000"), 0},                   // UDP length below the header
		crafted{babelShortUDP(4, "2a020004 "+hexCut(hello, 4)), 0}, // UDP length ends at the header
		crafted{craftedUDP6(6696, 6696, "2a02"+fmt.Sprintf("%04x", hexLen(body))+body, false), 0},
	)
	// Cut short in the header and in each TLV.
	all := babelPacket(hello + ihu2 + upd2 + sr2 + hmac + helloSubs)
	pkts = append(pkts, craftedCuts(all, hexLen(hello+ihu2+upd2+sr2+hmac+helloSubs)+4, 3)...)
	return pkts
}

// TestBabelTLVsLikeTcpdump prints babelTLVCases as tcpdump does.
func TestBabelTLVsLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "babeltlvs", babelTLVCases()) }

func init() { addFuzzSeeds(babelTLVCases()) }

// TestBabelHNCPAHCPNamesLikeTcpdump prints the crafted Babel, HNCP and
// AHCP packets without -n, where tcpdump names the addresses and
// prefixes inside them from a hosts file (run as in
// TestNamesLikeTcpdump).
func TestBabelHNCPAHCPNamesLikeTcpdump(t *testing.T) {
	var all []crafted
	for _, cs := range [][]crafted{babelTLVCases(), hncpCrafted(), hncpBranchCases(), ahcpCrafted(), ahcpBranchCases()} {
		all = append(all, cs...)
	}
	hosts := writeTemp(t, "hosts", "10.0.0.1 a.x.test\n10.0.0.2 b.x.test\n192.168.1.1 r1.x.test\n"+
		"192.168.1.0 net.x.test\n2001:db8::42 r6.x.test\n2001:db8:1:2:: net6.x.test\nfe80::1 ll.x.test\n"+
		"2001:db8::1 h6.x.test\n10.0.0.0 ten.x.test\n")
	namedLikeTcpdump(t, t.TempDir(), all, map[string]string{"hosts": hosts}, nil)
}
