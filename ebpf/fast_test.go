package ebpf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cilium/ebpf/asm"

	"github.com/gocap/gocap/cbpf"
	ubpfasm "github.com/gocap/gocap/ebpf/internal/asm"
	"github.com/gocap/gocap/translate"
)

// execTwin returns a VM running vm's program in exec, the general
// interpreter, even when it has compact forms.
func execTwin(vm *VM) *VM {
	c := vm.Clone()
	c.setForms(nil, nil)
	return c
}

// longTwin returns a VM running vm's program in the compact loops with a
// 16-bit index (socketLong, xdpLong, socketDirectLong) even when its forms
// are short enough for the others, or nil when it has no short form.
func longTwin(vm *VM) *VM {
	long := func(f *compactForm) *compactForm {
		if f == nil || f.loop != loopShort && f.loop != loopDirect {
			return nil
		}
		g := *f
		g.code = compactCode{}
		g.insts, g.nodes = slices.Clone(f.insts), slices.Clone(f.nodes)
		g.loop++ // loopShort to loopLong, loopDirect to loopDirectLong
		return &g
	}
	sock, xdp := vm.forms()
	sock, xdp = long(sock), long(xdp)
	if sock == nil && xdp == nil {
		return nil
	}
	c := vm.Clone()
	c.setForms(sock, xdp)
	return c
}

// outcome is what one run gives: r0, the error text and the memory after it.
type outcome struct {
	r0  uint64
	err string
	mem string
}

func outcomeOf(r0 uint64, err error, mem []byte) outcome {
	o := outcome{r0: r0, mem: string(mem)}
	if err != nil {
		o.err = err.Error()
	}
	return o
}

// runAllWays runs vm in the three calling conventions on copies of mem and
// returns their outcomes. Before each run it fills the compact loops' registers
// r0 to r9 with junk: a run must not read what it did not set.
func runAllWays(vm *VM, mem []byte, skb *SKBuff, md *XDPMD) [3]outcome {
	poison(vm)
	m := bytes.Clone(mem)
	r0, err := vm.Run(m)
	a := outcomeOf(r0, err, m)
	poison(vm)
	m = bytes.Clone(mem)
	v, err := vm.RunSocket(m, skb)
	b := outcomeOf(uint64(v), err, m)
	poison(vm)
	m = bytes.Clone(mem)
	v, err = vm.RunXDP(m, md)
	c := outcomeOf(uint64(v), err, m)
	return [3]outcome{a, b, c}
}

// poison fills r0 to r9 of the compact loops' registers with values no run
// sets (see runAllWays).
func poison(vm *VM) {
	for i := 0; i < regFP; i++ {
		vm.fregs[i] = 0x5a5a_0000_0000_5a5a | uint64(i)<<24
	}
}

// checkSameAsExec fails the test when vm's compact forms and exec disagree on
// mem in any calling convention: result, error (its text, with the slot) or
// what the run wrote.
func checkSameAsExec(t *testing.T, name string, vm *VM, mem []byte) {
	t.Helper()
	if l := longTwin(vm); l != nil {
		checkSameAsExec(t, name+" (16-bit index)", l, mem)
	}
	slow := execTwin(vm)
	skb := &SKBuff{Len: uint32(len(mem)) + 4, PktType: 3, Protocol: 0x86dd, VLANPresent: 1, VLANTCI: 0x1234, Ifindex: 7, Hash: 0xdeadbeef}
	md := &XDPMD{IngressIfindex: 2, RxQueueIndex: 5}
	for pass := 0; pass < 2; pass++ { // twice: the stack must be clean again
		for i, ctx := range []struct {
			skb *SKBuff
			md  *XDPMD
		}{{skb, md}, {nil, nil}} {
			got, want := runAllWays(vm, mem, ctx.skb, ctx.md), runAllWays(slow, mem, ctx.skb, ctx.md)
			if got != want {
				t.Fatalf("%s (pass %d, context %d): compact form gives %+v, exec %+v", name, pass, i, got, want)
			}
		}
	}
	checkBatch(t, name, vm, slow, mem, skb, md)
}

// TestFastFormConformance runs every program of the bpf_conformance corpus
// that has a fast form both ways, on its memory and on truncations of it,
// and requires the same outcomes.
func TestFastFormConformance(t *testing.T) {
	files := conformanceFiles(t, "tests")
	fast := 0
	for _, path := range files {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		df, err := ubpfasm.ParseDataFile(string(text))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		prog, err := df.Program()
		if err != nil {
			continue
		}
		vm, err := NewVMFromBytes(prog, WithHelper(5, unwindHelper))
		if err != nil {
			continue
		}
		if sock, xdp := vm.forms(); sock == nil && xdp == nil {
			continue
		}
		fast++
		name := filepath.Base(path)
		for n := 0; n <= len(df.Mem); n += 1 + len(df.Mem)/7 {
			checkSameAsExec(t, name, vm, df.Mem[:n])
		}
		checkSameAsExec(t, name, vm, df.Mem)
	}
	// Most of the corpus is loop-free and makes no local call.
	if fast < len(files)/2 {
		t.Fatalf("only %d of %d conformance programs have a fast form", fast, len(files))
	}
	t.Logf("%d of %d conformance programs run both ways", fast, len(files))
}

// fastTestFilters are filters whose translations cover what translate emits:
// legacy loads of every size, MSH, scratch memory, arithmetic, ancillary
// loads and the bounds checks of direct packet access.
var fastTestFilters = []string{
	"tcp port 80",
	"ip host 10.0.0.1",
	"udp and dst port 53",
	"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0",
	"ip6 and tcp",
	"vlan and ip",
	"not arp",
	"net 192.168.0.0/16 and (tcp or udp)",
	"ip[2:2] - ((ip[0]&0xf)<<2) - ((tcp[12]&0xf0)>>2) != 0",
	"len > 100 and ether[len - 1] & 1 = 0",
	"tcp[(tcp[12] >> 2) % 7 + 2] / 3 = 1 or udp[4:2] * 2 > 300",
	"ether broadcast or ether multicast",
	"inbound",        // compiled for a live capture: pkttype
	"vlan 10 and ip", // compiled for a live capture: vlan_avail, vlan_tci
	// Every comparison (eq, ne, gt, ge, lt, le, set) after absolute and
	// indexed loads of each size, and after masked loads: the fused
	// operations of the compact forms (compact.go).
	"ip[8] > 64 or ip[8] < 32 or ip[1] & 0xfc != 0",
	"ip[2:2] >= 1000 and ip[2:2] <= 1400 or ip[6:2] & 0x1fff > 0",
	"ip[12:4] > 0x0a000000 and ip[16:4] < 0xe0000000 or ip[12:4] & 0xffffff00 = 0xc0a80100",
	"tcp[13] & 0x12 = 0x12 or tcp[13] > 0x18 or tcp[12] >= 0x80",
	"tcp[2:2] > 1023 and tcp[0:2] < 1024 or tcp[14:2] & 0xff00 != 0",
	"tcp[4:4] > 1000 or tcp[8:4] & 0xff = 1 or tcp[8:4] <= 5",
	"udp[4:2] & 0xfff0 >= 0x20 or ip[0] & 0xf0 < 0x50 or udp[0] & 0x80 > 0",
	"ip6[6] = 58 and ip6[40] >= 128",
	"ether[12:2] > 0x800 or ip[12:4] & 0x80000000 != 0",
	"tcp[0] = 1 or tcp[4:4] = 1 or tcp[4:4] >= 7 or tcp[8:4] & 0x8000 != 0",
	"tcp[8:4] & 0xffff0000 = 0x10000 or tcp[4:4] + 1 > 5",
	"ip[16:4] > 5 and ip[12:4] = 0x0a000001 or ip[16:4] >= 7 and ip[12:4] & 0x100 != 0 or ip[20:4] < 9",
}

// TestFastFormTranslated runs translations of fastTestFilters, for the
// socket target and for direct packet access (XDP and TC), over the shared
// captures and truncations of their packets, with the fast form and with
// exec, and requires the same outcomes.
func TestFastFormTranslated(t *testing.T) {
	pkts := ethernetPackets(t)
	for _, expr := range fastTestFilters {
		live := expr == "inbound" || expr == "vlan 10 and ip"
		prog, err := cbpf.Compile(expr, cbpf.Options{LinkType: cbpf.LinkEN10MB, Optimize: true, Offline: !live, LinuxExt: live})
		if err != nil {
			t.Fatalf("%q: %v", expr, err)
		}
		progs := map[string]func() (asm.Instructions, error){
			"socket": func() (asm.Instructions, error) { return translate.SocketFilter(prog) },
			"xdp":    func() (asm.Instructions, error) { return translate.Direct(prog, translate.XDP) },
			"tc":     func() (asm.Instructions, error) { return translate.Direct(prog, translate.TC) },
		}
		for target, tr := range progs {
			insns, err := tr()
			if err != nil {
				if live && target == "xdp" {
					continue // XDP has no sk_buff for ancillary fields
				}
				t.Fatalf("%q %s: %v", expr, target, err)
			}
			// xdp_get_buff_len, for `len` in XDP: any fixed value does
			// for comparing the two interpreters.
			vm, err := NewVM(insns, WithHelper(int32(asm.FnXdpGetBuffLen), func(_, _, _, _, _ uint64) (uint64, error) { return 150, nil }))
			if err != nil {
				t.Fatalf("%q %s: %v", expr, target, err)
			}
			if sock, xdp := vm.forms(); target != "xdp" && sock == nil || target == "xdp" && xdp == nil {
				t.Fatalf("%q %s: translation has no compact form", expr, target)
			}
			name := expr + " " + target
			for i, p := range pkts {
				checkSameAsExec(t, name, vm, p)
				if i%5 == 0 {
					for _, n := range []int{0, 13, 14, 17, 21, 23, 34, 37, 54, 57} {
						if n < len(p) {
							checkSameAsExec(t, name, vm, p[:n])
						}
					}
				}
			}
		}
	}
}

// TestFastFormQualifies checks which programs get a fast form: not those
// that could exhaust the budget (a backward jump, more slots than the
// budget) nor those with local calls or atomic operations.
func TestFastFormQualifies(t *testing.T) {
	ret := asm.Instructions{asm.Mov.Imm(asm.R0, 1), asm.Return()}
	cases := []struct {
		name  string
		insns asm.Instructions
		opts  []Option
		fast  bool
	}{
		{"straight line", ret, nil, true},
		{"forward jump", asm.Instructions{
			asm.Mov.Imm(asm.R0, 0),
			asm.JEq.Imm(asm.R1, 0, "out"),
			asm.Mov.Imm(asm.R0, 1),
			asm.Return().WithSymbol("out"),
		}, nil, true},
		{"slots within the budget", ret, []Option{WithBudget(2)}, true},
		{"more slots than the budget", ret, []Option{WithBudget(1)}, false},
		{"backward jump", asm.Instructions{
			asm.Mov.Imm(asm.R0, 3).WithSymbol("top"),
			asm.Sub.Imm(asm.R0, 1),
			asm.JNE.Imm(asm.R0, 0, "top"),
			asm.Return(),
		}, nil, false},
		{"local call", asm.Instructions{
			asm.Call.Label("f"),
			asm.Return(),
			asm.Mov.Imm(asm.R0, 2).WithSymbol("f"),
			asm.Return(),
		}, nil, false},
		{"atomic", asm.Instructions{
			asm.Mov.Imm(asm.R1, 1),
			asm.StoreMem(asm.RFP, -8, asm.R1, asm.DWord),
			asm.StoreXAdd(asm.RFP, asm.R1, asm.DWord),
			asm.Mov.Imm(asm.R0, 0),
			asm.Return(),
		}, nil, false},
	}
	for _, c := range cases {
		vm, err := NewVM(c.insns, c.opts...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		sock, xdp := vm.forms()
		if got := sock != nil && xdp != nil; got != c.fast {
			t.Errorf("%s: has compact forms = %v, want %v", c.name, got, c.fast)
		}
		checkSameAsExec(t, c.name, vm, []byte{1, 2, 3, 4, 5, 6, 7, 8})
	}
	// A program that would exhaust the budget runs in exec and still fails.
	vm, err := NewVM(ret, WithBudget(1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := vm.Run(nil); !errors.Is(err, ErrBudgetExhausted) {
		t.Fatalf("2 instructions on a budget of 1: err = %v, want ErrBudgetExhausted", err)
	}
}

// TestCompactXDPPaths runs programs shaped like translate's direct packet
// access (a bounds check, a load of 1, 2 or 4 bytes with its byte swap, a
// comparison, and the address computation of an indexed load) whose
// pointers go to the packet, the stack or the context (exec's to run),
// whose checks fail to a target
// that is not a return, and whose index is out of range, on packets of
// every length up to 40 bytes: the paths of the XDP compact loop that
// translate's programs do not take. Each runs as the compact form, the fast
// form and exec, which must agree.
func TestCompactXDPPaths(t *testing.T) {
	sizes := []asm.Size{asm.Byte, asm.Half, asm.Word}
	cmps := []asm.JumpOp{asm.InvalidJumpOp, asm.JEq, asm.JNE, asm.JGT, asm.JGE, asm.JLT, asm.JLE, asm.JSet}
	var mems [][]byte
	for n := 0; n <= 40; n++ {
		m := make([]byte, n)
		for i := range m {
			m[i] = byte(i*37 + n)
		}
		mems = append(mems, m)
	}
	fused, fixed := 0, 0
	for _, size := range sizes {
		for _, cmp := range cmps {
			for _, where := range []string{"packet", "stack", "context", "packet, data_end rewritten", "packet, check too short"} {
				for _, indexed := range []bool{false, true} {
					insns := asm.Instructions{
						asm.Mov.Reg(asm.R6, asm.R1),
						asm.LoadMem(asm.R8, asm.R6, 0, asm.Word), // xdp_md.data
						asm.LoadMem(asm.R9, asm.R6, 4, asm.Word), // xdp_md.data_end
						asm.Mov.Imm(asm.R7, 0),
						asm.LoadImm(asm.R4, 0x0a0b0c0d_01020304, asm.DWord),
						asm.StoreMem(asm.RFP, -32, asm.R4, asm.DWord),
						asm.StoreMem(asm.RFP, -24, asm.R4, asm.Word),
					}
					base := asm.R8
					switch where {
					case "stack":
						base = asm.R3
						insns = append(insns, asm.Mov.Reg(asm.R3, asm.RFP), asm.Add.Imm(asm.R3, -32))
					case "context": // loads from it go to exec
						base = asm.R6
					case "packet, data_end rewritten":
						// data_end is no longer known to hold its entry
						// value: no cChkLdD* operation.
						insns = append(insns, asm.Mov.Reg(asm.R9, asm.R9))
					}
					if indexed {
						// X = first byte of the packet (or 0), then
						// translate's address of [x + 2].
						insns = append(insns,
							asm.Mov.Reg(asm.R2, asm.R8),
							asm.Add.Imm(asm.R2, 1),
							asm.JGT.Reg(asm.R2, asm.R9, "noindex"),
							asm.LoadMem(asm.R7, asm.R8, 0, asm.Byte),
							asm.And.Imm32(asm.R7, 7),
							asm.Mov.Reg(asm.R2, asm.R7).WithSymbol("noindex"),
							asm.JGT.Imm(asm.R2, 5, "far"),
							asm.Mov.Reg(asm.R5, base),
							asm.Add.Reg(asm.R5, asm.R2),
						)
						base = asm.R5
					}
					width := int32(size.Sizeof())
					checked := 2 + width
					if where == "packet, check too short" {
						checked = 1 // the load may then be outside the packet: exec faults
					}
					insns = append(insns,
						asm.Mov.Reg(asm.R2, base),
						asm.Add.Imm(asm.R2, checked),
						asm.JGT.Reg(asm.R2, asm.R9, "far"),
						asm.LoadMem(asm.R0, base, 2, size),
					)
					if size != asm.Byte {
						insns = append(insns, asm.HostTo(asm.BE, asm.R0, size))
					}
					if cmp != asm.InvalidJumpOp {
						insns = append(insns, cmp.Imm32(asm.R0, 0x0203, "yes"))
					} else {
						insns = append(insns, asm.Add.Imm(asm.R0, 1))
					}
					insns = append(insns,
						asm.Mov.Imm(asm.R0, 1),
						asm.Return(),
						asm.Mov.Imm(asm.R0, 2).WithSymbol("yes"),
						asm.Return(),
						asm.Mov.Reg(asm.R0, asm.R2).WithSymbol("far"),
						asm.Add.Imm(asm.R0, 3),
						asm.Return(),
					)
					name := fmt.Sprintf("size %d, %v, %s, indexed %v", width, cmp, where, indexed)
					vm, err := NewVM(insns)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if vm.xdp == nil {
						t.Fatalf("%s: no compact form for RunXDP", name)
					}
					for i := range vm.xdp.slots {
						switch o := vm.xdp.insts[i].op; {
						case o >= cChkLdxB && o <= cChkLdxWSet:
							fused++
						case o >= cChkLdDB && o <= cChkLdDWAndTree: // and their *Eq2, *AndTree
							fixed++
							if where == "packet, data_end rewritten" {
								t.Errorf("%s: a bounds check of data with data and data_end fixed", name)
							}
						}
					}
					for _, m := range mems {
						checkSameAsExec(t, name, vm, m)
					}
				}
			}
		}
	}
	if fused == 0 || fixed == 0 {
		t.Fatalf("%d programs with a fused bounds check, %d with one of data and data_end fixed: want some of each", fused, fixed)
	}
}

// TestCompactFormQualifies checks which loops run programs with a fast
// form: those of an 8-bit index up to compactMax instructions, those of a
// 16-bit index up to compactLongMax, none beyond.
func TestCompactFormQualifies(t *testing.T) {
	adds := func(n int) asm.Instructions {
		insns := asm.Instructions{asm.Mov.Imm(asm.R0, 0)}
		for range n {
			insns = append(insns, asm.Add.Imm(asm.R0, 1))
		}
		return append(insns, asm.Return())
	}
	const none = -1
	cases := []struct {
		name  string
		insns asm.Instructions
		loop  int
	}{
		{"short", asm.Instructions{asm.Mov.Imm(asm.R0, 1), asm.Add.Imm(asm.R0, 2), asm.Return()}, loopShort},
		{"more instructions than compactMax", adds(compactMax), loopLong},
		{"more instructions than compactLongMax", adds(compactLongMax), none},
		{"sign-extending move", nil, loopShort},
	}
	// add r0, 0x7f; movsx r0, r0 (from 8 bits); exit
	movsx := []byte{
		uint8(asm.Add.Op(asm.ImmSource)), 0, 0, 0, 0x7f, 0, 0, 0,
		uint8(asm.Mov.Op(asm.RegSource)), 0, 8, 0, 0, 0, 0, 0,
		uint8(asm.Exit.Op(asm.ImmSource)), 0, 0, 0, 0, 0, 0, 0,
	}
	for _, c := range cases {
		var vm *VM
		var err error
		if c.insns != nil {
			vm, err = NewVM(c.insns)
		} else {
			vm, err = NewVMFromBytes(movsx)
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		sock, xdp := vm.forms()
		for _, f := range []*compactForm{sock, xdp} {
			got := none
			if f != nil {
				got = int(f.loop)
			}
			if got != c.loop {
				t.Errorf("%s: loop %d, want %d", c.name, got, c.loop)
			}
		}
		checkSameAsExec(t, c.name, vm, []byte{1, 2, 3, 4})
	}
}
