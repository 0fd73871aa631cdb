package cbpf

import "github.com/gocap/gocap/parser"

// This file generates "inbound", "outbound" and "ifindex N". Linux cooked
// captures carry the packet type (and, for SLL2, the interface index) in
// their header; on a live Linux capture any link type can read them with
// the kernel's ancillary loads.

// Linux socket-filter ancillary data: a load at skfAdOff+field reads
// metadata instead of packet bytes.
const (
	skfAdOff     = 0xfffff000 // SKF_AD_OFF (-0x1000)
	skfAdPktType = 4          // SKF_AD_PKTTYPE
	skfAdIfindex = 8          // SKF_AD_IFINDEX

	// packetOutgoing is PACKET_OUTGOING, the packet type of a packet
	// sent by this host (also LINUX_SLL_OUTGOING in the cooked header).
	packetOutgoing = 4
)

// direction is inbound, outbound and ifindex.
func (c *compiler) direction(b *parser.Builtin) *block {
	if b.Kw == parser.KwIfindex {
		var idx uint32
		if len(b.Args) > 0 {
			idx = b.Args[0].Num
		}
		return c.ifindex(idx)
	}
	outbound := b.Kw == parser.KwOutbound
	if b0 := c.otherDirection(outbound); b0 != nil {
		return b0
	}
	var b0 *block
	switch {
	case c.linktype == LinkLinuxSLL:
		b0 = c.cmp(orLinkHdr, 0, SizeH, packetOutgoing)
	case c.linktype == LinkLinuxSLL2:
		b0 = c.cmp(orLinkHdr, 10, SizeB, packetOutgoing)
	case c.opts.LinuxExt:
		// Relative to the link-layer header, as libpcap master has it:
		// after "pppoes" or "vxlan" the ancillary offset moves too.
		b0 = c.cmp(orLinkHdr, skfAdOff+skfAdPktType, SizeH, packetOutgoing)
	default:
		c.failLink("not a live capture, '%s' not supported on DLT_%s", kwWord(b.Kw), c.linktype)
	}
	if !outbound {
		genNot(b0)
	}
	return b0
}

// ifindex is "ifindex N".
func (c *compiler) ifindex(idx uint32) *block {
	switch {
	case c.linktype == LinkLinuxSLL2:
		return c.cmp(orLinkHdr, 4, SizeW, idx)
	case c.opts.LinuxExt:
		// Relative to the link-layer header, as for inbound/outbound.
		return c.cmp(orLinkHdr, skfAdOff+skfAdIfindex, SizeW, idx)
	}
	c.failLink("not a live capture, 'ifindex' not supported on DLT_%s", c.linktype)
	return nil
}
