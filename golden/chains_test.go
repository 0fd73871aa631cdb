package golden

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/golden/internal/pcapfile"
	"github.com/gocap/gocap/internal/chains"
	"golang.org/x/net/bpf"
)

// chainsFull runs TestOptimizeChains on packets made from every comparison
// each seed packet meets; by default from a sample of 400 of them per seed.
var chainsFull = flag.Bool("chains.full", os.Getenv("GOCAP_CHAINS_FULL") != "",
	"TestOptimizeChains: packets from every comparison, not a sample (default: $GOCAP_CHAINS_FULL set)")

// chainsFile holds libpcap's optimized sizes for the chains of
// internal/chains, written by golden/gen-chains.sh.
var chainsFile = filepath.Join("testdata", "chains.tsv")

// chainSizes reads chainsFile: shape and length to 1.10.3's and master's
// sizes.
func chainSizes(t *testing.T) map[string][2]int {
	f, err := os.Open(chainsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sizes := make(map[string][2]int)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w := strings.Split(line, "\t")
		if len(w) != 4 {
			t.Fatalf("%s: bad line %q", chainsFile, line)
		}
		old, err1 := strconv.Atoi(w[2])
		master, err2 := strconv.Atoi(w[3])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: bad line %q", chainsFile, line)
		}
		sizes[w[0]+"/"+w[1]] = [2]int{old, master}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return sizes
}

// TestOptimizeChains holds the optimizer to issue 14's bar on long "or"
// chains of hosts, ports, networks and host-and-port pairs: at most the
// size of the smaller of libpcap 1.10.3's and master's programs, and
// every verdict of the unoptimized program kept, on the shared captures
// and on packets generated from the program's comparisons (which set
// each compared field to each term's value in turn).
func TestOptimizeChains(t *testing.T) {
	sizes := chainSizes(t)
	pkts := sharedPackets(t)
	rng := rand.New(rand.NewSource(1))
	lengths := []int{10, 100, 1000}
	for _, shape := range append(append([]string(nil), chains.Shapes...), chains.MoreShapes...) {
		for _, n := range lengths {
			name := fmt.Sprintf("%s/%d", shape, n)
			expr := chains.Expr(shape, n)
			opts := cbpf.Options{LinkType: cbpf.LinkEN10MB}
			unopt, err := cbpf.Compile(expr, opts)
			if err != nil {
				t.Fatalf("%s: unoptimized: %v", name, err)
			}
			opts.Optimize = true
			opt, err := cbpf.Compile(expr, opts)
			if err != nil {
				t.Fatalf("%s: optimized: %v", name, err)
			}
			if want, ok := sizes[name]; ok {
				best := min(want[0], want[1])
				t.Logf("%s: gocap %d, libpcap 1.10.3 %d, master %d", name, len(opt), want[0], want[1])
				if len(opt) > best {
					t.Errorf("%s: %d instructions, more than libpcap's %d (1.10.3 %d, master %d)", name, len(opt), best, want[0], want[1])
				}
			} else if n <= 1000 && slices.Contains(chains.Shapes, shape) {
				t.Errorf("%s: no libpcap size in %s (run golden/gen-chains.sh)", name, chainsFile)
			}
			// libpcap's interpreter: the unoptimized chains pass the
			// kernel's 4,096 instructions.
			if n > 100 && !slices.Contains(chains.Shapes, shape) {
				continue // verdicts on 1,000 terms for the four shapes only
			}
			uvm, err := cbpf.NewVMLibpcap(unopt)
			if err != nil {
				t.Fatalf("%s: unoptimized NewVM: %v", name, err)
			}
			ovm, err := cbpf.NewVMLibpcap(opt)
			if err != nil {
				t.Fatalf("%s: optimized program refused: %v", name, err)
			}
			hits, deep, gen := chainPackets(t, unopt, pkts, rng)
			gen = append(append(gen, hits...), deep...)
			bad, accepted := 0, 0
			check := func(data []byte, wire uint32, anc *cbpf.Ancillary) {
				u, o := uvm.Run(data, wire, anc), ovm.Run(data, wire, anc)
				if u != 0 {
					accepted++
				}
				if u != o && bad < 3 {
					bad++
					t.Errorf("%s: packet %x (wire %d): unoptimized %d, optimized %d", name, data, wire, u, o)
				}
			}
			var zero cbpf.Ancillary
			for _, p := range pkts[:min(len(pkts), 1000)] {
				check(p.Data, p.OrigLen, &zero)
			}
			for _, p := range gen {
				check(p.data, p.wire, &p.anc)
			}
			// The generated packets must exercise the chain: many of
			// its terms must have matched some packet.
			want := min(n/2, 400)
			if shape == "hostport" {
				want = min(n/10, 20) // needs two comparisons of one term
			}
			if shape != "nothost" && accepted < want {
				t.Errorf("%s: only %d of %d packets accepted: the generator did not reach the terms", name, accepted, len(pkts)+len(gen))
			}
		}
	}
}

// chainSeedFilters pick the shared packets the chain packets are made
// from: a few of each kind a chain's terms look into.
var chainSeedFilters = []string{
	"ip and tcp", "ip and udp", "ip6 and tcp", "ip6 and udp", "sctp",
	"arp", "rarp", "ip[6:2] & 0x1fff != 0", "ip and not tcp and not udp",
}

// chainPackets derives packets from prog's comparisons on a few shared
// packets of each kind: for every comparison the program makes on such a
// packet, a copy with the field set so that it goes the other way (which,
// for a chain, is a packet matching that term), and the same again on a
// sample of those copies.
//
// hits are the copies made to make one equality come out true (for a
// chain, the packets that match one of its terms), deep those made from
// them to make a second one true (the rest of a term), gen the others.
func chainPackets(t *testing.T, prog []bpf.Instruction, pkts []pcapfile.Packet, rng *rand.Rand) (hits, deep, gen []genPacket) {
	raw, err := cbpf.Raw(prog)
	if err != nil {
		t.Fatal(err)
	}
	var seeds []genPacket
	for _, f := range chainSeedFilters {
		sel, err := cbpf.Compile(f, cbpf.Options{LinkType: cbpf.LinkEN10MB})
		if err != nil {
			t.Fatal(err)
		}
		vm, err := cbpf.NewVM(sel)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pkts {
			if vm.Run(p.Data, p.OrigLen, &cbpf.Ancillary{}) != 0 {
				seeds = append(seeds, genPacket{data: p.Data, wire: p.OrigLen})
				break
			}
		}
	}
	// The copies that make one comparison come out equal, for the second
	// round: the branches right after that comparison are the rest of the
	// same term ("tcp port P" after "host H").
	type equal struct {
		p     genPacket
		after int
	}
	var equals []equal
	for _, p := range seeds {
		tr := traceBranches(raw, p)
		keep := make([]int, len(tr)) // the comparisons used, in order
		for i := range keep {
			keep[i] = i
		}
		if !*chainsFull && len(tr) > 400 {
			keep = rng.Perm(len(tr))[:400]
			sort.Ints(keep)
		}
		for _, j := range keep {
			br := tr[j]
			gen = append(gen, br.variants(p, rng)...)
			if br.size > 0 && br.op == 0x10 && !br.taken {
				equals = append(equals, equal{setField(p, br.off, br.size, br.mask, br.k), j})
			}
		}
	}
	for _, e := range equals {
		hits = append(hits, e.p)
	}
	rng.Shuffle(len(equals), func(i, j int) { equals[i], equals[j] = equals[j], equals[i] })
	for _, e := range equals[:min(len(equals), 200)] {
		tr := traceBranches(raw, e.p)
		for _, br := range tr[min(e.after+1, len(tr)):min(e.after+13, len(tr))] {
			vs := br.variants(e.p, rng)
			if br.size > 0 && br.op == 0x10 && !br.taken {
				deep = append(deep, setField(e.p, br.off, br.size, br.mask, br.k))
			}
			gen = append(gen, vs...)
		}
	}
	return hits, deep, gen
}
