package cbpf

import (
	"github.com/gocap/gocap/parser"
)

// expr generates the blocks of a boolean expression. Children are
// generated before their parents and left before right, which is the order
// in which libpcap's parser runs its actions.
func (c *compiler) expr(e parser.Expr) *block {
	switch e := e.(type) {
	case *parser.BinaryExpr:
		b0 := c.expr(e.X)
		b1 := c.expr(e.Y)
		if e.Op == parser.And {
			genAnd(b0, b1)
		} else {
			genOr(b0, b1)
		}
		return b1
	case *parser.NotExpr:
		b := c.expr(e.X)
		genNot(b)
		return b
	case *parser.ParenExpr:
		return c.expr(e.X)
	case *parser.Primitive:
		// Errors about a primitive are about its ID (its value, or
		// the qualifiers applied to it): point at the ID.
		c.pos, c.end = e.ID.TextPos, e.ID.EndPos
		return c.primitive(e)
	case *parser.ProtoAbbrev:
		c.at(e)
		return c.protoAbbrev(e.Proto)
	case *parser.Relation:
		return c.relation(e)
	case *parser.Builtin:
		c.at(e)
		return c.builtin(e)
	case *parser.FieldExpr:
		c.at(e)
		return c.fieldExpr(e)
	}
	c.fail("internal error: unexpected node %T", e)
	return nil
}

// primitive dispatches a qualified ID on its kind, as the grammar's nid
// rules do.
func (c *compiler) primitive(p *parser.Primitive) *block {
	q := p.Q
	id := p.ID
	if q.Proto == parser.ProtoDECnet && id.Kind != parser.IDIPv6 && id.Kind != parser.IDIPv6Len {
		// DECnet has host addresses only.
		switch {
		case id.Kind == parser.IDIPv4Len || id.Kind == parser.IDIPv4Mask:
			c.fail("'decnet' is not a valid qualifier for '%s'", addrWord(q.Addr))
		case q.Addr != parser.AddrDefault && q.Addr != parser.AddrHost:
			c.fail("'decnet' is not a valid qualifier for '%s'", q.Addr)
		}
	}
	switch id.Kind {
	case parser.IDName:
		return c.scode(id.Text, q)
	case parser.IDNum:
		return c.ncode("", id.Num, q, false)
	case parser.IDIPv4:
		return c.ncode(id.Text, 0, q, true)
	case parser.IDIPv4Len:
		return c.mcode(id.Text, "", id.Num, true, q)
	case parser.IDIPv4Mask:
		return c.mcode(id.Text, id.Mask, 0, false, q)
	case parser.IDIPv6:
		return c.mcode6(id.Text, 128, q, false)
	case parser.IDIPv6Len:
		return c.mcode6(id.Text, id.Num, q, true)
	case parser.IDMAC:
		return c.ecode(id.Text, q)
	case parser.IDMAC8:
		return c.acode(id.Text, q)
	}
	c.fail("internal error: unexpected ID kind %d", id.Kind)
	return nil
}
