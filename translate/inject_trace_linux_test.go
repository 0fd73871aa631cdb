//go:build linux

package translate_test

import (
	"encoding/binary"
	"fmt"
	"net"
	"os/exec"
	"testing"
	"time"

	cebpf "github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
	"github.com/cilium/ebpf/link"
	"golang.org/x/sys/unix"

	"github.com/gocap/gocap/cbpf"
	"github.com/gocap/gocap/translate"
)

// skbOffsets are the offsets of the struct sk_buff fields a tracing
// program needs to find a packet, from the kernel's BTF.
type skbOffsets struct {
	head, data, len, dataLen, macHeader, mark uint32
}

func kernelSkbOffsets(t *testing.T) skbOffsets {
	t.Helper()
	spec, err := btf.LoadKernelSpec()
	if err != nil {
		t.Skipf("skipping: no kernel BTF (%v)", err)
	}
	var skb *btf.Struct
	if err := spec.TypeByName("sk_buff", &skb); err != nil {
		t.Fatalf("struct sk_buff in the kernel BTF: %v", err)
	}
	var o skbOffsets
	for name, dst := range map[string]*uint32{
		"head": &o.head, "data": &o.data, "len": &o.len, "data_len": &o.dataLen,
		"mac_header": &o.macHeader, "mark": &o.mark,
	} {
		off, ok := memberOffset(skb.Members, name, 0)
		if !ok {
			t.Fatalf("struct sk_buff has no member %s", name)
		}
		*dst = off
	}
	return o
}

// memberOffset finds a member by name, looking into anonymous structs and
// unions, and returns its byte offset.
func memberOffset(members []btf.Member, name string, base uint32) (uint32, bool) {
	for _, m := range members {
		off := base + uint32(m.Offset.Bytes())
		if m.Name == name {
			return off, true
		}
		if m.Name != "" {
			continue
		}
		switch typ := btf.UnderlyingType(m.Type).(type) {
		case *btf.Struct:
			if o, ok := memberOffset(typ.Members, name, off); ok {
				return o, true
			}
		case *btf.Union:
			if o, ok := memberOffset(typ.Members, name, off); ok {
				return o, true
			}
		}
	}
	return 0, false
}

// traceMark is the skb->mark of the test's packets (SO_MARK on the sending
// socket; a veth pair in one namespace keeps it), so that the program
// ignores any other traffic.
const traceMark = 0x6763_6170

// Stack slots of the tracing host program's main function.
const (
	tsL2Start = -8
	tsEnd     = -16
	tsL3Start = -24
	tsKey     = -32
	tsRead    = -40 // bpf_probe_read_kernel's buffer
	tsHead    = -48
	tsData    = -56
	tsLen     = -64
	tsDataLen = -72
	tsMac     = -80
)

// traceHost is a raw tracepoint program for netif_receive_skb shaped like
// pwru's: for each of n filters it calls stubs filter_l2_I (r4 = the
// frame, skb->head + skb->mac_header) and filter_l3_I (r4 = skb->data,
// the network header at this point) with r5 = the end of the linear data,
// and stores l2 | l3<<1 in verdicts[1+I]; it stores skb->len in
// verdicts[n+1] and then counts the packet in verdicts[0]. Packets without
// the test's mark are ignored.
func traceHost(o skbOffsets, verdicts *cebpf.Map, n int) asm.Instructions {
	probe := func(slot int16, size int32, field uint32) asm.Instructions {
		return asm.Instructions{
			asm.Mov.Reg(asm.R1, asm.RFP),
			asm.Add.Imm(asm.R1, int32(slot)),
			asm.Mov.Imm(asm.R2, size),
			asm.Mov.Reg(asm.R3, asm.R7),
			asm.Add.Imm(asm.R3, int32(field)),
			asm.FnProbeReadKernel.Call(),
			asm.JNE.Imm(asm.R0, 0, "out"),
		}
	}
	store := func(key int32, val asm.Register, add bool) asm.Instructions {
		insns := asm.Instructions{
			asm.StoreImm(asm.RFP, tsKey, int64(key), asm.Word),
			asm.LoadMapPtr(asm.R1, verdicts.FD()),
			asm.Mov.Reg(asm.R2, asm.RFP),
			asm.Add.Imm(asm.R2, tsKey),
			asm.FnMapLookupElem.Call(),
			asm.JEq.Imm(asm.R0, 0, "out"),
		}
		if add {
			return append(insns, asm.StoreXAdd(asm.R0, val, asm.DWord))
		}
		return append(insns, asm.StoreMem(asm.R0, 0, val, asm.DWord))
	}

	insns := asm.Instructions{
		asm.Mov.Reg(asm.R6, asm.R1).WithSymbol("trace"),
		asm.LoadMem(asm.R7, asm.R6, 0, asm.DWord), // args[0]: the sk_buff
	}
	insns = append(insns, probe(tsRead, 4, o.mark)...)
	insns = append(insns,
		asm.LoadMem(asm.R1, asm.RFP, tsRead, asm.Word),
		asm.JNE.Imm(asm.R1, traceMark, "out"))
	insns = append(insns, probe(tsHead, 8, o.head)...)
	insns = append(insns, probe(tsData, 8, o.data)...)
	insns = append(insns, probe(tsLen, 4, o.len)...)
	insns = append(insns, probe(tsDataLen, 4, o.dataLen)...)
	insns = append(insns, probe(tsMac, 2, o.macHeader)...)
	insns = append(insns,
		// L2 start: head + mac_header.
		asm.LoadMem(asm.R1, asm.RFP, tsHead, asm.DWord),
		asm.LoadMem(asm.R2, asm.RFP, tsMac, asm.Half),
		asm.Add.Reg(asm.R1, asm.R2),
		asm.StoreMem(asm.RFP, tsL2Start, asm.R1, asm.DWord),
		// L3 start: data; end: data + len - data_len.
		asm.LoadMem(asm.R1, asm.RFP, tsData, asm.DWord),
		asm.StoreMem(asm.RFP, tsL3Start, asm.R1, asm.DWord),
		asm.LoadMem(asm.R2, asm.RFP, tsLen, asm.Word),
		asm.LoadMem(asm.R3, asm.RFP, tsDataLen, asm.Word),
		asm.Sub.Reg(asm.R2, asm.R3),
		asm.Add.Reg(asm.R1, asm.R2),
		asm.StoreMem(asm.RFP, tsEnd, asm.R1, asm.DWord))
	call := func(stub string, startSlot int16) asm.Instructions {
		return asm.Instructions{
			asm.Mov.Reg(asm.R1, asm.R6),
			asm.Mov.Reg(asm.R2, asm.R6),
			asm.Mov.Reg(asm.R3, asm.R6),
			asm.LoadMem(asm.R4, asm.RFP, startSlot, asm.DWord),
			asm.LoadMem(asm.R5, asm.RFP, tsEnd, asm.DWord),
			asm.Call.Label(stub),
		}
	}
	for i := range n {
		insns = append(insns, call(fmt.Sprintf("filter_l2_%d", i), tsL2Start)...)
		insns = append(insns, asm.Mov.Reg(asm.R8, asm.R0))
		insns = append(insns, call(fmt.Sprintf("filter_l3_%d", i), tsL3Start)...)
		insns = append(insns,
			asm.LSh.Imm(asm.R0, 1),
			asm.Or.Reg(asm.R8, asm.R0))
		insns = append(insns, store(int32(1+i), asm.R8, false)...)
	}
	insns = append(insns, asm.LoadMem(asm.R8, asm.RFP, tsLen, asm.Word))
	insns = append(insns, store(int32(n+1), asm.R8, false)...)
	insns = append(insns, asm.Mov.Imm(asm.R8, 1))
	insns = append(insns, store(0, asm.R8, true)...)
	insns = append(insns,
		asm.Mov.Imm(asm.R0, 0).WithSymbol("out"),
		asm.Return())
	for i := range n {
		for _, l := range []string{"l2", "l3"} {
			insns = append(insns,
				asm.Mov.Imm(asm.R0, 0).WithSymbol(fmt.Sprintf("filter_%s_%d", l, i)),
				asm.Return())
		}
	}
	return insns
}

// vethPair creates a veth pair and returns the sending end's index; the
// pair is deleted when the test ends.
func vethPair(t *testing.T) int {
	t.Helper()
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skipf("skipping: the ip command (iproute2) is not installed: %v", err)
	}
	a, b := fmt.Sprintf("gcinj%d", unix.Getpid()%10000), fmt.Sprintf("gcinjp%d", unix.Getpid()%10000)
	run := func(args ...string) {
		t.Helper()
		if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %v: %v: %s", args, err, out)
		}
	}
	run("link", "add", a, "type", "veth", "peer", "name", b)
	t.Cleanup(func() { _ = exec.Command("ip", "link", "del", a).Run() })
	run("link", "set", a, "up")
	run("link", "set", b, "up")
	ifi, err := net.InterfaceByName(a)
	if err != nil {
		t.Fatal(err)
	}
	return ifi.Index
}

// TestInjectTracing is pwru's use: a raw tracepoint on netif_receive_skb
// reads the packet of the sk_buff with bpf_probe_read_kernel. The test
// injects every expression (Ethernet at the frame, raw IP at the network
// header) with AccessProbeReadKernel, sends captured frames over a veth
// pair one by one, and compares each verdict the program records with the
// classic interpreter's on the same bytes.
func TestInjectTracing(t *testing.T) {
	requireBPF(t)
	o := kernelSkbOffsets(t)
	pkts := capturePackets(t)
	cases := compileInjectCases(t)

	// One program (and map) per expression: the verifier explores each
	// stub call with its caller's state, and forty of them in one
	// program exceed its limit on pending branches.
	type traced struct {
		verdicts *cebpf.Map
		prog     *cebpf.Program
	}
	progs := make([]traced, len(cases))
	for i, c := range cases {
		m, err := cebpf.NewMap(&cebpf.MapSpec{Type: cebpf.Array, KeySize: 4, ValueSize: 8, MaxEntries: 3})
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		l3 := c.l3
		if l3 == nil {
			l3 = acceptAll
		}
		insns := traceHost(o, m, 1)
		opts := translate.InjectOptions{Access: translate.AccessProbeReadKernel}
		if insns, err = translate.Inject(insns, "filter_l2_0", c.l2, opts); err != nil {
			t.Fatalf("%q: %v", c.expr, err)
		}
		if insns, err = translate.Inject(insns, "filter_l3_0", l3, opts); err != nil {
			t.Fatalf("%q: %v", c.expr, err)
		}
		prog, err := cebpf.NewProgram(&cebpf.ProgramSpec{
			Type: cebpf.RawTracepoint, Instructions: insns, License: "Dual BSD/GPL",
		})
		if err != nil {
			t.Fatalf("%q: loading the tracing program: %v", c.expr, err)
		}
		defer prog.Close()
		progs[i] = traced{m, prog}
	}

	ifindex := vethPair(t)
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_MARK, traceMark); err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		tp, err := link.AttachRawTracepoint(link.RawTracepointOptions{Name: "netif_receive_skb", Program: p.prog})
		if err != nil {
			t.Fatalf("attaching to netif_receive_skb: %v", err)
		}
		defer tp.Close()
	}

	lookup := func(i int, key uint32) uint64 {
		var v uint64
		if err := progs[i].verdicts.Lookup(key, &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	// count is the number of packets the slowest program has seen.
	count := func() uint64 {
		n := lookup(0, 0)
		for i := range progs {
			n = min(n, lookup(i, 0))
		}
		return n
	}
	sent, delivered, agree, matched := 0, 0, 0, 0
	var lost []string
	to := &unix.SockaddrLinklayer{Ifindex: ifindex, Protocol: htons(unix.ETH_P_ALL)}
	for _, p := range pkts {
		if len(p.data) > 1514 {
			continue // above the veth's MTU
		}
		before := count()
		if err := unix.Sendto(fd, p.data, 0, to); err != nil {
			t.Fatalf("%s: send: %v", p.name, err)
		}
		sent++
		deadline := time.Now().Add(time.Second)
		for count() == before && time.Now().Before(deadline) {
			time.Sleep(20 * time.Microsecond)
		}
		if c := lookup(0, 0); c != before+1 && c != before {
			t.Fatalf("%s: the program counted %d packets for one", p.name, c-before)
		}
		if c := count(); c != before+1 {
			if c == before {
				lost = append(lost, p.name)
				continue
			}
			t.Fatalf("%s: the program counted %d packets for one", p.name, c-before)
		}
		delivered++
		skbLen := lookup(0, 2)
		if skbLen+14 != uint64(len(p.data)) && skbLen != uint64(len(p.data)) {
			t.Fatalf("%s: the traced sk_buff has length %d, the frame %d: not the test's packet", p.name, skbLen, len(p.data))
		}
		for i, c := range cases {
			got := lookup(i, 1)
			want := uint64(0)
			if c.vm2.Run(p.data, uint32(len(p.data)), &cbpf.Ancillary{}) != 0 {
				want |= 1
			}
			if c.vm3 == nil || c.vm3.Run(p.data[14:], uint32(len(p.data)-14), &cbpf.Ancillary{}) != 0 {
				want |= 2
			}
			if got == want {
				agree++
				if got&1 != 0 {
					matched++
				}
			} else {
				t.Errorf("%q %s: kernel L2 %v L3 %v, classic L2 %v L3 %v", c.expr, p.name, got&1 != 0, got&2 != 0, want&1 != 0, want&2 != 0)
			}
		}
	}
	t.Logf("%d frames sent, %d traced; %d expressions: %d of %d verdict pairs agree (%d L2 matches)",
		sent, delivered, len(cases), agree, delivered*len(cases), matched)
	if len(lost) > 0 {
		t.Logf("%d frames did not reach netif_receive_skb on the peer (the veth or the packet socket dropped them): %v", len(lost), lost)
	}
	if delivered < sent*9/10 {
		t.Errorf("only %d of %d frames were traced", delivered, sent)
	}
}

func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return binary.NativeEndian.Uint16(b[:])
}
