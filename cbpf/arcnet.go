package cbpf

import (
	"strconv"

	"github.com/gocap/gocap/parser"
)

// This file generates the tests for the link types with one-byte (MAC-8)
// addresses, written "$XX": ARCNET (BSD and Linux headers) and BACnet
// MS/TP, and the ARCNET protocol type checks.

// ARCNET protocol IDs (RFC 1201 and the ARCNET trade association list).
const (
	arcTypeIPv6   = 0xc4
	arcTypeIP     = 0xd4
	arcTypeARP    = 0xd5
	arcTypeRevARP = 0xd6
	arcTypeATalk  = 0xdd
)

// mac8Offsets gives the offsets of the destination and source addresses
// of a MAC-8 link type, and its broadcast address.
func mac8Offsets(lt LinkType) (dst, src, bcast uint32, ok bool) {
	switch lt {
	case LinkARCNET, LinkARCNETLinux:
		return 1, 0, 0x00, true
	case LinkBACnetMSTP:
		// after the 0x55 0xff preamble and the frame type
		return 3, 4, 0xff, true
	}
	return 0, 0, 0, false
}

// mac8Host is "link [src|dst] host $XX".
func (c *compiler) mac8Host(addr uint32, dir parser.Dir) *block {
	dst, src, _, ok := mac8Offsets(c.linktype)
	if !ok {
		c.failLink("'link host $XX' not supported on DLT_%s", c.linktype)
	}
	switch dir {
	case parser.DirSrc:
		return c.cmp(orLinkHdr, src, SizeB, addr)
	case parser.DirDst:
		return c.cmp(orLinkHdr, dst, SizeB, addr)
	case parser.DirAnd:
		b0 := c.cmp(orLinkHdr, src, SizeB, addr)
		b1 := c.cmp(orLinkHdr, dst, SizeB, addr)
		genAnd(b0, b1)
		return b1
	case parser.DirDefault, parser.DirOr:
		b0 := c.cmp(orLinkHdr, src, SizeB, addr)
		b1 := c.cmp(orLinkHdr, dst, SizeB, addr)
		genOr(b0, b1)
		return b1
	}
	c.checkDir80211(dir)
	c.fail("'%s' is not a valid qualifier for '$XX'", dir)
	return nil
}

// mac8Broadcast is the broadcast test of a MAC-8 link type, or nil.
func (c *compiler) mac8Broadcast() *block {
	dst, _, bcast, ok := mac8Offsets(c.linktype)
	if !ok {
		return nil
	}
	return c.cmp(orLinkHdr, dst, SizeB, bcast)
}

// parseMAC8 reads "$X" or "$XX".
func parseMAC8(s string) (uint32, bool) {
	if len(s) < 2 || len(s) > 3 || s[0] != '$' {
		return 0, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 8)
	return uint32(v), err == nil
}

// arcnetLinktype checks the ARCNET protocol ID.
func (c *compiler) arcnetLinktype(llProto uint32) *block {
	var id uint32
	switch llProto {
	case etherTypeIPv6:
		id = arcTypeIPv6
	case etherTypeIP:
		id = arcTypeIP
	case etherTypeARP:
		id = arcTypeARP
	case etherTypeRevARP:
		id = arcTypeRevARP
	case etherTypeATalk:
		id = arcTypeATalk
	default:
		return c.genFalse()
	}
	return c.cmp(orLinkType, 0, SizeB, id)
}
