package parser

import (
	"runtime"
	"slices"
	"strings"
	"sync"
)

// MaxNesting is the deepest nesting of parentheses, negations and unary
// minus that Parse accepts; deeper input is an error, not a stack overflow.
const MaxNesting = 1000

// Parse reads a pcap-filter(7) expression. An empty expression, or one of
// only white space, accepts every packet: Parse returns (nil, nil). Any
// error is an *Error whose Pos is the offset of the offending text.
func Parse(expr string) (x Expr, err error) {
	buf := tokenPool.Get().(*[]token)
	p := &parser{toks: scanInto((*buf)[:0], expr)}
	defer func() {
		// The tree holds no token: the slice goes back to the pool,
		// without the strings it points into.
		clear(p.toks)
		*buf = p.toks[:0]
		tokenPool.Put(buf)
	}()
	if p.toks[0].kind == tEOF {
		return nil, nil
	}
	p.matchParens()
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			x, err = nil, b.err
		}
	}()
	x, _ = p.parseExpr(QualUndef)
	if p.tok().kind != tEOF {
		p.syntaxError()
	}
	return x, nil
}

// tokenPool holds token slices for Parse to reuse.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// bailout carries the first error out of the recursive descent.
type bailout struct{ err *Error }

type parser struct {
	toks  []token
	p     int   // index of the current token
	match []int // for each '(' token, the index of its ')', or -1
	class []parenClass
	depth int
}

func (p *parser) tok() token       { return p.toks[p.p] }
func (p *parser) peek(n int) token { return p.toks[min(p.p+n, len(p.toks)-1)] }

func (p *parser) next() token {
	t := p.toks[p.p]
	if t.kind != tEOF {
		p.p++
	}
	return t
}

func (p *parser) fail(pos, end Pos, format string, args ...any) {
	e := Errorf(pos, end, format, args...)
	e.Kind = KindSyntax
	panic(bailout{e})
}

// syntaxError reports the current token as unexpected.
func (p *parser) syntaxError() {
	t := p.tok()
	switch {
	case t.kind == tIllegal && t.err != "":
		p.fail(t.pos, t.end, "%s", t.err)
	case t.kind == tEOF:
		p.fail(t.pos, t.end, "can't parse filter expression: syntax error: unexpected end of expression")
	case t.kind == tIllegal:
		p.fail(t.pos, t.end, "can't parse filter expression: syntax error: unexpected character %q", t.text)
	default:
		p.fail(t.pos, t.end, "can't parse filter expression: syntax error: unexpected '%s'", t.text)
	}
}

func (p *parser) expect(k kind) token {
	if p.tok().kind != k {
		p.syntaxError()
	}
	return p.next()
}

func (p *parser) enter() {
	p.depth++
	if p.depth > MaxNesting {
		t := p.tok()
		p.fail(t.pos, t.end, "can't parse filter expression: expression nested more than %d levels deep", MaxNesting)
	}
}

func (p *parser) leave() { p.depth-- }

// matchParens pairs each '(' with its ')'.
func (p *parser) matchParens() {
	// match and class are only read at '(' tokens.
	if !slices.ContainsFunc(p.toks, func(t token) bool { return t.kind == tLparen }) {
		return
	}
	p.match = make([]int, len(p.toks))
	p.class = make([]parenClass, len(p.toks))
	var stack []int
	for i, t := range p.toks {
		p.match[i] = -1
		switch t.kind {
		case tLparen:
			stack = append(stack, i)
		case tRparen:
			if n := len(stack); n > 0 {
				p.match[stack[n-1]] = i
				stack = stack[:n-1]
			}
		}
	}
}

// parenClass says what a parenthesized group holds, which decides between
// the grammar's alternatives that all begin with '('.
type parenClass uint8

const (
	classUnknown parenClass = iota
	classBool               // a boolean expression
	classArith              // an arithmetic expression
	classIDs                // bare IDs joined by and/or/not
	classNum                // a number, perhaps in more parentheses
)

func isArithOp(k kind) bool {
	switch k {
	case tPlus, tMinus, tStar, tSlash, tPercent, tAmp, tPipe, tCaret, tLsh, tRsh:
		return true
	}
	return false
}

func isRelOp(k kind) bool {
	switch k {
	case tGt, tGeq, tEq, tLeq, tLt, tNeq:
		return true
	}
	return false
}

// classify looks inside the group opened by the '(' at index open.
func (p *parser) classify(open int) parenClass {
	if c := p.class[open]; c != classUnknown {
		return c
	}
	end := p.match[open]
	if end < 0 {
		end = len(p.toks) - 1
	}
	var boolish, arith, ids, ops bool
	nums, groups, lastGroup := 0, 0, -1
	for j := open + 1; j < end; j++ {
		t := p.toks[j]
		switch {
		case t.kind == tLparen:
			groups++
			lastGroup = j
			if p.match[j] < 0 {
				j = end
			} else {
				j = p.match[j]
			}
		case t.kind == tLbrack:
			arith = true
			d := 0
			for ; j < end; j++ {
				if p.toks[j].kind == tLbrack {
					d++
				} else if p.toks[j].kind == tRbrack {
					d--
					if d == 0 {
						break
					}
				}
			}
		case t.kind == tNUM:
			nums++
		case t.kind == tID || t.kind == tHID || t.kind == tHID6 || t.kind == tEID || t.kind == tAID || t.kind == tMask || t.kind == tSlash && ids:
			ids = true
		case t.kind == tAnd || t.kind == tOr || t.kind == tNot:
			ops = true
		case isArithOp(t.kind) || t.kind == tLen || t.kind == tColon:
			arith = true
		case t.kind == tPName && p.toks[j+1].kind == tLbrack:
			arith = true
		default:
			boolish = true
		}
	}
	var c parenClass
	switch {
	case boolish:
		c = classBool
	case arith:
		c = classArith
	case ids || ops:
		c = classIDs
	case nums == 1 && groups == 0:
		c = classNum
	case nums == 0 && groups == 1:
		c = p.classify(lastGroup)
	default:
		c = classBool
	}
	p.class[open] = c
	return c
}

// parseExpr parses terms joined by and/or. in is the qualifier set passed
// to a parenthesized term; the result is the qualifier set the last term
// passes on.
func (p *parser) parseExpr(in Qual) (Expr, Qual) {
	x, q := p.parseTerm(in)
	for {
		t := p.tok()
		op, ok := boolOp(t.kind)
		if !ok {
			return x, q
		}
		p.next()
		var y Expr
		if p.idFollows() {
			y = p.parseID(q)
		} else {
			y, q = p.parseTerm(q)
		}
		x = &BinaryExpr{Op: op, OpPos: t.pos, X: x, Y: y}
	}
}

// boolOp returns the operator a token of kind k joins terms with, if it
// is "and" or "or".
func boolOp(k kind) (BoolOp, bool) {
	switch k {
	case tAnd:
		return And, true
	case tOr:
		return Or, true
	}
	return 0, false
}

// idFollows reports whether what follows and/or is a bare ID (which reuses
// the previous qualifiers) rather than a term.
func (p *parser) idFollows() bool {
	i := p.p
	for p.toks[i].kind == tNot {
		i++
	}
	t := p.toks[i]
	switch t.kind {
	case tID, tHID, tHID6, tEID, tAID:
		return true
	case tNUM:
		k := p.toks[i+1].kind
		return !isArithOp(k) && !isRelOp(k)
	case tLparen:
		switch p.classify(i) {
		case classIDs:
			return true
		case classNum:
			if m := p.match[i]; m >= 0 {
				k := p.toks[m+1].kind
				return !isArithOp(k) && !isRelOp(k)
			}
			return true
		}
	}
	return false
}

func (p *parser) parseTerm(in Qual) (Expr, Qual) {
	if t := p.tok(); t.kind == tNot {
		p.next()
		p.enter()
		x, q := p.parseTerm(in)
		p.leave()
		return &NotExpr{NotPos: t.pos, X: x}, q
	}
	return p.parseRTerm(in)
}

func (p *parser) parseRTerm(in Qual) (Expr, Qual) {
	t := p.tok()
	switch t.kind {
	case tLparen:
		if c := p.classify(p.p); c == classArith || c == classNum {
			return p.parseRelation(), QualUndef
		}
		p.next()
		p.enter()
		x, _ := p.parseExpr(in)
		p.leave()
		r := p.expect(tRparen)
		return &ParenExpr{Lparen: t.pos, Rparen: r.pos, X: x}, in
	case tPName:
		switch p.peek(1).kind {
		case tLbrack:
			return p.parseRelation(), QualUndef
		case tDQual, tAQual, tProto, tProtochain, tGateway:
			return p.parseHead()
		case tBroadcast, tMulticast, tType, tSubtype, tWlanDir:
			p.next()
			return p.parseProtoBuiltin(Proto(t.aux), t.pos), QualUndef
		}
		p.next()
		return &ProtoAbbrev{Proto: Proto(t.aux), ProtoPos: t.pos, EndPos: t.end}, QualUndef
	case tDQual, tAQual, tProto, tProtochain, tGateway:
		return p.parseHead()
	case tBroadcast, tMulticast, tType, tSubtype, tWlanDir:
		return p.parseProtoBuiltin(ProtoDefault, t.pos), QualUndef
	case tNUM, tLen, tMinus:
		return p.parseRelation(), QualUndef
	case tLess, tGreater, tIfindex, tPFNum:
		p.next()
		kw := map[kind]Keyword{tLess: KwLess, tGreater: KwGreater, tIfindex: KwIfindex}[t.kind]
		if t.kind == tPFNum {
			kw = Keyword(t.aux)
		}
		a := p.numArg()
		return &Builtin{Kw: kw, KwPos: t.pos, EndPos: a.End, Args: []Arg{a}}, QualUndef
	case tByte:
		p.next()
		idx := p.numArg()
		o := p.tok()
		var op string
		switch o.kind {
		case tAmp:
			op = "&"
		case tPipe:
			op = "|"
		case tLt:
			op = "<"
		case tGt:
			op = ">"
		case tEq:
			op = "="
		default:
			p.syntaxError()
		}
		p.next()
		v := p.numArg()
		return &Builtin{Kw: KwByte, KwPos: t.pos, EndPos: v.End,
			Args: []Arg{idx, {Pos: o.pos, End: o.end, Text: op}, v}}, QualUndef
	case tPlain:
		p.next()
		return &Builtin{Kw: Keyword(t.aux), KwPos: t.pos, EndPos: t.end}, QualUndef
	case tOptNum:
		p.next()
		b := &Builtin{Kw: Keyword(t.aux), KwPos: t.pos, EndPos: t.end}
		if k := p.tok().kind; k == tNUM || k == tLparen {
			a := p.pnum()
			b.HasArg, b.Args, b.EndPos = true, []Arg{a}, p.toks[p.p-1].end
		}
		return b, QualUndef
	case tLLC:
		p.next()
		b := &Builtin{Kw: KwLLC, KwPos: t.pos, EndPos: t.end}
		a := p.tok()
		switch {
		case a.kind == tID:
			kind := strings.ToLower(a.text)
			switch kind {
			case "i", "s", "u", "rr", "rnr", "rej", "ui", "ua", "disc", "dm", "sabme", "test", "xid", "frmr":
			default:
				p.fail(a.pos, a.end, "unknown LLC type name %q", a.text)
			}
			p.next()
			b.Args, b.EndPos = []Arg{{Pos: a.pos, End: a.end, Text: kind}}, a.end
		case a.kind == tPFNum && Keyword(a.aux) == KwPFRulenum:
			p.next()
			b.Args, b.EndPos = []Arg{{Pos: a.pos, End: a.end, Text: "rnr"}}, a.end
		}
		return b, QualUndef
	case tField:
		return p.parseField(), QualUndef
	case tPFName:
		p.next()
		a := p.expect(tID)
		return &Builtin{Kw: Keyword(t.aux), KwPos: t.pos, EndPos: a.end,
			Args: []Arg{{Pos: a.pos, End: a.end, Text: a.text}}}, QualUndef
	case tReason:
		p.next()
		a := p.tok()
		var arg Arg
		switch a.kind {
		case tNUM:
			arg = p.numArg()
		case tID:
			p.next()
			v, ok := lookupName(pfReasons(), a.text)
			if !ok {
				p.fail(a.pos, a.end, "unknown PF reason %q", a.text)
			}
			arg = Arg{Pos: a.pos, End: a.end, IsNum: true, Num: v, Text: a.text}
		default:
			p.syntaxError()
		}
		return &Builtin{Kw: KwPFReason, KwPos: t.pos, EndPos: arg.End, Args: []Arg{arg}}, QualUndef
	case tAction:
		p.next()
		a := p.expect(tID)
		v, ok := lookupName(pfActions(), a.text)
		if !ok {
			p.fail(a.pos, a.end, "unknown PF action %q", a.text)
		}
		return &Builtin{Kw: KwPFAction, KwPos: t.pos, EndPos: a.end,
			Args: []Arg{{Pos: a.pos, End: a.end, IsNum: true, Num: v, Text: a.text}}}, QualUndef
	}
	p.syntaxError()
	return nil, QualUndef
}

// numArg reads a NUM token as an argument.
func (p *parser) numArg() Arg {
	t := p.expect(tNUM)
	return Arg{Pos: t.pos, End: t.end, IsNum: true, Num: t.val, Text: t.text}
}

// pnum reads a number, perhaps in parentheses.
func (p *parser) pnum() Arg {
	if p.tok().kind == tLparen {
		p.next()
		p.enter()
		a := p.pnum()
		p.leave()
		p.expect(tRparen)
		return a
	}
	return p.numArg()
}

// parseHead parses "[proto] [dir] [type] id".
func (p *parser) parseHead() (Expr, Qual) {
	start := p.tok().pos
	q := Qual{ProtoDefault, DirDefault, AddrDefault}
	if t := p.tok(); t.kind == tPName {
		q.Proto = Proto(t.aux)
		p.next()
	}
	switch t := p.tok(); t.kind {
	case tDQual:
		p.next()
		q.Dir = Dir(t.aux)
		if op := p.tok(); (q.Dir == DirSrc || q.Dir == DirDst) && (op.kind == tOr || op.kind == tAnd) {
			// "src or dst", "dst and src": like libpcap, and/or right
			// after src or dst must continue the direction.
			p.next()
			other := p.tok()
			if other.kind != tDQual || other.aux == t.aux || (other.aux != uint8(DirSrc) && other.aux != uint8(DirDst)) {
				p.syntaxError()
			}
			p.next()
			q.Dir = DirOr
			if op.kind == tAnd {
				q.Dir = DirAnd
			}
		}
		if a := p.tok(); a.kind == tAQual {
			p.next()
			q.Addr = Addr(a.aux)
		}
	case tAQual:
		p.next()
		q.Addr = Addr(t.aux)
	case tProto:
		p.next()
		q.Addr = AddrProto
	case tProtochain:
		p.next()
		q.Addr = AddrProtochain
	case tGateway:
		p.next()
		q.Addr = AddrGateway
	default:
		p.syntaxError()
	}
	return p.parseIDAt(q, start, false), q
}

// parseID parses the grammar's id: a bare ID that takes the qualifiers q
// passed on by the term before it.
func (p *parser) parseID(q Qual) Expr {
	return p.parseIDAt(q, p.tok().pos, true)
}

func (p *parser) parseIDAt(q Qual, qualPos Pos, inherited bool) Expr {
	t := p.tok()
	if inherited {
		qualPos = t.pos
	}
	switch t.kind {
	case tNot:
		p.next()
		p.enter()
		x := p.parseID(q)
		p.leave()
		return &NotExpr{NotPos: t.pos, X: x}
	case tLparen:
		return p.parseParenID(q)
	}
	id := p.parseIDOperand(q)
	return &Primitive{Q: q, QualPos: qualPos, Inherited: inherited, ID: id}
}

// parseParenID parses "( id and|or id ... )", or a parenthesized number.
func (p *parser) parseParenID(q Qual) Expr {
	l := p.next()
	p.enter()
	defer p.leave()
	var x Expr
	if p.tok().kind == tLparen {
		// Only a number may be parenthesized as the first element.
		t := p.tok()
		a := p.pnum()
		x = &Primitive{Q: q, QualPos: t.pos, Inherited: true,
			ID: ID{Kind: IDNum, Text: a.Text, Num: a.Num, TextPos: a.Pos, EndPos: a.End}}
	} else {
		x = p.parseID(q)
	}
	for {
		t := p.tok()
		op, ok := boolOp(t.kind)
		if !ok {
			r := p.expect(tRparen)
			return &ParenExpr{Lparen: l.pos, Rparen: r.pos, X: x}
		}
		p.next()
		x = &BinaryExpr{Op: op, OpPos: t.pos, X: x, Y: p.parseID(q)}
	}
}

var addrCheck = map[Addr]bool{AddrPort: true, AddrPortrange: true, AddrProto: true, AddrProtochain: true}

func (p *parser) checkQual(q Qual, id ID, what string) {
	if addrCheck[q.Addr] {
		p.fail(id.TextPos, id.EndPos, "'%s' qualifier applied to %s", q.Addr, what)
	}
}

// parseIDOperand reads the token(s) of one ID.
func (p *parser) parseIDOperand(q Qual) ID {
	switch p.tok().kind {
	case tID, tNUM, tHID, tHID6, tEID, tAID:
	default:
		p.syntaxError()
	}
	t := p.next()
	id := ID{Text: t.text, TextPos: t.pos, EndPos: t.end}
	switch t.kind {
	case tID:
		id.Kind = IDName
	case tNUM:
		id.Kind, id.Num = IDNum, t.val
	case tHID:
		id.Kind = IDIPv4
		switch p.tok().kind {
		case tSlash:
			p.next()
			n := p.expect(tNUM)
			id.Kind, id.Num, id.EndPos = IDIPv4Len, n.val, n.end
			p.checkQual(q, id, "IPv4 address and prefix length")
		case tMask:
			p.next()
			m := p.expect(tHID)
			id.Kind, id.Mask, id.EndPos = IDIPv4Mask, m.text, m.end
			p.checkQual(q, id, "IPv4 address and netmask")
		default:
			p.checkQual(q, id, "IPv4 address")
		}
	case tHID6:
		id.Kind = IDIPv6
		if p.tok().kind == tSlash {
			p.next()
			n := p.expect(tNUM)
			id.Kind, id.Num, id.EndPos = IDIPv6Len, n.val, n.end
			p.checkQual(q, id, "IPv6 address and prefix length")
		} else {
			id.Num = 128
			p.checkQual(q, id, "IPv6 address")
		}
	case tEID:
		id.Kind = IDMAC
	case tAID:
		id.Kind = IDMAC8
	}
	return id
}

// parseProtoBuiltin parses "[proto] broadcast|multicast|type|subtype|dir";
// the protocol qualifier, if any, has been read.
func (p *parser) parseProtoBuiltin(proto Proto, start Pos) Expr {
	t := p.next()
	// The node and its arguments are allocated together.
	x := &builtinArgs{b: Builtin{KwPos: start, EndPos: t.end, Proto: proto}}
	b := &x.b
	switch t.kind {
	case tBroadcast:
		b.Kw = KwBroadcast
	case tMulticast:
		b.Kw = KwMulticast
	case tType:
		b.Kw = KwWlanType
		a := p.tok()
		var typ uint32
		switch a.kind {
		case tNUM:
			p.next()
			if a.val&^wlanTypeMask != 0 {
				p.fail(a.pos, a.end, "invalid 802.11 type value 0x%02x", a.val)
			}
			typ = a.val
		case tID:
			p.next()
			v, ok := lookupName(wlanTypes, a.text)
			if !ok {
				p.fail(a.pos, a.end, "unknown 802.11 type name %q", a.text)
			}
			typ = v
		default:
			p.syntaxError()
		}
		b.EndPos = a.end
		mask := wlanTypeMask
		if p.tok().kind == tSubtype {
			p.next()
			s := p.tok()
			switch s.kind {
			case tNUM:
				p.next()
				if s.val&^wlanSubtypeMask != 0 {
					p.fail(s.pos, s.end, "invalid 802.11 subtype value 0x%02x", s.val)
				}
				typ |= s.val
			case tID:
				p.next()
				names, ok := wlanSubtypes[typ]
				if !ok {
					p.fail(a.pos, a.end, "unknown 802.11 type")
				}
				v, ok := lookupName(names, s.text)
				if !ok {
					p.fail(s.pos, s.end, "unknown 802.11 subtype name %q", s.text)
				}
				typ |= v
			default:
				p.syntaxError()
			}
			mask |= wlanSubtypeMask
			b.EndPos = s.end
		}
		x.args = [2]Arg{{Pos: a.pos, End: b.EndPos, IsNum: true, Num: typ, Text: a.text}, {Pos: NoPos, End: NoPos, IsNum: true, Num: mask}}
		b.Args = x.args[:2:2]
	case tSubtype:
		b.Kw = KwWlanType
		s := p.expect(tID)
		var v uint32
		found := false
		for _, typ := range []uint32{wlanTypeMgt, wlanTypeCtl, wlanTypeData} {
			if sub, ok := lookupName(wlanSubtypes[typ], s.text); ok {
				v, found = typ|sub, true
				break
			}
		}
		if !found {
			p.fail(s.pos, s.end, "unknown 802.11 subtype name %q", s.text)
		}
		b.EndPos = s.end
		x.args = [2]Arg{{Pos: s.pos, End: s.end, IsNum: true, Num: v, Text: s.text}, {Pos: NoPos, End: NoPos, IsNum: true, Num: wlanTypeMask | wlanSubtypeMask}}
		b.Args = x.args[:2:2]
	case tWlanDir:
		b.Kw = KwWlanDir
		if k := p.tok().kind; k != tNUM && k != tID {
			p.syntaxError()
		}
		d := p.next()
		var v uint32
		switch d.kind {
		case tNUM:
			if d.val > 3 {
				p.fail(d.pos, d.end, "invalid 802.11 direction value %d", d.val)
			}
			v = d.val
		case tID:
			var ok bool
			v, ok = lookupName(wlanDirs, d.text)
			if !ok {
				p.fail(d.pos, d.end, "unknown 802.11 direction %q", d.text)
			}
		}
		b.EndPos = d.end
		x.args[0] = Arg{Pos: d.pos, End: d.end, IsNum: true, Num: v, Text: d.text}
		b.Args = x.args[:1:1]
	}
	return b
}

// builtinArgs is a Builtin with room for two arguments, for the builtins
// that mostly have some.
type builtinArgs struct {
	b    Builtin
	args [2]Arg
}

// parseField parses an ATM or MTP3 field test.
func (p *parser) parseField() Expr {
	f := p.next()
	x := &FieldExpr{Field: Keyword(f.aux), FieldPos: f.pos, Op: EQ}
	t := p.tok()
	switch {
	case t.kind == tNUM:
		a := p.numArg()
		x.Values, x.EndPos = []Arg{a}, a.End
	case isRelOp(t.kind):
		p.next()
		x.Op = relOpOf(t.kind)
		a := p.numArg()
		x.Values, x.EndPos = []Arg{a}, a.End
	case t.kind == tLparen:
		p.next()
		x.Values = append(x.Values, p.numArg())
		for p.tok().kind == tOr {
			p.next()
			x.Values = append(x.Values, p.numArg())
		}
		r := p.expect(tRparen)
		x.EndPos = r.end
	default:
		p.syntaxError()
	}
	return x
}

func relOpOf(k kind) RelOp {
	switch k {
	case tGt:
		return GT
	case tGeq:
		return GE
	case tLeq:
		return LE
	case tLt:
		return LT
	case tNeq:
		return NE
	}
	return EQ
}

// parseRelation parses "arith relop arith".
func (p *parser) parseRelation() Expr {
	x := p.parseArith(0)
	t := p.tok()
	if !isRelOp(t.kind) {
		p.syntaxError()
	}
	p.next()
	y := p.parseArith(0)
	return &Relation{Op: relOpOf(t.kind), OpPos: t.pos, X: x, Y: y}
}

// Binding strengths of the arithmetic operators, as in libpcap's grammar.
// '%' and '^' have none there, so yacc always shifts them: they bind to the
// operand just before them and take everything after them as their right
// operand. Zero means the token is no binary operator.
var arithPrec = [256]int{
	tPipe: 1, tAmp: 2, tLsh: 3, tRsh: 3, tPlus: 4, tMinus: 4, tStar: 5, tSlash: 5,
}

const unaryPrec = 6

var arithOps = [256]ArithOp{
	tPlus: Add, tMinus: Sub, tStar: Mul, tSlash: Div, tPercent: Mod,
	tAmp: BitAnd, tPipe: BitOr, tCaret: BitXor, tLsh: Lsh, tRsh: Rsh,
}

func (p *parser) parseArith(minPrec int) Arith {
	x := p.parseUnary()
	for {
		t := p.tok()
		if t.kind == tPercent || t.kind == tCaret {
			p.next()
			y := p.nestedArith(0)
			x = &BinaryArith{Op: arithOps[t.kind], OpPos: t.pos, X: x, Y: y}
			continue
		}
		prec := arithPrec[t.kind]
		if prec == 0 || prec < minPrec {
			return x
		}
		p.next()
		y := p.nestedArith(prec + 1)
		x = &BinaryArith{Op: arithOps[t.kind], OpPos: t.pos, X: x, Y: y}
	}
}

// nestedArith parses an arithmetic operand one level of nesting deeper
// (see enter).
func (p *parser) nestedArith(minPrec int) Arith {
	p.enter()
	x := p.parseArith(minPrec)
	p.leave()
	return x
}

func (p *parser) parseUnary() Arith {
	t := p.tok()
	switch t.kind {
	case tMinus:
		p.next()
		x := p.nestedArith(unaryPrec)
		return &NegArith{Minus: t.pos, X: x}
	case tNUM:
		p.next()
		return &Number{ValuePos: t.pos, EndPos: t.end, Value: t.val, Lit: t.text}
	case tLen:
		p.next()
		return &Len{LenPos: t.pos, EndPos: t.end}
	case tLparen:
		p.next()
		x := p.nestedArith(0)
		r := p.expect(tRparen)
		return &ParenArith{Lparen: t.pos, Rparen: r.pos, X: x}
	case tPName:
		p.next()
		p.expect(tLbrack)
		idx := p.nestedArith(0)
		x := &Index{Proto: Proto(t.aux), ProtoPos: t.pos, Index: idx, Size: 1, SizePos: NoPos}
		if p.tok().kind == tColon {
			p.next()
			n := p.expect(tNUM)
			x.Size, x.SizePos = n.val, n.pos
		}
		x.Rbrack = p.expect(tRbrack).pos
		return x
	}
	p.syntaxError()
	return nil
}

// 802.11 frame-control values (first byte: type in bits 2-3, subtype in
// bits 4-7; second byte: direction in bits 0-1).
const (
	wlanTypeMask    uint32 = 0x0c
	wlanSubtypeMask uint32 = 0xf0
	wlanTypeMgt     uint32 = 0x00
	wlanTypeCtl     uint32 = 0x04
	wlanTypeData    uint32 = 0x08
)

type nameValue struct {
	name  string
	value uint32
}

// lookupName finds name in a table, ignoring case.
func lookupName(table []nameValue, name string) (uint32, bool) {
	for _, e := range table {
		if strings.EqualFold(e.name, name) {
			return e.value, true
		}
	}
	return 0, false
}

var wlanTypes = []nameValue{
	{"data", wlanTypeData}, {"mgt", wlanTypeMgt}, {"management", wlanTypeMgt},
	{"ctl", wlanTypeCtl}, {"control", wlanTypeCtl},
}

var wlanSubtypes = map[uint32][]nameValue{
	wlanTypeMgt: {
		{"assocreq", 0x00}, {"assoc-req", 0x00}, {"assocresp", 0x10}, {"assoc-resp", 0x10},
		{"reassocreq", 0x20}, {"reassoc-req", 0x20}, {"reassocresp", 0x30}, {"reassoc-resp", 0x30},
		{"probereq", 0x40}, {"probe-req", 0x40}, {"proberesp", 0x50}, {"probe-resp", 0x50},
		{"beacon", 0x80}, {"atim", 0x90}, {"disassoc", 0xa0}, {"disassociation", 0xa0},
		{"auth", 0xb0}, {"authentication", 0xb0}, {"deauth", 0xc0}, {"deauthentication", 0xc0},
	},
	wlanTypeCtl: {
		{"bar", 0x80}, {"ba", 0x90}, {"ps-poll", 0xa0}, {"rts", 0xb0}, {"cts", 0xc0},
		{"ack", 0xd0}, {"cf-end", 0xe0}, {"cf-end-ack", 0xf0},
	},
	wlanTypeData: {
		{"data", 0x00}, {"data-cf-ack", 0x10}, {"data-cf-poll", 0x20}, {"data-cf-ack-poll", 0x30},
		{"null", 0x40}, {"cf-ack", 0x50}, {"cf-poll", 0x60}, {"cf-ack-poll", 0x70},
		{"qos-data", 0x80}, {"qos-data-cf-ack", 0x90}, {"qos-data-cf-poll", 0xa0},
		{"qos-data-cf-ack-poll", 0xb0}, {"qos", 0xc0}, {"qos-cf-poll", 0xe0}, {"qos-cf-ack-poll", 0xf0},
	},
}

var wlanDirs = []nameValue{{"nods", 0}, {"tods", 1}, {"fromds", 2}, {"dstods", 3}}

// pfReasons returns the pf(4) reason codes known on this operating system;
// the names after "synproxy" differ between the BSDs, as in libpcap.
func pfReasons() []nameValue {
	t := []nameValue{
		{"match", 0}, {"bad-offset", 1}, {"fragment", 2}, {"short", 3},
		{"normalize", 4}, {"memory", 5}, {"bad-timestamp", 6}, {"congestion", 7},
		{"ip-option", 8}, {"proto-cksum", 9}, {"state-mismatch", 10},
		{"state-insert", 11}, {"state-limit", 12}, {"src-limit", 13}, {"synproxy", 14},
	}
	switch runtime.GOOS {
	case "freebsd":
		t = append(t, nameValue{"map-failed", 15})
	case "netbsd":
		t = append(t, nameValue{"state-locked", 15})
	case "openbsd":
		t = append(t, nameValue{"translate", 15}, nameValue{"no-route", 16})
	case "darwin":
		t = append(t, nameValue{"dummynet", 15})
	}
	return t
}

// pfActions returns the pf(4) actions known on this operating system.
func pfActions() []nameValue {
	t := []nameValue{
		{"pass", 0}, {"accept", 0}, {"drop", 1}, {"block", 1}, {"scrub", 2},
		{"noscrub", 3}, {"nat", 4}, {"nonat", 5}, {"binat", 6}, {"nobinat", 7},
		{"rdr", 8}, {"nordr", 9}, {"synproxy-drop", 10},
	}
	switch runtime.GOOS {
	case "freebsd":
		t = append(t, nameValue{"defer", 11})
	case "openbsd":
		t = append(t, nameValue{"defer", 11}, nameValue{"match", 12},
			nameValue{"divert", 13}, nameValue{"rt", 14}, nameValue{"afrt", 15})
	case "darwin":
		t = append(t, nameValue{"dummynet", 11}, nameValue{"nodummynet", 12},
			nameValue{"nat64", 13}, nameValue{"nonat64", 14})
	}
	return t
}
