package cbpf

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/net/bpf"
)

// Hand-built graphs for the optimizer passes.

func oRet(k uint32) *oBlock { return &oBlock{code: ClassRET | SrcK, k: k} }

func oBr(stmts []oStmt, code uint16, k uint32, jt, jf *oBlock) *oBlock {
	return &oBlock{stmts: stmts, code: code, k: k, jt: jt, jf: jf}
}

func ldh(k uint32) oStmt { return oStmt{ClassLD | ModeABS | SizeH, k} }
func ldb(k uint32) oStmt { return oStmt{ClassLD | ModeABS | SizeB, k} }

const jeq = ClassJMP | JumpJEQ | SrcK

func newOGraph(root *oBlock) *oGraph {
	g := &oGraph{root: root}
	g.order()
	return g
}

// runGraph lays g out and runs it on pkt.
func runGraph(t *testing.T, g *oGraph, pkt []byte) uint32 {
	t.Helper()
	raw, err := g.layout()
	if err != nil {
		t.Fatal(err)
	}
	vm, err := NewVM(Typed(raw))
	if err != nil {
		t.Fatalf("NewVM: %v\n%s", err, g)
	}
	return vm.Run(pkt, uint32(len(pkt)), nil)
}

func TestOptRedundantRepeatedLoad(t *testing.T) {
	acc, rej := oRet(1), oRet(0)
	second := oBr([]oStmt{ldh(12)}, jeq, 0x806, acc, rej)
	g := newOGraph(oBr([]oStmt{ldh(12)}, jeq, 0x800, second, second))
	g.root.jt = oBr(nil, jeq, 0, acc, rej) // keep the root conditional
	g.order()
	if !g.sweep(g.visitRedundant) {
		t.Fatalf("nothing changed:\n%s", g)
	}
	if len(second.stmts) != 0 {
		t.Errorf("repeated ldh [12] kept:\n%s", g)
	}
	if second.jump() {
		t.Errorf("[12] == 0x806 is not known on entry, but the branch became a jump:\n%s", g)
	}
}

func TestOptRedundantKnownBranch(t *testing.T) {
	acc, rej := oRet(1), oRet(0)
	inner := oBr([]oStmt{ldh(12)}, jeq, 0x806, acc, rej)
	g := newOGraph(oBr([]oStmt{ldh(12)}, jeq, 0x800, inner, rej))
	g.sweep(g.visitRedundant)
	if !inner.jump() || inner.jt != rej {
		t.Errorf("[12] == 0x800 makes [12] == 0x806 false, want a jump to the reject:\n%s", g)
	}
}

func TestOptThread(t *testing.T) {
	acc, rej := oRet(1), oRet(0)
	// root: [12] == 0x800 ? ip : other; other tests [12] == 0x800 again.
	other := oBr([]oStmt{ldh(12)}, jeq, 0x800, acc, rej)
	ip := oBr([]oStmt{ldb(23)}, jeq, 6, acc, other)
	g := newOGraph(oBr([]oStmt{ldh(12)}, jeq, 0x800, ip, other))
	if !g.sweep(g.visitThread) {
		t.Fatalf("nothing threaded:\n%s", g)
	}
	if ip.jf != acc {
		t.Errorf("the false edge of the ip block should skip the repeated 0x800 test (true there) to the accept:\n%s", g)
	}
}

func TestOptThreadKeepsFailingLoad(t *testing.T) {
	acc, rej := oRet(1), oRet(0)
	// An unconditional block whose load may fail must stay on the path.
	probe := oBr([]oStmt{ldb(100)}, jeq, 0, acc, acc)
	g := newOGraph(oBr([]oStmt{ldh(12)}, jeq, 0x800, probe, rej))
	g.run()
	if got := runGraph(t, g, make([]byte, 50)); got != 0 {
		t.Errorf("a 50-byte packet fails ldb [100] and must be rejected, got %d:\n%s", got, g)
	}
	pkt := make([]byte, 120)
	pkt[12], pkt[13] = 8, 0
	if got := runGraph(t, g, pkt); got != 1 {
		t.Errorf("120-byte IPv4 packet: got %d, want 1:\n%s", got, g)
	}
}

func TestOptDead(t *testing.T) {
	acc, rej := oRet(1), oRet(0)
	// "ldh [14]" is overwritten before use, but it may fail: kept.
	b := oBr([]oStmt{ldh(14), ldh(12)}, jeq, 0x800, acc, rej)
	g := newOGraph(b)
	g.sweep()
	g.dead()
	if len(b.stmts) != 2 {
		t.Errorf("a load that may fail was removed:\n%s", g)
	}
	// "ld #1; st M[3]" with M[3] never read: both go.
	c := oBr([]oStmt{{ClassLD | ModeIMM, 1}, {ClassST, 3}, ldh(12)}, jeq, 0x800, acc, rej)
	g = newOGraph(c)
	g.sweep()
	for g.dead() {
		g.sweep()
	}
	if len(c.stmts) != 1 {
		t.Errorf("dead store and constant load kept:\n%s", g)
	}
}

func TestOptMerge(t *testing.T) {
	acc, rej, rej2 := oRet(1), oRet(0), oRet(0)
	x := oBr([]oStmt{ldh(20)}, jeq, 1, acc, rej)
	y := oBr([]oStmt{ldh(20)}, jeq, 1, acc, rej2)
	g := newOGraph(oBr([]oStmt{ldh(12)}, jeq, 0x800, x, y))
	if !g.merge() {
		t.Fatal("nothing merged")
	}
	if g.root.jt != g.root.jf || len(g.blocks) != 4 {
		t.Errorf("identical blocks not merged:\n%s", g)
	}
}

func TestOptPeep(t *testing.T) {
	acc, rej := oRet(1), oRet(0)
	b := oBr([]oStmt{ldh(20), {ClassALU | ALUAnd | SrcK, 0x1fff}}, jeq, 0, acc, rej)
	g := newOGraph(b)
	g.sweep(g.visitPeep)
	if b.code != ClassJMP|JumpJSET|SrcK || b.k != 0x1fff || b.jt != rej || len(b.stmts) != 1 {
		t.Errorf("and #0x1fff; jeq #0 not turned into jset:\n%s", g)
	}
	// ld #0xab; ldxb 4*([14]&0xf); add x; tax; ldb [x + 14]
	c := oBr([]oStmt{{ClassLD | ModeIMM, 0xab}, {ClassLDX | ModeMSH | SizeB, 14}, {ClassALU | ALUAdd | SrcX, 0}, {ClassMISC | MiscTAX, 0}, {ClassLD | ModeIND | SizeB, 14}}, jeq, 0xcd, acc, rej)
	g = newOGraph(c)
	g.sweep(g.visitPeep)
	if n := len(c.stmts); n != 3 || c.stmts[2] != (oStmt{ClassLD | ModeIND | SizeB, 14 + 0xab}) {
		t.Errorf("constant index not folded into the load offset:\n%s", g)
	}
	pkt := make([]byte, 300)
	pkt[14] = 0x45
	pkt[14+20+0xab] = 0xcd
	if got := runGraph(t, g, pkt); got != 1 {
		t.Errorf("folded program: got %d, want 1:\n%s", got, g)
	}
}

func TestOptLayoutLongJumps(t *testing.T) {
	acc, rej := oRet(1), oRet(0)
	// A chain of 300 tests on distinct bytes, each going to acc when
	// true: the first tests' true edges are more than 255 away.
	next := rej
	for i := 299; i >= 0; i-- {
		next = oBr([]oStmt{ldb(uint32(i))}, jeq, 7, acc, next)
	}
	g := newOGraph(next)
	raw, err := g.layout()
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) <= 602 {
		t.Fatalf("%d instructions: no long jump inserted", len(raw))
	}
	vm, err := NewVM(Typed(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, hit := range []int{0, 1, 150, 299, -1} {
		pkt := make([]byte, 300)
		want := uint32(0)
		if hit >= 0 {
			pkt[hit] = 7
			want = 1
		}
		if got := vm.Run(pkt, 300, nil); got != want {
			t.Errorf("byte %d set: got %d, want %d", hit, got, want)
		}
	}
}

func TestOptSplitsInnerJumps(t *testing.T) {
	// vlan with an ID under Linux extensions puts a metadata test and a
	// "ja" inside one block; the optimizer splits it and still improves
	// the program.
	opts := Options{LinkType: LinkEN10MB, LinuxExt: true}
	un, err := CompileRaw("vlan 10", opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Optimize = true
	op, err := CompileRaw("vlan 10", opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(op) >= len(un) {
		t.Errorf("optimized %d instructions, unoptimized %d", len(op), len(un))
	}
	compareOnRandom(t, "vlan 10", Typed(un), Typed(op), rand.New(rand.NewSource(1)), 2000)
}

func TestOptRejectsAll(t *testing.T) {
	for _, expr := range []string{"tcp and udp", "ip and arp", "not ip and ip", "len > 100 and len < 50"} {
		_, err := Compile(expr, Options{LinkType: LinkEN10MB, Optimize: true})
		if err == nil || !strings.Contains(err.Error(), "expression rejects all packets") {
			t.Errorf("%q: got %v, want expression rejects all packets", expr, err)
		}
		if _, err := Compile(expr, Options{LinkType: LinkEN10MB}); err != nil {
			t.Errorf("%q unoptimized: %v", expr, err)
		}
	}
}

// compareOnRandom runs both programs on random packets shaped like
// Ethernet/IPv4 and fails on the first different verdict.
func compareOnRandom(t *testing.T, expr string, a, b []bpf.Instruction, rng *rand.Rand, n int) {
	t.Helper()
	va, err := NewVMLibpcap(a)
	if err != nil {
		t.Fatal(err)
	}
	vb, err := NewVMLibpcap(b)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		pkt := randomPacket(rng)
		anc := &Ancillary{VLANPresent: rng.Intn(2) == 0, VLANTCI: uint16(rng.Intn(20))}
		if x, y := va.Run(pkt, uint32(len(pkt)), anc), vb.Run(pkt, uint32(len(pkt)), anc); x != y {
			t.Fatalf("%q: packet %x: unoptimized %d, optimized %d", expr, pkt, x, y)
		}
	}
}

// randomPacket returns bytes with a plausible Ethernet, VLAN, IPv4/IPv6
// and transport header, randomly mutated and truncated.
func randomPacket(rng *rand.Rand) []byte {
	pkt := make([]byte, 20+rng.Intn(100))
	rng.Read(pkt)
	types := []uint16{0x0800, 0x86dd, 0x0806, 0x8100, 0x88a8, 0x8035, 0x8864}
	et := types[rng.Intn(len(types))]
	off := 12
	if off+2 <= len(pkt) {
		pkt[off], pkt[off+1] = byte(et>>8), byte(et)
	}
	if et == 0x8100 && off+6 <= len(pkt) {
		pkt[off+2], pkt[off+3] = 0, byte(rng.Intn(20))
		pkt[off+4], pkt[off+5] = 8, 0
		off += 4
	}
	ip := off + 2
	if ip < len(pkt) {
		switch rng.Intn(3) {
		case 0:
			pkt[ip] = 0x45
		case 1:
			pkt[ip] = 0x60
		}
	}
	protos := []byte{6, 17, 1, 58, 2, 132}
	if ip+9 < len(pkt) && rng.Intn(2) == 0 {
		pkt[ip+9] = protos[rng.Intn(len(protos))]
		pkt[ip+6] &= 0x20
		pkt[ip+7] = 0
	}
	if ip+6 < len(pkt) && rng.Intn(2) == 0 {
		pkt[ip+6] = protos[rng.Intn(len(protos))]
	}
	ports := []byte{0, 20, 53, 80}
	for _, p := range []int{ip + 20, ip + 22, ip + 40, ip + 42} {
		if p+1 < len(pkt) && rng.Intn(2) == 0 {
			pkt[p], pkt[p+1] = 0, ports[rng.Intn(len(ports))]
		}
	}
	return pkt
}

// fuzzPrimitives and fuzzLinkTypes feed genFuzzExpr.
var fuzzPrimitives = []string{
	"ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp", "icmp6", "sctp", "igmp",
	"port 80", "tcp port 53", "udp src port 53", "portrange 20-80", "dst portrange 50-60",
	"host 10.0.0.1", "src net 10.0.0.0/8", "dst host 192.168.1.1", "ip6 host ::1", "net fe80::/10",
	"ether host 1:2:3:4:5:6", "ether broadcast", "ether multicast", "ether proto 0x800", "ip proto 6",
	"len > 60", "len <= 100", "greater 64", "less 80", "ip[0] & 0xf > 5", "tcp[tcpflags] & tcp-syn != 0",
	"ip[2:2] - ((ip[0]&0xf)<<2) > 40", "udp[0:2] = 53", "icmp[icmptype] = icmp-echo", "ip[6:2] & 0x1fff = 0",
	"vlan", "vlan 10", "mpls", "pppoes", "ip multicast", "ip6 multicast", "inbound", "outbound",
	"ether[0] & 1 = 1", "link[12:2] = 0x800", "ip[9] = 17 or ip[9] = 6", "ip6 proto 17",
	// arithmetic with a constant on the left, and loads whose values go
	// unused ("or 1 = 1")
	"ether[20] > 0 & len", "ip[2:2] = 0 + len", "ip[3] = 1 * len", "ether[5] != 0 / len",
	"ether[1] = 0 << len", "ether[2:4] = 1", "(ether[0:2] = 5 or 1 = 1)", "(ip[1] = 3 or 1 = 1)",
}

var fuzzLinkTypes = []LinkType{LinkEN10MB, LinkRaw, LinkIPv4, LinkIPv6, LinkNull, LinkLoop, LinkLinuxSLL, LinkLinuxSLL2}

// genFuzzExpr builds a random expression from primitives with and, or,
// not and parentheses.
func genFuzzExpr(rng *rand.Rand, depth int) string {
	if depth <= 0 || rng.Intn(3) == 0 {
		return fuzzPrimitives[rng.Intn(len(fuzzPrimitives))]
	}
	switch rng.Intn(4) {
	case 0:
		return "not " + genFuzzExpr(rng, depth-1)
	case 1:
		return "(" + genFuzzExpr(rng, depth-1) + ") or (" + genFuzzExpr(rng, depth-1) + ")"
	default:
		return genFuzzExpr(rng, depth-1) + " and " + genFuzzExpr(rng, depth-1)
	}
}

// FuzzOptimize compiles a random expression with and without the
// optimizer and compares the verdicts on the fuzzed packet and on random
// packets: they must be equal, and an expression the optimizer reports as
// matching nothing must reject them all.
func FuzzOptimize(f *testing.F) {
	for i := int64(0); i < 16; i++ {
		f.Add(i, []byte{})
	}
	f.Add(int64(99), []byte("\x00\x01\x02\x03\x04\x05\x00\x01\x02\x03\x04\x05\x08\x00\x45\x00\x00\x28\x00\x00\x00\x00\x40\x06"))
	f.Fuzz(func(t *testing.T, seed int64, pkt []byte) {
		rng := rand.New(rand.NewSource(seed))
		expr := genFuzzExpr(rng, 4)
		opts := Options{LinkType: fuzzLinkTypes[rng.Intn(len(fuzzLinkTypes))], LinuxExt: rng.Intn(2) == 0}
		un, err := Compile(expr, opts)
		if err != nil {
			return
		}
		opts.Optimize = true
		op, optErr := Compile(expr, opts)
		vu, err := NewVMLibpcap(un)
		if err != nil && strings.Contains(err.Error(), "unknown ancillary offset") {
			// With the Linux extensions, master adds the link-layer
			// offset of an encapsulation (pppoes) to the ancillary
			// loads of inbound/outbound, making offsets no kernel or
			// VM knows; gocap emits the same program, which no
			// reference can run to compare verdicts with.
			return
		}
		if err != nil {
			t.Fatalf("%q: unoptimized NewVM: %v", expr, err)
		}
		pkts := [][]byte{pkt}
		for i := 0; i < 64; i++ {
			pkts = append(pkts, randomPacket(rng))
		}
		if optErr != nil {
			if !strings.Contains(optErr.Error(), "expression rejects all packets") {
				t.Fatalf("%q: optimizer: %v", expr, optErr)
			}
			for _, p := range pkts {
				if v := vu.Run(p, uint32(len(p)), nil); v != 0 {
					t.Fatalf("%q: reported as rejecting all packets, keeps %x", expr, p)
				}
			}
			return
		}
		// The optimized program must pass the kernel's checks when the
		// unoptimized one does. libpcap's generator may read a scratch
		// slot before writing it (libpcap's interpreter starts them at
		// zero, the kernel refuses the program); the optimizer keeps
		// such a read, and both then run as in libpcap.
		vo, err := NewVM(op)
		if _, uerr := NewVM(un); err != nil && uerr == nil {
			t.Fatalf("%q: optimized program refused: %v", expr, err)
		} else if err != nil {
			if vo, err = NewVMLibpcap(op); err != nil {
				t.Fatalf("%q: optimized program refused by libpcap's checks: %v", expr, err)
			}
		}
		for _, p := range pkts {
			anc := &Ancillary{VLANPresent: len(p) > 0 && p[0]&1 != 0, VLANTCI: 10, PktType: 4}
			if x, y := vu.Run(p, uint32(len(p)), anc), vo.Run(p, uint32(len(p)), anc); x != y {
				us, _ := Format(un)
				os, _ := Format(op)
				t.Fatalf("%q (%v): packet %x: unoptimized %d, optimized %d\n%s\n%s", expr, opts.LinkType, p, x, y, us, os)
			}
		}
	})
}

// TestOptimizeKeepsLargeShifts checks that the optimizer does not fold a
// shift by a constant of 32 or more, which libpcap's interpreter and the
// kernel evaluate differently: the optimized program must give the
// unoptimized one's verdict in both of cbpf's VMs. The expressions came
// from TestGrammarDiff, where folding them modulo 32 disagreed with libpcap
// master's verdicts.
func TestOptimizeKeepsLargeShifts(t *testing.T) {
	for _, expr := range []string{
		"-4 >> 31 ^ 072 > 62125",                      // -4 >> 37
		"tcp-cwr << 4 + tcp-push * 0x7c55 / 2 >= len", // 128 << a large count
		"0x347 >> 1 >= tcp-cwr << 8 - 50496",
	} {
		for _, mkVM := range []func([]bpf.Instruction) (*VM, error){NewVM, NewVMLibpcap} {
			var verdicts [2]uint32
			for i, optimize := range []bool{false, true} {
				prog, err := Compile(expr, Options{LinkType: LinkEN10MB, Optimize: optimize})
				if err != nil {
					t.Fatalf("%q (optimize %v): %v", expr, optimize, err)
				}
				vm, err := mkVM(prog)
				if err != nil {
					t.Fatalf("%q (optimize %v): %v", expr, optimize, err)
				}
				verdicts[i] = vm.Run(vmPacket, uint32(len(vmPacket)), nil)
			}
			if verdicts[0] != verdicts[1] {
				t.Errorf("%q: unoptimized %d, optimized %d", expr, verdicts[0], verdicts[1])
			}
		}
	}
}

// TestNewBlockZero checks that newBlock, which resets a reused block
// field by field, leaves it as a zero block (keeping only the room of its
// statements), whatever its fields held: a field added to oBlock and not
// reset there fails here.
func TestNewBlockZero(t *testing.T) {
	g := new(oGraph)
	b := g.newBlock()
	v := reflect.ValueOf(b).Elem()
	for i := range v.NumField() {
		// The fields are unexported: set them through their address.
		f := v.Field(i)
		f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
		switch f.Kind() {
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 3, 8))
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Int, reflect.Int32, reflect.Int64:
			f.SetInt(7)
		case reflect.Uint16, reflect.Uint32, reflect.Uint64:
			f.SetUint(7)
		default:
			t.Fatalf("field %s of kind %s: teach this test to set it", v.Type().Field(i).Name, f.Kind())
		}
	}
	g.used = 0
	if n := g.newBlock(); n != b {
		t.Fatal("newBlock did not reuse the arena's first block")
	}
	if len(b.stmts) != 0 || cap(b.stmts) != 8 {
		t.Errorf("stmts: len %d cap %d, want 0 and the room kept (8)", len(b.stmts), cap(b.stmts))
	}
	want := oBlock{stmts: b.stmts}
	if !reflect.DeepEqual(*b, want) {
		t.Errorf("newBlock left %+v, want a zero block", *b)
	}
}
