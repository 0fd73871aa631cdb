package cbpf

import "github.com/gocap/gocap/parser"

// This file generates MAC-48 address tests ("link host", "broadcast",
// "multicast", "gateway") for the IEEE 802 link types other than Ethernet
// and 802.11: FDDI, token ring and RFC 2625 IP over Fibre Channel, whose
// addresses sit at other offsets, and the Ethernet variants behind a
// pseudo-header or switch tag, which use the Ethernet offsets from the
// start of their link-layer header.

// macOffsets gives the offsets of the destination and source MAC-48
// addresses in the link-layer header of a link type, and whether it has
// them.
func macOffsets(lt LinkType) (dst, src uint32, ok bool) {
	switch lt {
	case LinkFDDI:
		// frame control byte, then the addresses
		return 1, 7, true
	case LinkIEEE802:
		// access control and frame control bytes first
		return 2, 8, true
	case LinkIPOverFC:
		// network address authority fields come first
		return 2, 10, true
	case LinkNetAnalyzer, LinkNetAnalyzerTransparent, LinkDSATagBRCM, LinkDSATagDSA:
		return 0, 6, true
	}
	return 0, 0, false
}

// macHostOp compares a MAC-48 address with the destination and/or source
// address of the link-layer header at the given offsets.
func (c *compiler) macHostOp(mac []byte, dir parser.Dir, dst, src uint32) *block {
	switch dir {
	case parser.DirSrc:
		return c.bcmp(orLinkHdr, src, mac)
	case parser.DirDst:
		return c.bcmp(orLinkHdr, dst, mac)
	case parser.DirAnd:
		b0 := c.bcmp(orLinkHdr, src, mac)
		b1 := c.bcmp(orLinkHdr, dst, mac)
		genAnd(b0, b1)
		return b1
	case parser.DirDefault, parser.DirOr:
		b0 := c.bcmp(orLinkHdr, src, mac)
		b1 := c.bcmp(orLinkHdr, dst, mac)
		genOr(b0, b1)
		return b1
	}
	c.checkDir80211(dir)
	c.fail("'%s' is not a valid qualifier for Ethernet addresses", dir)
	return nil
}

// otherMACHost tests a MAC-48 address on one of the link types of this
// file, or returns nil for a link type without MAC-48 addresses.
func (c *compiler) otherMACHost(mac []byte, dir parser.Dir) *block {
	dst, src, ok := macOffsets(c.linktype)
	if !ok {
		return nil
	}
	return c.macHostOp(mac, dir, dst, src)
}

// otherBroadcast is "link broadcast" on the link types of this file and
// on the MAC-8 link types (arcnet.go); nil when the link type has no
// broadcast address.
func (c *compiler) otherBroadcast() *block {
	if dst, _, ok := macOffsets(c.linktype); ok {
		return c.bcmp(orLinkHdr, dst, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	}
	return c.mac8Broadcast()
}

// otherMulticast is "link multicast": the group bit of the destination
// address (or, on ARCNET, the broadcast address, ARCNET having no
// multicast).
func (c *compiler) otherMulticast() *block {
	if dst, _, ok := macOffsets(c.linktype); ok {
		return c.bitSet(orLinkHdr, dst, 0x01)
	}
	if c.linktype == LinkARCNET || c.linktype == LinkARCNETLinux {
		return c.mac8Broadcast()
	}
	return nil
}
