package exprgen

import (
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// TestDeterministic checks that a seed always gives the same expressions
// and that different seeds give different ones.
func TestDeterministic(t *testing.T) {
	a, b, c := New(7), New(7), New(8)
	same := 0
	for i := 0; i < 200; i++ {
		x, y, z := a.Expr(), b.Expr(), c.Expr()
		if x != y {
			t.Fatalf("expression %d: seed 7 gave %q and then %q", i, x, y)
		}
		if x == z {
			same++
		}
	}
	if same > 100 {
		t.Errorf("seeds 7 and 8 gave %d identical expressions out of 200", same)
	}
}

// TestMix checks that the generator exercises both sides of the compiler:
// a fair share of its expressions compile for Ethernet and a fair share
// are refused.
func TestMix(t *testing.T) {
	g := New(1)
	const n = 2000
	ok := 0
	for range n {
		e := g.Expr()
		if _, err := cbpf.Compile(e, cbpf.Options{LinkType: cbpf.LinkEN10MB}); err == nil {
			ok++
		}
	}
	t.Logf("%d of %d expressions compile for EN10MB", ok, n)
	if ok < n/5 || ok > n*9/10 {
		t.Errorf("%d of %d expressions compile for EN10MB; want between 20%% and 90%%", ok, n)
	}
}
