package printer

import (
	"net/netip"
)

// Cisco NetFlow versions 1, 5 and 6, as tcpdump's print-cnfp.c prints
// them; tcpdump decodes it only when asked to (-T cnfp, PacketType).

// cnfp prints a NetFlow export packet.
func (p *Printer) cnfp(b []byte) {
	r := p.reader("cnfp", b)
	switch v := r.be16(0); v {
	case 1:
		p.cnfpRecords(r, v, 16, 48, false)
	case 5:
		p.cnfpRecords(r, v, 24, 52, true)
	case 6:
		p.cnfpRecords(r, v, 24, 52, true)
	default:
		p.printf("NetFlow v%x", v)
	}
}

// cnfpTCPFlagBits are the TCP flags of a flow record (ACK is "A" here).
var cnfpTCPFlagBits = []bitTok{{0x01, "F"}, {0x02, "S"}, {0x04, "R"}, {0x08, "P"}, {0x10, "A"}, {0x20, "U"}}

// cnfpRecords prints the header (of hdrLen bytes) and the flow records
// (of recLen bytes) of a version-v packet; v5 and v6 (seq) carry a
// sequence number, prefix masks and AS numbers, and v6 encapsulation
// sizes.
func (p *Printer) cnfpRecords(r reader, v uint16, hdrLen, recLen int, seq bool) {
	if !r.has(0, hdrLen) {
		r.trunc()
		return
	}
	// tcpdump reads the 16-bit count as 32 bits, taking in the top half
	// of the uptime.
	n := r.be32(2)
	up := r.be32(4)
	p.printf("NetFlow v%x, %d.%03d uptime, %d.%09d, ", v, up/1000, up%1000, r.be32(8), r.be32(12))
	if seq {
		p.printf("#%d, ", r.be32(16))
	}
	p.printf("%2d recs", n)
	ip := func(off int) string { return netip.AddrFrom4([4]byte(r.b[off : off+4])).String() }
	for off := hdrLen; n != 0; n-- {
		if !r.has(off, recLen) {
			r.trunc()
			return
		}
		start, last := r.be32(off+24), r.be32(off+28)
		p.printf("\n  started %d.%03d, last %d.%03d", start/1000, start%1000, last/1000, last%1000)
		srcMask, dstMask := "", ""
		if seq {
			srcMask = sprintf("/%d:%d", uint32(r.u8(off+44)), uint32(r.be16(off+40)))
			dstMask = sprintf("/%d:%d", uint32(r.u8(off+45)), uint32(r.be16(off+42)))
		}
		p.printf("\n    %s%s:%d ", ip(off), srcMask, r.be16(off+32))
		p.printf("> %s%s:%d ", ip(off+4), dstMask, r.be16(off+34))
		p.printf(">> %s\n    ", ip(off+8))
		proto := r.u8(off + 38)
		if name, ok := p.protoName(proto); ok {
			p.printf("%s ", name)
		} else {
			p.printf("%d ", proto)
		}
		if proto == 6 {
			f := r.u8(off + 40)
			if v != 1 {
				f = r.u8(off + 37)
			}
			p.print(bitTokNoSep(cnfpTCPFlagBits, "", uint32(f)))
			if f != 0 {
				p.print(" ")
			}
		}
		tos := r.u8(off + 39)
		encaps := ""
		if v == 6 {
			fl := r.be16(off + 46)
			encaps = sprintf("(%d<>%d encaps)", uint32(fl>>8), uint32(fl&0xff))
		}
		p.printf("tos %d, %d (%d octets) %s", tos, r.be32(off+16), r.be32(off+20), encaps)
		off += recLen
	}
}
