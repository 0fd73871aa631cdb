package parser

// This file declares the syntax tree produced by Parse. The tree follows the
// shape of pcap-filter(7) closely: the code generator in package cbpf walks it
// in source order (post-order), which is the order in which libpcap's yacc
// grammar runs its semantic actions. That order matters, because primitives
// such as vlan, mpls, pppoes, geneve and vxlan change the offsets used by
// everything generated after them.

// Pos is a byte offset into the filter text, counting from 0.
type Pos int

// NoPos marks a position that is not known.
const NoPos Pos = -1

// Node is implemented by every node of the tree.
type Node interface {
	Pos() Pos // offset of the first byte of the node
	End() Pos // offset of the first byte after the node
}

// Expr is a boolean filter expression: it accepts or rejects a packet.
type Expr interface {
	Node
	exprNode()
}

// Arith is an arithmetic expression, the operand of a Relation.
type Arith interface {
	Node
	arithNode()
}

// Proto is a protocol qualifier (libpcap's Q_LINK ... Q_CARP).
type Proto uint8

// Protocol qualifiers, in libpcap's numbering.
const (
	ProtoDefault Proto = iota // no protocol qualifier given
	ProtoLink                 // link, ether, fddi, tr, wlan, ppp, slip
	ProtoIP
	ProtoARP
	ProtoRARP
	ProtoSCTP
	ProtoTCP
	ProtoUDP
	ProtoICMP
	ProtoIGMP
	ProtoIGRP
	ProtoATalk
	ProtoDECnet
	ProtoLAT
	ProtoSCA
	ProtoMOPRC
	ProtoMOPDL
	ProtoIPv6
	ProtoICMPv6
	ProtoAH
	ProtoESP
	ProtoPIM
	ProtoVRRP
	ProtoAARP
	ProtoISO
	ProtoESIS
	ProtoISIS
	ProtoCLNP
	ProtoSTP
	ProtoIPX
	ProtoNetBEUI
	ProtoISISL1
	ProtoISISL2
	ProtoISISIIH
	ProtoISISSNP
	ProtoISISCSNP
	ProtoISISPSNP
	ProtoISISLSP
	ProtoRadio
	ProtoCARP

	// ProtoUndef is the qualifier carried after a term that has none to
	// pass on (a relation, a protocol abbreviation such as "tcp", or a
	// keyword primitive such as "vlan"): libpcap's Q_UNDEF.
	ProtoUndef Proto = 255
)

var protoNames = [...]string{
	ProtoDefault: "", ProtoLink: "link", ProtoIP: "ip", ProtoARP: "arp",
	ProtoRARP: "rarp", ProtoSCTP: "sctp", ProtoTCP: "tcp", ProtoUDP: "udp",
	ProtoICMP: "icmp", ProtoIGMP: "igmp", ProtoIGRP: "igrp",
	ProtoATalk: "atalk", ProtoDECnet: "decnet", ProtoLAT: "lat",
	ProtoSCA: "sca", ProtoMOPRC: "moprc", ProtoMOPDL: "mopdl",
	ProtoIPv6: "ip6", ProtoICMPv6: "icmp6", ProtoAH: "ah", ProtoESP: "esp",
	ProtoPIM: "pim", ProtoVRRP: "vrrp", ProtoAARP: "aarp", ProtoISO: "iso",
	ProtoESIS: "esis", ProtoISIS: "isis", ProtoCLNP: "clnp", ProtoSTP: "stp",
	ProtoIPX: "ipx", ProtoNetBEUI: "netbeui", ProtoISISL1: "l1",
	ProtoISISL2: "l2", ProtoISISIIH: "iih", ProtoISISSNP: "snp",
	ProtoISISCSNP: "csnp", ProtoISISPSNP: "psnp", ProtoISISLSP: "lsp",
	ProtoRadio: "radio", ProtoCARP: "carp",
}

// String returns the qualifier's keyword as libpcap's messages spell it
// ("link", "ip6", "icmp6", ...), "" for ProtoDefault and "?" for others.
func (p Proto) String() string { return enumName(protoNames[:], p) }

// enumName returns names[v], or "?" for a value without a name.
func enumName[T ~uint8](names []string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return "?"
}

// Dir is a direction qualifier (libpcap's Q_SRC ... Q_TA).
type Dir uint8

// Direction qualifiers, in libpcap's numbering.
const (
	DirDefault Dir = iota // none given: "src or dst"
	DirSrc
	DirDst
	DirOr  // src or dst
	DirAnd // src and dst
	DirAddr1
	DirAddr2
	DirAddr3
	DirAddr4
	DirRA
	DirTA

	// DirUndef is libpcap's Q_UNDEF (see ProtoUndef).
	DirUndef Dir = 255
)

var dirNames = [...]string{
	DirDefault: "", DirSrc: "src", DirDst: "dst", DirOr: "src or dst",
	DirAnd: "src and dst", DirAddr1: "addr1", DirAddr2: "addr2",
	DirAddr3: "addr3", DirAddr4: "addr4", DirRA: "ra", DirTA: "ta",
}

// String returns the qualifier as libpcap's messages spell it.
func (d Dir) String() string { return enumName(dirNames[:], d) }

// Addr is an address-type qualifier (libpcap's Q_HOST ... Q_PORTRANGE).
type Addr uint8

// Address-type qualifiers, in libpcap's numbering.
const (
	AddrDefault Addr = iota // none given: host
	AddrHost
	AddrNet
	AddrPort
	AddrGateway
	AddrProto
	AddrProtochain
	AddrPortrange

	// AddrUndef is libpcap's Q_UNDEF (see ProtoUndef).
	AddrUndef Addr = 255
)

var addrNames = [...]string{
	AddrDefault: "", AddrHost: "host", AddrNet: "net", AddrPort: "port",
	AddrGateway: "gateway", AddrProto: "proto", AddrProtochain: "protochain",
	AddrPortrange: "portrange",
}

// String returns the qualifier's keyword.
func (a Addr) String() string { return enumName(addrNames[:], a) }

// Qual is the set of qualifiers that applies to a primitive's ID.
type Qual struct {
	Proto Proto
	Dir   Dir
	Addr  Addr
}

// QualUndef is the qualifier set a term without qualifiers passes on to a
// following bare ID (libpcap's qerr).
var QualUndef = Qual{ProtoUndef, DirUndef, AddrUndef}

// IDKind says how the scanner classified a primitive's ID.
type IDKind uint8

// ID kinds; the comment names the libpcap token and generator.
const (
	IDName     IDKind = iota // ID: a name or keyword-escaped word (gen_scode)
	IDNum                    // NUM: a number (gen_ncode with no text)
	IDIPv4                   // HID: 1 to 4 dotted numbers (gen_ncode with text)
	IDIPv4Len                // HID '/' NUM (gen_mcode)
	IDIPv4Mask               // HID "mask" HID (gen_mcode)
	IDIPv6                   // HID6 (gen_mcode6 with length 128)
	IDIPv6Len                // HID6 '/' NUM (gen_mcode6)
	IDMAC                    // EID: a MAC-48 address (gen_ecode)
	IDMAC8                   // AID: "$" followed by 1 or 2 hex digits (gen_acode)
)

// ID is the operand of a qualified primitive such as "host 10.0.0.1".
type ID struct {
	Kind IDKind
	// Text is the token as written: the name, the address, or the
	// number's digits. For IDIPv4Mask it is the address before "mask".
	Text string
	// Num is the value of an IDNum, or the prefix length of IDIPv4Len and
	// IDIPv6Len.
	Num uint32
	// Mask is the text after "mask" for IDIPv4Mask.
	Mask string
	// TextPos and EndPos delimit the whole ID in the filter text.
	TextPos, EndPos Pos
}

// Primitive is a qualified ID: "tcp dst port 80", or a bare ID such as the
// "443" in "tcp port 80 or 443", which reuses the qualifiers before it.
type Primitive struct {
	// Q holds the effective qualifiers: the ones written, or, when
	// Inherited is true, the ones passed on by the preceding term.
	Q Qual
	// QualPos is the offset of the first qualifier keyword, or of the ID
	// when the qualifiers are inherited or absent.
	QualPos   Pos
	Inherited bool
	ID        ID
}

// BoolOp is "and" or "or".
type BoolOp uint8

// Boolean operators.
const (
	And BoolOp = iota // and, &&
	Or                // or, ||
)

// BinaryExpr is "X and Y" or "X or Y".
type BinaryExpr struct {
	Op    BoolOp
	OpPos Pos
	X, Y  Expr
}

// NotExpr is "not X" or "! X".
type NotExpr struct {
	NotPos Pos
	X      Expr
}

// ParenExpr is a parenthesized expression.
type ParenExpr struct {
	Lparen, Rparen Pos
	X              Expr
}

// ProtoAbbrev is a protocol name used alone as a primitive, such as "tcp",
// "ip6" or "l1" (libpcap's gen_proto_abbrev).
type ProtoAbbrev struct {
	Proto    Proto
	ProtoPos Pos
	EndPos   Pos
}

// RelOp is a comparison operator.
type RelOp uint8

// Comparison operators.
const (
	GT RelOp = iota // >
	GE              // >=
	EQ              // = or ==
	LE              // <=
	LT              // <
	NE              // !=
)

var relOpNames = [...]string{GT: ">", GE: ">=", EQ: "=", LE: "<=", LT: "<", NE: "!="}

// String returns the operator's spelling.
func (op RelOp) String() string { return enumName(relOpNames[:], op) }

// Relation compares two arithmetic expressions: "ip[0] & 0xf > 5".
type Relation struct {
	Op    RelOp
	OpPos Pos
	X, Y  Arith
}

// Keyword identifies a keyword primitive (see Builtin) or a field of a
// FieldExpr.
type Keyword uint8

// Keyword primitives. The comment gives the arguments a Builtin carries.
const (
	KwBroadcast    Keyword = iota + 1 // [Proto] broadcast
	KwMulticast                       // [Proto] multicast
	KwLess                            // less NUM: Args[0]
	KwGreater                         // greater NUM: Args[0]
	KwByte                            // byte NUM OP NUM: Args[0] index, Args[1].Text operator ("&", "|", "<", ">", "="), Args[2] value
	KwInbound                         // inbound
	KwOutbound                        // outbound
	KwIfindex                         // ifindex NUM: Args[0]
	KwVLAN                            // vlan [NUM]
	KwMPLS                            // mpls [NUM]
	KwPPPoED                          // pppoed
	KwPPPoES                          // pppoes [NUM]
	KwGeneve                          // geneve [NUM]
	KwVXLAN                           // vxlan [NUM]
	KwPFIfname                        // ifname|on NAME: Args[0].Text
	KwPFRuleset                       // rset|ruleset NAME: Args[0].Text
	KwPFRulenum                       // rnr|rulenum NUM: Args[0]
	KwPFSubrulenum                    // srnr|subrulenum NUM: Args[0]
	KwPFReason                        // reason CODE: Args[0].Num (names resolved by the parser)
	KwPFAction                        // action NAME: Args[0].Num (names resolved by the parser)
	KwWlanType                        // [Proto] type T [subtype S] / subtype S: Args[0].Num value, Args[1].Num mask
	KwWlanDir                         // [Proto] dir D: Args[0].Num
	KwLLC                             // llc [KIND]: Args empty, or Args[0].Text one of i s u rr rnr rej ui ua disc dm sabme test xid frmr (lower case)
	KwLane                            // lane
	KwMetac                           // metac
	KwBCC                             // bcc
	KwOAMF4EC                         // oamf4ec
	KwOAMF4SC                         // oamf4sc
	KwSC                              // sc
	KwILMIC                           // ilmic
	KwOAM                             // oam
	KwOAMF4                           // oamf4
	KwConnectMsg                      // connectmsg
	KwMetaConnect                     // metaconnect
	KwFISU                            // fisu
	KwLSSU                            // lssu
	KwMSU                             // msu
	KwHFISU                           // hfisu
	KwHLSSU                           // hlssu
	KwHMSU                            // hmsu
	KwVPI                             // vpi (FieldExpr only)
	KwVCI                             // vci (FieldExpr only)
	KwSIO                             // sio (FieldExpr only)
	KwOPC                             // opc (FieldExpr only)
	KwDPC                             // dpc (FieldExpr only)
	KwSLS                             // sls (FieldExpr only)
	KwHSIO                            // hsio (FieldExpr only)
	KwHOPC                            // hopc (FieldExpr only)
	KwHDPC                            // hdpc (FieldExpr only)
	KwHSLS                            // hsls (FieldExpr only)
)

// Arg is an argument of a Builtin or FieldExpr.
type Arg struct {
	Pos   Pos
	End   Pos
	IsNum bool
	Num   uint32
	Text  string // the argument as written
}

// Builtin is a keyword primitive: "vlan 100", "less 64", "broadcast",
// "llc rnr", "pppoes", "ifindex 3" and the rest listed with Keyword.
type Builtin struct {
	Kw     Keyword
	KwPos  Pos // offset of the keyword (or of its protocol qualifier)
	EndPos Pos
	// Proto is the protocol qualifier written before broadcast,
	// multicast, type, subtype and dir; ProtoDefault otherwise.
	Proto Proto
	// HasArg reports whether the optional numeric argument of vlan,
	// mpls, pppoes, geneve and vxlan was given.
	HasArg bool
	Args   []Arg
}

// FieldExpr compares an ATM or MTP3 field: "vpi > 5", "sio 3",
// "dpc (1 or 2)". A list of values means field == v1 or field == v2 ...
type FieldExpr struct {
	Field    Keyword // KwVPI ... KwHSLS
	FieldPos Pos
	EndPos   Pos
	Op       RelOp // EQ for the value and list forms
	Values   []Arg
}

// Number is a numeric constant in an arithmetic expression, including the
// named constants such as tcp-syn or icmp-echo.
type Number struct {
	ValuePos Pos
	EndPos   Pos
	Value    uint32
	Lit      string
}

// Len is the "len" (or "length") keyword: the packet length.
type Len struct {
	LenPos Pos
	EndPos Pos
}

// Index is a packet data accessor: "proto[expr]" or "proto[expr:size]".
type Index struct {
	Proto    Proto
	ProtoPos Pos
	Index    Arith
	Size     uint32 // 1 when not written
	SizePos  Pos    // NoPos when not written
	Rbrack   Pos
}

// ArithOp is a binary arithmetic operator.
type ArithOp uint8

// Arithmetic operators.
const (
	Add    ArithOp = iota // +
	Sub                   // -
	Mul                   // *
	Div                   // /
	Mod                   // %
	BitAnd                // &
	BitOr                 // |
	BitXor                // ^
	Lsh                   // <<
	Rsh                   // >>
)

var arithOpNames = [...]string{Add: "+", Sub: "-", Mul: "*", Div: "/", Mod: "%",
	BitAnd: "&", BitOr: "|", BitXor: "^", Lsh: "<<", Rsh: ">>"}

// String returns the operator's spelling.
func (op ArithOp) String() string { return enumName(arithOpNames[:], op) }

// BinaryArith is "X op Y" for an arithmetic operator.
type BinaryArith struct {
	Op    ArithOp
	OpPos Pos
	X, Y  Arith
}

// NegArith is unary minus.
type NegArith struct {
	Minus Pos
	X     Arith
}

// ParenArith is a parenthesized arithmetic expression.
type ParenArith struct {
	Lparen, Rparen Pos
	X              Arith
}

// Pos and End for every node.

func (x *BinaryExpr) Pos() Pos  { return x.X.Pos() }
func (x *BinaryExpr) End() Pos  { return x.Y.End() }
func (x *NotExpr) Pos() Pos     { return x.NotPos }
func (x *NotExpr) End() Pos     { return x.X.End() }
func (x *ParenExpr) Pos() Pos   { return x.Lparen }
func (x *ParenExpr) End() Pos   { return x.Rparen + 1 }
func (x *Primitive) Pos() Pos   { return x.QualPos }
func (x *Primitive) End() Pos   { return x.ID.EndPos }
func (x *ProtoAbbrev) Pos() Pos { return x.ProtoPos }
func (x *ProtoAbbrev) End() Pos { return x.EndPos }
func (x *Relation) Pos() Pos    { return x.X.Pos() }
func (x *Relation) End() Pos    { return x.Y.End() }
func (x *Builtin) Pos() Pos     { return x.KwPos }
func (x *Builtin) End() Pos     { return x.EndPos }
func (x *FieldExpr) Pos() Pos   { return x.FieldPos }
func (x *FieldExpr) End() Pos   { return x.EndPos }

func (x *Number) Pos() Pos      { return x.ValuePos }
func (x *Number) End() Pos      { return x.EndPos }
func (x *Len) Pos() Pos         { return x.LenPos }
func (x *Len) End() Pos         { return x.EndPos }
func (x *Index) Pos() Pos       { return x.ProtoPos }
func (x *Index) End() Pos       { return x.Rbrack + 1 }
func (x *BinaryArith) Pos() Pos { return x.X.Pos() }
func (x *BinaryArith) End() Pos { return x.Y.End() }
func (x *NegArith) Pos() Pos    { return x.Minus }
func (x *NegArith) End() Pos    { return x.X.End() }
func (x *ParenArith) Pos() Pos  { return x.Lparen }
func (x *ParenArith) End() Pos  { return x.Rparen + 1 }

func (*BinaryExpr) exprNode()  {}
func (*NotExpr) exprNode()     {}
func (*ParenExpr) exprNode()   {}
func (*Primitive) exprNode()   {}
func (*ProtoAbbrev) exprNode() {}
func (*Relation) exprNode()    {}
func (*Builtin) exprNode()     {}
func (*FieldExpr) exprNode()   {}

func (*Number) arithNode()      {}
func (*Len) arithNode()         {}
func (*Index) arithNode()       {}
func (*BinaryArith) arithNode() {}
func (*NegArith) arithNode()    {}
func (*ParenArith) arithNode()  {}
