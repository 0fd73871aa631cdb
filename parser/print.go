package parser

import (
	"fmt"
	"io"
	"strings"
)

// This file prints syntax trees for people: ExprString gives the expression
// as it was read, with nothing left implicit, and Fprint shows the tree
// itself. Both exist to answer "how did libpcap's grammar read this?", for
// example that "host a or b and port 80" is "((host a or host b) and port
// 80)": "and" and "or" have the same precedence and group from the left, and
// the bare "b" takes the qualifiers of the primitive before it.

// ExprString returns x as a filter expression in which every "and" and "or"
// and every arithmetic operation is parenthesized, and every primitive
// spells out the qualifiers that apply to it, including those a bare ID
// inherited from the primitive before it ("tcp port 80 or 443" reads
// "(tcp port 80 or tcp port 443)"). Qualifiers left to their defaults stay
// unwritten, so the result compiles to the same program as src.
//
// src is the text x was parsed from; keyword primitives and IDs are copied
// from it with runs of white space made single spaces. A nil x (the empty
// expression) gives "".
func ExprString(src string, x Node) string {
	var b strings.Builder
	writeExpr(&b, src, x)
	return b.String()
}

// span returns src[pos:end] with runs of white space as single spaces, or
// "" when the range is not inside src.
func span(src string, pos, end Pos) string {
	if pos < 0 || end < pos || int(end) > len(src) {
		return ""
	}
	return strings.Join(strings.Fields(src[pos:end]), " ")
}

// qualText returns the qualifier keywords of q that differ from the
// defaults, in source order ("tcp dst port").
func qualText(q Qual) string {
	var words []string
	if q.Proto != ProtoDefault && q.Proto != ProtoUndef {
		words = append(words, q.Proto.String())
	}
	if q.Dir != DirDefault && q.Dir != DirUndef {
		words = append(words, q.Dir.String())
	}
	if q.Addr != AddrDefault && q.Addr != AddrUndef {
		words = append(words, q.Addr.String())
	}
	return strings.Join(words, " ")
}

// idSeparators turns the whitespace that ends an escaped name into spaces.
var idSeparators = strings.NewReplacer("\n", " ", "\t", " ")

// idText returns an ID as written.
func idText(src string, id ID) string {
	if id.TextPos >= 0 && id.EndPos > id.TextPos && int(id.EndPos) <= len(src) {
		// Verbatim but for newlines and tabs between the words of an
		// address with a mask: an escaped name ("\\x\r") keeps every
		// byte the scanner took into it, or it would read differently.
		return idSeparators.Replace(src[id.TextPos:id.EndPos])
	}
	switch id.Kind {
	case IDIPv4Len, IDIPv6Len:
		return fmt.Sprintf("%s/%d", id.Text, id.Num)
	case IDIPv4Mask:
		return id.Text + " mask " + id.Mask
	}
	return id.Text
}

func writeExpr(b *strings.Builder, src string, x Node) {
	switch x := x.(type) {
	case nil:
	case *BinaryExpr:
		op := "or"
		if x.Op == And {
			op = "and"
		}
		writeInfix(b, src, x.X, op, x.Y, true)
	case *NotExpr:
		writePrefixed(b, src, "not ", x.X)
	case *ParenExpr:
		_, op := x.X.(*BinaryExpr)
		writeParen(b, src, x.X, op)
	case *Primitive:
		if q := qualText(x.Q); q != "" {
			b.WriteString(q)
			b.WriteByte(' ')
		}
		b.WriteString(idText(src, x.ID))
	case *ProtoAbbrev:
		if s := span(src, x.ProtoPos, x.EndPos); s != "" {
			b.WriteString(s)
		} else {
			b.WriteString(x.Proto.String())
		}
	case *Builtin:
		b.WriteString(span(src, x.KwPos, x.EndPos))
	case *FieldExpr:
		b.WriteString(span(src, x.FieldPos, x.EndPos))
	case *Relation:
		writeInfix(b, src, x.X, x.Op.String(), x.Y, false)
	case *Number:
		if x.Lit != "" {
			b.WriteString(x.Lit)
		} else {
			fmt.Fprint(b, x.Value)
		}
	case *Len:
		b.WriteString("len")
	case *Index:
		b.WriteString(x.Proto.String())
		b.WriteByte('[')
		writeExpr(b, src, x.Index)
		if x.SizePos != NoPos {
			fmt.Fprintf(b, ":%d", x.Size)
		}
		b.WriteByte(']')
	case *BinaryArith:
		writeInfix(b, src, x.X, x.Op.String(), x.Y, true)
	case *NegArith:
		writePrefixed(b, src, "-", x.X)
	case *ParenArith:
		_, op := x.X.(*BinaryArith)
		writeParen(b, src, x.X, op)
	default:
		fmt.Fprintf(b, "<%T>", x)
	}
}

// writePrefixed writes x after the operator op.
func writePrefixed(b *strings.Builder, src string, op string, x Node) {
	b.WriteString(op)
	writeExpr(b, src, x)
}

// writeInfix writes "x op y", in parentheses if paren.
func writeInfix(b *strings.Builder, src string, x Node, op string, y Node, paren bool) {
	if paren {
		b.WriteByte('(')
	}
	writeExpr(b, src, x)
	b.WriteByte(' ')
	b.WriteString(op)
	b.WriteByte(' ')
	writeExpr(b, src, y)
	if paren {
		b.WriteByte(')')
	}
}

// writeParen writes x, the inside of parentheses: as it is when it is an
// operation (op), which writes its own, else in parentheses.
func writeParen(b *strings.Builder, src string, x Node, op bool) {
	if op {
		writeExpr(b, src, x)
		return
	}
	b.WriteByte('(')
	writeExpr(b, src, x)
	b.WriteByte(')')
}

// Fprint writes the syntax tree of x to w, one node per line, children
// indented under their parent. Each line names the node, gives its byte
// range in src and the text it covers; a primitive's line also gives each
// of its three qualifiers with where it came from (written, inherited from
// the primitive before it, or the default). The first line is ExprString's
// reading of the whole expression.
func Fprint(w io.Writer, src string, x Node) error {
	p := &printer{w: w, src: src}
	p.printf("reading: %s\n", orEmpty(ExprString(src, x)))
	if x == nil {
		p.printf("(empty expression: accepts every packet)\n")
		return p.err
	}
	p.node(x, 0)
	return p.err
}

func orEmpty(s string) string {
	if s == "" {
		return "(empty)"
	}
	return s
}

type printer struct {
	w   io.Writer
	src string
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// line prints one node: its description, its range and the source text.
func (p *printer) line(depth int, n Node, desc string) {
	p.printf("%s%-*s %3d:%-3d %q\n", strings.Repeat("  ", depth), max(36-2*depth, len(desc)), desc,
		n.Pos(), n.End(), span(p.src, n.Pos(), n.End()))
}

func (p *printer) node(n Node, depth int) {
	switch x := n.(type) {
	case *BinaryExpr:
		op := "and"
		if x.Op == Or {
			op = "or"
		}
		p.parent(depth, x, op, x.X, x.Y)
	case *NotExpr:
		p.parent(depth, x, "not", x.X)
	case *ParenExpr:
		p.parent(depth, x, "( )", x.X)
	case *Primitive:
		p.line(depth, x, "primitive "+ExprString(p.src, x))
		how := "written"
		if x.Inherited {
			how = "inherited"
		}
		ind := strings.Repeat("  ", depth+1)
		p.printf("%sproto %s, dir %s, type %s; id %s %q\n", ind,
			qualDesc(x.Q.Proto.String(), x.Q.Proto == ProtoDefault, x.Q.Proto == ProtoUndef, "none", how),
			qualDesc(x.Q.Dir.String(), x.Q.Dir == DirDefault, x.Q.Dir == DirUndef, "src or dst", how),
			qualDesc(x.Q.Addr.String(), x.Q.Addr == AddrDefault, x.Q.Addr == AddrUndef, "host", how),
			idKindName(x.ID.Kind), idText(p.src, x.ID))
	case *ProtoAbbrev:
		p.line(depth, x, "protocol "+x.Proto.String())
	case *Builtin:
		p.line(depth, x, "keyword primitive "+ExprString(p.src, x))
	case *FieldExpr:
		p.line(depth, x, "field comparison "+ExprString(p.src, x))
	case *Relation:
		p.parent(depth, x, "relation "+x.Op.String(), x.X, x.Y)
	case *Number:
		p.line(depth, x, fmt.Sprintf("number %d", x.Value))
	case *Len:
		p.line(depth, x, "len")
	case *Index:
		size := fmt.Sprintf("%d byte", x.Size)
		if x.Size != 1 {
			size += "s"
		}
		p.parent(depth, x, fmt.Sprintf("load %s %s[]", size, x.Proto), x.Index)
	case *BinaryArith:
		p.parent(depth, x, "arithmetic "+x.Op.String(), x.X, x.Y)
	case *NegArith:
		p.parent(depth, x, "negate", x.X)
	case *ParenArith:
		p.parent(depth, x, "( )", x.X)
	default:
		p.printf("%s%T\n", strings.Repeat("  ", depth), n)
	}
}

// parent prints n's line and, under it, its children's.
func (p *printer) parent(depth int, n Node, desc string, children ...Node) {
	p.line(depth, n, desc)
	for _, c := range children {
		p.node(c, depth+1)
	}
}

// qualDesc describes one qualifier: its value, or the default it stands
// for, and where it came from.
func qualDesc(value string, isDefault, isUndef bool, def, how string) string {
	switch {
	case isUndef:
		return "(none to inherit)"
	case isDefault && how == "inherited":
		return def + " (default, inherited)"
	case isDefault:
		return def + " (default)"
	}
	return fmt.Sprintf("%s (%s)", value, how)
}

var idKindNames = [...]string{
	IDName: "name", IDNum: "number", IDIPv4: "IPv4 address", IDIPv4Len: "IPv4 network",
	IDIPv4Mask: "IPv4 network", IDIPv6: "IPv6 address", IDIPv6Len: "IPv6 network",
	IDMAC: "MAC address", IDMAC8: "ARCnet address",
}

func idKindName(k IDKind) string {
	if int(k) < len(idKindNames) {
		return idKindNames[k]
	}
	return "ID"
}
