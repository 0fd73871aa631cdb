package golden

import (
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
)

// foldCases are expressions whose optimized programs depend on two rules
// of the optimizer: the identities of an arithmetic operation whose left
// operand is a known constant (0 & X is 0, 0 + X is X, as libpcap's
// optimizer folds them), and the removal of an unused load of packet
// bytes that an earlier load reaching as far has already shown to be
// there. (An unused load reaching further than any load before it stays:
// a packet too short for it is rejected, which libpcap's optimizer
// changes; so does 0 / X, which rejects the packet when X is 0, where
// libpcap's optimizer makes it 0; docs/optimizer.md.)
var foldCases = []string{
	"ether[20] > 0 & len",
	"ether[20] = 0 + len",
	"ether[20] = 0 | len",
	"ether[20] = 0 ^ len",
	"ether[20] = 1 * len",
	"ether[20] = 0 << len",
	"ether[20] = 0 >> len",
	"ether[20] = 0xffffffff & len",
	"ether[2:4] = 1 and (ether[0:2] = 5 or 1 = 1)",
	"ether[2:4] = 1 and (ether[5] = 5 or 1 = 1)",
	"ip[0:2] & 0xf00 = 0x500 and (ip[1] = 3 or 1 = 1) and tcp",
	"!wlan dst 8c:f9:da:07:6e:4d or 1 = 1 and ip[2:2] = 40",
}

// countListing counts the instructions of a tcpdump -d style listing.
func countListing(out []byte) int {
	n := 0
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "(") {
			n++
		}
	}
	return n
}

// TestOptimizeFolds holds the optimized programs of foldCases on Ethernet
// to at most the size of libpcap 1.10.3's (the local tcpdump -d) and
// requires the optimized program's verdict to be the unoptimized one's on
// packets of every length from 0 to 64 bytes (most of them too short for
// some load). TestOptimizeFoldsMaster compares the sizes with master's.
func TestOptimizeFolds(t *testing.T) {
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Log("tcpdump is not installed: checking verdicts only")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, e := range foldCases {
		un, err := cbpf.Compile(e, cbpf.Options{LinkType: cbpf.LinkEN10MB, Snaplen: 262144})
		if err != nil {
			t.Fatalf("%q: %v", e, err)
		}
		op, err := cbpf.Compile(e, cbpf.Options{LinkType: cbpf.LinkEN10MB, Snaplen: 262144, Optimize: true})
		if err != nil {
			t.Fatalf("%q: %v", e, err)
		}
		if tcpdump != "" {
			out, err := exec.Command(tcpdump, "-d", "-y", "EN10MB", e).Output()
			if err != nil {
				t.Fatalf("tcpdump -d %q: %v", e, err)
			}
			if n := countListing(out); len(op) > n {
				t.Errorf("%q: %d instructions, libpcap 1.10.3 %d", e, len(op), n)
			}
		}
		vu, err := cbpf.NewVMLibpcap(un)
		if err != nil {
			t.Fatal(err)
		}
		vo, err := cbpf.NewVMLibpcap(op)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n <= 64; n++ {
			for range 8 {
				p := make([]byte, n)
				for j := range p {
					p[j] = byte(rng.IntN(4))
				}
				if n >= 15 {
					p[12], p[13], p[14] = 8, 0, 0x45
				}
				if n >= 24 {
					p[23] = 6
				}
				if a, b := vu.Run(p, uint32(n), nil), vo.Run(p, uint32(n), nil); a != b {
					t.Errorf("%q on %x: unoptimized %d, optimized %d", e, p, a, b)
				}
			}
		}
	}
}

// TestOptimizeFoldsMaster holds the optimized programs of foldCases to at
// most the size of libpcap master's (filtertest, found or built as
// TestGrammarDiff does).
func TestOptimizeFoldsMaster(t *testing.T) {
	filtertest := findFiltertest(t)
	for _, e := range foldCases {
		op, err := cbpf.Compile(e, cbpf.Options{LinkType: cbpf.LinkEN10MB, Snaplen: 262144, Optimize: true})
		if err != nil {
			t.Fatalf("%q: %v", e, err)
		}
		out, err := exec.Command(filtertest, "EN10MB", e).Output()
		if err != nil {
			t.Fatalf("filtertest %q: %v", e, err)
		}
		if n := countListing(out); len(op) > n {
			t.Errorf("%q: %d instructions, libpcap master %d", e, len(op), n)
		}
	}
}
