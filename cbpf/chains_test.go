package cbpf

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gocap/gocap/internal/chains"
	"github.com/gocap/gocap/parser"
)

// BenchmarkChains compiles the "or" chains of issue 14 (one term per host,
// port, network or host-and-port pair) of 10 to 5,000 terms, optimized,
// and reports the program's size; -benchmem gives the memory.
func BenchmarkChains(b *testing.B) {
	for _, shape := range chains.Shapes {
		for _, n := range []int{10, 100, 1000, 5000} {
			expr := chains.Expr(shape, n)
			b.Run(fmt.Sprintf("%s/%d", shape, n), func(b *testing.B) {
				b.ReportAllocs()
				var size int
				for b.Loop() {
					p, err := CompileRaw(expr, Options{LinkType: LinkEN10MB, Optimize: true})
					if err != nil {
						b.Fatal(err)
					}
					size = len(p)
				}
				b.ReportMetric(float64(size), "insns")
			})
		}
	}
}

// TestTooComplex checks that an expression whose program would pass
// MaxGenerated is refused with a positioned error of KindTooComplex rather
// than compiled with memory in proportion.
func TestTooComplex(t *testing.T) {
	expr := chains.Expr("host", 30000)
	_, err := CompileRaw(expr, Options{LinkType: LinkEN10MB, Optimize: true})
	var perr *parser.Error
	if !errors.As(err, &perr) || perr.Kind != parser.KindTooComplex {
		t.Fatalf("30,000 hosts: got %v, want a KindTooComplex *parser.Error", err)
	}
	if !strings.Contains(perr.Msg, "expression too complex") || perr.Pos <= 0 || int(perr.Pos) >= len(expr) {
		t.Errorf("30,000 hosts: error %q at %d of %d", perr.Msg, perr.Pos, len(expr))
	}
	// Well inside the bound, the same shape compiles.
	if _, err := CompileRaw(chains.Expr("host", 5000), Options{LinkType: LinkEN10MB, Optimize: true}); err != nil {
		t.Errorf("5,000 hosts: %v", err)
	}
}
