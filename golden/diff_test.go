package golden

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/golden/internal/pcapfile"
	"github.com/gocap/gocap/internal/corpus"
	"github.com/gocap/gocap/parser"
	"github.com/gocap/gocap/translate"
)

// This file checks package translate against the Linux kernel: every
// program of the libpcap corpus and of the golden verdict files is
// translated for each target and loaded (the verifier must accept it), and
// each one runs over every packet of the shared captures, where the
// classic reference interpreter (cbpf.VM) and the kernel
// (BPF_PROG_TEST_RUN) must agree on the verdict.

// diffFull makes TestDifferential run the kernel on every packet; by
// default it runs the kernel on every kernelStride-th packet (the eBPF VM
// and the reference interpreter always run them all), because each kernel
// run is a system call and all of them take minutes.
var diffFull = flag.Bool("diff.full", os.Getenv("GOCAP_DIFF_FULL") != "",
	"TestDifferential: run the kernel on every packet, not every 8th (default: $GOCAP_DIFF_FULL set)")

// xdpLinear is how much of a packet BPF_PROG_TEST_RUN puts in the linear
// part of an XDP buffer on x86-64: a 4096-byte page minus
// XDP_PACKET_HEADROOM (256) and the aligned struct skb_shared_info (320).
// The rest goes to fragments, which direct packet access does not see.
const xdpLinear = 4096 - 256 - 320

// kernelStride is how TestDifferential samples packets for kernel runs
// without -diff.full.
const kernelStride = 8

// tcpdumpPcapDir holds the shared captures.
var tcpdumpPcapDir = filepath.Join("..", "..", "shared", "corpus", "tcpdump-pcaps")

// diffProgram is one classic program under test.
type diffProgram struct {
	id   string // where it came from: a corpus case ID or verdict/CAPTURE/EXPR
	prog []bpf.Instruction
}

// diffPrograms compiles the corpus's accept cases (all link types) and the
// golden verdict expressions, keeping one program per
// distinct listing. Cases that do not compile yet (the expected-failures
// lists) are counted and left out.
func diffPrograms(t *testing.T) []diffProgram {
	t.Helper()
	cases := corpus.LoadShared(t)
	env := corpus.GocapEnv()
	res := fixtureResolver(t)
	seen := make(map[string]bool)
	var progs []diffProgram
	add := func(id string, prog []bpf.Instruction) {
		listing, err := cbpf.Format(prog)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if seen[listing] {
			return
		}
		seen[listing] = true
		progs = append(progs, diffProgram{id: id, prog: prog})
	}
	var corpusN, corpusBad int
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
			corpusBad++
			continue
		}
		prog, err := compile(c.Expr, opts)
		if err != nil {
			corpusBad++
			continue
		}
		corpusN++
		add(c.ID(), prog)
	}
	var goldenN, goldenBad int
	for _, vf := range loadVerdicts(t) {
		lt, ok := cbpf.LinkTypeByName(vf.LinkType)
		if !ok {
			continue
		}
		pf, err := pcapfile.ReadFile(filepath.Join("testdata", "pcap", vf.Capture))
		if err != nil {
			t.Fatal(err)
		}
		opts := cbpf.Options{
			LinkType: lt, Snaplen: vf.Snaplen, NetmaskSet: true,
			Offline: true, Swapped: pf.Header.ByteOrder != hostOrder(),
			Resolver: parser.DefaultResolver(),
		}
		for _, r := range vf.Records {
			if r.Error != "" {
				continue
			}
			prog, err := compile(r.Expr, opts)
			if err != nil {
				goldenBad++
				continue
			}
			goldenN++
			add("verdict/"+strings.TrimSuffix(vf.Capture, ".pcap")+"/"+r.Expr, prog)
		}
	}
	if len(progs) == 0 {
		t.Fatal("no programs to translate")
	}
	t.Logf("programs: %d corpus accept cases compiled (%d do not compile yet), %d golden verdict expressions (%d do not compile yet); %d distinct programs",
		corpusN, corpusBad, goldenN, goldenBad, len(progs))
	return progs
}

// requireKernel skips the test unless this process may load BPF programs:
// it skips only when the kernel answers EPERM (no CAP_BPF / not root) or
// the OS is not Linux, and fails on any other error.
func requireKernel(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skipf("kernel tests need Linux; this is %s", runtime.GOOS)
	}
	prog, err := ebpf.LoadSocketFilter(asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()})
	if errors.Is(err, unix.EPERM) {
		t.Skipf("skipping: loading a BPF program failed with EPERM; run the tests as root or with CAP_BPF (%v)", err)
	}
	if err != nil {
		t.Fatalf("loading a trivial socket filter: %v", err)
	}
	prog.Close()
}

// kernelProgs are the three translations of one classic program, loaded.
type kernelProgs struct {
	socket    *cebpf.Program // SocketFilter body loaded as SchedCLS, to test-run from the link-layer header
	tc, xdp   *cebpf.Program // Direct(TC), Direct(XDP); xdp is nil when XDP cannot express the program
	socketBPF asm.Instructions
}

func (k *kernelProgs) close() {
	for _, p := range []*cebpf.Program{k.socket, k.tc, k.xdp} {
		if p != nil {
			p.Close()
		}
	}
}

// verifierStats counts translations and loads per target.
type verifierStats struct {
	translated, loaded, unsupported int
}

// loadTranslations translates p for every target and loads each result;
// the socket-filter body is loaded both as a socket filter and as SchedCLS.
// Failures are reported with t.Errorf; a nil result means something
// failed.
func loadTranslations(t *testing.T, p diffProgram, st map[string]*verifierStats) *kernelProgs {
	t.Helper()
	var kp kernelProgs
	ok := true
	fail := func(format string, args ...any) {
		ok = false
		msg := fmt.Sprintf(format, args...)
		if len(msg) > 4000 {
			msg = msg[:2000] + "\n[...]\n" + msg[len(msg)-2000:]
		}
		t.Errorf("%s: %s", p.id, msg)
	}
	sock, err := translate.SocketFilter(p.prog)
	if err != nil {
		fail("SocketFilter: %v", err)
		return nil
	}
	st["socket"].translated++
	kp.socketBPF = sock
	if prog, err := ebpf.LoadSocketFilter(sock); err != nil {
		fail("%v", err)
	} else {
		st["socket"].loaded++
		prog.Close()
	}
	if kp.socket, err = ebpf.LoadSchedCLS(sock); err != nil {
		fail("socket body as SchedCLS: %v", err)
	} else {
		st["socket-as-SchedCLS"].loaded++
		st["socket-as-SchedCLS"].translated++
	}
	for _, target := range []translate.Target{translate.TC, translate.XDP} {
		name := target.String()
		insns, err := translate.Direct(p.prog, target)
		if target == translate.XDP && errors.Is(err, translate.ErrUnsupported) {
			st[name].unsupported++
			continue
		}
		if err != nil {
			fail("Direct(%v): %v", target, err)
			continue
		}
		st[name].translated++
		load := ebpf.LoadSchedCLS
		if target == translate.XDP {
			load = ebpf.LoadXDP
		}
		prog, err := load(insns)
		if err != nil {
			fail("Direct(%v): %v", target, err)
			continue
		}
		st[name].loaded++
		if target == translate.TC {
			kp.tc = prog
		} else {
			kp.xdp = prog
		}
	}
	if !ok {
		kp.close()
		return nil
	}
	return &kp
}

// TestKernelVerifier translates every program for every target and loads
// it into the kernel: the verifier must accept all of them.
func TestKernelVerifier(t *testing.T) {
	requireKernel(t)
	progs := diffPrograms(t)
	st := newVerifierStats()
	for _, p := range progs {
		if kp := loadTranslations(t, p, st); kp != nil {
			kp.close()
		}
	}
	logVerifierStats(t, len(progs), st)
}

func newVerifierStats() map[string]*verifierStats {
	return map[string]*verifierStats{
		"socket": {}, "socket-as-SchedCLS": {}, "TC": {}, "XDP": {},
	}
}

func logVerifierStats(t *testing.T, n int, st map[string]*verifierStats) {
	t.Helper()
	for _, name := range []string{"socket", "socket-as-SchedCLS", "TC", "XDP"} {
		s := st[name]
		line := fmt.Sprintf("verifier: %-18s %4d/%d programs translated, %4d loaded", name, s.translated, n, s.loaded)
		if s.unsupported > 0 {
			line += fmt.Sprintf(", %d not expressible (translate.ErrUnsupported)", s.unsupported)
		}
		t.Log(line)
	}
}

// diffPacket is one packet of the shared captures.
type diffPacket struct {
	name string // CAPTURE#INDEX
	data []byte
	skb  cbpf.Ancillary // what the kernel's test run gives an SchedCLS program
	xdp  cbpf.Ancillary // what it gives an XDP program
}

// diffPackets reads every packet of the shared captures and of the golden
// captures, one copy of each distinct packet. BPF_PROG_TEST_RUN needs at
// least an Ethernet header's 14 bytes; shorter packets are left out and
// counted.
func diffPackets(t *testing.T) []diffPacket {
	t.Helper()
	shared, err := filepath.Glob(filepath.Join(tcpdumpPcapDir, "*.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	if len(shared) == 0 {
		t.Skipf("no captures in %s: it is in ../shared beside the checkout (see DEVELOPERS.md)", tcpdumpPcapDir)
	}
	local, err := filepath.Glob(filepath.Join("testdata", "pcap", "*.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	if len(local) == 0 {
		t.Fatal("no testdata/pcap/*.pcap: run golden/gen.sh")
	}
	seen := make(map[string]bool)
	var pkts []diffPacket
	var files, unreadable, short, dup int
	for _, path := range append(shared, local...) {
		pf, err := pcapfile.ReadFile(path)
		if err != nil {
			unreadable++
			continue
		}
		files++
		for i, p := range pf.Packets {
			switch {
			case len(p.Data) < 14:
				short++
			case seen[string(p.Data)]:
				dup++
			default:
				seen[string(p.Data)] = true
				pkts = append(pkts, diffPacket{name: fmt.Sprintf("%s#%d", filepath.Base(path), i), data: p.Data})
			}
		}
	}
	if len(pkts) == 0 {
		t.Fatal("no packets in the captures")
	}
	t.Logf("packets: %d distinct from %d captures (%d files this reader cannot read, %d packets shorter than 14 bytes, %d duplicates left out)",
		len(pkts), files, unreadable, short, dup)
	return pkts
}

// Test-run ancillary model: what BPF_PROG_TEST_RUN puts in the sk_buff of
// a packet that "arrives" on the loopback device (net/bpf/test_run.c,
// eth_type_trans).
const (
	packetHost      = 0 // PACKET_HOST
	packetMulticast = 2 // PACKET_MULTICAST
	packetOtherHost = 3 // PACKET_OTHERHOST
	loopbackIfindex = 1
)

// modelAncillary is the metadata the kernel's test run gives pkt: the
// protocol and packet type eth_type_trans derives for the loopback device
// (whose address is all zeros), interface 1, no VLAN tag. checkAncillary
// compares it with the kernel's own answer.
func modelAncillary(pkt []byte) (skb, xdp cbpf.Ancillary) {
	skb.Ifindex = loopbackIfindex
	// The loopback device's hardware and broadcast addresses are both
	// all zeros, so ff:ff:ff:ff:ff:ff is just a multicast address to it.
	switch dst := pkt[:6]; {
	case dst[0]&1 != 0:
		skb.PktType = packetMulticast
	case string(dst) != "\x00\x00\x00\x00\x00\x00":
		skb.PktType = packetOtherHost
	default:
		skb.PktType = packetHost
	}
	switch proto := uint16(pkt[12])<<8 | uint16(pkt[13]); {
	case proto >= 0x0600:
		skb.Protocol = proto
	case len(pkt) >= 16 && pkt[14] == 0xff && pkt[15] == 0xff:
		skb.Protocol = 0x0001 // ETH_P_802_3: raw 802.3 (Novell)
	default:
		skb.Protocol = 0x0004 // ETH_P_802_2
	}
	xdp.Ifindex = loopbackIfindex
	return skb, xdp
}

// probe is a one-field program that returns a context field.
type probe struct {
	name string
	typ  cebpf.ProgramType
	off  int16
	be16 bool
	set  func(a *cbpf.Ancillary, v uint32)
}

var probes = []probe{
	{"pkt_type", cebpf.SchedCLS, 4, false, func(a *cbpf.Ancillary, v uint32) { a.PktType = uint8(v) }},
	{"mark", cebpf.SchedCLS, 8, false, func(a *cbpf.Ancillary, v uint32) { a.Mark = v }},
	{"queue_mapping", cebpf.SchedCLS, 12, false, func(a *cbpf.Ancillary, v uint32) { a.Queue = uint16(v) }},
	{"protocol", cebpf.SchedCLS, 16, true, func(a *cbpf.Ancillary, v uint32) { a.Protocol = uint16(v) }},
	{"vlan_present", cebpf.SchedCLS, 20, false, func(a *cbpf.Ancillary, v uint32) { a.VLANPresent = v != 0 }},
	{"vlan_tci", cebpf.SchedCLS, 24, false, func(a *cbpf.Ancillary, v uint32) { a.VLANTCI = uint16(v) }},
	{"vlan_proto", cebpf.SchedCLS, 28, true, func(a *cbpf.Ancillary, v uint32) { a.VLANProto = uint16(v) }},
	{"ifindex", cebpf.SchedCLS, 40, false, func(a *cbpf.Ancillary, v uint32) { a.Ifindex = v }},
	{"hash", cebpf.SchedCLS, 68, false, func(a *cbpf.Ancillary, v uint32) { a.RxHash = v }},
	{"ingress_ifindex", cebpf.XDP, 12, false, func(a *cbpf.Ancillary, v uint32) { a.Ifindex = v }},
	{"rx_queue_index", cebpf.XDP, 16, false, func(a *cbpf.Ancillary, v uint32) { a.Queue = uint16(v) }},
}

// checkAncillary asks the kernel, with one probe program per field, what
// metadata its test runs give each packet, and fails where the model
// disagrees: the differential test feeds the model to the interpreters.
func checkAncillary(t *testing.T, pkts []diffPacket) {
	t.Helper()
	var bad int
	for _, pr := range probes {
		insns := asm.Instructions{asm.LoadMem(asm.R0, asm.R1, pr.off, asm.Word)}
		if pr.be16 {
			insns = append(insns, asm.HostTo(asm.BE, asm.R0, asm.Half))
		}
		insns = append(insns, asm.Return())
		prog, err := cebpf.NewProgram(&cebpf.ProgramSpec{Type: pr.typ, Instructions: insns, License: "Dual BSD/GPL"})
		if err != nil {
			t.Fatalf("probe %s: %v", pr.name, err)
		}
		for i := range pkts {
			p := &pkts[i]
			v, err := ebpf.TestRun(prog, p.data)
			if err != nil {
				continue // too large for a test run; counted by the caller
			}
			var got cbpf.Ancillary
			want := p.skb
			if pr.typ == cebpf.XDP {
				want = p.xdp
			}
			got = want
			pr.set(&got, v)
			if got != want {
				if bad++; bad <= 5 {
					t.Errorf("%s: kernel test run gives %s = %d; the model says otherwise (%+v)", p.name, pr.name, v, want)
				}
			}
		}
		prog.Close()
	}
}

// kernelAllowed reports whether this process may load BPF programs; like
// requireKernel it accepts only EPERM and non-Linux systems as reasons
// not to, and logs why the kernel part is skipped.
func kernelAllowed(t *testing.T) bool {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Logf("kernel part skipped: BPF_PROG_TEST_RUN needs Linux; this is %s", runtime.GOOS)
		return false
	}
	prog, err := ebpf.LoadSocketFilter(asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()})
	if errors.Is(err, unix.EPERM) {
		t.Logf("kernel part skipped: loading a BPF program failed with EPERM; run the tests as root or with CAP_BPF (%v)", err)
		return false
	}
	if err != nil {
		t.Fatalf("loading a trivial socket filter: %v", err)
	}
	prog.Close()
	return true
}

// testRunnable reports, for each packet, whether BPF_PROG_TEST_RUN takes
// it for an sk_buff program and for an XDP program: both refuse packets
// larger than a page minus their head- and tailroom (EINVAL or, for very
// large ones, ENOMEM), and sk_buff runs refuse some malformed IP headers.
func testRunnable(t *testing.T, pkts []diffPacket) (skbOK, xdpOK []bool) {
	t.Helper()
	ret0 := asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()}
	skb, err := ebpf.LoadSchedCLS(ret0)
	if err != nil {
		t.Fatal(err)
	}
	defer skb.Close()
	xdp, err := ebpf.LoadXDP(ret0)
	if err != nil {
		t.Fatal(err)
	}
	defer xdp.Close()
	skbOK, xdpOK = make([]bool, len(pkts)), make([]bool, len(pkts))
	for i, p := range pkts {
		for _, c := range []struct {
			prog *cebpf.Program
			ok   []bool
		}{{skb, skbOK}, {xdp, xdpOK}} {
			_, err := ebpf.TestRun(c.prog, p.data)
			switch {
			case err == nil:
				c.ok[i] = true
			case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOMEM):
				t.Logf("%s: the kernel refuses to test-run this %d-byte packet (%v); it is left out of the kernel runs for %v", p.name, len(p.data), err, c.prog.Type())
			default:
				t.Fatalf("%s: test run of a program returning 0: %v", p.name, err)
			}
		}
	}
	return skbOK, xdpOK
}

// vmSKBuff is the __sk_buff the eBPF VM gives a program for a packet with
// ancillary data a.
func vmSKBuff(pkt []byte, a *cbpf.Ancillary) *ebpf.SKBuff {
	present := uint32(0)
	if a.VLANPresent {
		present = 1
	}
	return &ebpf.SKBuff{
		Len: uint32(len(pkt)), PktType: uint32(a.PktType), Mark: a.Mark, QueueMapping: uint32(a.Queue),
		Protocol: a.Protocol, VLANPresent: present, VLANTCI: uint32(a.VLANTCI), VLANProto: a.VLANProto,
		Ifindex: a.Ifindex, Hash: a.RxHash,
	}
}

// diffCount counts the packets one implementation ran and how many gave
// the reference's verdict.
type diffCount struct{ runs, agree int }

// TestDifferential runs every program of diffPrograms over every packet of
// diffPackets with the classic reference interpreter (cbpf.VM; its
// libpcap mode for programs with backward jumps), the eBPF VM (socket
// filter body, TC and XDP translations) and, when this process may load
// BPF programs, the kernel (BPF_PROG_TEST_RUN, on a sample of the packets
// unless -diff.full is given: the socket body loaded as
// SchedCLS, which sees the frame from its link-layer header, and the TC
// and XDP translations). All must give the same verdict for every packet:
// the classic value for the socket body, pass or drop for TC and XDP.
func TestDifferential(t *testing.T) {
	progs := diffPrograms(t)
	pkts := diffPackets(t)
	for i := range pkts {
		pkts[i].skb, pkts[i].xdp = modelAncillary(pkts[i].data)
	}
	kernel := kernelAllowed(t)
	var skbOK, xdpOK []bool
	if kernel {
		checkAncillary(t, pkts)
		skbOK, xdpOK = testRunnable(t, pkts)
	}

	var curLen uint64
	helpers := []ebpf.Option{
		ebpf.WithHelper(int32(asm.FnGetSmpProcessorId), func(_, _, _, _, _ uint64) (uint64, error) { return 0, nil }),
		ebpf.WithHelper(int32(asm.FnGetPrandomU32), func(_, _, _, _, _ uint64) (uint64, error) { return 0, nil }),
		ebpf.WithHelper(int32(asm.FnXdpGetBuffLen), func(_, _, _, _, _ uint64) (uint64, error) { return curLen, nil }),
	}
	names := []string{"vm/socket", "vm/TC", "vm/XDP", "kernel/socket-as-SchedCLS", "kernel/TC", "kernel/XDP"}
	counts := make(map[string]*diffCount)
	for _, n := range names {
		counts[n] = &diffCount{}
	}
	st := newVerifierStats()
	var libpcapMode, mismatches, xdpFrags int
	for _, p := range progs {
		ref, err := cbpf.NewVM(p.prog)
		if err != nil {
			if ref, err = cbpf.NewVMLibpcap(p.prog); err != nil {
				t.Errorf("%s: the reference interpreter refuses the program: %v", p.id, err)
				continue
			}
			libpcapMode++
		}
		var vms [3]*ebpf.VM // socket, TC, XDP
		for i, target := range []translate.Target{0, translate.TC, translate.XDP} {
			var insns asm.Instructions
			if target == 0 {
				insns, err = translate.SocketFilter(p.prog)
			} else {
				insns, err = translate.Direct(p.prog, target)
			}
			if target == translate.XDP && errors.Is(err, translate.ErrUnsupported) {
				continue
			}
			if err != nil {
				t.Errorf("%s: translate for %v: %v", p.id, target, err)
				continue
			}
			if vms[i], err = ebpf.NewVM(insns, helpers...); err != nil {
				t.Errorf("%s: the eBPF VM refuses the %v translation: %v", p.id, target, err)
			}
		}
		var kp *kernelProgs
		if kernel {
			if kp = loadTranslations(t, p, st); kp == nil {
				continue
			}
		}
		var bad []string
		check := func(name string, pkt *diffPacket, got, want uint32, err error) {
			c := counts[name]
			c.runs++
			if err == nil && got == want {
				c.agree++
				return
			}
			mismatches++
			if len(bad) < 3 {
				if err != nil {
					bad = append(bad, fmt.Sprintf("%s: %s: %v (want %d)", pkt.name, name, err, want))
				} else {
					bad = append(bad, fmt.Sprintf("%s: %s gives %d, want %d", pkt.name, name, got, want))
				}
			}
		}
		tcVerdict := func(v uint32) uint32 {
			if v != 0 {
				return translate.TCActOK
			}
			return translate.TCActShot
		}
		xdpVerdict := func(v uint32) uint32 {
			if v != 0 {
				return translate.XDPPass
			}
			return translate.XDPDrop
		}
		for i := range pkts {
			pkt := &pkts[i]
			n := uint32(len(pkt.data))
			curLen = uint64(n)
			want := ref.Run(pkt.data, n, &pkt.skb)
			wantXDP := ref.Run(pkt.data, n, &pkt.xdp)
			skb := vmSKBuff(pkt.data, &pkt.skb)
			if vms[0] != nil {
				got, err := vms[0].RunSocket(pkt.data, skb)
				check("vm/socket", pkt, got, want, err)
			}
			if vms[1] != nil {
				got, err := vms[1].RunSocket(pkt.data, skb)
				check("vm/TC", pkt, got, tcVerdict(want), err)
			}
			if vms[2] != nil {
				got, err := vms[2].RunXDP(pkt.data, &ebpf.XDPMD{IngressIfindex: pkt.xdp.Ifindex, RxQueueIndex: uint32(pkt.xdp.Queue)})
				check("vm/XDP", pkt, got, xdpVerdict(wantXDP), err)
			}
			if kp == nil || (!*diffFull && i%kernelStride != 0) {
				continue
			}
			if skbOK[i] {
				got, err := ebpf.TestRun(kp.socket, pkt.data)
				check("kernel/socket-as-SchedCLS", pkt, got, want, err)
				got, err = ebpf.TestRun(kp.tc, pkt.data)
				check("kernel/TC", pkt, got, tcVerdict(want), err)
			}
			if xdpOK[i] && kp.xdp != nil {
				// A test run puts only the first xdpLinear bytes
				// in the XDP buffer's linear part, all that direct
				// packet access sees; the rest goes to fragments.
				w := wantXDP
				if len(pkt.data) > xdpLinear {
					w = ref.Run(pkt.data[:xdpLinear], n, &pkt.xdp)
					xdpFrags++
				}
				got, err := ebpf.TestRun(kp.xdp, pkt.data)
				check("kernel/XDP", pkt, got, xdpVerdict(w), err)
			}
		}
		if kp != nil {
			kp.close()
		}
		if len(bad) > 0 {
			t.Errorf("%s: verdicts differ from the reference interpreter's:\n\t%s", p.id, strings.Join(bad, "\n\t"))
		}
	}
	t.Logf("differential: %d programs (%d run by the reference in libpcap mode: backward jumps) x %d packets", len(progs), libpcapMode, len(pkts))
	for _, n := range names {
		c := counts[n]
		t.Logf("differential: %-26s %9d/%-9d runs agree with cbpf.VM", n, c.agree, c.runs)
	}
	if xdpFrags > 0 {
		t.Logf("differential: %d kernel XDP runs had packets longer than the %d-byte linear part of a test run's XDP buffer; the reference ran on that part (with the full length for `len`)", xdpFrags, xdpLinear)
	}
	if kernel && !*diffFull {
		t.Logf("differential: the kernel ran every %dth packet; -diff.full (or GOCAP_DIFF_FULL=1) runs it on all", kernelStride)
	}
	if kernel {
		var skbN, xdpN int
		for i := range pkts {
			if skbOK[i] {
				skbN++
			}
			if xdpOK[i] {
				xdpN++
			}
		}
		t.Logf("differential: kernel test runs take %d/%d packets for sk_buff programs, %d/%d for XDP (the kernel refuses the others: see the log lines above)", skbN, len(pkts), xdpN, len(pkts))
	}
	if mismatches > 0 {
		t.Errorf("%d runs disagree with the reference interpreter", mismatches)
	}
}

// TestAttachSocket attaches a translated filter to a packet socket on the
// loopback device with SO_ATTACH_BPF (before binding it, so that nothing
// arrives unfiltered), sends UDP datagrams to two ports, and checks that
// the socket receives those to the filtered port and none of the others.
func TestAttachSocket(t *testing.T) {
	requireKernel(t)
	const port, otherPort = 47613, 47614
	prog, err := cbpf.Compile(fmt.Sprintf("udp dst port %d", port), cbpf.Options{LinkType: cbpf.LinkEN10MB, Snaplen: 262144})
	if err != nil {
		t.Fatal(err)
	}
	insns, err := translate.SocketFilter(prog)
	if err != nil {
		t.Fatal(err)
	}
	filter, err := ebpf.LoadSocketFilter(insns)
	if err != nil {
		t.Fatal(err)
	}
	defer filter.Close()

	const ethPAll = 0x0003
	htons := func(v uint16) uint16 { return v<<8 | v>>8 }
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, int(htons(ethPAll)))
	if errors.Is(err, unix.EPERM) {
		t.Skipf("skipping: opening a packet socket failed with EPERM; run as root or with CAP_NET_RAW (%v)", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	if err := ebpf.AttachSocket(fd, filter); err != nil {
		t.Fatal(err)
	}
	lo, err := net.InterfaceByName("lo")
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(ethPAll), Ifindex: lo.Index}); err != nil {
		t.Fatal(err)
	}
	if err := unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &unix.Timeval{Usec: 200000}); err != nil {
		t.Fatal(err)
	}

	for _, p := range []int{otherPort, port, otherPort, port} {
		c, err := net.DialUDP("udp4", nil, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: p})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Write([]byte("gocap")); err != nil {
			t.Fatal(err)
		}
		c.Close()
	}
	ref, err := cbpf.NewVM(prog)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 65536)
	var got int
	for {
		n, _, err := unix.Recvfrom(fd, buf, 0)
		if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EINTR) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got++
		pkt := buf[:n]
		if v := ref.Run(pkt, uint32(n), &cbpf.Ancillary{}); v == 0 {
			t.Errorf("the attached filter let through a packet the reference interpreter drops: % x", pkt)
		}
	}
	// Each datagram to the port crosses lo twice (out and in).
	if got == 0 {
		t.Fatalf("no packet to port %d reached the socket", port)
	}
	t.Logf("received %d packets to port %d, none to port %d", got, port, otherPort)

	// Detached, the socket sees the other port's datagrams too.
	if err := ebpf.DetachSocket(fd); err != nil {
		t.Fatal(err)
	}
	c, err := net.DialUDP("udp4", nil, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: otherPort})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Write([]byte("gocap")); err != nil {
		t.Fatal(err)
	}
	c.Close()
	others := 0
	for {
		n, _, err := unix.Recvfrom(fd, buf, 0)
		if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EINTR) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if ref.Run(buf[:n], uint32(n), &cbpf.Ancillary{}) == 0 {
			others++
		}
	}
	if others == 0 {
		t.Errorf("after DetachSocket, no packet the filter drops reached the socket")
	}
}
