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

// protoAbbrev is a protocol name used alone ("tcp", "arp", "l1").
func (c *compiler) protoAbbrev(proto parser.Proto) *block {
	switch proto {
	case parser.ProtoSCTP:
		return c.genProto(ipprotoSCTP, parser.ProtoDefault)
	case parser.ProtoTCP:
		return c.genProto(ipprotoTCP, parser.ProtoDefault)
	case parser.ProtoUDP:
		return c.genProto(ipprotoUDP, parser.ProtoDefault)
	case parser.ProtoICMP:
		return c.genProto(ipprotoICMP, parser.ProtoIP)
	case parser.ProtoIGMP:
		return c.genProto(ipprotoIGMP, parser.ProtoIP)
	case parser.ProtoIGRP:
		return c.genProto(ipprotoIGRP, parser.ProtoIP)
	case parser.ProtoPIM:
		return c.genProto(ipprotoPIM, parser.ProtoDefault)
	case parser.ProtoVRRP, parser.ProtoCARP:
		return c.genProto(ipprotoVRRP, parser.ProtoIP)
	case parser.ProtoIP:
		return c.linktypeCheck(etherTypeIP)
	case parser.ProtoARP:
		return c.linktypeCheck(etherTypeARP)
	case parser.ProtoRARP:
		return c.linktypeCheck(etherTypeRevARP)
	case parser.ProtoLink:
		c.fail("'link' cannot be used as an abbreviation")
	case parser.ProtoATalk:
		return c.linktypeCheck(etherTypeATalk)
	case parser.ProtoAARP:
		return c.linktypeCheck(etherTypeAARP)
	case parser.ProtoDECnet:
		return c.linktypeCheck(etherTypeDN)
	case parser.ProtoSCA:
		return c.linktypeCheck(etherTypeSCA)
	case parser.ProtoLAT:
		return c.linktypeCheck(etherTypeLAT)
	case parser.ProtoMOPDL:
		return c.linktypeCheck(etherTypeMOPDL)
	case parser.ProtoMOPRC:
		return c.linktypeCheck(etherTypeMOPRC)
	case parser.ProtoIPv6:
		return c.linktypeCheck(etherTypeIPv6)
	case parser.ProtoICMPv6:
		return c.genProto(ipprotoICMPv6, parser.ProtoIPv6)
	case parser.ProtoAH:
		return c.genProto(ipprotoAH, parser.ProtoDefault)
	case parser.ProtoESP:
		return c.genProto(ipprotoESP, parser.ProtoDefault)
	case parser.ProtoISO:
		return c.linktypeCheck(llcSAPISONS)
	case parser.ProtoESIS:
		return c.genProto(isoESIS, parser.ProtoISO)
	case parser.ProtoISIS:
		return c.genProto(isoISIS, parser.ProtoISO)
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
	case parser.ProtoCLNP:
		return c.genProto(isoCLNP, parser.ProtoISO)
	case parser.ProtoSTP:
		return c.linktypeCheck(llcSAP8021D)
	case parser.ProtoIPX:
		return c.linktypeCheck(llcSAPIPX)
	case parser.ProtoNetBEUI:
		return c.linktypeCheck(llcSAPNetBEUI)
	case parser.ProtoRadio:
		c.fail("'radio' cannot be used as an abbreviation")
	}
	c.fail("unknown protocol qualifier '%s'", proto)
	return nil
}
