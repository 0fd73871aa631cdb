package printer

import (
	"fmt"
	"strings"
	"testing"
)

// rxBranchHdr is an Rx header (hex): epoch, connection id, the call
// number, sequence number 1, serial 1, the type and flags, security
// index 2 and service id 1.
func rxBranchHdr(call uint32, typ, flags byte) string {
	return fmt.Sprintf("0000abcd 00001230 %08x 00000001 00000001 %02x %02x 00 02 0000 0001 ", call, typ, flags)
}

// rxBranchCall is an Ethernet frame with a client-initiated Rx data packet
// from 10.0.0.1.7001 to 10.0.0.2.port: the opcode, then args (hex).
func rxBranchCall(call uint32, port uint16, op uint32, args string) string {
	return craftedUDP4(7001, port, rxBranchHdr(call, rxData, rxClientIni)+words(op)+args)
}

// rxBranchReply is the server's answer to rxBranchCall: an Rx packet of the
// type (data or abort) from 10.0.0.2.port back to 10.0.0.1.7001.
func rxBranchReply(call uint32, port uint16, typ byte, body string) string {
	return rxReplySwap(craftedUDP4(port, 7001, rxBranchHdr(call, typ, 0)+body))
}

// rxBranchVec is a name stored one character per 32-bit word, n words.
func rxBranchVec(s string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		c := byte(0)
		if i < len(s) {
			c = s[i]
		}
		fmt.Fprintf(&b, "%08x", c)
	}
	return b.String()
}

// rxBranchUUID is an AFS UUID as eleven 32-bit words.
func rxBranchUUID(seed uint32) string {
	return words(0x01020304+seed, 0x0506, 0x0708, 9, 10, 11, 12, 13, 14, 15, 0x1ff)
}

// rxBranchCases are Rx calls and their replies reaching the branches the
// other Rx tests leave out: the ubik calls and replies the pt, vldb and
// kauth services print, the replies of every service (data and abort),
// the VLDB entries with their server and partition lists, volume
// listings, callbacks and UUIDs, acks with -vv's trailing fields, Rx
// over IPv6, each also cut short.
func rxBranchCases() []crafted {
	var pkts []crafted
	call := uint32(0x100)
	// pair adds a call and, for each reply body (type: data unless the
	// body starts with "abort:"), a reply to it, then the reply cut
	// short at every word.
	pair := func(port uint16, op uint32, args string, replies ...string) {
		for _, rep := range replies {
			call++
			c := rxBranchCall(call, port, op, args)
			typ := byte(rxData)
			if body, ok := strings.CutPrefix(rep, "abort:"); ok {
				typ, rep = rxAbort, body
			}
			r := rxBranchReply(call, port, typ, rep)
			pkts = append(pkts, crafted{hex: c}, crafted{hex: r})
			for drop := 2; drop < hexLen(rep); drop += 4 {
				pkts = append(pkts, crafted{hex: c}, craftedCut(r, drop))
			}
		}
		if len(replies) == 0 {
			call++
			c := rxBranchCall(call, port, op, args)
			pkts = append(pkts, crafted{hex: c})
			for drop := 1; drop < hexLen(args); drop += 4 {
				pkts = append(pkts, craftedCut(c, drop))
			}
		}
	}
	ver := func(a, b uint32) string { return words(a, b) }
	// Ubik calls through each service that checks for them.
	for _, port := range []uint16{rxPortPT, rxPortVLDB, rxPortKAuth} {
		pair(port, 10000, words(1, 0x5f000000)+ver(3, 4)+ver(5, 6))
		pair(port, 10000, words(0, 0)+ver(0, 0)+ver(7, 8))
		pair(port, 10003, words(0x0a000001))
		for _, op := range []uint32{20000, 20001, 20007, 20008, 20010} {
			pair(port, op, ver(9, op))
		}
		pair(port, 20002, ver(1, 2)+words(3, 0xffffffff, 100, 1))
		pair(port, 20003, ver(1, 2)+words(3, 4096))
		pair(port, 20005, words(7))
		pair(port, 20006, words(1, 2)+ver(3, 4))
		pair(port, 20009, ver(1, 2)+words(3, 4))
		pair(port, 20012, ver(1, 2)+ver(3, 4)+ver(5, 6))
		pair(port, 20004, "")
		pair(port, 10001, words(1))
		// Dates at the ends of a signed 32-bit time.
		pair(port, 10000, words(1, 0x80000000)+ver(1, 2)+ver(3, 4))
		pair(port, 10000, words(1, 0x7fffffff)+ver(1, 2)+ver(3, 4))
		pair(port, 10000, words(1, 0xffffffff)+ver(1, 2)+ver(3, 4))
		// Ubik replies.
		pair(port, 10000, words(1, 0)+ver(1, 1)+ver(1, 1), "", "abort:"+words(0x5f000000))
		pair(port, 20004, "", ver(11, 12), "abort:"+words(0xfffffff0))
		pair(port, 20013, ver(1, 2), words(1), "abort:"+words(5))
	}
	// VLDB replies.
	servers := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(words(0x0a000001 + uint32(i)))
		}
		return b.String()
	}
	parts := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(words([]uint32{0, 1, 25, 26, 27, 0xffffffff}[i%6]))
		}
		return b.String()
	}
	name := rxBranchVec("root.cell", 65)
	entry8 := func(ns uint32) string {
		return name + words(0) + words(ns) + servers(8) + parts(8) + words(0, 0, 0, 0, 0, 0, 0, 0) + words(536870915, 536870916, 536870917)
	}
	entry13 := func(ns uint32) string {
		return name + words(ns) + servers(13) + parts(13) + strings.Repeat(words(0), 13) + words(7, 8, 9)
	}
	uuids := func(ns uint32) string {
		var b strings.Builder
		for i := 0; i < 13; i++ {
			b.WriteString(rxBranchUUID(uint32(i)))
		}
		return name + words(ns) + b.String() + strings.Repeat(words(0), 13) + parts(13) + strings.Repeat(words(0), 13) + words(7, 8, 9)
	}
	pair(rxPortVLDB, 503, words(536870915, 0), entry8(2), entry8(8), entry8(0), "abort:"+words(363524))
	pair(rxPortVLDB, 504, xdrString("root.afs"), entry8(20))
	pair(rxPortVLDB, 510, words(1), words(5, 6)+entry8(3))
	pair(rxPortVLDB, 505, words(1), words(536870999))
	pair(rxPortVLDB, 518, words(1, 0), entry13(13))
	pair(rxPortVLDB, 519, xdrString("x"), entry13(1))
	pair(rxPortVLDB, 521, words(2), words(7, 8)+entry13(4))
	pair(rxPortVLDB, 529, words(2), words(7, 8)+entry13(0))
	pair(rxPortVLDB, 526, words(1, 0), uuids(2))
	pair(rxPortVLDB, 527, xdrString("y"), uuids(13))
	pair(rxPortVLDB, 514, "", words(1, 2), "abort:"+words(1))
	// PT replies.
	pair(rxPortPT, 504, words(2)+rxBranchVec("alice", 64)+rxBranchVec("bob", 64), words(2, 1001, 0xfffffffe), words(0))
	pair(rxPortPT, 505, words(1, 1001), words(2)+rxBranchVec("alice", 64)+rxBranchVec("b\x01b", 64), words(0))
	for _, op := range []uint32{508, 514, 517, 518, 519} {
		pair(rxPortPT, op, words(1001), words(3, 1, 0xffffffff, 77), words(0))
	}
	pair(rxPortPT, 510, "", words(1000, 0xffffff00), "abort:"+words(267268))
	pair(rxPortPT, 500, xdrString("carol")+words(0, 0), words(1))
	// Callback calls and replies.
	pair(rxPortCB, 204, words(2, 1, 2, 3, 4, 5, 6)+words(2, 1, 0x5f000000, 1, 2, 0x5f000001, 2))
	pair(rxPortCB, 204, words(0, 0))
	pair(rxPortCB, 214, rxBranchUUID(1))
	pair(rxPortCB, 213, "", rxBranchUUID(2), "abort:"+words(0xffffff9c))
	pair(rxPortCB, 206, "", "", "abort:"+words(3))
	// Volume server replies.
	volEntry := func(n string, id uint32) string {
		return rxBranchVec(n, 32) + words(id) + strings.Repeat(words(1), 21)
	}
	pair(rxPortVol, 100, words(1)+xdrString("v")+words(0, 0), words(536870920, 77))
	pair(rxPortVol, 104, words(77), words(0))
	pair(rxPortVol, 105, words(77, 0, 1)+xdrString("v.backup"), words(536870921))
	pair(rxPortVol, 107, words(77), words(4))
	pair(rxPortVol, 108, words(1, 2, 3), words(78))
	pair(rxPortVol, 110, words(0), words(536870920, 1))
	pair(rxPortVol, 112, "", xdrString("user.alice"))
	pair(rxPortVol, 113, "", words(536870920, 9, 0, 536870920, 0, 0, 0, 5000, 0, 1)+words(0x5f000000, 0x5f000001, 0x5f000002, 0, 0x5f000003, 0x5f000004))
	pair(rxPortVol, 115, "", words(1, 2))
	pair(rxPortVol, 116, words(0, 1), words(2)+volEntry("root.cell", 536870915)+volEntry("user", 536870918), words(0))
	pair(rxPortVol, 121, words(0, 536870915), words(1)+volEntry("root.cell", 536870915))
	pair(rxPortVol, 200, "", words(1), "abort:"+words(106))
	// File server replies.
	pair(rxPortFS, 131, words(1, 2, 3), xdrString("1 0\nalice 127\n"), "abort:"+words(101), "abort:"+words(0xffffff9c), "abort:"+words(9999))
	pair(rxPortFS, 137, words(1, 2, 3)+xdrString("f")+words(0, 0, 0, 0, 0, 0), words(1, 2, 4))
	pair(rxPortFS, 141, words(1, 2, 3)+xdrString("d")+words(1, 0x5f000000, 5, 6, 0o755, 0), words(1, 2, 5))
	pair(rxPortFS, 151, "", xdrString("root.afs"), xdrString(strings.Repeat("v", 300)))
	pair(rxPortFS, 153, "", words(0x5f5e1000, 7))
	// KAuth and BOS replies.
	pair(rxPortKAuth, 21, xdrString("admin")+xdrString(""), words(1, 2), "abort:"+words(180490))
	pair(rxPortBOS, 83, xdrString("fs"), words(1), "abort:"+words(39430))
	// File server calls storing data and making links, BOS calls
	// installing and creating a process.
	pair(rxPortFS, 133, words(1, 2, 3)+words(0x1f|1024, 0x5f000000, 10, 20, 0o4755, 65536)+words(0, 4096, 8192))
	pair(rxPortFS, 133, words(1, 2, 3)+words(0, 0, 0, 0, 0, 0)+words(1, 2, 3))
	pair(rxPortFS, 139, words(1, 2, 3)+xdrString("link")+xdrString("/afs/target"))
	pair(rxPortFS, 140, words(1, 2, 3)+xdrString("hard")+words(4, 5, 6))
	pair(rxPortBOS, 105, xdrString("/usr/afs/bin/fileserver")+words(1000, 0, 0x5f000000))
	pair(rxPortBOS, 80, xdrString("simple")+xdrString("upclient"))
	// Packets whose UDP length field says less than the Rx header
	// though the header was captured: a call, replies and an ack.
	short := func(pkt string) string {
		h := strings.ReplaceAll(pkt, " ", "")
		return h[:76] + "001c" + h[80:] // UDP length 28: 20 bytes of Rx
	}
	for _, port := range []uint16{rxPortFS, rxPortPT, rxPortVLDB, rxPortVol, rxPortKAuth} {
		call++
		pkts = append(pkts, crafted{hex: short(rxBranchCall(call, port, 112, words(1)))},
			crafted{hex: rxBranchCall(call, port, 112, words(1))},
			crafted{hex: short(rxBranchReply(call, port, rxData, words(1, 2)))})
	}
	call++
	pkts = append(pkts, crafted{hex: short(craftedUDP4(7001, 7000, rxBranchHdr(call, rxAck, 0)+"0010 0020 00000064 00000063 00000005 01 00 000000"))})
	// Calls whose UDP length leaves no opcode: nothing is decoded.
	for _, port := range []uint16{rxPortFS, rxPortCB, rxPortPT, rxPortVLDB, rxPortKAuth, rxPortVol, rxPortBOS} {
		call++
		pkts = append(pkts, crafted{hex: craftedUDP4(7001, port, rxBranchHdr(call, rxData, rxClientIni))})
	}
	// Replies of no more than the header.
	for _, port := range []uint16{rxPortFS, rxPortCB, rxPortPT, rxPortVLDB, rxPortKAuth, rxPortVol, rxPortBOS} {
		call++
		pkts = append(pkts, crafted{hex: rxBranchCall(call, port, 10000, words(1, 0)+ver(1, 2)+ver(3, 4))},
			crafted{hex: rxReplySwap(craftedUDP4(port, 7001, rxBranchHdr(call, rxData, 0)))})
		call++
		pkts = append(pkts, crafted{hex: rxBranchCall(call, port, 112, "")},
			crafted{hex: rxReplySwap(craftedUDP4(port, 7001, rxBranchHdr(call, rxAbort, 0)))})
	}
	// Acks: ranges, -vvv's buffer space, -vv's trailing words, cut short.
	for _, ack := range []string{
		"0010 0020 00000064 00000063 00000005 01 00 000000",
		"0010 0020 00000064 00000063 00000005 02 06 010100010001 000000 000005a0 000005a0 00000020 00000004",
		"0010 0020 00000064 00000063 00000005 0a 08 0000010101000000 000000 000005a0 000005a0 0000",
		"0010 0020 00000064 00000063 00000005 06 03 020101 000000 000005a0 000005",
		"0010 0020 00000064 00000063 00000005 07 00 000000 000005a0",
		"0010 0020 00000064 00000063 00000005 08 0c 0101",
		"0010 0020 00000064",
	} {
		call++
		pkts = append(pkts, crafted{hex: craftedUDP4(7001, 7000, rxBranchHdr(call, rxAck, 0)+ack)})
	}
	// Over IPv6, where tcpdump matches a reply with its call on the
	// 32-bit words 1 and 2 of the source address (an IPv4 header's
	// addresses): the call's are the reply's swapped, or not.
	for _, addrs := range [][2]string{
		{"20010db8000000000000000000000001", "20010db8000000000000000000000002"},
		{"20010db8000100020003000400050006", "20010db8000300040001000200050007"},
		{"20010db8000100020003000400050006", "20010db8000100020003000400050007"},
		{"20010db8aaaaaaaabbbbbbbb00000001", "20010db8bbbbbbbbaaaaaaaa00000002"},
	} {
		a, b := "20010db8000000000000000000000001", "20010db8000000000000000000000002"
		call++
		c := craftedUDP6(7001, rxPortVol, rxBranchHdr(call, rxData, rxClientIni)+words(104, 77), false)
		r := craftedUDP6(rxPortVol, 7001, rxBranchHdr(call, rxData, 0)+words(5), false)
		c = strings.Replace(c, a+b, addrs[0]+addrs[1], 1)
		r = strings.Replace(r, a+b, addrs[1]+addrs[0], 1)
		pkts = append(pkts, crafted{hex: c}, crafted{hex: r})
	}
	return pkts
}

// TestRxBranchLikeTcpdump prints rxBranchCases as tcpdump does, with -vvv
// among the flag sets (the security index and the acks' buffer space).
func TestRxBranchLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "rx-branch", rxBranchCases()) }

// init adds the whole packets of rxBranchCases, each once, to the fuzz
// seeds (the cut ones only repeat them shorter).
func init() {
	seen := map[string]bool{}
	var seeds []crafted
	for _, c := range rxBranchCases() {
		if c.wire == 0 && !seen[c.hex] {
			seen[c.hex] = true
			seeds = append(seeds, c)
		}
	}
	addFuzzSeeds(seeds)
}
