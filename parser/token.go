package parser

// kind is the lexical class of a token.
type kind uint8

// Token kinds. Keyword families share a kind and tell their members apart
// by token.aux (a Proto, Dir, Addr or Keyword value).
const (
	tEOF     kind = iota
	tIllegal      // a character no rule accepts, or a malformed number
	tID           // a name, or a backslash-escaped word
	tNUM          // a number or a named constant
	tHID          // 1 to 4 dotted numbers
	tHID6         // an IPv6 address
	tEID          // a MAC-48 address
	tAID          // '$' and 1 or 2 hex digits

	tPName      // protocol qualifier; aux is a Proto
	tDQual      // src, dst, addr1-4, ra, ta; aux is a Dir
	tAQual      // host, net, port, portrange; aux is an Addr
	tProto      // proto
	tProtochain // protochain
	tGateway    // gateway
	tMask       // mask
	tType       // type
	tSubtype    // subtype
	tWlanDir    // dir, direction
	tLess       // less
	tGreater    // greater
	tByte       // byte
	tBroadcast  // broadcast
	tMulticast  // multicast
	tAnd        // and, &&
	tOr         // or, ||
	tNot        // not, !
	tLen        // len, length
	tPlain      // keyword primitive without arguments; aux is a Keyword
	tOptNum     // vlan, mpls, pppoes, geneve, vxlan; aux is a Keyword
	tIfindex    // ifindex
	tLLC        // llc
	tField      // vpi, vci, sio, opc, dpc, sls, hsio, hopc, hdpc, hsls
	tPFName     // ifname, on, rset, ruleset; aux is a Keyword
	tPFNum      // rnr, rulenum, srnr, subrulenum; aux is a Keyword
	tReason     // reason
	tAction     // action

	tPlus    // +
	tMinus   // -
	tStar    // *
	tSlash   // /
	tPercent // %
	tColon   // :
	tLbrack  // [
	tRbrack  // ]
	tLt      // <
	tGt      // >
	tLparen  // (
	tRparen  // )
	tAmp     // &
	tPipe    // |
	tCaret   // ^
	tEq      // = or ==
	tGeq     // >=
	tLeq     // <=
	tNeq     // !=
	tLsh     // <<
	tRsh     // >>
)

// token is one lexeme of the filter text.
type token struct {
	kind kind
	pos  Pos    // offset of the first byte
	end  Pos    // offset just after the last byte
	text string // the value: the lexeme, or an escaped word without '\'
	val  uint32 // the value of a tNUM
	aux  uint8  // member of a keyword family
	err  string // for tIllegal: why the lexeme is bad
}

type keywordInfo struct {
	k   kind
	aux uint8
}

// keywords maps each reserved word (case-sensitive, as in libpcap) to its
// token.
var keywords = map[string]keywordInfo{
	"dst": {tDQual, uint8(DirDst)}, "src": {tDQual, uint8(DirSrc)},

	"link": {tPName, uint8(ProtoLink)}, "ether": {tPName, uint8(ProtoLink)},
	"ppp": {tPName, uint8(ProtoLink)}, "slip": {tPName, uint8(ProtoLink)},
	"fddi": {tPName, uint8(ProtoLink)}, "tr": {tPName, uint8(ProtoLink)},
	"wlan": {tPName, uint8(ProtoLink)},
	"arp":  {tPName, uint8(ProtoARP)}, "rarp": {tPName, uint8(ProtoRARP)},
	"ip": {tPName, uint8(ProtoIP)}, "sctp": {tPName, uint8(ProtoSCTP)},
	"tcp": {tPName, uint8(ProtoTCP)}, "udp": {tPName, uint8(ProtoUDP)},
	"icmp": {tPName, uint8(ProtoICMP)}, "igmp": {tPName, uint8(ProtoIGMP)},
	"igrp": {tPName, uint8(ProtoIGRP)}, "pim": {tPName, uint8(ProtoPIM)},
	"vrrp": {tPName, uint8(ProtoVRRP)}, "carp": {tPName, uint8(ProtoCARP)},
	"radio": {tPName, uint8(ProtoRadio)},
	"ip6":   {tPName, uint8(ProtoIPv6)}, "icmp6": {tPName, uint8(ProtoICMPv6)},
	"ah": {tPName, uint8(ProtoAH)}, "esp": {tPName, uint8(ProtoESP)},
	"atalk": {tPName, uint8(ProtoATalk)}, "aarp": {tPName, uint8(ProtoAARP)},
	"decnet": {tPName, uint8(ProtoDECnet)}, "lat": {tPName, uint8(ProtoLAT)},
	"sca": {tPName, uint8(ProtoSCA)}, "moprc": {tPName, uint8(ProtoMOPRC)},
	"mopdl": {tPName, uint8(ProtoMOPDL)},
	"iso":   {tPName, uint8(ProtoISO)}, "esis": {tPName, uint8(ProtoESIS)},
	"es-is": {tPName, uint8(ProtoESIS)}, "isis": {tPName, uint8(ProtoISIS)},
	"is-is": {tPName, uint8(ProtoISIS)}, "l1": {tPName, uint8(ProtoISISL1)},
	"l2": {tPName, uint8(ProtoISISL2)}, "iih": {tPName, uint8(ProtoISISIIH)},
	"lsp": {tPName, uint8(ProtoISISLSP)}, "snp": {tPName, uint8(ProtoISISSNP)},
	"csnp": {tPName, uint8(ProtoISISCSNP)}, "psnp": {tPName, uint8(ProtoISISPSNP)},
	"clnp": {tPName, uint8(ProtoCLNP)}, "stp": {tPName, uint8(ProtoSTP)},
	"ipx": {tPName, uint8(ProtoIPX)}, "netbeui": {tPName, uint8(ProtoNetBEUI)},

	"host": {tAQual, uint8(AddrHost)}, "net": {tAQual, uint8(AddrNet)},
	"port": {tAQual, uint8(AddrPort)}, "portrange": {tAQual, uint8(AddrPortrange)},
	"mask": {tMask, 0}, "proto": {tProto, 0}, "protochain": {tProtochain, 0},
	"gateway": {tGateway, 0},

	"type": {tType, 0}, "subtype": {tSubtype, 0},
	"direction": {tWlanDir, 0}, "dir": {tWlanDir, 0},
	"address1": {tDQual, uint8(DirAddr1)}, "addr1": {tDQual, uint8(DirAddr1)},
	"address2": {tDQual, uint8(DirAddr2)}, "addr2": {tDQual, uint8(DirAddr2)},
	"address3": {tDQual, uint8(DirAddr3)}, "addr3": {tDQual, uint8(DirAddr3)},
	"address4": {tDQual, uint8(DirAddr4)}, "addr4": {tDQual, uint8(DirAddr4)},
	"ra": {tDQual, uint8(DirRA)}, "ta": {tDQual, uint8(DirTA)},

	"less": {tLess, 0}, "greater": {tGreater, 0}, "byte": {tByte, 0},
	"broadcast": {tBroadcast, 0}, "multicast": {tMulticast, 0},
	"and": {tAnd, 0}, "&&": {tAnd, 0}, "or": {tOr, 0}, "||": {tOr, 0},
	"not": {tNot, 0},
	"len": {tLen, 0}, "length": {tLen, 0},
	"inbound": {tPlain, uint8(KwInbound)}, "outbound": {tPlain, uint8(KwOutbound)},
	"ifindex": {tIfindex, 0},
	"vlan":    {tOptNum, uint8(KwVLAN)}, "mpls": {tOptNum, uint8(KwMPLS)},
	"pppoed": {tPlain, uint8(KwPPPoED)}, "pppoes": {tOptNum, uint8(KwPPPoES)},
	"geneve": {tOptNum, uint8(KwGeneve)}, "vxlan": {tOptNum, uint8(KwVXLAN)},

	"lane": {tPlain, uint8(KwLane)}, "llc": {tLLC, 0},
	"metac": {tPlain, uint8(KwMetac)}, "bcc": {tPlain, uint8(KwBCC)},
	"oam": {tPlain, uint8(KwOAM)}, "oamf4": {tPlain, uint8(KwOAMF4)},
	"oamf4ec": {tPlain, uint8(KwOAMF4EC)}, "oamf4sc": {tPlain, uint8(KwOAMF4SC)},
	"sc": {tPlain, uint8(KwSC)}, "ilmic": {tPlain, uint8(KwILMIC)},
	"vpi": {tField, uint8(KwVPI)}, "vci": {tField, uint8(KwVCI)},
	"connectmsg": {tPlain, uint8(KwConnectMsg)}, "metaconnect": {tPlain, uint8(KwMetaConnect)},

	"on": {tPFName, uint8(KwPFIfname)}, "ifname": {tPFName, uint8(KwPFIfname)},
	"rset": {tPFName, uint8(KwPFRuleset)}, "ruleset": {tPFName, uint8(KwPFRuleset)},
	"rnr": {tPFNum, uint8(KwPFRulenum)}, "rulenum": {tPFNum, uint8(KwPFRulenum)},
	"srnr": {tPFNum, uint8(KwPFSubrulenum)}, "subrulenum": {tPFNum, uint8(KwPFSubrulenum)},
	"reason": {tReason, 0}, "action": {tAction, 0},

	"fisu": {tPlain, uint8(KwFISU)}, "lssu": {tPlain, uint8(KwLSSU)},
	"lsu": {tPlain, uint8(KwLSSU)}, "msu": {tPlain, uint8(KwMSU)},
	"hfisu": {tPlain, uint8(KwHFISU)}, "hlssu": {tPlain, uint8(KwHLSSU)},
	"hmsu": {tPlain, uint8(KwHMSU)},
	"sio":  {tField, uint8(KwSIO)}, "opc": {tField, uint8(KwOPC)},
	"dpc": {tField, uint8(KwDPC)}, "sls": {tField, uint8(KwSLS)},
	"hsio": {tField, uint8(KwHSIO)}, "hopc": {tField, uint8(KwHOPC)},
	"hdpc": {tField, uint8(KwHDPC)}, "hsls": {tField, uint8(KwHSLS)},
}

// namedConstants are words the scanner turns into numbers: offsets and
// values for the ICMP, ICMPv6 and TCP headers.
var namedConstants = map[string]uint32{
	"icmptype": 0, "icmpcode": 1,
	"icmp-echoreply": 0, "icmp-unreach": 3, "icmp-sourcequench": 4,
	"icmp-redirect": 5, "icmp-echo": 8, "icmp-routeradvert": 9,
	"icmp-routersolicit": 10, "icmp-timxceed": 11, "icmp-paramprob": 12,
	"icmp-tstamp": 13, "icmp-tstampreply": 14, "icmp-ireq": 15,
	"icmp-ireqreply": 16, "icmp-maskreq": 17, "icmp-maskreply": 18,

	"icmp6type": 0, "icmp6code": 1,
	"icmp6-destinationunreach": 1, "icmp6-packettoobig": 2,
	"icmp6-timeexceeded": 3, "icmp6-parameterproblem": 4,
	"icmp6-echo": 128, "icmp6-echoreply": 129,
	"icmp6-multicastlistenerquery": 130, "icmp6-multicastlistenerreportv1": 131,
	"icmp6-multicastlistenerdone": 132, "icmp6-routersolicit": 133,
	"icmp6-routeradvert": 134, "icmp6-neighborsolicit": 135,
	"icmp6-neighboradvert": 136, "icmp6-redirect": 137,
	"icmp6-routerrenum": 138, "icmp6-nodeinformationquery": 139,
	"icmp6-nodeinformationresponse": 140, "icmp6-ineighbordiscoverysolicit": 141,
	"icmp6-ineighbordiscoveryadvert": 142, "icmp6-multicastlistenerreportv2": 143,
	"icmp6-homeagentdiscoveryrequest": 144, "icmp6-homeagentdiscoveryreply": 145,
	"icmp6-mobileprefixsolicit": 146, "icmp6-mobileprefixadvert": 147,
	"icmp6-certpathsolicit": 148, "icmp6-certpathadvert": 149,
	"icmp6-multicastrouteradvert": 151, "icmp6-multicastroutersolicit": 152,
	"icmp6-multicastrouterterm": 153,

	"tcpflags": 13,
	"tcp-fin":  0x01, "tcp-syn": 0x02, "tcp-rst": 0x04, "tcp-push": 0x08,
	"tcp-ack": 0x10, "tcp-urg": 0x20, "tcp-ece": 0x40, "tcp-cwr": 0x80,
}
