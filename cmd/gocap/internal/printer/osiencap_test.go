package printer

import (
	"fmt"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// osiEncapPDUs are OSI PDUs to carry in the encapsulations tcpdump hands
// to its isoclns printer: an IS-IS LSP and hello, a CLNP data PDU, an
// ES-IS ESH, an IS-IS header cut short and an IPv6 NLPID cut short.
func osiEncapPDUs() []string {
	lsp := isisLSPWith(isisTLV(129, "cc") + isisTLV(137, hexStr("r1", 2)))
	hello := isisP2PHelloWith(isisTLV(129, "cc 8e"))
	clnp := clnpPDU(0x1c, "49000100000000000000000001", "490001aabbccddeeff00", "", "0102")
	esis := esisPDU(2, "01 0d 49000100000000000000000001")
	return []string{lsp, hello, clnp, esis, "83 1b 01", "8e 0102"}
}

// osiEtherEncaps are Ethernet frames with OSI PDUs behind the OSI
// ethertype (0xfefe, after a byte tcpdump skips), inside GRE (protocol
// 0x00fe), under an MPLS label (guessed from the NLPID), in jumbo frames
// (ethertype 0x8870, an LLC header after it) and in PPP frames
// (ethertype 0x880b), and such frames too short for a PDU or carrying
// other protocols.
func osiEtherEncaps() []crafted {
	const ip4udp = "4500001c 0001 0000 40 11 0000 0a000001 0a000002 0035 0035 0008 0000"
	var pkts []crafted
	for _, pdu := range osiEncapPDUs() {
		pkts = append(pkts,
			crafted{"000000000002 000000000001 fefe 00 " + pdu, 0},
			crafted{craftIP4(47, "0000 00fe "+pdu), 0},
			crafted{"000000000002 000000000001 8847 000641ff " + pdu, 0},
			crafted{"0180c2000014 001122334455 8870 fefe03 " + pdu, 0},
			crafted{"0180c2000014 001122334455 8100 0064 8870 fefe03 " + pdu, 0},
			crafted{"0180c2000014 001122334455 880b 0023 " + pdu, 0},
			crafted{"0180c2000014 001122334455 880b ff03 0023 " + pdu, 0})
	}
	clnp := "000000000002 000000000001 fefe 00 " + osiEncapPDUs()[2]
	return append(pkts,
		crafted{"000000000002 000000000001 fefe", 0},
		crafted{"000000000002 000000000001 fefe 00", 0},
		craftedCut(clnp, 30),
		craftedCut(clnp, 10),
		// an MPLS payload of no known type, dumped unless -q, -x or -X
		crafted{"000000000002 000000000001 8847 000641ff 8e0102", 0},
		// jumbo frames (LLC after the type) and PPP frames, short or of
		// other protocols
		crafted{"0180c2000014 001122334455 8870", 0}, crafted{"0180c2000014 001122334455 8870 fe", 0},
		crafted{"0180c2000014 001122334455 8870 aaaa03 000000 0800 " + ip4udp, 0},
		crafted{"0180c2000014 001122334455 8870 4242 03 000000", 0},
		crafted{"0180c2000014 001122334455 880b", 0}, crafted{"0180c2000014 001122334455 880b 00", 0},
		crafted{"0180c2000014 001122334455 880b 0021 " + ip4udp, 0})
}

// TestOSIEncapsulationsLikeTcpdump prints IS-IS, CLNP and ES-IS PDUs in
// every encapsulation tcpdump hands to its OSI printer (the OSI
// ethertype, GRE, MPLS, jumbo and PPP Ethernet frames, Cisco HDLC with and without the byte before the
// NLPID, Frame Relay, PPP, BSD loopback (DLT_NULL and DLT_LOOP, in
// either byte order) and Cisco's NLPID over ATM),
// with headers cut short, as tcpdump does.
func TestOSIEncapsulationsLikeTcpdump(t *testing.T) {
	var chdlc, fr, ppp, null, loop, atm []crafted
	for _, pdu := range osiEncapPDUs() {
		chdlc = append(chdlc, crafted{"0f00 fefe 00 " + pdu, 0}, crafted{"0f00 fefe " + pdu, 0}, crafted{"8f00 fefe " + pdu, 0})
		fr = append(fr, crafted{"0401 03 " + pdu, 0}, crafted{"0403 03 " + pdu, 0}, crafted{"0401 22 " + pdu, 0},
			crafted{"0401 03 00 " + pdu, 0}, crafted{"040081 03 00 " + pdu, 0})
		ppp = append(ppp, crafted{"ff03 0023 " + pdu, 0})
		null = append(null, crafted{"07000000 " + pdu, 0}, crafted{"00000007 " + pdu, 0})
		// DLT_LOOP's family is in network byte order, but tcpdump reads it
		// as DLT_NULL's, swapping it only when its upper half is not zero
		loop = append(loop, crafted{"00000007 " + pdu, 0}, crafted{"07000000 " + pdu, 0})
		atm = append(atm, crafted{"03 " + pdu, 0}, crafted{"fefe03 " + pdu, 0})
	}
	chdlc = append(chdlc, crafted{"0f00 fefe 83", 0}, crafted{"0f00 fefe", 0}, crafted{"0f00 fe", 0})
	fr = append(fr, crafted{"0401 03 83", 0}, crafted{"0401 03", 0})
	null = append(null, crafted{"07000000", 0})
	loop = append(loop, crafted{"02000000 4500001c 0001 0000 40 11 0000 0a000001 0a000002 0035 0035 0008 0000", 0})
	compareWithTcpdump(t, "osi-ether", cbpf.LinkEN10MB, osiEtherEncaps(), faultFlagSets)
	compareWithTcpdump(t, "osi-chdlc", cbpf.LinkCHDLC, chdlc, faultFlagSets)
	compareWithTcpdump(t, "osi-fr", cbpf.LinkFrelay, fr, craftedFlagSets)
	compareWithTcpdump(t, "osi-ppp", cbpf.LinkPPP, ppp, craftedFlagSets)
	compareWithTcpdump(t, "osi-null", cbpf.LinkNull, null, craftedFlagSets)
	compareWithTcpdump(t, "osi-loop", cbpf.LinkLoop, loop, craftedFlagSets)
	compareWithTcpdump(t, "osi-atm", cbpf.LinkATMRFC1483, atm, craftedFlagSets)
}

// patternHex is n bytes in hex that vary with seed: zeros, small
// values and larger ones, so that lengths, counts and flags inside take
// both small and odd values.
func patternHex(seed, n int) string {
	b := make([]byte, n)
	for i := range b {
		x := seed*31 + i*17 + seed*i
		switch x % 4 {
		case 0:
			b[i] = 0
		case 1:
			b[i] = byte(x % 8)
		default:
			b[i] = byte(x * 7)
		}
	}
	return fmt.Sprintf("%x", b)
}

// isisSweepCases are LSPs with one TLV of every type, with values of
// several lengths, and with sub-TLVs of every type inside each TLV that
// carries sub-TLVs (extended IS and IP reachability, IPv6 reachability,
// router capability, the SPB TLVs).
func isisSweepCases() []crafted {
	var pkts []crafted
	for typ := 0; typ < 256; typ++ {
		for _, n := range []int{0, 1, 3, 5, 11, 17, 30} {
			v := patternHex(typ+n, n)
			pkts = append(pkts, crafted{isisFrame(isisLSPWith(isisTLV(byte(typ), v) + isisTLV(129, "cc"))), 0})
		}
		for _, n := range []int{0, 3, 12} {
			sub := isisTLV(byte(typ), patternHex(typ*3+n, n))
			for _, tlv := range []string{
				isisTLV(22, isisSubs("1921680010fe02 000014 ", sub)),
				isisTLV(135, isisSubs("00000001 58 0a0102 ", sub)),
				isisTLV(236, isisSubs("00000001 20 38 20010db8000001 ", sub)),
				isisTLV(242, "0a000001 00 "+sub),
				isisTLV(143, "0001 "+sub),
				isisTLV(144, "0001 "+sub),
			} {
				pkts = append(pkts, crafted{isisFrame(isisLSPWith(tlv + isisTLV(129, "cc"))), 0})
			}
		}
	}
	return pkts
}

// TestISISSweepLikeTcpdump prints LSPs with a TLV of every type and
// sub-TLVs of every type, of several lengths, as tcpdump does.
func TestISISSweepLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "isis-sweep", isisSweepCases())
}

// clnpSweepCases are CLNP data PDUs and ES-IS ESH, ISH and redirect
// PDUs with an option of every type, of several lengths, and PDUs of
// every type.
func clnpSweepCases() []crafted {
	dst := "49000100000000000000000001"
	src := "490001aabbccddeeff00"
	esis := []string{"01 0d " + dst, "0d " + dst, "0d " + dst + " 06 001122334455 00"}
	var pkts []crafted
	for op := 0; op < 256; op++ {
		for _, n := range []int{0, 1, 2, 3, 5} {
			opt := fmt.Sprintf("%02x %02x %s", op, n, patternHex(op+n, n))
			pkts = append(pkts, crafted{isisFrame(clnpPDU(0x1c, dst, src, opt, "0102")), 0},
				crafted{isisFrame(esisPDU(byte(2+2*(op%3)), esis[op%3]+" "+opt)), 0})
		}
	}
	for typ := 0; typ < 32; typ++ {
		pkts = append(pkts, crafted{isisFrame(clnpPDU(byte(typ|0xc0), dst, src, "", "0102")), 0},
			crafted{isisFrame(esisPDU(byte(typ), "01 0d "+dst)), 0})
	}
	return pkts
}

// TestCLNPSweepLikeTcpdump prints CLNP and ES-IS PDUs with an option of
// every type and PDUs of every type, as tcpdump does.
func TestCLNPSweepLikeTcpdump(t *testing.T) {
	craftedLikeTcpdump(t, "clnp-sweep", clnpSweepCases())
}

func init() {
	craftedSeeds = append(craftedSeeds, osiEtherEncaps()...)
}
