package printer

// The Multi-Point Control Protocol of Ethernet PONs (IEEE 802.3ah,
// ethertype 0x8808) as tcpdump's print-mpcp.c prints it.

var mpcpOpcodes = map[uint16]string{1: "Pause", 2: "Gate", 3: "Report", 4: "Register Request", 5: "Register",
	6: "Register ACK"}

var mpcpGrantFlags = []bitTok{{0x08, "Discovery"}, {0x10, "Force Grant #1"}, {0x20, "Force Grant #2"},
	{0x40, "Force Grant #3"}, {0x80, "Force Grant #4"}}

var mpcpRegReqFlags = []bitTok{{1, "Register"}, {3, "De-Register"}}

var mpcpRegFlags = []bitTok{{1, "Re-Register"}, {2, "De-Register"}, {3, "ACK"}, {4, "NACK"}}

var mpcpRegAckFlags = []bitTok{{0, "NACK"}, {1, "ACK"}}

var mpcpReportBits = []bitTok{{0x01, "Q0"}, {0x02, "Q1"}, {0x04, "Q2"}, {0x08, "Q3"}, {0x10, "Q4"},
	{0x20, "Q5"}, {0x40, "Q6"}, {0x80, "Q7"}}

// mpcp prints an MPCP PDU.
func (p *Printer) mpcp(b []byte, length int) {
	r := p.reader("mpcp", b)
	op, ts := r.be16(0), r.be32(2)
	p.printf("MPCP, Opcode %s", mapName(mpcpOpcodes, op, sprintf("Unknown (%d)", op)))
	if op != 1 {
		p.printf(", Timestamp %d ticks", ts)
	}
	p.printf(", length %d", length)
	if p.o.Verbose == 0 {
		return
	}
	off := 6
	switch op {
	case 1:
	case 2:
		g := r.u8(off)
		n := g & 7
		p.printf("\n\tGrant Numbers %d, Flags [ %s ]", n, bitTokString(mpcpGrantFlags, "?", uint32(g&^7)))
		off++
		for i := uint8(1); i <= n; i++ {
			p.printf("\n\tGrant #%d, Start-Time %d ticks, duration %d ticks", i, r.be32(off), r.be16(off+4))
			off += 6
		}
		p.printf("\n\tSync-Time %d ticks", r.be16(off))
	case 3:
		sets := r.u8(off)
		off++
		p.printf("\n\tTotal Queue-Sets %d", sets)
		for set := uint8(1); set < sets; set++ {
			bm := r.u8(off)
			// tcpdump numbers every queue set with the total.
			p.printf("\n\t  Queue-Set #%d, Report-Bitmap [ %s ]", sets, bitTokString(mpcpReportBits, "Unknown", uint32(bm)))
			off++
			for q := 1; bm != 0; q++ {
				if bm&1 != 0 {
					p.printf("\n\t    Q%d Report, Duration %d ticks", q, r.be16(off))
					off += 2
				}
				bm >>= 1
			}
		}
	case 4:
		p.printf("\n\tFlags [ %s ], Pending-Grants %d", bitTokString(mpcpRegReqFlags, "Reserved", uint32(r.u8(off))), r.u8(off+1))
	case 5:
		p.printf("\n\tAssigned-Port %d, Flags [ %s ]\n\tSync-Time %d ticks, Echoed-Pending-Grants %d", r.be16(off),
			bitTokString(mpcpRegFlags, "Reserved", uint32(r.u8(off+2))), r.be16(off+3), r.u8(off+5))
	case 6:
		p.printf("\n\tEchoed-Assigned-Port %d, Flags [ %s ]\n\tEchoed-Sync-Time %d ticks", r.be16(off+1),
			bitTokString(mpcpRegAckFlags, "Reserved", uint32(r.u8(off))), r.be16(off+3))
	default:
		p.unknownData(b, "\n\t", length)
	}
}
