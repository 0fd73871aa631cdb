package cbpf

// This file holds the header layouts of the link types other than
// Ethernet, raw IP, loopback, Linux cooked and 802.11, and their link-layer
// protocol checks. The per-family details (MAC addresses, ATM, SS7, pflog,
// ...) are in their own files.

// Link types that only need a layout (no exported constant).
const (
	dltJuniperMLPPP        LinkType = 130
	dltJuniperMLFR         LinkType = 131
	dltJuniperES           LinkType = 132
	dltJuniperGGSN         LinkType = 133
	dltJuniperATM2         LinkType = 135
	dltJuniperServices     LinkType = 136
	dltJuniperATM1         LinkType = 137
	dltJuniperMonitor      LinkType = 164
	dltJuniperPPPoE        LinkType = 167
	dltJuniperPPPoEATM     LinkType = 168
	dltJuniperEther        LinkType = 178
	dltJuniperPPP          LinkType = 179
	dltJuniperFrelay       LinkType = 180
	dltJuniperCHDLC        LinkType = 181
	dltMFR                 LinkType = 182
	dltJuniperVP           LinkType = 183
	dltJuniperISM          LinkType = 194
	dltJuniperST           LinkType = 200
	dltJuniperVS           LinkType = 232
	dltJuniperSRXE2E       LinkType = 233
	dltJuniperFibreChannel LinkType = 234
	dltJuniperATMCEMIC     LinkType = 238
	dltPFSync              LinkType = 246
)

// linkLayout gives the offsets of a link type's header: of the link-layer
// header itself (hdr), of its protocol type field (typ), of the payload
// (pl), and of the network header within the payload with and without an
// LLC/SNAP header (nl, nlNoSNAP). offsetNotSet marks what the link type
// does not have.
type linkLayout struct {
	hdr, typ, pl, nl, nlNoSNAP uint32
}

const ns = offsetNotSet

// linkLayouts are the layouts of the link types that initLinktype does
// not handle itself. A link type missing here has no known layout: only
// "link[...]" loads and the keywords that do not depend on it work.
var linkLayouts = map[LinkType]linkLayout{
	LinkIEEE802:                {typ: 14, pl: 14, nl: 8, nlNoSNAP: 3},
	LinkARCNET:                 {typ: 2, pl: 6},
	LinkARCNETLinux:            {typ: 4, pl: 8},
	LinkSLIP:                   {typ: ns, pl: 16},
	LinkSLIPBSDOS:              {typ: ns, pl: 24},
	LinkPPP:                    {typ: 2, pl: 4},
	LinkPPPPPPD:                {typ: 2, pl: 4},
	LinkCHDLC:                  {typ: 2, pl: 4, nlNoSNAP: 1},
	LinkPPPSerial:              {typ: 2, pl: 4},
	LinkPPPEther:               {typ: 6, pl: 8},
	LinkPPPBSDOS:               {typ: 5, pl: 24},
	LinkFDDI:                   {typ: 13, pl: 13, nl: 8, nlNoSNAP: 3},
	LinkATMRFC1483:             {typ: 0, pl: 0, nl: 8, nlNoSNAP: 3},
	LinkATMCLIP:                {typ: 0, pl: 0, nl: 8, nlNoSNAP: 3},
	LinkSunATM:                 {typ: sunATMPayload, pl: sunATMPayload, nl: 8, nlNoSNAP: 3},
	LinkEnc:                    {typ: 0, pl: 12},
	LinkLTalk:                  {typ: ns, pl: 0},
	LinkIPOverFC:               {typ: 16, pl: 16, nl: 8, nlNoSNAP: 3},
	LinkFrelay:                 {typ: ns, pl: 0},
	dltMFR:                     {typ: ns, pl: 0, nl: 4},
	LinkAppleIPOverIEEE1394:    {typ: 16, pl: 18},
	LinkSymantecFirewall:       {typ: 6, pl: 44},
	LinkIPNet:                  {typ: 1, pl: 24, nlNoSNAP: ns},
	LinkNetAnalyzer:            {hdr: 4, typ: 16, pl: 18, nlNoSNAP: 3},
	LinkNetAnalyzerTransparent: {hdr: 12, typ: 24, pl: 26, nlNoSNAP: 3},
	LinkDSATagBRCM:             {typ: 16, pl: 18, nlNoSNAP: 3},
	LinkDSATagDSA:              {typ: 16, pl: 18, nlNoSNAP: 3},
	dltPFSync:                  {typ: ns, pl: 4},

	LinkJuniperMFR:         {typ: 4, pl: 4, nlNoSNAP: ns},
	dltJuniperMLFR:         {typ: 4, pl: 4, nlNoSNAP: ns},
	dltJuniperMLPPP:        {typ: 4, pl: 4, nlNoSNAP: ns},
	dltJuniperPPP:          {typ: 4, pl: 4, nlNoSNAP: ns},
	dltJuniperCHDLC:        {typ: 4, pl: 4, nlNoSNAP: ns},
	dltJuniperFrelay:       {typ: 4, pl: 4, nlNoSNAP: ns},
	dltJuniperATM1:         {typ: 4, pl: 4, nlNoSNAP: 10},
	dltJuniperATM2:         {typ: 8, pl: 8, nlNoSNAP: 10},
	dltJuniperPPPoE:        {typ: 16, pl: 14, nl: 18, nlNoSNAP: 21},
	dltJuniperEther:        {typ: 16, pl: 14, nl: 18, nlNoSNAP: 21},
	dltJuniperPPPoEATM:     {typ: 4, pl: 6, nlNoSNAP: ns},
	dltJuniperGGSN:         {typ: 6, pl: 12, nlNoSNAP: ns},
	dltJuniperES:           {typ: 6, pl: ns, nl: ns, nlNoSNAP: ns},
	dltJuniperMonitor:      {typ: 12, pl: 12, nlNoSNAP: ns},
	dltJuniperServices:     {typ: 12, pl: ns, nl: ns, nlNoSNAP: ns},
	dltJuniperVP:           {typ: 18, pl: ns, nl: ns, nlNoSNAP: ns},
	dltJuniperST:           {typ: 18, pl: ns, nl: ns, nlNoSNAP: ns},
	dltJuniperISM:          {typ: 8, pl: ns, nl: ns, nlNoSNAP: ns},
	dltJuniperVS:           {typ: 8, pl: ns, nl: ns, nlNoSNAP: ns},
	dltJuniperSRXE2E:       {typ: 8, pl: ns, nl: ns, nlNoSNAP: ns},
	dltJuniperFibreChannel: {typ: 8, pl: ns, nl: ns, nlNoSNAP: ns},
	dltJuniperATMCEMIC:     {typ: 8, pl: ns, nl: ns, nlNoSNAP: ns},
}

// isJuniper reports whether lt is one of the Juniper link types, whose
// header starts with the "MGC" magic number.
func isJuniper(lt LinkType) bool {
	switch lt {
	case LinkJuniperMFR, dltJuniperMLFR, dltJuniperMLPPP, dltJuniperATM1, dltJuniperATM2,
		dltJuniperPPPoE, dltJuniperPPPoEATM, dltJuniperGGSN, dltJuniperES, dltJuniperMonitor,
		dltJuniperServices, dltJuniperEther, dltJuniperPPP, dltJuniperFrelay, dltJuniperCHDLC,
		dltJuniperVP, dltJuniperST, dltJuniperISM, dltJuniperVS, dltJuniperSRXE2E,
		dltJuniperFibreChannel, dltJuniperATMCEMIC:
		return true
	}
	return false
}

// initOtherLinktype sets the offsets of a link type initLinktype does not
// handle itself. Link types without a known layout get no offsets at all,
// as libpcap does for the DLT values it has no header description for.
func (c *compiler) initOtherLinktype(lt LinkType) {
	l, ok := linkLayouts[lt]
	if !ok {
		if !c.initSS7(lt) && !c.initPFLog(lt) {
			l = linkLayout{typ: ns, pl: ns, nl: ns, nlNoSNAP: ns}
		} else {
			return
		}
	}
	c.offLinkHdr.constPart = l.hdr
	c.offLinkType.constPart = l.typ
	c.offLinkPL.constPart = l.pl
	c.offNL, c.offNLNoSNAP = l.nl, l.nlNoSNAP
	if lt == LinkSunATM {
		c.initSunATM()
	}
}

// otherLinktypeCheck is linktypeCheck for the link types linktypeCheck
// does not handle itself.
func (c *compiler) otherLinktypeCheck(llProto uint32) *block {
	lt := c.linktype
	switch {
	case lt == LinkNetAnalyzer || lt == LinkNetAnalyzerTransparent ||
		lt == LinkDSATagBRCM || lt == LinkDSATagDSA:
		return c.etherLinktype(llProto)
	case lt == LinkCHDLC:
		c.checkMax("HDLC protocol", llProto, 0xffff)
		if llProto == llcSAPISONS {
			llProto = llProto<<8 | llcSAPISONS
		}
		return c.cmp(orLinkType, 0, SizeH, llProto)
	case lt == LinkFDDI || lt == LinkIEEE802 || lt == LinkATMRFC1483 ||
		lt == LinkATMCLIP || lt == LinkIPOverFC:
		return c.llcLinktype(llProto)
	case lt == LinkSunATM:
		return c.sunATMLinktype(llProto)
	case lt == LinkSLIP || lt == LinkSLIPBSDOS:
		return c.ipVersionLinktype(llProto)
	case lt == LinkPPP || lt == LinkPPPPPPD || lt == LinkPPPSerial || lt == LinkPPPEther:
		return c.cmp(orLinkType, 0, SizeH, c.etherTypeToPPP(llProto))
	case lt == LinkPPPBSDOS:
		return c.pppBSDOSLinktype(llProto)
	case lt == LinkEnc:
		return c.nullLinktype(llProto)
	case lt == LinkPFLog:
		return c.pflogLinktype(llProto)
	case lt == LinkARCNET || lt == LinkARCNETLinux:
		return c.arcnetLinktype(llProto)
	case lt == LinkLTalk:
		if llProto == etherTypeATalk {
			return c.genTrue()
		}
		return c.genFalse()
	case lt == LinkFrelay:
		return c.frelayLinktype(llProto)
	case isJuniper(lt):
		// Only the magic number can be checked.
		return c.mcmp(orLinkHdr, 0, SizeW, 0x4d474300, 0xffffff00)
	case lt == LinkIPNet:
		switch llProto {
		case etherTypeIP:
			return c.cmp(orLinkType, 0, SizeB, ipnetAFINET)
		case etherTypeIPv6:
			return c.cmp(orLinkType, 0, SizeB, ipnetAFINET6)
		}
		return c.genFalse()
	}
	if c.offLinkType.constPart != offsetNotSet {
		// A link type with a type field: take it to be an EtherType
		// (DLT_LINUX_SLL2 too: libpcap master has no case of its own
		// for it, so LLC protocols are compared with the type field).
		c.checkMax("EtherType", llProto, 0xffff)
		return c.cmp(orLinkType, 0, SizeH, llProto)
	}
	c.failLink("link-layer type filtering not implemented for DLT_%s", lt)
	return nil
}

// Address family values in the Solaris ipnet header.
const (
	ipnetAFINET  = 2
	ipnetAFINET6 = 26
)

// llcLinktype checks the 802.2 LLC header at the start of the link-layer
// payload, for link types that always have one: a SAP, or an EtherType in
// a SNAP header (where only the type field is checked).
func (c *compiler) llcLinktype(llProto uint32) *block {
	switch llProto {
	case llcSAPIP, llcSAPISONS, llcSAPNetBEUI:
		return c.cmp(orLLC, 0, SizeH, llProto<<8|llProto)
	case llcSAPIPX:
		return c.cmp(orLLC, 0, SizeB, llcSAPIPX)
	case etherTypeATalk:
		return c.snap(0x080007, etherTypeATalk)
	}
	if llProto <= etherMTU {
		c.checkMax("LLC DSAP", llProto, 0xff)
		return c.cmp(orLLC, 0, SizeB, llProto)
	}
	c.checkMax("EtherType", llProto, 0xffff)
	return c.cmp(orLLC, 6, SizeH, llProto)
}

// frelayNLPID checks for a UI frame with the given NLPID after a 2-byte
// Frame Relay address.
func (c *compiler) frelayNLPID(v uint32) *block {
	return c.cmp(orLinkHdr, 2, SizeH, 0x03<<8|v)
}

// frelayLinktype checks the NLPID after a 2-byte Frame Relay address and
// the UI control byte.
func (c *compiler) frelayLinktype(llProto uint32) *block {
	nlpid := c.frelayNLPID
	switch llProto {
	case etherTypeIP:
		return nlpid(0xcc)
	case etherTypeIPv6:
		return nlpid(0x8e)
	case llcSAPISONS:
		b0 := nlpid(isoCLNP)
		b1 := nlpid(isoESIS)
		b2 := nlpid(isoISIS)
		genOr(b1, b2)
		genOr(b0, b2)
		return b2
	}
	return c.genFalse()
}

// Direction values in the headers that record one.
const (
	slipDirIn    = 0
	slipDirOut   = 1
	pppdDirIn    = 0
	pppdDirOut   = 1
	ipnetInbound = 2
	ipnetOutbnd  = 1
)

// otherDirection is "inbound" or "outbound" on the link types of this
// file whose header records the direction; nil for the others.
func (c *compiler) otherDirection(outbound bool) *block {
	pick := func(in, out uint32) uint32 {
		if outbound {
			return out
		}
		return in
	}
	switch lt := c.linktype; {
	case lt == LinkSLIP:
		return c.cmp(orLinkHdr, 0, SizeB, pick(slipDirIn, slipDirOut))
	case lt == LinkPPPPPPD:
		return c.cmp(orLinkHdr, 0, SizeB, pick(pppdDirIn, pppdDirOut))
	case lt == LinkIPNet:
		return c.cmp(orLinkHdr, 2, SizeH, pick(ipnetInbound, ipnetOutbnd))
	case lt == LinkPFLog:
		return c.cmp(orLinkHdr, pflogDir, SizeB, pick(pfDirIn, pfDirOut))
	case lt == LinkDSATagBRCM:
		// the opcode in the top 3 bits of the Broadcom tag: 0 towards
		// the CPU, 1 from it
		return c.mcmp(orLinkHdr, 12, SizeB, pick(0x00, 0x20), pick(0xe0, 0xe0))
	case lt == LinkDSATagDSA:
		// the mode bits of the DSA tag: To_CPU has 0x40 clear, From_CPU
		// is 01
		return c.mcmp(orLinkHdr, 12, SizeB, pick(0x00, 0x40), pick(0x40, 0xc0))
	case isJuniper(lt):
		// The low bit of the flags byte after the magic number is set
		// for packets received.
		return c.mcmp(orLinkHdr, 3, SizeB, pick(1, 0), 0x01)
	}
	return nil
}
