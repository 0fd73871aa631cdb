package printer

// TIPC, ethertype 0x88ca, as tcpdump's print-tipc.c prints it.

var tipcUsers = map[uint32]string{0: "Low Importance Data payload", 1: "Medium Importance Data payload",
	2: "High Importance Data payload", 3: "Critical Importance Data payload",
	5: "Broadcast Link Protocol internal", 6: "Message Bundler Protocol internal",
	7: "Link State Protocol internal", 8: "Connection Manager internal",
	10: "Link Changeover Protocol internal", 11: "Name Table Update Protocol internal",
	12: "Message Fragmentation Protocol internal", 13: "Neighbor Detection Protocol internal"}

// tipcMsgTypes is tcpdump's table, with its names of types 1 and 3
// swapped.
var tipcMsgTypes = map[uint32]string{0: "CONN_MSG", 1: "MCAST_MSG", 2: "NAMED_MSG", 3: "DIRECT_MSG"}

var tipcLinkConfTypes = map[uint32]string{0: "Link request", 1: "Link response"}

// tipcAddr formats a TIPC address as zone.cluster.node.
func tipcAddr(a uint32) string { return sprintf("%d.%d.%d", a>>24, a>>12&0xfff, a&0xfff) }

// tipc prints a TIPC message (tipc_print).
func (p *Printer) tipc(b []byte, length int) {
	r := p.reader("tipc", b)
	w0 := r.be32(0)
	user := w0 >> 25 & 0xf
	head := func(w1 uint32, types map[uint32]string) string {
		return sprintf("headerlength %d bytes, MessageSize %d bytes, %s, messageType %s", (w0>>21&0xf)*4, w0&0x1ffff,
			nameOr(tipcUsers, user, "unknown"), nameOr(types, w1>>29, "Unknown"))
	}
	ver := w0 >> 29
	switch user {
	case 0, 1, 2, 3, 11, 8:
		w1 := r.be32(4)
		prev, oport, dport := r.be32(12), r.be32(16), r.be32(20)
		if w0>>21&0xf <= 6 {
			p.printf("TIPC v%d.0 %s:%d > %d, %s", ver, tipcAddr(prev), oport, dport, head(w1, tipcMsgTypes))
			return
		}
		onode, dnode := r.be32(24), r.be32(28)
		p.printf("TIPC v%d.0 %s:%d > %s:%d, %s", ver, tipcAddr(onode), oport, tipcAddr(dnode), dport, head(w1, tipcMsgTypes))
		if p.o.Verbose > 0 {
			w2 := r.be32(8)
			p.printf("\n\tPrevious Node %s, Broadcast Ack %d, Link Ack %d, Link Sequence %d", tipcAddr(prev), w1&0xffff, w2>>16, w2&0xffff)
		}
	case 13:
		w1 := r.be32(4)
		dom, prev := r.be32(8), r.be32(12)
		p.printf("TIPC v%d.0 %s > %s, %s", ver, tipcAddr(prev), tipcAddr(dom), head(w1, tipcLinkConfTypes))
		if p.o.Verbose > 0 {
			nid, w5 := r.be32(16), r.be32(20)
			p.printf("\n\tNodeSignature %d, network_id %d, media_id %d", w1&0xffff, nid, w5&0xff)
		}
	case 5, 6, 7, 10, 12:
		w1 := r.be32(4)
		onode, dnode := r.be32(24), r.be32(28)
		p.printf("TIPC v%d.0 %s > %s, %s (0x%08x)", ver, tipcAddr(onode), tipcAddr(dnode), head(w1, tipcMsgTypes), w1)
		if p.o.Verbose > 0 {
			w2, prev, w4, w5, seq, w9 := r.be32(8), r.be32(12), r.be32(16), r.be32(20), r.be32(32), r.be32(36)
			p.printf("\n\tPrevious Node %s, Session No. %d, Broadcast Ack %d, Sequence Gap %d,  Broadcast Gap After %d, Broadcast Gap To %d, Last Sent Packet No. %d, Next sent Packet No. %d, Transport Sequence %d, msg_count %d, Link Tolerance %d",
				tipcAddr(prev), w5>>16, w1&0xffff, w1>>16&0x1fff, w2>>16, w2&0xffff, w4>>16, w4&0xffff, seq, w9>>16, w9&0xffff)
		}
	}
}
