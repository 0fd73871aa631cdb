//go:build linux

package translate_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cilium/ebpf/asm"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/ebpf"
	"github.com/gocap/gocap/internal/classicgen"
	"github.com/gocap/gocap/translate"
)

// requireBPF skips the test unless this process may load BPF programs.
// Only EPERM (not root, no CAP_BPF) skips; other failures fail the test.
func requireBPF(t *testing.T) {
	t.Helper()
	prog, err := ebpf.LoadSocketFilter(asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()})
	if errors.Is(err, unix.EPERM) {
		t.Skipf("skipping: loading a BPF program failed with EPERM; run the tests as root or with CAP_BPF and CAP_PERFMON (%v)", err)
	}
	if err != nil {
		t.Fatalf("loading a trivial socket filter: %v", err)
	}
	prog.Close()
}

// Offsets in struct __sk_buff (include/uapi/linux/bpf.h).
const (
	skbDataOff    = 76
	skbDataEndOff = 80
)

// tcHost is a TC classifier shaped like the programs elibpcap serves: its
// main body calls two stubs, filter_l2 with the frame (r4 = data) and
// filter_l3 with the network layer (r4 = data + 14), each as
// stub(ctx, ctx, ctx, r4, data_end), and returns l2 | l3<<1. The stubs
// return 0 until a filter is injected into them.
func tcHost() asm.Instructions {
	call := func(stub string, skip int32) asm.Instructions {
		insns := asm.Instructions{
			asm.LoadMem(asm.R4, asm.R6, skbDataOff, asm.Word),
			asm.LoadMem(asm.R5, asm.R6, skbDataEndOff, asm.Word),
		}
		if skip != 0 {
			insns = append(insns, asm.Add.Imm(asm.R4, skip))
		}
		return append(insns,
			asm.Mov.Reg(asm.R1, asm.R6),
			asm.Mov.Reg(asm.R2, asm.R6),
			asm.Mov.Reg(asm.R3, asm.R6),
			asm.Call.Label(stub))
	}
	insns := asm.Instructions{asm.Mov.Reg(asm.R6, asm.R1).WithSymbol("classifier")}
	insns = append(insns, call("filter_l2", 0)...)
	insns = append(insns, asm.Mov.Reg(asm.R7, asm.R0))
	insns = append(insns, call("filter_l3", 14)...)
	insns = append(insns,
		asm.LSh.Imm(asm.R0, 1),
		asm.Or.Reg(asm.R0, asm.R7),
		asm.Return(),
		// The stubs: return data != data_end, as elibpcap's C stubs
		// do, in two instructions each so that a body is replaced.
		asm.Mov.Imm(asm.R0, 0).WithSymbol("filter_l2"),
		asm.Return(),
		asm.Mov.Imm(asm.R0, 0).WithSymbol("filter_l3"),
		asm.Return(),
	)
	return insns
}

// injectCase is one expression, compiled for Ethernet (the L2 stub) and
// for raw IP (the L3 stub).
type injectCase struct {
	expr   string
	l2, l3 []bpf.Instruction
	vm2    *cbpf.VM
	vm3    *cbpf.VM
}

// injectExprs are the expressions the kernel tests run: loops
// (protochain), lengths, VLAN, IPv6, port ranges and header fields.
var injectExprs = []string{
	"tcp port 80",
	"udp",
	"ip6",
	"vlan",
	"vlan and tcp",
	"ip6 and tcp",
	"icmp or arp",
	"tcp portrange 20-1024",
	"udp portrange 53-5353",
	"greater 200",
	"len < 80",
	"less 100 and ip",
	"protochain 6",
	"ip6 protochain 17",
	"protochain 58 or protochain 1",
	"tcp[tcpflags] & tcp-syn != 0",
	"ip[2:2] > 500",
	"ip and ip[8] < 64",
	"ether broadcast or ether multicast",
	"not ip and not ip6",
	"net 10.0.0.0/8 or net 192.168.0.0/16",
	"icmp6",
}

// compileInjectCases compiles every expression for both link types; an
// expression that has no meaning for raw IP (vlan, ether) keeps the raw
// IP program nil.
func compileInjectCases(t *testing.T) []injectCase {
	t.Helper()
	var cases []injectCase
	for _, expr := range injectExprs {
		c := injectCase{expr: expr}
		var err error
		c.l2, err = cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true})
		if err != nil {
			t.Fatalf("%q (Ethernet): %v", expr, err)
		}
		if c.vm2, err = cbpf.NewVMLibpcap(c.l2); err != nil {
			t.Fatalf("%q: %v", expr, err)
		}
		if l3, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkRaw, Optimize: true}); err == nil {
			c.l3 = l3
			if c.vm3, err = cbpf.NewVMLibpcap(l3); err != nil {
				t.Fatalf("%q: %v", expr, err)
			}
		}
		cases = append(cases, c)
	}
	return cases
}

// TestInjectTC injects every expression, for Ethernet into filter_l2 and
// for raw IP into filter_l3, in every access mode, loads the program as a
// TC classifier and runs it with BPF_PROG_TEST_RUN on every Ethernet
// packet of the captures. Each stub's verdict must be the classic
// interpreter's (libpcap mode, for protochain's loops), on the frame and
// on the frame without its first 14 bytes.
func TestInjectTC(t *testing.T) {
	requireBPF(t)
	pkts := capturePackets(t)
	cases := compileInjectCases(t)
	host := tcHost()

	runnable := testRunnable(t, pkts)
	for _, mode := range accessModes {
		var runs, agree2, agree3, exprs, match2, match3 int
		for _, c := range cases {
			l3 := c.l3
			if l3 == nil {
				l3 = acceptAll
			}
			insns, err := translate.Inject(host, "filter_l2", c.l2, translate.InjectOptions{Access: mode})
			if err != nil {
				t.Fatalf("%v %q: %v", mode, c.expr, err)
			}
			insns, err = translate.Inject(insns, "filter_l3", l3, translate.InjectOptions{Access: mode})
			if err != nil {
				t.Fatalf("%v %q: %v", mode, c.expr, err)
			}
			prog, err := ebpf.LoadSchedCLS(insns)
			if err != nil {
				t.Fatalf("%v %q: %v", mode, c.expr, err)
			}
			exprs++
			var bad int
			for i, p := range pkts {
				if !runnable[i] {
					continue
				}
				got, err := ebpf.TestRun(prog, p.data)
				if err != nil {
					t.Fatalf("%v %q %s: %v", mode, c.expr, p.name, err)
				}
				runs++
				want2 := c.vm2.Run(p.data, uint32(len(p.data)), &cbpf.Ancillary{}) != 0
				want3 := true
				if c.vm3 != nil {
					want3 = c.vm3.Run(p.data[14:], uint32(len(p.data)-14), &cbpf.Ancillary{}) != 0
				}
				if want2 {
					match2++
				}
				if want3 {
					match3++
				}
				if got&1 != 0 == want2 {
					agree2++
				} else if bad++; bad <= 3 {
					t.Errorf("%v %q (Ethernet) %s: kernel %v, classic %v", mode, c.expr, p.name, got&1 != 0, want2)
				}
				if got&2 != 0 == want3 {
					agree3++
				} else if bad++; bad <= 3 {
					t.Errorf("%v %q (raw IP) %s: kernel %v, classic %v", mode, c.expr, p.name, got&2 != 0, want3)
				}
				if got > 3 {
					t.Fatalf("%v %q %s: return value %d: a stub returned something other than 0 or 1", mode, c.expr, p.name, got)
				}
			}
			prog.Close()
		}
		t.Logf("%v: %d expressions, %d runs; Ethernet stub agrees %d/%d (%d matches), raw IP stub agrees %d/%d (%d matches)",
			mode, exprs, runs, agree2, runs, match2, agree3, runs, match3)
		if runs == 0 {
			t.Errorf("%v: no packet ran", mode)
		}
	}
}

// testRunnable reports which packets BPF_PROG_TEST_RUN takes for a TC
// program (it refuses packets larger than about a page).
func testRunnable(t *testing.T, pkts []packet) []bool {
	t.Helper()
	prog, err := ebpf.LoadSchedCLS(asm.Instructions{asm.Mov.Imm(asm.R0, 0), asm.Return()})
	if err != nil {
		t.Fatal(err)
	}
	defer prog.Close()
	ok := make([]bool, len(pkts))
	var refused int
	for i, p := range pkts {
		_, err := ebpf.TestRun(prog, p.data)
		switch {
		case err == nil:
			ok[i] = true
		case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOMEM):
			refused++
		default:
			t.Fatalf("%s: %v", p.name, err)
		}
	}
	t.Logf("%d packets; the kernel refuses to test-run %d of them (too large)", len(pkts), refused)
	return ok
}

// TestInjectLineInfo injects into a program whose every instruction
// carries a source line, as a program loaded from an ELF file with BTF
// line info does: the kernel wants line info at the start of every
// function. The injected program must load; the same program with the
// stub's first instruction stripped of its line shows that the check is
// real.
func TestInjectLineInfo(t *testing.T) {
	requireBPF(t)
	host := tcHost()
	for i := range host {
		host[i] = host[i].WithSource(asm.Comment(fmt.Sprintf("host.c:%d", i+1)))
	}
	prog, err := cbpf.Compile("ip6 protochain 17", cbpf.Options{LinkType: cbpf.LinkEN10MB})
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range accessModes {
		insns, err := translate.Inject(host, "filter_l2", prog, translate.InjectOptions{Access: mode})
		if err != nil {
			t.Fatal(err)
		}
		p, err := ebpf.LoadSchedCLS(insns)
		if err != nil {
			t.Fatalf("%v: %v", mode, err)
		}
		p.Close()

		// The control: without a line at the start of filter_l2.
		broken := append(asm.Instructions(nil), insns...)
		for i := range broken {
			if broken[i].Symbol() == "filter_l2" {
				broken[i] = broken[i].WithSource(nil)
			}
		}
		p, err = ebpf.LoadSchedCLS(broken)
		if err == nil {
			p.Close()
			t.Fatalf("%v: the program without line info at the stub loads: the kernel does not check what this test relies on", mode)
		}
		if !strings.Contains(err.Error(), "bpf_line_info") {
			t.Fatalf("%v: the control fails with %v, not missing line info", mode, err)
		}
	}
}

// fragmentHost builds a TC classifier that embeds two fragments directly,
// as a cbpfc user does: registers of the caller's choosing (packet bounds
// in R2 and R3, the context in R9, the verdict in R8, R4-R7 to work in),
// 64 bytes of the caller's own locals above the fragments' stack, which
// hold canaries, and the L3 fragment reusing R2 and R3 after the L2 one,
// which must not have changed them. It returns l2 | l3<<1, or 100 if a
// canary changed.
func fragmentHost(t *testing.T, l2, l3 []bpf.Instruction, access translate.Access) asm.Instructions {
	t.Helper()
	const canary = 0x1122334455667788
	opts := func(prefix string) translate.FragmentOptions {
		o := fragOpts(access)
		o.LabelPrefix = prefix
		o.ResultLabel = prefix + "_done"
		return o
	}
	f2, err := translate.Fragment(l2, opts("l2"))
	if err != nil {
		t.Fatal(err)
	}
	f3, err := translate.Fragment(l3, opts("l3"))
	if err != nil {
		t.Fatal(err)
	}
	insns := asm.Instructions{
		asm.Mov.Reg(asm.R9, asm.R1),
		asm.LoadImm(asm.R1, canary, asm.DWord),
		asm.StoreMem(asm.RFP, -8, asm.R1, asm.DWord),
		asm.StoreMem(asm.RFP, -64, asm.R1, asm.DWord),
	}
	if access == translate.AccessSkbLoadBytes {
		// Offsets from skb->data: the whole frame is 0 to skb->len.
		insns = append(insns,
			asm.Mov.Imm(asm.R2, 0),
			asm.LoadMem(asm.R3, asm.R9, 0, asm.Word))
	} else {
		insns = append(insns,
			asm.LoadMem(asm.R2, asm.R9, skbDataOff, asm.Word),
			asm.LoadMem(asm.R3, asm.R9, skbDataEndOff, asm.Word))
	}
	insns = append(insns, f2...)
	insns = append(insns,
		asm.StoreMem(asm.RFP, -16, asm.R8, asm.DWord).WithSymbol("l2_done"),
		asm.Add.Imm(asm.R2, 14))
	insns = append(insns, f3...)
	return append(insns,
		asm.Mov.Imm(asm.R0, 0).WithSymbol("l3_done"),
		asm.JEq.Imm32(asm.R8, 0, "l3_zero"),
		asm.Mov.Imm(asm.R0, 2),
		asm.LoadMem(asm.R1, asm.RFP, -16, asm.DWord).WithSymbol("l3_zero"),
		asm.JEq.Imm32(asm.R1, 0, "canaries"),
		asm.Or.Imm(asm.R0, 1),
		asm.LoadImm(asm.R2, canary, asm.DWord).WithSymbol("canaries"),
		asm.LoadMem(asm.R1, asm.RFP, -8, asm.DWord),
		asm.JNE.Reg(asm.R1, asm.R2, "trampled"),
		asm.LoadMem(asm.R1, asm.RFP, -64, asm.DWord),
		asm.JNE.Reg(asm.R1, asm.R2, "trampled"),
		asm.Return(),
		asm.Mov.Imm(asm.R0, 100).WithSymbol("trampled"),
		asm.Return())
}

// TestFragmentTC runs fragments embedded with caller-chosen registers and
// stack offset (fragmentHost) in every access mode over every third
// packet of the captures, against the classic interpreter: the
// expressions of TestInjectTC and the programs of TestFragmentShape.
//
// "protochain 58 or protochain 1" is left out: its two loops cost the
// verifier about 230,000 instructions per fragment in the helper modes
// (each of the 256 iterations a loop may take is a state of its own), and
// two such fragments in one function, the second explored once per
// verdict of the first, exceed its budget of a million. Inject, which puts
// each filter in a function of its own, runs it in TestInjectTC.
func TestFragmentTC(t *testing.T) {
	requireBPF(t)
	pkts := capturePackets(t)
	runnable := testRunnable(t, pkts)
	for _, mode := range accessModes {
		var runs, agree int
		cases := compileInjectCases(t)
		// The programs of TestFragmentShape, far [x + k] among them,
		// at both layers.
		for name, prog := range fragmentPrograms(t) {
			vm, err := cbpf.NewVMLibpcap(prog)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, injectCase{expr: name, l2: prog, l3: prog, vm2: vm, vm3: vm})
		}
		for _, c := range cases {
			if c.expr == "protochain 58 or protochain 1" {
				continue
			}
			l3 := c.l3
			if l3 == nil {
				l3 = acceptAll
			}
			prog, err := ebpf.LoadSchedCLS(fragmentHost(t, c.l2, l3, mode))
			if err != nil {
				t.Fatalf("%v %q: %v", mode, c.expr, err)
			}
			for i := 0; i < len(pkts); i += 3 {
				p := pkts[i]
				if !runnable[i] {
					continue
				}
				got, err := ebpf.TestRun(prog, p.data)
				if err != nil {
					t.Fatalf("%v %q %s: %v", mode, c.expr, p.name, err)
				}
				var want uint32
				if c.vm2.Run(p.data, uint32(len(p.data)), &cbpf.Ancillary{}) != 0 {
					want |= 1
				}
				if c.vm3 == nil || c.vm3.Run(p.data[14:], uint32(len(p.data)-14), &cbpf.Ancillary{}) != 0 {
					want |= 2
				}
				runs++
				if got == want {
					agree++
				} else {
					t.Errorf("%v %q %s: kernel returns %d, classic verdicts give %d (100: the caller's stack changed)", mode, c.expr, p.name, got, want)
				}
			}
			prog.Close()
		}
		t.Logf("%v: %d of %d runs agree", mode, agree, runs)
	}
}

// TestFragmentRandomTC runs fragments of classic programs nobody's
// compiler wrote, 200 of every opcode from internal/classicgen (those that
// read neither ancillary data, nor a special or negative offset, nor
// [x + k]: the fragments' documented differences from the kernel's
// classic semantics are there), embedded as fragmentHost embeds them in
// every access mode, over a sample of the captures' packets: the kernel's
// verdicts must be the classic interpreter's.
func TestFragmentRandomTC(t *testing.T) {
	requireBPF(t)
	pkts := capturePackets(t)
	runnable := testRunnable(t, pkts)
	rng := rand.New(rand.NewPCG(7, 12))
	var progs [][]bpf.Instruction
	var vms []*cbpf.VM
	for len(progs) < 200 {
		raw := classicgen.Random(rng, 30)
		plain := true
		for _, in := range raw {
			switch {
			case in.Op == 0x40 || in.Op == 0x48 || in.Op == 0x50:
				plain = false
			case (in.Op == 0x20 || in.Op == 0x28 || in.Op == 0x30 || in.Op == 0xb1) && int32(in.K) < 0:
				plain = false
			}
		}
		prog := cbpf.Typed(raw)
		vm, err := cbpf.NewVM(prog)
		if !plain || err != nil {
			continue
		}
		progs, vms = append(progs, prog), append(vms, vm)
	}
	for _, mode := range accessModes {
		var runs, agree, passed int
		for i, prog := range progs {
			kp, err := ebpf.LoadSchedCLS(fragmentHost(t, prog, prog, mode))
			if err != nil {
				listing, _ := cbpf.Format(prog)
				t.Fatalf("%v: the verifier refuses the fragments: %v\n%s", mode, err, listing)
			}
			for j := i % 7; j < len(pkts); j += 97 {
				p := pkts[j]
				if !runnable[j] || len(p.data) < 14 {
					continue
				}
				got, err := ebpf.TestRun(kp, p.data)
				if err != nil {
					t.Fatalf("%v %s: %v", mode, p.name, err)
				}
				var want uint32
				if vms[i].Run(p.data, uint32(len(p.data)), &cbpf.Ancillary{}) != 0 {
					want |= 1
				}
				if vms[i].Run(p.data[14:], uint32(len(p.data)-14), &cbpf.Ancillary{}) != 0 {
					want |= 2
				}
				runs++
				if want != 0 {
					passed++
				}
				if got == want {
					agree++
				} else {
					listing, _ := cbpf.Format(prog)
					t.Errorf("%v %s: kernel returns %d, classic verdicts give %d (100: the caller's stack changed)\n%s", mode, p.name, got, want, listing)
				}
			}
			kp.Close()
		}
		t.Logf("%v: %d of %d runs agree (%d with a verdict other than 0)", mode, agree, runs, passed)
		if passed < runs/10 {
			t.Errorf("%v: only %d of %d runs pass a packet: the sample no longer exercises much", mode, passed, runs)
		}
	}
}
