package golden

import (
	"fmt"
	"io"
	"math/rand"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/golden/internal/pcapfile"
	"github.com/gocap/gocap/internal/corpus"
	"github.com/gocap/gocap/parser"
)

// optSizeExceptionsFile lists the corpus cases whose optimized program is
// longer than libpcap master's; the list may only shrink.
const optSizeExceptionsFile = "testdata/opt_size_exceptions.txt"

// optCase is a corpus accept case with the options it compiles with.
type optCase struct {
	c    *corpus.Case
	opts cbpf.Options
}

// loadOptCases returns the corpus accept cases of every link type that run
// on this platform.
func loadOptCases(tb testing.TB) []optCase {
	tb.Helper()
	cases := corpus.LoadShared(tb)
	env := corpus.GocapEnv()
	res := optFixtureResolver(tb, parser.DefaultResolver())
	var out []optCase
	for i := range cases {
		c := &cases[i]
		if c.Kind != "accept" || c.PseudoExpr {
			continue
		}
		if skip, err := env.Eval(c.SkipIf); err != nil || skip {
			continue
		}
		opts, err := caseOptions(c, res)
		if err != nil {
			tb.Fatalf("%s: %v", c.ID(), err)
		}
		out = append(out, optCase{c, opts})
	}
	if len(out) == 0 {
		tb.Fatal("no corpus accept case for the default link types")
	}
	return out
}

// optFixtureResolver is fixtureResolver for benchmarks too.
// Names the fixtures lack go to fallback (nil: they fail).
func optFixtureResolver(tb testing.TB, fallback parser.Resolver) parser.Resolver {
	tb.Helper()
	fx, err := corpus.LoadFixtures(filepath.Join(corpusDir, "resolver_fixtures.json"))
	if err != nil {
		tb.Fatal(err)
	}
	r := parser.NewStaticResolver(fallback)
	for _, load := range []struct {
		f     func(io.Reader) error
		lines []string
	}{{r.LoadHosts, fx.HostsLines}, {r.LoadEthers, fx.EthersLines}, {r.LoadNetworks, fx.NetworksLines}} {
		if err := load.f(strings.NewReader(strings.Join(load.lines, "\n") + "\n")); err != nil {
			tb.Fatalf("loading the resolver fixtures: %v", err)
		}
	}
	return glibcOrder{r}
}

// sharedPackets reads every packet of the shared captures and the golden
// captures.
func sharedPackets(tb testing.TB) []pcapfile.Packet {
	tb.Helper()
	shared, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "tcpdump-pcaps", "*.pcap"))
	if len(shared) == 0 {
		tb.Skip("shared captures not found in ../shared/corpus/tcpdump-pcaps (see DEVELOPERS.md)")
	}
	local, _ := filepath.Glob(filepath.Join("testdata", "pcap", "*.pcap"))
	var pkts []pcapfile.Packet
	for _, p := range append(shared, local...) {
		f, err := pcapfile.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		pkts = append(pkts, f.Packets...)
	}
	if len(pkts) == 0 {
		tb.Fatal("the captures hold no packets")
	}
	return pkts
}

// optPair compiles a case with and without the optimizer.
func optPair(c *corpus.Case, opts cbpf.Options) (unopt, opt []bpf.Instruction, optErr error, err error) {
	unopt, err = compile(c.Expr, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	o := opts
	o.Optimize = true
	opt, optErr = compile(c.Expr, o)
	return unopt, opt, optErr, nil
}

// TestOptimizeVerdicts checks, for every corpus accept case, that the
// optimized program gives the unoptimized one's verdict on every packet of
// the shared captures and on packets generated from the unoptimized
// program's own comparisons (each comparison reached both ways where the
// generator manages it, plus truncations and random mutations at the
// offsets the program loads). An optimizer error must be "expression
// rejects all packets", and then the unoptimized program must reject every
// packet.
func TestOptimizeVerdicts(t *testing.T) {
	cases := loadOptCases(t)
	pkts := sharedPackets(t)
	rng := rand.New(rand.NewSource(1))
	var nPkts, nGen, nRejectAll int
	for _, oc := range cases {
		unopt, opt, optErr, err := optPair(oc.c, oc.opts)
		if err != nil {
			t.Errorf("%s: %q: unoptimized: %v", oc.c.ID(), oc.c.Expr, err)
			continue
		}
		uvm, err := cbpf.NewVMLibpcap(unopt)
		if err != nil {
			t.Errorf("%s: unoptimized NewVM: %v", oc.c.ID(), err)
			continue
		}
		gen := generatePackets(unopt, pkts, rng, 400)
		nGen += len(gen)
		if optErr != nil {
			if !strings.Contains(optErr.Error(), "expression rejects all packets") {
				t.Errorf("%s: %q: optimizer: %v", oc.c.ID(), oc.c.Expr, optErr)
				continue
			}
			nRejectAll++
			if oc.c.ExpectedOpt != nil && !oc.c.OptimizerRejects {
				t.Errorf("%s: %q: gocap rejects it as matching nothing, libpcap optimizes it", oc.c.ID(), oc.c.Expr)
			}
			for _, p := range append(asGen(pkts), gen...) {
				if v := uvm.Run(p.data, p.wire, &p.anc); v != 0 {
					t.Errorf("%s: %q: the optimizer says it rejects all packets, the program keeps %x", oc.c.ID(), oc.c.Expr, p.data)
					break
				}
			}
			continue
		}
		ovm, err := cbpf.NewVM(opt)
		if err != nil {
			// Programs with protochain loops are not optimized and
			// need libpcap's VM.
			if ovm, err = cbpf.NewVMLibpcap(opt); err != nil {
				t.Errorf("%s: %q: optimized program refused: %v", oc.c.ID(), oc.c.Expr, err)
				continue
			}
		}
		bad := 0
		check := func(data []byte, wire uint32, anc *cbpf.Ancillary) {
			nPkts++
			if u, o := uvm.Run(data, wire, anc), ovm.Run(data, wire, anc); u != o && bad < 3 {
				bad++
				us, _ := cbpf.Format(unopt)
				os, _ := cbpf.Format(opt)
				t.Errorf("%s: %q: packet %x (wire %d, %+v): unoptimized %d, optimized %d\nunoptimized:\n%s\noptimized:\n%s",
					oc.c.ID(), oc.c.Expr, data, wire, *anc, u, o, us, os)
			}
		}
		var zero cbpf.Ancillary
		for _, p := range pkts {
			check(p.Data, p.OrigLen, &zero)
		}
		for _, p := range gen {
			check(p.data, p.wire, &p.anc)
		}
	}
	t.Logf("%d cases (%d found to reject all packets), %d verdicts compared (%d generated packets)", len(cases), nRejectAll, nPkts, nGen)
}

// TestOptimizeGoldenVerdicts runs every golden verdict expression over its
// golden capture optimized and unoptimized: the verdicts must be equal
// (TestVerdicts checks the unoptimized ones against tcpdump's).
func TestOptimizeGoldenVerdicts(t *testing.T) {
	files := loadVerdicts(t)
	var n, progs int
	for _, vf := range files {
		pf, err := pcapfile.ReadFile(filepath.Join("testdata", "pcap", vf.Capture))
		if err != nil {
			t.Fatal(err)
		}
		lt, ok := cbpf.LinkTypeByName(vf.LinkType)
		if !ok {
			continue
		}
		opts := cbpf.Options{LinkType: lt, Snaplen: vf.Snaplen, NetmaskSet: true, Offline: true,
			Swapped: pf.Header.ByteOrder != hostOrder(), Resolver: parser.DefaultResolver()}
		for _, r := range vf.Records {
			if r.Error != "" {
				continue
			}
			unopt, err := compile(r.Expr, opts)
			if err != nil {
				continue // TestVerdicts reports it
			}
			o := opts
			o.Optimize = true
			opt, err := compile(r.Expr, o)
			uvm, uerr := cbpf.NewVMLibpcap(unopt)
			if uerr != nil {
				continue
			}
			if err != nil {
				if !strings.Contains(err.Error(), "expression rejects all packets") {
					t.Errorf("%s: %q: optimizer: %v", vf.Capture, r.Expr, err)
				}
				for i, p := range pf.Packets {
					if uvm.Run(p.Data, p.OrigLen, &cbpf.Ancillary{}) != 0 {
						t.Errorf("%s: %q: reported as rejecting all packets, keeps packet %d", vf.Capture, r.Expr, i)
						break
					}
				}
				continue
			}
			ovm, err := cbpf.NewVMLibpcap(opt)
			if err != nil {
				t.Errorf("%s: %q: optimized program refused: %v", vf.Capture, r.Expr, err)
				continue
			}
			progs++
			for i, p := range pf.Packets {
				n++
				if u, o := uvm.Run(p.Data, p.OrigLen, &cbpf.Ancillary{}), ovm.Run(p.Data, p.OrigLen, &cbpf.Ancillary{}); u != o {
					t.Errorf("%s: %q: packet %d: unoptimized %d, optimized %d", vf.Capture, r.Expr, i, u, o)
					break
				}
			}
		}
	}
	if progs == 0 {
		t.Fatal("no golden expression compiled")
	}
	t.Logf("%d golden programs, %d verdicts compared", progs, n)
}

// genPacket is a generated input: bytes, length on the wire and ancillary
// data.
type genPacket struct {
	data []byte
	wire uint32
	anc  cbpf.Ancillary
}

func asGen(pkts []pcapfile.Packet) []genPacket {
	out := make([]genPacket, len(pkts))
	for i, p := range pkts {
		out[i] = genPacket{data: p.Data, wire: p.OrigLen}
	}
	return out
}

// genAncillary are the ancillary-data settings the generator starts from:
// none, and an offloaded VLAN tag on an outgoing IPv4 packet.
var genAncillary = []cbpf.Ancillary{
	{},
	{Protocol: 0x0800, PktType: 4, Ifindex: 1, VLANTCI: 0x2064, VLANPresent: true, VLANProto: 0x8100, Hatype: 1},
}

// generatePackets derives up to max packets from prog's comparisons: it
// runs prog on each packet, and for every conditional jump on a value
// loaded from the packet (possibly masked), or on the packet length, makes
// a copy of the packet with that field set so the jump goes the other
// way; the copies are explored in turn. It adds copies truncated just
// before each load and copies with a random byte at a loaded offset.
func generatePackets(prog []bpf.Instruction, seeds []pcapfile.Packet, rng *rand.Rand, max int) []genPacket {
	raw, err := cbpf.Raw(prog)
	if err != nil {
		return nil
	}
	seen := make(map[string]bool)
	var out, queue []genPacket
	add := func(p genPacket) {
		key := fmt.Sprintf("%d/%v/%s", p.wire, p.anc.VLANPresent, p.data)
		if seen[key] || len(out) >= max {
			return
		}
		seen[key] = true
		out = append(out, p)
		queue = append(queue, p)
	}
	for _, anc := range genAncillary {
		add(genPacket{data: make([]byte, 96), wire: 96, anc: anc})
		for i := 0; i < 3; i++ {
			s := seeds[rng.Intn(len(seeds))]
			add(genPacket{data: append([]byte(nil), s.Data...), wire: s.OrigLen, anc: anc})
		}
	}
	for len(queue) > 0 && len(out) < max {
		p := queue[0]
		queue = queue[1:]
		for _, br := range traceBranches(raw, p) {
			for _, q := range br.variants(p, rng) {
				add(q)
			}
		}
	}
	return out
}

// branchTrace is one conditional jump of a run: where the compared value
// came from and how the jump went.
type branchTrace struct {
	off, size int    // packet field loaded into A (size 0: none)
	mask      uint32 // bits of the field A kept
	isLen     bool   // A is the packet length
	op        uint16 // comparison
	k         uint32 // compared with
	taken     bool
	loads     [][2]int // loads before this jump: offset, size
}

// variants returns copies of p that flip the jump or fail a load.
func (br branchTrace) variants(p genPacket, rng *rand.Rand) []genPacket {
	var out []genPacket
	if br.isLen {
		for _, w := range []uint32{br.k - 1, br.k, br.k + 1} {
			q := p
			q.wire = w
			q.data = p.data
			if int(w) < len(q.data) {
				q.data = q.data[:w]
			}
			out = append(out, q)
		}
	}
	if br.size > 0 {
		v := uint32(0)
		switch br.op {
		case 0x10: // jeq
			if br.taken {
				v = br.k ^ lowBit(br.mask)
			} else {
				v = br.k
			}
		case 0x20: // jgt
			if br.taken {
				v = br.k
			} else {
				v = br.k + 1
			}
		case 0x30: // jge
			if br.taken {
				v = br.k - 1
			} else {
				v = br.k
			}
		case 0x40: // jset
			if br.taken {
				v = 0
			} else {
				v = br.k
			}
		}
		out = append(out, setField(p, br.off, br.size, br.mask, v))
		out = append(out, setField(p, br.off, br.size, br.mask, rng.Uint32()))
	}
	for _, l := range br.loads {
		if l[0] >= 0 && l[0]+l[1]-1 < len(p.data) && rng.Intn(4) == 0 {
			q := p
			q.data = p.data[:l[0]+l[1]-1]
			out = append(out, q)
		}
	}
	return out
}

func lowBit(m uint32) uint32 {
	if m == 0 {
		return 1
	}
	return m & -m
}

// setField returns a copy of p with the masked bits of the size-byte
// big-endian field at off set from v, growing the packet if needed.
func setField(p genPacket, off, size int, mask, v uint32) genPacket {
	n := len(p.data)
	if off+size > n {
		n = off + size
	}
	d := make([]byte, n)
	copy(d, p.data)
	var cur uint32
	for i := 0; i < size; i++ {
		cur = cur<<8 | uint32(d[off+i])
	}
	cur = cur&^mask | v&mask
	for i := size - 1; i >= 0; i-- {
		d[off+i] = byte(cur)
		cur >>= 8
	}
	q := p
	q.data = d
	if q.wire < uint32(n) {
		q.wire = uint32(n)
	}
	return q
}

// traceBranches runs raw (forward jumps only) on p and records its
// conditional jumps. It follows the VM's semantics closely enough to find
// the path; the verdicts always come from cbpf.VM.
func traceBranches(raw []bpf.RawInstruction, p genPacket) []branchTrace {
	type prov struct {
		off, size int
		mask      uint32
		isLen     bool
	}
	var a, x uint32
	var mem [16]uint32
	var aP prov
	var memP [16]prov
	var loads [][2]int
	var out []branchTrace
	load := func(off uint32, size int) (uint32, bool) {
		if int32(off) < 0 {
			// ancillary or special offsets: not traced
			return 0, int32(off) >= -0x1000
		}
		loads = append(loads, [2]int{int(off), size})
		if int(off)+size > len(p.data) {
			return 0, false
		}
		v := uint32(0)
		for i := 0; i < size; i++ {
			v = v<<8 | uint32(p.data[int(off)+i])
		}
		return v, true
	}
	sizes := map[uint16]int{0x00: 4, 0x08: 2, 0x10: 1}
	for pc := 0; pc < len(raw) && pc >= 0; pc++ {
		ri := raw[pc]
		switch ri.Op & 0x07 {
		case 0x00: // ld
			switch ri.Op & 0xe0 {
			case 0x00:
				a, aP = ri.K, prov{}
			case 0x20, 0x40:
				off := ri.K
				if ri.Op&0xe0 == 0x40 {
					off += x
				}
				v, ok := load(off, sizes[ri.Op&0x18])
				if !ok {
					return out
				}
				a = v
				aP = prov{}
				if int32(off) >= 0 {
					aP = prov{off: int(off), size: sizes[ri.Op&0x18], mask: 0xffffffff >> (32 - 8*uint(sizes[ri.Op&0x18]))}
				}
			case 0x60:
				a, aP = mem[ri.K&15], memP[ri.K&15]
			case 0x80:
				a, aP = p.wire, prov{isLen: true}
			}
		case 0x01: // ldx
			switch ri.Op & 0xe0 {
			case 0x00:
				x = ri.K
			case 0x60:
				x = mem[ri.K&15]
			case 0x80:
				x = p.wire
			case 0xa0:
				v, ok := load(ri.K, 1)
				if !ok {
					return out
				}
				x = 4 * (v & 0xf)
			}
		case 0x02:
			mem[ri.K&15], memP[ri.K&15] = a, aP
		case 0x03:
			mem[ri.K&15], memP[ri.K&15] = x, prov{}
		case 0x04: // alu
			b := ri.K
			if ri.Op&0x08 != 0 {
				b = x
			}
			switch ri.Op & 0xf0 {
			case 0x00:
				a += b
			case 0x10:
				a -= b
			case 0x20:
				a *= b
			case 0x30:
				if b == 0 {
					return out
				}
				a /= b
			case 0x40:
				a |= b
			case 0x50:
				a &= b
			case 0x60:
				a <<= b & 31
			case 0x70:
				a >>= b & 31
			case 0x80:
				a = -a
			case 0x90:
				if b == 0 {
					return out
				}
				a %= b
			case 0xa0:
				a ^= b
			}
			if ri.Op&0xf0 == 0x50 && ri.Op&0x08 == 0 && aP.size > 0 {
				aP.mask &= ri.K
			} else {
				aP = prov{}
			}
		case 0x05: // jmp
			if ri.Op&0xf0 == 0x00 {
				pc += int(ri.K)
				if int32(ri.K) < 0 {
					return out
				}
				continue
			}
			k := ri.K
			if ri.Op&0x08 != 0 {
				k = x
			}
			var taken bool
			switch ri.Op & 0xf0 {
			case 0x10:
				taken = a == k
			case 0x20:
				taken = a > k
			case 0x30:
				taken = a >= k
			case 0x40:
				taken = a&k != 0
			}
			out = append(out, branchTrace{off: aP.off, size: aP.size, mask: aP.mask, isLen: aP.isLen,
				op: ri.Op & 0xf0, k: k, taken: taken, loads: append([][2]int(nil), loads...)})
			if taken {
				pc += int(ri.Jt)
			} else {
				pc += int(ri.Jf)
			}
		case 0x06:
			return out
		case 0x07:
			if ri.Op == 0x07 {
				x = a
			} else {
				a, aP = x, prov{}
			}
		}
	}
	return out
}

// TestOptimizeSize compares the length of each optimized program with the
// shorter of libpcap master's (expected_opt) and libpcap 1.10.3's
// (testdata/opt_sizes_1103.tsv, from the local tcpdump) and logs the total
// ratio, which must be at most 95%. A case longer
// than libpcap's fails unless it is listed in
// testdata/opt_size_exceptions.txt, a list that may only shrink (-update
// rewrites it with the current exceptions).
func TestOptimizeSize(t *testing.T) {
	cases := loadOptCases(t)
	sizes1103 := readSizes1103(t)
	listed, err := corpus.ReadList(optSizeExceptionsFile)
	if err != nil {
		t.Fatal(err)
	}
	var ours, theirs, unoptTotal, compared, shorter, equal int
	var longer []string
	known := make(map[string]bool)
	results := make(map[string]bool)
	details := make(map[string]string)
	for _, oc := range cases {
		if oc.c.ExpectedOpt == nil {
			continue
		}
		id := oc.c.ID()
		known[id] = true
		unopt, opt, optErr, err := optPair(oc.c, oc.opts)
		if err != nil || optErr != nil {
			results[id] = false
			details[id] = fmt.Sprintf("%q: %v %v", oc.c.Expr, err, optErr)
			continue
		}
		want := strings.Count(*oc.c.ExpectedOpt, "\n")
		if old := sizes1103[id]; old > 0 && old < want {
			want = old // 1.10.3's is the better
		}
		compared++
		ours += len(opt)
		theirs += want
		unoptTotal += len(unopt)
		results[id] = len(opt) <= want
		switch {
		case len(opt) < want:
			shorter++
		case len(opt) == want:
			equal++
		default:
			longer = append(longer, id)
			details[id] = fmt.Sprintf("%q: %d instructions, libpcap %d", oc.c.Expr, len(opt), want)
		}
	}
	if compared == 0 {
		t.Fatal("no case has an expected_opt listing")
	}
	summary := fmt.Sprintf("optimizer size: %d cases, gocap %d instructions, libpcap %d (ratio %.4f), unoptimized %d; %d shorter, %d equal, %d longer",
		compared, ours, theirs, float64(ours)/float64(theirs), unoptTotal, shorter, equal, len(longer))
	t.Log(summary)
	fmt.Println(summary)
	// The target: in total at most 95% of libpcap's instructions.
	if float64(ours) > 0.95*float64(theirs) {
		t.Errorf("optimized programs total %d instructions, more than 95%% of libpcap's %d", ours, theirs)
	}
	sort.Strings(longer)
	for _, id := range longer {
		t.Logf("longer than libpcap: %s: %s", id, details[id])
	}
	r := corpus.Reconcile(listed, known, results)
	if *update {
		if err := corpus.WriteList(optSizeExceptionsFile, []string{
			"Corpus cases whose optimized program is longer than the shorter of libpcap master's (expected_opt) and 1.10.3's (opt_sizes_1103.tsv); golden/opt_test.go.",
			"Each is explained in docs/optimizer.md (Size against libpcap).",
			"Generated by: go test ./golden -run TestOptimizeSize -update; the list may only shrink.",
		}, r.Updated); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, id := range r.UnexpectedFailures {
		t.Errorf("optimized program longer than libpcap's (not in %s): %s: %s", optSizeExceptionsFile, id, details[id])
	}
	for _, id := range r.UnexpectedPasses {
		t.Errorf("%s is no longer longer than libpcap's: remove it from %s (or run -update)", id, optSizeExceptionsFile)
	}
	for _, id := range r.Stale {
		t.Errorf("%s lists %q, which names no case", optSizeExceptionsFile, id)
	}
}

// BenchmarkCompileCorpus measures parse + generate (+ optimize) per
// expression over the corpus accept expressions of every link type that
// compile without looking up a host, ether or network name (the fixtures
// are left out so that the resolver is not what is measured, as in
// bench/compile.sh, which times libpcap's pcap_compile on the same kind of
// list in the same run: see docs/optimizer.md).
func BenchmarkCompileCorpus(b *testing.B) {
	cases := corpus.LoadShared(b)
	res := noNameResolver{parser.DefaultResolver()}
	var exprs []optCase
	for i := range cases {
		c := &cases[i]
		if c.Kind != "accept" || c.PseudoExpr {
			continue
		}
		opts, err := caseOptions(c, res)
		if err != nil {
			continue
		}
		opts.Optimize = true
		if _, err := cbpf.CompileRaw(c.Expr, opts); err == nil {
			exprs = append(exprs, optCase{c, opts})
		}
	}
	if len(exprs) == 0 {
		b.Fatal("no corpus expression compiles")
	}
	b.Logf("%d expressions", len(exprs))
	for _, opt := range []bool{false, true} {
		name := "unoptimized"
		if opt {
			name = "optimized"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, oc := range exprs {
					o := oc.opts
					o.Optimize = opt
					cbpf.CompileRaw(oc.c.Expr, o)
					n++
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/expr")
		})
	}
}

// noNameResolver resolves services and protocols as its embedded resolver
// does, and no host, ether or network name.
type noNameResolver struct{ parser.Resolver }

func (noNameResolver) LookupHost(string) ([]netip.Addr, error) { return nil, nil }
func (noNameResolver) LookupEther(string) ([6]byte, bool)      { return [6]byte{}, false }
func (noNameResolver) LookupNetwork(string) (uint32, bool)     { return 0, false }

// sizes1103File holds libpcap 1.10.3's optimized sizes, written by
// golden/gen-sizes.sh.
var sizes1103File = filepath.Join("testdata", "opt_sizes_1103.tsv")

// readSizes1103 reads sizes1103File: ID to size, -1 where 1.10.3 refuses
// the expression.
func readSizes1103(t *testing.T) map[string]int {
	t.Helper()
	data, err := os.ReadFile(sizes1103File)
	if err != nil {
		t.Fatal(err)
	}
	sizes := make(map[string]int)
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, '\t')
		n, err := strconv.Atoi(line[i+1:])
		if i < 0 || err != nil {
			t.Fatalf("%s: bad line %q", sizes1103File, line)
		}
		sizes[line[:i]] = n
	}
	if len(sizes) == 0 {
		t.Fatalf("%s holds no size", sizes1103File)
	}
	return sizes
}

// optSizeGoldenExceptionsFile lists the golden programs longer than libpcap
// 1.10.3's; the list may only shrink.
const optSizeGoldenExceptionsFile = "testdata/opt_size_exceptions_golden.txt"

// TestOptimizeSizeGolden holds the optimized program of every golden
// expression on every golden link type to libpcap 1.10.3's size (the
// corpus has master's for its own cases only). A longer one fails unless
// it is listed in testdata/opt_size_exceptions_golden.txt (-update
// rewrites it). Expressions gocap refuses where 1.10.3 compiles them
// (master refuses them too: "inbound" on a savefile, "ip broadcast" with
// no netmask) are counted and left out.
func TestOptimizeSizeGolden(t *testing.T) {
	sizes := readSizes1103(t)
	listed, err := corpus.ReadList(optSizeGoldenExceptionsFile)
	if err != nil {
		t.Fatal(err)
	}
	known := make(map[string]bool)
	results := make(map[string]bool)
	details := make(map[string]string)
	var ours, theirs, compared, refused int
	for id, want := range sizes {
		rest, ok := strings.CutPrefix(id, "golden/")
		if !ok || want <= 0 {
			continue
		}
		lt, expr, _ := strings.Cut(rest, "/")
		typ, ok := cbpf.LinkTypeByName(lt)
		if !ok {
			t.Fatalf("%s: unknown link type", id)
		}
		opt, err := compile(expr, cbpf.Options{LinkType: typ, Optimize: true})
		if err != nil {
			refused++
			continue
		}
		known[id] = true
		compared++
		ours += len(opt)
		theirs += want
		results[id] = len(opt) <= want
		details[id] = fmt.Sprintf("%d instructions, libpcap 1.10.3 %d", len(opt), want)
	}
	if compared == 0 {
		t.Fatal("no golden expression has a 1.10.3 size")
	}
	t.Logf("golden expressions: %d programs, gocap %d instructions, libpcap 1.10.3 %d (ratio %.4f); %d refused by gocap as by master",
		compared, ours, theirs, float64(ours)/float64(theirs), refused)
	r := corpus.Reconcile(listed, known, results)
	if *update {
		if err := corpus.WriteList(optSizeGoldenExceptionsFile, []string{
			"Golden programs whose optimized program is longer than libpcap 1.10.3's (opt_sizes_1103.tsv); golden/opt_test.go.",
			"Each is explained in docs/optimizer.md (Size against libpcap).",
			"Generated by: go test ./golden -run TestOptimizeSizeGolden -update; the list may only shrink.",
		}, r.Updated); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, id := range r.UnexpectedFailures {
		t.Errorf("optimized program longer than libpcap 1.10.3's (not in %s): %s: %s", optSizeGoldenExceptionsFile, id, details[id])
	}
	for _, id := range r.UnexpectedPasses {
		t.Errorf("%s is no longer longer than libpcap 1.10.3's: remove it from %s (or run -update)", id, optSizeGoldenExceptionsFile)
	}
	for _, id := range r.Stale {
		t.Errorf("%s lists %q, which names no program", optSizeGoldenExceptionsFile, id)
	}
}
