package cbpf

// This file holds what is particular to the PPP link types; most of them
// only map EtherTypes to PPP protocol numbers (etherTypeToPPP, pppoe.go).

// Van Jacobson compressed TCP/IP, BSD/OS PPP checks them with IP.
const (
	pppVJC  = 0x002d
	pppVJNC = 0x002f
)

// pppBSDOSLinktype checks the protocol of BSD/OS PPP, where IP may also
// be Van Jacobson compressed.
func (c *compiler) pppBSDOSLinktype(llProto uint32) *block {
	if llProto != etherTypeIP {
		return c.cmp(orLinkType, 0, SizeH, c.etherTypeToPPP(llProto))
	}
	b0 := c.cmp(orLinkType, 0, SizeH, pppIP)
	b1 := c.cmp(orLinkType, 0, SizeH, pppVJC)
	genOr(b0, b1)
	b0 = c.cmp(orLinkType, 0, SizeH, pppVJNC)
	genOr(b1, b0)
	return b0
}
