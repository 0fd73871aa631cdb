package printer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// nfsBranchCuts is every call and reply of nfsCases that forms a pair
// (a call followed by its reply), the call whole and the reply cut short
// at each 32-bit word of its RPC message, then the call cut short the
// same way: each length check of the arguments and results.
func nfsBranchCuts() []crafted {
	var out []crafted
	const udpEnd = 14 + 20 + 8 // Ethernet, IPv4 and UDP headers
	for i := 0; i+1 < len(nfsCases); i++ {
		call, reply := nfsCases[i].hex, nfsCases[i+1].hex
		if !strings.Contains(call, "03ff0801") || !strings.Contains(reply, "080103ff") {
			continue // not an UDP call from 1023 to 2049 followed by its reply
		}
		rn := hexLen(reply) - udpEnd
		out = append(out, nfsCases[i])
		for drop := 1; drop < rn; drop += 4 {
			out = append(out, nfsCases[i], craftedCut(reply, drop))
		}
		cn := hexLen(call) - udpEnd
		for drop := 2; drop < cn; drop += 4 {
			out = append(out, craftedCut(call, drop))
		}
		i++
	}
	return out
}

// TestNFSBranchCutsLikeTcpdump prints nfsBranchCuts as tcpdump does.
func TestNFSBranchCutsLikeTcpdump(t *testing.T) {
	protoLikeTcpdump(t, "nfs-branch-cuts", nfsBranchCuts())
}

// udpULen is a UDP datagram from 10.0.0.src.sport to 10.0.0.dst.dport
// whose length field says ulen, whatever the payload's length.
func udpULen(src, dst byte, sport, dport uint16, ulen int, payload string) string {
	return ip4Frame(17, src, dst, fmt.Sprintf("%04x%04x%04x0000", sport, dport, ulen)+strings.ReplaceAll(payload, " ", ""))
}

// nfsBranchCases are the NFS branches nfsCases leaves out: calls whose
// length (from the UDP header) ends within their credentials or
// verifier though more was captured, rejections cut short, a TCP record
// mark claiming more than the segment holds, and a DEC OSF/1 file handle
// with a non-zero first word.
func nfsBranchCases() []crafted {
	fh3 := nfsFH3
	call := func(vers, proc uint32, cred, verf, args string) string {
		return words(0x77, 0, 2, 100003, vers, proc) + cred + verf + args
	}
	auth := words(1, 8) + words(5, 6)
	none := words(0, 0)
	var pkts []crafted
	add := func(hex string) { pkts = append(pkts, crafted{hex: hex}) }
	for _, c := range []struct {
		ulen int
		msg  string
	}{
		{8 + 6, call(3, 1, none, none, fh3)},   // too short for the credentials' header
		{8 + 12, call(3, 1, auth, none, fh3)},  // too short for the credentials
		{8 + 16, call(3, 1, auth, none, fh3)},  // the credentials fill it
		{8 + 20, call(3, 1, auth, none, fh3)},  // too short for the verifier's header
		{8 + 20, call(3, 1, none, auth, fh3)},  // too short for the verifier
		{8 + 24, call(3, 1, none, auth, fh3)},  // the verifier fills it
		{8 + 25, call(3, 1, none, auth, fh3)},  // one byte more than the verifier
		{8 + 31, call(3, 1, none, none, fh3)},  // shorter than the call
		{8 + 60, call(3, 3, auth, auth, fh3)},  // the name past the length
		{8 + 64, call(3, 4, none, auth, fh3)},  // the access bits past it
		{8 + 48, call(2, 1, none, none, fh3)},  // NFSv2
		{8 + 4, call(3, 1, none, none, fh3)},   // shorter than the header
		{8 + 100, call(3, 1, none, none, fh3)}, // longer than the datagram
	} {
		add(udpULen(1, 2, 1023, 2049, c.ulen, c.msg))
	}
	// Rejections cut short: no reject status, no high version, no reason.
	for _, msg := range []string{words(9, 1, 1), words(9, 1, 1, 0), words(9, 1, 1, 0, 2), words(9, 1, 1, 1), words(9, 1)} {
		add(udpFrom(2, 1, 2049, 1023, msg))
	}
	// Over TCP, a record mark longer than the segment, and a short one.
	msg := rpcCallMsg(0x78, 3, 1, fh3)
	add(tcpFrom(1, 2, 1023, 2049, words(0x80000000|0x7fff0000)+msg))
	add(tcpFrom(1, 2, 1023, 2049, words(0x00001000)+msg))
	add(tcpFrom(1, 2, 1023, 2049, words(0x80000008)+msg))
	add(tcpFrom(1, 2, 1023, 2049, "800000"))
	add(tcpFrom(1, 2, 1023, 2049, words(0x80000000)+"000000"))
	// Over TCP and IPv6: a call, a reply from the wrong address (not
	// matched: no procedure printed), its reply, and the reply cut short.
	tcp6 := func(sport, dport uint16, rec string, back bool) string {
		pkt := craftIP6(6, fmt.Sprintf("%04x%04x 00000001 00000002 5018 0100 0000 0000 ", sport, dport)+rec)
		if back {
			a, b := "20010db8000000000000000000000001", "20010db8000000000000000000000002"
			pkt = strings.Replace(pkt, a+" "+b, b+" "+a, 1)
		}
		return pkt
	}
	call6 := rpcCallMsg(0x79, 3, 6, fh3+words(0, 4096, 512))
	reply6 := words(0x80000000|uint32(hexLen(rpcReplyMsg(0x79, words(0, 1)+fattr3+words(512, 1))))) + rpcReplyMsg(0x79, words(0, 1)+fattr3+words(512, 1))
	add(tcp6(1023, 2049, words(0x80000000|uint32(len(call6)/2))+call6, false))
	add(tcp6(2049, 1023, reply6, false))
	add(tcp6(2049, 1023, reply6, true))
	pkts = append(pkts, craftedCut(tcp6(2049, 1023, reply6, true), 50))
	// File handles: DEC OSF/1 with both first halfwords set, and others
	// near the layouts' boundaries. (A recognised layout whose minor
	// number is 257, such as SunOS 5's 04000101 00000000 000a0000, makes
	// tcpdump print stack garbage for the inode: not comparable.)
	for i, fh := range []string{
		"01020304 05060708 0c000000 10111213",
		"01010000 05060708 0c000000 10111213",
		"00010102 00000000 00000000 0000abcd",
		"01010100 07000000 00000000 00000000",
		"0104010a 00000002 000a0000 00000011",
	} {
		fh = strings.ReplaceAll(fh, " ", "")
		x := uint32(0x500 + i)
		pkts = append(pkts, nfsPair(x, 3, 1, words(uint32(len(fh)/2))+fh, words(0)+fattr3)...)
	}
	return pkts
}

// TestNFSBranchLikeTcpdump prints nfsBranchCases as tcpdump does.
func TestNFSBranchLikeTcpdump(t *testing.T) { craftedLikeTcpdump(t, "nfs-branch", nfsBranchCases()) }

func init() { addFuzzSeeds(nfsBranchCases()) }

// nfsRandomCases are the calls and replies of nfsCases with random
// mutations: a few bytes of each RPC message replaced (often by small
// numbers or all-ones, so lengths and counts go wrong), some words
// dropped or duplicated, some cut short; each call is followed by its
// (mutated) reply so that the reply decoders run.
func nfsRandomCases(seed uint64, rounds int) []crafted {
	rng := rand.New(rand.NewPCG(seed, 2049))
	const udpEnd = 2 * (14 + 20 + 8)
	mutate := func(pkt string) string {
		h := strings.ReplaceAll(pkt, " ", "")
		head, body := h[:udpEnd], []byte(h[udpEnd:])
		n := len(body) / 2
		if n < 12 {
			return pkt
		}
		for range 1 + rng.IntN(4) {
			i := 8 + rng.IntN(n-8) // keep the xid and direction
			var v byte
			switch rng.IntN(4) {
			case 0:
				v = byte(rng.IntN(4))
			case 1:
				v = 0xff
			default:
				v = byte(rng.IntN(256))
			}
			copy(body[2*i:], fmt.Sprintf("%02x", v))
		}
		if rng.IntN(5) == 0 {
			w := 2 + rng.IntN(n/4-2)
			if rng.IntN(2) == 0 {
				body = append(body[:8*w:8*w], body[8*w+8:]...)
			} else {
				body = append(body[:8*w+8:8*w+8], body[8*w:]...)
			}
		}
		// Fix the IP and UDP lengths to the new payload's.
		m := len(body) / 2
		ip := fmt.Sprintf("%04x", 20+8+m)
		udp := fmt.Sprintf("%04x", 8+m)
		head = head[:32] + ip + head[36:76] + udp + head[80:]
		return head + string(body)
	}
	var out []crafted
	for range rounds {
		for i := 0; i+1 < len(nfsCases); i++ {
			call, reply := nfsCases[i].hex, nfsCases[i+1].hex
			if !strings.Contains(call, "03ff0801") || !strings.Contains(reply, "080103ff") {
				continue
			}
			i++
			if rng.IntN(3) == 0 {
				call = mutate(call)
			}
			reply = mutate(reply)
			for _, pkt := range []string{call, reply} {
				n := hexLen(pkt) - udpEnd/2
				out = append(out, craftedMaybeCut(rng, pkt, n, 6))
			}
		}
	}
	return out
}

// TestNFSRandomLikeTcpdump prints nfsRandomCases as tcpdump does.
func TestNFSRandomLikeTcpdump(t *testing.T) {
	compareWithTcpdump(t, "nfs-random", cbpf.LinkEN10MB, nfsRandomCases(1, 8), faultFlagSets[:3])
}
