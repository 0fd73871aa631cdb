package parser

import "testing"

// checkBounds verifies that every node of x lies within expr and that
// children lie within their parents.
func checkBounds(t *testing.T, expr string, x Node) {
	t.Helper()
	var walk func(n Node, lo, hi Pos)
	walk = func(n Node, lo, hi Pos) {
		if n == nil {
			return
		}
		if n.Pos() < lo || n.End() > hi || n.Pos() > n.End() {
			t.Errorf("%q: %T spans [%d,%d), outside [%d,%d)", expr, n, n.Pos(), n.End(), lo, hi)
			return
		}
		lo, hi = n.Pos(), n.End()
		switch n := n.(type) {
		case *BinaryExpr:
			walk(n.X, lo, hi)
			walk(n.Y, lo, hi)
		case *NotExpr:
			walk(n.X, lo, hi)
		case *ParenExpr:
			walk(n.X, lo, hi)
		case *Relation:
			walk(n.X, lo, hi)
			walk(n.Y, lo, hi)
		case *BinaryArith:
			walk(n.X, lo, hi)
			walk(n.Y, lo, hi)
		case *NegArith:
			walk(n.X, lo, hi)
		case *ParenArith:
			walk(n.X, lo, hi)
		case *Index:
			walk(n.Index, lo, hi)
		case *Primitive:
			if n.ID.TextPos < lo || n.ID.EndPos > hi || n.ID.TextPos >= n.ID.EndPos {
				t.Errorf("%q: ID %q spans [%d,%d)", expr, n.ID.Text, n.ID.TextPos, n.ID.EndPos)
			}
		}
	}
	if x != nil {
		walk(x, 0, Pos(len(expr)))
	}
}
