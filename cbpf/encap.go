package cbpf

// Encapsulations that move the offsets of everything generated after them:
// vlan, mpls, pppoes, geneve and vxlan; and the other link-specific
// primitives (llc, inbound/outbound/ifindex). These are not written yet:
// each reports that clearly instead of generating wrong code.

func (c *compiler) notYet(what string) {
	c.fail("'%s' is not supported by gocap yet", what)
}

func (c *compiler) vlan(v uint32, has bool) *block     { c.notYet("vlan"); return nil }
func (c *compiler) mpls(v uint32, has bool) *block     { c.notYet("mpls"); return nil }
func (c *compiler) pppoed() *block                     { c.notYet("pppoed"); return nil }
func (c *compiler) pppoes(v uint32, has bool) *block   { c.notYet("pppoes"); return nil }
func (c *compiler) geneve(v uint32, has bool) *block   { c.notYet("geneve"); return nil }
func (c *compiler) vxlan(v uint32, has bool) *block    { c.notYet("vxlan"); return nil }
func (c *compiler) mplsLinktype(llProto uint32) *block { c.notYet("mpls"); return nil }
func (c *compiler) geneveLLCheck() *block              { c.notYet("geneve"); return nil }
