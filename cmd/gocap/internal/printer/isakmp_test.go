package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// ikePay is an ISAKMP payload (hex) of type-chain byte next, critical
// byte crit, with body (hex) after its generic header.
func ikePay(next, crit byte, body string) string {
	body = strings.ReplaceAll(body, " ", "")
	return fmt.Sprintf("%02x%02x%04x", next, crit, 4+len(body)/2) + body
}

// ikeMsg is an ISAKMP message (hex): the cookies (8 bytes each, hex),
// first payload np, version, exchange type, flags and message ID, then
// the payloads; the header's length is the message's unless length > 0.
func ikeMsg(ick, rck string, np, vers, etype, flags byte, msgid uint32, length int, pays ...string) string {
	body := strings.ReplaceAll(strings.Join(pays, ""), " ", "")
	if length == 0 {
		length = 28 + len(body)/2
	}
	h := []byte{np, vers, etype, flags, byte(msgid >> 24), byte(msgid >> 16), byte(msgid >> 8), byte(msgid),
		byte(length >> 24), byte(length >> 16), byte(length >> 8), byte(length)}
	return ick + rck + hex.EncodeToString(h) + body
}

// craftedUDP6 is an Ethernet frame carrying an IPv6 UDP datagram from
// [2001:db8::1].sport to [2001:db8::2].dport with the payload (hex);
// reversed swaps the addresses.
func craftedUDP6(sport, dport uint16, payload string, reversed bool) string {
	n := len(strings.ReplaceAll(payload, " ", "")) / 2
	a, b := "20010db8000000000000000000000001", "20010db8000000000000000000000002"
	if reversed {
		a, b = b, a
	}
	u := hex.EncodeToString([]byte{byte(sport >> 8), byte(sport), byte(dport >> 8), byte(dport), byte((8 + n) >> 8), byte(8 + n), 0, 0})
	return "000000000002 000000000001 86dd 60000000" + fmt.Sprintf("%04x", 8+n) + "1140" + a + b + u + payload
}

// reversed is pkt with the IPv4 source and destination swapped.
func reversed(pkt string) string {
	return strings.Replace(pkt, "0a0000010a000002", "0a0000020a000001", 1)
}

// isakmpCases are the crafted isakmp packets, well formed, malformed and cut
// short.
func isakmpCases() []crafted {
	const (
		ick  = "1111111111111111"
		ick2 = "2222222222222222"
		rck  = "aaaaaaaaaaaaaaaa"
		zero = "0000000000000000"
	)
	// IKEv1 main mode: SA with an IKE proposal and transforms.
	oakley := "800100058002000280030001800400028005000180060001800b0001000c000400007080" + "000e0080" + "801100aa" + "8004000e" + "80040012"
	t1 := ikePay(3, 0, "0101 0000"+oakley)
	t2 := ikePay(0, 0, "0201 0000 80010007 0099 0002 abcd")
	prop := ikePay(0, 0, "01 01 00 02"+t1+t2)
	sa := ikePay(13, 0, "00000001 00000001"+prop)
	vid := ikePay(0, 0, "4048b7d56ebce88525e7de7f00d6c2d3")
	first := ikeMsg(ick, zero, 1, 0x10, 2, 0, 0, 0, sa, vid)
	// Quick mode: hash, SA with ESP and AH proposals, nonce, KE, IDs.
	espT := ikePay(0, 0, "010c 0000 80010001 80020e10 80040001 80050002 80060100 80070003 8003000e 80050009 8009 0000")
	espP := ikePay(2, 0, "01 03 04 01 12345678"+espT)
	ahT := ikePay(0, 0, "0103 0000 80050001")
	ahP := ikePay(0, 0, "02 02 04 01 87654321"+ahT)
	compT := ikePay(0, 0, "0102 0000 80040002")
	compP := ikePay(0, 0, "03 04 02 01 abcd"+compT)
	unkT := ikePay(0, 0, "0107 0000 80010001 0002 0002 1234")
	unkP := ikePay(0, 0, "04 09 00 01"+unkT)
	saQ := ikePay(10, 0, "00000001 00000001"+espP+ahP)
	hash := ikePay(1, 0, strings.Repeat("5a", 20))
	nonce := ikePay(4, 0, strings.Repeat("3c", 40))
	ke := ikePay(5, 0, strings.Repeat("77", 16))
	idv4 := ikePay(5, 0, "01 11 01f4 c0000201")
	idnet := ikePay(5, 0, "04 06 0000 0a000000 ffffff00")
	idfq := ikePay(5, 0, "02 00 0000 766f70802e6578016d")
	idv6 := ikePay(5, 0, "05 00 0000 20010db8000000000000000000000001")
	id6net := ikePay(5, 0, "06 00 0000 20010db8000000000000000000000000 ffffffffffffffff0000000000000000")
	idr4 := ikePay(5, 0, "07 00 0000 0a000001 0a0000ff")
	idr6 := ikePay(5, 0, "08 00 0000 20010db8000000000000000000000001 20010db80000000000000000000000ff")
	iddn := ikePay(5, 0, "09 00 0000 3003020101")
	idbad := ikePay(5, 0, "01 00 0000 c000")
	idbad6 := ikePay(5, 0, "06 00 0000 c000")
	idbare := ikePay(0, 0, "05 00 0000")
	quick := ikeMsg(ick, rck, 8, 0x10, 32, 0, 0x01020304, 0, hash, saQ, nonce, ke, idv4, idnet, idfq, idv6, id6net, idr4, idr6, iddn, idbad, idbad6, idbare)
	// Other SA forms: non-IPsec DOI, secrecy situation, IPCOMP and an
	// unknown protocol.
	saDOI := ikePay(1, 0, "00000002 00000007")
	saSec := ikePay(1, 0, "00000001 00000006 00000000"+compP)
	saUnk := ikePay(0, 0, "00000001 00000001"+unkP)
	saForms := ikeMsg(ick, rck, 1, 0x10, 4, 0, 0, 0, saDOI, saSec, saUnk)
	// Certificates, signatures, notifications, deletes.
	cert := ikePay(7, 0, "04 3082000a")
	cr := ikePay(9, 0, "0e")
	sig := ikePay(11, 0, strings.Repeat("99", 8))
	nContact := ikePay(11, 0, "00000001 03 04 6002 deadbeef")
	nLife := ikePay(11, 0, "00000001 03 04 6000 01020304 800b0001 000c0004 00015180")
	nReplay := ikePay(11, 0, "00000001 02 00 6001 00000001")
	nErr := ikePay(11, 0, "00000001 01 00 000e"+strings.Repeat("61", 40))
	nIpsecErr := ikePay(11, 0, "00000001 03 00 2000")
	nStat := ikePay(11, 0, "00000001 03 00 4000")
	nUnk := ikePay(11, 0, "00000001 03 00 9000")
	nDOI := ikePay(11, 0, "00000002 05 02 4000 abcd")
	nDOIe := ikePay(11, 0, "00000002 05 00 0018")
	nDOIp := ikePay(12, 0, "00000002 05 00 2001")
	del := ikePay(12, 0, "00000001 03 04 0002 11223344 55667788")
	delD := ikePay(14, 0, "00000005 09 00 0001")
	pay14 := ikePay(0, 0, "00")
	info := ikeMsg(ick, rck, 6, 0x10, 5, 0, 0x0a0b0c0d, 0, cert, cr, sig, nContact, nLife, nReplay, nErr, nIpsecErr, nStat, nUnk, nDOI, nDOIe, nDOIp, del, delD, pay14)
	// IKEv2.
	v2t := func(next byte, body string) string { return ikePay(next, 0, body) }
	v2prop := ikePay(2, 0, "01 01 00 06"+
		v2t(3, "01 00 000c 800e0080")+v2t(3, "02 00 0002")+v2t(3, "03 00 000c")+
		v2t(3, "04 00 000e")+v2t(3, "05 00 0001")+v2t(0, "09 00 0007 00010002 abcd"))
	v2prop2 := ikePay(0, 0, "02 03 04 01 01020304"+v2t(0, "01 00 0014 800e0100"))
	v2sa := ikePay(34, 0, v2prop+v2prop2)
	v2ke := ikePay(40, 0x80, "000e 0000"+strings.Repeat("4b", 16))
	v2nonce := ikePay(41, 0, strings.Repeat("6e", 32))
	v2nNat := ikePay(41, 0, "01 08 4004 0102030405060708 aabbccdd")
	v2nCookie := ikePay(41, 0, "00 00 4006 0123456789")
	v2nCookie2 := ikePay(41, 0, "00 00 4006"+strings.Repeat("c0", 40))
	v2nErr := ikePay(41, 0, "03 04 0018 11223344")
	v2nUnk := ikePay(41, 0, "00 00 1234")
	v2nPriv := ikePay(41, 0, "00 00 a001")
	v2nStat := ikePay(43, 0, "00 00 5000")
	v2vid := ikePay(0, 0, "4f70656e53776164650a00")
	v2init := ikeMsg(ick, zero, 33, 0x20, 34, 0x08, 0, 0, v2sa, v2ke, v2nonce, v2nNat, v2nCookie, v2nCookie2, v2nErr, v2nUnk, v2nPriv, v2nStat, v2vid)
	v2idi := ikePay(36, 0, "01 000000 0a000001")
	v2idr := ikePay(39, 0x80, "02 000000 766f7076046578")
	v2auth := ikePay(37, 0, "02 000000"+strings.Repeat("a5", 20))
	v2cert := ikePay(38, 0, "04 3003")
	v2cr := ikePay(42, 0, "04 00")
	v2d := ikePay(44, 0, "03 04 0001 01020304")
	v2ts := ikePay(45, 0, "01000000 07000010 00000000ffff 0a000000 0a0000ff")
	v2tsr := ikePay(47, 0, "01000000")
	v2cp := ikePay(48, 0, "01000000 0001 0000")
	v2eap := ikePay(35, 0, "01020005 01")
	v2id3 := ikePay(35, 0, "03 000000 6140622e63")
	v2id5 := ikePay(35, 0, "05 000000 20010db8000000000000000000000001")
	v2id9 := ikePay(35, 0, "09 000000 3000")
	v2id10 := ikePay(35, 0, "0a 000000 3000")
	v2id11 := ikePay(35, 0, "0b 000000 1234")
	v2id99 := ikePay(0, 0, "63 000000 1234")
	v2auth2 := ikeMsg(ick, rck, 35, 0x20, 35, 0x20, 1, 0, v2idi, v2idr, v2auth, v2cert, v2cr, v2d, v2ts, v2tsr, v2cp, v2eap, v2id3, v2id5, v2id9, v2id10, v2id11, v2id99)
	v2enc := ikeMsg(ick, rck, 46, 0x20, 35, 0x08, 1, 0, ikePay(35, 0, strings.Repeat("e0", 24)))
	v2encFlag := ikeMsg(ick, rck, 46, 0x20, 37, 0x09, 2, 0, ikePay(35, 0, "e0e0"))
	clean := ikePay(0, 0, "00000001 00000001"+ikePay(0, 0, "01 01 00 01"+ikePay(0, 0, "0101 0000 80010007 800e0100 800c0e10 80040012 80040013 800b0002")))
	hash0 := ikePay(0, 0, strings.Repeat("5a", 20))
	pkts := []crafted{
		{craftedUDP4(500, 500, first), 0},
		{craftedUDP4(500, 500, ikeMsg(ick2, zero, 1, 0x10, 2, 0, 0, 0, clean)), 0},
		{reversed(craftedUDP4(500, 500, ikeMsg(ick2, rck, 8, 0x10, 2, 0, 0, 0, hash0))), 0},
		{craftedUDP4(500, 500, ikeMsg(ick2, rck, 8, 0x10, 2, 0, 0, 0, hash0)), 0},
		{reversed(craftedUDP4(500, 500, ikeMsg(ick, rck, 1, 0x10, 2, 0, 0, 0, sa))), 0},
		{craftedUDP4(500, 500, ikeMsg(ick, rck, 8, 0x10, 2, 0x03, 0, 0, hash)), 0},
		{craftedUDP4(500, 500, ikeMsg(ick2, rck, 8, 0x10, 2, 0x02, 0, 0, hash)), 0},
		{craftedUDP4(500, 500, ikeMsg(zero, rck, 8, 0x10, 6, 0x04, 0, 0, hash)), 0},
		{craftedUDP4(500, 500, quick), 0},
		{craftedUDP4(500, 500, saForms), 0},
		{craftedUDP4(500, 500, info), 0},
		{craftedUDP4(500, 500, ikeMsg(ick, rck, 8, 0x10, 99, 0, 0, 999, hash)), 0},
		{craftedUDP4(500, 500, ikeMsg(ick, rck, 8, 0x31, 0, 0, 0, 0, hash)), 0},
		{craftedUDP4(500, 500, ikeMsg(ick, rck, 8, 0x10, 5, 0, 0, 0, ikePay(0, 0, ""))), 0},
		{craftedUDP4(500, 500, ikeMsg(ick, rck, 8, 0x10, 5, 0, 0, 0, "00000040 1234")), 0},
		{craftedUDP4(500, 500, ikeMsg(ick, rck, 8, 0x10, 5, 0, 0, 0, "0000")), 0},
		{craftedUDP4(500, 500, ikeMsg(ick, rck, 8, 0x10, 5, 0, 0, 0, ikePay(0, 0, "0102")+ikePay(0, 0, "03"))), 0},
		{craftedUDP4(500, 500, ick+rck+"0810"), 0},
		{craftedUDP4(7500, 8500, v2init), 0},
		{craftedUDP4(500, 500, v2auth2), 0},
		{craftedUDP4(500, 500, v2enc), 0},
		{craftedUDP4(500, 500, v2encFlag), 0},
		// IPv6: a new initiator, its responder, and a third party.
		{craftedUDP6(500, 500, ikeMsg("3333333333333333", zero, 8, 0x10, 2, 0, 0, 0, hash0), false), 0},
		{craftedUDP6(500, 500, ikeMsg("3333333333333333", rck, 8, 0x10, 2, 0, 0, 0, hash0), true), 0},
		{craftedUDP4(500, 500, ikeMsg("3333333333333333", rck, 8, 0x10, 2, 0, 0, 0, hash0)), 0},
		{craftedUDP6(500, 500, ikeMsg(ick, rck, 8, 0x10, 2, 0, 0, 0, hash0), false), 0},
		// ESP straight over IP, with and without a byte after its header.
		{faultEther + faultIP4(50, 8) + "01020304 00000001", 0},
		{faultEther + faultIP4(50, 9) + "01020304 00000001 ff", 0},
		// NAT traversal on port 4500.
		{craftedUDP4(4500, 4500, "ff"), 0},
		{craftedUDP4(4500, 4500, "0000"), 0},
		{craftedUDP4(4500, 4500, "00000000"+ikeMsg(ick, rck, 8, 0x10, 2, 0, 0, 0, hash)), 0},
		{craftedUDP4(4500, 4500, "00000000"+v2enc), 0},
		{craftedUDP4(4500, 4500, "00000000 0102"), 0},
		{craftedUDP4(4500, 4500, "01020304 00000007 aabbccddeeff"), 0},
		{craftedUDP4(4500, 4500, "01020304 0000"), 0},
	}
	// Every message cut short at a range of points.
	for _, m := range []string{quick, info, v2init, v2auth2, saForms} {
		full := craftedUDP4(500, 500, m)
		n := len(strings.ReplaceAll(m, " ", "")) / 2
		for _, drop := range []int{1, 2, 3, 5, 9, 17, 30, 47, 64, 90, n - 40, n - 30, n - 29, n - 27} {
			if drop > 0 && drop < n {
				pkts = append(pkts, craftedCut(full, drop))
			}
		}
	}
	for drop := 1; drop < 120; drop += 4 {
		pkts = append(pkts, craftedCut(craftedUDP4(500, 500, first), drop))
	}
	return pkts
}

func init() { craftedSeeds = append(craftedSeeds, isakmpCases()...) }

func TestISAKMPLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "isakmp", isakmpCases()) }

// TestISAKMPVerbose4LikeTcpdump compares the ISAKMP packets at -vvvv,
// where tcpdump prints notification data in full.
func TestISAKMPVerbose4LikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "isakmp4", cbpf.LinkEN10MB, isakmpCases(), []flagSet{
		{[]string{"-nn", "-vvvv"}, Options{NumericLevel: 2, Verbose: 4}},
		{[]string{"-nn", "-vvvv", "-x"}, Options{NumericLevel: 2, Verbose: 4, Hex: 1}},
	})
}
