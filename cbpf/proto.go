package cbpf

import (
	"github.com/gocap/gocap/parser"
)

// OSI protocol values.
const (
	isoCLNP = 0x81
	isoESIS = 0x82
	isoISIS = 0x83

	isisL1LANIIH = 15
	isisL2LANIIH = 16
	isisPTPIIH   = 17
	isisL1LSP    = 18
	isisL2LSP    = 20
	isisL1CSNP   = 24
	isisL2CSNP   = 25
	isisL1PSNP   = 26
	isisL2PSNP   = 27
)

// protoQual is "[proto] proto V" (libpcap's gen_proto).
func (c *compiler) protoQual(v uint32, proto parser.Proto, dir parser.Dir) *block {
	if dir != parser.DirDefault {
		c.fail("'%s' is not a valid qualifier for 'proto'", dir)
	}
	switch proto {
	case parser.ProtoDefault, parser.ProtoIP, parser.ProtoIPv6:
		if v > 255 {
			c.fail("protocol number %d greater than maximum 255", v)
		}
	case parser.ProtoLink:
		// As in libpcap master, the value is range-checked by the link
		// type check, and only where the link type compares it: "ether
		// proto 70000" is an error on EN10MB and plain false on RAW.
	case parser.ProtoISO:
		if v > 255 {
			c.fail("ISO protocol %d greater than maximum 255", v)
		}
	case parser.ProtoISIS:
		if v > 31 {
			c.fail("IS-IS PDU type %d greater than maximum 31", v)
		}
	}
	return c.genProto(v, proto)
}

func (c *compiler) genProto(v uint32, proto parser.Proto) *block {
	switch proto {
	case parser.ProtoDefault:
		b0 := c.genProto(v, parser.ProtoIP)
		b1 := c.genProto(v, parser.ProtoIPv6)
		genOr(b0, b1)
		return b1
	case parser.ProtoLink:
		return c.linktypeCheck(v)
	case parser.ProtoIP:
		b0 := c.linktypeCheck(etherTypeIP)
		b1 := c.cmp(orLinkPL, 9, SizeB, v)
		genAnd(b0, b1)
		return b1
	case parser.ProtoIPv6:
		b0 := c.linktypeCheck(etherTypeIPv6)
		b2 := c.cmp(orLinkPL, 6, SizeB, ipprotoFragment)
		b1 := c.cmp(orLinkPL, 40, SizeB, v)
		genAnd(b2, b1)
		b2 = c.cmp(orLinkPL, 6, SizeB, v)
		genOr(b2, b1)
		genAnd(b0, b1)
		return b1
	case parser.ProtoISO:
		if c.linktype == LinkFrelay {
			return c.frelayNLPID(v)
		}
		b0 := c.linktypeCheck(llcSAPISONS)
		b1 := c.cmp(orLinkPLNoSNAP, 0, SizeB, v)
		genAnd(b0, b1)
		return b1
	case parser.ProtoISIS:
		b0 := c.genProto(isoISIS, parser.ProtoISO)
		b1 := c.mcmp(orLinkPLNoSNAP, 4, SizeB, v, 0x1f)
		genAnd(b0, b1)
		return b1
	}
	c.fail("'%s' is not a valid qualifier for 'proto'", proto)
	return nil
}

// isisAny ors IS-IS PDU type checks the way libpcap chains them: the
// first two in order, then each further one placed in front.
func (c *compiler) isisAny(types ...uint32) *block {
	b0 := c.genProto(types[0], parser.ProtoISIS)
	b1 := c.genProto(types[1], parser.ProtoISIS)
	genOr(b0, b1)
	for _, t := range types[2:] {
		b0 = c.genProto(t, parser.ProtoISIS)
		genOr(b0, b1)
	}
	return b1
}

// protoAbbrevs gives, for a protocol name used alone that tests one
// number, the number and the protocol it is a number of: the layer under
// for genProto, or ProtoLink for the link layer's type (linktypeCheck).
var protoAbbrevs = [...]struct {
	v     uint32
	under parser.Proto
	set   bool
}{
	parser.ProtoSCTP:    {ipprotoSCTP, parser.ProtoDefault, true},
	parser.ProtoTCP:     {ipprotoTCP, parser.ProtoDefault, true},
	parser.ProtoUDP:     {ipprotoUDP, parser.ProtoDefault, true},
	parser.ProtoICMP:    {ipprotoICMP, parser.ProtoIP, true},
	parser.ProtoIGMP:    {ipprotoIGMP, parser.ProtoIP, true},
	parser.ProtoIGRP:    {ipprotoIGRP, parser.ProtoIP, true},
	parser.ProtoPIM:     {ipprotoPIM, parser.ProtoDefault, true},
	parser.ProtoVRRP:    {ipprotoVRRP, parser.ProtoIP, true},
	parser.ProtoCARP:    {ipprotoVRRP, parser.ProtoIP, true},
	parser.ProtoIP:      {etherTypeIP, parser.ProtoLink, true},
	parser.ProtoARP:     {etherTypeARP, parser.ProtoLink, true},
	parser.ProtoRARP:    {etherTypeRevARP, parser.ProtoLink, true},
	parser.ProtoATalk:   {etherTypeATalk, parser.ProtoLink, true},
	parser.ProtoAARP:    {etherTypeAARP, parser.ProtoLink, true},
	parser.ProtoDECnet:  {etherTypeDN, parser.ProtoLink, true},
	parser.ProtoSCA:     {etherTypeSCA, parser.ProtoLink, true},
	parser.ProtoLAT:     {etherTypeLAT, parser.ProtoLink, true},
	parser.ProtoMOPDL:   {etherTypeMOPDL, parser.ProtoLink, true},
	parser.ProtoMOPRC:   {etherTypeMOPRC, parser.ProtoLink, true},
	parser.ProtoIPv6:    {etherTypeIPv6, parser.ProtoLink, true},
	parser.ProtoICMPv6:  {ipprotoICMPv6, parser.ProtoIPv6, true},
	parser.ProtoAH:      {ipprotoAH, parser.ProtoDefault, true},
	parser.ProtoESP:     {ipprotoESP, parser.ProtoDefault, true},
	parser.ProtoISO:     {llcSAPISONS, parser.ProtoLink, true},
	parser.ProtoESIS:    {isoESIS, parser.ProtoISO, true},
	parser.ProtoISIS:    {isoISIS, parser.ProtoISO, true},
	parser.ProtoCLNP:    {isoCLNP, parser.ProtoISO, true},
	parser.ProtoSTP:     {llcSAP8021D, parser.ProtoLink, true},
	parser.ProtoIPX:     {llcSAPIPX, parser.ProtoLink, true},
	parser.ProtoNetBEUI: {llcSAPNetBEUI, parser.ProtoLink, true},
}

// protoAbbrev is a protocol name used alone ("tcp", "arp", "l1").
func (c *compiler) protoAbbrev(proto parser.Proto) *block {
	if int(proto) < len(protoAbbrevs) && protoAbbrevs[proto].set {
		a := protoAbbrevs[proto]
		if a.under == parser.ProtoLink {
			return c.linktypeCheck(a.v)
		}
		return c.genProto(a.v, a.under)
	}
	switch proto {
	case parser.ProtoLink:
		c.fail("'link' cannot be used as an abbreviation")
	case parser.ProtoISISL1:
		return c.isisAny(isisL1LANIIH, isisPTPIIH, isisL1LSP, isisL1CSNP, isisL1PSNP)
	case parser.ProtoISISL2:
		return c.isisAny(isisL2LANIIH, isisPTPIIH, isisL2LSP, isisL2CSNP, isisL2PSNP)
	case parser.ProtoISISIIH:
		return c.isisAny(isisL1LANIIH, isisL2LANIIH, isisPTPIIH)
	case parser.ProtoISISLSP:
		return c.isisAny(isisL1LSP, isisL2LSP)
	case parser.ProtoISISSNP:
		return c.isisAny(isisL1CSNP, isisL2CSNP, isisL1PSNP, isisL2PSNP)
	case parser.ProtoISISCSNP:
		return c.isisAny(isisL1CSNP, isisL2CSNP)
	case parser.ProtoISISPSNP:
		return c.isisAny(isisL1PSNP, isisL2PSNP)
	case parser.ProtoRadio:
		c.fail("'radio' cannot be used as an abbreviation")
	}
	c.fail("unknown protocol qualifier '%s'", proto)
	return nil
}
