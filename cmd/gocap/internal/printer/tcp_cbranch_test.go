package printer

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// cbrOnesSum is the Internet checksum (RFC 1071) of the bytes given in
// hex, pieces concatenated.
func cbrOnesSum(pieces ...string) uint16 {
	b, _ := hex.DecodeString(strings.ReplaceAll(strings.Join(pieces, ""), " ", ""))
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	return ^uint16(s)
}

// cbrTCPSeg is a TCP segment (hex) of the ports, sequence and
// acknowledgment numbers, flags, options and payload, its checksum
// zero.
func cbrTCPSeg(sport, dport uint16, seq, ack uint32, flags byte, opts, payload string) string {
	opts = strings.ReplaceAll(opts, " ", "")
	off := (20 + len(opts)/2) / 4
	return fmt.Sprintf("%04x%04x%08x%08x%02x%02x2000 0000 0000", sport, dport, seq, ack, off<<4, flags) + opts + payload
}

// tcp6Checked is an Ethernet frame holding the IPv6 TCP segment with its
// checksum right (over the pseudo-header of 2001:db8::1 > 2001:db8::2).
func tcp6Checked(seg string) string {
	seg = strings.ReplaceAll(seg, " ", "")
	n := len(seg) / 2
	pseudo := "20010db8000000000000000000000001 20010db8000000000000000000000002" + fmt.Sprintf("%08x 00000006", n)
	sum := cbrOnesSum(pseudo, seg)
	seg = seg[:32] + fmt.Sprintf("%04x", sum) + seg[36:]
	return craftIP6(6, seg)
}

// tcpCBranchCases are TCP segments reaching branches the other TCP
// tests leave out: IPv6 segments whose checksum is right (with and
// without payload, and one cut before its end), and conversations
// between equal ports where the source address sorts after the
// destination (so tcpdump keys them reversed), with SACK blocks printed
// relative to the reversed sequence.
func tcpCBranchCases() []crafted {
	sack := "0101 050a 00001100 00001200"
	pkts := []crafted{
		{tcp6Checked(cbrTCPSeg(40000, 80, 1000, 0, 0x02, "020405a0", "")), 0},
		{tcp6Checked(cbrTCPSeg(40000, 80, 1000, 2000, 0x18, "", "68656c6c6f0a")), 0},
		{tcp6Checked(cbrTCPSeg(40000, 80, 1000, 2000, 0x18, "0101080a0000000100000002", "abcdef")), 0},
	}
	cut := tcp6Checked(cbrTCPSeg(40000, 80, 1000, 2000, 0x18, "", "68656c6c6f0a"))
	pkts = append(pkts, crafted{strings.ReplaceAll(cut, " ", "")[:len(strings.ReplaceAll(cut, " ", ""))-4], 0})
	pkts[len(pkts)-1].wire = len(strings.ReplaceAll(cut, " ", "")) / 2
	// 10.0.0.2.179 > 10.0.0.1.179 and back
	fwd := func(seq, ack uint32, flags byte, opts string) crafted {
		seg := cbrTCPSeg(179, 179, seq, ack, flags, opts, "")
		return crafted{reversed(craftIP4(6, seg)), 0}
	}
	back := func(seq, ack uint32, flags byte, opts string) crafted {
		seg := cbrTCPSeg(179, 179, seq, ack, flags, opts, "")
		return crafted{craftIP4(6, seg), 0}
	}
	pkts = append(pkts,
		fwd(0x1000, 0, 0x02, ""),
		back(0x2000, 0x1001, 0x12, ""),
		fwd(0x1001, 0x2001, 0x10, sack),
		back(0x2001, 0x1001, 0x10, "0101 050a 00001100 00001200"),
		back(0x2001, 0x1001, 0x10, "0101 0512 00001100 00001200 00001300 00001400"),
	)
	// the same between IPv6 addresses, the source sorting after
	p6 := func(seq, ack uint32, flags byte, opts string, rev bool) crafted {
		seg := cbrTCPSeg(5000, 5000, seq, ack, flags, opts, "")
		f := craftIP6(6, seg)
		if rev {
			f = strings.Replace(f, "20010db8000000000000000000000001 20010db8000000000000000000000002", "20010db8000000000000000000000002 20010db8000000000000000000000001", 1)
		}
		return crafted{f, 0}
	}
	pkts = append(pkts,
		p6(0x3000, 0, 0x02, "", true),
		p6(0x4000, 0x3001, 0x12, "", false),
		p6(0x3001, 0x4001, 0x10, sack, true),
		p6(0x4001, 0x3001, 0x10, "0101 050a 00003100 00003200", false),
	)
	return pkts
}

func init() { addFuzzSeeds(tcpCBranchCases()) }

// TestTCPCBranchesLikeTcpdump prints tcpCBranchCases as tcpdump does.
func TestTCPCBranchesLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "tcpcbranches", tcpCBranchCases())
}
