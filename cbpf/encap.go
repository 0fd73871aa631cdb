package cbpf

// Encapsulations that move the offsets of everything generated after them
// (vlan, mpls, pppoes, geneve, vxlan) live in their own files; this file
// holds what they share.

// Link types that only the encapsulation primitives refer to, as DLT_
// numbers (the generator cannot start from most of them yet).
const (
	dltIEEE80211         LinkType = 105
	dltPrismHeader       LinkType = 119
	dltIEEE80211Radio    LinkType = 127
	dltIEEE80211RadioAVS LinkType = 163
)

// pushLinkHdr makes a new link layer current, keeping the one it replaces
// as the previous link layer (libpcap keeps only those two), as an
// encapsulation does when the rest of the filter applies to its payload.
func (c *compiler) pushLinkHdr(lt LinkType, isVariable bool, constPart uint32, reg int) {
	c.prevLinktype = c.linktype
	c.offPrevLinkHdr = c.offLinkHdr
	c.linktype = lt
	c.offLinkHdr = absOffset{isVariable: isVariable, constPart: constPart, reg: reg}
	c.isEncap, c.isGeneve, c.isVXLAN = false, false, false
}

// checkMax fails with libpcap's message when v is above max.
func (c *compiler) checkMax(what string, v, max uint32) {
	if v > max {
		c.fail("%s %d greater than maximum %d", what, v, max)
	}
}

// bitSet is true when any bit of mask is set in the byte at offset.
func (c *compiler) bitSet(rel offRel, offset, mask uint32) *block {
	b := c.newBlock(ClassJMP|JumpJSET|SrcK, mask)
	b.stmts = c.loadA(rel, offset, SizeB)
	return b
}

// bitClear is true when no bit of mask is set in the byte at offset.
func (c *compiler) bitClear(rel offRel, offset, mask uint32) *block {
	b := c.bitSet(rel, offset, mask)
	genNot(b)
	return b
}

// jeqX is a block comparing A with X: used with A == X, it is an always
// true test that carries its statements into the true branch.
func (c *compiler) jeqX(s []*stmt) *block {
	b := c.newBlock(ClassJMP|JumpJEQ|SrcX, 0)
	b.stmts = s
	return b
}
