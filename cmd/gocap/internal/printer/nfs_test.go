package printer

import (
	"encoding/hex"
	"fmt"
	"github.com/gocap/gocap/cbpf"
	"strings"
	"testing"
)

// words is the 32-bit big-endian words in hex.
func words(vs ...uint32) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "%08x", v)
	}
	return b.String()
}

// xdrString is an XDR string: its length and its bytes padded to four.
func xdrString(s string) string {
	n := (len(s) + 3) &^ 3
	return words(uint32(len(s))) + hexStr(s, n)
}

// ip4Frame is an Ethernet frame with an IPv4 packet of the protocol
// from src to dst (10.0.0.x) carrying l4, given in hex.
func ip4Frame(proto byte, src, dst byte, l4 string) string {
	l4 = strings.ReplaceAll(l4, " ", "")
	n := len(l4) / 2
	ip := hex.EncodeToString([]byte{0x45, 0, byte((20 + n) >> 8), byte(20 + n), 0, 1, 0, 0, 64, proto, 0, 0,
		10, 0, 0, src, 10, 0, 0, dst})
	return faultEther + ip + l4
}

// udpFrom is a UDP datagram from 10.0.0.src.sport to 10.0.0.dst.dport.
func udpFrom(src, dst byte, sport, dport uint16, payload string) string {
	payload = strings.ReplaceAll(payload, " ", "")
	n := len(payload) / 2
	return ip4Frame(17, src, dst, fmt.Sprintf("%04x%04x%04x0000", sport, dport, 8+n)+payload)
}

// tcpFrom is a TCP segment (PSH|ACK) from 10.0.0.src.sport to
// 10.0.0.dst.dport.
func tcpFrom(src, dst byte, sport, dport uint16, payload string) string {
	return ip4Frame(6, src, dst, fmt.Sprintf("%04x%04x 00000001 00000002 5018 0100 0000 0000", sport, dport)+payload)
}

// rpcCallMsg is an RPC call to NFS of the version and procedure, with
// AUTH_UNIX credentials, a null verifier and the arguments.
func rpcCallMsg(xid, vers, proc uint32, args string) string {
	cred := words(1, 0, 0) + xdrString("host") + words(0, 0, 0)
	return words(xid, 0, 2, 100003, vers, proc) + words(1, uint32(len(cred)/2)) + cred + words(0, 0) + args
}

// rpcReplyMsg is an accepted, successful RPC reply with the results.
func rpcReplyMsg(xid uint32, results string) string {
	return words(xid, 1, 0, 0, 0, 0) + results
}

// NFS file handles: NFSv2's fixed 32 bytes, and NFSv3's of a length.
var (
	nfsFH2 = "00000000 00000001 0000000a 00000002 00000000 00000000 00000000 00000000"
	nfsFH3 = words(28) + "0100000a" + "00000000" + "0a000000" + "00001234" + words(0, 0, 0)
)

// fattr2 and fattr3 are file attributes of NFSv2 and NFSv3.
var (
	fattr2 = words(1, 0o100644, 2, 0xfffffffe, 100, 5000, 4096, 0x0801, 8, 0x1234, 77, 1000, 1, 2000, 2, 3000, 3)
	fattr3 = words(2, 0o40755, 3, 0, 0xffffffff, 0, 8192, 0, 4096, 8, 1, 0x1, 0x2345, 0, 99, 1000, 1, 2000, 2, 3000, 3)
	wcc3   = words(1, 0, 100, 10, 11, 12, 13) + words(1) + fattr3
)

// nfsPair is a call from the client and the reply from the server over
// UDP.
func nfsPair(xid, vers, proc uint32, args, results string) []crafted {
	return []crafted{
		{udpFrom(1, 2, 1023, 2049, rpcCallMsg(xid, vers, proc, args)), 0},
		{udpFrom(2, 1, 2049, 1023, rpcReplyMsg(xid, results)), 0},
	}
}

// nfsCases are NFSv2 and NFSv3 calls of every procedure tcpdump decodes
// and their replies (successful, failed, with and without attributes),
// file handles of each layout tcpdump recognises, RPC rejections, and
// messages cut short.
var nfsCases = func() []crafted {
	var pkts []crafted
	add := func(cs ...crafted) { pkts = append(pkts, cs...) }
	fh2, fh3 := nfsFH2, nfsFH3
	name := xdrString("file.txt")
	sattr := words(1, 0o644, 1, 10, 1, 20, 1, 0, 2, 5, 6, 2, 7, 8)
	// NFSv3 calls and successful replies.
	x := uint32(0x100)
	pair3 := func(proc uint32, args string, results ...string) {
		for _, r := range results {
			x++
			add(nfsPair(x, 3, proc, args, r)...)
		}
	}
	pair2 := func(proc uint32, args string, results ...string) {
		for _, r := range results {
			x++
			add(nfsPair(x, 2, proc, args, r)...)
		}
	}
	pair3(0, "", "")
	pair3(1, fh3, words(0)+fattr3, words(2), words(0)+words(1, 0o644, 1, 0, 0))
	pair3(2, fh3+sattr, words(0)+wcc3, words(1)+words(0, 0), words(0)+words(1, 1, 2, 3, 4, 5, 6)+words(0))
	pair3(3, fh3+name, words(0)+fh3+words(1)+fattr3+words(1)+fattr3, words(2)+words(1)+fattr3, words(0)+fh3+words(0, 0))
	pair3(4, fh3+words(0x3f), words(0, 1)+fattr3+words(0x1f))
	pair3(4, fh3+words(0x15), words(13, 0))
	pair3(4, fh3+words(0x40), words(0, 0, 0x3f))
	pair3(4, fh3+words(0), words(0, 0, 0))
	pair3(5, fh3, words(0, 1)+fattr3+xdrString("/tmp/x"), words(0, 0)+xdrString("a\x01b\xff"), words(70))
	pair3(6, fh3+words(0, 4096, 512), words(0, 1)+fattr3+words(512, 1), words(0, 0, 100, 0), words(5, 0))
	pair3(7, fh3+words(1, 2, 100, 0, 100), words(0)+wcc3+words(100, 2)+"0102030405060708", words(28)+words(0, 0))
	pair3(7, fh3+words(0, 0, 10, 1, 10), words(0, 0, 0, 10, 1, 1, 2))
	pair3(7, fh3+words(0, 0, 10, 9, 10), words(0, 0, 0, 10, 9, 1, 2))
	pair3(8, fh3+name+words(0)+sattr, words(0, 1)+fh3+words(1)+fattr3+wcc3, words(0, 0), words(17)+wcc3, words(0, 1)+fh3+words(0)+words(0, 0))
	pair3(9, fh3+name+sattr, words(0, 1)+fh3+words(1)+fattr3+wcc3)
	pair3(10, fh3+name+sattr+xdrString("target"), words(0, 1)+fh3+words(0, 0, 0))
	pair3(10, fh3+name+words(0, 0, 0, 0, 0, 0)+xdrString("t"), words(0, 0))
	pair3(11, fh3+name+words(4)+sattr+words(5, 6), words(0, 1)+fh3+words(1)+fattr3+wcc3)
	pair3(11, fh3+name+words(3)+words(0, 0, 0, 0, 0, 0)+words(1, 2), words(0, 0))
	pair3(11, fh3+name+words(7)+words(1, 0o600, 0, 0, 0, 1, 0), words(0, 0))
	pair3(11, fh3+name+words(9)+words(0, 0, 0, 0, 0, 0), words(0, 0))
	pair3(12, fh3+name, words(0)+wcc3, words(2, 0, 0))
	pair3(13, fh3+name, words(66, 0, 0))
	pair3(14, fh3+name+fh3+xdrString("new"), words(0)+wcc3+wcc3, words(18, 0, 0, 0, 0))
	pair3(15, fh3+fh3+name, words(0, 1)+fattr3+wcc3, words(31, 0, 0, 0))
	pair3(16, fh3+words(0, 5, 0xdeadbeef, 0xcafe, 4096), words(0, 1)+fattr3+words(0x11, 0x22), words(20, 0))
	pair3(16, fh3+words(0xffffffff, 0xffffffff, 0, 0, 4096), words(0, 0, 1, 2))
	pair3(17, fh3+words(0, 0, 1, 2, 1024, 8192), words(0, 1)+fattr3+words(3, 4), words(10003, 0))
	pair3(18, fh3, words(0, 1)+fattr3+words(0, 1000, 0, 500, 0, 400, 0, 10, 0, 5, 0, 4, 30), words(5, 0)+words(0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 7))
	pair3(19, fh3, words(0, 1)+fattr3+words(65536, 32768, 512, 65536, 32768, 512, 4096, 0xffffffff, 0xffffffff, 0, 1, 0x1b), words(10006, 0))
	pair3(20, fh3, words(0, 1)+fattr3+words(32000, 255, 1, 0, 1, 0), words(0, 0)+words(1, 2, 0, 1, 0, 1), words(1, 0))
	pair3(21, fh3+words(0, 0, 4096), words(0)+wcc3+"1122334455667788", words(0, 0, 0)+"0102030405060708")
	pair3(22, fh3, words(0))
	pair3(25, fh3, words(0))
	// NFSv2 calls and replies.
	pair2(0, "", "")
	pair2(1, fh2, words(0)+fattr2, words(13))
	pair2(2, fh2+words(0o644, 0, 0, 0, 0, 0, 0, 0), words(0)+fattr2)
	pair2(3, fh2, words(0))
	pair2(4, fh2+name, words(0)+fh2+fattr2, words(2))
	pair2(5, fh2, words(0)+xdrString("link"), words(22))
	pair2(6, fh2+words(8192, 1024, 0), words(0)+fattr2)
	pair2(7, fh2, words(0))
	pair2(8, fh2+words(0, 4096, 8192, 100), words(0)+fattr2, words(28))
	pair2(9, fh2+name+words(0o644, 0, 0, 0, 0, 0, 0, 0), words(0)+fh2+fattr2, words(17))
	pair2(10, fh2+name, words(0), words(1))
	pair2(11, fh2+name+fh2+name, words(0))
	pair2(12, fh2+fh2+name, words(0))
	pair2(13, fh2+name+xdrString("to")+words(0o777, 0, 0, 0, 0, 0, 0, 0), words(0))
	pair2(14, fh2+name+words(0o755, 0, 0, 0, 0, 0, 0, 0), words(0)+fh2+fattr2)
	pair2(15, fh2+name, words(66))
	pair2(16, fh2+words(0, 4096), words(0, 1, 2, 1), words(0, 1, 2, 0), words(2))
	pair2(17, fh2, words(0, 8192, 4096, 1000, 500, 400), words(70))
	pair2(18, fh2, words(0))
	pair2(30, fh2, words(0))
	x++
	add(nfsPair(x, 4, 1, fh2, words(0)+fattr2)...)
	// File handles of each layout tcpdump guesses.
	for _, fh := range []string{
		"00000000 00000007 00000000 0000abcd",
		"00000102 05000000 0c000000 01000000",
		"00000102 00080000 00000005 00000000",
		"00000102 01000000 00000000 00000009",
		"01020000 01020000 00000000 000000ff",
		"01020000 01020304 0000000a 00000010 00000000 00ff0000",
		"01020000 01020304 00000000 00000010 00000000 00000000",
		"01020000 0102030a 000a0000 00000010",
		"01020000 01020304 050a0000 00000010",
		"0102030a 00000000 000a0000 00000011",
		"0102030a 00000002 000a0000 00000011",
		"0102030a 00000003 000a0000 00000011",
		"0144554b 41303a00 00000000 00000000 00000000 00000504 00000607",
		"01444b20 41303a00 00000000 00000000 00000000 00000504 00000607",
		"0144554b 41303a30 31323334 00000000 00000000 00000504 00000607 08090a0b",
		"0144554b 4130003a 00000000 00000000 00000000 00000504 00000607",
		"0144554b 4130003a 41000000 00000000 00000000 00000504 00000607",
		"0144554b 4130003a 01000000 00000000 00000000 00000504 00000607",
		"01020304 05060708 090a0b0c 0d0e0f10",
		"01020304",
		"0102030405060708",
		"010203040506070809101112",
		"",
		"0102030405060708091011121314151617181920212223242526272829303132333435363738394041424344454647484950515253545556575859606162636465",
		"01020304 05060708 090a0b0c 0d0e0f10 11121314",
		"01020304 05060708 090a0b0c 0d0e0f10 11121314 15161718",
	} {
		fh = strings.ReplaceAll(fh, " ", "")
		x++
		add(nfsPair(x, 3, 1, words(uint32(len(fh)/2))+fh, words(0)+fattr3)...)
	}
	// Rejected and failed calls, replies to no call seen.
	add(crafted{udpFrom(2, 1, 2049, 1023, words(9, 1, 1, 0, 2, 4)), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, words(9, 1, 1, 1, 5)), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, words(9, 1, 1, 1, 99)), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, words(9, 1, 1, 7)), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, words(9, 1, 5, 0)), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, words(9, 1, 0, 0, 0, 0, 0)), 0})
	x++
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(x, 3, 1, fh3)), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, words(x, 1, 0, 0, 0, 1)), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, words(x, 1, 0, 0, 0, 9)), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, words(x, 1, 0, 0, 100, 0)), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, words(x, 1, 0, 0, 4, 1, 2, 3)), 0})
	add(crafted{udpFrom(3, 1, 2049, 1023, words(x, 1, 0, 0, 0, 0, 0)), 0})
	add(crafted{udpFrom(2, 3, 2049, 1023, words(x, 1, 0, 0, 0, 0, 0)), 0})
	add(crafted{udpFrom(1, 2, 2049, 1023, words(x, 1, 0, 0, 0, 0, 0)), 0})
	// Calls with broken credentials or verifiers, and names that cannot
	// be padded.
	add(crafted{udpFrom(1, 2, 1023, 2049, words(1, 0, 2, 100003, 3, 1, 1, 0xfffffffd, 0, 0)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, words(1, 0, 2, 100003, 3, 1, 1, 100, 0, 0)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, words(1, 0, 2, 100003, 3, 1, 1, 0, 0, 0)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, words(1, 0, 2, 100003, 3, 1, 1, 0, 0, 40)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, words(1, 0, 2, 100003, 3, 1, 1, 0)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, words(1, 0, 2, 100003, 3, 1)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, words(1, 0, 2, 100003, 3)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, words(1, 0)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, words(1)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 3, fh3+words(0xfffffffe))), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 3, fh3+words(100)+"6162")), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 3, words(1000)+"00")), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 2, 3, "0000")), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 4, fh3)), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 6, fh3+words(0, 0))), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 11, fh3+name+words(3, 1))), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 10, fh3+name+words(0, 0, 0, 0, 0, 0)+words(50))), 0})
	add(crafted{udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 14, fh3+name+fh3)), 0})
	// Replies cut short at each stage.
	for _, res := range []string{
		words(0) + "000000", words(0, 1) + fattr3[:100], words(0, 1) + fattr3[:40], words(0, 1) + fattr3[:36],
	} {
		x++
		add(nfsPair(x, 3, 1, fh3, res)...)
	}
	for _, res := range []string{
		words(0) + fattr2[:100], words(0) + fattr2[:30],
	} {
		x++
		add(nfsPair(x, 2, 1, fh2, res)...)
	}
	x++
	add(nfsPair(x, 3, 18, fh3, words(0, 0, 0, 1000))...)
	x++
	add(nfsPair(x, 2, 17, fh2, words(0, 1, 2))...)
	x++
	add(nfsPair(x, 3, 19, fh3, words(0, 0, 1, 2))...)
	x++
	add(nfsPair(x, 3, 20, fh3, words(0, 0, 1, 2))...)
	x++
	add(nfsPair(x, 3, 3, fh3+name, words(0)+fh3[:20])...)
	x++
	add(nfsPair(x, 3, 8, fh3+name+words(0)+sattr, words(0, 1)+fh3[:20])...)
	x++
	add(nfsPair(x, 3, 12, fh3+name, words(0, 1, 2, 3))...)
	x++
	add(nfsPair(x, 3, 12, fh3+name, words(0, 0, 1, 2))...)
	x++
	add(nfsPair(x, 3, 5, fh3, words(0, 0, 20)+"6162")...)
	add(craftedCut(udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 7, fh3+words(0, 0, 10, 1, 10))), 10))
	add(craftedCut(udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 7, fh3+words(0, 0, 10, 1, 10))), 30))
	add(craftedCut(udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 7, fh3+words(0, 0, 10, 1, 10))), 60))
	add(craftedCut(udpFrom(1, 2, 1023, 2049, rpcCallMsg(1, 3, 7, fh3+words(0, 0, 10, 1, 10))), 80))
	// Over TCP, with a record mark.
	x++
	call := rpcCallMsg(x, 3, 6, fh3+words(0, 4096, 512))
	add(crafted{tcpFrom(1, 2, 1023, 2049, words(0x80000000|uint32(len(call)/2))+call), 0})
	reply := rpcReplyMsg(x, words(0, 1)+fattr3+words(512, 1))
	add(crafted{tcpFrom(2, 1, 2049, 1023, words(0x80000000|uint32(len(reply)/2))+reply), 0})
	add(crafted{tcpFrom(2, 1, 2049, 1023, words(0x80000010)+reply), 0})
	add(crafted{tcpFrom(1, 2, 1023, 2049, words(0x80000000)+"00000001"), 0})
	add(crafted{tcpFrom(1, 2, 2049, 1023, words(0x80000000)+call), 0})
	add(craftedCut(tcpFrom(1, 2, 1023, 2049, words(0x80000000|uint32(len(call)/2))+call), 40))
	// Over IPv6, where an IPv4 reply of the same xid does not match.
	x++
	add(crafted{craftedUDP6(1023, 2049, rpcCallMsg(x, 3, 1, fh3), false), 0})
	add(crafted{udpFrom(2, 1, 2049, 1023, rpcReplyMsg(x, words(0)+fattr3)), 0})
	add(crafted{craftedUDP6(2049, 1023, rpcReplyMsg(x, words(0)+fattr3), false), 0})
	add(crafted{craftedUDP6(2049, 1023, rpcReplyMsg(x, words(0)+fattr3), true), 0})
	// Not NFS: a call from the NFS port, a reply to it.
	add(crafted{udpFrom(1, 2, 2049, 1023, rpcCallMsg(1, 3, 1, fh3)), 0})
	add(crafted{udpFrom(2, 1, 1023, 2049, rpcReplyMsg(1, words(0))), 0})
	add(crafted{udpFrom(2, 1, 1023, 2049, "0000"), 0})
	return pkts
}()

// TestNFSLikeTcpdump prints NFSv2 and NFSv3 calls and replies (matched
// to their calls), file handles of each layout, RPC rejections, and
// messages cut short, over UDP and TCP, as tcpdump does.
func TestNFSLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "nfs", nfsCases)
}

func init() { craftedSeeds = append(craftedSeeds, nfsCases...) }

// TestNFSRawHandlesLikeTcpdump prints the NFS cases with -u, which shows
// file handles as hex words instead of decoding them.
func TestNFSRawHandlesLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "nfsu", cbpf.LinkEN10MB, nfsCases, []flagSet{
		{[]string{"-nn", "-u"}, Options{NumericLevel: 2, RawNFSHandles: true}},
		{[]string{"-nn", "-u", "-vv"}, Options{NumericLevel: 2, Verbose: 2, RawNFSHandles: true}},
	})
}
