package golden

import (
	"encoding/binary"
	"flag"
	"fmt"
	"strings"
	"time"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/internal/endian"
)

var update = flag.Bool("update", false,
	"rewrite testdata/expected_failures.txt (TestCorpus) and testdata/verdict_failures.txt (TestVerdicts) from this run")

// compileTimeout bounds one compilation, so that a hang in the compiler
// fails one case instead of the whole test binary.
const compileTimeout = 20 * time.Second

// compile runs cbpf.Compile, turning a panic or a hang into an error: the
// compiler must never do either, and a test run should report it as one
// failing case.
func compile(expr string, opts cbpf.Options) (prog []bpf.Instruction, err error) {
	type result struct {
		prog []bpf.Instruction
		err  error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{err: fmt.Errorf("compiler panic: %v", p)}
			}
			done <- r
		}()
		r.prog, r.err = cbpf.Compile(expr, opts)
	}()
	select {
	case r := <-done:
		return r.prog, r.err
	case <-time.After(compileTimeout):
		return nil, fmt.Errorf("compiler still running after %v", compileTimeout)
	}
}

// hostBigEndian reports the byte order of the machine running the tests.
func hostBigEndian() bool { return endian.HostBig() }

// hostOrder is the host's byte order as a binary.ByteOrder.
func hostOrder() binary.ByteOrder { return endian.Host() }

// shortDiff describes how got differs from want, line by line, in a few
// lines: the first difference with two lines of context and the line counts.
func shortDiff(want, got string) string {
	w := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	g := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "listing differs from line %d (want %d lines, got %d):", i+1, len(w), len(g))
	from := max(i-1, 0)
	for j := from; j < i+4; j++ {
		switch {
		case j < len(w) && j < len(g) && w[j] == g[j]:
			fmt.Fprintf(&b, "\n      %s", w[j])
		default:
			if j < len(w) {
				fmt.Fprintf(&b, "\n  -   %s", w[j])
			}
			if j < len(g) {
				fmt.Fprintf(&b, "\n  +   %s", g[j])
			}
		}
	}
	return b.String()
}

// maxReported caps the unexpected failures printed in detail.
const maxReported = 40
